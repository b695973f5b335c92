// The delegate tablet through a whole session against the real server in real Chromium: QR sign-in, check-in,
// the agenda following the chair, reading a PDF, voting with acknowledgement, reload, losing the server and
// coming back, the speaker queue and the announced result. Screenshots at tablet and phone sizes.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DelegateCard, Motion, Session, AgendaItem } from '@hddt/protocol';
import { REST_ROUTES } from '@hddt/protocol/schemas';
import {
  REPO_ROOT,
  api,
  chairSocket,
  delegateCards,
  demoSession,
  launchChromium,
  markPresent,
  startServer,
  type ChairSocket,
  type TestServer,
} from './harness';

const SHOTS = path.join(REPO_ROOT, 'e2e/artifacts');
const SIZES = [
  { name: 'tablet-portrait', width: 768, height: 1024 },
  { name: 'tablet-landscape', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

let server: TestServer;
let browser: Browser;
let chair: ChairSocket;
let context: BrowserContext;
let page: Page;
let card: DelegateCard;
let session: Session;
let motions: Motion[];
let agenda: AgendaItem[];
let delegateId = '';
const me = () => delegateId;

async function shoot(name: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.waitForTimeout(150);
    await page.screenshot({ path: path.join(SHOTS, `delegate-${name}-${size.name}.png`) });
  }
  await page.setViewportSize({ width: 768, height: 1024 });
}

async function chairEmit<T>(p: Promise<{ ok: true; data: T } | { ok: false; code: string }>): Promise<T> {
  const ack = await p;
  if (!ack.ok) throw new Error(`chair command refused: ${ack.code}`);
  return ack.data;
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer();
  browser = await launchChromium();
  chair = await chairSocket(server);
  // This council allows changing a vote while it is open (delegate-ballots covers one-press councils).
  expect((await api(server, 'PATCH', REST_ROUTES.council.path, { allowVoteChange: true })).status).toBe(200);
  ({ session, motions, agenda } = await demoSession(chair));
  const cards = await delegateCards(server);
  card = cards.find((c) => c.seat === 7) ?? cards[0]!;
  delegateId = card.delegateId;
  context = await browser.newContext({ viewport: { width: 768, height: 1024 }, locale: 'vi-VN' });
  page = await context.newPage();
});

afterAll(async () => {
  chair?.close();
  await browser?.close();
  await server?.dispose();
});

describe('delegate tablet in a session', () => {
  it('signs in by the QR link, cleans the address bar and shows the delegate', async () => {
    await page.goto(card.signInUrl);
    await expect
      .poll(
        () =>
          page
            .getByTestId('delegate-name')
            .textContent()
            .catch(() => null),
        { timeout: 10_000 },
      )
      .toBe(card.fullName);
    expect(new URL(page.url()).hash).toBe('');
    expect(await page.getByText(`Ghế số ${card.seat}`).count()).toBeGreaterThan(0);
    expect(await page.getByText('Đã kết nối').count()).toBe(1);
  });

  it('checks in when the chair opens the roll call', async () => {
    await chairEmit(chair.timeout(5000).emitWithAck('session:open', { sessionId: session.id }));
    await chairEmit(chair.timeout(5000).emitWithAck('rollcall:open', {}));
    const button = page.getByRole('button', { name: 'Điểm danh', exact: true });
    await button.waitFor({ timeout: 10_000 });
    await shoot('checkin-open');
    await button.click();
    await page.getByTestId('checked-in').waitFor({ timeout: 10_000 });
    expect(await page.getByText('Có mặt 1/31 đại biểu').count()).toBe(1);
    // Others are marked present by the secretary so the hall has a quorum for votes.
    const { snapshot } = await demoSession(chair);
    await markPresent(
      chair,
      snapshot.delegates
        .filter((d) => d.id !== me())
        .slice(0, 20)
        .map((d) => d.id),
    );
    await expect.poll(() => page.getByText('Có mặt 21/31 đại biểu').count(), { timeout: 10_000 }).toBe(1);
  });

  it('highlights the current agenda item and follows the chair', async () => {
    await chairEmit(chair.timeout(5000).emitWithAck('agenda:current', { itemId: agenda[1]!.id }));
    await expect.poll(() => page.getByTestId('agenda-current').textContent(), { timeout: 10_000 }).toContain(agenda[1]!.title);
    await shoot('home');
    await chairEmit(chair.timeout(5000).emitWithAck('agenda:current', { itemId: agenda[2]!.id }));
    await expect.poll(() => page.getByTestId('agenda-current').textContent(), { timeout: 10_000 }).toContain(agenda[2]!.title);
  });

  it('reads a PDF document inside the app: a rendered page, page count, zoom and search', async () => {
    await page.getByRole('button', { name: 'Tài liệu', exact: true }).click();
    const first = page.locator('.doc-item').first();
    await first.waitFor();
    // Confidential documents are marked in the list.
    const { snapshot } = await demoSession(chair);
    const confidential = snapshot.documents.filter((d) => d.confidential).length;
    expect(await page.locator('.doc-item .tag-danger', { hasText: 'MẬT' }).count()).toBe(confidential);
    await shoot('documents');
    await first.click();
    await page.getByTestId('pdf-viewer').waitFor();
    await expect.poll(() => page.getByTestId('pdf-page').textContent(), { timeout: 15_000 }).toMatch(/^Trang 1\/\d+$/);
    // The first page is really drawn: count non-white pixels of its canvas.
    await expect
      .poll(
        () =>
          page.evaluate(() => {
            const c = document.querySelector<HTMLCanvasElement>('.pdf-page[data-page="1"] canvas');
            if (!c || c.width === 0) return 0;
            const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
            let ink = 0;
            if (data) for (let i = 0; i < data.length; i += 4) if (data[i]! < 200) ink++;
            return ink;
          }),
        { timeout: 15_000 },
      )
      .toBeGreaterThan(500);
    const widthBefore = await page.locator('.pdf-page[data-page="1"]').evaluate((el) => el.getBoundingClientRect().width);
    await page.getByRole('button', { name: 'Phóng to' }).click();
    await expect.poll(() => page.locator('.pdf-page[data-page="1"]').evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThan(widthBefore * 1.2);
    await page.getByRole('button', { name: 'Vừa khổ' }).click();
    await shoot('pdf');
    // Search: diacritic-insensitive, as people type on a tablet keyboard.
    const search = page.getByRole('searchbox', { name: 'Tìm trong tài liệu' });
    await search.fill('hoi dong');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await expect.poll(() => page.locator('.pdf-search-result').textContent(), { timeout: 10_000 }).toMatch(/Tìm thấy "hoi dong" ở \d+ trang/);
    // The hits are marked on the page's text layer.
    await expect.poll(() => page.locator('.pdf-page[data-page="1"] .pdf-text .is-hit').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await shoot('pdf-search');
    await page.getByRole('button', { name: 'Quay lại danh sách' }).click();
    await page.getByRole('button', { name: 'Kỳ họp', exact: true }).click();
  });

  it('brings the vote to the foreground, sends, and shows "Đã ghi nhận" only after the acknowledgement', async () => {
    const motion = motions.find((m) => !m.practice && m.kind === 'ordinary' && m.mode === 'named')!;
    // The delegate is reading documents when the chair opens the vote: the panel still takes the foreground.
    await page.getByRole('button', { name: 'Tài liệu', exact: true }).click();
    await chairEmit(chair.timeout(5000).emitWithAck('motion:open', { motionId: motion.id, commandId: `cmd-${Date.now()}-open1` }));
    const dialog = page.getByRole('dialog', { name: motion.question });
    await dialog.waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('vote-announcer').textContent()).toContain(motion.question);
    for (const name of ['Tán thành', 'Không tán thành', 'Không biểu quyết']) {
      const box = await dialog.getByRole('button', { name, exact: true }).boundingBox();
      expect(box!.height).toBeGreaterThanOrEqual(48);
    }
    await shoot('vote-open');
    // Behind the ballot, the app cannot be reached (inert) until the vote is over.
    expect(await page.locator('#app-shell').getAttribute('inert')).toBe('');
    await dialog.getByRole('button', { name: 'Tán thành', exact: true }).click();
    await expect.poll(() => page.getByTestId('vote-status').textContent(), { timeout: 10_000 }).toContain('Đã ghi nhận: Tán thành');
    expect(await dialog.getByRole('button', { name: 'Tán thành', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await shoot('vote-recorded');

    // Stepping out to read the item's documents while the vote is open, and back.
    await dialog.getByRole('button', { name: 'Xem tài liệu', exact: true }).click();
    await page.getByTestId('vote-dock').waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await page.locator('#app-shell').getAttribute('inert')).toBeNull();
    await page.locator('.doc-group.is-focus .doc-item').first().click();
    await page.getByTestId('pdf-viewer').waitFor();
    await shoot('vote-docked-reading');
    await page.getByRole('button', { name: 'Trở lại phiếu biểu quyết' }).click();
    await dialog.waitFor();
    expect(await page.getByTestId('vote-status').textContent()).toContain('Đã ghi nhận: Tán thành');
  });

  it('after a reload, shows the same ballot from the server', async () => {
    await page.reload();
    await expect
      .poll(
        () =>
          page
            .getByTestId('vote-status')
            .textContent()
            .catch(() => ''),
        { timeout: 10_000 },
      )
      .toContain('Đã ghi nhận: Tán thành');
  });

  it('loses the server calmly, then reconnects and resynchronises', async () => {
    await server.stop();
    await expect.poll(() => page.getByText('Mất kết nối', { exact: true }).count(), { timeout: 10_000 }).toBe(1);
    // The banner only after ~2 s.
    await page.getByTestId('offline-banner').waitFor({ timeout: 10_000 });
    await shoot('offline');
    // The confirmed ballot stays shown as confirmed (it is on the server's disk).
    expect(await page.getByTestId('vote-status').textContent()).toContain('Đã ghi nhận: Tán thành');
    // Pressing while offline: said plainly, nothing shown as recorded, a retry offered.
    await page.getByRole('button', { name: 'Không tán thành', exact: true }).click();
    await expect.poll(() => page.getByTestId('vote-status').textContent()).toContain('Chưa ghi nhận được phiếu.');
    expect(await page.getByTestId('vote-status').textContent()).not.toContain('Đã ghi nhận: Không tán thành');
    await page.getByRole('button', { name: 'Gửi lại: Không tán thành' }).waitFor();
    await shoot('vote-failed');
    await server.restart();
    chair.close();
    chair = await chairSocket(server);
    await expect.poll(() => page.getByText('Đã kết nối', { exact: true }).count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => page.getByTestId('offline-banner').count()).toBe(0);
    // After the reconnect the tablet asks the server and sends the unconfirmed press again by itself (no
    // "Gửi lại"), and the change is confirmed by the server.
    await expect.poll(() => page.getByTestId('vote-status').textContent(), { timeout: 10_000 }).toContain('Đã ghi nhận: Không tán thành');
    expect(await page.getByRole('button', { name: 'Gửi lại: Không tán thành' }).count()).toBe(0);
  });

  it('shows the announced result after the chair closes the vote', async () => {
    const { snapshot } = await demoSession(chair);
    const open = snapshot.rounds.find((r) => r.status === 'open')!;
    await chairEmit(chair.timeout(5000).emitWithAck('round:close', { roundId: open.id }));
    await expect.poll(() => page.getByTestId('vote-status').textContent(), { timeout: 10_000 }).toContain('Biểu quyết đã kết thúc.');
    await chairEmit(chair.timeout(5000).emitWithAck('round:announce', { roundId: open.id }));
    await page.getByTestId('result-announcement').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('result-announcement').textContent()).toMatch(/Có mặt 21\/31; tham gia biểu quyết 1 \(3,23%\)/);
    await shoot('vote-result');
    await page.getByRole('button', { name: 'Đóng', exact: true }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  });

  it('asks for the floor, sees its place, and the time left when given the floor', async () => {
    await page.getByRole('button', { name: 'Phát biểu', exact: true }).click();
    await page.getByRole('button', { name: 'Đăng ký phát biểu', exact: true }).click();
    await expect.poll(() => page.getByTestId('speaker-status').textContent(), { timeout: 10_000 }).toContain('Bạn đứng thứ 1');
    const { snapshot } = await demoSession(chair);
    const entry = snapshot.speakers.find((e) => e.status === 'waiting')!;
    await chairEmit(chair.timeout(5000).emitWithAck('speaker:give', { entryId: entry.id }));
    await expect
      .poll(() => page.getByTestId('speaker-status').textContent(), { timeout: 10_000 })
      .toMatch(/Bạn đang có quyền phát biểu.*Thời gian còn lại: \d\d:\d\d/);
    await shoot('speaking');
  });

  it('keeps every touch target at least 48 px on a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const tab of ['Kỳ họp', 'Tài liệu', 'Phát biểu']) {
      await page.getByRole('button', { name: tab, exact: true }).click();
      const small = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('button, input, a[href]')]
          .filter((el) => el.offsetParent !== null)
          .map((el) => ({ name: el.textContent?.trim() || el.getAttribute('aria-label') || el.tagName, r: el.getBoundingClientRect() }))
          .filter(({ r }) => r.height < 47.5 || r.width < 47.5)
          .map(({ name, r }) => `${name} ${Math.round(r.width)}×${Math.round(r.height)}`),
      );
      expect(small, tab).toEqual([]);
    }
    await page.setViewportSize({ width: 768, height: 1024 });
  });

  it('switches to English', async () => {
    await page.getByRole('button', { name: 'Chuyển sang tiếng Anh (English)' }).click();
    await page.getByRole('button', { name: 'Session', exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('button', { name: 'Session', exact: true }).click();
    await shoot('home-en');
  });
});
