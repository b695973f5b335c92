import type { StateCreator } from 'zustand';
import type { DelegateMe, LivePatch, LiveSnapshot, PatchEnvelope } from '@hddt/protocol';
import type { DelegateStore } from './index';

/** The server's state as this delegate may see it: replaced by snapshots, advanced by patches. */
export interface ServerSlice {
  snapshot: LiveSnapshot | null;
  me: DelegateMe | null;
  /** Server clock minus this device's clock (ms), for countdowns that agree with the hall display. */
  clockOffsetMs: number;
}

export const createServerSlice: StateCreator<DelegateStore, [], [], ServerSlice> = () => ({
  snapshot: null,
  me: null,
  clockOffsetMs: 0,
});

export type PatchOutcome = { kind: 'applied'; snapshot: LiveSnapshot } | { kind: 'ignored' } | { kind: 'gap' };

/** Apply one patch envelope (pure). A gap (a message we never got) means: ask for a fresh snapshot. */
export function applyEnvelope(snapshot: LiveSnapshot | null, envelope: PatchEnvelope): PatchOutcome {
  if (snapshot === null) return { kind: 'gap' };
  // Older than what we hold: ignore. The same seq is applied: one log entry can yield several patches (one per
  // entity) that share its seq, and each patch replaces a whole entity, so applying it again is harmless.
  if (envelope.seq < snapshot.seq) return { kind: 'ignored' };
  if (envelope.prevSeq > snapshot.seq) return { kind: 'gap' };
  return { kind: 'applied', snapshot: { ...applyPatch(snapshot, envelope.patch), seq: envelope.seq } };
}

export function applyPatch(s: LiveSnapshot, patch: LivePatch): LiveSnapshot {
  switch (patch.type) {
    case 'round': {
      const exists = s.rounds.some((r) => r.id === patch.round.id);
      const rounds = exists ? s.rounds.map((r) => (r.id === patch.round.id ? patch.round : r)) : [...s.rounds, patch.round];
      return { ...s, rounds };
    }
    case 'attendance':
      return { ...s, attendance: patch.attendance };
    case 'speakers':
      return { ...s, speakers: patch.speakers };
    case 'display':
      return { ...s, display: patch.display };
    case 'session':
      return { ...s, session: patch.session };
    default: {
      const never: never = patch;
      return never;
    }
  }
}
