// The hall→portal link cut for real: a TCP relay (node:net) stands between the hall's publisher and a portal node,
// and the test destroys its sockets and stops it accepting in the middle of a push. The hall goes on taking
// votes (each acknowledged to the delegate's tablet) while the chair's console is told the portal lacks more and
// more entries ("Chưa đồng bộ với cổng thông tin (n mục)"); when the relay accepts again the portal catches up by
// itself and holds the hall's chain unbroken. Then the same after days: a full session's log (thousands of
// entries) made while the link is down, the publisher's retries driven by an injected clock (no real waiting),
// each wait within the cap, and the whole backlog pushed in batches once the link returns.

import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect as tcpConnect, type Server, type Socket as TcpSocket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Pool } from 'pg';
import type { PublishStatusPayload } from '@hddt/protocol';
import { MotionInputSchema } from '@hddt/protocol/schemas';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../app';
import type { Command } from '../domain/types';
import { createPgPool } from '../portal/pg/pg-store';
import { freshSchema, type TestSchema } from '../portal/pg/test-support';
import { createPortalService, type PortalService } from '../portal-service';
import { entryHash } from '../storage/event-log';
import {
  chairSocket,
  delegateCards,
  delegateSocket,
  openSessionWithRollCall,
  staffLogin,
  tokenOf,
  type ChairSocket,
  type DelegateSocket,
} from '../testing/harness';
import type { RetryClock } from './publisher';

const KEY = 'khoa-dong-bo-duong-truyen-0123456789';
const PASSWORD = 'test-password-1';

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A TCP relay to `target`: cut() destroys every connection through it and stops accepting; restore() listens again on the same port. */
class Relay {
  private server: Server | null = null;
  private readonly sockets = new Set<TcpSocket>();
  port = 0;
  /** Requests seen from the hall (the start of each): "POST /api/publish/entries", "GET /api/publish/head". */
  readonly requests: string[] = [];
  /** Called with the start of each request the hall sends through the relay, before it is forwarded. */
  onRequest: ((line: string) => void) | null = null;

  constructor(private readonly target: number) {}

  async restore(): Promise<void> {
    const server = createServer((client) => {
      const upstream = tcpConnect(this.target, '127.0.0.1');
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.on('data', (chunk: Buffer) => {
        const line = /^(GET|POST) (\S+)/.exec(chunk.toString('latin1', 0, 100));
        if (line) {
          this.requests.push(`${line[1]} ${line[2]}`);
          this.onRequest?.(`${line[1]} ${line[2]}`);
        }
        if (!upstream.destroyed) upstream.write(chunk);
      });
      upstream.pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }

  /** The link goes down: open connections die mid-stream and new ones are refused. */
  cut(): void {
    this.server?.close();
    this.server = null;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }

  get up(): boolean {
    return this.server !== null;
  }
}

describe('publishing over a link that is cut and restored (real TCP relay, PostgreSQL)', () => {
  let schema: TestSchema | null = null;
  let pool: Pool | null = null;
  let node: PortalService | null = null;
  let hall: App | null = null;
  let relay: Relay | null = null;
  let dataDir = '';
  const sockets: { disconnect(): unknown }[] = [];

  afterEach(async () => {
    for (const s of sockets.splice(0)) s.disconnect();
    relay?.cut();
    await hall?.close();
    await node?.close().catch(() => undefined);
    await pool?.end().catch(() => undefined);
    await schema?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    hall = null;
    node = null;
    pool = null;
    schema = null;
    relay = null;
  });

  async function setUp(publish: { retryMinMs?: number; retryMaxMs?: number; retryClock?: RetryClock; batchSize?: number }) {
    schema = await freshSchema();
    pool = createPgPool(schema.url, { schema: schema.schema, max: 4 });
    node = await createPortalService({ pool, listen: { connectionString: schema.url, options: `-c search_path=${schema.schema}` }, keys: [KEY], pollMs: 500 });
    relay = new Relay(await node.listen(0, '127.0.0.1'));
    await relay.restore();
    dataDir = mkdtempSync(path.join(tmpdir(), 'hddt-link-'));
    hall = await createApp({ dataDir, demo: true, adminPassword: PASSWORD, publish: { url: `http://127.0.0.1:${relay.port}`, key: KEY, ...publish } });
    const server = { url: `http://127.0.0.1:${await hall.listen(0, '127.0.0.1')}`, adminPassword: PASSWORD };
    const staff = await staffLogin(server);
    const chair = await chairSocket(server, staff);
    const delegates = await Promise.all((await delegateCards(server, staff)).map((card) => delegateSocket(server, tokenOf(card))));
    sockets.push(chair, ...delegates);
    await openSessionWithRollCall(chair, delegates);
    return { chair, delegates, hall, node, relay, schema };
  }

  const hallSeq = (app: App) => (app.db.prepare('SELECT MAX(seq) AS n FROM events').get() as { n: number }).n;

  /** A vote on an ad hoc motion: every delegate's ballot acknowledged by the hall, then closed and announced. */
  async function vote(chair: ChairSocket, delegates: DelegateSocket[], n: number): Promise<void> {
    const opened = await chair.timeout(10_000).emitWithAck('motion:adhoc', {
      motion: { question: `Thông qua nội dung thử đường truyền số ${n}`, mode: 'named' },
      commandId: `link-vote-${n}`,
    });
    if (!opened.ok) throw new Error(`motion:adhoc ${opened.code}`);
    const roundId = opened.data.id;
    const acks = await Promise.all(
      delegates.map((d, i) => d.timeout(10_000).emitWithAck('vote:cast', { roundId, choice: { type: 'option', option: i % 5 === 0 ? 'no' : 'yes' } })),
    );
    // Every ballot acknowledged: the hall takes votes whatever the link does.
    expect(acks.every((a) => a.ok)).toBe(true);
    for (const event of ['round:close', 'round:announce'] as const) {
      const ack = await chair.timeout(10_000).emitWithAck(event, { roundId });
      if (!ack.ok) throw new Error(`${event} ${ack.code}`);
    }
  }

  /** The portal holds exactly the hall's chain: same seqs and hashes, each entry's prevHash the hash before it. */
  async function chainIntact(app: App, s: TestSchema): Promise<void> {
    const { rows } = await s.pool.query<{ seq: string; at: string; actor: string; type: string; payload: string | null; prev_hash: string; hash: string }>(
      'SELECT seq, at, actor, type, payload, prev_hash, hash FROM portal_log ORDER BY seq',
    );
    const hallRows = app.db.prepare('SELECT seq, hash FROM events ORDER BY seq').all() as { seq: number; hash: string }[];
    expect(rows.map((r) => Number(r.seq))).toEqual(hallRows.map((r) => r.seq));
    expect(rows.map((r) => r.hash)).toEqual(hallRows.map((r) => r.hash));
    let prev = rows[0]!.prev_hash;
    for (const r of rows) {
      expect(r.prev_hash).toBe(prev);
      // Entries published in full carry the hall's hash over what the portal holds.
      if (r.payload !== null) expect(entryHash(r.prev_hash, Number(r.seq), r.at, r.actor, r.type, r.payload)).toBe(r.hash);
      prev = r.hash;
    }
  }

  it('cut mid-push: the hall keeps taking votes, the console counts what the portal lacks, and the portal catches up by itself', async () => {
    const { chair, delegates, hall, node, relay, schema } = await setUp({ retryMinMs: 50, retryMaxMs: 200 });
    const seen: PublishStatusPayload[] = [];
    chair.on('publish:status', (s) => seen.push(s));
    await until('the portal in step before the cut', () => node.publicState.seq === hallSeq(hall));

    // The next push is cut as it goes: its request reaches the relay, the relay's sockets die under it.
    let cutAt = -1;
    relay.onRequest = (line) => {
      if (line === 'POST /api/publish/entries' && relay.up) {
        cutAt = hallSeq(hall);
        setImmediate(() => relay.cut());
      }
    };
    await vote(chair, delegates, 1);
    await until('the link cut mid-push', () => cutAt > 0 && !relay.up);
    relay.onRequest = null;

    // Down: every vote still acknowledged, and what the console shows grows with each.
    const behind: number[] = [];
    for (let n = 2; n <= 4; n++) {
      await vote(chair, delegates, n);
      await until('the console told of the entries the portal lacks', () => {
        const last = seen.at(-1);
        return last?.problem === 'unreachable' && last.hallSeq === hallSeq(hall);
      });
      behind.push(seen.at(-1)!.behind);
    }
    expect(behind[0]).toBeGreaterThan(0);
    expect(behind[1]).toBeGreaterThan(behind[0]!);
    expect(behind[2]).toBeGreaterThan(behind[1]!);
    // "Chưa đồng bộ với cổng thông tin (n mục)": n is what the portal lacks of the hall's log.
    expect(seen.at(-1)!.behind).toBe(hallSeq(hall) - seen.at(-1)!.confirmedSeq);
    expect(node.publicState.seq).toBeLessThan(hallSeq(hall));

    // The link returns; nobody touches the hall or the portal.
    const before = relay.requests.length;
    await relay.restore();
    await until('the portal caught up by itself', () => node.publicState.seq === hallSeq(hall) && hall.publisher!.status().behind === 0);
    await until('the console told it is in step', () => seen.at(-1)?.behind === 0 && seen.at(-1)?.problem === null);
    // It asked the portal where it stood before resuming (the cut push may or may not have been appended).
    expect(relay.requests.slice(before)[0]).toBe('GET /api/publish/head');
    await chainIntact(hall, schema);
  }, 180_000);

  it('catches up after days: a full session’s backlog, the retries capped and driven by an injected clock', async () => {
    // The injected clock: each retry the publisher asks for waits here until the test fires it.
    const waits: number[] = [];
    let due: (() => void) | null = null;
    const retryClock: RetryClock = (run, ms) => {
      waits.push(ms);
      due = run;
      return () => (due = null);
    };
    const fire = () => {
      const run = due;
      due = null;
      run?.();
    };
    const { chair, delegates, hall, node, relay, schema } = await setUp({ retryMinMs: 1000, retryMaxMs: 30_000, retryClock });
    await until('the portal in step before the outage', () => node.publicState.seq === hallSeq(hall));
    relay.cut();
    const start = hallSeq(hall);

    // A session day with the link down: votes until the log holds thousands of entries more (through the engine,
    // the tablets' path being the first test's: this one is about the backlog).
    void chair;
    const present = delegates.length;
    const run = async (command: Command) => {
      const r = await hall.engine.execute(command, { kind: 'system' });
      if (!r.ok) throw new Error(`${command.type}: ${r.code}`);
      return r;
    };
    // Every delegate checked in from a tablet in setUp.
    const voters = Object.values(hall.engine.state.delegates);
    expect(voters.length).toBe(present);
    for (let n = 1; hallSeq(hall) - start < 2000; n++) {
      const opened = await run({
        type: 'motion.adhoc',
        input: MotionInputSchema.parse({ question: `Nội dung trong lúc mất đường truyền số ${n}` }),
        commandId: `days-vote-${n}`,
      });
      const roundId = opened.decision.result!.roundId!;
      for (const [i, d] of voters.entries())
        await run({ type: 'ballot.cast', roundId, delegateId: d.id, choice: { type: 'option', option: i % 4 ? 'yes' : 'abstain' } });
      await run({ type: 'round.close', roundId });
      await run({ type: 'round.announce', roundId });
    }
    const backlog = hallSeq(hall) - start;

    // Days of outage on the injected clock: each failed try asks for a wait, doubling from 1 s up to the cap.
    await until('the first failed push', () => due !== null);
    let virtualMs = 0;
    while (waits.length < 300) {
      const asked = waits.length;
      virtualMs += waits.at(-1)!;
      fire();
      await until('the next retry asked for', () => waits.length > asked);
    }
    expect(waits.slice(0, 6)).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000]);
    expect(waits.slice(5).every((w) => w === 30_000)).toBe(true);
    virtualMs += waits.at(-1)!;
    expect(virtualMs).toBeGreaterThan(2 * 3600 * 1000);
    const status = hall.publisher!.status();
    expect(status).toMatchObject({ problem: 'unreachable', hallSeq: hallSeq(hall) });
    expect(status.behind).toBeGreaterThanOrEqual(backlog);
    expect(node.publicState.seq).toBe(start);

    // The link returns: the retry already scheduled (at most the cap away) pushes the whole backlog in batches.
    await relay.restore();
    const pushesBefore = relay.requests.filter((r) => r === 'POST /api/publish/entries').length;
    fire();
    await until('the backlog pushed', () => node.publicState.seq === hallSeq(hall) && hall.publisher!.status().behind === 0, 60_000);
    expect(relay.requests.filter((r) => r === 'POST /api/publish/entries').length - pushesBefore).toBeGreaterThanOrEqual(Math.ceil(backlog / 500));
    expect(hall.publisher!.status().problem).toBeNull();
    await chainIntact(hall, schema);
  }, 300_000);
});
