// Test harness of the browser tests: the server's test kit (server/src/testing/harness.ts) and real Chromium.
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Ack, StaffRole } from '@hddt/protocol';
import { api } from '../server/src/testing/harness';

export * from '../server/src/testing/harness';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** The data of an acknowledged socket call; a refusal fails the test, naming what was refused. */
export function must<T>(ack: Ack<T>, what: string): T {
  if (!ack.ok) throw new Error(`${what}: ${ack.code} ${ack.message}`);
  return ack.data;
}

export interface StaffAccountInput {
  readonly username: string;
  readonly displayName: string;
  readonly role: StaffRole;
  readonly password: string;
}

/** The chair account the hall's browser tests sign in with. */
export const CHAIR_ACCOUNT = {
  username: 'chutoa',
  displayName: 'Nguyễn Minh An',
  role: 'chair',
  password: 'chu-toa-ky-hop-2026',
} as const satisfies StaffAccountInput;

/** Creates a staff account through the REST API, signed in as the administrator. */
export async function createStaff(server: { url: string; adminPassword: string }, account: StaffAccountInput): Promise<void> {
  const created = await api(server, 'POST', '/api/staff', account);
  if (created.status !== 201 && created.status !== 200) throw new Error(`staff create ${created.status}`);
}

/** Opens the chair console on `page` (sized by the caller) and signs in as a user would, by the form's labels. */
export async function signInConsole(page: Page, server: { url: string }, username: string, password: string): Promise<void> {
  await page.goto(`${server.url}/chair/`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}
