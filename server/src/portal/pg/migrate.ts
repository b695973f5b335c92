// Forward-only, numbered SQL migrations for the portal's PostgreSQL database. Several portal nodes may start
// at once against one database: each takes the same transaction-scoped advisory lock before looking at
// portal_migrations, so exactly one applies a migration and the others see it applied. Every migration runs
// in one transaction with its bookkeeping row: a failed one leaves nothing half done.

import type { Pool, PoolClient } from 'pg';
import { PG_MIGRATIONS } from './migrations';

/** The advisory lock key: "hddt-portal-migrate" folded to a 64-bit integer once, written down here. */
export const MIGRATION_LOCK_KEY = 7_245_118_305_931n;

export interface PgMigration {
  version: number;
  name: string;
  sql: string;
}

async function inTransaction<T>(client: PoolClient, run: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const out = await run();
    await client.query('COMMIT');
    return out;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/** Applies the migrations not yet applied; returns the versions it applied (none when up to date). */
export async function migratePortalPg(pool: Pool, migrations: readonly PgMigration[] = PG_MIGRATIONS): Promise<number[]> {
  const client = await pool.connect();
  try {
    const applied: number[] = [];
    await inTransaction(client, async () => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY.toString()]);
      await client.query(
        'CREATE TABLE IF NOT EXISTS portal_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
      );
    });
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      await inTransaction(client, async () => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY.toString()]);
        const done = await client.query('SELECT 1 FROM portal_migrations WHERE version = $1', [m.version]);
        if (done.rowCount) return;
        await client.query(m.sql);
        await client.query('INSERT INTO portal_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
        applied.push(m.version);
      });
    }
    return applied;
  } finally {
    client.release();
  }
}
