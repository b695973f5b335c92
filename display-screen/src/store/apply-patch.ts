// Applies one state:patch to the mirrored snapshot. Pure, so the sequencing rules are tested without a socket:
// a patch below our seq is old (ignore); a patch whose prevSeq is beyond our seq means we missed one (resync
// with session:sync); otherwise the patched entity replaces the old one whole.
// A patch AT our seq is applied too: one log entry can change several entities (the server sends e.g. an
// attendance patch and a session patch both with seq 85), and since every patch replaces a whole entity,
// applying a true duplicate again changes nothing.
import type { LivePatch, LiveSnapshot, PatchEnvelope, RoundView } from '@hddt/protocol';

export type PatchOutcome = { kind: 'applied'; snapshot: LiveSnapshot } | { kind: 'stale' } | { kind: 'gap' };

function upsertRound(rounds: RoundView[], round: RoundView): RoundView[] {
  const i = rounds.findIndex((r) => r.id === round.id);
  if (i === -1) return [...rounds, round];
  const next = rounds.slice();
  next[i] = round;
  return next;
}

function patchSnapshot(s: LiveSnapshot, patch: LivePatch): LiveSnapshot {
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

export function applyPatch(snapshot: LiveSnapshot, envelope: PatchEnvelope): PatchOutcome {
  if (envelope.seq < snapshot.seq) return { kind: 'stale' };
  if (envelope.prevSeq > snapshot.seq) return { kind: 'gap' };
  return { kind: 'applied', snapshot: { ...patchSnapshot(snapshot, envelope.patch), seq: envelope.seq } };
}
