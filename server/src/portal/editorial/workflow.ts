// The editorial workflow as pure rules: who may do what to an item in which state. No I/O and no clock: the
// caller passes the time. An editor drafts and submits; only the head of the board sends back, publishes
// and unpublishes, so an editor can never publish alone; a confidential document is never published.

import type { ContentAction, ContentItem, ContentState, ErrorCode, StaffRole } from '@hddt/protocol';

export type WorkflowResult<T> = { ok: true; value: T } | { ok: false; code: ErrorCode };

export function canWrite(role: StaffRole): boolean {
  return role === 'editor' || role === 'board-head';
}

export function canReview(role: StaffRole): boolean {
  return role === 'board-head';
}

/** Editing is allowed on a draft, and on a withdrawn item (which goes back to draft). */
export function checkEdit(role: StaffRole, item: Pick<ContentItem, 'state'>): WorkflowResult<ContentState> {
  if (!canWrite(role)) return { ok: false, code: 'FORBIDDEN' };
  if (item.state === 'draft' || item.state === 'withdrawn') return { ok: true, value: 'draft' };
  return { ok: false, code: 'CONTENT_WRONG_STATE' };
}

export interface TransitionRequest {
  action: ContentAction;
  comment?: string | undefined;
  publishAt?: string | undefined;
}

export interface TransitionOutcome {
  from: ContentState;
  to: ContentState;
  comment: string | null;
  publishAt: string | null;
}

const FROM: Record<ContentAction, ContentState> = {
  submit: 'draft',
  'send-back': 'submitted',
  publish: 'submitted',
  unpublish: 'published',
};
const TO: Record<ContentAction, ContentState> = {
  submit: 'submitted',
  'send-back': 'draft',
  publish: 'published',
  unpublish: 'withdrawn',
};

export function decideTransition(
  role: StaffRole,
  item: Pick<ContentItem, 'state' | 'confidential'>,
  request: TransitionRequest,
  nowIso: string,
): WorkflowResult<TransitionOutcome> {
  const { action } = request;
  const reviewerOnly = action !== 'submit';
  if (!canWrite(role) || (reviewerOnly && !canReview(role))) return { ok: false, code: 'FORBIDDEN' };
  if (item.state !== FROM[action]) return { ok: false, code: 'CONTENT_WRONG_STATE' };
  if ((action === 'submit' || action === 'publish') && item.confidential) return { ok: false, code: 'CONTENT_CONFIDENTIAL' };
  const comment = request.comment?.trim() ? request.comment.trim() : null;
  if (action === 'send-back' && !comment) return { ok: false, code: 'REVIEW_COMMENT_REQUIRED' };
  let publishAt: string | null = null;
  if (action === 'publish') {
    publishAt = request.publishAt ? new Date(request.publishAt).toISOString() : nowIso;
    if (publishAt < nowIso) publishAt = nowIso;
  }
  return { ok: true, value: { from: item.state, to: TO[action], comment, publishAt } };
}

/** What readers see: published, due (scheduled time reached), and never confidential. */
export function isPublic(item: Pick<ContentItem, 'state' | 'publishAt' | 'confidential'>, nowIso: string): boolean {
  return item.state === 'published' && !item.confidential && item.publishAt !== null && item.publishAt <= nowIso;
}
