// The server's clock as seen by a client: one offset rule for every app.
import { CLOCK_TRUST_MS } from './constants';

/**
 * Server clock minus ours (ms), from a serverTime received at `receivedAtMs` (local clock). A difference of at
 * most CLOCK_TRUST_MS is transit and jitter, not a wrong clock: it gives 0. A missing or unreadable time gives 0.
 */
export function clockOffset(serverTime: string | undefined, receivedAtMs: number): number {
  if (!serverTime) return 0;
  const offset = Date.parse(serverTime) - receivedAtMs;
  return Number.isFinite(offset) && Math.abs(offset) > CLOCK_TRUST_MS ? offset : 0;
}
