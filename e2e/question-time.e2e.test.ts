// Issue 14, §3, question time (chất vấn), in real Chromium against the real server: a delegate registers a question
// on the tablet ("Đăng ký chất vấn", the person asked chosen from the session's invited guests, the topic), sees
// the errors of an empty topic and a missing answerer, and withdraws a second question while it waits; the chair
// (1366×768) sees it marked "Chất vấn" in the queue, gives the floor to the questioner ("Mời chất vấn"; the tablet
// shows "Bạn được mời phát biểu"), then to the person asked ("Mời trả lời"); the hall display (1366×768) switches
// to "CHẤT VẤN" by itself with both names, their titles, the topic and the turn's countdown.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { DelegateCard } from '@hddt/protocol';
import {
  CHAIR_ACCOUNT,
  chairSocket,
  createDisplay,
  createStaff,
  delegateCards,
  demoSession,
  launchChromium,
  markPresent,
  must,
  signInConsole,
  startServer,
  type ChairSocket,
  type TestServer,
} from './harness';

// Screenshots stay out of the repository.
const SHOTS = '/tmp/hddt-question-shots';
const CHAIR = CHAIR_ACCOUNT;
const ANSWERER = { name: 'Trịnh Quang Huy', title: 'Giám đốc Trung tâm Y tế đặc khu' };
const TOPIC = 'Tình trạng thiếu bác sĩ tại Trung tâm Y tế đặc khu và giải pháp trong năm 2026';

let server: TestServer;
let browser: Browser;
let secretary: ChairSocket;
let cards: DelegateCard[];
let tablet: Page;
let consolePage: Page;
let display: Page;
let questioner: DelegateCard;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer();
  browser = await launchChromium();
  await createStaff(server, CHAIR);
  secretary = await chairSocket(server);
  const demo = await demoSession(secretary);
  expect(demo.session.guests?.some((g) => g.name === ANSWERER.name)).toBe(true);
  cards = await delegateCards(server);
  questioner = cards.find((c) => c.title) ?? cards[0]!;
  must(await secretary.timeout(5000).emitWithAck('session:open', { sessionId: demo.session.id }), 'session:open');
  must(await secretary.timeout(5000).emitWithAck('rollcall:open', {}), 'rollcall:open');
  await markPresent(
    secretary,
    cards.slice(0, 22).map((c) => c.delegateId),
  );

  const device = await createDisplay(server);
  display = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await display.goto(device.pairUrl);

  tablet = await (await browser.newContext({ viewport: { width: 768, height: 1024 }, locale: 'vi-VN' })).newPage();
  await tablet.goto(questioner.signInUrl);
  await tablet.getByTestId('delegate-name').waitFor({ timeout: 10_000 });

  consolePage = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  await signInConsole(consolePage, server, CHAIR.username, CHAIR.password);
  await consolePage.getByRole('list', { name: 'Danh sách đăng ký phát biểu' }).waitFor({ state: 'attached', timeout: 10_000 });
});

afterAll(async () => {
  secretary?.disconnect();
  await browser?.close();
  await server?.dispose();
});

describe('question time (chất vấn)', () => {
  it('the delegate registers a question to an invited official, with errors for bad input, and withdraws a waiting one', async () => {
    await tablet.getByRole('button', { name: 'Phát biểu', exact: true }).click();
    const form = tablet.getByRole('form', { name: 'Đăng ký chất vấn' });
    await form.waitFor({ timeout: 10_000 });
    // Nothing chosen, nothing typed: the two errors, one after the other, by the field they concern.
    await form.getByRole('button', { name: 'Đăng ký chất vấn' }).click();
    await form.getByRole('alert').filter({ hasText: 'Cần chọn hoặc nhập người trả lời chất vấn.' }).waitFor();
    await form.getByLabel('Người trả lời chất vấn').selectOption({ label: `${ANSWERER.name} — ${ANSWERER.title}` });
    await form.getByLabel('Nội dung chất vấn').fill('   ');
    await form.getByRole('button', { name: 'Đăng ký chất vấn' }).click();
    await form.getByRole('alert').filter({ hasText: 'Cần nhập nội dung chất vấn.' }).waitFor();
    expect(await form.getByLabel('Nội dung chất vấn').getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel('Nội dung chất vấn').fill('x'.repeat(501));
    await form.getByRole('button', { name: 'Đăng ký chất vấn' }).click();
    await form.getByRole('alert').filter({ hasText: 'Nội dung chất vấn dài quá 500 ký tự' }).waitFor();

    await form.getByLabel('Nội dung chất vấn').fill(TOPIC);
    await form.getByRole('button', { name: 'Đăng ký chất vấn' }).click();
    await form.getByRole('status').filter({ hasText: 'Đã đăng ký chất vấn.' }).waitFor({ timeout: 5000 });

    // A second question, typed freely, then withdrawn while it waits.
    await form.getByLabel('Người trả lời chất vấn').selectOption({ label: 'Người khác (nhập họ tên)' });
    await form.getByLabel('Họ tên người trả lời').fill('Phan Văn Tùng');
    await form.getByLabel('Chức vụ, đơn vị (không bắt buộc)').fill('Trưởng phòng Kinh tế');
    await form.getByLabel('Nội dung chất vấn').fill('Giá vé tàu ra đảo');
    await form.getByRole('button', { name: 'Đăng ký chất vấn' }).click();
    const mine = tablet.getByTestId('my-question');
    await expect.poll(() => mine.count(), { timeout: 5000 }).toBe(2);
    await mine.filter({ hasText: 'Giá vé tàu ra đảo' }).getByRole('button', { name: 'Rút câu chất vấn' }).click();
    await expect.poll(() => mine.count(), { timeout: 5000 }).toBe(1);
    expect(await mine.first().textContent()).toContain(TOPIC);
    expect(await mine.first().textContent()).toContain('Đang chờ: thứ 1 trong danh sách');
    await tablet.screenshot({ path: `${SHOTS}/tablet-question-768.png`, fullPage: true });
  });

  it('the chair gives the floor to the questioner, then to the person asked; the display shows "Chất vấn" with both', async () => {
    const row = consolePage.locator('.queue-row').filter({ has: consolePage.getByTestId('question-pill') });
    await row.waitFor({ timeout: 5000 });
    const rowText = await row.textContent();
    expect(rowText).toContain('Chất vấn');
    expect(rowText).toContain(questioner.fullName);
    expect(rowText).toContain(`Người trả lời chất vấn: ${ANSWERER.name} (${ANSWERER.title})`);
    expect(rowText).toContain(TOPIC);
    expect(await row.getByTestId('request-time').textContent()).toMatch(/ · \d\d:\d\d \d\d\/\d\d\/\d{4}$/);
    await consolePage.locator('section[aria-labelledby="spk-h"]').screenshot({ path: `${SHOTS}/console-queue-panel.png` });

    // The questioner's turn.
    await consolePage.getByRole('button', { name: `Mời ${questioner.fullName} chất vấn` }).click();
    const speaking = consolePage.getByTestId('speaking');
    await expect.poll(() => speaking.getAttribute('data-turn'), { timeout: 5000 }).toBe('question');
    expect(await speaking.textContent()).toContain('Đại biểu đang chất vấn');
    const banner = tablet.getByRole('region', { name: 'Bạn được mời phát biểu' });
    await banner.waitFor({ timeout: 10_000 });
    expect(await banner.textContent()).toContain(`Chất vấn ${ANSWERER.name}`);
    expect(await tablet.getByTestId('floor-timer').textContent()).toMatch(/^Thời gian còn lại: 0[23]:\d\d$/);

    const slide = display.getByTestId('question-slide');
    await slide.waitFor({ timeout: 10_000 });
    expect(await slide.locator('.slide-kicker').textContent()).toBe('CHẤT VẤN');
    expect(await display.getByTestId('questioner').textContent()).toContain(questioner.fullName);
    if (questioner.title) expect(await display.getByTestId('questioner').textContent()).toContain(questioner.title);
    expect(await display.getByTestId('answerer').textContent()).toContain(ANSWERER.name);
    expect(await display.getByTestId('answerer').textContent()).toContain(ANSWERER.title);
    expect(await display.getByTestId('question-topic').textContent()).toBe(TOPIC);
    expect(await display.getByTestId('questioner').getAttribute('class')).toContain('is-active');
    await expect.poll(() => slide.locator('.progress-label').textContent(), { timeout: 5000 }).toBe('Thời gian chất vấn còn lại');
    expect(await slide.locator('.speaker-timer-figure').textContent()).toMatch(/^0[23]:\d\d$/);
    await display.screenshot({ path: `${SHOTS}/display-question-1366.png` });
    await consolePage.locator('section[aria-labelledby="spk-h"]').screenshot({ path: `${SHOTS}/console-question-panel.png` });

    // The answer: the tablet's banner goes (the official is not a delegate), the display marks the answerer.
    await speaking.getByRole('button', { name: 'Mời trả lời' }).click();
    await expect.poll(() => speaking.getAttribute('data-turn'), { timeout: 5000 }).toBe('answer');
    expect(await speaking.textContent()).toContain(ANSWERER.name);
    expect(await speaking.textContent()).toContain(`Trả lời chất vấn của đại biểu ${questioner.fullName}`);
    await expect.poll(() => banner.count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => display.getByTestId('answerer').getAttribute('class'), { timeout: 5000 }).toContain('is-active');
    expect(await slide.locator('.progress-label').textContent()).toBe('Thời gian trả lời còn lại');
    expect(await slide.locator('.speaker-timer-figure').textContent()).toMatch(/^0[45]:\d\d$/);
    await display.screenshot({ path: `${SHOTS}/display-answer-1366.png` });
    await consolePage.screenshot({ path: `${SHOTS}/console-answer-1366.png` });
    await consolePage.locator('section[aria-labelledby="spk-h"]').screenshot({ path: `${SHOTS}/console-speakers-panel.png` });

    await speaking.getByRole('button', { name: 'Kết thúc trả lời' }).click();
    await expect.poll(() => speaking.count(), { timeout: 5000 }).toBe(0);
    const { snapshot } = await demoSession(secretary);
    const done = snapshot.speakers.find((e) => e.question?.topic === TOPIC)!;
    expect(done.status).toBe('done');
    expect(done.endedAt).not.toBeNull();
    expect(done.question!.answerStartedAt).not.toBeNull();
    expect(done.question!.answerEndedAt).not.toBeNull();
    expect(await mineStage()).toContain('Đã được trả lời');
  });
});

async function mineStage(): Promise<string> {
  return (await tablet.getByTestId('my-question').first().textContent()) ?? '';
}
