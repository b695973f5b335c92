// A delegate's private notes and highlights (protocol/src/notes.ts), in their own table. Every statement
// carries the delegate's id next to the note's, so one delegate can never read, change or delete another's
// note, whatever id they send: an id that is not theirs is simply not found.

import type { DocumentNote, NoteKind, NoteRect } from '@hddt/protocol';
import { NOTE_LIMITS } from '@hddt/protocol';
import type { Db } from './database';

interface NoteRow {
  id: string;
  document_id: string;
  page: number;
  kind: NoteKind;
  text: string;
  quote: string;
  rects: string;
  created_at: string;
  updated_at: string;
}

export interface NewNote {
  documentId: string;
  page: number;
  kind: NoteKind;
  text: string;
  quote: string;
  rects: NoteRect[];
}

function toNote(row: NoteRow): DocumentNote {
  return {
    id: row.id,
    documentId: row.document_id,
    page: row.page,
    kind: row.kind,
    text: row.text,
    quote: row.quote,
    rects: JSON.parse(row.rects) as NoteRect[],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const COLUMNS = 'id, document_id, page, kind, text, quote, rects, created_at, updated_at';

export class DelegateNotes {
  private readonly q;

  constructor(private readonly db: Db) {
    const p = (sql: string) => db.prepare(sql);
    this.q = {
      list: p(`SELECT ${COLUMNS} FROM delegate_notes WHERE delegate_id = ? AND document_id = ? ORDER BY page, created_at, id`),
      one: p(`SELECT ${COLUMNS} FROM delegate_notes WHERE delegate_id = ? AND id = ?`),
      count: p('SELECT COUNT(*) AS n FROM delegate_notes WHERE delegate_id = ? AND document_id = ?'),
      insert: p(
        'INSERT INTO delegate_notes (id, delegate_id, document_id, page, kind, text, quote, rects, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      update: p('UPDATE delegate_notes SET text = ?, updated_at = ? WHERE delegate_id = ? AND id = ?'),
      remove: p('DELETE FROM delegate_notes WHERE delegate_id = ? AND id = ?'),
    };
  }

  list(delegateId: string, documentId: string): DocumentNote[] {
    return (this.q.list.all(delegateId, documentId) as NoteRow[]).map(toNote);
  }

  get(delegateId: string, noteId: string): DocumentNote | null {
    const row = this.q.one.get(delegateId, noteId) as NoteRow | undefined;
    return row ? toNote(row) : null;
  }

  /** Adds a note; null when the delegate already has the most a document may carry. */
  add(delegateId: string, id: string, note: NewNote, nowIso: string): DocumentNote | null {
    return this.db.transaction(() => {
      const { n } = this.q.count.get(delegateId, note.documentId) as { n: number };
      if (n >= NOTE_LIMITS.perDocument) return null;
      this.q.insert.run(id, delegateId, note.documentId, note.page, note.kind, note.text, note.quote, JSON.stringify(note.rects), nowIso, nowIso);
      return this.get(delegateId, id);
    })();
  }

  update(delegateId: string, noteId: string, text: string, nowIso: string): DocumentNote | null {
    const changed = this.q.update.run(text, nowIso, delegateId, noteId).changes;
    return changed === 1 ? this.get(delegateId, noteId) : null;
  }

  remove(delegateId: string, noteId: string): boolean {
    return this.q.remove.run(delegateId, noteId).changes === 1;
  }
}
