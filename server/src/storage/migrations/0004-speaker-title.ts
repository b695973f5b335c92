// Migration 0004: the speaker's position (chức vụ) travels with the speaker entry, for the hall display.
export const sql = `
ALTER TABLE speakers ADD COLUMN title TEXT NOT NULL DEFAULT '';
`;
