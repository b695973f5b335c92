// The payloads of a delegate's private notes (notes.ts), parsed by the server before anything else sees them.
import { z } from 'zod';
import { NOTE_LIMITS } from './notes';
import { IdSchema } from './schemas';

const fraction = z.number().min(0).max(1);
export const NoteRectSchema = z
  .strictObject({ x: fraction, y: fraction, w: fraction, h: fraction })
  .refine((r) => r.x + r.w <= 1.000001 && r.y + r.h <= 1.000001, { message: 'the region leaves the page' });
const noteText = z.string().max(NOTE_LIMITS.text);
const rects = z.array(NoteRectSchema).max(NOTE_LIMITS.rects);

export const NoteListSchema = z.strictObject({ documentId: IdSchema });
export const NoteAddSchema = z
  .strictObject({
    documentId: IdSchema,
    page: z.int().min(1).max(NOTE_LIMITS.page),
    kind: z.enum(['note', 'highlight']),
    text: noteText,
    quote: noteText.default(''),
    rects: rects.default([]),
  })
  .refine((n) => (n.kind === 'note' ? n.text.trim() !== '' : n.rects.length > 0), {
    message: 'a note needs text, a highlight a region',
  });
export const NoteUpdateSchema = z.strictObject({ noteId: IdSchema, text: noteText });
export const NoteRefSchema = z.strictObject({ noteId: IdSchema });
