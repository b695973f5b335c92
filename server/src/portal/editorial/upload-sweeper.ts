// Removes portal uploads that no item ended up using (an image inserted into a draft that was never saved, an
// attachment uploaded and then dropped before saving, a replaced delegate's photo). A file is removed only once
// it is older than UNUSED_UPLOAD_MAX_AGE_MS, so an editor still writing a draft keeps the files just uploaded,
// and never while any item uses it now or ever did, or a kept version's body shows it (PortalStore's
// removeUnusedFiles): every version stays comparable and restorable. Runs at start-up and every few hours.
import { logger } from '../../logger';
import type { PortalStore } from './store';

/** An upload nobody used is kept this long (a day: a draft left open overnight keeps its images). */
export const UNUSED_UPLOAD_MAX_AGE_MS = 24 * 60 * 60 * 1000;
export const UPLOAD_SWEEP_EVERY_MS = 6 * 60 * 60 * 1000;

/** One pass: removes the unused uploads older than `maxAgeMs` at `nowMs`; returns their ids. */
export async function sweepUnusedUploads(store: PortalStore, nowMs: number, maxAgeMs = UNUSED_UPLOAD_MAX_AGE_MS): Promise<string[]> {
  const removed = await store.removeUnusedFiles(new Date(nowMs - maxAgeMs).toISOString());
  if (removed.length > 0) logger.info({ count: removed.length, ids: removed.slice(0, 20) }, 'portal: removed unused uploads');
  return removed;
}

/** Sweeps now and every `everyMs`; the timer does not keep the process alive. Returns stop(). */
export function startUploadSweeper(store: PortalStore, nowMs: () => number, everyMs = UPLOAD_SWEEP_EVERY_MS): () => void {
  let stopped = false;
  const sweep = () => {
    if (stopped) return;
    sweepUnusedUploads(store, nowMs()).catch((error: unknown) => logger.warn({ err: error }, 'portal: sweeping unused uploads failed'));
  };
  const first = setTimeout(sweep, 0);
  const timer = setInterval(sweep, everyMs);
  first.unref();
  timer.unref();
  return () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(timer);
  };
}
