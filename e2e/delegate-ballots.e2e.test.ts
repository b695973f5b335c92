// Ballot rules on the delegate tablet against the real server in real Chromium: a delegate who has not checked
// in is refused (NOT_PRESENT) and can check in from the vote panel and retry; a council that forbids changing
// a vote locks the buttons after the acknowledgement; a secret ballot is confirmed without the app keeping the
// choice (not after a reload, not after the round closes).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { DelegateCard, Motion, RoundView } from '@hddt/protocol';
import { REST_ROUTES } from '@hddt/protocol/schemas';
import { api, chairSocket, delegateCards, demoSession, launchChromium, markPresent, startServer, type ChairSocket, type TestServer } from './harness';

let server: TestServer;
let browser: Browser;
let chair: ChairSocket;
let page: Page;
let card: DelegateCard;
let motions: Motion[];

async function ok<T>(p: Promise<{ ok: true; data: T } | { ok: false; code: string }>): Promise<T> {
  const ack = await p;
  if (!ack.ok) throw new Error(`chair command refused: ${ack.code}`);
  return ack.data;
}

const status = () => page.getByTestId('vote-status').textContent({ timeout: 10_000 });

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  const patched = await api(server, 'PATCH', REST_ROUTES.council.path, { allowVoteChange: false });
  expect(patched.status).toBe(200);
  chair = await chairSocket(server);
  const demo = await demoSession(chair);
  motions = demo.motions;
  card = (await delegateCards(server)).find((c) => c.seat === 12)!;
  await ok(chair.timeout(5000).emitWithAck('session:open', { sessionId: demo.session.id }));
  await ok(chair.timeout(5000).emitWithAck('rollcall:open', {}));
  await markPresent(
    chair,
    demo.snapshot.delegates
      .filter((d) => d.id !== card.delegateId)
      .slice(0, 21)
      .map((d) => d.id),
  );
  const context = await browser.newContext({ viewport: { width: 768, height: 1024 }, locale: 'vi-VN' });
  page = await context.newPage();
  await page.goto(card.signInUrl);
  await page.getByTestId('delegate-name').waitFor({ timeout: 10_000 });
});

afterAll(async () => {
  chair?.close();
  await browser?.close();
  await server?.dispose();
});

describe('delegate ballots', () => {
  it('refuses a delegate who has not checked in, lets them check in from the panel and retry, then locks', async () => {
    const motion = motions.find((m) => !m.practice && m.kind === 'ordinary' && m.mode === 'named')!;
    const round = await ok<RoundView>(chair.timeout(5000).emitWithAck('motion:open', { motionId: motion.id, commandId: `cmd-${Date.now()}-np` }));
    const dialog = page.getByRole('dialog', { name: motion.question });
    await dialog.waitFor({ timeout: 10_000 });
    expect(await status()).toContain('Bạn chưa điểm danh');
    await dialog.getByRole('button', { name: 'Tán thành', exact: true }).click();
    await expect.poll(status, { timeout: 10_000 }).toContain('Đại biểu chưa điểm danh nên chưa biểu quyết được.');
    expect(await status()).not.toContain('Đã ghi nhận');

    await dialog.getByRole('button', { name: 'Điểm danh', exact: true }).click();
    await dialog.getByRole('button', { name: 'Gửi lại: Tán thành' }).click();
    await expect.poll(status, { timeout: 10_000 }).toContain('Đã ghi nhận: Tán thành');
    // This council allows one press only.
    expect(await status()).toContain('không cho phép thay đổi');
    expect(await dialog.getByRole('button', { name: 'Không tán thành', exact: true }).isDisabled()).toBe(true);
    expect(await dialog.getByRole('button', { name: 'Không biểu quyết', exact: true }).isDisabled()).toBe(true);

    await ok(chair.timeout(5000).emitWithAck('round:close', { roundId: round.id }));
    await expect.poll(status, { timeout: 10_000 }).toContain('Phiếu của bạn: Tán thành');
    await dialog.getByRole('button', { name: 'Đóng', exact: true }).click();
  });

  it('confirms a secret ballot without keeping the choice: not after a reload, not after the close', async () => {
    const motion = motions.find((m) => m.kind === 'election')!;
    const candidate = motion.candidates[0]!;
    const round = await ok<RoundView>(chair.timeout(5000).emitWithAck('motion:open', { motionId: motion.id, commandId: `cmd-${Date.now()}-sec` }));
    const dialog = page.getByRole('dialog', { name: motion.question });
    await dialog.waitFor({ timeout: 10_000 });
    expect(await dialog.getByText('Bỏ phiếu kín', { exact: true }).count()).toBe(1);
    await dialog.getByRole('button', { name: candidate.name, exact: true }).click();
    await dialog.getByRole('button', { name: 'Gửi phiếu', exact: true }).click();
    await expect.poll(status, { timeout: 10_000 }).toContain('Đã ghi nhận phiếu của bạn.');
    expect(await status()).toContain('Đây là bỏ phiếu kín');
    expect(await status()).toContain(candidate.name); // shown on this device, in memory, while open

    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    expect(stored).not.toContain(candidate.id);
    expect(stored).not.toContain(candidate.name);

    await page.reload();
    await expect.poll(status, { timeout: 10_000 }).toContain('Đã ghi nhận phiếu của bạn.');
    expect(await status()).not.toContain(candidate.name);

    await ok(chair.timeout(5000).emitWithAck('round:close', { roundId: round.id }));
    await expect.poll(status, { timeout: 10_000 }).toContain('Bạn đã tham gia bỏ phiếu.');
    await ok(chair.timeout(5000).emitWithAck('round:announce', { roundId: round.id }));
    await page.getByTestId('result-announcement').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('result-announcement').textContent()).toContain(`tham gia bỏ phiếu 1 (3,23%); ${candidate.name} 1 phiếu (3,23%)`);
  });
});
