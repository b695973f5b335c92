// Group commit timing: a partial batch waits for the event loop, a full one is committed at once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Actor, DomainEvent } from './domain/types';
import { Engine, MAX_BATCH, dayIn, systemClock } from './engine';
import { openDatabase, type Db } from './storage/database';
import { SqliteEngineStore } from './storage/sqlite-engine-store';

const SYSTEM: Actor = { kind: 'system' };
const fact = (i: number): DomainEvent => ({ type: 'security.refused', reason: `test-${i}`, code: 'RATE_LIMITED', detail: 'engine test' });

let dir = '';
let db: Db | null = null;
afterEach(() => {
  db?.close();
  db = null;
  rmSync(dir, { recursive: true, force: true });
});

function engine(): Engine {
  dir = mkdtempSync(path.join(tmpdir(), 'hddt-engine-'));
  db = openDatabase(path.join(dir, 'test.sqlite'));
  let n = 0;
  return new Engine({ store: new SqliteEngineStore(db), clock: systemClock, newId: () => `id${(n += 1)}` });
}

describe('engine group commit', () => {
  it('commits a full batch inside the call that fills it, without waiting for the event loop', async () => {
    const e = engine();
    const start = e.seq;
    const answers = Array.from({ length: MAX_BATCH - 1 }, (_, i) => e.record([fact(i)], SYSTEM));
    // Not full yet: nothing is committed until the event loop turns.
    expect(e.seq).toBe(start);
    answers.push(e.record([fact(MAX_BATCH)], SYSTEM));
    // Full: committed before the call returned, in one transaction.
    expect(e.seq).toBe(start + MAX_BATCH);
    const results = await Promise.all(answers);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(new Set(results.map((r) => (r.ok ? r.events[0]!.seq : 0))).size).toBe(MAX_BATCH);
  });

  it('commits a partial batch on the next turn of the event loop, and more than a batch in batch-sized steps', async () => {
    const e = engine();
    const start = e.seq;
    const few = await Promise.all([e.record([fact(1)], SYSTEM), e.record([fact(2)], SYSTEM)]);
    expect(few.every((r) => r.ok)).toBe(true);
    expect(e.seq).toBe(start + 2);

    const many = Array.from({ length: 2 * MAX_BATCH + 7 }, (_, i) => e.record([fact(i)], SYSTEM));
    expect(e.seq).toBe(start + 2 + 2 * MAX_BATCH);
    await Promise.all(many);
    expect(e.seq).toBe(start + 2 + 2 * MAX_BATCH + 7);
  });
});

describe('dayIn', () => {
  it('gives the local calendar day, turning at local midnight, whatever order it is asked in', () => {
    const hcm = 'Asia/Ho_Chi_Minh'; // UTC+7
    const beforeMidnight = Date.parse('2026-11-27T16:59:59.999Z');
    const atMidnight = Date.parse('2026-11-27T17:00:00.000Z');
    expect(dayIn(hcm, beforeMidnight)).toBe('2026-11-27');
    expect(dayIn(hcm, atMidnight)).toBe('2026-11-28');
    expect(dayIn(hcm, beforeMidnight)).toBe('2026-11-27');
    // Another zone in the same minute has its own day.
    expect(dayIn('UTC', atMidnight)).toBe('2026-11-27');
    expect(dayIn(hcm, atMidnight + 59_000)).toBe('2026-11-28');
    // A zone whose offset is not whole hours (UTC+5:45).
    expect(dayIn('Asia/Kathmandu', Date.parse('2026-11-27T18:14:59Z'))).toBe('2026-11-27');
    expect(dayIn('Asia/Kathmandu', Date.parse('2026-11-27T18:15:00Z'))).toBe('2026-11-28');
  });
});
