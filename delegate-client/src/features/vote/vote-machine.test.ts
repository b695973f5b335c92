import { describe, expect, it } from 'vitest';
import type { BallotChoice, BallotReceipt } from '@hddt/protocol';
import { canPress, canRetry, choiceEquals, initialVoteState, recordedChoice, voteReducer, type VoteAction, type VoteState } from './vote-machine';

const YES: BallotChoice = { type: 'option', option: 'yes' };
const NO: BallotChoice = { type: 'option', option: 'no' };
const ABSTAIN: BallotChoice = { type: 'option', option: 'abstain' };

const receipt = (choice: BallotChoice | null, at = '2026-07-05T02:00:00.000Z', roundId = 'r1', secret = false): BallotReceipt => ({
  roundId,
  choice,
  secret,
  at,
});

function run(actions: VoteAction[], from: VoteState = initialVoteState): VoteState {
  return actions.reduce(voteReducer, from);
}

const open = (opts: { id?: string; secret?: boolean; allowChange?: boolean } = {}): VoteAction => ({
  type: 'round',
  round: { id: opts.id ?? 'r1', status: 'open', secret: opts.secret ?? false },
  allowChange: opts.allowChange ?? false,
});
const close = (id = 'r1', status: 'closed' | 'announced' | 'cancelled' = 'closed', secret = false): VoteAction => ({
  type: 'round',
  round: { id, status, secret },
  allowChange: false,
});

describe('vote machine: the happy path', () => {
  it('idle → open → sending → recorded → closed → announced', () => {
    let s = initialVoteState;
    expect(s.phase).toBe('idle');
    s = voteReducer(s, open());
    expect(s).toMatchObject({ phase: 'open', roundId: 'r1', receipt: null, pending: null });
    s = voteReducer(s, { type: 'press', choice: YES });
    expect(s).toMatchObject({ phase: 'sending', pending: YES, attempt: 1 });
    // Never recorded before the acknowledgement.
    expect(recordedChoice(s)).toBeNull();
    s = voteReducer(s, { type: 'ack', attempt: 1, receipt: receipt(YES) });
    expect(s).toMatchObject({ phase: 'recorded', pending: null, error: null, changed: false });
    expect(recordedChoice(s)).toEqual(YES);
    s = voteReducer(s, close());
    expect(s).toMatchObject({ phase: 'closed', roundStatus: 'closed' });
    expect(recordedChoice(s)).toEqual(YES);
    s = voteReducer(s, close('r1', 'announced'));
    expect(s).toMatchObject({ phase: 'closed', roundStatus: 'announced' });
  });

  it('ignores a second press while sending (no double ballots from a double tap)', () => {
    const s = run([open(), { type: 'press', choice: YES }, { type: 'press', choice: NO }]);
    expect(s).toMatchObject({ phase: 'sending', pending: YES, attempt: 1 });
  });

  it('keeps the same state object for repeated identical round updates (live traffic does not disturb a ballot)', () => {
    const s = run([open(), { type: 'press', choice: YES }]);
    expect(voteReducer(s, open())).toBe(s);
    const recorded = voteReducer(s, { type: 'ack', attempt: 1, receipt: receipt(YES) });
    expect(voteReducer(recorded, open())).toBe(recorded);
    expect(voteReducer(recorded, { type: 'receipt', roundId: 'r1', receipt: receipt(YES) })).toBe(recorded);
  });

  it('cannot press in idle, and a closed round cannot be pressed', () => {
    expect(voteReducer(initialVoteState, { type: 'press', choice: YES })).toBe(initialVoteState);
    const closed = run([open(), close()]);
    expect(canPress(closed, YES)).toBe(false);
    expect(voteReducer(closed, { type: 'press', choice: YES })).toBe(closed);
  });
});

describe('vote machine: changing a vote', () => {
  it('allowed: recorded → sending → recorded (changed)', () => {
    let s = run([open({ allowChange: true }), { type: 'press', choice: YES }, { type: 'ack', attempt: 1, receipt: receipt(YES) }]);
    expect(canPress(s, NO)).toBe(true);
    expect(canPress(s, YES)).toBe(false); // pressing the recorded choice again is a no-op
    s = voteReducer(s, { type: 'press', choice: NO });
    expect(s).toMatchObject({ phase: 'sending', pending: NO, attempt: 2 });
    // While the change is on its way, the confirmed ballot is still the old one.
    expect(recordedChoice(s)).toEqual(YES);
    s = voteReducer(s, { type: 'ack', attempt: 2, receipt: receipt(NO, '2026-07-05T02:00:05.000Z') });
    expect(s).toMatchObject({ phase: 'recorded', changed: true });
    expect(recordedChoice(s)).toEqual(NO);
  });

  it('not allowed: the buttons lock after the acknowledgement', () => {
    const s = run([open({ allowChange: false }), { type: 'press', choice: YES }, { type: 'ack', attempt: 1, receipt: receipt(YES) }]);
    expect(canPress(s, NO)).toBe(false);
    expect(canPress(s, ABSTAIN)).toBe(false);
    expect(voteReducer(s, { type: 'press', choice: NO })).toBe(s);
  });

  it('follows a change of the council rule while open', () => {
    const s = run([
      open({ allowChange: false }),
      { type: 'press', choice: YES },
      { type: 'ack', attempt: 1, receipt: receipt(YES) },
      open({ allowChange: true }),
    ]);
    expect(canPress(s, NO)).toBe(true);
  });

  it('VOTE_CHANGE_NOT_ALLOWED keeps the recorded ballot and offers no retry', () => {
    let s = run([open({ allowChange: true }), { type: 'press', choice: YES }, { type: 'ack', attempt: 1, receipt: receipt(YES) }]);
    s = run([open({ allowChange: false })], s);
    // The rule changed server-side before the client learned it: a press from a stale view is refused.
    s = { ...s, allowChange: true };
    s = run([{ type: 'press', choice: NO }, { type: 'refused', attempt: 2, code: 'VOTE_CHANGE_NOT_ALLOWED' }, open({ allowChange: false })], s);
    expect(s).toMatchObject({ phase: 'failed', error: 'VOTE_CHANGE_NOT_ALLOWED' });
    expect(recordedChoice(s)).toEqual(YES);
    expect(canRetry(s)).toBe(false);
  });
});

describe('vote machine: failures and retry', () => {
  it('a refused send says so and offers to retry; the retry can succeed', () => {
    let s = run([open(), { type: 'press', choice: YES }, { type: 'refused', attempt: 1, code: 'STORAGE_FAILURE' }]);
    expect(s).toMatchObject({ phase: 'failed', error: 'STORAGE_FAILURE', pending: YES });
    expect(recordedChoice(s)).toBeNull();
    expect(canRetry(s)).toBe(true);
    s = voteReducer(s, { type: 'press', choice: YES });
    expect(s).toMatchObject({ phase: 'sending', attempt: 2, error: null });
    s = voteReducer(s, { type: 'ack', attempt: 2, receipt: receipt(YES) });
    expect(s.phase).toBe('recorded');
  });

  it('a timeout is "not confirmed", never "recorded"', () => {
    const s = run([open(), { type: 'press', choice: NO }, { type: 'refused', attempt: 1, code: 'TIMEOUT' }]);
    expect(s).toMatchObject({ phase: 'failed', error: 'TIMEOUT' });
    expect(recordedChoice(s)).toBeNull();
    expect(canRetry(s)).toBe(true);
  });

  it('NOT_PRESENT can be retried after checking in', () => {
    const s = run([open(), { type: 'press', choice: YES }, { type: 'refused', attempt: 1, code: 'NOT_PRESENT' }]);
    expect(canRetry(s)).toBe(true);
  });

  it.each(['DEADLINE_PASSED', 'ROUND_NOT_OPEN'] as const)('%s is final: no retry, no further presses', (code) => {
    const s = run([open(), { type: 'press', choice: YES }, { type: 'refused', attempt: 1, code }]);
    expect(s).toMatchObject({ phase: 'failed', error: code });
    expect(canRetry(s)).toBe(false);
    expect(canPress(s, NO)).toBe(false);
  });

  it('ALREADY_VOTED then "what did I vote" shows the server\'s ballot', () => {
    let s = run([open(), { type: 'press', choice: YES }, { type: 'refused', attempt: 1, code: 'ALREADY_VOTED' }]);
    s = voteReducer(s, { type: 'receipt', roundId: 'r1', receipt: receipt(YES) });
    expect(s).toMatchObject({ phase: 'recorded', error: null });
    expect(recordedChoice(s)).toEqual(YES);
  });

  it('ALREADY_VOTED with a different ballot on record stays failed, shows the record, and offers no retry', () => {
    let s = run([open(), { type: 'press', choice: YES }, { type: 'refused', attempt: 1, code: 'ALREADY_VOTED' }]);
    s = voteReducer(s, { type: 'receipt', roundId: 'r1', receipt: receipt(NO) });
    expect(s).toMatchObject({ phase: 'failed', error: 'ALREADY_VOTED' });
    expect(recordedChoice(s)).toEqual(NO);
    expect(canRetry(s)).toBe(false);
  });

  it('an answer to an older attempt never confirms the newer one', () => {
    let s = run([open({ allowChange: true }), { type: 'press', choice: YES }, { type: 'refused', attempt: 1, code: 'TIMEOUT' }, { type: 'press', choice: NO }]);
    expect(s).toMatchObject({ phase: 'sending', attempt: 2, pending: NO });
    // The first (timed-out) send did land after all: the server confirms YES for attempt 1.
    s = voteReducer(s, { type: 'ack', attempt: 1, receipt: receipt(YES) });
    expect(s.phase).toBe('sending');
    expect(recordedChoice(s)).toEqual(YES);
    s = voteReducer(s, { type: 'refused', attempt: 1, code: 'INTERNAL' });
    expect(s.phase).toBe('sending');
    s = voteReducer(s, { type: 'ack', attempt: 2, receipt: receipt(NO, '2026-07-05T02:00:09.000Z') });
    expect(s.phase).toBe('recorded');
    expect(recordedChoice(s)).toEqual(NO);
  });

  it('a late ok for the attempt that timed out turns "not confirmed" into "recorded"', () => {
    const s = run([
      open(),
      { type: 'press', choice: YES },
      { type: 'refused', attempt: 1, code: 'TIMEOUT' },
      { type: 'ack', attempt: 1, receipt: receipt(YES) },
    ]);
    expect(s.phase).toBe('recorded');
  });

  it('ignores acknowledgements for another round', () => {
    const s = run([open(), { type: 'press', choice: YES }]);
    expect(voteReducer(s, { type: 'ack', attempt: 1, receipt: receipt(YES, undefined, 'other') })).toBe(s);
    expect(voteReducer(s, { type: 'receipt', roundId: 'other', receipt: receipt(YES, undefined, 'other') })).toBe(s);
  });
});

describe('vote machine: reconnecting', () => {
  it('connection lost while sending → not confirmed; vote:mine after reconnect confirms it', () => {
    let s = run([open(), { type: 'press', choice: YES }, { type: 'disconnected' }]);
    expect(s).toMatchObject({ phase: 'failed', error: 'CONNECTION_LOST' });
    expect(recordedChoice(s)).toBeNull();
    // the emit's own timeout arrives later and changes nothing
    expect(voteReducer(s, { type: 'refused', attempt: 1, code: 'TIMEOUT' })).toBe(s);
    s = voteReducer(s, { type: 'receipt', roundId: 'r1', receipt: receipt(YES) });
    expect(s).toMatchObject({ phase: 'recorded', error: null, pending: null });
    expect(recordedChoice(s)).toEqual(YES);
  });

  it('connection lost while sending; the server never got it → stays failed with a retry', () => {
    let s = run([open(), { type: 'press', choice: YES }, { type: 'disconnected' }]);
    s = voteReducer(s, { type: 'receipt', roundId: 'r1', receipt: null });
    expect(s).toMatchObject({ phase: 'failed', error: 'CONNECTION_LOST' });
    expect(canRetry(s)).toBe(true);
  });

  it('a change lost in transit: the old receipt does not confirm the new choice', () => {
    let s = run([
      open({ allowChange: true }),
      { type: 'press', choice: YES },
      { type: 'ack', attempt: 1, receipt: receipt(YES) },
      { type: 'press', choice: NO },
      { type: 'disconnected' },
    ]);
    s = voteReducer(s, { type: 'receipt', roundId: 'r1', receipt: receipt(YES) });
    expect(s).toMatchObject({ phase: 'failed', pending: NO });
    expect(recordedChoice(s)).toEqual(YES);
    expect(canRetry(s)).toBe(true);
  });

  it('after a reload the open round shows what the server has on record', () => {
    let s = run([open()]);
    s = voteReducer(s, { type: 'receipt', roundId: 'r1', receipt: null });
    expect(s.phase).toBe('open');
    s = voteReducer(s, { type: 'receipt', roundId: 'r1', receipt: receipt(ABSTAIN) });
    expect(s.phase).toBe('recorded');
    expect(recordedChoice(s)).toEqual(ABSTAIN);
  });

  it('disconnecting when nothing is in flight changes nothing', () => {
    const s = run([open(), { type: 'press', choice: YES }, { type: 'ack', attempt: 1, receipt: receipt(YES) }]);
    expect(voteReducer(s, { type: 'disconnected' })).toBe(s);
    expect(voteReducer(initialVoteState, { type: 'disconnected' })).toBe(initialVoteState);
  });

  it('a receipt from me:update while sending the first ballot confirms it', () => {
    const s = run([open(), { type: 'press', choice: NO }, { type: 'receipt', roundId: 'r1', receipt: receipt(NO) }]);
    expect(s.phase).toBe('recorded');
    // and the ack that follows keeps it recorded
    expect(voteReducer(s, { type: 'ack', attempt: 1, receipt: receipt(NO) }).phase).toBe('recorded');
  });
});

describe('vote machine: secret ballots', () => {
  it('shows the pressed choice only in memory and drops it when the round closes', () => {
    let s = run([open({ secret: true }), { type: 'press', choice: YES }, { type: 'ack', attempt: 1, receipt: receipt(null, undefined, 'r1', true) }]);
    expect(s).toMatchObject({ phase: 'recorded', secret: true, lastChoice: YES });
    expect(recordedChoice(s)).toEqual(YES);
    s = voteReducer(s, close('r1', 'closed', true));
    expect(s.lastChoice).toBeNull();
    expect(recordedChoice(s)).toBeNull();
    expect(s.receipt).not.toBeNull(); // took part
  });

  it('after a reload a secret ballot is "recorded" without any choice', () => {
    const s = run([open({ secret: true }), { type: 'receipt', roundId: 'r1', receipt: receipt(null, undefined, 'r1', true) }]);
    expect(s.phase).toBe('recorded');
    expect(recordedChoice(s)).toBeNull();
  });

  it('a lost secret ballot is confirmed by a new participation receipt', () => {
    let s = run([open({ secret: true }), { type: 'press', choice: NO }, { type: 'disconnected' }]);
    s = voteReducer(s, { type: 'receipt', roundId: 'r1', receipt: receipt(null, undefined, 'r1', true) });
    expect(s).toMatchObject({ phase: 'recorded', lastChoice: NO });
  });

  it('a changed secret ballot is confirmed only by a later receipt', () => {
    const first = receipt(null, '2026-07-05T02:00:00.000Z', 'r1', true);
    let s = run([
      open({ secret: true, allowChange: true }),
      { type: 'press', choice: YES },
      { type: 'ack', attempt: 1, receipt: first },
      { type: 'press', choice: NO },
      { type: 'disconnected' },
    ]);
    s = voteReducer(s, { type: 'receipt', roundId: 'r1', receipt: first });
    expect(s.phase).toBe('failed');
    s = voteReducer(s, { type: 'receipt', roundId: 'r1', receipt: receipt(null, '2026-07-05T02:00:07.000Z', 'r1', true) });
    expect(s).toMatchObject({ phase: 'recorded', lastChoice: NO });
  });
});

describe('vote machine: rounds coming and going', () => {
  it('closing while sending ends the send; a late ack still records the receipt for the outcome', () => {
    let s = run([open(), { type: 'press', choice: YES }, close()]);
    expect(s).toMatchObject({ phase: 'closed', pending: null });
    s = voteReducer(s, { type: 'ack', attempt: 1, receipt: receipt(YES) });
    expect(s.phase).toBe('closed');
    expect(recordedChoice(s)).toEqual(YES);
  });

  it('a new round starts clean', () => {
    const s = run([open(), { type: 'press', choice: YES }, { type: 'ack', attempt: 1, receipt: receipt(YES) }, close(), open({ id: 'r2' })]);
    expect(s).toMatchObject({ phase: 'open', roundId: 'r2', receipt: null, attempt: 0, changed: false });
  });

  it('a closed round that was never followed is not brought up (e.g. after a reload)', () => {
    expect(voteReducer(initialVoteState, close('old'))).toBe(initialVoteState);
  });

  it('cancelled rounds close the panel state', () => {
    const s = run([open(), close('r1', 'cancelled')]);
    expect(s).toMatchObject({ phase: 'closed', roundStatus: 'cancelled' });
  });

  it('the round disappearing (another session selected) returns to idle', () => {
    const s = run([open(), { type: 'round', round: null, allowChange: false }]);
    expect(s).toEqual(initialVoteState);
  });
});

describe('choiceEquals', () => {
  it('compares every kind of ballot', () => {
    expect(choiceEquals(YES, { type: 'option', option: 'yes' })).toBe(true);
    expect(choiceEquals(YES, NO)).toBe(false);
    expect(choiceEquals(null, null)).toBe(true);
    expect(choiceEquals(YES, null)).toBe(false);
    expect(choiceEquals({ type: 'election', candidateIds: ['a', 'b'] }, { type: 'election', candidateIds: ['b', 'a'] })).toBe(true);
    expect(choiceEquals({ type: 'election', candidateIds: ['a'] }, { type: 'election', candidateIds: ['b'] })).toBe(false);
    expect(choiceEquals({ type: 'confidence', ratings: { x: 'high' } }, { type: 'confidence', ratings: { x: 'high' } })).toBe(true);
    expect(choiceEquals({ type: 'confidence', ratings: { x: 'high' } }, { type: 'confidence', ratings: { x: 'low' } })).toBe(false);
    expect(choiceEquals(YES, { type: 'election', candidateIds: [] })).toBe(false);
  });
});
