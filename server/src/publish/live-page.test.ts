// The public live page on two portal nodes sharing PostgreSQL, through the Redis Streams adapter and through the
// PostgreSQL adapter: viewers on both nodes see the vote open and the result; a viewer whose node goes away
// reconnects to the other with its last seq and sees the final result with nothing missed; the page renders
// without JavaScript under a strict CSP.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Pool } from 'pg';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../app';
import type { Command } from '../domain/types';
import { createPgPool } from '../portal/pg/pg-store';
import { freshSchema, type TestSchema } from '../portal/pg/test-support';
import type { LiveUpdate } from '../portal/live/live-hub';
import { createPortalService, type PortalService } from '../portal-service';

const KEY = 'khoa-dong-bo-truc-tiep-0123456789';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

async function until(what: string, check: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

interface Viewer {
  updates: LiveUpdate[];
  socket: Socket;
  last(): string;
}

function viewer(port: number, seq = 0, updates: LiveUpdate[] = [], lang: 'vi' | 'en' = 'vi'): Viewer {
  const socket = connect(`http://127.0.0.1:${port}/truc-tiep`, { transports: ['websocket'], auth: { seq, lang }, reconnection: false });
  socket.on('live:update', (u: LiveUpdate) => updates.push(u));
  return { updates, socket, last: () => updates.at(-1)?.html.vi ?? '' };
}

// Both adapters the service offers, each on its own stream or channel so that parallel runs on this machine
// never hear each other's broadcasts.
describe.each(['redis', 'postgres'] as const)('the public live page on two portal nodes (PostgreSQL store, %s adapter)', (adapter) => {
  let schema: TestSchema;
  const pools: Pool[] = [];
  const nodes: PortalService[] = [];
  const ports: number[] = [];
  let hall: App;
  let dataDir: string;

  const startNode = async (pollMs = 500) => {
    const pool = createPgPool(schema.url, { schema: schema.schema, max: 4 });
    pools.push(pool);
    const node = await createPortalService({
      pool,
      listen: { connectionString: schema.url, options: `-c search_path=${schema.schema}` },
      keys: [KEY],
      pollMs,
      live:
        adapter === 'redis'
          ? { kind: 'redis', url: REDIS_URL, channel: `live-${schema.schema}` }
          : { kind: 'postgres', pool, channel: `live-${schema.schema}` },
    });
    nodes.push(node);
    ports.push(await node.listen(0, '127.0.0.1'));
  };

  beforeAll(async () => {
    schema = await freshSchema();
    for (let i = 0; i < 2; i++) await startNode();
    dataDir = mkdtempSync(path.join(tmpdir(), 'hddt-live-'));
    hall = await createApp({
      dataDir,
      demo: true,
      adminPassword: 'test-password-1',
      publish: { url: `http://127.0.0.1:${ports[0]}`, key: KEY, retryMinMs: 100, retryMaxMs: 400 },
    });
  });

  afterAll(async () => {
    await hall?.close();
    for (const n of nodes) await n.close().catch(() => undefined);
    for (const p of pools) await p.end().catch(() => undefined);
    await schema?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const run = async (command: Command) => {
    const r = await hall.engine.execute(command, { kind: 'system' });
    if (!r.ok) throw new Error(`${command.type}: ${r.code}`);
    return r;
  };

  it('serves the vote open and the announced result to viewers on both nodes, and a viewer of a dead node misses nothing', async () => {
    const a = viewer(ports[0]!);
    const b = viewer(ports[1]!);
    await until('both viewers to get a snapshot', () => a.updates.length > 0 && b.updates.length > 0);

    const engine = hall.engine;
    const sessionId = engine.state.activeSessionId!;
    await run({ type: 'session.open', sessionId });
    const delegates = Object.values(engine.state.delegates)
      .sort((x, y) => x.seat - y.seat)
      .slice(0, 28);
    for (const d of delegates) await run({ type: 'attendance.set', delegateId: d.id, status: 'present', reason: null });
    const motion = Object.values(engine.state.motions).find((m) => m.sessionId === sessionId && m.resolution && m.kind === 'ordinary' && m.mode === 'named')!;
    const opened = await run({ type: 'motion.open', motionId: motion.id, commandId: 'open-live-1' });
    const roundId = opened.decision.result!.roundId!;
    for (const v of [a, b]) await until('the vote open on each node', () => v.last().includes(`data-round-id="${roundId}" data-status="open"`));
    expect(b.last()).toContain('Đang biểu quyết');

    // Node 2 goes away mid-vote; its viewer reconnects to node 1 with the last seq it showed.
    const seenByB = b.updates.at(-1)!.seq;
    const moved: LiveUpdate[] = [...b.updates];
    const gone = new Promise<void>((resolve) => b.socket.once('disconnect', () => resolve()));
    await nodes[1]!.close();
    await gone;
    for (const [i, d] of delegates.entries())
      await run({ type: 'ballot.cast', roundId, delegateId: d.id, choice: { type: 'option', option: i === 0 ? 'abstain' : 'yes' } });
    await run({ type: 'round.close', roundId });
    await run({ type: 'round.announce', roundId });
    const b2 = viewer(ports[0]!, seenByB, moved);
    const hallSeq = () => (hall.db.prepare('SELECT MAX(seq) AS n FROM events').get() as { n: number }).n;
    await until('both viewers at the hall’s last entry', () => a.updates.at(-1)?.seq === hallSeq() && b2.updates.at(-1)?.seq === hallSeq());
    for (const v of [a, b2]) {
      expect(v.last()).toContain('Kết quả đã công bố');
      expect(v.last()).toContain('tán thành 27 (');
      expect(v.last()).not.toContain('data-status="open"');
    }
    // Seqs never go backwards for the moved viewer.
    const seqs = b2.updates.map((u) => u.seq);
    expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
    a.socket.disconnect();
    b2.socket.disconnect();
  });

  it('carries a broadcast larger than 8,000 bytes to the other node (the PostgreSQL adapter stores those in a table)', async () => {
    // A session day with many announced results makes a fragment of this size; node 2 is gone, so a third starts.
    await startNode();
    const c = viewer(ports[2]!);
    await until('a snapshot from the third node', () => c.updates.length > 0);
    const big: LiveUpdate = { seq: c.updates.at(-1)!.seq, html: { vi: `<p>${'Kết quả đã công bố. '.repeat(600)}</p>`, en: '<p>x</p>' } };
    expect(Buffer.byteLength(JSON.stringify(big))).toBeGreaterThan(8000);
    nodes[0]!.live.io.of('/truc-tiep').emit('live:update', big);
    await until('the large update on the third node', () => c.last() === big.html.vi);
    c.socket.disconnect();
  });

  it('answers a storm of viewers from memory, each once, in its own language only', async () => {
    const updates = Array.from({ length: 200 }, (): LiveUpdate[] => []);
    const storm = updates.map((u, i) => viewer(ports[0]!, 0, u, i % 2 ? 'en' : 'vi'));
    await until('a snapshot for every viewer of the storm', () => updates.every((u) => u.length > 0));
    // A moment more: a second snapshot would come from the read of the store after the batch, if it sent one.
    await new Promise((r) => setTimeout(r, 300));
    const head = nodes[0]!.publicState.seq;
    updates.forEach((u, i) => {
      expect(u.map((x) => x.seq)).toEqual([head]);
      expect(Object.keys(u[0]!.html)).toEqual([i % 2 ? 'en' : 'vi']);
    });
    expect(updates[1]![0]!.html.en).toContain('Announced results');
    expect(updates[0]![0]!.html.vi).toContain('Kết quả đã công bố');
    for (const v of storm) v.socket.disconnect();
  });

  it('renders the page without JavaScript, with a refresh link, under a CSP allowing scripts from self only', async () => {
    const res = await fetch(`http://127.0.0.1:${ports[0]}/truc-tiep`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
    const body = await res.text();
    expect(body).toContain('Kết quả đã công bố');
    expect(body).toContain('href="/truc-tiep">Tải lại trang</a>');
    expect(body).not.toMatch(/<script>(?!<)/);
    const en = await (await fetch(`http://127.0.0.1:${ports[0]}/en/truc-tiep`)).text();
    expect(en).toContain('Announced results');
    const script = await fetch(`http://127.0.0.1:${ports[0]}/truc-tiep/live.js`);
    expect(script.headers.get('content-type')).toContain('javascript');
    expect((await fetch(`http://127.0.0.1:${ports[0]}/socket.io/socket.io.min.js`)).status).toBe(200);
  });

  // Last in this file: the entry appended here by hand is not the hall's, so nothing is published after it.
  it('sends a viewer what another node appended before this node was notified of it, from one read after connecting', async () => {
    // A node that polls once an hour: only a notification or a viewer's connecting makes it read the log.
    await startNode(3_600_000);
    const port = ports.at(-1)!;
    const node = nodes.at(-1)!;
    const first = viewer(port);
    await until('a snapshot from the new node', () => first.updates.length > 0);
    const head = node.publicState.seq;
    // An entry another node appended whose NOTIFY this node never got (written without pg_notify).
    const { rows } = await schema.pool.query<{ hash: string }>('SELECT hash FROM portal_log WHERE seq = $1', [head]);
    await schema.pool.query(`INSERT INTO portal_log (seq, at, actor, type, payload, prev_hash, hash) VALUES ($1, $2, 'system', 'ballot.cast', NULL, $3, $4)`, [
      head + 1,
      new Date().toISOString(),
      rows[0]!.hash,
      'f'.repeat(64),
    ]);
    const late = viewer(port);
    await until('the entry the node had not heard of, for the viewer that just connected', () => late.updates.at(-1)?.seq === head + 1);
    // First the snapshot from memory, then what the read added; seqs never go backwards.
    expect(late.updates.map((u) => u.seq)).toEqual([head, head + 1]);
    expect(late.last()).toContain(`Cập nhật đến mục ${head + 1} của sổ ghi.`);
    first.socket.disconnect();
    late.socket.disconnect();
  });
});
