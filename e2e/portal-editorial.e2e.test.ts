// The portal's editorial board in real Chromium against the real server (issue 16): an editor drafts an
// article in the rich-text editor and submits it; the head of the board sends it back with a comment; the
// editor fixes it and resubmits; the head compares the versions and publishes; a reader with JavaScript off
// finds it by searching without diacritics and in the section's RSS feed. Then the after-session Kỷ yếu
// checklist and the console's refusal of a confidential document. The reader pages are checked with
// axe-core (WCAG 2.1 A and AA rules). Then uploads: an image resized on the server and shown with its alt, a
// PDF attachment readers download, a draft's files private, a delegate's photo. Screenshots (outside the
// repository, in the system's temporary folder): editor screens at 1366 px, reader pages at 390 and 1280/1366 px.
import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import axe from 'axe-core';
import { Jimp } from 'jimp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentItem, PortalFile } from '@hddt/protocol';
import { simplePdf } from '../server/src/seed/pdf';
import { api, launchChromium, signInConsole, startServer, type TestServer } from './harness';

const SHOTS = path.join(tmpdir(), 'hddt-shots', 'portal-editorial');
const TITLE = 'Kỳ họp thứ Tư thông qua Nghị quyết về kế hoạch đầu tư công năm 2027';
const PASSWORD = 'mat-khau-dai-10';

let server: TestServer;
let browser: Browser;
/** The document the upload test published, for the accessibility test after it. */
let uploaded: { id: string; title: string } | null = null;

async function signIn(context: BrowserContext, username: string): Promise<Page> {
  const page = await context.newPage();
  await signInConsole(page, server, username, PASSWORD);
  await page.getByRole('heading', { name: 'Cổng thông tin — Ban biên tập' }).waitFor();
  return page;
}

async function openItem(page: Page, title: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Cổng thông tin' }).getByRole('button', { name: 'Bài viết và văn bản' }).click();
  await page.getByRole('button', { name: `Mở: ${title}` }).click();
  await page.getByRole('heading', { name: title, level: 1 }).waitFor();
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const result = await page.evaluate(async () => {
    const w = window as unknown as {
      axe: {
        run: (ctx: Document, opts: unknown) => Promise<{ passes: unknown[]; violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
      };
    };
    return w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  });
  // axe really ran: the page passed a good number of rules (landmarks, contrast, names, language…).
  expect(result.passes.length).toBeGreaterThan(10);
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer({ demo: true });
  for (const [username, displayName, role] of [
    ['bientap', 'Trần Thị Biên', 'editor'],
    ['truongban', 'Lê Minh Trưởng', 'board-head'],
  ] as const) {
    const r = await api(server, 'POST', '/api/staff', { username, displayName, role, password: PASSWORD });
    expect(r.status).toBe(201);
  }
  browser = await launchChromium();
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('portal editorial board', () => {
  it('editor drafts and submits; head sends back, editor fixes, head publishes; a reader finds it', async () => {
    const errors: string[] = [];
    const editorCtx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const editor = await signIn(editorCtx, 'bientap');
    editor.on('pageerror', (e) => errors.push(e.message));
    // An editor works in the portal area only.
    expect(await editor.getByRole('button', { name: 'Điều hành' }).count()).toBe(0);

    await editor.getByRole('button', { name: 'Viết bài mới' }).click();
    await editor.getByLabel('Tiêu đề', { exact: true }).fill(TITLE);
    await editor.getByLabel('Tóm tắt', { exact: true }).fill('Hội đồng nhân dân đặc khu Côn Đảo thông qua kế hoạch đầu tư công với 12 công trình.');
    const body = editor.getByRole('textbox', { name: 'Nội dung' });
    await body.click();
    await editor.keyboard.type('Sáng nay, đại biểu đã thảo luận kế hoạch đầu tư công. ');
    await editor.getByRole('button', { name: 'Đậm' }).click();
    await editor.keyboard.type('Nghị quyết có hiệu lực từ ngày ký.');
    await editor.screenshot({ path: path.join(SHOTS, 'editor-draft-1366.png'), fullPage: true });
    await editor.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await editor.getByText('Đã lưu phiên bản 1.').waitFor();
    await editor.getByText('Biên tập viên không tự đăng bài: trưởng ban biên tập duyệt và đăng.').waitFor();
    expect(await editor.getByRole('button', { name: 'Duyệt và đăng' }).count()).toBe(0);
    await editor.getByRole('button', { name: 'Gửi duyệt' }).click();
    await editor.getByText('Bài đang chờ trưởng ban duyệt: chưa sửa được cho đến khi được trả lại.').waitFor();
    await editor.screenshot({ path: path.join(SHOTS, 'editor-submitted-1366.png'), fullPage: true });

    const headCtx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const head = await signIn(headCtx, 'truongban');
    head.on('pageerror', (e) => errors.push(e.message));
    await head.getByLabel('Trạng thái', { exact: true }).selectOption('submitted');
    await openItem(head, TITLE);
    await head.getByLabel('Ý kiến của trưởng ban').fill('Ghi rõ số nghị quyết và ngày có hiệu lực.');
    await head.getByRole('button', { name: 'Trả lại biên tập viên' }).click();
    await head.getByText('Đã trả lại kèm ý kiến.').waitFor();
    await head.screenshot({ path: path.join(SHOTS, 'head-sent-back-1366.png'), fullPage: true });

    await editor.reload();
    await editor.getByRole('heading', { name: 'Cổng thông tin — Ban biên tập' }).waitFor();
    await openItem(editor, TITLE);
    await editor.getByText('Trưởng ban đã trả lại: Ghi rõ số nghị quyết và ngày có hiệu lực.').waitFor();
    await editor.getByRole('textbox', { name: 'Nội dung' }).click();
    await editor.keyboard.press('Control+End');
    await editor.keyboard.press('Enter');
    await editor.keyboard.type('Nghị quyết số 12/NQ-HĐND có hiệu lực từ ngày 01/01/2027.');
    await editor.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await editor.getByText('Đã lưu phiên bản 2.').waitFor();
    await editor.getByRole('button', { name: 'Gửi duyệt' }).click();
    await editor.getByText('Đã gửi trưởng ban duyệt.').waitFor();

    await openItem(head, TITLE);
    await head.getByRole('button', { name: 'So sánh với phiên bản trước' }).click();
    await head.getByRole('insertion').filter({ hasText: 'Nghị quyết số 12/NQ-HĐND có hiệu lực từ ngày 01/01/2027.' }).waitFor();
    await head.screenshot({ path: path.join(SHOTS, 'head-diff-1366.png'), fullPage: true });
    await head.getByRole('button', { name: 'Duyệt và đăng' }).click();
    await head.getByText('Đã đăng lên cổng thông tin.').waitFor();
    await head.getByRole('link', { name: 'Xem trên cổng' }).waitFor();
    await head.screenshot({ path: path.join(SHOTS, 'head-published-1366.png'), fullPage: true });

    const items = await api<ContentItem[]>(server, 'GET', '/api/portal/items?state=published');
    const published = items.body.find((i) => i.title === TITLE)!;
    expect(published.bodyHtml).toContain('<strong>Nghị quyết có hiệu lực từ ngày ký.</strong>');
    expect(published.version).toBe(2);

    // A reader, JavaScript off, on a phone: search without diacritics.
    const readerCtx = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false, locale: 'vi-VN' });
    const reader = await readerCtx.newPage();
    await reader.goto(`${server.url}/`);
    await reader.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Tìm kiếm' }).click();
    await reader.getByRole('searchbox').fill('nghi quyet dau tu cong 2027');
    await reader.getByRole('button', { name: 'Tìm' }).click();
    await reader.getByRole('link', { name: TITLE }).click();
    await reader.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    expect(await reader.locator('.prose').innerText()).toContain('Nghị quyết số 12/NQ-HĐND có hiệu lực từ ngày 01/01/2027.');
    for (const size of [
      { name: 'phone', width: 390, height: 844 },
      { name: 'desktop', width: 1280, height: 900 },
    ]) {
      await reader.setViewportSize({ width: size.width, height: size.height });
      await reader.screenshot({ path: path.join(SHOTS, `reader-article-${size.name}.png`), fullPage: true });
      const overflow = await reader.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth).catch(() => 0);
      expect(overflow).toBeLessThanOrEqual(0);
    }
    const rss = await (await fetch(`${server.url}/rss/tin-tuc.xml`)).text();
    expect(rss).toContain(`<title>${TITLE}</title>`);
    expect(rss).toContain(`/bai/${published.id}</link>`);

    // WCAG 2.1 AA rules (axe-core) on the reader pages; the CSP blocks injected scripts, so this context bypasses it.
    const axeCtx = await browser.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true });
    const a11y = await axeCtx.newPage();
    const pages = ['/', '/van-ban', '/chuyen-muc/tin-tuc', `/bai/${published.id}`, '/tim-kiem?q=nghi+quyet', `/en/bai/${published.id}`];
    for (const p of pages) {
      await a11y.goto(server.url + p);
      expect(await axeViolations(a11y), p).toEqual([]);
    }
    for (const [p, name] of [
      ['/chuyen-muc/tin-tuc', 'section'],
      ['/van-ban', 'documents'],
      ['/tim-kiem?q=nghi+quyet', 'search'],
    ] as const) {
      await reader.goto(server.url + p);
      for (const size of [
        { n: 'phone', width: 390, height: 844 },
        { n: 'desktop', width: 1280, height: 900 },
      ]) {
        await reader.setViewportSize({ width: size.width, height: size.height });
        await reader.screenshot({ path: path.join(SHOTS, `reader-${name}-${size.n}.png`), fullPage: true });
      }
    }
    expect(errors).toEqual([]);
    await Promise.all([editorCtx.close(), headCtx.close(), readerCtx.close(), axeCtx.close()]);
  }, 180_000);

  it('after the session: the Kỷ yếu checklist; a confidential document is refused with the reason', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const head = await signIn(ctx, 'truongban');
    await head.getByRole('button', { name: 'Sau kỳ họp: chuyển vào Kỷ yếu' }).click();
    const progress = head.getByRole('status').filter({ hasText: 'Đã sắp xếp' });
    await expect.poll(() => progress.innerText()).toMatch(/Đã sắp xếp 0\/\d+ mục/);
    expect(await head.getByText('Tài liệu mật — không đăng').count()).toBeGreaterThan(0);
    await head
      .getByRole('button', { name: /^Tạo bản nháp Kỷ yếu: / })
      .first()
      .click();
    await head.getByText('Đã tạo bản nháp.').waitFor();
    await expect.poll(() => progress.innerText()).toMatch(/Đã sắp xếp 1\/\d+ mục/);
    await head.screenshot({ path: path.join(SHOTS, 'head-checklist-1366.png'), fullPage: true });
    // Nothing public until approved.
    const kyYeu = await (await fetch(`${server.url}/chuyen-muc/ky-yeu`)).text();
    expect(kyYeu).toContain('Chuyên mục này chưa có bài nào được đăng.');

    await head.getByRole('navigation', { name: 'Cổng thông tin' }).getByRole('button', { name: 'Bài viết và văn bản' }).click();
    await head.getByRole('button', { name: 'Viết bài mới' }).click();
    await head.getByLabel('Loại').selectOption('document');
    await head.getByLabel('Chuyên mục').selectOption('van-ban-dieu-hanh');
    await head.getByLabel('Tiêu đề', { exact: true }).fill('Kế hoạch bảo vệ bí mật nhà nước năm 2027');
    await head.getByLabel('Số ký hiệu').fill('05/KH-HĐND');
    await head.getByLabel('Tài liệu mật', { exact: true }).check();
    await head.getByText('Tài liệu mật không bao giờ được đăng trên cổng thông tin (quy định về bảo vệ bí mật nhà nước).').waitFor();
    await head.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await head.getByText('Đã lưu phiên bản 1.').waitFor();
    // The console does not offer to submit it and says why (the server refuses it too: editorial.test.ts).
    await head.getByText('Không gửi duyệt được vì đây là tài liệu mật.').waitFor();
    expect(await head.getByRole('button', { name: 'Gửi duyệt' }).count()).toBe(0);
    await head.screenshot({ path: path.join(SHOTS, 'head-confidential-refused-1366.png'), fullPage: true });
    await ctx.close();
  }, 60_000);
  it('uploads: an image (resized, with its alt) and a PDF attachment; private as a draft, public once published', async () => {
    const DOC = 'Nghị quyết về kế hoạch đầu tư công năm 2027';
    const ALT = 'Đại biểu biểu quyết thông qua nghị quyết tại hội trường';
    const errors: string[] = [];
    const editorCtx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const editor = await signIn(editorCtx, 'bientap');
    editor.on('pageerror', (e) => errors.push(e.message));
    await editor.getByRole('button', { name: 'Viết bài mới' }).click();
    await editor.getByLabel('Loại').selectOption('document');
    await editor.getByLabel('Chuyên mục').selectOption('nghi-quyet');
    await editor.getByLabel('Tiêu đề', { exact: true }).fill(DOC);
    await editor.getByLabel('Tóm tắt', { exact: true }).fill('Kế hoạch đầu tư công năm 2027 với 12 công trình trên đặc khu.');
    await editor.getByLabel('Số ký hiệu').fill('12/NQ-HĐND');
    await editor.getByLabel('Cơ quan ban hành').fill('Hội đồng nhân dân đặc khu Côn Đảo');
    await editor.getByLabel('Ngày ban hành').fill('31/02/2027');
    await editor.getByLabel('Ngày có hiệu lực').fill('01/01/2027');
    await editor.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await editor.getByText('Ngày không hợp lệ: nhập theo dạng dd/mm/yyyy, ví dụ 05/07/2026.').waitFor();
    await editor.getByLabel('Ngày ban hành').fill('15/12/2026');

    // An image needs its description; then it is uploaded, resized on the server and put in the body.
    await editor.getByRole('textbox', { name: 'Nội dung' }).click();
    await editor.keyboard.type('Sáng nay, Hội đồng nhân dân thông qua nghị quyết.');
    await editor.getByRole('button', { name: 'Chèn ảnh' }).click();
    const photo = await new Jimp({ width: 2400, height: 1600, color: 0x2a6f97ff }).getBuffer('image/jpeg', { quality: 80 });
    await editor.getByTestId('image-file').setInputFiles({ name: 'hoi-truong.jpg', mimeType: 'image/jpeg', buffer: photo });
    await editor.getByRole('button', { name: 'Tải lên và chèn' }).click();
    await editor.getByText('Nhập mô tả ảnh: người không xem được ảnh cần nó.').waitFor();
    await editor.getByLabel('Mô tả ảnh (văn bản thay thế)').fill(ALT);
    await editor.getByRole('button', { name: 'Tải lên và chèn' }).click();
    await editor.getByRole('textbox', { name: 'Nội dung' }).getByRole('img', { name: ALT }).waitFor({ timeout: 60_000 });

    const pdf = await simplePdf('Nghị quyết số 12/NQ-HĐND', ['Toàn văn nghị quyết về kế hoạch đầu tư công năm 2027.']);
    await editor.getByTestId('attachment-file').setInputFiles({ name: 'Nghị quyết 12-NQ-HĐND.pdf', mimeType: 'application/pdf', buffer: pdf });
    await editor.getByLabel('Tên hiển thị cho người đọc').fill('Toàn văn Nghị quyết số 12/NQ-HĐND');
    await editor.getByRole('button', { name: 'Tải tệp lên' }).click();
    await editor.getByRole('button', { name: 'Bỏ tệp: Toàn văn Nghị quyết số 12/NQ-HĐND' }).waitFor();
    await editor.screenshot({ path: path.join(SHOTS, 'editor-document-uploads-1366.png'), fullPage: true });
    await editor.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await editor.getByText('Đã lưu phiên bản 1.').waitFor();

    const draft = (await api<ContentItem[]>(server, 'GET', '/api/portal/items?state=draft')).body.find((i) => i.title === DOC)!;
    expect(draft).toMatchObject({
      documentNumber: '12/NQ-HĐND',
      issuedOn: '2026-12-15',
      effectiveOn: '2027-01-01',
      issuingBody: 'Hội đồng nhân dân đặc khu Côn Đảo',
    });
    const imageId = /<img src="\/tep\/([A-Za-z0-9_-]+)" alt="([^"]*)"/.exec(draft.bodyHtml);
    expect(imageId?.[2]).toBe(ALT);
    const image = await api<PortalFile>(server, 'GET', `/api/portal/files/${imageId![1]}`);
    expect(image.body).toMatchObject({ contentType: 'image/jpeg', width: 1600, height: 1067 });
    const attachment = draft.attachments[0]!;
    expect(attachment).toMatchObject({
      title: 'Toàn văn Nghị quyết số 12/NQ-HĐND',
      name: 'Nghị quyết 12-NQ-HĐND.pdf',
      contentType: 'application/pdf',
      size: pdf.length,
    });
    // A draft's files are nobody's business but the board's.
    for (const id of [imageId![1]!, attachment.fileId]) expect((await fetch(`${server.url}/tep/${id}`)).status, id).toBe(404);

    await editor.getByRole('button', { name: 'Gửi duyệt' }).click();
    await editor.getByText('Đã gửi trưởng ban duyệt.').waitFor();
    const headCtx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const head = await signIn(headCtx, 'truongban');
    head.on('pageerror', (e) => errors.push(e.message));
    await openItem(head, DOC);
    await head.getByRole('img', { name: ALT }).waitFor();
    await head.getByRole('button', { name: 'Duyệt và đăng' }).click();
    await head.getByText('Đã đăng lên cổng thông tin.').waitFor();

    // The reader, JavaScript off: the image with its alt, the attachment with its kind and size, downloaded.
    const readerCtx = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false, locale: 'vi-VN' });
    const reader = await readerCtx.newPage();
    await reader.goto(`${server.url}/chuyen-muc/nghi-quyet`);
    await reader.getByRole('link', { name: DOC }).click();
    await reader.getByRole('heading', { name: DOC, level: 1 }).waitFor();
    const shown = reader.locator('.prose img');
    expect(await shown.getAttribute('alt')).toBe(ALT);
    expect(await shown.getAttribute('src')).toBe(`/tep/${imageId![1]}`);
    expect(await reader.locator('article dl.facts').innerText()).toBe(
      'Số ký hiệu\n12/NQ-HĐND\nCơ quan ban hành\nHội đồng nhân dân đặc khu Côn Đảo\nNgày ban hành\n15/12/2026\nNgày hiệu lực\n01/01/2027',
    );
    const files = reader.getByRole('region', { name: 'Tệp đính kèm' });
    expect(await files.innerText()).toMatch(/Toàn văn Nghị quyết số 12\/NQ-HĐND PDF, \d+ KB/);
    const [download] = await Promise.all([reader.waitForEvent('download'), files.getByRole('link', { name: 'Toàn văn Nghị quyết số 12/NQ-HĐND' }).click()]);
    expect(download.suggestedFilename()).toBe('Nghị quyết 12-NQ-HĐND.pdf');
    expect(readFileSync((await download.path())!)).toEqual(pdf);
    const served = await fetch(`${server.url}/tep/${imageId![1]}`);
    expect(served.status).toBe(200);
    expect((await Jimp.read(Buffer.from(await served.arrayBuffer()))).width).toBe(1600);
    for (const size of [
      { n: 'phone', width: 390, height: 844 },
      { n: 'desktop', width: 1366, height: 768 },
    ]) {
      await reader.setViewportSize({ width: size.width, height: size.height });
      await reader.screenshot({ path: path.join(SHOTS, `reader-document-${size.n}.png`), fullPage: true });
      expect(await reader.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth).catch(() => 0)).toBeLessThanOrEqual(0);
    }

    expect(errors).toEqual([]);
    uploaded = { id: draft.id, title: DOC };
    await Promise.all([editorCtx.close(), headCtx.close(), readerCtx.close()]);
  }, 300_000);

  it('WCAG 2.1 AA on the document page and the editor’s screens; the head of the board sets a delegate’s photo', async () => {
    expect(uploaded).not.toBeNull();
    const { id: docId, title: DOC } = uploaded!;
    const errors: string[] = [];
    const axeCtx = await browser.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true });
    const a11y = await axeCtx.newPage();
    for (const p of [`/bai/${docId}`, `/en/bai/${docId}`, '/chuyen-muc/nghi-quyet']) {
      await a11y.goto(server.url + p);
      expect(await axeViolations(a11y), p).toEqual([]);
    }
    const consoleAxe = await browser.newContext({ viewport: { width: 1366, height: 768 }, bypassCSP: true });
    const staff = await signIn(consoleAxe, 'truongban');
    staff.on('pageerror', (e) => errors.push(e.message));
    expect(await axeViolations(staff), 'list').toEqual([]);
    await openItem(staff, DOC);
    expect(await axeViolations(staff), 'item').toEqual([]);
    await staff.getByRole('button', { name: 'Đại biểu trên cổng' }).click();
    await staff.getByRole('heading', { name: 'Hồ sơ đại biểu trên cổng thông tin' }).waitFor();
    const portrait = await new Jimp({ width: 900, height: 1200, color: 0x9ab0c8ff }).getBuffer('image/jpeg');
    await staff.getByTestId('photo-file').setInputFiles({ name: 'chan-dung.jpg', mimeType: 'image/jpeg', buffer: portrait });
    await staff.getByRole('button', { name: 'Tải ảnh lên' }).click();
    await staff.getByText('Đã cập nhật ảnh; ảnh hiện ngay trên trang của đại biểu.').waitFor({ timeout: 60_000 });
    const photoImg = staff.getByRole('img', { name: /^Ảnh của đại biểu / });
    await photoImg.waitFor();
    expect(await axeViolations(staff), 'delegates').toEqual([]);
    await staff.screenshot({ path: path.join(SHOTS, 'head-delegate-photo-1366.png'), fullPage: true });
    const delegateId = await staff.getByLabel('Đại biểu', { exact: true }).inputValue();
    const readerCtx = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false, locale: 'vi-VN' });
    const reader = await readerCtx.newPage();
    await reader.goto(`${server.url}/dai-bieu/${delegateId}`);
    const readerPhoto = reader.locator('img.photo');
    expect(await readerPhoto.getAttribute('alt')).toMatch(/^Ảnh: /);
    await reader.screenshot({ path: path.join(SHOTS, 'reader-delegate-phone.png'), fullPage: true });
    await a11y.goto(`${server.url}/dai-bieu/${delegateId}`);
    expect(await axeViolations(a11y), 'delegate page').toEqual([]);
    expect(errors).toEqual([]);
    await Promise.all([readerCtx.close(), axeCtx.close(), consoleAxe.close()]);
  }, 240_000);
});
