// Issue 14, §3: question time has its own limits for the questioner and the answerer, set by the secretariat in
// Chuẩn bị › Cấu hình Hội đồng next to the speaking time (real Chromium, real server). Out-of-range and
// non-numeric values are refused next to the field, in Vietnamese, before anything is sent; valid ones are
// stored and shown again on the next visit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { CouncilConfig } from '@hddt/protocol';
import { api, launchChromium, signInConsole, startServer, type TestServer } from './harness';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

async function openCouncilSettings(page: Page): Promise<void> {
  await signInConsole(page, server, 'admin', server.adminPassword);
  await page.getByRole('navigation', { name: 'Khu vực làm việc' }).getByRole('button', { name: 'Chuẩn bị' }).click();
  await page.getByRole('navigation', { name: 'Chuẩn bị' }).getByRole('button', { name: 'Cấu hình Hội đồng' }).click();
  await page.getByLabel('Thời gian phát biểu mặc định (giây)').waitFor();
}

/** The error shown next to a field (its aria-describedby), or null. */
const fieldError = (page: Page, label: string) =>
  page.getByLabel(label, { exact: true }).evaluate((el) => {
    const ids = (el.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
    const err = ids.map((id) => document.getElementById(id)).find((e) => e?.classList.contains('field-error'));
    return err?.textContent ?? null;
  });

describe('Cấu hình Hội đồng › question time', () => {
  it('shows the defaults, refuses bad values next to the fields, saves good ones (1366×768)', async () => {
    const before = (await api<CouncilConfig>(server, 'GET', '/api/council')).body;
    expect(before.questionTimeSec).toBeUndefined();
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await openCouncilSettings(page);
    const question = page.getByLabel('Thời gian chất vấn (giây)', { exact: true });
    const answer = page.getByLabel('Thời gian trả lời chất vấn (giây)', { exact: true });
    // A council configured before question time: the defaults of protocol/questions.ts (3 and 5 minutes).
    expect(await question.inputValue()).toBe('180');
    expect(await answer.inputValue()).toBe('300');

    await question.fill('10');
    await answer.fill('4000');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect.poll(() => fieldError(page, 'Thời gian chất vấn (giây)')).toBe('Giá trị nhỏ nhất là 30.');
    expect(await fieldError(page, 'Thời gian trả lời chất vấn (giây)')).toBe('Giá trị lớn nhất là 3600.');
    expect(await question.getAttribute('aria-invalid')).toBe('true');

    await question.fill('ba phút');
    await answer.fill('');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect.poll(() => fieldError(page, 'Thời gian chất vấn (giây)')).toBe('Cần nhập một số hợp lệ.');
    expect(await fieldError(page, 'Thời gian trả lời chất vấn (giây)')).toBe('Cần nhập một số hợp lệ.');
    // Nothing was sent.
    expect((await api<CouncilConfig>(server, 'GET', '/api/council')).body.questionTimeSec).toBeUndefined();

    await question.fill('240');
    await answer.fill('420');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect.poll(async () => (await api<CouncilConfig>(server, 'GET', '/api/council')).body.questionTimeSec).toBe(240);
    const after = (await api<CouncilConfig>(server, 'GET', '/api/council')).body;
    expect(after.answerTimeSec).toBe(420);
    expect(after.speakingTimeSec).toBe(before.speakingTimeSec);
    expect(await fieldError(page, 'Thời gian chất vấn (giây)')).toBeNull();

    await page.close();

    const again = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await openCouncilSettings(again);
    expect(await again.getByLabel('Thời gian chất vấn (giây)', { exact: true }).inputValue()).toBe('240');
    expect(await again.getByLabel('Thời gian trả lời chất vấn (giây)', { exact: true }).inputValue()).toBe('420');
    await again.close();
  });
});
