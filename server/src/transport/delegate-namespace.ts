// /delegate: one tablet per delegate, signed in with the personal card token. A delegate can check in,
// vote in an open round, ask for the floor, ask what it voted, and keep private notes on documents. Nothing else.

import { logger } from '../logger';
import type { DelegateClientToServer, DelegateServerToClient } from '@hddt/protocol';
import { PROTOCOL_VERSION, delegateHasFloor, errorBody, noteProblem } from '@hddt/protocol';
import { DELEGATE_EVENTS, HandshakeSchema } from '@hddt/protocol/schemas';
import type { Namespace, Server } from 'socket.io';
import { activeSession, speakersOf } from '../domain/queries';
import type { Actor } from '../domain/types';
import { ballotReceipt } from '../domain/views';
import { bindHandlers, type HandlerMap } from './socket-handlers';
import { type Services } from './services';
import { connectError } from './staff-auth';

interface DelegateCtx {
  services: Services;
  actor: Actor;
  delegateId: string;
}

export interface DelegateSocketData {
  role: 'delegate';
  delegateId: string;
  deviceId: string | null;
}

export function delegateHandlers(): HandlerMap<typeof DELEGATE_EVENTS, DelegateCtx> {
  return {
    'session:sync': (_p, { services, delegateId }) => {
      const me = services.hub.meFor(delegateId);
      if (!me) return errorBody('TOKEN_INVALID');
      return { ok: true, data: { snapshot: services.hub.liveSnapshotFor('delegate'), me } };
    },
    'attendance:checkin': async (_p, { services, actor, delegateId }) => {
      const result = await services.engine.execute({ type: 'attendance.checkin', delegateId }, actor);
      if (!result.ok) return errorBody(result.code);
      const me = services.hub.meFor(delegateId);
      return me ? { ok: true, data: me } : errorBody('TOKEN_INVALID');
    },
    'vote:cast': async (p, { services, actor, delegateId }) => {
      const result = await services.engine.execute({ type: 'ballot.cast', roundId: p.roundId, delegateId, choice: p.choice }, actor);
      if (!result.ok) {
        if (result.code === 'STORAGE_FAILURE') return errorBody('STORAGE_FAILURE');
        return errorBody(result.code);
      }
      const round = result.state.rounds[p.roundId];
      const receipt = round ? ballotReceipt(round, delegateId) : null;
      return receipt ? { ok: true, data: receipt } : errorBody('INTERNAL');
    },
    'vote:mine': (p, { services, delegateId }) => {
      const round = services.engine.state.rounds[p.roundId];
      if (!round) return errorBody('ROUND_NOT_FOUND');
      return { ok: true, data: ballotReceipt(round, delegateId) };
    },
    'speaker:request': async (_p, { services, actor, delegateId }) => {
      const result = await services.engine.execute({ type: 'speaker.request', delegateId }, actor);
      if (!result.ok) return errorBody(result.code);
      const entry = result.decision.result?.entryId ? result.state.speakers[result.decision.result.entryId] : undefined;
      return entry ? { ok: true, data: entry } : errorBody('INTERNAL');
    },
    'speaker:withdraw': async (_p, { services, actor, delegateId }) => {
      const result = await services.engine.execute({ type: 'speaker.withdraw', delegateId }, actor);
      if (!result.ok) return errorBody(result.code);
      const entry = result.decision.result?.entryId ? result.state.speakers[result.decision.result.entryId] : undefined;
      return entry ? { ok: true, data: entry } : errorBody('INTERNAL');
    },
    'speaker:finish': async (_p, { services, actor, delegateId }) => {
      // Only one's own speech: the entry this delegate is speaking in now.
      const state = services.engine.state;
      // (Their question too, but not the official's answer to it.)
      const own = Object.values(state.speakers).find((e) => delegateHasFloor(e, delegateId));
      if (!own) return errorBody('SPEAKER_NOT_FOUND');
      const result = await services.engine.execute({ type: 'speaker.finish', entryId: own.id }, actor);
      if (!result.ok) return errorBody(result.code);
      const entry = result.state.speakers[own.id];
      return entry ? { ok: true, data: entry } : errorBody('INTERNAL');
    },
    'question:request': async (p, { services, actor, delegateId }) => {
      const command = { type: 'question.request' as const, delegateId, answererName: p.answererName, answererTitle: p.answererTitle, topic: p.topic };
      const result = await services.engine.execute(command, actor);
      if (!result.ok) return errorBody(result.code);
      const entry = result.decision.result?.entryId ? result.state.speakers[result.decision.result.entryId] : undefined;
      return entry ? { ok: true, data: entry } : errorBody('INTERNAL');
    },
    'question:withdraw': async (p, { services, actor, delegateId }) => {
      const result = await services.engine.execute({ type: 'question.withdraw', delegateId, entryId: p.entryId }, actor);
      if (!result.ok) return errorBody(result.code);
      const entry = result.state.speakers[p.entryId];
      return entry ? { ok: true, data: entry } : errorBody('INTERNAL');
    },
    // Private notes: kept outside the log and the engine (docs/security.md); every query names this delegate.
    'note:list': (p, { services, delegateId }) => {
      if (!services.engine.state.documents[p.documentId]) return errorBody('DOCUMENT_NOT_FOUND');
      return { ok: true, data: services.notes.list(delegateId, p.documentId) };
    },
    'note:add': (p, { services, delegateId }) => {
      if (!services.engine.state.documents[p.documentId]) return errorBody('DOCUMENT_NOT_FOUND');
      const note = services.notes.add(
        delegateId,
        services.newId(),
        {
          documentId: p.documentId,
          page: p.page,
          kind: p.kind,
          text: p.text,
          quote: p.kind === 'highlight' ? p.quote : '',
          rects: p.kind === 'highlight' ? p.rects : [],
        },
        new Date(services.nowMs()).toISOString(),
      );
      return note ? { ok: true, data: note } : errorBody('NOTE_LIMIT');
    },
    'note:update': (p, { services, delegateId }) => {
      const existing = services.notes.get(delegateId, p.noteId);
      if (!existing) return errorBody('NOTE_NOT_FOUND');
      const problem = noteProblem(existing.kind, p.text, existing.rects);
      if (problem) return errorBody('BAD_REQUEST', [{ path: 'text', ...problem }]);
      const note = services.notes.update(delegateId, p.noteId, p.text, new Date(services.nowMs()).toISOString());
      return note ? { ok: true, data: note } : errorBody('NOTE_NOT_FOUND');
    },
    'note:remove': (p, { services, delegateId }) =>
      services.notes.remove(delegateId, p.noteId) ? { ok: true, data: { noteId: p.noteId } } : errorBody('NOTE_NOT_FOUND'),
  };
}

export function attachDelegateNamespace(io: Server, services: Services): Namespace<DelegateClientToServer, DelegateServerToClient> {
  const nsp = io.of('/delegate') as unknown as Namespace<DelegateClientToServer, DelegateServerToClient>;
  const handlers = delegateHandlers();
  const { hub, creds, security } = services;

  type Middleware = Parameters<typeof nsp.use>[0];
  // socket.io does not wait on a middleware's promise: if admitting fails (the takeover not recorded), the handshake
  // is still answered, refused with a logged server error, instead of left pending.
  nsp.use((socket, next) => {
    admit(socket, next).catch((err: unknown) => {
      logger.error({ err, role: 'delegate' }, 'delegate handshake failed');
      next(connectError('INTERNAL'));
    });
  });
  async function admit(...[socket, next]: Parameters<Middleware>): Promise<void> {
    const parsed = HandshakeSchema.safeParse(socket.handshake.auth);
    if (!parsed.success) return next(connectError('BAD_REQUEST'));
    const auth = parsed.data;
    if (auth.protocolVersion !== PROTOCOL_VERSION) return next(connectError('PROTOCOL_MISMATCH'));
    const delegateId = auth.token ? creds.delegateIdForToken(auth.token) : null;
    // A vacated seat's card signs in no more (it would still read confidential documents).
    if (!delegateId || !services.engine.state.delegates[delegateId]?.seated) {
      security.refused(
        { kind: 'system' },
        `delegate-token:${socket.handshake.address}`,
        'TOKEN_INVALID',
        'unknown or revoked card token',
        socket.handshake.address,
      );
      services.refusalAlerts.tokenRefused(socket.handshake.address, null);
      return next(connectError('TOKEN_INVALID'));
    }
    const deviceId = auth.deviceId ?? null;
    const existing = hub.delegateSockets.get(delegateId);
    const existingSocket = existing ? nsp.sockets.get(existing.socketId) : undefined;
    if (existing && existingSocket?.connected) {
      const sameDevice = deviceId !== null && existing.deviceId === deviceId;
      if (!sameDevice && !auth.takeover) {
        security.refused(
          { kind: 'delegate', delegateId },
          `delegate-in-use:${delegateId}`,
          'TOKEN_IN_USE',
          'card already in use on another device',
          socket.handshake.address,
        );
        services.refusalAlerts.tokenRefused(socket.handshake.address, delegateId);
        return next(connectError('TOKEN_IN_USE'));
      }
      if (!sameDevice) {
        // A visible takeover: the log keeps it first (so it is there when anyone is told), then the other
        // device is told and the secretariat alerted.
        await services.engine.record([{ type: 'security.device-takeover', delegateId }], { kind: 'delegate', delegateId });
        existingSocket.emit('auth:replaced', { at: new Date(services.nowMs()).toISOString() });
        hub.chair?.emit('alert:security', { type: 'device-takeover', delegateId, at: new Date(services.nowMs()).toISOString() });
      }
      hub.delegateSockets.delete(delegateId);
      existingSocket.disconnect(true);
    }
    const data: DelegateSocketData = { role: 'delegate', delegateId, deviceId };
    socket.data = data;
    next();
  }

  nsp.on('connection', (socket) => {
    const { delegateId, deviceId } = socket.data as DelegateSocketData;
    const actor: Actor = { kind: 'delegate', delegateId };
    hub.delegateSockets.set(delegateId, { socketId: socket.id, deviceId });
    hub.presenceChanged();
    bindHandlers(
      socket as never,
      DELEGATE_EVENTS,
      handlers,
      { services, actor, delegateId },
      {
        onRefused: (event, code) => security.refused(actor, `delegate:${delegateId}:${event}:${code}`, code, 'refused socket event', event),
        onError: (event, error) => logger.error({ err: error, event, role: 'delegate' }, 'socket handler failed'),
        onFlood: () => security.recordRefusal(actor, `delegate:${delegateId}:flood`, 'RATE_LIMITED', 'socket disconnected for flooding', 'flood'),
      },
    );
    socket.on('disconnect', () => {
      const current = hub.delegateSockets.get(delegateId);
      if (current?.socketId === socket.id) {
        hub.delegateSockets.delete(delegateId);
        hub.presenceChanged();
      }
    });
    socket.emit('state:snapshot', hub.liveSnapshotFor('delegate'));
    const me = hub.meFor(delegateId);
    if (me) socket.emit('me:update', me);
  });
  return nsp;
}

/** Disconnects a delegate whose card was re-issued: the old card stops working at once. */
export function revokeDelegateSocket(services: Services, delegateId: string): void {
  const conn = services.hub.delegateSockets.get(delegateId);
  const socket = conn ? services.hub.delegate?.sockets.get(conn.socketId) : undefined;
  if (socket) {
    socket.emit('auth:revoked', { at: new Date(services.nowMs()).toISOString() });
    socket.disconnect(true);
  }
  services.hub.delegateSockets.delete(delegateId);
  services.hub.presenceChanged();
}

export function speakerPositionOf(services: Services, delegateId: string): number | null {
  const session = activeSession(services.engine.state);
  if (!session) return null;
  const queue = speakersOf(services.engine.state, session.id).filter((e) => e.status === 'waiting');
  const index = queue.findIndex((e) => e.delegateId === delegateId);
  return index >= 0 ? index + 1 : null;
}
