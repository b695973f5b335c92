// Sign-in and its refusals on the delegate tablet, in real Chromium against the real server: a card link keeps
// the device signed in across reloads, an unknown or revoked card gets a clear page, the same card on a second
// device is said plainly on both devices, and "Đăng xuất" signs out for good.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { DelegateCard } from '@hddt/protocol';
import { pathOf } from '@hddt/protocol';
import { REST_ROUTES } from '@hddt/protocol/schemas';
import { REPO_ROOT, api, delegateCards, launchChromium, startServer, type TestServer } from './harness';

const SHOTS = path.join(REPO_ROOT, 'e2e/artifacts');
const SIZES = [
  { name: 'tablet-portrait', width: 768, height: 1024 },
  { name: 'tablet-landscape', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

let server: TestServer;
let browser: Browser;
let cards: DelegateCard[];

async function shoot(page: Page, name: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.waitForTimeout(100);
    await page.screenshot({ path: path.join(SHOTS, `delegate-${name}-${size.name}.png`) });
  }
  await page.setViewportSize({ width: 768, height: 1024 });
}

async function newTablet(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 768, height: 1024 }, locale: 'vi-VN' });
  return context.newPage();
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).first().textContent({ timeout: 10_000 });

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer();
  browser = await launchChromium();
  cards = await delegateCards(server);
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('delegate sign-in', () => {
  it('without a card link, explains how to sign in', async () => {
    const page = await newTablet();
    await page.goto(`${server.url}/delegate/`);
    expect(await heading(page)).toBe('Chưa đăng nhập');
    expect(await page.getByText('quét mã QR').count()).toBe(1);
    await page.context().close();
  });

  it('refuses an unknown card with a page that says to contact the secretariat', async () => {
    const page = await newTablet();
    await page.goto(`${server.url}/delegate/#token=this-card-does-not-exist-0000`);
    expect(await heading(page)).toBe('Không đăng nhập được');
    expect(await page.getByText('Vui lòng liên hệ Văn phòng (thư ký kỳ họp)').count()).toBe(1);
    expect(new URL(page.url()).hash).toBe('');
    await shoot(page, 'refused');
    await page.context().close();
  });

  it('stays signed in across a reload and a closed tab', async () => {
    const card = cards[2]!;
    const page = await newTablet();
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
    await page.reload();
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
    const again = await page.context().newPage();
    await page.close();
    await again.goto(`${server.url}/delegate/`);
    await expect
      .poll(
        () =>
          again
            .getByTestId('delegate-name')
            .textContent()
            .catch(() => null),
        { timeout: 10_000 },
      )
      .toBe(card.fullName);
    await again.context().close();
  });

  it('says so plainly when the same card is used on another device, and lets the delegate take over', async () => {
    const card = cards[3]!;
    const first = await newTablet();
    await first.goto(card.signInUrl);
    await first.getByTestId('delegate-name').waitFor({ timeout: 10_000 });

    const second = await newTablet();
    await second.goto(card.signInUrl);
    expect(await heading(second)).toBe('Thẻ đang được dùng trên thiết bị khác');
    await shoot(second, 'in-use');
    await second.getByRole('button', { name: 'Dùng thẻ trên máy này' }).click();
    await expect
      .poll(
        () =>
          second
            .getByTestId('delegate-name')
            .textContent()
            .catch(() => null),
        { timeout: 10_000 },
      )
      .toBe(card.fullName);

    // The first device is told, and stops.
    await expect.poll(() => heading(first), { timeout: 10_000 }).toBe('Thẻ của bạn vừa được dùng trên máy khác');
    await shoot(first, 'replaced');
    await first.context().close();
    await second.context().close();
  });

  it('shows the refused page when the secretariat re-issues (revokes) the card', async () => {
    const card = cards[4]!;
    const page = await newTablet();
    await page.goto(card.signInUrl);
    await page.getByTestId('delegate-name').waitFor({ timeout: 10_000 });
    const res = await api(server, 'POST', pathOf(REST_ROUTES.delegateToken, { id: card.delegateId }));
    expect(res.status).toBeLessThan(300);
    await expect.poll(() => heading(page), { timeout: 10_000 }).toBe('Không đăng nhập được');
    // And a reload with the old card stays refused.
    await page.reload();
    expect(await heading(page)).toBe('Không đăng nhập được');
    await page.context().close();
  });

  it('"Đăng xuất" signs out and forgets the card on this device', async () => {
    const card = cards[5]!;
    const page = await newTablet();
    await page.goto(card.signInUrl);
    await page.getByTestId('delegate-name').waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Đăng xuất', exact: true }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByRole('button', { name: 'Đăng xuất', exact: true }).click();
    expect(await heading(page)).toBe('Đã đăng xuất');
    await page.reload();
    expect(await heading(page)).toBe('Chưa đăng nhập');
    await page.context().close();
  });
});
