// Pure reducers for the server mirror: a patch replaces one whole entity in the snapshot.
import { chainPatch, upsertRound, type ChairSnapshot, type LivePatch, type PatchEnvelope, type PatchOutcome } from '@hddt/protocol';

export function applyLivePatch(snap: ChairSnapshot, patch: LivePatch): ChairSnapshot {
  switch (patch.type) {
    case 'round':
      return { ...snap, rounds: upsertRound(snap.rounds, patch.round) };
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

/** The chaining rule of @hddt/protocol (patches.ts) with the chair's own reducer. */
export function applyEnvelope(snap: ChairSnapshot | null, env: PatchEnvelope): PatchOutcome<ChairSnapshot> {
  return chainPatch(snap, env, applyLivePatch);
}
