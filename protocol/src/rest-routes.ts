// The REST routes of the hall server, described once: per route its method, path (express syntax, ':name' for
// a path parameter), who may call it, the zod schema its JSON body must pass, and (as a type only) what a
// successful answer carries. The server's routers register their handlers from these objects (a handler
// answering the wrong thing, or reading a body field the schema does not have, is a compile error), and the
// OpenAPI document and docs/api.md are generated from them. Like socket-events.ts, this file carries zod at
// run time: it is exported from '@hddt/protocol/schemas', and only as types from '@hddt/protocol'.

import { z } from 'zod';
import type { AgendaItem, CouncilConfig, Delegate, Motion, Resolution, Session, SessionDocument } from './model';
import type { DelegateCard, DelegateCardStatus, DisplayDevice, HallInfo, ImportReport, SessionDetail, StaffAccount, StaffIdentity } from './rest';
export type { PathParamNames, PathParams } from './rest';
import {
  AgendaItemInputSchema,
  AgendaItemPatchSchema,
  AgendaReorderSchema,
  CouncilPatchSchema,
  DelegateInputSchema,
  DelegatePatchSchema,
  DocumentPatchSchema,
  DocumentTypeSchema,
  HallLayoutSchema,
  IdSchema,
  MotionInputSchema,
  OwnRecipientsSchema,
  PasswordResetSchema,
  SessionInputSchema,
  SessionPatchSchema,
  StaffCreateSchema,
  StaffLoginSchema,
} from './schemas';
import type { Archive, ArchiveSearchResponse, BackupInfo, IntegrityReport, MinutesNotes, MinutesResponse, ResultsExport } from './records';
import type { FeedbackItem, FeedbackStatus, Guest, InvitationReport, MailSettingsView, MailTestReport, Recipients } from './portal';
import type { HallLayout } from './seat-map';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
/** Who may call a route: anyone; any signed-in staff member; the secretariat; the hall's staff (chair or
 * secretariat); staff, or a delegate's card (`Authorization: Bearer <card token>`), or anyone for a public file. */
export type RouteAuth = 'public' | 'staff' | 'secretariat' | 'hall' | 'staff-or-delegate';
/** The media type of a route's successful answer. */
export type RouteBodyKind = 'json' | 'csv' | 'pdf' | 'docx' | 'xlsx' | 'none';

/** A query parameter a route reads (the JSON body's fields are in its schema; a query has no schema of its own). */
export interface RouteQueryParam {
  readonly name: string;
  readonly required: boolean;
  readonly doc: string;
}

/** A request body that is not JSON: a CSV roster, a PDF file. */
export type RawRequestKind = 'csv' | 'pdf';

/** One REST route: `response` is never set (a type carrier), like an event's `ack` in socket-events.ts. */
export interface RouteSpec<
  M extends HttpMethod = HttpMethod,
  P extends string = string,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  R = unknown,
  Q extends RawRequestKind | undefined = RawRequestKind | undefined,
> {
  readonly method: M;
  readonly path: P;
  readonly auth: RouteAuth;
  /** The JSON body's schema; undefined: the route reads no JSON body (see `request`). */
  readonly body: B;
  /** The request's body when it is not JSON (a CSV roster, a PDF file). */
  readonly request?: Q;
  /** The query parameters it reads, if any. */
  readonly query?: readonly RouteQueryParam[];
  /** The answer's media type; JSON unless said otherwise. */
  readonly produces: RouteBodyKind;
  /** The status of a successful answer. */
  readonly status: 200 | 201;
  readonly response?: R;
  /** One line for docs/api.md and the OpenAPI document. */
  readonly doc: string;
}

interface RouteOptions<Q extends RawRequestKind | undefined> {
  request?: Q;
  query?: readonly RouteQueryParam[];
  produces?: RouteBodyKind;
  status?: 200 | 201;
}

/** `route<Response>()(method, path, auth, doc, body?, options?)`: the response type is written explicitly, the
 * path, body and raw request types are inferred. */
const route =
  <R>() =>
  <M extends HttpMethod, P extends string, B extends z.ZodType | undefined = undefined, Q extends RawRequestKind | undefined = undefined>(
    method: M,
    path: P,
    auth: RouteAuth,
    doc: string,
    body?: B,
    options: RouteOptions<Q> = {},
    // NoInfer: the `satisfies RouteSpecs` around the tables must not widen an omitted body or raw request to the
    // general RouteSpec's (a route without a body would then accept any).
  ): RouteSpec<M, P, NoInfer<B>, R, NoInfer<Q>> => ({
    method,
    path,
    auth,
    body: body as B,
    ...(options.request ? { request: options.request } : {}),
    ...(options.query ? { query: options.query } : {}),
    produces: options.produces ?? 'json',
    status: options.status ?? 200,
    doc,
  });

export type RouteSpecs = Record<string, RouteSpec>;
/** The body as the server's handler sees it (after the schema's defaults). */
export type RouteBodyOf<R> = R extends RouteSpec<HttpMethod, string, infer B, unknown> ? (B extends z.ZodType ? z.output<B> : undefined) : never;
/** The body as a client writes it (before the schema's defaults). */
export type RouteBodyInputOf<R> = R extends RouteSpec<HttpMethod, string, infer B, unknown> ? (B extends z.ZodType ? z.input<B> : undefined) : never;
/** The kind of a route's non-JSON request body ('csv', 'pdf'), undefined for a JSON body or none. */
export type RouteRawRequestOf<R> = R extends RouteSpec<HttpMethod, string, z.ZodType | undefined, unknown, infer Q> ? Q : never;
export type RouteResponseOf<R> = R extends RouteSpec<HttpMethod, string, z.ZodType | undefined, infer A> ? A : never;
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

/** The PUT body of the minutes' notes: absent fields keep their value; an empty item text removes it. */
export const MinutesNotesInputSchema = z.strictObject({
  number: z.string().trim().max(40).optional(),
  opening: z.string().max(20_000).optional(),
  closing: z.string().max(20_000).optional(),
  items: z.record(z.string().min(1).max(64), z.string().max(50_000)).optional(),
  /** "Nơi nhận" of these minutes; [] goes back to the council's list. */
  recipients: OwnRecipientsSchema.optional(),
});

/** An OpenAPI 3.1 document (served as JSON; its shape is OpenAPI's, not ours). */
export type OpenApiDocument = Record<string, unknown>;

/** The hall server's staff and setup REST API (server/src/transport/rest/). Paths are absolute. */
export const REST_ROUTES = {
  openapi: route<OpenApiDocument>()('get', '/api/openapi.json', 'public', 'This API as an OpenAPI 3.1 document, generated from the routes’ description.'),
  health: route<HealthResponse>()('get', '/api/health', 'public', 'Liveness: the event log’s sequence number and the council’s name.'),
  login: route<StaffIdentity>()('post', '/api/auth/login', 'public', 'Staff sign-in: sets the session cookie and returns the CSRF token.', StaffLoginSchema),
  logout: route<OkResponse>()('post', '/api/auth/logout', 'public', 'Ends the staff session (a live session needs the CSRF token) and its live sockets.'),
  me: route<StaffIdentity>()('get', '/api/auth/me', 'staff', 'The signed-in staff member and their CSRF token.'),
  hall: route<HallInfo>()('get', '/api/hall', 'staff', 'The addresses at which tablets reach this server, the hall’s Wi-Fi and the TLS fingerprint.'),
  council: route<CouncilConfig>()('get', '/api/council', 'staff', 'The council’s configuration.'),
  councilUpdate: route<CouncilConfig>()('patch', '/api/council', 'secretariat', 'Change the council’s configuration.', CouncilPatchSchema),
  hallLayout: route<HallLayoutView>()('get', '/api/hall-layout', 'staff', 'The seat map to draw now and whether the secretariat has laid the hall out.'),
  hallLayoutSet: route<HallLayoutView>()(
    'put',
    '/api/hall-layout',
    'secretariat',
    'A new seat map, checked against the roster seat by seat.',
    HallLayoutSchema,
  ),
  delegates: route<Delegate[]>()('get', '/api/delegates', 'staff', 'The roster in seat order.'),
  delegateCreate: route<Delegate>()('post', '/api/delegates', 'secretariat', 'Add a delegate.', DelegateInputSchema, { status: 201 }),
  delegateUpdate: route<Delegate>()('patch', '/api/delegates/:id', 'secretariat', 'Change a delegate.', DelegatePatchSchema),
  delegateVacate: route<Delegate>()(
    'post',
    '/api/delegates/:id/vacate',
    'secretariat',
    'Vacate a seat (the reason is recorded); the tablet is signed out.',
    DelegateVacateSchema,
  ),
  delegateReseat: route<Delegate>()('post', '/api/delegates/:id/reseat', 'secretariat', 'Seat a vacated delegate again.'),
  delegatesImport: route<ImportReport>()('post', '/api/delegates/import', 'secretariat', 'Import a roster from CSV (all rows or none).', undefined, {
    request: 'csv',
    status: 201,
  }),
  delegatesExport: route<string>()('get', '/api/delegates/export.csv', 'staff', 'The roster as CSV.', undefined, { produces: 'csv' }),
  cards: route<DelegateCardStatus[]>()('get', '/api/cards', 'secretariat', 'Who has a login card and since when (never the card’s link).'),
  cardsIssue: route<DelegateCard[]>()(
    'post',
    '/api/cards/issue',
    'secretariat',
    'Issue cards to every seated delegate or to those without one; the answer carries the links to print.',
    CardsIssueSchema,
  ),
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
    'Upload a PDF (the body) with its metadata in the query.',
    undefined,
    {
      request: 'pdf',
      status: 201,
      query: [
        { name: 'title', required: true, doc: 'The document’s title (1–500 characters).' },
        { name: 'docType', required: false, doc: `The kind of document: ${DocumentTypeSchema.options.join(', ')} (default: other).` },
        { name: 'itemId', required: false, doc: 'The agenda item it belongs to.' },
        { name: 'confidential', required: false, doc: '"true": confidential (mật), never published or e-mailed.' },
        { name: 'published', required: false, doc: '"true": readable by anyone once the session is public.' },
        { name: 'fileName', required: false, doc: 'The file’s name for downloads (at most 200 characters; default: the title).' },
      ],
    },
  ),
  documentUpdate: route<SessionDocument>()('patch', '/api/documents/:id', 'secretariat', 'Change a document’s metadata.', DocumentPatchSchema),
  documentRemove: route<OkResponse>()('delete', '/api/documents/:id', 'secretariat', 'Remove a document.'),
  documentFile: route<Uint8Array>()(
    'get',
    '/api/documents/:id/file',
    'staff-or-delegate',
    'The PDF: to staff, to a seated delegate’s card, or to anyone once published in a public session.',
    undefined,
    { produces: 'pdf' },
  ),
  motionCreate: route<Motion>()('post', '/api/sessions/:id/motions', 'secretariat', 'Prepare a motion.', MotionInputSchema, { status: 201 }),
  motionUpdate: route<Motion>()('put', '/api/motions/:id', 'secretariat', 'Change a prepared motion.', MotionInputSchema),
  motionRemove: route<OkResponse>()('delete', '/api/motions/:id', 'secretariat', 'Remove a prepared motion.'),
  resolutions: route<Resolution[]>()('get', '/api/resolutions', 'staff', 'The resolutions, newest first.'),
  resolutionText: route<Resolution>()(
    'post',
    '/api/resolutions/:id/text',
    'secretariat',
    'Attach the resolution’s signed text (a document).',
    ResolutionTextSchema,
  ),
  displays: route<DisplayDevice[]>()('get', '/api/displays', 'staff', 'The paired hall displays and which are online.'),
  displayCreate: route<DisplayDevice>()('post', '/api/displays', 'hall', 'Pair a new display; the answer alone carries its link.', DisplayCreateSchema, {
    status: 201,
  }),
  displayRemove: route<OkResponse>()('delete', '/api/displays/:id', 'hall', 'Revoke a display; its screen is disconnected.'),
  staff: route<StaffAccount[]>()('get', '/api/staff', 'secretariat', 'The staff accounts.'),
  staffCreate: route<StaffAccount>()('post', '/api/staff', 'secretariat', 'Create a staff account.', StaffCreateSchema, { status: 201 }),
  staffPassword: route<OkResponse>()(
    'post',
    '/api/staff/:username/password',
    'secretariat',
    'Reset a staff member’s password; their sessions end.',
    PasswordResetSchema,
  ),
} as const satisfies RouteSpecs;

const searchQuery = [{ name: 'q', required: true, doc: 'The words to find (1–200 characters; diacritics optional).' }] as const;

/**
 * The records the secretariat hands in after a session (server/src/transport/records-api.ts): the minutes, the
 * Kỷ yếu, the counting minutes of secret ballots, vote results in CSV, JSON and Excel, the integrity check, a
 * backup and the archive. Every answer carries the log head it was made from in the `X-Log-Head` header
 * ('<seq>:<sha-256>'; the JSON answers also in their body), so a copy can be checked against the log.
 */
export const RECORDS_ROUTES = {
  minutes: route<MinutesResponse>()(
    'get',
    '/api/sessions/:id/minutes',
    'staff',
    'A session’s minutes as data: the record read from the log and the secretariat’s notes.',
  ),
  minutesNotes: route<MinutesNotes>()(
    'put',
    '/api/sessions/:id/minutes/notes',
    'secretariat',
    'Save the minutes’ editable text (number, opening, closing, debate per agenda item, their own “Nơi nhận”).',
    MinutesNotesInputSchema,
  ),
  minutesDocx: route<Uint8Array>()(
    'get',
    '/api/sessions/:id/minutes.docx',
    'staff',
    'The minutes (Biên bản kỳ họp) as a Word document, laid out per Nghị định 30/2020/NĐ-CP.',
    undefined,
    { produces: 'docx' },
  ),
  minutesPdf: route<Uint8Array>()('get', '/api/sessions/:id/minutes.pdf', 'staff', 'The minutes as PDF.', undefined, { produces: 'pdf' }),
  kyYeuDocx: route<Uint8Array>()(
    'get',
    '/api/sessions/:id/ky-yeu.docx',
    'staff',
    'The printable Kỷ yếu of a session (cover, agenda, documents, resolutions with results, minutes) as Word.',
    undefined,
    { produces: 'docx' },
  ),
  kyYeuPdf: route<Uint8Array>()('get', '/api/sessions/:id/ky-yeu.pdf', 'staff', 'The Kỷ yếu as PDF.', undefined, { produces: 'pdf' }),
  countingMinutesDocx: route<Uint8Array>()(
    'get',
    '/api/rounds/:id/counting-minutes.docx',
    'staff',
    'The counting minutes (Biên bản kiểm phiếu) of a closed secret round as Word.',
    undefined,
    { produces: 'docx' },
  ),
  countingMinutesPdf: route<Uint8Array>()(
    'get',
    '/api/rounds/:id/counting-minutes.pdf',
    'staff',
    'The counting minutes of a closed secret round as PDF.',
    undefined,
    { produces: 'pdf' },
  ),
  roundResultsCsv: route<string>()('get', '/api/rounds/:id/results.csv', 'staff', 'One round’s result as CSV (UTF-8).', undefined, { produces: 'csv' }),
  roundResultsJson: route<ResultsExport>()('get', '/api/rounds/:id/results.json', 'staff', 'One round’s result as JSON.'),
  roundResultsXlsx: route<Uint8Array>()('get', '/api/rounds/:id/results.xlsx', 'staff', 'One round’s result as an Excel workbook.', undefined, {
    produces: 'xlsx',
  }),
  sessionResultsCsv: route<string>()(
    'get',
    '/api/sessions/:id/results.csv',
    'staff',
    'Every counted round of a session as CSV (practice votes excluded).',
    undefined,
    { produces: 'csv' },
  ),
  sessionResultsJson: route<ResultsExport>()('get', '/api/sessions/:id/results.json', 'staff', 'Every counted round of a session as JSON.'),
  sessionResultsXlsx: route<Uint8Array>()(
    'get',
    '/api/sessions/:id/results.xlsx',
    'staff',
    'Every counted round of a session as an Excel workbook.',
    undefined,
    { produces: 'xlsx' },
  ),
  termResultsCsv: route<string>()('get', '/api/results.csv', 'staff', 'Every counted round of the term as CSV.', undefined, { produces: 'csv' }),
  termResultsJson: route<ResultsExport>()('get', '/api/results.json', 'staff', 'Every counted round of the term as JSON.'),
  termResultsXlsx: route<Uint8Array>()('get', '/api/results.xlsx', 'staff', 'Every counted round of the term as an Excel workbook.', undefined, {
    produces: 'xlsx',
  }),
  integrity: route<IntegrityReport>()(
    'get',
    '/api/integrity',
    'staff',
    'Check the log’s hash chain, replay it against the stored state and recompute every result.',
  ),
  backup: route<BackupInfo>()('post', '/api/backup', 'secretariat', 'Take an online backup of the data directory.', undefined, { status: 201 }),
  archive: route<Archive>()('get', '/api/archive', 'staff', 'The archive (Kỷ yếu) of every session: documents, resolutions and results.'),
  archiveSearch: route<ArchiveSearchResponse>()('get', '/api/archive/search', 'staff', 'Search the archive.', undefined, { query: searchQuery }),
} as const satisfies RouteSpecs;

const mailAddress = z.string().trim().toLowerCase().max(254).pipe(z.email());
const mailSettingsFields = {
  host: z.string().trim().min(1).max(253),
  port: z.number().int().min(1).max(65535),
  secure: z.boolean(),
  user: z.string().trim().max(254).default(''),
  /** Omitted: keep the stored password. Empty string: no password. */
  password: z.string().max(500).optional(),
  from: z.string().trim().min(3).max(300),
};
/** PUT mailSettingsSet: the SMTP settings (the password omitted keeps the stored one). */
export const MailSettingsInputSchema = z.strictObject(mailSettingsFields);
/** POST mailTest: the settings being edited (not necessarily saved) and the address to send the test to. */
export const MailTestInputSchema = z.strictObject({ ...mailSettingsFields, to: mailAddress });
export const DelegateEmailSchema = z.strictObject({ email: mailAddress.nullable() });
export const GuestInputSchema = z.strictObject({ name: z.string().trim().min(1).max(150), email: mailAddress });
export const FEEDBACK_STATUSES = ['new', 'forwarded', 'answered'] as const satisfies readonly FeedbackStatus[];
/** PATCH feedbackUpdate: at least one field. */
export const FeedbackPatchSchema = z
  .strictObject({
    status: z.enum(FEEDBACK_STATUSES).optional(),
    answer: z.string().trim().max(8000).nullable().optional(),
    answerPublished: z.boolean().optional(),
  })
  .refine((p) => Object.keys(p).length > 0, { message: 'empty patch' });

/** The answer of delegateEmail: the address now on file (null: none). */
export interface DelegateEmailView {
  delegateId: string;
  email: string | null;
}

/**
 * The portal's back office in the hall server (server/src/transport/mail-api.ts): voter feedback, the SMTP
 * settings (the password is never returned), the recipients (delegates' addresses, guests; removing a guest
 * revokes her links) and the e-mailed session invitations.
 */
export const PORTAL_ROUTES = {
  feedback: route<FeedbackItem[]>()('get', '/api/feedback', 'staff', 'Voter feedback sent through the portal, newest first.', undefined, {
    query: [{ name: 'status', required: false, doc: `Only this status: ${FEEDBACK_STATUSES.join(', ')}.` }],
  }),
  feedbackUpdate: route<FeedbackItem>()(
    'patch',
    '/api/feedback/:id',
    'secretariat',
    'Change a feedback item’s status or answer, or publish the answer (the log records its SHA-256).',
    FeedbackPatchSchema,
  ),
  mailSettings: route<MailSettingsView>()('get', '/api/mail/settings', 'secretariat', 'The SMTP settings (never the password) and the base of e-mailed links.'),
  mailSettingsSet: route<MailSettingsView>()('put', '/api/mail/settings', 'secretariat', 'Save the SMTP settings.', MailSettingsInputSchema),
  mailTest: route<MailTestReport>()(
    'post',
    '/api/mail/test',
    'secretariat',
    'Send a test message with the settings being edited (an omitted password: the stored one).',
    MailTestInputSchema,
  ),
  mailRecipients: route<Recipients>()('get', '/api/mail/recipients', 'secretariat', 'The delegates with their addresses, and the invited guests.'),
  delegateEmail: route<DelegateEmailView>()('put', '/api/mail/delegates/:id', 'secretariat', 'Set or clear a delegate’s e-mail address.', DelegateEmailSchema),
  guestAdd: route<Guest>()('post', '/api/mail/guests', 'secretariat', 'Add a guest to invite.', GuestInputSchema, { status: 201 }),
  guestRemove: route<OkResponse>()('delete', '/api/mail/guests/:id', 'secretariat', 'Remove a guest; her personal links stop working (recorded in the log).'),
  invitations: route<InvitationReport[]>()(
    'get',
    '/api/sessions/:id/invitations',
    'staff',
    'Each recipient’s invitation to a session: delivery, reading and the personal link.',
  ),
  invitationsSend: route<InvitationReport[]>()(
    'post',
    '/api/sessions/:id/invitations',
    'secretariat',
    'E-mail the session’s invitation to every current recipient (each keeps one personal link).',
  ),
  invitationsRetry: route<InvitationReport[]>()(
    'post',
    '/api/sessions/:id/invitations/retry',
    'secretariat',
    'E-mail again the invitations whose delivery failed, to each recipient’s current address.',
  ),
} as const satisfies RouteSpecs;

/** Every described REST route, setup, records and the portal's back office, keyed by a unique name (the OpenAPI operationId). */
export const ALL_REST_ROUTES = { ...REST_ROUTES, ...RECORDS_ROUTES, ...PORTAL_ROUTES } as const satisfies RouteSpecs;

/** The name of a described route (setup, records or the portal's back office). */
export type RestRouteName = keyof typeof ALL_REST_ROUTES;
/** The path of a described route, for code that must not carry zod (the tablet): a path written there is checked
 * against the description (`const p: RestRoutePath<'documentFile'> = '/api/documents/:id/file'`). */
export type RestRoutePath<N extends RestRouteName> = (typeof ALL_REST_ROUTES)[N]['path'];
