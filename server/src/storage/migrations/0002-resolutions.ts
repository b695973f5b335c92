// Migration 0002: adopted resolutions (Nghị quyết) with their numbers.
export const sql = `
CREATE TABLE resolutions (
  id                 TEXT PRIMARY KEY,
  number             INTEGER NOT NULL,
  year               INTEGER NOT NULL,
  code               TEXT NOT NULL,
  normative          INTEGER NOT NULL,
  title              TEXT NOT NULL,
  adopted_on         TEXT NOT NULL,
  session_id         TEXT NOT NULL,
  item_id            TEXT,
  motion_id          TEXT NOT NULL,
  round_id           TEXT NOT NULL UNIQUE,
  signed_document_id TEXT,
  UNIQUE (year, normative, number)
);
`;
