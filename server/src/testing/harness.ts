// The server's test kit, shared by its integration tests, the browser tests (e2e/harness.ts adds Chromium) and
// the benchmarks: a real server in-process on a free port with a temporary data dir (the demo council seeded),
// staff sign-in, the REST client and typed socket.io clients.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import type {
  Ack,
  AgendaItem,
  ChairSnapshot,
  Motion,
  Session,
  ChairClientToServer,
  ChairServerToClient,
  DelegateCard,
  DelegateClientToServer,
  DelegateServerToClient,
  DisplayClientToServer,
  DisplayDevice,
  DisplayServerToClient,
  StaffIdentity,
} from '@hddt/protocol';
import { PROTOCOL_VERSION } from '@hddt/protocol';
import { REST_ROUTES } from '@hddt/protocol/schemas';
import { io, type Socket } from 'socket.io-client';
import { createApp, type App } from '../app';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
export interface TestServer {
  url: string;
  port: number;
  dataDir: string;
  adminPassword: string;
  app: App;
  /** Stops the server (sockets drop, data stays). */
  stop(): Promise<void>;
  /** Starts it again on the same port and data dir. */
  restart(): Promise<void>;
  /** Stops and deletes the data dir. */
  dispose(): Promise<void>;
}

/** A TCP port free on loopback right now (for a server started in a child process). */
export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

export async function startServer(options: { demo?: boolean; dataDir?: string; adminPassword?: string } = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'hddt-test-'));
  const adminPassword = options.adminPassword ?? `test-${randomBytes(6).toString('hex')}`;
  const make = async () => {
    const made = await createApp({ dataDir, demo: options.demo ?? true, adminPassword, appsRoot: REPO_ROOT, publicUrl: undefined });
    // Tests block the event loop (pdftoppm, pdftotext run synchronously) for longer than the 5 s idle timeout
    // of a kept-alive connection: the server then closes it just as fetch reuses it (ECONNRESET). Idle
    // connections stay open for a minute here; close() still ends them at once.
    made.httpServer.keepAliveTimeout = 60_000;
    return made;
  };
  let app = await make();
  let port = await app.listen(0, '127.0.0.1');
  let running = true;
  const server: TestServer = {
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    dataDir,
    adminPassword,
    get app() {
      return app;
    },
    async stop() {
      if (!running) return;
      running = false;
      await app.close();
    },
    async restart() {
      if (running) await app.close();
      app = await make();
      port = await app.listen(port, '127.0.0.1');
      running = true;
    },
    async dispose() {
      if (running) await app.close();
      running = false;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  // Cards carry the LAN address in production; in tests the loopback one.
  app.services.baseUrls = () => [`http://127.0.0.1:${port}`];
  const originalRestart = server.restart;
  server.restart = async () => {
    await originalRestart();
    app.services.baseUrls = () => [`http://127.0.0.1:${port}`];
  };
  return server;
}

export interface StaffSession extends StaffIdentity {
  cookie: string;
}

export async function staffLogin(server: { url: string; adminPassword: string }, username = 'admin', password?: string): Promise<StaffSession> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: password ?? server.adminPassword }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const identity = (await res.json()) as StaffIdentity;
  const setCookie = res.headers.get('set-cookie') ?? '';
  const cookie = setCookie.split(';')[0]!;
  return { ...identity, cookie };
}

export interface ApiResponse<T> {
  status: number;
  body: T;
}

/** JSON REST call as staff (secretariat by default). Returns status and parsed body; never throws on 4xx. */
export async function api<T = unknown>(
  server: { url: string; adminPassword: string },
  method: string,
  pathname: string,
  body?: unknown,
  session?: StaffSession,
): Promise<ApiResponse<T>> {
  const s = session ?? (await staffLogin(server));
  const headers: Record<string, string> = { cookie: s.cookie, 'x-csrf-token': s.csrfToken };
  let payload: string | Blob | undefined;
  if (body instanceof Uint8Array) {
    headers['content-type'] = 'application/pdf';
    payload = new Blob([body as Uint8Array<ArrayBuffer>]);
  } else if (typeof body === 'string') {
    headers['content-type'] = 'text/csv';
    payload = body;
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(`${server.url}${pathname}`, { method, headers, body: payload });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: parsed as T };
}

/** Cards issued by the tests, per server: the server keeps only their hashes, so the links are kept here. */
const issuedCards = new WeakMap<object, Map<string, DelegateCard>>();

/**
 * Every seated delegate's card with its sign-in link. The server can no longer read a card back (it stores a
 * hash), so the first call for a server issues new cards for everyone (as printing the QR sheet does), and
 * later calls reuse them, issuing only the missing ones (delegates added since).
 */
export async function delegateCards(server: { url: string; adminPassword: string }, session?: StaffSession): Promise<DelegateCard[]> {
  let known = issuedCards.get(server);
  const scope = known ? 'missing' : 'all';
  const res = await api<DelegateCard[]>(server, 'POST', REST_ROUTES.cardsIssue.path, { scope }, session);
  if (res.status !== 200) throw new Error(`cards failed: ${res.status}`);
  if (!known) {
    known = new Map();
    issuedCards.set(server, known);
  }
  for (const card of res.body) known.set(card.delegateId, card);
  const seated = await api<{ delegateId: string; seat: number }[]>(server, 'GET', REST_ROUTES.cards.path, undefined, session);
  return seated.body.flatMap((c) => (known.has(c.delegateId) ? [known.get(c.delegateId)!] : []));
}

/** Remembers a card the test re-issued itself (POST /api/delegates/:id/token), so delegateCards returns it. */
export function rememberCard(server: object, card: DelegateCard): void {
  issuedCards.get(server)?.set(card.delegateId, card);
}

export function tokenOf(card: DelegateCard): string {
  return new URL(card.signInUrl).hash.replace(/^#token=/, '');
}

export async function createDisplay(
  server: { url: string; adminPassword: string },
  name = 'Màn hình hội trường',
): Promise<DisplayDevice & { pairUrl: string; token: string }> {
  const res = await api<DisplayDevice>(server, 'POST', REST_ROUTES.displayCreate.path, { name });
  if (res.status !== 201 || !res.body.pairUrl) throw new Error(`display failed: ${res.status}`);
  const token = new URL(res.body.pairUrl).hash.replace(/^#token=/, '');
  return { ...res.body, pairUrl: res.body.pairUrl, token };
}

export type ChairSocket = Socket<ChairServerToClient, ChairClientToServer>;
export type DelegateSocket = Socket<DelegateServerToClient, DelegateClientToServer>;
export type DisplaySocket = Socket<DisplayServerToClient, DisplayClientToServer>;

function connected<S extends Socket>(socket: S): Promise<S> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('socket connect timeout')), 10_000);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('connect_error', (err: Error & { data?: unknown }) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(`connect_error: ${err.message}`), { data: err.data }));
    });
  });
}

export async function chairSocket(server: { url: string; adminPassword: string }, session?: StaffSession): Promise<ChairSocket> {
  const s = session ?? (await staffLogin(server));
  const socket: ChairSocket = io(`${server.url}/chair`, {
    auth: { protocolVersion: PROTOCOL_VERSION },
    extraHeaders: { cookie: s.cookie },
    transports: ['websocket'],
    reconnection: false,
  });
  return connected(socket);
}

export async function delegateSocket(
  server: { url: string },
  token: string,
  options: { deviceId?: string; takeover?: boolean; reconnection?: boolean } = {},
): Promise<DelegateSocket> {
  const socket: DelegateSocket = io(`${server.url}/delegate`, {
    auth: { protocolVersion: PROTOCOL_VERSION, token, deviceId: options.deviceId ?? `dev-${randomBytes(6).toString('hex')}`, takeover: options.takeover },
    transports: ['websocket'],
    reconnection: options.reconnection ?? false,
  });
  return connected(socket);
}

export async function displaySocket(server: { url: string }, token: string): Promise<DisplaySocket> {
  const socket: DisplaySocket = io(`${server.url}/display`, {
    auth: { protocolVersion: PROTOCOL_VERSION, token },
    transports: ['websocket'],
    reconnection: false,
  });
  return connected(socket);
}

/** The demo session's id and its prepared motions, read through the chair's snapshot. */
export async function demoSession(chair: ChairSocket): Promise<{ session: Session; motions: Motion[]; agenda: AgendaItem[]; snapshot: ChairSnapshot }> {
  const ack: Ack<ChairSnapshot> = await chair.timeout(5000).emitWithAck('session:sync', {});
  if (!ack.ok) throw new Error(ack.code);
  const snap = ack.data;
  if (!snap.session) throw new Error('no active session');
  return { session: snap.session, motions: snap.motions, agenda: snap.agenda, snapshot: snap };
}

/** Opens the demo session and roll call, and checks in the given delegate sockets. */
export async function openSessionWithRollCall(chair: ChairSocket, delegates: DelegateSocket[] = []) {
  const { session } = await demoSession(chair);
  const opened = await chair.timeout(5000).emitWithAck('session:open', { sessionId: session.id });
  if (!opened.ok) throw new Error(`session:open ${opened.code}`);
  const rc = await chair.timeout(5000).emitWithAck('rollcall:open', {});
  if (!rc.ok) throw new Error(`rollcall:open ${rc.code}`);
  for (const d of delegates) {
    const r = await d.timeout(5000).emitWithAck('attendance:checkin', {});
    if (!r.ok) throw new Error(`checkin ${r.code}`);
  }
  return session;
}

/** Marks delegates present through the chair (as a secretary does for those without a tablet). */
export async function markPresent(chair: ChairSocket, delegateIds: string[]): Promise<void> {
  for (const delegateId of delegateIds) {
    const r = await chair.timeout(5000).emitWithAck('attendance:set', { delegateId, status: 'present', reason: null });
    if (!r.ok) throw new Error(`attendance:set ${r.code}`);
  }
}
