import { describe, expect, it } from 'vitest';
import { fileRouteContract } from '../editorial/file-route-contract';
import { portalStoreContract, sampleItem } from '../editorial/store-contract';
import { migratePortalPg } from './migrate';
import { PgPortalStore } from './pg-store';
import { freshSchema } from './test-support';

const pgFactory = async () => {
  const s = await freshSchema();
  return { store: await PgPortalStore.open(s.pool), dispose: s.drop };
};

portalStoreContract('PostgreSQL', pgFactory);
fileRouteContract('PostgreSQL', pgFactory);

describe('PostgreSQL portal store specifics', () => {
  it('migrates once under the advisory lock even when several nodes start together', async () => {
    const s = await freshSchema(8);
    try {
      const applied = await Promise.all([1, 2, 3, 4].map(() => migratePortalPg(s.pool)));
      expect(applied.flat()).toEqual([1, 2, 3, 4, 5]);
      expect(await migratePortalPg(s.pool)).toEqual([]);
      const { rows } = await s.pool.query<{ version: number }>('SELECT version FROM portal_migrations');
      expect(rows.map((r) => r.version).sort()).toEqual([1, 2, 3, 4, 5]);
      expect((await (await PgPortalStore.open(s.pool)).sections()).length).toBe(11);
    } finally {
      await s.drop();
    }
  });

  it('never lets a kept version be changed or deleted', async () => {
    const s = await freshSchema();
    try {
      const store = await PgPortalStore.open(s.pool);
      const item = sampleItem();
      await store.commit({
        item,
        expect: null,
        version: { itemId: item.id, version: 1, savedAt: item.createdAt, savedBy: 'a', title: 't', summary: '', bodyHtml: '', bodySha256: 'x' },
      });
      await expect(s.pool.query("UPDATE portal_versions SET title = 'x'")).rejects.toThrow(/versions are kept/);
      await expect(s.pool.query('DELETE FROM portal_versions')).rejects.toThrow(/versions are kept/);
    } finally {
      await s.drop();
    }
  });

  it('lets exactly one of two concurrent writers win a compare-and-set', async () => {
    const s = await freshSchema(8);
    try {
      const store = await PgPortalStore.open(s.pool);
      const v1 = sampleItem();
      await store.commit({ item: v1, expect: null });
      const results = await Promise.all(
        ['A', 'B', 'C', 'D'].map((who) =>
          store.commit({ item: { ...v1, version: 2, title: `Bản ${who}`, updatedBy: who }, expect: { version: 1, state: 'draft' } }),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      const won = ['A', 'B', 'C', 'D'][results.indexOf(true)];
      expect((await store.item('it1'))!.title).toBe(`Bản ${won}`);
    } finally {
      await s.drop();
    }
  });

  it('leaves nothing behind when a commit fails half way', async () => {
    const s = await freshSchema();
    try {
      const store = await PgPortalStore.open(s.pool);
      const item = sampleItem();
      const v = { itemId: item.id, version: 1, savedAt: item.createdAt, savedBy: 'a', title: 't', summary: '', bodyHtml: '', bodySha256: 'x' };
      await store.commit({ item, expect: null, version: v });
      // Version 1 exists already: the second insert fails, so the item's update must roll back with it.
      await expect(store.commit({ item: { ...item, title: 'Không được lưu' }, expect: { version: 1, state: 'draft' }, version: v })).rejects.toThrow();
      expect((await store.item('it1'))!.title).toBe(item.title);
    } finally {
      await s.drop();
    }
  });
});
