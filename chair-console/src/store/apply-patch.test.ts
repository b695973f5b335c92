import { describe, expect, it } from 'vitest';
import { applyEnvelope } from './apply-patch';
import { notYetVoted, presentIds, secondsLeft } from './selectors';
import { delegates, openRound, session, snapshot } from '../test-fixtures';

const AT = '2026-07-05T02:00:30.000Z';

describe('applyEnvelope (server mirror)', () => {
  it('applies a round patch chained on the current seq and moves seq forward', () => {
    const snap = snapshot({ rounds: [openRound()] });
    const out = applyEnvelope(snap, {
      seq: 11,
      prevSeq: 10,
      serverTime: AT,
      patch: { type: 'round', round: openRound({ voted: 3, voterIds: ['d1', 'd2', 'd3'] }) },
    });
    expect(out.kind).toBe('applied');
    if (out.kind !== 'applied') return;
    expect(out.snapshot.seq).toBe(11);
    expect(out.snapshot.rounds).toHaveLength(1);
    expect(out.snapshot.rounds[0]!.voted).toBe(3);
  });

  it('adds a round it did not know', () => {
    const out = applyEnvelope(snapshot(), { seq: 11, prevSeq: 10, serverTime: AT, patch: { type: 'round', round: openRound() } });
    expect(out.kind === 'applied' && out.snapshot.rounds.map((r) => r.id)).toEqual(['r1']);
  });

  it('ignores a patch it has already seen and asks for a resync on a gap', () => {
    const snap = snapshot();
    expect(applyEnvelope(snap, { seq: 9, prevSeq: 8, serverTime: AT, patch: { type: 'display', display: { mode: 'agenda', roundId: null } } }).kind).toBe(
      'stale',
    );
    expect(applyEnvelope(snap, { seq: 13, prevSeq: 12, serverTime: AT, patch: { type: 'display', display: { mode: 'agenda', roundId: null } } }).kind).toBe(
      'gap',
    );
  });

  it('applies several patches that share one log position (same seq)', () => {
    const first = applyEnvelope(snapshot(), { seq: 11, prevSeq: 0, serverTime: AT, patch: { type: 'display', display: { mode: 'agenda', roundId: null } } });
    expect(first.kind).toBe('applied');
    if (first.kind !== 'applied') return;
    const second = applyEnvelope(first.snapshot, {
      seq: 11,
      prevSeq: 11,
      serverTime: AT,
      patch: { type: 'session', session: { ...session, rollCallOpen: false } },
    });
    expect(second.kind === 'applied' && second.snapshot.session?.rollCallOpen).toBe(false);
    expect(second.kind === 'applied' && second.snapshot.display.mode).toBe('agenda');
  });

  it('merges attendance records and removals into the staff list', () => {
    const snap = snapshot();
    const out = applyEnvelope(snap, {
      seq: 11,
      prevSeq: 10,
      serverTime: AT,
      patch: {
        type: 'attendance',
        attendance: { ...snap.attendance, present: 4 },
        records: [{ delegateId: 'd5', status: 'present', at: '2026-07-05T02:01:00.000Z', by: 'chair', reason: null }],
        removedDelegateIds: ['d4'],
      },
    });
    expect(out.kind).toBe('applied');
    if (out.kind !== 'applied') return;
    expect([...presentIds(out.snapshot.attendanceRecords)].sort()).toEqual(['d1', 'd2', 'd3', 'd5']);
  });

  it('replaces the session both as current session and in the list', () => {
    const out = applyEnvelope(snapshot(), { seq: 11, prevSeq: 10, serverTime: AT, patch: { type: 'session', session: { ...session, rollCallOpen: false } } });
    expect(out.kind === 'applied' && out.snapshot.session?.rollCallOpen).toBe(false);
    expect(out.kind === 'applied' && out.snapshot.sessions[0]!.rollCallOpen).toBe(false);
  });
});

describe('selectors', () => {
  it('lists present seated delegates who have not voted, by seat', () => {
    const snap = snapshot();
    expect(notYetVoted(openRound(), delegates, snap.attendanceRecords).map((d) => d.fullName)).toEqual(['Lê Hoàng Cường', 'Phạm Thị Dung']);
  });
  it('counts down to the deadline and never goes negative', () => {
    const t0 = Date.parse('2026-07-05T02:00:00.000Z');
    expect(secondsLeft('2026-07-05T02:01:00.000Z', t0)).toBe(60);
    expect(secondsLeft('2026-07-05T02:01:00.000Z', t0 + 59_500)).toBe(1);
    expect(secondsLeft('2026-07-05T02:01:00.000Z', t0 + 90_000)).toBe(0);
    expect(secondsLeft(null, t0)).toBeNull();
  });
});
