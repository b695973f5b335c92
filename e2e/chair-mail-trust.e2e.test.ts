// E-mail invitations in the chair console (issue 19), real Chromium against the real server and a real SMTP
// server in-process: "Gửi thư thử" with a closed port explains the refused connection in plain Vietnamese with
// what to check (the raw reply below it), then succeeds on the right port before anything is saved; a refused
// recipient's row says so; the console's "Liên kết riêng" preview does not count as the recipient opening the
// link, the recipient's own browser does.
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { MAIL_FAILURES } from '@hddt/protocol';
import type { InvitationReport } from '@hddt/protocol';
import { REPO_ROOT, api, launchChromium, signInConsole, startServer, type TestServer } from './harness';

const SHOTS = path.join(REPO_ROOT, 'e2e/artifacts/chair');
const REFUSED = 'khong-ton-tai@example.org';

let server: TestServer;
let browser: Browser;
let smtp: SMTPServer;
let smtpPort: number;
let closedPort: number;
const inbox: string[][] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address === REFUSED) {
        const error = new Error('5.1.1 User unknown') as Error & { responseCode: number };
        error.responseCode = 550;
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      stream.resume();
      stream.on('end', () => {
        inbox.push(session.envelope.rcptTo.map((r) => r.address));
        callback();
      });
    },
  });
  smtp.on('error', () => {});
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  closedPort = (closed.address() as AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  server = await startServer({ demo: true });
  browser = await launchChromium();
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe('chair console — e-mail a secretariat can rely on', () => {
  it('"Gửi thư thử" explains a bad port, then succeeds; a refused address is explained; only the recipient\'s browser counts as opened', async () => {
    const delegates = Object.values(server.app.engine.state.delegates).sort((a, b) => a.seat - b.seat);
    await api(server, 'PUT', `/api/mail/delegates/${delegates[0]!.id}`, { email: 'dai-bieu-1@example.org' });
    await api(server, 'PUT', `/api/mail/delegates/${delegates[1]!.id}`, { email: REFUSED });

    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signInConsole(page, server, 'admin', server.adminPassword);
    await page.getByRole('button', { name: 'Gửi tài liệu qua e-mail' }).click();
    await page.getByText('Chưa cấu hình máy chủ thư (SMTP)').first().waitFor();

    const settings = page.getByRole('form', { name: 'Máy chủ thư (SMTP)' });
    await settings.getByLabel('Máy chủ').fill('127.0.0.1');
    await settings.getByLabel('Cổng').fill(String(closedPort));
    await settings.getByLabel('Địa chỉ người gửi').fill('Văn phòng HĐND <vanphong@hdnd.example>');
    await page.getByLabel('Gửi thư thử tới địa chỉ').fill('thu-ky@hdnd.example');
    await page.getByRole('button', { name: 'Gửi thư thử' }).click();
    const refused = page.getByRole('alert').filter({ hasText: MAIL_FAILURES.connection.message[0] });
    await refused.waitFor();
    expect(await refused.textContent()).toContain(`Cần kiểm tra: ${MAIL_FAILURES.connection.hint[0]}`);
    expect(await refused.textContent()).toContain('ECONNREFUSED');
    await page.screenshot({ path: path.join(SHOTS, 'mail-test-refused-1366.png') });
    expect(inbox).toEqual([]);

    await settings.getByLabel('Cổng').fill(String(smtpPort));
    await page.getByRole('button', { name: 'Gửi thư thử' }).click();
    await page.getByText('Máy chủ thư đã nhận thư thử gửi tới thu-ky@hdnd.example').waitFor();
    expect(inbox).toEqual([['thu-ky@hdnd.example']]);
    // The test saved nothing; saving is its own step.
    expect((await api<{ configured: boolean }>(server, 'GET', '/api/mail/settings')).body.configured).toBe(false);
    await settings.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã lưu cấu hình máy chủ thư.').waitFor();

    await page.getByRole('button', { name: 'Gửi giấy mời' }).click();
    await page.getByText(MAIL_FAILURES.recipient.message[0]).waitFor();
    await page.getByRole('button', { name: 'Gửi lại cho địa chỉ lỗi (1)' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'mail-invitations-1366.png'), fullPage: true });

    // The secretariat checks the personal link from the console: a preview, not an opening.
    const sessionId = server.app.engine.state.activeSessionId!;
    const reports = async () => (await api<InvitationReport[]>(server, 'GET', `/api/sessions/${sessionId}/invitations`)).body;
    const mine = (await reports()).find((r) => r.email === 'dai-bieu-1@example.org')!;
    const row = page.getByRole('row').filter({ hasText: 'dai-bieu-1@example.org' });
    const [preview] = await Promise.all([context.waitForEvent('page'), row.getByRole('link', { name: 'Liên kết riêng' }).click()]);
    await preview.waitForLoadState('load');
    await preview.getByText('Kính gửi:').first().waitFor();
    expect(preview.url()).toBe(`${mine.url}?xem-truoc=1`);
    await preview.close();
    expect((await reports()).find((r) => r.email === 'dai-bieu-1@example.org')!.openedAt).toBeNull();

    // The recipient opens it in her own browser.
    const recipient = await browser.newContext();
    const own = await recipient.newPage();
    await own.goto(mine.url, { waitUntil: 'load' });
    await own.getByText(`Kính gửi: ${mine.name}`).waitFor();
    await expect.poll(async () => (await reports()).find((r) => r.email === 'dai-bieu-1@example.org')!.openedAt, { timeout: 5_000 }).not.toBeNull();
    await recipient.close();
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
