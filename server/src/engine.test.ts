// Group commit timing: a partial batch waits for the event loop, a full one is committed at once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Actor, DomainEvent } from './domain/types';
import { Engine, MAX_BATCH, systemClock } from './engine';
import { openDatabase, type Db } from './storage/database';

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
  return new Engine({ db, clock: systemClock, newId: () => `id${(n += 1)}` });
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
