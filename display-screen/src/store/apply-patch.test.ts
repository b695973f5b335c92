import { describe, expect, it } from 'vitest';
import { applyPatch } from './apply-patch';
import { passedResult, round, snapshot } from '../test/fixtures';

describe('applyPatch', () => {
  const base = snapshot({ seq: 10, rounds: [round('r1', 'm-budget')] });

  it('replaces the patched round whole and advances seq', () => {
    const closed = round('r1', 'm-budget', { status: 'closed', result: passedResult });
    const out = applyPatch(base, { seq: 11, prevSeq: 10, serverTime: '2026-07-05T08:00:00.000Z', patch: { type: 'round', round: closed } });
    expect(out.kind).toBe('applied');
    if (out.kind !== 'applied') return;
    expect(out.snapshot.seq).toBe(11);
    expect(out.snapshot.rounds).toEqual([closed]);
  });

  it('adds a round it did not know', () => {
    const out = applyPatch(base, { seq: 11, prevSeq: 10, serverTime: '2026-07-05T08:00:00.000Z', patch: { type: 'round', round: round('r2', 'm-secret') } });
    expect(out.kind === 'applied' && out.snapshot.rounds.map((r) => r.id)).toEqual(['r1', 'r2']);
  });

  it('applies a second patch of the same log entry (same seq), as the server sends for agenda:current', () => {
    const first = applyPatch(base, { seq: 11, prevSeq: 10, serverTime: '2026-07-05T08:00:00.000Z', patch: { type: 'attendance', attendance: { ...base.attendance, present: 5 } } });
    if (first.kind !== 'applied') throw new Error(first.kind);
    const second = applyPatch(first.snapshot, { seq: 11, prevSeq: 11, serverTime: '2026-07-05T08:00:00.000Z', patch: { type: 'session', session: { ...base.session!, currentItemId: 'i3' } } });
    expect(second.kind === 'applied' && second.snapshot.session?.currentItemId).toBe('i3');
    expect(second.kind === 'applied' && second.snapshot.attendance.present).toBe(5);
  });

  it('ignores an old patch and reports a gap', () => {
    const display = { type: 'display' as const, display: { mode: 'vote' as const, roundId: 'r1' } };
    expect(applyPatch(base, { seq: 9, prevSeq: 8, serverTime: '2026-07-05T08:00:00.000Z', patch: display }).kind).toBe('stale');
    expect(applyPatch(base, { seq: 13, prevSeq: 12, serverTime: '2026-07-05T08:00:00.000Z', patch: display }).kind).toBe('gap');
    const out = applyPatch(base, { seq: 14, prevSeq: 10, serverTime: '2026-07-05T08:00:00.000Z', patch: display });
    expect(out.kind === 'applied' && out.snapshot.display).toEqual({ mode: 'vote', roundId: 'r1' });
  });
});
