// The start-up self-test. Before the hall server takes its first tablet, it holds a few votes with itself:
// a scratch council on a scratch database in a temporary folder, real Socket.IO clients over loopback, the
// same handlers, engine and SQLite commits as a real vote. Two reasons:
//   - it proves, on this machine, that a ballot goes from a socket to a committed transaction and back;
//   - it lets V8 compile that path before it matters. A fresh Node.js process runs its first thousand or so
//     ballots in the interpreter, two to three times slower than later ones; without this, the first vote
//     after a restart (the one right after a crash, with the whole hall pressing again) would be the slowest.
// Nothing of the scratch council reaches the real data directory, the real log or the real metrics.

import { PROTOCOL_VERSION, type VoteOption } from '@hddt/protocol';
import { MotionInputSchema, SessionInputSchema } from '@hddt/protocol/schemas';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { createApp, type App } from './app';
import type { Actor, Command } from './domain/types';
import { fingerprint, newToken } from './storage/credentials';

export interface SelfTestOptions {
  /** Simulated tablets. */
  delegates?: number;
  /** Votes held, every tablet pressing at once in each. */
  rounds?: number;
  /** Where the scratch data directory is made (the system's temporary folder by default). */
  tmpRoot?: string;
}

export interface SelfTestReport {
  delegates: number;
  rounds: number;
  ballots: number;
  /** Wall time of the whole self-test, set-up included. */
  totalMs: number;
  /** Slowest acknowledgement of the last vote (the process is warm by then). */
  lastRoundMaxAckMs: number;
}

const SYSTEM: Actor = { kind: 'system' };
const OPTIONS: VoteOption[] = ['yes', 'no', 'abstain'];

type ResultKey = 'sessionId' | 'motionId' | 'roundId';

/** Runs a command as the system; answers the id it names under `key`. */
async function must(app: App, command: Command, key?: ResultKey): Promise<string> {
  const result = await app.engine.execute(command, SYSTEM);
  if (!result.ok) throw new Error(`self-test: ${command.type} refused (${result.code})`);
  const id = key ? result.decision.result?.[key] : '';
  if (id === undefined) throw new Error(`self-test: ${command.type} gave no ${key}`);
  return id;
}

function connect(url: string, token: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(`${url}/delegate`, {
      auth: { protocolVersion: PROTOCOL_VERSION, token, deviceId: `self-test-${newToken(6)}` },
      transports: ['websocket'],
      reconnection: false,
    });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => reject(new Error(`self-test: connect failed (${error.message})`)));
  });
}

async function ask(socket: Socket, event: string, payload: unknown): Promise<void> {
  const ack = (await socket.timeout(30_000).emitWithAck(event, payload)) as { ok: boolean; code?: string };
  if (!ack.ok) throw new Error(`self-test: ${event} refused (${ack.code ?? '?'})`);
}

export async function selfTest({ delegates = 400, rounds = 12, tmpRoot = tmpdir() }: SelfTestOptions = {}): Promise<SelfTestReport> {
  const started = performance.now();
  const dataDir = mkdtempSync(path.join(tmpRoot, 'hddt-self-test-'));
  const sockets: Socket[] = [];
  let app: App | null = null;
  try {
    app = await createApp({ dataDir, demo: false, adminPassword: newToken() });
    const port = await app.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${port}`;

    await must(app, {
      type: 'delegate.import',
      inputs: Array.from({ length: delegates }, (_, i) => ({ seat: i + 1, fullName: `Tự kiểm tra ${i + 1}`, title: '', group: '' })),
    });
    const at = new Date().toISOString();
    const tokens = await Promise.all(
      Object.keys(app.engine.state.delegates).map(async (delegateId) => {
        const token = newToken();
        const recorded = await app!.engine.record([{ type: 'credential.delegate-issued', delegateId, fingerprint: fingerprint(token) }], SYSTEM, () =>
          app!.services.creds.setDelegateToken(delegateId, token, at),
        );
        if (!recorded.ok) throw new Error(`self-test: card refused (${recorded.code})`);
        return token;
      }),
    );
    const today = at.slice(0, 10);
    const sessionId = await must(
      app,
      {
        type: 'session.create',
        input: SessionInputSchema.parse({ number: 1, startDate: today, endDate: '2999-12-31', place: 'Tự kiểm tra' }),
      },
      'sessionId',
    );
    await must(app, { type: 'session.select', sessionId });
    await must(app, { type: 'session.open', sessionId });
    await must(app, { type: 'rollcall.open' });

    for (let i = 0; i < tokens.length; i += 50) sockets.push(...(await Promise.all(tokens.slice(i, i + 50).map((token) => connect(url, token)))));
    await Promise.all(sockets.map((socket) => ask(socket, 'attendance:checkin', {})));

    let lastRoundMaxAckMs = 0;
    for (let round = 0; round < rounds; round += 1) {
      const motionId = await must(
        app,
        {
          type: 'motion.prepare',
          sessionId,
          input: MotionInputSchema.parse({ question: `Biểu quyết tự kiểm tra ${round + 1}`, mode: 'named', interim: 'live', practice: true }),
        },
        'motionId',
      );
      const roundId = await must(app, { type: 'motion.open', motionId, commandId: `self-test-${round}-${newToken(6)}` }, 'roundId');
      let maxAck = 0;
      await Promise.all(
        sockets.map(async (socket, i) => {
          const t0 = performance.now();
          await ask(socket, 'vote:cast', { roundId, choice: { type: 'option', option: OPTIONS[i % 3] } });
          maxAck = Math.max(maxAck, performance.now() - t0);
        }),
      );
      lastRoundMaxAckMs = maxAck;
      await must(app, { type: 'round.close', roundId });
    }
    return {
      delegates,
      rounds,
      ballots: delegates * rounds,
      totalMs: Math.round(performance.now() - started),
      lastRoundMaxAckMs: Math.round(lastRoundMaxAckMs * 10) / 10,
    };
  } finally {
    for (const socket of sockets) socket.disconnect();
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
