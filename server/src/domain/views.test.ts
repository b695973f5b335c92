import type { BallotChoice, OptionResult } from '@hddt/protocol';
import { describe, expect, it } from 'vitest';
import { demoHall } from './test-support';
import type { Hall } from './test-support';
import type { Audience } from './views';
import { attendanceSummary, ballotReceipt, chairSnapshot, delegateMe, liveSnapshot, namedBoard, roundView } from './views';

const AUDIENCES: Audience[] = ['staff', 'delegate', 'display'];
const CANDIDATES = [
  { id: 'cand-a', name: 'Phạm Quốc Bình' },
  { id: 'cand-b', name: 'Lê Ngọc Lan' },
  { id: 'cand-c', name: 'Võ Minh Khang' },
];
const elect = (...candidateIds: string[]): BallotChoice => ({ type: 'election', candidateIds });

function view(hall: Hall, roundId: string, audience: Audience) {
  return roundView(hall.state, hall.round(roundId), hall.ctx.clock.day, audience);
}

/** Everything any audience or delegate could receive about the current session, as one string. */
function everythingVisible(hall: Hall): string {
  const day = hall.ctx.clock.day;
  const parts: unknown[] = [];
  for (const audience of AUDIENCES) parts.push(liveSnapshot(hall.state, 1, hall.ctx.clock.now, day, audience));
  parts.push(chairSnapshot(hall.state, 1, hall.ctx.clock.now, day, { username: 'chair', role: 'chair' }, []));
  for (const id of hall.delegateIds) parts.push(delegateMe(hall.state, id, day));
  return JSON.stringify(parts);
}

describe('secret ballots in views', () => {
  function secretElection(interim: 'progress' | 'live') {
    const hall = demoHall({ delegates: 5, checkedIn: 5 });
    const { roundId } = hall.openVote({ kind: 'election', mode: 'secret', interim, candidates: CANDIDATES, seats: 1 });
    hall.cast(roundId, 1, elect('cand-b'));
    hall.cast(roundId, 2, elect('cand-c'));
    return { hall, roundId };
  }

  it.each(['progress', 'live'] as const)('while open (interim %s): participation only, no totals, no choice', (interim) => {
    const { hall, roundId } = secretElection(interim);
    for (const audience of AUDIENCES) {
      const v = view(hall, roundId, audience);
      expect(v).toMatchObject({ mode: 'secret', status: 'open', voted: 2, seated: 5, present: 5, result: null });
    }
    const visible = everythingVisible(hall);
    expect(visible).not.toContain('"choice":{');
    expect(visible).not.toContain('candidateIds');
    expect(visible).not.toContain('secretTally');
    // Candidates are named in the motion, but no vote count for them exists anywhere in what is sent.
    expect(visible).not.toContain('"votes"');
  });

  it('the delegate is told only that they took part', () => {
    const { hall, roundId } = secretElection('progress');
    const receipt = ballotReceipt(hall.round(roundId), hall.delegate(1));
    expect(receipt).toEqual({ roundId, choice: null, secret: true, at: hall.round(roundId).openedAt });
    expect(ballotReceipt(hall.round(roundId), hall.delegate(3))).toBeNull();
    const me = delegateMe(hall.state, hall.delegate(1), hall.ctx.clock.day)!;
    expect(me.ballots).toEqual([receipt]);
    expect(JSON.stringify(me)).not.toContain('cand-b');
  });

  it('after close: the sealed totals, still no choice of anyone', () => {
    const { hall, roundId } = secretElection('progress');
    hall.do({ type: 'round.close', roundId });
    const v = view(hall, roundId, 'display');
    expect(v.result).toMatchObject({ kind: 'election', participated: 2 });
    const visible = everythingVisible(hall);
    expect(visible).not.toContain('"choice":{');
    expect(visible).not.toContain('candidateIds');
    // A named board of a secret round (the caller refuses it anyway) would have no choice in it.
    expect(namedBoard(hall.state, hall.round(roundId), hall.ctx.clock.day).every((e) => e.choice === null)).toBe(true);
  });

  it('confidence ratings: nothing of a delegate’s ratings in any view', () => {
    const hall = demoHall({ delegates: 3, checkedIn: 3 });
    const { roundId } = hall.openVote({ kind: 'confidence', mode: 'secret', interim: 'live', candidates: CANDIDATES.slice(0, 1) });
    hall.cast(roundId, 1, { type: 'confidence', ratings: { 'cand-a': 'low' } });
    expect(view(hall, roundId, 'staff').result).toBeNull();
    const visible = everythingVisible(hall);
    expect(visible).not.toContain('ratings');
    expect(visible).not.toMatch(/"(high|medium|low)":\d/);
  });
});

describe('interim totals', () => {
  function namedVote(interim: 'progress' | 'live', mode: 'named' | 'anonymous' = 'named') {
    const hall = demoHall({ delegates: 31, checkedIn: 28 });
    const { roundId } = hall.openVote({ interim, mode });
    hall.castOptions(roundId, 1, 12, 'yes');
    hall.castOptions(roundId, 13, 14, 'no');
    return { hall, roundId };
  }

  it('progress: while open the hall sees only how many have voted', () => {
    const { hall, roundId } = namedVote('progress');
    for (const audience of AUDIENCES) {
      expect(view(hall, roundId, audience)).toMatchObject({ voted: 14, seated: 31, present: 28, result: null });
    }
  });

  it.each(['named', 'anonymous'] as const)('live (%s): provisional totals of all N while open', (mode) => {
    const { hall, roundId } = namedVote('live', mode);
    const r = view(hall, roundId, 'display').result as OptionResult;
    expect(r).toEqual({
      kind: 'options',
      seated: 31,
      present: 28,
      participated: 14,
      counts: { yes: 12, no: 2, abstain: 0 },
      required: 16,
      passed: false,
    });
  });

  it('after close every audience sees the result, whatever the interim setting', () => {
    const { hall, roundId } = namedVote('progress');
    hall.do({ type: 'round.close', roundId });
    for (const audience of AUDIENCES) {
      expect(view(hall, roundId, audience).result).toMatchObject({ kind: 'options', counts: { yes: 12, no: 2, abstain: 0 } });
    }
    hall.do({ type: 'round.announce', roundId });
    expect(view(hall, roundId, 'display')).toMatchObject({ status: 'announced', result: { passed: false } });
  });

  it('a cancelled round has no result, whether it was cancelled open or after closing', () => {
    const { hall, roundId } = namedVote('live');
    hall.do({ type: 'round.cancel', roundId, reason: 'Sự cố' });
    expect(view(hall, roundId, 'staff')).toMatchObject({ status: 'cancelled', cancelledReason: 'Sự cố', result: null });
    const again = hall.openVote({ interim: 'live' });
    hall.castOptions(again.roundId, 1, 20, 'yes');
    hall.do({ type: 'round.close', roundId: again.roundId });
    hall.do({ type: 'round.cancel', roundId: again.roundId, reason: 'Nhầm nội dung' });
    for (const audience of AUDIENCES) expect(view(hall, again.roundId, audience).result).toBeNull();
  });

  it('present: live while open, as recorded in the result once closed', () => {
    const { hall, roundId } = namedVote('progress');
    hall.checkIn([29]);
    expect(view(hall, roundId, 'display').present).toBe(29);
    hall.do({ type: 'round.close', roundId });
    hall.checkIn([30]);
    expect(view(hall, roundId, 'display').present).toBe(29);
  });
});

describe('who has voted (voterIds)', () => {
  it('only staff see the participation list, sorted, never the choices', () => {
    const hall = demoHall({ delegates: 5, checkedIn: 5 });
    const { roundId } = hall.openVote();
    hall.cast(hall.round(roundId).id, 3, { type: 'option', option: 'no' });
    hall.cast(roundId, 1, { type: 'option', option: 'yes' });
    const staff = view(hall, roundId, 'staff');
    expect(staff.voterIds).toEqual([hall.delegate(1), hall.delegate(3)].sort());
    expect(JSON.stringify(staff)).not.toContain('"choice"');
    expect(view(hall, roundId, 'delegate')).not.toHaveProperty('voterIds');
    expect(view(hall, roundId, 'display')).not.toHaveProperty('voterIds');
  });

  it('secret rounds: staff see who took part, from the participant set', () => {
    const hall = demoHall({ delegates: 5, checkedIn: 5 });
    const { roundId } = hall.openVote({ kind: 'election', mode: 'secret', candidates: CANDIDATES, seats: 1 });
    hall.cast(roundId, 4, elect('cand-a'));
    expect(view(hall, roundId, 'staff').voterIds).toEqual([hall.delegate(4)]);
  });
});

describe('snapshots', () => {
  it('documents go to delegates and staff, not to the hall display', () => {
    const hall = demoHall({ delegates: 3, checkedIn: 3 });
    hall.do({
      type: 'document.add',
      sessionId: hall.session.id,
      itemId: null,
      title: 'Tờ trình',
      docType: 'to-trinh',
      confidential: false,
      published: false,
      file: { fileName: 't.pdf', mimeType: 'application/pdf', size: 1, sha256: 'x', pages: 1 },
    });
    const day = hall.ctx.clock.day;
    expect(liveSnapshot(hall.state, 7, hall.ctx.clock.now, day, 'delegate').documents).toHaveLength(1);
    expect(liveSnapshot(hall.state, 7, hall.ctx.clock.now, day, 'staff').documents).toHaveLength(1);
    expect(liveSnapshot(hall.state, 7, hall.ctx.clock.now, day, 'display').documents).toEqual([]);
  });

  it('carry the session’s rounds in opening order, N and the attendance summary', () => {
    const hall = demoHall({ delegates: 31, checkedIn: 21 });
    const first = hall.openVote();
    hall.do({ type: 'round.close', roundId: first.roundId });
    hall.ctx.advance(60);
    const second = hall.openVote();
    const snap = liveSnapshot(hall.state, 42, hall.ctx.clock.now, hall.ctx.clock.day, 'display');
    expect(snap).toMatchObject({ seq: 42, seatedCount: 31, session: { id: hall.session.id } });
    expect(snap.rounds.map((r) => r.id)).toEqual([first.roundId, second.roundId]);
    expect(snap.attendance).toEqual({
      sessionId: hall.session.id,
      day: hall.ctx.clock.day,
      seated: 31,
      present: 21,
      required: 21,
      quorumMet: true,
    });
  });

  it('the chair snapshot lists the roster by seat and today’s attendance records', () => {
    const hall = demoHall({ delegates: 4, checkedIn: 2 });
    hall.do({ type: 'attendance.set', delegateId: hall.delegate(4), status: 'excused', reason: 'Ốm' });
    const snap = chairSnapshot(hall.state, 1, hall.ctx.clock.now, hall.ctx.clock.day, { username: 'tk', role: 'secretariat' }, [hall.delegate(1)]);
    expect(snap.delegates.map((d) => d.seat)).toEqual([1, 2, 3, 4]);
    expect(snap.attendanceRecords.map((r) => [r.delegateId, r.status]).sort()).toEqual(
      [
        [hall.delegate(1), 'present'],
        [hall.delegate(2), 'present'],
        [hall.delegate(4), 'excused'],
      ].sort(),
    );
    expect(snap.connectedDelegateIds).toEqual([hall.delegate(1)]);
  });
});

describe('attendance summary', () => {
  it('quorum on N seated, live, and false with no session', () => {
    const noSession = demoHall({ delegates: 3, open: false });
    const empty = { ...noSession.state, activeSessionId: null };
    expect(attendanceSummary(empty, '2026-07-05')).toEqual({
      sessionId: null,
      day: null,
      seated: 3,
      present: 0,
      required: 2,
      quorumMet: false,
    });
    const hall = demoHall({ delegates: 30, checkedIn: 19 });
    expect(attendanceSummary(hall.state, hall.ctx.clock.day)).toMatchObject({ present: 19, required: 20, quorumMet: false });
    hall.checkIn([20]);
    expect(attendanceSummary(hall.state, hall.ctx.clock.day)).toMatchObject({ present: 20, required: 20, quorumMet: true });
  });
});

describe('attendance summary agrees with the rule that opens votes', () => {
  it.each([
    [31, 20],
    [31, 21],
    [30, 19],
    [30, 20],
    [1, 0],
    [1, 1],
    [4, 2],
    [4, 3],
  ])('N = %i, %i present', (n, present) => {
    const hall = demoHall({ delegates: n, checkedIn: present });
    const summary = attendanceSummary(hall.state, hall.ctx.clock.day);
    expect(summary.quorumMet).toBe(present >= Math.ceil((2 * n) / 3));
    const motionId = hall.prepare();
    const code = hall.codeOf({ type: 'motion.open', motionId, commandId: 'cmd-summary' });
    expect(code === null).toBe(summary.quorumMet);
  });

  it('no council configured: no quorum', () => {
    const hall = demoHall({ delegates: 3, checkedIn: 3 });
    const state = { ...hall.state, council: null };
    expect(attendanceSummary(state, hall.ctx.clock.day).quorumMet).toBe(false);
  });
});

describe('delegateMe', () => {
  it('check-in, named ballots with their choice, and the place in the speaker queue', () => {
    const hall = demoHall({ delegates: 4, checkedIn: 3 });
    const { roundId } = hall.openVote();
    hall.cast(roundId, 2, { type: 'option', option: 'no' });
    const a = hall.do({ type: 'speaker.request', delegateId: hall.delegate(1) }).result!.entryId!;
    hall.do({ type: 'speaker.request', delegateId: hall.delegate(2) });
    hall.do({ type: 'speaker.request', delegateId: hall.delegate(3) });
    hall.do({ type: 'speaker.give', entryId: a });
    const me = (seat: number) => delegateMe(hall.state, hall.delegate(seat), hall.ctx.clock.day)!;
    expect(me(2)).toMatchObject({
      checkedIn: true,
      ballots: [{ roundId, choice: { type: 'option', option: 'no' }, secret: false }],
      speakerPosition: 1,
    });
    expect(me(1).speakerPosition).toBe(0);
    expect(me(3).speakerPosition).toBe(2);
    expect(me(4)).toMatchObject({ checkedIn: false, ballots: [], speakerPosition: null });
    expect(delegateMe(hall.state, 'nobody', hall.ctx.clock.day)).toBeNull();
  });
});

describe('named board', () => {
  it('lists seated delegates in seat order with their option; non-voters are null', () => {
    const hall = demoHall({ delegates: 4, checkedIn: 4 });
    hall.do({ type: 'delegate.vacate', delegateId: hall.delegate(4), reason: 'x' });
    const { roundId } = hall.openVote();
    hall.cast(roundId, 2, { type: 'option', option: 'yes' });
    hall.cast(roundId, 1, { type: 'option', option: 'abstain' });
    expect(namedBoard(hall.state, hall.round(roundId), hall.ctx.clock.day).map((e) => [e.seat, e.option])).toEqual([
      [1, 'abstain'],
      [2, 'yes'],
      [3, null],
    ]);
  });

  it('tells present seats that did not press from absent ones', () => {
    const hall = demoHall({ delegates: 4, checkedIn: 3 });
    const { roundId } = hall.openVote();
    hall.cast(roundId, 1, { type: 'option', option: 'yes' });
    expect(namedBoard(hall.state, hall.round(roundId), hall.ctx.clock.day).map((e) => [e.seat, e.option, e.present])).toEqual([
      [1, 'yes', true],
      [2, null, true],
      [3, null, true],
      [4, null, false],
    ]);
  });
});

describe('resolution number on the round view', () => {
  it('an announced, passed resolution vote carries its number; before the announcement it has none', () => {
    const hall = demoHall({ delegates: 5, checkedIn: 5 });
    const { roundId } = hall.openVote({ resolution: true });
    for (const seat of [1, 2, 3, 4, 5]) hall.cast(roundId, seat, { type: 'option', option: 'yes' });
    hall.do({ type: 'round.close', roundId });
    expect(view(hall, roundId, 'display').resolutionCode).toBeUndefined();
    hall.do({ type: 'round.announce', roundId });
    expect(view(hall, roundId, 'display').resolutionCode).toMatch(/^\d+\/NQ-HĐND$/);
  });
});
