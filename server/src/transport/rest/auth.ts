// Staff sign-in and the facts every signed-in console reads first: health, login, logout, who am I, the
// hall's addresses.

import { randomBytes } from 'node:crypto';
import type { StaffIdentity } from '@hddt/protocol';
import { CSRF_HEADER, STAFF_COOKIE } from '@hddt/protocol';
import { REST_ROUTES, StaffLoginSchema } from '@hddt/protocol/schemas';
import express, { type Router } from 'express';
import { hashPassword, verifyPassword } from '../../storage/credentials';
import { LoginLimiter, disconnectStaffSockets, originAllowed, parseCookies, staffFromCookie } from '../staff-auth';
import { on, parseBody, sendError, type RestContext } from './http';

/** Compared against when the user name is unknown, so both paths run scrypt. */
const UNKNOWN_USER_HASH = hashPassword(randomBytes(16).toString('hex'));

export function authRoutes({ services, anyStaff, json }: RestContext): Router {
  const router = express.Router();
  const { engine, creds } = services;
  const limiter = new LoginLimiter();

  on(router, REST_ROUTES.health, (_req, res) => {
    res.json({ ok: true, seq: engine.seq, council: engine.state.council?.name.vi ?? null });
  });

  on(router, REST_ROUTES.login, json, (req, res) => {
    const body = parseBody(StaffLoginSchema, req, res);
    if (!body) return;
    const now = services.nowMs();
    // The socket's address (req.ip equals it unless a reverse proxy is configured): a guesser elsewhere
    // cannot lock the right person out.
    const source = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const keys = [`ip:${source}`];
    if (limiter.blocked(keys, now)) {
      services.security.refused({ kind: 'system' }, `login-limit:${source}`, 'RATE_LIMITED', 'staff login rate-limited', body.username);
      res.setHeader('Retry-After', '300');
      return sendError(res, 'RATE_LIMITED');
    }
    const staff = creds.staff(body.username);
    // An unknown name costs the same scrypt as a known one, so the answer's timing does not tell them apart.
    const passwordOk = verifyPassword(body.password, staff?.password_hash ?? UNKNOWN_USER_HASH);
    if (!staff || !passwordOk) {
      limiter.fail(keys, now);
      services.security.refused({ kind: 'system' }, `login-fail:${req.ip}:${body.username}`, 'INVALID_CREDENTIALS', 'staff login failed', body.username);
      return sendError(res, 'INVALID_CREDENTIALS');
    }
    limiter.succeed(keys);
    const session = creds.createSession(staff.username, now);
    res.cookie(STAFF_COOKIE, session.token, { httpOnly: true, secure: services.tls, sameSite: 'strict', path: '/', maxAge: 24 * 3600_000 });
    const identity: StaffIdentity = {
      username: staff.username,
      displayName: staff.display_name,
      role: staff.role,
      csrfToken: session.csrfToken,
    };
    res.json(identity);
  });

  // Logout of a live session needs the CSRF token like any change (a forged cross-site logout would end
  // the chair's console mid-vote); it ends that session's live /chair sockets at once.
  on(router, REST_ROUTES.logout, (req, res) => {
    const token = parseCookies(req.headers.cookie)[STAFF_COOKIE];
    const staff = staffFromCookie(services, parseCookies(req.headers.cookie));
    if (token && staff) {
      if (req.headers[CSRF_HEADER] !== staff.csrfToken || !originAllowed(req.headers.origin, req.headers.host)) {
        services.security.refused(
          { kind: 'staff', username: staff.username, role: staff.role },
          `csrf:${staff.username}`,
          'CSRF',
          'logout without valid CSRF token',
          'POST /auth/logout',
        );
        return sendError(res, 'CSRF');
      }
      creds.deleteSession(token);
      disconnectStaffSockets(services, { sessionKey: staff.sessionKey });
    }
    res.clearCookie(STAFF_COOKIE, { path: '/', httpOnly: true, secure: services.tls, sameSite: 'strict' });
    res.json({ ok: true });
  });

  on(router, REST_ROUTES.me, anyStaff, (req, res) => {
    const s = req.staff!;
    const identity: StaffIdentity = { username: s.username, displayName: s.displayName, role: s.role, csrfToken: s.csrfToken };
    res.json(identity);
  });

  on(router, REST_ROUTES.hall, anyStaff, (_req, res) => {
    res.json({ baseUrls: services.baseUrls(), hallWifi: engine.state.council?.hallWifi ?? '', tlsFingerprint: services.tlsFingerprint });
  });
  return router;
}
