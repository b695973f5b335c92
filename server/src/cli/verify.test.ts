// History cannot be rewritten quietly. Each test rewrites the stored history as someone with the database file
// would: dropping the append-only triggers, changing or deleting events, recomputing every later hash so the
// chain is whole again, and updating the tables so that a replay agrees. `npm run verify` must still say so:
// by recomputing each closed round's result from what is stored, by checking secret totals against who took
// part, and by checking anchors (a log position and hash published when a result was announced).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Motion, RoundResult, RoundView } from '@hddt/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import {
  REPO_ROOT,
  chairSocket,
  delegateCards,
  delegateSocket,
  demoSession,
  markPresent,
  openSessionWithRollCall,
  startServer,
  tokenOf,
  type ChairSocket,
  type DelegateSocket,
  type TestServer,
} from '../testing/harness';
import { entryHash } from '../storage/event-log';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function verify(dataDir: string, ...args: string[]): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'server/src/cli/verify.ts'), dataDir, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
}

interface Hall {
  server: TestServer;
  chair: ChairSocket;
  voters: DelegateSocket[];
  motions: Motion[];
}

async function hall(): Promise<Hall> {
  const server = await startServer();
  cleanups.push(() => server.dispose());
  const chair = await chairSocket(server);
  const cards = await delegateCards(server);
  const voters = await Promise.all(cards.slice(0, 3).map((c) => delegateSocket(server, tokenOf(c))));
  cleanups.push(() => {
    for (const s of [chair, ...voters]) s.disconnect();
  });
  await openSessionWithRollCall(chair, voters);
  await markPresent(
    chair,
    cards.slice(3, 22).map((c) => c.delegateId),
  );
  const { motions } = await demoSession(chair);
  return { server, chair, voters, motions };
}

async function open(h: Hall, motion: Motion, commandId: string): Promise<string> {
  const opened = await h.chair.timeout(5000).emitWithAck('motion:open', { motionId: motion.id, commandId });
  if (!opened.ok) throw new Error(opened.code);
  return opened.data.id;
}

/** Closes and announces; returns the anchor published with the result. */
async function closeAndAnnounce(h: Hall, roundId: string): Promise<{ seq: number; hash: string }> {
  const closed = await h.chair.timeout(5000).emitWithAck('round:close', { roundId });
  if (!closed.ok) throw new Error(closed.code);
  const announced = await h.chair.timeout(5000).emitWithAck('round:announce', { roundId });
  if (!announced.ok) throw new Error(announced.code);
  const anchor = (announced.data as RoundView).announcedAt;
  if (!anchor) throw new Error('no anchor published with the announced result');
  return anchor;
}

type EventRow = { seq: number; at: string; actor: string; type: string; payload: string; prev_hash: string; hash: string };

/**
 * The forger's tool: opens the stopped server's database, lets `edit` change events and tables with the
 * append-only triggers out of the way, then recomputes every hash from the first changed entry on.
 */
function rewrite(dataDir: string, edit: (db: Database.Database) => void): void {
  const db = new Database(path.join(dataDir, 'hoi-dong.sqlite'));
  try {
    const triggers = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'events'").all() as { sql: string }[];
    db.exec('DROP TRIGGER events_append_only_update; DROP TRIGGER events_append_only_delete;');
    edit(db);
    let prev = '0'.repeat(64);
    for (const row of db.prepare('SELECT * FROM events ORDER BY seq').all() as EventRow[]) {
      const hash = entryHash(prev, row.seq, row.at, row.actor, row.type, row.payload);
      if (row.prev_hash !== prev || row.hash !== hash) db.prepare('UPDATE events SET prev_hash = ?, hash = ? WHERE seq = ?').run(prev, hash, row.seq);
      prev = hash;
    }
    for (const t of triggers) db.exec(t.sql);
  } finally {
    db.close();
  }
}

function headOf(dataDir: string): { seq: number; hash: string } {
  const db = new Database(path.join(dataDir, 'hoi-dong.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string };
  } finally {
    db.close();
  }
}

describe('npm run verify: a rewritten history does not pass', () => {
  it('passes an honest session with every kind of vote, each result recomputed', async () => {
    const h = await hall();
    const levels = ['high', 'medium', 'low'] as const;
    const anchors: string[] = [];
    for (const [i, motion] of h.motions.entries()) {
      const roundId = await open(h, motion, `verify-honest-${i}`);
      for (const [j, v] of h.voters.entries()) {
        const choice =
          motion.kind === 'election'
            ? { type: 'election' as const, candidateIds: [motion.candidates[j % motion.candidates.length]!.id] }
            : motion.kind === 'confidence'
              ? { type: 'confidence' as const, ratings: Object.fromEntries(motion.candidates.map((c, k) => [c.id, levels[(j + k) % 3]!])) }
              : { type: 'option' as const, option: (['yes', 'no', 'abstain'] as const)[j % 3]! };
        const ack = await v.timeout(5000).emitWithAck('vote:cast', { roundId, choice });
        expect(ack.ok).toBe(true);
      }
      const anchor = await closeAndAnnounce(h, roundId);
      anchors.push('--anchor', `${anchor.seq}:${anchor.hash}`);
    }
    await h.server.stop();
    // Every anchor the hall screen and the portal published checks out against the database.
    expect(verify(h.server.dataDir, ...anchors).status).toBe(0);
    const r = verify(h.server.dataDir);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.out.split('\n').find((l) => l.startsWith('{'))!) as { results: { checked: number } };
    expect(report.results.checked).toBe(h.motions.length);
    expect(new Set(h.motions.map((m) => `${m.kind}/${m.mode}`)).size).toBeGreaterThanOrEqual(4);
  });

  it('finds one named ballot changed from yes to no even when every later hash and the table were rewritten', async () => {
    const h = await hall();
    const motion = h.motions.find((m) => m.mode === 'named' && m.resolution)!;
    const roundId = await open(h, motion, 'verify-named-1');
    for (const v of h.voters) await v.timeout(5000).emitWithAck('vote:cast', { roundId, choice: { type: 'option', option: 'yes' } });
    await closeAndAnnounce(h, roundId);
    await h.server.stop();
    expect(verify(h.server.dataDir).status).toBe(0);

    rewrite(h.server.dataDir, (db) => {
      const e = db.prepare("SELECT seq, payload FROM events WHERE type = 'ballot.cast' ORDER BY seq LIMIT 1").get() as { seq: number; payload: string };
      const payload = e.payload.replace('"option":"yes"', '"option":"no"');
      db.prepare('UPDATE events SET payload = ? WHERE seq = ?').run(payload, e.seq);
      const delegateId = (JSON.parse(payload) as { delegateId: string }).delegateId;
      db.prepare('UPDATE ballots SET choice = ? WHERE round_id = ? AND delegate_id = ?').run(
        JSON.stringify({ type: 'option', option: 'no' }),
        roundId,
        delegateId,
      );
    });
    const r = verify(h.server.dataDir);
    expect(r.status).toBe(1);
    expect(r.out).toContain(roundId);
    expect(r.out).toMatch(/kết quả đã công bố/);
    expect(r.out).toMatch(/announced result/);
  });

  it('finds a secret round whose announced totals do not match the number who took part', async () => {
    const h = await hall();
    const motion = h.motions.find((m) => m.kind === 'election' && m.mode === 'secret')!;
    const roundId = await open(h, motion, 'verify-secret-1');
    for (const v of h.voters)
      await v.timeout(5000).emitWithAck('vote:cast', { roundId, choice: { type: 'election', candidateIds: [motion.candidates[0]!.id] } });
    await closeAndAnnounce(h, roundId);
    await h.server.stop();
    expect(verify(h.server.dataDir).status).toBe(0);

    // One more vote for the second candidate, as if a fourth delegate had voted.
    rewrite(h.server.dataDir, (db) => {
      const e = db.prepare("SELECT seq, payload FROM events WHERE type = 'round.closed' ORDER BY seq DESC LIMIT 1").get() as { seq: number; payload: string };
      const payload = JSON.parse(e.payload) as { result: { participated: number; candidates: { id: string; votes: number }[] } };
      payload.result.participated += 1;
      payload.result.candidates.find((c) => c.id === motion.candidates[1]!.id)!.votes += 1;
      db.prepare('UPDATE events SET payload = ? WHERE seq = ?').run(JSON.stringify(payload), e.seq);
      db.prepare('UPDATE rounds SET result = ? WHERE id = ?').run(JSON.stringify(payload.result), roundId);
    });
    const r = verify(h.server.dataDir);
    expect(r.status).toBe(1);
    expect(r.out).toContain(roundId);
    expect(r.out).toMatch(/took part/);
  });

  it('finds the last event and its ballot deleted, given an anchor published before', async () => {
    const h = await hall();
    const motion = h.motions.find((m) => m.mode === 'named' && m.resolution)!;
    const roundId = await open(h, motion, 'verify-anchor-1');
    await h.voters[0]!.timeout(5000).emitWithAck('vote:cast', { roundId, choice: { type: 'option', option: 'yes' } });
    await h.voters[1]!.timeout(5000).emitWithAck('vote:cast', { roundId, choice: { type: 'option', option: 'no' } });
    await h.server.stop();
    const anchor = headOf(h.server.dataDir);
    const earlier = (() => {
      const db = new Database(path.join(h.server.dataDir, 'hoi-dong.sqlite'), { readonly: true });
      const row = db.prepare('SELECT seq, hash FROM events WHERE seq = ?').get(anchor.seq - 5) as { seq: number; hash: string };
      db.close();
      return row;
    })();
    expect(verify(h.server.dataDir, '--anchor', `${anchor.seq}:${anchor.hash}`, '--anchor', `${earlier.seq}:${earlier.hash}`).status).toBe(0);
    // A short anchor, as photographed from the hall screen, works too.
    expect(verify(h.server.dataDir, '--anchor', `${anchor.seq}:${anchor.hash.slice(0, 16)}`).status).toBe(0);

    rewrite(h.server.dataDir, (db) => {
      const last = db.prepare('SELECT seq, payload FROM events ORDER BY seq DESC LIMIT 1').get() as { seq: number; payload: string };
      const { delegateId } = JSON.parse(last.payload) as { delegateId: string };
      db.prepare('DELETE FROM events WHERE seq = ?').run(last.seq);
      db.prepare('DELETE FROM ballots WHERE round_id = ? AND delegate_id = ?').run(roundId, delegateId);
    });
    // Without an anchor the shorter history is self-consistent: this is exactly what anchors are for.
    expect(verify(h.server.dataDir).status).toBe(0);
    const r = verify(h.server.dataDir, '--anchor', `${earlier.seq}:${earlier.hash}`, '--anchor', `${anchor.seq}:${anchor.hash}`);
    expect(r.status).toBe(1);
    expect(r.out).toContain(`${anchor.seq}:${anchor.hash.slice(0, 16)}`);
    expect(r.out).toMatch(/ends at/);
    expect(r.out).not.toContain(`${earlier.seq}:${earlier.hash.slice(0, 16)}`);

    // An anchor whose position now holds another entry.
    const other = verify(h.server.dataDir, '--anchor', `${earlier.seq}:${'ab'.repeat(32)}`);
    expect(other.status).toBe(1);
    expect(other.out).toMatch(/another hash|khác/);
    // A malformed anchor is a usage error, said in both languages.
    const bad = verify(h.server.dataDir, '--anchor', 'nonsense');
    expect(bad.status).toBe(2);
    expect(bad.out).toMatch(/mốc/i);
    expect(bad.out).toMatch(/anchor/);
  });

  it('an open secret round: totals changed on disk never become the announced result', async () => {
    const h = await hall();
    const motion = h.motions.find((m) => m.kind === 'election' && m.mode === 'secret')!;
    const roundId = await open(h, motion, 'verify-secret-2');
    const [a, b] = motion.candidates;
    for (const v of h.voters) await v.timeout(5000).emitWithAck('vote:cast', { roundId, choice: { type: 'election', candidateIds: [a!.id] } });
    for (const s of [h.chair, ...h.voters]) s.disconnect();
    await h.server.stop();
    // The forger moves every vote to the second candidate wherever running totals are kept.
    const db = new Database(path.join(h.server.dataDir, 'hoi-dong.sqlite'));
    const hasTotals = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'secret_tally'").get();
    if (hasTotals) {
      const forged = { ballots: 3, options: { yes: 0, no: 0, abstain: 0 }, candidates: { [b!.id]: 3 }, ratings: {} };
      db.prepare('UPDATE secret_tally SET tally = ? WHERE round_id = ?').run(JSON.stringify(forged), roundId);
    }
    db.close();
    await h.server.restart();
    const chair = await chairSocket(h.server);
    cleanups.push(() => {
      chair.disconnect();
    });
    const closed = await chair.timeout(5000).emitWithAck('round:close', { roundId });
    const result: RoundResult | null = closed.ok ? (closed.data as RoundView).result : null;
    if (result?.kind === 'election') {
      // Counted: then only as cast.
      expect(result.candidates.find((c: { id: string }) => c.id === b!.id)!.votes).toBe(0);
    } else {
      // Or not counted at all: the round was voided.
      expect(closed.ok).toBe(false);
    }
    await h.server.stop();
    expect(verify(h.server.dataDir).status).toBe(0);
  });
});
