// Links to other portals (issue 16: "links to the province council's portal") in real Chromium against the
// real server: an editor adds links to a page in the console's item editor, is told in Vietnamese when an
// address is not a full http(s) address or a title is missing, reorders and removes links, and cannot save
// with a link half entered; the head of the board publishes; a reader with JavaScript off sees the links in
// that order, each to its address. axe-core (WCAG 2.1 A and AA) on the editor's links and the reader's page.
// Screenshots go to the system's temporary folder.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import axe from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentItem } from '@hddt/protocol';
import { api, launchChromium, startServer, type TestServer } from './harness';

const SHOTS = path.join(tmpdir(), 'hddt-shots', 'portal-links');
const PASSWORD = 'mat-khau-dai-10';
const TITLE = 'Giới thiệu Hội đồng nhân dân đặc khu Côn Đảo';
const PROVINCE = { title: 'Cổng thông tin Hội đồng nhân dân tỉnh', url: 'https://hdnd.tinh.example.gov.vn/' };
const SERVICES = { title: 'Cổng Dịch vụ công quốc gia', url: 'https://dichvucong.gov.vn/p/home/dvc-trang-chu.html' };
const GAZETTE = { title: 'Công báo Chính phủ', url: 'https://congbao.chinhphu.vn/' };
const URL_INVALID = 'Địa chỉ không hợp lệ: cần địa chỉ đầy đủ bắt đầu bằng https:// hoặc http://, không có dấu cách, ví dụ https://hdnd.tinh.gov.vn.';

let server: TestServer;
let browser: Browser;

async function signIn(context: BrowserContext, username: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${server.url}/chair/`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { name: 'Cổng thông tin — Ban biên tập' }).waitFor();
  return page;
}

async function axeViolations(page: Page, include?: string): Promise<string[]> {
  await page.evaluate(axe.source);
  const result = await page.evaluate(async (sel) => {
    const w = window as unknown as {
      axe: {
        run: (ctx: unknown, opts: unknown) => Promise<{ passes: unknown[]; violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
      };
    };
    return w.axe.run(sel ? { include: [sel] } : document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  }, include);
  expect(result.passes.length).toBeGreaterThan(3);
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer({ demo: true });
  for (const [username, displayName, role] of [
    ['bientap', 'Trần Thị Biên', 'editor'],
    ['truongban', 'Lê Minh Trưởng', 'board-head'],
  ] as const) {
    expect((await api(server, 'POST', '/api/staff', { username, displayName, role, password: PASSWORD })).status).toBe(201);
  }
  browser = await launchChromium();
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('links to other portals', () => {
  it('an editor adds, checks, reorders and removes links; published, a reader sees them in order', async () => {
    const errors: string[] = [];
    const editorCtx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const editor = await signIn(editorCtx, 'bientap');
    editor.on('pageerror', (e) => errors.push(e.message));
    await editor.getByRole('button', { name: 'Viết bài mới' }).click();
    await editor.getByLabel('Loại').selectOption('page');
    await editor.getByLabel('Chuyên mục').selectOption('gioi-thieu');
    await editor.getByLabel('Tiêu đề', { exact: true }).fill(TITLE);
    await editor.getByRole('textbox', { name: 'Nội dung' }).click();
    await editor.keyboard.type('Hội đồng nhân dân đặc khu gồm các đại biểu do cử tri bầu ra.');

    const links = editor.getByRole('group', { name: 'Liên kết đến cổng thông tin khác' });
    await links.getByText('Chưa có liên kết.').waitFor();
    const add = links.getByRole('group', { name: 'Thêm liên kết' });
    const addButton = add.getByRole('button', { name: 'Thêm liên kết' });
    // Nothing typed: both fields say what is missing.
    await addButton.click();
    await add.getByText('Nhập tên liên kết (người đọc thấy tên này).').waitFor();
    await add.getByText('Nhập địa chỉ liên kết.').waitFor();
    // An address without http(s):// is refused with the reason, and nothing is added.
    await add.getByLabel('Tên liên kết').fill(PROVINCE.title);
    await add.getByLabel('Địa chỉ (URL)').fill('hdnd.tinh.example.gov.vn');
    await addButton.click();
    await add.getByText(URL_INVALID).waitFor();
    expect(await add.getByLabel('Địa chỉ (URL)').getAttribute('aria-invalid')).toBe('true');
    for (const bad of ['javascript:alert(1)', 'ftp://hdnd.example.gov.vn/', 'https://hdnd tinh.gov.vn']) {
      await add.getByLabel('Địa chỉ (URL)').fill(bad);
      await addButton.click();
      await add.getByText(URL_INVALID).waitFor();
    }
    await links.getByText('Chưa có liên kết.').waitFor();
    expect(await axeViolations(editor, '.ed-links'), 'links with errors').toEqual([]);
    await editor.locator('.ed-links').screenshot({ path: path.join(SHOTS, 'editor-link-invalid-1366.png') });

    for (const link of [PROVINCE, SERVICES, GAZETTE]) {
      await add.getByLabel('Tên liên kết').fill(link.title);
      await add.getByLabel('Địa chỉ (URL)').fill(link.url);
      await addButton.click();
      await links.getByRole('button', { name: `Bỏ liên kết: ${link.title}` }).waitFor();
    }
    expect(await links.getByText(URL_INVALID).count()).toBe(0);
    // Readers should see the national public-service portal first; the gazette is not wanted after all.
    await links.getByRole('button', { name: `Chuyển lên: ${SERVICES.title}` }).click();
    await links.getByRole('button', { name: `Bỏ liên kết: ${GAZETTE.title}` }).click();
    expect(await links.getByLabel('Tên liên kết 1').inputValue()).toBe(SERVICES.title);
    expect(await links.getByLabel('Tên liên kết 2').inputValue()).toBe(PROVINCE.title);
    expect(await links.getByRole('button', { name: `Chuyển lên: ${SERVICES.title}` }).isDisabled()).toBe(true);
    expect(await links.getByRole('button', { name: `Chuyển xuống: ${PROVINCE.title}` }).isDisabled()).toBe(true);

    // A link half entered is not silently dropped on save.
    await add.getByLabel('Tên liên kết').fill('Bộ Nội vụ');
    await editor.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await editor.getByText('Có liên kết đang nhập dở: bấm «Thêm liên kết» hoặc xóa các ô đó trước khi lưu.').waitFor();
    await add.getByLabel('Tên liên kết').fill('');
    // An address broken in the list is caught on save, next to the link.
    await links.getByLabel('Địa chỉ liên kết 2').fill('hdnd.tinh.example.gov.vn');
    await editor.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await editor.getByText('Sửa các liên kết chưa hợp lệ trước khi lưu.').waitFor();
    await links.getByText(URL_INVALID).waitFor();
    expect(await links.getByLabel('Địa chỉ liên kết 2').getAttribute('aria-invalid')).toBe('true');
    expect((await api<ContentItem[]>(server, 'GET', '/api/portal/items')).body.some((i) => i.title === TITLE)).toBe(false);
    await links.getByLabel('Địa chỉ liên kết 2').fill(PROVINCE.url);
    await editor.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await editor.getByText('Đã lưu phiên bản 1.').waitFor();
    await editor.screenshot({ path: path.join(SHOTS, 'editor-links-saved-1366.png'), fullPage: true });

    const draft = (await api<ContentItem[]>(server, 'GET', '/api/portal/items?state=draft')).body.find((i) => i.title === TITLE)!;
    expect(draft.links).toEqual([SERVICES, PROVINCE]);
    // Opened again, the editor shows the links as saved.
    await editor.getByRole('button', { name: '← Về danh sách' }).click();
    await editor.getByRole('button', { name: `Mở: ${TITLE}` }).click();
    await editor.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    expect(await links.getByLabel('Địa chỉ liên kết 1').inputValue()).toBe(SERVICES.url);
    expect(await links.getByLabel('Tên liên kết 2').inputValue()).toBe(PROVINCE.title);
    await editor.getByRole('button', { name: 'Gửi duyệt' }).click();
    await editor.getByText('Đã gửi trưởng ban duyệt.').waitFor();

    const headCtx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const head = await signIn(headCtx, 'truongban');
    head.on('pageerror', (e) => errors.push(e.message));
    await head.getByRole('button', { name: `Mở: ${TITLE}` }).click();
    await head.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    // Under review the links are read only, each to its address.
    const headLinks = head.getByRole('group', { name: 'Liên kết đến cổng thông tin khác' });
    expect(await headLinks.getByRole('link', { name: PROVINCE.url }).getAttribute('href')).toBe(PROVINCE.url);
    expect(await headLinks.getByRole('textbox').count()).toBe(0);
    await head.getByRole('button', { name: 'Duyệt và đăng' }).click();
    await head.getByText('Đã đăng lên cổng thông tin.').waitFor();

    // The reader, JavaScript off, on a phone.
    const readerCtx = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false, locale: 'vi-VN' });
    const reader = await readerCtx.newPage();
    await reader.goto(`${server.url}/bai/${draft.id}`);
    await reader.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    const shown = reader.getByRole('region', { name: 'Liên kết đến cổng thông tin khác' });
    const anchors = shown.getByRole('link');
    expect(await anchors.allInnerTexts()).toEqual([SERVICES.title, PROVINCE.title]);
    expect(await anchors.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([SERVICES.url, PROVINCE.url]);
    expect(await shown.innerText()).toContain('hdnd.tinh.example.gov.vn');
    expect(await reader.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth).catch(() => 0)).toBeLessThanOrEqual(0);
    await reader.screenshot({ path: path.join(SHOTS, 'reader-links-phone.png'), fullPage: true });
    await reader.goto(`${server.url}/en/bai/${draft.id}`);
    await reader.getByRole('region', { name: 'Links to other portals' }).getByRole('link', { name: PROVINCE.title }).waitFor();

    const axeCtx = await browser.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true });
    const a11y = await axeCtx.newPage();
    for (const p of [`/bai/${draft.id}`, `/en/bai/${draft.id}`]) {
      await a11y.goto(server.url + p);
      expect(await axeViolations(a11y), p).toEqual([]);
    }
    expect(errors).toEqual([]);
    await Promise.all([editorCtx.close(), headCtx.close(), readerCtx.close(), axeCtx.close()]);
  }, 240_000);
});
