import { describe, expect, it } from 'vitest';
import { applyPatch } from './apply-patch';
import { passedResult, round, snapshot } from '../test/fixtures';

describe('applyPatch', () => {
  const base = snapshot({ seq: 10, rounds: [round('r1', 'm-budget')] });

  it('replaces the patched round whole and advances seq', () => {
    const closed = round('r1', 'm-budget', { status: 'closed', result: passedResult });
    const out = applyPatch(base, { seq: 11, prevSeq: 10, patch: { type: 'round', round: closed } });
    expect(out.kind).toBe('applied');
    if (out.kind !== 'applied') return;
    expect(out.snapshot.seq).toBe(11);
    expect(out.snapshot.rounds).toEqual([closed]);
  });

  it('adds a round it did not know', () => {
    const out = applyPatch(base, { seq: 11, prevSeq: 10, patch: { type: 'round', round: round('r2', 'm-secret') } });
    expect(out.kind === 'applied' && out.snapshot.rounds.map((r) => r.id)).toEqual(['r1', 'r2']);
  });

  it('ignores a duplicate and reports a gap', () => {
    const display = { type: 'display' as const, display: { mode: 'vote' as const, roundId: 'r1' } };
    expect(applyPatch(base, { seq: 10, prevSeq: 9, patch: display }).kind).toBe('stale');
    expect(applyPatch(base, { seq: 13, prevSeq: 12, patch: display }).kind).toBe('gap');
    const out = applyPatch(base, { seq: 14, prevSeq: 10, patch: display });
    expect(out.kind === 'applied' && out.snapshot.display).toEqual({ mode: 'vote', roundId: 'r1' });
  });
});
