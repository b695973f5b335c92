// Binds the display's socket to its store: snapshots and patches in, connection state, named boards.
// Socket listeners are the only writers of the server mirror.
import { applyLiveEnvelope, type LiveSnapshot, type NamedBoardEntry } from '@hddt/protocol';
import { ACK_TIMEOUT_MS, clockOffset, followPatch, singleFlight, superviseConnection } from '@hddt/ui/live';
import type { DisplaySocket } from './socket';
import type { DisplayStore } from './store';
import { selectDisplayedRound } from './store/selectors';

const RETRY_REFUSED_MS = 5000;

export interface LiveSyncOptions {
  /** Called when the server refused or revoked the token (the app forgets it). */
  onUnpaired?: (reason: 'invalid' | 'revoked') => void;
  /** Called when the server speaks another protocol version (the app reloads itself after a while). */
  onOutdated?: () => void;
  now?: () => number;
}

export function receiveSnapshot(store: DisplayStore, snapshot: LiveSnapshot, now: number): void {
  store.setState({
    snapshot,
    connection: 'online',
    unpairedReason: 'none',
    lastMessageAt: now,
    clockOffsetMs: clockOffset(snapshot.serverTime, now),
  });
}

export function startLiveSync(socket: DisplaySocket, store: DisplayStore, options: LiveSyncOptions = {}): () => void {
  const now = options.now ?? (() => Date.now());
  let stopped = false;
  const boardInFlight = new Set<string>();
  const boardFailedAt = new Map<string, number>();

  const markDisconnected = () => {
    const s = store.getState();
    if (s.connection === 'unpaired' || s.connection === 'outdated') return;
    store.setState({ connection: s.snapshot ? 'offline' : 'connecting' });
  };

  // No answer: the connection is failing; the reconnect will bring a fresh snapshot.
  const resync = singleFlight(async () => {
    const ack = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('session:sync', {});
    if (ack.ok) receiveSnapshot(store, ack.data, now());
  });
  // A hall display runs unattended: a silent connection is dropped and retried, a server's refusal retried calmly.
  const supervisor = superviseConnection(socket, {
    onLost: () => markDisconnected(),
    mayReconnect: () => !stopped && store.getState().connection !== 'unpaired' && store.getState().connection !== 'outdated',
    retryAfterMs: RETRY_REFUSED_MS,
  });

  const fetchBoardIfNeeded = () => {
    const s = store.getState();
    if (s.connection !== 'online' || !s.snapshot) return;
    if (s.snapshot.display.mode !== 'result') return;
    const round = selectDisplayedRound(s);
    if (!round || round.mode !== 'named' || (round.status !== 'closed' && round.status !== 'announced')) return;
    if (s.boards[round.id] || boardInFlight.has(round.id)) return;
    const failedAt = boardFailedAt.get(round.id);
    if (failedAt !== undefined && now() - failedAt < RETRY_REFUSED_MS) return;
    boardInFlight.add(round.id);
    const roundId = round.id;
    socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck('round:board', { roundId })
      .then((ack) => {
        if (ack.ok) {
          const board: NamedBoardEntry[] = [...ack.data].sort((a, b) => a.seat - b.seat);
          store.setState((st) => ({ boards: { ...st.boards, [roundId]: board } }));
        } else {
          boardFailedAt.set(roundId, now());
        }
      })
      .catch(() => boardFailedAt.set(roundId, now()))
      .finally(() => {
        boardInFlight.delete(roundId);
        if (!stopped && !store.getState().boards[roundId]) {
          setTimeout(() => {
            if (!stopped) fetchBoardIfNeeded();
          }, RETRY_REFUSED_MS);
        }
      });
  };

  // The seat map of the attendance and speaker slides: fetched when one of them shows, and again whenever the
  // attendance, the roster or the council (its stored layout) changed since — each arrives as a new object.
  let hallFor: unknown[] | null = null;
  let hallInFlight = false;
  let hallFailedAt: number | null = null;
  const fetchHallIfNeeded = () => {
    const s = store.getState();
    if (s.connection !== 'online' || !s.snapshot || hallInFlight) return;
    const mode = s.snapshot.display.mode;
    if (mode !== 'attendance' && mode !== 'speaker') return;
    const key = [s.snapshot.attendance, s.snapshot.council, s.snapshot.seatedCount];
    if (hallFor && s.hall && key.every((k, i) => k === hallFor![i])) return;
    if (hallFailedAt !== null && now() - hallFailedAt < RETRY_REFUSED_MS) return;
    hallInFlight = true;
    socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck('hall:map', {})
      .then((ack) => {
        if (ack.ok) {
          hallFor = key;
          hallFailedAt = null;
          store.setState({ hall: ack.data });
        } else {
          hallFailedAt = now();
        }
      })
      .catch(() => {
        hallFailedAt = now();
      })
      .finally(() => {
        hallInFlight = false;
        if (stopped) return;
        // Whatever changed while the answer travelled is asked again (or retried after a refusal).
        setTimeout(
          () => {
            if (!stopped) fetchHallIfNeeded();
          },
          hallFailedAt === null ? 0 : RETRY_REFUSED_MS,
        );
      });
  };

  socket.on('connect', () => {
    const s = store.getState();
    if (!s.snapshot) store.setState({ connection: 'connecting' });
  });
  // The server closed us on purpose (restart, kick): the supervisor tries again.
  socket.on('disconnect', () => markDisconnected());
  socket.on('connect_error', (err: Error & { data?: { code?: string } }) => {
    const code = err.data?.code;
    if (code === 'TOKEN_INVALID') {
      store.setState({ connection: 'unpaired', unpairedReason: 'invalid' });
      options.onUnpaired?.('invalid');
      return;
    }
    if (code === 'PROTOCOL_MISMATCH') {
      store.setState({ connection: 'outdated' });
      options.onOutdated?.();
      return;
    }
    markDisconnected();
    // A refusal by the server's middleware is not retried by socket.io; a network failure is.
    if (!socket.active) supervisor.retryLater();
  });
  socket.on('state:snapshot', (snapshot) => receiveSnapshot(store, snapshot, now()));
  socket.on('state:patch', (envelope) => {
    followPatch(applyLiveEnvelope(store.getState().snapshot, envelope), {
      applied: (snapshot) => store.setState({ snapshot, lastMessageAt: now() }),
      resync: () => void resync(),
    });
  });
  socket.on('auth:revoked', () => {
    store.setState({ connection: 'unpaired', unpairedReason: 'revoked' });
    options.onUnpaired?.('revoked');
    socket.disconnect();
  });

  const unsubscribe = store.subscribe(() => {
    fetchBoardIfNeeded();
    fetchHallIfNeeded();
  });

  return () => {
    stopped = true;
    supervisor.stop();
    unsubscribe();
    socket.removeAllListeners();
    socket.disconnect();
  };
}
