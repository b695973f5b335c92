// The portal's PostgreSQL schema, forward only. A migration is never edited once landed: a change is a new
// numbered entry. Mirrors the SQLite store's tables (sqlite-store.ts) in PostgreSQL types; timestamps stay ISO
// text so both stores return exactly what they were given, and ISO text sorts as time does (in
// the "C" collation, which the ordered columns use so both stores order alike whatever the server's locale).

import type { PgMigration } from './migrate';

export const PG_MIGRATIONS: readonly PgMigration[] = [
  {
    version: 1,
    name: 'editorial portal',
    sql: `
CREATE TABLE portal_sections (
  key       TEXT PRIMARY KEY,
  kind      TEXT NOT NULL CHECK (kind IN ('article', 'page', 'document')),
  title_vi  TEXT NOT NULL,
  title_en  TEXT NOT NULL,
  built_in  BOOLEAN NOT NULL,
  position  INTEGER NOT NULL
);
INSERT INTO portal_sections (key, kind, title_vi, title_en, built_in, position) VALUES
  ('tin-tuc', 'article', 'Tin tức', 'News', TRUE, 1),
  ('su-kien', 'article', 'Sự kiện', 'Events', TRUE, 2),
  ('gioi-thieu', 'page', 'Giới thiệu', 'About the council', TRUE, 3),
  ('lien-he', 'page', 'Liên hệ', 'Contact', TRUE, 4),
  ('chuong-trinh-hanh-dong', 'document', 'Chương trình hành động', 'Action programmes', TRUE, 5),
  ('quy-hoach', 'document', 'Quy hoạch', 'Planning', TRUE, 6),
  ('van-ban-dieu-hanh', 'document', 'Văn bản điều hành', 'Executive documents', TRUE, 7),
  ('thu-tuc-hanh-chinh', 'document', 'Thủ tục hành chính', 'Administrative procedures', TRUE, 8),
  ('van-ban-qppl', 'document', 'Văn bản quy phạm pháp luật', 'Legal normative documents', TRUE, 9),
  ('nghi-quyet', 'document', 'Nghị quyết', 'Resolutions', TRUE, 10),
  ('ky-yeu', 'document', 'Kỷ yếu', 'Session archive (Kỷ yếu)', TRUE, 11);
CREATE TABLE portal_items (
  id              TEXT COLLATE "C" PRIMARY KEY,
  kind            TEXT NOT NULL CHECK (kind IN ('article', 'page', 'document')),
  section         TEXT NOT NULL REFERENCES portal_sections (key),
  state           TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'published', 'withdrawn')),
  title           TEXT NOT NULL,
  summary         TEXT NOT NULL,
  body_html       TEXT NOT NULL,
  document_number TEXT,
  issued_on       TEXT,
  confidential    BOOLEAN NOT NULL,
  links           JSONB NOT NULL,
  session_id      TEXT,
  source          TEXT,
  version         INTEGER NOT NULL,
  review_comment  TEXT,
  publish_at      TEXT COLLATE "C",
  created_at      TEXT NOT NULL,
  created_by      TEXT NOT NULL,
  updated_at      TEXT COLLATE "C" NOT NULL,
  updated_by      TEXT NOT NULL,
  search_fold     TEXT NOT NULL
);
CREATE INDEX portal_items_public ON portal_items (state, publish_at DESC) WHERE confidential = FALSE;
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
CREATE FUNCTION portal_versions_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'versions are kept';
END $$;
CREATE TRIGGER portal_versions_kept BEFORE UPDATE OR DELETE ON portal_versions FOR EACH ROW EXECUTE FUNCTION portal_versions_kept();
CREATE TABLE portal_transitions (
  seq        BIGSERIAL PRIMARY KEY,
  item_id    TEXT NOT NULL REFERENCES portal_items (id),
  at         TEXT COLLATE "C" NOT NULL,
  by_user    TEXT NOT NULL,
  from_state TEXT NOT NULL,
  to_state   TEXT NOT NULL,
  action     TEXT NOT NULL,
  comment    TEXT,
  version    INTEGER NOT NULL
);
CREATE INDEX portal_transitions_item ON portal_transitions (item_id, seq);
CREATE INDEX portal_transitions_at ON portal_transitions (at);
CREATE TABLE portal_views (
  day     TEXT COLLATE "C" NOT NULL,
  section TEXT COLLATE "C" NOT NULL,
  count   BIGINT NOT NULL,
  PRIMARY KEY (day, section)
);
CREATE TABLE portal_delegate_profiles (
  delegate_id  TEXT PRIMARY KEY,
  constituency TEXT NOT NULL,
  committees   JSONB NOT NULL,
  contact      TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  updated_by   TEXT NOT NULL
);
`,
  },
  {
    version: 2,
    name: 'published hall log',
    sql: `
CREATE TABLE portal_log (
  seq       BIGINT PRIMARY KEY,
  at        TEXT NOT NULL,
  actor     TEXT NOT NULL,
  type      TEXT NOT NULL,
  payload   TEXT,
  prev_hash TEXT NOT NULL,
  hash      TEXT NOT NULL,
  received_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE FUNCTION portal_log_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the published log is append-only';
END $$;
CREATE TRIGGER portal_log_kept BEFORE UPDATE OR DELETE ON portal_log FOR EACH ROW EXECUTE FUNCTION portal_log_kept();
`,
  },
  {
    version: 3,
    name: 'files, attachments, document dates and issuing body, English title and summary, delegate photo',
    sql: `
ALTER TABLE portal_items ADD COLUMN title_en TEXT;
ALTER TABLE portal_items ADD COLUMN summary_en TEXT;
ALTER TABLE portal_items ADD COLUMN effective_on TEXT;
ALTER TABLE portal_items ADD COLUMN issuing_body TEXT;
ALTER TABLE portal_items ADD COLUMN attachments JSONB NOT NULL DEFAULT '[]';
ALTER TABLE portal_delegate_profiles ADD COLUMN photo_file_id TEXT;
CREATE INDEX portal_delegate_profiles_photo ON portal_delegate_profiles (photo_file_id);
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
  bytes        BYTEA NOT NULL
);
CREATE FUNCTION portal_files_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'files are never changed';
END $$;
CREATE TRIGGER portal_files_kept BEFORE UPDATE ON portal_files FOR EACH ROW EXECUTE FUNCTION portal_files_kept();
CREATE TABLE portal_item_files (
  item_id TEXT NOT NULL REFERENCES portal_items (id),
  file_id TEXT NOT NULL,
  PRIMARY KEY (item_id, file_id)
);
CREATE INDEX portal_item_files_file ON portal_item_files (file_id);
`,
  },
  {
    version: 4,
    name: 'live page: the PostgreSQL Socket.IO adapter’s table for large broadcasts',
    // @socket.io/postgres-adapter sends a broadcast over 8,000 bytes (a live page fragment with a few results
    // in it) as a row here plus a NOTIFY naming it; without the table such broadcasts failed silently and the
    // other nodes' viewers never got them. The adapter deletes rows older than 30 s itself.
    sql: `
CREATE TABLE socket_io_attachments (
  id         BIGSERIAL UNIQUE,
  created_at TIMESTAMPTZ DEFAULT now(),
  payload    BYTEA
);
`,
  },
  {
    version: 5,
    name: 'every file an item has ever used, kept by the clean-up of unused uploads',
    sql: `
CREATE TABLE portal_file_refs (
  file_id TEXT NOT NULL,
  item_id TEXT NOT NULL REFERENCES portal_items (id),
  PRIMARY KEY (file_id, item_id)
);
CREATE FUNCTION portal_file_refs_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'file references are kept';
END $$;
CREATE TRIGGER portal_file_refs_kept BEFORE UPDATE OR DELETE ON portal_file_refs FOR EACH ROW EXECUTE FUNCTION portal_file_refs_kept();
INSERT INTO portal_file_refs (file_id, item_id) SELECT file_id, item_id FROM portal_item_files ON CONFLICT DO NOTHING;
CREATE INDEX portal_files_uploaded ON portal_files (uploaded_at COLLATE "C");
`,
  },
];
