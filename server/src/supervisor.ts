// The supervisor: `npm start` and the production command run this. It starts the hall server (main) as a
// child process and starts it again whenever it ends without being asked to (a crash, an out-of-memory kill,
// SIGKILL), so the hall never waits for a person. The child is told it is a restart (HDDT_RESTART); it then
// skips the start-up self-test (about 4 s, which would break the 5 s promise) and records `server.restarted`
// with the previous exit code or signal in the tamper-evident log. SIGTERM and SIGINT are passed on for a
// clean stop. Restarts back off (0, 0.5, 1, 2 … 10 s) only while the server keeps dying within 30 s of start.

import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** What the child learns about the run before it (JSON in HDDT_RESTART). */
export interface RestartInfo {
  previousExitCode: number | null;
  previousSignal: string | null;
  restarts: number;
}

const here = fileURLToPath(import.meta.url);
// From the bundle: dist/supervisor.js → dist/main.js; from source (tests, through tsx): src/main.ts.
const entry = path.join(path.dirname(here), `main${path.extname(here)}`);
const STABLE_MS = 30_000;
const MAX_BACKOFF_MS = 10_000;

let child: ChildProcess | null = null;
let stopping = false;
let restarts = 0;
let quickFailures = 0;
let timer: NodeJS.Timeout | null = null;

function say(message: string, fields: Record<string, unknown> = {}): void {
  console.log(JSON.stringify({ time: new Date().toISOString(), app: 'hoi-dong-dien-tu', role: 'supervisor', msg: message, ...fields }));
}

function start(previous: RestartInfo | null): void {
  const startedAt = Date.now();
  const env = { ...process.env };
  if (previous) env.HDDT_RESTART = JSON.stringify(previous);
  else delete env.HDDT_RESTART;
  const proc = fork(entry, process.argv.slice(2), { env, stdio: 'inherit' });
  child = proc;
  say(previous ? 'server restarted' : 'server started', { pid: proc.pid, restarts });
  proc.on('exit', (code, signal) => {
    if (child === proc) child = null;
    if (stopping) {
      say('server stopped', { code, signal });
      process.exit(code ?? 0);
    }
    const ranMs = Date.now() - startedAt;
    quickFailures = ranMs < STABLE_MS ? quickFailures + 1 : 0;
    const delay = quickFailures <= 1 ? 0 : Math.min(MAX_BACKOFF_MS, 250 * 2 ** (quickFailures - 1));
    restarts += 1;
    say('server ended without being asked to; starting it again', { code, signal, ranMs, delayMs: delay, restarts });
    timer = setTimeout(() => {
      timer = null;
      if (!stopping) start({ previousExitCode: code, previousSignal: signal, restarts });
    }, delay);
  });
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    if (timer) clearTimeout(timer);
    if (!child) process.exit(0);
    say('stopping the server', { signal });
    child.kill(signal);
    // A clean stop closes sockets and the database within a second or two; never hang the machine's shutdown.
    setTimeout(() => {
      child?.kill('SIGKILL');
      process.exit(1);
    }, 15_000).unref();
  });
}

start(null);
