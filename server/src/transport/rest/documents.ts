// Session documents: PDF upload (checked before it is stored), metadata, removal, and the file itself for
// staff, card holders and, when published, the public.

import { createReadStream, existsSync } from 'node:fs';
import { MAX_UPLOAD_BYTES } from '@hddt/protocol';
import { DocumentMetaSchema, DocumentPatchSchema, REST_ROUTES } from '@hddt/protocol/schemas';
import express, { type Router } from 'express';
import { documentPath, storePdf } from '../../storage/document-files';
import { checkPdf } from '../../storage/pdf-check';
import { fieldErrors } from '../socket-handlers';
import { isHallRole, parseCookies, staffFromCookie } from '../staff-auth';
import { exec, on, param, parseBody, sendError, type RestContext } from './http';

export function documentRoutes({ services, secretariat, json }: RestContext): Router {
  const router = express.Router();
  const { engine, creds } = services;
  on(
    router,
    REST_ROUTES.documentUpload,
    secretariat,
    (req, res, next) => {
      const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (type !== 'application/pdf') return sendError(res, 'UNSUPPORTED_MEDIA_TYPE');
      const length = Number(req.headers['content-length'] ?? '0');
      if (length > MAX_UPLOAD_BYTES) return sendError(res, 'PAYLOAD_TOO_LARGE');
      next();
    },
    express.raw({ type: 'application/pdf', limit: MAX_UPLOAD_BYTES }),
    async (req, res) => {
      const id = param(req, res, 'id');
      if (!id) return;
      const body = req.body as unknown;
      if (!Buffer.isBuffer(body) || body.length === 0) return sendError(res, 'BAD_REQUEST');
      if (body.subarray(0, 5).toString('latin1') !== '%PDF-') return sendError(res, 'UNSUPPORTED_MEDIA_TYPE');
      const checked = await checkPdf(body);
      if (!checked.ok) return sendError(res, 'UNSUPPORTED_MEDIA_TYPE');
      const q = req.query;
      const meta = DocumentMetaSchema.safeParse({
        title: q.title,
        docType: q.docType || undefined,
        itemId: q.itemId ? q.itemId : null,
        confidential: q.confidential === 'true',
        published: q.published === 'true',
      });
      if (!meta.success) return sendError(res, 'BAD_REQUEST', fieldErrors(meta.error));
      let sha256: string;
      try {
        sha256 = storePdf(services.dataDir, body);
      } catch {
        return sendError(res, 'STORAGE_FAILURE');
      }
      const fileName = typeof q.fileName === 'string' && q.fileName.length <= 200 ? q.fileName : `${meta.data.title}.pdf`;
      await exec(
        services,
        req,
        res,
        {
          type: 'document.add',
          sessionId: id,
          itemId: meta.data.itemId,
          title: meta.data.title,
          docType: meta.data.docType,
          confidential: meta.data.confidential,
          published: meta.data.published,
          file: { fileName, mimeType: 'application/pdf', size: body.length, sha256, pages: checked.pages },
        },
        (s, d) => s.documents[d.result?.documentId ?? ''] ?? null,
        201,
      );
    },
  );
  on(router, REST_ROUTES.documentUpdate, secretariat, json, async (req, res) => {
    const id = param(req, res, 'id');
    const patch = id && parseBody(DocumentPatchSchema, req, res);
    if (!id || !patch) return;
    await exec(services, req, res, { type: 'document.update', documentId: id, patch }, (s) => s.documents[id] ?? null);
  });
  on(router, REST_ROUTES.documentRemove, secretariat, async (req, res) => {
    const id = param(req, res, 'id');
    if (!id) return;
    await exec(services, req, res, { type: 'document.remove', documentId: id }, () => ({ ok: true as const }));
  });
  on(router, REST_ROUTES.documentFile, (req, res) => {
    const id = param(req, res, 'id');
    if (!id) return;
    const doc = engine.state.documents[id];
    const signedIn = staffFromCookie(services, parseCookies(req.headers.cookie));
    // The portal's editors never open a confidential document (it can never be published anyway).
    const staff = signedIn && (isHallRole(signedIn.role) || !doc?.confidential) ? signedIn : null;
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const cardHolder = bearer ? creds.delegateIdForToken(bearer) : null;
    // A card counts only while its delegate holds a seat.
    const delegateId = cardHolder && engine.state.delegates[cardHolder]?.seated ? cardHolder : null;
    const session = doc ? engine.state.sessions[doc.sessionId] : undefined;
    const isPublic = Boolean(doc && session && doc.published && !doc.confidential && session.isPublic);
    // Unknown and not-allowed look the same from outside: 404, so existence is not revealed.
    if (!doc || (!staff && !delegateId && !isPublic)) return sendError(res, 'DOCUMENT_NOT_FOUND');
    const file = documentPath(services.dataDir, doc.sha256);
    if (!file || !existsSync(file)) return sendError(res, 'DOCUMENT_NOT_FOUND');
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Length', String(doc.size));
    res.setHeader('Cache-Control', 'private, max-age=3600');
    res.setHeader('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    createReadStream(file).pipe(res);
  });
  return router;
}
