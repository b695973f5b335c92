// How fast a lost connection is noticed. The server pings every PING_INTERVAL_MS; a client that has heard nothing
// for SILENT_AFTER_MS takes the connection as lost (shows it, and reconnects) instead of waiting for Socket.IO's
// own ping timeout. A delegate must see within 3 s that a press cannot reach the server.
export const PING_INTERVAL_MS = 1500;
export const SILENT_AFTER_MS = 2600;
