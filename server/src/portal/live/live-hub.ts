// Live updates of the public live page across portal nodes. The node that appends the hall's entries folds
// them and broadcasts the rendered fragment once, through a Socket.IO adapter, to the viewers of every node
// (Redis Streams by default: see docs/deploy.md for why). A viewer connects with the last seq it showed; the
// node first reads the portal's log from PostgreSQL up to the newest entry, then sends its snapshot, so a viewer
// whose node died reconnects to another and misses nothing.

import type { Server as HttpServer } from 'node:http';
import { createAdapter as createRedisStreamsAdapter } from '@socket.io/redis-streams-adapter';
import { createAdapter as createPgAdapter } from '@socket.io/postgres-adapter';
import type { Pool } from 'pg';
import { createClient } from 'redis';
import { Server } from 'socket.io';
import { logger } from '../../logger';
import type { PublicState } from '../../publish/public-state';
import { liveFragment } from './live-view';

/**
 * `channel` names the Redis stream or the PostgreSQL NOTIFY channel prefix the nodes share (default
 * `hddt-portal-live`): portals of two councils on one Redis, or on one PostgreSQL database, need different ones.
 */
export type LiveAdapter = { kind: 'redis'; url: string; channel?: string } | { kind: 'postgres'; pool: Pool; channel?: string } | { kind: 'none' };

export const DEFAULT_LIVE_CHANNEL = 'hddt-portal-live';

export interface LiveUpdate {
  seq: number;
  html: { vi: string; en: string };
}

export interface LiveHub {
  io: Server;
  /** Sends the current state to every viewer on every node (call after this node appended and folded). */
  broadcast(): void;
  close(): Promise<void>;
}

const NAMESPACE = '/truc-tiep';

export async function attachLiveHub(
  httpServer: HttpServer,
  publicState: PublicState,
  catchUp: () => Promise<void>,
  adapter: LiveAdapter,
  nowMs: () => number,
): Promise<LiveHub> {
  const io = new Server(httpServer, { serveClient: true, cors: { origin: false }, pingInterval: 10_000, pingTimeout: 8_000 });
  let redis: ReturnType<typeof createClient> | null = null;
  if (adapter.kind === 'redis') {
    redis = createClient({ url: adapter.url });
    redis.on('error', (error: unknown) => logger.warn({ err: error }, 'live page: Redis connection problem'));
    await redis.connect();
    io.adapter(createRedisStreamsAdapter(redis, { streamName: adapter.channel ?? DEFAULT_LIVE_CHANNEL }));
  } else if (adapter.kind === 'postgres') {
    // The attachments table (broadcasts over 8,000 bytes) is created by the portal's migration 4. The adapter's
    // own error handler only writes to its debug channel: a failed broadcast would be silent without this one.
    io.adapter(
      createPgAdapter(adapter.pool, {
        tableName: 'socket_io_attachments',
        channelPrefix: adapter.channel ?? DEFAULT_LIVE_CHANNEL,
        errorHandler: (error: Error) => logger.warn({ err: error }, 'live page: PostgreSQL adapter problem'),
      }),
    );
  }

  let cached: LiveUpdate | null = null;
  const current = (): LiveUpdate => {
    if (cached?.seq === publicState.seq) return cached;
    const now = new Date(nowMs()).toISOString();
    const state = publicState.state;
    cached = {
      seq: publicState.seq,
      html: { vi: liveFragment(state, publicState.seq, now, 'vi').toString(), en: liveFragment(state, publicState.seq, now, 'en').toString() },
    };
    return cached;
  };

  const nsp = io.of(NAMESPACE);
  nsp.on('connection', (socket) => {
    const auth = socket.handshake.auth as { seq?: unknown };
    const known = typeof auth.seq === 'number' && Number.isSafeInteger(auth.seq) && auth.seq >= 0 ? auth.seq : 0;
    // Read the store first: this node may have missed a notification while the viewer's old node sent more.
    void catchUp()
      .catch((error: unknown) => logger.warn({ err: error }, 'live page: catch-up before resync failed'))
      .then(() => {
        const update = current();
        if (update.seq >= known && socket.connected) socket.emit('live:update', update);
      });
  });

  return {
    io,
    broadcast() {
      nsp.emit('live:update', current());
    },
    async close() {
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => {
        void io.close(() => resolve());
      });
      if (redis) await redis.quit().catch(() => undefined);
    },
  };
}
