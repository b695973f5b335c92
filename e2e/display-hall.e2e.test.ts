// The hall display in Debian Chromium against the real server: paired from the pairing link, driven by the
// chair and delegate sockets, showing progress then the announced result with the right numbers. Every slide
// is screenshot at 1920×1080, 1280×720 and 4:3 1024×768 (e2e/artifacts/display/) and checked for text overflowing its box.
// Needs `npm run build -w @hddt/display-screen` first.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { BallotChoice, DisplayMode, RoundView, SpeakerEntry } from '@hddt/protocol';
import {
  REPO_ROOT,
  api,
  chairSocket,
  createDisplay,
  delegateCards,
  delegateSocket,
  demoSession,
  launchChromium,
  markPresent,
  must,
  openSessionWithRollCall,
  startServer,
  tokenOf,
  type ChairSocket,
  type DelegateSocket,
  type TestServer,
} from './harness';

const SHOTS = path.join(REPO_ROOT, 'e2e/artifacts/display');
mkdirSync(SHOTS, { recursive: true });

const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
  // A 4:3 projector.
  { width: 1024, height: 768 },
];

/** Text elements whose content does not fit their box, that stick out of the screen, or that overlap. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const els = document.querySelectorAll<HTMLElement>('[data-fit], [data-result-chart] dt, [data-result-chart] dd');
    for (const el of els) {
      if (el.getClientRects().length === 0) continue;
      const name = `${el.className || el.tagName} "${(el.textContent ?? '').slice(0, 40)}"`;
      if (getComputedStyle(el).display === 'inline') out.push(`${name}: inline, cannot be measured`);
      if (el.scrollWidth > el.clientWidth + 1) out.push(`${name}: width ${el.scrollWidth} > ${el.clientWidth}`);
      if (el.scrollHeight > el.clientHeight + 1) out.push(`${name}: height ${el.scrollHeight} > ${el.clientHeight}`);
      const r = el.getBoundingClientRect();
      if (r.left < -1 || r.top < -1 || r.right > innerWidth + 1 || r.bottom > innerHeight + 1) out.push(`${name}: outside the screen`);
    }
    // Text boxes that overlap one another (a panel pushed over its neighbour).
    const leaves = [...els].filter((el) => el.getClientRects().length > 0 && ![...els].some((o) => o !== el && el.contains(o)));
    const rects = leaves.map((el) => el.getBoundingClientRect());
    for (let i = 0; i < leaves.length; i++) {
      for (let j = i + 1; j < leaves.length; j++) {
        const a = rects[i]!;
        const b = rects[j]!;
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 2 && h > 2) out.push(`"${(leaves[i]!.textContent ?? '').slice(0, 30)}" overlaps "${(leaves[j]!.textContent ?? '').slice(0, 30)}"`);
      }
    }
    return out;
  });
}

/** Screenshots the current slide at each size and fails on any overflowing text. */
async function shoot(page: Page, name: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 400)))));
    expect(await overflowing(page), `${name} at ${size.width}×${size.height}`).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, `${name}-${size.width}x${size.height}.png`) });
  }
  await page.setViewportSize(SIZES[0]!);
}

async function show(chair: ChairSocket, mode: DisplayMode, roundId: string | null = null): Promise<void> {
  must(await chair.timeout(5000).emitWithAck('display:show', { mode, roundId }), `display:show ${mode}`);
}

async function vote(delegates: DelegateSocket[], roundId: string, choice: BallotChoice): Promise<void> {
  for (const d of delegates) must(await d.timeout(5000).emitWithAck('vote:cast', { roundId, choice }), 'vote:cast');
}

async function slide(page: Page, kind: string): Promise<void> {
  await page.locator(`.slide-frame [data-slide="${kind}"]`).waitFor({ timeout: 8000 });
}

async function textOf(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).first().textContent({ timeout: 5000 })) ?? '';
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('hall display against the real server', () => {
  let server: TestServer;
  let chair: ChairSocket;
  let delegates: DelegateSocket[] = [];
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    chair = await chairSocket(server);
    const cards = await delegateCards(server);
    // 17 tablets vote; 4 more are marked present by the secretariat: 21 of 31 present, exactly the quorum.
    delegates = await Promise.all(cards.slice(0, 17).map((c) => delegateSocket(server, tokenOf(c))));
    await openSessionWithRollCall(chair, delegates);
    await markPresent(
      chair,
      cards.slice(17, 21).map((c) => c.delegateId),
    );
    const display = await createDisplay(server);
    page = await browser.newPage({ viewport: SIZES[0] });
    await page.goto(display.pairUrl);
  });
  afterAll(async () => {
    for (const d of delegates) d.disconnect();
    chair?.disconnect();
    await page?.close();
    await server?.dispose();
  });

  it('pairs from the link, keeps no token in the address bar, shows welcome, agenda and attendance', async () => {
    await slide(page, 'welcome');
    expect(new URL(page.url()).hash).toBe('');
    expect(await page.evaluate(() => localStorage.getItem('hddt.display.token'))).toBeTruthy();
    expect(await textOf(page, '.welcome-session')).toMatch(/^Kỳ họp thứ /);
    expect(await page.evaluate(() => getComputedStyle(document.body).cursor)).toBe('none');
    // The bundled font is the one in use (no internet in a hall).
    expect(await page.evaluate(() => document.fonts.check('700 32px "Be Vietnam Pro"', 'Kỳ họp thứ Tư'))).toBe(true);
    await shoot(page, 'welcome');

    const { agenda } = await demoSession(chair);
    must(await chair.timeout(5000).emitWithAck('agenda:current', { itemId: agenda[1]!.id }), 'agenda:current');
    await show(chair, 'agenda');
    await slide(page, 'agenda');
    expect(await textOf(page, '.agenda-current-title')).toBe(agenda[1]!.title);
    expect(await page.locator('.agenda-next-item').count()).toBeGreaterThan(0);
    await shoot(page, 'agenda');

    await show(chair, 'attendance');
    await slide(page, 'attendance');
    expect(await textOf(page, '.attendance-count')).toBe('21/31');
    expect(await page.locator('[data-quorum]').getAttribute('data-quorum')).toBe('met');
    await shoot(page, 'attendance');
  });

  it('a named vote: progress while open, then the announced result with percentages of all 31 and the board', async () => {
    const { motions } = await demoSession(chair);
    const motion = motions.find((m) => m.mode === 'named' && m.kind === 'ordinary' && !m.practice)!;
    const round = must<RoundView>(await chair.timeout(5000).emitWithAck('motion:open', { motionId: motion.id, commandId: 'display-e2e-named' }), 'motion:open');
    await show(chair, 'vote', round.id);
    await slide(page, 'vote');
    expect(await textOf(page, '.question')).toBe(motion.question);
    await page.locator('.progress-figure', { hasText: '0/21' }).waitFor({ timeout: 5000 });

    await vote(delegates.slice(0, 5), round.id, { type: 'option', option: 'yes' });
    await page.locator('.progress-figure', { hasText: '5/21' }).waitFor({ timeout: 5000 });
    expect(await textOf(page, '[data-vote-status]')).toBe('ĐANG BIỂU QUYẾT');
    // The chair chose "progress only": no interim totals on the hall screen.
    expect(await page.locator('[data-interim]').count()).toBe(0);
    await shoot(page, 'vote');

    await vote(delegates.slice(5, 16), round.id, { type: 'option', option: 'yes' });
    await vote(delegates.slice(16, 17), round.id, { type: 'option', option: 'abstain' });
    await page.locator('.progress-figure', { hasText: '17/21' }).waitFor({ timeout: 5000 });
    must(await chair.timeout(5000).emitWithAck('round:close', { roundId: round.id }), 'round:close');
    await page.locator('[data-vote-status]', { hasText: 'ĐÃ KẾT THÚC BIỂU QUYẾT' }).waitFor({ timeout: 5000 });
    must(await chair.timeout(5000).emitWithAck('round:announce', { roundId: round.id }), 'round:announce');
    await show(chair, 'result', round.id);
    await slide(page, 'result');

    // 16 of 31 in favour: exactly more than half of all delegates (floor(31/2)+1 = 16).
    expect(await page.locator('.verdict').getAttribute('data-verdict')).toBe('passed');
    expect(await textOf(page, '.verdict-word')).toBe('THÔNG QUA');
    expect(await textOf(page, '[data-line="present"]')).toBe('Có mặt21/31');
    expect(await textOf(page, '[data-line="participated"]')).toBe('Tham gia biểu quyết1754,84%');
    // Beside the board, the chart rows carry each option's count and share of all 31.
    expect(await textOf(page, '[data-result-chart] [data-option="yes"]')).toBe('Tán thành16 · 51,61%');
    expect(await textOf(page, '[data-result-chart] [data-option="no"]')).toBe('Không tán thành0 · 0%');
    expect(await textOf(page, '[data-result-chart] [data-option="abstain"]')).toBe('Không biểu quyết1 · 3,23%');

    // The board comes from round:board: every delegate in seat order with their choice.
    await page.locator('[data-board] [data-delegate]').first().waitFor({ timeout: 5000 });
    const board = await page.$$eval('[data-board] [data-delegate]', (els) =>
      els.map((e) => ({ seat: Number(e.querySelector('.board-seat')!.textContent), choice: e.getAttribute('data-choice') })),
    );
    expect(board).toHaveLength(31);
    expect(board.map((b) => b.seat)).toEqual([...board.map((b) => b.seat)].sort((a, b) => a - b));
    expect(board.filter((b) => b.choice === 'yes')).toHaveLength(16);
    expect(board.filter((b) => b.choice === 'abstain')).toHaveLength(1);
    // 14 did not vote: 4 present who did not press ("Không bấm"), 10 absent ("Vắng mặt").
    expect(board.filter((b) => b.choice === 'none')).toHaveLength(4);
    expect(board.filter((b) => b.choice === 'absent')).toHaveLength(10);
    await shoot(page, 'result-named');
  });

  it('speaker with time left and the queue', async () => {
    const cards = await delegateCards(server);
    const first = must<SpeakerEntry>(
      await chair.timeout(5000).emitWithAck('speaker:add', { name: cards[2]!.fullName, delegateId: cards[2]!.delegateId }),
      'speaker:add',
    );
    must(await chair.timeout(5000).emitWithAck('speaker:add', { name: cards[5]!.fullName, delegateId: cards[5]!.delegateId }), 'speaker:add');
    must(await chair.timeout(5000).emitWithAck('speaker:add', { name: cards[8]!.fullName, delegateId: cards[8]!.delegateId }), 'speaker:add');
    must(await chair.timeout(5000).emitWithAck('speaker:give', { entryId: first.id }), 'speaker:give');
    await show(chair, 'speaker');
    await slide(page, 'speaker');
    expect(await textOf(page, '.speaker-name')).toBe(cards[2]!.fullName);
    expect(await page.locator('[data-timer]').getAttribute('data-timer')).toBe('ok');
    expect(await page.$$eval('.speaker-queue-name', (els) => els.map((e) => e.textContent))).toEqual([cards[5]!.fullName, cards[8]!.fullName]);
    await shoot(page, 'speaker');
  });

  it('a practice vote with live interim totals, a secret election with three candidates and a confidence rating: never a board', async () => {
    const { motions } = await demoSession(chair);
    const practice = motions.find((m) => m.practice)!;
    const p = must<RoundView>(
      await chair.timeout(5000).emitWithAck('motion:open', { motionId: practice.id, commandId: 'display-e2e-practice' }),
      'motion:open',
    );
    await show(chair, 'vote', p.id);
    await slide(page, 'vote');
    await vote(delegates.slice(0, 12), p.id, { type: 'option', option: 'yes' });
    await vote(delegates.slice(12, 14), p.id, { type: 'option', option: 'no' });
    await page.locator('.progress-figure', { hasText: '14/21' }).waitFor({ timeout: 5000 });
    await page.locator('[data-interim] [data-option="yes"]', { hasText: '12 · 38,71%' }).waitFor({ timeout: 5000 });
    expect(await textOf(page, '[data-practice]')).toBe('BIỂU QUYẾT THỬ');
    expect(await page.locator('[data-countdown]').count()).toBe(1);
    await shoot(page, 'vote-practice-interim');
    must(await chair.timeout(5000).emitWithAck('round:close', { roundId: p.id }), 'round:close');

    const election = motions.find((m) => m.kind === 'election')!;
    const [c1, c2, c3] = election.candidates;
    const e = must<RoundView>(
      await chair.timeout(5000).emitWithAck('motion:open', { motionId: election.id, commandId: 'display-e2e-election' }),
      'motion:open',
    );
    await show(chair, 'vote', e.id);
    await slide(page, 'vote');
    expect(await page.locator('.candidate-chip').count()).toBe(3);
    await vote(delegates.slice(0, 16), e.id, { type: 'election', candidateIds: [c1!.id] });
    await vote(delegates.slice(16, 17), e.id, { type: 'election', candidateIds: [c2!.id] });
    must(await chair.timeout(5000).emitWithAck('round:close', { roundId: e.id }), 'round:close');
    must(await chair.timeout(5000).emitWithAck('round:announce', { roundId: e.id }), 'round:announce');
    await show(chair, 'result', e.id);
    await slide(page, 'result');
    const rows = await page.$$eval('[data-candidate]', (els) =>
      els.map((el) => ({ id: el.getAttribute('data-candidate'), verdict: el.getAttribute('data-verdict'), text: el.textContent })),
    );
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(byId[c1!.id]).toMatchObject({ verdict: 'elected' });
    expect(byId[c1!.id]!.text).toContain('16 · 51,61%');
    expect(byId[c2!.id]!.text).toContain('1 · 3,23%');
    expect(byId[c3!.id]!.text).toContain('0 · 0%');
    expect(await textOf(page, '[data-line="participated"]')).toBe('Tham gia bỏ phiếu1754,84%');
    expect(await page.locator('[data-board]').count()).toBe(0);
    await shoot(page, 'result-election');

    // Confidence rating (secret): three levels per official, shares of all 31.
    const confidence = motions.find((m) => m.kind === 'confidence')!;
    const [s1, s2] = confidence.candidates;
    const c = must<RoundView>(
      await chair.timeout(5000).emitWithAck('motion:open', { motionId: confidence.id, commandId: 'display-e2e-confidence' }),
      'motion:open',
    );
    await vote(delegates.slice(0, 10), c.id, { type: 'confidence', ratings: { [s1!.id]: 'high', [s2!.id]: 'low' } });
    await vote(delegates.slice(10, 17), c.id, { type: 'confidence', ratings: { [s1!.id]: 'medium', [s2!.id]: 'low' } });
    must(await chair.timeout(5000).emitWithAck('round:close', { roundId: c.id }), 'round:close');
    must(await chair.timeout(5000).emitWithAck('round:announce', { roundId: c.id }), 'round:announce');
    await show(chair, 'result', c.id);
    await page.locator(`[data-subject="${s1!.id}"]`).waitFor({ timeout: 5000 });
    expect(await textOf(page, `[data-subject="${s1!.id}"] [data-level="high"]`)).toBe('Tín nhiệm cao: 10 (32,26%)');
    expect(await textOf(page, `[data-subject="${s1!.id}"] [data-level="medium"]`)).toBe('Tín nhiệm: 7 (22,58%)');
    expect(await textOf(page, `[data-subject="${s2!.id}"] [data-level="low"]`)).toBe('Tín nhiệm thấp: 17 (54,84%)');
    // 17 of 31 rated low: more than half of all delegates.
    expect(await textOf(page, `[data-flag="${s2!.id}"]`)).toContain('Quá nửa tổng số đại biểu tín nhiệm thấp');
    expect(await page.locator('[data-board]').count()).toBe(0);
    await shoot(page, 'result-confidence');
  });
});

describe('hall display offline and unpaired', () => {
  it('loses the server: frozen state with a discreet mark, never a stale "voting open"; reconnects by itself', async () => {
    const server = await startServer();
    let chair = await chairSocket(server);
    const cards = await delegateCards(server);
    const delegates = await Promise.all(cards.slice(0, 2).map((c) => delegateSocket(server, tokenOf(c))));
    const page = await browser.newPage({ viewport: SIZES[0] });
    try {
      await openSessionWithRollCall(chair, delegates);
      await markPresent(
        chair,
        cards.slice(2, 22).map((c) => c.delegateId),
      );
      const { motions } = await demoSession(chair);
      const motion = motions.find((m) => m.mode === 'anonymous')!;
      const round = must<RoundView>(
        await chair.timeout(5000).emitWithAck('motion:open', { motionId: motion.id, commandId: 'display-e2e-offline' }),
        'motion:open',
      );
      await show(chair, 'vote', round.id);
      const display = await createDisplay(server);
      await page.goto(display.pairUrl);
      await slide(page, 'vote');
      await vote(delegates.slice(0, 1), round.id, { type: 'option', option: 'yes' });
      await page.locator('.progress-figure', { hasText: '1/22' }).waitFor({ timeout: 5000 });
      expect(await page.locator('[data-offline-mark]').count()).toBe(0);

      await server.stop();
      await page.locator('[data-offline-mark]').waitFor({ timeout: 8000 });
      const text = (await page.textContent('main')) ?? '';
      expect(text).not.toContain('ĐANG BIỂU QUYẾT');
      expect(await page.locator('[data-countdown]').count()).toBe(0);
      expect(await textOf(page, '.progress-figure')).toBe('1/22 đại biểu có mặt');
      expect(await textOf(page, '[data-vote-status]')).toMatch(/^Số liệu lúc \d\d:\d\d:\d\d — đang chờ kết nối lại$/);
      await shoot(page, 'vote-offline');

      await server.restart();
      await page.locator('[data-vote-status]', { hasText: 'ĐANG BIỂU QUYẾT' }).waitFor({ timeout: 15_000 });
      expect(await page.locator('[data-offline-mark]').count()).toBe(0);
      // The vote went on across the restart; a ballot cast now reaches the display.
      chair.disconnect();
      chair = await chairSocket(server);
      const again = await delegateSocket(server, tokenOf(cards[1]!));
      delegates.push(again);
      await vote([again], round.id, { type: 'option', option: 'no' });
      await page.locator('.progress-figure', { hasText: '2/22' }).waitFor({ timeout: 5000 });
    } finally {
      for (const d of delegates) d.disconnect();
      chair.disconnect();
      await page.close();
      await server.dispose();
    }
  });

  it('an unknown or revoked token shows the calm "not paired" screen', async () => {
    const server = await startServer();
    const page = await browser.newPage({ viewport: SIZES[1] });
    try {
      await page.goto(`${server.url}/display/#token=not-a-real-token`);
      await page.locator('[data-status-screen="unpaired"]').waitFor({ timeout: 8000 });
      expect(await textOf(page, '.status-title')).toBe('Màn hình chưa được ghép nối');
      expect(await page.evaluate(() => localStorage.getItem('hddt.display.token'))).toBeNull();
      await shoot(page, 'not-paired');

      // A paired display whose pairing the secretariat revokes goes back to the same calm screen.
      const display = await createDisplay(server);
      await page.goto(display.pairUrl);
      await slide(page, 'welcome');
      const revoked = await api(server, 'DELETE', `/api/displays/${display.id}`);
      expect(revoked.status).toBeLessThan(300);
      await page.locator('[data-status-screen="revoked"]').waitFor({ timeout: 8000 });
      expect(await textOf(page, '.status-title')).toBe('Màn hình chưa được ghép nối');
      expect(await page.evaluate(() => localStorage.getItem('hddt.display.token'))).toBeNull();
    } finally {
      await page.close();
      await server.dispose();
    }
  });
});
