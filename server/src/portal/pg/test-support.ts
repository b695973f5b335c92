// Test support for the PostgreSQL store: each test gets a fresh schema in the `test` database (PG_TEST_URL,
// default postgres://root@127.0.0.1:5432/test), dropped with everything in it afterwards, so runs never see
// each other's rows and parallel test files do not collide.

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Pool } from 'pg';
import { createPgPool } from './pg-store';

export const PG_TEST_URL = process.env.PG_TEST_URL ?? 'postgres://root@127.0.0.1:5432/test';

export interface TestSchema {
  url: string;
  schema: string;
  pool: Pool;
  drop: () => Promise<void>;
}

/** Creates `t_<random>` and a pool confined to it; drop() closes the pool and drops the schema. */
export async function freshSchema(max = 5): Promise<TestSchema> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_TEST_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end();
  }
  const pool = createPgPool(PG_TEST_URL, { schema, max });
  let dropped = false;
  return {
    url: PG_TEST_URL,
    schema,
    pool,
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await pool.end();
      const c = new pg.Client({ connectionString: PG_TEST_URL });
      await c.connect();
      try {
        await c.query(`DROP SCHEMA ${schema} CASCADE`);
      } finally {
        await c.end();
      }
    },
  };
}
