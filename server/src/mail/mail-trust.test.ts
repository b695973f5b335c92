// Invitations a secretariat can rely on (issue 19), against real SMTP peers on loopback (smtp-server, a silent
// TCP listener, a closed port): each failure cause gets its own clear message, "Gửi thư thử" checks settings
// before a real send, a retry goes to the corrected address and never to a removed guest (whose link is
// revoked), only a browser's view of the page counts as read, guests see only published documents, the
// invitation gives the opening hour, and e-mailed links use the public base address.
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIL_FAILURES } from '@hddt/protocol';
import type { InvitationReport, MailFailureCause, MailSettingsView, MailTestReport, Session } from '@hddt/protocol';
import { api, startServer, staffLogin, type StaffSession, type TestServer } from '../testing/harness';
import { sendTestMail, sessionWhenVi } from './invitations';
import { isHallOnlyAddress } from './link-base';

interface Received {
  to: string[];
  raw: string;
  user: string | null;
}

const REFUSED = new Set<string>();
const inbox: Received[] = [];
let server: TestServer;
let staff: StaffSession;
let plain: SMTPServer;
let withAuth: SMTPServer;
let silent: Server;
const ports = { plain: 0, auth: 0, silent: 0, closed: 0 };
const FROM = 'Văn phòng HĐND <vanphong@hdnd.example>';

/** Quoted-printable and base64 bodies decoded enough to read links and Vietnamese text. */
function readable(raw: string): string {
  const qp = raw.replace(/=\r?\n/g, '').replace(/(?:=[0-9A-F]{2})+/g, (m) => Buffer.from(m.replace(/=/g, ''), 'hex').toString('utf8'));
  const b64 = [...raw.matchAll(/Content-Transfer-Encoding: base64\r?\n(?:[^\r\n]+\r?\n)*?\r?\n([A-Za-z0-9+/=\r\n]+)/g)]
    .map((m) => Buffer.from(m[1]!.replace(/\s/g, ''), 'base64').toString('utf8'))
    .join('\n');
  return `${qp}\n${b64}`;
}

function collect(stream: NodeJS.ReadableStream, done: (raw: string) => void) {
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
}

async function listen(s: SMTPServer): Promise<number> {
  s.on('error', () => {});
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  return (s.server.address() as AddressInfo).port;
}

const settings = (port: number, extra: Partial<{ secure: boolean; user: string; password: string; from: string; host: string }> = {}) => ({
  host: '127.0.0.1',
  port,
  secure: false,
  user: '',
  from: FROM,
  ...extra,
});

beforeAll(async () => {
  plain = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onMailFrom(address, _session, callback) {
      if (address.address === 'cam-gui@hdnd.example') {
        const error = new Error('5.7.1 Sender address rejected: not owned by user') as Error & { responseCode: number };
        error.responseCode = 553;
        return callback(error);
      }
      callback();
    },
    onRcptTo(address, _session, callback) {
      if (REFUSED.has(address.address)) {
        const error = new Error('5.1.1 User unknown') as Error & { responseCode: number };
        error.responseCode = 550;
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      collect(stream, (raw) => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, user: null });
        callback();
      });
    },
  });
  withAuth = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === 'vanphong' && auth.password === 'mat-khau-dung') return callback(null, { user: 'vanphong' });
      callback(new Error('5.7.8 Authentication credentials invalid'));
    },
    onData(stream, session, callback) {
      collect(stream, (raw) => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, user: String(session.user) });
        callback();
      });
    },
  });
  ports.plain = await listen(plain);
  ports.auth = await listen(withAuth);
  // A listener that accepts and never greets: a TLS port spoken to in plain text behaves the same.
  silent = createServer(() => {});
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  ports.silent = (silent.address() as AddressInfo).port;
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  ports.closed = (closed.address() as AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  server = await startServer();
  staff = await staffLogin(server);
});

afterAll(async () => {
  await server.dispose();
  await new Promise<void>((resolve) => plain.close(() => resolve()));
  await new Promise<void>((resolve) => withAuth.close(() => resolve()));
  await new Promise<void>((resolve) => silent.close(() => resolve()));
});

const sessionId = () => server.app.engine.state.activeSessionId!;
const reports = async () => (await api<InvitationReport[]>(server, 'GET', `/api/sessions/${sessionId()}/invitations`, undefined, staff)).body;
const sendAll = async () => (await api<InvitationReport[]>(server, 'POST', `/api/sessions/${sessionId()}/invitations`, {}, staff)).body;
const retry = async () => (await api<InvitationReport[]>(server, 'POST', `/api/sessions/${sessionId()}/invitations/retry`, {}, staff)).body;
const useSettings = async (s: ReturnType<typeof settings> & { password?: string }) => {
  const r = await api(server, 'PUT', '/api/mail/settings', s, staff);
  expect(r.status).toBe(200);
};
const test = async (body: Record<string, unknown>) => api<MailTestReport>(server, 'POST', '/api/mail/test', body, staff);
const delegates = () => Object.values(server.app.engine.state.delegates).sort((a, b) => a.seat - b.seat);
const setEmail = async (index: number, email: string | null) => {
  const r = await api(server, 'PUT', `/api/mail/delegates/${delegates()[index]!.id}`, { email }, staff);
  expect(r.status).toBe(200);
};

describe('failures explained, and a test message before the real send', () => {
  it('names every cause of a failure in Vietnamese and English with a hint, keeping the raw reply as detail', () => {
    for (const [cause, texts] of Object.entries(MAIL_FAILURES)) {
      expect(texts.message[0], cause).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/);
      expect(texts.message[1], cause).not.toBe(texts.message[0]);
      expect(texts.hint[0].length, cause).toBeGreaterThan(20);
      expect(texts.hint[1].length, cause).toBeGreaterThan(20);
    }
  });

  it('"Gửi thư thử" delivers one message with the settings typed in the form, without saving them', async () => {
    const before = inbox.length;
    const res = await test({ ...settings(ports.plain), to: 'thu-ky@hdnd.example' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ delivered: true, to: 'thu-ky@hdnd.example' });
    expect(inbox.length - before).toBe(1);
    expect(inbox.at(-1)!.to).toEqual(['thu-ky@hdnd.example']);
    expect(readable(inbox.at(-1)!.raw)).toContain('Đây là thư thử');
    // Nothing was saved.
    expect((await api<MailSettingsView>(server, 'GET', '/api/mail/settings', undefined, staff)).body.configured).toBe(false);
    // Bad input is a 400 with field errors, not a send.
    const bad = await api<{ code: string; message: string; messageEn: string }>(
      server,
      'POST',
      '/api/mail/test',
      { ...settings(ports.plain), to: 'không phải thư' },
      staff,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('BAD_REQUEST');
    expect(inbox.length - before).toBe(1);
  });

  const cases: { name: string; body: () => Record<string, unknown>; cause: MailFailureCause; detail: RegExp }[] = [
    { name: 'a closed port', body: () => settings(ports.closed), cause: 'connection', detail: /ECONNREFUSED/ },
    {
      name: 'an unknown host name',
      body: () => settings(25, { host: 'may-chu-thu.khong-ton-tai.invalid' }),
      cause: 'dns',
      detail: /ENOTFOUND|EAI_AGAIN|getaddrinfo/,
    },
    { name: 'TLS on a plain-text port', body: () => settings(ports.plain, { secure: true }), cause: 'tls', detail: /wrong version number|SSL|TLS/i },
    { name: 'a wrong password', body: () => settings(ports.auth, { user: 'vanphong', password: 'sai-mat-khau' }), cause: 'auth', detail: /535/ },
    { name: 'no sign-in where one is required', body: () => settings(ports.auth), cause: 'auth', detail: /530/ },
    { name: 'a sender the server does not accept', body: () => settings(ports.plain, { from: 'cam-gui@hdnd.example' }), cause: 'sender', detail: /553/ },
  ];
  for (const c of cases) {
    it(`says what to check for ${c.name} (${c.cause})`, async () => {
      const res = await test({ ...c.body(), to: 'thu-ky@hdnd.example' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ delivered: false, cause: c.cause });
      expect(res.body.delivered === false && res.body.detail).toMatch(c.detail);
    });
  }

  it('says the server did not answer when nothing greets (a TLS port spoken to in plain text)', async () => {
    const quick = { connectionTimeout: 1_000, greetingTimeout: 1_000, socketTimeout: 2_000 };
    const started = Date.now();
    const report = await sendTestMail(server.app.engine.state, { ...settings(ports.silent), password: '' }, 'thu-ky@hdnd.example', quick);
    expect(report).toMatchObject({ delivered: false, cause: 'timeout' });
    expect(report.delivered === false && report.detail).toMatch(/Greeting never received/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('a test with the password left empty uses the stored one', async () => {
    await useSettings({ ...settings(ports.auth, { user: 'vanphong' }), password: 'mat-khau-dung' });
    const res = await test({ ...settings(ports.auth, { user: 'vanphong' }), to: 'thu-ky@hdnd.example' });
    expect(res.body).toEqual({ delivered: true, to: 'thu-ky@hdnd.example' });
    expect(inbox.at(-1)!.user).toBe('vanphong');
  });

  it('an invitation row shows the cause, when it failed, and not an earlier success time', async () => {
    await useSettings(settings(ports.plain));
    await setEmail(0, 'dai-bieu-1@example.org');
    const first = await sendAll();
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ status: 'sent', error: null, errorCause: null, failedAt: null });
    const sentAt = first[0]!.sentAt!;
    await new Promise((r) => setTimeout(r, 20));
    await useSettings(settings(ports.closed));
    const again = await sendAll();
    expect(again[0]).toMatchObject({ status: 'failed', errorCause: 'connection' });
    expect(again[0]!.error).toMatch(/ECONNREFUSED/);
    expect(again[0]!.failedAt! > sentAt).toBe(true);
    await useSettings(settings(ports.plain));
    const back = await retry();
    expect(back[0]).toMatchObject({ status: 'sent', error: null, errorCause: null, failedAt: null });
  });

  it('the not-configured refusal names the card the secretariat sees, "Máy chủ thư (SMTP)"', async () => {
    const fresh = await startServer();
    try {
      const s = await staffLogin(fresh);
      const res = await api<{ message: string; messageEn: string }>(
        fresh,
        'POST',
        `/api/sessions/${fresh.app.engine.state.activeSessionId}/invitations`,
        {},
        s,
      );
      expect(res.status).toBe(409);
      expect(res.body.message).toContain('«Máy chủ thư (SMTP)»');
      expect(res.body.message).not.toContain('Cài đặt thư điện tử');
      expect(res.body.messageEn).toContain('Mail server (SMTP)');
    } finally {
      await fresh.dispose();
    }
  });
});

describe('retry goes to current addresses; a removed guest is revoked', () => {
  it('a retry sends to the corrected address, not the one the failed row had', async () => {
    await useSettings(settings(ports.plain));
    REFUSED.add('sai-dia-chi@example.org');
    await setEmail(1, 'sai-dia-chi@example.org');
    const sent = await sendAll();
    const row = sent.find((r) => r.recipientId === delegates()[1]!.id)!;
    expect(row).toMatchObject({ status: 'failed', errorCause: 'recipient', email: 'sai-dia-chi@example.org' });
    await setEmail(1, 'dung-dia-chi@example.org');
    const before = inbox.length;
    const retried = await retry();
    expect(inbox.slice(before).map((m) => m.to)).toEqual([['dung-dia-chi@example.org']]);
    expect(readable(inbox.at(-1)!.raw)).toContain(row.url);
    expect(retried.find((r) => r.recipientId === delegates()[1]!.id)).toMatchObject({ status: 'sent', email: 'dung-dia-chi@example.org', url: row.url });
  });

  it('removing a guest revokes her link and her failed row is never retried', async () => {
    REFUSED.add('khach-loi@example.org');
    const guest = await api<{ id: string }>(server, 'POST', '/api/mail/guests', { name: 'Bà Khách Mời', email: 'khach-loi@example.org' }, staff);
    const sent = await sendAll();
    const row = sent.find((r) => r.recipientId === guest.body.id)!;
    expect(row.status).toBe('failed');
    const token = row.url.split('/moi/')[1]!;
    expect((await fetch(`${server.url}/moi/${token}`)).status).toBe(200);
    const doc = Object.values(server.app.engine.state.documents).find((d) => d.sessionId === sessionId() && d.published && !d.confidential)!;

    const seqBefore = server.app.engine.seq;
    expect((await api(server, 'DELETE', `/api/mail/guests/${guest.body.id}`, undefined, staff)).status).toBe(200);
    // The revocation is witnessed in the log (a fact, no state change).
    expect([...server.app.engine.store.readAll(seqBefore)].map((e) => e.event)).toEqual([
      { type: 'mail.guest-removed', guestId: guest.body.id, revokedLinks: 1 },
    ]);
    expect((await api(server, 'DELETE', `/api/mail/guests/${guest.body.id}`, undefined, staff)).status).toBe(404);
    REFUSED.delete('khach-loi@example.org');
    const before = inbox.length;
    const retried = await retry();
    expect(inbox.length - before).toBe(0);
    const revoked = retried.find((r) => r.recipientId === guest.body.id)!;
    expect(revoked.revokedAt).not.toBeNull();
    // Her link opens nothing any more: page, document, image.
    expect((await fetch(`${server.url}/moi/${token}`)).status).toBe(404);
    expect((await fetch(`${server.url}/en/moi/${token}`)).status).toBe(404);
    expect((await fetch(`${server.url}/moi/${token}/tai-lieu/${doc.id}`)).status).toBe(404);
    expect((await fetch(`${server.url}/moi/${token}/da-xem.gif`)).status).toBe(404);
    // A second retry still leaves her out.
    await retry();
    expect(inbox.length - before).toBe(0);
  });
});

describe('read receipts count only a browser showing the page', () => {
  it('a scanner GET or HEAD, the console preview and a signed-in staff member do not count; the page image does', async () => {
    const row = (await reports()).find((r) => r.recipientId === delegates()[0]!.id)!;
    expect(row.openedAt).toBeNull();
    const token = row.url.split('/moi/')[1]!;
    const doc = Object.values(server.app.engine.state.documents).find((d) => d.sessionId === sessionId() && !d.confidential)!;
    const current = async () => (await reports()).find((r) => r.recipientId === delegates()[0]!.id)!;

    // A link scanner: HEAD, then GET of the page and of what it links, but never the page's image.
    expect((await fetch(row.url, { method: 'HEAD' })).status).toBe(200);
    const scanned = await (await fetch(row.url)).text();
    expect(scanned).toContain(`/moi/${token}/da-xem.gif`);
    expect((await fetch(`${server.url}/moi/${token}/tai-lieu/${doc.id}`)).status).toBe(200);
    expect((await fetch(`${server.url}/moi/${token}/da-xem.gif`, { method: 'HEAD' })).status).toBe(200);
    // The console's "Liên kết riêng" preview carries no image; its document links stay previews.
    const preview = await (await fetch(`${row.url}?xem-truoc=1`)).text();
    expect(preview).not.toContain('da-xem.gif');
    expect(preview).toContain(`/moi/${token}/tai-lieu/${doc.id}?xem-truoc=1`);
    // The secretariat's own browser, signed in, loading the image.
    expect((await fetch(`${server.url}/moi/${token}/da-xem.gif`, { headers: { cookie: staff.cookie } })).status).toBe(200);
    expect(await current()).toMatchObject({ openedAt: null, documentsOpened: [] });

    // The recipient's browser shows the page (fetches its image), then opens two documents.
    const pixel = await fetch(`${server.url}/moi/${token}/da-xem.gif`);
    expect(pixel.headers.get('content-type')).toBe('image/gif');
    expect(pixel.headers.get('cache-control')).toContain('no-store');
    const opened = await current();
    expect(opened.openedAt).not.toBeNull();
    const second = Object.values(server.app.engine.state.documents).find((d) => d.sessionId === sessionId() && !d.confidential && d.id !== doc.id)!;
    expect((await fetch(`${server.url}/moi/${token}/tai-lieu/${doc.id}`, { method: 'HEAD' })).status).toBe(200);
    expect((await current()).documentsOpened).toEqual([]);
    await fetch(`${server.url}/moi/${token}/tai-lieu/${second.id}`);
    await new Promise((r) => setTimeout(r, 5));
    await fetch(`${server.url}/moi/${token}/tai-lieu/${doc.id}`);
    await fetch(`${server.url}/moi/${token}/tai-lieu/${second.id}`);
    const read = await current();
    expect(read.documentsOpened.map((d) => d.documentId)).toEqual([second.id, doc.id]);
    expect(read.documentsOpened[0]!.title).toBe(second.title);
  });
});

describe('guests see only what is published for them', () => {
  it('an unpublished draft and the titles of confidential documents reach delegates only', async () => {
    const state = server.app.engine.state;
    const docs = Object.values(state.documents).filter((d) => d.sessionId === sessionId());
    const confidential = docs.find((d) => d.confidential)!;
    const draft = docs.find((d) => !d.confidential && d.title.startsWith('Dự thảo'))!;
    const patched = await api(server, 'PATCH', `/api/documents/${draft.id}`, { published: false }, staff);
    expect(patched.status).toBe(200);
    expect((await fetch(`${server.url}/api/documents/${draft.id}/file`)).status).toBe(404);

    const guest = await api<{ id: string }>(server, 'POST', '/api/mail/guests', { name: 'Ông Phóng Viên', email: 'bao-chi@example.org' }, staff);
    const before = inbox.length;
    const sent = await sendAll();
    const guestRow = sent.find((r) => r.recipientId === guest.body.id)!;
    const delegateRow = sent.find((r) => r.recipientId === delegates()[0]!.id)!;
    const guestMail = readable(inbox.slice(before).find((m) => m.to.includes('bao-chi@example.org'))!.raw);
    expect(guestMail).not.toContain('tài liệu mật');

    const guestPage = await (await fetch(guestRow.url)).text();
    expect(guestPage).not.toContain(confidential.title);
    expect(guestPage).not.toContain(draft.title);
    expect(guestPage).not.toContain('Tài liệu mật');
    const published = docs.find((d) => d.published && !d.confidential && d.id !== draft.id)!;
    expect(guestPage).toContain(published.title);
    const guestToken = guestRow.url.split('/moi/')[1]!;
    expect((await fetch(`${server.url}/moi/${guestToken}/tai-lieu/${draft.id}`)).status).toBe(404);
    expect((await fetch(`${server.url}/moi/${guestToken}/tai-lieu/${confidential.id}`)).status).toBe(404);
    expect((await fetch(`${server.url}/moi/${guestToken}/tai-lieu/${published.id}`)).status).toBe(200);

    const delegatePage = await (await fetch(delegateRow.url)).text();
    expect(delegatePage).toContain(confidential.title);
    expect(delegatePage).toContain(draft.title);
    const delegateToken = delegateRow.url.split('/moi/')[1]!;
    expect((await fetch(`${server.url}/moi/${delegateToken}/tai-lieu/${draft.id}`)).status).toBe(200);
    expect((await fetch(`${server.url}/moi/${delegateToken}/tai-lieu/${confidential.id}`)).status).toBe(404);
    await api(server, 'DELETE', `/api/mail/guests/${guest.body.id}`, undefined, staff);
  });
});

describe('the opening hour, and links that work outside the hall', () => {
  it('the invitation reads "lúc 08:00, ngày …"; a bad time is refused; a log without start times replays', async () => {
    const session = server.app.engine.state.sessions[sessionId()]!;
    expect(session.startTime).toBeUndefined();
    const bad = await api<{ code: string }>(server, 'PATCH', `/api/sessions/${session.id}`, { startTime: '25:00' }, staff);
    expect(bad.status).toBe(400);
    const ok = await api<Session>(server, 'PATCH', `/api/sessions/${session.id}`, { startTime: '08:00' }, staff);
    expect(ok.status).toBe(200);
    expect(server.app.engine.state.sessions[session.id]!.startTime).toBe('08:00');
    const [y, m, d] = session.startDate.split('-');
    const before = inbox.length;
    await sendAll();
    const text = readable(inbox.slice(before).find((mail) => mail.to.includes('dai-bieu-1@example.org'))!.raw);
    expect(text).toContain(`Thời gian: lúc 08:00, ngày ${d}/${m}/${y}`);
    const page = await (await fetch((await reports()).find((r) => r.recipientId === delegates()[0]!.id)!.url)).text();
    expect(page).toContain(`lúc 08:00, ${d}/${m}/${y}`);

    // The log holds a session.created without the field (as every log written before it did) and a later
    // update with it: a restart replays both.
    await server.restart();
    // fetch's pool still holds a keep-alive socket to the stopped server: the first request may find it closed.
    await fetch(`${server.url}/api/health`).catch(() => undefined);
    staff = await staffLogin(server);
    expect(server.app.engine.state.sessions[session.id]!.startTime).toBe('08:00');
    expect(server.app.db.prepare('SELECT start_time FROM sessions WHERE id = ?').get(session.id)).toEqual({ start_time: '08:00' });
    const cleared = await api<Session>(server, 'PATCH', `/api/sessions/${session.id}`, { startTime: null }, staff);
    expect(cleared.status).toBe(200);
    expect(server.app.engine.state.sessions[session.id]!.startTime).toBeNull();
  });

  it('e-mailed links start with the public base address, not the hall one, and the console is told when it is hall-only', async () => {
    const hall = await api<MailSettingsView>(server, 'GET', '/api/mail/settings', undefined, staff);
    expect(hall.body).toMatchObject({ linkBase: server.url, linkBaseLocal: true });
    server.app.services.publicBaseUrl = () => 'https://hdnd.example.gov.vn';
    const pub = await api<MailSettingsView>(server, 'GET', '/api/mail/settings', undefined, staff);
    expect(pub.body).toMatchObject({ linkBase: 'https://hdnd.example.gov.vn', linkBaseLocal: false });
    const before = inbox.length;
    const sent = await sendAll();
    for (const r of sent) expect(r.url).toMatch(/^https:\/\/hdnd\.example\.gov\.vn\/moi\/[A-Za-z0-9_-]{20,}$/);
    const text = readable(inbox.slice(before).find((mail) => mail.to.includes('dai-bieu-1@example.org'))!.raw);
    expect(text).toContain('https://hdnd.example.gov.vn/moi/');
    expect(text).not.toContain(server.url);
    // QR cards keep the hall address.
    expect(server.app.services.baseUrls()).toEqual([server.url]);
  });

  it('tells hall-only addresses from public ones', () => {
    for (const local of [
      'http://192.168.1.10:8080',
      'http://10.0.0.5',
      'http://172.20.1.1:8080',
      'http://localhost:8080',
      'http://127.0.0.1:1',
      'http://hoi-truong:8080',
      'http://may-chu.local',
      'http://[fd00::1]:8080',
      'http://169.254.1.1',
      'không phải URL',
    ]) {
      expect(isHallOnlyAddress(local), local).toBe(true);
    }
    for (const pub of ['https://hdnd.example.gov.vn', 'http://203.113.1.10:8080', 'https://[2001:db8::1]', 'http://172.32.0.1']) {
      expect(isHallOnlyAddress(pub), pub).toBe(false);
    }
  });
});

describe('rows stored before causes existed', () => {
  it('a failed row with only the raw reply is judged from its text', async () => {
    const row = (await reports()).find((r) => r.recipientId === delegates()[0]!.id)!;
    const token = row.url.split('/moi/')[1]!;
    server.app.db
      .prepare(`UPDATE invitations SET status = 'failed', error = ?, error_cause = NULL WHERE token = ?`)
      .run('connect ECONNREFUSED 10.0.0.5:587', token);
    expect((await reports()).find((r) => r.recipientId === delegates()[0]!.id)).toMatchObject({ status: 'failed', errorCause: 'connection' });
  });
});

describe("the invitation's time line", () => {
  it('gives the hour when set, and the last day of a session of several days', () => {
    const base = { startDate: '2026-12-05', endDate: '2026-12-05' } as Session;
    expect(sessionWhenVi({ ...base, startTime: '08:00' })).toBe('lúc 08:00, ngày 05/12/2026');
    expect(sessionWhenVi({ ...base, startTime: '07:30', endDate: '2026-12-07' })).toBe('lúc 07:30, ngày 05/12/2026 (đến hết ngày 07/12/2026)');
    expect(sessionWhenVi(base)).toBe('ngày 05/12/2026');
    expect(sessionWhenVi({ ...base, startTime: null, endDate: '2026-12-07' })).toBe('từ ngày 05/12/2026 đến ngày 07/12/2026');
  });
});
