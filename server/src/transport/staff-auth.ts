// Staff authentication shared by REST and the /chair namespace: session cookie, CSRF header, origin check
// and the login rate limit.

import type { ConnectErrorData, ErrorCode, StaffRole } from '@hddt/protocol';
import { ERRORS, STAFF_COOKIE } from '@hddt/protocol';
import type { StaffSocketData } from './live-hub';
import type { Services } from './services';

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    const key = part.slice(0, index).trim();
    const value = part.slice(index + 1).trim();
    try {
      out[key] = decodeURIComponent(value);
    } catch {
      out[key] = value;
    }
  }
  return out;
}

export interface StaffPrincipal {
  username: string;
  displayName: string;
  role: StaffRole;
  csrfToken: string;
  /** The hash of the session cookie (the key the session is stored under). */
  sessionKey: string;
}

/** Roles that work in the hall (sessions, votes, displays). The portal's editor and board-head do not. */
export function isHallRole(role: StaffRole): boolean {
  return role === 'secretariat' || role === 'chair';
}

export function staffFromCookie(services: Services, cookies: Record<string, string>): StaffPrincipal | null {
  const token = cookies[STAFF_COOKIE];
  if (!token) return null;
  const session = services.creds.session(token, services.nowMs());
  if (!session) return null;
  const staff = services.creds.staff(session.username);
  if (!staff) return null;
  return { username: staff.username, displayName: staff.display_name, role: staff.role, csrfToken: session.csrfToken, sessionKey: session.key };
}

/** Ends live /chair sockets at once: those of one sign-in session (logout), or all of an account (password reset). */
export function disconnectStaffSockets(services: Services, match: { sessionKey: string } | { username: string }): number {
  let count = 0;
  for (const socket of services.hub.chair?.sockets.values() ?? []) {
    const data = socket.data as StaffSocketData | undefined;
    if (!data) continue;
    const hit = 'sessionKey' in match ? data.sessionKey === match.sessionKey : data.username === match.username;
    if (!hit) continue;
    socket.disconnect(true);
    count += 1;
  }
  return count;
}

/** Browsers send Origin on WebSocket and cross-site requests; it must name this server. */
export function originAllowed(origin: string | undefined, host: string | undefined): boolean {
  if (!origin) return true; // Non-browser clients (tests, tools) send none; cookies still gate access.
  if (!host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export function connectError(code: ErrorCode): Error & { data: ConnectErrorData } {
  const [message, messageEn] = ERRORS[code];
  const error = new Error(code) as Error & { data: ConnectErrorData };
  error.data = { code, message, messageEn };
  return error;
}

/**
 * Sliding-window failure counter for staff login, per source address only: a per-user-name key let anyone
 * lock the admin out from anywhere by guessing five times (a denial of service, renewable forever).
 */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures = 5,
    private readonly windowMs = 5 * 60_000,
  ) {}

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    this.failures.set(key, list);
    return list;
  }

  blocked(keys: string[], now: number): boolean {
    return keys.some((key) => this.recent(key, now).length >= this.maxFailures);
  }

  fail(keys: string[], now: number): void {
    for (const key of keys) this.recent(key, now).push(now);
    if (this.failures.size > 50_000) this.failures.clear();
  }

  succeed(keys: string[]): void {
    for (const key of keys) this.failures.delete(key);
  }
}
