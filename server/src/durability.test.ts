// Durability: restart mid-vote, SIGKILL during a burst, replaying the log rebuilds the same tables,
// a failing disk refuses ballots without touching what is stored.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  REPO_ROOT,
  freePort,
  api,
  staffLogin,
  chairSocket,
  delegateCards,
  delegateSocket,
  demoSession,
  markPresent,
  openSessionWithRollCall,
  startServer,
  tokenOf,
  type DelegateSocket,
  type TestServer,
} from './testing/harness';
import { loadState } from './engine';
import { openDatabase } from './storage/database';
import { EventLog, verifyChain } from './storage/event-log';
import { ProjectionWriter, dumpProjections } from './storage/projections';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function liveServer(): Promise<TestServer> {
  const server = await startServer();
  cleanups.push(() => server.dispose());
  return server;
}

describe('durability', () => {
  it('continues an open round after a restart, with every ballot and the same N', async () => {
    const server = await liveServer();
    let chair = await chairSocket(server);
    const cards = await delegateCards(server);
    const voters: DelegateSocket[] = [];
    for (const card of cards.slice(0, 4)) voters.push(await delegateSocket(server, tokenOf(card)));
    await openSessionWithRollCall(chair, voters);
    await markPresent(
      chair,
      cards.slice(4, 21).map((c) => c.delegateId),
    );
    const { motions } = await demoSession(chair);
    const motion = motions.find((m) => m.mode === 'anonymous')!;
    const opened = await chair.timeout(5000).emitWithAck('motion:open', { motionId: motion.id, commandId: 'restart-0001' });
    if (!opened.ok) throw new Error(opened.code);
    const roundId = opened.data.id;
    await voters[0]!.timeout(5000).emitWithAck('vote:cast', { roundId, choice: { type: 'option', option: 'yes' } });
    await voters[1]!.timeout(5000).emitWithAck('vote:cast', { roundId, choice: { type: 'option', option: 'no' } });
    for (const s of [chair, ...voters]) s.disconnect();

    await server.restart();
    chair = await chairSocket(server);
    const again = await delegateSocket(server, tokenOf(cards[0]!));
    const third = await delegateSocket(server, tokenOf(cards[2]!));
    cleanups.push(() => {
      for (const s of [chair, again, third]) s.disconnect();
    });
    const mine = await again.timeout(5000).emitWithAck('vote:mine', { roundId });
    expect(mine.ok && mine.data?.choice).toEqual({ type: 'option', option: 'yes' });
    const cast = await third.timeout(5000).emitWithAck('vote:cast', { roundId, choice: { type: 'option', option: 'yes' } });
    expect(cast.ok).toBe(true);
    const closed = await chair.timeout(5000).emitWithAck('round:close', { roundId });
    expect(closed.ok && closed.data.result).toMatchObject({ seated: 31, participated: 3, counts: { yes: 2, no: 1, abstain: 0 } });
  });

  it('rebuilds identical projection tables by replaying the log', async () => {
    const server = await liveServer();
    const chair = await chairSocket(server);
    const cards = await delegateCards(server);
    const voters: DelegateSocket[] = [];
    for (const card of cards.slice(0, 3)) voters.push(await delegateSocket(server, tokenOf(card)));
    cleanups.push(() => {
      for (const s of [chair, ...voters]) s.disconnect();
    });
    await openSessionWithRollCall(chair, voters);
    await markPresent(
      chair,
      cards.slice(3, 22).map((c) => c.delegateId),
    );
    await chair.timeout(5000).emitWithAck('attendance:set', { delegateId: cards[21]!.delegateId, status: 'excused', reason: 'Đi công tác' });
    const { motions } = await demoSession(chair);
    for (const [i, motion] of motions.filter((m) => m.kind !== 'confidence').entries()) {
      const opened = await chair.timeout(5000).emitWithAck('motion:open', { motionId: motion.id, commandId: `replay-${i}-000` });
      if (!opened.ok) throw new Error(opened.code);
      const choice =
        motion.kind === 'election'
          ? { type: 'election' as const, candidateIds: [motion.candidates[0]!.id] }
          : { type: 'option' as const, option: 'yes' as const };
      for (const v of voters) await v.timeout(5000).emitWithAck('vote:cast', { roundId: opened.data.id, choice });
      await chair.timeout(5000).emitWithAck('round:close', { roundId: opened.data.id });
    }
    await voters[0]!.timeout(5000).emitWithAck('speaker:request', {});
    await server.stop();

    const live = openDatabase(path.join(server.dataDir, 'hoi-dong.sqlite'));
    const replayed = openDatabase(':memory:');
    try {
      const state = loadState(new EventLog(live));
      replayed.transaction(() => new ProjectionWriter(replayed).writeAll(state))();
      expect(dumpProjections(replayed)).toEqual(dumpProjections(live));
      expect(verifyChain(live)).toMatchObject({ ok: true, brokenAt: null });
      // The log is append-only.
      expect(() => live.prepare('UPDATE events SET actor = ? WHERE seq = 1').run('x')).toThrow(/append-only/);
      expect(() => live.prepare('DELETE FROM events WHERE seq = 1').run()).toThrow(/append-only/);
    } finally {
      live.close();
      replayed.close();
    }
  });

  it('refuses ballots with STORAGE_FAILURE when the disk fails, and loses nothing committed', async () => {
    const server = await liveServer();
    const chair = await chairSocket(server);
    const cards = await delegateCards(server);
    const voters: DelegateSocket[] = [];
    for (const card of cards.slice(0, 2)) voters.push(await delegateSocket(server, tokenOf(card)));
    cleanups.push(() => {
      for (const s of [chair, ...voters]) s.disconnect();
    });
    await openSessionWithRollCall(chair, voters);
    await markPresent(
      chair,
      cards.slice(2, 21).map((c) => c.delegateId),
    );
    const { motions } = await demoSession(chair);
    const opened = await chair.timeout(5000).emitWithAck('motion:open', { motionId: motions[1]!.id, commandId: 'disk-full-01' });
    if (!opened.ok) throw new Error(opened.code);
    const roundId = opened.data.id;
    expect((await voters[0]!.timeout(5000).emitWithAck('vote:cast', { roundId, choice: { type: 'option', option: 'yes' } })).ok).toBe(true);
    const seqBefore = server.app.engine.seq;
    server.app.engine.beforeCommit = () => {
      throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    };
    const refused = await voters[1]!.timeout(5000).emitWithAck('vote:cast', { roundId, choice: { type: 'option', option: 'no' } });
    expect(refused).toMatchObject({ ok: false, code: 'STORAGE_FAILURE' });
    expect(refused.ok === false && refused.messageEn).toMatch(/Nothing was recorded/);
    expect(server.app.engine.seq).toBe(seqBefore);
    expect(server.app.engine.state.rounds[roundId]!.ballots.get(cards[1]!.delegateId)).toBeUndefined();
    server.app.engine.beforeCommit = null;
    const retried = await voters[1]!.timeout(5000).emitWithAck('vote:cast', { roundId, choice: { type: 'option', option: 'no' } });
    expect(retried.ok).toBe(true);
    expect(verifyChain(server.app.db).ok).toBe(true);
  });

  it('refuses ballots with a clear error when the database is full (SQLite max_page_count), keeping committed data', async () => {
    const server = await liveServer();
    const chair = await chairSocket(server);
    const cards = await delegateCards(server);
    const voters: DelegateSocket[] = [];
    for (const card of cards.slice(0, 21)) voters.push(await delegateSocket(server, tokenOf(card)));
    cleanups.push(() => {
      for (const s of [chair, ...voters]) s.disconnect();
    });
    await openSessionWithRollCall(chair, voters);
    const { motions } = await demoSession(chair);
    const opened = await chair.timeout(5000).emitWithAck('motion:open', { motionId: motions[1]!.id, commandId: 'db-full-0001' });
    if (!opened.ok) throw new Error(opened.code);
    const roundId = opened.data.id;
    const db = server.app.db;
    // The file may not grow any more: the next page SQLite needs fails with SQLITE_FULL, as on a full disk.
    const pages = (db.pragma('page_count', { simple: true }) as number) + 0;
    db.pragma(`max_page_count = ${pages}`);
    const answers = [];
    for (const v of voters) answers.push(await v.timeout(5000).emitWithAck('vote:cast', { roundId, choice: { type: 'option', option: 'yes' } }));
    const refused = answers.filter((a) => !a.ok);
    expect(refused.length).toBeGreaterThan(0);
    for (const a of refused) expect(a).toMatchObject({ ok: false, code: 'STORAGE_FAILURE', message: expect.stringContaining('ổ đĩa đầy') });
    const accepted = answers.filter((a) => a.ok).length;
    // What was acknowledged is stored; what was refused is not; the log is intact.
    expect((db.prepare('SELECT COUNT(*) AS n FROM ballots WHERE round_id = ?').get(roundId) as { n: number }).n).toBe(accepted);
    expect(server.app.engine.state.rounds[roundId]!.ballots.size).toBe(accepted);
    expect(verifyChain(db).ok).toBe(true);
    // Space comes back: the refused delegates press again and are counted.
    db.pragma('max_page_count = 1073741823');
    for (const [i, a] of answers.entries()) {
      if (!a.ok) expect((await voters[i]!.timeout(5000).emitWithAck('vote:cast', { roundId, choice: { type: 'option', option: 'yes' } })).ok).toBe(true);
    }
    expect((db.prepare('SELECT COUNT(*) AS n FROM ballots WHERE round_id = ?').get(roundId) as { n: number }).n).toBe(21);
  });

  it('keeps every acknowledged ballot when the server process is killed (SIGKILL) during a 500-voter burst', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'hddt-kill-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const port = await freePort();
    const password = 'kill-test-password';
    const startChild = (): Promise<ChildProcess> =>
      new Promise((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'server/src/main.ts')], {
          cwd: REPO_ROOT,
          env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, HDDT_ADMIN_PASSWORD: password, HDDT_DEMO: '0' },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let out = '';
        child.stdout!.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('/display/')) resolve(child);
        });
        child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
        child.on('exit', (code) => reject(new Error(`child exited ${code}: ${out}`)));
      });
    let child = await startChild();
    cleanups.push(() => {
      child.kill('SIGKILL');
    });
    const server = { url: `http://127.0.0.1:${port}`, adminPassword: password };
    // A 500-delegate council (the server starts empty: HDDT_DEMO=0).
    const staff = await staffLogin(server);
    const csv = ['seat,fullName', ...Array.from({ length: 500 }, (_, i) => `${i + 1},Đại biểu ${i + 1}`)].join('\n');
    expect((await api(server, 'POST', '/api/delegates/import', csv, staff)).status).toBe(201);
    const created = await api<{ id: string }>(
      server,
      'POST',
      '/api/sessions',
      { number: 1, startDate: '2026-01-01', endDate: '2099-12-31', place: 'Hội trường' },
      staff,
    );
    const motion = await api<{ id: string }>(
      server,
      'POST',
      `/api/sessions/${created.body.id}/motions`,
      { question: 'Biểu quyết khi máy chủ bị tắt đột ngột' },
      staff,
    );
    const chair = await chairSocket(server, staff);
    const cards = await delegateCards(server, staff);
    const voters: DelegateSocket[] = [];
    for (let i = 0; i < cards.length; i += 100) {
      voters.push(...(await Promise.all(cards.slice(i, i + 100).map((card) => delegateSocket(server, tokenOf(card))))));
    }
    cleanups.push(() => {
      for (const s of [chair, ...voters]) s.disconnect();
    });
    await chair.timeout(10_000).emitWithAck('session:open', { sessionId: created.body.id });
    await chair.timeout(10_000).emitWithAck('rollcall:open', {});
    await Promise.all(voters.map((v) => v.timeout(20_000).emitWithAck('attendance:checkin', {})));
    const opened = await chair.timeout(10_000).emitWithAck('motion:open', { motionId: motion.body.id, commandId: 'sigkill-001' });
    if (!opened.ok) throw new Error(opened.code);
    const roundId = opened.data.id;

    const acked: string[] = [];
    const options = ['yes', 'no', 'abstain'] as const;
    const press = (i: number) =>
      voters[i]!.timeout(5000)
        .emitWithAck('vote:cast', { roundId, choice: { type: 'option', option: options[i % 3]! } })
        .then((ack) => {
          if (ack.ok) acked.push(cards[i]!.delegateId);
        })
        .catch(() => undefined);
    // The first half presses at once; when 100 are confirmed the server is killed while the second half
    // presses too: ballots are in every state (committed, in a transaction, in a socket buffer, unsent).
    const first = Array.from({ length: 250 }, (_, i) => press(i));
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (acked.length >= 100) {
          clearInterval(timer);
          resolve();
        }
      }, 1);
    });
    const second = Array.from({ length: 250 }, (_, i) => press(250 + i));
    child.kill('SIGKILL');
    await Promise.all([...first, ...second]);
    await new Promise((r) => setTimeout(r, 200));
    expect(acked.length).toBeGreaterThanOrEqual(100);
    expect(acked.length).toBeLessThan(500);

    child = await startChild();
    const db = openDatabase(path.join(dataDir, 'hoi-dong.sqlite'));
    try {
      const stored = new Set(
        (db.prepare('SELECT delegate_id FROM ballots WHERE round_id = ?').all(roundId) as { delegate_id: string }[]).map((r) => r.delegate_id),
      );
      for (const id of acked) expect(stored.has(id)).toBe(true);
      expect(db.prepare('SELECT status FROM rounds WHERE id = ?').get(roundId)).toEqual({ status: 'open' });
      // Nothing half-written either: every stored ballot is in the log.
      const logged = db.prepare("SELECT COUNT(*) AS n FROM events WHERE type = 'ballot.cast'").get() as { n: number };
      expect(logged.n).toBe(stored.size);
      expect(verifyChain(db).ok).toBe(true);
    } finally {
      db.close();
    }
    child.kill('SIGKILL');
  });
});
