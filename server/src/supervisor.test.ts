// The supervisor keeps the hall served: the process listening on PORT is killed with SIGKILL mid-vote; it
// serves again within 5 s without a person, tablets resynchronise by themselves, every acknowledged ballot is
// there, the restart is in the tamper-evident log, and SIGTERM still stops everything cleanly.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { PROTOCOL_VERSION } from '@hddt/protocol';
import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import {
  REPO_ROOT,
  chairSocket,
  delegateCards,
  demoSession,
  freePort,
  markPresent,
  openSessionWithRollCall,
  staffLogin,
  tokenOf,
  type DelegateSocket,
} from './testing/harness';
import { verifyChain } from './storage/event-log';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** The pid of the process with a listening TCP socket on `port` (read from /proc, as `ss -ltnp` does). */
function pidListeningOn(port: number): number | null {
  const inodes = new Set<string>();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 10) continue;
      const localPort = parseInt(cols[1]!.split(':')[1]!, 16);
      if (localPort === port && cols[3] === '0A') inodes.add(cols[9]!);
    }
  }
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m && inodes.has(m[1]!)) return Number(pid);
      } catch {
        // The fd closed meanwhile.
      }
    }
  }
  return null;
}

async function servingWithin(url: string, ms: number): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < ms) {
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(500) });
      if (res.status === 200) return performance.now() - started;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`not serving after ${ms} ms`);
}

describe('supervisor', () => {
  it('serves again within 5 s after the server process is SIGKILLed, with every acknowledged ballot and the restart logged', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'hddt-supervisor-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const port = await freePort();
    const password = 'supervisor-test-password';
    let output = '';
    const supervisor: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'server/src/supervisor.ts')], {
      cwd: REPO_ROOT,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, HDDT_ADMIN_PASSWORD: password, HDDT_DEMO: '1', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    cleanups.push(() => {
      if (supervisor.exitCode === null) supervisor.kill('SIGKILL');
      const orphan = pidListeningOn(port);
      if (orphan) process.kill(orphan, 'SIGKILL');
    });
    supervisor.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    supervisor.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    const server = { url: `http://127.0.0.1:${port}`, adminPassword: password };
    await servingWithin(server.url, 60_000);

    const staff = await staffLogin(server);
    const chair = await chairSocket(server, staff);
    const cards = await delegateCards(server, staff);
    // Tablets as the delegate app builds them: they reconnect by themselves.
    const tablets: DelegateSocket[] = cards.slice(0, 4).map((card, i) =>
      io(`${server.url}/delegate`, {
        auth: { protocolVersion: PROTOCOL_VERSION, token: tokenOf(card), deviceId: `tablet-${i}` },
        transports: ['websocket'],
        forceNew: true,
        reconnectionDelay: 500,
        reconnectionDelayMax: 3000,
      }),
    );
    cleanups.push(() => {
      chair.disconnect();
      for (const t of tablets) t.disconnect();
    });
    await Promise.all(tablets.map((t) => new Promise<void>((resolve) => t.once('connect', () => resolve()))));
    await openSessionWithRollCall(chair, tablets);
    await markPresent(
      chair,
      cards.slice(4, 21).map((c) => c.delegateId),
    );
    const { motions } = await demoSession(chair);
    const motion = motions.find((m) => m.mode === 'named')!;
    const opened = await chair.timeout(5000).emitWithAck('motion:open', { motionId: motion.id, commandId: 'supervisor-01' });
    if (!opened.ok) throw new Error(opened.code);
    const roundId = opened.data.id;
    const acked: string[] = [];
    for (const [i, option] of (['yes', 'no', 'abstain'] as const).entries()) {
      const ack = await tablets[i]!.timeout(5000).emitWithAck('vote:cast', { roundId, choice: { type: 'option', option } });
      if (ack.ok) acked.push(cards[i]!.delegateId);
    }
    expect(acked).toHaveLength(3);

    const victim = pidListeningOn(port);
    expect(victim).not.toBeNull();
    expect(victim).not.toBe(supervisor.pid);
    const resynced = tablets.map((t) => new Promise<void>((resolve) => t.once('state:snapshot', () => resolve())));
    process.kill(victim!, 'SIGKILL');

    const servedAfterMs = await servingWithin(server.url, 5000);
    expect(servedAfterMs).toBeLessThan(5000);
    console.log(`served again ${Math.round(servedAfterMs)} ms after SIGKILL`);
    const newPid = pidListeningOn(port);
    expect(newPid).not.toBe(victim);

    // Tablets come back by themselves and get a fresh snapshot; the acknowledged ballots are there.
    await Promise.all(resynced);
    for (const [i, option] of (['yes', 'no', 'abstain'] as const).entries()) {
      const mine = await tablets[i]!.timeout(5000).emitWithAck('vote:mine', { roundId });
      expect(mine.ok && mine.data.choice).toEqual({ type: 'option', option });
    }
    const fourth = await tablets[3]!.timeout(5000).emitWithAck('vote:cast', { roundId, choice: { type: 'option', option: 'yes' } });
    expect(fourth.ok).toBe(true);

    const db = new Database(path.join(dataDir, 'hoi-dong.sqlite'), { readonly: true });
    try {
      const restarts = (db.prepare("SELECT payload FROM events WHERE type = 'server.restarted'").all() as { payload: string }[]).map(
        (r) => JSON.parse(r.payload) as Record<string, unknown>,
      );
      expect(restarts).toMatchObject([{ previousExitCode: null, previousSignal: 'SIGKILL', restarts: 1, selfTestSkipped: true }]);
      expect(verifyChain(db as never).ok).toBe(true);
      const stored = (db.prepare('SELECT delegate_id FROM ballots WHERE round_id = ?').all(roundId) as { delegate_id: string }[]).map((r) => r.delegate_id);
      for (const id of acked) expect(stored).toContain(id);
    } finally {
      db.close();
    }

    // SIGTERM to the supervisor stops the server cleanly and is not taken for a crash.
    const exited = new Promise<number | null>((resolve) => supervisor.once('exit', (code) => resolve(code)));
    supervisor.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(pidListeningOn(port)).toBeNull();
    expect(output).toContain('server ended without being asked to');
  }, 90_000);
});
