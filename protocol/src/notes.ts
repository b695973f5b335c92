// A delegate's private working notes on a session document: a text note on a page, or a highlighted region
// of a page (with the text it covers, when it was a selection). They belong to the delegate alone: the
// server keeps them per delegate per document, outside the event log (see docs/security.md), and answers
// them only to that delegate's card. No zod here: the tablet checks its input with noteProblem() below and
// the server parses with the schemas of note-schemas.ts (same limits).

import { formatCount } from './format';

/** Limits of one note and of one delegate's notes on one document. */
export const NOTE_LIMITS = {
  /** Characters of a note's text and of a highlight's covered text. */
  text: 2000,
  /** Rectangles of one highlight (a selection over several lines gives one per line). */
  rects: 64,
  /** Notes and highlights of one delegate on one document. */
  perDocument: 500,
  /** Highest page number accepted. */
  page: 10000,
} as const;

export type NoteKind = 'note' | 'highlight';

/** A region of a page as fractions of its width and height (0–1), so it holds at any zoom. */
export interface NoteRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface DocumentNote {
  id: string;
  documentId: string;
  page: number;
  kind: NoteKind;
  /** The note's text; for a highlight, the delegate's comment on it (may be empty). */
  text: string;
  /** A highlight's covered text when it was a text selection (empty for a drawn region and for a note). */
  quote: string;
  /** A highlight's region(s); empty for a note. */
  rects: NoteRect[];
  createdAt: string;
  updatedAt: string;
}

/** What the tablet says about a note before sending it: null when it may be sent. */
export function noteProblem(kind: NoteKind, text: string, rects: readonly NoteRect[]): { message: string; messageEn: string } | null {
  if (kind === 'note' && text.trim() === '')
    return { message: 'Ghi chú đang trống: hãy nhập nội dung.', messageEn: 'The note is empty: write something first.' };
  if (text.length > NOTE_LIMITS.text)
    return {
      message: `Ghi chú tối đa ${formatCount(NOTE_LIMITS.text, 'vi')} ký tự (đang có ${formatCount(text.length, 'vi')}).`,
      messageEn: `A note has at most ${formatCount(NOTE_LIMITS.text, 'en')} characters (this one has ${formatCount(text.length, 'en')}).`,
    };
  if (kind === 'highlight' && rects.length === 0) return { message: 'Chưa chọn vùng để đánh dấu.', messageEn: 'No region is selected to highlight.' };
  if (rects.length > NOTE_LIMITS.rects)
    return {
      message: `Vùng đánh dấu quá dài (tối đa ${NOTE_LIMITS.rects} dòng).`,
      messageEn: `The highlight is too long (at most ${NOTE_LIMITS.rects} lines).`,
    };
  return null;
}
