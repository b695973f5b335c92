// Migration 0007: card and display tokens are kept only as their SHA-256 (a token is 24 random bytes, so a
// plain hash cannot be reversed). A card read from a copy of the database, or from a backup, no longer signs
// in. Existing tokens are hashed in place, so cards already handed out keep working; the links themselves can
// no longer be printed again (a lost QR sheet means issuing new cards). sha256_hex is registered by
// openDatabase; secure_delete (also set there) overwrites the clear values on disk.
export const sql = `
ALTER TABLE delegate_tokens RENAME COLUMN token TO token_sha256;
UPDATE delegate_tokens SET token_sha256 = sha256_hex(token_sha256);
ALTER TABLE display_devices RENAME COLUMN token TO token_sha256;
UPDATE display_devices SET token_sha256 = sha256_hex(token_sha256);
`;
