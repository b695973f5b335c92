// The live timings every app shares. One value each: the three apps once drifted apart (a clock tick of
// 250 ms / 500 ms / 1 s, an ack timeout of 5 s / 8 s), so a countdown or a "not confirmed" differed by screen.
import { SILENT_AFTER_MS } from '@hddt/protocol';

/** How long a command waits for the server's ack before it is reported as "not confirmed". */
export const ACK_TIMEOUT_MS = 8000;

/** How often a ticking clock (countdowns, the hall clock) re-renders. */
export const TICK_MS = 250;

/**
 * A server clock within this distance of ours is taken as ours: a serverTime is already a little old when it
 * arrives, and correcting by that would make countdowns start above their limit. Only a real difference (a
 * tablet minutes off) is corrected.
 */
export const CLOCK_TRUST_MS = 2000;

/** How often the watchdog looks for a silent connection; with SILENT_AFTER_MS a loss shows within 3 s. */
export const WATCH_EVERY_MS = 100;

export { SILENT_AFTER_MS };
