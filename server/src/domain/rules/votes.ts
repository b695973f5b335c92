// Votes: a motion (what is put to the vote), its rounds (each time it is put), the ballots of a round and
// the resolution a passed vote adopts. Everything a ballot does, from the press to the sealed result, is
// decided and folded here.

import type { BallotChoice, Motion, MotionInput, Resolution } from '@hddt/protocol';
import { ballotChangeAllowed, resolutionTitleFor } from '@hddt/protocol';
import { type Batch, type Draft, type Mutable, table } from '../batch';
import { activeSession, openRoundOf, presentIds, quorumMet, requireActiveOpenSession, roundsOfMotion, seatedCount, isPresent } from '../queries';
import { addToTally, computeResult, emptyTally, roundTally, validChoice } from '../tally';
import type { CouncilState, DecideResult, DomainEvent, RoundState, SecretChoice, StoredBallot } from '../types';
import type { DecideCtx, Deciders, Evolvers } from './kit';
import { fail, ok } from './kit';
import { withBoard } from './display';

type VoteCommand =
  | 'motion.prepare'
  | 'motion.update'
  | 'motion.remove'
  | 'motion.open'
  | 'motion.adhoc'
  | 'round.close'
  | 'round.expire'
  | 'round.announce'
  | 'round.cancel'
  | 'resolution.attach-text'
  | 'ballot.cast';
type VoteEvent =
  | 'motion.prepared'
  | 'motion.updated'
  | 'motion.removed'
  | 'round.opened'
  | 'ballot.cast'
  | 'ballot.secret-cast'
  | 'round.closed'
  | 'round.announced'
  | 'round.cancelled'
  | 'resolution.adopted'
  | 'resolution.text-attached';

export const voteDeciders: Deciders<VoteCommand> = {
  'motion.prepare': (state, command, ctx) => {
    const s = state.sessions[command.sessionId];
    if (!s) return fail('SESSION_NOT_FOUND');
    if (s.status === 'closed') return fail('SESSION_CLOSED');
    if (command.input.itemId !== null && state.agenda[command.input.itemId]?.sessionId !== s.id) {
      return fail('AGENDA_ITEM_NOT_FOUND');
    }
    const motion = buildMotion(ctx.newId(), s.id, command.input, ctx.newId);
    return ok([{ type: 'motion.prepared', motion }], { result: { motionId: motion.id } });
  },

  'motion.update': (state, command, ctx) => {
    const m = state.motions[command.motionId];
    if (!m) return fail('MOTION_NOT_FOUND');
    if (roundsOfMotion(state, m.id).length > 0) return fail('MOTION_HAS_ROUNDS');
    if (command.input.itemId !== null && state.agenda[command.input.itemId]?.sessionId !== m.sessionId) {
      return fail('AGENDA_ITEM_NOT_FOUND');
    }
    const motion = buildMotion(m.id, m.sessionId, command.input, ctx.newId);
    return ok([{ type: 'motion.updated', motion }], { result: { motionId: m.id } });
  },

  'motion.remove': (state, command) => {
    const m = state.motions[command.motionId];
    if (!m) return fail('MOTION_NOT_FOUND');
    if (roundsOfMotion(state, m.id).length > 0) return fail('MOTION_HAS_ROUNDS');
    return ok([{ type: 'motion.removed', motionId: m.id }], { result: { motionId: m.id } });
  },

  'motion.open': (state, command, ctx) => {
    const done = state.openCommands[command.commandId];
    if (done) return ok([], { result: { roundId: done } });
    const motion = state.motions[command.motionId];
    if (!motion) return fail('MOTION_NOT_FOUND');
    const s = activeSession(state);
    if (!s || motion.sessionId !== s.id) return fail('MOTION_NOT_FOUND');
    return openRoundEvents(state, motion, command.commandId, ctx);
  },

  'motion.adhoc': (state, command, ctx) => {
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
  },

  'round.close': (state, command, ctx) => {
    const round = state.rounds[command.roundId];
    if (!round) return fail('ROUND_NOT_FOUND');
    if (round.status === 'cancelled') return fail('ROUND_NOT_OPEN');
    return closeRound(state, round, ctx, false);
  },

  'round.expire': (state, command, ctx) => {
    const round = state.rounds[command.roundId];
    if (!round) return fail('ROUND_NOT_FOUND');
    if (round.status === 'cancelled') return fail('ROUND_NOT_OPEN');
    if (round.closesAt === null || ctx.clock.now < round.closesAt) return ok([], { result: { roundId: round.id } });
    return closeRound(state, round, ctx, true);
  },

  'round.announce': (state, command, ctx) => {
    const round = state.rounds[command.roundId];
    if (!round) return fail('ROUND_NOT_FOUND');
    if (round.status === 'announced') return ok([], { result: { roundId: round.id } });
    if (round.status !== 'closed') return fail('ROUND_NOT_CLOSED');
    const events: DomainEvent[] = [{ type: 'round.announced', roundId: round.id }];
    const adopted = adoptedResolution(state, round, ctx);
    if (adopted) events.push({ type: 'resolution.adopted', resolution: adopted });
    return ok(events, { result: { roundId: round.id, ...(adopted ? { resolutionId: adopted.id } : {}) } });
  },

  'round.cancel': (state, command) => {
    const round = state.rounds[command.roundId];
    if (!round) return fail('ROUND_NOT_FOUND');
    if (round.status === 'cancelled') return ok([], { result: { roundId: round.id } });
    // An announced result is final; a closed one can still be annulled before it is announced.
    if (round.status === 'announced') return fail('ROUND_NOT_OPEN');
    return ok([{ type: 'round.cancelled', roundId: round.id, reason: command.reason }], { result: { roundId: round.id } });
  },

  'resolution.attach-text': (state, command) => {
    const resolution = state.resolutions[command.resolutionId];
    if (!resolution) return fail('NOT_FOUND');
    const doc = state.documents[command.documentId];
    if (!doc) return fail('DOCUMENT_NOT_FOUND');
    if (resolution.signedDocumentId === doc.id) return ok([], { result: { resolutionId: resolution.id } });
    return ok([{ type: 'resolution.text-attached', resolutionId: resolution.id, documentId: doc.id }], {
      result: { resolutionId: resolution.id },
    });
  },

  'ballot.cast': (state, command, { clock }) => {
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
    const previous = round.ballots.get(delegate.id);
    if (previous) {
      // Pressing the same choice again (a retry after a lost acknowledgement) changes nothing.
      if (sameChoice(previous.choice, command.choice)) return ok([], { result: { roundId: round.id } });
      if (!round.allowChange) return fail('VOTE_CHANGE_NOT_ALLOWED');
    }
    return ok([{ type: 'ballot.cast', roundId: round.id, delegateId: delegate.id, choice: command.choice, replaces: Boolean(previous) }], {
      result: { roundId: round.id },
    });
  },
};

type Rec<T> = Record<string, T>;

function ownRound(b: Batch, d: Draft, id: string): Mutable<RoundState> | null {
  return d.rounds[id] ? b.own<Mutable<RoundState>>(table<RoundState>(b, d, 'rounds'), id) : null;
}

export const voteEvolvers: Evolvers<VoteEvent> = {
  'motion.prepared': (b, d, event) => {
    table<Motion>(b, d, 'motions')[event.motion.id] = { ...event.motion };
  },
  'motion.updated': (b, d, event) => {
    table<Motion>(b, d, 'motions')[event.motion.id] = { ...event.motion };
  },
  'motion.removed': (b, d, event) => {
    delete table<Motion>(b, d, 'motions')[event.motionId];
  },
  'round.opened': (b, d, event, at) => {
    const motion = d.motions[event.motionId];
    const created: RoundState = {
      id: event.roundId,
      motionId: event.motionId,
      sessionId: event.sessionId,
      number: event.number,
      status: 'open',
      openedAt: at,
      closesAt: event.closesAt,
      closedAt: null,
      cancelledReason: null,
      seated: event.seated,
      allowChange: event.allowChange,
      ballots: new Map(),
      participants: {},
      secretTally: motion?.mode === 'secret' ? emptyTally() : null,
      result: null,
    };
    table<RoundState>(b, d, 'rounds')[event.roundId] = created;
    if (event.commandId) table<string>(b, d, 'openCommands')[event.commandId] = event.roundId;
    d.display = { mode: 'vote', roundId: event.roundId, ...withBoard(d.display.board) };
  },
  'ballot.cast': (b, d, event, at) => {
    const r = ownRound(b, d, event.roundId);
    if (!r) return;
    const ballots = b.own<Map<string, StoredBallot>>(r, 'ballots');
    const previous = ballots.get(event.delegateId);
    ballots.set(event.delegateId, { choice: event.choice, at, changes: previous ? previous.changes + 1 : 0 });
  },
  'ballot.secret-cast': (b, d, event) => {
    const r = ownRound(b, d, event.roundId);
    if (r) b.own<Rec<true>>(r, 'participants')[event.delegateId] = true;
  },
  'round.closed': (b, d, event, at) => {
    const r = ownRound(b, d, event.roundId);
    if (!r) return;
    r.status = 'closed';
    r.closedAt = at;
    r.result = event.result;
    // The sealed result now carries the totals; the running secret tally is dropped.
    r.secretTally = null;
  },
  'round.announced': (b, d, event) => {
    const r = ownRound(b, d, event.roundId);
    if (r) r.status = 'announced';
    d.display = { mode: 'result', roundId: event.roundId, ...withBoard(d.display.board) };
  },
  'round.cancelled': (b, d, event, at) => {
    const r = ownRound(b, d, event.roundId);
    if (!r) return;
    r.status = 'cancelled';
    r.closedAt = at;
    r.cancelledReason = event.reason;
    r.secretTally = null;
  },
  'resolution.adopted': (b, d, event) => {
    table<Resolution>(b, d, 'resolutions')[event.resolution.id] = { ...event.resolution };
  },
  'resolution.text-attached': (b, d, event) => {
    const x = d.resolutions[event.resolutionId];
    if (x) table<Resolution>(b, d, 'resolutions')[x.id] = { ...x, signedDocumentId: event.documentId };
  },
};

/** Adds a secret choice to the running tally of its round (the choice is never part of any event). */
export function applySecretChoiceTo(b: Batch, d: Draft, secret: SecretChoice): void {
  const round = ownRound(b, d, secret.roundId);
  if (!round) return;
  round.secretTally = addToTally(round.secretTally ?? emptyTally(), secret.choice);
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
    resolutionTitle: input.resolutionTitle || resolutionTitleFor(input.question, input.kind),
  };
}

function openRoundEvents(state: CouncilState, motion: Motion, commandId: string | null, ctx: DecideCtx): DecideResult {
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
    (result.kind === 'options' && result.passed) || (result.kind === 'election' && !result.tieNeedsRevote && result.candidates.some((c) => c.elected));
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
    title: motion.resolutionTitle || resolutionTitleFor(motion.question, motion.kind),
    adoptedOn: ctx.clock.day,
    sessionId: round.sessionId,
    itemId: motion.itemId,
    motionId: motion.id,
    roundId: round.id,
    signedDocumentId: null,
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
