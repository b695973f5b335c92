// Opening the one SQLite file: WAL with synchronous=FULL so a committed transaction survives a power cut,
// then the numbered, forward-only migrations.

import Database from 'better-sqlite3';
import { sql as m0001 } from './migrations/0001-init';
import { sql as m0002 } from './migrations/0002-resolutions';
import { sql as m0003 } from './migrations/0003-minutes';
import { sql as m0004 } from './migrations/0004-speaker-title';
import { sql as m0005 } from './migrations/0005-portal';
import { sql as m0006 } from './migrations/0006-mail-trust';
import { sql as m0007 } from './migrations/0007-hashed-tokens';
import { createHash } from 'node:crypto';

export type Db = Database.Database;

const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  { version: 1, name: '0001-init', sql: m0001 },
  { version: 2, name: '0002-resolutions', sql: m0002 },
  { version: 3, name: '0003-minutes', sql: m0003 },
  { version: 4, name: '0004-speaker-title', sql: m0004 },
  { version: 5, name: '0005-portal', sql: m0005 },
  { version: 6, name: '0006-mail-trust', sql: m0006 },
  { version: 7, name: '0007-hashed-tokens', sql: m0007 },
];

export function openDatabase(file: string): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Deleted and overwritten values (a replaced card token, an ended session) are zeroed on disk, not left
  // readable in free pages of the file or of a backup.
  db.pragma('secure_delete = ON');
  migrate(db);
  return db;
}

export function migrate(db: Db): void {
  // Used by migration 0006 to hash the tokens stored before it.
  db.function('sha256_hex', { deterministic: true }, (value: unknown) =>
    typeof value === 'string' ? createHash('sha256').update(value).digest('hex') : value,
  );
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version),
  );
  for (const m of MIGRATIONS) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
    })();
  }
}
