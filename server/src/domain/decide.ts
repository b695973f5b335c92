// decide(state, command, ctx): the rules of a council session. Returns the events that record the change,
// or the code of the rule that refuses it. No I/O, no clock: time and ids come in through ctx.

import type { AgendaItem, BallotChoice, Delegate, ErrorCode, Motion, MotionInput, Resolution, Session, SpeakerEntry } from '@hddt/protocol';
import { ballotChangeAllowed } from '@hddt/protocol';
import { isWritable } from './evolve';
import { meets, requiredCount } from './majority';
import { computeResult, participationCount, roundTally, validChoice } from './tally';
import type { Command, CouncilState, DecideResult, Decision, DomainEvent, RoundState } from './types';
import { exhaustive } from './types';

export interface Clock {
  /** ISO timestamp of now. */
  now: string;
  /** The session day of now (YYYY-MM-DD in the council's time zone). */
  day: string;
  /** ISO timestamp `seconds` after now. */
  plusSeconds: (seconds: number) => string;
}

export interface DecideCtx {
  clock: Clock;
  newId: () => string;
}

const ok = (events: DomainEvent[], extra: Omit<Decision, 'events'> = {}): DecideResult => ({
  ok: true,
  decision: { events, ...extra },
});
const fail = (code: ErrorCode): DecideResult => ({ ok: false, code });

export function seatedCount(state: CouncilState): number {
  let n = 0;
  for (const d of Object.values(state.delegates)) if (d.seated) n += 1;
  return n;
}

export function activeSession(state: CouncilState): Session | null {
  return state.activeSessionId ? (state.sessions[state.activeSessionId] ?? null) : null;
}

export function openSession(state: CouncilState): Session | null {
  for (const s of Object.values(state.sessions)) if (s.status === 'open') return s;
  return null;
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
function roundInProgress(state: CouncilState): boolean {
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
    .sort((a, b) => (a.requestedAt < b.requestedAt ? -1 : a.requestedAt > b.requestedAt ? 1 : 0));
}

function buildMotion(id: string, sessionId: string, input: MotionInput, newId: () => string): Motion {
  const candidates = input.candidates.map((c) => ({ id: c.id ?? newId(), name: c.name }));
  return {
    id,
    sessionId,
    itemId: input.itemId,
    question: input.question,
    kind: input.kind,
    // A confidence rating is secret by law, whatever the form said.
    mode: input.kind === 'confidence' ? 'secret' : input.mode,
    // Live totals of a secret ballot beside the list of who has voted would reveal choices: progress only.
    interim: input.kind === 'confidence' || input.mode === 'secret' ? 'progress' : input.interim,
    durationSec: input.durationSec,
    candidates,
    seats: input.kind === 'election' ? input.seats : 1,
    practice: input.practice,
    resolution: input.practice ? false : input.resolution,
    normative: input.practice ? false : input.normative,
  };
}

function openRoundEvents(
  state: CouncilState,
  motion: Motion,
  commandId: string | null,
  ctx: DecideCtx,
): DecideResult {
  const council = state.council;
  if (!council) return fail('SESSION_NOT_OPEN');
  const session = state.sessions[motion.sessionId];
  if (!session) return fail('SESSION_NOT_FOUND');
  if (session.status !== 'open') return fail('SESSION_NOT_OPEN');
  if (openRoundOf(state, session.id)) return fail('ROUND_IN_PROGRESS');
  // Practice votes teach the buttons and may run before quorum is reached; real votes may not.
  if (!motion.practice && !quorumMet(state, session.id, ctx.clock.day)) return fail('QUORUM_NOT_MET');
  const previous = roundsOfMotion(state, motion.id);
  const roundId = ctx.newId();
  return ok(
    [
      {
        type: 'round.opened',
        roundId,
        motionId: motion.id,
        sessionId: session.id,
        number: previous.length + 1,
        closesAt: motion.durationSec ? ctx.clock.plusSeconds(motion.durationSec) : null,
        seated: seatedCount(state),
        allowChange: ballotChangeAllowed({ mode: motion.mode, councilAllowsChange: council.allowVoteChange }),
        commandId,
      },
    ],
    { result: { roundId } },
  );
}

function closeRound(state: CouncilState, round: RoundState, ctx: DecideCtx, byDeadline: boolean): DecideResult {
  const council = state.council;
  const motion = state.motions[round.motionId];
  if (!council || !motion) return fail('MOTION_NOT_FOUND');
  if (round.status !== 'open') return ok([], { result: { roundId: round.id } });
  const present = presentIds(state, round.sessionId, ctx.clock.day).length;
  const result = computeResult(council, motion, roundTally(round), round.seated, present);
  return ok([{ type: 'round.closed', roundId: round.id, result, byDeadline }], { result: { roundId: round.id } });
}

function requireActiveOpenSession(state: CouncilState): Session | ErrorCode {
  const s = activeSession(state);
  if (!s) return 'SESSION_NOT_FOUND';
  if (s.status !== 'open') return 'SESSION_NOT_OPEN';
  return s;
}

export function decide(state: CouncilState, command: Command, ctx: DecideCtx): DecideResult {
  const { clock } = ctx;
  switch (command.type) {
    case 'council.initialize':
      if (state.council) return fail('CONFLICT');
      return ok([{ type: 'council.initialized', council: command.council }]);

    case 'council.configure':
      if (!state.council) return fail('NOT_FOUND');
      return ok([{ type: 'council.configured', patch: command.patch }]);

    case 'delegate.add': {
      // A new seat during a vote would let a delegate outside the round's frozen N check in and vote.
      if (roundInProgress(state)) return fail('ROUND_IN_PROGRESS');
      if (Object.values(state.delegates).some((d) => d.seat === command.input.seat)) return fail('SEAT_TAKEN');
      const delegate: Delegate = { id: ctx.newId(), ...command.input, seated: true, vacatedReason: null };
      return ok([{ type: 'delegate.added', delegate }], { result: { delegateId: delegate.id } });
    }

    case 'delegate.import': {
      if (roundInProgress(state)) return fail('ROUND_IN_PROGRESS');
      const seats = new Set(Object.values(state.delegates).map((d) => d.seat));
      const events: DomainEvent[] = [];
      for (const input of command.inputs) {
        if (seats.has(input.seat)) return fail('SEAT_TAKEN');
        seats.add(input.seat);
        events.push({ type: 'delegate.added', delegate: { id: ctx.newId(), ...input, seated: true, vacatedReason: null } });
      }
      return ok(events);
    }

    case 'delegate.update': {
      const d = state.delegates[command.delegateId];
      if (!d) return fail('DELEGATE_NOT_FOUND');
      const seat = command.patch.seat;
      if (seat !== undefined && Object.values(state.delegates).some((o) => o.seat === seat && o.id !== d.id)) {
        return fail('SEAT_TAKEN');
      }
      return ok([{ type: 'delegate.updated', delegateId: d.id, patch: command.patch }], { result: { delegateId: d.id } });
    }

    case 'delegate.vacate': {
      const d = state.delegates[command.delegateId];
      if (!d) return fail('DELEGATE_NOT_FOUND');
      if (!d.seated) return ok([], { result: { delegateId: d.id } });
      // N is frozen in an open round; a vacancy during a vote would change the denominator mid-count.
      if (roundInProgress(state)) return fail('ROUND_IN_PROGRESS');
      return ok([{ type: 'delegate.vacated', delegateId: d.id, reason: command.reason }], { result: { delegateId: d.id } });
    }

    case 'delegate.reseat': {
      const d = state.delegates[command.delegateId];
      if (!d) return fail('DELEGATE_NOT_FOUND');
      if (d.seated) return ok([], { result: { delegateId: d.id } });
      if (roundInProgress(state)) return fail('ROUND_IN_PROGRESS');
      return ok([{ type: 'delegate.reseated', delegateId: d.id }], { result: { delegateId: d.id } });
    }

    case 'session.create': {
      const session: Session = {
        id: ctx.newId(),
        ...command.input,
        status: 'draft',
        openedAt: null,
        closedAt: null,
        rollCallOpen: false,
        currentItemId: null,
      };
      return ok([{ type: 'session.created', session }], { result: { sessionId: session.id } });
    }

    case 'session.update': {
      const s = state.sessions[command.sessionId];
      if (!s) return fail('SESSION_NOT_FOUND');
      if (s.status === 'closed') return fail('SESSION_CLOSED');
      const merged = { ...s, ...command.patch };
      if (merged.endDate < merged.startDate) return fail('BAD_REQUEST');
      return ok([{ type: 'session.updated', sessionId: s.id, patch: command.patch }], { result: { sessionId: s.id } });
    }

    case 'session.select': {
      const s = state.sessions[command.sessionId];
      if (!s) return fail('SESSION_NOT_FOUND');
      if (state.activeSessionId === s.id) return ok([], { result: { sessionId: s.id } });
      const open = openSession(state);
      if (open && open.id !== s.id) return fail('ANOTHER_SESSION_OPEN');
      return ok([{ type: 'session.selected', sessionId: s.id }], { result: { sessionId: s.id } });
    }

    case 'session.open': {
      const s = state.sessions[command.sessionId];
      if (!s) return fail('SESSION_NOT_FOUND');
      if (s.status === 'open') return ok([], { result: { sessionId: s.id } });
      const open = openSession(state);
      if (open) return fail('ANOTHER_SESSION_OPEN');
      // A closed session can be reopened (a multi-day session, or a close pressed by mistake).
      return ok([{ type: 'session.opened', sessionId: s.id }], { result: { sessionId: s.id } });
    }

    case 'session.close': {
      const s = state.sessions[command.sessionId];
      if (!s) return fail('SESSION_NOT_FOUND');
      if (s.status !== 'open') return ok([], { result: { sessionId: s.id } });
      if (openRoundOf(state, s.id)) return fail('ROUND_IN_PROGRESS');
      const events: DomainEvent[] = [];
      for (const e of speakersOf(state, s.id)) {
        if (e.status === 'speaking') events.push({ type: 'speaker.finished', entryId: e.id });
      }
      events.push({ type: 'session.closed', sessionId: s.id });
      return ok(events, { result: { sessionId: s.id } });
    }

    case 'rollcall.open':
    case 'rollcall.close': {
      const s = requireActiveOpenSession(state);
      if (typeof s === 'string') return fail(s);
      const opening = command.type === 'rollcall.open';
      if (s.rollCallOpen === opening) return ok([], { result: { sessionId: s.id } });
      return ok([{ type: opening ? 'rollcall.opened' : 'rollcall.closed', sessionId: s.id }], {
        result: { sessionId: s.id },
      });
    }

    case 'attendance.checkin': {
      const s = requireActiveOpenSession(state);
      if (typeof s === 'string') return fail(s);
      const d = state.delegates[command.delegateId];
      if (!d) return fail('DELEGATE_NOT_FOUND');
      if (!d.seated) return fail('NOT_SEATED');
      if (isPresent(state, s.id, clock.day, d.id)) return ok([], { result: { delegateId: d.id } });
      if (!s.rollCallOpen) return fail('ROLLCALL_CLOSED');
      return ok(
        [
          {
            type: 'attendance.recorded',
            sessionId: s.id,
            day: clock.day,
            record: { delegateId: d.id, status: 'present', at: clock.now, by: 'self', reason: null },
          },
        ],
        { result: { delegateId: d.id } },
      );
    }

    case 'attendance.set': {
      const s = requireActiveOpenSession(state);
      if (typeof s === 'string') return fail(s);
      const d = state.delegates[command.delegateId];
      if (!d) return fail('DELEGATE_NOT_FOUND');
      const current = state.attendance[s.id]?.[clock.day]?.[d.id];
      if (command.status === 'absent') {
        if (!current) return ok([], { result: { delegateId: d.id } });
        return ok([{ type: 'attendance.cleared', sessionId: s.id, day: clock.day, delegateId: d.id }], {
          result: { delegateId: d.id },
        });
      }
      if (command.status === 'present' && !d.seated) return fail('NOT_SEATED');
      if (current && current.status === command.status && current.reason === command.reason) {
        return ok([], { result: { delegateId: d.id } });
      }
      return ok(
        [
          {
            type: 'attendance.recorded',
            sessionId: s.id,
            day: clock.day,
            record: { delegateId: d.id, status: command.status, at: clock.now, by: 'chair', reason: command.reason },
          },
        ],
        { result: { delegateId: d.id } },
      );
    }

    case 'agenda.add': {
      const s = state.sessions[command.sessionId];
      if (!s) return fail('SESSION_NOT_FOUND');
      if (s.status === 'closed') return fail('SESSION_CLOSED');
      const order = agendaOf(state, s.id).reduce((m, a) => Math.max(m, a.order), 0) + 1;
      const item: AgendaItem = { id: ctx.newId(), sessionId: s.id, order, title: command.title, presenter: command.presenter };
      return ok([{ type: 'agenda.added', item }], { result: { itemId: item.id } });
    }

    case 'agenda.update': {
      const item = state.agenda[command.itemId];
      if (!item) return fail('AGENDA_ITEM_NOT_FOUND');
      if (state.sessions[item.sessionId]?.status === 'closed') return fail('SESSION_CLOSED');
      return ok(
        [
          {
            type: 'agenda.updated',
            itemId: item.id,
            ...(command.title !== undefined ? { title: command.title } : {}),
            ...(command.presenter !== undefined ? { presenter: command.presenter } : {}),
          },
        ],
        { result: { itemId: item.id } },
      );
    }

    case 'agenda.remove': {
      const item = state.agenda[command.itemId];
      if (!item) return fail('AGENDA_ITEM_NOT_FOUND');
      const s = state.sessions[item.sessionId];
      if (s && s.status !== 'draft') return fail('SESSION_NOT_DRAFT');
      return ok([{ type: 'agenda.removed', itemId: item.id }], { result: { itemId: item.id } });
    }

    case 'agenda.reorder': {
      const s = state.sessions[command.sessionId];
      if (!s) return fail('SESSION_NOT_FOUND');
      if (s.status === 'closed') return fail('SESSION_CLOSED');
      const current = agendaOf(state, s.id).map((a) => a.id);
      const proposed = [...command.itemIds];
      if (current.length !== proposed.length || [...current].sort().join() !== [...proposed].sort().join()) {
        return fail('CONFLICT');
      }
      return ok([{ type: 'agenda.reordered', sessionId: s.id, itemIds: proposed }], { result: { sessionId: s.id } });
    }

    case 'agenda.current': {
      const s = requireActiveOpenSession(state);
      if (typeof s === 'string') return fail(s);
      if (command.itemId !== null) {
        const item = state.agenda[command.itemId];
        if (!item || item.sessionId !== s.id) return fail('AGENDA_ITEM_NOT_FOUND');
      }
      if (s.currentItemId === command.itemId) return ok([], { result: { sessionId: s.id } });
      return ok([{ type: 'agenda.current-set', sessionId: s.id, itemId: command.itemId }], { result: { sessionId: s.id } });
    }

    case 'document.add': {
      const s = state.sessions[command.sessionId];
      if (!s) return fail('SESSION_NOT_FOUND');
      if (command.itemId !== null && state.agenda[command.itemId]?.sessionId !== s.id) return fail('AGENDA_ITEM_NOT_FOUND');
      const document = {
        id: ctx.newId(),
        sessionId: s.id,
        itemId: command.itemId,
        title: command.title,
        docType: command.docType,
        confidential: command.confidential,
        // A confidential document is never published.
        published: command.confidential ? false : command.published,
        ...command.file,
        uploadedAt: clock.now,
      };
      return ok([{ type: 'document.added', document }], { result: { documentId: document.id } });
    }

    case 'document.update': {
      const d = state.documents[command.documentId];
      if (!d) return fail('DOCUMENT_NOT_FOUND');
      const itemId = command.patch.itemId;
      if (itemId !== undefined && itemId !== null && state.agenda[itemId]?.sessionId !== d.sessionId) {
        return fail('AGENDA_ITEM_NOT_FOUND');
      }
      const confidential = command.patch.confidential ?? d.confidential;
      const patch = { ...command.patch, ...(confidential ? { published: false } : {}) };
      return ok([{ type: 'document.updated', documentId: d.id, patch }], { result: { documentId: d.id } });
    }

    case 'document.remove': {
      const d = state.documents[command.documentId];
      if (!d) return fail('DOCUMENT_NOT_FOUND');
      return ok([{ type: 'document.removed', documentId: d.id }], { result: { documentId: d.id } });
    }

    case 'motion.prepare': {
      const s = state.sessions[command.sessionId];
      if (!s) return fail('SESSION_NOT_FOUND');
      if (s.status === 'closed') return fail('SESSION_CLOSED');
      if (command.input.itemId !== null && state.agenda[command.input.itemId]?.sessionId !== s.id) {
        return fail('AGENDA_ITEM_NOT_FOUND');
      }
      const motion = buildMotion(ctx.newId(), s.id, command.input, ctx.newId);
      return ok([{ type: 'motion.prepared', motion }], { result: { motionId: motion.id } });
    }

    case 'motion.update': {
      const m = state.motions[command.motionId];
      if (!m) return fail('MOTION_NOT_FOUND');
      if (roundsOfMotion(state, m.id).length > 0) return fail('MOTION_HAS_ROUNDS');
      if (command.input.itemId !== null && state.agenda[command.input.itemId]?.sessionId !== m.sessionId) {
        return fail('AGENDA_ITEM_NOT_FOUND');
      }
      const motion = buildMotion(m.id, m.sessionId, command.input, ctx.newId);
      return ok([{ type: 'motion.updated', motion }], { result: { motionId: m.id } });
    }

    case 'motion.remove': {
      const m = state.motions[command.motionId];
      if (!m) return fail('MOTION_NOT_FOUND');
      if (roundsOfMotion(state, m.id).length > 0) return fail('MOTION_HAS_ROUNDS');
      return ok([{ type: 'motion.removed', motionId: m.id }], { result: { motionId: m.id } });
    }

    case 'motion.open': {
      const done = state.openCommands[command.commandId];
      if (done) return ok([], { result: { roundId: done } });
      const motion = state.motions[command.motionId];
      if (!motion) return fail('MOTION_NOT_FOUND');
      const s = activeSession(state);
      if (!s || motion.sessionId !== s.id) return fail('MOTION_NOT_FOUND');
      return openRoundEvents(state, motion, command.commandId, ctx);
    }

    case 'motion.adhoc': {
      const done = state.openCommands[command.commandId];
      if (done) return ok([], { result: { roundId: done } });
      const s = requireActiveOpenSession(state);
      if (typeof s === 'string') return fail(s);
      const input = { ...command.input, itemId: command.input.itemId ?? s.currentItemId };
      if (input.itemId !== null && state.agenda[input.itemId]?.sessionId !== s.id) return fail('AGENDA_ITEM_NOT_FOUND');
      const motion = buildMotion(ctx.newId(), s.id, input, ctx.newId);
      const withMotion: CouncilState = { ...state, motions: { ...state.motions, [motion.id]: motion } };
      const opened = openRoundEvents(withMotion, motion, command.commandId, ctx);
      if (!opened.ok) return opened;
      // Only the result is carried over: spreading the whole decision would replace these events with its own.
      return ok([{ type: 'motion.prepared', motion }, ...opened.decision.events], { result: opened.decision.result });
    }

    case 'round.close':
    case 'round.expire': {
      const round = state.rounds[command.roundId];
      if (!round) return fail('ROUND_NOT_FOUND');
      if (round.status === 'cancelled') return fail('ROUND_NOT_OPEN');
      if (command.type === 'round.expire' && (round.closesAt === null || clock.now < round.closesAt)) {
        return ok([], { result: { roundId: round.id } });
      }
      return closeRound(state, round, ctx, command.type === 'round.expire');
    }

    case 'round.announce': {
      const round = state.rounds[command.roundId];
      if (!round) return fail('ROUND_NOT_FOUND');
      if (round.status === 'announced') return ok([], { result: { roundId: round.id } });
      if (round.status !== 'closed') return fail('ROUND_NOT_CLOSED');
      const events: DomainEvent[] = [{ type: 'round.announced', roundId: round.id }];
      const adopted = adoptedResolution(state, round, ctx);
      if (adopted) events.push({ type: 'resolution.adopted', resolution: adopted });
      return ok(events, { result: { roundId: round.id, ...(adopted ? { resolutionId: adopted.id } : {}) } });
    }

    case 'resolution.attach-text': {
      const resolution = state.resolutions[command.resolutionId];
      if (!resolution) return fail('NOT_FOUND');
      const doc = state.documents[command.documentId];
      if (!doc) return fail('DOCUMENT_NOT_FOUND');
      if (resolution.signedDocumentId === doc.id) return ok([], { result: { resolutionId: resolution.id } });
      return ok([{ type: 'resolution.text-attached', resolutionId: resolution.id, documentId: doc.id }], {
        result: { resolutionId: resolution.id },
      });
    }

    case 'round.cancel': {
      const round = state.rounds[command.roundId];
      if (!round) return fail('ROUND_NOT_FOUND');
      if (round.status === 'cancelled') return ok([], { result: { roundId: round.id } });
      // An announced result is final; a closed one can still be annulled before it is announced.
      if (round.status === 'announced') return fail('ROUND_NOT_OPEN');
      return ok([{ type: 'round.cancelled', roundId: round.id, reason: command.reason }], { result: { roundId: round.id } });
    }

    case 'ballot.cast': {
      const round = state.rounds[command.roundId];
      if (!round) return fail('ROUND_NOT_FOUND');
      if (round.status !== 'open') return fail('ROUND_NOT_OPEN');
      if (round.closesAt !== null && clock.now >= round.closesAt) return fail('DEADLINE_PASSED');
      const motion = state.motions[round.motionId];
      if (!motion) return fail('MOTION_NOT_FOUND');
      const delegate = state.delegates[command.delegateId];
      if (!delegate) return fail('DELEGATE_NOT_FOUND');
      if (!delegate.seated) return fail('NOT_SEATED');
      if (!isPresent(state, round.sessionId, clock.day, delegate.id)) return fail('NOT_PRESENT');
      if (!validChoice(motion, command.choice)) return fail('INVALID_CHOICE');
      if (motion.mode === 'secret') {
        if (round.participants[delegate.id]) return fail('ALREADY_VOTED');
        return ok([{ type: 'ballot.secret-cast', roundId: round.id, delegateId: delegate.id }], {
          secret: { roundId: round.id, choice: command.choice },
          result: { roundId: round.id },
        });
      }
      const previous = round.ballots[delegate.id];
      if (previous) {
        // Pressing the same choice again (a retry after a lost acknowledgement) changes nothing.
        if (sameChoice(previous.choice, command.choice)) return ok([], { result: { roundId: round.id } });
        if (!round.allowChange) return fail('VOTE_CHANGE_NOT_ALLOWED');
      }
      return ok(
        [{ type: 'ballot.cast', roundId: round.id, delegateId: delegate.id, choice: command.choice, replaces: Boolean(previous) }],
        { result: { roundId: round.id } },
      );
    }

    case 'speaker.request': {
      const s = requireActiveOpenSession(state);
      if (typeof s === 'string') return fail(s);
      const d = state.delegates[command.delegateId];
      if (!d) return fail('DELEGATE_NOT_FOUND');
      if (!d.seated) return fail('NOT_SEATED');
      const existing = speakersOf(state, s.id).find(
        (e) => e.delegateId === d.id && (e.status === 'waiting' || e.status === 'speaking'),
      );
      if (existing) return ok([], { result: { entryId: existing.id } });
      const entry = newSpeaker(ctx, s.id, d.id, d.fullName, d.title, state.council?.speakingTimeSec ?? 300);
      return ok([{ type: 'speaker.requested', entry }], { result: { entryId: entry.id } });
    }

    case 'speaker.withdraw': {
      const s = requireActiveOpenSession(state);
      if (typeof s === 'string') return fail(s);
      const existing = speakersOf(state, s.id).find((e) => e.delegateId === command.delegateId && e.status === 'waiting');
      if (!existing) return fail('SPEAKER_NOT_FOUND');
      return ok([{ type: 'speaker.withdrawn', entryId: existing.id }], { result: { entryId: existing.id } });
    }

    case 'speaker.add': {
      const s = requireActiveOpenSession(state);
      if (typeof s === 'string') return fail(s);
      const known = command.delegateId !== null ? state.delegates[command.delegateId] : undefined;
      if (command.delegateId !== null && !known) return fail('DELEGATE_NOT_FOUND');
      const title = command.title || known?.title || '';
      const entry = newSpeaker(ctx, s.id, command.delegateId, command.name, title, state.council?.speakingTimeSec ?? 300);
      return ok([{ type: 'speaker.requested', entry }], { result: { entryId: entry.id } });
    }

    case 'speaker.give': {
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
    }

    case 'speaker.finish': {
      const entry = state.speakers[command.entryId];
      if (!entry) return fail('SPEAKER_NOT_FOUND');
      if (entry.status !== 'speaking') return ok([], { result: { entryId: entry.id } });
      return ok([{ type: 'speaker.finished', entryId: entry.id }], { result: { entryId: entry.id } });
    }

    case 'speaker.remove': {
      const entry = state.speakers[command.entryId];
      if (!entry) return fail('SPEAKER_NOT_FOUND');
      if (entry.status !== 'waiting') return ok([], { result: { entryId: entry.id } });
      return ok([{ type: 'speaker.removed', entryId: entry.id }], { result: { entryId: entry.id } });
    }

    case 'display.show': {
      const s = activeSession(state);
      let roundId = command.roundId;
      if (command.mode === 'vote' || command.mode === 'result') {
        if (roundId === null && s) {
          const rounds = Object.values(state.rounds)
            .filter((r) => r.sessionId === s.id && r.status !== 'cancelled')
            .sort((a, b) => (a.openedAt < b.openedAt ? 1 : -1));
          roundId = rounds[0]?.id ?? null;
        }
        if (roundId === null) return fail('DISPLAY_ROUND_REQUIRED');
        const round = state.rounds[roundId];
        if (!round) return fail('ROUND_NOT_FOUND');
        if (command.mode === 'result' && round.status !== 'closed' && round.status !== 'announced') {
          return fail('ROUND_NOT_CLOSED');
        }
      } else {
        roundId = null;
      }
      if (state.display.mode === command.mode && state.display.roundId === roundId) return ok([]);
      return ok([{ type: 'display.changed', sessionId: s?.id ?? null, display: { mode: command.mode, roundId } }]);
    }

    default:
      return exhaustive(command);
  }
}

/**
 * A passed resolution vote, announced, becomes a numbered Nghị quyết. Practice votes and votes that did not
 * pass are never numbered. Numbers run through the calendar year across sessions and are never reused.
 */
function adoptedResolution(state: CouncilState, round: RoundState, ctx: DecideCtx): Resolution | null {
  const motion = state.motions[round.motionId];
  const council = state.council;
  if (!motion || !council || motion.practice || !motion.resolution) return null;
  const result = round.result;
  if (!result) return null;
  // A passed vote adopts the resolution; an election adopts the resolution confirming who was elected
  // (nghị quyết xác nhận kết quả bầu), unless a tie must be voted again or nobody reached the majority.
  const adopts =
    (result.kind === 'options' && result.passed) ||
    (result.kind === 'election' && !result.tieNeedsRevote && result.candidates.some((c) => c.elected));
  if (!adopts) return null;
  // One motion adopts one resolution: a re-vote that passes again must not take a second number.
  if (Object.values(state.resolutions).some((r) => r.motionId === motion.id)) return null;
  const year = Number(ctx.clock.day.slice(0, 4));
  // Normative resolutions (văn bản quy phạm pháp luật: "06/2026/NQ-HĐND") are numbered in their own yearly
  // series, separate from the other resolutions ("12/NQ-HĐND").
  const used = Object.values(state.resolutions).filter((r) => r.year === year && r.normative === motion.normative);
  const number = used.reduce((max, r) => Math.max(max, r.number), 0) + 1;
  const format = motion.normative ? council.normativeResolutionFormat : council.resolutionNumberFormat;
  const code = format.replace('{n}', String(number).padStart(2, '0')).replace('{year}', String(year));
  return {
    id: ctx.newId(),
    number,
    year,
    code,
    normative: motion.normative,
    title: motion.question,
    adoptedOn: ctx.clock.day,
    sessionId: round.sessionId,
    itemId: motion.itemId,
    motionId: motion.id,
    roundId: round.id,
    signedDocumentId: null,
  };
}

function newSpeaker(
  ctx: DecideCtx,
  sessionId: string,
  delegateId: string | null,
  name: string,
  title: string,
  limitSec: number,
): SpeakerEntry {
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

function sameChoice(a: BallotChoice, b: BallotChoice): boolean {
  if (a.type !== b.type) return false;
  if (a.type === 'option' && b.type === 'option') return a.option === b.option;
  if (a.type === 'election' && b.type === 'election') {
    return [...a.candidateIds].sort().join() === [...b.candidateIds].sort().join();
  }
  if (a.type === 'confidence' && b.type === 'confidence') {
    const ka = Object.keys(a.ratings).sort();
    const kb = Object.keys(b.ratings).sort();
    return ka.join() === kb.join() && ka.every((k) => a.ratings[k] === b.ratings[k]);
  }
  return false;
}

/** Participation of a round, for views. */
export function votedCount(round: RoundState): number {
  return participationCount(round);
}
