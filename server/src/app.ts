// createApp: one whole server (HTTP, Socket.IO namespaces, engine, storage) for a data directory.
// main.ts listens with it; tests build as many as they need on port 0.

import { X509Certificate, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import express from 'express';
import { Server } from 'socket.io';
import { PING_INTERVAL_MS } from '@hddt/protocol';
import { Engine, systemClock, voidInterruptedSecretRounds, type ServerClock } from './engine';
import { openDatabase, type Db } from './storage/database';
import { Credentials, hashPassword } from './storage/credentials';
import { DelegateNotes } from './storage/delegate-notes';
import { SqliteEngineStore } from './storage/sqlite-engine-store';
import { attachChairNamespace } from './transport/chair-namespace';
import { connectError } from './transport/staff-auth';
import { attachDelegateNamespace } from './transport/delegate-namespace';
import { attachDisplayNamespace } from './transport/display-namespace';
import { LiveHub } from './transport/live-hub';
import { createRestApi } from './transport/rest-api';
import { createRecordsApi } from './transport/records-api';
import { createMailApi } from './transport/mail-api';
import { createPortalRouter, portalNotFound } from './transport/portal-routes';
import { createEditorialPortal } from './portal/editorial';
import { RefusalAlerts, SecurityLog, type Services } from './transport/services';
import { seedDemo } from './seed/demo-council';
import { initializeCouncil } from './seed/initialize';
import { attachStaticApps } from './transport/static-apps';
import { DeadlineTimers } from './transport/deadline-timers';
import { attachMetrics } from './transport/metrics';
import { Publisher, type RetryClock } from './publish/publisher';

export interface AppOptions {
  dataDir: string;
  clock?: ServerClock;
  /** Seed the demo council and session when the data dir is empty. */
  demo?: boolean;
  /** Password of the `admin` staff account created on first start; generated when absent. */
  adminPassword?: string;
  /** Public base URL (e.g. http://192.168.1.10:8080) used in QR cards; otherwise derived from the LAN address. */
  publicUrl?: string;
  /**
   * Base URL of e-mailed links (e.g. https://hdnd.example.gov.vn, the public portal reachable from anywhere);
   * otherwise the hall's address (publicUrl or the LAN address).
   */
  portalPublicUrl?: string;
  /** Where the built apps are (repository root by default). */
  appsRoot?: string;
  /** PEM certificate and key: serve HTTPS/WSS (halls whose Wi-Fi is shared). */
  tls?: { cert: string; key: string };
  /** express `trust proxy` value when behind a reverse proxy; otherwise the socket's address is the client's. */
  trustProxy?: string;
  /** Publish the public record to a portal service (PORTAL_PUBLISH_URL and PORTAL_PUBLISH_KEY). */
  publish?: { url: string; key: string; retryMinMs?: number; retryMaxMs?: number; batchSize?: number; retryClock?: RetryClock };
}

export interface App {
  httpServer: HttpServer;
  io: Server;
  engine: Engine;
  db: Db;
  services: Services;
  /** The generated admin password when this start created the account without a configured one. */
  generatedAdminPassword: string | null;
  /** Publishing to the portal service, when configured. */
  publisher: Publisher | null;
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

export function lanAddresses(): string[] {
  const out: string[] = [];
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) out.push(a.address);
  }
  return out;
}

export async function createApp(options: AppOptions): Promise<App> {
  mkdirSync(options.dataDir, { recursive: true });
  const dbFile = path.join(options.dataDir, 'hoi-dong.sqlite');
  const fresh = !existsSync(dbFile);
  const db = openDatabase(dbFile);
  const clock = options.clock ?? systemClock;
  const newId = () => randomUUID().replace(/-/g, '').slice(0, 20);
  const engine = new Engine({ store: new SqliteEngineStore(db), clock, newId });
  const creds = new Credentials(db);
  const hub = new LiveHub(engine);
  let port = 0;
  const baseUrls = () => {
    if (options.publicUrl) return [options.publicUrl.replace(/\/$/, '')];
    const hosts = [...lanAddresses(), 'localhost'];
    const scheme = options.tls ? 'https' : 'http';
    return hosts.map((h) => `${scheme}://${h}:${port}`);
  };
  const services: Services = {
    engine,
    hub,
    creds,
    notes: new DelegateNotes(db),
    dataDir: options.dataDir,
    baseUrls,
    publicBaseUrl: () => (options.portalPublicUrl ? options.portalPublicUrl.replace(/\/$/, '') : (services.baseUrls()[0] ?? '')),
    tlsFingerprint: options.tls ? new X509Certificate(options.tls.cert).fingerprint256 : null,
    newId,
    nowMs: () => clock.nowMs(),
    security: new SecurityLog(engine),
    refusalAlerts: new RefusalAlerts(
      (alert) => hub.chair?.emit('alert:security', alert),
      () => clock.nowMs(),
    ),
    tls: Boolean(options.tls),
  };

  // Before anyone connects: a secret round left open by a stopped server cannot be counted (docs/security.md).
  await voidInterruptedSecretRounds(engine);
  if (!engine.state.council) await initializeCouncil(services);
  let generatedAdminPassword: string | null = null;
  if (!creds.staff('admin')) {
    const password = options.adminPassword ?? randomBytes(9).toString('base64url');
    if (!options.adminPassword) generatedAdminPassword = password;
    const at = new Date(clock.nowMs()).toISOString();
    const r = await engine.record([{ type: 'staff.created', username: 'admin', role: 'secretariat' }], { kind: 'system' }, () =>
      creds.insertStaff('admin', 'Quản trị / Văn phòng', 'secretariat', hashPassword(password), at),
    );
    if (!r.ok) throw new Error('Could not create the admin account');
  }
  if (fresh && options.demo) await seedDemo(services);

  const app = express();
  app.disable('x-powered-by');
  // The login throttle keys on the client's address: X-Forwarded-For is believed only when a reverse proxy
  // is configured (HDDT_TRUST_PROXY, express's `trust proxy` syntax, e.g. 'loopback').
  app.set('trust proxy', options.trustProxy ?? false);
  app.use((_req, res, next) => {
    if (options.tls) res.setHeader('Strict-Transport-Security', 'max-age=31536000');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Frame-Options', 'SAMEORIGIN');
    next();
  });
  attachMetrics(app, services);
  // The editorial portal (Ban biên tập): /api/portal/* for staff, its reader pages before the hall's portal.
  const editorialPortal = createEditorialPortal(services, db);
  app.use('/api', editorialPortal.api);
  // Records first: the general REST router ends with a catch-all 404.
  app.use('/api', createRecordsApi(services, db));
  app.use('/api', createMailApi(services, db));
  app.use('/api', createRestApi(services));
  attachStaticApps(app, options.appsRoot ?? path.resolve(import.meta.dirname ?? '.', '..', '..'));
  // The public portal: / (Vietnamese) and /en/ (English), the feedback form, /feed.xml, /moi/<token>.
  app.use(editorialPortal.reader);
  app.use(createPortalRouter(services, db));
  app.use(portalNotFound(services));

  const httpServer = options.tls ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, app) : createServer(app);
  const io = new Server(httpServer, {
    maxHttpBufferSize: 64 * 1024,
    // Frequent pings let a tablet notice a silent Wi-Fi drop within 3 s (delegate-client/src/socket.ts watches for
    // them); the server itself waits longer for a pong, so a busy tablet is not cut off.
    pingInterval: PING_INTERVAL_MS,
    pingTimeout: 8_000,
    connectionStateRecovery: undefined,
    serveClient: false,
  });
  hub.chair = attachChairNamespace(io, services) as never;
  hub.delegate = attachDelegateNamespace(io, services) as never;
  hub.display = attachDisplayNamespace(io, services) as never;
  // Nothing lives on the root namespace: refuse it rather than hold idle authenticated-looking sockets.
  io.of('/').use((_socket, next) => next(connectError('NOT_FOUND')));
  const timers = new DeadlineTimers(services);
  const publisher = options.publish ? new Publisher({ db, engine, ...options.publish, onStatus: (status) => hub.chair?.emit('publish:status', status) }) : null;
  if (publisher) {
    services.publishStatus = () => publisher.status();
    publisher.start();
  }

  return {
    httpServer,
    io,
    engine,
    db,
    services,
    generatedAdminPassword,
    listen(p: number, host = '0.0.0.0') {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        // A deep accept queue: after a Wi-Fi outage every tablet of a 1,500-seat hall reconnects at once.
        httpServer.listen({ port: p, host, backlog: 4096 }, () => {
          port = (httpServer.address() as AddressInfo).port;
          resolve(port);
        });
      });
    },
    publisher,
    async close() {
      timers.stop();
      editorialPortal.stop();
      publisher?.stop();
      services.refusalAlerts.stop();
      io.disconnectSockets(true);
      // This waits for io.close's callback, as before; its returned promise adds nothing here.
      await new Promise<void>((resolve) => void io.close(() => resolve()));
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      // Let queued commands finish before the database closes.
      engine.close();
      db.close();
    },
  };
}
