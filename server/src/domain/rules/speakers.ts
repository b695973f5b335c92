// The speaker queue (đăng ký phát biểu): requests, the floor, and the time each speaker has.

import type { SpeakerEntry } from '@hddt/protocol';
import { type Batch, type Draft, table } from '../batch';
import { requireActiveOpenSession, speakersOf } from '../queries';
import type { DomainEvent } from '../types';
import type { DecideCtx, Deciders, Evolvers } from './kit';
import { withBoard } from './display';
import { fail, ok } from './kit';

type SpeakerCommand =
  'speaker.request' | 'speaker.withdraw' | 'speaker.add' | 'speaker.give' | 'speaker.finish' | 'speaker.remove' | 'speaker.move' | 'speaker.mark';
type SpeakerEvent =
  'speaker.requested' | 'speaker.withdrawn' | 'speaker.started' | 'speaker.finished' | 'speaker.removed' | 'speaker.reordered' | 'speaker.marked';

export const speakerDeciders: Deciders<SpeakerCommand> = {
  'speaker.request': (state, command, ctx) => {
    const s = requireActiveOpenSession(state);
    if (typeof s === 'string') return fail(s);
    const d = state.delegates[command.delegateId];
    if (!d) return fail('DELEGATE_NOT_FOUND');
    if (!d.seated) return fail('NOT_SEATED');
    // A question (chất vấn) is a separate registration: it neither counts as nor blocks a request to speak.
    const existing = speakersOf(state, s.id).find((e) => e.delegateId === d.id && !e.question && (e.status === 'waiting' || e.status === 'speaking'));
    if (existing) return ok([], { result: { entryId: existing.id } });
    const entry = newSpeaker(ctx, s.id, d.id, d.fullName, d.title, state.council?.speakingTimeSec ?? 300);
    return ok([{ type: 'speaker.requested', entry }], { result: { entryId: entry.id } });
  },

  'speaker.withdraw': (state, command) => {
    const s = requireActiveOpenSession(state);
    if (typeof s === 'string') return fail(s);
    const existing = speakersOf(state, s.id).find((e) => e.delegateId === command.delegateId && !e.question && e.status === 'waiting');
    if (!existing) return fail('SPEAKER_NOT_FOUND');
    return ok([{ type: 'speaker.withdrawn', entryId: existing.id }], { result: { entryId: existing.id } });
  },

  'speaker.add': (state, command, ctx) => {
    const s = requireActiveOpenSession(state);
    if (typeof s === 'string') return fail(s);
    const known = command.delegateId !== null ? state.delegates[command.delegateId] : undefined;
    if (command.delegateId !== null && !known) return fail('DELEGATE_NOT_FOUND');
    const title = command.title || known?.title || '';
    const entry = newSpeaker(ctx, s.id, command.delegateId, command.name, title, state.council?.speakingTimeSec ?? 300);
    return ok([{ type: 'speaker.requested', entry }], { result: { entryId: entry.id } });
  },

  'speaker.give': (state, command) => {
    const s = requireActiveOpenSession(state);
    if (typeof s === 'string') return fail(s);
    const entry = state.speakers[command.entryId];
    if (!entry || entry.sessionId !== s.id) return fail('SPEAKER_NOT_FOUND');
    if (entry.status === 'speaking') return ok([], { result: { entryId: entry.id } });
    if (entry.status !== 'waiting') return fail('SPEAKER_NOT_FOUND');
    const events: DomainEvent[] = [];
    for (const e of speakersOf(state, s.id)) {
      if (e.status === 'speaking') events.push({ type: 'speaker.finished', entryId: e.id });
    }
    events.push({ type: 'speaker.started', entryId: entry.id });
    return ok(events, { result: { entryId: entry.id } });
  },

  'speaker.finish': (state, command) => {
    const entry = state.speakers[command.entryId];
    if (!entry) return fail('SPEAKER_NOT_FOUND');
    if (entry.status !== 'speaking') return ok([], { result: { entryId: entry.id } });
    return ok([{ type: 'speaker.finished', entryId: entry.id }], { result: { entryId: entry.id } });
  },

  'speaker.remove': (state, command) => {
    const entry = state.speakers[command.entryId];
    if (!entry) return fail('SPEAKER_NOT_FOUND');
    if (entry.status !== 'waiting') return ok([], { result: { entryId: entry.id } });
    return ok([{ type: 'speaker.removed', entryId: entry.id }], { result: { entryId: entry.id } });
  },

  // The chair reorders the waiting queue: the entry goes to `position` among those waiting (0 = next to speak).
  'speaker.move': (state, command) => {
    const s = requireActiveOpenSession(state);
    if (typeof s === 'string') return fail(s);
    const entry = state.speakers[command.entryId];
    if (!entry || entry.sessionId !== s.id) return fail('SPEAKER_NOT_FOUND');
    if (entry.status !== 'waiting') return fail('SPEAKER_NOT_WAITING');
    const waiting = speakersOf(state, s.id)
      .filter((e) => e.status === 'waiting')
      .map((e) => e.id);
    const from = waiting.indexOf(entry.id);
    const to = Math.min(command.position, waiting.length - 1);
    if (from === to) return ok([], { result: { entryId: entry.id } });
    waiting.splice(from, 1);
    waiting.splice(to, 0, entry.id);
    return ok([{ type: 'speaker.reordered', order: waiting }], { result: { entryId: entry.id } });
  },

  // Tranh luận: a rebuttal to an earlier speech, marked on a waiting entry or on the one speaking.
  'speaker.mark': (state, command) => {
    const s = requireActiveOpenSession(state);
    if (typeof s === 'string') return fail(s);
    const entry = state.speakers[command.entryId];
    if (!entry || entry.sessionId !== s.id) return fail('SPEAKER_NOT_FOUND');
    if (entry.status !== 'waiting' && entry.status !== 'speaking') return fail('SPEAKER_NOT_WAITING');
    if ((entry.rebuttal ?? false) === command.rebuttal) return ok([], { result: { entryId: entry.id } });
    return ok([{ type: 'speaker.marked', entryId: entry.id, rebuttal: command.rebuttal }], { result: { entryId: entry.id } });
  },
};

export function newSpeaker(ctx: DecideCtx, sessionId: string, delegateId: string | null, name: string, title: string, limitSec: number): SpeakerEntry {
  return {
    id: ctx.newId(),
    sessionId,
    delegateId,
    name,
    title,
    status: 'waiting',
    requestedAt: ctx.clock.now,
    startedAt: null,
    endedAt: null,
    limitSec,
  };
}

/** A speaker entry moves from waiting to speaking to done, or is withdrawn/removed while waiting. */
export const moveSpeaker =
  (next: (e: SpeakerEntry, at: string) => SpeakerEntry) =>
  (b: Batch, d: Draft, event: { entryId: string }, at: string): void => {
    const e = d.speakers[event.entryId];
    if (e) table<SpeakerEntry>(b, d, 'speakers')[e.id] = next(e, at);
  };

const withdrawn = (e: SpeakerEntry, at: string): SpeakerEntry => ({ ...e, status: 'withdrawn', endedAt: at });

/**
 * Each request (a speech or a question) goes to the end of its session's queue; its rank is derived here so
 * that replaying an old log (entries without a rank) gives the same order as the requests had.
 */
export function enqueueSpeaker(b: Batch, d: Draft, entry: SpeakerEntry): void {
  let last = 0;
  for (const e of Object.values(d.speakers)) if (e.sessionId === entry.sessionId) last = Math.max(last, e.rank ?? 0);
  const copy: SpeakerEntry = { ...entry, rank: last + 1, rebuttal: entry.rebuttal ?? false };
  if (entry.question) copy.question = { ...entry.question };
  table<SpeakerEntry>(b, d, 'speakers')[entry.id] = copy;
}

/**
 * The floor given (to a speaker, a questioner or the person answering) brings the speaker slide to the hall
 * display, as opening a vote brings the vote, unless a vote is open there (the vote stays in front).
 */
export function showFloorOnDisplay(d: Draft, entryId: string): void {
  const voteOpen = d.display.mode === 'vote' && d.display.roundId !== null && d.rounds[d.display.roundId]?.status === 'open';
  if (!voteOpen && d.speakers[entryId]) d.display = { mode: 'speaker', roundId: null, ...withBoard(d.display.board) };
}

/**
 * The end of whoever holds the floor in the entry: a speech or a question ends (endedAt); when the person asked
 * is answering, their answer ends (answerEndedAt) and the question's own times stay as they were.
 */
const finished = (e: SpeakerEntry, at: string): SpeakerEntry =>
  e.question?.answerStartedAt && !e.question.answerEndedAt
    ? { ...e, status: 'done', question: { ...e.question, answerEndedAt: at } }
    : { ...e, status: 'done', endedAt: at };

export const speakerEvolvers: Evolvers<SpeakerEvent> = {
  'speaker.requested': (b, d, event) => enqueueSpeaker(b, d, event.entry),
  'speaker.reordered': (b, d, event) => {
    // The waiting entries keep the set of ranks they had, handed out again in the new order.
    const ranks = event.order.map((id) => d.speakers[id]?.rank ?? 0).sort((x, y) => x - y);
    const speakers = table<SpeakerEntry>(b, d, 'speakers');
    event.order.forEach((id, i) => {
      const e = speakers[id];
      if (e) speakers[id] = { ...e, rank: ranks[i]! };
    });
  },
  'speaker.marked': (b, d, event) => {
    const e = d.speakers[event.entryId];
    if (e) table<SpeakerEntry>(b, d, 'speakers')[e.id] = { ...e, rebuttal: event.rebuttal };
  },
  'speaker.started': (b, d, event, at) => {
    moveSpeaker((e, when) => ({ ...e, status: 'speaking', startedAt: when }))(b, d, event, at);
    showFloorOnDisplay(d, event.entryId);
  },
  'speaker.finished': moveSpeaker(finished),
  'speaker.withdrawn': moveSpeaker(withdrawn),
  'speaker.removed': moveSpeaker(withdrawn),
};
