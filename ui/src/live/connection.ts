// The connection lifecycle every app shares, around a Socket.IO client socket:
// - a watchdog: nothing heard (not even the server's ping) for SILENT_AFTER_MS means the connection is lost. It
//   is reported and the transport closed, so the manager reconnects. Socket.IO's own rule waits ping interval +
//   ping timeout (about 10 s): too long for a delegate pressing a button or a hall watching a countdown.
// - the browser's offline/online events: lost at once, and tried again at once.
// - a server that closed the socket on purpose ('io server disconnect': restart, kick) is not retried by
//   Socket.IO itself: tried again after `retryAfterMs`.
import type { Socket } from 'socket.io-client';
import { SILENT_AFTER_MS, WATCH_EVERY_MS } from './constants';

export interface SupervisorOptions {
  /** The connection was found lost (silent, or the browser went offline) before Socket.IO said so. */
  onLost: () => void;
  /** Whether a reconnect may be tried now (false once signed out, refused or replaced). Default: always. */
  mayReconnect?: () => boolean;
  /** Wait before retrying after the server closed the socket, or refused it in its middleware. */
  retryAfterMs: number;
}

export interface Supervisor {
  /** Try to connect again after `retryAfterMs` (a refusal by the server's middleware is not retried by Socket.IO). */
  retryLater: () => void;
  stop: () => void;
}

// What the supervisor uses of a socket: the manager, the connection state and the two lifecycle events, whatever
// the app's own event maps are.
interface SupervisedSocket {
  readonly connected: boolean;
  readonly io: Socket['io'];
  connect(): unknown;
  on(event: 'connect' | 'disconnect', listener: (reason: Socket.DisconnectReason) => void): unknown;
  off(event: 'connect' | 'disconnect', listener: (reason: Socket.DisconnectReason) => void): unknown;
}

export function superviseConnection(socket: SupervisedSocket, options: SupervisorOptions): Supervisor {
  const mayReconnect = options.mayReconnect ?? (() => true);
  let stopped = false;
  let lastHeard = Date.now();
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  const heard = () => {
    lastHeard = Date.now();
  };
  const dropSilent = () => {
    if (stopped) return;
    options.onLost();
    if (socket.connected) socket.io.engine?.close();
  };
  const retryLater = () => {
    if (stopped || retryTimer !== null) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      if (!stopped && !socket.connected && mayReconnect()) socket.connect();
    }, options.retryAfterMs);
  };
  const onDisconnect = (reason: string) => {
    if (reason === 'io server disconnect' && mayReconnect()) retryLater();
  };
  const onBrowserOnline = () => {
    // Try at once instead of waiting for the manager's next back-off step.
    if (!stopped && !socket.connected && mayReconnect()) socket.connect();
  };

  socket.io.on('ping', heard);
  socket.io.on('packet', heard);
  socket.on('connect', heard);
  socket.on('disconnect', onDisconnect);
  const watchdog = setInterval(() => {
    if (socket.connected && Date.now() - lastHeard > SILENT_AFTER_MS) dropSilent();
  }, WATCH_EVERY_MS);
  // Outside a browser (the display's sync also runs in Node, in tests) there are no online/offline events.
  const browser = typeof window === 'undefined' ? null : window;
  browser?.addEventListener('offline', dropSilent);
  browser?.addEventListener('online', onBrowserOnline);

  return {
    retryLater,
    stop: () => {
      stopped = true;
      clearInterval(watchdog);
      if (retryTimer !== null) clearTimeout(retryTimer);
      socket.io.off('ping', heard);
      socket.io.off('packet', heard);
      socket.off('connect', heard);
      socket.off('disconnect', onDisconnect);
      browser?.removeEventListener('offline', dropSilent);
      browser?.removeEventListener('online', onBrowserOnline);
    },
  };
}
