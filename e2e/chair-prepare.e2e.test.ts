// The secretariat prepares a session in the chair console, in real Chromium against the real server:
// sign-in, a session with two agenda items, a PDF, a vote, a roster CSV (a bad one refused whole, a good one
// imported), printable QR cards whose codes decode to working sign-in links, and a re-issued card.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import jsQR from 'jsqr';
import type { Delegate, SessionDetail } from '@hddt/protocol';
import { REPO_ROOT, api, delegateCards, delegateSocket, displaySocket, launchChromium, staffLogin, startServer, tokenOf, type TestServer } from './harness';

const SHOTS = path.join(REPO_ROOT, 'e2e/artifacts/chair');

/** A tiny but well-formed one-page PDF (correct xref offsets). */
function tinyPdf(text: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${`BT /F1 18 Tf 72 760 Td (${text}) Tj ET`.length} >>\nstream\nBT /F1 18 Tf 72 760 Td (${text}) Tj ET\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

async function decodeQr(page: Page, selector: string): Promise<string | null> {
  // The pixels travel as one base64 string of grey levels (fast), and jsQR reads them as RGBA.
  const img = await page.evaluate((sel) => {
    const el = document.querySelector<HTMLImageElement>(sel);
    if (!el || !el.complete) return null;
    const canvas = document.createElement('canvas');
    canvas.width = el.naturalWidth;
    canvas.height = el.naturalHeight;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(el, 0, 0);
    const rgba = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let grey = '';
    for (let i = 0; i < rgba.length; i += 4) grey += String.fromCharCode(rgba[i]!);
    return { width: canvas.width, height: canvas.height, grey: btoa(grey) };
  }, selector);
  if (!img) return null;
  const grey = Buffer.from(img.grey, 'base64');
  const rgba = new Uint8ClampedArray(grey.length * 4);
  grey.forEach((g, i) => rgba.set([g, g, g, 255], i * 4));
  return jsQR(rgba, img.width, img.height)?.data ?? null;
}

/** Toasts sit over the bottom-right corner for 8 s; a person closes them or waits, the test closes them. */
async function dismissToasts(page: Page): Promise<void> {
  const close = page.locator('.toast').getByRole('button', { name: 'Ẩn thông báo' });
  while ((await close.count()) > 0) await close.first().click();
}

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer({ demo: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('chair console — Chuẩn bị (secretariat)', () => {
  it('prepares a session, imports the roster, prints QR cards that sign in, re-issues a card', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    // Sign in: a wrong password gets a clear message, the right one opens "Chuẩn bị".
    await page.goto(`${server.url}/chair/`);
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
    await page.getByLabel('Mật khẩu').fill(server.adminPassword);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Kỳ họp', exact: true }).waitFor();

    // Create a session; the client checks the form first (Vietnamese errors next to the fields).
    await page.getByRole('button', { name: 'Tạo kỳ họp' }).first().click();
    const form = page.getByRole('form', { name: 'Tạo kỳ họp' });
    await form.getByRole('button', { name: 'Tạo kỳ họp' }).click();
    await expect
      .poll(() => form.locator('.field-error').allTextContents())
      .toEqual(expect.arrayContaining(['Cần nhập một số hợp lệ.', 'Không được để trống.']));
    await form.getByLabel('Kỳ họp thứ (số)').fill('6');
    await form.getByLabel('Loại').selectOption('thematic');
    await form.getByLabel('Tên gọi thêm').fill('Chuyên đề về đầu tư công');
    await form.getByLabel('Địa điểm').fill('Hội trường Trung tâm Hành chính đặc khu');
    await form.getByLabel('Ngày bắt đầu').fill('2026-12-15');
    await form.getByLabel('Ngày kết thúc').fill('2026-12-16');
    await form.getByRole('button', { name: 'Tạo kỳ họp' }).click();
    await page.getByRole('heading', { name: 'Kỳ họp thứ Sáu — Chuyên đề về đầu tư công' }).waitFor();

    // Two agenda items, then reorder with the buttons.
    const addItem = page.getByRole('form', { name: 'Thêm vào chương trình' });
    for (const [title, presenter] of [
      ['Tờ trình về điều chỉnh kế hoạch đầu tư công', 'Ủy ban nhân dân đặc khu'],
      ['Báo cáo thẩm tra của Ban Kinh tế - Ngân sách', 'Ban Kinh tế - Ngân sách'],
    ]) {
      await addItem.getByLabel('Nội dung').fill(title!);
      await addItem.getByLabel('Người trình bày').fill(presenter!);
      await addItem.getByRole('button', { name: 'Thêm vào chương trình' }).click();
      await page.getByRole('heading', { name: new RegExp(`\\d\\. ${title}`) }).waitFor();
    }
    await page.getByRole('button', { name: 'Chuyển “Báo cáo thẩm tra của Ban Kinh tế - Ngân sách” lên trên' }).click();
    await page.getByRole('heading', { name: '1. Báo cáo thẩm tra của Ban Kinh tế - Ngân sách' }).waitFor();
    // …and back by dragging the second row onto the first.
    await page.locator('.agenda-row').nth(1).dragTo(page.locator('.agenda-row').nth(0));
    const itemCard = page.locator('.card', { has: page.getByRole('heading', { name: '1. Tờ trình về điều chỉnh kế hoạch đầu tư công' }) });
    await itemCard.waitFor();

    // Upload a PDF to item 1; a non-PDF is refused next to the field.
    await itemCard.getByRole('button', { name: '+ Thêm tài liệu' }).click();
    const upload = itemCard.getByRole('form', { name: 'Tải lên' });
    await upload.getByLabel('Tệp PDF').setInputFiles({ name: 'ghi-chu.txt', mimeType: 'text/plain', buffer: Buffer.from('không phải PDF') });
    await upload.getByRole('button', { name: 'Tải lên' }).click();
    await expect.poll(() => upload.locator('.field-error').textContent()).toBe('Chỉ nhận tệp PDF.');
    await upload.getByLabel('Tệp PDF').setInputFiles({ name: 'to-trinh-dau-tu-cong.pdf', mimeType: 'application/pdf', buffer: tinyPdf('To trinh') });
    await upload.getByLabel('Tên tài liệu').fill('Tờ trình số 45/TTr-UBND về điều chỉnh kế hoạch đầu tư công');
    await upload.getByLabel('Loại tài liệu').selectOption('to-trinh');
    await upload.getByRole('button', { name: 'Tải lên' }).click();
    await itemCard.getByRole('link', { name: 'Tờ trình số 45/TTr-UBND về điều chỉnh kế hoạch đầu tư công' }).waitFor();

    // Prepare a vote on item 1.
    await itemCard.getByRole('button', { name: '+ Thêm biểu quyết' }).click();
    const motionForm = itemCard.getByRole('form', { name: 'Thêm biểu quyết' });
    await motionForm.getByLabel('Nội dung biểu quyết').fill('Thông qua Nghị quyết điều chỉnh kế hoạch đầu tư công năm 2026');
    await motionForm.getByLabel('Thời gian (giây)').fill('90');
    await motionForm.getByRole('button', { name: 'Thêm biểu quyết' }).click();
    await itemCard.getByText('Thông qua Nghị quyết điều chỉnh kế hoạch đầu tư công năm 2026').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'prepare-session-1366.png'), fullPage: false });

    // The server holds what the console showed.
    const sessions = await api<{ id: string; number: number }[]>(server, 'GET', '/api/sessions');
    const created = sessions.body.find((s) => s.number === 6)!;
    const detail = (await api<SessionDetail>(server, 'GET', `/api/sessions/${created.id}`)).body;
    expect([...detail.agenda].sort((a, b) => a.order - b.order).map((a) => a.title)).toEqual([
      'Tờ trình về điều chỉnh kế hoạch đầu tư công',
      'Báo cáo thẩm tra của Ban Kinh tế - Ngân sách',
    ]);
    expect(detail.documents).toHaveLength(1);
    expect(detail.documents[0]!.itemId).toBe(detail.agenda.find((a) => a.order === 1)!.id);
    expect(detail.motions.map((m) => [m.question, m.durationSec])).toEqual([['Thông qua Nghị quyết điều chỉnh kế hoạch đầu tư công năm 2026', 90]]);

    // Roster: a CSV with a bad row is refused whole, with its line number; a good one is imported.
    await page.getByRole('button', { name: 'Đại biểu' }).click();
    await expect.poll(() => page.getByTestId('seated-count').textContent()).toBe('Tổng số đại biểu: 31');
    const bad = 'Ghế,Họ và tên,Chức vụ,Tổ đại biểu\n40,Nguyễn Thị Ánh Tuyết,Đại biểu,Tổ 1\n41,,Đại biểu,Tổ 2\n';
    await page.getByLabel('Tệp CSV').setInputFiles({ name: 'sai.csv', mimeType: 'text/csv', buffer: Buffer.from(bad, 'utf8') });
    await expect.poll(() => page.locator('.import-errors').textContent()).toMatch(/Dòng 3/);
    await expect.poll(() => page.getByTestId('seated-count').textContent()).toBe('Tổng số đại biểu: 31');
    expect((await api<Delegate[]>(server, 'GET', '/api/delegates')).body.some((d) => d.seat === 40)).toBe(false);
    const good = 'Ghế,Họ và tên,Chức vụ,Tổ đại biểu\n40,Nguyễn Thị Ánh Tuyết,Đại biểu,Tổ 1\n41,Trương Quốc Việt,Phó Trưởng Ban Pháp chế,Tổ 2\n';
    await page.getByLabel('Tệp CSV').setInputFiles({ name: 'dung.csv', mimeType: 'text/csv', buffer: Buffer.from(good, 'utf8') });
    await expect.poll(() => page.getByText('Đã nhập 2 đại biểu.').count()).toBe(1);
    await expect.poll(() => page.getByTestId('seated-count').textContent()).toBe('Tổng số đại biểu: 33');
    await page.getByRole('cell', { name: 'Trương Quốc Việt', exact: true }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'prepare-roster-1366.png') });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Xuất CSV' }).click()]);
    const exported = readFileSync((await download.path())!, 'utf8');
    expect(exported).toContain('Trương Quốc Việt');
    expect(exported).toContain('Nguyễn Thị Ánh Tuyết');

    // Pair a hall display: its QR decodes to a link that a display can use.
    await page.getByRole('button', { name: 'Màn hình hội trường' }).click();
    await page.getByLabel('Tên màn hình').fill('Màn hình chính hội trường');
    await page.getByRole('button', { name: 'Tạo mã ghép nối' }).click();
    const pairSelector = '.pair-box img';
    await page.waitForFunction((sel) => document.querySelector<HTMLImageElement>(sel)?.complete === true, pairSelector);
    const pairUrl = await decodeQr(page, pairSelector);
    expect(pairUrl).toMatch(/\/display\/#token=/);
    const display = await displaySocket(server, new URL(pairUrl!).hash.replace('#token=', ''));
    expect(display.connected).toBe(true);
    display.disconnect();

    // QR cards: the printable sheet; the first card's QR decodes to a link that signs a tablet in.
    await page.getByRole('button', { name: 'Thẻ đăng nhập QR' }).click();
    await page.getByRole('button', { name: 'In thẻ QR' }).click();
    await page.locator('article.login-card-print img.lc-qr').first().waitFor();
    expect(await page.locator('article.login-card-print').count()).toBe(33);
    await expect.poll(() => page.locator('article.login-card-print').first().textContent()).toContain('Wi-Fi');
    const cardSelector = 'article.login-card-print:first-of-type img.lc-qr';
    await page.waitForFunction((sel) => document.querySelector<HTMLImageElement>(sel)?.complete === true, cardSelector);
    const link = await decodeQr(page, cardSelector);
    expect(link).toMatch(new RegExp(`^${server.url.replace(/\./g, '\\.')}/delegate/#token=`));
    const token = new URL(link!).hash.replace('#token=', '');
    const tablet = await delegateSocket(server, token);
    expect(tablet.connected).toBe(true);
    tablet.disconnect();
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: path.join(SHOTS, 'cards-print.png') });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.length).toBeGreaterThan(10_000);
    await page.emulateMedia({ media: 'screen' });

    // Re-issue the first delegate's card: the old token stops working at once.
    await page.getByRole('button', { name: '← Quay lại' }).click();
    await page.getByRole('button', { name: 'Thẻ đăng nhập QR' }).click();
    const firstName = (await page.locator('tbody tr').first().locator('td').nth(1).textContent())!;
    await page.getByRole('button', { name: `Cấp lại thẻ của ${firstName}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Cấp lại thẻ' }).click();
    await expect.poll(() => page.getByText(`Đã cấp thẻ mới cho ${firstName}`).count()).toBe(1);
    await expect(delegateSocket(server, token)).rejects.toMatchObject({ data: { code: 'TOKEN_INVALID' } });
    await dismissToasts(page);
    // The server keeps only a hash of each card: the card just re-issued can be printed from this tab, and
    // printing the whole sheet again means issuing new cards, which the console asks about first.
    await page.getByRole('button', { name: 'In lại 1 thẻ vừa cấp' }).click();
    await page.locator('article.login-card-print img.lc-qr').first().waitFor();
    expect(await page.locator('article.login-card-print').count()).toBe(1);
    await page.getByRole('button', { name: '← Quay lại' }).click();
    await page.getByRole('button', { name: 'Thẻ đăng nhập QR' }).click();
    await page.getByRole('button', { name: 'In thẻ QR' }).click();
    const printAgain = page.getByRole('dialog');
    await expect.poll(() => printAgain.textContent()).toContain('không in lại được thẻ đã cấp');
    await printAgain.getByRole('button', { name: 'Quay lại' }).click();

    // Vacate a seat: N changes for everyone (a connected tablet is told).
    const watcherCard = (await delegateCards(server)).find((c) => c.seat === 5)!;
    const watcher = await delegateSocket(server, tokenOf(watcherCard));
    const seen = new Promise<number>((resolve) => {
      watcher.on('state:snapshot', (s) => {
        if (s.seatedCount === 32) resolve(s.seatedCount);
      });
      watcher.on('state:patch', (env) => {
        if (env.patch.type === 'attendance' && env.patch.attendance.seated === 32) resolve(32);
      });
    });
    await page.getByRole('button', { name: 'Đại biểu' }).click();
    await page.getByRole('button', { name: 'Đánh dấu khuyết ghế của Trương Quốc Việt' }).click();
    const vacate = page.getByRole('dialog');
    await vacate.getByRole('button', { name: 'Đánh dấu khuyết' }).click();
    await expect.poll(() => vacate.locator('.field-error').textContent()).toBe('Không được để trống.');
    await vacate.getByLabel('Lý do').fill('Chuyển công tác ra ngoài đặc khu');
    await vacate.getByRole('button', { name: 'Đánh dấu khuyết' }).click();
    await expect.poll(() => page.getByTestId('seated-count').textContent()).toBe('Tổng số đại biểu: 32');
    expect(await seen).toBe(32);
    watcher.disconnect();
    await dismissToasts(page);

    // Staff accounts: the form checks the rules, then a chair account is created and its password reset.
    await page.getByRole('button', { name: 'Tài khoản' }).click();
    const staffForm = page.getByRole('form', { name: 'Thêm tài khoản' });
    await staffForm.getByLabel('Tên đăng nhập').fill('Thu Ky');
    await staffForm.getByLabel('Mật khẩu').fill('ngan');
    await staffForm.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await expect.poll(() => staffForm.locator('.field-error').allTextContents()).toEqual(['Sai định dạng.', 'Không được để trống.', 'Cần ít nhất 10 ký tự.']);
    await staffForm.getByLabel('Tên đăng nhập').fill('thuky');
    await staffForm.getByLabel('Họ và tên').fill('Trần Thu Hạnh');
    await staffForm.getByLabel('Vai trò').selectOption('chair');
    await staffForm.getByLabel('Mật khẩu').fill('mat-khau-thu-ky-2026');
    await staffForm.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await page.getByRole('button', { name: 'Đặt lại mật khẩu của Trần Thu Hạnh' }).click();
    const reset = page.getByRole('form', { name: 'Đặt lại mật khẩu của Trần Thu Hạnh' });
    await reset.getByLabel('Mật khẩu mới').fill('mat-khau-moi-2026-12');
    await reset.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
    await expect.poll(() => page.getByText('Đã đặt lại mật khẩu của Trần Thu Hạnh.').count()).toBe(1);
    const chairLogin = await staffLogin(server, 'thuky', 'mat-khau-moi-2026-12');
    expect(chairLogin.role).toBe('chair');

    // 1920×1080 look at the roster.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.getByRole('button', { name: 'Đại biểu' }).click();
    await page.getByRole('cell', { name: 'Trương Quốc Việt', exact: true }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'prepare-roster-1920.png') });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('edits what was prepared: session, agenda item, vote, document flag, delegate, council settings', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/chair/`);
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.getByLabel('Mật khẩu').fill(server.adminPassword);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.locator('.list-row', { hasText: 'Kỳ họp thứ Sáu' }).getByRole('button', { name: 'Chuẩn bị' }).click();

    // Session details.
    await page.locator('.card', { hasText: 'Thông tin kỳ họp' }).getByRole('button', { name: 'Sửa' }).click();
    const edit = page.getByRole('form', { name: 'Sửa thông tin kỳ họp' });
    await edit.getByLabel('Thư ký kỳ họp').fill('Trần Thu Hạnh');
    await edit.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => page.locator('.facts').textContent()).toContain('Trần Thu Hạnh');

    // Agenda item title.
    await page.locator('.agenda-row').first().getByRole('button', { name: 'Sửa' }).click();
    const itemForm = page.locator('.agenda-row').first().getByRole('form', { name: 'Lưu' });
    await itemForm.getByLabel('Nội dung').fill('Tờ trình về điều chỉnh kế hoạch đầu tư công năm 2026');
    await itemForm.getByRole('button', { name: 'Lưu' }).click();
    const itemCard = page.locator('.card', { has: page.getByRole('heading', { name: '1. Tờ trình về điều chỉnh kế hoạch đầu tư công năm 2026' }) });
    await itemCard.waitFor();

    // The prepared vote (PUT /api/motions/:id) and the document's confidential flag.
    await itemCard.locator('.list-row', { hasText: 'Thông qua Nghị quyết điều chỉnh' }).getByRole('button', { name: 'Sửa' }).click();
    const motionForm = itemCard.getByRole('form', { name: 'Lưu' });
    await motionForm.getByLabel('Thời gian (giây)').fill('120');
    await motionForm.getByLabel('Hình thức').selectOption('anonymous');
    await motionForm.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => itemCard.locator('.list-row', { hasText: 'Thông qua Nghị quyết điều chỉnh' }).textContent()).toContain('120s');
    expect(await itemCard.locator('.list-row', { hasText: 'Thông qua Nghị quyết điều chỉnh' }).textContent()).toContain('Biểu quyết không ghi danh');
    const flag = itemCard.getByRole('button', { name: /^Tài liệu mật: Tờ trình số 45/ });
    expect(await flag.getAttribute('aria-pressed')).toBe('false');
    await flag.click();
    await expect.poll(() => flag.getAttribute('aria-pressed')).toBe('true');

    // A delegate's position.
    await page.getByRole('button', { name: 'Đại biểu' }).click();
    await page.getByRole('button', { name: 'Sửa thông tin Nguyễn Thị Ánh Tuyết' }).click();
    const delegateForm = page.getByRole('form', { name: 'Lưu' });
    await delegateForm.getByLabel('Chức vụ').fill('Ủy viên Ban Văn hóa - Xã hội');
    await delegateForm.getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('cell', { name: 'Ủy viên Ban Văn hóa - Xã hội' }).waitFor();

    // Council settings: the number format must keep {n}; then a valid change is saved.
    await page.getByRole('button', { name: 'Cấu hình Hội đồng' }).click();
    await page.getByLabel('Mẫu số hiệu Nghị quyết', { exact: true }).fill('NQ-HĐND');
    await page.getByLabel('Tên Wi-Fi hội trường (in trên thẻ)').fill('HDND-ConDao-KyHop');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => page.locator('.field-error').textContent()).toBe('Phải có {n} (chỗ điền số thứ tự).');
    await page.getByLabel('Mẫu số hiệu Nghị quyết', { exact: true }).fill('{n}/NQ-HĐND');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(async () => (await api<{ hallWifi: string }>(server, 'GET', '/api/council')).body.hallWifi).toBe('HDND-ConDao-KyHop');

    // English is one click away, and every label follows.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Council settings' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'prepare-council-en-1366.png') });

    const list = (await api<{ id: string; number: number }[]>(server, 'GET', '/api/sessions')).body;
    const six = list.find((x) => x.number === 6)!;
    const full = (await api<SessionDetail>(server, 'GET', `/api/sessions/${six.id}`)).body;
    expect(full.session.secretaryName).toBe('Trần Thu Hạnh');
    expect(full.motions[0]).toMatchObject({ durationSec: 120, mode: 'anonymous' });
    expect(full.documents[0]!.confidential).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('rate-limits repeated wrong passwords with a clear message', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/chair/`);
    await page.getByLabel('Tên đăng nhập').fill('khach');
    let message = '';
    for (let i = 0; i < 7 && !message.includes('Quá nhiều yêu cầu'); i++) {
      await page.getByLabel('Mật khẩu').fill(`sai-${i}`);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await expect.poll(() => page.locator('.form-error').count()).toBe(1);
      await page.waitForTimeout(100);
      message = (await page.locator('.form-error').textContent()) ?? '';
    }
    expect(message).toBe('Quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.');
    await context.close();
  });
});
