// Issue 14, §4: dates and times on the council's clock, "14:06 01/12/2026" style, everywhere (real Chromium, real
// server). Every browser here runs in Los Angeles (timezoneId) with an American locale, so a date taken from the
// machine's zone or language would show: the hall display's welcome slide and header clock, the tablet's session
// dates and the console's session list and speaker queue all read the council's zone (Asia/Ho_Chi_Minh) and write
// days dd/mm/yyyy, in Vietnamese and in English (English keeps its weekday names, in the same order).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Ack, CouncilConfig, Session, SpeakerEntry } from '@hddt/protocol';
import { formatDateVi, formatHallClock, formatHallDateTime, formatHallWeekdayDate } from '@hddt/protocol';
import {
  api,
  chairSocket,
  createDisplay,
  delegateCards,
  delegateSocket,
  demoSession,
  launchChromium,
  openSessionWithRollCall,
  startServer,
  tokenOf,
  type ChairSocket,
  type DelegateSocket,
  type TestServer,
} from './harness';

const ELSEWHERE = { timezoneId: 'America/Los_Angeles', locale: 'en-US' } as const;
/** English month names and abbreviations: none may appear on a screen. */
const ENGLISH_MONTH =
  /\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b/;
const DAY = /\d\d\/\d\d\/\d{4}/;

function must<T>(ack: Ack<T>, what: string): T {
  if (!ack.ok) throw new Error(`${what}: ${ack.code} ${ack.message}`);
  return ack.data;
}

let server: TestServer;
let browser: Browser;
let chair: ChairSocket;
let speaker: DelegateSocket;
let session: Session;
let zone: string;
const contexts: BrowserContext[] = [];

async function newPage(viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, ...ELSEWHERE });
  contexts.push(context);
  return context.newPage();
}

const bodyText = (page: Page) => page.evaluate(() => document.body.innerText);

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  zone = (await api<CouncilConfig>(server, 'GET', '/api/council')).body.timeZone;
  expect(zone).toBe('Asia/Ho_Chi_Minh');
  chair = await chairSocket(server);
  session = (await demoSession(chair)).session;
  const cards = await delegateCards(server);
  speaker = await delegateSocket(server, tokenOf(cards[1]!));
});

afterAll(async () => {
  speaker?.disconnect();
  chair?.disconnect();
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.dispose();
});

describe('dates on the council clock', () => {
  it('hall display: the welcome slide, in Vietnamese and in English (1366×768)', async () => {
    for (const lang of ['vi', 'en'] as const) {
      const device = await createDisplay(server, `Màn hình ${lang}`);
      const page = await newPage({ width: 1366, height: 768 });
      await page.goto(lang === 'en' ? `${device.pairUrl}&lang=en` : device.pairUrl);
      await page.locator('.slide-frame [data-slide="welcome"]').waitFor({ timeout: 10_000 });
      // The clock and the day as the council reads them now (polled: a minute may turn meanwhile).
      await expect.poll(async () => (await page.locator('.welcome-time').textContent()) === formatHallClock(Date.now(), zone)).toBe(true);
      await expect.poll(async () => (await page.locator('.welcome-date').textContent()) === formatHallWeekdayDate(Date.now(), zone, lang)).toBe(true);
      const weekday = lang === 'vi' ? /^(Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ nhật), \d\d\/\d\d\/\d{4}$/ : /^[A-Z][a-z]+day, \d\d\/\d\d\/\d{4}$/;
      expect(await page.locator('.welcome-date').textContent()).toMatch(weekday);
      const place = (await page.locator('.welcome-place').textContent()) ?? '';
      expect(place).toContain(formatDateVi(session.startDate));
      if (session.endDate !== session.startDate) expect(place).toContain(formatDateVi(session.endDate));
      expect(await bodyText(page)).not.toMatch(ENGLISH_MONTH);
      await page.close();
    }
  });

  it('tablet: the session dates dd/mm/yyyy in both languages (768×1024)', async () => {
    const cards = await delegateCards(server);
    const page = await newPage({ width: 768, height: 1024 });
    await page.goto(cards[0]!.signInUrl);
    await page.getByTestId('delegate-name').waitFor({ timeout: 10_000 });
    await expect.poll(() => page.locator('.session-card').textContent()).toContain(formatDateVi(session.startDate));
    await page.getByRole('button', { name: 'Chuyển sang tiếng Anh (English)' }).click();
    await page.getByRole('button', { name: 'Session', exact: true }).waitFor();
    const card = (await page.locator('.session-card').textContent()) ?? '';
    expect(card).toContain(formatDateVi(session.startDate));
    expect(card).toMatch(DAY);
    expect(await bodyText(page)).not.toMatch(ENGLISH_MONTH);
  });

  it('console: the session list, and the time of a request to speak on the council clock (1366×768)', async () => {
    const page = await newPage({ width: 1366, height: 768 });
    await page.goto(`${server.url}/chair/`);
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.getByLabel('Mật khẩu').fill(server.adminPassword);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('navigation', { name: 'Khu vực làm việc' }).getByRole('button', { name: 'Chuẩn bị' }).click();
    await expect.poll(() => bodyText(page)).toContain(formatDateVi(session.startDate));
    expect(await bodyText(page)).not.toMatch(ENGLISH_MONTH);

    await openSessionWithRollCall(chair, [speaker]);
    const entry = must<SpeakerEntry>(await speaker.timeout(5000).emitWithAck('speaker:request', {}), 'speaker:request');
    await page.getByRole('navigation', { name: 'Khu vực làm việc' }).getByRole('button', { name: 'Điều hành' }).click();
    const time = page.getByTestId('request-time').first();
    await expect.poll(() => time.textContent(), { timeout: 10_000 }).toBe(` · ${formatHallDateTime(entry.requestedAt, zone)}`);
    expect(await time.textContent()).toMatch(/^ · \d\d:\d\d \d\d\/\d\d\/\d{4}$/);
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => time.textContent()).toBe(` · ${formatHallDateTime(entry.requestedAt, zone)}`);
    expect(await bodyText(page)).not.toMatch(ENGLISH_MONTH);
  });

  it('hall display: the header clock of the other slides', async () => {
    must(await chair.timeout(5000).emitWithAck('display:show', { mode: 'agenda', roundId: null }), 'display:show');
    const device = await createDisplay(server, 'Màn hình phụ');
    const page = await newPage({ width: 1366, height: 768 });
    await page.goto(device.pairUrl);
    await page.locator('.slide-frame [data-slide="agenda"]').waitFor({ timeout: 10_000 });
    await expect.poll(async () => (await page.locator('.stage-header-clock').textContent()) === formatHallClock(Date.now(), zone)).toBe(true);
  });
});
