// What every REST router shares: the staff gate (cookie, CSRF, role), the error answer, body and id parsing,
// and running a command through the engine (so a REST change is decided by the same domain rules as a
// live one and recorded in the log).

import type { ErrorCode, FieldError, PathParams, RouteResponseOf, RouteSpec } from '@hddt/protocol';
import { CSRF_HEADER, errorBody, httpStatusOf } from '@hddt/protocol';
import { IdSchema, type PORTAL_ROUTES, type RECORDS_ROUTES, type REST_ROUTES } from '@hddt/protocol/schemas';
import express, { type NextFunction, type Request, type RequestHandler, type Response, type Router } from 'express';
import type { ZodType } from 'zod';
import type { Actor, Command, CouncilState, Decision } from '../../domain/types';
import { logger } from '../../logger';
import type { Services } from '../services';
import { fieldErrors } from '../socket-handlers';
import { isHallRole, originAllowed, parseCookies, staffFromCookie, type StaffPrincipal } from '../staff-auth';

declare module 'express-serve-static-core' {
  interface Request {
    staff?: StaffPrincipal;
  }
}

export function sendError(res: Response, code: ErrorCode, fields?: FieldError[], extra?: Record<string, unknown>): void {
  res.status(httpStatusOf(code)).json({ ...errorBody(code, fields), ...extra });
}

export function parseBody<S extends ZodType>(schema: S, req: Request, res: Response): S['_output'] | undefined {
  const parsed = schema.safeParse(req.body);
  if (!parsed.success) {
    sendError(res, 'BAD_REQUEST', fieldErrors(parsed.error));
    return undefined;
  }
  return parsed.data;
}

/** A path parameter that must be an id; a malformed one is a 404 like an unknown one. */
export function param<P extends object>(req: Request<P>, res: Response, name: keyof P & string): string | undefined {
  const parsed = IdSchema.safeParse((req.params as Record<string, unknown>)[name]);
  if (!parsed.success) {
    sendError(res, 'NOT_FOUND');
    return undefined;
  }
  return parsed.data;
}

/** The staff member behind a request, as the log names them. */
export function actorOf(req: Request): Actor {
  const s = req.staff!;
  return { kind: 'staff', username: s.username, role: s.role };
}

export async function exec<T, P extends object>(
  services: Services,
  req: Request<P>,
  res: Response<T>,
  command: Command,
  map: (state: CouncilState, decision: Decision) => NoInfer<T> | null,
  status = 200,
): Promise<void> {
  const result = await services.engine.execute(command, actorOf(req as Request));
  if (!result.ok) return sendError(res, result.code);
  const data = map(result.state, result.decision);
  if (data === null) return sendError(res, 'NOT_FOUND');
  res.status(status).json(data);
}

/** A route of protocol's description (only those can be registered). */
export type DescribedRoute =
  (typeof REST_ROUTES)[keyof typeof REST_ROUTES] | (typeof RECORDS_ROUTES)[keyof typeof RECORDS_ROUTES] | (typeof PORTAL_ROUTES)[keyof typeof PORTAL_ROUTES];

/** The handler of a described route: its path parameters are the path's, its answer the route's response type. */
export type RouteHandler<R extends RouteSpec> = (req: Request<PathParams<R['path']>>, res: Response<RouteResponseOf<R>>) => void | Promise<void>;

/**
 * Registers a handler for a route described in protocol (rest-routes.ts), behind the given middleware (the
 * staff gate, a body parser). The path is the description's, relative to the router's mount at /api.
 */
export function on<R extends DescribedRoute>(router: Router, spec: R, ...handlers: [...RequestHandler[], RouteHandler<R>]): void {
  if (!spec.path.startsWith('/api/')) throw new Error(`a REST route outside /api: ${spec.path}`);
  router[spec.method](spec.path.slice('/api'.length), ...(handlers as RequestHandler[]));
}

/**
 * Staff requests: the session cookie, the CSRF header and a same-origin check on every change (a refusal is
 * logged), and optionally the secretariat role. The one gate for every staff REST router.
 */
export function staffAuth(services: Services, role?: 'secretariat' | 'hall') {
  return (req: Request, res: Response, next: NextFunction) => {
    const staff = staffFromCookie(services, parseCookies(req.headers.cookie));
    if (!staff) return sendError(res, 'UNAUTHENTICATED');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      if (req.headers[CSRF_HEADER] !== staff.csrfToken || !originAllowed(req.headers.origin, req.headers.host)) {
        const actor = { kind: 'staff' as const, username: staff.username, role: staff.role };
        services.security.refused(actor, `csrf:${staff.username}`, 'CSRF', 'staff request without valid CSRF token', `${req.method} ${req.path}`);
        return sendError(res, 'CSRF');
      }
    }
    if (role === 'hall' ? !isHallRole(staff.role) : role && staff.role !== role) return sendError(res, 'FORBIDDEN');
    req.staff = staff;
    next();
  };
}

/** What each domain router is built from: the services, the three staff gates and the JSON body parser. */
export interface RestContext {
  services: Services;
  anyStaff: RequestHandler;
  secretariat: RequestHandler;
  hallStaff: RequestHandler;
  json: RequestHandler;
}

export function restContext(services: Services): RestContext {
  return {
    services,
    anyStaff: staffAuth(services),
    secretariat: staffAuth(services, 'secretariat'),
    hallStaff: staffAuth(services, 'hall'),
    json: express.json({ limit: '256kb' }),
  };
}

/** An unknown path is a 404; body-parser errors (oversized JSON, malformed JSON) become clear refusals. */
export function notFound(_req: Request, res: Response): void {
  sendError(res, 'NOT_FOUND');
}

export function restErrors(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  void next;
  const type = (error as { type?: string }).type;
  if (type === 'entity.too.large') return sendError(res, 'PAYLOAD_TOO_LARGE');
  if (type === 'entity.parse.failed' || type === 'encoding.unsupported' || type === 'charset.unsupported') return sendError(res, 'BAD_REQUEST');
  logger.error({ err: error }, 'unexpected REST error');
  sendError(res, 'INTERNAL');
}
