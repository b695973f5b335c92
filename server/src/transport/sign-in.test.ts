// Sign-in and sessions: the login throttle is per source address (the socket's), unknown and known user
// names answer alike, a session or card that is ended stops its live sockets at once, refused cards raise
// aggregated alerts, TLS sets Secure and HSTS, a display token holds only a few sockets, `/` refuses
// connections, logout needs the CSRF token.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROTOCOL_VERSION, type DelegateCard } from '@hddt/protocol';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  chairSocket,
  createDisplay,
  delegateCards,
  delegateSocket,
  displaySocket,
  rememberCard,
  staffLogin,
  startServer,
  tokenOf,
  type TestServer,
} from '../testing/harness';
import { createApp } from '../app';
import { simplePdf } from '../seed/pdf';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.dispose();
});

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A login POST from a chosen loopback source address (127.0.0.x), optionally with extra headers. */
function loginFrom(localAddress: string, username: string, password: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const url = new URL(`${server.url}/api/auth/login`);
  const body = JSON.stringify({ username, password });
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', localAddress, headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('login throttle', () => {
  it('locks out the guessing address only: the right password from another address still signs in', async () => {
    for (let i = 0; i < 6; i += 1) await loginFrom('127.0.0.21', 'admin', `wrong-${i}`);
    const guesser = await loginFrom('127.0.0.21', 'admin', server.adminPassword);
    expect(guesser.status).toBe(429);
    // X-Forwarded-For is not trusted: the guesser cannot pretend to be elsewhere.
    const forged = await loginFrom('127.0.0.21', 'admin', server.adminPassword, { 'x-forwarded-for': '10.9.8.7' });
    expect(forged.status).toBe(429);
    const elsewhere = await loginFrom('127.0.0.22', 'admin', server.adminPassword);
    expect(elsewhere.status).toBe(200);
  });

  it('answers unknown and known user names in the same time', async () => {
    const time = async (address: string, username: string) => {
      const started = performance.now();
      const res = await loginFrom(address, username, 'not-the-password');
      expect(res.status).toBe(401);
      return performance.now() - started;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      known.push(await time(`127.0.0.${30 + i}`, 'admin'));
      unknown.push(await time(`127.0.0.${40 + i}`, `nobody-${i}`));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    // Both run the password hash (scrypt, tens of milliseconds); an unknown name used to answer in about 1 ms,
    // a known one after the hash. The margin is wide because this machine is shared and noisy.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.3);
  });
});

describe('ending a session or a card ends its live sockets', () => {
  it("logout needs the CSRF token, and disconnects that session's /chair socket at once", async () => {
    const staff = await staffLogin(server);
    const chair = await chairSocket(server, staff);
    const noCsrf = await fetch(`${server.url}/api/auth/logout`, { method: 'POST', headers: { cookie: staff.cookie } });
    expect(noCsrf.status).toBe(403);
    expect(chair.connected).toBe(true);
    const gone = new Promise<void>((resolve) => chair.once('disconnect', () => resolve()));
    const out = await fetch(`${server.url}/api/auth/logout`, { method: 'POST', headers: { cookie: staff.cookie, 'x-csrf-token': staff.csrfToken } });
    expect(out.status).toBe(200);
    await gone;
    await expect(chairSocket(server, staff)).rejects.toMatchObject({ data: { code: 'UNAUTHENTICATED' } });
  });

  it('a password reset disconnects every /chair socket of that account', async () => {
    const created = await api(server, 'POST', '/api/staff', { username: 'chutoa1', displayName: 'Chủ tọa', role: 'chair', password: 'mat-khau-cu-123' });
    expect(created.status).toBe(201);
    const chairStaff = await staffLogin(server, 'chutoa1', 'mat-khau-cu-123');
    const chair = await chairSocket(server, chairStaff);
    const gone = new Promise<void>((resolve) => chair.once('disconnect', () => resolve()));
    expect((await api(server, 'POST', '/api/staff/chutoa1/password', { password: 'mat-khau-moi-456' })).status).toBe(200);
    await gone;
  });

  it('vacating a seat disconnects the tablet, refuses the card on sign-in and on document download', async () => {
    const card = (await delegateCards(server))[10]!;
    const tablet = await delegateSocket(server, tokenOf(card));
    const sessionId = Object.values(server.app.engine.state.sessions)[0]!.id;
    const pdf = await simplePdf('Tài liệu mật', ['Nội dung mật.']);
    const up = await api<{ id: string }>(
      server,
      'POST',
      `/api/sessions/${sessionId}/documents?title=${encodeURIComponent('Tài liệu mật')}&confidential=true`,
      new Uint8Array(pdf),
    );
    expect(up.status).toBe(201);
    const download = () => fetch(`${server.url}/api/documents/${up.body.id}/file`, { headers: { authorization: `Bearer ${tokenOf(card)}` } });
    expect((await download()).status).toBe(200);
    const gone = new Promise<void>((resolve) => tablet.once('disconnect', () => resolve()));
    expect((await api(server, 'POST', `/api/delegates/${card.delegateId}/vacate`, { reason: 'Chuyển công tác' })).status).toBe(200);
    await gone;
    expect((await download()).status).toBe(404);
    await expect(delegateSocket(server, tokenOf(card))).rejects.toMatchObject({ data: { code: 'TOKEN_INVALID' } });
  });
});

describe('re-issuing the card sheet', () => {
  it('signs out every tablet on an old card at once and refuses the old cards', async () => {
    const card = (await delegateCards(server))[12]!;
    const tablet = await delegateSocket(server, tokenOf(card));
    const gone = new Promise<void>((resolve) => tablet.once('disconnect', () => resolve()));
    const reissued = await api<DelegateCard[]>(server, 'POST', '/api/cards/issue', { scope: 'all' });
    expect(reissued.status).toBe(200);
    for (const c of reissued.body) rememberCard(server, c);
    await gone;
    await expect(delegateSocket(server, tokenOf(card))).rejects.toMatchObject({ data: { code: 'TOKEN_INVALID' } });
    const fresh = reissued.body.find((c) => c.delegateId === card.delegateId)!;
    (await delegateSocket(server, new URL(fresh.signInUrl).hash.replace('#token=', ''))).disconnect();
  });
});

describe('refused cards', () => {
  it('raise one aggregated alert per source, not one per refusal', async () => {
    // A server of its own: refusals from the other tests would share the alert windows.
    const own = await startServer();
    const chair = await chairSocket(own);
    const alerts: { type: string; count?: number }[] = [];
    chair.on('alert:security', (a) => alerts.push(a));
    const attempts = Array.from(
      { length: 300 },
      (_, i) =>
        new Promise<void>((resolve) => {
          const s = io(`${own.url}/delegate`, {
            auth: { protocolVersion: PROTOCOL_VERSION, token: randomBytes(24).toString('base64url'), deviceId: `forged-device-${i}` },
            transports: ['websocket'],
            reconnection: false,
            forceNew: true,
          });
          s.once('connect_error', () => {
            s.close();
            resolve();
          });
          s.once('connect', () => {
            s.close();
            resolve();
          });
        }),
    );
    await Promise.all(attempts);
    await new Promise((r) => setTimeout(r, 300));
    const refused = () => alerts.filter((a) => a.type === 'token-refused');
    expect(refused().length).toBeLessThanOrEqual(2);
    // The rest arrive as one summary with their count when the window ends.
    await expect.poll(() => refused().reduce((n, a) => n + (a.count ?? 1), 0), { timeout: 8000 }).toBe(300);
    expect(refused().length).toBeLessThanOrEqual(3);
    chair.disconnect();
    await own.dispose();
  }, 20_000);
});

describe('sockets', () => {
  it('the root namespace refuses connections', async () => {
    const s = io(server.url, { transports: ['websocket'], reconnection: false, forceNew: true });
    const outcome = await new Promise<string>((resolve) => {
      s.once('connect', () => resolve('connected'));
      s.once('connect_error', (e: Error & { data?: { code?: string } }) => resolve(e.data?.code ?? e.message));
    });
    s.close();
    expect(outcome).toBe('NOT_FOUND');
  });

  it('one display token holds at most a few sockets', async () => {
    const { token } = await createDisplay(server);
    const held = [];
    for (let i = 0; i < 4; i += 1) held.push(await displaySocket(server, token));
    await expect(displaySocket(server, token)).rejects.toMatchObject({ data: { code: 'TOKEN_IN_USE' } });
    held[0]!.disconnect();
    await new Promise((r) => setTimeout(r, 100));
    const again = await displaySocket(server, token);
    expect(again.connected).toBe(true);
    for (const s of [...held, again]) s.disconnect();
  });
});

describe('under TLS', () => {
  it('sets the Secure cookie flag and HSTS', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hddt-tls-'));
    try {
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:prime256v1',
          '-nodes',
          '-days',
          '1',
          '-subj',
          '/CN=localhost',
          '-keyout',
          path.join(dir, 'key.pem'),
          '-out',
          path.join(dir, 'cert.pem'),
        ],
        { stdio: 'ignore' },
      );
      const app = await createApp({
        dataDir: path.join(dir, 'data'),
        demo: false,
        adminPassword: 'tls-test-password',
        tls: { cert: readFileSync(path.join(dir, 'cert.pem'), 'utf8'), key: readFileSync(path.join(dir, 'key.pem'), 'utf8') },
      });
      const port = await app.listen(0, '127.0.0.1');
      try {
        const res = await new Promise<RawResponse>((resolve, reject) => {
          const req = httpsRequest(
            { host: '127.0.0.1', port, path: '/api/auth/login', method: 'POST', rejectUnauthorized: false, headers: { 'content-type': 'application/json' } },
            (r) => {
              let text = '';
              r.on('data', (d: Buffer) => (text += d.toString()));
              r.on('end', () => resolve({ status: r.statusCode ?? 0, headers: r.headers, body: text }));
            },
          );
          req.on('error', reject);
          req.end(JSON.stringify({ username: 'admin', password: 'tls-test-password' }));
        });
        expect(res.status).toBe(200);
        const cookie = String(res.headers['set-cookie'] ?? '');
        expect(cookie).toMatch(/;\s*Secure/i);
        expect(cookie).toMatch(/HttpOnly/i);
        expect(String(res.headers['strict-transport-security'] ?? '')).toMatch(/max-age=\d{6,}/);
      } finally {
        await app.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
