// Records in the chair console (issue 6), in real Chromium against the real server: a small session is driven
// through sockets (a named vote passes and is announced → a numbered resolution), then the secretariat opens
// the minutes, edits a note and sees it in the preview, downloads the DOCX and the CSV, attaches the signed
// text to the resolution, finds it in the Kỷ yếu and runs the integrity check.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { ChairSnapshot, Resolution, RoundView } from '@hddt/protocol';
import {
  REPO_ROOT,
  api,
  chairSocket,
  delegateCards,
  delegateSocket,
  demoSession,
  launchChromium,
  markPresent,
  openSessionWithRollCall,
  signInConsole,
  startServer,
  tokenOf,
  type ChairSocket,
  type DelegateSocket,
  type TestServer,
} from './harness';

const SHOTS = path.join(REPO_ROOT, 'e2e/artifacts/chair');
const NOTE = 'Các đại biểu thống nhất cao với Kế hoạch đầu tư công năm 2027.';

let server: TestServer;
let browser: Browser;
let chair: ChairSocket;
const tablets: DelegateSocket[] = [];
let resolution: Resolution;
let voterNames: string[] = [];

function ok<T>(ack: { ok: true; data: T } | { ok: false; code: string }, what: string): T {
  if (!ack.ok) throw new Error(`${what}: ${ack.code}`);
  return ack.data;
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer({ demo: true });
  browser = await launchChromium();
  chair = await chairSocket(server);
  const cards = await delegateCards(server);
  const voters = cards.slice(0, 16);
  voterNames = voters.map((c) => c.fullName);
  for (const card of voters) tablets.push(await delegateSocket(server, tokenOf(card)));
  await openSessionWithRollCall(chair, tablets);
  await markPresent(
    chair,
    cards.slice(16, 22).map((c) => c.delegateId),
  );
  ok(await chair.timeout(5000).emitWithAck('rollcall:close', {}), 'rollcall:close');
  const { motions } = await demoSession(chair);
  const motion = motions.find((m) => m.question.includes('Kế hoạch đầu tư công'))!;
  expect(motion.mode).toBe('named');
  const round = ok<RoundView>(await chair.timeout(5000).emitWithAck('motion:open', { motionId: motion.id, commandId: `rec-${Date.now()}` }), 'motion:open');
  for (const t of tablets) ok(await t.timeout(5000).emitWithAck('vote:cast', { roundId: round.id, choice: { type: 'option', option: 'yes' } }), 'vote:cast');
  ok(await chair.timeout(5000).emitWithAck('round:close', { roundId: round.id }), 'round:close');
  ok(await chair.timeout(5000).emitWithAck('round:announce', { roundId: round.id }), 'round:announce');
  const list = await api<Resolution[]>(server, 'GET', '/api/resolutions');
  resolution = list.body.find((r) => r.roundId === round.id)!;
  expect(resolution.code).toMatch(/\/NQ-HĐND$/);
}, 30_000);

afterAll(async () => {
  for (const t of tablets) t.disconnect();
  chair?.disconnect();
  await browser?.close();
  await server?.dispose();
});

describe('chair console — Biên bản & Kỷ yếu (secretariat)', () => {
  it('minutes with an edited note, DOCX and CSV downloads, signed text, archive search, integrity', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await signInConsole(page, server, 'admin', server.adminPassword);
    await page.getByRole('button', { name: 'Biên bản & Kỷ yếu' }).click();

    // The minutes preview: attendance, the round with its announced result, the resolution.
    const preview = page.getByTestId('minutes-preview');
    await expect.poll(() => preview.textContent(), { timeout: 10_000 }).toContain('Kết quả: THÔNG QUA');
    expect(await preview.textContent()).toContain('có mặt 22/31 đại biểu');
    expect(await preview.textContent()).toContain(resolution.code);
    expect(await page.getByTestId('log-head').first().textContent()).toMatch(/\d+:[0-9a-f]{16}/);
    await page.screenshot({ path: path.join(SHOTS, 'records-top-1366.png') });

    // Edit the number and the debate summary of the item; the preview shows them after saving.
    const snap: ChairSnapshot = ok(await chair.timeout(5000).emitWithAck('session:sync', {}), 'sync');
    const item = snap.agenda.find((a) => a.id === resolution.itemId)!;
    await page.getByLabel('Số biên bản').fill('07');
    await page.getByLabel(`Tóm tắt thảo luận: ${item.title}`).fill(NOTE);
    await page.getByRole('button', { name: 'Lưu phần soạn thảo' }).click();
    await expect.poll(() => preview.textContent()).toContain(NOTE);
    expect(await preview.textContent()).toContain('Số: 07/BB-HĐND');
    await preview.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await preview.evaluate((el) => {
      el.scrollTop = el.scrollHeight / 3;
    });
    await page.screenshot({ path: path.join(SHOTS, 'records-minutes-1366.png') });

    // DOCX: a zip with word/document.xml that carries the note.
    const [docx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Biên bản (DOCX)' }).click()]);
    const docxPath = (await docx.path())!;
    expect(readFileSync(docxPath).subarray(0, 2).toString('latin1')).toBe('PK');
    const xml = execFileSync('unzip', ['-p', docxPath, 'word/document.xml']).toString('utf8');
    expect(xml).toContain(NOTE);
    // CSV: UTF-8 BOM and the delegates by name.
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Kết quả kỳ họp (CSV)' }).click()]);
    const csvBytes = readFileSync((await csv.path())!);
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csvText = csvBytes.toString('utf8');
    for (const name of voterNames.slice(0, 3)) expect(csvText).toContain(name);

    // Attach the signed text: choose one of the session's PDFs.
    await page.getByRole('button', { name: `Đính kèm văn bản đã ký cho Nghị quyết ${resolution.code}` }).click();
    const attachForm = page.getByRole('form', { name: `Đính kèm văn bản đã ký cho Nghị quyết ${resolution.code}` });
    await expect.poll(() => attachForm.locator('option').count()).toBeGreaterThan(0);
    await attachForm.getByRole('button', { name: 'Đính kèm văn bản đã ký' }).click();
    await page.getByTestId(`signed-${resolution.id}`).waitFor();
    const after = await api<Resolution[]>(server, 'GET', '/api/resolutions');
    expect(after.body.find((r) => r.id === resolution.id)!.signedDocumentId).not.toBeNull();

    // Kỷ yếu: search for the resolution number without diacritics.
    const number = resolution.code.split('/')[0]!;
    await page.getByRole('searchbox', { name: 'Tìm trong Kỷ yếu' }).fill(`nghi quyet ${number}`);
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    const hits = page.getByTestId('search-hits');
    await expect.poll(() => hits.textContent()).toContain(resolution.code);
    await page.getByTestId('search-hits').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'records-archive-1366.png') });

    // Integrity check: OK.
    await page.getByRole('button', { name: 'Kiểm tra toàn vẹn' }).click();
    await expect.poll(() => page.getByTestId('integrity').textContent()).toContain('Dữ liệu toàn vẹn');
    await page.getByTestId('integrity').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'records-integrity-1366.png') });

    expect(errors).toEqual([]);
    await context.close();
  }, 40_000);
});
