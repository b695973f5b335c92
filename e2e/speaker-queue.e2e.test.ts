// Issue 14, §3: the chair's speaker queue in real Chromium at 1366×768 against the real server. A new request
// shows at once with "Mới", its time and a sound (which the chair can mute); the chair reorders the queue with
// ↑/↓, with the arrow keys on the handle, by dragging the handle with a mouse and with a finger, and marks an
// entry "Tranh luận". The server keeps the order (the tablets' places and the hall display follow it).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ChairSnapshot, DelegateCard } from '@hddt/protocol';
import {
  CHAIR_ACCOUNT,
  REPO_ROOT,
  chairSocket,
  createStaff,
  delegateCards,
  delegateSocket,
  demoSession,
  launchChromium,
  markPresent,
  must,
  signInConsole,
  startServer,
  tokenOf,
  type ChairSocket,
  type DelegateSocket,
  type TestServer,
} from './harness';

const SHOTS = path.join(REPO_ROOT, 'e2e/artifacts/chair');
const CHAIR = CHAIR_ACCOUNT;

let server: TestServer;
let browser: Browser;
let secretary: ChairSocket;
let cards: DelegateCard[];
let page: Page;
const tablets: DelegateSocket[] = [];

async function serverQueue(): Promise<string[]> {
  const snap: ChairSnapshot = must(await secretary.timeout(5000).emitWithAck('session:sync', {}), 'session:sync');
  return snap.speakers.filter((e) => e.status === 'waiting').map((e) => e.name);
}

const shownQueue = () => page.locator('.queue .queue-row .queue-name').evaluateAll((els) => els.map((e) => e.firstChild?.textContent ?? ''));
const panel = () => page.locator('section[aria-labelledby="spk-h"]');

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer();
  browser = await launchChromium();
  await createStaff(server, CHAIR);
  secretary = await chairSocket(server);
  const demo = await demoSession(secretary);
  cards = await delegateCards(server);
  must(await secretary.timeout(5000).emitWithAck('session:open', { sessionId: demo.session.id }), 'session:open');
  must(await secretary.timeout(5000).emitWithAck('rollcall:open', {}), 'rollcall:open');
  await markPresent(
    secretary,
    cards.slice(0, 20).map((c) => c.delegateId),
  );
  for (const card of cards.slice(0, 5)) tablets.push(await delegateSocket(server, tokenOf(card)));
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, hasTouch: true });
  page = await context.newPage();
  await signInConsole(page, server, CHAIR.username, CHAIR.password);
  await page.getByRole('list', { name: 'Danh sách đăng ký phát biểu' }).waitFor({ state: 'attached', timeout: 10_000 });
});

afterAll(async () => {
  for (const t of tablets) t.disconnect();
  secretary?.disconnect();
  await browser?.close();
  await server?.dispose();
});

describe('the chair’s speaker queue', () => {
  it('shows new requests at once with "Mới", the time and a sound that can be muted', async () => {
    const names = cards.slice(0, 4).map((c) => c.fullName);
    for (const [i, t] of tablets.slice(0, 4).entries()) {
      must(await t.timeout(5000).emitWithAck('speaker:request', {}), 'speaker:request');
      await page.getByRole('button', { name: `Mời ${names[i]} phát biểu` }).waitFor({ timeout: 5000 });
    }
    expect(await shownQueue()).toEqual(names);
    expect(Number(await panel().getAttribute('data-chimes'))).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId('new-request').count()).toBe(4);
    expect(await page.getByTestId('request-time').first().textContent()).toMatch(/ · \d\d:\d\d \d\d\/\d\d\/\d{4}$/);
    await page.getByTestId('queue-badge').filter({ hasText: '4' }).waitFor();

    // Muted: a fifth request makes no sound; the choice is kept.
    await page.getByRole('button', { name: 'Âm báo đăng ký mới: bật' }).click();
    const before = await panel().getAttribute('data-chimes');
    must(await tablets[4]!.timeout(5000).emitWithAck('speaker:request', {}), 'speaker:request');
    await page.getByRole('button', { name: `Mời ${cards[4]!.fullName} phát biểu` }).waitFor({ timeout: 5000 });
    expect(await panel().getAttribute('data-chimes')).toBe(before);
    expect(await page.getByRole('button', { name: 'Âm báo đăng ký mới: tắt' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('reorders by ↑/↓, by the arrow keys, by mouse drag and by touch drag; the server keeps the order', async () => {
    const [a, b, c, d, e] = cards.slice(0, 5).map((x) => x.fullName) as [string, string, string, string, string];
    await page.getByRole('button', { name: `Đưa ${c} lên trước` }).click();
    await expect.poll(shownQueue).toEqual([a, c, b, d, e]);
    await page.getByRole('button', { name: `Đưa ${a} xuống sau` }).click();
    await expect.poll(shownQueue).toEqual([c, a, b, d, e]);
    expect(await page.getByRole('button', { name: `Đưa ${c} lên trước` }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: `Đưa ${e} xuống sau` }).isDisabled()).toBe(true);

    // Keyboard: the handle takes ↑ and ↓.
    await page.getByRole('button', { name: `Kéo để đổi thứ tự: ${d}` }).focus();
    await page.keyboard.press('ArrowUp');
    await expect.poll(shownQueue).toEqual([c, a, d, b, e]);
    expect(
      await page
        .getByRole('status')
        .filter({ hasText: `Đã chuyển ${d} đến vị trí 3.` })
        .count(),
    ).toBe(1);

    // Mouse: drag the third one's handle onto the first row.
    await page.locator('.queue').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const from = (await page.getByRole('button', { name: `Kéo để đổi thứ tự: ${d}` }).boundingBox())!;
    const firstRow = (await page.locator('.queue-row').first().boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2, firstRow.y + 5, { steps: 8 });
    await page.mouse.up();
    await expect.poll(shownQueue).toEqual([d, c, a, b, e]);

    // Touch: a finger drags the first one's handle down to the third row.
    await page.locator('.queue').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const handle = (await page.getByRole('button', { name: `Kéo để đổi thứ tự: ${d}` }).boundingBox())!;
    const third = (await page.locator('.queue-row').nth(2).boundingBox())!;
    const cdp = await page.context().newCDPSession(page);
    const x = handle.x + handle.width / 2;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: handle.y + handle.height / 2 }] });
    for (let y = handle.y + handle.height / 2; y <= third.y + third.height / 2; y += 10) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await expect.poll(shownQueue).toEqual([c, a, d, b, e]);
    expect(await serverQueue()).toEqual([c, a, d, b, e]);
  });

  it('marks an entry "Tranh luận", which stays when it gets the floor', async () => {
    const [a] = cards.slice(0, 1).map((x) => x.fullName) as [string];
    const mark = page.getByRole('button', { name: `Tranh luận: ${a}` });
    expect(await mark.getAttribute('aria-pressed')).toBe('false');
    await mark.click();
    await expect.poll(() => mark.getAttribute('aria-pressed')).toBe('true');
    const row = page.locator('.queue-row').filter({ hasText: a });
    expect(await row.locator('.rebuttal-pill').textContent()).toContain('Tranh luận');
    await page.screenshot({ path: path.join(SHOTS, 'speaker-queue-1366.png') });
    await page.getByRole('button', { name: `Mời ${a} phát biểu` }).click();
    await expect.poll(() => page.getByTestId('speaking').textContent()).toContain('Tranh luận');
    const snap: ChairSnapshot = must(await secretary.timeout(5000).emitWithAck('session:sync', {}), 'session:sync');
    expect(snap.speakers.find((s) => s.name === a)?.rebuttal).toBe(true);
    // Unknown entries are refused with a clear message.
    const bad = await secretary.timeout(5000).emitWithAck('speaker:move', { entryId: 'khong-co', position: 0 });
    expect(bad.ok ? '' : bad.message).toContain('Không tìm thấy lượt đăng ký phát biểu');
  });
});
