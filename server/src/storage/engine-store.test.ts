import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine, systemClock } from '../engine';
import { openDatabase, type Db } from './database';
import { engineStoreContract } from './engine-store.contract';
import type { LoggedEvent } from './event-log';
import { MemoryEngineStore } from './memory-engine-store';
import { dumpProjections } from './projections';
import { SqliteEngineStore } from './sqlite-engine-store';
import { CommitWorker } from './commit-worker';
import { verifyChain } from './event-log';

describe('EngineStore contract: SQLite', () => {
  engineStoreContract(() => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hddt-store-'));
    const file = path.join(dir, 'hoi-dong.sqlite');
    const open: Db[] = [];
    const store = () => {
      const db = openDatabase(file);
      open.push(db);
      return new SqliteEngineStore(db);
    };
    return {
      open: store,
      reopen: () => {
        for (const db of open.splice(0)) db.close();
        return store();
      },
      dispose: () => {
        for (const db of open.splice(0)) db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  });

  it('keeps the projection tables in step with the state it is given, in the same commit', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hddt-store-'));
    const db = openDatabase(path.join(dir, 'hoi-dong.sqlite'));
    try {
      const engine = new Engine({ store: new SqliteEngineStore(db), clock: systemClock, newId: counter() });
      await initializeCouncil(engine);
      expect(dumpProjections(db).delegates).toHaveLength(3);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('SQLite store with a commit worker', () => {
  const withWorker = async (run: (db: Db, store: SqliteEngineStore, file: string) => Promise<void>) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hddt-store-'));
    const file = path.join(dir, 'hoi-dong.sqlite');
    const db = openDatabase(file);
    const store = new SqliteEngineStore(db, new CommitWorker(file));
    try {
      await run(db, store, file);
    } finally {
      await store.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('commits through the worker: the same log and tables, the head moving only once the commit is done', async () => {
    await withWorker(async (db, store) => {
      expect(store.commitAsync).toBeTypeOf('function');
      const engine = new Engine({ store, clock: systemClock, newId: counter() });
      await initializeCouncil(engine);
      expect(dumpProjections(db).delegates).toHaveLength(3);
      expect(verifyChain(db)).toMatchObject({ ok: true, entries: engine.seq });

      const before = store.head;
      const pending = store.commitAsync!(
        [{ entries: [{ event: { type: 'display.changed', sessionId: null, display: engine.state.display }, at: new Date().toISOString(), actor: 'system' }] }],
        engine.state,
      );
      // Not committed yet: the head this thread reports is still the committed one.
      expect(store.head).toEqual(before);
      const entry = (await pending)[0]![0]!;
      expect(store.head).toEqual({ seq: before.seq + 1, hash: entry.hash });
      expect(verifyChain(db)).toMatchObject({ ok: true, entries: before.seq + 1, headHash: entry!.hash });

      // What the worker wrote is what a replay of the log gives.
      const reopened = new Engine({ store: new SqliteEngineStore(db), clock: systemClock, newId: counter() });
      expect(reopened.seq).toBe(before.seq + 1);
      expect(reopened.state.delegates).toEqual(engine.state.delegates);
    });
  });

  it('a refused commit stores nothing and leaves the head where it was; the next one continues the chain', async () => {
    await withWorker(async (db, store) => {
      const engine = new Engine({ store, clock: systemClock, newId: counter() });
      await initializeCouncil(engine);
      const head = store.head;
      engine.beforeCommit = () => {
        throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
      };
      const staff = { kind: 'staff', username: 'admin', role: 'secretariat' } as const;
      const inputs = [7, 8].map((seat) => ({ seat, fullName: `Đại biểu ${seat}`, title: 'Đại biểu HĐND', group: 'Tổ 1' }));
      const refused = await engine.execute({ type: 'delegate.import', inputs }, staff);
      expect(refused).toEqual({ ok: false, code: 'STORAGE_FAILURE' });
      expect(Object.keys(engine.state.delegates)).toHaveLength(3);
      expect(store.head).toEqual(head);
      engine.beforeCommit = null;
      // A failing write in the worker itself (a row the schema refuses) is refused the same way.
      const worker = (store as unknown as { worker: CommitWorker }).worker;
      await expect(worker.commit([[head.seq + 1, 'now', 'system', 'x', '{}', head.hash, 'h']], [['ballot', [null, null, null, null, null]]])).rejects.toThrow(
        /NOT NULL/,
      );
      expect(verifyChain(db)).toMatchObject({ ok: true, entries: head.seq });
      expect(store.head).toEqual(head);
      await initializeCouncil(engine, 4);
      expect(verifyChain(db)).toMatchObject({ ok: true });
      expect(dumpProjections(db).delegates).toHaveLength(6);
    });
  });
});

describe('EngineStore contract: memory', () => {
  engineStoreContract(() => {
    const entries: LoggedEvent[] = [];
    return { open: () => new MemoryEngineStore(entries), reopen: () => new MemoryEngineStore(entries), dispose: () => undefined };
  });

  it('carries the engine: commands are decided, stored and replayed after a restart', async () => {
    const entries: LoggedEvent[] = [];
    const engine = new Engine({ store: new MemoryEngineStore(entries), clock: systemClock, newId: counter() });
    await initializeCouncil(engine);
    const restarted = new Engine({ store: new MemoryEngineStore(entries), clock: systemClock, newId: counter() });
    expect(restarted.seq).toBe(engine.seq);
    expect(restarted.state).toEqual(engine.state);
    expect(Object.keys(restarted.state.delegates)).toHaveLength(3);
  });
});

function counter(): () => string {
  let n = 0;
  return () => `id${(n += 1)}`;
}

async function initializeCouncil(engine: Engine, firstSeat = 1): Promise<void> {
  const { defaultCouncilConfig } = await import('../domain/defaults');
  const staff = { kind: 'staff', username: 'admin', role: 'secretariat' } as const;
  if (!engine.state.council) {
    const init = await engine.execute({ type: 'council.initialize', council: defaultCouncilConfig('c1') }, staff);
    expect(init.ok).toBe(true);
  }
  const imported = await engine.execute(
    {
      type: 'delegate.import',
      inputs: [0, 1, 2].map((k) => ({ seat: firstSeat + k, fullName: `Đại biểu ${firstSeat + k}`, title: 'Đại biểu HĐND', group: 'Tổ 1' })),
    },
    staff,
  );
  expect(imported.ok).toBe(true);
}
