// A portal node's view of the council: the hall's public entries folded with the same evolve the hall uses,
// so every page renders from the same shapes as in the hall. Withheld entries (payload null) are skipped; an
// entry that cannot apply without something withheld (say, an update of a confidential document) is skipped
// too, and the state stays as it was before it.

import type { LogHead } from '@hddt/protocol';
import { emptyState, evolve } from '../domain/evolve';
import type { CouncilState, DomainEvent } from '../domain/types';
import type { PublishedEntry } from './entries';

export class PublicState {
  state: CouncilState = emptyState();
  seq = 0;
  skipped = 0;
  private readonly listeners: ((entries: readonly PublishedEntry[], state: CouncilState) => void)[] = [];

  onApplied(listener: (entries: readonly PublishedEntry[], state: CouncilState) => void): void {
    this.listeners.push(listener);
  }

  apply(entries: readonly PublishedEntry[]): void {
    const fresh = entries.filter((e) => e.seq > this.seq);
    if (fresh.length === 0) return;
    let state = this.state;
    let anchors: Record<string, LogHead> | null = null;
    for (const e of fresh) {
      this.seq = e.seq;
      if (e.payload === null) continue;
      const event = { type: e.type, ...(JSON.parse(e.payload) as object) } as DomainEvent;
      try {
        state = evolve(state, event, e.at);
      } catch {
        this.skipped += 1;
        continue;
      }
      if (event.type === 'round.announced') {
        anchors ??= { ...state.resultAnchors };
        anchors[event.roundId] = { seq: e.seq, hash: e.hash };
      }
    }
    this.state = anchors ? { ...state, resultAnchors: anchors } : state;
    for (const l of this.listeners) l(fresh, this.state);
  }
}
