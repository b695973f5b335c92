// The portal's side of publishing: POST /api/publish/entries with the shared key (the current one or, during a
// rotation, the previous one), GET /api/publish/head for where the hall resumes, and the public anchor
// (GET /api/publish/anchor) that the hall's `npm run verify -- --anchor <seq>:<hash>` checks against.

import { createHash, timingSafeEqual } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import { errorBody } from '@hddt/protocol';
import { z } from 'zod';
import { logger } from '../logger';
import type { PublishedEntry } from './entries';
import type { PgPublicLog } from './pg-public-log';

/** Most entries in one request: the hall sends batches of at most this many. */
export const MAX_BATCH_ENTRIES = 1000;

const ENTRY = z.object({
  seq: z.number().int().positive(),
  at: z.string().max(40),
  actor: z.string().max(200),
  type: z.string().max(80),
  payload: z.string().max(1_000_000).nullable(),
  prevHash: z.string().length(64),
  hash: z.string().length(64),
});
const BATCH = z.object({ entries: z.array(ENTRY).min(1).max(MAX_BATCH_ENTRIES) });

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Compares in constant time against each accepted key (hashing first makes the lengths equal). */
export function keyAccepted(offered: string, keys: readonly string[]): boolean {
  const d = digest(offered);
  let ok = false;
  for (const k of keys) if (k.length > 0 && timingSafeEqual(d, digest(k))) ok = true;
  return ok;
}

export function createPublishReceiver(log: PgPublicLog, keys: readonly string[], onAppended: () => void): Router {
  const router = express.Router();
  const authorized = (req: Request, res: Response): boolean => {
    const header = req.get('authorization') ?? '';
    const offered = header.startsWith('Bearer ') ? header.slice(7) : '';
    if (offered && keyAccepted(offered, keys)) return true;
    res.status(401).json(errorBody('PUBLISH_KEY_INVALID'));
    return false;
  };

  router.get('/publish/anchor', async (_req, res) => {
    const head = await log.head();
    res.setHeader('Cache-Control', 'no-cache');
    res.json({ seq: head.seq, hash: head.hash, anchor: `${head.seq}:${head.hash}` });
  });

  router.get('/publish/head', async (req, res) => {
    if (!authorized(req, res)) return;
    res.json({ ok: true, data: await log.head() });
  });

  router.post('/publish/entries', express.json({ limit: '16mb' }), async (req, res) => {
    if (!authorized(req, res)) return;
    const parsed = BATCH.safeParse(req.body);
    if (!parsed.success) return res.status(400).json(errorBody('BAD_REQUEST'));
    const result = await log.append(parsed.data.entries as PublishedEntry[]);
    if (!result.ok) {
      logger.warn({ ...result }, 'published entries refused');
      const detail = result.code === 'PUBLISH_GAP' ? { expectedSeq: result.expectedSeq, gotSeq: result.gotSeq } : { seq: result.seq, reason: result.reason };
      return res.status(result.status).json({ ...errorBody(result.code), ...detail, head: await log.head() });
    }
    onAppended();
    res.json({ ok: true, data: result.head });
  });

  router.use('/publish', (error: unknown, _req: Request, res: Response, next: (e?: unknown) => void) => {
    const type = (error as { type?: string }).type;
    if (type === 'entity.too.large') return res.status(413).json(errorBody('PAYLOAD_TOO_LARGE'));
    if (type === 'entity.parse.failed') return res.status(400).json(errorBody('BAD_REQUEST'));
    next(error);
  });
  return router;
}
