// Issue 14, §4, in real Chromium against the real server: the chair console at 1366×768 says why "Mở biểu quyết"
// cannot open without quorum and keeps its display-mode buttons readable when selected and hovered; the hall
// display at 1920×1080 and 1366×768 shows a named result board that tells "Vắng mặt" from "Không bấm" and the
// resolution number, names an anonymous vote as the console does, and shows the confidence thresholds reached.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { BALLOT_MODE_LABEL, type DelegateCard, type Motion, type RoundView } from '@hddt/protocol';
import {
  CHAIR_ACCOUNT,
  REPO_ROOT,
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

const SHOTS = path.join(REPO_ROOT, 'e2e/artifacts/hall');
const CHAIR = CHAIR_ACCOUNT;

let server: TestServer;
let browser: Browser;
let chair: ChairSocket;
let cards: DelegateCard[];
let motions: Motion[];
const voters: DelegateSocket[] = [];

/** WCAG contrast ratio of two CSS rgb() colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((x) => {
      const v = Number(x) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

async function runRound(motion: Motion, cast: (round: RoundView) => Promise<void>): Promise<RoundView> {
  const round = must<RoundView>(await chair.timeout(5000).emitWithAck('motion:open', { motionId: motion.id, commandId: `res-${motion.id}` }), 'motion:open');
  await cast(round);
  must(await chair.timeout(5000).emitWithAck('round:close', { roundId: round.id }), 'round:close');
  must(await chair.timeout(5000).emitWithAck('round:announce', { roundId: round.id }), 'round:announce');
  must(await chair.timeout(5000).emitWithAck('display:show', { mode: 'result', roundId: round.id }), 'display:show');
  return round;
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
  // Only two present: no quorum yet.
  await markPresent(
    chair,
    cards.slice(0, 2).map((c) => c.delegateId),
  );
});

afterAll(async () => {
  for (const v of voters) v.disconnect();
  chair?.close();
  await browser?.close();
  await server?.dispose();
});

describe('chair console at 1366×768', () => {
  it('says why "Mở biểu quyết" cannot open without quorum, and keeps the selected display mode readable on hover', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await signInConsole(page, server, CHAIR.username, CHAIR.password);
    await page
      .getByRole('checkbox', { name: 'Hiện mọi nội dung' })
      .check()
      .catch(() => undefined);
    const named = motions.find((m) => !m.practice && m.kind === 'ordinary' && m.mode === 'named')!;
    const open = page.getByRole('button', { name: `Mở biểu quyết: ${named.question}` });
    await open.waitFor({ timeout: 10_000 });
    expect(await open.isDisabled()).toBe(true);
    const card = page.locator(`[data-motion-id="${named.id}"]`);
    const note = card.getByTestId('motion-no-quorum');
    expect(await note.textContent()).toBe('Chưa mở được: chưa đủ số đại biểu có mặt để biểu quyết (có mặt 2/31, cần 21).');
    // The reason is the button's description for a screen reader.
    expect(await open.getAttribute('aria-describedby')).toBe(await note.getAttribute('id'));
    // A practice vote may run before quorum.
    const practice = motions.find((m) => m.practice)!;
    const practiceOpen = page.getByRole('button', { name: `Mở biểu quyết: ${practice.question}` });
    if (await practiceOpen.count()) expect(await practiceOpen.isDisabled()).toBe(false);
    await page.screenshot({ path: path.join(SHOTS, 'console-no-quorum-1366.png') });

    // The selected display-mode button, hovered.
    const modes = page.getByRole('group', { name: 'Chọn nội dung trình chiếu' });
    const pressed = modes.locator('button[aria-pressed="true"]');
    await pressed.hover();
    await page.waitForTimeout(200);
    const colours = await pressed.evaluate((el) => ({ fg: getComputedStyle(el).color, bg: getComputedStyle(el).backgroundColor }));
    expect(contrast(colours.fg, colours.bg)).toBeGreaterThanOrEqual(4.5);

    // With quorum the note goes and the button opens.
    await markPresent(
      chair,
      cards.slice(2, 22).map((c) => c.delegateId),
    );
    await expect.poll(() => note.count(), { timeout: 10_000 }).toBe(0);
    expect(await open.isDisabled()).toBe(false);
    await page.close();
  });
});

describe('hall display results', () => {
  let display: Page;
  let small: Page;

  beforeAll(async () => {
    const device = await createDisplay(server);
    display = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await display.goto(device.pairUrl);
    const second = await createDisplay(server, 'Màn hình phụ');
    small = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await small.goto(second.pairUrl);
    // 22 present (2 + 20 more); 17 of them have tablets and vote.
    await markPresent(
      chair,
      cards.slice(2, 22).map((c) => c.delegateId),
    );
    for (const card of cards.slice(0, 17)) voters.push(await delegateSocket(server, tokenOf(card)));
  });

  it('a named result board: absent seats read "Vắng mặt", present seats that did not press "Không bấm"; the resolution number', async () => {
    const named = motions.find((m) => !m.practice && m.kind === 'ordinary' && m.mode === 'named' && m.resolution)!;
    await runRound(named, async (round) => {
      for (const v of voters)
        must(await v.timeout(5000).emitWithAck('vote:cast', { roundId: round.id, choice: { type: 'option', option: 'yes' } }), 'vote:cast');
    });
    for (const page of [display, small]) {
      const board = page.locator('[data-board]');
      await board.waitFor({ timeout: 10_000 });
      const entries = board.locator('[data-delegate]');
      await expect.poll(() => entries.count()).toBe(31);
      const choices = await entries.evaluateAll((els) => els.map((e) => e.getAttribute('data-choice')));
      expect(choices.filter((c) => c === 'yes')).toHaveLength(17);
      expect(choices.filter((c) => c === 'none')).toHaveLength(5);
      expect(choices.filter((c) => c === 'absent')).toHaveLength(9);
      // Seat 31 was never marked present; seat 20 was, and did not press.
      expect(await board.locator('[data-delegate]').nth(30).textContent()).toContain('Vắng mặt');
      expect(await board.locator('[data-delegate]').nth(19).textContent()).toContain('Không bấm');
      const resolution = page.locator('[data-resolution]');
      await resolution.waitFor({ timeout: 10_000 });
      expect(await resolution.textContent()).toMatch(/^Nghị quyết số \d+\/NQ-HĐND$/);
      await page.screenshot({ path: path.join(SHOTS, `display-named-result-${page.viewportSize()!.width}.png`) });
    }
  });

  it('names an anonymous vote as the console does, and shows every confidence threshold', async () => {
    const anonymous = motions.find((m) => m.mode === 'anonymous')!;
    const round = must<RoundView>(await chair.timeout(5000).emitWithAck('motion:open', { motionId: anonymous.id, commandId: 'res-anon' }), 'motion:open');
    must(await chair.timeout(5000).emitWithAck('display:show', { mode: 'vote', roundId: round.id }), 'display:show');
    await expect.poll(() => display.locator('[data-slide="vote"]').textContent(), { timeout: 10_000 }).toContain(BALLOT_MODE_LABEL.anonymous.vi);
    expect(BALLOT_MODE_LABEL.anonymous.vi).toBe('Biểu quyết không ghi danh');
    must(await chair.timeout(5000).emitWithAck('round:cancel', { roundId: round.id, reason: 'Thử nhãn' }), 'round:cancel');

    const confidence = motions.find((m) => m.kind === 'confidence')!;
    const [first, ...rest] = confidence.candidates;
    await runRound(confidence, async (r) => {
      // Everyone rates the first person low (17 of 31: more than half), the others high.
      for (const v of voters) {
        const ratings = Object.fromEntries([[first!.id, 'low'], ...rest.map((c) => [c.id, 'high'])]);
        must(await v.timeout(5000).emitWithAck('vote:cast', { roundId: r.id, choice: { type: 'confidence', ratings } }), 'vote:cast');
      }
    });
    for (const page of [display, small]) {
      const flags = page.locator('[data-threshold]');
      await expect.poll(() => flags.count(), { timeout: 10_000 }).toBe(confidence.candidates.length);
      const text = await flags.allTextContents();
      expect(text[0]).toBe(`${first!.name}: Quá nửa tổng số đại biểu tín nhiệm thấp`);
      for (const [i, c] of rest.entries()) expect(text[i + 1]).toBe(`${c.name}: Chưa đến quá nửa tổng số đại biểu tín nhiệm thấp`);
      expect(await page.locator('[data-slide="result"]').textContent()).toContain('Tham gia bỏ phiếu');
      await page.screenshot({ path: path.join(SHOTS, `display-confidence-${page.viewportSize()!.width}.png`) });
    }
  });
});
