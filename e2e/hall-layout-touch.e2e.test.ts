// Issue 14, §2: the secretariat lays out the hall with a finger too (real Chromium with a touch screen, real
// server). In Chuẩn bị › Sơ đồ hội trường on a 1024×768 touch tablet, real touch events (touchstart, touchmove,
// touchend through the browser's input pipeline, as a finger makes them) drag one seat onto another and the two
// change places; a tap on one seat then another swaps them too; a short finger wobble is a tap, not a drag; the
// page does not scroll under the finger; Enter on a focused seat picks it as a tap does; "Lưu sơ đồ" stores the result.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, CDPSession, Locator, Page } from 'playwright-core';
import type { HallLayout } from '@hddt/protocol';
import { REPO_ROOT, api, launchChromium, startServer, type TestServer } from './harness';

const SHOTS = path.join(REPO_ROOT, 'e2e/artifacts/hall');

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/** The seat numbers of each row as drawn, front row first. */
const drawnRows = (editor: Locator) =>
  editor
    .locator('.hall-row')
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('[data-seat]')].map((s) => Number((s as HTMLElement).dataset.seat))));

async function centre(l: Locator): Promise<{ x: number; y: number }> {
  const b = (await l.boundingBox())!;
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

/** A finger pressed at `from`, moved in steps to `to`, lifted: touch events through Chromium's input pipeline. */
async function fingerDrag(cdp: CDPSession, from: { x: number; y: number }, to: { x: number; y: number }, steps = 10): Promise<void> {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: from.x, y: from.y, id: 1 }] });
  for (let i = 1; i <= steps; i++) {
    const x = from.x + ((to.x - from.x) * i) / steps;
    const y = from.y + ((to.y - from.y) * i) / steps;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y, id: 1 }] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

async function openEditor(page: Page): Promise<Locator> {
  await page.goto(`${server.url}/chair/`);
  await page.getByLabel('Tên đăng nhập').fill('admin');
  await page.getByLabel('Mật khẩu').fill(server.adminPassword);
  await page.getByRole('button', { name: 'Đăng nhập' }).tap();
  await page.getByRole('navigation', { name: 'Khu vực làm việc' }).getByRole('button', { name: 'Chuẩn bị' }).tap();
  await page.getByRole('navigation', { name: 'Chuẩn bị' }).getByRole('button', { name: 'Sơ đồ hội trường' }).tap();
  const editor = page.getByRole('region', { name: 'Sơ đồ hội trường' });
  await editor.locator('[data-seat]').first().waitFor({ timeout: 10_000 });
  return editor;
}

describe('Chuẩn bị › Sơ đồ hội trường by touch', () => {
  it('drags a seat onto another with a finger, taps to swap, and saves (1024×768, touch)', async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: false, locale: 'vi-VN' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const editor = await openEditor(page);
    await expect.poll(() => editor.locator('[data-seat]').count()).toBe(31);
    expect((await drawnRows(editor))[0]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const seat = (n: number) => editor.locator(`[data-seat="${n}"]`);
    const scrollY = () => page.evaluate(() => [window.scrollY, ...[...document.querySelectorAll('*')].map((e) => e.scrollTop)].reduce((a, b) => a + b, 0));

    // A finger drags seat 2 onto seat 7 in the same row.
    await seat(7).scrollIntoViewIfNeeded();
    const scrolledBefore = await scrollY();
    await fingerDrag(cdp, await centre(seat(2)), await centre(seat(7)));
    await expect.poll(async () => (await drawnRows(editor))[0]).toEqual([1, 7, 3, 4, 5, 6, 2, 8]);
    // The finger moved the seat, not the page; and a drag is not a tap: nothing is left picked.
    expect(await scrollY()).toBe(scrolledBefore);
    expect(await editor.locator('[aria-pressed="true"]').count()).toBe(0);
    await expect.poll(() => editor.getByRole('status').first().textContent()).toBe('Có thay đổi chưa lưu.');

    // Down a row: seat 1 onto seat 10 (second row), a longer diagonal drag.
    await fingerDrag(cdp, await centre(seat(1)), await centre(seat(10)), 16);
    await expect.poll(async () => (await drawnRows(editor))[0]![0]).toBe(10);
    expect((await drawnRows(editor))[1]).toContain(1);

    // A finger that wobbles by a few pixels is a tap: seat 3 is picked, then a tap on seat 4 swaps them.
    const c3 = await centre(seat(3));
    await fingerDrag(cdp, c3, { x: c3.x + 3, y: c3.y + 2 }, 2);
    await expect.poll(() => seat(3).getAttribute('aria-pressed')).toBe('true');
    await seat(4).tap();
    await expect.poll(async () => (await drawnRows(editor))[0]).toEqual([10, 7, 4, 3, 5, 6, 2, 8]);
    // Enter on a focused seat picks it, Enter on another swaps them (the keyboard's tap).
    await seat(5).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => seat(5).getAttribute('aria-pressed')).toBe('true');
    await seat(6).focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await drawnRows(editor))[0]).toEqual([10, 7, 4, 3, 6, 5, 2, 8]);
    await page.screenshot({ path: path.join(SHOTS, 'console-hall-editor-touch-1024.png') });

    const drawn = await drawnRows(editor);
    await editor.getByRole('button', { name: 'Lưu sơ đồ' }).tap();
    await expect.poll(() => editor.getByRole('status').first().textContent()).toBe('Sơ đồ do Văn phòng xếp.');
    const stored = await api<{ layout: HallLayout; custom: boolean }>(server, 'GET', '/api/hall-layout');
    expect(stored.body.layout.rows.map((r) => r.blocks.flat())).toEqual(drawn);
    await context.close();
  });
});
