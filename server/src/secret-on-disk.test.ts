// A secret ballot stays secret on disk. These tests play someone who copies the data directory (the database,
// its -wal and -shm) after each acknowledged secret ballot, after the server is killed, from a backup and
// after the close; who rebuilds every committed state from the WAL frames; and who looks, in every state and
// in every difference between two consecutive states, for anything that ties a delegate to a choice.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Ack, ChairSnapshot, LiveSnapshot, Motion, RoundResult, RoundView } from '@hddt/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import {
  REPO_ROOT,
  api,
  chairSocket,
  delegateCards,
  delegateSocket,
  demoSession,
  freePort,
  markPresent,
  openSessionWithRollCall,
  staffLogin,
  startServer,
  tokenOf,
  type ChairSocket,
  type DelegateSocket,
} from './testing/harness';
import { committedSnapshots, copyDatabaseFiles, diffSnapshots, rawBytes, type Snapshot } from './testing/wal-snapshots';
import { SECRET_ROUND_VOIDED_REASON } from './engine';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function scratchDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

interface Finding {
  /** Human-readable: what in which commit could tie a delegate to a choice. */
  what: string;
}

/** Whether the secret round is open in this committed state (its row in `rounds` says so). */
function roundOpenIn(snapshot: Snapshot, roundId: string): boolean {
  return (snapshot.tables.rounds ?? []).some((row) => {
    const r = JSON.parse(row) as { id: string; status: string };
    return r.id === roundId && r.status === 'open';
  });
}

/**
 * The attacker. Every pair of consecutive committed states while the secret round is open is a place where a
 * choice could show: today's code rewrote the round's running totals in the commit that added a participant,
 * and the totals' difference was that participant's choice. Only two changes carry no choice: the log entry
 * "this delegate took part" (round and delegate, nothing else) and the participation row; the commit that
 * closes the round may add its round.closed entry (the totals) and update the round's row. Any other change
 * while the round is open is a finding. Also returns the choices recovered the way the old attack did.
 */
function attack(snapshots: Snapshot[], roundId: string): { findings: Finding[]; recovered: Map<string, string>; participations: number } {
  const findings: Finding[] = [];
  const recovered = new Map<string, string>();
  let participations = 0;
  for (let i = 1; i < snapshots.length; i += 1) {
    const before = snapshots[i - 1]!;
    const after = snapshots[i]!;
    if (!roundOpenIn(before, roundId)) continue;
    const closing = !roundOpenIn(after, roundId);
    const changes = diffSnapshots(before.tables, after.tables);
    const joined = changes.find((c) => c.table === 'secret_participation');
    const newcomers = (joined?.added ?? []).map((row) => JSON.parse(row) as { round_id: string; delegate_id: string }).filter((r) => r.round_id === roundId);
    participations += newcomers.length;
    for (const change of changes) {
      if (change.table === 'secret_participation') {
        if (change.removed.length > 0) findings.push({ what: `commit ${i}: participation rows removed` });
        continue;
      }
      if (change.table === 'events') {
        for (const row of change.added) {
          const e = JSON.parse(row) as { type: string; payload: string };
          const keys = Object.keys(JSON.parse(e.payload) as object)
            .sort()
            .join(',');
          const participation = e.type === 'ballot.secret-cast' && keys === 'delegateId,roundId';
          const close = closing && (e.type === 'round.closed' || e.type === 'round.cancelled');
          if (!participation && !close) findings.push({ what: `commit ${i}: event ${e.type} ${e.payload}` });
        }
        if (change.removed.length > 0) findings.push({ what: `commit ${i}: events removed` });
        continue;
      }
      if (closing && change.table === 'rounds') continue;
      findings.push({ what: `commit ${i}: table ${change.table} changed: +${change.added.join(' ')} -${change.removed.join(' ')}` });
      // The old attack: the running totals' difference in the commit that added one participant is that
      // participant's choice.
      if (newcomers.length === 1 && change.added.length === 1 && change.removed.length === 1) {
        const was = JSON.parse(change.removed[0]!) as Record<string, unknown>;
        const is = JSON.parse(change.added[0]!) as Record<string, unknown>;
        recovered.set(newcomers[0]!.delegate_id, `${JSON.stringify(was)} → ${JSON.stringify(is)}`);
      }
    }
  }
  return { findings, recovered, participations };
}

/** Running totals of a round serialised anywhere in the bytes (stale WAL frames and free pages included). */
function runningTotalsInBytes(dbFile: string): boolean {
  return rawBytes(dbFile).includes('"ballots":');
}

/** Whether any committed state holds anything that names a candidate beside a delegate of the round. */
function choicesOfRoundIn(snapshot: Snapshot, roundId: string, candidateIds: string[]): string[] {
  const hits: string[] = [];
  for (const [table, rows] of Object.entries(snapshot.tables)) {
    for (const row of rows) {
      if (!row.includes(roundId)) continue;
      // The closing event and the round's row carry the announced totals (by candidate): allowed.
      if (row.includes('"round.closed"') || table === 'rounds') continue;
      if (candidateIds.some((c) => row.includes(c))) hits.push(`${table}: ${row}`);
    }
  }
  return hits;
}

async function secretElection(chair: ChairSocket): Promise<{ motion: Motion; roundId: string }> {
  const { motions } = await demoSession(chair);
  const motion = motions.find((m) => m.kind === 'election' && m.mode === 'secret')!;
  const opened = await chair.timeout(5000).emitWithAck('motion:open', { motionId: motion.id, commandId: 'secret-disk-01' });
  if (!opened.ok) throw new Error(opened.code);
  return { motion, roundId: opened.data.id };
}

describe('a secret ballot stays secret on disk', () => {
  it('no committed state, and no difference between two, ties a delegate to a choice: after each ballot, from a backup, after the close', async () => {
    const server = await startServer();
    cleanups.push(() => server.dispose());
    // Signed in before the round opens, so that the only activity during the round is the round's.
    const staff = await staffLogin(server);
    const chair = await chairSocket(server, staff);
    const cards = await delegateCards(server, staff);
    const voters: DelegateSocket[] = [];
    for (const card of cards.slice(0, 7)) voters.push(await delegateSocket(server, tokenOf(card)));
    cleanups.push(() => {
      for (const s of [chair, ...voters]) s.disconnect();
    });
    await openSessionWithRollCall(chair, voters);
    await markPresent(
      chair,
      cards.slice(7, 21).map((c) => c.delegateId),
    );
    const { motion, roundId } = await secretElection(chair);
    const candidateIds = motion.candidates.map((c) => c.id);
    const picks = [0, 1, 2, 0, 1, 0, 2].map((i) => candidateIds[i % candidateIds.length]!);

    const copies: string[] = [];
    for (const [i, voter] of voters.entries()) {
      const ack = await voter.timeout(5000).emitWithAck('vote:cast', { roundId, choice: { type: 'election', candidateIds: [picks[i]!] } });
      expect(ack.ok).toBe(true);
      // Acknowledged: the thief copies the data directory now.
      const dir = scratchDir(`hddt-copy-${i}-`);
      copies.push(copyDatabaseFiles(server.dataDir, dir));
    }
    // A backup taken while the round is open.
    const backup = await api<{ path: string }>(server, 'POST', '/api/backup', undefined, staff);
    expect(backup.status).toBe(201);
    const backupFile = path.join(backup.body.path, 'hoi-dong.sqlite');

    const closed = await chair.timeout(5000).emitWithAck('round:close', { roundId });
    expect(closed.ok).toBe(true);
    const announced = await chair.timeout(5000).emitWithAck('round:announce', { roundId });
    expect(announced.ok).toBe(true);
    const afterClose = copyDatabaseFiles(server.dataDir, scratchDir('hddt-copy-closed-'));

    // The last copy holds every commit of the round (plus all before it); each earlier copy is a prefix.
    for (const file of [...copies, backupFile, afterClose]) {
      const snapshots = committedSnapshots(file);
      const { findings, recovered } = attack(snapshots, roundId);
      expect(findings.map((f) => f.what)).toEqual([]);
      expect(recovered.size).toBe(0);
      expect(runningTotalsInBytes(file)).toBe(false);
      for (const s of snapshots) expect(choicesOfRoundIn(s, roundId, candidateIds)).toEqual([]);
    }
    // The attacker really saw the round: the copy after the last ballot holds its seven participations (unless
    // a checkpoint folded some into the main file, which the attacker sees as the first state).
    expect(attack(committedSnapshots(copies[6]!), roundId).participations).toBeGreaterThanOrEqual(1);
    const final = committedSnapshots(afterClose).at(-1)!;
    expect(final.tables.secret_participation!.filter((r) => r.includes(roundId))).toHaveLength(7);
    // The totals exist once the round is closed, and only as totals.
    const result: RoundResult | null = closed.ok ? (closed.data as RoundView).result : null;
    expect(result?.kind === 'election' && result.participated).toBe(7);
    expect(result?.kind === 'election' && Object.fromEntries(result.candidates.map((c: { id: string; votes: number }) => [c.id, c.votes]))).toEqual(
      Object.fromEntries(candidateIds.map((id) => [id, picks.filter((p) => p === id).length])),
    );
    // Rebuilding and reading every committed state of nine copies takes a while on a loaded machine.
  }, 120_000);

  it('after a SIGKILL mid-round: nothing on disk links a choice, and the restarted server voids the round with a message to the chair and the tablets', async () => {
    const dataDir = scratchDir('hddt-secret-kill-');
    const port = await freePort();
    const password = 'secret-kill-password';
    let output = '';
    const startChild = (): Promise<ChildProcess> =>
      new Promise((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'server/src/main.ts')], {
          cwd: REPO_ROOT,
          env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, HDDT_ADMIN_PASSWORD: password, HDDT_DEMO: '1', HDDT_SELF_TEST: '0' },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let started = false;
        child.stdout!.on('data', (d: Buffer) => {
          output += d.toString();
          if (!started && output.includes('/display/')) {
            started = true;
            resolve(child);
          }
        });
        child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
        child.on('exit', (code) => {
          if (!started) reject(new Error(`child exited ${code}: ${output}`));
        });
      });
    let child = await startChild();
    cleanups.push(() => {
      child.kill('SIGKILL');
    });
    const server = { url: `http://127.0.0.1:${port}`, adminPassword: password };
    const staff = await staffLogin(server);
    let chair = await chairSocket(server, staff);
    const cards = await delegateCards(server, staff);
    const voters: DelegateSocket[] = [];
    for (const card of cards.slice(0, 7)) voters.push(await delegateSocket(server, tokenOf(card)));
    await openSessionWithRollCall(chair, voters);
    await markPresent(
      chair,
      cards.slice(7, 21).map((c) => c.delegateId),
    );
    const { motion, roundId } = await secretElection(chair);
    const candidateIds = motion.candidates.map((c) => c.id);
    for (const [i, voter] of voters.entries()) {
      const ack = await voter
        .timeout(5000)
        .emitWithAck('vote:cast', { roundId, choice: { type: 'election', candidateIds: [candidateIds[i % candidateIds.length]!] } });
      expect(ack.ok).toBe(true);
    }
    for (const s of [chair, ...voters]) s.disconnect();
    child.kill('SIGKILL');
    await new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

    // The WAL stays on disk after a crash: the thief copies it as it is.
    const copy = copyDatabaseFiles(dataDir, scratchDir('hddt-copy-killed-'));
    expect(readFileSync(`${copy}-wal`).length).toBeGreaterThan(32);
    const snapshots = committedSnapshots(copy);
    const { findings, recovered, participations } = attack(snapshots, roundId);
    expect(participations).toBe(7);
    expect(findings.map((f) => f.what)).toEqual([]);
    expect(recovered.size).toBe(0);
    expect(runningTotalsInBytes(copy)).toBe(false);
    for (const s of snapshots) expect(choicesOfRoundIn(s, roundId, candidateIds)).toEqual([]);
    // Nor do the server's own logs.
    for (const id of candidateIds) expect(output).not.toContain(id);

    // The choices lived only in the killed process: the restarted server voids the round, says why, and the
    // chair and every tablet see it.
    child = await startChild();
    chair = await chairSocket(server, await staffLogin(server));
    const tablet = await delegateSocket(server, tokenOf(cards[0]!));
    cleanups.push(() => {
      chair.disconnect();
      tablet.disconnect();
    });
    const chairView: Ack<ChairSnapshot> = await chair.timeout(5000).emitWithAck('session:sync', {});
    if (!chairView.ok) throw new Error(chairView.code);
    const voided = chairView.data.rounds.find((r: RoundView) => r.id === roundId)!;
    expect(voided).toMatchObject({ status: 'cancelled', cancelledReason: SECRET_ROUND_VOIDED_REASON });
    expect(voided.cancelledReason).toMatch(/bỏ phiếu lại/);
    expect(voided.cancelledReason).toMatch(/vote again/);
    const tabletView: Ack<{ snapshot: LiveSnapshot }> = await tablet.timeout(5000).emitWithAck('session:sync', {});
    if (!tabletView.ok) throw new Error(tabletView.code);
    expect(tabletView.data.snapshot.rounds.find((r: RoundView) => r.id === roundId)).toMatchObject({
      status: 'cancelled',
      cancelledReason: SECRET_ROUND_VOIDED_REASON,
    });
    // The motion can be voted again at once.
    const again = await chair.timeout(5000).emitWithAck('motion:open', { motionId: motion.id, commandId: 'secret-disk-02' });
    expect(again.ok).toBe(true);
    child.kill('SIGKILL');
  }, 120_000);

  it('an old database that kept running totals is scrubbed on upgrade: the table is gone and its bytes with it', async () => {
    const dataDir = scratchDir('hddt-secret-upgrade-');
    mkdirSync(dataDir, { recursive: true });
    const server = await startServer({ dataDir });
    cleanups.push(() => server.dispose());
    await server.stop();
    // Simulate a database written by the old version: a running-totals table with a round's totals in it.
    const Database = (await import('better-sqlite3')).default;
    const file = path.join(dataDir, 'hoi-dong.sqlite');
    const old = new Database(file);
    old.exec(`CREATE TABLE IF NOT EXISTS secret_tally (round_id TEXT PRIMARY KEY, tally TEXT NOT NULL) WITHOUT ROWID`);
    // Rounds of a whole term came and went: their rows were deleted at each close (leaving their bytes in free
    // pages, as secure_delete was off), and one round is still open.
    old.pragma('secure_delete = OFF');
    const insert = old.prepare('INSERT OR REPLACE INTO secret_tally (round_id, tally) VALUES (?, ?)');
    for (let i = 0; i < 300; i += 1)
      insert.run(`old-round-${i}`, JSON.stringify({ ballots: i, options: { yes: i, no: 1, abstain: 0 }, note: 'x'.repeat(200) }));
    old.prepare("DELETE FROM secret_tally WHERE round_id <> 'old-round-7'").run();
    old.pragma('wal_checkpoint(TRUNCATE)');
    // …and without what later migrations added (0009: delegate notes; 0010: the minutes notes’ recipients).
    old.exec('DROP TABLE delegate_notes');
    old.exec('ALTER TABLE minutes_notes DROP COLUMN recipients');
    old.prepare('DELETE FROM schema_migrations WHERE version >= 8').run();
    old.close();
    expect(runningTotalsInBytes(file)).toBe(true);
    await server.restart();
    await server.stop();
    const after = new Database(file, { readonly: true });
    const tables = (after.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    after.close();
    expect(tables).not.toContain('secret_tally');
    expect(runningTotalsInBytes(file)).toBe(false);
  });
});
