// Migration 0003: the editable parts of a session's minutes (Biên bản) that the log cannot know: the minutes
// number, opening and closing remarks and a summary of debate per agenda item. Not a projection: written by
// the secretariat directly, never replayed.
export const sql = `
CREATE TABLE minutes_notes (
  session_id TEXT PRIMARY KEY,
  number     TEXT NOT NULL DEFAULT '',
  opening    TEXT NOT NULL DEFAULT '',
  closing    TEXT NOT NULL DEFAULT '',
  items      TEXT NOT NULL DEFAULT '{}',
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
);
`;
