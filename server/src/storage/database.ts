// Opening the one SQLite file: WAL with synchronous=FULL so a committed transaction survives a power cut,
// secure_delete so that deleted rows do not linger in free pages, then the numbered, forward-only migrations.

import Database from 'better-sqlite3';
import { sql as m0001 } from './migrations/0001-init';
import { sql as m0002 } from './migrations/0002-resolutions';
import { sql as m0003 } from './migrations/0003-minutes';
import { sql as m0004 } from './migrations/0004-speaker-title';
import { sql as m0005 } from './migrations/0005-portal';
import { sql as m0006 } from './migrations/0006-mail-trust';
import { sql as m0007 } from './migrations/0007-hashed-tokens';
import { sql as m0008 } from './migrations/0008-no-secret-totals';
import { sql as m0009 } from './migrations/0009-delegate-notes';
import { sql as m0010 } from './migrations/0010-minutes-recipients';
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
  { version: 8, name: '0008-no-secret-totals', sql: m0008 },
  { version: 9, name: '0009-delegate-notes', sql: m0009 },
  { version: 10, name: '0010-minutes-recipients', sql: m0010 },
];

/** Migrations that delete something that must not stay readable on disk (in free pages or in the WAL). */
const SCRUB_AFTER = new Set([7, 8]);

export function openDatabase(file: string): Db {
  const db = new Database(file);
  // A new database has nothing to scrub.
  const fresh = (db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'schema_migrations'").get() as { n: number }).n === 0;
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Deleted and overwritten values (a replaced card token, an ended session, a dropped table) are zeroed on
  // disk, not left readable in free pages of the file or of a backup.
  db.pragma('secure_delete = ON');
  const applied = migrate(db);
  if (applied.some((v) => SCRUB_AFTER.has(v)) && file !== ':memory:' && !fresh) {
    // The dropped table's pages are zeroed, but rows deleted earlier (with secure_delete off) may have left
    // their bytes in free pages: rebuild the file without free pages, then copy the WAL over the main file and
    // empty it, so that neither keeps the dropped content. Once, at the upgrade; nobody else has the file open.
    db.exec('VACUUM');
    db.pragma('wal_checkpoint(TRUNCATE)');
  }
  return db;
}

/** Applies the missing migrations; returns the versions it applied. */
export function migrate(db: Db): number[] {
  // Used by migration 0007 to hash the tokens stored before it.
  db.function('sha256_hex', { deterministic: true }, (value: unknown) =>
    typeof value === 'string' ? createHash('sha256').update(value).digest('hex') : value,
  );
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
  const now: number[] = [];
  for (const m of MIGRATIONS) {
    if (applied.has(m.version)) continue;
    now.push(m.version);
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
    })();
  }
  return now;
}
