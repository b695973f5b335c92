// A whole session over real sockets: check-in, quorum, a named vote, a secret election, results.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  api,
  chairSocket,
  delegateCards,
  delegateSocket,
  demoSession,
  displaySocket,
  createDisplay,
  markPresent,
  openSessionWithRollCall,
  startServer,
  tokenOf,
  type DelegateSocket,
  type TestServer,
} from './testing/harness';

let server: TestServer;
const sockets: { disconnect(): unknown }[] = [];

beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  await server.dispose();
});

async function setup(nDelegates: number) {
  const chair = await chairSocket(server);
  sockets.push(chair);
  const cards = await delegateCards(server);
  const delegates: DelegateSocket[] = [];
  for (const card of cards.slice(0, nDelegates)) {
    const s = await delegateSocket(server, tokenOf(card));
    sockets.push(s);
    delegates.push(s);
  }
  return { chair, cards, delegates };
}

describe('live session over sockets', () => {
  it('runs check-in, quorum, a named vote and announces the result', async () => {
    const { chair, cards, delegates } = await setup(3);
    await openSessionWithRollCall(chair, delegates);
    const { motions } = await demoSession(chair);
    const motion = motions.find((m) => m.question.startsWith('Thông qua Nghị quyết về Kế hoạch'))!;

    // Three present of 31: no quorum (21 needed), a real vote cannot open.
    const refused = await chair.timeout(5000).emitWithAck('motion:open', { motionId: motion.id, commandId: 'cmd-00000001' });
    expect(refused).toMatchObject({ ok: false, code: 'QUORUM_NOT_MET' });
    expect(refused.ok === false && refused.message).toContain('biểu quyết');

    await markPresent(
      chair,
      cards.slice(3, 21).map((c) => c.delegateId),
    );
    const opened = await chair.timeout(5000).emitWithAck('motion:open', { motionId: motion.id, commandId: 'cmd-00000002' });
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    const roundId = opened.data.id;
    // The same command again (a retry after reconnect) opens nothing new.
    const again = await chair.timeout(5000).emitWithAck('motion:open', { motionId: motion.id, commandId: 'cmd-00000002' });
    expect(again.ok && again.data.id).toBe(roundId);

    const [a, b, c] = delegates as [DelegateSocket, DelegateSocket, DelegateSocket];
    const r1 = await a.timeout(5000).emitWithAck('vote:cast', { roundId, choice: { type: 'option', option: 'yes' } });
    expect(r1).toMatchObject({ ok: true, data: { roundId, secret: false, choice: { type: 'option', option: 'yes' } } });
    await b.timeout(5000).emitWithAck('vote:cast', { roundId, choice: { type: 'option', option: 'no' } });
    await c.timeout(5000).emitWithAck('vote:cast', { roundId, choice: { type: 'option', option: 'abstain' } });
    const mine = await b.timeout(5000).emitWithAck('vote:mine', { roundId });
    expect(mine.ok && mine.data?.choice).toEqual({ type: 'option', option: 'no' });

    const closed = await chair.timeout(5000).emitWithAck('round:close', { roundId });
    expect(closed.ok).toBe(true);
    if (!closed.ok) return;
    expect(closed.data.result).toMatchObject({
      kind: 'options',
      seated: 31,
      participated: 3,
      counts: { yes: 1, no: 1, abstain: 1 },
      required: 16,
      passed: false,
    });
    const late = await a.timeout(5000).emitWithAck('vote:cast', { roundId, choice: { type: 'option', option: 'no' } });
    expect(late).toMatchObject({ ok: false, code: 'ROUND_NOT_OPEN' });
    const announced = await chair.timeout(5000).emitWithAck('round:announce', { roundId });
    expect(announced.ok && announced.data.status).toBe('announced');
  });

  it('refuses a delegate emitting chair events, unknown events and malformed payloads', async () => {
    const { delegates } = await setup(1);
    const d = delegates[0]!;
    const raw = d as unknown as { timeout(ms: number): { emitWithAck(ev: string, p: unknown): Promise<unknown> } };
    expect(await raw.timeout(3000).emitWithAck('motion:open', { motionId: 'x', commandId: 'abcdefgh' })).toMatchObject({ ok: false, code: 'UNKNOWN_EVENT' });
    expect(await raw.timeout(3000).emitWithAck('vote:cast', { roundId: 'x', choice: { type: 'option', option: 'maybe' } })).toMatchObject({
      ok: false,
      code: 'BAD_REQUEST',
    });
    expect(await raw.timeout(3000).emitWithAck('vote:cast', 'garbage')).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
  });

  it('keeps a secret ballot unlinkable and a display never sees a choice', async () => {
    const { chair, cards, delegates } = await setup(2);
    await openSessionWithRollCall(chair, delegates);
    await markPresent(
      chair,
      cards.slice(2, 21).map((c) => c.delegateId),
    );
    const display = await createDisplay(server);
    const screen = await displaySocket(server, display.token);
    sockets.push(screen);
    const received: string[] = [];
    screen.onAny((_event, ...args) => received.push(JSON.stringify(args)));
    const { motions } = await demoSession(chair);
    const election = motions.find((m) => m.kind === 'election')!;
    const opened = await chair.timeout(5000).emitWithAck('motion:open', { motionId: election.id, commandId: 'cmd-elect-01' });
    if (!opened.ok) throw new Error(opened.code);
    const roundId = opened.data.id;
    const [first, second] = election.candidates;
    const r = await delegates[0]!.timeout(5000).emitWithAck('vote:cast', { roundId, choice: { type: 'election', candidateIds: [first!.id] } });
    expect(r).toMatchObject({ ok: true, data: { secret: true, choice: null } });
    const twice = await delegates[0]!.timeout(5000).emitWithAck('vote:cast', { roundId, choice: { type: 'election', candidateIds: [second!.id] } });
    expect(twice).toMatchObject({ ok: false, code: 'ALREADY_VOTED' });
    await delegates[1]!.timeout(5000).emitWithAck('vote:cast', { roundId, choice: { type: 'election', candidateIds: [second!.id] } });
    const closed = await chair.timeout(5000).emitWithAck('round:close', { roundId });
    expect(closed.ok && closed.data.result?.kind).toBe('election');
    const board = await screen.timeout(3000).emitWithAck('round:board', { roundId });
    expect(board).toMatchObject({ ok: false, code: 'SECRET_BALLOT' });
    // No database row links a delegate to a choice.
    const db = server.app.db;
    expect(db.prepare('SELECT COUNT(*) AS n FROM ballots WHERE round_id = ?').get(roundId)).toEqual({ n: 0 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM secret_participation WHERE round_id = ?').get(roundId)).toEqual({ n: 2 });
    const events = db.prepare("SELECT payload FROM events WHERE type = 'ballot.secret-cast'").all() as { payload: string }[];
    for (const e of events) expect(e.payload).not.toContain(first!.id);
    expect(received.join('\n')).not.toContain('"candidateIds"');
  });
});

describe('resolutions', () => {
  it('numbers passed, announced resolutions per year and never a failed or practice vote', async () => {
    const { chair, cards, delegates } = await setup(0);
    void delegates;
    const voters: DelegateSocket[] = [];
    for (const card of cards.slice(0, 21)) {
      const s = await delegateSocket(server, tokenOf(card));
      sockets.push(s);
      voters.push(s);
    }
    await openSessionWithRollCall(chair, voters);
    const { motions } = await demoSession(chair);
    const practice = motions.find((m) => m.practice)!;
    const first = motions.find((m) => m.question.includes('đầu tư công'))!;
    const normative = motions.find((m) => m.normative)!;
    const runVote = async (motionId: string, commandId: string, yes: number) => {
      const opened = await chair.timeout(5000).emitWithAck('motion:open', { motionId, commandId });
      if (!opened.ok) throw new Error(opened.code);
      await Promise.all(
        voters.map((v, i) => v.timeout(5000).emitWithAck('vote:cast', { roundId: opened.data.id, choice: { type: 'option', option: i < yes ? 'yes' : 'no' } })),
      );
      await chair.timeout(5000).emitWithAck('round:close', { roundId: opened.data.id });
      const announced = await chair.timeout(5000).emitWithAck('round:announce', { roundId: opened.data.id });
      if (!announced.ok) throw new Error(announced.code);
    };
    await runVote(practice.id, 'res-practice-1', 21);
    await runVote(first.id, 'res-first-fail', 15); // 15 of 31: not more than half
    await runVote(first.id, 'res-first-pass', 16); // re-vote: 16 of 31 passes
    await runVote(normative.id, 'res-normative', 20);
    const list = await api<{ code: string; title: string; normative: boolean; number: number }[]>(server, 'GET', '/api/resolutions');
    const year = new Date().getFullYear();
    expect(list.body.map((r) => r.code).sort()).toEqual([`01/${year}/NQ-HĐND`, `01/NQ-HĐND`]);
    // The resolution carries its own title, not the vote's question.
    expect(list.body.find((r) => r.normative)?.title).toBe(normative.resolutionTitle);
    expect(normative.resolutionTitle).toBe('Nghị quyết về dự toán ngân sách địa phương năm 2027');
  });
});
