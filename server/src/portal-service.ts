// The public portal as its own service: PostgreSQL for its content (PgPortalStore) and for its copy of the
// hall's public log, which it receives over HTTP(S) (publish/receiver.ts) and folds into the council's public
// state (publish/public-state.ts). Several nodes run against one database: each folds the same log, woken by
// PostgreSQL NOTIFY when any node appends, so any node serves any reader.

import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import pg from 'pg';
import type { Pool } from 'pg';
import { logger } from './logger';
import { createReaderRoutes, type PortalView } from './portal/editorial/reader-routes';
import { notFoundPage } from './portal/pages';
import { PgPortalStore } from './portal/pg/pg-store';
import { PublicState } from './publish/public-state';
import { LOG_CHANNEL, PgPublicLog } from './publish/pg-public-log';
import { createPublishReceiver } from './publish/receiver';
import { CSP, createPublicPages, sendHtml } from './transport/portal-routes';
import { attachLiveHub, type LiveAdapter, type LiveHub } from './portal/live/live-hub';
import { LIVE_PATH, LIVE_SCRIPT, LIVE_SCRIPT_PATH, livePage } from './portal/live/live-view';

export interface PortalServiceOptions {
  pool: Pool;
  /** The connection string, for the node's LISTEN connection (the pool's options are reused). */
  listen: pg.ClientConfig;
  /** Accepted publishing keys: the current one and, while rotating, the previous one. */
  keys: readonly string[];
  trustProxy?: string;
  nowMs?: () => number;
  /** Fallback poll of the log when a notification was missed (ms). */
  pollMs?: number;
  /** How the live page's broadcasts reach the other nodes' viewers (default: none, one node). */
  live?: LiveAdapter;
}

/** The live page's CSP: the portal's, plus scripts and the socket from this origin only. */
const LIVE_CSP = `${CSP}; script-src 'self'; connect-src 'self'`;

export interface PortalService {
  httpServer: HttpServer;
  publicState: PublicState;
  store: PgPortalStore;
  log: PgPublicLog;
  live: LiveHub;
  /** Reads the entries appended since the last fold (other nodes' appends arrive by NOTIFY too). */
  catchUp(): Promise<void>;
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

export async function createPortalService(options: PortalServiceOptions): Promise<PortalService> {
  const nowMs = options.nowMs ?? (() => Date.now());
  const store = await PgPortalStore.open(options.pool);
  const log = new PgPublicLog(options.pool);
  const publicState = new PublicState();

  let catching: Promise<void> | null = null;
  let pending = false;
  const catchUp = async (): Promise<void> => {
    if (catching) {
      pending = true;
      return catching;
    }
    catching = (async () => {
      do {
        pending = false;
        for (;;) {
          const entries = await log.readAfter(publicState.seq);
          if (entries.length === 0) break;
          publicState.apply(entries);
        }
      } while (pending);
    })().finally(() => {
      catching = null;
    });
    return catching;
  };
  await catchUp();

  const listener = new pg.Client(options.listen);
  listener.on('error', (error) => logger.warn({ err: error.message }, 'portal log listener lost; polling until the next start'));
  listener.on('notification', () => void catchUp().catch((error: unknown) => logger.error({ err: error }, 'portal log catch-up failed')));
  await listener.connect();
  await listener.query(`LISTEN ${LOG_CHANNEL}`);
  const poll = setInterval(() => void catchUp().catch(() => undefined), options.pollMs ?? 5000);
  poll.unref();

  const view: PortalView = { state: () => publicState.state, nowMs };
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', options.trustProxy ?? false);
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Frame-Options', 'SAMEORIGIN');
    next();
  });
  app.get('/healthz', (_req, res) => res.json({ ok: true, seq: publicState.seq }));
  let live: LiveHub | null = null;
  // The node that appended folds and broadcasts once, through the adapter, to the viewers of every node.
  const appended = () =>
    void catchUp()
      .then(() => live?.broadcast())
      .catch(() => undefined);
  app.use('/api', createPublishReceiver(log, options.keys, appended));
  for (const lang of ['vi', 'en'] as const) {
    app.get(lang === 'vi' ? LIVE_PATH : `/en${LIVE_PATH}`, (_req, res) => {
      res.status(200).setHeader('Content-Security-Policy', LIVE_CSP);
      res.setHeader('Cache-Control', 'no-cache');
      res.type('text/html; charset=utf-8').send(livePage(publicState.state, publicState.seq, new Date(nowMs()).toISOString(), lang));
    });
  }
  app.get(LIVE_SCRIPT_PATH, (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.type('text/javascript; charset=utf-8').send(LIVE_SCRIPT);
  });
  app.use(createReaderRoutes(view, store));
  app.use(createPublicPages(view, () => []));
  app.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    sendHtml(res, 404, notFoundPage(publicState.state, req.path.startsWith('/en/') ? 'en' : 'vi', req.path));
  });
  app.use((error: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    void next;
    logger.error({ err: error }, 'unexpected portal service error');
    res.status(500).type('text/plain; charset=utf-8').send('Lỗi máy chủ. Vui lòng thử lại sau. / Server error. Please try again later.');
  });
  const httpServer = createServer(app);
  live = await attachLiveHub(httpServer, publicState, catchUp, options.live ?? { kind: 'none' }, nowMs);
  const liveHub = live;

  return {
    httpServer,
    publicState,
    store,
    log,
    live: liveHub,
    catchUp,
    listen(port, host = '0.0.0.0') {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen({ port, host, backlog: 4096 }, () => resolve((httpServer.address() as AddressInfo).port));
      });
    },
    async close() {
      clearInterval(poll);
      httpServer.closeAllConnections();
      // Closes the viewers' sockets and the HTTP server with them.
      await liveHub.close();
      await listener.end().catch(() => undefined);
    },
  };
}
