// Integrity of the stored data: the hash chain of the log, the projection tables compared with a fresh
// replay of the log into an empty in-memory database, every announced result recomputed from what is stored
// (result-check.ts), and the anchors the caller holds. A row changed behind the engine's back (an UPDATE on
// ballots) shows up as that exact row differing; a changed event breaks the chain at its seq; a changed event
// with every later hash recomputed no longer adds up to the result its round announced.

import type { IntegrityReport, RowDifference } from '@hddt/protocol';
import { loadState } from '../engine';
import { openDatabase, type Db } from '../storage/database';
import { EventLog, verifyChain } from '../storage/event-log';
import { PROJECTION_TABLES, ProjectionWriter } from '../storage/projections';
import { checkAnchors, checkResults, type Anchor } from './result-check';

export type { IntegrityReport, RowDifference };

type Row = Record<string, unknown>;

function primaryKey(db: Db, table: string): string[] {
  const cols = db.prepare(`PRAGMA table_info(${table})`).all() as { name: string; pk: number }[];
  const pk = cols
    .filter((c) => c.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((c) => c.name);
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
    const state = loadState(new EventLog(live));
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

export function checkIntegrity(db: Db, anchors: readonly Anchor[] = []): IntegrityReport {
  const headRow = db.prepare('SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  const chain = verifyChain(db);
  const replay = diffAgainstReplay(db);
  let results: IntegrityReport['results'];
  try {
    results = checkResults(db);
  } catch (error) {
    const detail = `không tính lại được kết quả / results could not be recomputed: ${error instanceof Error ? error.message : String(error)}`;
    results = { ok: false, checked: 0, problems: [{ roundId: '', seq: 0, reason: 'result-mismatch', detail }] };
  }
  const anchorReport = checkAnchors(db, anchors);
  return {
    ok: chain.ok && replay.ok && results.ok && anchorReport.ok,
    head: headRow ?? { seq: 0, hash: chain.headHash },
    chain,
    replay,
    results,
    anchors: anchorReport,
  };
}

/** One line per problem, Vietnamese then English, for the CLI. */
export function describeIntegrity(report: IntegrityReport): string[] {
  const lines: string[] = [];
  const b = report.chain.brokenAt;
  if (b) {
    lines.push(`Chuỗi nhật ký bị phá vỡ tại mục ${b.seq} (${b.reason}) / log chain broken at seq ${b.seq} (${b.reason})`);
  }
  if (report.replay.error) lines.push(`Không phát lại được nhật ký / replay failed: ${report.replay.error}`);
  for (const p of report.results.problems) {
    lines.push(
      p.reason === 'secret-count-mismatch'
        ? `Bỏ phiếu kín ${p.roundId} (mục ${p.seq}): tổng phiếu không khớp số người tham gia / secret round ${p.roundId} (seq ${p.seq}): totals do not match who took part: ${p.detail}`
        : `Vòng biểu quyết ${p.roundId} (mục ${p.seq}): ${p.detail}`,
    );
  }
  for (const a of report.anchors.problems) {
    const anchor = `${a.seq}:${a.hash.slice(0, 16)}`;
    lines.push(
      a.found === null
        ? `Mốc ${anchor}: nhật ký kết thúc ở mục ${report.head.seq}, trước mốc này — các mục sau đã bị xóa / anchor ${anchor}: the log ends at seq ${report.head.seq}, before this anchor — later entries were removed`
        : `Mốc ${anchor}: nhật ký có mã băm khác tại vị trí này (${a.found}) — lịch sử đã bị viết lại / anchor ${anchor}: the log has another hash at this position (${a.found}) — history was rewritten`,
    );
  }
  for (const d of report.replay.differences) {
    lines.push(
      `Bảng ${d.table} khác với nhật ký / table ${d.table} differs from the log at ${JSON.stringify(d.key)}: ` +
        `lưu / stored ${JSON.stringify(d.live)} ≠ nhật ký / replayed ${JSON.stringify(d.replayed)}`,
    );
  }
  return lines;
}
