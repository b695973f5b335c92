import { describe, expect, it } from 'vitest';
import type { LiveSnapshot } from '@hddt/protocol';
import { applyEnvelope } from './server-slice';
import { council, round } from '../test/fixtures';

const T = '2026-07-05T02:00:01.000Z';

const snapshot: LiveSnapshot = {
  protocolVersion: 1,
  seq: 10,
  serverTime: '2026-07-05T02:00:00.000Z',
  council,
  seatedCount: 31,
  session: null,
  agenda: [],
  documents: [],
  motions: [],
  rounds: [],
  attendance: { sessionId: null, day: null, seated: 31, present: 0, required: 21, quorumMet: false },
  speakers: [],
  display: { mode: 'welcome', roundId: null },
};

describe('applyEnvelope', () => {
  it('applies a patch chained onto our seq, and replaces the whole entity', () => {
    const a = applyEnvelope(snapshot, { seq: 11, prevSeq: 10, serverTime: T, patch: { type: 'round', round } });
    expect(a.kind).toBe('applied');
    if (a.kind !== 'applied') return;
    expect(a.snapshot.seq).toBe(11);
    expect(a.snapshot.rounds).toEqual([round]);
    const b = applyEnvelope(a.snapshot, { seq: 12, prevSeq: 11, serverTime: T, patch: { type: 'round', round: { ...round, voted: 20 } } });
    expect(b.kind === 'applied' && b.snapshot.rounds.map((r) => r.voted)).toEqual([20]);
  });

  it('ignores what it has already seen', () => {
    expect(applyEnvelope(snapshot, { seq: 9, prevSeq: 8, serverTime: T, patch: { type: 'display', display: { mode: 'agenda', roundId: null } } }).kind).toBe('ignored');
  });

  it('applies every patch of one log entry (several patches may share a seq)', () => {
    const a = applyEnvelope(snapshot, { seq: 11, prevSeq: 0, serverTime: T, patch: { type: 'attendance', attendance: { ...snapshot.attendance, present: 1 } } });
    expect(a.kind).toBe('applied');
    if (a.kind !== 'applied') return;
    const b = applyEnvelope(a.snapshot, { seq: 11, prevSeq: 11, serverTime: T, patch: { type: 'display', display: { mode: 'agenda', roundId: null } } });
    expect(b.kind === 'applied' && b.snapshot.display.mode).toBe('agenda');
    expect(b.kind === 'applied' && b.snapshot.attendance.present).toBe(1);
  });

  it('reports a gap when a message was missed, and when there is no snapshot yet', () => {
    expect(applyEnvelope(snapshot, { seq: 13, prevSeq: 12, serverTime: T, patch: { type: 'speakers', speakers: [] } }).kind).toBe('gap');
    expect(applyEnvelope(null, { seq: 1, prevSeq: 0, serverTime: T, patch: { type: 'speakers', speakers: [] } }).kind).toBe('gap');
  });

  it('accepts a patch whose prevSeq is older than ours (audience-filtered sequences skip numbers)', () => {
    const r = applyEnvelope(snapshot, { seq: 15, prevSeq: 8, serverTime: T, patch: { type: 'attendance', attendance: { ...snapshot.attendance, present: 3 } } });
    expect(r.kind === 'applied' && r.snapshot.attendance.present).toBe(3);
  });
});
