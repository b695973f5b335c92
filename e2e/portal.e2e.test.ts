// The public portal in real Chromium against the real server: a voter finds a resolution, reads its announced
// result in the official wording, sends feedback about it (after correcting a missing field), and the
// secretariat sees the feedback through the REST API. Screenshots at 1280 and 390 px wide.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedbackItem } from '../server/src/portal/feedback';
import { adoptDemoResolution } from '../server/src/portal/test-support';
import { REPO_ROOT, api, launchChromium, startServer, type TestServer } from './harness';

const SHOTS = path.join(REPO_ROOT, 'e2e/artifacts');
const SIZES = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

let server: TestServer;
let browser: Browser;
let resolutionId: string;

async function shoot(page: Page, name: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.screenshot({ path: path.join(SHOTS, `portal-${name}-${size.name}.png`), fullPage: true });
    // Nothing may overflow sideways on a phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${name} at ${size.width}px`).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize({ width: 390, height: 844 });
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer();
  ({ resolutionId } = await adoptDemoResolution(server.app.engine));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('public portal', () => {
  it('a voter reads a resolution and sends feedback; the secretariat sees it', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN', javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await expect.poll(() => page.title()).toContain('Hội đồng nhân dân đặc khu Côn Đảo');
    await shoot(page, 'home');

    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Nghị quyết' }).click();
    await page.getByRole('link', { name: /Nghị quyết số 01\/NQ-HĐND/ }).click();
    expect(page.url()).toBe(`${server.url}/nghi-quyet/${resolutionId}`);
    const result = await page.locator('.result').innerText();
    expect(result).toContain('tham gia biểu quyết 28 (90,32%); tán thành 27 (87,10%); không tán thành 0 (0%); không biểu quyết 1 (3,23%)');
    expect(result).toContain('THÔNG QUA');
    await shoot(page, 'resolution');

    await page.getByRole('link', { name: 'Gửi ý kiến về nghị quyết này' }).click();
    expect(await page.getByLabel('Liên quan đến').inputValue()).toBe(`r:${resolutionId}`);
    await page.getByLabel(/^Số điện thoại hoặc thư điện tử/).fill('hoa.nguyen@example.org');
    await page.getByLabel(/^Nơi cư trú/).fill('Khu dân cư số 3');
    await page.getByLabel(/^Chủ đề/).fill('Tiến độ đầu tư công');
    await page.getByLabel(/^Nội dung ý kiến/).fill('Đề nghị công khai danh mục công trình và tiến độ giải ngân từng quý.');
    await page.getByRole('button', { name: 'Gửi ý kiến' }).click();
    // The missing name is said next to the field; what was typed stays.
    await expect.poll(() => page.locator('#name-loi').textContent()).toBe('Vui lòng nhập họ và tên.');
    expect(await page.getByLabel(/^Họ và tên/).getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel(/^Chủ đề/).inputValue()).toBe('Tiến độ đầu tư công');
    await shoot(page, 'feedback-error');

    await page.getByLabel(/^Họ và tên/).fill('Nguyễn Thị Hoa');
    await page.getByRole('button', { name: 'Gửi ý kiến' }).click();
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('Cảm ơn bạn. Ý kiến đã được gửi');
    await shoot(page, 'feedback-sent');

    const list = await api<FeedbackItem[]>(server, 'GET', '/api/feedback');
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(1);
    expect(list.body[0]).toMatchObject({
      name: 'Nguyễn Thị Hoa',
      contact: 'hoa.nguyen@example.org',
      area: 'Khu dân cư số 3',
      topic: 'Tiến độ đầu tư công',
      resolutionId,
      status: 'new',
    });
    const reference = page.url().split('da-gui=')[1];
    expect(list.body[0]!.id).toBe(reference);

    // The secretariat answers and publishes; the voter sees it on the resolution page.
    const answer = 'Danh mục công trình được đăng tại trụ sở và cập nhật hằng quý.';
    expect((await api(server, 'PATCH', `/api/feedback/${reference}`, { status: 'answered', answer, answerPublished: true })).status).toBe(200);
    await page.goto(`${server.url}/nghi-quyet/${resolutionId}`);
    expect(await page.getByRole('region', { name: 'Ý kiến đã được trả lời' }).innerText()).toContain(answer);
    await context.close();
  });

  it('looks right in English and on the session, delegates and search pages', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN', javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/ky-hop`);
    await page
      .getByRole('link', { name: /Kỳ họp thứ Năm/ })
      .first()
      .click();
    expect(await page.getByRole('heading', { level: 2, name: 'Tài liệu công khai' }).isVisible()).toBe(true);
    expect(await page.getByText('Báo cáo thẩm tra của Ban Kinh tế - Ngân sách').count()).toBe(0);
    await shoot(page, 'session');
    await page.getByRole('link', { name: 'English' }).click();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getByRole('heading', { level: 2, name: 'Agenda' }).isVisible()).toBe(true);
    await shoot(page, 'session-en');
    await page.goto(`${server.url}/dai-bieu`);
    await shoot(page, 'delegates');
    await page.goto(`${server.url}/tim-kiem`);
    await page.getByRole('searchbox').fill('ngân sách');
    await page.getByRole('button', { name: 'Tìm' }).click();
    expect(await page.getByRole('status').innerText()).toMatch(/Tìm thấy \d+ kết quả/);
    await shoot(page, 'search');
    await context.close();
  });
});
