// Issue 14, §2: a 95-seat council's "Sơ đồ hội trường" on the hall display and the chair console, in real
// Chromium against the real server, at 1366×768 and 1920×1080. The display draws the map on the attendance
// slide (present / excused / absent), for a named result when the chair switches from the name list (each
// seat's choice in the vote colours, "Không bấm", "Vắng mặt"; never for a secret round), and with the
// speaker's seat highlighted. The console shows the map, the vote panel and the speaker queue without the page
// scrolling. Screenshots go to /tmp/hallmap (never to git). Needs `npm run build` first.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { DelegateCard, Motion, RoundView, SpeakerEntry } from '@hddt/protocol';
import {
  api,
  chairSocket,
  createDisplay,
  createStaff,
  delegateCards,
  delegateSocket,
  demoSession,
  launchChromium,
  markPresent,
  must,
  signInConsole,
  startServer,
  tokenOf,
  type ChairSocket,
  type DelegateSocket,
  type TestServer,
} from './harness';

const SHOTS = '/tmp/hallmap';
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;
const CHAIR = { username: 'chutoa95', displayName: 'Nguyễn Minh An', role: 'chair', password: 'chu-toa-ky-hop-2026' } as const;
// Names as a province council has them, so the screenshots show real lengths.
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Võ', 'Đặng', 'Bùi', 'Đỗ'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Thanh', 'Hữu', 'Ngọc', 'Quốc', 'Thu'];
const GIVEN = ['Hương', 'Nguyệt', 'Thương', 'Khánh', 'Trường', 'Dũng', 'Phượng', 'Tuấn', 'Hạnh', 'Quyết', 'Nghĩa', 'Thắng', 'Huyền'];

let server: TestServer;
let browser: Browser;
let chair: ChairSocket;
let cards: DelegateCard[];
let motions: Motion[];
let display: Page;
const tablets: DelegateSocket[] = [];

const name = (seat: number) => cards.find((c) => c.seat === seat)!.fullName;

async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 400)))));
}

/**
 * The display's map at this size: every seat on screen, no seat's number or name cut, names at least
 * `minNamePx` tall. Returns the smallest name size for the report.
 */
async function expectReadableMap(page: Page, seats: number, minNamePx: number, names = true): Promise<number> {
  const map = page.getByRole('region', { name: 'Sơ đồ hội trường' });
  await expect.poll(() => map.locator('[data-seat]').count()).toBe(seats);
  const report = await map.evaluate((root) => {
    const out: string[] = [];
    let smallest = Infinity;
    for (const el of root.querySelectorAll<HTMLElement>('[data-seat]')) {
      const r = el.getBoundingClientRect();
      if (r.left < 0 || r.top < 0 || r.right > innerWidth || r.bottom > innerHeight) out.push(`seat ${el.dataset.seat} off screen`);
      for (const part of el.querySelectorAll<HTMLElement>('.hall-seat-no, .hall-seat-name')) {
        // The text's own width (an ellipsis shows as soon as it exceeds the box by a fraction of a pixel).
        const range = document.createRange();
        range.selectNodeContents(part);
        if (part.scrollWidth > part.clientWidth || range.getBoundingClientRect().width > part.clientWidth + 0.5)
          out.push(`seat ${el.dataset.seat}: "${part.textContent}" cut`);
        const pr = part.getBoundingClientRect();
        if (pr.bottom > r.bottom + 1 || pr.top < r.top - 1) out.push(`seat ${el.dataset.seat}: "${part.textContent}" outside its tile`);
        smallest = Math.min(smallest, parseFloat(getComputedStyle(part).fontSize));
      }
    }
    return { out, smallest };
  });
  expect(report.out).toEqual([]);
  expect(await overflowing(page)).toEqual([]);
  if (names) expect(await map.locator('.hall-seat-name').count()).toBe(seats);
  expect(report.smallest).toBeGreaterThanOrEqual(minNamePx);
  return report.smallest;
}

/** Slide text ([data-fit]) that does not fit its box, sticks out of the screen, or overlaps other text. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const els = [...document.querySelectorAll<HTMLElement>('[data-fit]')].filter((el) => el.getClientRects().length > 0);
    for (const el of els) {
      const label = `${el.className} "${(el.textContent ?? '').slice(0, 40)}"`;
      if (el.scrollWidth > el.clientWidth + 1) out.push(`${label}: width ${el.scrollWidth} > ${el.clientWidth}`);
      if (el.scrollHeight > el.clientHeight + 1) out.push(`${label}: height ${el.scrollHeight} > ${el.clientHeight}`);
      const r = el.getBoundingClientRect();
      if (r.left < -1 || r.top < -1 || r.right > innerWidth + 1 || r.bottom > innerHeight + 1) out.push(`${label}: outside the screen`);
    }
    const leaves = els.filter((el) => !els.some((o) => o !== el && el.contains(o)));
    const rects = leaves.map((el) => el.getBoundingClientRect());
    for (let i = 0; i < leaves.length; i++) {
      for (let j = i + 1; j < leaves.length; j++) {
        const w = Math.min(rects[i]!.right, rects[j]!.right) - Math.max(rects[i]!.left, rects[j]!.left);
        const h = Math.min(rects[i]!.bottom, rects[j]!.bottom) - Math.max(rects[i]!.top, rects[j]!.top);
        if (w > 2 && h > 2) out.push(`"${(leaves[i]!.textContent ?? '').slice(0, 30)}" overlaps "${(leaves[j]!.textContent ?? '').slice(0, 30)}"`);
      }
    }
    return out;
  });
}

async function showOnDisplay(mode: 'attendance' | 'speaker' | 'result', roundId: string | null = null): Promise<void> {
  must(await chair.timeout(5000).emitWithAck('display:show', { mode, roundId }), `display:show ${mode}`);
}

async function openConsole(width: number, height: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height } });
  await signInConsole(page, server, CHAIR.username, CHAIR.password);
  await page.getByRole('region', { name: 'Sơ đồ hội trường' }).waitFor({ timeout: 10_000 });
  return page;
}

const pageOverflow = (page: Page) => page.evaluate(() => document.scrollingElement!.scrollHeight - innerHeight);

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer();
  browser = await launchChromium();
  await createStaff(server, CHAIR);
  // The demo council holds 31 seats; 64 more make a province council of 95.
  for (let seat = 32; seat <= 95; seat++) {
    const fullName = `${FAMILY[seat % FAMILY.length]} ${MIDDLE[seat % MIDDLE.length]} ${GIVEN[seat % GIVEN.length]}`;
    const r = await api(server, 'POST', '/api/delegates', { seat, fullName });
    expect(r.status).toBe(201);
  }
  chair = await chairSocket(server);
  const demo = await demoSession(chair);
  motions = demo.motions;
  cards = await delegateCards(server);
  expect(cards).toHaveLength(95);
  must(await chair.timeout(5000).emitWithAck('session:open', { sessionId: demo.session.id }), 'session:open');
  must(await chair.timeout(5000).emitWithAck('rollcall:open', {}), 'rollcall:open');
  // 70 present (seats 1–70, each checking in from a tablet), seats 71–73 excused, 74–95 absent.
  for (const c of cards.filter((c) => c.seat <= 70).sort((a, b) => a.seat - b.seat)) {
    const tablet = await delegateSocket(server, tokenOf(c));
    must(await tablet.timeout(5000).emitWithAck('attendance:checkin', {}), 'checkin');
    tablets.push(tablet);
  }
  for (const c of cards.filter((c) => c.seat >= 71 && c.seat <= 73)) {
    must(await chair.timeout(5000).emitWithAck('attendance:set', { delegateId: c.delegateId, status: 'excused', reason: 'Đi công tác' }), 'excuse');
  }
  const device = await createDisplay(server);
  display = await browser.newPage({ viewport: SIZES[1] });
  await display.goto(device.pairUrl);
  await display.locator('.slide-frame [data-slide]').waitFor({ timeout: 10_000 });
});

afterAll(async () => {
  for (const t of tablets) t.disconnect();
  chair?.close();
  await browser?.close();
  await server?.dispose();
});

describe('Sơ đồ hội trường on the hall display, 95 seats', () => {
  it('the attendance slide: each seat present, excused or absent, named, readable at 1366×768 and 1920×1080', async () => {
    await showOnDisplay('attendance');
    await display.locator('.slide-frame [data-slide="attendance"]').waitFor();
    const map = display.getByRole('region', { name: 'Sơ đồ hội trường' });
    const seat = (n: number) => map.locator(`[data-seat="${n}"]`);
    await expect.poll(() => seat(1).getAttribute('aria-label')).toBe(`Ghế 1: ${name(1)} — Có mặt`);
    expect(await seat(72).getAttribute('aria-label')).toBe(`Ghế 72: ${name(72)} — Vắng có lý do`);
    expect(await seat(95).getAttribute('aria-label')).toBe(`Ghế 95: ${name(95)} — Vắng mặt`);
    expect(await display.locator('.attendance-count').textContent()).toBe('70/95');
    expect(await map.locator('.hall-legend').textContent()).toBe('Có mặtVắng có lý doVắng mặt');
    for (const size of SIZES) {
      await display.setViewportSize(size);
      await settle(display);
      const px = await expectReadableMap(display, 95, size.width >= 1920 ? 20 : 14);
      console.info(`display attendance ${size.width}×${size.height}: smallest seat text ${px} px`);
      await display.screenshot({ path: path.join(SHOTS, `display-attendance-${size.width}.png`) });
    }
    // A delegate marked present later turns up on the map by itself.
    await markPresent(chair, [cards.find((c) => c.seat === 90)!.delegateId]);
    await expect.poll(() => seat(90).getAttribute('aria-label')).toBe(`Ghế 90: ${name(90)} — Có mặt`);
  });

  it('a named result: the chair switches between the name list and the seat map from the console; never for a secret round', async () => {
    const named = motions.find((m) => !m.practice && m.kind === 'ordinary' && m.mode === 'named')!;
    const round = must<RoundView>(await chair.timeout(5000).emitWithAck('motion:open', { motionId: named.id, commandId: 'map-named' }), 'motion:open');
    const choices = ['yes', 'yes', 'no', 'abstain', 'yes'] as const;
    for (const [i, option] of choices.entries()) {
      must(await tablets[i]!.timeout(5000).emitWithAck('vote:cast', { roundId: round.id, choice: { type: 'option', option } }), 'vote:cast');
    }
    must(await chair.timeout(5000).emitWithAck('round:close', { roundId: round.id }), 'round:close');
    must(await chair.timeout(5000).emitWithAck('round:announce', { roundId: round.id }), 'round:announce');
    await display.locator('.slide-frame [data-slide="result"]').waitFor();
    // The name list first, as before.
    await display.locator('[data-board]').waitFor();
    expect(await display.getByRole('region', { name: 'Sơ đồ hội trường' }).count()).toBe(0);

    const consolePage = await openConsole(1366, 768);
    const boardSwitch = consolePage.getByRole('group', { name: 'Kết quả ghi danh trên màn hình' });
    await boardSwitch.getByRole('button', { name: 'Sơ đồ chỗ ngồi' }).click();
    await expect.poll(() => boardSwitch.getByRole('button', { name: 'Sơ đồ chỗ ngồi' }).getAttribute('aria-pressed')).toBe('true');
    // The selected switch reads white on navy, hovered too.
    await boardSwitch.getByRole('button', { name: 'Sơ đồ chỗ ngồi' }).hover();
    expect(
      await boardSwitch.getByRole('button', { name: 'Sơ đồ chỗ ngồi' }).evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]),
    ).toEqual(['rgb(255, 255, 255)', 'rgb(11, 33, 64)']);

    const map = display.getByRole('region', { name: 'Sơ đồ hội trường' });
    const seat = (n: number) => map.locator(`[data-seat="${n}"]`);
    await expect.poll(() => seat(1).getAttribute('aria-label'), { timeout: 8000 }).toBe(`Ghế 1: ${name(1)} — Tán thành`);
    expect(await seat(3).getAttribute('aria-label')).toBe(`Ghế 3: ${name(3)} — Không tán thành`);
    expect(await seat(4).getAttribute('aria-label')).toBe(`Ghế 4: ${name(4)} — Không biểu quyết`);
    expect(await seat(6).getAttribute('aria-label')).toBe(`Ghế 6: ${name(6)} — Không bấm`);
    expect(await seat(80).getAttribute('aria-label')).toBe(`Ghế 80: ${name(80)} — Vắng mặt`);
    expect(await map.locator('.hall-legend').textContent()).toBe('Tán thànhKhông tán thànhKhông biểu quyếtKhông bấmVắng mặt');
    // Vote colours from the tokens, white on them.
    expect(await seat(1).evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color])).toEqual([
      'rgb(23, 112, 58)',
      'rgb(255, 255, 255)',
    ]);
    expect(await seat(3).evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(179, 38, 30)');
    // The verdict stays beside the map.
    expect(await display.locator('[data-verdict]').getAttribute('data-verdict')).toBeTruthy();
    for (const size of SIZES) {
      await display.setViewportSize(size);
      await settle(display);
      const px = await expectReadableMap(display, 95, size.width >= 1920 ? 14 : 10);
      console.info(`display named result on the map ${size.width}×${size.height}: smallest seat text ${px} px`);
      await display.screenshot({ path: path.join(SHOTS, `display-result-map-${size.width}.png`) });
    }

    // Back to the name list.
    await boardSwitch.getByRole('button', { name: 'Danh sách tên' }).click();
    await display.locator('[data-board]').waitFor();
    expect(await map.count()).toBe(0);
    await boardSwitch.getByRole('button', { name: 'Sơ đồ chỗ ngồi' }).click();
    await expect.poll(() => map.locator('[data-seat]').count()).toBe(95);

    // A secret election announced next: the map choice stands, but no choice of a secret round is ever drawn,
    // and the console offers no switch for it.
    const election = motions.find((m) => m.kind === 'election' && m.mode === 'secret')!;
    const secret = must<RoundView>(await chair.timeout(5000).emitWithAck('motion:open', { motionId: election.id, commandId: 'map-secret' }), 'motion:open');
    must(
      await tablets[0]!
        .timeout(5000)
        .emitWithAck('vote:cast', { roundId: secret.id, choice: { type: 'election', candidateIds: [election.candidates[0]!.id] } }),
      'vote:cast',
    );
    must(await chair.timeout(5000).emitWithAck('round:close', { roundId: secret.id }), 'round:close');
    must(await chair.timeout(5000).emitWithAck('round:announce', { roundId: secret.id }), 'round:announce');
    await expect.poll(() => display.locator('.slide-frame [data-slide="result"]').getAttribute('class')).toContain('result-election');
    expect(await display.locator('[data-seat], [data-board]').count()).toBe(0);
    await expect.poll(() => boardSwitch.count()).toBe(0);
    await consolePage.close();
  });

  it('the speaker slide: the map highlights who speaks and rings the seats waiting', async () => {
    const speaking = must<SpeakerEntry>(
      await chair.timeout(5000).emitWithAck('speaker:add', { name: name(40), delegateId: cards.find((c) => c.seat === 40)!.delegateId }),
      'speaker:add',
    );
    must(await chair.timeout(5000).emitWithAck('speaker:add', { name: name(12), delegateId: cards.find((c) => c.seat === 12)!.delegateId }), 'speaker:add');
    must(await chair.timeout(5000).emitWithAck('speaker:give', { entryId: speaking.id }), 'speaker:give');
    await showOnDisplay('speaker');
    await display.locator('.slide-frame [data-slide="speaker"]').waitFor();
    const map = display.getByRole('region', { name: 'Sơ đồ hội trường' });
    await expect.poll(() => map.locator('[data-seat="40"]').getAttribute('aria-label')).toBe(`Ghế 40: ${name(40)} — Có mặt, đang phát biểu`);
    expect(await map.locator('[data-seat="12"]').getAttribute('aria-label')).toBe(`Ghế 12: ${name(12)} — Có mặt, đăng ký phát biểu thứ 1`);
    expect(await map.locator('[data-mark="speaking"]').count()).toBe(1);
    expect(await display.locator('.speaker-name').textContent()).toBe(name(40));
    expect(await display.getByTestId('speaker-seat').textContent()).toBe('Ghế 40');
    for (const size of SIZES) {
      await display.setViewportSize(size);
      await settle(display);
      await expectReadableMap(display, 95, 9, false);
      // The highlighted seat is a lit tile, unmistakable on a projector.
      const box = (await map.locator('[data-seat="40"]').boundingBox())!;
      expect(box.width).toBeGreaterThanOrEqual(size.width >= 1920 ? 28 : 20);
      await display.screenshot({ path: path.join(SHOTS, `display-speaker-${size.width}.png`) });
    }
  });
});

describe('Sơ đồ hội trường on the chair console, 95 seats', () => {
  for (const size of SIZES) {
    it(`Điều hành at ${size.width}×${size.height}: the seat map, the vote panel and the speaker queue on one screen`, async () => {
      const page = await openConsole(size.width, size.height);
      const map = page.getByRole('region', { name: 'Sơ đồ hội trường' });
      await expect.poll(() => map.locator('[data-seat]').count(), { timeout: 10_000 }).toBe(95);
      await settle(page);
      await page.screenshot({ path: path.join(SHOTS, `console-seat-map-${size.width}.png`) });
      expect(await pageOverflow(page)).toBe(0);
      for (const region of [/^Sơ đồ hội trường$/, /^Biểu quyết$/, /^Phát biểu( \d+)?$/]) {
        const box = (await page.getByRole('region', { name: region }).boundingBox())!;
        const visible = Math.min(box.y + box.height, size.height) - Math.max(box.y, 0);
        expect(visible, String(region)).toBeGreaterThanOrEqual(size.height >= 1080 ? 200 : 150);
      }
      // The queue's heading and the vote panel's first action are on screen, not below the fold.
      await expect.poll(() => page.getByRole('heading', { name: /^Phát biểu/ }).isVisible()).toBe(true);
      const scroll = await map.evaluate((el) => el.scrollHeight - el.clientHeight);
      if (size.height >= 1080) expect(scroll).toBe(0);
      const smallest = await map.locator('[data-seat]').evaluateAll((els) => Math.min(...els.map((e) => e.getBoundingClientRect().width)));
      expect(smallest).toBeGreaterThanOrEqual(32);
      console.info(
        `console ${size.width}×${size.height}, 95 seats: page scrolls by ${await pageOverflow(page)} px, the map by ${scroll} px, smallest seat ${Math.round(smallest)} px`,
      );
      await page.close();
    });
  }
});
