// The display's live-sync module (the code the hall screen runs) against the real server, without a browser:
// snapshot on connect, patches, a missed patch repaired with session:sync, the named board fetched by itself,
// and a refused token.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Ack, RoundView } from '@hddt/protocol';
import {
  chairSocket,
  createDisplay,
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
} from './harness';
import { createDisplaySocket } from '../display-screen/src/socket';
import { startLiveSync } from '../display-screen/src/live-sync';
import { createDisplayStore } from '../display-screen/src/store';
import type { DisplayState, DisplayStore } from '../display-screen/src/store';

function must<T>(ack: Ack<T>, what: string): T {
  if (!ack.ok) throw new Error(`${what}: ${ack.code}`);
  return ack.data;
}

function until(store: DisplayStore, test: (s: DisplayState) => boolean, ms = 5000): Promise<DisplayState> {
  return new Promise((resolve, reject) => {
    if (test(store.getState())) return resolve(store.getState());
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error('condition not reached'));
    }, ms);
    const unsubscribe = store.subscribe((s) => {
      if (!test(s)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(s);
    });
  });
}

let server: TestServer;
let chair: ChairSocket;
let delegates: DelegateSocket[] = [];
const stops: (() => void)[] = [];

beforeEach(async () => {
  server = await startServer();
  chair = await chairSocket(server);
  const cards = await delegateCards(server);
  delegates = await Promise.all(cards.slice(0, 3).map((c) => delegateSocket(server, tokenOf(c))));
  await openSessionWithRollCall(chair, delegates);
  await markPresent(
    chair,
    cards.slice(3, 21).map((c) => c.delegateId),
  );
});
afterEach(async () => {
  for (const stop of stops.splice(0)) stop();
  for (const d of delegates) d.disconnect();
  chair.disconnect();
  await server.dispose();
});

describe('display live sync against the real server', () => {
  it('mirrors the snapshot, applies patches, repairs a gap with session:sync and fetches the named board', async () => {
    const { token } = await createDisplay(server);
    const store = createDisplayStore();
    stops.push(startLiveSync(createDisplaySocket(token, server.url), store));
    const first = await until(store, (s) => s.connection === 'online' && s.snapshot !== null);
    expect(first.snapshot!.attendance.present).toBe(21);
    expect(first.snapshot!.documents).toEqual([]);

    const { motions } = await demoSession(chair);
    const motion = motions.find((m) => m.mode === 'named' && m.kind === 'ordinary' && !m.practice)!;
    const round = must<RoundView>(await chair.timeout(5000).emitWithAck('motion:open', { motionId: motion.id, commandId: 'display-sync-0001' }), 'motion:open');
    must(await chair.timeout(5000).emitWithAck('display:show', { mode: 'vote', roundId: round.id }), 'display:show');
    await until(store, (s) => s.snapshot?.display.roundId === round.id);

    // Pretend this display missed messages: its seq falls behind, the next patch's prevSeq is beyond it.
    // Its mirror is also emptied: only a full snapshot from session:sync (not the round patch) brings the
    // agenda and motions back.
    store.setState((s) => ({ snapshot: { ...s.snapshot!, seq: 1, rounds: [], agenda: [], motions: [] } }));
    must(await delegates[0]!.timeout(5000).emitWithAck('vote:cast', { roundId: round.id, choice: { type: 'option', option: 'yes' } }), 'vote');
    const repaired = await until(store, (s) => (s.snapshot?.seq ?? 0) > 1 && s.snapshot!.rounds.some((r) => r.id === round.id && r.voted === 1));
    expect(repaired.snapshot!.rounds.find((r) => r.id === round.id)!.status).toBe('open');
    await until(store, (s) => s.snapshot!.agenda.length > 0 && s.snapshot!.motions.some((m) => m.id === motion.id));

    for (const d of delegates.slice(1))
      must(await d.timeout(5000).emitWithAck('vote:cast', { roundId: round.id, choice: { type: 'option', option: 'no' } }), 'vote');
    must(await chair.timeout(5000).emitWithAck('round:close', { roundId: round.id }), 'close');
    must(await chair.timeout(5000).emitWithAck('display:show', { mode: 'result', roundId: round.id }), 'display:show');
    const withBoard = await until(store, (s) => s.boards[round.id] !== undefined);
    const board = withBoard.boards[round.id]!;
    expect(board).toHaveLength(31);
    expect(board.map((b) => b.seat)).toEqual([...board.map((b) => b.seat)].sort((a, b) => a - b));
    expect(board.filter((b) => b.option === 'yes')).toHaveLength(1);
    expect(board.filter((b) => b.option === 'no')).toHaveLength(2);
  });

  it('a refused token leaves the display unpaired and tells the app to forget it', async () => {
    const store = createDisplayStore();
    const reasons: string[] = [];
    stops.push(startLiveSync(createDisplaySocket('no-such-token', server.url), store, { onUnpaired: (r) => reasons.push(r) }));
    await until(store, (s) => s.connection === 'unpaired');
    expect(store.getState().unpairedReason).toBe('invalid');
    expect(reasons).toEqual(['invalid']);
    expect(store.getState().snapshot).toBeNull();
  });
});
