// A store held in memory, with the same hash chain and the same all-or-nothing commit as the SQLite store.
// For tests of whatever runs over an EngineStore, and the reference the contract suite holds others to.
// Durable only as long as its `entries` array lives (a second store over the same array is a "restart").

import type { LogHead } from '@hddt/protocol';
import type { CouncilState } from '../domain/types';
import type { CommitGroup, EngineStore } from './engine-store';
import { GENESIS_HASH, entryHash, type LoggedEvent } from './event-log';

export class MemoryEngineStore implements EngineStore {
  /** The current state as of the last commit (what projection tables are to the SQLite store). */
  current: CouncilState | null = null;

  constructor(readonly entries: LoggedEvent[] = []) {}

  get head(): LogHead {
    const last = this.entries[this.entries.length - 1];
    return last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: GENESIS_HASH };
  }

  *readAll(afterSeq = 0): Iterable<LoggedEvent> {
    for (const entry of this.entries) if (entry.seq > afterSeq) yield entry;
  }

  commit(groups: readonly CommitGroup[], after: CouncilState, guard?: () => void): LoggedEvent[][] {
    const staged: LoggedEvent[] = [];
    let { seq, hash } = this.head;
    guard?.();
    const logged = groups.map((group) => {
      const mine = group.entries.map(({ event, at, actor }) => {
        const { type, ...rest } = event;
        seq += 1;
        hash = entryHash(hash, seq, at, actor, type, JSON.stringify(rest));
        // Stored as the SQLite store stores it: a copy, so a later change to the caller's object is not history.
        const entry: LoggedEvent = { seq, at, actor, event: structuredClone(event), hash };
        staged.push(entry);
        return entry;
      });
      group.write?.();
      return mine;
    });
    this.entries.push(...staged);
    this.current = after;
    return logged;
  }

  ping(): void {}
}
