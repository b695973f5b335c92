import { describe, expect, it } from 'vitest';
import { applyLiveEnvelope, chainPatch } from './patches';
import { testCouncil } from './testing';
import type { LivePatch, LiveSnapshot, PatchEnvelope, RoundView } from './views';

const T = '2026-07-05T02:00:01.000Z';
const council = testCouncil();

const round: RoundView = {
  id: 'r1',
  motionId: 'm1',
  sessionId: 's1',
  number: 1,
  mode: 'named',
  status: 'open',
  openedAt: '2026-07-05T02:00:00.000Z',
  closesAt: null,
  closedAt: null,
  cancelledReason: null,
  seated: 31,
  present: 28,
  voted: 3,
  result: null,
};

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
  rounds: [round],
  attendance: { sessionId: null, day: null, seated: 31, present: 0, required: 21, quorumMet: false },
  speakers: [],
  display: { mode: 'welcome', roundId: null },
};

const env = (seq: number, prevSeq: number, patch: LivePatch): PatchEnvelope => ({ seq, prevSeq, serverTime: T, patch });
const agenda: LivePatch = { type: 'display', display: { mode: 'agenda', roundId: null } };

describe('chaining patches onto a mirrored snapshot', () => {
  it('applies a patch chained onto our seq, replacing the whole entity, and advances seq', () => {
    const closed: RoundView = { ...round, status: 'closed', voted: 20, closedAt: T };
    const a = applyLiveEnvelope(snapshot, env(11, 10, { type: 'round', round: closed }));
    expect(a.kind).toBe('applied');
    if (a.kind !== 'applied') return;
    expect(a.snapshot.seq).toBe(11);
    expect(a.snapshot.rounds).toEqual([closed]);
    expect(a.snapshot.council).toBe(council);
    // The snapshot it came from is untouched.
    expect(snapshot.rounds).toEqual([round]);
  });

  it('adds a round it did not know, after the ones it had', () => {
    const out = applyLiveEnvelope(snapshot, env(11, 10, { type: 'round', round: { ...round, id: 'r2' } }));
    expect(out.kind === 'applied' && out.snapshot.rounds.map((r) => r.id)).toEqual(['r1', 'r2']);
  });

  it('ignores what it has already seen', () => {
    expect(applyLiveEnvelope(snapshot, env(9, 8, agenda)).kind).toBe('stale');
  });

  it('applies every patch of one log entry (several patches share a seq)', () => {
    const a = applyLiveEnvelope(snapshot, env(11, 0, { type: 'attendance', attendance: { ...snapshot.attendance, present: 1 } }));
    if (a.kind !== 'applied') throw new Error(a.kind);
    const b = applyLiveEnvelope(a.snapshot, env(11, 11, agenda));
    expect(b.kind === 'applied' && b.snapshot.display.mode).toBe('agenda');
    expect(b.kind === 'applied' && b.snapshot.attendance.present).toBe(1);
  });

  it('reports a gap when a message was missed, and when there is no snapshot yet', () => {
    expect(applyLiveEnvelope(snapshot, env(13, 12, { type: 'speakers', speakers: [] })).kind).toBe('gap');
    expect(applyLiveEnvelope(null, env(1, 0, { type: 'speakers', speakers: [] })).kind).toBe('gap');
  });

  it('accepts a patch whose prevSeq is older than ours (each audience sees a filtered sequence)', () => {
    const out = applyLiveEnvelope(snapshot, env(15, 8, { type: 'attendance', attendance: { ...snapshot.attendance, present: 3 } }));
    expect(out.kind === 'applied' && out.snapshot.attendance.present).toBe(3);
  });

  it('chains any audience snapshot with its own reducer', () => {
    const counted = (s: { seq: number; n: number }) => ({ ...s, n: s.n + 1 });
    expect(chainPatch({ seq: 3, n: 0 }, env(4, 3, agenda), counted)).toEqual({ kind: 'applied', snapshot: { seq: 4, n: 1 } });
    expect(chainPatch({ seq: 3, n: 0 }, env(2, 1, agenda), counted)).toEqual({ kind: 'stale' });
    expect(chainPatch({ seq: 3, n: 0 }, env(6, 5, agenda), counted)).toEqual({ kind: 'gap' });
  });
});
