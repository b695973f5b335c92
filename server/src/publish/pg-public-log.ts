// The portal's copy of the hall's public log, in PostgreSQL. Appends are serialized across portal nodes by an
// advisory lock held for the transaction; each append wakes the other nodes (NOTIFY) so their public state
// follows within moments.

import type { Pool } from 'pg';
import { EMPTY_HEAD, checkBatch, type BatchCheck, type ChainHead, type PublishedEntry } from './entries';

const APPEND_LOCK_KEY = '7245118305932';
export const LOG_CHANNEL = 'portal_log_appended';

interface LogRow {
  seq: string;
  at: string;
  actor: string;
  type: string;
  payload: string | null;
  prev_hash: string;
  hash: string;
}

const toEntry = (r: LogRow): PublishedEntry => ({
  seq: Number(r.seq),
  at: r.at,
  actor: r.actor,
  type: r.type,
  payload: r.payload,
  prevHash: r.prev_hash,
  hash: r.hash,
});

export class PgPublicLog {
  constructor(private readonly pool: Pool) {}

  async head(): Promise<ChainHead> {
    const { rows } = await this.pool.query<{ seq: string; hash: string }>('SELECT seq, hash FROM portal_log ORDER BY seq DESC LIMIT 1');
    return rows[0] ? { seq: Number(rows[0].seq), hash: rows[0].hash } : EMPTY_HEAD;
  }

  /**
   * Appends a batch after checking it against the held head. A resent entry the portal already holds is
   * skipped when it is the same entry (same hash), refused when it differs (tampering or another hall).
   */
  async append(entries: readonly PublishedEntry[]): Promise<BatchCheck> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [APPEND_LOCK_KEY]);
      const { rows } = await client.query<{ seq: string; hash: string }>('SELECT seq, hash FROM portal_log ORDER BY seq DESC LIMIT 1');
      const head = rows[0] ? { seq: Number(rows[0].seq), hash: rows[0].hash } : EMPTY_HEAD;
      const held = entries.filter((e) => e.seq <= head.seq);
      if (held.length > 0) {
        const { rows: same } = await client.query<{ n: string }>(
          'SELECT COUNT(*) AS n FROM portal_log WHERE seq = ANY($1::bigint[]) AND hash = ANY($2::text[])',
          [held.map((e) => e.seq), held.map((e) => e.hash)],
        );
        if (Number(same[0]!.n) !== held.length) {
          await client.query('ROLLBACK');
          return { ok: false, status: 422, code: 'PUBLISH_CHAIN_BROKEN', seq: held[0]!.seq, reason: 'link-mismatch' };
        }
      }
      const fresh = entries.filter((e) => e.seq > head.seq);
      const check = checkBatch(head, fresh);
      if (!check.ok || fresh.length === 0) {
        await client.query('ROLLBACK');
        return check;
      }
      await client.query(
        `INSERT INTO portal_log (seq, at, actor, type, payload, prev_hash, hash)
         SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])`,
        [
          fresh.map((e) => e.seq),
          fresh.map((e) => e.at),
          fresh.map((e) => e.actor),
          fresh.map((e) => e.type),
          fresh.map((e) => e.payload),
          fresh.map((e) => e.prevHash),
          fresh.map((e) => e.hash),
        ],
      );
      await client.query(`SELECT pg_notify('${LOG_CHANNEL}', $1)`, [String(check.head.seq)]);
      await client.query('COMMIT');
      return check;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async readAfter(seq: number, limit = 5000): Promise<PublishedEntry[]> {
    const { rows } = await this.pool.query<LogRow>(
      'SELECT seq, at, actor, type, payload, prev_hash, hash FROM portal_log WHERE seq > $1 ORDER BY seq LIMIT $2',
      [seq, limit],
    );
    return rows.map(toEntry);
  }
}
