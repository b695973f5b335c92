// The vote panel as a pure state machine. The tablet must never claim a ballot is recorded unless the server
// said so (an ok ack, or its answer to "what did I vote"), and nothing other delegates do may reset what this
// delegate is in the middle of. Every transition is here, so it can be tested exhaustively without a socket.

import type { BallotChoice, BallotReceipt, ErrorCode, RoundStatus } from '@hddt/protocol';

/** Why a send did not end in a confirmed ballot. Server codes, plus what the client itself observes. */
export type SendError = ErrorCode | 'TIMEOUT' | 'CONNECTION_LOST' | 'OFFLINE';

export type VotePhase =
  /** No vote to show. */
  | 'idle'
  /** A round is open and this delegate has no confirmed ballot in it. */
  | 'open'
  /** A ballot is on its way; waiting for the server's acknowledgement. */
  | 'sending'
  /** The server confirmed a ballot. */
  | 'recorded'
  /** The last send was refused or not confirmed; the delegate may retry (when it makes sense). */
  | 'failed'
  /** The round is no longer open (closed, announced or cancelled): the panel shows the outcome. */
  | 'closed';

export interface VoteState {
  phase: VotePhase;
  roundId: string | null;
  roundStatus: RoundStatus | null;
  secret: boolean;
  allowChange: boolean;
  /** The latest ballot the server confirmed in this round. */
  receipt: BallotReceipt | null;
  /** The choice being sent, or the one whose send failed (kept for "Gửi lại"). */
  pending: BallotChoice | null;
  /** Number of the latest send; an acknowledgement names the attempt it answers. */
  attempt: number;
  error: SendError | null;
  /**
   * The choice this device saw confirmed. In a secret ballot the server returns no choice, so this is the only
   * place it exists: memory of this page, dropped when the round closes.
   */
  lastChoice: BallotChoice | null;
  /** A confirmed ballot replaced an earlier confirmed one (vote changed while open). */
  changed: boolean;
}

export interface RoundInfo {
  id: string;
  status: RoundStatus;
  secret: boolean;
}

export type VoteAction =
  /** The round the panel is about (the open one, or the one it was tracking), or null. */
  | { type: 'round'; round: RoundInfo | null; allowChange: boolean }
  | { type: 'press'; choice: BallotChoice }
  | { type: 'ack'; attempt: number; receipt: BallotReceipt }
  | { type: 'refused'; attempt: number; code: SendError }
  | { type: 'disconnected' }
  /** The server's answer to "what did I vote" (vote:mine after a reconnect, or me:update). */
  | { type: 'receipt'; roundId: string; receipt: BallotReceipt | null };

export const initialVoteState: VoteState = {
  phase: 'idle',
  roundId: null,
  roundStatus: null,
  secret: false,
  allowChange: false,
  receipt: null,
  pending: null,
  attempt: 0,
  error: null,
  lastChoice: null,
  changed: false,
};

/** Refusals after which pressing again cannot help. */
const FINAL_ERRORS: ReadonlySet<SendError> = new Set<SendError>(['DEADLINE_PASSED', 'ROUND_NOT_OPEN', 'NOT_SEATED', 'SECRET_BALLOT']);

export function choiceEquals(a: BallotChoice | null, b: BallotChoice | null): boolean {
  if (a === null || b === null) return a === b;
  switch (a.type) {
    case 'option':
      return b.type === 'option' && a.option === b.option;
    case 'election':
      return (
        b.type === 'election' &&
        a.candidateIds.length === b.candidateIds.length &&
        [...a.candidateIds].sort().join('|') === [...b.candidateIds].sort().join('|')
      );
    case 'confidence': {
      if (b.type !== 'confidence') return false;
      const ka = Object.keys(a.ratings);
      return ka.length === Object.keys(b.ratings).length && ka.every((k) => a.ratings[k] === b.ratings[k]);
    }
    default:
      return exhaustive(a);
  }
}

function exhaustive(x: never): never {
  throw new Error(`unexpected ${JSON.stringify(x)}`);
}

function newer(a: BallotReceipt | null, b: BallotReceipt): BallotReceipt {
  return a !== null && a.at >= b.at && choiceEquals(a.choice, b.choice) ? a : a !== null && a.at > b.at ? a : b;
}

/** Does the server's receipt show that `pending` (the unconfirmed send) was committed? */
function confirms(pending: BallotChoice | null, before: BallotReceipt | null, after: BallotReceipt): boolean {
  if (pending === null) return false;
  if (after.choice !== null) return choiceEquals(after.choice, pending);
  // Secret ballot: no choice comes back. A receipt that did not exist before, or is later than the one we had,
  // can only be this send (the app sends one ballot at a time).
  return before === null || after.at > before.at;
}

/** The choice to show as recorded (null in a secret ballot after a reload: the app does not know it). */
export function recordedChoice(state: VoteState): BallotChoice | null {
  if (state.receipt === null) return null;
  return state.receipt.choice ?? (state.secret ? state.lastChoice : null);
}

/** May the delegate press `choice` now? */
export function canPress(state: VoteState, choice: BallotChoice): boolean {
  switch (state.phase) {
    case 'open':
      return true;
    case 'recorded':
      return state.allowChange && !choiceEquals(recordedChoice(state), choice);
    case 'failed':
      if (state.error !== null && FINAL_ERRORS.has(state.error)) return false;
      if (state.receipt !== null && !state.allowChange) return false;
      return true;
    case 'idle':
    case 'sending':
    case 'closed':
      return false;
    default:
      return exhaustive(state.phase);
  }
}

/** Errors after which the ballot may or may not have reached the server; sent again by itself on reconnect. */
const UNCONFIRMED_ERRORS: ReadonlySet<SendError> = new Set<SendError>(['OFFLINE', 'CONNECTION_LOST', 'TIMEOUT']);

/** Is there a send that failed only for want of a connection (worth sending again once the tablet is back)? */
export function unconfirmedSend(state: VoteState): boolean {
  return state.phase === 'failed' && state.pending !== null && state.error !== null && UNCONFIRMED_ERRORS.has(state.error);
}

/** Should the panel offer "Gửi lại" (send the same choice again)? */
export function canRetry(state: VoteState): boolean {
  return state.phase === 'failed' && state.pending !== null && canPress(state, state.pending);
}

export function voteReducer(state: VoteState, action: VoteAction): VoteState {
  switch (action.type) {
    case 'round': {
      const { round } = action;
      if (round === null) return state.phase === 'idle' ? state : initialVoteState;
      if (round.id !== state.roundId) {
        // A round we were not following: only an open one is worth the foreground.
        if (round.status !== 'open') return state.phase === 'idle' ? state : initialVoteState;
        return { ...initialVoteState, phase: 'open', roundId: round.id, roundStatus: 'open', secret: round.secret, allowChange: action.allowChange };
      }
      if (round.status === 'open') {
        if (state.allowChange === action.allowChange && state.roundStatus === 'open') return state;
        return { ...state, allowChange: action.allowChange, roundStatus: 'open' };
      }
      if (state.phase === 'closed' && state.roundStatus === round.status) return state;
      return {
        ...state,
        phase: 'closed',
        roundStatus: round.status,
        pending: null,
        error: null,
        // A secret choice is not kept once the round is over.
        lastChoice: state.secret ? null : state.lastChoice,
      };
    }
    case 'press': {
      if (!canPress(state, action.choice)) return state;
      return { ...state, phase: 'sending', pending: action.choice, attempt: state.attempt + 1, error: null };
    }
    case 'ack': {
      const { receipt } = action;
      if (receipt.roundId !== state.roundId) return state;
      const latest = newer(state.receipt, receipt);
      const answersCurrent = action.attempt === state.attempt && (state.phase === 'sending' || state.phase === 'failed');
      if (!answersCurrent) return latest === state.receipt ? state : { ...state, receipt: latest };
      const previous = recordedChoice(state);
      return {
        ...state,
        phase: 'recorded',
        receipt: latest,
        lastChoice: state.pending,
        pending: null,
        error: null,
        changed: state.changed || (state.receipt !== null && !choiceEquals(previous, state.pending)),
      };
    }
    case 'refused': {
      if (action.attempt !== state.attempt || state.phase !== 'sending') return state;
      return { ...state, phase: 'failed', error: action.code };
    }
    case 'disconnected': {
      // The ballot may or may not have reached the server: say "not confirmed", ask again on reconnect.
      if (state.phase !== 'sending') return state;
      return { ...state, phase: 'failed', error: 'CONNECTION_LOST' };
    }
    case 'receipt': {
      const { receipt } = action;
      if (action.roundId !== state.roundId || receipt === null) return state;
      const latest = newer(state.receipt, receipt);
      switch (state.phase) {
        case 'open':
          return { ...state, phase: 'recorded', receipt: latest };
        case 'sending':
        case 'failed':
          if (confirms(state.pending, state.receipt, receipt)) {
            return { ...state, phase: 'recorded', receipt: latest, lastChoice: state.pending, pending: null, error: null };
          }
          return latest === state.receipt ? state : { ...state, receipt: latest };
        case 'recorded':
        case 'closed':
          return latest === state.receipt ? state : { ...state, receipt: latest };
        case 'idle':
          return state;
        default:
          return exhaustive(state.phase);
      }
    }
    default:
      return exhaustive(action);
  }
}
