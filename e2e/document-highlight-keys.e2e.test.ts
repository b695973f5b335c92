// Issue 14, §4: a delegate's private highlights on a document can be made from the keyboard alone (real Chromium,
// real server, tablet 1280×800). "Đánh dấu" pressed with Enter puts the focus on a region of the page in view,
// named "Vùng đánh dấu trên trang 1" and described by its keys; the arrow keys move it, Shift + arrows size it,
// Enter saves it as a highlight (stored on the server for this delegate) and gives the focus back to "Đánh dấu";
// Esc leaves the marking mode the same way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Ack, DelegateCard, DocumentNote, SessionDocument } from '@hddt/protocol';
import { simplePdf } from '../server/src/seed/pdf';
import {
  api,
  chairSocket,
  delegateCards,
  delegateSocket,
  demoSession,
  launchChromium,
  startServer,
  tokenOf,
  type ChairSocket,
  type TestServer,
} from './harness';

const TITLE = 'Phụ lục phân bổ vốn các dự án trọng điểm';

let server: TestServer;
let browser: Browser;
let chair: ChairSocket;
let card: DelegateCard;
let doc: SessionDocument;

function must<T>(ack: Ack<T>, what: string): T {
  if (!ack.ok) throw new Error(`${what}: ${ack.code} ${ack.message}`);
  return ack.data;
}

beforeAll(async () => {
  const paragraphs = Array.from({ length: 40 }, (_, i) => `Điều ${i + 1}. Phân bổ vốn đầu tư công cho các dự án trọng điểm của đặc khu trong năm 2027.`);
  const pdf = await simplePdf(TITLE, paragraphs);
  server = await startServer();
  browser = await launchChromium();
  chair = await chairSocket(server);
  const { session } = await demoSession(chair);
  const query = new URLSearchParams({ title: TITLE, docType: 'to-trinh', fileName: 'to-trinh.pdf' });
  const res = await api<SessionDocument>(server, 'POST', `/api/sessions/${session.id}/documents?${query.toString()}`, new Uint8Array(pdf));
  expect(res.status).toBe(201);
  doc = res.body;
  card = (await delegateCards(server))[2]!;
}, 60_000);

afterAll(async () => {
  chair?.close();
  await browser?.close();
  await server?.dispose();
});

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { role: el?.getAttribute('role') ?? el?.tagName.toLowerCase() ?? null, label: el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? null };
  });

/** The drawn keyboard region as page fractions. */
const regionOnPage = (page: Page) =>
  page.getByTestId('pdf-key-region').evaluate((el) => {
    const box = el.closest('.pdf-page')!.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    return { x: (r.left - box.left) / box.width, y: (r.top - box.top) / box.height, w: r.width / box.width, h: r.height / box.height };
  });

describe('document reader › highlight from the keyboard', () => {
  it('moves and sizes a region with the arrow keys, saves it with Enter, leaves with Esc (1280×800)', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(card.signInUrl);
    await page.getByTestId('delegate-name').waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Tài liệu', exact: true }).click();
    await page.locator('.doc-item', { hasText: TITLE }).click();
    await expect.poll(() => page.getByTestId('pdf-page').textContent(), { timeout: 20_000 }).toMatch(/^Trang 1\//);

    const mark = page.getByRole('button', { name: 'Đánh dấu', exact: true });
    await mark.focus();
    await page.keyboard.press('Enter');
    expect(await mark.getAttribute('aria-pressed')).toBe('true');
    const region = page.getByRole('application', { name: 'Vùng đánh dấu trên trang 1' });
    await expect.poll(() => focused(page)).toEqual({ role: 'application', label: 'Vùng đánh dấu trên trang 1' });
    const description = await region.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent);
    expect(description).toBe('Phím mũi tên: di chuyển vùng. Shift + mũi tên: đổi cỡ vùng. Enter: lưu đánh dấu. Esc: thôi.');
    // Only the page in view takes the focus; the others are drawn on with a finger only.
    expect(await page.getByRole('application').count()).toBe(1);

    const start = await regionOnPage(page);
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
    for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowRight');
    for (let i = 0; i < 20; i++) await page.keyboard.press('Shift+ArrowLeft');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowDown');
    const moved = await regionOnPage(page);
    expect(moved.y - start.y).toBeCloseTo(0.05, 2);
    expect(moved.x - start.x).toBeCloseTo(0.02, 2);
    expect(start.w - moved.w).toBeCloseTo(0.2, 2);
    expect(moved.h - start.h).toBeCloseTo(0.03, 2);
    // The page did not scroll under the arrows.
    expect(await page.getByTestId('pdf-page').textContent()).toMatch(/^Trang 1\//);

    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Đã lưu đánh dấu ở trang 1.' }).count()).toBe(1);
    expect(await mark.getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => focused(page)).toEqual({ role: 'button', label: 'Đánh dấu' });
    await expect.poll(() => page.locator('.pdf-page[data-page="1"] .pdf-mark[data-note]').count()).toBe(1);

    // Esc leaves the marking mode without saving, and the focus is back on "Đánh dấu".
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toEqual({ role: 'application', label: 'Vùng đánh dấu trên trang 1' });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    expect(await mark.getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => focused(page)).toEqual({ role: 'button', label: 'Đánh dấu' });
    expect(await page.getByRole('application').count()).toBe(0);
    expect(await page.locator('.pdf-mark[data-note]').count()).toBe(1);

    // Stored on the server for this delegate, where the region was.
    // (Another device of the same card takes the session over: the tablet is done by now.)
    const socket = await delegateSocket(server, tokenOf(card), { takeover: true });
    const notes = must<DocumentNote[]>(await socket.timeout(5000).emitWithAck('note:list', { documentId: doc.id }), 'note:list');
    socket.disconnect();
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ page: 1, kind: 'highlight' });
    const saved = notes[0]!.rects[0]!;
    expect(saved.x).toBeCloseTo(moved.x, 2);
    expect(saved.y).toBeCloseTo(moved.y, 2);
    expect(saved.w).toBeCloseTo(moved.w, 2);
    expect(saved.h).toBeCloseTo(moved.h, 2);
    await context.close();
  });
});
