// Migration 0005: the public portal and e-mail distribution. Side tables like the credentials: not council
// state, never replayed from the event log.
export const sql = `
-- Voter feedback (ý kiến cử tri) sent through the public portal.
CREATE TABLE feedback (
  id               TEXT PRIMARY KEY,
  created_at       TEXT NOT NULL,
  name             TEXT NOT NULL,
  contact          TEXT NOT NULL,
  area             TEXT NOT NULL,
  topic            TEXT NOT NULL,
  body             TEXT NOT NULL,
  session_id       TEXT,
  resolution_id    TEXT,
  status           TEXT NOT NULL CHECK (status IN ('new', 'forwarded', 'answered')),
  answer           TEXT,
  answer_published INTEGER NOT NULL DEFAULT 0,
  updated_at       TEXT NOT NULL,
  updated_by       TEXT
);
CREATE INDEX feedback_created ON feedback (created_at);

-- SMTP settings of the secretariat, one row.
CREATE TABLE mail_settings (
  id        INTEGER PRIMARY KEY CHECK (id = 1),
  host      TEXT NOT NULL,
  port      INTEGER NOT NULL,
  secure    INTEGER NOT NULL,
  username  TEXT NOT NULL,
  password  TEXT NOT NULL,
  from_addr TEXT NOT NULL
);

-- E-mail address of a delegate (keyed by the roster's delegate id).
CREATE TABLE delegate_emails (
  delegate_id TEXT PRIMARY KEY,
  email       TEXT NOT NULL
);

-- Invited guests (khách mời) who receive session invitations.
CREATE TABLE mail_guests (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  email      TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- One personal invitation per recipient per session; the token is the secret in the personal link.
CREATE TABLE invitations (
  token          TEXT PRIMARY KEY,
  session_id     TEXT NOT NULL,
  recipient_kind TEXT NOT NULL CHECK (recipient_kind IN ('delegate', 'guest')),
  recipient_id   TEXT NOT NULL,
  name           TEXT NOT NULL,
  email          TEXT NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
  error          TEXT,
  sent_at        TEXT,
  opened_at      TEXT,
  UNIQUE (session_id, recipient_kind, recipient_id)
);
CREATE TABLE invitation_document_opens (
  token       TEXT NOT NULL,
  document_id TEXT NOT NULL,
  opened_at   TEXT NOT NULL,
  PRIMARY KEY (token, document_id)
);
`;
