// Migration 0001: the event log, the projection tables (current state, rebuildable from the log) and the
// credential tables (tokens and accounts: not state, never replayed).
export const sql = `
CREATE TABLE events (
  seq       INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  actor     TEXT NOT NULL,
  type      TEXT NOT NULL,
  payload   TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash      TEXT NOT NULL
);
CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

CREATE TABLE council (
  id     INTEGER PRIMARY KEY CHECK (id = 1),
  config TEXT NOT NULL
);
CREATE TABLE live (
  id                INTEGER PRIMARY KEY CHECK (id = 1),
  active_session_id TEXT,
  display_mode      TEXT NOT NULL,
  display_round_id  TEXT
);
CREATE TABLE delegates (
  id             TEXT PRIMARY KEY,
  seat           INTEGER NOT NULL,
  full_name      TEXT NOT NULL,
  title          TEXT NOT NULL,
  grp            TEXT NOT NULL,
  seated         INTEGER NOT NULL,
  vacated_reason TEXT
);
CREATE TABLE sessions (
  id              TEXT PRIMARY KEY,
  number          INTEGER NOT NULL,
  title           TEXT NOT NULL,
  type            TEXT NOT NULL,
  start_date      TEXT NOT NULL,
  end_date        TEXT NOT NULL,
  place           TEXT NOT NULL,
  is_public       INTEGER NOT NULL,
  status          TEXT NOT NULL,
  opened_at       TEXT,
  closed_at       TEXT,
  rollcall_open   INTEGER NOT NULL,
  current_item_id TEXT,
  chair_name      TEXT NOT NULL,
  secretary_name  TEXT NOT NULL
);
CREATE TABLE agenda_items (
  id         TEXT PRIMARY KEY,
  session_id TEXT NOT NULL,
  ord        INTEGER NOT NULL,
  title      TEXT NOT NULL,
  presenter  TEXT NOT NULL
);
CREATE TABLE documents (
  id           TEXT PRIMARY KEY,
  session_id   TEXT NOT NULL,
  item_id      TEXT,
  title        TEXT NOT NULL,
  doc_type     TEXT NOT NULL,
  confidential INTEGER NOT NULL,
  published    INTEGER NOT NULL,
  file_name    TEXT NOT NULL,
  mime_type    TEXT NOT NULL,
  size         INTEGER NOT NULL,
  sha256       TEXT NOT NULL,
  pages        INTEGER,
  uploaded_at  TEXT NOT NULL
);
CREATE TABLE motions (
  id           TEXT PRIMARY KEY,
  session_id   TEXT NOT NULL,
  item_id      TEXT,
  question     TEXT NOT NULL,
  kind         TEXT NOT NULL,
  mode         TEXT NOT NULL,
  interim      TEXT NOT NULL,
  duration_sec INTEGER,
  candidates   TEXT NOT NULL,
  seats        INTEGER NOT NULL,
  practice     INTEGER NOT NULL,
  resolution   INTEGER NOT NULL,
  normative    INTEGER NOT NULL
);
CREATE TABLE rounds (
  id               TEXT PRIMARY KEY,
  motion_id        TEXT NOT NULL,
  session_id       TEXT NOT NULL,
  number           INTEGER NOT NULL,
  status           TEXT NOT NULL,
  opened_at        TEXT NOT NULL,
  closes_at        TEXT,
  closed_at        TEXT,
  cancelled_reason TEXT,
  seated           INTEGER NOT NULL,
  allow_change     INTEGER NOT NULL,
  result           TEXT
);
-- Named and anonymous rounds only.
CREATE TABLE ballots (
  round_id    TEXT NOT NULL,
  delegate_id TEXT NOT NULL,
  choice      TEXT NOT NULL,
  cast_at     TEXT NOT NULL,
  changes     INTEGER NOT NULL,
  PRIMARY KEY (round_id, delegate_id)
);
-- Secret rounds: who took part. No time and no insertion order (WITHOUT ROWID keeps rows in key order).
CREATE TABLE secret_participation (
  round_id    TEXT NOT NULL,
  delegate_id TEXT NOT NULL,
  PRIMARY KEY (round_id, delegate_id)
) WITHOUT ROWID;
-- Secret rounds while open: the aggregated totals, one row per round, nothing that names a delegate.
CREATE TABLE secret_tally (
  round_id TEXT PRIMARY KEY,
  tally    TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE attendance (
  session_id  TEXT NOT NULL,
  day         TEXT NOT NULL,
  delegate_id TEXT NOT NULL,
  status      TEXT NOT NULL,
  at          TEXT NOT NULL,
  by_whom     TEXT NOT NULL,
  reason      TEXT,
  PRIMARY KEY (session_id, day, delegate_id)
);
CREATE TABLE speakers (
  id           TEXT PRIMARY KEY,
  session_id   TEXT NOT NULL,
  delegate_id  TEXT,
  name         TEXT NOT NULL,
  status       TEXT NOT NULL,
  requested_at TEXT NOT NULL,
  started_at   TEXT,
  ended_at     TEXT,
  limit_sec    INTEGER NOT NULL
);
CREATE TABLE open_commands (
  command_id TEXT PRIMARY KEY,
  round_id   TEXT NOT NULL
);

-- Credentials: secrets and accounts, not part of the replayable state.
CREATE TABLE delegate_tokens (
  delegate_id TEXT PRIMARY KEY,
  token       TEXT NOT NULL UNIQUE,
  issued_at   TEXT NOT NULL
);
CREATE TABLE display_devices (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  token      TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE TABLE staff (
  username      TEXT PRIMARY KEY,
  display_name  TEXT NOT NULL,
  role          TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  created_at    TEXT NOT NULL
);
CREATE TABLE staff_sessions (
  token       TEXT PRIMARY KEY,
  username    TEXT NOT NULL,
  csrf_token  TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  expires_at  TEXT NOT NULL
);
`;
