// One client core for the three apps: timings, the server clock, countdowns, acks, the mirror and the connection.
export { ACK_TIMEOUT_MS, CLOCK_TRUST_MS, SILENT_AFTER_MS, TICK_MS, WATCH_EVERY_MS } from './constants';
export { clockOffset } from './clock';
export { formatCountdown, formatDuration, secondsUntil } from './countdown';
export { useServerNow } from './use-server-now';
export { NOT_CONFIRMED, NOT_CONNECTED, confirmed } from './ack';
export { followPatch, singleFlight } from './mirror';
export type { MirrorHandlers } from './mirror';
export { superviseConnection } from './connection';
export type { Supervisor, SupervisorOptions } from './connection';
