// The tables behind e-mail distribution: SMTP settings, delegates' addresses, invited guests, and one
// personal invitation per recipient per session with its delivery and reading trail.

import type { Guest, InvitationStatus, MailFailureCause, MailSettingsView, RecipientKind } from '@hddt/protocol';
import type { z } from 'zod';
import type { MailSettingsInputSchema } from '@hddt/protocol/schemas';
import type { Db } from '../storage/database';
import type { MailFailure } from './mail-errors';

export type { Guest, InvitationStatus, MailSettingsView, RecipientKind };

export interface MailSettings {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password: string;
  from: string;
}

export type MailSettingsInput = z.output<typeof MailSettingsInputSchema>;

export interface Invitation {
  token: string;
  sessionId: string;
  recipientKind: RecipientKind;
  recipientId: string;
  name: string;
  email: string;
  status: InvitationStatus;
  error: string | null;
  errorCause: MailFailureCause | null;
  failedAt: string | null;
  revokedAt: string | null;
  sentAt: string | null;
  openedAt: string | null;
}

interface InvitationRow {
  token: string;
  session_id: string;
  recipient_kind: RecipientKind;
  recipient_id: string;
  name: string;
  email: string;
  status: InvitationStatus;
  error: string | null;
  error_cause: MailFailureCause | null;
  failed_at: string | null;
  revoked_at: string | null;
  sent_at: string | null;
  opened_at: string | null;
}

const toInvitation = (r: InvitationRow): Invitation => ({
  token: r.token,
  sessionId: r.session_id,
  recipientKind: r.recipient_kind,
  recipientId: r.recipient_id,
  name: r.name,
  email: r.email,
  status: r.status,
  error: r.error,
  errorCause: r.error_cause,
  failedAt: r.failed_at,
  revokedAt: r.revoked_at,
  sentAt: r.sent_at,
  openedAt: r.opened_at,
});

export class MailStore {
  constructor(private readonly db: Db) {}

  settings(): MailSettings | null {
    const r = this.db.prepare('SELECT * FROM mail_settings WHERE id = 1').get() as
      { host: string; port: number; secure: number; username: string; password: string; from_addr: string } | undefined;
    return r ? { host: r.host, port: r.port, secure: r.secure === 1, user: r.username, password: r.password, from: r.from_addr } : null;
  }

  /** The stored settings without the password (the link base is added by the API, from the server's options). */
  settingsView(): Omit<MailSettingsView, 'linkBase' | 'linkBaseLocal'> {
    const s = this.settings();
    if (!s) return { configured: false, host: '', port: 587, secure: false, user: '', from: '', passwordSet: false };
    return { configured: true, host: s.host, port: s.port, secure: s.secure, user: s.user, from: s.from, passwordSet: s.password.length > 0 };
  }

  saveSettings(input: MailSettingsInput): void {
    const password = input.password ?? this.settings()?.password ?? '';
    this.db
      .prepare(
        `INSERT INTO mail_settings (id, host, port, secure, username, password, from_addr) VALUES (1, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET host = excluded.host, port = excluded.port, secure = excluded.secure,
           username = excluded.username, password = excluded.password, from_addr = excluded.from_addr`,
      )
      .run(input.host, input.port, input.secure ? 1 : 0, input.user, password, input.from);
  }

  delegateEmails(): Map<string, string> {
    const rows = this.db.prepare('SELECT delegate_id, email FROM delegate_emails').all() as { delegate_id: string; email: string }[];
    return new Map(rows.map((r) => [r.delegate_id, r.email]));
  }

  setDelegateEmail(delegateId: string, address: string | null): void {
    if (address === null) this.db.prepare('DELETE FROM delegate_emails WHERE delegate_id = ?').run(delegateId);
    else
      this.db
        .prepare('INSERT INTO delegate_emails (delegate_id, email) VALUES (?, ?) ON CONFLICT (delegate_id) DO UPDATE SET email = excluded.email')
        .run(delegateId, address);
  }

  guests(): Guest[] {
    const rows = this.db.prepare('SELECT * FROM mail_guests ORDER BY created_at, name').all() as {
      id: string;
      name: string;
      email: string;
      created_at: string;
    }[];
    return rows.map((r) => ({ id: r.id, name: r.name, email: r.email, createdAt: r.created_at }));
  }

  addGuest(id: string, name: string, address: string, at: string): Guest {
    this.db.prepare('INSERT INTO mail_guests (id, name, email, created_at) VALUES (?, ?, ?, ?)').run(id, name, address, at);
    return { id, name, email: address, createdAt: at };
  }

  guest(id: string): Guest | null {
    return this.guests().find((g) => g.id === id) ?? null;
  }

  /** How many of the recipient's personal links still open something. */
  liveLinks(kind: RecipientKind, recipientId: string): number {
    const row = this.db
      .prepare('SELECT COUNT(*) AS n FROM invitations WHERE recipient_kind = ? AND recipient_id = ? AND revoked_at IS NULL')
      .get(kind, recipientId) as { n: number };
    return row.n;
  }

  /** Removes the guest and revokes her personal links in the same transaction: they open nothing from now on. */
  removeGuest(id: string, at: string): boolean {
    return this.db.transaction(() => {
      if (this.db.prepare('DELETE FROM mail_guests WHERE id = ?').run(id).changes === 0) return false;
      this.db.prepare(`UPDATE invitations SET revoked_at = ? WHERE recipient_kind = 'guest' AND recipient_id = ? AND revoked_at IS NULL`).run(at, id);
      return true;
    })();
  }

  invitations(sessionId: string): Invitation[] {
    const rows = this.db.prepare('SELECT * FROM invitations WHERE session_id = ? ORDER BY recipient_kind, name').all(sessionId) as InvitationRow[];
    return rows.map(toInvitation);
  }

  invitation(token: string): Invitation | null {
    const row = this.db.prepare('SELECT * FROM invitations WHERE token = ?').get(token) as InvitationRow | undefined;
    return row ? toInvitation(row) : null;
  }

  /** The recipient's invitation for the session, created (with a fresh token) when missing; name and address refreshed. */
  ensureInvitation(sessionId: string, kind: RecipientKind, recipientId: string, name: string, address: string, newToken: () => string): Invitation {
    const existing = this.db
      .prepare('SELECT * FROM invitations WHERE session_id = ? AND recipient_kind = ? AND recipient_id = ?')
      .get(sessionId, kind, recipientId) as InvitationRow | undefined;
    if (existing) {
      this.db.prepare('UPDATE invitations SET name = ?, email = ? WHERE token = ?').run(name, address, existing.token);
      return { ...toInvitation(existing), name, email: address };
    }
    const token = newToken();
    this.db
      .prepare(`INSERT INTO invitations (token, session_id, recipient_kind, recipient_id, name, email, status) VALUES (?, ?, ?, ?, ?, ?, 'pending')`)
      .run(token, sessionId, kind, recipientId, name, address);
    return this.invitation(token)!;
  }

  /** The recipient's current name and address, written before each attempt so the row shows where it went. */
  readdress(token: string, name: string, address: string): void {
    this.db.prepare('UPDATE invitations SET name = ?, email = ? WHERE token = ?').run(name, address, token);
  }

  markSent(token: string, at: string): void {
    this.db.prepare(`UPDATE invitations SET status = 'sent', error = NULL, error_cause = NULL, failed_at = NULL, sent_at = ? WHERE token = ?`).run(at, token);
  }

  markFailed(token: string, failure: MailFailure, at: string): void {
    this.db
      .prepare(`UPDATE invitations SET status = 'failed', error = ?, error_cause = ?, failed_at = ? WHERE token = ?`)
      .run(failure.detail.slice(0, 500), failure.cause, at, token);
  }

  markOpened(token: string, at: string): void {
    this.db.prepare('UPDATE invitations SET opened_at = COALESCE(opened_at, ?) WHERE token = ?').run(at, token);
  }

  markDocumentOpened(token: string, documentId: string, at: string): void {
    this.db.prepare('INSERT OR IGNORE INTO invitation_document_opens (token, document_id, opened_at) VALUES (?, ?, ?)').run(token, documentId, at);
  }

  documentOpens(sessionId: string): Map<string, { documentId: string; openedAt: string }[]> {
    const rows = this.db
      .prepare(
        `SELECT o.token, o.document_id, o.opened_at FROM invitation_document_opens o JOIN invitations i ON i.token = o.token
         WHERE i.session_id = ? ORDER BY o.opened_at`,
      )
      .all(sessionId) as { token: string; document_id: string; opened_at: string }[];
    const out = new Map<string, { documentId: string; openedAt: string }[]>();
    for (const r of rows) {
      const list = out.get(r.token) ?? [];
      list.push({ documentId: r.document_id, openedAt: r.opened_at });
      out.set(r.token, list);
    }
    return out;
  }
}
