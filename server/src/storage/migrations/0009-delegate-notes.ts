// Migration 0009: a delegate's private notes and highlights on session documents. A side table, not a
// projection: it is the delegate's own working material, not a council record, so it is not in the event log
// (see docs/security.md). Every read and write names the delegate.
export const sql = `
CREATE TABLE delegate_notes (
  id TEXT PRIMARY KEY,
  delegate_id TEXT NOT NULL,
  document_id TEXT NOT NULL,
  page INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('note', 'highlight')),
  text TEXT NOT NULL,
  quote TEXT NOT NULL,
  rects TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX delegate_notes_by_document ON delegate_notes (delegate_id, document_id, page, created_at);
`;
