import type { BallotChoice, CouncilConfig, ElectionResult, Motion, OptionResult, ConfidenceResult } from '@hddt/protocol';
import { describe, expect, it } from 'vitest';
import { defaultCouncilConfig } from './defaults';
import { addToTally, computeResult, emptyTally, participationCount, roundTally, tallyOfBallots, validChoice } from './tally';
import type { RoundState, Tally } from './types';

const council = defaultCouncilConfig('c');

function motion(overrides: Partial<Motion> = {}): Motion {
  return {
    id: 'm1',
    sessionId: 's1',
    itemId: null,
    question: 'Q',
    kind: 'ordinary',
    mode: 'named',
    interim: 'progress',
    durationSec: null,
    candidates: [],
    seats: 1,
    practice: false,
    resolution: true,
    normative: false,
    ...overrides,
  };
}

const threeCandidates = [
  { id: 'a', name: 'Phạm Quốc Bình' },
  { id: 'b', name: 'Lê Ngọc Lan' },
  { id: 'c', name: 'Võ Minh Khang' },
];
const election = (seats: number) => motion({ kind: 'election', mode: 'secret', candidates: threeCandidates, seats });
const confidence = motion({ kind: 'confidence', mode: 'secret', candidates: threeCandidates });

function optionsTally(yes: number, no: number, abstain: number): Tally {
  return { ballots: yes + no + abstain, options: { yes, no, abstain }, candidates: {}, ratings: {} };
}

function electionTally(votes: Record<string, number>, ballots: number): Tally {
  return { ...emptyTally(), ballots, candidates: votes };
}

function optionsResult(m: Motion, t: Tally, seated: number, c: CouncilConfig = council): OptionResult {
  const r = computeResult(c, m, t, seated, seated);
  if (r.kind !== 'options') throw new Error('expected options');
  return r;
}

function electionResult(t: Tally, seats: number, seated: number): ElectionResult {
  const r = computeResult(council, election(seats), t, seated, seated);
  if (r.kind !== 'election') throw new Error('expected election');
  return r;
}

const yes: BallotChoice = { type: 'option', option: 'yes' };
const no: BallotChoice = { type: 'option', option: 'no' };

describe('addToTally', () => {
  it('adds options without touching the tally it was given', () => {
    const t0 = emptyTally();
    const t1 = addToTally(t0, yes);
    const t2 = addToTally(t1, no);
    expect(t0).toEqual(emptyTally());
    expect(t1.options).toEqual({ yes: 1, no: 0, abstain: 0 });
    expect(t2).toEqual({ ballots: 2, options: { yes: 1, no: 1, abstain: 0 }, candidates: {}, ratings: {}, blank: 0 });
  });

  it('removes a ballot with sign -1 (a changed vote)', () => {
    const t = addToTally(addToTally(addToTally(emptyTally(), yes), no, -1), no);
    expect(t.ballots).toBe(1);
    expect(t.options).toEqual({ yes: 1, no: 0, abstain: 0 });
  });

  it('counts every candidate on an election ballot, and a blank one as a ballot only', () => {
    let t = addToTally(emptyTally(), { type: 'election', candidateIds: ['a', 'b'] });
    t = addToTally(t, { type: 'election', candidateIds: ['a'] });
    t = addToTally(t, { type: 'election', candidateIds: [] });
    expect(t.ballots).toBe(3);
    expect(t.candidates).toEqual({ a: 2, b: 1 });
  });

  it('counts confidence ratings per subject and level, without sharing nested objects', () => {
    const t1 = addToTally(emptyTally(), { type: 'confidence', ratings: { a: 'high', b: 'low' } });
    const t2 = addToTally(t1, { type: 'confidence', ratings: { a: 'low', b: 'low' } });
    expect(t1.ratings).toEqual({ a: { high: 1, medium: 0, low: 0 }, b: { high: 0, medium: 0, low: 1 } });
    expect(t2.ratings).toEqual({ a: { high: 1, medium: 0, low: 1 }, b: { high: 0, medium: 0, low: 2 } });
  });
});

describe('tallies of a round', () => {
  const round = (over: Partial<RoundState>): RoundState => ({
    id: 'r1',
    motionId: 'm1',
    sessionId: 's1',
    number: 1,
    status: 'open',
    openedAt: '2026-07-05T08:00:00.000Z',
    closesAt: null,
    closedAt: null,
    cancelledReason: null,
    seated: 5,
    allowChange: true,
    ballots: new Map(),
    participants: {},
    secretTally: null,
    result: null,
    ...over,
  });

  it('named rounds count the stored ballots', () => {
    const r = round({
      ballots: new Map([
        ['d1', { choice: yes, at: 't', changes: 0 }],
        ['d2', { choice: yes, at: 't', changes: 1 }],
        ['d3', { choice: no, at: 't', changes: 0 }],
      ]),
    });
    expect(roundTally(r)).toEqual(tallyOfBallots(r.ballots));
    expect(roundTally(r).options).toEqual({ yes: 2, no: 1, abstain: 0 });
    expect(participationCount(r)).toBe(3);
  });

  it('secret rounds count only the aggregated tally; participation comes from the participant set', () => {
    const r = round({ participants: { d1: true, d2: true }, secretTally: optionsTally(1, 1, 0) });
    expect(roundTally(r)).toBe(r.secretTally);
    expect(participationCount(r)).toBe(2);
  });
});

describe('validChoice', () => {
  it('ordinary and two-thirds motions take an option only', () => {
    for (const kind of ['ordinary', 'two-thirds'] as const) {
      const m = motion({ kind });
      expect(validChoice(m, yes)).toBe(true);
      expect(validChoice(m, { type: 'option', option: 'abstain' })).toBe(true);
      expect(validChoice(m, { type: 'election', candidateIds: [] })).toBe(false);
      expect(validChoice(m, { type: 'confidence', ratings: {} })).toBe(false);
    }
  });

  it('election: known candidates, no duplicates, no more than the seats', () => {
    expect(validChoice(election(1), { type: 'election', candidateIds: ['a'] })).toBe(true);
    expect(validChoice(election(2), { type: 'election', candidateIds: ['a', 'c'] })).toBe(true);
    // A ballot crossing out everyone is a valid (blank) ballot.
    expect(validChoice(election(1), { type: 'election', candidateIds: [] })).toBe(true);
    expect(validChoice(election(1), { type: 'election', candidateIds: ['a', 'b'] })).toBe(false);
    expect(validChoice(election(2), { type: 'election', candidateIds: ['a', 'b', 'c'] })).toBe(false);
    expect(validChoice(election(2), { type: 'election', candidateIds: ['a', 'a'] })).toBe(false);
    expect(validChoice(election(2), { type: 'election', candidateIds: ['a', 'zzz'] })).toBe(false);
    expect(validChoice(election(1), yes)).toBe(false);
    expect(validChoice(election(1), { type: 'confidence', ratings: { a: 'high' } })).toBe(false);
  });

  it('confidence: exactly one rating for every subject', () => {
    expect(validChoice(confidence, { type: 'confidence', ratings: { a: 'high', b: 'medium', c: 'low' } })).toBe(true);
    expect(validChoice(confidence, { type: 'confidence', ratings: { a: 'high', b: 'medium' } })).toBe(false);
    expect(validChoice(confidence, { type: 'confidence', ratings: { a: 'high', b: 'medium', x: 'low' } })).toBe(false);
    expect(validChoice(confidence, { type: 'confidence', ratings: { a: 'high', b: 'medium', c: 'low', x: 'low' } })).toBe(false);
    expect(validChoice(confidence, yes)).toBe(false);
    expect(validChoice(confidence, { type: 'election', candidateIds: ['a'] })).toBe(false);
  });
});

describe('computeResult: ordinary motions (quá nửa of N seated)', () => {
  it.each([
    // N, yes, passes
    [31, 16, true],
    [31, 15, false],
    [30, 16, true],
    [30, 15, false],
    [1, 1, true],
    [1, 0, false],
    [2, 1, false],
    [2, 2, true],
    [5, 3, true],
    [500, 251, true],
    [500, 250, false],
    [1500, 751, true],
    [1500, 750, false],
  ])('N = %i, %i yes → passed %s', (n, y, passed) => {
    const r = optionsResult(motion(), optionsTally(y, 0, 0), n);
    expect(r.passed).toBe(passed);
    expect(r.required).toBe(Math.floor(n / 2) + 1);
  });

  it('the denominator is N seated, not those present or voting', () => {
    // 31 seated, 20 present, 15 yes: three quarters of those voting, but not more than half of the council.
    const r = computeResult(council, motion(), optionsTally(15, 3, 2), 31, 20);
    expect(r).toEqual({
      kind: 'options',
      seated: 31,
      present: 20,
      participated: 20,
      counts: { yes: 15, no: 3, abstain: 2 },
      required: 16,
      passed: false,
    });
  });

  it('abstentions and no votes do not count toward passing', () => {
    expect(optionsResult(motion(), optionsTally(15, 0, 16), 31).passed).toBe(false);
  });

  it('uses the council’s configured rule, not a constant', () => {
    const strict: CouncilConfig = {
      ...council,
      thresholds: { ...council.thresholds, ordinary: { numerator: 3, denominator: 5, strict: false } },
    };
    const r = optionsResult(motion(), optionsTally(18, 0, 0), 30, strict);
    expect(r.required).toBe(18);
    expect(r.passed).toBe(true);
    expect(optionsResult(motion(), optionsTally(17, 0, 0), 30, strict).passed).toBe(false);
  });
});

describe('computeResult: two-thirds motions (ít nhất hai phần ba of N)', () => {
  it.each([
    [30, 20, true],
    [30, 19, false],
    [31, 21, true],
    [31, 20, false],
    [3, 2, true],
    [4, 3, true],
    [4, 2, false],
    [5, 4, true],
    [5, 3, false],
    [1500, 1000, true],
    [1500, 999, false],
  ])('N = %i, %i yes → passed %s', (n, y, passed) => {
    const r = optionsResult(motion({ kind: 'two-thirds' }), optionsTally(y, n - y, 0), n);
    expect(r.passed).toBe(passed);
    expect(r.required).toBe(Math.ceil((2 * n) / 3));
  });
});

describe('computeResult: elections', () => {
  it('one post: the candidate with more than half of N is elected', () => {
    const r = electionResult(electionTally({ a: 16, b: 10, c: 5 }, 31), 1, 31);
    expect(r.required).toBe(16);
    expect(r.candidates.map((c) => [c.id, c.votes, c.elected, c.tied])).toEqual([
      ['a', 16, true, false],
      ['b', 10, false, false],
      ['c', 5, false, false],
    ]);
    expect(r.tieNeedsRevote).toBe(false);
  });

  it('one post: first place below the majority is not elected', () => {
    const r = electionResult(electionTally({ a: 15, b: 10, c: 6 }, 31), 1, 31);
    expect(r.candidates[0]).toMatchObject({ id: 'a', votes: 15, elected: false, tied: false });
    expect(r.candidates.some((c) => c.elected)).toBe(false);
    expect(r.tieNeedsRevote).toBe(false);
  });

  it('one post: a tie at the top above the majority elects no one and needs a re-vote', () => {
    // Unreachable with one-name ballots, but the rule must never break a tie by alphabetical order.
    const r = electionResult(electionTally({ a: 21, b: 21, c: 0 }, 40), 1, 40);
    expect(r.candidates.filter((c) => c.elected)).toEqual([]);
    expect(
      r.candidates
        .filter((c) => c.tied)
        .map((c) => c.id)
        .sort(),
    ).toEqual(['a', 'b']);
    expect(r.tieNeedsRevote).toBe(true);
  });

  it('two posts: the top two above the majority are elected', () => {
    const r = electionResult(electionTally({ a: 20, b: 18, c: 17 }, 31), 2, 31);
    expect(r.candidates.map((c) => [c.id, c.elected, c.tied])).toEqual([
      ['a', true, false],
      ['b', true, false],
      ['c', false, false],
    ]);
    expect(r.tieNeedsRevote).toBe(false);
  });

  it('two posts: a tie for the second post elects the first and flags the tied pair', () => {
    const r = electionResult(electionTally({ a: 20, b: 17, c: 17 }, 31), 2, 31);
    expect(r.candidates.find((c) => c.id === 'a')).toMatchObject({ elected: true, tied: false });
    expect(r.candidates.find((c) => c.id === 'b')).toMatchObject({ elected: false, tied: true });
    expect(r.candidates.find((c) => c.id === 'c')).toMatchObject({ elected: false, tied: true });
    expect(r.tieNeedsRevote).toBe(true);
  });

  it('two posts: three-way tie above the majority elects no one', () => {
    const r = electionResult(electionTally({ a: 17, b: 17, c: 17 }, 31), 2, 31);
    expect(r.candidates.every((c) => !c.elected && c.tied)).toBe(true);
    expect(r.tieNeedsRevote).toBe(true);
  });

  it('two posts: a tie between the two elected is no problem (both win)', () => {
    const r = electionResult(electionTally({ a: 18, b: 18, c: 17 }, 31), 2, 31);
    expect(
      r.candidates
        .filter((c) => c.elected)
        .map((c) => c.id)
        .sort(),
    ).toEqual(['a', 'b']);
    expect(r.tieNeedsRevote).toBe(false);
  });

  it('two posts: a tie below the majority is not a tie that matters', () => {
    const r = electionResult(electionTally({ a: 20, b: 10, c: 10 }, 31), 2, 31);
    expect(r.candidates.filter((c) => c.elected).map((c) => c.id)).toEqual(['a']);
    expect(r.candidates.some((c) => c.tied)).toBe(false);
    expect(r.tieNeedsRevote).toBe(false);
  });

  it('a candidate exactly at N/2 on even N is not elected; one more vote is', () => {
    expect(electionResult(electionTally({ a: 15, b: 15 }, 30), 1, 30).candidates[0]!.elected).toBe(false);
    expect(electionResult(electionTally({ a: 16, b: 14 }, 30), 1, 30).candidates[0]!.elected).toBe(true);
  });

  it('candidates with no votes appear with 0, ranked by votes then by Vietnamese name', () => {
    const r = electionResult(electionTally({ c: 3 }, 3), 1, 5);
    expect(r.candidates.map((c) => [c.name, c.votes])).toEqual([
      ['Võ Minh Khang', 3],
      ['Lê Ngọc Lan', 0],
      ['Phạm Quốc Bình', 0],
    ]);
    expect(r.candidates[0]!.elected).toBe(true);
    expect(r.participated).toBe(3);
  });
});

describe('computeResult: confidence ratings (lấy phiếu tín nhiệm)', () => {
  function ratingsTally(lowPerSubject: Record<string, number>, ballots: number): Tally {
    const ratings: Tally['ratings'] = {};
    for (const [id, low] of Object.entries(lowPerSubject)) ratings[id] = { high: ballots - low, medium: 0, low };
    return { ...emptyTally(), ballots, ratings };
  }
  function subjects(t: Tally, seated: number) {
    const r = computeResult(council, confidence, t, seated, seated) as ConfidenceResult;
    expect(r.kind).toBe('confidence');
    return Object.fromEntries(r.subjects.map((s) => [s.id, s]));
  }

  it('three levels per subject are reported as counted', () => {
    const t: Tally = {
      ...emptyTally(),
      ballots: 31,
      ratings: { a: { high: 20, medium: 8, low: 3 }, b: { high: 1, medium: 2, low: 28 } },
    };
    const s = subjects(t, 31);
    expect(s['a']!.counts).toEqual({ high: 20, medium: 8, low: 3 });
    expect(s['b']!.counts).toEqual({ high: 1, medium: 2, low: 28 });
    // A subject nobody rated still appears, with zeros.
    expect(s['c']!.counts).toEqual({ high: 0, medium: 0, low: 0 });
  });

  it.each([
    // N, low, lowMajority, lowTwoThirds
    [31, 15, false, false],
    [31, 16, true, false],
    [31, 20, true, false],
    [31, 21, true, true],
    [5, 2, false, false],
    [5, 3, true, false],
    [5, 4, true, true],
    [3, 1, false, false],
    [3, 2, true, true],
    [1, 1, true, true],
    [30, 15, false, false],
    [30, 16, true, false],
    [30, 19, true, false],
    [30, 20, true, true],
  ])('N = %i, %i rate low → lowMajority %s, lowTwoThirds %s', (n, low, lowMajority, lowTwoThirds) => {
    const s = subjects(ratingsTally({ a: low }, n), n)['a']!;
    expect(s.lowMajority).toBe(lowMajority);
    expect(s.lowTwoThirds).toBe(lowTwoThirds);
  });
});
