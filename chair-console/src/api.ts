// The REST client of the console: staff cookie + CSRF header, JSON in and out, errors carried as ApiError
// with the server's vi/en message and its field-level problems.
import { API, CSRF_HEADER, isErrorCode } from '@hddt/protocol';
import type { ErrorCode, FieldError, ImportRowError } from '@hddt/protocol';

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

export async function request<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, opts: RequestOptions = {}): Promise<T> {
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
    if (error.code === 'UNAUTHENTICATED' && path !== API.me && path !== API.login) onUnauthenticated?.();
    throw error;
  }
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('application/json')) return (await res.json()) as T;
  return (await res.text()) as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  del: <T>(path: string) => request<T>('DELETE', path),
  raw: <T>(path: string, data: BodyInit, contentType: string) => request<T>('POST', path, { raw: { data, contentType } }),
};
