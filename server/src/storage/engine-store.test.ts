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

async function initializeCouncil(engine: Engine): Promise<void> {
  const { defaultCouncilConfig } = await import('../domain/defaults');
  const staff = { kind: 'staff', username: 'admin', role: 'secretariat' } as const;
  const init = await engine.execute({ type: 'council.initialize', council: defaultCouncilConfig('c1') }, staff);
  expect(init.ok).toBe(true);
  const imported = await engine.execute(
    {
      type: 'delegate.import',
      inputs: [1, 2, 3].map((seat) => ({ seat, fullName: `Đại biểu ${seat}`, title: 'Đại biểu HĐND', group: 'Tổ 1' })),
    },
    staff,
  );
  expect(imported.ok).toBe(true);
}
