// Session invitations by e-mail: each recipient gets a personal link (/moi/<token>) to the session's page
// with its agenda and tracked document links. Documents are never attached; confidential ones are never
// linked, and their titles are shown to delegates only; a guest sees only the documents published for the
// public. One failed address does not stop the others; a retry sends only to the failed ones, at the
// recipients' current addresses, and never to a removed guest (her link is revoked).

import type { InvitationReport, MailTestReport, Session, SessionDocument } from '@hddt/protocol';
import { formatDateVi } from '@hddt/protocol';
import nodemailer from 'nodemailer';
import type { CouncilState } from '../domain/types';
import { html } from '../portal/html';
import { councilName, sessionHeading } from '../portal/pages';
import { sessionAgenda } from '../portal/public-data';
import { classifyMailError, isServerWide, type MailFailure } from './mail-errors';
import type { Invitation, MailSettings, MailStore, RecipientKind } from './mail-store';

export type { InvitationReport };

/**
 * The session's documents as an invitation shows them to this kind of recipient. A delegate: every document,
 * confidential ones listed by title and never linked. A guest: only documents published for the public
 * (published and not confidential); drafts and confidential titles do not exist for her.
 */
export function invitationDocuments(state: CouncilState, sessionId: string, kind: RecipientKind): { doc: SessionDocument; linkable: boolean }[] {
  return Object.values(state.documents)
    .filter((d) => d.sessionId === sessionId && (kind === 'delegate' || (d.published && !d.confidential)))
    .sort((a, b) => a.uploadedAt.localeCompare(b.uploadedAt) || a.title.localeCompare(b.title, 'vi'))
    .map((doc) => ({ doc, linkable: !doc.confidential }));
}

/**
 * When the session opens, as an invitation says it: "lúc 08:00, ngày 05/12/2026" (the time is on the council's
 * clock, as entered); several days: "lúc 08:00, ngày 05/12/2026 (đến hết ngày 07/12/2026)"; without a time:
 * "ngày 05/12/2026", "từ ngày 05/12/2026 đến ngày 07/12/2026".
 */
export function sessionWhenVi(session: Session): string {
  const start = formatDateVi(session.startDate);
  const end = formatDateVi(session.endDate);
  const several = session.startDate !== session.endDate;
  if (session.startTime) return `lúc ${session.startTime}, ngày ${start}${several ? ` (đến hết ngày ${end})` : ''}`;
  return several ? `từ ngày ${start} đến ngày ${end}` : `ngày ${start}`;
}

export interface Recipient {
  kind: RecipientKind;
  id: string;
  name: string;
  email: string;
}

export function recipients(state: CouncilState, store: MailStore): Recipient[] {
  const emails = store.delegateEmails();
  const delegates = Object.values(state.delegates)
    .filter((d) => d.seated && emails.has(d.id))
    .sort((a, b) => a.seat - b.seat)
    .map((d): Recipient => ({ kind: 'delegate', id: d.id, name: d.fullName, email: emails.get(d.id)! }));
  const guests = store.guests().map((g): Recipient => ({ kind: 'guest', id: g.id, name: g.name, email: g.email }));
  return [...delegates, ...guests];
}

export function invitationReports(state: CouncilState, store: MailStore, sessionId: string, baseUrl: string): InvitationReport[] {
  const opens = store.documentOpens(sessionId);
  return store.invitations(sessionId).map((i) => ({
    recipientKind: i.recipientKind,
    recipientId: i.recipientId,
    name: i.name,
    email: i.email,
    status: i.status,
    error: i.error,
    // Rows that failed before causes were stored carry only the raw text: judge it now.
    errorCause: i.errorCause ?? (i.status === 'failed' && i.error ? classifyMailError({ message: i.error }).cause : null),
    failedAt: i.failedAt,
    revokedAt: i.revokedAt,
    sentAt: i.sentAt,
    openedAt: i.openedAt,
    documentsOpened: (opens.get(i.token) ?? []).map((o) => ({
      documentId: o.documentId,
      title: state.documents[o.documentId]?.title ?? o.documentId,
      openedAt: o.openedAt,
    })),
    url: `${baseUrl}/moi/${i.token}`,
  }));
}

function message(state: CouncilState, session: Session, invitation: Invitation, link: string) {
  const council = councilName(state, 'vi');
  const heading = sessionHeading(session, 'vi');
  const when = sessionWhenVi(session);
  const agenda = sessionAgenda(state, session.id);
  const docs = invitationDocuments(state, session.id, invitation.recipientKind);
  const secret = docs.filter((d) => !d.linkable).length;
  const text = [
    `Kính gửi: ${invitation.name}`,
    '',
    `${council} trân trọng kính mời dự ${heading}.`,
    `Thời gian: ${when}`,
    `Địa điểm: ${session.place}`,
    '',
    'Chương trình kỳ họp:',
    ...agenda.map((a, i) => `${i + 1}. ${a.title}`),
    '',
    'Chương trình và tài liệu kỳ họp (đường dẫn riêng của Quý vị, xin không chuyển cho người khác):',
    link,
    ...(secret > 0 ? ['', `${secret} tài liệu mật không gửi qua thư điện tử — xem tại hội trường.`] : []),
    '',
    `Văn phòng ${council}`,
  ].join('\n');
  const body = html`<p>Kính gửi: <strong>${invitation.name}</strong></p>
<p>${council} trân trọng kính mời dự <strong>${heading}</strong>.</p>
<p>Thời gian: ${when}<br>Địa điểm: ${session.place}</p>
<p>Chương trình kỳ họp:</p><ol>${agenda.map((a) => html`<li>${a.title}</li>`)}</ol>
<p><a href="${link}">Xem chương trình và tài liệu kỳ họp</a> (đường dẫn riêng của Quý vị, xin không chuyển cho người khác).</p>
${secret > 0 ? html`<p>${secret} tài liệu mật không gửi qua thư điện tử — xem tại hội trường.</p>` : ''}
<p>Văn phòng ${council}</p>`;
  return { subject: `Giấy mời: ${heading}`, text, html: `<!doctype html><html lang="vi"><body>${body.value}</body></html>` };
}

export interface SendContext {
  state: CouncilState;
  store: MailStore;
  settings: MailSettings;
  baseUrl: string;
  nowIso: () => string;
  newToken: () => string;
}

/** Connection limits: a dead or mistyped server fails within seconds, not minutes. */
export interface MailTimeouts {
  connectionTimeout: number;
  greetingTimeout: number;
  socketTimeout: number;
}
export const MAIL_TIMEOUTS: MailTimeouts = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

function createTransport(settings: MailSettings, timeouts: MailTimeouts, pool: boolean) {
  return nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: settings.user ? { user: settings.user, pass: settings.password } : undefined,
    ...(pool ? { pool: true, maxConnections: 1 } : {}),
    ...timeouts,
  });
}

/**
 * Sends to every recipient ('all') or again to those whose last attempt failed ('failed'); answers how many
 * went out and how many failed. A retry writes each row's current name and address first (a corrected address
 * is used), and leaves out rows whose recipient is gone (a removed guest, a delegate without an address now).
 */
export async function sendInvitations(
  ctx: SendContext,
  session: Session,
  mode: 'all' | 'failed',
  timeouts: MailTimeouts = MAIL_TIMEOUTS,
): Promise<{ sent: number; failed: number }> {
  const { store, settings } = ctx;
  const current = recipients(ctx.state, store);
  let targets: Invitation[];
  if (mode === 'all') {
    targets = current.map((r) => store.ensureInvitation(session.id, r.kind, r.id, r.name, r.email, ctx.newToken));
  } else {
    const byKey = new Map(current.map((r) => [`${r.kind}:${r.id}`, r]));
    targets = [];
    for (const i of store.invitations(session.id)) {
      if (i.status !== 'failed' || i.revokedAt) continue;
      const now = byKey.get(`${i.recipientKind}:${i.recipientId}`);
      if (!now) continue;
      store.readdress(i.token, now.name, now.email);
      targets.push({ ...i, name: now.name, email: now.email });
    }
  }
  if (targets.length === 0) return { sent: 0, failed: 0 };
  let sent = 0;
  const transport = createTransport(settings, timeouts, true);
  try {
    for (const [index, invitation] of targets.entries()) {
      const link = `${ctx.baseUrl}/moi/${invitation.token}`;
      const m = message(ctx.state, session, invitation, link);
      try {
        await transport.sendMail({ from: settings.from, to: { name: invitation.name, address: invitation.email }, ...m });
        store.markSent(invitation.token, ctx.nowIso());
        sent += 1;
      } catch (error) {
        const failure: MailFailure = classifyMailError(error);
        const at = ctx.nowIso();
        store.markFailed(invitation.token, failure, at);
        // The server itself is unreachable or refuses us: every remaining message would wait for the same
        // timeout, so they are all reported failed with this error at once (a retry sends them).
        if (isServerWide(failure.cause)) {
          for (const rest of targets.slice(index + 1)) store.markFailed(rest.token, failure, at);
          break;
        }
      }
    }
  } finally {
    transport.close();
  }
  return { sent, failed: targets.length - sent };
}

/**
 * "Gửi thư thử": connects with the given settings, signs in, and sends one short message to `to`, so a
 * secretariat learns what is wrong with the settings before the real invitations go out.
 */
export async function sendTestMail(state: CouncilState, settings: MailSettings, to: string, timeouts: MailTimeouts = MAIL_TIMEOUTS): Promise<MailTestReport> {
  const transport = createTransport(settings, timeouts, false);
  const council = councilName(state, 'vi');
  try {
    await transport.sendMail({
      from: settings.from,
      to,
      subject: `Thư thử từ hệ thống Hội đồng điện tử — ${council}`,
      text: [
        `Đây là thư thử do Văn phòng ${council} gửi để kiểm tra cấu hình máy chủ thư (SMTP).`,
        'Nếu Quý vị nhận được thư này, giấy mời kỳ họp sẽ được gửi đi bằng cùng cấu hình.',
        '',
        'This is a test message sent to check the mail server (SMTP) settings; invitations will go out the same way.',
      ].join('\n'),
    });
    return { delivered: true, to };
  } catch (error) {
    const failure = classifyMailError(error);
    return { delivered: false, to, cause: failure.cause, detail: failure.detail };
  } finally {
    transport.close();
  }
}
