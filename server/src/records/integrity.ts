// Integrity of the stored data: the hash chain of the log, and the projection tables compared with a fresh
// replay of the log into an empty in-memory database. A row changed behind the engine's back (an UPDATE on
// ballots) shows up as that exact row differing; a changed event breaks the chain at its seq.

import type { IntegrityReport, RowDifference } from '@hddt/protocol';
import { loadState } from '../engine';
import { openDatabase, type Db } from '../storage/database';
import { EventLog, verifyChain } from '../storage/event-log';
import { PROJECTION_TABLES, ProjectionWriter } from '../storage/projections';

export type { IntegrityReport, RowDifference };



type Row = Record<string, unknown>;

function primaryKey(db: Db, table: string): string[] {
  const cols = db.prepare(`PRAGMA table_info(${table})`).all() as { name: string; pk: number }[];
  const pk = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
  return pk.length > 0 ? pk : cols.map((c) => c.name);
}

function rowsByKey(db: Db, table: string, pk: string[]): Map<string, Row> {
  const out = new Map<string, Row>();
  for (const row of db.prepare(`SELECT * FROM ${table}`).all() as Row[]) {
    out.set(JSON.stringify(pk.map((k) => row[k])), row);
  }
  return out;
}

/** Compares every projection table of `live` with the replay of its own log. At most `limit` differences. */
export function diffAgainstReplay(live: Db, limit = 200): IntegrityReport['replay'] {
  const fresh = openDatabase(':memory:');
  try {
    const state = loadState(live, new EventLog(live));
    fresh.transaction(() => new ProjectionWriter(fresh).writeAll(state))();
    const differences: RowDifference[] = [];
    for (const table of PROJECTION_TABLES) {
      const pk = primaryKey(fresh, table);
      const a = rowsByKey(live, table, pk);
      const b = rowsByKey(fresh, table, pk);
      const keys = [...new Set([...a.keys(), ...b.keys()])].sort();
      for (const k of keys) {
        const x = a.get(k) ?? null;
        const y = b.get(k) ?? null;
        if (x && y && JSON.stringify(x) === JSON.stringify(y)) continue;
        const source = (x ?? y)!;
        differences.push({ table, key: Object.fromEntries(pk.map((c) => [c, source[c]])), live: x, replayed: y });
        if (differences.length >= limit) return { ok: false, error: null, differences };
      }
    }
    return { ok: differences.length === 0, error: null, differences };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error), differences: [] };
  } finally {
    fresh.close();
  }
}

export function checkIntegrity(db: Db): IntegrityReport {
  const headRow = db.prepare('SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  const chain = verifyChain(db);
  const replay = diffAgainstReplay(db);
  return { ok: chain.ok && replay.ok, head: headRow ?? { seq: 0, hash: chain.headHash }, chain, replay };
}

/** One line per problem, Vietnamese then English, for the CLI. */
export function describeIntegrity(report: IntegrityReport): string[] {
  const lines: string[] = [];
  const b = report.chain.brokenAt;
  if (b) {
    lines.push(
      `Chuỗi nhật ký bị phá vỡ tại mục ${b.seq} (${b.reason}) / log chain broken at seq ${b.seq} (${b.reason})`,
    );
  }
  if (report.replay.error) lines.push(`Không phát lại được nhật ký / replay failed: ${report.replay.error}`);
  for (const d of report.replay.differences) {
    lines.push(
      `Bảng ${d.table} khác với nhật ký / table ${d.table} differs from the log at ${JSON.stringify(d.key)}: ` +
        `lưu / stored ${JSON.stringify(d.live)} ≠ nhật ký / replayed ${JSON.stringify(d.replayed)}`,
    );
  }
  return lines;
}
