// The one typed socket of the delegate app. Listeners only write to the store; components read from it.
import { io, type Socket } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  SILENT_AFTER_MS,
  applyLiveEnvelope,
  isErrorCode,
  type ConnectErrorData,
  type DelegateClientToServer,
  type DelegateServerToClient,
  type LiveSnapshot,
} from '@hddt/protocol';
import { useStore } from './store';
import { deviceId } from './session-token';

export type DelegateSocket = Socket<DelegateServerToClient, DelegateClientToServer>;

export const ACK_TIMEOUT_MS = 8000;

/**
 * A connection is taken as lost when nothing (not even the server's ping) has arrived for SILENT_AFTER_MS.
 * Socket.IO's own rule waits ping interval + ping timeout (about 10 s): too long for a delegate pressing a button.
 */
const WATCH_EVERY_MS = 100;

let lastHeard = 0;
let watchdog: ReturnType<typeof setInterval> | null = null;

function heard(): void {
  lastHeard = Date.now();
}

/** Close the transport of a socket that has gone silent (or the browser says is offline): the manager reconnects. */
function dropSilent(s: DelegateSocket): void {
  if (socket !== s) return;
  markOffline();
  if (s.connected) s.io.engine?.close();
}

function onBrowserOffline(): void {
  if (socket) dropSilent(socket);
}

function onBrowserOnline(): void {
  // Try at once instead of waiting for the manager's next back-off step.
  const s = socket;
  if (s && !s.connected && useStore.getState().auth === 'ok') s.connect();
}

function startWatch(s: DelegateSocket): void {
  stopWatch();
  heard();
  s.io.on('ping', heard);
  s.io.on('packet', heard);
  watchdog = setInterval(() => {
    if (socket !== s || !s.connected) return;
    if (Date.now() - lastHeard > SILENT_AFTER_MS) dropSilent(s);
  }, WATCH_EVERY_MS);
  window.addEventListener('offline', onBrowserOffline);
  window.addEventListener('online', onBrowserOnline);
}

function stopWatch(): void {
  if (watchdog !== null) clearInterval(watchdog);
  watchdog = null;
  window.removeEventListener('offline', onBrowserOffline);
  window.removeEventListener('online', onBrowserOnline);
}

let socket: DelegateSocket | null = null;
let takeoverNext = false;

export function getSocket(): DelegateSocket | null {
  return socket;
}

/**
 * Server clock minus ours. Only a real difference matters (tablets can be minutes off); a serverTime is already a
 * little old on arrival, and correcting by that would make countdowns start above their limit.
 */
function clockOffset(serverTime: string | undefined): number {
  const offset = serverTime ? Date.parse(serverTime) - Date.now() : 0;
  return Number.isFinite(offset) && Math.abs(offset) > 2000 ? offset : 0;
}

function setSnapshot(snapshot: LiveSnapshot): void {
  useStore.setState({ snapshot, clockOffsetMs: clockOffset(snapshot.serverTime) });
}

function markOffline(): void {
  const { offlineSince } = useStore.getState();
  useStore.setState({ connection: 'offline', offlineSince: offlineSince ?? Date.now() });
}

/** Ask for everything again (after a gap in the patch sequence). */
export async function resync(): Promise<void> {
  const s = socket;
  if (!s?.connected) return;
  try {
    const ack = await s.timeout(ACK_TIMEOUT_MS).emitWithAck('session:sync', { sinceSeq: useStore.getState().snapshot?.seq ?? 0 });
    if (ack.ok) {
      setSnapshot(ack.data.snapshot);
      useStore.setState({ me: ack.data.me });
    }
  } catch {
    // Not answered: the next patch will show the gap again, or the reconnect brings a snapshot.
  }
}

export function connect(token: string, options: { takeover?: boolean } = {}): void {
  disconnect();
  takeoverNext = options.takeover === true;
  useStore.setState({ auth: 'signing-in', connection: 'connecting' });
  const s: DelegateSocket = io('/delegate', {
    auth: (cb) => {
      cb({ protocolVersion: PROTOCOL_VERSION, token, deviceId: deviceId(), ...(takeoverNext ? { takeover: true } : {}) });
    },
    reconnectionDelay: 500,
    reconnectionDelayMax: 3000,
    // A connection attempt that hangs (a half-dead access point) is given up early and tried again.
    timeout: 4000,
    transports: ['websocket', 'polling'],
  });
  socket = s;
  startWatch(s);

  s.on('connect', () => {
    heard();
    takeoverNext = false;
    useStore.setState((st) => ({ auth: 'ok', connection: 'online', offlineSince: null, connectEpoch: st.connectEpoch + 1 }));
  });
  s.on('disconnect', (reason) => {
    if (socket !== s) return;
    markOffline();
    // The server closed this socket without saying why (e.g. while restarting): keep trying, calmly.
    if (reason === 'io server disconnect' && useStore.getState().auth === 'ok') {
      setTimeout(() => {
        if (socket === s && !s.connected && useStore.getState().auth === 'ok') s.connect();
      }, 1000);
    }
  });
  s.on('connect_error', (err: Error & { data?: ConnectErrorData }) => {
    if (socket !== s) return;
    const code = err.data?.code;
    if (code === 'TOKEN_INVALID') return stop('refused');
    if (code === 'TOKEN_IN_USE') return stop('in-use');
    if (code === 'PROTOCOL_MISMATCH') return stop('mismatch');
    markOffline();
    if (code !== undefined && isErrorCode(code)) {
      // Refused by the middleware for another reason: the manager will not retry on its own.
      setTimeout(() => {
        if (socket === s && !s.connected) s.connect();
      }, 2000);
    }
  });
  s.on('state:snapshot', (snapshot) => setSnapshot(snapshot));
  s.on('state:patch', (envelope) => {
    const outcome = applyLiveEnvelope(useStore.getState().snapshot, envelope);
    if (outcome.kind === 'applied') useStore.setState({ snapshot: outcome.snapshot, clockOffsetMs: clockOffset(envelope.serverTime) });
    else if (outcome.kind === 'gap') void resync();
  });
  s.on('me:update', (me) => useStore.setState({ me }));
  s.on('auth:replaced', () => stop('replaced'));
  s.on('auth:revoked', () => stop('refused'));
}

function stop(auth: 'refused' | 'in-use' | 'replaced' | 'mismatch'): void {
  socket?.disconnect();
  useStore.setState({ auth, connection: 'offline', offlineSince: null });
}

export function disconnect(): void {
  stopWatch();
  if (socket) {
    const s = socket;
    socket = null;
    s.removeAllListeners();
    s.disconnect();
  }
}
