// Integrity: the live check (GET /api/integrity) and the offline CLI (npm run verify) both recompute the hash
// chain and replay the log into a fresh database. A ballot row changed behind the engine's back is reported
// as exactly that row; an event row changed (trigger dropped, as an attacker would) is reported at its seq.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import {
  REPO_ROOT,
  api,
  chairSocket,
  delegateCards,
  delegateSocket,
  demoSession,
  markPresent,
  openSessionWithRollCall,
  startServer,
  tokenOf,
  type TestServer,
} from '../testing/harness';
import type { IntegrityReport } from './integrity';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function verifyCli(dataDir: string): { status: number | null; report: IntegrityReport; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'server/src/cli/verify.ts'), dataDir], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  const line = r.stdout.split('\n').find((l) => l.startsWith('{'));
  return { status: r.status, report: JSON.parse(line ?? 'null') as IntegrityReport, stderr: r.stderr };
}

/** A closed named vote: three delegates voted yes. */
async function votedServer(): Promise<{ server: TestServer; roundId: string; voterIds: string[] }> {
  const server = await startServer();
  cleanups.push(() => server.dispose());
  const chair = await chairSocket(server);
  const cards = await delegateCards(server);
  const voters = await Promise.all(cards.slice(0, 3).map((c) => delegateSocket(server, tokenOf(c))));
  cleanups.push(() => {
    for (const s of [chair, ...voters]) s.disconnect();
  });
  await openSessionWithRollCall(chair, voters);
  await markPresent(
    chair,
    cards.slice(3, 22).map((c) => c.delegateId),
  );
  const { motions } = await demoSession(chair);
  const opened = await chair.timeout(5000).emitWithAck('motion:open', { motionId: motions[1]!.id, commandId: 'integrity-0001' });
  if (!opened.ok) throw new Error(opened.code);
  for (const v of voters) await v.timeout(5000).emitWithAck('vote:cast', { roundId: opened.data.id, choice: { type: 'option', option: 'yes' } });
  await chair.timeout(5000).emitWithAck('round:close', { roundId: opened.data.id });
  return { server, roundId: opened.data.id, voterIds: cards.slice(0, 3).map((c) => c.delegateId) };
}

describe('integrity', () => {
  it('reports an intact log, then exactly the ballot row changed directly in SQLite (live and offline)', async () => {
    const { server, roundId, voterIds } = await votedServer();
    expect((await fetch(`${server.url}/api/integrity`)).status).toBe(401);
    // The check runs beside the server, not on its event loop: the server answers meanwhile.
    const order: string[] = [];
    const checking = api<IntegrityReport>(server, 'GET', '/api/integrity').then((r) => (order.push('integrity'), r));
    await new Promise((r) => setTimeout(r, 20));
    await fetch(`${server.url}/health`).then(() => order.push('health'));
    const intact = await checking;
    expect(order).toEqual(['health', 'integrity']);
    expect(intact.status).toBe(200);
    expect(intact.body).toMatchObject({ ok: true, chain: { ok: true, brokenAt: null }, replay: { ok: true, differences: [] } });
    expect(intact.body.head.seq).toBe(server.app.engine.seq);

    const forged = JSON.stringify({ type: 'option', option: 'no' });
    server.app.db.prepare('UPDATE ballots SET choice = ? WHERE round_id = ? AND delegate_id = ?').run(forged, roundId, voterIds[1]);
    const live = await api<IntegrityReport>(server, 'GET', '/api/integrity');
    expect(live.body.ok).toBe(false);
    expect(live.body.chain.ok).toBe(true);
    expect(live.body.replay.differences).toHaveLength(1);
    expect(live.body.replay.differences[0]).toMatchObject({
      table: 'ballots',
      key: { round_id: roundId, delegate_id: voterIds[1] },
      live: { choice: forged },
      replayed: { choice: JSON.stringify({ type: 'option', option: 'yes' }) },
    });

    await server.stop();
    const offline = verifyCli(server.dataDir);
    expect(offline.status).toBe(1);
    expect(offline.report.replay.differences).toEqual(live.body.replay.differences);
    expect(offline.stderr).toContain('table ballots differs');
    expect(offline.stderr).toContain(voterIds[1]!);
  }, 30_000);

  it('names the exact broken seq when an event row is rewritten with the trigger dropped', async () => {
    const { server, roundId, voterIds } = await votedServer();
    await server.stop();
    expect(verifyCli(server.dataDir)).toMatchObject({ status: 0, report: { ok: true } });

    const db = new Database(path.join(server.dataDir, 'hoi-dong.sqlite'));
    const target = db
      .prepare(`SELECT seq, payload FROM events WHERE type = 'ballot.cast' AND payload LIKE ? AND payload LIKE ?`)
      .get(`%${roundId}%`, `%${voterIds[2]}%`) as { seq: number; payload: string };
    db.exec('DROP TRIGGER events_append_only_update');
    db.prepare('UPDATE events SET payload = ? WHERE seq = ?').run(target.payload.replace('"yes"', '"no"'), target.seq);
    db.close();

    const report = verifyCli(server.dataDir);
    expect(report.status).toBe(1);
    expect(report.report.chain.brokenAt).toEqual({ seq: target.seq, reason: 'hash-mismatch' });
    expect(report.stderr).toContain(`log chain broken at seq ${target.seq}`);
  }, 30_000);
});
