// The append-only, hash-chained event log. Each entry's hash covers the previous entry's hash and its own
// fields, so changing or removing any past entry breaks every later link.

import { createHash } from 'node:crypto';
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
  return createHash('sha256').update(`${prevHash}\n${seq}\n${at}\n${actor}\n${type}\n${payload}`).digest('hex');
}

export class EventLog {
  private readonly insert;
  private readonly selectFrom;
  private readonly selectHead;
  headSeq = 0;
  headHash = GENESIS_HASH;

  constructor(db: Db) {
    this.insert = db.prepare('INSERT INTO events (seq, at, actor, type, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)');
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
    const { type, ...rest } = event;
    const payload = JSON.stringify(rest);
    const seq = this.headSeq + 1;
    const hash = entryHash(this.headHash, seq, at, actor, type, payload);
    this.insert.run(seq, at, actor, type, payload, this.headHash, hash);
    this.headSeq = seq;
    this.headHash = hash;
    return { seq, at, actor, event, hash };
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
