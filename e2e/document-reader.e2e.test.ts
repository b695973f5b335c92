// The document reader on a phone (390×844) and on tablets (1280×800, 1024×768) in real Chromium: page buttons and
// the page number box, zoom and fit-width, nothing wider than the screen, thumbnails drawn lazily, and a
// delegate's private notes and highlights: added on a phone, found on a second tablet signed in with the same
// card, edited and deleted there, and never seen by another delegate. Screenshots to /tmp/hddt-reader-shots.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { DelegateCard, SessionDocument } from '@hddt/protocol';
import { simplePdf } from '../server/src/seed/pdf';
import { api, chairSocket, delegateCards, demoSession, launchChromium, startServer, type ChairSocket, type TestServer } from './harness';

const SHOTS = '/tmp/hddt-reader-shots';
const PHONE = { width: 390, height: 844 };
const TABLET = { width: 1280, height: 800 };
const SMALL_TABLET = { width: 1024, height: 768 };
const TITLE = 'Báo cáo kinh tế - xã hội năm 2026 (bản dài)';
const NOTE = 'Hỏi lại số liệu thu ngân sách ở trang này';

let server: TestServer;
let browser: Browser;
let chair: ChairSocket;
let cardA: DelegateCard;
let cardB: DelegateCard;
let longDoc: SessionDocument;
let totalPages = 0;

async function shoot(page: Page, name: string): Promise<void> {
  const size = page.viewportSize()!;
  await page.waitForTimeout(200);
  await page.screenshot({ path: path.join(SHOTS, `reader-${name}-${size.width}x${size.height}.png`) });
}

async function tablet(card: DelegateCard, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'vi-VN', hasTouch: viewport.width < 500 });
  const page = await context.newPage();
  await page.goto(card.signInUrl);
  return page;
}

async function openLongDocument(page: Page): Promise<void> {
  await page.getByTestId('delegate-name').waitFor({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Tài liệu', exact: true }).click();
  await page.locator('.doc-item', { hasText: TITLE }).click();
  await page.getByTestId('pdf-viewer').waitFor();
  await expect.poll(() => page.getByTestId('pdf-page').textContent(), { timeout: 20_000 }).toBe(`Trang 1/${totalPages}`);
}

const pageNo = (page: Page) => page.getByTestId('pdf-page').textContent();

/** Visible controls of the reader smaller than a finger (48 px), and anything wider than the screen. */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const vw = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > vw) out.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${vw}`);
    for (const el of document.querySelectorAll<HTMLElement>('.pdf-toolbar, .pdf-side, .pdf-notes')) {
      if (el.scrollWidth > el.clientWidth + 1) out.push(`${el.className} overflows: ${el.scrollWidth} > ${el.clientWidth}`);
      const r = el.getBoundingClientRect();
      if (r.right > vw + 1 || r.left < -1) out.push(`${el.className} outside the screen: ${Math.round(r.left)}–${Math.round(r.right)}`);
    }
    for (const el of document.querySelectorAll<HTMLElement>('.pdf-viewer button, .pdf-viewer input, .pdf-viewer textarea')) {
      if (el.offsetParent === null) continue;
      const r = el.getBoundingClientRect();
      if (r.height < 47.5 || r.width < 47.5)
        out.push(`${el.textContent?.trim() || el.getAttribute('aria-label') || el.tagName} ${Math.round(r.width)}×${Math.round(r.height)}`);
    }
    return out;
  });
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  // A long report: 60-odd pages, so thumbnails must be drawn lazily. Typeset before the server starts (a
  // loaded machine can take seconds, and an idle pooled connection to the server would be reset meanwhile).
  const paragraphs = Array.from(
    { length: 860 },
    (_, i) =>
      `Mục ${i + 1}. Hội đồng nhân dân xem xét tình hình thực hiện kế hoạch phát triển kinh tế - xã hội, thu chi ngân sách, đầu tư công và các chương trình mục tiêu; các chỉ tiêu chủ yếu đều đạt và vượt so với nghị quyết đã đề ra.`,
  );
  const pdf = await simplePdf(TITLE, paragraphs);
  server = await startServer();
  browser = await launchChromium();
  chair = await chairSocket(server);
  const { session } = await demoSession(chair);
  const query = new URLSearchParams({ title: TITLE, docType: 'bao-cao', fileName: 'bao-cao-dai.pdf' });
  const res = await api<SessionDocument>(server, 'POST', `/api/sessions/${session.id}/documents?${query.toString()}`, new Uint8Array(pdf));
  expect(res.status).toBe(201);
  longDoc = res.body;
  totalPages = longDoc.pages ?? 0;
  expect(totalPages).toBeGreaterThanOrEqual(40);
  const cards = await delegateCards(server);
  cardA = cards.find((c) => c.seat === 3) ?? cards[0]!;
  cardB = cards.find((c) => c.seat === 4) ?? cards[1]!;
}, 60_000);

afterAll(async () => {
  chair?.close();
  await browser?.close();
  await server?.dispose();
});

describe('the document reader', () => {
  let phone: Page;

  it('on a phone: page buttons, the page number box, zoom, and nothing wider than the screen', async () => {
    phone = await tablet(cardA, PHONE);
    await openLongDocument(phone);
    expect(await layoutProblems(phone)).toEqual([]);
    await shoot(phone, 'phone-open');

    const next = phone.getByRole('button', { name: 'Trang sau' });
    const prev = phone.getByRole('button', { name: 'Trang trước' });
    for (const b of [next, prev]) {
      const box = (await b.boundingBox())!;
      expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
    }
    expect(await prev.isDisabled()).toBe(true);
    await next.click();
    await expect.poll(() => pageNo(phone)).toBe(`Trang 2/${totalPages}`);
    // The keyboard works the same.
    await next.focus();
    await phone.keyboard.press('Enter');
    await expect.poll(() => pageNo(phone)).toBe(`Trang 3/${totalPages}`);
    await prev.click();
    await expect.poll(() => pageNo(phone)).toBe(`Trang 2/${totalPages}`);

    const box = phone.getByRole('textbox', { name: `Số trang (1–${totalPages})` });
    await box.fill('40');
    await box.press('Enter');
    await expect.poll(() => pageNo(phone)).toBe(`Trang 40/${totalPages}`);
    await box.fill('999');
    await box.press('Enter');
    await expect
      .poll(() => phone.getByRole('alert').filter({ hasText: 'không phải số trang' }).textContent())
      .toBe(`"999" không phải số trang: tài liệu có các trang 1–${totalPages}.`);
    expect(await pageNo(phone)).toBe(`Trang 40/${totalPages}`);
    await box.fill('1');
    await box.press('Enter');
    await expect.poll(() => pageNo(phone)).toBe(`Trang 1/${totalPages}`);

    // Zoom in: wider than the screen on purpose, scrolled inside the reader only; "Vừa khổ" fits it again.
    const width = () => phone.locator('.pdf-page[data-page="1"]').evaluate((el) => el.getBoundingClientRect().width);
    const fitted = await width();
    expect(fitted).toBeLessThanOrEqual(PHONE.width);
    expect(fitted).toBeGreaterThan(PHONE.width - 60);
    await phone.getByRole('button', { name: 'Phóng to' }).click();
    await expect.poll(width).toBeGreaterThan(fitted * 1.2);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await phone.getByRole('button', { name: 'Vừa khổ' }).click();
    await expect.poll(width).toBe(fitted);
  });

  it('on a phone: thumbnails are drawn lazily, mark the current page, and take the reader there', async () => {
    await phone.getByRole('button', { name: 'Trang thu nhỏ' }).click();
    const strip = phone.getByRole('navigation', { name: 'Trang thu nhỏ' });
    await strip.waitFor();
    expect(await strip.getByRole('button').count()).toBe(totalPages);
    await expect.poll(() => strip.locator('[data-drawn="true"]').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const drawn = await strip.locator('[data-drawn="true"]').count();
    expect(drawn).toBeLessThan(totalPages / 2);
    expect(await strip.getByRole('button', { name: 'Trang 1', exact: true }).getAttribute('aria-current')).toBe('page');
    expect(await layoutProblems(phone)).toEqual([]);
    await shoot(phone, 'phone-thumbnails');
    await strip.getByRole('button', { name: 'Trang 3', exact: true }).click();
    await expect.poll(() => pageNo(phone)).toBe(`Trang 3/${totalPages}`);
    expect(await layoutProblems(phone)).toEqual([]);
    // On a phone, going to a page folds the strip away; open it again at the end of the document.
    await phone.getByRole('button', { name: 'Trang thu nhỏ' }).click();
    await strip.getByRole('button', { name: `Trang ${totalPages}`, exact: true }).scrollIntoViewIfNeeded();
    await expect.poll(() => strip.locator(`[data-thumb="${totalPages}"]`).getAttribute('data-drawn'), { timeout: 15_000 }).toBe('true');
    expect(await strip.locator('[data-drawn="true"]').count()).toBeLessThan(totalPages);
    await strip.getByRole('button', { name: 'Trang 3', exact: true }).click();
    await expect.poll(() => pageNo(phone)).toBe(`Trang 3/${totalPages}`);
  });

  it('on a phone: adds a private note and a highlight to a page, with clear refusals', async () => {
    await phone.getByRole('button', { name: 'Thêm ghi chú' }).click();
    const notes = phone.getByRole('complementary', { name: 'Ghi chú riêng' });
    const text = notes.getByRole('textbox', { name: 'Ghi chú cho trang 3' });
    await expect.poll(() => text.evaluate((el) => el === document.activeElement)).toBe(true);
    await notes.getByRole('button', { name: 'Lưu ghi chú' }).click();
    await expect.poll(() => notes.getByRole('alert').first().textContent()).toBe('Ghi chú đang trống: hãy nhập nội dung.');
    await text.fill('x'.repeat(2001));
    await notes.getByRole('button', { name: 'Lưu ghi chú' }).click();
    await expect.poll(() => notes.getByRole('alert').first().textContent()).toBe('Ghi chú tối đa 2.000 ký tự (đang có 2.001).');
    await text.fill(NOTE);
    await notes.getByRole('button', { name: 'Lưu ghi chú' }).click();
    const item = notes.getByRole('listitem').filter({ hasText: NOTE });
    await item.waitFor();
    expect(await item.locator('time').textContent()).toMatch(/^\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}$/);
    expect(await layoutProblems(phone)).toEqual([]);
    await shoot(phone, 'phone-notes');
    await notes.getByRole('button', { name: 'Đóng' }).click();

    // A highlight drawn over part of page 3.
    await phone.getByRole('button', { name: 'Đánh dấu' }).click();
    expect(await phone.getByRole('status').filter({ hasText: 'Kéo ngón tay' }).count()).toBe(1);
    const layer = phone.getByTestId('pdf-draw-3');
    await layer.scrollIntoViewIfNeeded();
    const r = (await layer.boundingBox())!;
    await phone.mouse.move(r.x + r.width * 0.15, r.y + r.height * 0.2);
    await phone.mouse.down();
    await phone.mouse.move(r.x + r.width * 0.6, r.y + r.height * 0.25, { steps: 5 });
    await phone.mouse.move(r.x + r.width * 0.85, r.y + r.height * 0.3, { steps: 5 });
    await phone.mouse.up();
    await expect.poll(() => phone.locator('.pdf-page[data-page="3"] .pdf-mark').count()).toBe(1);
    await expect.poll(() => phone.getByRole('status').filter({ hasText: 'Đã lưu đánh dấu ở trang 3.' }).count()).toBe(1);
    expect(await phone.getByRole('button', { name: 'Ghi chú trang 3 (2)' }).count()).toBe(1);
    await shoot(phone, 'phone-highlight');
  });

  it('on a second tablet signed in with the same card: the same notes and highlights, editable and deletable', async () => {
    const second = await tablet(cardA, TABLET);
    // The card is in use on the phone: the delegate takes it over on this tablet.
    await second.getByRole('button', { name: 'Dùng thẻ trên máy này' }).click();
    await openLongDocument(second);
    expect(await layoutProblems(second)).toEqual([]);
    await second.getByRole('button', { name: 'Trang thu nhỏ' }).click();
    const thumbs = second.getByRole('navigation', { name: 'Trang thu nhỏ' });
    await thumbs.getByRole('button', { name: 'Trang 3', exact: true }).click();
    await expect.poll(() => pageNo(second)).toBe(`Trang 3/${totalPages}`);
    await expect.poll(() => second.locator('.pdf-page[data-page="3"] .pdf-mark').count(), { timeout: 10_000 }).toBe(1);
    await second.getByRole('button', { name: 'Ghi chú riêng (2)' }).click();
    const notes = second.getByRole('complementary', { name: 'Ghi chú riêng' });
    await notes.getByRole('listitem').filter({ hasText: NOTE }).waitFor();
    // The note (not the highlight): found by its kind, which stays while its text is being edited.
    const note = notes.getByRole('listitem').filter({ has: second.locator('.tag', { hasText: 'Ghi chú' }) });
    expect(await notes.getByRole('listitem').count()).toBe(2);
    expect(await layoutProblems(second)).toEqual([]);
    await shoot(second, 'tablet-notes');

    await note.getByRole('button', { name: 'Sửa' }).click();
    await note.getByRole('textbox', { name: 'Sửa ghi chú trang 3' }).fill('Đã hỏi: số liệu đúng');
    await note.getByRole('button', { name: 'Lưu', exact: true }).click();
    await notes.getByRole('listitem').filter({ hasText: 'Đã hỏi: số liệu đúng' }).waitFor();
    const mark = notes.getByRole('listitem').filter({ hasText: 'Đánh dấu' });
    await mark.getByRole('button', { name: 'Xóa' }).click();
    await mark.getByRole('button', { name: 'Xác nhận xóa' }).click();
    await expect.poll(() => notes.getByRole('listitem').count()).toBe(1);
    await expect.poll(() => second.locator('.pdf-page[data-page="3"] .pdf-mark').count()).toBe(0);

    // The smaller tablet: everything still fits.
    await second.setViewportSize(SMALL_TABLET);
    await second.waitForTimeout(200);
    expect(await layoutProblems(second)).toEqual([]);
    await shoot(second, 'small-tablet-notes');
    await second.setViewportSize(TABLET);

    // After a reload the server still has the edit and the deletion.
    await second.reload();
    await openLongDocument(second);
    await second.getByRole('button', { name: 'Ghi chú riêng (1)' }).click();
    await second.getByRole('complementary', { name: 'Ghi chú riêng' }).getByRole('listitem').filter({ hasText: 'Đã hỏi: số liệu đúng' }).waitFor();
    await second.context().close();
    await phone.context().close();
  });

  it('another delegate sees none of them', async () => {
    const other = await tablet(cardB, TABLET);
    await openLongDocument(other);
    await other.getByRole('button', { name: 'Ghi chú riêng', exact: true }).click();
    const notes = other.getByRole('complementary', { name: 'Ghi chú riêng' });
    await notes.getByText('Chưa có ghi chú hay đánh dấu nào trên tài liệu này.').waitFor();
    expect(await other.locator('.pdf-mark').count()).toBe(0);
    expect(await other.getByText('Đã hỏi: số liệu đúng').count()).toBe(0);
    await shoot(other, 'tablet-other-delegate');
    await other.context().close();
  });
});
