// Voter feedback and e-mail invitations in the chair console (issue 7), in real Chromium against the real
// server: a voter posts feedback through the portal form; the secretariat opens it in "Ý kiến cử tri",
// answers and publishes it, and the portal shows the answer. Without SMTP settings, "Gửi giấy mời" explains
// that mail is not configured.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { FeedbackItem } from '@hddt/protocol';
import { REPO_ROOT, api, launchChromium, signInConsole, startServer, type TestServer } from './harness';

const SHOTS = path.join(REPO_ROOT, 'e2e/artifacts/chair');
const TOPIC = 'Thoát nước đường Lê Lợi';
const ANSWER = 'UBND phường đã khảo sát và sẽ cải tạo cống trong quý IV năm 2026.';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer({ demo: true });
  browser = await launchChromium();
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('chair console — Ý kiến cử tri and Gửi tài liệu qua e-mail', () => {
  it('answers and publishes a voter feedback; sending without SMTP says mail is not configured', async () => {
    const form = new URLSearchParams({
      name: 'Trần Văn Bình',
      contact: '0903 111 222',
      area: 'Phường 3',
      topic: TOPIC,
      text: 'Mỗi khi mưa lớn, đoạn đường trước chợ ngập sâu.',
      website: '',
    });
    const posted = await fetch(`${server.url}/y-kien`, {
      method: 'POST',
      body: form,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      redirect: 'manual',
    });
    expect(posted.status).toBe(303);

    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signInConsole(page, server, 'admin', server.adminPassword);

    await page.getByRole('button', { name: 'Ý kiến cử tri' }).click();
    await page.getByRole('button', { name: `Xem ý kiến của Trần Văn Bình: ${TOPIC}` }).click();
    const answerForm = page.getByRole('form', { name: 'Trả lời ý kiến cử tri' });
    await answerForm.getByLabel('Trạng thái').selectOption('answered');
    await answerForm.getByLabel('Nội dung trả lời').fill(ANSWER);
    await answerForm.getByLabel('Công bố câu trả lời trên cổng thông tin').check();
    await answerForm.getByRole('button', { name: 'Lưu trả lời' }).click();
    await page.getByText('Đã lưu.').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'feedback-1366.png') });
    const list = await api<FeedbackItem[]>(server, 'GET', '/api/feedback');
    const saved = list.body.find((f) => f.topic === TOPIC)!;
    expect(saved).toMatchObject({ status: 'answered', answer: ANSWER, answerPublished: true });
    const portal = await (await fetch(`${server.url}/y-kien`)).text();
    expect(portal).toContain(ANSWER);

    await page.getByRole('button', { name: 'Gửi tài liệu qua e-mail' }).click();
    await page.getByText('Chưa cấu hình máy chủ thư (SMTP)').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'mail-top-1366.png') });
    await page.getByRole('button', { name: 'Gửi giấy mời' }).click();
    // The server's 409 MAIL_NOT_CONFIGURED message, shown where the chair pressed the button.
    await page.getByRole('alert').filter({ hasText: 'SMTP' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'mail-1366.png') });
    expect(errors).toEqual([]);
    await context.close();
  }, 30_000);
});
