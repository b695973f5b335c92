// The engine's storage seam: events in, state out. The engine decides and folds in memory; a store makes a
// batch of events durable (and keeps whatever current-state tables it has in step) in one atomic commit, and
// gives the log back for replay. The SQLite store is the hall's; the in-memory store runs the same contract
// (engine-store.contract.ts) and is what a second engine (the portal's PostgreSQL) is held to as well.

import type { LogHead } from '@hddt/protocol';
import type { CouncilState, DomainEvent } from '../domain/types';
import type { LoggedEvent } from './event-log';

export interface PendingEntry {
  event: DomainEvent;
  at: string;
  actor: string;
}

/** The events of one command (or one set of recorded facts), with the side-table write that goes with them. */
export interface CommitGroup {
  entries: readonly PendingEntry[];
  /** Runs inside the commit, after the group's events are appended; throwing aborts the whole commit. */
  write?: () => void;
}

export interface EngineStore {
  /** The last entry of the log (seq 0 and the genesis hash when empty). */
  readonly head: LogHead;
  /** The log in order, after `afterSeq`. */
  readAll(afterSeq?: number): Iterable<LoggedEvent>;
  /**
   * Appends every group's events in order and brings the store's current-state view to `after`, atomically:
   * when it returns, all of it is durable; when it throws (the guard, a side write, the disk), none of it is
   * stored and the head is unchanged. Returns the logged entries of each group.
   */
  commit(groups: readonly CommitGroup[], after: CouncilState, guard?: () => void): LoggedEvent[][];
  /** Throws when the store cannot be read (the health check). */
  ping(): void;
}
