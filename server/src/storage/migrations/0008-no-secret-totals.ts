// Migration 0008: no running totals of a secret round on disk. The old secret_tally table was rewritten in the
// same transaction as each delegate's participation, so the difference between two commits (in the WAL, in a
// backup) was that delegate's choice. The totals of an open secret round now live only in the server's memory
// (see docs/security.md); openDatabase scrubs the freed pages and the WAL after this migration.
export const sql = `
DROP TABLE IF EXISTS secret_tally;
`;
