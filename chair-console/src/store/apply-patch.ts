// Pure reducers for the server mirror: a patch replaces one whole entity in the snapshot.
import type { ChairSnapshot, LivePatch, PatchEnvelope } from '@hddt/protocol';

export type PatchOutcome = { kind: 'applied'; snapshot: ChairSnapshot } | { kind: 'stale' } | { kind: 'gap' };

export function applyLivePatch(snap: ChairSnapshot, patch: LivePatch): ChairSnapshot {
  switch (patch.type) {
    case 'round': {
      const exists = snap.rounds.some((r) => r.id === patch.round.id);
      const rounds = exists ? snap.rounds.map((r) => (r.id === patch.round.id ? patch.round : r)) : [...snap.rounds, patch.round];
      return { ...snap, rounds };
    }
    case 'attendance': {
      let records = snap.attendanceRecords;
      if (patch.records && patch.records.length > 0) {
        const changed = new Set(patch.records.map((r) => r.delegateId));
        records = [...records.filter((r) => !changed.has(r.delegateId)), ...patch.records];
      }
      if (patch.removedDelegateIds && patch.removedDelegateIds.length > 0) {
        const removed = new Set(patch.removedDelegateIds);
        records = records.filter((r) => !removed.has(r.delegateId));
      }
      return { ...snap, attendance: patch.attendance, attendanceRecords: records };
    }
    case 'speakers':
      return { ...snap, speakers: patch.speakers };
    case 'display':
      return { ...snap, display: patch.display };
    case 'session': {
      const s = patch.session;
      const sessions = snap.sessions.some((x) => x.id === s.id) ? snap.sessions.map((x) => (x.id === s.id ? s : x)) : [...snap.sessions, s];
      const session = snap.session && snap.session.id !== s.id ? snap.session : s;
      return { ...snap, session, sessions };
    }
    default: {
      const never: never = patch;
      return never;
    }
  }
}

/**
 * The chaining rule from docs/architecture.md: ignore old messages, resync on a gap. One log position can
 * produce several patches that share its seq (the server sends e.g. attendance and session both at seq 82,
 * the second with prevSeq 82), so a patch whose seq equals ours is applied, not dropped: every patch replaces
 * a whole entity, so applying one twice is harmless.
 */
export function applyEnvelope(snap: ChairSnapshot, env: PatchEnvelope): PatchOutcome {
  if (env.seq < snap.seq) return { kind: 'stale' };
  if (env.prevSeq > snap.seq) return { kind: 'gap' };
  return { kind: 'applied', snapshot: { ...applyLivePatch(snap, env.patch), seq: env.seq } };
}
