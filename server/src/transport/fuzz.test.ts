// Property-based fuzzing: no payload, however malformed, crashes a handler, changes stored data it should
// not, or goes unanswered. Every schema rejects garbage with a clean result.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as protocol from '@hddt/protocol/schemas';
import { ERRORS } from '@hddt/protocol';
import type { ZodType } from 'zod';
import {
  chairSocket,
  createDisplay,
  delegateCards,
  delegateSocket,
  demoSession,
  displaySocket,
  markPresent,
  openSessionWithRollCall,
  startServer,
  tokenOf,
  type TestServer,
} from '../testing/harness';
import { verifyChain } from '../storage/event-log';
import { dumpProjections } from '../storage/projections';

const schemas = Object.entries(protocol).filter(
  ([name, value]) => name.endsWith('Schema') && typeof (value as unknown as ZodType)?.safeParse === 'function',
) as [string, ZodType][];

describe('schemas', () => {
  it('exist for every payload kind', () => {
    expect(schemas.length).toBeGreaterThan(25);
  });
  it.each(schemas.map(([name, schema]) => ({ name, schema })))('$name never throws on arbitrary input', ({ schema }) => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true }), (value) => {
        const result = schema.safeParse(value);
        expect(typeof result.success).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});

type Emitter = { timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<unknown> }; disconnect(): unknown };

const CHAIR_EVENTS = [
  'session:select',
  'session:open',
  'session:close',
  'rollcall:open',
  'rollcall:close',
  'attendance:set',
  'agenda:current',
  'motion:open',
  'motion:adhoc',
  'round:close',
  'round:announce',
  'round:cancel',
  'round:board',
  'speaker:add',
  'speaker:give',
  'speaker:finish',
  'speaker:remove',
  'speaker:move',
  'speaker:mark',
  'question:answer',
  'display:show',
];
const DELEGATE_EVENTS = [
  'attendance:checkin',
  'vote:cast',
  'vote:mine',
  'speaker:request',
  'speaker:withdraw',
  'question:request',
  'question:withdraw',
  'motion:open',
  'round:close',
];
const DISPLAY_EVENTS = ['round:board', 'vote:cast', 'display:show', 'session:open'];

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.dispose();
});

function isAck(value: unknown): value is { ok: boolean; code?: string } {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

async function fuzzSocket(socket: Emitter, events: string[], runs: number, allowedOk: (event: string) => boolean) {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...events),
      fc.oneof(
        fc.anything(),
        fc.record({ roundId: fc.string(), motionId: fc.string(), sessionId: fc.string(), commandId: fc.string(), choice: fc.anything() }, { requiredKeys: [] }),
        fc.string({ maxLength: 5000 }),
      ),
      async (event, payload) => {
        const ack = await socket.timeout(5000).emitWithAck(event, payload);
        expect(isAck(ack)).toBe(true);
        if (isAck(ack) && !ack.ok) expect(Object.keys(ERRORS)).toContain(ack.code);
        if (isAck(ack) && ack.ok) expect(allowedOk(event)).toBe(true);
      },
    ),
    { numRuns: runs },
  );
}

describe('sockets under fuzzing', () => {
  it('answer every malformed event with a clean refusal and change nothing', async () => {
    const before = dumpProjections(server.app.db);
    const chair = (await chairSocket(server)) as unknown as Emitter;
    const card = (await delegateCards(server))[0]!;
    const delegate = (await delegateSocket(server, tokenOf(card))) as unknown as Emitter;
    const display = (await displaySocket(server, (await createDisplay(server)).token)) as unknown as Emitter;
    try {
      // Payload-less chair commands (roll call) may succeed on garbage-free input; nothing else may.
      await fuzzSocket(chair, CHAIR_EVENTS, 35, () => false);
      await fuzzSocket(delegate, DELEGATE_EVENTS, 35, () => false);
      await fuzzSocket(display, DISPLAY_EVENTS, 35, () => false);
    } finally {
      chair.disconnect();
      delegate.disconnect();
      display.disconnect();
    }
    // Projections unchanged (the only new log entries are security refusals).
    expect(dumpProjections(server.app.db)).toEqual(before);
    expect(verifyChain(server.app.db).ok).toBe(true);
  });

  it('throttles a flooding client, then cuts it off, without slowing the others', async () => {
    const cards = await delegateCards(server);
    const flooder = await delegateSocket(server, tokenOf(cards[1]!));
    const calm = (await delegateSocket(server, tokenOf(cards[2]!))) as unknown as Emitter;
    try {
      const answers: unknown[] = [];
      const cut = new Promise<void>((resolve) => flooder.once('disconnect', () => resolve()));
      for (let i = 0; i < 1000; i += 1) {
        (flooder as unknown as { emit(e: string, p: unknown, cb: (a: unknown) => void): void }).emit('vote:mine', { roundId: 'nope' }, (a) => answers.push(a));
      }
      const started = performance.now();
      const calmAck = await calm.timeout(5000).emitWithAck('vote:mine', { roundId: 'nope' });
      const calmMs = performance.now() - started;
      await cut;
      const limited = answers.filter((r) => isAck(r) && !r.ok && r.code === 'RATE_LIMITED').length;
      // The first ~40 are answered normally, the next ~200 are told to slow down, then the socket is cut off.
      expect(limited).toBeGreaterThanOrEqual(150);
      expect(answers.length).toBeLessThan(400);
      expect(calmAck).toMatchObject({ ok: false, code: 'ROUND_NOT_FOUND' });
      expect(calmMs).toBeLessThan(5000);
      const logged = server.app.db.prepare("SELECT payload FROM events WHERE type = 'security.refused' AND payload LIKE '%RATE_LIMITED%'").all() as {
        payload: string;
      }[];
      expect(logged.length).toBeGreaterThanOrEqual(2);
      expect(logged.length).toBeLessThan(6);
      expect(logged.some((l) => l.payload.includes('flooding'))).toBe(true);
    } finally {
      flooder.disconnect();
      calm.disconnect();
    }
  });
});

describe('operations endpoints', () => {
  it('serve /health and Prometheus /metrics', async () => {
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, seq: expect.any(Number) });
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    for (const name of [
      'hddt_connected_clients',
      'hddt_open_rounds',
      'hddt_ballots_total',
      'hddt_commit_duration_seconds_bucket',
      'nodejs_eventloop_lag_p99_seconds',
    ]) {
      expect(metrics).toContain(name);
    }
  });
});

describe('attacks', () => {
  it('a delegate cannot cast a ballot for another delegate, even by naming them in the payload', async () => {
    const cards = await delegateCards(server);
    const attacker = (await delegateSocket(server, tokenOf(cards[3]!))) as unknown as Emitter;
    try {
      const forged = await attacker.timeout(5000).emitWithAck('vote:cast', {
        roundId: 'r1',
        delegateId: cards[4]!.delegateId,
        choice: { type: 'option', option: 'yes' },
      });
      expect(forged).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    } finally {
      attacker.disconnect();
    }
  });

  it('a forged or negative seq only ever gets the current snapshot', async () => {
    const card = (await delegateCards(server))[5]!;
    const socket = (await delegateSocket(server, tokenOf(card))) as unknown as Emitter;
    try {
      const future = (await socket.timeout(5000).emitWithAck('session:sync', { sinceSeq: 10 ** 9 })) as { ok: boolean; data?: { snapshot: { seq: number } } };
      expect(future.ok).toBe(true);
      expect(future.data!.snapshot.seq).toBe(server.app.engine.seq);
      expect(await socket.timeout(5000).emitWithAck('session:sync', { sinceSeq: -5 })).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    } finally {
      socket.disconnect();
    }
  });

  it('an oversized payload closes only the sender, and the server keeps serving others', async () => {
    const cards = await delegateCards(server);
    const big = await delegateSocket(server, tokenOf(cards[6]!));
    const calm = (await delegateSocket(server, tokenOf(cards[7]!))) as unknown as Emitter;
    try {
      const closed = new Promise<string>((resolve) => big.once('disconnect', (reason) => resolve(reason)));
      big.emit('vote:cast', { roundId: 'x'.repeat(200_000), choice: { type: 'option', option: 'yes' } }, () => undefined);
      expect(await closed).toBe('transport close');
      expect(await calm.timeout(5000).emitWithAck('vote:mine', { roundId: 'nope' })).toMatchObject({ ok: false, code: 'ROUND_NOT_FOUND' });
    } finally {
      big.disconnect();
      calm.disconnect();
    }
  });

  it('a display cannot vote or run the session, and never receives a choice of a secret round', async () => {
    const display = (await displaySocket(server, (await createDisplay(server)).token)) as unknown as Emitter;
    try {
      expect(await display.timeout(5000).emitWithAck('vote:cast', { roundId: 'r', choice: { type: 'option', option: 'yes' } })).toMatchObject({
        ok: false,
        code: 'UNKNOWN_EVENT',
      });
      expect(await display.timeout(5000).emitWithAck('motion:open', { motionId: 'm', commandId: 'abcdefgh' })).toMatchObject({
        ok: false,
        code: 'UNKNOWN_EVENT',
      });
    } finally {
      display.disconnect();
    }
  });
});

/** Event names of every JSON type, and strings that name things every object has. */
const ODD_EVENT_NAMES: unknown[] = [
  123,
  0,
  -1,
  1.5,
  1e308,
  true,
  false,
  null,
  {},
  { toString: 1, valueOf: 2 },
  [],
  ['vote:cast'],
  [1, { a: 2 }],
  'x'.repeat(10_240),
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'error',
  '',
  ' ',
  'session:sync\u0000',
  'vote:cast'.toUpperCase(),
];

type RawSocket = {
  ids: number;
  acks: Record<number, (...a: unknown[]) => void>;
  packet(p: { type: number; data: unknown[]; id?: number; options?: Record<string, unknown> }): void;
  disconnect(): unknown;
  once(e: string, f: () => void): unknown;
};

/** Sends an event packet as a hostile client would: any JSON value as its name (the stock client refuses some). */
function rawEmit(socket: RawSocket, name: unknown, payload: unknown, ack?: (a: unknown) => void): void {
  const packet: { type: number; data: unknown[]; id?: number; options?: Record<string, unknown> } = { type: 2, data: [name, payload], options: {} };
  if (ack) {
    const id = socket.ids++;
    socket.acks[id] = ack;
    packet.id = id;
  }
  socket.packet(packet);
}

describe('event names of every type', () => {
  it('no event name on /chair, /delegate or /display stops the hall: a vote on another tablet is acknowledged afterwards', async () => {
    const own = await startServer();
    try {
      const chair = await chairSocket(own);
      const cards = await delegateCards(own);
      const voter = await delegateSocket(own, tokenOf(cards[0]!));
      await openSessionWithRollCall(chair, [voter]);
      await markPresent(
        chair,
        cards.slice(1, 21).map((c) => c.delegateId),
      );
      const { motions } = await demoSession(chair);
      const motion = motions.find((m) => m.mode !== 'secret')!;
      const opened = await chair.timeout(5000).emitWithAck('motion:open', { motionId: motion.id, commandId: 'odd-names-01' });
      if (!opened.ok) throw new Error(opened.code);
      const displayToken = (await createDisplay(own)).token;
      const uncaught: unknown[] = [];
      const onUncaught = (error: unknown) => uncaught.push(error);
      process.on('uncaughtException', onUncaught);
      try {
        const makers: [string, () => Promise<RawSocket>][] = [
          ['/chair', async () => (await chairSocket(own)) as unknown as RawSocket],
          ['/delegate', async () => (await delegateSocket(own, tokenOf(cards[1]!), { deviceId: 'odd-names-tablet' })) as unknown as RawSocket],
          ['/display', async () => (await displaySocket(own, displayToken)) as unknown as RawSocket],
        ];
        for (const [, make] of makers) {
          for (const name of ODD_EVENT_NAMES) {
            for (const withAck of [false, true]) {
              const socket = await make();
              const gone = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
              const answered = new Promise<unknown>((resolve) => {
                if (withAck) rawEmit(socket, name, { roundId: 'r' }, (a: unknown) => resolve(a));
                else {
                  rawEmit(socket, name, { roundId: 'r' });
                  resolve(undefined);
                }
              });
              // Either a clean refusal, or the connection is closed (the parser refuses non-string names).
              const outcome = await Promise.race([answered, gone.then(() => 'closed'), new Promise((r) => setTimeout(() => r('silent'), 1500))]);
              if (withAck && outcome !== 'closed') expect(outcome).toMatchObject({ ok: false, code: 'UNKNOWN_EVENT' });
              socket.disconnect();
            }
          }
        }
        // The hall still works: another tablet's ballot is committed and acknowledged.
        const cast = await voter.timeout(5000).emitWithAck('vote:cast', { roundId: opened.data.id, choice: { type: 'option', option: 'yes' } });
        expect(cast).toMatchObject({ ok: true });
        expect((await fetch(`${own.url}/api/health`)).status).toBe(200);
      } finally {
        process.off('uncaughtException', onUncaught);
      }
      expect(uncaught).toEqual([]);
      // The refusals reached the log with their names coerced and bounded.
      const details = (own.app.db.prepare("SELECT payload FROM events WHERE type = 'security.refused'").all() as { payload: string }[]).map(
        (r) => JSON.parse(r.payload) as { detail: unknown },
      );
      expect(details.length).toBeGreaterThan(0);
      for (const d of details) {
        expect(typeof d.detail).toBe('string');
        expect((d.detail as string).length).toBeLessThanOrEqual(300);
      }
      expect(verifyChain(own.app.db).ok).toBe(true);
      chair.disconnect();
      voter.disconnect();
    } finally {
      await own.dispose();
    }
  }, 120_000);
});
