// How a client keeps its mirror of the server: the chaining rule for state:patch envelopes, and the reducer
// of the shared live snapshot (tablets and hall displays). docs/architecture.md explains the rule:
//   - a patch below our seq is old: ignore it;
//   - a patch whose prevSeq is beyond our seq means we missed one: resync (session:sync);
//   - otherwise the patched entity replaces the old one whole. A patch AT our seq is applied too: one log
//     entry can change several entities (e.g. an attendance patch and a session patch both at seq 85), and
//     since every patch replaces a whole entity, applying a true duplicate again changes nothing.
import type { LivePatch, LiveSnapshot, PatchEnvelope, RoundView } from './views';

export type PatchOutcome<S> = { kind: 'applied'; snapshot: S } | { kind: 'stale' } | { kind: 'gap' };

/** Chains one envelope onto a mirrored snapshot; `apply` is the audience's reducer. No snapshot yet: a gap. */
export function chainPatch<S extends { seq: number }>(
  snapshot: S | null,
  envelope: PatchEnvelope,
  apply: (snapshot: S, patch: LivePatch) => S,
): PatchOutcome<S> {
  if (snapshot === null) return { kind: 'gap' };
  if (envelope.seq < snapshot.seq) return { kind: 'stale' };
  if (envelope.prevSeq > snapshot.seq) return { kind: 'gap' };
  return { kind: 'applied', snapshot: { ...apply(snapshot, envelope.patch), seq: envelope.seq } };
}

/** A round replaces the one with its id, or joins the list. */
export function upsertRound(rounds: RoundView[], round: RoundView): RoundView[] {
  const i = rounds.findIndex((r) => r.id === round.id);
  if (i === -1) return [...rounds, round];
  const next = rounds.slice();
  next[i] = round;
  return next;
}

/** The reducer of the live snapshot that tablets and displays mirror. */
export function applyLivePatch(s: LiveSnapshot, patch: LivePatch): LiveSnapshot {
  switch (patch.type) {
    case 'round':
      return { ...s, rounds: upsertRound(s.rounds, patch.round) };
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

/** Chains an envelope onto the live snapshot of a tablet or display. */
export function applyLiveEnvelope(snapshot: LiveSnapshot | null, envelope: PatchEnvelope): PatchOutcome<LiveSnapshot> {
  return chainPatch(snapshot, envelope, applyLivePatch);
}
