// The one typed socket of the console: /chair namespace, staff cookie auth. Listeners only write the store.
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { NAMESPACES, PROTOCOL_VERSION } from '@hddt/protocol';
import type { Ack, AckCallback, ChairClientToServer, ChairServerToClient, ChairSnapshot, ConnectErrorData } from '@hddt/protocol';
import { ACK_TIMEOUT_MS, NOT_CONNECTED, clockOffset, confirmed, followPatch, singleFlight, superviseConnection } from '@hddt/ui/live';
import type { Supervisor } from '@hddt/ui/live';
import { useStore } from './store';
import { applyEnvelope } from './store/apply-patch';

export type ChairSocket = Socket<ChairServerToClient, ChairClientToServer>;
type Events = ChairClientToServer;
export type CommandPayload<E extends keyof Events> = Parameters<Events[E]>[0];
export type CommandData<E extends keyof Events> = Parameters<Events[E]>[1] extends AckCallback<infer T> ? T : never;

/** After the server closed the socket on purpose, try again this much later. */
const RETRY_AFTER_MS = 2000;

let socket: ChairSocket | null = null;
let supervisor: Supervisor | null = null;

function setSnapshot(snapshot: ChairSnapshot): void {
  useStore.setState({ snapshot, clockOffsetMs: clockOffset(snapshot.serverTime, Date.now()) });
}

const resync = singleFlight(async () => {
  const ack = await command('session:sync', {});
  if (ack.ok) setSnapshot(ack.data);
});

export function connectLive(origin: string = window.location.origin): ChairSocket {
  if (socket) return socket;
  const s: ChairSocket = io(origin + NAMESPACES.chair, {
    withCredentials: true,
    auth: { protocolVersion: PROTOCOL_VERSION },
    transports: ['websocket', 'polling'],
  });
  socket = s;
  supervisor = superviseConnection(s, { onLost: () => useStore.setState({ connection: 'offline' }), retryAfterMs: RETRY_AFTER_MS });
  useStore.setState({ connection: 'connecting', connectError: null });
  s.on('connect', () => useStore.setState({ connection: 'online', connectError: null }));
  s.on('disconnect', () => useStore.setState({ connection: 'offline' }));
  s.on('connect_error', (err: Error & { data?: ConnectErrorData }) => {
    useStore.setState({ connection: 'offline' });
    if (err.data) useStore.setState({ connectError: { message: err.data.message, messageEn: err.data.messageEn } });
    if (err.data?.code === 'UNAUTHENTICATED') {
      disconnectLive();
      useStore.setState({ identity: null });
    }
  });
  s.on('state:snapshot', (snap) => setSnapshot(snap));
  s.on('state:patch', (env) => {
    followPatch(applyEnvelope(useStore.getState().snapshot, env), {
      // Each patch carries the server clock, so countdowns stay right between snapshots.
      applied: (snapshot) => useStore.setState({ snapshot, clockOffsetMs: clockOffset(env.serverTime, Date.now()) }),
      resync: () => void resync(),
    });
  });
  s.on('presence:update', ({ connectedDelegateIds }) => {
    const snap = useStore.getState().snapshot;
    if (snap) useStore.setState({ snapshot: { ...snap, connectedDelegateIds } });
  });
  s.on('alert:security', (alert) => useStore.setState((st) => ({ alerts: [...st.alerts.slice(-19), alert] })));
  s.on('publish:status', (status) => useStore.setState({ publish: status }));
  return s;
}

export function disconnectLive(): void {
  supervisor?.stop();
  supervisor = null;
  socket?.removeAllListeners();
  socket?.disconnect();
  socket = null;
}

/** Emit a live command and wait for the server's ack; a timeout is "not confirmed", never success. */
export async function command<E extends keyof Events>(event: E, payload: CommandPayload<E>): Promise<Ack<CommandData<E>>> {
  const s = socket as unknown as { timeout(ms: number): { emitWithAck(ev: string, p: unknown): Promise<unknown> } } | null;
  if (!s) return NOT_CONNECTED;
  return confirmed(s.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload) as Promise<Ack<CommandData<E>>>);
}

/** A random id for commands that must not run twice when retried (motion open). */
export function newCommandId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
