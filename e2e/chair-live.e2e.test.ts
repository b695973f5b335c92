// The chair runs the live part of a session in the console, in real Chromium against the real server, while
// two tablets (real delegate sockets) check in, vote and ask for the floor.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { ChairSnapshot } from '@hddt/protocol';
import {
  CHAIR_ACCOUNT,
  REPO_ROOT,
  chairSocket,
  createStaff,
  delegateCards,
  delegateSocket,
  launchChromium,
  markPresent,
  signInConsole,
  startServer,
  tokenOf,
  type ChairSocket,
  type DelegateSocket,
  type TestServer,
} from './harness';

const SHOTS = path.join(REPO_ROOT, 'e2e/artifacts/chair');
const CHAIR = CHAIR_ACCOUNT;

let server: TestServer;
let browser: Browser;
let secretary: ChairSocket;
const tablets: DelegateSocket[] = [];
const tabletDelegateIds: string[] = [];

async function snapshotOf(socket: ChairSocket): Promise<ChairSnapshot> {
  const ack = await socket.timeout(5000).emitWithAck('session:sync', {});
  if (!ack.ok) throw new Error(ack.code);
  return ack.data;
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer({ demo: true });
  browser = await launchChromium();
  await createStaff(server, CHAIR);
  secretary = await chairSocket(server);
  const cards = await delegateCards(server);
  for (const card of cards.slice(0, 2)) {
    tablets.push(await delegateSocket(server, tokenOf(card)));
    tabletDelegateIds.push(card.delegateId);
  }
});
afterAll(async () => {
  for (const t of tablets) t.disconnect();
  secretary?.disconnect();
  await browser?.close();
  await server?.dispose();
});

describe('chair console — Điều hành (chair, live)', () => {
  it('runs roll call, moves the agenda, opens a vote, follows two tablets, closes and announces it', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await signInConsole(page, server, CHAIR.username, CHAIR.password);
    // The chair lands in "Điều hành" with the demo session selected.
    await page.getByRole('button', { name: 'Khai mạc kỳ họp', exact: true }).click();
    await page.getByRole('button', { name: 'Mở điểm danh', exact: true }).click();
    await page.getByRole('button', { name: 'Kết thúc điểm danh', exact: true }).waitFor();

    // Two tablets check in; the quorum light follows. Then the secretary marks 20 delegates without tablets.
    for (const t of tablets) {
      const r = await t.timeout(5000).emitWithAck('attendance:checkin', {});
      expect(r.ok).toBe(true);
    }
    const quorum = page.getByTestId('quorum');
    await expect.poll(() => quorum.textContent()).toContain('2/31');
    expect(await quorum.textContent()).toContain('Chưa đủ số đại biểu');
    const snap = await snapshotOf(secretary);
    const tabletIds = new Set(snap.connectedDelegateIds);
    const others = snap.delegates.filter((d) => d.seated && !tabletIds.has(d.id)).slice(0, 20);
    await markPresent(
      secretary,
      others.map((d) => d.id),
    );
    await expect.poll(() => quorum.textContent()).toContain('22/31');
    expect(await quorum.textContent()).toContain('Đủ số đại biểu để họp');
    await page.getByRole('button', { name: 'Kết thúc điểm danh', exact: true }).click();
    await page.getByRole('button', { name: 'Mở điểm danh', exact: true }).waitFor();

    // A tablet drops off the Wi-Fi: the chair sees it.
    const dropped = snap.delegates.find((d) => d.id === tabletDelegateIds[1])!;
    tablets[1]!.disconnect();
    const droppedRow = page.locator(`.att-row[data-delegate-id="${dropped.id}"]`);
    await expect.poll(() => droppedRow.textContent()).toContain('Mất kết nối');
    await expect.poll(() => page.getByRole('button', { name: 'Mất kết nối (1)' }).count()).toBe(1);
    tablets[1] = await delegateSocket(server, tokenOf((await delegateCards(server)).find((c) => c.delegateId === dropped.id)!));
    await expect.poll(() => droppedRow.locator('.pill-warn').count()).toBe(0);

    // Move to agenda item 2; the tablets follow (they receive the session change).
    const item2 = snap.agenda.find((a) => a.order === 2)!;
    const followed = new Promise<string | null>((resolve) => {
      tablets[0]!.on('state:patch', (env) => {
        if (env.patch.type === 'session' && env.patch.session.currentItemId === item2.id) resolve(env.patch.session.currentItemId);
      });
    });
    await page.getByRole('button', { name: `Chuyển đến nội dung “${item2.title}”` }).click();
    expect(await followed).toBe(item2.id);
    await expect.poll(() => page.locator('.agenda-go.current').textContent()).toContain(item2.title);

    // Open the prepared vote of item 2.
    const motion = snap.motions.find((m) => m.itemId === item2.id && !m.practice)!;
    await page.getByRole('button', { name: `Mở biểu quyết: ${motion.question}` }).click();
    const progress = page.getByTestId('vote-progress');
    await expect.poll(() => progress.textContent()).toContain('Đã biểu quyết 0/22 đại biểu có mặt');
    const round = (await snapshotOf(secretary)).rounds.find((r) => r.status === 'open')!;
    expect(round.motionId).toBe(motion.id);

    // Two tablets vote: progress and the "not yet voted" list follow live.
    const yes = await tablets[0]!.timeout(5000).emitWithAck('vote:cast', { roundId: round.id, choice: { type: 'option', option: 'yes' } });
    expect(yes.ok).toBe(true);
    await expect.poll(() => progress.textContent()).toContain('Đã biểu quyết 1/22');
    const no = await tablets[1]!.timeout(5000).emitWithAck('vote:cast', { roundId: round.id, choice: { type: 'option', option: 'no' } });
    expect(no.ok).toBe(true);
    await expect.poll(() => progress.textContent()).toContain('Đã biểu quyết 2/22');
    if (round.mode === 'named') await page.getByText('Chưa biểu quyết (20)').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'live-vote-open-1366.png') });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: path.join(SHOTS, 'live-vote-open-1920.png') });
    await page.setViewportSize({ width: 1366, height: 768 });

    // Close: people have not voted, so there is a confirm step.
    await page.getByRole('button', { name: 'Kết thúc biểu quyết', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.textContent()).toContain('Còn 20 đại biểu có mặt chưa biểu quyết');
    await dialog.getByRole('button', { name: 'Kết thúc biểu quyết', exact: true }).click();
    const result = page.getByTestId('round-result');
    await result.waitFor();
    await expect.poll(() => result.textContent()).toContain('KHÔNG THÔNG QUA');
    expect(await result.textContent()).toContain(
      'Có mặt 22/31; tham gia biểu quyết 2 (6,45%); tán thành 1 (3,23%); không tán thành 1 (3,23%); không biểu quyết 0 (0%)',
    );

    // Announce: the hall display switches to the result (the preview shows what the hall sees).
    await page.getByRole('button', { name: 'Công bố kết quả', exact: true }).click();
    await expect.poll(() => page.getByTestId('display-preview').getAttribute('data-mode')).toBe('result');
    const after = await snapshotOf(secretary);
    expect(after.rounds.find((r) => r.id === round.id)?.status).toBe('announced');
    expect(after.display).toEqual({ mode: 'result', roundId: round.id });
    await page.screenshot({ path: path.join(SHOTS, 'live-result-1366.png') });

    // The named record: who chose what.
    const nameOf = (id: string) => snap.delegates.find((d) => d.id === id)!.fullName;
    const speakerName = nameOf(tabletDelegateIds[0]!);
    await page.getByRole('button', { name: 'Xem kết quả từng đại biểu' }).click();
    await expect.poll(() => page.locator('.board').textContent()).toContain(`${speakerName}: Tán thành`);
    expect(await page.locator('.board').textContent()).toContain(`${nameOf(tabletDelegateIds[1]!)}: Không tán thành`);
    expect(await page.locator('.board').textContent()).toContain(`${nameOf(others[0]!.id)}: không bấm`);

    // Marking a delegate absent by hand can be undone.
    const absentee = others[19]!;
    await page.getByRole('button', { name: `Ghi nhận ${absentee.fullName} vắng` }).click();
    await expect.poll(() => quorum.textContent()).toContain('21/31');
    await page.getByRole('button', { name: 'Hoàn tác' }).last().click();
    await expect.poll(() => quorum.textContent()).toContain('22/31');

    // Speaker queue: a tablet asks for the floor, a guest is added by hand, the chair gives the floor.
    const req = await tablets[0]!.timeout(5000).emitWithAck('speaker:request', {});
    expect(req.ok).toBe(true);

    await page.getByRole('button', { name: `Mời ${speakerName} phát biểu` }).waitFor();
    await page.getByLabel('Họ tên người phát biểu').fill('Ông Lê Văn Khách (cử tri)');
    await page.getByLabel('Chức vụ, đơn vị (không bắt buộc)').fill('Cử tri khu dân cư số 3');
    await page.getByRole('button', { name: 'Thêm người phát biểu', exact: true }).click();
    await page.getByRole('button', { name: 'Mời Ông Lê Văn Khách (cử tri) phát biểu' }).waitFor();
    expect(await page.locator('.queue-row', { hasText: 'Ông Lê Văn Khách' }).textContent()).toContain('Cử tri khu dân cư số 3');
    await page.getByRole('button', { name: `Mời ${speakerName} phát biểu` }).click();
    await expect.poll(() => page.getByTestId('speaking').textContent()).toContain(speakerName);

    // Hall display control with a keyboard shortcut (Alt+6 = attendance), then undo from the button.
    await page.locator('body').click({ position: { x: 5, y: 700 } });
    await page.keyboard.press('Alt+6');
    await expect.poll(() => page.getByTestId('display-preview').getAttribute('data-mode')).toBe('attendance');
    expect((await snapshotOf(secretary)).display.mode).toBe('attendance');
    await page.getByRole('button', { name: 'Người phát biểu', exact: true }).click();
    await expect.poll(() => page.getByTestId('display-preview').getAttribute('data-mode')).toBe('speaker');
    await page.getByRole('button', { name: 'Hoàn tác' }).last().click();
    await expect.poll(async () => (await snapshotOf(secretary)).display.mode).toBe('attendance');
    await page.getByRole('button', { name: 'Kết thúc phát biểu', exact: true }).click();
    await expect.poll(() => page.getByTestId('speaking').count()).toBe(0);

    await page.screenshot({ path: path.join(SHOTS, 'live-after-1366.png') });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: path.join(SHOTS, 'live-after-1920.png') });
    expect(errors).toEqual([]);
    await context.close();
  });
  it('puts an ad-hoc question, cancels it with a reason, votes again and closes with Alt+K', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signInConsole(page, server, CHAIR.username, CHAIR.password);

    const question = 'Đề nghị kéo dài thời gian thảo luận thêm 15 phút';
    await page.getByRole('button', { name: '+ Biểu quyết phát sinh' }).click();
    const form = page.getByRole('form', { name: 'Mở biểu quyết' });
    await form.getByRole('button', { name: 'Mở biểu quyết' }).click();
    await expect.poll(() => form.locator('.field-error').textContent()).toBe('Không được để trống.');
    await form.getByLabel('Nội dung biểu quyết').fill(question);
    await form.getByLabel('Thời gian (giây)').fill('120');
    await form.getByRole('button', { name: 'Mở biểu quyết' }).click();
    const open = page.getByTestId('open-round');
    await expect.poll(() => open.textContent()).toContain(question);
    await expect.poll(() => open.locator('.countdown').textContent()).toMatch(/^0[12]:\d\d$/);

    // Cancel with a reason (the dialog refuses an empty one).
    await open.getByRole('button', { name: 'Hủy lượt biểu quyết' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Lý do hủy').pressSequentially('Sự cố âm thanh trong hội trường');
    await dialog.getByRole('button', { name: 'Hủy lượt biểu quyết' }).click();
    await expect.poll(() => page.getByTestId('open-round').count()).toBe(0);
    const cancelled = (await snapshotOf(secretary)).rounds.find((r) => r.status === 'cancelled')!;
    expect(cancelled.cancelledReason).toBe('Sự cố âm thanh trong hội trường');

    // Vote again: round 2 of the same question.
    await page.getByRole('button', { name: `Biểu quyết lại: ${question}` }).click();
    await expect.poll(() => page.getByTestId('open-round').textContent()).toContain('Lượt 2');
    const round2 = (await snapshotOf(secretary)).rounds.find((r) => r.status === 'open')!;
    expect(round2.motionId).toBe(cancelled.motionId);
    for (const t of tablets) {
      const r = await t.timeout(5000).emitWithAck('vote:cast', { roundId: round2.id, choice: { type: 'option', option: 'yes' } });
      expect(r.ok).toBe(true);
    }
    await expect.poll(() => page.getByTestId('vote-progress').textContent()).toContain('Đã biểu quyết 2/22');

    // Alt+K closes — through the same confirm step.
    await page.locator('h2#vote-h').click();
    await page.keyboard.press('Alt+K');
    await page.getByRole('dialog').getByRole('button', { name: 'Kết thúc biểu quyết', exact: true }).click();
    await expect.poll(async () => (await snapshotOf(secretary)).rounds.find((r) => r.id === round2.id)?.status).toBe('closed');
    const card = page.locator('.motion-card', { hasText: question });
    await card.getByText('Các lượt biểu quyết (2)').click();
    await expect.poll(() => card.locator('.history').textContent()).toContain('Đã hủy · Sự cố âm thanh trong hội trường');
    await page.screenshot({ path: path.join(SHOTS, 'live-revote-1366.png') });
    expect(errors).toEqual([]);
    await context.close();
  });
  it('runs a secret election: no named list, candidates with their verdicts', async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    await signInConsole(page, server, CHAIR.username, CHAIR.password);
    const snap = await snapshotOf(secretary);
    const election = snap.motions.find((m) => m.kind === 'election')!;
    const item = snap.agenda.find((a) => a.id === election.itemId)!;
    await page.getByRole('button', { name: `Chuyển đến nội dung “${item.title}”` }).click();
    await page.getByRole('button', { name: `Mở biểu quyết: ${election.question}` }).click();
    await expect.poll(() => page.getByTestId('vote-progress').textContent()).toContain('Đã biểu quyết 0/22');
    const round = (await snapshotOf(secretary)).rounds.find((r) => r.status === 'open')!;
    expect(round.mode).toBe('secret');
    for (const t of tablets) {
      const r = await t.timeout(5000).emitWithAck('vote:cast', { roundId: round.id, choice: { type: 'election', candidateIds: [election.candidates[0]!.id] } });
      expect(r.ok).toBe(true);
    }
    await expect.poll(() => page.getByTestId('vote-progress').textContent()).toContain('Đã biểu quyết 2/22');
    expect(await page.getByText(/Chưa biểu quyết \(/).count()).toBe(0);
    await page.getByRole('button', { name: 'Kết thúc biểu quyết', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Kết thúc biểu quyết', exact: true }).click();
    const result = page.getByTestId('round-result');
    await expect.poll(() => result.textContent()).toContain(election.candidates[0]!.name);
    expect(await result.textContent()).toContain('KHÔNG TRÚNG CỬ');
    expect(await page.getByRole('button', { name: 'Xem kết quả từng đại biểu' }).count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, 'live-election-1920.png') });
    await context.close();
  });
  it('a passed resolution vote gets its number when announced', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await signInConsole(page, server, CHAIR.username, CHAIR.password);
    const snap = await snapshotOf(secretary);
    const motion = snap.motions.find((m) => m.resolution && m.normative && m.kind === 'ordinary')!;
    const item = snap.agenda.find((a) => a.id === motion.itemId)!;
    await page.getByRole('button', { name: `Chuyển đến nội dung “${item.title}”` }).click();
    await page.getByRole('button', { name: `Mở biểu quyết: ${motion.question}` }).click();
    await expect.poll(() => page.getByTestId('vote-progress').textContent()).toContain('Đã biểu quyết 0/22');
    const round = (await snapshotOf(secretary)).rounds.find((r) => r.status === 'open')!;

    // 16 of 31 in favour: the two tablets and 14 more delegates who were marked present.
    const present = new Set(snap.attendanceRecords.filter((r) => r.status === 'present').map((r) => r.delegateId));
    const cards = (await delegateCards(server)).filter((c) => present.has(c.delegateId) && !tabletDelegateIds.includes(c.delegateId)).slice(0, 14);
    const more = await Promise.all(cards.map((c) => delegateSocket(server, tokenOf(c))));
    try {
      for (const voter of [...tablets, ...more]) {
        const r = await voter.timeout(5000).emitWithAck('vote:cast', { roundId: round.id, choice: { type: 'option', option: 'yes' } });
        expect(r.ok).toBe(true);
      }
    } finally {
      for (const m of more) m.disconnect();
    }
    await expect.poll(() => page.getByTestId('vote-progress').textContent()).toContain('Đã biểu quyết 16/22');
    await page.getByRole('button', { name: 'Kết thúc biểu quyết', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Kết thúc biểu quyết', exact: true }).click();
    const result = page.getByTestId('round-result');
    await expect.poll(() => result.textContent()).toContain('THÔNG QUA');
    expect(await result.textContent()).toContain('tán thành 16 (51,61%)');
    await page.getByRole('button', { name: 'Công bố kết quả', exact: true }).click();
    await expect.poll(() => result.locator('.resolution-code').textContent()).toMatch(/^Nghị quyết số \d+\/\d{4}\/NQ-HĐND$/);
    await page.screenshot({ path: path.join(SHOTS, 'live-resolution-1366.png') });
    await context.close();
  });
});
