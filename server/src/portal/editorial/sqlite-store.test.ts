import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../storage/database';
import { SqlitePortalStore, migratePortal } from './sqlite-store';
import { fileRouteContract } from './file-route-contract';
import { portalStoreContract, sampleFile, sampleItem } from './store-contract';

function tempDb() {
  const dir = mkdtempSync(path.join(tmpdir(), 'hddt-portal-store-'));
  const db = openDatabase(path.join(dir, 'db.sqlite'));
  return { db, dir };
}

const sqliteFactory = async () => {
  const { db, dir } = tempDb();
  return {
    store: new SqlitePortalStore(db),
    dispose: async () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

portalStoreContract('SQLite', sqliteFactory);
fileRouteContract('SQLite', sqliteFactory);

describe('SQLite portal store specifics', () => {
  it('migrates once, forward only, and never lets a kept version be changed or deleted', async () => {
    const { db, dir } = tempDb();
    try {
      const store = new SqlitePortalStore(db);
      migratePortal(db, new Date().toISOString());
      expect((db.prepare('SELECT COUNT(*) AS n FROM portal_migrations').get() as { n: number }).n).toBe(4);
      const item = sampleItem();
      await store.commit({
        item,
        expect: null,
        version: { itemId: item.id, version: 1, savedAt: item.createdAt, savedBy: 'a', title: 't', summary: '', bodyHtml: '', bodySha256: 'x' },
      });
      expect(() => db.prepare("UPDATE portal_versions SET title = 'x'").run()).toThrow(/versions are kept/);
      expect(() => db.prepare('DELETE FROM portal_versions').run()).toThrow(/versions are kept/);
      await store.saveFile(sampleFile(), new Uint8Array([1, 2, 3]));
      expect(() => db.prepare("UPDATE portal_files SET name = 'x'").run()).toThrow(/files are never changed/);
      await store.commit({
        item: { ...item, id: 'f', attachments: [{ fileId: 'f1', title: 'T', name: 'a.pdf', contentType: 'application/pdf', size: 3 }] },
        expect: null,
      });
      expect(() => db.prepare('DELETE FROM portal_file_refs').run()).toThrow(/file references are kept/);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('migrates a store from before file references were remembered: the files its items use stay kept', async () => {
    const { db, dir } = tempDb();
    try {
      new SqlitePortalStore(db);
      db.exec(`DELETE FROM portal_migrations WHERE version = 4; DROP TRIGGER portal_file_refs_kept; DROP TABLE portal_file_refs;
        DROP INDEX portal_files_uploaded;`);
      // Written by the version-3 store: an item using f1 (portal_item_files), no portal_file_refs yet.
      const item = sampleItem({ attachments: [{ fileId: 'f1', title: 'T', name: 'a.pdf', contentType: 'application/pdf', size: 3 }] });
      db.prepare(
        'INSERT INTO portal_files (id, name, content_type, size, sha256, width, height, uploaded_at, uploaded_by, bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ).run('f1', 'a.pdf', 'application/pdf', 3, 'x', null, null, '2026-01-01T00:00:00.000Z', 'a', Buffer.from([1, 2, 3]));
      db.prepare(
        `INSERT INTO portal_items (id, kind, section, state, title, summary, body_html, document_number, issued_on, confidential, links_json, session_id, source, version, review_comment, publish_at, created_at, created_by, updated_at, updated_by, search_fold, attachments_json)
         VALUES ('it1', 'article', 'tin-tuc', 'draft', 'Cũ', '', '<p>x</p>', NULL, NULL, 0, '[]', NULL, NULL, 1, NULL, NULL, 't', 'a', 't', 'a', 'cu', ?)`,
      ).run(JSON.stringify(item.attachments));
      db.prepare("INSERT INTO portal_item_files (item_id, file_id) VALUES ('it1', 'f1')").run();
      const store = new SqlitePortalStore(db);
      // The item drops the attachment: the file was used by its earlier state, so it is kept.
      const edited = { ...item, version: 2, attachments: [] };
      expect(await store.commit({ item: edited, expect: { version: 1, state: 'draft' } })).toBe(true);
      expect(await store.removeUnusedFiles('2026-12-31T00:00:00.000Z')).toEqual([]);
      expect(await store.fileMeta('f1')).not.toBeNull();
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('migrates a database written before files existed: its items read back with no attachments and no dates', async () => {
    const { db, dir } = tempDb();
    try {
      new SqlitePortalStore(db);
      db.prepare('DELETE FROM portal_migrations WHERE version = 3').run();
      // Rebuild the version-2 shape: the columns and tables of migration 3 did not exist.
      db.exec(`DROP TABLE portal_item_files; DROP TABLE portal_files;
        ALTER TABLE portal_items DROP COLUMN title_en; ALTER TABLE portal_items DROP COLUMN summary_en;
        ALTER TABLE portal_items DROP COLUMN effective_on; ALTER TABLE portal_items DROP COLUMN issuing_body;
        ALTER TABLE portal_items DROP COLUMN attachments_json;
        DROP INDEX portal_delegate_profiles_photo; ALTER TABLE portal_delegate_profiles DROP COLUMN photo_file_id;`);
      db.prepare(
        `INSERT INTO portal_items (id, kind, section, state, title, summary, body_html, document_number, issued_on, confidential, links_json, session_id, source, version, review_comment, publish_at, created_at, created_by, updated_at, updated_by, search_fold)
         VALUES ('old', 'document', 'nghi-quyet', 'draft', 'Cũ', '', '<p>x</p>', '1/NQ-HĐND', '2026-01-02', 0, '[]', NULL, NULL, 1, NULL, NULL, 't', 'a', 't', 'a', 'cu')`,
      ).run();
      const store = new SqlitePortalStore(db);
      expect(await store.item('old')).toMatchObject({
        id: 'old',
        documentNumber: '1/NQ-HĐND',
        issuedOn: '2026-01-02',
        effectiveOn: null,
        issuingBody: null,
        titleEn: null,
        attachments: [],
      });
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
