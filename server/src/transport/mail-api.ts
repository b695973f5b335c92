// Staff REST for the portal's back office: voter feedback (GET/PATCH /api/feedback), SMTP settings
// (GET/PUT /api/mail/settings, the password is never returned; POST /api/mail/test sends a test message with
// the settings being edited), recipients (delegates' addresses, guests; removing a guest revokes her links)
// and session invitations (POST/GET /api/sessions/:id/invitations, POST …/invitations/retry).
// Mounted before the general REST router, without a catch-all, so other paths fall through to it.

import { type ErrorCode, type FeedbackItem, type FieldError } from '@hddt/protocol';
import { FEEDBACK_STATUSES, IdSchema, PORTAL_ROUTES } from '@hddt/protocol/schemas';
import { createHash } from 'node:crypto';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { ZodType } from 'zod';
import { logger } from '../logger';
import { invitationReports, sendInvitations, sendTestMail } from '../mail/invitations';
import { isHallOnlyAddress } from '../mail/link-base';
import { MailStore } from '../mail/mail-store';
import { FeedbackStore, patchedFeedback, type FeedbackStatus } from '../portal/feedback';
import { newToken } from '../storage/credentials';
import type { Db } from '../storage/database';
import { actorOf, sendError, staffAuth } from './rest-api';
import { on } from './rest/http';
import type { Services } from './services';
import { fieldErrors } from './socket-handlers';

export function createMailApi(services: Services, db: Db): Router {
  const router = express.Router();
  const feedback = new FeedbackStore(db);
  const mail = new MailStore(db);
  const json = express.json({ limit: '64kb' });
  const anyStaff = staffAuth(services);
  const secretariat = staffAuth(services, 'secretariat');
  const nowIso = () => new Date(services.nowMs()).toISOString();
  const sending = new Set<string>();

  const parse = <S extends ZodType>(schema: S, req: Request, res: Response): S['_output'] | undefined => {
    const parsed = schema.safeParse(req.body);
    if (!parsed.success) {
      sendError(res, 'BAD_REQUEST', fieldErrors(parsed.error));
      return undefined;
    }
    return parsed.data;
  };
  const id = (req: Request, res: Response, code: ErrorCode = 'NOT_FOUND'): string | undefined => {
    const parsed = IdSchema.safeParse(req.params.id);
    if (!parsed.success) {
      sendError(res, code);
      return undefined;
    }
    return parsed.data;
  };

  // ---- voter feedback ----
  on(router, PORTAL_ROUTES.feedback, anyStaff, (req, res) => {
    const status = typeof req.query.status === 'string' ? req.query.status : undefined;
    if (status !== undefined && !(FEEDBACK_STATUSES as readonly string[]).includes(status)) return sendError(res, 'BAD_REQUEST');
    res.json(feedback.list(status as FeedbackStatus | undefined));
  });
  on(router, PORTAL_ROUTES.feedbackUpdate, secretariat, json, async (req, res) => {
    const fid = id(req, res);
    const patch = fid && parse(PORTAL_ROUTES.feedbackUpdate.body, req, res);
    if (!fid || !patch) return;
    const current = feedback.get(fid);
    if (!current) return sendError(res, 'NOT_FOUND');
    const { status, answer, answerPublished } = patchedFeedback(current, patch);
    if (patch.answerPublished && !answer) {
      const fields: FieldError[] = [
        { path: 'answer', message: 'Cần nhập câu trả lời trước khi công khai.', messageEn: 'Write the answer before publishing it.' },
      ];
      return sendError(res, 'BAD_REQUEST', fields);
    }
    const answerSha256 = answer ? createHash('sha256').update(answer).digest('hex') : null;
    const changed: { item: FeedbackItem | null } = { item: null };
    // The change and the log entry that witnesses it (the answer by its SHA-256) in one transaction.
    const result = await services.engine.record([{ type: 'feedback.updated', feedbackId: fid, status, answerPublished, answerSha256 }], actorOf(req), () => {
      changed.item = feedback.update(fid, patch, req.staff!.username, nowIso());
    });
    if (!result.ok) return sendError(res, result.code);
    if (!changed.item) return sendError(res, 'NOT_FOUND');
    res.json(changed.item);
  });

  // ---- SMTP settings ----
  const baseUrl = () => services.publicBaseUrl();
  const settingsView = () => ({ ...mail.settingsView(), linkBase: baseUrl(), linkBaseLocal: isHallOnlyAddress(baseUrl()) });
  on(router, PORTAL_ROUTES.mailSettings, secretariat, (_req, res) => void res.json(settingsView()));
  on(router, PORTAL_ROUTES.mailSettingsSet, secretariat, json, (req, res) => {
    const input = parse(PORTAL_ROUTES.mailSettingsSet.body, req, res);
    if (!input) return;
    mail.saveSettings(input);
    res.json(settingsView());
  });
  // "Gửi thư thử": the settings as typed in the form (not saved; an omitted password means the stored one).
  on(router, PORTAL_ROUTES.mailTest, secretariat, json, async (req, res) => {
    const input = parse(PORTAL_ROUTES.mailTest.body, req, res);
    if (!input) return;
    const { to, ...settings } = input;
    const password = settings.password ?? mail.settings()?.password ?? '';
    res.json(await sendTestMail(services.engine.state, { ...settings, password }, to));
  });

  // ---- recipients ----
  const recipientList = () => {
    const emails = mail.delegateEmails();
    return {
      delegates: Object.values(services.engine.state.delegates)
        .sort((a, b) => a.seat - b.seat)
        .map((d) => ({ delegateId: d.id, seat: d.seat, fullName: d.fullName, seated: d.seated, email: emails.get(d.id) ?? null })),
      guests: mail.guests(),
    };
  };
  on(router, PORTAL_ROUTES.mailRecipients, secretariat, (_req, res) => void res.json(recipientList()));
  on(router, PORTAL_ROUTES.delegateEmail, secretariat, json, (req, res) => {
    const did = id(req, res, 'DELEGATE_NOT_FOUND');
    const body = did && parse(PORTAL_ROUTES.delegateEmail.body, req, res);
    if (!did || !body) return;
    if (!services.engine.state.delegates[did]) return sendError(res, 'DELEGATE_NOT_FOUND');
    mail.setDelegateEmail(did, body.email);
    res.json({ delegateId: did, email: body.email });
  });
  on(router, PORTAL_ROUTES.guestAdd, secretariat, json, (req, res) => {
    const body = parse(PORTAL_ROUTES.guestAdd.body, req, res);
    if (!body) return;
    res.status(201).json(mail.addGuest(services.newId(), body.name, body.email, nowIso()));
  });
  on(router, PORTAL_ROUTES.guestRemove, secretariat, async (req, res) => {
    const gid = id(req, res);
    if (!gid) return;
    if (!mail.guest(gid)) return sendError(res, 'NOT_FOUND');
    // Her links gave access without sign-in: their revocation is witnessed in the log, in the same transaction.
    const revokedLinks = mail.liveLinks('guest', gid);
    let removed = false;
    const result = await services.engine.record([{ type: 'mail.guest-removed', guestId: gid, revokedLinks }], actorOf(req), () => {
      removed = mail.removeGuest(gid, nowIso());
    });
    if (!result.ok) return sendError(res, result.code);
    if (!removed) return sendError(res, 'NOT_FOUND');
    res.json({ ok: true });
  });

  // ---- invitations ----
  const send = (mode: 'all' | 'failed') => async (req: Request, res: Response) => {
    const sid = id(req, res, 'SESSION_NOT_FOUND');
    if (!sid) return;
    const session = services.engine.state.sessions[sid];
    if (!session) return sendError(res, 'SESSION_NOT_FOUND');
    const settings = mail.settings();
    if (!settings) return sendError(res, 'MAIL_NOT_CONFIGURED');
    if (sending.has(sid)) return sendError(res, 'MAIL_SENDING');
    sending.add(sid);
    try {
      const { sent, failed } = await sendInvitations(
        { state: services.engine.state, store: mail, settings, baseUrl: baseUrl(), nowIso, newToken },
        session,
        mode,
      );
      if (sent + failed > 0) await services.engine.record([{ type: 'mail.invitations-sent', sessionId: sid, mode, sent, failed }], actorOf(req));
    } finally {
      sending.delete(sid);
    }
    res.json(invitationReports(services.engine.state, mail, sid, baseUrl()));
  };
  on(router, PORTAL_ROUTES.invitationsSend, secretariat, send('all'));
  on(router, PORTAL_ROUTES.invitationsRetry, secretariat, send('failed'));
  on(router, PORTAL_ROUTES.invitations, anyStaff, (req, res) => {
    const sid = id(req, res, 'SESSION_NOT_FOUND');
    if (!sid) return;
    if (!services.engine.state.sessions[sid]) return sendError(res, 'SESSION_NOT_FOUND');
    res.json(invitationReports(services.engine.state, mail, sid, baseUrl()));
  });

  router.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    const type = (error as { type?: string }).type;
    if (type === 'entity.too.large') return sendError(res, 'PAYLOAD_TOO_LARGE');
    if (type === 'entity.parse.failed' || type === 'encoding.unsupported' || type === 'charset.unsupported') return sendError(res, 'BAD_REQUEST');
    void next;
    logger.error({ err: error }, 'unexpected mail/feedback REST error');
    sendError(res, 'INTERNAL');
  });
  return router;
}
