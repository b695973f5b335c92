// The REST client of the console: staff cookie + CSRF header, JSON in and out, errors carried as ApiError
// with the server's vi/en message and its field-level problems. `call` is typed from protocol's one
// description of the routes (rest-routes.ts): a route's path parameters, its body and its answer.
import { CSRF_HEADER, isErrorCode, routePath } from '@hddt/protocol';
import type {
  ErrorCode,
  FieldError,
  ImportRowError,
  PathParamNames,
  PathParams,
  RestRouteName,
  RouteBodyInputOf,
  RouteRawRequestOf,
  RouteResponseOf,
  RouteSpec,
} from '@hddt/protocol';
import { ALL_REST_ROUTES, REST_ROUTES } from '@hddt/protocol/schemas';

const CSRF_KEY = 'hddt.chair.csrf';

export function getCsrf(): string | null {
  return sessionStorage.getItem(CSRF_KEY);
}
export function setCsrf(token: string | null): void {
  if (token) sessionStorage.setItem(CSRF_KEY, token);
  else sessionStorage.removeItem(CSRF_KEY);
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly messageVi: string;
  readonly messageEn: string;
  readonly fields: FieldError[];
  readonly rows: ImportRowError[];
  constructor(status: number, code: ErrorCode, messageVi: string, messageEn: string, fields: FieldError[] = [], rows: ImportRowError[] = []) {
    super(messageEn);
    this.status = status;
    this.code = code;
    this.messageVi = messageVi;
    this.messageEn = messageEn;
    this.fields = fields;
    this.rows = rows;
  }
}

let onUnauthenticated: (() => void) | null = null;
/** Called when the server says the staff session is gone (expired, signed out elsewhere): back to sign-in. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

interface RequestOptions {
  body?: unknown;
  /** Raw body (CSV text, PDF bytes) with its content type instead of JSON. */
  raw?: { data: BodyInit; contentType: string };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

async function toError(res: Response): Promise<ApiError> {
  const body: unknown = await res.json().catch(() => null);
  if (isRecord(body) && typeof body.code === 'string' && isErrorCode(body.code)) {
    const fields = Array.isArray(body.fields) ? (body.fields as FieldError[]) : [];
    const rows = Array.isArray(body.rows) ? (body.rows as ImportRowError[]) : [];
    return new ApiError(res.status, body.code, String(body.message ?? ''), String(body.messageEn ?? ''), fields, rows);
  }
  const code: ErrorCode =
    res.status === 401
      ? 'UNAUTHENTICATED'
      : res.status === 403
        ? 'FORBIDDEN'
        : res.status === 404
          ? 'NOT_FOUND'
          : res.status === 429
            ? 'RATE_LIMITED'
            : 'INTERNAL';
  return new ApiError(res.status, code, `Lỗi ${res.status}`, `Error ${res.status}`);
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function request(method: Method, path: string, opts: RequestOptions, unauthenticatedIsExpected: boolean): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: BodyInit | undefined;
  if (opts.raw) {
    headers['Content-Type'] = opts.raw.contentType;
    body = opts.raw.data;
  } else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  const csrf = getCsrf();
  if (method !== 'GET' && csrf) headers[CSRF_HEADER] = csrf;
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'INTERNAL', 'Không kết nối được máy chủ.', 'Cannot reach the server.');
  }
  if (!res.ok) {
    const error = await toError(res);
    if (error.code === 'UNAUTHENTICATED' && !unauthenticatedIsExpected) onUnauthenticated?.();
    throw error;
  }
  return res;
}

/** A JSON answer, or the text of another one (204: nothing). */
async function answerOf(res: Response): Promise<unknown> {
  if (res.status === 204) return undefined;
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('application/json')) return res.json();
  return res.text();
}

type Routes = typeof ALL_REST_ROUTES;
/** A route by its name in protocol's description, or the description itself. */
export type RouteRef = RestRouteName | RouteSpec;
type SpecOf<K extends RouteRef> = K extends RestRouteName ? Routes[K] : K;

/** The request body a route takes: its JSON body (as written, before the schema's defaults), CSV text, PDF bytes. */
type BodyOf<S> = RouteRawRequestOf<S> extends 'csv' ? string : RouteRawRequestOf<S> extends 'pdf' ? Blob : RouteBodyInputOf<S>;
type ParamsPart<S extends RouteSpec> = [PathParamNames<S['path']>] extends [never] ? { params?: undefined } : { params: PathParams<S['path']> };
type BodyPart<S extends RouteSpec> = [BodyOf<S>] extends [undefined] ? { body?: undefined } : { body: BodyOf<S> };
/** The query string's values (undefined: left out). */
export type QueryValues = Record<string, string | number | boolean | undefined>;
export type CallOptions<S extends RouteSpec> = ParamsPart<S> & BodyPart<S> & { query?: QueryValues };
/** The options are required when the route has path parameters or a body. */
type CallArgs<S extends RouteSpec> = object extends CallOptions<S> ? [options?: CallOptions<S>] : [options: CallOptions<S>];

const RAW_TYPES = { csv: 'text/csv; charset=utf-8', pdf: 'application/pdf' } as const;
/** Asking who is signed in, or signing in, is expected to be refused when nobody is: that is no session loss. */
const SIGN_IN_ROUTES: readonly RouteSpec[] = [REST_ROUTES.me, REST_ROUTES.login];

function specOf(ref: RouteRef): RouteSpec {
  return typeof ref === 'string' ? ALL_REST_ROUTES[ref] : ref;
}

function withQuery(path: string, query: QueryValues | undefined): string {
  if (!query) return path;
  const pairs = Object.entries(query).flatMap(([name, value]) =>
    value === undefined ? [] : [`${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`],
  );
  return pairs.length > 0 ? `${path}?${pairs.join('&')}` : path;
}

/**
 * Calls a route of protocol's description: `call('session', { params: { id } })`, `call('delegateCreate',
 * { body })`, `call('delegatesImport', { body: csvText })`. Its path parameters, body and answer are the
 * route's; a binary answer (PDF, Word, Excel) comes as bytes, a CSV one as text.
 */
export async function call<K extends RouteRef>(route: K, ...[options]: CallArgs<SpecOf<K>>): Promise<RouteResponseOf<SpecOf<K>>> {
  const spec = specOf(route);
  const opts = (options ?? {}) as { params?: Record<string, string>; body?: unknown; query?: QueryValues };
  const path = withQuery(routePath(spec.path, opts.params ?? {}), opts.query);
  const method = spec.method.toUpperCase() as Method;
  const sent: RequestOptions = spec.request
    ? { raw: { data: opts.body as BodyInit, contentType: RAW_TYPES[spec.request] } }
    : // A POST without a body of its own still sends an empty JSON object, as the server's JSON routes expect.
      { body: opts.body ?? (method === 'POST' ? {} : undefined) };
  const res = await request(method, path, sent, SIGN_IN_ROUTES.includes(spec));
  if (spec.produces === 'pdf' || spec.produces === 'docx' || spec.produces === 'xlsx') {
    return new Uint8Array(await res.arrayBuffer()) as RouteResponseOf<SpecOf<K>>;
  }
  return (await answerOf(res)) as RouteResponseOf<SpecOf<K>>;
}

/**
 * The portal's staff routes (editorial board, mail, voter feedback), not yet in protocol's description: the
 * caller names the answer's type.
 */
export const api = {
  get: <T>(path: string) => request('GET', path, {}, false).then(answerOf) as Promise<T>,
  post: <T>(path: string, body?: unknown) => request('POST', path, { body: body ?? {} }, false).then(answerOf) as Promise<T>,
  patch: <T>(path: string, body: unknown) => request('PATCH', path, { body }, false).then(answerOf) as Promise<T>,
  put: <T>(path: string, body: unknown) => request('PUT', path, { body }, false).then(answerOf) as Promise<T>,
  del: <T>(path: string) => request('DELETE', path, {}, false).then(answerOf) as Promise<T>,
  raw: <T>(path: string, data: BodyInit, contentType: string) => request('POST', path, { raw: { data, contentType } }, false).then(answerOf) as Promise<T>,
};
