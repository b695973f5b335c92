// Live updates of the public live page across portal nodes. The node that appends the hall's entries folds
// them and broadcasts the rendered fragment once, through a Socket.IO adapter, to the viewers of every node
// (Redis Streams by default: see docs/deploy.md for why). A viewer connects with the last seq it showed and its
// language; the node answers at once from the state it holds in memory, then reads the portal's log from
// PostgreSQL once for all the viewers that connected meanwhile and sends what that read added (an entry another
// node appended and broadcast before this node was notified of it), so a viewer whose node died reconnects to
// another and misses nothing. A connect storm (thousands reconnecting when a node dies, or the start of a results
// day) costs one encoding of the snapshot per batch of viewers and one database read per batch, not one of each
// per viewer.

import type { Server as HttpServer } from 'node:http';
import { createAdapter as createRedisStreamsAdapter } from '@socket.io/redis-streams-adapter';
import { createAdapter as createPgAdapter } from '@socket.io/postgres-adapter';
import type { Pool } from 'pg';
import { createClient } from 'redis';
import { Server, type Socket } from 'socket.io';
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
  /** The fragment in the viewer's language (an update sent to one language's viewers carries only theirs). */
  html: { vi?: string; en?: string };
}

export interface LiveHub {
  io: Server;
  /** Sends the current state to every viewer on every node (call after this node appended and folded). */
  broadcast(): void;
  close(): Promise<void>;
}

type Lang = 'vi' | 'en';
const LANGS: readonly Lang[] = ['vi', 'en'];

/** A viewer that connected since the last flush, and the seq it was last sent. */
interface Joining {
  socket: Socket;
  lang: Lang;
  /** The seq the viewer showed when it connected, then the seq it was sent. */
  seq: number;
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

  // The current state's update per language, rendered once per seq and shared by every send until the next.
  let cached: { seq: number; vi: LiveUpdate; en: LiveUpdate } | null = null;
  const current = (): { seq: number; vi: LiveUpdate; en: LiveUpdate } => {
    if (cached?.seq === publicState.seq) return cached;
    const now = new Date(nowMs()).toISOString();
    const { state, seq } = publicState;
    cached = {
      seq,
      vi: { seq, html: { vi: liveFragment(state, seq, now, 'vi').toString() } },
      en: { seq, html: { en: liveFragment(state, seq, now, 'en').toString() } },
    };
    return cached;
  };

  const nsp = io.of(NAMESPACE);
  // Sends the current snapshot to the viewers of a batch that have not shown it yet: one encoding per language
  // for the whole batch (a broadcast to their ids, on this node only), not one per viewer.
  const sendSnapshot = (batch: readonly Joining[]): void => {
    const update = current();
    for (const lang of LANGS) {
      const ids: string[] = [];
      for (const j of batch) {
        if (j.lang === lang && j.seq < update.seq && j.socket.connected) {
          ids.push(j.socket.id);
          j.seq = update.seq;
        }
      }
      if (ids.length > 0) nsp.local.to(ids).emit('live:update', update[lang]);
    }
  };

  let joining: Joining[] = [];
  let flushing = false;
  const flush = (): void => {
    flushing = false;
    const batch = joining;
    joining = [];
    sendSnapshot(batch);
    // Then one read of the store for the batch: this node may not have been notified yet of an entry that
    // another node appended and broadcast before these viewers joined.
    void catchUp()
      .catch((error: unknown) => logger.warn({ err: error }, 'live page: catch-up before resync failed'))
      .then(() => sendSnapshot(batch));
  };

  nsp.on('connection', (socket) => {
    const auth = socket.handshake.auth as { seq?: unknown; lang?: unknown };
    const known = typeof auth.seq === 'number' && Number.isSafeInteger(auth.seq) && auth.seq >= 0 ? auth.seq : 0;
    const lang: Lang = auth.lang === 'en' ? 'en' : 'vi';
    void socket.join(lang);
    // A viewer that has shown seq s still needs s when this node holds exactly s (it may be a fresh page of s):
    // recorded as s - 1, so the snapshot goes to every viewer not ahead of this node.
    joining.push({ socket, lang, seq: known - 1 });
    if (!flushing) {
      flushing = true;
      setImmediate(flush);
    }
  });

  return {
    io,
    broadcast() {
      const update = current();
      for (const lang of LANGS) nsp.to(lang).emit('live:update', update[lang]);
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
