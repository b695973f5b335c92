// Staff accounts: the list, a new account, a password reset (which ends the account's sessions and sockets).

import { PasswordResetSchema, REST_ROUTES, StaffCreateSchema } from '@hddt/protocol/schemas';
import express, { type Router } from 'express';
import { hashPassword } from '../../storage/credentials';
import { disconnectStaffSockets } from '../staff-auth';
import { actorOf, on, parseBody, sendError, type RestContext } from './http';

export function staffRoutes({ services, secretariat, json }: RestContext): Router {
  const router = express.Router();
  const { engine, creds } = services;
  on(router, REST_ROUTES.staff, secretariat, (_req, res) => {
    res.json(creds.allStaff().map((s) => ({ username: s.username, displayName: s.display_name, role: s.role })));
  });
  on(router, REST_ROUTES.staffCreate, secretariat, json, async (req, res) => {
    const body = parseBody(StaffCreateSchema, req, res);
    if (!body) return;
    if (creds.staff(body.username))
      return sendError(res, 'CONFLICT', [{ path: 'username', message: 'Tên đăng nhập đã tồn tại.', messageEn: 'This user name already exists.' }]);
    const hash = hashPassword(body.password);
    const at = new Date(services.nowMs()).toISOString();
    const result = await engine.record([{ type: 'staff.created', username: body.username, role: body.role }], actorOf(req), () =>
      creds.insertStaff(body.username, body.displayName, body.role, hash, at),
    );
    if (!result.ok) return sendError(res, result.code);
    res.status(201).json({ username: body.username, displayName: body.displayName, role: body.role });
  });
  on(router, REST_ROUTES.staffPassword, secretariat, json, async (req, res) => {
    const username = String(req.params.username ?? '');
    const body = parseBody(PasswordResetSchema, req, res);
    if (!body) return;
    if (!creds.staff(username)) return sendError(res, 'NOT_FOUND');
    const hash = hashPassword(body.password);
    const result = await engine.record([{ type: 'staff.password-reset', username }], actorOf(req), () => creds.setPassword(username, hash));
    if (!result.ok) return sendError(res, result.code);
    // The reset ended every session of the account (setPassword); end its live sockets too.
    disconnectStaffSockets(services, { username });
    res.json({ ok: true });
  });
  return router;
}
