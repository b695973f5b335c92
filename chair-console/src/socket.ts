// The one typed socket of the console: /chair namespace, staff cookie auth. Listeners only write the store.
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { NAMESPACES, PROTOCOL_VERSION } from '@hddt/protocol';
import type { Ack, AckCallback, ChairClientToServer, ChairServerToClient, ChairSnapshot, ConnectErrorData } from '@hddt/protocol';
import { useStore } from './store';
import { applyEnvelope } from './store/apply-patch';

export type ChairSocket = Socket<ChairServerToClient, ChairClientToServer>;
type Events = ChairClientToServer;
export type CommandPayload<E extends keyof Events> = Parameters<Events[E]>[0];
export type CommandData<E extends keyof Events> = Parameters<Events[E]>[1] extends AckCallback<infer T> ? T : never;

const COMMAND_TIMEOUT_MS = 8000;

let socket: ChairSocket | null = null;

function setSnapshot(snapshot: ChairSnapshot): void {
  useStore.setState({ snapshot, clockOffsetMs: Date.parse(snapshot.serverTime) - Date.now() });
}

async function resync(): Promise<void> {
  const ack = await command('session:sync', {});
  if (ack.ok) setSnapshot(ack.data);
}

export function connectLive(origin: string = window.location.origin): ChairSocket {
  if (socket) return socket;
  const s: ChairSocket = io(origin + NAMESPACES.chair, {
    withCredentials: true,
    auth: { protocolVersion: PROTOCOL_VERSION },
    transports: ['websocket', 'polling'],
  });
  socket = s;
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
    const snap = useStore.getState().snapshot;
    if (!snap) return void resync();
    const outcome = applyEnvelope(snap, env);
    const serverMs = Date.parse(env.serverTime);
    // Each patch carries the server clock, so countdowns stay right between snapshots.
    if (Number.isFinite(serverMs)) useStore.setState({ clockOffsetMs: serverMs - Date.now() });
    if (outcome.kind === 'applied') useStore.setState({ snapshot: outcome.snapshot });
    else if (outcome.kind === 'gap') void resync();
  });
  s.on('presence:update', ({ connectedDelegateIds }) => {
    const snap = useStore.getState().snapshot;
    if (snap) useStore.setState({ snapshot: { ...snap, connectedDelegateIds } });
  });
  s.on('alert:security', (alert) => useStore.setState((st) => ({ alerts: [...st.alerts.slice(-19), alert] })));
  return s;
}

export function disconnectLive(): void {
  socket?.removeAllListeners();
  socket?.disconnect();
  socket = null;
}

/** Emit a live command and wait for the server's ack; a timeout is "not confirmed", never success. */
export async function command<E extends keyof Events>(event: E, payload: CommandPayload<E>): Promise<Ack<CommandData<E>>> {
  const s = socket as unknown as { timeout(ms: number): { emitWithAck(ev: string, p: unknown): Promise<unknown> } } | null;
  if (!s) return { ok: false, code: 'INTERNAL', message: 'Chưa kết nối máy chủ.', messageEn: 'Not connected to the server.' };
  try {
    return (await s.timeout(COMMAND_TIMEOUT_MS).emitWithAck(event, payload)) as Ack<CommandData<E>>;
  } catch {
    return {
      ok: false,
      code: 'INTERNAL',
      message: 'Máy chủ chưa xác nhận thao tác. Vui lòng kiểm tra và thử lại.',
      messageEn: 'The server did not confirm this action. Please check and retry.',
    };
  }
}

/** A random id for commands that must not run twice when retried (motion open). */
export function newCommandId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
