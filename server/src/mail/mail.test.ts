// Invitations by e-mail against a real SMTP server (smtp-server on a loopback port): personal links arrive,
// a refused address is reported with the SMTP error, a retry reaches only the failed ones, and the
// personal pages track opening without ever linking a confidential document.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startServer, staffLogin, type StaffSession, type TestServer } from '../testing/harness';
import type { InvitationReport } from './invitations';
import type { MailSettingsView } from './mail-store';

interface Received {
  to: string[];
  raw: string;
}

let server: TestServer;
let staff: StaffSession;
let smtp: SMTPServer;
let smtpPort: number;
let refuse = true;
const inbox: Received[] = [];
const REFUSED = 'tu-choi@example.org';

/** Quoted-printable and base64 bodies decoded enough to read links and Vietnamese text. */
function readable(raw: string): string {
  const qp = raw.replace(/=\r?\n/g, '').replace(/(?:=[0-9A-F]{2})+/g, (m) => Buffer.from(m.replace(/=/g, ''), 'hex').toString('utf8'));
  const b64 = [...raw.matchAll(/Content-Transfer-Encoding: base64\r?\n(?:[^\r\n]+\r?\n)*?\r?\n([A-Za-z0-9+/=\r\n]+)/g)]
    .map((m) => Buffer.from(m[1]!.replace(/\s/g, ''), 'base64').toString('utf8'))
    .join('\n');
  return `${qp}\n${b64}`;
}

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refuse && address.address === REFUSED) {
        const error = new Error('5.1.1 Hộp thư không tồn tại / mailbox unavailable') as Error & { responseCode: number };
        error.responseCode = 550;
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;
  server = await startServer();
  staff = await staffLogin(server);
});

afterAll(async () => {
  await server.dispose();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe('session invitations by e-mail', () => {
  it('answers a clear 409 while no SMTP server is configured, and the rest keeps working', async () => {
    const sessionId = server.app.engine.state.activeSessionId!;
    const settings = await api<MailSettingsView>(server, 'GET', '/api/mail/settings', undefined, staff);
    expect(settings.body).toMatchObject({ configured: false, passwordSet: false });
    const res = await api<{ code: string; message: string; messageEn: string }>(server, 'POST', `/api/sessions/${sessionId}/invitations`, {}, staff);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('MAIL_NOT_CONFIGURED');
    expect(res.body.message).toContain('Chưa cấu hình máy chủ thư điện tử');
    expect(res.body.messageEn).toContain('not configured');
    expect((await api(server, 'POST', `/api/sessions/${sessionId}/invitations/retry`, {}, staff)).status).toBe(409);
    expect((await api<unknown[]>(server, 'GET', `/api/sessions/${sessionId}/invitations`, undefined, staff)).body).toEqual([]);
    expect((await fetch(`${server.url}/`)).status).toBe(200);
  });

  it('stores SMTP settings without ever returning the password', async () => {
    const put = await api<MailSettingsView & { password?: string }>(
      server,
      'PUT',
      '/api/mail/settings',
      { host: '127.0.0.1', port: smtpPort, secure: false, user: '', password: 'mật-khẩu-bí-mật', from: 'Văn phòng HĐND <vanphong@hdnd.example>' },
      staff,
    );
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ configured: true, host: '127.0.0.1', port: smtpPort, passwordSet: true });
    expect(JSON.stringify(put.body)).not.toContain('mật-khẩu-bí-mật');
    // The password is kept when omitted; no auth user means none is sent.
    await api(
      server,
      'PUT',
      '/api/mail/settings',
      { host: '127.0.0.1', port: smtpPort, secure: false, user: '', from: 'Văn phòng HĐND <vanphong@hdnd.example>' },
      staff,
    );
    const get = await api<MailSettingsView>(server, 'GET', '/api/mail/settings', undefined, staff);
    expect(get.body.passwordSet).toBe(true);
    expect(JSON.stringify(get.body)).not.toContain('mật-khẩu');
    expect((await api(server, 'PUT', '/api/mail/settings', { host: '', port: 0, secure: false, from: '' }, staff)).status).toBe(400);
  });

  it('sends personal links, reports the refused address, and a retry reaches only the failed one', async () => {
    const state = server.app.engine.state;
    const sessionId = state.activeSessionId!;
    const delegates = Object.values(state.delegates).sort((a, b) => a.seat - b.seat);
    const addresses = ['dai-bieu-1@example.org', REFUSED, 'dai-bieu-3@example.org'];
    for (const [i, address] of addresses.entries()) {
      const r = await api(server, 'PUT', `/api/mail/delegates/${delegates[i]!.id}`, { email: address }, staff);
      expect(r.status).toBe(200);
    }
    expect((await api(server, 'PUT', `/api/mail/delegates/${delegates[3]!.id}`, { email: 'không phải thư' }, staff)).status).toBe(400);
    const guest = await api<{ id: string }>(server, 'POST', '/api/mail/guests', { name: 'Ông Khách Mời', email: 'khach@example.org' }, staff);
    expect(guest.status).toBe(201);

    const seqBefore = server.app.engine.seq;
    const sent = await api<InvitationReport[]>(server, 'POST', `/api/sessions/${sessionId}/invitations`, {}, staff);
    expect(sent.status).toBe(200);
    expect(sent.body).toHaveLength(4);
    expect([...server.app.engine.store.readAll(seqBefore)].map((e) => e.event)).toEqual([
      { type: 'mail.invitations-sent', sessionId, mode: 'all', sent: 3, failed: 1 },
    ]);
    const failed = sent.body.filter((r) => r.status === 'failed');
    expect(failed.map((r) => r.email)).toEqual([REFUSED]);
    expect(failed[0]!.error).toContain('550');
    expect(sent.body.filter((r) => r.status === 'sent')).toHaveLength(3);

    expect(inbox).toHaveLength(3);
    for (const report of sent.body.filter((r) => r.status === 'sent')) {
      const mail = inbox.find((m) => m.to.includes(report.email))!;
      expect(mail, report.email).toBeDefined();
      const text = readable(mail.raw);
      expect(text).toContain(report.url);
      expect(report.url).toMatch(new RegExp(`^${server.url}/moi/[A-Za-z0-9_-]{20,}$`));
      expect(text).toContain(`Kính gửi: ${report.name}`);
      expect(text).toContain('Kỳ họp thứ Năm');
      // Delegates are told confidential documents stay in the hall; a guest hears nothing of them.
      if (report.recipientKind === 'delegate') expect(text).toContain('tài liệu mật không gửi qua thư điện tử');
      else expect(text).not.toContain('tài liệu mật');
      // Nothing is attached and no document link leaves in the e-mail.
      expect(mail.raw).not.toMatch(/Content-Disposition: attachment/i);
      expect(text).not.toContain('/api/documents/');
      // Each one gets its own link.
      for (const other of sent.body) if (other.email !== report.email) expect(text).not.toContain(other.url);
    }
    const urls = new Set(sent.body.map((r) => r.url));
    expect(urls.size).toBe(4);

    refuse = false;
    const before = inbox.length;
    const retried = await api<InvitationReport[]>(server, 'POST', `/api/sessions/${sessionId}/invitations/retry`, {}, staff);
    expect(retried.status).toBe(200);
    expect(inbox.length - before).toBe(1);
    expect(inbox[inbox.length - 1]!.to).toEqual([REFUSED]);
    expect(readable(inbox[inbox.length - 1]!.raw)).toContain(failed[0]!.url);
    expect(retried.body.every((r) => r.status === 'sent' && r.error === null)).toBe(true);
    // Same personal links as before.
    expect(new Set(retried.body.map((r) => r.url))).toEqual(urls);
    // Nothing left to retry: nobody is mailed again.
    await api(server, 'POST', `/api/sessions/${sessionId}/invitations/retry`, {}, staff);
    expect(inbox.length - before).toBe(1);
  });

  it('tracks the personal page and each document opened; confidential documents are listed, never linked', async () => {
    const state = server.app.engine.state;
    const sessionId = state.activeSessionId!;
    const list = (await api<InvitationReport[]>(server, 'GET', `/api/sessions/${sessionId}/invitations`, undefined, staff)).body;
    // A delegate's page: confidential documents are listed by title, never linked.
    const me = list.find((r) => r.email === 'dai-bieu-1@example.org')!;
    expect(me.openedAt).toBeNull();
    const page = await fetch(me.url);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`Kính gửi: ${me.name}`);
    expect(html).toContain('Tờ trình về dự toán ngân sách địa phương năm 2027');
    expect(html).toContain('Tài liệu mật — xem tại hội trường');
    expect(html).toContain('noindex');
    const confidential = Object.values(state.documents).find((d) => d.sessionId === sessionId && d.confidential)!;
    const open = Object.values(state.documents).find((d) => d.sessionId === sessionId && !d.confidential)!;
    expect(html).toContain(confidential.title);
    expect(html).not.toContain(confidential.id);
    const token = me.url.split('/moi/')[1]!;
    expect(html).toContain(`/moi/${token}/tai-lieu/${open.id}`);
    // The page's image is what a browser fetches when it shows the page: that is the open that counts.
    expect(html).toContain(`/moi/${token}/da-xem.gif`);
    const pixel = await fetch(`${server.url}/moi/${token}/da-xem.gif`);
    expect(pixel.status).toBe(200);
    expect(pixel.headers.get('content-type')).toBe('image/gif');
    const pdf = await fetch(`${server.url}/moi/${token}/tai-lieu/${open.id}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
    expect((await fetch(`${server.url}/moi/${token}/tai-lieu/${confidential.id}`)).status).toBe(404);
    expect((await fetch(`${server.url}/moi/khong-phai-ma-moi-hop-le-123/tai-lieu/${open.id}`)).status).toBe(404);
    expect((await fetch(`${server.url}/moi/khong-phai-ma-moi-hop-le-123`)).status).toBe(404);

    const after = (await api<InvitationReport[]>(server, 'GET', `/api/sessions/${sessionId}/invitations`, undefined, staff)).body;
    const tracked = after.find((r) => r.email === 'dai-bieu-1@example.org')!;
    expect(tracked.openedAt).not.toBeNull();
    expect(tracked.documentsOpened).toEqual([{ documentId: open.id, title: open.title, openedAt: expect.any(String) }]);
    expect(after.filter((r) => r.openedAt !== null)).toHaveLength(1);
  });

  it('reports every recipient failed at once when the SMTP server cannot be reached, and nothing else breaks', async () => {
    const sessionId = server.app.engine.state.activeSessionId!;
    const closed = new SMTPServer({ disabledCommands: ['STARTTLS', 'AUTH'], logger: false });
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadPort = (closed.server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await api(server, 'PUT', '/api/mail/settings', { host: '127.0.0.1', port: deadPort, secure: false, user: '', from: 'vanphong@hdnd.example' }, staff);
    const started = Date.now();
    const res = await api<InvitationReport[]>(server, 'POST', `/api/sessions/${sessionId}/invitations`, {}, staff);
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(res.body.every((r) => r.status === 'failed' && /ECONNREFUSED|connect/i.test(r.error ?? ''))).toBe(true);
    expect((await fetch(`${server.url}/nghi-quyet`)).status).toBe(200);
    // Back to the working server: the retry delivers them all again.
    await api(server, 'PUT', '/api/mail/settings', { host: '127.0.0.1', port: smtpPort, secure: false, user: '', from: 'vanphong@hdnd.example' }, staff);
    const before = inbox.length;
    const retried = await api<InvitationReport[]>(server, 'POST', `/api/sessions/${sessionId}/invitations/retry`, {}, staff);
    expect(retried.body.every((r) => r.status === 'sent')).toBe(true);
    expect(inbox.length - before).toBe(res.body.length);
  });

  it('keeps the staff REST behind sign-in, role and CSRF', async () => {
    const sessionId = server.app.engine.state.activeSessionId!;
    expect((await fetch(`${server.url}/api/mail/settings`)).status).toBe(401);
    expect((await fetch(`${server.url}/api/sessions/${sessionId}/invitations`)).status).toBe(401);
    const noCsrf = await fetch(`${server.url}/api/sessions/${sessionId}/invitations`, { method: 'POST', headers: { cookie: staff.cookie } });
    expect(noCsrf.status).toBe(403);
    expect((await api(server, 'POST', '/api/sessions/khong-co/invitations', {}, staff)).status).toBe(404);
    const recipients = await api<{ delegates: { email: string | null }[]; guests: { id: string }[] }>(server, 'GET', '/api/mail/recipients', undefined, staff);
    expect(recipients.body.delegates.filter((d) => d.email)).toHaveLength(3);
    expect(recipients.body.guests).toHaveLength(1);
    expect((await api(server, 'DELETE', `/api/mail/guests/${recipients.body.guests[0]!.id}`, undefined, staff)).status).toBe(200);
  });
});
