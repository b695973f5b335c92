// The append-only, hash-chained event log. Each entry's hash covers the previous entry's hash and its own
// fields, so changing or removing any past entry breaks every later link.

import { hash as digest } from 'node:crypto';
import type { ChainReport } from '@hddt/protocol';
import type { DomainEvent } from '../domain/types';
import type { Db } from './database';

export type { ChainReport };

export const GENESIS_HASH = '0'.repeat(64);

export interface LoggedEvent {
  seq: number;
  at: string;
  actor: string;
  event: DomainEvent;
  hash: string;
}

interface EventRow {
  seq: number;
  at: string;
  actor: string;
  type: string;
  payload: string;
  prev_hash: string;
  hash: string;
}

export function entryHash(prevHash: string, seq: number, at: string, actor: string, type: string, payload: string): string {
  // One-shot hashing: the same SHA-256 of the same UTF-8 bytes as createHash().update().digest('hex'), without
  // building a Hash object for every entry (one per ballot in a burst).
  return digest('sha256', `${prevHash}\n${seq}\n${at}\n${actor}\n${type}\n${payload}`, 'hex');
}

export const EVENT_INSERT_SQL = 'INSERT INTO events (seq, at, actor, type, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)';
/** seq, at, actor, type, payload, prev_hash, hash */
export type EventInsertRow = [number, string, string, string, string, string, string];

export class EventLog {
  private readonly insert;
  private readonly selectFrom;
  private readonly selectHead;
  headSeq = 0;
  headHash = GENESIS_HASH;

  constructor(db: Db) {
    this.insert = db.prepare(EVENT_INSERT_SQL);
    this.selectFrom = db.prepare('SELECT * FROM events WHERE seq > ? ORDER BY seq');
    this.selectHead = db.prepare('SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1');
    const head = this.selectHead.get() as { seq: number; hash: string } | undefined;
    if (head) {
      this.headSeq = head.seq;
      this.headHash = head.hash;
    }
  }

  /** Appends inside the caller's transaction. The caller restores head on rollback (see mark/reset). */
  append(event: DomainEvent, at: string, actor: string): LoggedEvent {
    const { entry, row } = this.next(event, at, actor, this.headSeq, this.headHash);
    this.insert.run(...row);
    this.advance(entry);
    return entry;
  }

  /**
   * The entry that would follow (prevSeq, prevHash), and its row as EVENT_INSERT_SQL's parameters, without
   * writing anything or moving the head (the commit worker writes the rows; see SqliteEngineStore).
   */
  next(event: DomainEvent, at: string, actor: string, prevSeq: number, prevHash: string): { entry: LoggedEvent; row: EventInsertRow } {
    const { type, ...rest } = event;
    const payload = JSON.stringify(rest);
    const seq = prevSeq + 1;
    const hash = entryHash(prevHash, seq, at, actor, type, payload);
    return { entry: { seq, at, actor, event, hash }, row: [seq, at, actor, type, payload, prevHash, hash] };
  }

  /** Moves the head to an entry written (and committed) by someone else. */
  advance(entry: { seq: number; hash: string }): void {
    this.headSeq = entry.seq;
    this.headHash = entry.hash;
  }

  mark(): { seq: number; hash: string } {
    return { seq: this.headSeq, hash: this.headHash };
  }

  reset(mark: { seq: number; hash: string }): void {
    this.headSeq = mark.seq;
    this.headHash = mark.hash;
  }

  *readAll(afterSeq = 0): Generator<LoggedEvent> {
    for (const row of this.selectFrom.iterate(afterSeq) as IterableIterator<EventRow>) {
      yield { seq: row.seq, at: row.at, actor: row.actor, event: parseEvent(row), hash: row.hash };
    }
  }
}

export function parseEvent(row: { type: string; payload: string }): DomainEvent {
  return { type: row.type, ...(JSON.parse(row.payload) as object) } as DomainEvent;
}

/** Recomputes the whole chain from the stored rows. */
export function verifyChain(db: Db): ChainReport {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let entries = 0;
  for (const row of db.prepare('SELECT * FROM events ORDER BY seq').iterate() as IterableIterator<EventRow>) {
    if (row.seq !== expectedSeq) return { ok: false, entries, headHash: prev, brokenAt: { seq: row.seq, reason: 'seq-gap' } };
    if (row.prev_hash !== prev) {
      return { ok: false, entries, headHash: prev, brokenAt: { seq: row.seq, reason: 'link-mismatch' } };
    }
    const hash = entryHash(row.prev_hash, row.seq, row.at, row.actor, row.type, row.payload);
    if (hash !== row.hash) return { ok: false, entries, headHash: prev, brokenAt: { seq: row.seq, reason: 'hash-mismatch' } };
    prev = row.hash;
    expectedSeq += 1;
    entries += 1;
  }
  return { ok: true, entries, headHash: prev, brokenAt: null };
}
