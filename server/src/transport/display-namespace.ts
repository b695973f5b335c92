// /display: hall screens, read-only. They receive the public view; a named round's board on request;
// never anything of a secret ballot beyond its totals.

import { logger } from '../logger';
import type { DisplayClientToServer, DisplayServerToClient } from '@hddt/protocol';
import { PROTOCOL_VERSION, errorBody } from '@hddt/protocol';
import { DISPLAY_EVENTS, HandshakeSchema } from '@hddt/protocol/schemas';
import type { Namespace, Server } from 'socket.io';
import type { Actor } from '../domain/types';
import { roundDay } from './round-day';
import { hallView, namedBoard } from '../domain/views';
import { bindHandlers, type HandlerMap } from './socket-handlers';
import type { Services } from './services';
import { connectError } from './staff-auth';

interface DisplayCtx {
  services: Services;
  actor: Actor;
}

export interface DisplaySocketData {
  role: 'display';
  displayId: string;
}

function displayHandlers(): HandlerMap<typeof DISPLAY_EVENTS, DisplayCtx> {
  return {
    'session:sync': (_p, { services }) => ({ ok: true, data: services.hub.liveSnapshotFor('display') }),
    'round:board': (p, { services }) => {
      const state = services.engine.state;
      const round = state.rounds[p.roundId];
      if (!round) return errorBody('ROUND_NOT_FOUND');
      if (state.motions[round.motionId]?.mode !== 'named') return errorBody('SECRET_BALLOT');
      // Individual choices of a named round are public once the round is closed; not while people still vote.
      if (round.status !== 'closed' && round.status !== 'announced') return errorBody('ROUND_NOT_CLOSED');
      return { ok: true, data: namedBoard(state, round, roundDay(state, round)) };
    },
    'hall:map': (_p, { services }) => ({ ok: true, data: hallView(services.engine.state, services.engine.clockNow().day) }),
  };
}

const MAX_SOCKETS_PER_DISPLAY = 4;

export function attachDisplayNamespace(io: Server, services: Services): Namespace<DisplayClientToServer, DisplayServerToClient> {
  const nsp = io.of('/display') as unknown as Namespace<DisplayClientToServer, DisplayServerToClient>;
  const handlers = displayHandlers();
  nsp.use((socket, next) => {
    const parsed = HandshakeSchema.safeParse(socket.handshake.auth);
    if (!parsed.success) return next(connectError('BAD_REQUEST'));
    if (parsed.data.protocolVersion !== PROTOCOL_VERSION) return next(connectError('PROTOCOL_MISMATCH'));
    const device = parsed.data.token ? services.creds.displayForToken(parsed.data.token) : null;
    if (!device) {
      services.security.refused(
        { kind: 'system' },
        `display-token:${socket.handshake.address}`,
        'TOKEN_INVALID',
        'unknown display token',
        socket.handshake.address,
      );
      return next(connectError('TOKEN_INVALID'));
    }
    // A hall screen holds one socket (a few while a browser reloads); a copied token cannot fan out further.
    let held = 0;
    for (const other of nsp.sockets.values()) if ((other.data as DisplaySocketData | undefined)?.displayId === device.id) held += 1;
    if (held >= MAX_SOCKETS_PER_DISPLAY) {
      services.security.refused(
        { kind: 'display', displayId: device.id },
        `display-in-use:${device.id}`,
        'TOKEN_IN_USE',
        'display token holds too many sockets',
        socket.handshake.address,
      );
      return next(connectError('TOKEN_IN_USE'));
    }
    const data: DisplaySocketData = { role: 'display', displayId: device.id };
    socket.data = data;
    next();
  });
  nsp.on('connection', (socket) => {
    const { displayId } = socket.data as DisplaySocketData;
    const actor: Actor = { kind: 'display', displayId };
    bindHandlers(
      socket as never,
      DISPLAY_EVENTS,
      handlers,
      { services, actor },
      {
        onRefused: (event, code) => services.security.refused(actor, `display:${displayId}:${event}:${code}`, code, 'refused socket event', event),
        onError: (event, error) => logger.error({ err: error, event, role: 'display' }, 'socket handler failed'),
        onFlood: () => services.security.recordRefusal(actor, `display:${displayId}:flood`, 'RATE_LIMITED', 'socket disconnected for flooding', 'flood'),
      },
    );
    socket.emit('state:snapshot', services.hub.liveSnapshotFor('display'));
  });
  return nsp;
}

export function revokeDisplaySockets(services: Services, displayId: string): void {
  for (const socket of services.hub.display?.sockets.values() ?? []) {
    if ((socket.data as DisplaySocketData).displayId === displayId) {
      socket.emit('auth:revoked', { at: new Date(services.nowMs()).toISOString() });
      socket.disconnect(true);
    }
  }
}
