// Migration 0006: a session's opening time (projection of the optional Session.startTime, "HH:MM" on the
// council's clock), and for e-mailed invitations the cause of the last failure, when it failed, and when the
// personal link was revoked (the guest was removed).
export const sql = `
ALTER TABLE sessions ADD COLUMN start_time TEXT;
ALTER TABLE invitations ADD COLUMN error_cause TEXT;
ALTER TABLE invitations ADD COLUMN failed_at TEXT;
ALTER TABLE invitations ADD COLUMN revoked_at TEXT;
`;
