// The hall's store: the hash-chained event log and the projection tables in one SQLite file, written in one
// transaction per batch (synchronous=FULL: committed means on disk). Given a commit worker (commit-worker.ts),
// a batch without side writes is committed by the worker's connection instead, off the event loop: this thread
// computes the rows (hash chain, projection rows from the state after) and the worker writes them.

import type { LogHead } from '@hddt/protocol';
import type { CouncilState } from '../domain/types';
import type { CommitWorker } from './commit-worker';
import type { Db } from './database';
import type { CommitGroup, EngineStore } from './engine-store';
import { EventLog, type EventInsertRow, type LoggedEvent } from './event-log';
import { ProjectionWriter, dedupeRefs, touchedBy, type ProjectionOp, type Ref } from './projections';

export class SqliteEngineStore implements EngineStore {
  private readonly log: EventLog;
  private readonly projections: ProjectionWriter;
  private readonly recorded: ProjectionOp[] = [];
  private readonly recorder: ProjectionWriter;
  private readonly probe;
  private readonly maxPageCount;
  private committing = false;
  /** Present only with a commit worker (see EngineStore.commitAsync). */
  readonly commitAsync?: EngineStore['commitAsync'];

  constructor(
    private readonly db: Db,
    private readonly worker: CommitWorker | null = null,
  ) {
    this.log = new EventLog(db);
    this.projections = new ProjectionWriter(db);
    this.recorder = new ProjectionWriter(this.recorded);
    this.probe = db.prepare('SELECT 1');
    this.maxPageCount = db.prepare('PRAGMA max_page_count').pluck();
    if (worker) this.commitAsync = (groups, after, guard) => this.commitInWorker(worker, groups, after, guard);
  }

  get head(): LogHead {
    return { seq: this.log.headSeq, hash: this.log.headHash };
  }

  readAll(afterSeq = 0): Iterable<LoggedEvent> {
    return this.log.readAll(afterSeq);
  }

  commit(groups: readonly CommitGroup[], after: CouncilState, guard?: () => void): LoggedEvent[][] {
    if (this.committing) throw new Error('a commit is already under way in the commit worker');
    const mark = this.log.mark();
    try {
      return this.db.transaction(() => {
        guard?.();
        const refs: Ref[] = [];
        const logged = groups.map((group) => {
          const mine = group.entries.map(({ event, at, actor }) => {
            refs.push(...touchedBy(event));
            return this.log.append(event, at, actor);
          });
          group.write?.();
          return mine;
        });
        this.projections.write(after, dedupeRefs(refs));
        return logged;
      })();
    } catch (error) {
      this.log.reset(mark);
      throw error;
    }
  }

  private async commitInWorker(worker: CommitWorker, groups: readonly CommitGroup[], after: CouncilState, guard?: () => void): Promise<LoggedEvent[][]> {
    if (groups.some((group) => group.write)) throw new Error('a side write runs on the caller’s connection: use commit');
    if (this.committing) throw new Error('a commit is already under way in the commit worker');
    guard?.();
    // The head moves only once the worker has committed: until then, the log as this thread reports it (and
    // the sequence numbers live patches carry) is the committed one.
    let seq = this.log.headSeq;
    let hash = this.log.headHash;
    const refs: Ref[] = [];
    const rows: EventInsertRow[] = [];
    const logged = groups.map((group) =>
      group.entries.map(({ event, at, actor }) => {
        refs.push(...touchedBy(event));
        const { entry, row } = this.log.next(event, at, actor, seq, hash);
        rows.push(row);
        seq = entry.seq;
        hash = entry.hash;
        return entry;
      }),
    );
    this.recorder.write(after, dedupeRefs(refs));
    const ops = this.recorded.splice(0);
    this.committing = true;
    try {
      await worker.commit(rows, ops, this.maxPageCount.get() as number);
    } finally {
      this.committing = false;
    }
    this.log.advance({ seq, hash });
    return logged;
  }

  ping(): void {
    this.probe.get();
  }

  async close(): Promise<void> {
    await this.worker?.close();
  }
}
