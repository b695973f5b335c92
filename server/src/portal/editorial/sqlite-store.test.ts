import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../storage/database';
import { SqlitePortalStore, migratePortal } from './sqlite-store';
import { portalStoreContract, sampleItem } from './store-contract';

function tempDb() {
  const dir = mkdtempSync(path.join(tmpdir(), 'hddt-portal-store-'));
  const db = openDatabase(path.join(dir, 'db.sqlite'));
  return { db, dir };
}

portalStoreContract('SQLite', async () => {
  const { db, dir } = tempDb();
  return {
    store: new SqlitePortalStore(db),
    dispose: async () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('SQLite portal store specifics', () => {
  it('migrates once, forward only, and never lets a kept version be changed or deleted', async () => {
    const { db, dir } = tempDb();
    try {
      const store = new SqlitePortalStore(db);
      migratePortal(db, new Date().toISOString());
      expect((db.prepare('SELECT COUNT(*) AS n FROM portal_migrations').get() as { n: number }).n).toBe(2);
      const item = sampleItem();
      await store.commit({ item, expect: null, version: { itemId: item.id, version: 1, savedAt: item.createdAt, savedBy: 'a', title: 't', summary: '', bodyHtml: '', bodySha256: 'x' } });
      expect(() => db.prepare("UPDATE portal_versions SET title = 'x'").run()).toThrow(/versions are kept/);
      expect(() => db.prepare('DELETE FROM portal_versions').run()).toThrow(/versions are kept/);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
