// Load benchmark: N simulated delegates check in, the chair opens a named vote, everyone presses at once;
// display clients (hall screens / read-only viewers) wait for the final tally.
//
//   npm run bench                         30, 500 and 1500 voters
//   npm run bench -- --voters 500         one scenario
//   npm run bench -- --voters 1500 --viewers 2000
//   npm run bench -- --voters 500 --floor      the same presses against bare Socket.IO (the reference)
//   npm run bench -- --all                     every scenario of the acceptance criteria, and the floor
//   npm run bench -- --all --pairs 3           … with the 3,000-voter scenario and its floor run 3 times,
//                                              interleaved (server, floor, server, floor, …), and the ratios
//   npm run bench -- --voters 3000 --pairs 3   only the interleaved pairs and their ratios
//   npm run bench -- --voters 3000 --pairs 3 --compare /tmp/before/server/dist/main.js
//                                              before/after: a second server bundle (e.g. an older commit's
//                                              `npm run build -w server` output) runs in every pair too
//   BENCH_CPU_PROF=dir npm run bench -- …      CPU profiles of the server and generator over the burst
//   npm run bench -- --portal [--viewers 10000 --adapter redis|postgres|both --runs 3 --duration 20]
//                                              the public portal instead: bench/portal-burst.ts
//   --cold-generator                           skip warming the generator first (see warmGenerator)
//
// The server runs as a separate process (as in a hall), started as `npm start` starts it (self-test
// included); the generator shares this 2-core machine, so the figures are pessimistic. Each run holds the
// session's practice vote first (--no-practice skips it) and reports it too. One JSON line per scenario;
// the last line has them all.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { PatchEnvelope } from '@hddt/protocol';
import Database from 'better-sqlite3';
import {
  REPO_ROOT,
  freePort,
  api,
  chairSocket,
  createDisplay,
  delegateCards,
  delegateSocket,
  displaySocket,
  staffLogin,
  tokenOf,
  type DelegateSocket,
  type DisplaySocket,
} from '../server/src/testing/harness';

interface Scenario {
  voters: number;
  viewers: number;
  /** Also measure: every tablet drops and reconnects at once. */
  storm?: boolean;
  /** Also measure: one client floods 10,000 events/s while the others vote. */
  flood?: boolean;
  /** Hold the session's practice vote first (default), as councils do; false measures the cold first burst. */
  practice?: boolean;
  /** Measure the floor instead: the same presses against a bare Socket.IO server (bench/floor-server.ts). */
  floor?: boolean;
  /** Another server bundle to run instead of this worktree's server/dist/main.js (`--compare`). */
  serverMain?: string;
}

export interface BenchResult {
  scenario: string;
  voters: number;
  viewers: number;
  acknowledged: number;
  refused: number;
  p50AckMs: number;
  p99AckMs: number;
  maxAckMs: number;
  p99DisplayMs: number;
  lastViewerMs: number | null;
  lostAcknowledged: number;
  burstMs: number;
  /** How long the generator took to send every press. */
  pressMs: number;
  /** CPU the server's main thread (the event loop) used from the first press until every screen saw the final tally. */
  serverCpuMs: number;
  /** The same for every thread of the server process (a thread that ended within the window is not counted). */
  serverAllThreadsCpuMs: number;
  /** CPU this generator process used over the same window. */
  generatorCpuMs: number;
  peakRssMb: number;
  eventLoopLagP99Ms: number | null;
  /** The practice vote: the first burst after the server started (cold code), when one was held. */
  practice: { p50AckMs: number; p99AckMs: number; maxAckMs: number } | null;
  reconnectStormMs?: number;
  floodedEvents?: number;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[Math.max(0, index)]! * 10) / 10;
}

function ackFigures(ackMs: number[]): { p50AckMs: number; p99AckMs: number; maxAckMs: number } {
  return { p50AckMs: percentile(ackMs, 50), p99AckMs: percentile(ackMs, 99), maxAckMs: percentile(ackMs, 100) };
}

const SERVER_MAIN = path.join(REPO_ROOT, 'server/dist/main.js');

function startServerProcess(port: number, dataDir: string, password: string, serverMain = SERVER_MAIN): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-interval=100', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
    // The server as it ships: the bundle `npm start` runs (`npm run bench` builds it first).
    const child = spawn(process.execPath, [...profile, serverMain], {
      cwd: path.resolve(path.dirname(serverMain), '../..'),
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, HDDT_ADMIN_PASSWORD: password, HDDT_DEMO: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('/display/')) resolve(child);
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

/** CPU time every thread of a process has run so far, in ms (V8's GC and compiler threads, libuv's pool…). */
function allThreadsCpuMsOf(pid: number | undefined): number {
  try {
    let ns = 0;
    for (const tid of readdirSync(`/proc/${pid}/task`)) ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
    return ns / 1e6;
  } catch {
    return NaN;
  }
}

/** CPU time a process's main thread (its event loop) has run so far, in ms (Linux schedstat: nanoseconds on a CPU). */
function cpuMsOf(pid: number | undefined): number {
  try {
    return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return NaN;
  }
}

function peakRssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return Math.round(kb / 1024);
  } catch {
    return 0;
  }
}

async function inBatches<T>(count: number, size: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let start = 0; start < count; start += size) {
    const batch = await Promise.all(Array.from({ length: Math.min(size, count - start) }, (_, k) => make(start + k)));
    out.push(...batch);
  }
  return out;
}

async function serverMetric(url: string, name: string): Promise<number | null> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.split(' ')[1]) : null;
}

type ChairSocket = Awaited<ReturnType<typeof chairSocket>>;

/** The chair opens a vote; resolves with its round id once the ballot is on every tablet. */
async function openVote(chair: ChairSocket, delegates: DelegateSocket[], motionId: string, commandId: string): Promise<string> {
  const ballotShown = Promise.all(
    delegates.map(
      (socket) =>
        new Promise<void>((resolve) => {
          const onPatch = (envelope: PatchEnvelope) => {
            if (envelope.patch.type === 'round' && envelope.patch.round.status === 'open') {
              socket.off('state:patch', onPatch);
              resolve();
            }
          };
          socket.on('state:patch', onPatch);
        }),
    ),
  );
  const opened = await chair.timeout(10_000).emitWithAck('motion:open', { motionId, commandId });
  if (!opened.ok) throw new Error(`open ${opened.code}`);
  await ballotShown;
  return opened.data.id;
}

interface Pressed {
  ackMs: number[];
  acknowledged: string[];
  refused: number;
  /** How long the generator took to send every press. */
  pressMs: number;
  burstMs: number;
  lastPress: number;
  lastPressEpoch: number;
}

/** Every delegate presses at once (yes / no / abstain in turn); resolves when every press is answered. */
async function pressAll(delegates: DelegateSocket[], cards: { delegateId: string }[], roundId: string): Promise<Pressed> {
  const ackMs: number[] = [];
  const acknowledged: string[] = [];
  let refused = 0;
  const options = ['yes', 'no', 'abstain'] as const;
  const started = performance.now();
  let lastPress = started;
  let lastPressEpoch = Date.now();
  // Every tablet is its own device: in the hall, one tablet's acknowledgement never waits for another tablet
  // to finish sending. This generator is one process for all of them, so it presses in slices of 25 and
  // yields between slices, letting acknowledgements be read as they arrive instead of after 1,500 sends.
  const presses: Promise<void>[] = [];
  for (let start = 0; start < delegates.length; start += 25) {
    for (let i = start; i < Math.min(start + 25, delegates.length); i += 1) {
      const t0 = performance.now();
      lastPress = t0;
      lastPressEpoch = Date.now();
      presses.push(
        delegates[i]!.timeout(60_000)
          .emitWithAck('vote:cast', { roundId, choice: { type: 'option', option: options[i % 3]! } })
          .then((ack) => {
            if (ack.ok) {
              ackMs.push(performance.now() - t0);
              acknowledged.push(cards[i]!.delegateId);
            } else refused += 1;
          })
          .catch(() => {
            refused += 1;
          }),
      );
    }
    await new Promise((r) => setImmediate(r));
  }
  const pressMs = performance.now() - started;
  await Promise.all(presses);
  return { ackMs, acknowledged, refused, pressMs, burstMs: performance.now() - started, lastPress, lastPressEpoch };
}

/** The same generator against bench/floor-server.ts: what Socket.IO and this machine cost with no application. */
async function runFloor({ voters, practice = true }: Scenario): Promise<BenchResult> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'bench/floor-server.ts'), String(port)], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const sockets: DelegateSocket[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => d.toString().includes('listening') && resolve());
      child.on('exit', (code) => reject(new Error(`floor server exited ${code}`)));
    });
    const server = { url: `http://127.0.0.1:${port}` };
    sockets.push(...(await inBatches(voters, 100, (i) => delegateSocket(server, `floor-${i}`))));
    const cards = sockets.map((_, i) => ({ delegateId: `d${i}` }));
    const practiceResult = practice ? await pressAll(sockets, cards, 'practice') : null;
    const serverCpuBefore = cpuMsOf(child.pid);
    const allThreadsBefore = allThreadsCpuMsOf(child.pid);
    const generatorCpuBefore = process.cpuUsage();
    const pressed = await pressAll(sockets, cards, 'measured');
    const serverCpuMs = cpuMsOf(child.pid) - serverCpuBefore;
    const serverAllThreadsCpuMs = allThreadsCpuMsOf(child.pid) - allThreadsBefore;
    const generatorCpu = process.cpuUsage(generatorCpuBefore);
    return {
      scenario: `floor: bare Socket.IO, ${voters} voters`,
      voters,
      viewers: 0,
      acknowledged: pressed.acknowledged.length,
      refused: pressed.refused,
      ...ackFigures(pressed.ackMs),
      p99DisplayMs: NaN,
      lastViewerMs: null,
      lostAcknowledged: 0,
      burstMs: Math.round(pressed.burstMs),
      pressMs: Math.round(pressed.pressMs),
      serverCpuMs: Math.round(serverCpuMs),
      serverAllThreadsCpuMs: Math.round(serverAllThreadsCpuMs),
      generatorCpuMs: Math.round((generatorCpu.user + generatorCpu.system) / 1000),
      peakRssMb: child.pid ? peakRssMb(child.pid) : 0,
      eventLoopLagP99Ms: null,
      practice: practiceResult ? ackFigures(practiceResult.ackMs) : null,
    };
  } finally {
    for (const s of sockets) s.disconnect();
    child.kill('SIGTERM');
  }
}

export async function runScenario(scenario: Scenario): Promise<BenchResult> {
  if (scenario.floor) return runFloor(scenario);
  const { voters, viewers, storm = false, flood = false, practice = true, serverMain } = scenario;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hddt-bench-'));
  const port = await freePort();
  const password = 'bench-password-123';
  const child = await startServerProcess(port, dataDir, password, serverMain);
  const server = { url: `http://127.0.0.1:${port}`, adminPassword: password };
  const sockets: { disconnect(): unknown }[] = [];
  try {
    const staff = await staffLogin(server);
    const roster = voters + (flood ? 1 : 0);
    const csv = ['seat,fullName,title,group', ...Array.from({ length: roster }, (_, i) => `${i + 1},Đại biểu Thử ${i + 1},Đại biểu,Tổ ${(i % 10) + 1}`)].join(
      '\n',
    );
    const imported = await api(server, 'POST', '/api/delegates/import', csv, staff);
    if (imported.status !== 201) throw new Error(`import failed ${imported.status}`);
    const session = await api<{ id: string }>(
      server,
      'POST',
      '/api/sessions',
      { number: 1, startDate: '2026-01-01', endDate: '2099-12-31', place: 'Hội trường' },
      staff,
    );
    const motion = await api<{ id: string }>(
      server,
      'POST',
      `/api/sessions/${session.body.id}/motions`,
      { question: 'Biểu quyết đo tải', mode: 'named' },
      staff,
    );
    const allCards = await delegateCards(server, staff);
    // The flooding client, when there is one, holds the last card and does not vote.
    const cards = allCards.slice(0, voters);
    const flooderCard = flood ? allCards[voters]! : null;
    const chair = await chairSocket(server, staff);
    sockets.push(chair);
    await chair.timeout(10_000).emitWithAck('session:select', { sessionId: session.body.id });
    await chair.timeout(10_000).emitWithAck('session:open', { sessionId: session.body.id });
    await chair.timeout(10_000).emitWithAck('rollcall:open', {});

    const delegates: DelegateSocket[] = await inBatches(cards.length, 100, (i) => delegateSocket(server, tokenOf(cards[i]!)));
    sockets.push(...delegates);
    await inBatches(delegates.length, 200, async (i) => {
      const ack = await delegates[i]!.timeout(30_000).emitWithAck('attendance:checkin', {});
      if (!ack.ok) throw new Error(`checkin ${ack.code}`);
    });

    let practiceResult: Pressed | null = null;
    if (practice) {
      // The session's practice vote (biểu quyết thử), pressed the same way: it is also the first burst the
      // server sees after starting, so its figures are the cold ones.
      const trial = await api<{ id: string }>(
        server,
        'POST',
        `/api/sessions/${session.body.id}/motions`,
        { question: 'Biểu quyết thử', mode: 'named', practice: true },
        staff,
      );
      const trialRound = await openVote(chair, delegates, trial.body.id, `practice-${voters}-${viewers}`);
      practiceResult = await pressAll(delegates, cards, trialRound);
      const closed = await chair.timeout(10_000).emitWithAck('round:close', { roundId: trialRound });
      if (!closed.ok) throw new Error(`close practice ${closed.code}`);
    }

    const display = await createDisplay(server);
    // The hall display in this process; the read-only viewers in a process of their own.
    const screens: DisplaySocket[] = [await displaySocket(server, display.token)];
    sockets.push(...screens);
    let viewerProcess: ChildProcess | null = null;
    let viewerResult: Promise<{ seen: number; screens: number; lastSeenAt: number } | null> = Promise.resolve(null);
    if (viewers > 0) {
      // The server holds at most 4 sockets per display token (display-namespace.ts), so the read-only screens
      // are registered as displays of their own, 4 screens each; their tokens go to the viewers' process in a file.
      const tokens = await inBatches(Math.ceil(viewers / 4), 20, async (i) => (await createDisplay(server, `Màn hình ${i + 1}`)).token);
      const tokenFile = path.join(dataDir, 'viewer-tokens.json');
      writeFileSync(tokenFile, JSON.stringify(tokens));
      const proc = spawn(
        process.execPath,
        ['--import', 'tsx', path.join(REPO_ROOT, 'bench/viewers.ts'), server.url, tokenFile, String(viewers), String(voters)],
        {
          cwd: REPO_ROOT,
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      viewerProcess = proc;
      let out = '';
      await new Promise<void>((resolve, reject) => {
        proc.stdout!.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('READY')) resolve();
        });
        proc.on('exit', (code) => reject(new Error(`viewers exited ${code}`)));
      });
      viewerResult = new Promise((resolve) => {
        proc.stdout!.on('data', () => {
          const line = out.split('\n').find((l) => l.startsWith('{'));
          if (line) resolve(JSON.parse(line) as { seen: number; screens: number; lastSeenAt: number });
        });
        proc.on('exit', () => resolve(null));
      });
    }

    // The chair opens the vote; the delegates press once the ballot is on their tablets (as in a hall, where
    // nobody can press before the panel appears).
    const roundId = await openVote(chair, delegates, motion.body.id, `bench-${voters}-${viewers}`);

    // Each screen notes when it first sees every ballot counted.
    const finalSeenAt: number[] = [];
    const allSeen = new Promise<void>((resolve) => {
      for (const screen of screens) {
        let seen = false;
        screen.on('state:patch', (envelope: PatchEnvelope) => {
          if (seen || envelope.patch.type !== 'round' || envelope.patch.round.id !== roundId) return;
          if (envelope.patch.round.voted >= voters) {
            seen = true;
            finalSeenAt.push(performance.now());
            if (finalSeenAt.length === screens.length) resolve();
          }
        });
      }
    });

    // A misbehaving client (a delegate's tablet with a bug, or an attacker with a card) floods the server.
    let floodedEvents = 0;
    let flooding = false;
    let floodDone: Promise<void> = Promise.resolve();
    if (flood) {
      const extra = flooderCard ? await delegateSocket(server, tokenOf(flooderCard)) : null;
      if (extra) {
        sockets.push(extra);
        flooding = true;
        floodDone = (async () => {
          // 10,000 events per second: 100 every 10 ms, without waiting for answers.
          while (flooding) {
            for (let k = 0; k < 100; k += 1) extra.emit('vote:mine', { roundId }, () => undefined);
            floodedEvents += 100;
            await new Promise((r) => setTimeout(r, 10));
          }
        })();
        await new Promise((r) => setTimeout(r, 300));
      }
    }

    // With BENCH_CPU_PROF=dir, the generator profiles itself over the burst and notes the burst's window on
    // the monotonic clock (the clock of the server's --cpu-prof timestamps) so the server's profile can be cut.
    const profileDir = process.env.BENCH_CPU_PROF;
    const profiler = profileDir ? new Session() : null;
    if (profiler) {
      profiler.connect();
      await profiler.post('Profiler.enable');
      await profiler.post('Profiler.start');
    }
    const burstStartUs = process.hrtime.bigint() / 1000n;
    const serverCpuBefore = cpuMsOf(child.pid);
    const allThreadsBefore = allThreadsCpuMsOf(child.pid);
    const generatorCpuBefore = process.cpuUsage();

    const { ackMs, acknowledged, refused, pressMs, burstMs, lastPress, lastPressEpoch } = await pressAll(delegates, cards, roundId);
    flooding = false;
    await floodDone;
    await Promise.race([allSeen, new Promise((r) => setTimeout(r, 30_000))]);
    const displayMs = finalSeenAt.map((t) => t - lastPress);
    const serverCpuMs = cpuMsOf(child.pid) - serverCpuBefore;
    const serverAllThreadsCpuMs = allThreadsCpuMsOf(child.pid) - allThreadsBefore;
    const generatorCpu = process.cpuUsage(generatorCpuBefore);
    if (profiler && profileDir) {
      const burstEndUs = process.hrtime.bigint() / 1000n;
      const { profile } = await profiler.post('Profiler.stop');
      profiler.disconnect();
      mkdirSync(profileDir, { recursive: true });
      const name = `${voters}-${viewers}`;
      writeFileSync(path.join(profileDir, `generator-${name}.cpuprofile`), JSON.stringify(profile));
      writeFileSync(path.join(profileDir, `window-${name}.json`), JSON.stringify({ startUs: Number(burstStartUs), endUs: Number(burstEndUs) }));
    }
    const viewed = await Promise.race([viewerResult, new Promise<null>((r) => setTimeout(() => r(null), 60_000))]);
    viewerProcess?.kill('SIGTERM');
    const lastViewerMs = viewed && viewed.seen === viewed.screens ? Math.max(0, viewed.lastSeenAt - lastPressEpoch) : null;

    const db = new Database(path.join(dataDir, 'hoi-dong.sqlite'), { readonly: true });
    const stored = new Set(
      (db.prepare('SELECT delegate_id FROM ballots WHERE round_id = ?').all(roundId) as { delegate_id: string }[]).map((r) => r.delegate_id),
    );
    db.close();
    const lost = acknowledged.filter((id) => !stored.has(id)).length;
    const lagP99 = await serverMetric(server.url, 'nodejs_eventloop_lag_p99_seconds');

    // Reconnect storm: every tablet drops at once and comes back; time until all have their snapshot again.
    let reconnectStormMs: number | undefined;
    if (storm) {
      for (const d of delegates) d.disconnect();
      await new Promise((r) => setTimeout(r, 500));
      const t0 = performance.now();
      const again = await Promise.all(
        cards.map(async (card) => {
          const socket = await delegateSocket(server, tokenOf(card));
          sockets.push(socket);
          return socket;
        }),
      );
      reconnectStormMs = Math.round(performance.now() - t0);
      void again;
    }

    return {
      scenario: [
        serverMain ? `${serverMain}: ${voters} voters` : `${voters} voters`,
        viewers > 0 ? `${viewers} viewers` : '',
        storm ? 'reconnect storm' : '',
        flood ? 'flooding client' : '',
      ]
        .filter(Boolean)
        .join(' + '),
      voters,
      viewers,
      acknowledged: acknowledged.length,
      refused,
      ...ackFigures(ackMs),
      // The hall display is the first screen; with viewers, the slowest of all screens is reported too.
      p99DisplayMs: percentile(displayMs.slice(0, 1).length ? displayMs : [NaN], 99),
      lastViewerMs,
      lostAcknowledged: lost,
      burstMs: Math.round(burstMs),
      pressMs: Math.round(pressMs),
      serverCpuMs: Math.round(serverCpuMs),
      serverAllThreadsCpuMs: Math.round(serverAllThreadsCpuMs),
      generatorCpuMs: Math.round((generatorCpu.user + generatorCpu.system) / 1000),
      peakRssMb: child.pid ? peakRssMb(child.pid) : 0,
      eventLoopLagP99Ms: lagP99 === null ? null : Math.round(lagP99 * 10000) / 10,
      practice: practiceResult ? ackFigures(practiceResult.ackMs) : null,
      ...(reconnectStormMs !== undefined ? { reconnectStormMs } : {}),
      ...(flood ? { floodedEvents } : {}),
    };
  } finally {
    for (const s of sockets) s.disconnect();
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

interface Plan {
  scenarios: Scenario[];
  /** Interleaved runs of the server and the floor at `pairVoters` (and of the `--compare` bundle). */
  pairs: number;
  pairVoters: number;
  compare?: string;
}

function parseArgs(argv: string[]): Plan {
  const practice = !argv.includes('--no-practice');
  const pairsAt = argv.indexOf('--pairs');
  const compareAt = argv.indexOf('--compare');
  const compare = compareAt >= 0 ? path.resolve(argv[compareAt + 1]!) : undefined;
  if (argv.includes('--all')) {
    // The scenarios of the acceptance criteria, one JSON line each; then the 3,000-voter pairs.
    const all: Scenario[] = [
      { voters: 30, viewers: 0 },
      { voters: 500, viewers: 0 },
      { voters: 1500, viewers: 0 },
      { voters: 1500, viewers: 2000 },
      { voters: 1500, viewers: 5000 },
      { voters: 1500, viewers: 0, storm: true },
      { voters: 500, viewers: 0, flood: true },
      { voters: 3000, viewers: 5000 },
      // The reference: the same presses against bare Socket.IO.
      { voters: 500, viewers: 0, floor: true },
      { voters: 1500, viewers: 0, floor: true },
    ];
    return { scenarios: all.map((scenario) => ({ ...scenario, practice })), pairs: pairsAt >= 0 ? Number(argv[pairsAt + 1]) : 1, pairVoters: 3000, compare };
  }
  const voters: number[] = [];
  let viewers = 0;
  let storm = false;
  let floor = false;
  let flood = false;
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--voters') voters.push(Number(argv[++i]));
    else if (argv[i] === '--viewers') viewers = Number(argv[++i]);
    else if (argv[i] === '--storm') storm = true;
    else if (argv[i] === '--floor') floor = true;
    else if (argv[i] === '--flood') flood = true;
  }
  if (pairsAt >= 0) {
    // Only the interleaved pairs, at the first --voters given (3,000 by default).
    return { scenarios: [], pairs: Number(argv[pairsAt + 1]), pairVoters: voters[0] ?? 3000, compare };
  }
  const list = voters.length > 0 ? voters : [30, 500, 1500];
  return { scenarios: list.map((v) => ({ voters: v, viewers, storm, flood, practice, floor })), pairs: 0, pairVoters: 0 };
}

function median(values: number[]): number {
  const finite = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (finite.length === 0) return NaN;
  const mid = Math.floor(finite.length / 2);
  const m = finite.length % 2 ? finite[mid]! : (finite[mid - 1]! + finite[mid]!) / 2;
  return Math.round(m * 100) / 100;
}

export interface PairSummary {
  label: string;
  runs: number;
  voters: number;
  /** Medians over the runs. */
  p99AckMs: number;
  p99DisplayMs: number;
  serverCpuMs: number;
  peakRssMb: number;
  lostAcknowledged: number;
  /** Medians of each run's ratio against the floor run of the same pair. */
  p99AckVsFloor: number;
  displayVsFloorP99Ack: number;
  /** (server CPU for the burst − the floor's in the same pair) / voters, in µs; median over the pairs. */
  appCpuPerBallotUs: number;
  /** The same, counting every thread of both processes. */
  appAllThreadsCpuPerBallotUs: number;
  /** Medians of the p50 ack and of its ratio to the floor's p50 in the same pair. */
  p50AckMs: number;
  p50AckVsFloor: number;
}

/**
 * The server (and, with --compare, the other bundle) against the floor, `pairs` times, interleaved so that the
 * machine's load drifts over all of them alike. Ratios are taken within a pair, then their median.
 */
async function runPairs(voters: number, pairs: number, practice: boolean, compare?: string): Promise<PairSummary[]> {
  const contenders: { label: string; serverMain?: string }[] = [
    { label: 'this server' },
    ...(compare ? [{ label: `compare: ${compare}`, serverMain: compare }] : []),
  ];
  const runs = new Map<string, { result: BenchResult; floor: BenchResult }[]>(contenders.map((c) => [c.label, []]));
  for (let k = 0; k < pairs; k += 1) {
    // The order rotates from pair to pair so that no contender always runs right after the floor.
    const order = k % 2 === 0 ? contenders : [...contenders].reverse();
    const floorFirst = k % 2 === 1;
    let floor: BenchResult | null = floorFirst ? await runFloor({ voters, viewers: 0, practice }) : null;
    if (floor) console.log(JSON.stringify(floor));
    const results: { label: string; result: BenchResult }[] = [];
    for (const contender of order) {
      const result = await runScenario({ voters, viewers: 0, practice, serverMain: contender.serverMain });
      console.log(JSON.stringify(result));
      results.push({ label: contender.label, result });
    }
    if (!floor) {
      floor = await runFloor({ voters, viewers: 0, practice });
      console.log(JSON.stringify(floor));
    }
    for (const { label, result } of results) runs.get(label)!.push({ result, floor });
  }
  return contenders.map(({ label }) => {
    const list = runs.get(label)!;
    return {
      label,
      runs: list.length,
      voters,
      p99AckMs: median(list.map((r) => r.result.p99AckMs)),
      p99DisplayMs: median(list.map((r) => r.result.p99DisplayMs)),
      serverCpuMs: median(list.map((r) => r.result.serverCpuMs)),
      peakRssMb: median(list.map((r) => r.result.peakRssMb)),
      lostAcknowledged: Math.max(...list.map((r) => r.result.lostAcknowledged)),
      p99AckVsFloor: median(list.map((r) => r.result.p99AckMs / r.floor.p99AckMs)),
      displayVsFloorP99Ack: median(list.map((r) => r.result.p99DisplayMs / r.floor.p99AckMs)),
      appCpuPerBallotUs: median(list.map((r) => ((r.result.serverCpuMs - r.floor.serverCpuMs) * 1000) / voters)),
      appAllThreadsCpuPerBallotUs: median(list.map((r) => ((r.result.serverAllThreadsCpuMs - r.floor.serverAllThreadsCpuMs) * 1000) / voters)),
      p50AckMs: median(list.map((r) => r.result.p50AckMs)),
      p50AckVsFloor: median(list.map((r) => r.result.p50AckMs / r.floor.p50AckMs)),
    };
  });
}

/**
 * The generator's own code is cold at first too: one process acknowledging 500 presses in the interpreter adds
 * tens of milliseconds that no hall has (each tablet handles one acknowledgement). So before measuring, the
 * generator presses three times against bare Socket.IO, which warms the generator and nothing of the server.
 */
export async function warmGenerator(): Promise<void> {
  for (let i = 0; i < 3; i += 1) await runFloor({ voters: 500, viewers: 0, practice: true });
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename) && process.argv.includes('--portal')) {
  // The public portal's scenario (bench/portal-burst.ts): hall, two portal nodes, viewers of the live page.
  const { portalMain } = await import('./portal-burst');
  await portalMain(process.argv.slice(2));
  process.exit(0);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  if (!process.argv.includes('--cold-generator')) await warmGenerator();
  const plan = parseArgs(process.argv.slice(2));
  const results: BenchResult[] = [];
  for (const scenario of plan.scenarios) {
    const result = await runScenario(scenario);
    results.push(result);
    console.log(JSON.stringify(result));
  }
  const pairs = plan.pairs > 0 ? await runPairs(plan.pairVoters, plan.pairs, !process.argv.includes('--no-practice'), plan.compare) : [];
  for (const summary of pairs) {
    console.log(
      `${summary.label}, ${summary.voters} voters, medians of ${summary.runs} interleaved pairs: p50 ack ${summary.p50AckMs} ms = ` +
        `${summary.p50AckVsFloor}× the floor's; p99 ack ${summary.p99AckMs} ms = ` +
        `${summary.p99AckVsFloor}× the floor's; display final tally ${summary.p99DisplayMs} ms = ${summary.displayVsFloorP99Ack}× the floor's p99 ack; ` +
        `application CPU ${summary.appCpuPerBallotUs} µs per ballot on the event loop, ${summary.appAllThreadsCpuPerBallotUs} µs on all threads; ` +
        `${summary.lostAcknowledged} acknowledged ballots lost; peak memory ${summary.peakRssMb} MB`,
    );
  }
  console.log(JSON.stringify({ results, pairs }));
  process.exit(0);
}
