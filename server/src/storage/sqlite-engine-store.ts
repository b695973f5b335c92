// The hall's store: the hash-chained event log and the projection tables in one SQLite file, written in one
// transaction per batch (synchronous=FULL: committed means on disk).

import type { LogHead } from '@hddt/protocol';
import type { CouncilState } from '../domain/types';
import type { Db } from './database';
import type { CommitGroup, EngineStore } from './engine-store';
import { EventLog, type LoggedEvent } from './event-log';
import { ProjectionWriter, dedupeRefs, touchedBy, type Ref } from './projections';

export class SqliteEngineStore implements EngineStore {
  private readonly log: EventLog;
  private readonly projections: ProjectionWriter;
  private readonly probe;

  constructor(private readonly db: Db) {
    this.log = new EventLog(db);
    this.projections = new ProjectionWriter(db);
    this.probe = db.prepare('SELECT 1');
  }

  get head(): LogHead {
    return { seq: this.log.headSeq, hash: this.log.headHash };
  }

  readAll(afterSeq = 0): Iterable<LoggedEvent> {
    return this.log.readAll(afterSeq);
  }

  commit(groups: readonly CommitGroup[], after: CouncilState, guard?: () => void): LoggedEvent[][] {
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

  ping(): void {
    this.probe.get();
  }
}
