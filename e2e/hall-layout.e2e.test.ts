// Issue 14, §2: the secretariat lays out the hall once in Chuẩn bị › Sơ đồ hội trường (real Chromium, real
// server): it starts from the automatic plan, a seat moves by the arrow keys, by a tap on one seat then another,
// and by dragging one onto another; "Lưu sơ đồ" stores it, and the chair's live map in "Điều hành" draws it.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { HallLayout } from '@hddt/protocol';
import { REPO_ROOT, api, launchChromium, signInConsole, startServer, type TestServer } from './harness';

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

async function openEditor(width: number, height: number): Promise<{ page: Page; editor: Locator }> {
  const page = await browser.newPage({ viewport: { width, height } });
  await signInConsole(page, server, 'admin', server.adminPassword);
  await page.getByRole('navigation', { name: 'Khu vực làm việc' }).getByRole('button', { name: 'Chuẩn bị' }).click();
  await page.getByRole('navigation', { name: 'Chuẩn bị' }).getByRole('button', { name: 'Sơ đồ hội trường' }).click();
  const editor = page.getByRole('region', { name: 'Sơ đồ hội trường' });
  await editor.locator('[data-seat]').first().waitFor({ timeout: 10_000 });
  return { page, editor };
}

/** The seat numbers of each row as drawn, front row first. */
const drawnRows = (editor: Locator) =>
  editor
    .locator('.hall-row')
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('[data-seat]')].map((s) => Number((s as HTMLElement).dataset.seat))));

describe('Chuẩn bị › Sơ đồ hội trường', () => {
  it('moves seats by keyboard, tap and drag, saves, and the live map follows (1366×768)', async () => {
    const { page, editor } = await openEditor(1366, 768);
    await expect.poll(() => editor.locator('[data-seat]').count()).toBe(31);
    await expect.poll(() => editor.getByRole('status').first().textContent()).toContain('Chưa xếp');
    expect((await drawnRows(editor))[0]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const seat = (n: number) => editor.locator(`[data-seat="${n}"]`);
    expect(await seat(1).getAttribute('aria-label')).toMatch(/^Ghế 1: \S/);

    // Keyboard: seat 1 one step right, then to the row behind; it keeps the focus.
    await seat(1).focus();
    await page.keyboard.press('ArrowRight');
    expect((await drawnRows(editor))[0]).toEqual([2, 1, 3, 4, 5, 6, 7, 8]);
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.seat)).toBe('1');
    const afterKeys = await drawnRows(editor);
    expect(afterKeys[0]).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(afterKeys[1]).toContain(1);
    await expect.poll(() => editor.getByRole('status').first().textContent()).toBe('Có thay đổi chưa lưu.');

    // Touch-style: tap seat 5, then seat 31: they change places.
    await seat(5).click();
    expect(await seat(5).getAttribute('aria-pressed')).toBe('true');
    await seat(31).click();
    expect((await drawnRows(editor))[0]).toEqual([2, 3, 4, 31, 6, 7, 8]);
    expect((await drawnRows(editor)).at(-1)).toContain(5);

    // Drag seat 2 onto seat 8.
    const from = (await seat(2).boundingBox())!;
    const to = (await seat(8).boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 6 });
    await page.mouse.up();
    expect((await drawnRows(editor))[0]).toEqual([8, 3, 4, 31, 6, 7, 2]);
    await page.screenshot({ path: path.join(SHOTS, 'console-hall-editor-1366.png') });

    const drawn = await drawnRows(editor);
    await editor.getByRole('button', { name: 'Lưu sơ đồ' }).click();
    await expect.poll(() => editor.getByRole('status').first().textContent()).toBe('Sơ đồ do Văn phòng xếp.');
    const stored = await api<{ layout: HallLayout; custom: boolean }>(server, 'GET', '/api/hall-layout');
    expect(stored.body.custom).toBe(true);
    expect(stored.body.layout.rows.map((r) => r.blocks.flat())).toEqual(drawn);

    // The chair's live map draws the stored plan.
    await page.getByRole('navigation', { name: 'Khu vực làm việc' }).getByRole('button', { name: 'Điều hành' }).click();
    const live = page.getByRole('region', { name: 'Sơ đồ hội trường' });
    await live.locator('[data-seat]').first().waitFor({ timeout: 10_000 });
    const liveRows = await live
      .locator('.seat-row')
      .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('[data-seat]')].map((s) => Number((s as HTMLElement).dataset.seat))));
    expect(liveRows).toEqual(drawn);
    await page.close();
  });

  it('"Xếp tự động" goes back to the automatic plan; the editor fits a wall screen (1920×1080)', async () => {
    const { page, editor } = await openEditor(1920, 1080);
    await expect.poll(() => editor.getByRole('status').first().textContent()).toBe('Sơ đồ do Văn phòng xếp.');
    await editor.getByRole('button', { name: 'Xếp tự động' }).click();
    expect((await drawnRows(editor))[0]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    await page.screenshot({ path: path.join(SHOTS, 'console-hall-editor-1920.png') });
    await editor.getByRole('button', { name: 'Lưu sơ đồ' }).click();
    await expect
      .poll(async () => (await api<{ layout: HallLayout }>(server, 'GET', '/api/hall-layout')).body.layout.rows[0]!.blocks.flat())
      .toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    await page.close();
  });
});
