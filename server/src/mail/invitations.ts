// Session invitations by e-mail: each recipient gets a personal link (/moi/<token>) to the session's page
// with its agenda and tracked document links. Documents are never attached; confidential ones are never
// linked. One failed address does not stop the others; a retry sends only to the failed ones.

import type { InvitationReport, Session, SessionDocument } from '@hddt/protocol';
import { formatDateVi } from '@hddt/protocol';
import nodemailer from 'nodemailer';
import type { CouncilState } from '../domain/types';
import { html } from '../portal/html';
import { councilName, sessionHeading } from '../portal/pages';
import { sessionAgenda } from '../portal/public-data';
import type { Invitation, MailSettings, MailStore, RecipientKind } from './mail-store';

export type { InvitationReport };

/** The session's documents as an invitation shows them: confidential ones are listed, never linked. */
export function invitationDocuments(state: CouncilState, sessionId: string): { doc: SessionDocument; linkable: boolean }[] {
  return Object.values(state.documents)
    .filter((d) => d.sessionId === sessionId)
    .sort((a, b) => a.uploadedAt.localeCompare(b.uploadedAt) || a.title.localeCompare(b.title, 'vi'))
    .map((doc) => ({ doc, linkable: !doc.confidential }));
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
  const when =
    session.startDate === session.endDate ? formatDateVi(session.startDate) : `${formatDateVi(session.startDate)} – ${formatDateVi(session.endDate)}`;
  const agenda = sessionAgenda(state, session.id);
  const docs = invitationDocuments(state, session.id);
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

/** nodemailer error codes that concern the connection or the account, not one recipient. */
const SERVER_ERRORS = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'EAUTH', 'ETLS', 'EPROTOCOL']);

export interface SendContext {
  state: CouncilState;
  store: MailStore;
  settings: MailSettings;
  baseUrl: string;
  nowIso: () => string;
  newToken: () => string;
}

/** Sends to every recipient ('all') or only to those whose last attempt failed ('failed'). */
/** Sends (or re-sends the failed); answers how many went out and how many failed. */
export async function sendInvitations(ctx: SendContext, session: Session, mode: 'all' | 'failed'): Promise<{ sent: number; failed: number }> {
  const { store, settings } = ctx;
  let targets: Invitation[];
  if (mode === 'all') {
    targets = recipients(ctx.state, store).map((r) => store.ensureInvitation(session.id, r.kind, r.id, r.name, r.email, ctx.newToken));
  } else {
    targets = store.invitations(session.id).filter((i) => i.status === 'failed');
  }
  if (targets.length === 0) return { sent: 0, failed: 0 };
  let sent = 0;
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: settings.user ? { user: settings.user, pass: settings.password } : undefined,
    pool: true,
    maxConnections: 1,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  try {
    for (const [index, invitation] of targets.entries()) {
      const link = `${ctx.baseUrl}/moi/${invitation.token}`;
      const m = message(ctx.state, session, invitation, link);
      try {
        await transport.sendMail({ from: settings.from, to: { name: invitation.name, address: invitation.email }, ...m });
        store.markSent(invitation.token, ctx.nowIso());
        sent += 1;
      } catch (error) {
        const e = error as { code?: string; response?: string; message?: string };
        const text = e.response || e.message || String(error);
        store.markFailed(invitation.token, text);
        // The server itself is unreachable or refuses us: every remaining message would wait for the same
        // timeout, so they are all reported failed with this error at once (a retry sends them).
        if (e.code && SERVER_ERRORS.has(e.code)) {
          for (const rest of targets.slice(index + 1)) store.markFailed(rest.token, text);
          break;
        }
      }
    }
  } finally {
    transport.close();
  }
  return { sent, failed: targets.length - sent };
}
