// The PortalStore on PostgreSQL, for the portal run as its own service (portal-main.ts) on one or more nodes.
// Same contract as the SQLite store (store-contract.ts): each commit is one transaction whose compare-and-set
// is a conditional UPDATE, so two nodes saving the same item at once cannot both win.

import type {
  ContentAttachment,
  ContentItem,
  ContentKind,
  ContentState,
  ContentTransition,
  ContentVersion,
  DelegateProfile,
  PortalFile,
  PortalLink,
  PortalSection,
} from '@hddt/protocol';
import pg from 'pg';
import type { Pool, PoolClient, PoolConfig } from 'pg';
import { searchText } from '../editorial/sqlite-store';
import { referencedFileIds, type ItemChange, type ItemFilter, type PortalStore, type SectionViews } from '../editorial/store';
import { migratePortalPg } from './migrate';

interface ItemRow {
  id: string;
  kind: ContentKind;
  section: string;
  state: ContentState;
  title: string;
  summary: string;
  body_html: string;
  document_number: string | null;
  issued_on: string | null;
  confidential: boolean;
  title_en: string | null;
  summary_en: string | null;
  effective_on: string | null;
  issuing_body: string | null;
  attachments: ContentAttachment[];
  links: PortalLink[];
  session_id: string | null;
  source: string | null;
  version: number;
  review_comment: string | null;
  publish_at: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

interface VersionRow {
  item_id: string;
  version: number;
  saved_at: string;
  saved_by: string;
  title: string;
  summary: string;
  body_html: string;
  body_sha256: string;
}

interface TransitionRow {
  item_id: string;
  at: string;
  by_user: string;
  from_state: ContentState;
  to_state: ContentState;
  action: ContentTransition['action'];
  comment: string | null;
  version: number;
}

const ITEM_COLUMNS =
  'id, kind, section, state, title, summary, body_html, document_number, issued_on, confidential, links, session_id, source, version, review_comment, publish_at, created_at, created_by, updated_at, updated_by, title_en, summary_en, effective_on, issuing_body, attachments';
const FILE_COLUMNS = 'id, name, content_type, size, sha256, width, height, uploaded_at, uploaded_by';

interface FileRow {
  id: string;
  name: string;
  content_type: string;
  size: number;
  sha256: string;
  width: number | null;
  height: number | null;
  uploaded_at: string;
  uploaded_by: string;
}

const toFile = (r: FileRow): PortalFile => ({
  id: r.id,
  name: r.name,
  contentType: r.content_type,
  size: r.size,
  sha256: r.sha256,
  width: r.width,
  height: r.height,
  uploadedAt: r.uploaded_at,
  uploadedBy: r.uploaded_by,
});
const TRANSITION_COLUMNS = 'item_id, at, by_user, from_state, to_state, action, comment, version';
const VERSION_COLUMNS = 'item_id, version, saved_at, saved_by, title, summary, body_html, body_sha256';
const PUBLIC = "state = 'published' AND confidential = FALSE AND publish_at IS NOT NULL AND publish_at <= $1";

const toItem = (r: ItemRow): ContentItem => ({
  id: r.id,
  kind: r.kind,
  section: r.section,
  state: r.state,
  title: r.title,
  summary: r.summary,
  titleEn: r.title_en,
  summaryEn: r.summary_en,
  bodyHtml: r.body_html,
  documentNumber: r.document_number,
  issuedOn: r.issued_on,
  effectiveOn: r.effective_on,
  issuingBody: r.issuing_body,
  attachments: r.attachments,
  confidential: r.confidential,
  links: r.links,
  sessionId: r.session_id,
  source: r.source,
  version: r.version,
  reviewComment: r.review_comment,
  publishAt: r.publish_at,
  createdAt: r.created_at,
  createdBy: r.created_by,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

const toVersion = (r: VersionRow): ContentVersion => ({
  itemId: r.item_id,
  version: r.version,
  savedAt: r.saved_at,
  savedBy: r.saved_by,
  title: r.title,
  summary: r.summary,
  bodyHtml: r.body_html,
  bodySha256: r.body_sha256,
});

const toTransition = (r: TransitionRow): ContentTransition => ({
  itemId: r.item_id,
  at: r.at,
  by: r.by_user,
  from: r.from_state,
  to: r.to_state,
  action: r.action,
  comment: r.comment,
  version: r.version,
});

/** A pool whose connections all use `schema` (tests get a fresh schema each; production uses public). */
export function createPgPool(connectionString: string, options: { schema?: string; max?: number } = {}): Pool {
  const config: PoolConfig = { connectionString, max: options.max ?? 10, application_name: 'hddt-portal' };
  if (options.schema) {
    if (!/^[a-z_][a-z0-9_]*$/.test(options.schema)) throw new Error(`invalid schema name: ${options.schema}`);
    config.options = `-c search_path=${options.schema}`;
  }
  const pool = new pg.Pool(config);
  // An idle connection dropped by the server (restart, network) must not crash the process; the next query
  // takes a fresh connection.
  pool.on('error', () => undefined);
  return pool;
}

export class PgPortalStore implements PortalStore {
  private constructor(readonly pool: Pool) {}

  /** Migrates (under the advisory lock) and returns a store on the pool. */
  static async open(pool: Pool): Promise<PgPortalStore> {
    await migratePortalPg(pool);
    return new PgPortalStore(pool);
  }

  private async rows<R>(sql: string, args: unknown[] = []): Promise<R[]> {
    return (await this.pool.query(sql, args)).rows as R[];
  }

  private async inTransaction<T>(run: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const out = await run(client);
      await client.query(out === false ? 'ROLLBACK' : 'COMMIT');
      return out;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async sections(): Promise<PortalSection[]> {
    const rows = await this.rows<{ key: string; kind: ContentKind; title_vi: string; title_en: string; built_in: boolean; position: number }>(
      'SELECT key, kind, title_vi, title_en, built_in, position FROM portal_sections ORDER BY position',
    );
    return rows.map((r) => ({ key: r.key, kind: r.kind, titleVi: r.title_vi, titleEn: r.title_en, builtIn: r.built_in, position: r.position }));
  }

  async addSection(s: Omit<PortalSection, 'position' | 'builtIn'>): Promise<boolean> {
    // The table lock orders concurrent additions so two never take the same position.
    return this.inTransaction(async (c) => {
      await c.query('LOCK TABLE portal_sections IN SHARE ROW EXCLUSIVE MODE');
      const r = await c.query(
        'INSERT INTO portal_sections (key, kind, title_vi, title_en, built_in, position) VALUES ($1, $2, $3, $4, FALSE, (SELECT COALESCE(MAX(position), 0) + 1 FROM portal_sections)) ON CONFLICT (key) DO NOTHING',
        [s.key, s.kind, s.titleVi, s.titleEn],
      );
      return r.rowCount === 1;
    });
  }

  async commit(change: ItemChange): Promise<boolean> {
    const it = change.item;
    const values = [
      it.id,
      it.kind,
      it.section,
      it.state,
      it.title,
      it.summary,
      it.bodyHtml,
      it.documentNumber,
      it.issuedOn,
      it.confidential,
      JSON.stringify(it.links),
      it.sessionId,
      it.source,
      it.version,
      it.reviewComment,
      it.publishAt,
      it.createdAt,
      it.createdBy,
      it.updatedAt,
      it.updatedBy,
      searchText(it),
      it.titleEn,
      it.summaryEn,
      it.effectiveOn,
      it.issuingBody,
      JSON.stringify(it.attachments),
    ];
    return this.inTransaction(async (c) => {
      if (change.expect === null) {
        const r = await c.query(
          `INSERT INTO portal_items (id, kind, section, state, title, summary, body_html, document_number, issued_on, confidential, links, session_id, source, version, review_comment, publish_at, created_at, created_by, updated_at, updated_by, search_fold, title_en, summary_en, effective_on, issuing_body, attachments)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26) ON CONFLICT (id) DO NOTHING`,
          values,
        );
        if (r.rowCount !== 1) return false;
      } else {
        // kind, created_at and created_by belong to the item's creation and are not changed by an update.
        const [
          id,
          ,
          section,
          state,
          title,
          summary,
          body,
          docNo,
          issuedOn,
          confidential,
          links,
          sessionId,
          source,
          version,
          comment,
          publishAt,
          ,
          ,
          updatedAt,
          updatedBy,
          fold,
          titleEn,
          summaryEn,
          effectiveOn,
          issuingBody,
          attachments,
        ] = values;
        const r = await c.query(
          `UPDATE portal_items SET section = $2, state = $3, title = $4, summary = $5, body_html = $6, document_number = $7, issued_on = $8, confidential = $9, links = $10, session_id = $11, source = $12, version = $13, review_comment = $14, publish_at = $15, updated_at = $16, updated_by = $17, search_fold = $18,
             title_en = $21, summary_en = $22, effective_on = $23, issuing_body = $24, attachments = $25
           WHERE id = $1 AND version = $19 AND state = $20`,
          [
            id,
            section,
            state,
            title,
            summary,
            body,
            docNo,
            issuedOn,
            confidential,
            links,
            sessionId,
            source,
            version,
            comment,
            publishAt,
            updatedAt,
            updatedBy,
            fold,
            change.expect.version,
            change.expect.state,
            titleEn,
            summaryEn,
            effectiveOn,
            issuingBody,
            attachments,
          ],
        );
        if (r.rowCount !== 1) return false;
      }
      await c.query('DELETE FROM portal_item_files WHERE item_id = $1', [it.id]);
      const fileIds = referencedFileIds(it);
      if (fileIds.length > 0) {
        await c.query('INSERT INTO portal_item_files (item_id, file_id) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING', [it.id, fileIds]);
        await c.query('INSERT INTO portal_file_refs (file_id, item_id) SELECT unnest($2::text[]), $1 ON CONFLICT DO NOTHING', [it.id, fileIds]);
      }
      const v = change.version;
      if (v) {
        await c.query(`INSERT INTO portal_versions (${VERSION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
          v.itemId,
          v.version,
          v.savedAt,
          v.savedBy,
          v.title,
          v.summary,
          v.bodyHtml,
          v.bodySha256,
        ]);
      }
      const t = change.transition;
      if (t) {
        await c.query(`INSERT INTO portal_transitions (${TRANSITION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
          t.itemId,
          t.at,
          t.by,
          t.from,
          t.to,
          t.action,
          t.comment,
          t.version,
        ]);
      }
      return true;
    });
  }

  async item(id: string): Promise<ContentItem | null> {
    const [r] = await this.rows<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM portal_items WHERE id = $1`, [id]);
    return r ? toItem(r) : null;
  }

  async items(filter: ItemFilter = {}): Promise<ContentItem[]> {
    const where: string[] = [];
    const args: string[] = [];
    const add = (column: string, value: string | undefined) => {
      if (value === undefined) return;
      args.push(value);
      where.push(`${column} = $${args.length}`);
    };
    add('state', filter.state);
    add('section', filter.section);
    add('kind', filter.kind);
    add('session_id', filter.sessionId);
    const sql = `SELECT ${ITEM_COLUMNS} FROM portal_items ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY updated_at DESC, id LIMIT 1000`;
    return (await this.rows<ItemRow>(sql, args)).map(toItem);
  }

  async versions(itemId: string): Promise<ContentVersion[]> {
    return (await this.rows<VersionRow>(`SELECT ${VERSION_COLUMNS} FROM portal_versions WHERE item_id = $1 ORDER BY version`, [itemId])).map(toVersion);
  }

  async version(itemId: string, version: number): Promise<ContentVersion | null> {
    const [r] = await this.rows<VersionRow>(`SELECT ${VERSION_COLUMNS} FROM portal_versions WHERE item_id = $1 AND version = $2`, [itemId, version]);
    return r ? toVersion(r) : null;
  }

  async transitions(itemId: string): Promise<ContentTransition[]> {
    return (await this.rows<TransitionRow>(`SELECT ${TRANSITION_COLUMNS} FROM portal_transitions WHERE item_id = $1 ORDER BY seq`, [itemId])).map(toTransition);
  }

  async publicItems(nowIso: string, filter: { section?: string; limit?: number } = {}): Promise<ContentItem[]> {
    const args: (string | number)[] = [nowIso];
    let sql = `SELECT ${ITEM_COLUMNS} FROM portal_items WHERE ${PUBLIC}`;
    if (filter.section) {
      args.push(filter.section);
      sql += ` AND section = $${args.length}`;
    }
    args.push(Math.min(filter.limit ?? 200, 1000));
    sql += ` ORDER BY publish_at DESC, id LIMIT $${args.length}`;
    return (await this.rows<ItemRow>(sql, args)).map(toItem);
  }

  async searchPublic(nowIso: string, foldedWords: readonly string[], limit = 50): Promise<ContentItem[]> {
    const words = foldedWords.filter((w) => w.length > 0).slice(0, 10);
    if (words.length === 0) return [];
    const patterns = words.map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const like = patterns.map((_, i) => `search_fold LIKE $${i + 2} ESCAPE '\\'`).join(' AND ');
    const sql = `SELECT ${ITEM_COLUMNS} FROM portal_items WHERE ${PUBLIC} AND ${like} ORDER BY publish_at DESC, id LIMIT $${patterns.length + 2}`;
    return (await this.rows<ItemRow>(sql, [nowIso, ...patterns, Math.min(limit, 200)])).map(toItem);
  }

  async countView(day: string, section: string): Promise<void> {
    await this.pool.query(
      'INSERT INTO portal_views (day, section, count) VALUES ($1, $2, 1) ON CONFLICT (day, section) DO UPDATE SET count = portal_views.count + 1',
      [day, section],
    );
  }

  async viewsBetween(fromDay: string, toDay: string): Promise<SectionViews[]> {
    const rows = await this.rows<{ section: string; views: string }>(
      'SELECT section, SUM(count) AS views FROM portal_views WHERE day >= $1 AND day <= $2 GROUP BY section ORDER BY section',
      [fromDay, toDay],
    );
    return rows.map((r) => ({ section: r.section, views: Number(r.views) }));
  }

  async delegateProfile(delegateId: string): Promise<DelegateProfile | null> {
    const [r] = await this.rows<{
      delegate_id: string;
      constituency: string;
      committees: string[];
      contact: string;
      photo_file_id: string | null;
      updated_at: string;
      updated_by: string;
    }>('SELECT delegate_id, constituency, committees, contact, photo_file_id, updated_at, updated_by FROM portal_delegate_profiles WHERE delegate_id = $1', [
      delegateId,
    ]);
    if (!r) return null;
    return {
      delegateId: r.delegate_id,
      constituency: r.constituency,
      committees: r.committees,
      contact: r.contact,
      photoFileId: r.photo_file_id,
      updatedAt: r.updated_at,
      updatedBy: r.updated_by,
    };
  }

  async saveDelegateProfile(p: DelegateProfile): Promise<void> {
    await this.pool.query(
      `INSERT INTO portal_delegate_profiles (delegate_id, constituency, committees, contact, photo_file_id, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (delegate_id) DO UPDATE SET constituency = excluded.constituency, committees = excluded.committees, contact = excluded.contact, photo_file_id = excluded.photo_file_id, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      [p.delegateId, p.constituency, JSON.stringify(p.committees), p.contact, p.photoFileId, p.updatedAt, p.updatedBy],
    );
  }

  async saveFile(m: PortalFile, bytes: Uint8Array): Promise<boolean> {
    const r = await this.pool.query(
      `INSERT INTO portal_files (${FILE_COLUMNS}, bytes) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING`,
      [
        m.id,
        m.name,
        m.contentType,
        m.size,
        m.sha256,
        m.width,
        m.height,
        m.uploadedAt,
        m.uploadedBy,
        Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      ],
    );
    return r.rowCount === 1;
  }

  async fileMeta(id: string): Promise<PortalFile | null> {
    const [r] = await this.rows<FileRow>(`SELECT ${FILE_COLUMNS} FROM portal_files WHERE id = $1`, [id]);
    return r ? toFile(r) : null;
  }

  async file(id: string): Promise<{ meta: PortalFile; bytes: Uint8Array } | null> {
    const [r] = await this.rows<FileRow & { bytes: Buffer }>(`SELECT ${FILE_COLUMNS}, bytes FROM portal_files WHERE id = $1`, [id]);
    return r ? { meta: toFile(r), bytes: new Uint8Array(r.bytes) } : null;
  }

  async fileIsPublic(nowIso: string, id: string): Promise<boolean> {
    const rows = await this.rows(
      `SELECT 1 FROM portal_item_files f JOIN portal_items i ON i.id = f.item_id
         WHERE f.file_id = $2 AND i.state = 'published' AND i.confidential = FALSE AND i.publish_at IS NOT NULL AND i.publish_at <= $1
       UNION ALL SELECT 1 FROM portal_delegate_profiles WHERE photo_file_id = $2 LIMIT 1`,
      [nowIso, id],
    );
    return rows.length > 0;
  }

  async removeUnusedFiles(uploadedBeforeIso: string): Promise<string[]> {
    // The version and item bodies are searched too, for images of versions saved before portal_file_refs.
    const rows = await this.rows<{ id: string }>(
      `DELETE FROM portal_files f WHERE f.uploaded_at COLLATE "C" < $1
         AND NOT EXISTS (SELECT 1 FROM portal_file_refs r WHERE r.file_id = f.id)
         AND NOT EXISTS (SELECT 1 FROM portal_item_files r WHERE r.file_id = f.id)
         AND NOT EXISTS (SELECT 1 FROM portal_delegate_profiles d WHERE d.photo_file_id = f.id)
         AND NOT EXISTS (SELECT 1 FROM portal_items i WHERE strpos(i.attachments::text, f.id) > 0 OR strpos(i.body_html, '/tep/' || f.id) > 0)
         AND NOT EXISTS (SELECT 1 FROM portal_versions v WHERE strpos(v.body_html, '/tep/' || f.id) > 0)
       RETURNING f.id`,
      [uploadedBeforeIso],
    );
    return rows.map((r) => r.id).sort();
  }

  async transitionsBetween(fromIso: string, toIso: string): Promise<ContentTransition[]> {
    return (
      await this.rows<TransitionRow>(`SELECT ${TRANSITION_COLUMNS} FROM portal_transitions WHERE at >= $1 AND at < $2 ORDER BY seq`, [fromIso, toIso])
    ).map(toTransition);
  }
}
