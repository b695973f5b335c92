// Issue 14, §2 (the part that is done): the chair console shows "Sơ đồ hội trường" live in "Điều hành", in real
// Chromium against the real server, at 1366×768 and 1920×1080: each seat named with its delegate and state
// (present / excused / absent, voted / not yet — never a choice —, speaking / asked to speak); a tap on a seat
// gives the attendance action; a 95-seat council fits its map.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { DelegateCard, Motion, RoundView } from '@hddt/protocol';
import {
  CHAIR_ACCOUNT,
  REPO_ROOT,
  api,
  chairSocket,
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

const SHOTS = path.join(REPO_ROOT, 'e2e/artifacts/hall');
const CHAIR = CHAIR_ACCOUNT;

let server: TestServer;
let browser: Browser;
let chair: ChairSocket;
let cards: DelegateCard[];
let motions: Motion[];
const tablets: DelegateSocket[] = [];

async function signIn(width: number, height: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height } });
  await signInConsole(page, server, CHAIR.username, CHAIR.password);
  await page.getByRole('region', { name: 'Sơ đồ hội trường' }).waitFor({ timeout: 10_000 });
  return page;
}

/** How far the page itself scrolls (0: everything is on screen). */
const pageOverflow = (page: Page) => page.evaluate(() => document.scrollingElement!.scrollHeight - innerHeight);

/**
 * Điều hành is one screen: the page does not scroll, and the seat map, the vote panel ("Biểu quyết") and the
 * speaker queue each show at least `minVisible` px of themselves inside the viewport.
 */
async function expectOneScreen(page: Page, minVisible: number): Promise<void> {
  expect(await pageOverflow(page)).toBe(0);
  const { height } = page.viewportSize()!;
  // The speaker queue's heading carries a badge with the number waiting.
  for (const name of [/^Sơ đồ hội trường$/, /^Biểu quyết$/, /^Phát biểu( \d+)?$/]) {
    const box = (await page.getByRole('region', { name }).boundingBox())!;
    expect(box, String(name)).not.toBeNull();
    const visible = Math.min(box.y + box.height, height) - Math.max(box.y, 0);
    expect(visible, String(name)).toBeGreaterThanOrEqual(minVisible);
  }
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer();
  browser = await launchChromium();
  await createStaff(server, CHAIR);
  chair = await chairSocket(server);
  const demo = await demoSession(chair);
  motions = demo.motions;
  cards = await delegateCards(server);
  must(await chair.timeout(5000).emitWithAck('session:open', { sessionId: demo.session.id }), 'session:open');
  must(await chair.timeout(5000).emitWithAck('rollcall:open', {}), 'rollcall:open');
  await markPresent(
    chair,
    cards.slice(0, 22).map((c) => c.delegateId),
  );
  must(await chair.timeout(5000).emitWithAck('attendance:set', { delegateId: cards[25]!.delegateId, status: 'excused', reason: 'Đi công tác' }), 'excuse');
  for (const card of cards.slice(0, 3)) tablets.push(await delegateSocket(server, tokenOf(card)));
});

afterAll(async () => {
  for (const t of tablets) t.disconnect();
  chair?.close();
  await browser?.close();
  await server?.dispose();
});

describe('Sơ đồ hội trường on the chair console', () => {
  it('names every seat with its delegate and live state, never a secret choice; a tap marks attendance (1366×768)', async () => {
    const page = await signIn(1366, 768);
    const map = page.getByRole('region', { name: 'Sơ đồ hội trường' });
    const seat = (n: number) => map.locator(`[data-seat="${n}"]`);
    await expect.poll(() => map.locator('[data-seat]').count()).toBe(31);
    const name = (n: number) => cards.find((c) => c.seat === n)!.fullName;
    expect(await seat(1).getAttribute('aria-label')).toBe(`Ghế 1: ${name(1)} — Có mặt`);
    expect(await seat(26).getAttribute('aria-label')).toBe(`Ghế 26: ${name(26)} — Vắng có lý do`);
    expect(await seat(30).getAttribute('aria-label')).toBe(`Ghế 30: ${name(30)} — Vắng`);

    // A secret election: who has voted shows, what they chose never does.
    const election = motions.find((m) => m.kind === 'election' && m.mode === 'secret')!;
    const round = must<RoundView>(await chair.timeout(5000).emitWithAck('motion:open', { motionId: election.id, commandId: 'seat-secret' }), 'motion:open');
    must(
      await tablets[0]!.timeout(5000).emitWithAck('vote:cast', { roundId: round.id, choice: { type: 'election', candidateIds: [election.candidates[0]!.id] } }),
      'vote:cast',
    );
    await expect.poll(() => seat(1).getAttribute('aria-label')).toBe(`Ghế 1: ${name(1)} — Có mặt, Đã biểu quyết`);
    expect(await seat(2).getAttribute('aria-label')).toBe(`Ghế 2: ${name(2)} — Có mặt, Chưa biểu quyết`);
    const labels = await map.locator('[data-seat]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? '').join('\n'));
    // A candidate may be a delegate with a seat of their own (the demo council's are): their name is that seat's
    // name, never part of another seat's state.
    const states = labels.split('\n').map((l) => l.split(' — ')[1] ?? '');
    expect(states).toHaveLength(31);
    for (const candidate of election.candidates) expect(states.join('\n')).not.toContain(candidate.name);

    // Asking for the floor and being given it.
    must(await tablets[1]!.timeout(5000).emitWithAck('speaker:request', {}), 'speaker:request');
    await expect.poll(() => seat(2).getAttribute('aria-label')).toContain('Đăng ký phát biểu');
    await page.screenshot({ path: path.join(SHOTS, 'console-seat-map-1366.png') });
    console.info(`console 1366×768, 31 seats: page scrolls by ${await pageOverflow(page)} px`);
    await expectOneScreen(page, 150);

    // Tap an absent seat: mark the delegate present.
    await seat(30).click();
    await map.getByRole('button', { name: 'Ghi có mặt', exact: true }).click();
    await expect.poll(() => seat(30).getAttribute('aria-label')).toContain('Có mặt');
    must(await chair.timeout(5000).emitWithAck('round:cancel', { roundId: round.id, reason: 'Kiểm tra sơ đồ' }), 'round:cancel');
    await expect.poll(() => seat(1).getAttribute('aria-label')).toBe(`Ghế 1: ${name(1)} — Có mặt`);
    await page.close();
  });

  it('after a named round is announced each seat shows its choice, with its name; never for a secret round (1366×768)', async () => {
    const page = await signIn(1366, 768);
    const map = page.getByRole('region', { name: 'Sơ đồ hội trường' });
    const seat = (n: number) => map.locator(`[data-seat="${n}"]`);
    const name = (n: number) => cards.find((c) => c.seat === n)!.fullName;
    const named = motions.find((m) => !m.practice && m.kind === 'ordinary' && m.mode === 'named')!;
    const round = must<RoundView>(await chair.timeout(5000).emitWithAck('motion:open', { motionId: named.id, commandId: 'seat-named' }), 'motion:open');
    const options = ['yes', 'no', 'abstain'] as const;
    for (const [i, tablet] of tablets.entries()) {
      must(await tablet.timeout(5000).emitWithAck('vote:cast', { roundId: round.id, choice: { type: 'option', option: options[i]! } }), 'vote:cast');
    }
    must(await chair.timeout(5000).emitWithAck('round:close', { roundId: round.id }), 'round:close');
    // Closed but not yet announced: no choice on the map.
    await expect.poll(() => seat(1).getAttribute('aria-label')).toBe(`Ghế 1: ${name(1)} — Có mặt`);
    expect(await map.locator('[data-choice]').count()).toBe(0);
    must(await chair.timeout(5000).emitWithAck('round:announce', { roundId: round.id }), 'round:announce');
    await expect.poll(() => seat(1).getAttribute('aria-label')).toBe(`Ghế 1: ${name(1)} — Có mặt, tán thành`);
    expect(await seat(2).getAttribute('aria-label')).toBe(`Ghế 2: ${name(2)} — Có mặt, không tán thành, Đăng ký phát biểu`);
    expect(await seat(3).getAttribute('aria-label')).toBe(`Ghế 3: ${name(3)} — Có mặt, không biểu quyết`);
    expect(await seat(4).getAttribute('aria-label')).toBe(`Ghế 4: ${name(4)} — Có mặt, không bấm`);
    expect(await seat(31).getAttribute('aria-label')).toBe(`Ghế 31: ${name(31)} — Vắng`);
    // The seat wears its choice's vote colour from the design tokens, white text on it.
    const colours = await seat(1).evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]);
    expect(colours).toEqual(['rgb(23, 112, 58)', 'rgb(255, 255, 255)']);
    await page.screenshot({ path: path.join(SHOTS, 'console-seat-map-named-1366.png') });
    console.info(`console 1366×768 after a named round: page scrolls by ${await pageOverflow(page)} px`);
    await expectOneScreen(page, 150);

    // A secret round announced afterwards: the choices leave the map and none comes back.
    const election = motions.find((m) => m.kind === 'election' && m.mode === 'secret')!;
    const secret = must<RoundView>(await chair.timeout(5000).emitWithAck('motion:open', { motionId: election.id, commandId: 'seat-secret-2' }), 'motion:open');
    await expect.poll(() => map.locator('[data-choice]').count()).toBe(0);
    must(
      await tablets[0]!
        .timeout(5000)
        .emitWithAck('vote:cast', { roundId: secret.id, choice: { type: 'election', candidateIds: [election.candidates[0]!.id] } }),
      'vote:cast',
    );
    must(await chair.timeout(5000).emitWithAck('round:close', { roundId: secret.id }), 'round:close');
    must(await chair.timeout(5000).emitWithAck('round:announce', { roundId: secret.id }), 'round:announce');
    await expect.poll(() => seat(1).getAttribute('aria-label')).toBe(`Ghế 1: ${name(1)} — Có mặt`);
    expect(await map.locator('[data-choice]').count()).toBe(0);
    await page.close();
  });

  it('a 95-seat council: every seat on the map at 1920×1080, and the map fits on screen', async () => {
    for (let seat = 32; seat <= 95; seat++) {
      const r = await api(server, 'POST', '/api/delegates', { seat, fullName: `Đại biểu Số ${seat}` });
      expect(r.status).toBe(201);
    }
    const page = await signIn(1920, 1080);
    const map = page.getByRole('region', { name: 'Sơ đồ hội trường' });
    await expect.poll(() => map.locator('[data-seat]').count(), { timeout: 10_000 }).toBe(95);
    const box = (await map.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(1080);
    // Every seat is large enough to tap.
    const smallest = await map.locator('[data-seat]').evaluateAll((els) => Math.min(...els.map((e) => e.getBoundingClientRect().width)));
    expect(smallest).toBeGreaterThanOrEqual(32);
    await page.screenshot({ path: path.join(SHOTS, 'console-seat-map-1920.png') });
    console.info(
      `console 1920×1080, 95 seats: map bottom at ${Math.round(box.y + box.height)} px, smallest seat ${Math.round(smallest)} px wide, page scrolls by ${await pageOverflow(page)} px`,
    );
    await expectOneScreen(page, 200);
    // Nothing of the 95-seat map needs scrolling.
    expect(await map.evaluate((el) => el.scrollHeight - el.clientHeight)).toBe(0);
    await page.close();
  });
});
