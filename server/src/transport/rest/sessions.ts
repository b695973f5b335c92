// Sessions and their agenda: the list, one session with everything prepared for it, the agenda's items and
// order.

import { AgendaItemInputSchema, AgendaItemPatchSchema, AgendaReorderSchema, REST_ROUTES, SessionInputSchema, SessionPatchSchema } from '@hddt/protocol/schemas';
import express, { type Router } from 'express';
import { agendaOf } from '../../domain/queries';
import type { CouncilState } from '../../domain/types';
import { roundView, sessionRounds } from '../../domain/views';
import { exec, on, param, parseBody, sendError, type RestContext } from './http';

export function sessionRoutes({ services, anyStaff, secretariat, json }: RestContext): Router {
  const router = express.Router();
  const { engine } = services;
  const detail = (s: CouncilState, sessionId: string) => {
    const session = s.sessions[sessionId];
    if (!session) return null;
    const day = engine.clockNow().day;
    return {
      session,
      agenda: agendaOf(s, sessionId),
      documents: Object.values(s.documents).filter((d) => d.sessionId === sessionId),
      motions: Object.values(s.motions).filter((m) => m.sessionId === sessionId),
      rounds: sessionRounds(s, sessionId).map((r) => roundView(s, r, day, 'staff')),
    };
  };
  on(router, REST_ROUTES.sessions, anyStaff, (_req, res) => {
    res.json(Object.values(engine.state.sessions).sort((a, b) => (a.startDate < b.startDate ? 1 : -1)));
  });
  on(router, REST_ROUTES.sessionCreate, secretariat, json, async (req, res) => {
    const input = parseBody(SessionInputSchema, req, res);
    if (!input) return;
    await exec(services, req, res, { type: 'session.create', input }, (s, d) => s.sessions[d.result?.sessionId ?? ''] ?? null, 201);
  });
  on(router, REST_ROUTES.session, anyStaff, (req, res) => {
    const id = param(req, res, 'id');
    if (!id) return;
    const data = detail(engine.state, id);
    if (!data) return sendError(res, 'SESSION_NOT_FOUND');
    res.json(data);
  });
  on(router, REST_ROUTES.sessionUpdate, secretariat, json, async (req, res) => {
    const id = param(req, res, 'id');
    const patch = id && parseBody(SessionPatchSchema, req, res);
    if (!id || !patch) return;
    await exec(services, req, res, { type: 'session.update', sessionId: id, patch }, (s) => s.sessions[id] ?? null);
  });
  on(router, REST_ROUTES.agendaAdd, secretariat, json, async (req, res) => {
    const id = param(req, res, 'id');
    const input = id && parseBody(AgendaItemInputSchema, req, res);
    if (!id || !input) return;
    await exec(
      services,
      req,
      res,
      { type: 'agenda.add', sessionId: id, title: input.title, presenter: input.presenter },
      (s, d) => s.agenda[d.result?.itemId ?? ''] ?? null,
      201,
    );
  });
  on(router, REST_ROUTES.agendaOrder, secretariat, json, async (req, res) => {
    const id = param(req, res, 'id');
    const body = id && parseBody(AgendaReorderSchema, req, res);
    if (!id || !body) return;
    await exec(services, req, res, { type: 'agenda.reorder', sessionId: id, itemIds: body.itemIds }, (s) => agendaOf(s, id));
  });
  on(router, REST_ROUTES.agendaUpdate, secretariat, json, async (req, res) => {
    const id = param(req, res, 'id');
    const patch = id && parseBody(AgendaItemPatchSchema, req, res);
    if (!id || !patch) return;
    await exec(services, req, res, { type: 'agenda.update', itemId: id, ...patch }, (s) => s.agenda[id] ?? null);
  });
  on(router, REST_ROUTES.agendaRemove, secretariat, async (req, res) => {
    const id = param(req, res, 'id');
    if (!id) return;
    await exec(services, req, res, { type: 'agenda.remove', itemId: id }, () => ({ ok: true as const }));
  });
  return router;
}
