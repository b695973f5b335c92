// REST: every bad input gets a clear bilingual error with the right status, and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, delegateCards, delegateSocket, displaySocket, staffLogin, startServer, tokenOf, type StaffSession, type TestServer } from '../testing/harness';
import { parseRosterCsv } from './rest-api';
import { simplePdf } from '../seed/pdf';

let server: TestServer;
let staff: StaffSession;
let sessionId: string;

beforeAll(async () => {
  server = await startServer();
  staff = await staffLogin(server);
  const sessions = await api<{ id: string }[]>(server, 'GET', '/api/sessions', undefined, staff);
  sessionId = sessions.body[0]!.id;
});
afterAll(async () => {
  await server.dispose();
});

describe('staff authentication', () => {
  it('refuses a wrong password with a bilingual message and rate-limits brute force', async () => {
    const attempt = () =>
      fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'chair-x', password: 'wrong-password' }),
      });
    const first = await attempt();
    expect(first.status).toBe(401);
    expect(await first.json()).toMatchObject({
      ok: false,
      code: 'INVALID_CREDENTIALS',
      message: expect.stringContaining('mật khẩu'),
      messageEn: expect.stringContaining('password'),
    });
    for (let i = 0; i < 4; i += 1) await attempt();
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as { code: string }).code).toBe('RATE_LIMITED');
  });

  it('requires a session, and the CSRF header on changes', async () => {
    expect((await fetch(`${server.url}/api/delegates`)).status).toBe(401);
    const noCsrf = await fetch(`${server.url}/api/delegates`, {
      method: 'POST',
      headers: { cookie: staff.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ seat: 99, fullName: 'Giả Mạo' }),
    });
    expect(noCsrf.status).toBe(403);
    expect(((await noCsrf.json()) as { code: string }).code).toBe('CSRF');
    const roster = await api<unknown[]>(server, 'GET', '/api/delegates', undefined, staff);
    expect(roster.body).toHaveLength(31);
  });
});

describe('setup validation', () => {
  it('reports field errors and keeps the roster unchanged', async () => {
    const bad = await api<{ code: string; fields: { path: string }[] }>(server, 'POST', '/api/delegates', { seat: 0, fullName: '' }, staff);
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('BAD_REQUEST');
    expect(bad.body.fields.map((f) => f.path).sort()).toEqual(['fullName', 'seat']);
    const taken = await api<{ code: string }>(server, 'POST', '/api/delegates', { seat: 1, fullName: 'Người Trùng Ghế' }, staff);
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('SEAT_TAKEN');
    const roster = await api<unknown[]>(server, 'GET', '/api/delegates', undefined, staff);
    expect(roster.body).toHaveLength(31);
  });

  it('imports a roster CSV atomically and reports bad rows by line number', () => {
    const good = parseRosterCsv('\uFEFFGhế,Họ và tên,Chức vụ,Tổ đại biểu\n40,"Nguyễn Thị Ánh, Tuyết",Đại biểu,Tổ 1\n41,Trần Văn Đức,,\n');
    expect(good).toEqual({
      ok: true,
      rows: [
        { seat: 40, fullName: 'Nguyễn Thị Ánh, Tuyết', title: 'Đại biểu', group: 'Tổ 1' },
        { seat: 41, fullName: 'Trần Văn Đức', title: '', group: '' },
      ],
    });
    const bad = parseRosterCsv('seat,fullName\n40,Lê Văn Một\nabc,Lê Văn Hai\n40,Lê Văn Ba\n');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((e) => e.line)).toEqual([3, 4]);
  });

  it('refuses a CSV with a bad row without importing any row', async () => {
    const res = await api<{ code: string; rows: { line: number }[] }>(server, 'POST', '/api/delegates/import', 'seat,fullName\n50,Phan Thị Hoa\n51,\n', staff);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('IMPORT_INVALID');
    expect(res.body.rows[0]!.line).toBe(3);
    const roster = await api<{ seat: number }[]>(server, 'GET', '/api/delegates', undefined, staff);
    expect(roster.body.some((d) => d.seat === 50)).toBe(false);
  });
});

describe('documents', () => {
  it('accepts a PDF and serves it only to staff and delegates (or to the public when published)', async () => {
    const pdf = await simplePdf('Tài liệu mật thử nghiệm', ['Nội dung mật.']);
    const up = await api<{ id: string; pages: number; size: number }>(
      server,
      'POST',
      `/api/sessions/${sessionId}/documents?title=${encodeURIComponent('Báo cáo mật')}&docType=bao-cao&confidential=true&published=true`,
      new Uint8Array(pdf),
      staff,
    );
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ pages: 1, size: pdf.length, confidential: true, published: false });
    const anonymous = await fetch(`${server.url}/api/documents/${up.body.id}/file`);
    expect(anonymous.status).toBe(404);
    const card = (await delegateCards(server, staff))[0]!;
    const asDelegate = await fetch(`${server.url}/api/documents/${up.body.id}/file`, { headers: { authorization: `Bearer ${tokenOf(card)}` } });
    expect(asDelegate.status).toBe(200);
    expect(
      Buffer.from(await asDelegate.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect((await fetch(`${server.url}/api/documents/..%2F..%2Fhoi-dong.sqlite/file`, { headers: { cookie: staff.cookie } })).status).toBe(404);
  });

  it('refuses a non-PDF and an oversized upload', async () => {
    const notPdf = await api<{ code: string }>(
      server,
      'POST',
      `/api/sessions/${sessionId}/documents?title=x`,
      new Uint8Array(Buffer.from('MZ not a pdf')),
      staff,
    );
    expect(notPdf.status).toBe(415);
    expect(notPdf.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const huge = new Uint8Array(51 * 1024 * 1024);
    huge.set(Buffer.from('%PDF-1.7'));
    const big = await api<{ code: string }>(server, 'POST', `/api/sessions/${sessionId}/documents?title=x`, huge, staff);
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('checks an upload by parsing it, not by its first bytes', async () => {
    const real = await simplePdf('Ba trang', ['Một.', 'Hai.', 'Ba.']);
    const upload = (bytes: Buffer) =>
      api<{ code: string; pages?: number }>(server, 'POST', `/api/sessions/${sessionId}/documents?title=x`, new Uint8Array(bytes), staff);
    // A PDF header on anything else, and a real PDF cut in half, are refused.
    for (const fake of [Buffer.from('%PDF-1.7\n<script>alert(1)</script>\n%%EOF\n'), real.subarray(0, Math.floor(real.length / 2))]) {
      const refused = await upload(fake);
      expect(refused.status).toBe(415);
      expect(refused.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
    // The page count comes from the parser; a "/Type /Page" in a content stream no longer counts.
    const ok = await upload(real);
    expect(ok.status).toBe(201);
    expect(ok.body.pages).toBe(1);
  });
});

describe('cards', () => {
  it('re-issuing a card stops the old one at once', async () => {
    const [card] = await delegateCards(server, staff);
    const oldToken = tokenOf(card!);
    const socket = await delegateSocket(server, oldToken);
    const revoked = new Promise<void>((resolve) => socket.once('auth:revoked', () => resolve()));
    const reissued = await api<{ signInUrl: string }>(server, 'POST', `/api/delegates/${card!.delegateId}/token`, undefined, staff);
    expect(reissued.status).toBe(200);
    await revoked;
    await expect(delegateSocket(server, oldToken)).rejects.toMatchObject({ data: { code: 'TOKEN_INVALID' } });
    const fresh = await delegateSocket(server, new URL(reissued.body.signInUrl).hash.replace('#token=', ''));
    fresh.disconnect();
  });

  it('refuses a second device with the same card unless it takes over visibly', async () => {
    const card = (await delegateCards(server, staff))[5]!;
    const first = await delegateSocket(server, tokenOf(card), { deviceId: 'tablet-aaaaaaaa' });
    await expect(delegateSocket(server, tokenOf(card), { deviceId: 'tablet-bbbbbbbb' })).rejects.toMatchObject({ data: { code: 'TOKEN_IN_USE' } });
    const replaced = new Promise<void>((resolve) => first.once('auth:replaced', () => resolve()));
    const second = await delegateSocket(server, tokenOf(card), { deviceId: 'tablet-bbbbbbbb', takeover: true });
    await replaced;
    const events = server.app.db.prepare("SELECT COUNT(*) AS n FROM events WHERE type = 'security.device-takeover'").get() as { n: number };
    expect(events.n).toBe(1);
    second.disconnect();
  });
});

describe('display devices', () => {
  it('says which displays are connected now', async () => {
    const created = await api<{ id: string; online: boolean }>(server, 'POST', '/api/displays', { name: 'Màn hình phụ' }, staff);
    expect(created.status).toBe(201);
    expect(created.body.online).toBe(false);
    const onlineOf = async () =>
      (await api<{ id: string; online: boolean }[]>(server, 'GET', '/api/displays', undefined, staff)).body.find((d) => d.id === created.body.id)?.online;
    expect(await onlineOf()).toBe(false);
    const screen = await displaySocket(server, new URL((created.body as { pairUrl?: string }).pairUrl!).hash.replace('#token=', ''));
    expect(await onlineOf()).toBe(true);
    screen.disconnect();
    // The server learns of the disconnect a moment later.
    for (let i = 0; i < 50 && (await onlineOf()); i += 1) await new Promise((r) => setTimeout(r, 20));
    expect(await onlineOf()).toBe(false);
  });
});
