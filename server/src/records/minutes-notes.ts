// The editable text of a session's minutes (number, opening/closing remarks, summary of debate per agenda
// item), kept in the minutes_notes table (migration 0003). Everything else in the minutes comes from the log.

import type { MinutesNotes } from '@hddt/protocol';
import type { MinutesNotesInputSchema } from '@hddt/protocol/schemas';
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { Db } from '../storage/database';

export type { MinutesNotes };

/** The PUT body; its schema is part of the REST description in protocol (rest-routes.ts). */
export type MinutesNotesInput = z.infer<typeof MinutesNotesInputSchema>;

interface Row {
  number: string;
  opening: string;
  closing: string;
  items: string;
  recipients: string;
  updated_at: string;
  updated_by: string;
}

export function emptyNotes(): MinutesNotes {
  return { number: '', opening: '', closing: '', items: {}, recipients: [], updatedAt: null, updatedBy: null };
}

export function readNotes(db: Db, sessionId: string): MinutesNotes {
  const row = db.prepare('SELECT * FROM minutes_notes WHERE session_id = ?').get(sessionId) as Row | undefined;
  if (!row) return emptyNotes();
  return {
    number: row.number,
    opening: row.opening,
    closing: row.closing,
    items: JSON.parse(row.items) as Record<string, string>,
    recipients: JSON.parse(row.recipients) as string[],
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

/** The stored notes with the given fields merged in (absent fields keep their value; an empty item text removes it). */
export function mergeNotes(current: MinutesNotes, input: MinutesNotesInput, at: string, by: string): MinutesNotes {
  const items = { ...current.items };
  for (const [id, text] of Object.entries(input.items ?? {})) {
    if (text.trim() === '') delete items[id];
    else items[id] = text.normalize('NFC');
  }
  return {
    number: (input.number ?? current.number).normalize('NFC'),
    opening: (input.opening ?? current.opening).normalize('NFC'),
    closing: (input.closing ?? current.closing).normalize('NFC'),
    items,
    recipients: (input.recipients ?? current.recipients).map((l) => l.normalize('NFC')),
    updatedAt: at,
    updatedBy: by,
  };
}

/** SHA-256 of the text of the notes (not who saved them or when), as the event log records it. */
export function notesFingerprint(notes: MinutesNotes): string {
  const items = Object.keys(notes.items)
    .sort()
    .map((id) => [id, notes.items[id]]);
  // Notes without their own recipients hash as they did before the list existed.
  const text =
    notes.recipients.length > 0 ? [notes.number, notes.opening, notes.closing, items, notes.recipients] : [notes.number, notes.opening, notes.closing, items];
  return createHash('sha256').update(JSON.stringify(text)).digest('hex');
}

/** Stores the notes of a session (inside the engine's transaction, beside the event that witnesses them). */
export function storeNotes(db: Db, sessionId: string, notes: MinutesNotes): void {
  db.prepare(
    `INSERT INTO minutes_notes (session_id, number, opening, closing, items, recipients, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(session_id) DO UPDATE SET number = excluded.number, opening = excluded.opening, closing = excluded.closing,
       items = excluded.items, recipients = excluded.recipients, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(sessionId, notes.number, notes.opening, notes.closing, JSON.stringify(notes.items), JSON.stringify(notes.recipients), notes.updatedAt, notes.updatedBy);
}
