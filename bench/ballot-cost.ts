// The application's own cost per ballot, without sockets: the real app (createApp: engine, SQLite store with
// synchronous = FULL, live hub), its real `vote:cast` handler and fast-path parse, driven in-process. Socket.IO's
// share is the floor's and is left out, so what this counts is what the application adds to each ballot.
//
//   tsx bench/ballot-cost.ts [voters=3000] [rounds=3] [slice=25] [warm=2]
//
// Each round: a named vote opened, every delegate presses once, in slices of `slice` with a turn of the event
// loop between slices (as the burst generator sends them). The first `warm` rounds warm V8 and are not
// measured. Prints CPU µs per ballot of the measured rounds (noisy on a shared machine): of the whole process
// (cpuUsPerBallot: every thread, V8's GC and compiler threads included) and of its main thread, the event loop
// tablets queue behind (mainThreadCpuUsPerBallot); the time from the first press to the last answer, and how
// the commits were batched.
//
// Instruction counts under callgrind (two runs, warm rounds and warm + extra, the difference over the extra
// ballots) were tried at 300 voters: the difference was swamped by run-to-run variation (JIT and GC threads;
// it came out negative), so compare variants by interleaved runs of this file instead.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DELEGATE_EVENTS, MotionInputSchema, SessionInputSchema } from '@hddt/protocol/schemas';
import { createApp, type App } from '../server/src/app';
import type { Actor, Command } from '../server/src/domain/types';
import { delegateHandlers } from '../server/src/transport/delegate-namespace';

/** CPU time of this process's main thread (the event loop), in µs: process.cpuUsage counts every thread. */
function mainThreadCpuUs(): number {
  return Number(readFileSync('/proc/self/schedstat', 'utf8').split(' ')[0]) / 1000;
}

const [voters = 3000, rounds = 3, slice = 25, warm = 2] = process.argv.slice(2).map(Number);
const SYSTEM: Actor = { kind: 'system' };
const OPTIONS = ['yes', 'no', 'abstain'] as const;

async function must(app: App, command: Command, key?: 'sessionId' | 'motionId' | 'roundId'): Promise<string> {
  const result = await app.engine.execute(command, SYSTEM);
  if (!result.ok) throw new Error(`${command.type} refused (${result.code})`);
  return key ? (result.decision.result?.[key] ?? '') : '';
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'hddt-ballot-cost-'));
const app = await createApp({ dataDir, demo: false, adminPassword: 'ballot-cost-password-1' });
try {
  await must(app, {
    type: 'delegate.import',
    inputs: Array.from({ length: voters }, (_, i) => ({ seat: i + 1, fullName: `Đại biểu Thử ${i + 1}`, title: 'Đại biểu', group: `Tổ ${(i % 10) + 1}` })),
  });
  const today = new Date().toISOString().slice(0, 10);
  const sessionId = await must(
    app,
    { type: 'session.create', input: SessionInputSchema.parse({ number: 1, startDate: today, endDate: '2999-12-31', place: 'Hội trường' }) },
    'sessionId',
  );
  await must(app, { type: 'session.select', sessionId });
  await must(app, { type: 'session.open', sessionId });
  await must(app, { type: 'rollcall.open' });
  const delegateIds = Object.keys(app.engine.state.delegates);
  await Promise.all(delegateIds.map((delegateId) => app.engine.execute({ type: 'attendance.checkin', delegateId }, { kind: 'delegate', delegateId })));

  const handlers = delegateHandlers();
  const spec = DELEGATE_EVENTS['vote:cast'];
  const contexts = delegateIds.map((delegateId) => ({ services: app.services, actor: { kind: 'delegate', delegateId } as Actor, delegateId }));
  let commits = 0;
  app.engine.onCommit(() => (commits += 1));

  let measuredCpuUs = 0;
  let measuredMainCpuUs = 0;
  let measuredWallMs = 0;
  let measuredBallots = 0;
  let measuredCommits = 0;
  let windowStartUs = 0n;
  for (let round = 0; round < rounds; round += 1) {
    const motionId = await must(
      app,
      { type: 'motion.prepare', sessionId, input: MotionInputSchema.parse({ question: `Biểu quyết ${round + 1}`, mode: 'named' }) },
      'motionId',
    );
    const roundId = await must(app, { type: 'motion.open', motionId, commandId: `cost-${round}` }, 'roundId');
    const commitsBefore = commits;
    if (round === warm) windowStartUs = process.hrtime.bigint() / 1000n;
    const cpu = process.cpuUsage();
    const mainCpu = mainThreadCpuUs();
    const wallStart = performance.now();
    const answers: Promise<unknown>[] = [];
    for (let start = 0; start < voters; start += slice) {
      for (let i = start; i < Math.min(start + slice, voters); i += 1) {
        // As the socket hands it over: the payload decoded from JSON, then the handler's own parse.
        const payload: unknown = JSON.parse(`{"roundId":"${roundId}","choice":{"type":"option","option":"${OPTIONS[i % 3]}"}}`);
        const parsed = spec.fast?.(payload) ?? spec.payload.parse(payload);
        answers.push(
          Promise.resolve(handlers['vote:cast'](parsed, contexts[i]!)).then((ack) => {
            if (!ack.ok) throw new Error(`ballot refused: ${ack.code}`);
            return JSON.stringify(ack);
          }),
        );
      }
      await new Promise((r) => setImmediate(r));
    }
    await Promise.all(answers);
    const wallMs = performance.now() - wallStart;
    // The hub's last progress patch.
    await new Promise((r) => setTimeout(r, 300));
    const used = process.cpuUsage(cpu);
    const usedMain = mainThreadCpuUs() - mainCpu;
    if (round >= warm) {
      measuredCpuUs += used.user + used.system;
      measuredMainCpuUs += usedMain;
      measuredWallMs += wallMs;
      measuredBallots += voters;
      measuredCommits += commits - commitsBefore;
    }
    await must(app, { type: 'round.close', roundId });
  }
  // With BALLOT_COST_WINDOW=file: the measured rounds on the monotonic clock of --cpu-prof's timestamps.
  if (process.env.BALLOT_COST_WINDOW) {
    writeFileSync(process.env.BALLOT_COST_WINDOW, JSON.stringify({ startUs: Number(windowStartUs), endUs: Number(process.hrtime.bigint() / 1000n) }));
  }
  if (measuredBallots > 0) {
    console.log(
      JSON.stringify({
        voters,
        slice,
        measuredRounds: rounds - warm,
        cpuUsPerBallot: Math.round((measuredCpuUs / measuredBallots) * 10) / 10,
        mainThreadCpuUsPerBallot: Math.round((measuredMainCpuUs / measuredBallots) * 10) / 10,
        msToLastAnswer: Math.round(measuredWallMs / (rounds - warm)),
        ballotsPerCommit: Math.round((measuredBallots / measuredCommits) * 10) / 10,
      }),
    );
  }
} finally {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
}
