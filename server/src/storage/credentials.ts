// Credentials: delegate card tokens, display tokens, staff accounts and their sign-in sessions. Secrets are
// not part of the replayable state; the log records only that a credential was issued (with a fingerprint).

import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { StaffRole } from '@hddt/protocol';
import type { Db } from './database';

export function newToken(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}

export function fingerprint(token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 16);
}

const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 } as const;

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFC'), salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export function verifyPassword(password: string, stored: string): boolean {
  const [scheme, n, r, p, saltB64, keyB64] = stored.split('$');
  if (scheme !== 'scrypt' || !saltB64 || !keyB64) return false;
  const expected = Buffer.from(keyB64, 'base64');
  const actual = scryptSync(password.normalize('NFC'), Buffer.from(saltB64, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export interface StaffRow {
  username: string;
  display_name: string;
  role: StaffRole;
  password_hash: string;
}

export interface DisplayRow {
  id: string;
  name: string;
  created_at: string;
  revoked_at: string | null;
}

const SESSION_HOURS = 24;

export class Credentials {
  private readonly q;

  constructor(db: Db) {
    const p = (sql: string) => db.prepare(sql);
    this.q = {
      issuedAt: p('SELECT delegate_id, issued_at FROM delegate_tokens'),
      delegateOfToken: p('SELECT delegate_id FROM delegate_tokens WHERE token_sha256 = ?'),
      setToken: p(
        `INSERT INTO delegate_tokens (delegate_id, token_sha256, issued_at) VALUES (?, ?, ?)
         ON CONFLICT(delegate_id) DO UPDATE SET token_sha256 = excluded.token_sha256, issued_at = excluded.issued_at`,
      ),
      staff: p('SELECT username, display_name, role, password_hash FROM staff WHERE username = ?'),
      allStaff: p('SELECT username, display_name, role, password_hash FROM staff ORDER BY username'),
      insertStaff: p('INSERT INTO staff (username, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)'),
      setPassword: p('UPDATE staff SET password_hash = ? WHERE username = ?'),
      insertSession: p('INSERT INTO staff_sessions (token, username, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)'),
      session: p('SELECT username, csrf_token, expires_at FROM staff_sessions WHERE token = ?'),
      deleteSession: p('DELETE FROM staff_sessions WHERE token = ?'),
      deleteSessionsOf: p('DELETE FROM staff_sessions WHERE username = ?'),
      purgeSessions: p('DELETE FROM staff_sessions WHERE expires_at < ?'),
      insertDisplay: p('INSERT INTO display_devices (id, name, token_sha256, created_at) VALUES (?, ?, ?, ?)'),
      displayOfToken: p('SELECT id, name, created_at, revoked_at FROM display_devices WHERE token_sha256 = ? AND revoked_at IS NULL'),
      displays: p('SELECT id, name, created_at, revoked_at FROM display_devices WHERE revoked_at IS NULL ORDER BY created_at'),
      revokeDisplay: p('UPDATE display_devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
    };
  }

  /** When each delegate's current card was issued (the card itself cannot be read back: only its hash is kept). */
  cardsIssuedAt(): Map<string, string> {
    const rows = this.q.issuedAt.all() as { delegate_id: string; issued_at: string }[];
    return new Map(rows.map((r) => [r.delegate_id, r.issued_at]));
  }

  delegateIdForToken(token: string): string | null {
    return (this.q.delegateOfToken.get(sha256(token)) as { delegate_id: string } | undefined)?.delegate_id ?? null;
  }

  /** Stores (the hash of) a new card token for the delegate; the previous one stops working at once. */
  setDelegateToken(delegateId: string, token: string, at: string): void {
    this.q.setToken.run(delegateId, sha256(token), at);
  }

  staff(username: string): StaffRow | null {
    return (this.q.staff.get(username) as StaffRow | undefined) ?? null;
  }

  allStaff(): StaffRow[] {
    return this.q.allStaff.all() as StaffRow[];
  }

  insertStaff(username: string, displayName: string, role: StaffRole, passwordHash: string, at: string): void {
    this.q.insertStaff.run(username, displayName, role, passwordHash, at);
  }

  setPassword(username: string, passwordHash: string): void {
    this.q.setPassword.run(passwordHash, username);
    this.q.deleteSessionsOf.run(username);
  }

  /** Creates a sign-in session; returns the cookie value and the CSRF token. Only a hash is stored. */
  createSession(username: string, nowMs: number): { token: string; csrfToken: string } {
    const token = newToken(32);
    const csrfToken = newToken(24);
    this.q.purgeSessions.run(new Date(nowMs).toISOString());
    this.q.insertSession.run(sha256(token), username, csrfToken, new Date(nowMs).toISOString(), new Date(nowMs + SESSION_HOURS * 3600_000).toISOString());
    return { token, csrfToken };
  }

  session(token: string, nowMs: number): { username: string; csrfToken: string; key: string } | null {
    const key = sha256(token);
    const row = this.q.session.get(key) as { username: string; csrf_token: string; expires_at: string } | undefined;
    if (!row || row.expires_at < new Date(nowMs).toISOString()) return null;
    return { username: row.username, csrfToken: row.csrf_token, key };
  }

  deleteSession(token: string): void {
    this.q.deleteSession.run(sha256(token));
  }

  insertDisplay(id: string, name: string, token: string, at: string): void {
    this.q.insertDisplay.run(id, name, sha256(token), at);
  }

  displayForToken(token: string): DisplayRow | null {
    return (this.q.displayOfToken.get(sha256(token)) as DisplayRow | undefined) ?? null;
  }

  displays(): DisplayRow[] {
    return this.q.displays.all() as DisplayRow[];
  }

  revokeDisplay(id: string, at: string): boolean {
    return this.q.revokeDisplay.run(at, id).changes > 0;
  }
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
