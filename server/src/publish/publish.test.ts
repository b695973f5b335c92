// The hall publishing to two portal nodes on real PostgreSQL: a session pushed through, the link cut and
// restored, a tampered entry and a gap refused, the key rotated, and the portal's anchor checked by the hall.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../app';
import { adoptDemoResolution } from '../portal/test-support';
import { createPgPool } from '../portal/pg/pg-store';
import { freshSchema, type TestSchema } from '../portal/pg/test-support';
import { createPortalService, type PortalService } from '../portal-service';
import { checkIntegrity } from '../records/integrity';
import { parseAnchor } from '../records/result-check';
import { entryHash } from '../storage/event-log';
import type { PublishedEntry } from './entries';
import type { Pool } from 'pg';
import type { PublishStatusPayload } from '@hddt/protocol';
import { chairSocket } from '../testing/harness';

const KEY = 'khoa-dong-bo-hien-tai-0123456789';
const OLD_KEY = 'khoa-dong-bo-truoc-day-0123456789';

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('publishing the hall to portal nodes on PostgreSQL', () => {
  let schema: TestSchema;
  const pools: Pool[] = [];
  const nodes: PortalService[] = [];
  let hall: App;
  let dataDir: string;
  let port1 = 0;

  async function startNode(port = 0): Promise<{ node: PortalService; port: number }> {
    const pool = createPgPool(schema.url, { schema: schema.schema, max: 4 });
    pools.push(pool);
    const node = await createPortalService({
      pool,
      listen: { connectionString: schema.url, options: `-c search_path=${schema.schema}` },
      keys: [KEY, OLD_KEY],
      pollMs: 500,
    });
    nodes.push(node);
    return { node, port: await node.listen(port, '127.0.0.1') };
  }
  const hallSeq = () => (hall.db.prepare('SELECT MAX(seq) AS n FROM events').get() as { n: number }).n;
  const post = (port: number, entries: unknown, key = KEY) =>
    fetch(`http://127.0.0.1:${port}/api/publish/entries`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ entries }),
    });

  beforeAll(async () => {
    schema = await freshSchema();
    port1 = (await startNode()).port;
    await startNode();
    dataDir = mkdtempSync(path.join(tmpdir(), 'hddt-publish-'));
    hall = await createApp({
      dataDir,
      demo: true,
      adminPassword: 'test-password-1',
      publish: { url: `http://127.0.0.1:${port1}`, key: KEY, retryMinMs: 100, retryMaxMs: 400 },
    });
  });

  afterAll(async () => {
    await hall?.close();
    for (const n of nodes) await n.close().catch(() => undefined);
    for (const p of pools) await p.end().catch(() => undefined);
    await schema?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('pushes the session through; both nodes serve the announced resolution and nothing secret arrives', async () => {
    const { resolutionId } = await adoptDemoResolution(hall.engine);
    await until('both nodes in step', () => nodes.every((n) => n.publicState.seq === hallSeq()));
    expect(hall.publisher!.status()).toMatchObject({ behind: 0, problem: null });
    const title = hall.engine.state.resolutions[resolutionId]!.title;
    for (const n of nodes) {
      const port = (n.httpServer.address() as { port: number }).port;
      const page = await fetch(`http://127.0.0.1:${port}/nghi-quyet/${resolutionId}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(title.slice(0, 30));
    }
    const withheld = await schema.pool.query<{ type: string; payload: string | null }>(
      "SELECT type, payload FROM portal_log WHERE type LIKE 'staff.%' OR type LIKE 'credential.%'",
    );
    expect(withheld.rows.length).toBeGreaterThan(0);
    expect(withheld.rows.every((r) => r.payload === null)).toBe(true);
  });

  it('keeps an anchor the hall’s verify accepts', async () => {
    const res = await fetch(`http://127.0.0.1:${port1}/api/publish/anchor`);
    const { anchor } = (await res.json()) as { anchor: string };
    const report = checkIntegrity(hall.db, [parseAnchor(anchor)!]);
    expect(report.anchors.ok).toBe(true);
    const forged = checkIntegrity(hall.db, [parseAnchor(`${anchor.split(':')[0]}:${'0'.repeat(64)}`)!]);
    expect(forged.anchors.ok).toBe(false);
  });

  it('refuses a wrong key (401), a gap (409) and a tampered entry (422), and accepts the previous key', async () => {
    const head = await nodes[0]!.log.head();
    expect(
      (await post(port1, [{ seq: head.seq + 1, at: 'x', actor: 'system', type: 't', payload: '{}', prevHash: head.hash, hash: 'a'.repeat(64) }], 'sai-khoa'))
        .status,
    ).toBe(401);
    const gap = await post(port1, [{ seq: head.seq + 5, at: 'x', actor: 'system', type: 't', payload: null, prevHash: head.hash, hash: 'a'.repeat(64) }]);
    expect(gap.status).toBe(409);
    expect(await gap.json()).toMatchObject({
      code: 'PUBLISH_GAP',
      expectedSeq: head.seq + 1,
      message: expect.stringContaining('Thiếu mục'),
      messageEn: expect.any(String),
    });
    // A real next entry with its payload altered after hashing.
    const payload = JSON.stringify({ roundId: 'r1' });
    const hash = entryHash(head.hash, head.seq + 1, '2026-07-01T08:00:00.000Z', 'system', 'round.announced', payload);
    const tampered: PublishedEntry = {
      seq: head.seq + 1,
      at: '2026-07-01T08:00:00.000Z',
      actor: 'system',
      type: 'round.announced',
      payload: payload.replace('r1', 'r2'),
      prevHash: head.hash,
      hash,
    };
    const refused = await post(port1, [tampered], OLD_KEY);
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ code: 'PUBLISH_CHAIN_BROKEN', reason: 'hash-mismatch' });
    // A resend of held entries that differs from what is held is refused too.
    const held = (await nodes[0]!.log.readAfter(head.seq - 1))[0]!;
    expect((await post(port1, [{ ...held, payload: null, hash: 'd'.repeat(64) }])).status).toBe(422);
    expect(await nodes[0]!.log.head()).toEqual(head);
    expect((await post(port1, { not: 'a batch' })).status).toBe(400);
  });

  it('keeps the hall working while the link is down, counts what is behind, and catches up when it returns', async () => {
    const port = await hall.listen(0, '127.0.0.1');
    const chair = await chairSocket({ url: `http://127.0.0.1:${port}`, adminPassword: 'test-password-1' });
    const seen: PublishStatusPayload[] = [];
    chair.on('publish:status', (s) => seen.push(s));
    const first = nodes[0]!;
    await first.close();
    // The hall goes on deciding while the portal is unreachable.
    const item = Object.values(hall.engine.state.agenda).find((a) => a.sessionId === hall.engine.state.activeSessionId)!;
    expect((await hall.engine.execute({ type: 'agenda.current', itemId: item.id }, { kind: 'system' })).ok).toBe(true);
    await until('the hall to see the portal gone', () => {
      const s = hall.publisher!.status();
      return s.problem === 'unreachable' && s.behind > 0;
    });
    expect(nodes[1]!.publicState.seq).toBeLessThan(hallSeq());
    // The console is told, so it can show "Chưa đồng bộ với cổng thông tin (n mục)".
    await until('the chair to hear it', () => seen.some((x) => x.problem === 'unreachable' && x.behind > 0));
    // The link returns: a node listens again at the address the hall publishes to.
    await startNode(port1);
    await until('catch-up after the link returned', () => hall.publisher!.status().behind === 0 && nodes[1]!.publicState.seq === hallSeq(), 20_000);
    expect(hall.publisher!.status().problem).toBeNull();
    await until('the chair to hear it is in step', () => seen.at(-1)?.behind === 0 && seen.at(-1)?.problem === null);
    chair.disconnect();
    expect(nodes[1]!.publicState.state.sessions[item.sessionId]!.currentItemId).toBe(item.id);
  });
});
