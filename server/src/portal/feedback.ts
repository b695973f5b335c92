// Voter feedback (ý kiến cử tri): the form's validation, the anti-spam limits and the table behind it.

import { z } from 'zod';
import type { Db } from '../storage/database';
import type { FeedbackItem, FeedbackStatus } from '@hddt/protocol';
import type { FeedbackPatchSchema } from '@hddt/protocol/schemas';

export { FEEDBACK_STATUSES } from '@hddt/protocol/schemas';
export type { FeedbackStatus } from '@hddt/protocol';

// What the secretariat reads and edits (GET /api/feedback, PATCH /api/feedback/:id): the contract is in @hddt/protocol.
export type { FeedbackItem };

export const FEEDBACK_LIMITS = { name: 100, contact: 150, area: 150, topic: 200, text: 4000 } as const;
/** The whole urlencoded body; a full form with long Vietnamese text stays far below it. */
export const FEEDBACK_BODY_LIMIT = '32kb';
export const HONEYPOT_FIELD = 'website';

type Msg = { vi: string; en: string };
const req = (viName: string, enName: string): Msg => ({ vi: `Vui lòng nhập ${viName}.`, en: `Please enter ${enName}.` });
const tooLong = (max: number): Msg => ({ vi: `Tối đa ${max} ký tự.`, en: `At most ${max} characters.` });

export const FEEDBACK_MESSAGES = {
  name: req('họ và tên', 'your name'),
  contact: req('số điện thoại hoặc thư điện tử để Văn phòng liên hệ lại', 'a phone number or e-mail address so the office can reply'),
  area: req('nơi cư trú (xã, thôn, khu phố)', 'where you live (commune, village, quarter)'),
  topic: req('chủ đề', 'a topic'),
  text: req('nội dung ý kiến', 'your feedback'),
} satisfies Record<keyof typeof FEEDBACK_LIMITS, Msg>;

const field = (key: keyof typeof FEEDBACK_LIMITS) =>
  z
    .string({ error: JSON.stringify(FEEDBACK_MESSAGES[key]) })
    .transform((s) => s.normalize('NFC').replace(/\r\n/g, '\n').trim())
    .pipe(
      z
        .string()
        .min(key === 'text' ? 10 : 2, {
          error: JSON.stringify(
            key === 'text' ? { vi: 'Nội dung ý kiến cần ít nhất 10 ký tự.', en: 'Please write at least 10 characters.' } : FEEDBACK_MESSAGES[key],
          ),
        })
        .max(FEEDBACK_LIMITS[key], { error: JSON.stringify(tooLong(FEEDBACK_LIMITS[key])) }),
    );

const optionalId = z
  .string()
  .optional()
  .transform((s) => (s && /^[A-Za-z0-9_-]{1,64}$/.test(s) ? s : null));

export const FeedbackFormSchema = z.object({
  name: field('name'),
  contact: field('contact'),
  area: field('area'),
  topic: field('topic'),
  text: field('text'),
  sessionId: optionalId,
  resolutionId: optionalId,
});
export type FeedbackForm = z.output<typeof FeedbackFormSchema>;

export type FormErrors = Partial<Record<keyof typeof FEEDBACK_LIMITS, Msg>>;

/** Validates the posted form; field errors carry both languages. */
export function validateFeedback(body: unknown): { ok: true; data: FeedbackForm } | { ok: false; errors: FormErrors } {
  const input = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  // Repeated fields (name=a&name=b) arrive as arrays: not a form a person sends.
  const flat: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) flat[k] = Array.isArray(v) ? undefined : v;
  const parsed = FeedbackFormSchema.safeParse(flat);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FormErrors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path[0] as keyof typeof FEEDBACK_LIMITS;
    if (!(key in FEEDBACK_LIMITS) || errors[key]) continue;
    try {
      errors[key] = JSON.parse(issue.message) as Msg;
    } catch {
      errors[key] = FEEDBACK_MESSAGES[key];
    }
  }
  return { ok: false, errors };
}

/**
 * Sliding windows per address: at most `perAddress` stored posts and `attemptsPerAddress` posts of any kind
 * (invalid ones included) per window, plus a global ceiling of stored posts so a flood cannot fill the disk.
 */
export class FeedbackLimiter {
  private readonly attempts = new Map<string, number[]>();
  private readonly stored = new Map<string, number[]>();
  private global: number[] = [];

  constructor(
    private readonly perAddress = 5,
    private readonly attemptsPerAddress = 20,
    private readonly windowMs = 10 * 60_000,
    private readonly globalPerHour = 300,
  ) {}

  private recent(map: Map<string, number[]>, key: string, now: number): number[] {
    const list = (map.get(key) ?? []).filter((t) => now - t < this.windowMs);
    map.set(key, list);
    if (map.size > 20_000) map.clear();
    return list;
  }

  /** Counts a post of any kind; false when this address has sent too many. */
  attempt(address: string, now: number): boolean {
    const list = this.recent(this.attempts, address, now);
    list.push(now);
    return list.length <= this.attemptsPerAddress;
  }

  /** Counts a valid post about to be stored; false when this address (or everyone together) stored too many. */
  store(address: string, now: number): boolean {
    const list = this.recent(this.stored, address, now);
    this.global = this.global.filter((t) => now - t < 3600_000);
    if (list.length >= this.perAddress || this.global.length >= this.globalPerHour) return false;
    list.push(now);
    this.global.push(now);
    return true;
  }
}

interface Row {
  id: string;
  created_at: string;
  name: string;
  contact: string;
  area: string;
  topic: string;
  body: string;
  session_id: string | null;
  resolution_id: string | null;
  status: FeedbackStatus;
  answer: string | null;
  answer_published: number;
  updated_at: string;
  updated_by: string | null;
}

function toItem(r: Row): FeedbackItem {
  return {
    id: r.id,
    createdAt: r.created_at,
    name: r.name,
    contact: r.contact,
    area: r.area,
    topic: r.topic,
    text: r.body,
    sessionId: r.session_id,
    resolutionId: r.resolution_id,
    status: r.status,
    answer: r.answer,
    answerPublished: r.answer_published === 1,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}

export type FeedbackPatch = z.output<typeof FeedbackPatchSchema>;

/** What a patch makes of an item: an empty answer is none, and an answer is published only when there is one. */
export function patchedFeedback(current: FeedbackItem, patch: FeedbackPatch): { status: FeedbackStatus; answer: string | null; answerPublished: boolean } {
  const answer = patch.answer === undefined ? current.answer : patch.answer === '' ? null : patch.answer;
  return { status: patch.status ?? current.status, answer, answerPublished: Boolean((patch.answerPublished ?? current.answerPublished) && answer) };
}

export class FeedbackStore {
  constructor(private readonly db: Db) {}

  insert(id: string, form: FeedbackForm, at: string): FeedbackItem {
    this.db
      .prepare(
        `INSERT INTO feedback (id, created_at, name, contact, area, topic, body, session_id, resolution_id, status, answer, answer_published, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'new', NULL, 0, ?)`,
      )
      .run(id, at, form.name, form.contact, form.area, form.topic, form.text, form.sessionId, form.resolutionId, at);
    return this.get(id)!;
  }

  get(id: string): FeedbackItem | null {
    const row = this.db.prepare('SELECT * FROM feedback WHERE id = ?').get(id) as Row | undefined;
    return row ? toItem(row) : null;
  }

  list(status?: FeedbackStatus): FeedbackItem[] {
    const rows = (
      status
        ? this.db.prepare('SELECT * FROM feedback WHERE status = ? ORDER BY created_at DESC, id').all(status)
        : this.db.prepare('SELECT * FROM feedback ORDER BY created_at DESC, id').all()
    ) as Row[];
    return rows.map(toItem);
  }

  /** Answers published on the portal, newest first. */
  published(limit = 50): FeedbackItem[] {
    const rows = this.db
      .prepare(`SELECT * FROM feedback WHERE answer_published = 1 AND answer IS NOT NULL AND answer <> '' ORDER BY updated_at DESC, id LIMIT ?`)
      .all(limit) as Row[];
    return rows.map(toItem);
  }

  update(id: string, patch: FeedbackPatch, by: string, at: string): FeedbackItem | null {
    const current = this.get(id);
    if (!current) return null;
    const { status, answer, answerPublished } = patchedFeedback(current, patch);
    this.db
      .prepare('UPDATE feedback SET status = ?, answer = ?, answer_published = ?, updated_at = ?, updated_by = ? WHERE id = ?')
      .run(status, answer, answerPublished ? 1 : 0, at, by, id);
    return this.get(id);
  }
}
