// Giving the floor over real sockets: the hall display switches to the speaker by itself (not over an open vote),
// and the delegate who speaks can end their own speech, and nobody else's.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChairSnapshot } from '@hddt/protocol';
import {
  chairSocket,
  delegateCards,
  delegateSocket,
  demoSession,
  markPresent,
  openSessionWithRollCall,
  startServer,
  tokenOf,
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

describe('the floor', () => {
  it('switches the display to the speaker, keeps an open vote in front, and lets only the speaker end the speech', async () => {
    const chair = await chairSocket(server);
    sockets.push(chair);
    const cards = await delegateCards(server);
    const [a, b] = [await delegateSocket(server, tokenOf(cards[0]!)), await delegateSocket(server, tokenOf(cards[1]!))];
    sockets.push(a, b);
    await openSessionWithRollCall(chair, [a, b]);
    await markPresent(
      chair,
      cards.slice(2, 22).map((c) => c.delegateId),
    );
    const sync = async (): Promise<ChairSnapshot> => {
      const ack = await chair.timeout(5000).emitWithAck('session:sync', {});
      if (!ack.ok) throw new Error(ack.code);
      return ack.data;
    };

    const ra = await a.timeout(5000).emitWithAck('speaker:request', {});
    const rb = await b.timeout(5000).emitWithAck('speaker:request', {});
    if (!ra.ok || !rb.ok) throw new Error('request refused');
    expect((await chair.timeout(5000).emitWithAck('speaker:give', { entryId: ra.data.id })).ok).toBe(true);
    expect((await sync()).display).toEqual({ mode: 'speaker', roundId: null });

    // Someone who does not have the floor cannot end a speech.
    expect(await b.timeout(5000).emitWithAck('speaker:finish', {})).toMatchObject({ ok: false, code: 'SPEAKER_NOT_FOUND' });
    const finished = await a.timeout(5000).emitWithAck('speaker:finish', {});
    expect(finished).toMatchObject({ ok: true, data: { id: ra.data.id, status: 'done' } });

    // With a vote open on the display, giving the floor leaves the vote in front.
    const { motions } = await demoSession(chair);
    const motion = motions.find((m) => !m.practice && m.mode === 'named')!;
    const opened = await chair.timeout(5000).emitWithAck('motion:open', { motionId: motion.id, commandId: 'floor-vote' });
    if (!opened.ok) throw new Error(opened.code);
    expect((await chair.timeout(5000).emitWithAck('speaker:give', { entryId: rb.data.id })).ok).toBe(true);
    expect((await sync()).display).toEqual({ mode: 'vote', roundId: opened.data.id });
  });
});

describe('question time (chất vấn) over sockets', () => {
  it('a delegate registers and withdraws questions; the chair gives the floor to the questioner, then to the person asked', async () => {
    const chair = await chairSocket(server);
    sockets.push(chair);
    const cards = await delegateCards(server);
    const [a, b] = [await delegateSocket(server, tokenOf(cards[0]!)), await delegateSocket(server, tokenOf(cards[1]!))];
    sockets.push(a, b);
    await openSessionWithRollCall(chair, [a, b]);
    const sync = async (): Promise<ChairSnapshot> => {
      const ack = await chair.timeout(5000).emitWithAck('session:sync', {});
      if (!ack.ok) throw new Error(ack.code);
      return ack.data;
    };
    const question = { answererName: 'Lê Văn Bình', answererTitle: 'Giám đốc Sở Y tế', topic: 'Trạm y tế đặc khu' };

    // Bad input: refused with the reason in Vietnamese and English.
    expect(await a.timeout(5000).emitWithAck('question:request', { ...question, topic: '  ' })).toMatchObject({
      ok: false,
      code: 'QUESTION_TOPIC_REQUIRED',
      message: 'Cần nhập nội dung chất vấn.',
      messageEn: 'Enter the topic of the question.',
    });
    expect(await a.timeout(5000).emitWithAck('question:request', { ...question, answererName: '' })).toMatchObject({ ok: false, code: 'ANSWERER_REQUIRED' });

    const qa = await a.timeout(5000).emitWithAck('question:request', question);
    const qb = await b.timeout(5000).emitWithAck('question:request', { ...question, topic: 'Nước sạch' });
    if (!qa.ok || !qb.ok) throw new Error('question refused');
    expect(qa.data).toMatchObject({
      status: 'waiting',
      question: { answererName: 'Lê Văn Bình', topic: 'Trạm y tế đặc khu', answerLimitSec: 300 },
      limitSec: 180,
    });
    // One cannot withdraw another delegate's question.
    expect(await a.timeout(5000).emitWithAck('question:withdraw', { entryId: qb.data.id })).toMatchObject({ ok: false, code: 'QUESTION_NOT_FOUND' });
    expect(await b.timeout(5000).emitWithAck('question:withdraw', { entryId: qb.data.id })).toMatchObject({ ok: true, data: { status: 'withdrawn' } });

    // The answer before the question: refused.
    expect(await chair.timeout(5000).emitWithAck('question:answer', { entryId: qa.data.id })).toMatchObject({ ok: false, code: 'QUESTION_NOT_ASKED' });
    expect((await chair.timeout(5000).emitWithAck('speaker:give', { entryId: qa.data.id })).ok).toBe(true);
    expect((await sync()).display).toEqual({ mode: 'speaker', roundId: null });
    expect((await chair.timeout(5000).emitWithAck('display:show', { mode: 'agenda', roundId: null })).ok).toBe(true);
    const answering = await chair.timeout(5000).emitWithAck('question:answer', { entryId: qa.data.id });
    expect(answering).toMatchObject({ ok: true, data: { status: 'speaking', question: { answerEndedAt: null } } });
    const snap = await sync();
    expect(snap.display).toEqual({ mode: 'speaker', roundId: null });
    expect(snap.speakers.find((e) => e.id === qa.data.id)?.endedAt).not.toBeNull();
    // The questioner cannot end the official's answer; the chair does.
    expect(await a.timeout(5000).emitWithAck('speaker:finish', {})).toMatchObject({ ok: false, code: 'SPEAKER_NOT_FOUND' });
    const done = await chair.timeout(5000).emitWithAck('speaker:finish', { entryId: qa.data.id });
    expect(done).toMatchObject({ ok: true, data: { status: 'done' } });
    if (done.ok) expect(done.data.question?.answerEndedAt).toBeTruthy();
  });
});
