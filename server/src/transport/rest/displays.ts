// Hall display devices: pairing one (its link is shown once), the list with who is online, revoking one.

import type { DisplayDevice } from '@hddt/protocol';
import { REST_ROUTES } from '@hddt/protocol/schemas';
import express, { type Router } from 'express';
import { fingerprint, newToken } from '../../storage/credentials';
import { revokeDisplaySockets, type DisplaySocketData } from '../display-namespace';
import { actorOf, on, param, parseBody, sendError, type RestContext } from './http';

export function displayRoutes({ services, anyStaff, hallStaff, json }: RestContext): Router {
  const router = express.Router();
  const { engine, creds } = services;
  on(router, REST_ROUTES.displays, anyStaff, (_req, res) => {
    const online = new Set<string>();
    for (const socket of services.hub.display?.sockets.values() ?? []) online.add((socket.data as DisplaySocketData).displayId);
    const list: DisplayDevice[] = creds.displays().map((d) => ({ id: d.id, name: d.name, createdAt: d.created_at, online: online.has(d.id) }));
    res.json(list);
  });
  on(router, REST_ROUTES.displayCreate, hallStaff, json, async (req, res) => {
    const body = parseBody(REST_ROUTES.displayCreate.body, req, res);
    if (!body) return;
    const id = services.newId();
    const token = newToken();
    const at = new Date(services.nowMs()).toISOString();
    const result = await engine.record(
      [{ type: 'credential.display-issued', displayId: id, name: body.name, fingerprint: fingerprint(token) }],
      actorOf(req),
      () => creds.insertDisplay(id, body.name, token, at),
    );
    if (!result.ok) return sendError(res, result.code);
    const base = services.baseUrls()[0] ?? '';
    const device: DisplayDevice = { id, name: body.name, createdAt: at, online: false, pairUrl: `${base}/display/#token=${token}` };
    res.status(201).json(device);
  });
  on(router, REST_ROUTES.displayRemove, hallStaff, async (req, res) => {
    const id = param(req, res, 'id');
    if (!id) return;
    if (!creds.displays().some((d) => d.id === id)) return sendError(res, 'NOT_FOUND');
    const at = new Date(services.nowMs()).toISOString();
    const result = await engine.record([{ type: 'credential.display-revoked', displayId: id }], actorOf(req), () => {
      creds.revokeDisplay(id, at);
    });
    if (!result.ok) return sendError(res, result.code);
    revokeDisplaySockets(services, id);
    res.json({ ok: true });
  });
  return router;
}
