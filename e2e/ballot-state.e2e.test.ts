// The ballot state a tablet shows is always true (issue 14, §1), in real Chromium against the real server, on a
// tablet (768×1024, reached through a TCP relay that can drop the Wi-Fi silently) and a phone (390×844, whose
// browser is switched offline):
// - a secret ballot says before sending that it is final, and offers no change and no resend after;
// - a one-seat election moves the choice when another candidate is touched;
// - a lost connection is noticed within 3 s, and a ballot pressed offline is confirmed within 5 s of the
//   connection coming back, with no "Gửi lại";
// - "Kết quả đã công bố" lists every announced result with the delegate's own ballot, and after "Bế mạc" the
//   agenda says the session is closed.
import { mkdirSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DelegateCard, Motion, RoundView } from '@hddt/protocol';
import { REPO_ROOT, chairSocket, delegateCards, demoSession, launchChromium, markPresent, startServer, type ChairSocket, type TestServer } from './harness';

const SHOTS = path.join(REPO_ROOT, 'e2e/artifacts');

/**
 * A relay between one tablet and the server, standing for the hall's Wi-Fi. `drop()` is an access point that
 * goes silent: bytes on open connections vanish (nothing is closed, so only a heartbeat can tell) and new
 * connections fail at once, as they do on a tablet with no network.
 */
class WifiRelay {
  private server: Server;
  private pairs = new Set<[Socket, Socket]>();
  private silent = false;
  port = 0;

  constructor(private readonly target: number) {
    this.server = createServer((client) => {
      if (this.silent) {
        client.destroy();
        return;
      }
      const upstream = connect(this.target, '127.0.0.1');
      const pair: [Socket, Socket] = [client, upstream];
      this.pairs.add(pair);
      const forward = (from: Socket, to: Socket) =>
        from.on('data', (chunk) => {
          if (!this.silent) to.write(chunk);
        });
      forward(client, upstream);
      forward(upstream, client);
      const end = () => {
        client.destroy();
        upstream.destroy();
        this.pairs.delete(pair);
      };
      client.on('close', end).on('error', end);
      upstream.on('close', end).on('error', end);
    });
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  drop(): void {
    this.silent = true;
  }

  restore(): void {
    this.silent = false;
    // The connections that lived through the silence are useless now (bytes were lost): as after a real outage.
    for (const [a, b] of this.pairs) {
      a.destroy();
      b.destroy();
    }
    this.pairs.clear();
  }

  async close(): Promise<void> {
    this.restore();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

let server: TestServer;
let relay: WifiRelay;
let browser: Browser;
let chair: ChairSocket;
let motions: Motion[];
let sessionId: string;

interface Device {
  name: 'tablet' | 'phone';
  context: BrowserContext;
  page: Page;
  card: DelegateCard;
}
const devices: Device[] = [];

async function ok<T>(p: Promise<{ ok: true; data: T } | { ok: false; code: string }>): Promise<T> {
  const ack = await p;
  if (!ack.ok) throw new Error(`chair command refused: ${ack.code}`);
  return ack.data;
}

const statusOf = (d: Device) => () => d.page.getByTestId('vote-status').textContent({ timeout: 10_000 });
const badgeOf = (d: Device) => () => d.page.locator('[data-connection]').first().getAttribute('data-connection');

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check()) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`not within ${timeoutMs} ms`);
}

async function openVote(motion: Motion): Promise<RoundView> {
  const round = await ok<RoundView>(chair.timeout(5000).emitWithAck('motion:open', { motionId: motion.id, commandId: `hall-${motion.id}-${Date.now()}` }));
  for (const d of devices) await d.page.getByRole('dialog', { name: motion.question }).waitFor({ timeout: 10_000 });
  return round;
}

async function closeAndAnnounce(round: RoundView): Promise<void> {
  await ok(chair.timeout(5000).emitWithAck('round:close', { roundId: round.id }));
  await ok(chair.timeout(5000).emitWithAck('round:announce', { roundId: round.id }));
  for (const d of devices) await d.page.getByTestId('result-announcement').first().waitFor({ timeout: 10_000 });
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer();
  relay = new WifiRelay(server.port);
  await relay.listen();
  browser = await launchChromium();
  chair = await chairSocket(server);
  const demo = await demoSession(chair);
  motions = demo.motions;
  sessionId = demo.session.id;
  const cards = await delegateCards(server);
  await ok(chair.timeout(5000).emitWithAck('session:open', { sessionId }));
  await ok(chair.timeout(5000).emitWithAck('rollcall:open', {}));
  await markPresent(
    chair,
    demo.snapshot.delegates.slice(0, 24).map((d) => d.id),
  );
  const sizes = [
    { name: 'tablet' as const, viewport: { width: 768, height: 1024 }, card: cards[2]! },
    { name: 'phone' as const, viewport: { width: 390, height: 844 }, card: cards[3]! },
  ];
  for (const size of sizes) {
    const context = await browser.newContext({ viewport: size.viewport, locale: 'vi-VN', hasTouch: size.name === 'phone' });
    const page = await context.newPage();
    // The tablet reaches the server through the relay (its Wi-Fi); the phone directly.
    const url = size.name === 'tablet' ? size.card.signInUrl.replace(`:${server.port}/`, `:${relay.port}/`) : size.card.signInUrl;
    await page.goto(url);
    await page.getByTestId('delegate-name').waitFor({ timeout: 10_000 });
    devices.push({ name: size.name, context, page, card: size.card });
  }
});

afterAll(async () => {
  chair?.close();
  await browser?.close();
  await relay?.close();
  await server?.dispose();
});

describe('ballot state on the tablet is always true', () => {
  it('a secret one-seat election: the choice moves on touch, is final once sent, with no change or resend', async () => {
    const election = motions.find((m) => m.kind === 'election' && m.mode === 'secret' && m.seats === 1)!;
    expect(election.candidates.length).toBeGreaterThanOrEqual(2);
    const [first, second] = election.candidates;
    const round = await openVote(election);
    for (const d of devices) {
      const dialog = d.page.getByRole('dialog', { name: election.question });
      expect(await statusOf(d)()).toContain('Phiếu kín: sau khi gửi không thể thay đổi');
      await dialog.getByRole('button', { name: first!.name, exact: true }).click();
      // One seat: touching another candidate moves the choice, no untick first.
      await dialog.getByRole('button', { name: second!.name, exact: true }).click();
      expect(await dialog.getByRole('button', { name: second!.name, exact: true }).getAttribute('aria-pressed')).toBe('true');
      expect(await dialog.getByRole('button', { name: first!.name, exact: true }).getAttribute('aria-pressed')).toBe('false');
      await d.page.screenshot({ path: path.join(SHOTS, `hall-secret-before-${d.name}.png`) });
      await dialog.getByRole('button', { name: 'Gửi phiếu', exact: true }).click();
      await expect.poll(statusOf(d), { timeout: 10_000 }).toContain('Đã ghi nhận phiếu của bạn.');
      const status = await statusOf(d)();
      expect(status).not.toContain('Quy chế cho phép đổi lựa chọn');
      expect(status).toContain('Phiếu kín: sau khi gửi không thể thay đổi');
      for (const c of election.candidates) expect(await dialog.getByRole('button', { name: c.name, exact: true }).isDisabled()).toBe(true);
      expect(await dialog.getByRole('button', { name: 'Gửi phiếu', exact: true }).isDisabled()).toBe(true);
      expect(await dialog.getByRole('button', { name: /Gửi lại/ }).count()).toBe(0);
      await d.page.screenshot({ path: path.join(SHOTS, `hall-secret-after-${d.name}.png`) });
    }
    // After a reload the app no longer knows the choice, and still offers no change.
    const tablet = devices[0]!;
    await tablet.page.reload();
    await expect.poll(statusOf(tablet), { timeout: 10_000 }).toContain('Đã ghi nhận phiếu của bạn.');
    const dialog = tablet.page.getByRole('dialog', { name: election.question });
    for (const c of election.candidates) expect(await dialog.getByRole('button', { name: c.name, exact: true }).isDisabled()).toBe(true);
    expect(await dialog.getByRole('button', { name: /Gửi lại/ }).count()).toBe(0);
    await closeAndAnnounce(round);
  });

  it('notices a lost connection within 3 s, and confirms a ballot pressed offline within 5 s of coming back', async () => {
    const motion = motions.find((m) => !m.practice && m.kind === 'ordinary' && m.mode === 'named')!;
    const round = await openVote(motion);
    const [tablet, phone] = devices as [Device, Device];

    // The tablet's access point goes silent: nothing is closed, only the missing heartbeat tells.
    expect(await badgeOf(tablet)()).toBe('online');
    relay.drop();
    const tabletNoticed = await waitUntil(async () => (await badgeOf(tablet)()) !== 'online', 6000);
    expect(tabletNoticed).toBeLessThan(3000);
    expect(await tablet.page.getByText('Đã kết nối', { exact: true }).count()).toBe(0);
    // The phone's browser knows it is offline.
    await phone.context.setOffline(true);
    const phoneNoticed = await waitUntil(async () => (await badgeOf(phone)()) !== 'online', 6000);
    expect(phoneNoticed).toBeLessThan(3000);

    await tablet.page.getByRole('dialog').getByRole('button', { name: 'Tán thành', exact: true }).click();
    await phone.page.getByRole('dialog').getByRole('button', { name: 'Không tán thành', exact: true }).click();
    for (const d of devices) {
      await expect.poll(statusOf(d), { timeout: 10_000 }).toContain('Chưa ghi nhận được phiếu.');
      expect(await statusOf(d)()).not.toContain('Đã ghi nhận');
    }
    await tablet.page.screenshot({ path: path.join(SHOTS, 'hall-offline-tablet.png') });

    // Back: each tablet asks the server by itself and sends the same ballot again; nobody presses "Gửi lại".
    relay.restore();
    await phone.context.setOffline(false);
    const tabletBack = await waitUntil(async () => (await statusOf(tablet)())!.includes('Đã ghi nhận: Tán thành'), 10_000);
    const phoneBack = await waitUntil(async () => (await statusOf(phone)())!.includes('Đã ghi nhận: Không tán thành'), 10_000);
    console.info(
      `lost connection noticed: tablet ${tabletNoticed} ms, phone ${phoneNoticed} ms; confirmed after return: tablet ${tabletBack} ms, phone ${phoneBack} ms`,
    );
    expect(tabletBack).toBeLessThan(5000);
    expect(phoneBack).toBeLessThan(5000);
    for (const d of devices) expect(await badgeOf(d)()).toBe('online');
    await phone.page.screenshot({ path: path.join(SHOTS, 'hall-back-phone.png') });

    // What the server has is what the tablets say.
    const snap = await demoSession(chair);
    expect(snap.snapshot.rounds.find((r) => r.id === round.id)!.voterIds).toEqual(expect.arrayContaining([tablet.card.delegateId, phone.card.delegateId]));
    await closeAndAnnounce(round);
  });

  it('keeps the session history: every announced result with the own ballot, and the agenda closed after "Bế mạc"', async () => {
    const election = motions.find((m) => m.kind === 'election' && m.mode === 'secret' && m.seats === 1)!;
    const named = motions.find((m) => !m.practice && m.kind === 'ordinary' && m.mode === 'named')!;
    for (const d of devices) {
      await d.page.getByRole('dialog').getByRole('button', { name: 'Đóng', exact: true }).click();
      await d.page.getByRole('button', { name: 'Kỳ họp', exact: true }).click();
      const results = d.page.getByRole('region', { name: 'Kết quả đã công bố' });
      await results.waitFor({ timeout: 10_000 });
      const text = (await results.textContent()) ?? '';
      expect(text).toContain(election.question);
      expect(text).toContain(named.question);
      expect(text).toContain('Bạn đã tham gia bỏ phiếu.');
      expect(text).toContain(d.name === 'tablet' ? 'Phiếu của bạn: Tán thành' : 'Phiếu của bạn: Không tán thành');
      expect(text).toMatch(/Có mặt 24\/31; tham gia biểu quyết 2 \(6,45%\)/);
    }
    await ok(chair.timeout(5000).emitWithAck('session:close', { sessionId }));
    for (const d of devices) {
      const agenda = d.page.getByRole('region', { name: 'Chương trình kỳ họp' });
      await expect.poll(() => agenda.textContent(), { timeout: 10_000 }).toContain('Kỳ họp đã bế mạc.');
      expect(await agenda.getByText('Đang thảo luận').count()).toBe(0);
      // Still listed after the close.
      expect(await d.page.getByRole('region', { name: 'Kết quả đã công bố' }).textContent()).toContain(named.question);
      await d.page.getByRole('region', { name: 'Kết quả đã công bố' }).scrollIntoViewIfNeeded();
      await d.page.screenshot({ path: path.join(SHOTS, `hall-history-${d.name}.png`) });
    }
  });
});
