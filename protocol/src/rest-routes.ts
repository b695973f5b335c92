// The REST routes of the hall server, described once: per route its method, path (express syntax, ':name' for
// a path parameter), who may call it, the zod schema its JSON body must pass, and (as a type only) what a
// successful answer carries. The server's routers register their handlers from these objects (a handler
// answering the wrong thing, or reading a body field the schema does not have, is a compile error), and the
// OpenAPI document and docs/api.md are generated from them. Like socket-events.ts, this file carries zod at
// run time: it is exported from '@hddt/protocol/schemas', and only as types from '@hddt/protocol'.

import { z } from 'zod';
import type { AgendaItem, CouncilConfig, Delegate, Motion, Resolution, Session, SessionDocument } from './model';
import type {
  DelegateCard,
  DelegateCardStatus,
  DisplayDevice,
  HallInfo,
  ImportReport,
  SessionDetail,
  StaffAccount,
  StaffIdentity,
} from './rest';
import {
  AgendaItemInputSchema,
  AgendaItemPatchSchema,
  AgendaReorderSchema,
  CouncilPatchSchema,
  DelegateInputSchema,
  DelegatePatchSchema,
  DocumentPatchSchema,
  HallLayoutSchema,
  IdSchema,
  MotionInputSchema,
  PasswordResetSchema,
  SessionInputSchema,
  SessionPatchSchema,
  StaffCreateSchema,
  StaffLoginSchema,
} from './schemas';
import type { HallLayout } from './seat-map';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
/** Who may call a route: anyone; any signed-in staff member; the secretariat; the hall's staff (chair or
 * secretariat); staff, or a delegate's card (`Authorization: Bearer <card token>`), or anyone for a public file. */
export type RouteAuth = 'public' | 'staff' | 'secretariat' | 'hall' | 'staff-or-delegate';
/** What a route's successful answer is when it is not JSON. */
export type RouteBodyKind = 'json' | 'csv' | 'pdf' | 'none';

/** One REST route: `response` is never set (a type carrier), like an event's `ack` in socket-events.ts. */
export interface RouteSpec<M extends HttpMethod = HttpMethod, P extends string = string, B extends z.ZodType | undefined = z.ZodType | undefined, R = unknown> {
  readonly method: M;
  readonly path: P;
  readonly auth: RouteAuth;
  /** The JSON body's schema; undefined: the route reads no JSON body (see `request`). */
  readonly body: B;
  /** The request's body when it is not JSON (a CSV roster, a PDF file). */
  readonly request?: 'csv' | 'pdf';
  /** The answer's media type; JSON unless said otherwise. */
  readonly produces: RouteBodyKind;
  /** The status of a successful answer. */
  readonly status: 200 | 201;
  readonly response?: R;
  /** One line for docs/api.md and the OpenAPI document. */
  readonly doc: string;
}

interface RouteOptions {
  request?: 'csv' | 'pdf';
  produces?: RouteBodyKind;
  status?: 200 | 201;
}

/** `route<Response>()(method, path, auth, doc, body?, options?)`: the response type is written explicitly, the
 * path and body types are inferred. */
const route =
  <R>() =>
  <M extends HttpMethod, P extends string, B extends z.ZodType | undefined = undefined>(
    method: M,
    path: P,
    auth: RouteAuth,
    doc: string,
    body?: B,
    options: RouteOptions = {},
  ): RouteSpec<M, P, B, R> => ({
    method,
    path,
    auth,
    body: body as B,
    ...(options.request ? { request: options.request } : {}),
    produces: options.produces ?? 'json',
    status: options.status ?? 200,
    doc,
  });

export type RouteSpecs = Record<string, RouteSpec>;
/** The body as the server's handler sees it (after the schema's defaults). */
export type RouteBodyOf<R> = R extends RouteSpec<HttpMethod, string, infer B, unknown> ? (B extends z.ZodType ? z.output<B> : undefined) : never;
/** The body as a client writes it (before the schema's defaults). */
export type RouteBodyInputOf<R> = R extends RouteSpec<HttpMethod, string, infer B, unknown> ? (B extends z.ZodType ? z.input<B> : undefined) : never;
export type RouteResponseOf<R> = R extends RouteSpec<HttpMethod, string, z.ZodType | undefined, infer A> ? A : never;
/** The names of a path's parameters: '/api/sessions/:id/agenda' → 'id'. */
export type PathParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;
export type PathParams<P extends string> = { [K in PathParamNames<P>]: string };

/** The answer of a change that returns nothing else. */
export interface OkResponse {
  ok: true;
}
export interface HealthResponse {
  ok: true;
  seq: number;
  council: string | null;
}
export interface HallLayoutView {
  layout: HallLayout;
  custom: boolean;
}

/** The request bodies defined here rather than in schemas.ts (they belong to one route each). */
export const CardsIssueSchema = z.strictObject({ scope: z.enum(['all', 'missing']) });
export const DelegateVacateSchema = z.strictObject({ reason: z.string().trim().min(1).max(200) });
export const DisplayCreateSchema = z.strictObject({ name: z.string().trim().min(1).max(100) });
export const ResolutionTextSchema = z.strictObject({ documentId: IdSchema });

/** The hall server's staff and setup REST API (server/src/transport/rest/). Paths are absolute. */
export const REST_ROUTES = {
  health: route<HealthResponse>()('get', '/api/health', 'public', 'Liveness: the event log’s sequence number and the council’s name.'),
  login: route<StaffIdentity>()('post', '/api/auth/login', 'public', 'Staff sign-in: sets the session cookie and returns the CSRF token.', StaffLoginSchema),
  logout: route<OkResponse>()('post', '/api/auth/logout', 'public', 'Ends the staff session (a live session needs the CSRF token) and its live sockets.'),
  me: route<StaffIdentity>()('get', '/api/auth/me', 'staff', 'The signed-in staff member and their CSRF token.'),
  hall: route<HallInfo>()('get', '/api/hall', 'staff', 'The addresses at which tablets reach this server, the hall’s Wi-Fi and the TLS fingerprint.'),
  council: route<CouncilConfig>()('get', '/api/council', 'staff', 'The council’s configuration.'),
  councilUpdate: route<CouncilConfig>()('patch', '/api/council', 'secretariat', 'Change the council’s configuration.', CouncilPatchSchema),
  hallLayout: route<HallLayoutView>()('get', '/api/hall-layout', 'staff', 'The seat map to draw now and whether the secretariat has laid the hall out.'),
  hallLayoutSet: route<HallLayoutView>()('put', '/api/hall-layout', 'secretariat', 'A new seat map, checked against the roster seat by seat.', HallLayoutSchema),
  delegates: route<Delegate[]>()('get', '/api/delegates', 'staff', 'The roster in seat order.'),
  delegateCreate: route<Delegate>()('post', '/api/delegates', 'secretariat', 'Add a delegate.', DelegateInputSchema, { status: 201 }),
  delegateUpdate: route<Delegate>()('patch', '/api/delegates/:id', 'secretariat', 'Change a delegate.', DelegatePatchSchema),
  delegateVacate: route<Delegate>()('post', '/api/delegates/:id/vacate', 'secretariat', 'Vacate a seat (the reason is recorded); the tablet is signed out.', DelegateVacateSchema),
  delegateReseat: route<Delegate>()('post', '/api/delegates/:id/reseat', 'secretariat', 'Seat a vacated delegate again.'),
  delegatesImport: route<ImportReport>()('post', '/api/delegates/import', 'secretariat', 'Import a roster from CSV (all rows or none).', undefined, { request: 'csv', status: 201 }),
  delegatesExport: route<string>()('get', '/api/delegates/export.csv', 'staff', 'The roster as CSV.', undefined, { produces: 'csv' }),
  cards: route<DelegateCardStatus[]>()('get', '/api/cards', 'secretariat', 'Who has a login card and since when (never the card’s link).'),
  cardsIssue: route<DelegateCard[]>()('post', '/api/cards/issue', 'secretariat', 'Issue cards to every seated delegate or to those without one; the answer carries the links to print.', CardsIssueSchema),
  delegateToken: route<DelegateCard>()('post', '/api/delegates/:id/token', 'secretariat', 'Issue one delegate a new card (the old one stops working).'),
  sessions: route<Session[]>()('get', '/api/sessions', 'staff', 'The sessions, newest first.'),
  sessionCreate: route<Session>()('post', '/api/sessions', 'secretariat', 'Create a session.', SessionInputSchema, { status: 201 }),
  session: route<SessionDetail>()('get', '/api/sessions/:id', 'staff', 'One session with its agenda, documents, motions and votes.'),
  sessionUpdate: route<Session>()('patch', '/api/sessions/:id', 'secretariat', 'Change a session.', SessionPatchSchema),
  agendaAdd: route<AgendaItem>()('post', '/api/sessions/:id/agenda', 'secretariat', 'Add an agenda item.', AgendaItemInputSchema, { status: 201 }),
  agendaOrder: route<AgendaItem[]>()('put', '/api/sessions/:id/agenda-order', 'secretariat', 'Reorder the agenda.', AgendaReorderSchema),
  agendaUpdate: route<AgendaItem>()('patch', '/api/agenda/:id', 'secretariat', 'Change an agenda item.', AgendaItemPatchSchema),
  agendaRemove: route<OkResponse>()('delete', '/api/agenda/:id', 'secretariat', 'Remove an agenda item.'),
  documentUpload: route<SessionDocument>()(
    'post',
    '/api/sessions/:id/documents',
    'secretariat',
    'Upload a PDF (the body) with its metadata in the query: title, docType, itemId, confidential, published, fileName.',
    undefined,
    { request: 'pdf', status: 201 },
  ),
  documentUpdate: route<SessionDocument>()('patch', '/api/documents/:id', 'secretariat', 'Change a document’s metadata.', DocumentPatchSchema),
  documentRemove: route<OkResponse>()('delete', '/api/documents/:id', 'secretariat', 'Remove a document.'),
  documentFile: route<Uint8Array>()('get', '/api/documents/:id/file', 'staff-or-delegate', 'The PDF: to staff, to a seated delegate’s card, or to anyone once published in a public session.', undefined, { produces: 'pdf' }),
  motionCreate: route<Motion>()('post', '/api/sessions/:id/motions', 'secretariat', 'Prepare a motion.', MotionInputSchema, { status: 201 }),
  motionUpdate: route<Motion>()('put', '/api/motions/:id', 'secretariat', 'Change a prepared motion.', MotionInputSchema),
  motionRemove: route<OkResponse>()('delete', '/api/motions/:id', 'secretariat', 'Remove a prepared motion.'),
  resolutions: route<Resolution[]>()('get', '/api/resolutions', 'staff', 'The resolutions, newest first.'),
  resolutionText: route<Resolution>()('post', '/api/resolutions/:id/text', 'secretariat', 'Attach the resolution’s signed text (a document).', ResolutionTextSchema),
  displays: route<DisplayDevice[]>()('get', '/api/displays', 'staff', 'The paired hall displays and which are online.'),
  displayCreate: route<DisplayDevice>()('post', '/api/displays', 'hall', 'Pair a new display; the answer alone carries its link.', DisplayCreateSchema, { status: 201 }),
  displayRemove: route<OkResponse>()('delete', '/api/displays/:id', 'hall', 'Revoke a display; its screen is disconnected.'),
  staff: route<StaffAccount[]>()('get', '/api/staff', 'secretariat', 'The staff accounts.'),
  staffCreate: route<StaffAccount>()('post', '/api/staff', 'secretariat', 'Create a staff account.', StaffCreateSchema, { status: 201 }),
  staffPassword: route<OkResponse>()('post', '/api/staff/:username/password', 'secretariat', 'Reset a staff member’s password; their sessions end.', PasswordResetSchema),
} as const satisfies RouteSpecs;

/** A route's path with its parameters filled in (each encoded). */
export function routePath<P extends string>(path: P, params: PathParams<P>): string {
  return path.replace(/:([A-Za-z_]\w*)/g, (_m, name: string) => encodeURIComponent((params as Record<string, string>)[name] ?? ''));
}
