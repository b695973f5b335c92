// Starts the public portal alone (`npm run portal`): PostgreSQL from DATABASE_URL, the publishing keys from
// PORTAL_PUBLISH_KEY (and PORTAL_PUBLISH_KEY_PREVIOUS while rotating). Run one per node behind a load balancer;
// see docs/deploy.md. `npm start` keeps the embedded default: hall and portal in one process on SQLite.

import { createPortalService } from './portal-service';
import type { LiveAdapter } from './portal/live/live-hub';
import { createPgPool } from './portal/pg/pg-store';

const databaseUrl = process.env.DATABASE_URL?.trim();
const keys = [process.env.PORTAL_PUBLISH_KEY, process.env.PORTAL_PUBLISH_KEY_PREVIOUS].map((k) => k?.trim() ?? '').filter((k) => k.length > 0);
if (!databaseUrl) {
  console.error('Thiếu DATABASE_URL (vd. postgres://hddt@127.0.0.1:5432/hddt) / DATABASE_URL is required (e.g. postgres://hddt@127.0.0.1:5432/hddt)');
  process.exit(2);
}
if (keys.length === 0 || keys.some((k) => k.length < 24)) {
  console.error('PORTAL_PUBLISH_KEY phải có ít nhất 24 ký tự / PORTAL_PUBLISH_KEY must be at least 24 characters (e.g. openssl rand -base64 32)');
  process.exit(2);
}
const port = Number(process.env.PORT ?? 8090);
const host = process.env.HOST ?? '0.0.0.0';

const pool = createPgPool(databaseUrl, { max: Number(process.env.PG_POOL_MAX ?? 10) });

// Several nodes: the live page's broadcasts reach the other nodes' viewers through a Socket.IO adapter. REDIS_URL
// selects Redis Streams (the default when set, see docs/deploy.md); PORTAL_LIVE_ADAPTER=postgres uses this
// database instead (one engine fewer). PORTAL_LIVE_CHANNEL names the stream or NOTIFY channel prefix.
function liveAdapter(): LiveAdapter {
  const chosen = process.env.PORTAL_LIVE_ADAPTER?.trim() || (process.env.REDIS_URL?.trim() ? 'redis' : 'none');
  const channel = process.env.PORTAL_LIVE_CHANNEL?.trim() || undefined;
  if (chosen === 'postgres') return { kind: 'postgres', pool, channel };
  if (chosen === 'none') return { kind: 'none' };
  const url = process.env.REDIS_URL?.trim();
  if (chosen !== 'redis' || !url) {
    console.error(
      'PORTAL_LIVE_ADAPTER phải là redis (cần REDIS_URL), postgres hoặc none / PORTAL_LIVE_ADAPTER must be redis (with REDIS_URL), postgres or none',
    );
    process.exit(2);
  }
  return { kind: 'redis', url, channel };
}
const service = await createPortalService({
  pool,
  listen: { connectionString: databaseUrl },
  keys,
  trustProxy: process.env.HDDT_TRUST_PROXY || undefined,
  live: liveAdapter(),
});
const actual = await service.listen(port, host);
console.log(`Cổng thông tin / public portal: http://${host}:${actual}/ (sổ ghi đã nhận đến mục / log received up to entry ${service.publicState.seq})`);

const shutdown = async () => {
  await service.close();
  await pool.end();
  process.exit(0);
};
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
