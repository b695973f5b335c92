// Issue 14, §3 (the part that is done), in real Chromium against the real server: when the chair gives the floor,
// the tablet (768×1024) and the phone (390×844) show "Bạn được mời phát biểu" on every tab with the time counting
// down, a soft chime that can be muted, and "Kết thúc phát biểu"; the hall display (1920×1080) switches to the
// speaker by itself, with the speaker's title.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { DelegateCard, SpeakerEntry } from '@hddt/protocol';
import {
  REPO_ROOT,
  chairSocket,
  createDisplay,
  delegateCards,
  demoSession,
  launchChromium,
  markPresent,
  must,
  startServer,
  type ChairSocket,
  type TestServer,
} from './harness';

const SHOTS = path.join(REPO_ROOT, 'e2e/artifacts/hall');
let server: TestServer;
let browser: Browser;
let chair: ChairSocket;
let cards: DelegateCard[];
let display: Page;
const devices: { name: string; page: Page; card: DelegateCard }[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer();
  browser = await launchChromium();
  chair = await chairSocket(server);
  const demo = await demoSession(chair);
  cards = await delegateCards(server);
  must(await chair.timeout(5000).emitWithAck('session:open', { sessionId: demo.session.id }), 'session:open');
  must(await chair.timeout(5000).emitWithAck('rollcall:open', {}), 'rollcall:open');
  await markPresent(
    chair,
    cards.slice(0, 22).map((c) => c.delegateId),
  );
  const device = await createDisplay(server);
  display = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await display.goto(device.pairUrl);
  for (const [name, viewport, card] of [
    ['tablet', { width: 768, height: 1024 }, cards[1]!],
    ['phone', { width: 390, height: 844 }, cards[2]!],
  ] as const) {
    const page = await (await browser.newContext({ viewport, locale: 'vi-VN' })).newPage();
    await page.goto(card.signInUrl);
    await page.getByTestId('delegate-name').waitFor({ timeout: 10_000 });
    devices.push({ name, page, card });
  }
});

afterAll(async () => {
  chair?.close();
  await browser?.close();
  await server?.dispose();
});

async function give(card: DelegateCard): Promise<SpeakerEntry> {
  const entry = must(
    await chair.timeout(5000).emitWithAck('speaker:add', { delegateId: card.delegateId, name: card.fullName, title: '' }),
    'speaker:add',
  ) as SpeakerEntry;
  must(await chair.timeout(5000).emitWithAck('speaker:give', { entryId: entry.id }), 'speaker:give');
  return entry;
}

describe('the floor on the tablet and the display', () => {
  it('shows "Bạn được mời phát biểu" on every tab with a countdown and a chime; "Kết thúc phát biểu" ends it; the display follows', async () => {
    for (const d of devices) {
      // The delegate is reading documents when the floor is given.
      await d.page.getByRole('button', { name: 'Tài liệu', exact: true }).click();
      await give(d.card);
      const banner = d.page.getByRole('region', { name: 'Bạn được mời phát biểu' });
      await banner.waitFor({ timeout: 10_000 });
      await expect.poll(() => banner.getAttribute('data-chimes')).toBe('1');
      const first = await d.page.getByTestId('floor-timer').textContent();
      expect(first).toMatch(/^Thời gian còn lại: 0[45]:\d\d$/);
      await expect.poll(() => d.page.getByTestId('floor-timer').textContent(), { timeout: 4000 }).not.toBe(first);
      // The same banner on the other tabs.
      for (const tab of ['Kỳ họp', 'Phát biểu']) {
        await d.page.getByRole('button', { name: tab, exact: true }).click();
        expect(await banner.isVisible()).toBe(true);
      }
      // The hall display switched to the speaker by itself, with the title.
      await expect.poll(() => display.locator('[data-slide="speaker"] .speaker-name').textContent(), { timeout: 10_000 }).toBe(d.card.fullName);
      if (d.card.title) expect(await display.getByTestId('speaker-title').textContent()).toBe(d.card.title);
      await d.page.screenshot({ path: path.join(SHOTS, `floor-${d.name}.png`) });
      await display.screenshot({ path: path.join(SHOTS, `display-speaker-1920-${d.name}.png`) });
      await banner.getByRole('button', { name: 'Kết thúc phát biểu' }).click();
      await expect.poll(() => banner.count(), { timeout: 10_000 }).toBe(0);
    }
    const { snapshot } = await demoSession(chair);
    expect(snapshot.speakers.filter((e) => e.status === 'done').map((e) => e.delegateId)).toEqual(devices.map((d) => d.card.delegateId));
  });

  it('the chime can be muted, and stays muted', async () => {
    const d = devices[0]!;
    await give(d.card);
    const banner = d.page.getByRole('region', { name: 'Bạn được mời phát biểu' });
    await banner.waitFor({ timeout: 10_000 });
    await banner.getByRole('button', { name: 'Chuông: bật' }).click();
    expect(await banner.getByRole('button', { name: 'Chuông: tắt' }).getAttribute('aria-pressed')).toBe('true');
    await banner.getByRole('button', { name: 'Kết thúc phát biểu' }).click();
    await expect.poll(() => banner.count(), { timeout: 10_000 }).toBe(0);
    await d.page.reload();
    await d.page.getByTestId('delegate-name').waitFor({ timeout: 10_000 });
    await give(d.card);
    await banner.waitFor({ timeout: 10_000 });
    expect(await banner.getAttribute('data-chimes')).toBe('0');
    await banner.getByRole('button', { name: 'Kết thúc phát biểu' }).click();
  });
});
