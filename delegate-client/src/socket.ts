// The one typed socket of the delegate app. Listeners only write to the store; components read from it.
import { io, type Socket } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  applyLiveEnvelope,
  isErrorCode,
  type ConnectErrorData,
  type DelegateClientToServer,
  type DelegateServerToClient,
  type LiveSnapshot,
} from '@hddt/protocol';
import { ACK_TIMEOUT_MS, clockOffset, followPatch, singleFlight, superviseConnection, type Supervisor } from '@hddt/ui/live';
import { useStore } from './store';
import { deviceId } from './session-token';

export type DelegateSocket = Socket<DelegateServerToClient, DelegateClientToServer>;

export { ACK_TIMEOUT_MS } from '@hddt/ui/live';

/** After the server closed the socket on purpose, or refused it in its middleware, try again this much later. */
const RETRY_AFTER_MS = 1000;
const RETRY_REFUSED_MS = 2000;

let supervisor: Supervisor | null = null;
let socket: DelegateSocket | null = null;
let takeoverNext = false;

export function getSocket(): DelegateSocket | null {
  return socket;
}

function setSnapshot(snapshot: LiveSnapshot): void {
  useStore.setState({ snapshot, clockOffsetMs: clockOffset(snapshot.serverTime, Date.now()) });
}

function markOffline(): void {
  const { offlineSince } = useStore.getState();
  useStore.setState({ connection: 'offline', offlineSince: offlineSince ?? Date.now() });
}

/** Ask for everything again (after a gap in the patch sequence). Not answered: the next patch shows the gap again. */
export const resync = singleFlight(async () => {
  const s = socket;
  if (!s?.connected) return;
  const ack = await s.timeout(ACK_TIMEOUT_MS).emitWithAck('session:sync', { sinceSeq: useStore.getState().snapshot?.seq ?? 0 });
  if (ack.ok) {
    setSnapshot(ack.data.snapshot);
    useStore.setState({ me: ack.data.me });
  }
});

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
  supervisor = superviseConnection(s, { onLost: markOffline, mayReconnect: () => useStore.getState().auth === 'ok', retryAfterMs: RETRY_AFTER_MS });

  s.on('connect', () => {
    takeoverNext = false;
    useStore.setState((st) => ({ auth: 'ok', connection: 'online', offlineSince: null, connectEpoch: st.connectEpoch + 1 }));
  });
  s.on('disconnect', () => {
    // A server that closed this socket on purpose (e.g. while restarting) is tried again by the supervisor.
    if (socket === s) markOffline();
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
      }, RETRY_REFUSED_MS);
    }
  });
  s.on('state:snapshot', (snapshot) => setSnapshot(snapshot));
  s.on('state:patch', (envelope) => {
    followPatch(applyLiveEnvelope(useStore.getState().snapshot, envelope), {
      applied: (snapshot) => useStore.setState({ snapshot, clockOffsetMs: clockOffset(envelope.serverTime, Date.now()) }),
      resync: () => void resync(),
    });
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
  supervisor?.stop();
  supervisor = null;
  if (socket) {
    const s = socket;
    socket = null;
    s.removeAllListeners();
    s.disconnect();
  }
}
