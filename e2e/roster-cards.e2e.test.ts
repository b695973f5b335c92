// Issue 14, §4 (roster): in real Chromium at 1366×768 against the real server, the roster is a compact table with a
// search that ignores diacritics, its file picker speaks Vietnamese, and one card is re-issued and printed without the sheet.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { REPO_ROOT, delegateCards, launchChromium, signInConsole, startServer, type TestServer } from './harness';

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

describe('roster and cards', () => {
  it('searches the roster, picks a file in Vietnamese and prints one card', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await signInConsole(page, server, 'admin', server.adminPassword);
    await page.getByRole('button', { name: 'Đại biểu' }).click();
    await expect.poll(() => page.getByTestId('roster-shown').textContent()).toBe('Hiện 31/31 đại biểu');

    // The file button and its empty state are in Vietnamese, whatever the browser's language.
    expect(await page.getByText('Chọn tệp CSV…', { exact: true }).isVisible()).toBe(true);
    expect(await page.getByTestId('csv-file-name').textContent()).toBe('Chưa chọn tệp');
    const good = 'Ghế,Họ và tên,Chức vụ,Tổ đại biểu\n40,Nguyễn Thị Ánh Tuyết,Đại biểu,Tổ 1\n';
    await page.getByLabel('Tệp CSV').setInputFiles({ name: 'dai-bieu-moi.csv', mimeType: 'text/csv', buffer: Buffer.from(good, 'utf8') });
    await expect.poll(() => page.getByTestId('csv-file-name').textContent()).toBe('dai-bieu-moi.csv');
    await expect.poll(() => page.getByTestId('roster-shown').textContent()).toBe('Hiện 32/32 đại biểu');

    // Search without diacritics, by seat, by position.
    const search = page.getByLabel('Tìm đại biểu');
    await search.fill('anh tuyet');
    await expect.poll(() => page.getByTestId('roster-shown').textContent()).toBe('Hiện 1/32 đại biểu');
    expect(await page.getByRole('cell', { name: 'Nguyễn Thị Ánh Tuyết', exact: true }).count()).toBe(1);
    const cards = await delegateCards(server);
    await search.fill('7');
    await expect.poll(() => page.getByTestId('roster-shown').textContent()).toBe('Hiện 1/32 đại biểu');
    expect(await page.getByRole('cell', { name: cards.find((c) => c.seat === 7)!.fullName, exact: true }).count()).toBe(1);
    await search.fill('');
    // Compact: at least 12 rows of the table fit on a 768-pixel-high screen.
    await page.locator('table.table-compact').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'roster-1366.png') });
    const rowHeight = await page
      .locator('table.table-compact tbody tr')
      .first()
      .evaluate((r) => r.getBoundingClientRect().height);
    expect(rowHeight * 12).toBeLessThan(768);

    // One card, not the whole sheet. The server keeps only a hash of each card, so a card is printed when it is
    // issued: re-issuing one card prints that card alone.
    await page.getByRole('button', { name: 'Thẻ đăng nhập QR' }).click();
    const target = cards.find((c) => c.seat === 12)!;
    await page.getByRole('button', { name: `Cấp lại thẻ của ${target.fullName}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Cấp lại thẻ' }).click();
    await page.getByRole('button', { name: 'In lại 1 thẻ vừa cấp' }).click();
    await page.locator('article.login-card-print img.lc-qr').first().waitFor();
    expect(await page.locator('article.login-card-print').count()).toBe(1);
    expect(await page.locator('article.login-card-print').getAttribute('data-delegate-id')).toBe(target.delegateId);
    // Back, then the whole sheet again (every card issued anew, after a confirmation).
    await page.getByRole('button', { name: /Quay lại/ }).click();
    await page.getByRole('button', { name: 'In thẻ QR' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Cấp thẻ mới và in' }).click();
    await page.locator('article.login-card-print img.lc-qr').first().waitFor();
    expect(await page.locator('article.login-card-print').count()).toBe(32);
    await page.close();
  });
});
