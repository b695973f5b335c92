// A whole session, every app real, in Chromium: the secretariat prepares it in the console, the chair runs
// it, five tablets sign in by their card links and vote (named, anonymous, secret), one changes its vote,
// one loses the Wi-Fi mid-vote and comes back, the hall display follows, and the exported minutes and CSV
// are read back and checked against what the delegates pressed.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChairSnapshot, DelegateCard, LiveSnapshot } from '@hddt/protocol';
import {
  REPO_ROOT,
  api,
  chairSocket,
  createDisplay,
  delegateCards,
  launchChromium,
  signInConsole,
  staffLogin,
  startServer,
  type ChairSocket,
  type TestServer,
} from './harness';
import { simplePdf } from '../server/src/seed/pdf';

const SHOTS = path.join(REPO_ROOT, 'e2e/artifacts/whole-session');
const ROSTER = [
  'Ghế,Họ và tên,Chức vụ,Tổ đại biểu',
  '1,Nguyễn Minh Châu,Chủ tịch HĐND,Tổ 1',
  '2,Trần Thị Bích Ngọc,Phó Chủ tịch HĐND,Tổ 1',
  '3,Lê Quốc Hưng,Trưởng Ban Kinh tế - Ngân sách,Tổ 2',
  '4,Phạm Thu Hà,Trưởng Ban Pháp chế,Tổ 2',
  '5,Võ Đức Thắng,Đại biểu,Tổ 3',
].join('\n');
const Q_NAMED = 'Thông qua Nghị quyết về Kế hoạch phát triển du lịch năm 2027';
const Q_ANON = 'Thông qua Nghị quyết về phí tham quan khu di tích';
const Q_SECRET = 'Bầu Trưởng Ban Văn hóa - Xã hội';

let server: TestServer;
let browser: Browser;
let chair: ChairSocket;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer({ demo: false });
  browser = await launchChromium();
});
afterAll(async () => {
  chair?.disconnect();
  await browser?.close();
  await server?.dispose();
});

async function snapshot(): Promise<ChairSnapshot> {
  const ack = await chair.timeout(5000).emitWithAck('session:sync', {});
  if (!ack.ok) throw new Error(ack.code);
  return ack.data;
}

function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

describe('a whole session, end to end', () => {
  it('prepares, runs, votes three ways, survives a dropped tablet, and exports minutes that match', async () => {
    // ---- The secretariat prepares the session in the console. ----
    const office = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    const page = await office.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`console: ${e.message}`));
    await signInConsole(page, server, 'admin', server.adminPassword);
    await page.getByRole('heading', { name: 'Kỳ họp', exact: true }).waitFor();

    await page.getByRole('button', { name: 'Tạo kỳ họp' }).first().click();
    const form = page.getByRole('form', { name: 'Tạo kỳ họp' });
    await form.getByLabel('Kỳ họp thứ (số)').fill('7');
    await form.getByLabel('Tên gọi thêm').fill('Kỳ họp chuyên đề về du lịch');
    await form.getByLabel('Địa điểm').fill('Hội trường HĐND');
    await form.getByLabel('Ngày bắt đầu').fill(today());
    await form.getByLabel('Ngày kết thúc').fill(today());
    await form.getByRole('button', { name: 'Tạo kỳ họp' }).click();
    await page.getByRole('heading', { name: 'Kỳ họp thứ Bảy — Kỳ họp chuyên đề về du lịch' }).waitFor();

    const addItem = page.getByRole('form', { name: 'Thêm vào chương trình' });
    const items = ['Tờ trình về Kế hoạch phát triển du lịch năm 2027', 'Tờ trình về phí tham quan; bầu Trưởng Ban'];
    for (const title of items) {
      await addItem.getByLabel('Nội dung').fill(title);
      await addItem.getByLabel('Người trình bày').fill('Ủy ban nhân dân');
      await addItem.getByRole('button', { name: 'Thêm vào chương trình' }).click();
      await page.getByRole('heading', { name: new RegExp(`\\d\\. ${title}`) }).waitFor();
    }
    const card1 = page.locator('.card', { has: page.getByRole('heading', { name: `1. ${items[0]}` }) });
    const card2 = page.locator('.card', { has: page.getByRole('heading', { name: `2. ${items[1]}` }) });

    await card1.getByRole('button', { name: '+ Thêm tài liệu' }).click();
    const upload = card1.getByRole('form', { name: 'Tải lên' });
    const pdf = await simplePdf('Tờ trình về Kế hoạch phát triển du lịch', ['Hội đồng nhân dân xem xét, thông qua kế hoạch phát triển du lịch năm 2027.']);
    await upload.getByLabel('Tệp PDF').setInputFiles({ name: 'to-trinh-du-lich.pdf', mimeType: 'application/pdf', buffer: pdf });
    await upload.getByLabel('Tên tài liệu').fill('Tờ trình số 12/TTr-UBND về du lịch');
    await upload.getByLabel('Loại tài liệu').selectOption('to-trinh');
    await upload.getByRole('button', { name: 'Tải lên' }).click();
    await card1.getByRole('link', { name: 'Tờ trình số 12/TTr-UBND về du lịch' }).waitFor();

    const addVote = async (card: typeof card1, question: string, setup: (f: ReturnType<typeof card1.getByRole>) => Promise<void>) => {
      await card.getByRole('button', { name: '+ Thêm biểu quyết' }).click();
      const f = card.getByRole('form', { name: 'Thêm biểu quyết' });
      await f.getByLabel('Nội dung biểu quyết').fill(question);
      await setup(f);
      await f.getByRole('button', { name: 'Thêm biểu quyết' }).click();
      await card.getByText(question).waitFor();
    };
    await addVote(card1, Q_NAMED, async (f) => {
      await f.getByLabel('Hình thức').selectOption('named');
      await f.getByLabel('Thông qua Nghị quyết (được cấp số)').check();
    });
    await addVote(card2, Q_ANON, async (f) => {
      await f.getByLabel('Hình thức').selectOption('anonymous');
      await f.getByLabel('Thông qua Nghị quyết (được cấp số)').check();
    });
    await addVote(card2, Q_SECRET, async (f) => {
      await f.getByLabel('Loại', { exact: true }).selectOption('election');
      await f.getByLabel('Hình thức').selectOption('secret');
      await f.getByLabel('Ứng cử viên').fill('Đặng Thị Mai\nHồ Văn Nam\nBùi Thanh Tâm');
    });

    // The roster: five delegates imported from a CSV with Vietnamese names.
    await page.getByRole('button', { name: 'Đại biểu' }).click();
    await page.getByLabel('Tệp CSV').setInputFiles({ name: 'dai-bieu.csv', mimeType: 'text/csv', buffer: Buffer.from(ROSTER, 'utf8') });
    await expect.poll(() => page.getByText('Đã nhập 5 đại biểu.').count()).toBe(1);
    await expect.poll(() => page.getByTestId('seated-count').textContent()).toBe('Tổng số đại biểu: 5');

    // QR cards: one printable card per delegate with their personal link.
    await page.getByRole('button', { name: 'Thẻ đăng nhập QR' }).click();
    await page.getByRole('button', { name: 'In thẻ QR' }).click();
    await page.locator('article.login-card-print img.lc-qr').first().waitFor();
    expect(await page.locator('article.login-card-print').count()).toBe(5);
    await page.screenshot({ path: path.join(SHOTS, '01-cards.png') });
    await page.getByRole('button', { name: '← Quay lại' }).click();
    const cards: DelegateCard[] = await delegateCards(server);
    expect(cards.map((c) => c.fullName)).toEqual(['Nguyễn Minh Châu', 'Trần Thị Bích Ngọc', 'Lê Quốc Hưng', 'Phạm Thu Hà', 'Võ Đức Thắng']);

    // ---- The hall display is paired. ----
    const display = await createDisplay(server);
    const hall = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    hall.on('pageerror', (e) => errors.push(`display: ${e.message}`));
    await hall.goto(display.pairUrl);

    // ---- The chair opens the session and roll call. ----
    chair = await chairSocket(server);
    await page.getByRole('button', { name: 'Điều hành' }).click();
    await page.getByRole('button', { name: 'Khai mạc kỳ họp', exact: true }).click();
    await page.getByRole('button', { name: 'Mở điểm danh', exact: true }).click();
    await page.getByRole('button', { name: 'Kết thúc điểm danh', exact: true }).waitFor();

    // ---- Five tablets sign in by their card links and check in. ----
    const tablets: { context: BrowserContext; page: Page; card: DelegateCard }[] = [];
    for (const card of cards) {
      const context = await browser.newContext({ viewport: { width: 768, height: 1024 }, hasTouch: true });
      const tab = await context.newPage();
      tab.on('pageerror', (e) => errors.push(`tablet ${card.seat}: ${e.message}`));
      await tab.goto(card.signInUrl);
      await expect
        .poll(
          () =>
            tab
              .getByTestId('delegate-name')
              .textContent()
              .catch(() => null),
          { timeout: 15_000 },
        )
        .toBe(card.fullName);
      await tab.getByRole('button', { name: 'Điểm danh', exact: true }).click();
      await tab.getByTestId('checked-in').waitFor({ timeout: 10_000 });
      tablets.push({ context, page: tab, card });
    }
    const quorum = page.getByTestId('quorum');
    await expect.poll(() => quorum.textContent()).toContain('5/5');
    await hall
      .getByText(/5\s*\/\s*5/)
      .first()
      .waitFor({ timeout: 10_000 })
      .catch(() => undefined);

    // One delegate reads the document on the tablet.
    const reader = tablets[0]!.page;
    await reader.getByRole('button', { name: 'Tài liệu', exact: true }).click();
    await reader.locator('.doc-item').first().click();
    await expect.poll(() => reader.getByTestId('pdf-page').textContent(), { timeout: 15_000 }).toMatch(/^Trang 1\/1$/);
    await reader.getByRole('button', { name: 'Quay lại danh sách' }).click();
    await reader.getByRole('button', { name: 'Kỳ họp', exact: true }).click();

    const press = async (t: (typeof tablets)[number], label: string) => {
      const dialog = t.page.getByRole('dialog');
      await dialog.getByRole('button', { name: label, exact: true }).click();
      await expect.poll(() => t.page.getByTestId('vote-status').textContent(), { timeout: 15_000 }).toContain(`Đã ghi nhận: ${label}`);
    };
    const waitForBallot = async (question: string) => {
      for (const t of tablets) await t.page.getByRole('dialog', { name: question }).waitFor({ timeout: 10_000 });
    };

    // ---- Named round: one delegate changes the vote, one loses the Wi-Fi mid-vote. ----
    await page.getByRole('button', { name: `Mở biểu quyết: ${Q_NAMED}` }).click();
    await waitForBallot(Q_NAMED);
    await hall.screenshot({ path: path.join(SHOTS, '02-display-vote.png') });
    await press(tablets[0]!, 'Tán thành');
    await press(tablets[1]!, 'Tán thành');
    await press(tablets[2]!, 'Không tán thành');
    await press(tablets[2]!, 'Tán thành'); // changed while the vote is open (the council allows it)
    await press(tablets[3]!, 'Không biểu quyết');

    // Tablet 5 drops off the Wi-Fi: no network, and its connection is cut.
    const lost = tablets[4]!;
    const hub = server.app.services.hub;
    await expect.poll(() => hub.delegateSockets.has(lost.card.delegateId), { timeout: 10_000 }).toBe(true);
    const conn = hub.delegateSockets.get(lost.card.delegateId)!;
    await lost.context.setOffline(true);
    // Offline emulation may or may not close an open WebSocket; the access point going away does, so cut it.
    hub.delegate?.sockets.get(conn.socketId)?.conn.close();
    await lost.page.getByTestId('offline-banner').waitFor({ timeout: 10_000 });
    await lost.page.getByRole('dialog').getByRole('button', { name: 'Tán thành', exact: true }).click();
    await expect.poll(() => lost.page.getByTestId('vote-status').textContent(), { timeout: 15_000 }).toContain('Chưa ghi nhận được phiếu.');
    expect(await lost.page.getByTestId('vote-status').textContent()).not.toContain('Đã ghi nhận');
    await lost.page.screenshot({ path: path.join(SHOTS, '03-tablet-offline.png') });
    await lost.context.setOffline(false);
    await expect.poll(() => lost.page.getByTestId('offline-banner').count(), { timeout: 30_000 }).toBe(0);
    // Back on the Wi-Fi, the tablet confirms the ballot by itself (asks the server, sends the same ballot again).
    await expect.poll(() => lost.page.getByTestId('vote-status').textContent(), { timeout: 15_000 }).toContain('Đã ghi nhận: Tán thành');

    const progress = page.getByTestId('vote-progress');
    await expect.poll(() => progress.textContent()).toContain('Đã biểu quyết 5/5');
    await page.getByRole('button', { name: 'Kết thúc biểu quyết', exact: true }).click();
    const result = page.getByTestId('round-result');
    await result.waitFor();
    await expect.poll(() => result.textContent()).toContain('THÔNG QUA');
    expect(await result.textContent()).toContain(
      'Có mặt 5/5; tham gia biểu quyết 5 (100%); tán thành 4 (80,00%); không tán thành 0 (0%); không biểu quyết 1 (20,00%)',
    );
    await page.getByRole('button', { name: 'Công bố kết quả', exact: true }).click();
    await expect.poll(() => hall.getByText('THÔNG QUA', { exact: true }).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await hall.screenshot({ path: path.join(SHOTS, '04-display-result-named.png') });

    // ---- Anonymous round. ----
    await page.getByRole('button', { name: `Chuyển đến nội dung “${items[1]}”` }).click();
    await page.getByRole('button', { name: `Mở biểu quyết: ${Q_ANON}` }).click();
    await waitForBallot(Q_ANON);
    for (const [i, label] of ['Tán thành', 'Tán thành', 'Tán thành', 'Tán thành', 'Không tán thành'].entries()) await press(tablets[i]!, label);
    await expect.poll(() => progress.textContent()).toContain('Đã biểu quyết 5/5');
    await page.getByRole('button', { name: 'Kết thúc biểu quyết', exact: true }).click();
    await expect.poll(() => page.getByTestId('round-result').textContent()).toContain('tán thành 4 (80,00%); không tán thành 1 (20,00%)');
    await page.getByRole('button', { name: 'Công bố kết quả', exact: true }).click();

    // ---- Secret election: three candidates, one post. ----
    await page.getByRole('button', { name: `Mở biểu quyết: ${Q_SECRET}` }).click();
    await waitForBallot(Q_SECRET);
    const elect = async (t: (typeof tablets)[number], name: string) => {
      const dialog = t.page.getByRole('dialog');
      await dialog.getByRole('button', { name, exact: true }).click();
      await dialog.getByRole('button', { name: 'Gửi phiếu', exact: true }).click();
      await expect.poll(() => t.page.getByTestId('vote-status').textContent(), { timeout: 15_000 }).toContain('Đã ghi nhận');
    };
    await elect(tablets[0]!, 'Đặng Thị Mai');
    await elect(tablets[1]!, 'Đặng Thị Mai');
    await elect(tablets[2]!, 'Đặng Thị Mai');
    await elect(tablets[3]!, 'Hồ Văn Nam');
    await elect(tablets[4]!, 'Bùi Thanh Tâm');
    await tablets[0]!.page.screenshot({ path: path.join(SHOTS, '05-tablet-secret.png') });
    await expect.poll(() => progress.textContent()).toContain('Đã biểu quyết 5/5');
    await page.getByRole('button', { name: 'Kết thúc biểu quyết', exact: true }).click();
    await page.getByTestId('round-result').filter({ hasText: 'Đã kết thúc' }).waitFor();
    await page.getByRole('button', { name: 'Công bố kết quả', exact: true }).click();
    await expect.poll(() => hall.getByText('Đặng Thị Mai').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await hall.screenshot({ path: path.join(SHOTS, '06-display-result-secret.png') });

    // ---- The hall display shows every slide. ----
    for (const mode of ['welcome', 'agenda', 'attendance', 'speaker', 'vote', 'result'] as const) {
      const ack = await chair.timeout(5000).emitWithAck('display:show', { mode, roundId: null });
      expect(ack.ok).toBe(true);
      await expect.poll(() => hall.locator('[data-mode]').first().getAttribute('data-mode'), { timeout: 10_000 }).toBe(mode);
      await hall.screenshot({ path: path.join(SHOTS, `07-display-${mode}.png`) });
    }

    // ---- What was stored matches what was pressed. ----
    const snap = await snapshot();
    const byQuestion = (q: string) => snap.rounds.find((r) => snap.motions.find((m) => m.id === r.motionId)?.question === q)!;
    const named = byQuestion(Q_NAMED);
    const anon = byQuestion(Q_ANON);
    const secret = byQuestion(Q_SECRET);
    expect(named.result).toMatchObject({ kind: 'options', seated: 5, participated: 5, counts: { yes: 4, no: 0, abstain: 1 }, passed: true });
    expect(anon.result).toMatchObject({ kind: 'options', counts: { yes: 4, no: 1, abstain: 0 }, passed: true });
    expect(secret.result).toMatchObject({ kind: 'election', participated: 5 });
    if (secret.result?.kind === 'election') {
      expect(secret.result.candidates.map((c) => [c.name, c.votes, c.elected])).toEqual([
        ['Đặng Thị Mai', 3, true],
        ['Bùi Thanh Tâm', 1, false],
        ['Hồ Văn Nam', 1, false],
      ]);
    }

    // ---- The secretariat exports the minutes and the CSV, and the test reads them back. ----
    const staff = await staffLogin(server);
    const sessionId = snap.session!.id;
    const docx = await fetch(`${server.url}/api/sessions/${sessionId}/minutes.docx`, { headers: { cookie: staff.cookie } });
    expect(docx.status).toBe(200);
    const docxFile = path.join(SHOTS, 'bien-ban.docx');
    writeFileSync(docxFile, Buffer.from(await docx.arrayBuffer()));
    const xml = execFileSync('unzip', ['-p', docxFile, 'word/document.xml']).toString('utf8');
    const text = xml.replace(/<w:tab\/>/g, ' ').replace(/<[^>]+>/g, '');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('BIÊN BẢN');
    expect(text).toContain(Q_NAMED);
    expect(text).toContain('tán thành 4 (80,00%); không tán thành 0 (0%); không biểu quyết 1 (20,00%)');
    expect(text).toContain('tán thành 4 (80,00%); không tán thành 1 (20,00%); không biểu quyết 0 (0%)');
    expect(text).toContain('Đặng Thị Mai');
    for (const c of cards) expect(text).toContain(c.fullName);

    const csv = await fetch(`${server.url}/api/sessions/${sessionId}/results.csv`, { headers: { cookie: staff.cookie } });
    expect(csv.status).toBe(200);
    const csvBytes = Buffer.from(await csv.arrayBuffer());
    // UTF-8 with a byte-order mark, so spreadsheet software shows the diacritics.
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csvText = csvBytes.toString('utf8');
    const lines = csvText.split(/\r\n/);
    // The named round lists each delegate's choice: exactly what they pressed (the changed vote counts once).
    const namedLine = (name: string) => lines.find((l) => l.includes(name) && l.includes(Q_NAMED.slice(0, 30)));
    expect(namedLine('Lê Quốc Hưng')).toMatch(/yes|Tán thành/);
    expect(namedLine('Phạm Thu Hà')).toMatch(/abstain|Không biểu quyết/);
    expect(namedLine('Võ Đức Thắng')).toMatch(/yes|Tán thành/);
    // The secret round: totals only, never a delegate next to a candidate.
    for (const l of lines.filter((x) => x.includes(Q_SECRET))) {
      for (const c of cards) expect(l.includes(c.fullName) && /Đặng Thị Mai|Hồ Văn Nam|Bùi Thanh Tâm/.test(l)).toBe(false);
    }

    const resolutions = await api<{ code: string; title: string }[]>(server, 'GET', '/api/resolutions', undefined, staff);
    // Each resolution carries its own title, not the question put to the vote ("Thông qua …").
    expect(resolutions.body.map((r) => r.title).sort()).toEqual(
      ['Nghị quyết về Kế hoạch phát triển du lịch năm 2027', 'Nghị quyết về phí tham quan khu di tích'].sort(),
    );

    const integrity = await api<{ ok: boolean }>(server, 'GET', '/api/integrity', undefined, staff);
    expect(integrity.body.ok).toBe(true);
    const live: LiveSnapshot = snap;
    expect(live.attendance).toMatchObject({ seated: 5, present: 5, quorumMet: true });
    expect(errors).toEqual([]);
  });
});
