// The zod schemas of the portal's editorial REST bodies (/api/portal/*), on the '@hddt/protocol/schemas' entry
// point with the others, so that only the server and the console carry zod.
import { z } from 'zod';

const slug = z
  .string()
  .trim()
  .min(2)
  .max(60)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const url = z
  .string()
  .trim()
  .max(500)
  .regex(/^https?:\/\/[^\s<>"]+$/);

export const ContentInputSchema = z.strictObject({
  kind: z.enum(['article', 'page', 'document']),
  section: slug,
  title: z.string().trim().min(1).max(300),
  summary: z.string().trim().max(1000).default(''),
  titleEn: z
    .string()
    .trim()
    .max(300)
    .transform((v) => v || null)
    .nullable()
    .default(null),
  summaryEn: z
    .string()
    .trim()
    .max(1000)
    .transform((v) => v || null)
    .nullable()
    .default(null),
  bodyHtml: z.string().max(500_000).default(''),
  documentNumber: z.string().trim().max(80).nullable().default(null),
  issuedOn: isoDate.nullable().default(null),
  effectiveOn: isoDate.nullable().default(null),
  issuingBody: z
    .string()
    .trim()
    .max(200)
    .transform((v) => v || null)
    .nullable()
    .default(null),
  /** Files uploaded first (POST /api/portal/files); the server fills in name, type and size. */
  attachments: z
    .array(z.strictObject({ fileId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/), title: z.string().trim().min(1).max(200) }))
    .max(20)
    .default([]),
  confidential: z.boolean().default(false),
  links: z
    .array(z.strictObject({ title: z.string().trim().min(1).max(200), url }))
    .max(30)
    .default([]),
  sessionId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .nullable()
    .default(null),
  source: z
    .string()
    .regex(/^(document|resolution|minutes|result):[A-Za-z0-9_-]{1,64}$/)
    .nullable()
    .default(null),
});
export type ContentInput = z.output<typeof ContentInputSchema>;

/** An edit: every field of the input, plus the version the editor started from (a stale one is a conflict). */
export const ContentEditSchema = ContentInputSchema.omit({ kind: true, source: true }).extend({ baseVersion: z.int().min(1) });
export type ContentEdit = z.output<typeof ContentEditSchema>;

export const ContentTransitionSchema = z.strictObject({
  action: z.enum(['submit', 'send-back', 'publish', 'unpublish']),
  comment: z.string().trim().max(2000).optional(),
  /** ISO time for scheduled publishing; absent: now. */
  publishAt: z.iso.datetime({ offset: true }).optional(),
});

export const SectionInputSchema = z.strictObject({
  key: slug,
  kind: z.enum(['article', 'page', 'document']),
  titleVi: z.string().trim().min(1).max(120),
  titleEn: z.string().trim().min(1).max(120),
});

/** One line of the after-session checklist: a piece of the session the board sorts into the portal. */
export const DelegateProfileInputSchema = z.strictObject({
  constituency: z.string().trim().max(300).default(''),
  committees: z.array(z.string().trim().min(1).max(200)).max(10).default([]),
  contact: z.string().trim().max(1000).default(''),
});
