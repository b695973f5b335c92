// The public portal (server-rendered HTML, no JavaScript): Vietnamese at /, English under /en/, the
// voter-feedback form, the Atom feed, and the personal invitation pages (/moi/<token>) of e-mailed
// invitations. Anything not public is "not found" (404), whether listed or reached by direct URL.

import { createReadStream, existsSync } from 'node:fs';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { CouncilState } from '../domain/types';
import { logger } from '../logger';
import { MailStore } from '../mail/mail-store';
import { invitationDocuments } from '../mail/invitations';
import { resolutionsFeed } from '../portal/feed';
import { FEEDBACK_BODY_LIMIT, FeedbackLimiter, FeedbackStore, HONEYPOT_FIELD, validateFeedback, type FeedbackItem } from '../portal/feedback';
import type { PortalView } from '../portal/editorial/reader-routes';
import { href } from '../portal/layout';
import {
  delegatesPage,
  feedbackPage,
  homePage,
  invitationPage,
  notFoundPage,
  resolutionPage,
  resolutionsPage,
  searchPage,
  sessionPage,
  sessionsPage,
  type FeedbackView,
} from '../portal/pages';
import { publicResolution, publicSession, searchPublic, type Lang } from '../portal/public-data';
import { TEXTS } from '../portal/texts';
import type { Db } from '../storage/database';
import { documentPath } from '../storage/document-files';
import type { Services } from './services';
import { parseCookies, staffFromCookie } from './staff-auth';

const ID = /^[A-Za-z0-9_-]{1,64}$/;
/** A transparent 1×1 GIF: the personal page's only image, whose fetch says a browser showed the page. */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

export const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

export function sendHtml(res: Response, status: number, body: string): void {
  res.status(status);
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('Cache-Control', 'no-cache');
  res.send(body);
}

export function createPortalRouter(services: Services, db: Db): Router {
  const router = express.Router();
  const feedback = new FeedbackStore(db);
  const mail = new MailStore(db);
  const limiter = new FeedbackLimiter();
  const state = (): CouncilState => services.engine.state;
  const urlencoded = express.urlencoded({ extended: false, limit: FEEDBACK_BODY_LIMIT, parameterLimit: 20 });
  const notFound = (res: Response, lang: Lang, path = '/') => sendHtml(res, 404, notFoundPage(state(), lang, path));
  const addressOf = (req: Request) => req.ip ?? req.socket.remoteAddress ?? 'unknown';
  const throttled = (res: Response, lang: Lang, text: string) => {
    res.setHeader('Retry-After', '600');
    sendHtml(res, 429, feedbackPage(state(), lang, { values: {}, errors: {}, notice: { kind: 'bad', text } }, feedback.published()));
  };

  router.use(createPublicPages({ state, nowMs: () => services.nowMs() }, (limit) => feedback.published(limit)));

  for (const [prefix, lang] of [
    ['', 'vi'],
    ['/en', 'en'],
  ] as const) {
    const p = (path: string) => `${prefix}${path}`;
    router.get(p('/y-kien'), (req, res) => {
      const view: FeedbackView = { values: {}, errors: {}, notice: null };
      const sent = req.query['da-gui'];
      if (typeof sent === 'string' && ID.test(sent)) {
        view.notice = { kind: 'ok', text: TEXTS[lang].fThanks, detail: TEXTS[lang].fThanksRef(sent) };
      }
      const r = req.query['nghi-quyet'];
      if (typeof r === 'string' && ID.test(r) && publicResolution(state(), r)) view.values.resolutionId = r;
      const s = req.query['ky-hop'];
      if (typeof s === 'string' && ID.test(s) && publicSession(state(), s)) view.values.sessionId = s;
      sendHtml(res, 200, feedbackPage(state(), lang, view, feedback.published()));
    });
    router.post(
      p('/y-kien'),
      (req, res, next) => {
        const t = TEXTS[lang];
        if (!limiter.attempt(addressOf(req), services.nowMs())) return throttled(res, lang, t.fThrottled);
        next();
      },
      urlencoded,
      (req, res) => {
        const t = TEXTS[lang];
        const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<string, unknown>;
        const values: Record<string, string> = {};
        for (const k of ['name', 'contact', 'area', 'topic', 'text']) if (typeof body[k] === 'string') values[k] = body[k];
        const about = typeof body.about === 'string' ? body.about : '';
        const aboutId = about.slice(2);
        if (about.startsWith('r:') && ID.test(aboutId) && publicResolution(state(), aboutId)) values.resolutionId = aboutId;
        if (about.startsWith('s:') && ID.test(aboutId) && publicSession(state(), aboutId)) values.sessionId = aboutId;
        if (typeof body[HONEYPOT_FIELD] !== 'string' || body[HONEYPOT_FIELD] !== '' || Object.keys(body).length === 0) {
          return sendHtml(res, 400, feedbackPage(state(), lang, { values, errors: {}, notice: { kind: 'bad', text: t.fRejected } }, feedback.published()));
        }
        const checked = validateFeedback({ ...values });
        if (!checked.ok) {
          return sendHtml(res, 400, feedbackPage(state(), lang, { values, errors: checked.errors, notice: null }, feedback.published()));
        }
        if (!limiter.store(addressOf(req), services.nowMs())) return throttled(res, lang, t.fThrottled);
        const id = services.newId();
        try {
          feedback.insert(id, checked.data, new Date(services.nowMs()).toISOString());
        } catch {
          return sendHtml(res, 507, feedbackPage(state(), lang, { values, errors: {}, notice: { kind: 'bad', text: t.fRejected } }, feedback.published()));
        }
        res.redirect(303, `${href(lang, '/y-kien')}?da-gui=${id}`);
      },
    );

    // Personal invitation pages: the token is the key; a revoked one (the guest was removed) opens nothing.
    // Reading is counted only when a browser shows the page, i.e. fetches the page's one image (/da-xem.gif):
    // a link scanner's GET or HEAD of the page, and the secretariat's preview (?xem-truoc=1, or any request
    // carrying a staff sign-in), do not count.
    const liveInvitation = (token: string) => {
      const invitation = TOKEN.test(token) ? mail.invitation(token) : null;
      return invitation && !invitation.revokedAt && state().sessions[invitation.sessionId] ? invitation : null;
    };
    const preview = (req: Request) => req.query['xem-truoc'] === '1' || staffFromCookie(services, parseCookies(req.headers.cookie)) !== null;
    router.get(p('/moi/:token'), (req, res) => {
      const token = String(req.params.token);
      const invitation = liveInvitation(token);
      const session = invitation ? state().sessions[invitation.sessionId] : undefined;
      if (!invitation || !session) return notFound(res, lang, `/moi/${token}`);
      const isPreview = req.query['xem-truoc'] === '1';
      const suffix = isPreview ? '?xem-truoc=1' : '';
      const documents = invitationDocuments(state(), session.id, invitation.recipientKind).map(({ doc, linkable }) => ({
        doc,
        link: linkable ? `${prefix}/moi/${token}/tai-lieu/${doc.id}${suffix}` : null,
      }));
      const beacon = isPreview ? null : `${prefix}/moi/${token}/da-xem.gif`;
      sendHtml(res, 200, invitationPage(state(), { name: invitation.name, session, documents, beacon }, token, lang));
    });
    router.get(p('/moi/:token/da-xem.gif'), (req, res) => {
      const token = String(req.params.token);
      const invitation = liveInvitation(token);
      if (!invitation) return res.status(404).end();
      if (req.method === 'GET' && !preview(req)) mail.markOpened(token, new Date(services.nowMs()).toISOString());
      res.setHeader('Content-Type', 'image/gif');
      res.setHeader('Cache-Control', 'private, no-store');
      res.send(PIXEL);
    });
    router.get(p('/moi/:token/tai-lieu/:docId'), (req, res) => {
      const token = String(req.params.token);
      const docId = String(req.params.docId);
      const invitation = ID.test(docId) ? liveInvitation(token) : null;
      const doc = invitation ? state().documents[docId] : undefined;
      const allowed =
        invitation &&
        doc &&
        doc.sessionId === invitation.sessionId &&
        invitationDocuments(state(), doc.sessionId, invitation.recipientKind).some((d) => d.doc.id === doc.id && d.linkable);
      if (!invitation || !doc || !allowed) return notFound(res, lang);
      const file = documentPath(services.dataDir, doc.sha256);
      if (!file || !existsSync(file)) return notFound(res, lang);
      // A document counts as read when the page itself was seen in a browser first (a scanner following the
      // page's links never loads its image, so never set openedAt).
      if (req.method === 'GET' && !preview(req) && invitation.openedAt) {
        mail.markDocumentOpened(token, doc.id, new Date(services.nowMs()).toISOString());
      }
      res.setHeader('Content-Type', 'application/pdf');
      res.setHeader('Content-Length', String(doc.size));
      res.setHeader('Cache-Control', 'private, no-store');
      res.setHeader('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`);
      if (req.method === 'HEAD') return res.end();
      createReadStream(file).pipe(res);
    });
  }

  // Unknown pages under the English prefix; the Vietnamese root's unknown pages end in the app's own 404.
  router.get(/^\/en\/.*/, (req, res) => notFound(res, 'en', req.path.slice(3)));

  router.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    const type = (error as { type?: string }).type;
    const lang: Lang = req.path.startsWith('/en/') ? 'en' : 'vi';
    if (type === 'entity.too.large' || type === 'parameters.too.many') {
      return sendHtml(
        res,
        413,
        feedbackPage(state(), lang, { values: {}, errors: {}, notice: { kind: 'bad', text: TEXTS[lang].fTooLarge } }, feedback.published()),
      );
    }
    if (type === 'entity.parse.failed' || type === 'encoding.unsupported' || type === 'charset.unsupported') {
      return sendHtml(
        res,
        400,
        feedbackPage(state(), lang, { values: {}, errors: {}, notice: { kind: 'bad', text: TEXTS[lang].fRejected } }, feedback.published()),
      );
    }
    void next;
    logger.error({ err: error }, 'unexpected portal error');
    res.status(500).type('text/plain; charset=utf-8').send('Lỗi máy chủ. Vui lòng thử lại sau. / Server error. Please try again later.');
  });
  return router;
}

/**
 * The pages that read only the council's public state: home, delegates, sessions, resolutions, search and the
 * Atom feed. The hall mounts them with its engine's state; the portal service with the state it folds from the
 * published log. `published` gives the published answers to voters' feedback.
 */
export function createPublicPages(view: PortalView, published: (limit?: number) => FeedbackItem[]): Router {
  const router = express.Router();
  const state = (): CouncilState => view.state();
  const notFound = (res: Response, lang: Lang, path = '/') => sendHtml(res, 404, notFoundPage(state(), lang, path));
  for (const [prefix, lang] of [
    ['', 'vi'],
    ['/en', 'en'],
  ] as const) {
    const p = (path: string) => `${prefix}${path}`;
    router.get(p('/'), (_req, res) => sendHtml(res, 200, homePage(state(), lang)));
    router.get(p('/dai-bieu'), (_req, res) => sendHtml(res, 200, delegatesPage(state(), lang)));
    router.get(p('/ky-hop'), (_req, res) => sendHtml(res, 200, sessionsPage(state(), lang)));
    router.get(p('/ky-hop/:id'), (req, res) => {
      const id = String(req.params.id);
      const session = ID.test(id) ? publicSession(state(), id) : null;
      if (!session) return notFound(res, lang, `/ky-hop/${id}`);
      sendHtml(res, 200, sessionPage(state(), session, lang));
    });
    router.get(p('/nghi-quyet'), (_req, res) => sendHtml(res, 200, resolutionsPage(state(), lang)));
    router.get(p('/nghi-quyet/:id'), (req, res) => {
      const id = String(req.params.id);
      const r = ID.test(id) ? publicResolution(state(), id) : null;
      if (!r) return notFound(res, lang, `/nghi-quyet/${id}`);
      const answers = published(200).filter((f) => f.resolutionId === r.id);
      sendHtml(res, 200, resolutionPage(state(), r, lang, answers));
    });
    router.get(p('/tim-kiem'), (req, res) => {
      const q = typeof req.query.q === 'string' ? req.query.q.normalize('NFC').slice(0, 200) : '';
      sendHtml(res, 200, searchPage(state(), lang, q, q.trim() ? searchPublic(state(), q) : null));
    });
  }

  router.get('/feed.xml', (req, res) => {
    const base = `${req.protocol}://${req.get('host') ?? 'localhost'}`;
    res.setHeader('Content-Type', 'application/atom+xml; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache');
    res.send(resolutionsFeed(state(), base));
  });

  return router;
}

/** The portal's 404 page for any other GET (mounted last). */
export function portalNotFound(services: Services): express.RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.path.startsWith('/api/') || req.path.startsWith('/socket.io')) return next();
    sendHtml(res, 404, notFoundPage(services.engine.state, 'vi', req.path));
  };
}
