// The portal benchmark (`npm run bench -- --portal`): one hall, two portal nodes, N public viewers of the live
// page split across the nodes, each in processes of their own, on this one machine:
//
//   hall        server/dist/main.js (demo council), publishing to node A over HTTP as in docs/deploy.md
//   node A, B   server/dist/portal-main.js on one fresh PostgreSQL database, the live adapter between them
//   viewers     bench/portal-viewers.ts, one process per node, N/2 Socket.IO clients each
//   pages       bench/portal-pages.ts, one autocannon process per node, on the resolution pages
//
// Measured in each run: the time from the chair's announcement (just before round:announce is sent) to each
// viewer showing the result, per node and over all viewers (p50, p99, last), once with the viewers idle and once
// while autocannon loads both nodes; pages per second served meanwhile, with their latency; peak memory (VmHWM)
// and CPU of every process. Several runs interleave the adapters (redis, postgres, postgres, redis, …) so the
// shared machine's drifting load falls on both alike; the summary gives medians and ranges.
//
//   npm run bench -- --portal                                   10,000 viewers, both adapters, 3 runs each
//   npm run bench -- --portal --viewers 20000 --adapter redis --runs 1
//   npm run bench -- --portal --duration 20 --connections 50    page load: seconds, connections per node
//   npm run bench -- --portal --connect-only --viewers 10000    the connect storm alone: viewers/s, node CPU per viewer
//   npm run bench -- --portal --connect-rate 500                viewers opened per second (default: as fast as answered)
//   BENCH_CPU_PROF=/tmp/prof npm run bench -- --portal …        the nodes write a CPU profile (node --cpu-prof) there
//
// PostgreSQL: PG_BENCH_URL (default postgres://root@127.0.0.1:5432/test) must be allowed CREATE DATABASE; each
// run creates hddt_bench_<random> and drops it. Redis: REDIS_URL (default redis://127.0.0.1:6379), one stream
// per run. Benchmarks are not tests: nothing here runs under vitest.

import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import {
  REPO_ROOT,
  chairSocket,
  delegateCards,
  delegateSocket,
  freePort,
  openSessionWithRollCall,
  staffLogin,
  tokenOf,
  type ChairSocket,
  type DelegateSocket,
} from '../server/src/testing/harness';

type AdapterName = 'redis' | 'postgres';

interface Options {
  viewers: number;
  adapters: AdapterName[];
  runs: number;
  durationS: number;
  connections: number;
  /** Results announced before the viewers connect, so the live fragment and the resolution pages are a session day's. */
  priorResults: number;
  /** Stop once every viewer has its first snapshot: the connect storm alone (--connect-only). */
  connectOnly: boolean;
  /** Viewers opened per second over both nodes (--connect-rate; 0: as fast as the nodes answer). */
  connectRate: number;
}

interface Latency {
  viewers: number;
  seen: number;
  p50Ms: number;
  p99Ms: number;
  lastMs: number;
}

interface Announce {
  all: Latency;
  perNode: Latency[];
  /** Size of the live update carrying the result (JSON, both languages). */
  updateBytes: number;
}

interface PageLoad {
  url: string;
  requestsPerSecond: number;
  total: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMaxMs: number;
  status2xx: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  peakRssMb: number;
  cpuS: number;
}

interface ProcessFigures {
  peakRssMb: number;
  cpuS: number;
}

/** The connect storm: every viewer opening its socket and receiving its first snapshot. */
interface ConnectFigures {
  /** Viewers with their first snapshot per second, over both nodes. */
  viewersPerS: number;
  /** CPU each node spent during the storm, per viewer it took (ms): the figure a shared machine's load moves least. */
  nodeCpuMsPerViewer: number[];
  /** CPU the viewer processes spent per viewer (ms): the generator's own cost, to tell whether it held the pace. */
  generatorCpuMsPerViewer: number;
  /** The 1-minute load average when the storm ended (other engineers' builds share the machine). */
  loadAverage: number;
}

export interface PortalRun {
  scenario: string;
  adapter: AdapterName;
  viewers: number;
  /** Seconds until every viewer had its first snapshot. */
  connectS: number;
  connect: ConnectFigures;
  /** Absent with --connect-only. */
  idle?: Announce;
  underLoad?: Announce;
  pages?: { requestsPerSecond: number; perNode: PageLoad[] };
  disconnects: number;
  processes: Record<string, ProcessFigures>;
}

const KEY = `bench-${randomBytes(16).toString('hex')}`;
const PG_URL = process.env.PG_BENCH_URL ?? 'postgres://root@127.0.0.1:5432/test';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PASSWORD = 'bench-password-123';

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function median(values: number[]): number {
  const finite = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (finite.length === 0) return NaN;
  const mid = Math.floor(finite.length / 2);
  return finite.length % 2 ? finite[mid]! : (finite[mid - 1]! + finite[mid]!) / 2;
}

function figures(pid: number | undefined, cpuBefore = 0): ProcessFigures {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const cpuNs = Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]);
    return { peakRssMb: Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024), cpuS: Math.round((cpuNs / 1e9 - cpuBefore) * 10) / 10 };
  } catch {
    return { peakRssMb: NaN, cpuS: NaN };
  }
}

/** A child process with its stdout read line by line. */
class Child {
  readonly lines: string[] = [];
  private waiters: { test: (line: string) => boolean; resolve: (line: string) => void }[] = [];
  private output = '';
  exited = false;

  constructor(
    readonly name: string,
    readonly proc: ChildProcess,
  ) {
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      this.lines.push(line);
      const i = this.waiters.findIndex((w) => w.test(line));
      if (i >= 0) this.waiters.splice(i, 1)[0]!.resolve(line);
    });
    proc.stderr?.on('data', (d: Buffer) => {
      this.output = (this.output + d.toString()).slice(-4000);
      if (name.startsWith('viewers')) process.stderr.write(`[${name}] ${d.toString()}`);
    });
    proc.on('exit', () => (this.exited = true));
  }

  /** The first line (already read or to come) that passes `test`; `from` skips lines read before. */
  wait(test: (line: string) => boolean, ms: number, from = 0): Promise<string> {
    const seen = this.lines.slice(from).find(test);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.name}: timed out after ${ms} ms; stderr: ${this.output}`)), ms);
      this.proc.once('exit', (code) => reject(new Error(`${this.name} exited ${code}; stderr: ${this.output}`)));
      this.waiters.push({
        test,
        resolve: (line) => {
          clearTimeout(timer);
          resolve(line);
        },
      });
    });
  }

  send(line: string): void {
    this.proc.stdin!.write(`${line}\n`);
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    const gone = new Promise((r) => this.proc.once('exit', r));
    this.proc.kill('SIGTERM');
    await Promise.race([gone, new Promise((r) => setTimeout(r, 5000))]);
    if (!this.exited) this.proc.kill('SIGKILL');
  }
}

/** With BENCH_CPU_PROF=<dir>, the portal nodes write a CPU profile there when they stop (node --cpu-prof). */
const nodeProfile = (): string[] =>
  process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-interval=200', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];

/**
 * The open-file limit this process (and so each child) has: each viewer is a socket in a viewer process and
 * another in a node, so a process with fewer descriptors than its share stops opening them (EMFILE).
 */
function openFileLimit(): number {
  const line = /Max open files\s+(\d+|unlimited)/.exec(readFileSync('/proc/self/limits', 'utf8'));
  return !line || line[1] === 'unlimited' ? Infinity : Number(line[1]);
}

function start(name: string, args: string[], env: Record<string, string> = {}): Child {
  const proc = spawn(process.execPath, args, { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  return new Child(name, proc);
}

interface ViewerProc {
  node: number;
  child: Child;
  count: number;
}

const VIEWERS_PER_PROCESS = 2500;
/** Descriptors a process needs besides its sockets (files, pipes, the database and Redis connections). */
const SPARE_FILES = 200;

const tsx = (file: string) => ['--import', 'tsx', path.join(REPO_ROOT, 'bench', file)];

async function until(what: string, check: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Progress on stderr, so a long run shows where it is. */
function note(text: string): void {
  process.stderr.write(`[portal bench ${new Date().toISOString().slice(11, 19)}] ${text}\n`);
}

/** GET with one retry: a kept-alive connection the node closed just then answers ECONNRESET once. */
async function get(url: string): Promise<Response> {
  try {
    return await fetch(url);
  } catch {
    await new Promise((r) => setTimeout(r, 200));
    return fetch(url);
  }
}

async function headOf(url: string): Promise<number> {
  const res = await get(`${url}/healthz`);
  return ((await res.json()) as { seq: number }).seq;
}

/** A vote on a new resolution: opened ad hoc, every delegate presses, closed; resolves with the round id. */
async function voteOn(chair: ChairSocket, delegates: DelegateSocket[], n: number): Promise<string> {
  const question = `Thông qua Nghị quyết thử tải số ${n}`;
  const opened = await chair.timeout(10_000).emitWithAck('motion:adhoc', {
    motion: { question, mode: 'named', resolution: true, resolutionTitle: `Nghị quyết thử tải số ${n}` },
    commandId: `bench-${n}-${randomBytes(4).toString('hex')}`,
  });
  if (!opened.ok) throw new Error(`motion:adhoc ${opened.code}`);
  const roundId = opened.data.id;
  await Promise.all(
    delegates.map(async (d, i) => {
      const ack = await d.timeout(10_000).emitWithAck('vote:cast', { roundId, choice: { type: 'option', option: i % 7 === 0 ? 'abstain' : 'yes' } });
      if (!ack.ok) throw new Error(`vote:cast ${ack.code}`);
    }),
  );
  const closed = await chair.timeout(10_000).emitWithAck('round:close', { roundId });
  if (!closed.ok) throw new Error(`round:close ${closed.code}`);
  return roundId;
}

/** Waits until both nodes have folded the hall's log as far as it has been pushed, and stay there. */
async function settled(nodes: string[]): Promise<void> {
  let last = -1;
  let same = 0;
  await until(
    'both nodes at the same head',
    async () => {
      const heads = await Promise.all(nodes.map(headOf));
      const head = heads.every((h) => h === heads[0]) ? heads[0]! : -1;
      same = head >= 0 && head === last ? same + 1 : 0;
      last = head;
      return same >= 3;
      // Minutes, not seconds: with thousands of viewers a node is busy sending the vote's updates for a while.
    },
    300_000,
  );
}

function latency(seenAt: number[], viewers: number, t0: number): Latency {
  const ms = seenAt.map((t) => t - t0);
  return { viewers, seen: ms.length, p50Ms: percentile(ms, 50), p99Ms: percentile(ms, 99), lastMs: ms.length ? Math.max(...ms) : NaN };
}

/** The chair announces the closed round; each viewer process reports when its viewers showed the result. */
async function announce(chair: ChairSocket, roundId: string, viewerProcs: ViewerProc[], nodes: number): Promise<Announce> {
  const from = viewerProcs.map((v) => v.child.lines.length);
  for (const v of viewerProcs) v.child.send(`WATCH ${roundId}`);
  // A viewer process answers once it has read the updates queued before (the vote just held sent a few to each
  // of its thousands of viewers), so the clock starts with every viewer up to date.
  await Promise.all(viewerProcs.map((v, i) => v.child.wait((l) => l === `WATCHING ${roundId}`, 180_000, from[i])));
  const t0 = Date.now();
  const ack = await chair.timeout(10_000).emitWithAck('round:announce', { roundId });
  if (!ack.ok) throw new Error(`round:announce ${ack.code}`);
  const reports = await Promise.all(
    viewerProcs.map(async (v, i) => ({
      node: v.node,
      ...(JSON.parse(await v.child.wait((l) => l.startsWith(`{"roundId":"${roundId}"`), 90_000, from[i])) as {
        seenAt: number[];
        viewers: number;
        bytes: number;
      }),
    })),
  );
  return {
    all: latency(
      reports.flatMap((r) => r.seenAt),
      reports.reduce((n, r) => n + r.viewers, 0),
      t0,
    ),
    perNode: Array.from({ length: nodes }, (_, node) => {
      const mine = reports.filter((r) => r.node === node);
      return latency(
        mine.flatMap((r) => r.seenAt),
        mine.reduce((n, r) => n + r.viewers, 0),
        t0,
      );
    }),
    updateBytes: Math.max(...reports.map((r) => r.bytes)),
  };
}

export async function runPortal(adapter: AdapterName, options: Options): Promise<PortalRun> {
  const database = `hddt_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const databaseUrl = new URL(PG_URL);
  databaseUrl.pathname = `/${database}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hddt-portal-bench-'));
  const children: Child[] = [];
  const sockets: { disconnect(): unknown }[] = [];
  const cpuAtStart = new Map<string, number>();
  try {
    // Two portal nodes as docs/deploy.md runs them, one live channel per run.
    const channel = `hddt-bench-${randomBytes(4).toString('hex')}`;
    const nodeUrls: string[] = [];
    for (const name of ['node A', 'node B']) {
      const port = await freePort();
      const node = start(name, [...nodeProfile(), path.join(REPO_ROOT, 'server/dist/portal-main.js')], {
        DATABASE_URL: databaseUrl.toString(),
        PORTAL_PUBLISH_KEY: KEY,
        PORT: String(port),
        HOST: '127.0.0.1',
        PORTAL_LIVE_ADAPTER: adapter,
        REDIS_URL,
        PORTAL_LIVE_CHANNEL: channel,
        LOG_LEVEL: 'warn',
      });
      children.push(node);
      await node.wait((l) => l.includes('http://'), 60_000);
      nodeUrls.push(`http://127.0.0.1:${port}`);
    }

    // The hall, publishing to node A (nginx would pick either).
    const hallPort = await freePort();
    const hall = start('hall', [path.join(REPO_ROOT, 'server/dist/main.js')], {
      PORT: String(hallPort),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      HDDT_ADMIN_PASSWORD: PASSWORD,
      HDDT_DEMO: '1',
      HDDT_SELF_TEST: '0',
      PORTAL_PUBLISH_URL: nodeUrls[0]!,
      PORTAL_PUBLISH_KEY: KEY,
      LOG_LEVEL: 'warn',
    });
    children.push(hall);
    await hall.wait((l) => l.includes('/display/'), 60_000);
    const server = { url: `http://127.0.0.1:${hallPort}`, adminPassword: PASSWORD };
    const staff = await staffLogin(server);
    const chair = await chairSocket(server, staff);
    sockets.push(chair);
    const cards = await delegateCards(server, staff);
    const delegates = await Promise.all(cards.map((card) => delegateSocket(server, tokenOf(card))));
    sockets.push(...delegates);
    await openSessionWithRollCall(chair, delegates);

    note(`${adapter}: hall and nodes up; ${options.priorResults} results before the viewers come`);
    // A session day so far: results already announced (the live fragment lists them all).
    let n = 0;
    for (; n < options.priorResults; n += 1) {
      const roundId = await voteOn(chair, delegates, n + 1);
      const ack = await chair.timeout(10_000).emitWithAck('round:announce', { roundId });
      if (!ack.ok) throw new Error(`round:announce ${ack.code}`);
    }
    await settled(nodeUrls);

    note(`${adapter}: ${options.viewers} viewers connecting`);
    // The viewers, half on each node, each node's in a process of its own.
    const nodeCpuBefore = children.slice(0, 2).map((c) => figures(c.proc.pid).cpuS);
    const connectStart = Date.now();
    // At most VIEWERS_PER_PROCESS in one process: each viewer parses every update it receives, as each browser
    // does, and one process doing it for 5,000 in turn would measure its own queue more than the nodes.
    const limit = openFileLimit();
    const needed = Math.ceil(options.viewers / 2) + SPARE_FILES;
    if (limit < needed) {
      throw new Error(
        `Giới hạn tệp mở (ulimit -n ${limit}) quá thấp cho ${options.viewers} người xem: cần ít nhất ${needed} / The open-file limit (ulimit -n ${limit}) is too low for ${options.viewers} viewers: at least ${needed} needed (raise it with ulimit -n)`,
      );
    }
    const viewerProcs: ViewerProc[] = [];
    const viewerProcessCount = nodeUrls.reduce(
      (sum, _, node) => sum + Math.max(1, Math.ceil((Math.floor(options.viewers / 2) + (node === 0 ? options.viewers % 2 : 0)) / VIEWERS_PER_PROCESS)),
      0,
    );
    nodeUrls.forEach((url, node) => {
      const count = Math.floor(options.viewers / 2) + (node === 0 ? options.viewers % 2 : 0);
      const procs = Math.max(1, Math.ceil(count / VIEWERS_PER_PROCESS));
      for (let k = 0; k < procs; k += 1) {
        const mine = Math.floor(count / procs) + (k < count % procs ? 1 : 0);
        const child = start(`viewers ${node ? 'B' : 'A'}${procs > 1 ? k + 1 : ''}`, [
          ...tsx('portal-viewers.ts'),
          url,
          String(mine),
          String(options.connectRate / viewerProcessCount),
        ]);
        children.push(child);
        viewerProcs.push({ node, child, count: mine });
      }
    });
    await Promise.all(viewerProcs.map((v) => v.child.wait((l) => l === 'READY', 900_000)));
    const connectMs = Date.now() - connectStart;
    const connectS = Math.round(connectMs / 100) / 10;
    for (const c of children) cpuAtStart.set(c.name, figures(c.proc.pid).cpuS);
    const viewersOnNode = nodeUrls.map((_, node) => viewerProcs.filter((v) => v.node === node).reduce((sum, v) => sum + v.count, 0));
    const generatorCpuS = viewerProcs.reduce((sum, v) => sum + (cpuAtStart.get(v.child.name) ?? 0), 0);
    const connect: ConnectFigures = {
      viewersPerS: Math.round((options.viewers / connectMs) * 1000),
      nodeCpuMsPerViewer: children
        .slice(0, 2)
        .map((c, i) => Math.round((((cpuAtStart.get(c.name) ?? 0) - nodeCpuBefore[i]!) / Math.max(1, viewersOnNode[i]!)) * 1e4) / 10),
      generatorCpuMsPerViewer: Math.round((generatorCpuS / options.viewers) * 1e4) / 10,
      loadAverage: Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]),
    };
    note(
      `${adapter}: ${options.viewers} viewers connected in ${connectS} s (${connect.viewersPerS}/s); node CPU per viewer ${connect.nodeCpuMsPerViewer.join(' / ')} ms; load ${connect.loadAverage}`,
    );
    if (options.connectOnly) {
      const processes: Record<string, ProcessFigures> = {};
      for (const c of children) processes[c.name] = figures(c.proc.pid);
      for (const v of viewerProcs) v.child.send('QUIT');
      return {
        scenario: `portal connect storm: ${options.viewers} viewers on 2 nodes, ${adapter} adapter`,
        adapter,
        viewers: options.viewers,
        connectS,
        connect,
        disconnects: 0,
        processes,
      };
    }

    note(`${adapter}: viewers connected in ${connectS} s; announcing with the viewers idle`);
    // 1. The announcement with the viewers idle.
    n += 1;
    const idleRound = await voteOn(chair, delegates, n);
    await settled(nodeUrls);
    const idle = await announce(chair, idleRound, viewerProcs, nodeUrls.length);

    // 2. Pages per second on the resolution pages of both nodes, with the viewers connected; halfway through,
    // another result is announced and timed the same way.
    const listing = await (await get(`${nodeUrls[0]}/nghi-quyet`)).text();
    const resolutionPaths = [...new Set([...listing.matchAll(/href="(\/nghi-quyet\/[^"]+)"/g)].map((m) => m[1]!))];
    if (resolutionPaths.length === 0) throw new Error('no resolution page on the portal');
    const paths = ['/nghi-quyet', ...resolutionPaths];
    n += 1;
    const loadRound = await voteOn(chair, delegates, n);
    await settled(nodeUrls);
    note(`${adapter}: page load for ${options.durationS} s on ${paths.length} paths, an announcement halfway`);
    const pageProcs = nodeUrls.map((url, i) => {
      const child = start(`pages ${i ? 'B' : 'A'}`, [...tsx('portal-pages.ts'), url, String(options.connections), String(options.durationS), ...paths]);
      children.push(child);
      return child;
    });
    await new Promise((r) => setTimeout(r, (options.durationS * 1000) / 2));
    const underLoad = await announce(chair, loadRound, viewerProcs, nodeUrls.length);
    const perNode = await Promise.all(
      pageProcs.map(async (p) => JSON.parse(await p.wait((l) => l.startsWith('{'), options.durationS * 1000 + 60_000)) as PageLoad),
    );

    const stats = await Promise.all(
      viewerProcs.map(async ({ child: v }) => {
        const from = v.lines.length;
        v.send('STATS');
        return JSON.parse(await v.wait((l) => l.startsWith('{"connected"'), 60_000, from)) as { connected: number; disconnects: number };
      }),
    );
    const processes: Record<string, ProcessFigures> = {};
    for (const c of children) processes[c.name] = figures(c.proc.pid, cpuAtStart.get(c.name) ?? 0);
    pageProcs.forEach((p, i) => (processes[p.name] = { peakRssMb: perNode[i]!.peakRssMb, cpuS: perNode[i]!.cpuS }));
    const self = process.resourceUsage();
    processes['benchmark (chair, delegates)'] = { peakRssMb: Math.round(self.maxRSS / 1024), cpuS: NaN };
    for (const v of viewerProcs) v.child.send('QUIT');
    return {
      scenario: `portal: ${options.viewers} viewers on 2 nodes, ${adapter} adapter`,
      adapter,
      viewers: options.viewers,
      connectS,
      connect,
      idle,
      underLoad,
      pages: { requestsPerSecond: Math.round(perNode.reduce((sum, p) => sum + p.requestsPerSecond, 0)), perNode },
      disconnects: stats.reduce((sum, s) => sum + s.disconnects, 0),
      processes,
    };
  } finally {
    for (const s of sockets) s.disconnect();
    for (const c of [...children].reverse()) await c.stop();
    rmSync(dataDir, { recursive: true, force: true });
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

function parseOptions(argv: string[]): Options {
  const value = (name: string, fallback: number): number => {
    const at = argv.indexOf(name);
    if (at < 0) return fallback;
    const n = Number(argv[at + 1]);
    if (!Number.isInteger(n) || n < 0) throw new Error(`${name} cần một số nguyên không âm / ${name} needs a non-negative integer`);
    return n;
  };
  const adapterAt = argv.indexOf('--adapter');
  const adapter = adapterAt >= 0 ? argv[adapterAt + 1] : 'both';
  if (adapter !== 'redis' && adapter !== 'postgres' && adapter !== 'both') {
    throw new Error('--adapter phải là redis, postgres hoặc both / --adapter must be redis, postgres or both');
  }
  return {
    viewers: value('--viewers', 10_000),
    adapters: adapter === 'both' ? ['redis', 'postgres'] : [adapter],
    runs: Math.max(1, value('--runs', 3)),
    durationS: Math.max(4, value('--duration', 20)),
    connections: Math.max(1, value('--connections', 50)),
    priorResults: value('--results', 8),
    connectOnly: argv.includes('--connect-only'),
    connectRate: value('--connect-rate', 0),
  };
}

const range = (values: number[], digits = 0) => {
  const finite = values.filter((v) => Number.isFinite(v));
  const f = (v: number) => v.toFixed(digits);
  if (finite.length === 0) return 'n/a';
  return finite.length === 1 ? f(finite[0]!) : `${f(median(finite))} (${f(Math.min(...finite))}–${f(Math.max(...finite))})`;
};

/** Medians and ranges over the runs of one adapter, one line per figure. */
function summarise(adapter: AdapterName, runs: PortalRun[]): string[] {
  if (runs.length === 0) return [];
  const out = [`${adapter} adapter, ${runs[0]!.viewers} viewers, median (range) of ${runs.length} run(s):`];
  out.push(
    `  connect storm: ${range(runs.map((r) => r.connect.viewersPerS))} viewers/s; node CPU per viewer A ${range(
      runs.map((r) => r.connect.nodeCpuMsPerViewer[0]!),
      2,
    )} ms, B ${range(
      runs.map((r) => r.connect.nodeCpuMsPerViewer[1]!),
      2,
    )} ms; generators ${range(
      runs.map((r) => r.connect.generatorCpuMsPerViewer),
      2,
    )} ms per viewer; load average ${runs.map((r) => r.connect.loadAverage).join(', ')}`,
  );
  const full = runs.filter((r): r is PortalRun & Required<Pick<PortalRun, 'idle' | 'underLoad' | 'pages'>> => !!r.idle && !!r.underLoad && !!r.pages);
  if (full.length === 0) {
    out.push(`  viewers connected in ${range(runs.map((r) => r.connectS))} s (--connect-only: no announcement, no page load)`);
    const names = Object.keys(runs[0]!.processes);
    out.push(`  peak memory: ${names.map((name) => `${name} ${range(runs.map((r) => r.processes[name]!.peakRssMb))} MB`).join(', ')}`);
    return out;
  }
  const nodes = full[0]!.idle.perNode.length;
  for (const phase of ['idle', 'underLoad'] as const) {
    const label = phase === 'idle' ? 'announcement → viewers, idle' : 'announcement → viewers, under page load';
    out.push(
      `  ${label}: p50 ${range(full.map((r) => r[phase].all.p50Ms))} ms, p99 ${range(full.map((r) => r[phase].all.p99Ms))} ms, last ${range(full.map((r) => r[phase].all.lastMs))} ms; ` +
        Array.from(
          { length: nodes },
          (_, i) =>
            `node ${i ? 'B' : 'A'} p50/p99/last ${range(full.map((r) => r[phase].perNode[i]!.p50Ms))} / ${range(full.map((r) => r[phase].perNode[i]!.p99Ms))} / ${range(full.map((r) => r[phase].perNode[i]!.lastMs))} ms`,
        ).join('; ') +
        `; saw it: ${full.map((r) => `${r[phase].all.seen}/${r[phase].all.viewers}`).join(', ')}`,
    );
  }
  out.push(
    `  resolution pages: ${range(full.map((r) => r.pages.requestsPerSecond))} pages/s (both nodes), latency p99 ${range(full.flatMap((r) => r.pages.perNode.map((p) => p.latencyP99Ms)))} ms, non-2xx ${Math.max(...full.flatMap((r) => r.pages.perNode.map((p) => p.non2xx + p.errors)))} at most`,
  );
  out.push(
    `  viewers connected in ${range(full.map((r) => r.connectS))} s; disconnects ${full.map((r) => r.disconnects).join(', ')}; live update ${full[0]!.idle.updateBytes} bytes`,
  );
  const names = Object.keys(full[0]!.processes);
  out.push(`  peak memory: ${names.map((name) => `${name} ${range(full.map((r) => r.processes[name]!.peakRssMb))} MB`).join(', ')}`);
  out.push(
    `  CPU from the viewers connected to the end: ${names
      .filter((name) => !name.startsWith('benchmark'))
      .map(
        (name) =>
          `${name} ${range(
            full.map((r) => r.processes[name]!.cpuS),
            1,
          )} s`,
      )
      .join(', ')}`,
  );
  return out;
}

export async function portalMain(argv: string[]): Promise<void> {
  const options = parseOptions(argv);
  const results: PortalRun[] = [];
  for (let k = 0; k < options.runs; k += 1) {
    // The order turns from run to run so that neither adapter always runs first.
    const order = k % 2 === 0 ? options.adapters : [...options.adapters].reverse();
    for (const adapter of order) {
      const run = await runPortal(adapter, options);
      results.push(run);
      console.log(JSON.stringify(run));
    }
  }
  for (const adapter of options.adapters) {
    for (const line of summarise(
      adapter,
      results.filter((r) => r.adapter === adapter),
    ))
      console.log(line);
  }
  console.log(JSON.stringify({ options, results }));
}
