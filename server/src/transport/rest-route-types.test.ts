// The REST routers are typed from protocol's description of the routes (rest-routes.ts): the lines marked as
// expected type errors must stay compile errors (`npm run typecheck` fails if one of them ever compiles), and a
// router built with `on` answers at the described path.

import { ALL_REST_ROUTES, REST_ROUTES } from '@hddt/protocol/schemas';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { on, param, parseBody, type RouteHandler } from './rest/http';

describe('typed REST routes', () => {
  it('a handler must answer with its route’s response type, read only its path’s parameters and its body’s fields', () => {
    const health: RouteHandler<typeof REST_ROUTES.health> = (_req, res) => void res.json({ ok: true, seq: 3, council: null });
    // @ts-expect-error health answers { ok, seq, council }: seq is a number.
    const wrongAnswer: RouteHandler<typeof REST_ROUTES.health> = (_req, res) => void res.json({ ok: true, seq: '3', council: null });
    // @ts-expect-error the roster is a list of delegates, not one.
    const notAList: RouteHandler<typeof REST_ROUTES.delegates> = (_req, res) => void res.json({ id: 'd1' });
    const vacate: RouteHandler<typeof REST_ROUTES.delegateVacate> = (req, res) => {
      const id = param(req, res, 'id');
      const body = parseBody(REST_ROUTES.delegateVacate.body, req, res);
      // @ts-expect-error the vacate body has a reason, not a note.
      void [id, body?.note];
    };
    const staffPassword: RouteHandler<typeof REST_ROUTES.staffPassword> = (req, res) => {
      // @ts-expect-error the password route's parameter is :username, not :id.
      void param(req, res, 'id');
    };
    expect([health, wrongAnswer, notAList, vacate, staffPassword].every((f) => typeof f === 'function')).toBe(true);
  });

  it('a route is registered only from its description, at its path below /api', () => {
    const router = express.Router();
    on(router, REST_ROUTES.agendaRemove, (_req, res) => void res.json({ ok: true }));
    // @ts-expect-error a path that is not described cannot be registered.
    on(router, { ...REST_ROUTES.health, path: '/api/nowhere' }, (_req, res) => void res.json({ ok: true, seq: 0, council: null }));
    // @ts-expect-error removing an agenda item answers { ok: true }, not the item.
    on(router, REST_ROUTES.agendaRemove, (_req, res) => void res.json({ id: 'a1', title: 'x' }));
    const layers = (router as unknown as { stack: { route?: { path: string; methods: Record<string, boolean> } }[] }).stack;
    expect(layers[0]?.route?.path).toBe('/agenda/:id');
    expect(layers[0]?.route?.methods).toEqual({ delete: true });
  });

  it('each route is described once, under a unique method and path', () => {
    const keys = Object.values(ALL_REST_ROUTES).map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(REST_ROUTES.delegateVacate.body.safeParse({ reason: 'Chuyển công tác' }).success).toBe(true);
    expect(REST_ROUTES.delegateVacate.body.safeParse({ reason: '' }).success).toBe(false);
  });
});
