// Migration 0010: the minutes notes may carry their own "Nơi nhận" (recipients), a JSON array of lines; empty: the
// council's list.
export const sql = `
ALTER TABLE minutes_notes ADD COLUMN recipients TEXT NOT NULL DEFAULT '[]';
`;
