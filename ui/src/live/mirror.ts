// The server mirror: a snapshot, then patches chained by sequence number. A gap (or a patch before any
// snapshot) asks for the whole snapshot again; a stale patch (already seen) is dropped.
import type { PatchOutcome } from '@hddt/protocol';

export interface MirrorHandlers<S> {
  applied: (snapshot: S) => void;
  resync: () => void;
}

/** Acts on the outcome of chaining one patch (chainPatch / applyLiveEnvelope of @hddt/protocol). */
export function followPatch<S>(outcome: PatchOutcome<S>, on: MirrorHandlers<S>): void {
  switch (outcome.kind) {
    case 'applied':
      on.applied(outcome.snapshot);
      return;
    case 'stale':
      return;
    case 'gap':
      on.resync();
      return;
    default: {
      const never: never = outcome;
      return never;
    }
  }
}

/**
 * One resync at a time: a burst of patches after a gap asks for one snapshot, not one per patch. `fetch` asks the
 * server and stores the answer; a failure is left to the next gap or the reconnect's snapshot.
 */
export function singleFlight(fetch: () => Promise<void>): () => Promise<void> {
  let inFlight: Promise<void> | null = null;
  return () => {
    inFlight ??= fetch()
      .catch(() => undefined)
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  };
}
