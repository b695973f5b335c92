// /chair: the chair and the secretariat, signed in with a staff session cookie. Live control of a session.

import { logger } from '../logger';
import type { ChairClientToServer, ChairServerToClient, StaffRole } from '@hddt/protocol';
import { PROTOCOL_VERSION, errorBody } from '@hddt/protocol';
import { CHAIR_EVENTS } from '@hddt/protocol/schemas';
import type { Namespace, Server } from 'socket.io';
import { activeSession } from '../domain/queries';
import type { Actor, CouncilState } from '../domain/types';
import { roundDay } from './round-day';
import { namedBoard, roundView } from '../domain/views';
import type { StaffSocketData } from './live-hub';
import { bindHandlers, type HandlerMap } from './socket-handlers';
import { run, type Services } from './services';
import { connectError, isHallRole, originAllowed, parseCookies, staffFromCookie } from './staff-auth';

interface ChairCtx {
  services: Services;
  actor: Actor;
  staff: { username: string; role: StaffRole };
}

const sessionOf = (id: string | undefined) => (state: CouncilState) => (id ? (state.sessions[id] ?? null) : activeSession(state));

function chairHandlers(): HandlerMap<typeof CHAIR_EVENTS, ChairCtx> {
  return {
    'session:sync': (_p, { services, staff }) => ({ ok: true, data: services.hub.chairSnapshotFor(staff) }),
    'session:select': (p, { services, actor }) => run(services, { type: 'session.select', sessionId: p.sessionId }, actor, sessionOf(p.sessionId)),
    'session:open': (p, { services, actor }) => run(services, { type: 'session.open', sessionId: p.sessionId }, actor, sessionOf(p.sessionId)),
    'session:close': (p, { services, actor }) => run(services, { type: 'session.close', sessionId: p.sessionId }, actor, sessionOf(p.sessionId)),
    'rollcall:open': (_p, { services, actor }) => run(services, { type: 'rollcall.open' }, actor, sessionOf(undefined)),
    'rollcall:close': (_p, { services, actor }) => run(services, { type: 'rollcall.close' }, actor, sessionOf(undefined)),
    'attendance:set': async (p, { services, actor }) => {
      const result = await services.engine.execute({ type: 'attendance.set', delegateId: p.delegateId, status: p.status, reason: p.reason }, actor);
      if (!result.ok) return errorBody(result.code);
      const s = activeSession(result.state);
      const day = services.engine.clockNow().day;
      return { ok: true as const, data: s ? (result.state.attendance[s.id]?.[day]?.[p.delegateId] ?? null) : null };
    },
    'agenda:current': (p, { services, actor }) => run(services, { type: 'agenda.current', itemId: p.itemId }, actor, sessionOf(undefined)),
    'motion:open': (p, { services, actor }) =>
      run(services, { type: 'motion.open', motionId: p.motionId, commandId: p.commandId }, actor, (state, d) => {
        const round = d.result?.roundId ? state.rounds[d.result.roundId] : undefined;
        return round ? roundView(state, round, services.engine.clockNow().day, 'staff') : null;
      }),
    'motion:adhoc': (p, { services, actor }) =>
      run(services, { type: 'motion.adhoc', input: p.motion, commandId: p.commandId }, actor, (state, d) => {
        const round = d.result?.roundId ? state.rounds[d.result.roundId] : undefined;
        return round ? roundView(state, round, services.engine.clockNow().day, 'staff') : null;
      }),
    'round:close': (p, ctx) => roundCommand(ctx, { type: 'round.close', roundId: p.roundId }),
    'round:announce': (p, ctx) => roundCommand(ctx, { type: 'round.announce', roundId: p.roundId }),
    'round:cancel': (p, ctx) => roundCommand(ctx, { type: 'round.cancel', roundId: p.roundId, reason: p.reason }),
    'round:board': (p, { services }) => {
      const state = services.engine.state;
      const round = state.rounds[p.roundId];
      if (!round) return errorBody('ROUND_NOT_FOUND');
      const motion = state.motions[round.motionId];
      if (motion?.mode !== 'named') return errorBody('SECRET_BALLOT');
      return { ok: true, data: namedBoard(state, round, roundDay(state, round)) };
    },
    'speaker:add': (p, { services, actor }) =>
      run(services, { type: 'speaker.add', name: p.name, delegateId: p.delegateId, title: p.title }, actor, (state, d) =>
        d.result?.entryId ? (state.speakers[d.result.entryId] ?? null) : null,
      ),
    'speaker:give': (p, { services, actor }) =>
      run(services, { type: 'speaker.give', entryId: p.entryId }, actor, (state) => state.speakers[p.entryId] ?? null),
    'speaker:finish': (p, { services, actor }) =>
      run(services, { type: 'speaker.finish', entryId: p.entryId }, actor, (state) => state.speakers[p.entryId] ?? null),
    'speaker:remove': (p, { services, actor }) =>
      run(services, { type: 'speaker.remove', entryId: p.entryId }, actor, (state) => state.speakers[p.entryId] ?? null),
    'speaker:move': (p, { services, actor }) =>
      run(services, { type: 'speaker.move', entryId: p.entryId, position: p.position }, actor, (state) => state.speakers[p.entryId] ?? null),
    'speaker:mark': (p, { services, actor }) =>
      run(services, { type: 'speaker.mark', entryId: p.entryId, rebuttal: p.rebuttal }, actor, (state) => state.speakers[p.entryId] ?? null),
    'question:answer': (p, { services, actor }) =>
      run(services, { type: 'question.answer', entryId: p.entryId }, actor, (state) => state.speakers[p.entryId] ?? null),
    'display:show': (p, { services, actor }) =>
      run(services, { type: 'display.show', mode: p.mode, roundId: p.roundId, ...(p.board ? { board: p.board } : {}) }, actor, (state) => state.display),
  };
}

function roundCommand(
  { services, actor }: ChairCtx,
  command: { type: 'round.close' | 'round.announce'; roundId: string } | { type: 'round.cancel'; roundId: string; reason: string },
) {
  return run(services, command, actor, (state) => {
    const round = state.rounds[command.roundId];
    return round ? roundView(state, round, services.engine.clockNow().day, 'staff') : null;
  });
}

export function attachChairNamespace(io: Server, services: Services): Namespace<ChairClientToServer, ChairServerToClient> {
  const nsp = io.of('/chair') as unknown as Namespace<ChairClientToServer, ChairServerToClient>;
  const handlers = chairHandlers();
  nsp.use((socket, next) => {
    const auth = socket.handshake.auth as { protocolVersion?: unknown };
    if (auth?.protocolVersion !== PROTOCOL_VERSION) return next(connectError('PROTOCOL_MISMATCH'));
    if (!originAllowed(socket.handshake.headers.origin, socket.handshake.headers.host)) {
      services.security.refused(
        { kind: 'system' },
        `chair-origin:${socket.handshake.address}`,
        'FORBIDDEN',
        'cross-origin staff socket',
        String(socket.handshake.headers.origin),
      );
      return next(connectError('FORBIDDEN'));
    }
    const staff = staffFromCookie(services, parseCookies(socket.handshake.headers.cookie));
    if (!staff) return next(connectError('UNAUTHENTICATED'));
    // The portal's editors and board head have no place in the hall's live console.
    if (!isHallRole(staff.role)) return next(connectError('FORBIDDEN'));
    const data: StaffSocketData = { role: 'staff', username: staff.username, staffRole: staff.role, sessionKey: staff.sessionKey };
    socket.data = data;
    next();
  });
  nsp.on('connection', (socket) => {
    const data = socket.data as StaffSocketData;
    const staff = { username: data.username, role: data.staffRole };
    const actor: Actor = { kind: 'staff', username: staff.username, role: staff.role };
    bindHandlers(
      socket as never,
      CHAIR_EVENTS,
      handlers,
      { services, actor, staff },
      {
        onRefused: (event, code) => services.security.refused(actor, `chair:${staff.username}:${event}:${code}`, code, 'refused socket event', event),
        onError: (event, error) => logger.error({ err: error, event, role: 'chair' }, 'socket handler failed'),
        onFlood: () => services.security.recordRefusal(actor, `chair:${staff.username}:flood`, 'RATE_LIMITED', 'socket disconnected for flooding', 'flood'),
      },
    );
    socket.emit('state:snapshot', services.hub.chairSnapshotFor(staff));
    const publishing = services.publishStatus?.();
    if (publishing) socket.emit('publish:status', publishing);
  });
  return nsp;
}
