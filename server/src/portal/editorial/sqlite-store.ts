// The default PortalStore: tables in the hall's SQLite file, with the portal's own forward-only migrations
// (portal_migrations) so the portal's schema moves independently of the hall's and can be lifted out.

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
import { BUILT_IN_SECTIONS } from '@hddt/protocol';
import type { Db } from '../../storage/database';
import { fold } from '../public-data';
import { referencedFileIds, type ItemChange, type ItemFilter, type PortalStore, type SectionViews } from './store';

const MIGRATIONS: readonly { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
CREATE TABLE portal_sections (
  key       TEXT PRIMARY KEY,
  kind      TEXT NOT NULL CHECK (kind IN ('article', 'page', 'document')),
  title_vi  TEXT NOT NULL,
  title_en  TEXT NOT NULL,
  built_in  INTEGER NOT NULL,
  position  INTEGER NOT NULL
);
CREATE TABLE portal_items (
  id              TEXT PRIMARY KEY,
  kind            TEXT NOT NULL CHECK (kind IN ('article', 'page', 'document')),
  section         TEXT NOT NULL REFERENCES portal_sections (key),
  state           TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'published', 'withdrawn')),
  title           TEXT NOT NULL,
  summary         TEXT NOT NULL,
  body_html       TEXT NOT NULL,
  document_number TEXT,
  issued_on       TEXT,
  confidential    INTEGER NOT NULL,
  links_json      TEXT NOT NULL,
  session_id      TEXT,
  source          TEXT,
  version         INTEGER NOT NULL,
  review_comment  TEXT,
  publish_at      TEXT,
  created_at      TEXT NOT NULL,
  created_by      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  updated_by      TEXT NOT NULL,
  search_fold     TEXT NOT NULL
);
CREATE INDEX portal_items_public ON portal_items (state, publish_at);
CREATE INDEX portal_items_session ON portal_items (session_id);
CREATE TABLE portal_versions (
  item_id     TEXT NOT NULL REFERENCES portal_items (id),
  version     INTEGER NOT NULL,
  saved_at    TEXT NOT NULL,
  saved_by    TEXT NOT NULL,
  title       TEXT NOT NULL,
  summary     TEXT NOT NULL,
  body_html   TEXT NOT NULL,
  body_sha256 TEXT NOT NULL,
  PRIMARY KEY (item_id, version)
);
CREATE TRIGGER portal_versions_kept BEFORE UPDATE ON portal_versions BEGIN SELECT RAISE(ABORT, 'versions are kept'); END;
CREATE TRIGGER portal_versions_never_deleted BEFORE DELETE ON portal_versions BEGIN SELECT RAISE(ABORT, 'versions are kept'); END;
CREATE TABLE portal_transitions (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  item_id    TEXT NOT NULL REFERENCES portal_items (id),
  at         TEXT NOT NULL,
  by_user    TEXT NOT NULL,
  from_state TEXT NOT NULL,
  to_state   TEXT NOT NULL,
  action     TEXT NOT NULL,
  comment    TEXT,
  version    INTEGER NOT NULL
);
CREATE INDEX portal_transitions_at ON portal_transitions (at);
CREATE TABLE portal_views (
  day     TEXT NOT NULL,
  section TEXT NOT NULL,
  count   INTEGER NOT NULL,
  PRIMARY KEY (day, section)
);
`,
  },
  {
    version: 2,
    sql: `
CREATE TABLE portal_delegate_profiles (
  delegate_id     TEXT PRIMARY KEY,
  constituency    TEXT NOT NULL,
  committees_json TEXT NOT NULL,
  contact         TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  updated_by      TEXT NOT NULL
);
`,
  },
  {
    version: 3,
    sql: `
ALTER TABLE portal_items ADD COLUMN title_en TEXT;
ALTER TABLE portal_items ADD COLUMN summary_en TEXT;
ALTER TABLE portal_items ADD COLUMN effective_on TEXT;
ALTER TABLE portal_items ADD COLUMN issuing_body TEXT;
ALTER TABLE portal_items ADD COLUMN attachments_json TEXT NOT NULL DEFAULT '[]';
ALTER TABLE portal_delegate_profiles ADD COLUMN photo_file_id TEXT;
CREATE TABLE portal_files (
  id           TEXT PRIMARY KEY,
  name         TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size         INTEGER NOT NULL,
  sha256       TEXT NOT NULL,
  width        INTEGER,
  height       INTEGER,
  uploaded_at  TEXT NOT NULL,
  uploaded_by  TEXT NOT NULL,
  bytes        BLOB NOT NULL
);
CREATE TRIGGER portal_files_kept BEFORE UPDATE ON portal_files BEGIN SELECT RAISE(ABORT, 'files are never changed'); END;
CREATE TABLE portal_item_files (
  item_id TEXT NOT NULL REFERENCES portal_items (id),
  file_id TEXT NOT NULL,
  PRIMARY KEY (item_id, file_id)
);
CREATE INDEX portal_item_files_file ON portal_item_files (file_id);
CREATE INDEX portal_delegate_profiles_photo ON portal_delegate_profiles (photo_file_id);
`,
  },
  {
    // Every file an item has ever used, never forgotten (portal_item_files holds only what each item uses
    // now): the clean-up of unused uploads keeps these, so older versions keep their files.
    version: 4,
    sql: `
CREATE TABLE portal_file_refs (
  file_id TEXT NOT NULL,
  item_id TEXT NOT NULL REFERENCES portal_items (id),
  PRIMARY KEY (file_id, item_id)
);
CREATE TRIGGER portal_file_refs_kept BEFORE DELETE ON portal_file_refs BEGIN SELECT RAISE(ABORT, 'file references are kept'); END;
INSERT OR IGNORE INTO portal_file_refs (file_id, item_id) SELECT file_id, item_id FROM portal_item_files;
CREATE INDEX portal_files_uploaded ON portal_files (uploaded_at);
`,
  },
];

interface ItemRow {
  id: string;
  kind: ContentKind;
  section: string;
  state: ContentState;
  title: string;
  summary: string;
  title_en: string | null;
  summary_en: string | null;
  body_html: string;
  document_number: string | null;
  issued_on: string | null;
  effective_on: string | null;
  issuing_body: string | null;
  attachments_json: string;
  confidential: number;
  links_json: string;
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

function toItem(r: ItemRow): ContentItem {
  return {
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
    attachments: JSON.parse(r.attachments_json) as ContentAttachment[],
    confidential: r.confidential === 1,
    links: JSON.parse(r.links_json) as PortalLink[],
    sessionId: r.session_id,
    source: r.source,
    version: r.version,
    reviewComment: r.review_comment,
    publishAt: r.publish_at,
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}

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

/** The folded text a search runs over: title, number, summary and the body's text. */
export function searchText(item: ContentItem): string {
  const body = item.bodyHtml.replace(/<[^>]*>/g, ' ');
  return fold([item.title, item.documentNumber ?? '', item.issuingBody ?? '', item.summary, item.titleEn ?? '', item.summaryEn ?? '', body].join(' \u0001 '));
}

export function migratePortal(db: Db, nowIso: string): void {
  db.exec('CREATE TABLE IF NOT EXISTS portal_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  const applied = new Set((db.prepare('SELECT version FROM portal_migrations').all() as { version: number }[]).map((r) => r.version));
  for (const m of MIGRATIONS) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      if (m.version === 1) {
        const insert = db.prepare('INSERT INTO portal_sections (key, kind, title_vi, title_en, built_in, position) VALUES (?, ?, ?, ?, 1, ?)');
        BUILT_IN_SECTIONS.forEach((s, i) => insert.run(s.key, s.kind, s.titleVi, s.titleEn, i + 1));
      }
      db.prepare('INSERT INTO portal_migrations (version, applied_at) VALUES (?, ?)').run(m.version, nowIso);
    })();
  }
}

const ITEM_COLUMNS =
  'id, kind, section, state, title, summary, title_en, summary_en, body_html, document_number, issued_on, effective_on, issuing_body, attachments_json, confidential, links_json, session_id, source, version, review_comment, publish_at, created_at, created_by, updated_at, updated_by';
const FILE_COLUMNS = 'id, name, content_type, size, sha256, width, height, uploaded_at, uploaded_by';
const PUBLIC_ITEM = "state = 'published' AND confidential = 0 AND publish_at IS NOT NULL AND publish_at <= ?";

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

export class SqlitePortalStore implements PortalStore {
  private readonly q;

  constructor(
    private readonly db: Db,
    nowIso = new Date().toISOString(),
  ) {
    migratePortal(db, nowIso);
    const p = (sql: string) => db.prepare(sql);
    this.q = {
      sections: p('SELECT key, kind, title_vi, title_en, built_in, position FROM portal_sections ORDER BY position'),
      addSection: p(
        'INSERT OR IGNORE INTO portal_sections (key, kind, title_vi, title_en, built_in, position) VALUES (?, ?, ?, ?, 0, (SELECT COALESCE(MAX(position), 0) + 1 FROM portal_sections))',
      ),
      item: p(`SELECT ${ITEM_COLUMNS} FROM portal_items WHERE id = ?`),
      insertItem: p(
        `INSERT INTO portal_items (${ITEM_COLUMNS}, search_fold) VALUES (@id, @kind, @section, @state, @title, @summary, @title_en, @summary_en, @body_html, @document_number, @issued_on, @effective_on, @issuing_body, @attachments_json, @confidential, @links_json, @session_id, @source, @version, @review_comment, @publish_at, @created_at, @created_by, @updated_at, @updated_by, @search_fold)`,
      ),
      updateItem: p(
        `UPDATE portal_items SET section = @section, state = @state, title = @title, summary = @summary, title_en = @title_en, summary_en = @summary_en, body_html = @body_html, document_number = @document_number, issued_on = @issued_on, effective_on = @effective_on, issuing_body = @issuing_body, attachments_json = @attachments_json, confidential = @confidential, links_json = @links_json, session_id = @session_id, source = @source, version = @version, review_comment = @review_comment, publish_at = @publish_at, updated_at = @updated_at, updated_by = @updated_by, search_fold = @search_fold WHERE id = @id AND version = @expect_version AND state = @expect_state`,
      ),
      insertVersion: p(
        'INSERT INTO portal_versions (item_id, version, saved_at, saved_by, title, summary, body_html, body_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      insertTransition: p(
        'INSERT INTO portal_transitions (item_id, at, by_user, from_state, to_state, action, comment, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      versions: p('SELECT * FROM portal_versions WHERE item_id = ? ORDER BY version'),
      version: p('SELECT * FROM portal_versions WHERE item_id = ? AND version = ?'),
      transitions: p('SELECT * FROM portal_transitions WHERE item_id = ? ORDER BY seq'),
      transitionsBetween: p('SELECT * FROM portal_transitions WHERE at >= ? AND at < ? ORDER BY seq'),
      countView: p('INSERT INTO portal_views (day, section, count) VALUES (?, ?, 1) ON CONFLICT (day, section) DO UPDATE SET count = count + 1'),
      profile: p(
        'SELECT delegate_id, constituency, committees_json, contact, photo_file_id, updated_at, updated_by FROM portal_delegate_profiles WHERE delegate_id = ?',
      ),
      saveProfile: p(
        'INSERT INTO portal_delegate_profiles (delegate_id, constituency, committees_json, contact, photo_file_id, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (delegate_id) DO UPDATE SET constituency = excluded.constituency, committees_json = excluded.committees_json, contact = excluded.contact, photo_file_id = excluded.photo_file_id, updated_at = excluded.updated_at, updated_by = excluded.updated_by',
      ),
      clearItemFiles: p('DELETE FROM portal_item_files WHERE item_id = ?'),
      addItemFile: p('INSERT OR IGNORE INTO portal_item_files (item_id, file_id) VALUES (?, ?)'),
      addFileRef: p('INSERT OR IGNORE INTO portal_file_refs (file_id, item_id) VALUES (?, ?)'),
      // The version and item bodies are searched too, for images of versions saved before portal_file_refs.
      removeUnusedFiles: p(
        `DELETE FROM portal_files WHERE id IN (SELECT f.id FROM portal_files f WHERE f.uploaded_at < ?
           AND NOT EXISTS (SELECT 1 FROM portal_file_refs r WHERE r.file_id = f.id)
           AND NOT EXISTS (SELECT 1 FROM portal_item_files r WHERE r.file_id = f.id)
           AND NOT EXISTS (SELECT 1 FROM portal_delegate_profiles d WHERE d.photo_file_id = f.id)
           AND NOT EXISTS (SELECT 1 FROM portal_items i WHERE instr(i.attachments_json, f.id) > 0 OR instr(i.body_html, '/tep/' || f.id) > 0)
           AND NOT EXISTS (SELECT 1 FROM portal_versions v WHERE instr(v.body_html, '/tep/' || f.id) > 0)) RETURNING id`,
      ),
      insertFile: p(`INSERT OR IGNORE INTO portal_files (${FILE_COLUMNS}, bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      fileMeta: p(`SELECT ${FILE_COLUMNS} FROM portal_files WHERE id = ?`),
      file: p(`SELECT ${FILE_COLUMNS}, bytes FROM portal_files WHERE id = ?`),
      fileIsPublic: p(
        `SELECT 1 FROM portal_item_files f JOIN portal_items i ON i.id = f.item_id WHERE f.file_id = ? AND i.state = 'published' AND i.confidential = 0 AND i.publish_at IS NOT NULL AND i.publish_at <= ? UNION ALL SELECT 1 FROM portal_delegate_profiles WHERE photo_file_id = ? LIMIT 1`,
      ),
      viewsBetween: p('SELECT section, SUM(count) AS views FROM portal_views WHERE day >= ? AND day <= ? GROUP BY section ORDER BY section'),
    };
  }

  async sections(): Promise<PortalSection[]> {
    const rows = this.q.sections.all() as { key: string; kind: ContentKind; title_vi: string; title_en: string; built_in: number; position: number }[];
    return rows.map((r) => ({ key: r.key, kind: r.kind, titleVi: r.title_vi, titleEn: r.title_en, builtIn: r.built_in === 1, position: r.position }));
  }

  async addSection(s: Omit<PortalSection, 'position' | 'builtIn'>): Promise<boolean> {
    return this.q.addSection.run(s.key, s.kind, s.titleVi, s.titleEn).changes === 1;
  }

  async commit(change: ItemChange): Promise<boolean> {
    const it = change.item;
    const row = {
      id: it.id,
      kind: it.kind,
      section: it.section,
      state: it.state,
      title: it.title,
      summary: it.summary,
      title_en: it.titleEn,
      summary_en: it.summaryEn,
      body_html: it.bodyHtml,
      document_number: it.documentNumber,
      issued_on: it.issuedOn,
      effective_on: it.effectiveOn,
      issuing_body: it.issuingBody,
      attachments_json: JSON.stringify(it.attachments),
      confidential: it.confidential ? 1 : 0,
      links_json: JSON.stringify(it.links),
      session_id: it.sessionId,
      source: it.source,
      version: it.version,
      review_comment: it.reviewComment,
      publish_at: it.publishAt,
      created_at: it.createdAt,
      created_by: it.createdBy,
      updated_at: it.updatedAt,
      updated_by: it.updatedBy,
      search_fold: searchText(it),
    };
    return this.db.transaction(() => {
      if (change.expect === null) {
        if (this.q.item.get(it.id)) return false;
        this.q.insertItem.run(row);
      } else {
        const r = this.q.updateItem.run({ ...row, expect_version: change.expect.version, expect_state: change.expect.state });
        if (r.changes !== 1) return false;
      }
      this.q.clearItemFiles.run(it.id);
      for (const fileId of referencedFileIds(it)) {
        this.q.addItemFile.run(it.id, fileId);
        this.q.addFileRef.run(fileId, it.id);
      }
      const v = change.version;
      if (v) this.q.insertVersion.run(v.itemId, v.version, v.savedAt, v.savedBy, v.title, v.summary, v.bodyHtml, v.bodySha256);
      const t = change.transition;
      if (t) this.q.insertTransition.run(t.itemId, t.at, t.by, t.from, t.to, t.action, t.comment, t.version);
      return true;
    })();
  }

  async item(id: string): Promise<ContentItem | null> {
    const r = this.q.item.get(id) as ItemRow | undefined;
    return r ? toItem(r) : null;
  }

  async items(filter: ItemFilter = {}): Promise<ContentItem[]> {
    const where: string[] = [];
    const args: string[] = [];
    const add = (clause: string, value: string | undefined) => {
      if (value === undefined) return;
      where.push(clause);
      args.push(value);
    };
    add('state = ?', filter.state);
    add('section = ?', filter.section);
    add('kind = ?', filter.kind);
    add('session_id = ?', filter.sessionId);
    const sql = `SELECT ${ITEM_COLUMNS} FROM portal_items ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY updated_at DESC, id LIMIT 1000`;
    return (this.db.prepare(sql).all(...args) as ItemRow[]).map(toItem);
  }

  async versions(itemId: string): Promise<ContentVersion[]> {
    return (this.q.versions.all(itemId) as VersionRow[]).map(toVersion);
  }

  async version(itemId: string, version: number): Promise<ContentVersion | null> {
    const r = this.q.version.get(itemId, version) as VersionRow | undefined;
    return r ? toVersion(r) : null;
  }

  async transitions(itemId: string): Promise<ContentTransition[]> {
    return (this.q.transitions.all(itemId) as TransitionRow[]).map(toTransition);
  }

  async publicItems(nowIso: string, filter: { section?: string; limit?: number } = {}): Promise<ContentItem[]> {
    const args: (string | number)[] = [nowIso];
    let sql = `SELECT ${ITEM_COLUMNS} FROM portal_items WHERE ${PUBLIC_ITEM}`;
    if (filter.section) {
      sql += ' AND section = ?';
      args.push(filter.section);
    }
    sql += ' ORDER BY publish_at DESC, id LIMIT ?';
    args.push(Math.min(filter.limit ?? 200, 1000));
    return (this.db.prepare(sql).all(...args) as ItemRow[]).map(toItem);
  }

  async searchPublic(nowIso: string, foldedWords: readonly string[], limit = 50): Promise<ContentItem[]> {
    const words = foldedWords.filter((w) => w.length > 0).slice(0, 10);
    if (words.length === 0) return [];
    const like = words.map(() => "search_fold LIKE ? ESCAPE '\\'").join(' AND ');
    const sql = `SELECT ${ITEM_COLUMNS} FROM portal_items WHERE ${PUBLIC_ITEM} AND ${like} ORDER BY publish_at DESC LIMIT ?`;
    const args = words.map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    return (this.db.prepare(sql).all(nowIso, ...args, Math.min(limit, 200)) as ItemRow[]).map(toItem);
  }

  async countView(day: string, section: string): Promise<void> {
    this.q.countView.run(day, section);
  }

  async viewsBetween(fromDay: string, toDay: string): Promise<SectionViews[]> {
    return this.q.viewsBetween.all(fromDay, toDay) as SectionViews[];
  }

  async delegateProfile(delegateId: string): Promise<DelegateProfile | null> {
    const r = this.q.profile.get(delegateId) as
      | {
          delegate_id: string;
          constituency: string;
          committees_json: string;
          contact: string;
          photo_file_id: string | null;
          updated_at: string;
          updated_by: string;
        }
      | undefined;
    if (!r) return null;
    return {
      delegateId: r.delegate_id,
      constituency: r.constituency,
      committees: JSON.parse(r.committees_json) as string[],
      contact: r.contact,
      photoFileId: r.photo_file_id,
      updatedAt: r.updated_at,
      updatedBy: r.updated_by,
    };
  }

  async saveDelegateProfile(p: DelegateProfile): Promise<void> {
    this.q.saveProfile.run(p.delegateId, p.constituency, JSON.stringify(p.committees), p.contact, p.photoFileId, p.updatedAt, p.updatedBy);
  }

  async saveFile(m: PortalFile, bytes: Uint8Array): Promise<boolean> {
    return (
      this.q.insertFile.run(
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
      ).changes === 1
    );
  }

  async fileMeta(id: string): Promise<PortalFile | null> {
    const r = this.q.fileMeta.get(id) as FileRow | undefined;
    return r ? toFile(r) : null;
  }

  async file(id: string): Promise<{ meta: PortalFile; bytes: Uint8Array } | null> {
    const r = this.q.file.get(id) as (FileRow & { bytes: Buffer }) | undefined;
    return r ? { meta: toFile(r), bytes: new Uint8Array(r.bytes) } : null;
  }

  async fileIsPublic(nowIso: string, id: string): Promise<boolean> {
    return this.q.fileIsPublic.get(id, nowIso, id) !== undefined;
  }

  async removeUnusedFiles(uploadedBeforeIso: string): Promise<string[]> {
    return (this.q.removeUnusedFiles.all(uploadedBeforeIso) as { id: string }[]).map((r) => r.id).sort();
  }

  async transitionsBetween(fromIso: string, toIso: string): Promise<ContentTransition[]> {
    return (this.q.transitionsBetween.all(fromIso, toIso) as TransitionRow[]).map(toTransition);
  }
}
