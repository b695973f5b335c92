// Issue 14, §3: speaking requests and questions (chất vấn) share one queue, but the tablet's "Đăng ký phát biểu"
// card counts them apart: "N đại biểu đang chờ phát biểu" counts speaking requests only, and waiting questions
// are shown on their own line, "N câu hỏi chất vấn đang chờ", which goes away when none waits (real Chromium,
// real server, tablet at 768×1024).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Ack, DelegateCard, SpeakerEntry } from '@hddt/protocol';
import {
  chairSocket,
  delegateCards,
  delegateSocket,
  launchChromium,
  openSessionWithRollCall,
  startServer,
  tokenOf,
  type ChairSocket,
  type DelegateSocket,
  type TestServer,
} from './harness';

let server: TestServer;
let browser: Browser;
let chair: ChairSocket;
let cards: DelegateCard[];
let others: DelegateSocket[];
let tablet: Page;

function must<T>(ack: Ack<T>, what: string): T {
  if (!ack.ok) throw new Error(`${what}: ${ack.code} ${ack.message}`);
  return ack.data;
}

const question = (topic: string) => ({ answererName: 'Trịnh Quang Huy', answererTitle: 'Giám đốc Trung tâm Y tế đặc khu', topic });

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  chair = await chairSocket(server);
  cards = await delegateCards(server);
  others = await Promise.all(cards.slice(1, 4).map((c) => delegateSocket(server, tokenOf(c))));
  await openSessionWithRollCall(chair, others);
  tablet = await (await browser.newContext({ viewport: { width: 768, height: 1024 }, locale: 'vi-VN' })).newPage();
  await tablet.goto(cards[0]!.signInUrl);
  await tablet.getByTestId('delegate-name').waitFor({ timeout: 10_000 });
});

afterAll(async () => {
  for (const s of others ?? []) s.disconnect();
  chair?.disconnect();
  await browser?.close();
  await server?.dispose();
});

describe('Đăng ký phát biểu › who waits', () => {
  it('counts speaking requests and waiting questions separately', async () => {
    const [a, b, c] = others as [DelegateSocket, DelegateSocket, DelegateSocket];
    await tablet.getByRole('button', { name: 'Phát biểu', exact: true }).click();
    const speakers = tablet.getByTestId('speakers-waiting');
    const questions = tablet.getByTestId('questions-waiting');
    await expect.poll(() => speakers.textContent(), { timeout: 5000 }).toBe('0 đại biểu đang chờ phát biểu');
    expect(await questions.count()).toBe(0);

    // Two delegates ask for the floor; a third registers two questions.
    must(await a.timeout(5000).emitWithAck('speaker:request', {}), 'request a');
    must(await b.timeout(5000).emitWithAck('speaker:request', {}), 'request b');
    const q1 = must<SpeakerEntry>(await c.timeout(5000).emitWithAck('question:request', question('Thiếu bác sĩ tại Trung tâm Y tế')), 'question 1');
    const q2 = must<SpeakerEntry>(await c.timeout(5000).emitWithAck('question:request', question('Thuốc bảo hiểm y tế')), 'question 2');
    await expect.poll(() => speakers.textContent(), { timeout: 5000 }).toBe('2 đại biểu đang chờ phát biểu');
    await expect.poll(() => questions.textContent(), { timeout: 5000 }).toBe('2 câu hỏi chất vấn đang chờ');

    // The chair gives the floor to the first question: it no longer waits.
    must(await chair.timeout(5000).emitWithAck('speaker:give', { entryId: q1.id }), 'give q1');
    await expect.poll(() => questions.textContent(), { timeout: 5000 }).toBe('1 câu hỏi chất vấn đang chờ');
    expect(await speakers.textContent()).toBe('2 đại biểu đang chờ phát biểu');

    // The second question is withdrawn, and one speaking request: no question waits, the line goes.
    must(await c.timeout(5000).emitWithAck('question:withdraw', { entryId: q2.id }), 'withdraw q2');
    must(await a.timeout(5000).emitWithAck('speaker:withdraw', {}), 'withdraw a');
    await expect.poll(() => speakers.textContent(), { timeout: 5000 }).toBe('1 đại biểu đang chờ phát biểu');
    await expect.poll(() => questions.count(), { timeout: 5000 }).toBe(0);
  });
});
