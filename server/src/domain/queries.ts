// Read helpers over the council's state, shared by the rules, the views, the transport and the records.
// Pure: they only read the state they are given.

import type { AgendaItem, ErrorCode, Session, SpeakerEntry } from '@hddt/protocol';
import { isWritable } from './batch';
import { meets, requiredCount } from './majority';
import { participationCount } from './tally';
import type { CouncilState, RoundState } from './types';

// The roster table of a finished state never changes in place, so its seated count is kept with it: a snapshot
// for 3,000 delegates asks for it several times (attendance, quorum, every round view), O(delegates) each.
const seatedCache = new WeakMap<object, number>();

export function seatedCount(state: CouncilState): number {
  const delegates = state.delegates;
  const cached = seatedCache.get(delegates);
  if (cached !== undefined) return cached;
  let n = 0;
  for (const id in delegates) if (delegates[id]!.seated) n += 1;
  // Not while a batch may still change the table in place (same identity, new content).
  if (!isWritable(delegates)) seatedCache.set(delegates, n);
  return n;
}

export function activeSession(state: CouncilState): Session | null {
  return state.activeSessionId ? (state.sessions[state.activeSessionId] ?? null) : null;
}

export function openSession(state: CouncilState): Session | null {
  for (const s of Object.values(state.sessions)) if (s.status === 'open') return s;
  return null;
}

/** The active session if it is open, or the code of why a live command cannot run. */
export function requireActiveOpenSession(state: CouncilState): Session | ErrorCode {
  const s = activeSession(state);
  if (!s) return 'SESSION_NOT_FOUND';
  if (s.status !== 'open') return 'SESSION_NOT_OPEN';
  return s;
}

// States are immutable, so the present list of a given (records, delegates) pair never changes: memoise it.
// During a vote burst the attendance table is untouched and every progress update reuses the answer.
// Not while a batch may still change either table in place (same identity, new content): that would hand a
// later command of the batch, or the views after it, an outdated count.
const presentCache = new WeakMap<object, { delegates: object; ids: string[] }>();

export function presentIds(state: CouncilState, sessionId: string, day: string): string[] {
  const records = state.attendance[sessionId]?.[day];
  if (!records) return [];
  const memo = !isWritable(records) && !isWritable(state.delegates);
  const cached = memo ? presentCache.get(records) : undefined;
  if (cached && cached.delegates === state.delegates) return cached.ids;
  const ids: string[] = [];
  for (const r of Object.values(records)) {
    if (r.status === 'present' && state.delegates[r.delegateId]?.seated) ids.push(r.delegateId);
  }
  if (memo) presentCache.set(records, { delegates: state.delegates, ids });
  return ids;
}

export function isPresent(state: CouncilState, sessionId: string, day: string, delegateId: string): boolean {
  return state.attendance[sessionId]?.[day]?.[delegateId]?.status === 'present';
}

export function quorumRequired(state: CouncilState): number {
  if (!state.council) return 0;
  return requiredCount(state.council.quorum, seatedCount(state));
}

export function quorumMet(state: CouncilState, sessionId: string, day: string): boolean {
  if (!state.council) return false;
  return meets(state.council.quorum, presentIds(state, sessionId, day).length, seatedCount(state));
}

export function openRoundOf(state: CouncilState, sessionId: string): RoundState | null {
  for (const r of Object.values(state.rounds)) if (r.sessionId === sessionId && r.status === 'open') return r;
  return null;
}

/** Any round open anywhere: the roster (and so N) must not change under it. */
export function roundInProgress(state: CouncilState): boolean {
  return Object.values(state.rounds).some((r) => r.status === 'open');
}

export function roundsOfMotion(state: CouncilState, motionId: string): RoundState[] {
  return Object.values(state.rounds)
    .filter((r) => r.motionId === motionId)
    .sort((a, b) => a.number - b.number);
}

export function agendaOf(state: CouncilState, sessionId: string): AgendaItem[] {
  return Object.values(state.agenda)
    .filter((a) => a.sessionId === sessionId)
    .sort((a, b) => a.order - b.order);
}

/**
 * The session's speaker list, first come first served. Requests with the same timestamp (one group commit
 * stamps a whole batch alike) keep the order they were recorded in: the state's insertion order is the log's,
 * and the sort is stable. Ordering ties by the (random) id would let a later request jump the queue.
 */
export function speakersOf(state: CouncilState, sessionId: string): SpeakerEntry[] {
  return Object.values(state.speakers)
    .filter((e) => e.sessionId === sessionId)
    .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0) || (a.requestedAt < b.requestedAt ? -1 : a.requestedAt > b.requestedAt ? 1 : 0));
}

/** Participation of a round, for views. */
export function votedCount(round: RoundState): number {
  return participationCount(round);
}
