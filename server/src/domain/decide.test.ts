import type { BallotChoice, ConfidenceResult, ElectionResult, OptionResult } from '@hddt/protocol';
import { formatPercent } from '@hddt/protocol';
import { describe, expect, it } from 'vitest';
import { decide } from './decide';
import { presentIds, quorumMet, quorumRequired, seatedCount, speakersOf } from './queries';
import { defaultCouncilConfig } from './defaults';
import { emptyState } from './evolve';
import { demoHall, Hall, motionInput, run, runBatch, stateText, testCtx } from './test-support';
import type { Command, DecideResult } from './types';

const YES: BallotChoice = { type: 'option', option: 'yes' };
const NO: BallotChoice = { type: 'option', option: 'no' };
const ABSTAIN: BallotChoice = { type: 'option', option: 'abstain' };

const CANDIDATES = [
  { id: 'cand-a', name: 'Phạm Quốc Bình' },
  { id: 'cand-b', name: 'Lê Ngọc Lan' },
  { id: 'cand-c', name: 'Võ Minh Khang' },
];
const elect = (...candidateIds: string[]): BallotChoice => ({ type: 'election', candidateIds });

function optionResult(hall: Hall, roundId: string): OptionResult {
  const r = hall.round(roundId).result;
  if (!r || r.kind !== 'options') throw new Error('no options result');
  return r;
}

describe('council and roster', () => {
  it('initialises once', () => {
    const hall = new Hall();
    expect(hall.codeOf({ type: 'council.configure', patch: { place: 'Côn Đảo' } })).toBe('NOT_FOUND');
    hall.do({ type: 'council.initialize', council: defaultCouncilConfig('c1') });
    expect(hall.codeOf({ type: 'council.initialize', council: defaultCouncilConfig('c2') })).toBe('CONFLICT');
    hall.do({ type: 'council.configure', patch: { place: 'Côn Đảo', allowVoteChange: false } });
    expect(hall.state.council).toMatchObject({ id: 'c1', place: 'Côn Đảo', allowVoteChange: false });
  });

  it('a seat holds one delegate, also inside one import', () => {
    const hall = demoHall({ delegates: 3, open: false });
    expect(hall.codeOf({ type: 'delegate.add', input: { seat: 2, fullName: 'X', title: '', group: '' } })).toBe('SEAT_TAKEN');
    expect(
      hall.codeOf({
        type: 'delegate.import',
        inputs: [
          { seat: 10, fullName: 'A', title: '', group: '' },
          { seat: 10, fullName: 'B', title: '', group: '' },
        ],
      }),
    ).toBe('SEAT_TAKEN');
    expect(hall.codeOf({ type: 'delegate.update', delegateId: hall.delegate(1), patch: { seat: 3 } })).toBe('SEAT_TAKEN');
    expect(hall.codeOf({ type: 'delegate.update', delegateId: hall.delegate(1), patch: { seat: 1, fullName: 'Y' } })).toBeNull();
    expect(hall.codeOf({ type: 'delegate.update', delegateId: 'nobody', patch: {} })).toBe('DELEGATE_NOT_FOUND');
    hall.do({ type: 'delegate.add', input: { seat: 4, fullName: 'Hồ Thị Yến', title: '', group: '' } });
    expect(seatedCount(hall.state)).toBe(4);
    expect(hall.state.delegates[hall.delegate(4)]).toMatchObject({ seated: true, vacatedReason: null });
  });
});

describe('vacancies: N is the number of seated delegates', () => {
  it('N counts seated delegates, not those present', () => {
    const hall = demoHall({ delegates: 31, checkedIn: 21 });
    const { roundId } = hall.openVote();
    expect(hall.round(roundId).seated).toBe(31);
    hall.castOptions(roundId, 1, 15, 'yes');
    hall.castOptions(roundId, 16, 21, 'no');
    hall.do({ type: 'round.close', roundId });
    // 15 of 21 present voted yes (71%), but that is not more than half of 31.
    expect(optionResult(hall, roundId)).toMatchObject({ seated: 31, present: 21, participated: 21, required: 16, passed: false });
  });

  it('vacating a seat lowers N and the quorum; reseating raises them again', () => {
    const hall = demoHall({ delegates: 31, checkedIn: 20 });
    expect(quorumRequired(hall.state)).toBe(21);
    expect(quorumMet(hall.state, hall.session.id, hall.ctx.clock.day)).toBe(false);
    hall.do({ type: 'delegate.vacate', delegateId: hall.delegate(31), reason: 'Chuyển công tác' });
    expect(seatedCount(hall.state)).toBe(30);
    expect(quorumRequired(hall.state)).toBe(20);
    expect(quorumMet(hall.state, hall.session.id, hall.ctx.clock.day)).toBe(true);
    expect(hall.state.delegates[hall.delegate(31)]).toMatchObject({ seated: false, vacatedReason: 'Chuyển công tác' });
    hall.do({ type: 'delegate.reseat', delegateId: hall.delegate(31) });
    expect(seatedCount(hall.state)).toBe(31);
    expect(quorumMet(hall.state, hall.session.id, hall.ctx.clock.day)).toBe(false);
  });

  it('a vacated delegate who had checked in no longer counts as present', () => {
    const hall = demoHall({ delegates: 30, checkedIn: 20 });
    expect(quorumMet(hall.state, hall.session.id, hall.ctx.clock.day)).toBe(true);
    hall.do({ type: 'delegate.vacate', delegateId: hall.delegate(1), reason: 'Bị bãi nhiệm' });
    // N = 29 needs 20 present; only 19 seated delegates are.
    expect(quorumMet(hall.state, hall.session.id, hall.ctx.clock.day)).toBe(false);
  });

  it('vacate and reseat are idempotent', () => {
    const hall = demoHall({ delegates: 3 });
    hall.do({ type: 'delegate.vacate', delegateId: hall.delegate(1), reason: 'x' });
    expect(hall.eventsOf({ type: 'delegate.vacate', delegateId: hall.delegate(1), reason: 'x' })).toEqual([]);
    expect(hall.eventsOf({ type: 'delegate.reseat', delegateId: hall.delegate(2) })).toEqual([]);
    expect(hall.codeOf({ type: 'delegate.vacate', delegateId: 'nobody', reason: 'x' })).toBe('DELEGATE_NOT_FOUND');
  });

  it('the roster cannot change while a round is open: N is frozen per round', () => {
    const hall = demoHall({ delegates: 31, checkedIn: 31 });
    hall.do({ type: 'delegate.vacate', delegateId: hall.delegate(31), reason: 'x' });
    const { roundId } = hall.openVote();
    expect(hall.codeOf({ type: 'delegate.vacate', delegateId: hall.delegate(1), reason: 'x' })).toBe('ROUND_IN_PROGRESS');
    expect(hall.codeOf({ type: 'delegate.reseat', delegateId: hall.delegate(31) })).toBe('ROUND_IN_PROGRESS');
    expect(hall.codeOf({ type: 'delegate.add', input: { seat: 40, fullName: 'Mới', title: '', group: '' } })).toBe('ROUND_IN_PROGRESS');
    expect(hall.codeOf({ type: 'delegate.import', inputs: [{ seat: 40, fullName: 'Mới', title: '', group: '' }] })).toBe('ROUND_IN_PROGRESS');
    hall.castOptions(roundId, 1, 16, 'yes');
    hall.do({ type: 'round.close', roundId });
    expect(optionResult(hall, roundId)).toMatchObject({ seated: 30, required: 16, passed: true });

    // After the round: the roster may change, the closed round keeps its N, the next round gets the new one.
    hall.do({ type: 'delegate.vacate', delegateId: hall.delegate(1), reason: 'x' });
    hall.do({ type: 'delegate.vacate', delegateId: hall.delegate(2), reason: 'x' });
    expect(hall.round(roundId).seated).toBe(30);
    expect(optionResult(hall, roundId).seated).toBe(30);
    const next = hall.openVote();
    expect(hall.round(next.roundId).seated).toBe(28);
  });

  it('a vacated delegate cannot check in or vote (NOT_SEATED), even after checking in earlier', () => {
    const hall = demoHall({ delegates: 31, checkedIn: 31 });
    hall.do({ type: 'delegate.vacate', delegateId: hall.delegate(5), reason: 'x' });
    hall.do({ type: 'delegate.vacate', delegateId: hall.delegate(31), reason: 'x' });
    const { roundId } = hall.openVote();
    expect(hall.codeOf({ type: 'ballot.cast', roundId, delegateId: hall.delegate(5), choice: YES })).toBe('NOT_SEATED');
    expect(hall.codeOf({ type: 'attendance.checkin', delegateId: hall.delegate(31) })).toBe('NOT_SEATED');
    expect(hall.codeOf({ type: 'attendance.set', delegateId: hall.delegate(31), status: 'present', reason: null })).toBe('NOT_SEATED');
    // Excused is a record the minutes may keep; it is not presence.
    expect(hall.codeOf({ type: 'attendance.set', delegateId: hall.delegate(31), status: 'excused', reason: 'Ốm' })).toBeNull();
  });
});

describe('sessions', () => {
  it('go draft → open → closed, and may be reopened', () => {
    const hall = demoHall({ delegates: 3, open: false });
    const id = hall.session.id;
    expect(hall.state.sessions[id]).toMatchObject({ status: 'draft', openedAt: null, rollCallOpen: false });
    hall.do({ type: 'session.open', sessionId: id });
    expect(hall.state.sessions[id]).toMatchObject({ status: 'open', openedAt: hall.ctx.clock.now });
    expect(hall.eventsOf({ type: 'session.open', sessionId: id })).toEqual([]);
    hall.do({ type: 'rollcall.open' });
    hall.ctx.advance(3600);
    hall.do({ type: 'session.close', sessionId: id });
    expect(hall.state.sessions[id]).toMatchObject({ status: 'closed', closedAt: hall.ctx.clock.now, rollCallOpen: false });
    expect(hall.eventsOf({ type: 'session.close', sessionId: id })).toEqual([]);
    expect(hall.codeOf({ type: 'session.update', sessionId: id, patch: { title: 'x' } })).toBe('SESSION_CLOSED');
    hall.do({ type: 'session.open', sessionId: id });
    expect(hall.state.sessions[id]!.status).toBe('open');
  });

  it('only one session is open at a time', () => {
    const hall = demoHall({ delegates: 3 });
    const other = hall.createSession(5);
    expect(hall.codeOf({ type: 'session.open', sessionId: other })).toBe('ANOTHER_SESSION_OPEN');
    expect(hall.codeOf({ type: 'session.select', sessionId: other })).toBe('ANOTHER_SESSION_OPEN');
    hall.do({ type: 'session.close', sessionId: hall.session.id });
    hall.do({ type: 'session.select', sessionId: other });
    hall.do({ type: 'session.open', sessionId: other });
    expect(hall.session.id).toBe(other);
    expect(hall.codeOf({ type: 'session.open', sessionId: 'nope' })).toBe('SESSION_NOT_FOUND');
  });

  it('cannot close while a vote is open; closing ends the current speaker', () => {
    const hall = demoHall({ delegates: 3, checkedIn: 3 });
    const { roundId } = hall.openVote();
    expect(hall.codeOf({ type: 'session.close', sessionId: hall.session.id })).toBe('ROUND_IN_PROGRESS');
    hall.do({ type: 'round.close', roundId });
    const entry = hall.do({ type: 'speaker.request', delegateId: hall.delegate(1) }).result!.entryId!;
    hall.do({ type: 'speaker.give', entryId: entry });
    const events = hall.eventsOf({ type: 'session.close', sessionId: hall.session.id });
    expect(events.map((e) => e.type)).toEqual(['speaker.finished', 'session.closed']);
  });

  it('refuses dates that end before they start', () => {
    const hall = demoHall({ delegates: 1, open: false });
    expect(hall.codeOf({ type: 'session.update', sessionId: hall.session.id, patch: { endDate: '2026-07-01' } })).toBe('BAD_REQUEST');
  });
});

describe('roll call and attendance', () => {
  it('delegates check themselves in only while the roll call is open', () => {
    const hall = demoHall({ delegates: 5, open: false });
    expect(hall.codeOf({ type: 'attendance.checkin', delegateId: hall.delegate(1) })).toBe('SESSION_NOT_OPEN');
    expect(hall.codeOf({ type: 'rollcall.open' })).toBe('SESSION_NOT_OPEN');
    hall.do({ type: 'session.open', sessionId: hall.session.id });
    expect(hall.codeOf({ type: 'attendance.checkin', delegateId: hall.delegate(1) })).toBe('ROLLCALL_CLOSED');
    hall.do({ type: 'rollcall.open' });
    expect(hall.eventsOf({ type: 'rollcall.open' })).toEqual([]);
    hall.checkIn([1, 2]);
    expect(hall.state.attendance[hall.session.id]![hall.ctx.clock.day]![hall.delegate(1)]).toMatchObject({
      status: 'present',
      by: 'self',
    });
    hall.do({ type: 'rollcall.close' });
    expect(hall.codeOf({ type: 'attendance.checkin', delegateId: hall.delegate(3) })).toBe('ROLLCALL_CLOSED');
    // A tablet retrying its check-in after the roll call closed gets the same answer, not an error.
    expect(hall.eventsOf({ type: 'attendance.checkin', delegateId: hall.delegate(1) })).toEqual([]);
    expect(hall.codeOf({ type: 'attendance.checkin', delegateId: 'nobody' })).toBe('DELEGATE_NOT_FOUND');
  });

  it('the chair sets attendance at any time: present, excused (with reason) or absent', () => {
    const hall = demoHall({ delegates: 3 });
    hall.do({ type: 'rollcall.close' });
    const d = hall.delegate(2);
    hall.do({ type: 'attendance.set', delegateId: d, status: 'present', reason: null });
    const records = () => hall.state.attendance[hall.session.id]![hall.ctx.clock.day]!;
    expect(records()[d]).toMatchObject({ status: 'present', by: 'chair' });
    expect(hall.eventsOf({ type: 'attendance.set', delegateId: d, status: 'present', reason: null })).toEqual([]);
    hall.do({ type: 'attendance.set', delegateId: d, status: 'excused', reason: 'Đi công tác' });
    expect(records()[d]).toMatchObject({ status: 'excused', reason: 'Đi công tác' });
    hall.do({ type: 'attendance.set', delegateId: d, status: 'absent', reason: null });
    expect(records()[d]).toBeUndefined();
    expect(hall.eventsOf({ type: 'attendance.set', delegateId: d, status: 'absent', reason: null })).toEqual([]);
  });

  it('quorum is live: at least two thirds of N present, excused delegates do not count', () => {
    const hall = demoHall({ delegates: 31, checkedIn: 20 });
    const met = () => quorumMet(hall.state, hall.session.id, hall.ctx.clock.day);
    expect(met()).toBe(false);
    hall.do({ type: 'attendance.set', delegateId: hall.delegate(21), status: 'excused', reason: 'Ốm' });
    expect(met()).toBe(false);
    hall.do({ type: 'attendance.set', delegateId: hall.delegate(21), status: 'present', reason: null });
    expect(met()).toBe(true);
    hall.do({ type: 'attendance.set', delegateId: hall.delegate(1), status: 'absent', reason: null });
    expect(met()).toBe(false);
  });

  it('check-ins belong to one session day: the next day starts with nobody present', () => {
    const hall = demoHall({ delegates: 3, checkedIn: 3 });
    expect(quorumMet(hall.state, hall.session.id, hall.ctx.clock.day)).toBe(true);
    hall.ctx.advance(24 * 3600);
    expect(quorumMet(hall.state, hall.session.id, hall.ctx.clock.day)).toBe(false);
    const motionId = hall.prepare();
    expect(hall.codeOf({ type: 'motion.open', motionId, commandId: 'cmd-next-day' })).toBe('QUORUM_NOT_MET');
  });
});

describe('opening a vote', () => {
  it('needs quorum for a real vote; a practice vote may run without', () => {
    const hall = demoHall({ delegates: 31, checkedIn: 20 });
    const real = hall.prepare();
    expect(hall.codeOf({ type: 'motion.open', motionId: real, commandId: 'cmd-real-1' })).toBe('QUORUM_NOT_MET');
    const practice = hall.prepare({ practice: true, resolution: true });
    expect(hall.state.motions[practice]).toMatchObject({ practice: true, resolution: false, normative: false });
    const roundId = hall.open(practice);
    expect(hall.round(roundId).status).toBe('open');
    hall.do({ type: 'round.close', roundId });
    hall.checkIn([21]);
    expect(hall.codeOf({ type: 'motion.open', motionId: real, commandId: 'cmd-real-2' })).toBeNull();
  });

  it('needs an open, active session', () => {
    const hall = demoHall({ delegates: 3, open: false });
    const motionId = hall.prepare();
    expect(hall.codeOf({ type: 'motion.open', motionId, commandId: 'cmd-00000001' })).toBe('SESSION_NOT_OPEN');
    expect(hall.codeOf({ type: 'motion.open', motionId: 'nope', commandId: 'cmd-00000002' })).toBe('MOTION_NOT_FOUND');
    // A motion of another (not active) session cannot be opened.
    const other = hall.createSession(9);
    const foreign = hall.do({ type: 'motion.prepare', sessionId: other, input: motionInput() }).result!.motionId!;
    hall.do({ type: 'session.open', sessionId: hall.session.id });
    expect(hall.codeOf({ type: 'motion.open', motionId: foreign, commandId: 'cmd-00000003' })).toBe('MOTION_NOT_FOUND');
  });

  it('one open round per session', () => {
    const hall = demoHall({ delegates: 3, checkedIn: 3 });
    hall.openVote();
    const second = hall.prepare();
    expect(hall.codeOf({ type: 'motion.open', motionId: second, commandId: 'cmd-second' })).toBe('ROUND_IN_PROGRESS');
    expect(hall.codeOf({ type: 'motion.adhoc', input: motionInput({ question: 'Biểu quyết nhanh' }), commandId: 'cmd-adhoc' })).toBe('ROUND_IN_PROGRESS');
  });

  it('is idempotent by commandId: a retried open returns the same round and records nothing', () => {
    const hall = demoHall({ delegates: 3, checkedIn: 3 });
    const motionId = hall.prepare();
    const first = hall.do({ type: 'motion.open', motionId, commandId: 'cmd-open-abc' });
    const again = decide(hall.state, { type: 'motion.open', motionId, commandId: 'cmd-open-abc' }, hall.ctx);
    expect(again).toEqual({ ok: true, decision: { events: [], result: { roundId: first.result!.roundId } } });
    // Even after the round closed, the retry does not open a second one.
    hall.do({ type: 'round.close', roundId: first.result!.roundId! });
    expect(hall.eventsOf({ type: 'motion.open', motionId, commandId: 'cmd-open-abc' })).toEqual([]);
  });

  it('records the deadline, N and the vote-change rule at opening', () => {
    const hall = demoHall({ delegates: 5, checkedIn: 5 });
    const { roundId } = hall.openVote({ durationSec: 60 });
    expect(hall.round(roundId)).toMatchObject({
      number: 1,
      status: 'open',
      openedAt: '2026-07-05T08:00:00.000Z',
      closesAt: '2026-07-05T08:01:00.000Z',
      seated: 5,
      allowChange: true,
    });
    expect(hall.state.display).toEqual({ mode: 'vote', roundId });
    hall.do({ type: 'round.close', roundId });
    const noTimer = hall.openVote();
    expect(hall.round(noTimer.roundId).closesAt).toBeNull();
  });

  it('numbers re-votes: round 2 after a cancel, round 3 after a close; history is kept', () => {
    const hall = demoHall({ delegates: 5, checkedIn: 5 });
    const { motionId, roundId: r1 } = hall.openVote();
    hall.castOptions(r1, 1, 2, 'yes');
    hall.do({ type: 'round.cancel', roundId: r1, reason: 'Sự cố thiết bị' });
    const r2 = hall.open(motionId);
    hall.castOptions(r2, 1, 5, 'yes');
    hall.do({ type: 'round.close', roundId: r2 });
    const r3 = hall.open(motionId);
    expect([r1, r2, r3].map((id) => [hall.round(id).number, hall.round(id).status])).toEqual([
      [1, 'cancelled'],
      [2, 'closed'],
      [3, 'open'],
    ]);
    expect(hall.round(r1)).toMatchObject({ cancelledReason: 'Sự cố thiết bị', result: null, closedAt: '2026-07-05T08:00:00.000Z' });
    expect(hall.round(r1).ballots.size).toBe(2);
    expect(hall.round(r3).ballots).toEqual(new Map());
    // A motion that has been voted on can no longer be edited or removed.
    expect(hall.codeOf({ type: 'motion.update', motionId, input: motionInput() })).toBe('MOTION_HAS_ROUNDS');
    expect(hall.codeOf({ type: 'motion.remove', motionId })).toBe('MOTION_HAS_ROUNDS');
  });

  it('an ad hoc vote prepares and opens in one step, idempotently, under the current agenda item', () => {
    const hall = demoHall({ delegates: 3, checkedIn: 3 });
    const itemId = hall.do({ type: 'agenda.add', sessionId: hall.session.id, title: 'Mục 1', presenter: '' }).result!.itemId!;
    hall.do({ type: 'agenda.current', itemId });
    const command = { type: 'motion.adhoc', input: motionInput({ question: 'Thêm nội dung vào chương trình' }), commandId: 'cmd-adhoc-1' } as const;
    const events = hall.eventsOf(command);
    expect(events.map((e) => e.type)).toEqual(['motion.prepared', 'round.opened']);
    const d = hall.do(command);
    const round = hall.round(d.result!.roundId!);
    expect(hall.state.motions[round.motionId]).toMatchObject({ itemId, question: 'Thêm nội dung vào chương trình' });
    expect(hall.eventsOf(command)).toEqual([]);
    // The motion is in the log, so the round can be counted and closed (and replayed after a restart).
    hall.castOptions(round.id, 1, 2, 'yes');
    hall.do({ type: 'round.close', roundId: round.id });
    expect(optionResult(hall, round.id)).toMatchObject({ passed: true, counts: { yes: 2, no: 0, abstain: 0 } });
  });

  it('an ad hoc secret vote keeps its running tally', () => {
    const hall = demoHall({ delegates: 3, checkedIn: 3 });
    const d = hall.do({
      type: 'motion.adhoc',
      input: motionInput({ kind: 'election', mode: 'secret', candidates: [{ name: 'Lê Ngọc Lan' }], seats: 1 }),
      commandId: 'cmd-adhoc-secret',
    });
    const round = hall.round(d.result!.roundId!);
    const candidateId = hall.state.motions[round.motionId]!.candidates[0]!.id;
    hall.cast(round.id, 1, elect(candidateId));
    expect(hall.round(round.id).secretTally).toMatchObject({ ballots: 1, candidates: { [candidateId]: 1 } });
  });
});

describe('ballots', () => {
  it('only checked-in, seated delegates vote', () => {
    const hall = demoHall({ delegates: 31, checkedIn: 21 });
    const { roundId } = hall.openVote();
    expect(hall.codeOf({ type: 'ballot.cast', roundId, delegateId: hall.delegate(22), choice: YES })).toBe('NOT_PRESENT');
    expect(hall.codeOf({ type: 'ballot.cast', roundId, delegateId: 'nobody', choice: YES })).toBe('DELEGATE_NOT_FOUND');
    expect(hall.codeOf({ type: 'ballot.cast', roundId: 'no-round', delegateId: hall.delegate(1), choice: YES })).toBe('ROUND_NOT_FOUND');
    hall.do({ type: 'attendance.set', delegateId: hall.delegate(22), status: 'excused', reason: 'Ốm' });
    expect(hall.codeOf({ type: 'ballot.cast', roundId, delegateId: hall.delegate(22), choice: YES })).toBe('NOT_PRESENT');
    // Checking in late (roll call still open) is enough to vote in the open round.
    hall.checkIn([22]);
    expect(hall.codeOf({ type: 'ballot.cast', roundId, delegateId: hall.delegate(22), choice: YES })).toBeNull();
  });

  it('one ballot per delegate per round: a change replaces it when the council allows', () => {
    const hall = demoHall({ delegates: 5, checkedIn: 5 });
    const { roundId } = hall.openVote();
    const d = hall.delegate(1);
    hall.cast(roundId, 1, YES);
    const change = hall.eventsOf({ type: 'ballot.cast', roundId, delegateId: d, choice: NO });
    expect(change).toEqual([{ type: 'ballot.cast', roundId, delegateId: d, choice: NO, replaces: true }]);
    hall.ctx.advance(5);
    hall.cast(roundId, 1, NO);
    hall.cast(roundId, 1, ABSTAIN);
    expect(hall.round(roundId).ballots.get(d)).toEqual({ choice: ABSTAIN, at: '2026-07-05T08:00:05.000Z', changes: 2 });
    hall.do({ type: 'round.close', roundId });
    expect(optionResult(hall, roundId)).toMatchObject({ participated: 1, counts: { yes: 0, no: 0, abstain: 1 } });
  });

  it('a change is refused when the council allows one press only', () => {
    const hall = demoHall({ delegates: 5, checkedIn: 5, council: { allowVoteChange: false } });
    const { roundId } = hall.openVote();
    expect(hall.round(roundId).allowChange).toBe(false);
    hall.cast(roundId, 1, YES);
    expect(hall.codeOf({ type: 'ballot.cast', roundId, delegateId: hall.delegate(1), choice: NO })).toBe('VOTE_CHANGE_NOT_ALLOWED');
    // The same press again (a retry after a lost acknowledgement) is accepted and records nothing.
    expect(hall.eventsOf({ type: 'ballot.cast', roundId, delegateId: hall.delegate(1), choice: YES })).toEqual([]);
  });

  it('the vote-change rule is the one in force when the round opened', () => {
    const hall = demoHall({ delegates: 5, checkedIn: 5 });
    const { roundId } = hall.openVote();
    hall.do({ type: 'council.configure', patch: { allowVoteChange: false } });
    hall.cast(roundId, 1, YES);
    expect(hall.codeOf({ type: 'ballot.cast', roundId, delegateId: hall.delegate(1), choice: NO })).toBeNull();
    hall.do({ type: 'round.close', roundId });
    const next = hall.openVote();
    hall.cast(next.roundId, 1, YES);
    expect(hall.codeOf({ type: 'ballot.cast', roundId: next.roundId, delegateId: hall.delegate(1), choice: NO })).toBe('VOTE_CHANGE_NOT_ALLOWED');
  });

  it('repeating the same choice is idempotent (named rounds with change allowed too)', () => {
    const hall = demoHall({ delegates: 5, checkedIn: 5 });
    const { roundId } = hall.openVote();
    hall.cast(roundId, 2, NO);
    const r = decide(hall.state, { type: 'ballot.cast', roundId, delegateId: hall.delegate(2), choice: NO }, hall.ctx);
    expect(r).toEqual({ ok: true, decision: { events: [], result: { roundId } } });
    expect(hall.round(roundId).ballots.get(hall.delegate(2))!.changes).toBe(0);
  });

  it('a choice that does not fit the motion is INVALID_CHOICE', () => {
    const hall = demoHall({ delegates: 5, checkedIn: 5 });
    const { roundId } = hall.openVote();
    expect(hall.codeOf({ type: 'ballot.cast', roundId, delegateId: hall.delegate(1), choice: elect('cand-a') })).toBe('INVALID_CHOICE');
    expect(hall.codeOf({ type: 'ballot.cast', roundId, delegateId: hall.delegate(1), choice: { type: 'confidence', ratings: {} } })).toBe('INVALID_CHOICE');
  });

  it('no ballots after the round closes or is cancelled', () => {
    const hall = demoHall({ delegates: 5, checkedIn: 5 });
    const { motionId, roundId } = hall.openVote();
    hall.do({ type: 'round.close', roundId });
    expect(hall.codeOf({ type: 'ballot.cast', roundId, delegateId: hall.delegate(1), choice: YES })).toBe('ROUND_NOT_OPEN');
    const r2 = hall.open(motionId);
    hall.do({ type: 'round.cancel', roundId: r2, reason: 'x' });
    expect(hall.codeOf({ type: 'ballot.cast', roundId: r2, delegateId: hall.delegate(1), choice: YES })).toBe('ROUND_NOT_OPEN');
  });
});

describe('deadlines', () => {
  it('ballots are accepted until the deadline and refused at and after it', () => {
    const hall = demoHall({ delegates: 5, checkedIn: 5 });
    const { roundId } = hall.openVote({ durationSec: 60 });
    hall.ctx.advance(59);
    hall.cast(roundId, 1, YES);
    hall.ctx.advance(1);
    expect(hall.ctx.clock.now).toBe(hall.round(roundId).closesAt);
    expect(hall.codeOf({ type: 'ballot.cast', roundId, delegateId: hall.delegate(2), choice: YES })).toBe('DEADLINE_PASSED');
    hall.ctx.advance(30);
    expect(hall.codeOf({ type: 'ballot.cast', roundId, delegateId: hall.delegate(2), choice: YES })).toBe('DEADLINE_PASSED');
  });

  it('round.expire closes only once the deadline has come, and says so', () => {
    const hall = demoHall({ delegates: 5, checkedIn: 5 });
    const { roundId } = hall.openVote({ durationSec: 60 });
    hall.castOptions(roundId, 1, 3, 'yes');
    hall.ctx.advance(59);
    expect(hall.eventsOf({ type: 'round.expire', roundId })).toEqual([]);
    hall.ctx.advance(1);
    const events = hall.eventsOf({ type: 'round.expire', roundId });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'round.closed', roundId, byDeadline: true });
    hall.do({ type: 'round.expire', roundId });
    expect(optionResult(hall, roundId)).toMatchObject({ required: 3, passed: true });
    // A late timer firing again changes nothing.
    expect(hall.eventsOf({ type: 'round.expire', roundId })).toEqual([]);
  });

  it('round.expire never closes a round without a deadline; the chair closes it', () => {
    const hall = demoHall({ delegates: 5, checkedIn: 5 });
    const { roundId } = hall.openVote();
    hall.ctx.advance(86_400);
    expect(hall.eventsOf({ type: 'round.expire', roundId })).toEqual([]);
    const events = hall.eventsOf({ type: 'round.close', roundId });
    expect(events[0]).toMatchObject({ type: 'round.closed', byDeadline: false });
  });
});

describe('closing, announcing, cancelling', () => {
  it('the brief’s example: 31 seated, 28 present, 27 yes, 0 no, 1 abstain', () => {
    const hall = demoHall({ delegates: 31, checkedIn: 28 });
    const { roundId } = hall.openVote();
    hall.castOptions(roundId, 1, 27, 'yes');
    hall.cast(roundId, 28, ABSTAIN);
    hall.do({ type: 'round.close', roundId });
    const r = optionResult(hall, roundId);
    expect(r).toEqual({
      kind: 'options',
      seated: 31,
      present: 28,
      participated: 28,
      counts: { yes: 27, no: 0, abstain: 1 },
      required: 16,
      passed: true,
    });
    const line = `Có mặt ${r.present}/${r.seated}; tham gia biểu quyết ${r.participated} (${formatPercent(r.participated, r.seated)}); tán thành ${r.counts.yes} (${formatPercent(r.counts.yes, r.seated)}); không tán thành ${r.counts.no} (${formatPercent(r.counts.no, r.seated)}); không biểu quyết ${r.counts.abstain} (${formatPercent(r.counts.abstain, r.seated)})`;
    expect(line).toBe('Có mặt 28/31; tham gia biểu quyết 28 (90,32%); tán thành 27 (87,10%); không tán thành 0 (0%); không biểu quyết 1 (3,23%)');
  });

  it.each([
    [31, 16, true],
    [31, 15, false],
    [30, 16, true],
    [30, 15, false],
  ])('ordinary vote, N = %i, %i yes → passed %s (boundary through decide)', (n, yes, passed) => {
    const hall = demoHall({ delegates: n, checkedIn: n });
    const { roundId } = hall.openVote();
    hall.castOptions(roundId, 1, yes, 'yes');
    hall.castOptions(roundId, yes + 1, n, 'no');
    hall.do({ type: 'round.close', roundId });
    expect(optionResult(hall, roundId).passed).toBe(passed);
  });

  it.each([
    [31, 21, true],
    [31, 20, false],
    [30, 20, true],
    [30, 19, false],
  ])('two-thirds vote (bãi nhiệm), N = %i, %i yes → passed %s', (n, yes, passed) => {
    const hall = demoHall({ delegates: n, checkedIn: n });
    const { roundId } = hall.openVote({ kind: 'two-thirds' });
    hall.castOptions(roundId, 1, yes, 'yes');
    hall.do({ type: 'round.close', roundId });
    expect(optionResult(hall, roundId)).toMatchObject({ passed, required: Math.ceil((2 * n) / 3) });
  });

  it('announce only after close; announced results are final', () => {
    const hall = demoHall({ delegates: 3, checkedIn: 3 });
    const { roundId } = hall.openVote();
    expect(hall.codeOf({ type: 'round.announce', roundId })).toBe('ROUND_NOT_CLOSED');
    expect(hall.codeOf({ type: 'round.announce', roundId: 'nope' })).toBe('ROUND_NOT_FOUND');
    hall.do({ type: 'round.close', roundId });
    expect(hall.eventsOf({ type: 'round.close', roundId })).toEqual([]);
    hall.do({ type: 'round.announce', roundId });
    expect(hall.round(roundId).status).toBe('announced');
    expect(hall.state.display).toEqual({ mode: 'result', roundId });
    expect(hall.eventsOf({ type: 'round.announce', roundId })).toEqual([]);
    expect(hall.codeOf({ type: 'round.cancel', roundId, reason: 'x' })).toBe('ROUND_NOT_OPEN');
  });

  it('a closed round can be annulled before it is announced; a cancelled one cannot be closed or announced', () => {
    const hall = demoHall({ delegates: 3, checkedIn: 3 });
    const { roundId } = hall.openVote();
    hall.do({ type: 'round.close', roundId });
    hall.do({ type: 'round.cancel', roundId, reason: 'Nhầm nội dung' });
    expect(hall.round(roundId).status).toBe('cancelled');
    expect(hall.eventsOf({ type: 'round.cancel', roundId, reason: 'again' })).toEqual([]);
    expect(hall.codeOf({ type: 'round.close', roundId })).toBe('ROUND_NOT_OPEN');
    expect(hall.codeOf({ type: 'round.expire', roundId })).toBe('ROUND_NOT_OPEN');
    expect(hall.codeOf({ type: 'round.announce', roundId })).toBe('ROUND_NOT_CLOSED');
    expect(hall.codeOf({ type: 'round.cancel', roundId: 'nope', reason: 'x' })).toBe('ROUND_NOT_FOUND');
  });

  it('present in the result is who is present when the round closes', () => {
    const hall = demoHall({ delegates: 31, checkedIn: 21 });
    const { roundId } = hall.openVote();
    hall.checkIn([22, 23]);
    hall.do({ type: 'round.close', roundId });
    expect(optionResult(hall, roundId).present).toBe(23);
  });
});

describe('secret ballots', () => {
  function secretElection(seats: number, delegates = 31) {
    const hall = demoHall({ delegates, checkedIn: delegates });
    const { motionId, roundId } = hall.openVote({
      kind: 'election',
      mode: 'secret',
      candidates: CANDIDATES,
      seats,
      question: 'Bầu Phó Chủ tịch HĐND',
    });
    return { hall, motionId, roundId };
  }

  it('no event carries the choice; it travels beside the events and lands only in the secret tally', () => {
    const { hall, roundId } = secretElection(1, 5);
    expect(hall.round(roundId).allowChange).toBe(false);
    const d = hall.do({ type: 'ballot.cast', roundId, delegateId: hall.delegate(1), choice: elect('cand-b') });
    expect(d.events).toEqual([{ type: 'ballot.secret-cast', roundId, delegateId: hall.delegate(1) }]);
    expect(d.secret).toEqual({ roundId, choice: elect('cand-b') });
    expect(hall.round(roundId).ballots).toEqual(new Map());
    expect(hall.round(roundId).participants).toEqual({ [hall.delegate(1)]: true });
    expect(hall.round(roundId).secretTally).toMatchObject({ ballots: 1, candidates: { 'cand-b': 1 } });
  });

  it('a second ballot is ALREADY_VOTED, even when the council allows changes and the choice is the same', () => {
    const { hall, roundId } = secretElection(1, 5);
    expect(hall.state.council!.allowVoteChange).toBe(true);
    hall.cast(roundId, 1, elect('cand-a'));
    expect(hall.codeOf({ type: 'ballot.cast', roundId, delegateId: hall.delegate(1), choice: elect('cand-b') })).toBe('ALREADY_VOTED');
    expect(hall.codeOf({ type: 'ballot.cast', roundId, delegateId: hall.delegate(1), choice: elect('cand-a') })).toBe('ALREADY_VOTED');
  });

  it('invalid election ballots: unknown candidate, too many names, the same name twice', () => {
    const { hall, roundId } = secretElection(2, 5);
    const code = (choice: BallotChoice) => hall.codeOf({ type: 'ballot.cast', roundId, delegateId: hall.delegate(1), choice });
    expect(code(elect('cand-x'))).toBe('INVALID_CHOICE');
    expect(code(elect('cand-a', 'cand-b', 'cand-c'))).toBe('INVALID_CHOICE');
    expect(code(elect('cand-a', 'cand-a'))).toBe('INVALID_CHOICE');
    expect(code(YES)).toBe('INVALID_CHOICE');
    expect(code(elect('cand-a', 'cand-c'))).toBeNull();
    expect(code(elect())).toBeNull();
  });

  it('a whole secret election: totals only in the sealed result, not one choice anywhere in the log', () => {
    const { hall, roundId } = secretElection(1);
    for (let seat = 1; seat <= 31; seat += 1) {
      hall.cast(roundId, seat, seat <= 17 ? elect('cand-b') : seat <= 27 ? elect('cand-a') : seat <= 30 ? elect('cand-c') : elect());
    }
    hall.do({ type: 'round.close', roundId });
    const round = hall.round(roundId);
    expect(round.secretTally).toBeNull();
    const result = round.result as ElectionResult;
    expect(result.candidates.map((c) => [c.id, c.votes, c.elected])).toEqual([
      ['cand-b', 17, true],
      ['cand-a', 10, false],
      ['cand-c', 3, false],
    ]);
    expect(result).toMatchObject({ seated: 31, participated: 31, required: 16, tieNeedsRevote: false });
    const json = hall.allEventsJson();
    expect(json).not.toContain('"choice"');
    expect(json).not.toContain('"candidateIds"');
    const ballotEvents = hall.log.map((l) => l.event).filter((e) => e.type.startsWith('ballot.'));
    expect(ballotEvents).toHaveLength(31);
    for (const e of ballotEvents) expect(Object.keys(e).sort()).toEqual(['delegateId', 'roundId', 'type']);
  });

  it('first place below the majority is not elected; a tie at the last post calls for a re-vote', () => {
    const { hall, motionId, roundId } = secretElection(1);
    // 15 / 14 / 2 of 31: nobody reaches 16.
    for (let seat = 1; seat <= 31; seat += 1) hall.cast(roundId, seat, elect(seat <= 15 ? 'cand-a' : seat <= 29 ? 'cand-b' : 'cand-c'));
    hall.do({ type: 'round.close', roundId });
    const first = hall.round(roundId).result as ElectionResult;
    expect(first.candidates[0]).toMatchObject({ id: 'cand-a', votes: 15, elected: false });
    expect(first.candidates.some((c) => c.elected)).toBe(false);

    // The chair puts it again: round 2 of the same motion.
    hall.do({ type: 'round.announce', roundId });
    const r2 = hall.open(motionId);
    expect(hall.round(r2).number).toBe(2);
    hall.do({ type: 'round.cancel', roundId: r2, reason: 'Đổi số người được bầu' });

    // Two posts: A 28, B 17, C 17 of 31. A is elected; B and C tie for the second post above the majority.
    const two = hall.openVote({ kind: 'election', mode: 'secret', candidates: CANDIDATES, seats: 2 });
    for (let seat = 1; seat <= 31; seat += 1) {
      hall.cast(two.roundId, seat, seat <= 14 ? elect('cand-a', 'cand-b') : seat <= 28 ? elect('cand-a', 'cand-c') : elect('cand-b', 'cand-c'));
    }
    hall.do({ type: 'round.close', roundId: two.roundId });
    const tie = hall.round(two.roundId).result as ElectionResult;
    expect(tie.candidates.map((c) => [c.id, c.votes, c.elected, c.tied])).toEqual([
      ['cand-a', 28, true, false],
      ['cand-b', 17, false, true],
      ['cand-c', 17, false, true],
    ]);
    expect(tie.tieNeedsRevote).toBe(true);
  });
});

describe('confidence ratings (lấy phiếu tín nhiệm)', () => {
  it('are secret whatever the form said, one rating per subject, flags on odd N', () => {
    const hall = demoHall({ delegates: 5, checkedIn: 5 });
    const { roundId, motionId } = hall.openVote({ kind: 'confidence', mode: 'named', candidates: CANDIDATES.slice(0, 2) });
    expect(hall.state.motions[motionId]!.mode).toBe('secret');
    const code = (ratings: Record<string, 'high' | 'medium' | 'low'>) =>
      hall.codeOf({ type: 'ballot.cast', roundId, delegateId: hall.delegate(1), choice: { type: 'confidence', ratings } });
    expect(code({ 'cand-a': 'high' })).toBe('INVALID_CHOICE');
    expect(code({ 'cand-a': 'high', 'cand-c': 'low' })).toBe('INVALID_CHOICE');
    // Subject A: 3 of 5 low (more than half, not two thirds). Subject B: 4 of 5 low (two thirds).
    const ballots: [string, string][] = [
      ['low', 'low'],
      ['low', 'low'],
      ['low', 'low'],
      ['high', 'low'],
      ['medium', 'high'],
    ];
    ballots.forEach(([a, b], i) => hall.cast(roundId, i + 1, { type: 'confidence', ratings: { 'cand-a': a as 'low', 'cand-b': b as 'low' } }));
    hall.do({ type: 'round.close', roundId });
    const r = hall.round(roundId).result as ConfidenceResult;
    expect(r.subjects.map((s) => [s.id, s.counts, s.lowMajority, s.lowTwoThirds])).toEqual([
      ['cand-a', { high: 1, medium: 1, low: 3 }, true, false],
      ['cand-b', { high: 1, medium: 0, low: 4 }, true, true],
    ]);
    expect(hall.allEventsJson()).not.toContain('"ratings"');
  });
});

describe('speaker queue', () => {
  it('request, repeat, withdraw, give the floor, finish', () => {
    const hall = demoHall({ delegates: 5, checkedIn: 5 });
    const a = hall.do({ type: 'speaker.request', delegateId: hall.delegate(1) }).result!.entryId!;
    expect(hall.state.speakers[a]).toMatchObject({ status: 'waiting', name: 'Đại biểu số 1', limitSec: 300 });
    expect(hall.do({ type: 'speaker.request', delegateId: hall.delegate(1) }).result!.entryId).toBe(a);
    expect(Object.keys(hall.state.speakers)).toHaveLength(1);
    const b = hall.do({ type: 'speaker.request', delegateId: hall.delegate(2) }).result!.entryId!;
    hall.do({ type: 'speaker.withdraw', delegateId: hall.delegate(2) });
    expect(hall.state.speakers[b]!.status).toBe('withdrawn');
    expect(hall.codeOf({ type: 'speaker.withdraw', delegateId: hall.delegate(2) })).toBe('SPEAKER_NOT_FOUND');
    expect(hall.codeOf({ type: 'speaker.give', entryId: b })).toBe('SPEAKER_NOT_FOUND');
    hall.do({ type: 'speaker.give', entryId: a });
    expect(hall.state.speakers[a]).toMatchObject({ status: 'speaking', startedAt: hall.ctx.clock.now });
    expect(hall.eventsOf({ type: 'speaker.give', entryId: a })).toEqual([]);
    // Asking again while speaking returns the current entry.
    expect(hall.do({ type: 'speaker.request', delegateId: hall.delegate(1) }).result!.entryId).toBe(a);
    expect(hall.codeOf({ type: 'speaker.withdraw', delegateId: hall.delegate(1) })).toBe('SPEAKER_NOT_FOUND');
    hall.do({ type: 'speaker.finish', entryId: a });
    expect(hall.state.speakers[a]!.status).toBe('done');
    expect(hall.eventsOf({ type: 'speaker.finish', entryId: a })).toEqual([]);
    expect(hall.codeOf({ type: 'speaker.finish', entryId: 'nope' })).toBe('SPEAKER_NOT_FOUND');
  });

  it('is first come, first served, also for requests stamped with the same instant', () => {
    const hall = demoHall({ delegates: 12, checkedIn: 12 });
    const order = [7, 3, 12, 1, 9, 10, 2, 11, 4, 8, 6, 5];
    for (const seat of order) hall.do({ type: 'speaker.request', delegateId: hall.delegate(seat) });
    const queue = speakersOf(hall.state, hall.session.id).map((e) => e.delegateId);
    expect(queue).toEqual(order.map((seat) => hall.delegate(seat)));
  });

  it('giving the floor to the next speaker finishes the current one', () => {
    const hall = demoHall({ delegates: 5, checkedIn: 5 });
    const a = hall.do({ type: 'speaker.request', delegateId: hall.delegate(1) }).result!.entryId!;
    const guest = hall.do({ type: 'speaker.add', name: 'Đại diện Ủy ban MTTQ', delegateId: null }).result!.entryId!;
    hall.do({ type: 'speaker.give', entryId: a });
    const events = hall.eventsOf({ type: 'speaker.give', entryId: guest });
    expect(events).toEqual([
      { type: 'speaker.finished', entryId: a },
      { type: 'speaker.started', entryId: guest },
    ]);
    hall.do({ type: 'speaker.give', entryId: guest });
    expect([hall.state.speakers[a]!.status, hall.state.speakers[guest]!.status]).toEqual(['done', 'speaking']);
  });

  it('the chair may remove a waiting request; vacated delegates and closed sessions get no floor', () => {
    const hall = demoHall({ delegates: 5, checkedIn: 5 });
    const a = hall.do({ type: 'speaker.request', delegateId: hall.delegate(1) }).result!.entryId!;
    hall.do({ type: 'speaker.remove', entryId: a });
    expect(hall.state.speakers[a]!.status).toBe('withdrawn');
    hall.do({ type: 'delegate.vacate', delegateId: hall.delegate(5), reason: 'x' });
    expect(hall.codeOf({ type: 'speaker.request', delegateId: hall.delegate(5) })).toBe('NOT_SEATED');
    expect(hall.codeOf({ type: 'speaker.add', name: 'X', delegateId: 'nobody' })).toBe('DELEGATE_NOT_FOUND');
    hall.do({ type: 'session.close', sessionId: hall.session.id });
    expect(hall.codeOf({ type: 'speaker.request', delegateId: hall.delegate(2) })).toBe('SESSION_NOT_OPEN');
  });
});

describe('reordering the queue and marking rebuttals (tranh luận)', () => {
  const waitingSeats = (hall: ReturnType<typeof demoHall>) =>
    speakersOf(hall.state, hall.session.id)
      .filter((e) => e.status === 'waiting')
      .map((e) => e.delegateId);

  it('moves a waiting entry to any place, up or down, and keeps the others in their order', () => {
    const hall = demoHall({ delegates: 6, checkedIn: 6 });
    const ids = [1, 2, 3, 4].map((seat) => hall.do({ type: 'speaker.request', delegateId: hall.delegate(seat) }).result!.entryId!);
    hall.do({ type: 'speaker.move', entryId: ids[3]!, position: 0 });
    expect(waitingSeats(hall)).toEqual([4, 1, 2, 3].map((s) => hall.delegate(s)));
    hall.do({ type: 'speaker.move', entryId: ids[3]!, position: 2 });
    expect(waitingSeats(hall)).toEqual([1, 2, 4, 3].map((s) => hall.delegate(s)));
    // A place past the end means last.
    hall.do({ type: 'speaker.move', entryId: ids[0]!, position: 99 });
    expect(waitingSeats(hall)).toEqual([2, 4, 3, 1].map((s) => hall.delegate(s)));
    // The same place is no event at all.
    expect(hall.eventsOf({ type: 'speaker.move', entryId: ids[1]!, position: 0 })).toEqual([]);
    expect(hall.eventsOf({ type: 'speaker.move', entryId: ids[1]!, position: 1 })).toEqual([
      { type: 'speaker.reordered', order: [ids[3], ids[1], ids[2], ids[0]] },
    ]);
    // A request after a move goes to the end; the tablet's place follows the new order.
    hall.do({ type: 'speaker.request', delegateId: hall.delegate(5) });
    expect(waitingSeats(hall).at(-1)).toBe(hall.delegate(5));
  });

  it('a speech given, withdrawn or unknown cannot be moved; the floor goes to the moved entry', () => {
    const hall = demoHall({ delegates: 4, checkedIn: 4 });
    const a = hall.do({ type: 'speaker.request', delegateId: hall.delegate(1) }).result!.entryId!;
    const b = hall.do({ type: 'speaker.request', delegateId: hall.delegate(2) }).result!.entryId!;
    hall.do({ type: 'speaker.give', entryId: a });
    expect(hall.codeOf({ type: 'speaker.move', entryId: a, position: 0 })).toBe('SPEAKER_NOT_WAITING');
    expect(hall.codeOf({ type: 'speaker.move', entryId: 'nobody', position: 0 })).toBe('SPEAKER_NOT_FOUND');
    hall.do({ type: 'speaker.withdraw', delegateId: hall.delegate(2) });
    expect(hall.codeOf({ type: 'speaker.move', entryId: b, position: 0 })).toBe('SPEAKER_NOT_WAITING');
    expect(hall.codeOf({ type: 'speaker.mark', entryId: b, rebuttal: true })).toBe('SPEAKER_NOT_WAITING');
    hall.do({ type: 'session.close', sessionId: hall.session.id });
    expect(hall.codeOf({ type: 'speaker.move', entryId: a, position: 0 })).toBe('SESSION_NOT_OPEN');
  });

  it('marks and unmarks a rebuttal on a waiting or speaking entry, idempotently', () => {
    const hall = demoHall({ delegates: 3, checkedIn: 3 });
    const a = hall.do({ type: 'speaker.request', delegateId: hall.delegate(1) }).result!.entryId!;
    expect(hall.state.speakers[a]!.rebuttal).toBe(false);
    expect(hall.eventsOf({ type: 'speaker.mark', entryId: a, rebuttal: true })).toEqual([{ type: 'speaker.marked', entryId: a, rebuttal: true }]);
    hall.do({ type: 'speaker.mark', entryId: a, rebuttal: true });
    expect(hall.state.speakers[a]!.rebuttal).toBe(true);
    expect(hall.eventsOf({ type: 'speaker.mark', entryId: a, rebuttal: true })).toEqual([]);
    hall.do({ type: 'speaker.give', entryId: a });
    hall.do({ type: 'speaker.mark', entryId: a, rebuttal: false });
    expect(hall.state.speakers[a]!.rebuttal).toBe(false);
    hall.do({ type: 'speaker.finish', entryId: a });
    expect(hall.codeOf({ type: 'speaker.mark', entryId: a, rebuttal: true })).toBe('SPEAKER_NOT_WAITING');
  });
});

describe('hall display', () => {
  it('vote and result need a round; other modes carry none', () => {
    const hall = demoHall({ delegates: 3, checkedIn: 3 });
    expect(hall.codeOf({ type: 'display.show', mode: 'vote', roundId: null })).toBe('DISPLAY_ROUND_REQUIRED');
    hall.do({ type: 'display.show', mode: 'agenda', roundId: 'ignored' });
    expect(hall.state.display).toEqual({ mode: 'agenda', roundId: null });
    expect(hall.eventsOf({ type: 'display.show', mode: 'agenda', roundId: null })).toEqual([]);
    const { roundId } = hall.openVote();
    hall.do({ type: 'display.show', mode: 'speaker', roundId: null });
    expect(hall.codeOf({ type: 'display.show', mode: 'result', roundId })).toBe('ROUND_NOT_CLOSED');
    expect(hall.codeOf({ type: 'display.show', mode: 'vote', roundId: 'nope' })).toBe('ROUND_NOT_FOUND');
    hall.do({ type: 'display.show', mode: 'vote', roundId: null });
    expect(hall.state.display).toEqual({ mode: 'vote', roundId });
    hall.do({ type: 'round.close', roundId });
    hall.do({ type: 'display.show', mode: 'result', roundId: null });
    expect(hall.state.display).toEqual({ mode: 'result', roundId });
  });

  it('the default round is the latest one that was not cancelled', () => {
    const hall = demoHall({ delegates: 3, checkedIn: 3 });
    const first = hall.openVote();
    hall.do({ type: 'round.close', roundId: first.roundId });
    hall.ctx.advance(60);
    const second = hall.openVote();
    hall.do({ type: 'round.cancel', roundId: second.roundId, reason: 'x' });
    hall.do({ type: 'display.show', mode: 'welcome', roundId: null });
    hall.do({ type: 'display.show', mode: 'vote', roundId: null });
    expect(hall.state.display).toEqual({ mode: 'vote', roundId: first.roundId });
  });

  it("a named result's board (name list or seat map) is a standing choice: other slides and the vote's own moves keep it", () => {
    const hall = demoHall({ delegates: 3, checkedIn: 3 });
    hall.do({ type: 'display.show', mode: 'attendance', roundId: null, board: 'seats' });
    expect(hall.state.display).toEqual({ mode: 'attendance', roundId: null, board: 'seats' });
    // Same slide, the other board: an event of its own.
    expect(hall.eventsOf({ type: 'display.show', mode: 'attendance', roundId: null, board: 'names' })).toHaveLength(1);
    hall.do({ type: 'display.show', mode: 'agenda', roundId: null });
    expect(hall.state.display).toEqual({ mode: 'agenda', roundId: null, board: 'seats' });
    const { roundId } = hall.openVote();
    expect(hall.state.display).toEqual({ mode: 'vote', roundId, board: 'seats' });
    hall.do({ type: 'round.close', roundId });
    hall.do({ type: 'round.announce', roundId });
    expect(hall.state.display).toEqual({ mode: 'result', roundId, board: 'seats' });
    // Giving the floor brings the speaker slide by itself and keeps the chair's choice too.
    const entryId = hall.do({ type: 'speaker.request', delegateId: hall.delegate(1) }).result!.entryId!;
    hall.do({ type: 'speaker.give', entryId });
    expect(hall.state.display).toEqual({ mode: 'speaker', roundId: null, board: 'seats' });
    // The name list is stored as no field at all, as every display event written before the board existed.
    hall.do({ type: 'display.show', mode: 'result', roundId, board: 'names' });
    expect(hall.state.display).toEqual({ mode: 'result', roundId });
    expect(hall.eventsOf({ type: 'display.show', mode: 'result', roundId })).toEqual([]);
  });
});

describe('agenda and documents', () => {
  it('agenda items are added in order, reordered only as a permutation, removed only in a draft session', () => {
    const hall = demoHall({ delegates: 1, open: false });
    const sid = hall.session.id;
    const ids = ['Khai mạc', 'Tờ trình', 'Bế mạc'].map((title) => hall.do({ type: 'agenda.add', sessionId: sid, title, presenter: '' }).result!.itemId!);
    expect(ids.map((id) => hall.state.agenda[id]!.order)).toEqual([1, 2, 3]);
    expect(hall.codeOf({ type: 'agenda.reorder', sessionId: sid, itemIds: [ids[0]!, ids[1]!] })).toBe('CONFLICT');
    expect(hall.codeOf({ type: 'agenda.reorder', sessionId: sid, itemIds: [ids[0]!, ids[0]!, ids[1]!] })).toBe('CONFLICT');
    hall.do({ type: 'agenda.reorder', sessionId: sid, itemIds: [ids[2]!, ids[0]!, ids[1]!] });
    expect(ids.map((id) => hall.state.agenda[id]!.order)).toEqual([2, 3, 1]);
    hall.do({ type: 'session.open', sessionId: sid });
    expect(hall.codeOf({ type: 'agenda.remove', itemId: ids[0]! })).toBe('SESSION_NOT_DRAFT');
    expect(hall.codeOf({ type: 'agenda.current', itemId: 'nope' })).toBe('AGENDA_ITEM_NOT_FOUND');
    hall.do({ type: 'agenda.current', itemId: ids[1]! });
    expect(hall.session.currentItemId).toBe(ids[1]);
  });

  it('a confidential document is never published', () => {
    const hall = demoHall({ delegates: 1, open: false });
    const file = { fileName: 'bctt.pdf', mimeType: 'application/pdf', size: 10, sha256: 'ab', pages: 1 };
    const docId = hall.do({
      type: 'document.add',
      sessionId: hall.session.id,
      itemId: null,
      title: 'Báo cáo thẩm tra',
      docType: 'bao-cao-tham-tra',
      confidential: true,
      published: true,
      file,
    }).result!.documentId!;
    expect(hall.state.documents[docId]).toMatchObject({ confidential: true, published: false });
    hall.do({ type: 'document.update', documentId: docId, patch: { published: true } });
    expect(hall.state.documents[docId]!.published).toBe(false);
    hall.do({ type: 'document.update', documentId: docId, patch: { confidential: false, published: true } });
    expect(hall.state.documents[docId]!.published).toBe(true);
    hall.do({ type: 'document.update', documentId: docId, patch: { confidential: true } });
    expect(hall.state.documents[docId]).toMatchObject({ confidential: true, published: false });
  });
});

describe('decide is pure', () => {
  it('never changes the state it is given and gives the same answer twice', () => {
    const hall = demoHall({ delegates: 5, checkedIn: 5 });
    const { roundId } = hall.openVote();
    const before = stateText(hall.state);
    const command = { type: 'ballot.cast', roundId, delegateId: hall.delegate(1), choice: YES } as const;
    const a = decide(hall.state, command, hall.ctx);
    const b = decide(hall.state, command, hall.ctx);
    expect(a).toEqual(b);
    expect(stateText(hall.state)).toBe(before);
  });

  it('works from the empty state without a council', () => {
    const ctx = testCtx();
    expect(decide(emptyState(), { type: 'rollcall.open' }, ctx)).toEqual({ ok: false, code: 'SESSION_NOT_FOUND' });
    expect(decide(emptyState(), { type: 'council.configure', patch: {} }, ctx)).toEqual({ ok: false, code: 'NOT_FOUND' });
  });
});

describe('decide on the engine’s batch draft (group commit)', () => {
  const codes = (results: DecideResult[]) => results.map((r) => (r.ok ? 'ok' : r.code));

  it('a command sees the check-ins made earlier in the same batch', () => {
    const hall = demoHall({ delegates: 31, checkedIn: 20 });
    const motionId = hall.prepare();
    const batch = runBatch(
      hall.state,
      [
        { type: 'motion.open', motionId, commandId: 'cmd-batch-1' },
        { type: 'attendance.checkin', delegateId: hall.delegate(21) },
        { type: 'motion.open', motionId, commandId: 'cmd-batch-2' },
      ],
      hall.ctx,
    );
    expect(codes(batch.results)).toEqual(['QUORUM_NOT_MET', 'ok', 'ok']);
  });

  it('a command sees a vacancy made earlier in the same batch', () => {
    const hall = demoHall({ delegates: 30, checkedIn: 20 });
    const first = hall.prepare();
    const second = hall.prepare();
    const batch = runBatch(
      hall.state,
      [
        { type: 'motion.open', motionId: first, commandId: 'cmd-batch-3' },
        { type: 'round.close', roundId: 'id-not-yet' },
      ],
      hall.ctx,
    );
    expect(codes(batch.results)).toEqual(['ok', 'ROUND_NOT_FOUND']);
    const roundId = (batch.results[0] as Extract<DecideResult, { ok: true }>).decision.result!.roundId!;
    const next = runBatch(
      batch.state,
      [
        { type: 'round.close', roundId },
        // 20 of 30 present is quorum; after this vacancy 19 of 29 is not (29 needs 20).
        { type: 'delegate.vacate', delegateId: hall.delegate(1), reason: 'x' },
        { type: 'motion.open', motionId: second, commandId: 'cmd-batch-4' },
      ],
      hall.ctx,
    );
    expect(codes(next.results)).toEqual(['ok', 'ok', 'QUORUM_NOT_MET']);
  });

  it('a command sees every check-in of the batch, also after an earlier command of the batch counted them', () => {
    const hall = demoHall({ delegates: 31, checkedIn: 19 });
    const motionId = hall.prepare();
    const batch = runBatch(
      hall.state,
      [
        { type: 'attendance.checkin', delegateId: hall.delegate(20) },
        { type: 'motion.open', motionId, commandId: 'cmd-batch-5' },
        { type: 'attendance.checkin', delegateId: hall.delegate(21) },
        { type: 'motion.open', motionId, commandId: 'cmd-batch-6' },
      ],
      hall.ctx,
    );
    expect(codes(batch.results)).toEqual(['ok', 'QUORUM_NOT_MET', 'ok', 'ok']);
    // And the state the batch leaves behind counts them all too.
    expect(presentIds(batch.state, hall.session.id, hall.ctx.clock.day)).toHaveLength(21);
    expect(quorumMet(batch.state, hall.session.id, hall.ctx.clock.day)).toBe(true);
  });

  it('a command sees every vacancy of the batch, also after an earlier command of the batch counted', () => {
    const hall = demoHall({ delegates: 31, checkedIn: 20 });
    const first = hall.prepare();
    const second = hall.prepare();
    const opened = runBatch(
      hall.state,
      [
        // Seat 31 was absent: N = 30 needs 20 present, and 20 are.
        { type: 'delegate.vacate', delegateId: hall.delegate(31), reason: 'x' },
        { type: 'motion.open', motionId: first, commandId: 'cmd-batch-7' },
      ],
      hall.ctx,
    );
    expect(codes(opened.results)).toEqual(['ok', 'ok']);
    const roundId = (opened.results[1] as Extract<DecideResult, { ok: true }>).decision.result!.roundId!;
    const batch = runBatch(
      hall.state,
      [
        { type: 'delegate.vacate', delegateId: hall.delegate(31), reason: 'x' },
        { type: 'motion.open', motionId: first, commandId: 'cmd-batch-7' },
        { type: 'round.close', roundId },
        // Seat 1 was present: N = 29 needs 20 present, and only 19 are.
        { type: 'delegate.vacate', delegateId: hall.delegate(1), reason: 'x' },
        { type: 'motion.open', motionId: second, commandId: 'cmd-batch-8' },
      ],
      {
        ...hall.ctx,
        newId: (() => {
          let n = 0;
          const ids = [roundId];
          return () => ids[n++] ?? `late${n}`;
        })(),
      },
    );
    expect(codes(batch.results)).toEqual(['ok', 'ok', 'ok', 'ok', 'QUORUM_NOT_MET']);
    expect(presentIds(batch.state, hall.session.id, hall.ctx.clock.day)).toHaveLength(19);
  });

  it('the result of a round closed in a batch counts who is present after the batch’s check-ins', () => {
    const hall = demoHall({ delegates: 31, checkedIn: 21 });
    const { roundId } = hall.openVote();
    const batch = runBatch(
      hall.state,
      [
        { type: 'attendance.checkin', delegateId: hall.delegate(22) },
        { type: 'round.close', roundId: 'not-this-one' },
        { type: 'ballot.cast', roundId, delegateId: hall.delegate(22), choice: YES },
        { type: 'attendance.checkin', delegateId: hall.delegate(23) },
        { type: 'round.close', roundId },
      ],
      hall.ctx,
    );
    expect(codes(batch.results)).toEqual(['ok', 'ROUND_NOT_FOUND', 'ok', 'ok', 'ok']);
    expect(batch.state.rounds[roundId]!.result).toMatchObject({ present: 23, participated: 1 });
  });

  it('a double press on “open” in one batch opens one round; a second motion waits its turn', () => {
    const hall = demoHall({ delegates: 5, checkedIn: 5 });
    const motionId = hall.prepare();
    const other = hall.prepare();
    const batch = runBatch(
      hall.state,
      [
        { type: 'motion.open', motionId, commandId: 'cmd-double-1' },
        { type: 'motion.open', motionId, commandId: 'cmd-double-1' },
        { type: 'motion.open', motionId: other, commandId: 'cmd-double-2' },
      ],
      hall.ctx,
    );
    expect(codes(batch.results)).toEqual(['ok', 'ok', 'ROUND_IN_PROGRESS']);
    const [first, second] = batch.results as Extract<DecideResult, { ok: true }>[];
    expect(second!.decision).toEqual({ events: [], result: first!.decision.result });
    expect(Object.keys(batch.state.rounds)).toHaveLength(1);
  });

  it('a burst of ballots and the close in one batch equal the same commands one by one', () => {
    const hall = demoHall({ delegates: 31, checkedIn: 31 });
    const named = hall.openVote({ interim: 'live' });
    const commands: Command[] = [];
    for (let seat = 1; seat <= 31; seat += 1) {
      commands.push({ type: 'ballot.cast', roundId: named.roundId, delegateId: hall.delegate(seat), choice: seat % 3 === 0 ? NO : YES });
    }
    commands.push({ type: 'ballot.cast', roundId: named.roundId, delegateId: hall.delegate(3), choice: YES });
    commands.push({ type: 'round.close', roundId: named.roundId });
    const batch = runBatch(hall.state, commands, hall.ctx);
    let oneByOne = hall.state;
    for (const c of commands) oneByOne = run(oneByOne, c, hall.ctx).state;
    expect(batch.results.every((r) => r.ok)).toBe(true);
    expect(batch.state).toStrictEqual(oneByOne);
    // Events leave the batch as plain data (no draft proxies that would be revoked when the draft ends).
    expect(JSON.parse(JSON.stringify(batch.events))).toEqual(batch.events);
    expect(batch.state.rounds[named.roundId]!.result).toMatchObject({ counts: { yes: 22, no: 9, abstain: 0 }, passed: true });
  });

  it('a secret burst in one batch keeps its totals only in the tally', () => {
    const hall = demoHall({ delegates: 9, checkedIn: 9 });
    const { roundId } = hall.openVote({ kind: 'election', mode: 'secret', candidates: CANDIDATES, seats: 1 });
    const commands: Command[] = [];
    for (let seat = 1; seat <= 9; seat += 1) {
      commands.push({ type: 'ballot.cast', roundId, delegateId: hall.delegate(seat), choice: elect(seat <= 5 ? 'cand-a' : 'cand-c') });
    }
    commands.push({ type: 'ballot.cast', roundId, delegateId: hall.delegate(1), choice: elect('cand-b') });
    const batch = runBatch(hall.state, commands, hall.ctx);
    expect(codes(batch.results).slice(-1)).toEqual(['ALREADY_VOTED']);
    expect(batch.state.rounds[roundId]!.secretTally).toMatchObject({ ballots: 9, candidates: { 'cand-a': 5, 'cand-c': 4 } });
    expect(JSON.stringify(batch.events)).not.toContain('cand-');
  });
});

describe('resolutions (Nghị quyết)', () => {
  function passAndAnnounce(hall: Hall, motionId: string, n: number) {
    const roundId = hall.open(motionId);
    hall.castOptions(roundId, 1, Math.floor(n / 2) + 1, 'yes');
    hall.do({ type: 'round.close', roundId });
    return hall.do({ type: 'round.announce', roundId });
  }

  it('a passed resolution vote is numbered when announced, not when closed', () => {
    const hall = demoHall({ delegates: 31, checkedIn: 31 });
    const motionId = hall.prepare({ question: 'Thông qua Nghị quyết về Kế hoạch đầu tư công năm 2027' });
    const roundId = hall.open(motionId);
    hall.castOptions(roundId, 1, 16, 'yes');
    hall.do({ type: 'round.close', roundId });
    expect(hall.state.resolutions).toEqual({});
    const d = hall.do({ type: 'round.announce', roundId });
    const resolution = hall.state.resolutions[d.result!.resolutionId!]!;
    expect(resolution).toMatchObject({
      number: 1,
      year: 2026,
      code: '01/NQ-HĐND',
      normative: false,
      // The resolution's own title, not the vote's question ("Thông qua …").
      title: 'Nghị quyết về Kế hoạch đầu tư công năm 2027',
      adoptedOn: '2026-07-05',
      motionId,
      roundId,
      signedDocumentId: null,
    });
    // Announcing again is idempotent: no second number.
    expect(hall.eventsOf({ type: 'round.announce', roundId })).toEqual([]);
  });

  it('failed votes, practice votes and motions that are not resolutions get no number', () => {
    const hall = demoHall({ delegates: 31, checkedIn: 31 });
    const failed = hall.openVote();
    hall.castOptions(failed.roundId, 1, 15, 'yes');
    hall.do({ type: 'round.close', roundId: failed.roundId });
    hall.do({ type: 'round.announce', roundId: failed.roundId });
    const practice = hall.prepare({ practice: true, resolution: true });
    passAndAnnounce(hall, practice, 31);
    const procedural = hall.prepare({ resolution: false, question: 'Thông qua chương trình kỳ họp' });
    passAndAnnounce(hall, procedural, 31);
    expect(hall.state.resolutions).toEqual({});
    // The failed motion passes on a re-vote: now it is numbered, 01.
    passAndAnnounce(hall, failed.motionId, 31);
    expect(Object.values(hall.state.resolutions).map((r) => r.code)).toEqual(['01/NQ-HĐND']);
  });

  it('numbers follow the council’s formats; a normative resolution carries the year', () => {
    const hall = demoHall({ delegates: 5, checkedIn: 5 });
    passAndAnnounce(hall, hall.prepare(), 5);
    passAndAnnounce(hall, hall.prepare({ normative: true }), 5);
    hall.do({ type: 'council.configure', patch: { resolutionNumberFormat: 'Số {n}/NQ-HĐND-ĐK' } });
    passAndAnnounce(hall, hall.prepare(), 5);
    const codes = Object.values(hall.state.resolutions)
      .sort((a, b) => a.number - b.number)
      .map((r) => [r.number, r.code, r.normative]);
    expect(codes[0]).toEqual([1, '01/NQ-HĐND', false]);
    expect(codes[1]![1]).toMatch(/^\d{2}\/2026\/NQ-HĐND$/);
    expect(codes[1]![2]).toBe(true);
    expect(codes[2]![1]).toMatch(/^Số \d{2}\/NQ-HĐND-ĐK$/);
  });

  it('a motion adopts one resolution: passing it again in a re-vote takes no second number', () => {
    const hall = demoHall({ delegates: 5, checkedIn: 5 });
    const motionId = hall.prepare();
    passAndAnnounce(hall, motionId, 5);
    const again = passAndAnnounce(hall, motionId, 5);
    expect(again.result!.resolutionId).toBeUndefined();
    expect(Object.values(hall.state.resolutions)).toHaveLength(1);
    passAndAnnounce(hall, hall.prepare(), 5);
    expect(
      Object.values(hall.state.resolutions)
        .map((r) => r.number)
        .sort(),
    ).toEqual([1, 2]);
  });

  it('numbers restart with the year', () => {
    const hall = demoHall({ delegates: 5, checkedIn: 5 });
    passAndAnnounce(hall, hall.prepare(), 5);
    const state = hall.state;
    const ctxNextYear = { ...hall.ctx, clock: { ...hall.ctx.clock, day: '2027-01-05' } };
    const motionId = hall.prepare();
    const roundId = hall.open(motionId);
    hall.castOptions(roundId, 1, 3, 'yes');
    hall.do({ type: 'round.close', roundId });
    const events = decide(hall.state, { type: 'round.announce', roundId }, ctxNextYear);
    expect(events.ok && events.decision.events[1]).toMatchObject({
      type: 'resolution.adopted',
      resolution: { number: 1, year: 2027, code: '01/NQ-HĐND', adoptedOn: '2027-01-05' },
    });
    expect(Object.keys(state.resolutions)).toHaveLength(1);
  });

  it('the signed text is attached to an existing resolution and document, idempotently', () => {
    const hall = demoHall({ delegates: 3, checkedIn: 3 });
    const resolutionId = passAndAnnounce(hall, hall.prepare(), 3).result!.resolutionId!;
    const documentId = hall.do({
      type: 'document.add',
      sessionId: hall.session.id,
      itemId: null,
      title: 'Nghị quyết đã ký',
      docType: 'nghi-quyet',
      confidential: false,
      published: true,
      file: { fileName: 'nq.pdf', mimeType: 'application/pdf', size: 10, sha256: 'ff', pages: 3 },
    }).result!.documentId!;
    expect(hall.codeOf({ type: 'resolution.attach-text', resolutionId: 'nope', documentId })).toBe('NOT_FOUND');
    expect(hall.codeOf({ type: 'resolution.attach-text', resolutionId, documentId: 'nope' })).toBe('DOCUMENT_NOT_FOUND');
    hall.do({ type: 'resolution.attach-text', resolutionId, documentId });
    expect(hall.state.resolutions[resolutionId]!.signedDocumentId).toBe(documentId);
    expect(hall.eventsOf({ type: 'resolution.attach-text', resolutionId, documentId })).toEqual([]);
  });
});
