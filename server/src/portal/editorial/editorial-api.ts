// REST API of the editorial portal (/api/portal/*), for editors and the head of the board. Staff cookie, CSRF
// header and origin check through the one staff gate (staffAuth); the roles are checked by the workflow rules,
// so the answer to "may an editor publish?" lives in one place (workflow.ts). Errors carry vi/en messages.

import { DelegateProfileInputSchema, ContentEditSchema, ContentInputSchema, ContentTransitionSchema, SectionInputSchema } from '@hddt/protocol/schemas';
import { PORTAL_MAX_FILE_BYTES } from '@hddt/protocol';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { ZodType } from 'zod';
import { sendError, staffAuth } from '../../transport/rest-api';
import type { Services } from '../../transport/services';
import { fieldErrors } from '../../transport/socket-handlers';
import { diffLines, htmlToLines } from './diff';
import type { Editor, Editorial, EditorialResult } from './editorial';
import type { PortalStore } from './store';
import { checklistDraft, sessionChecklist } from './session-checklist';
import { buildReview, reviewPdf, reviewXlsx } from './review';
import { FeedbackStore } from '../feedback';
import { prepareUpload } from './uploads';
import { canWrite } from './workflow';
import type { Db } from '../../storage/database';
import { z } from 'zod';

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Plain reasons for the fields an editor types most (links to other portals); the rest keep zod's wording. */
const FIELD_REASONS: [RegExp, string, string][] = [
  [
    /^links\.\d+\.url$/,
    'Địa chỉ liên kết không hợp lệ: cần địa chỉ đầy đủ bắt đầu bằng https:// hoặc http://, không có dấu cách, tối đa 500 ký tự.',
    'Invalid link address: it must be a full address starting with https:// or http://, without spaces, at most 500 characters.',
  ],
  [/^links\.\d+\.title$/, 'Nhập tên liên kết (tối đa 200 ký tự).', 'Enter the link’s title (at most 200 characters).'],
  [/^links$/, 'Mỗi bài có tối đa 30 liên kết.', 'An item has at most 30 links.'],
];

function parse<S extends ZodType>(schema: S, req: Request, res: Response): S['_output'] | undefined {
  const parsed = schema.safeParse(req.body);
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error).map((f) => {
      const reason = FIELD_REASONS.find(([path]) => path.test(f.path));
      return reason ? { path: f.path, message: reason[1], messageEn: reason[2] } : f;
    });
    sendError(res, 'BAD_REQUEST', fields);
    return undefined;
  }
  return parsed.data;
}

const editorOf = (req: Request): Editor => ({ username: req.staff!.username, role: req.staff!.role });

function reply<T>(res: Response, result: EditorialResult<T>, status = 200): void {
  if (!result.ok) return sendError(res, result.code);
  res.status(status).json(result.value);
}

export function createEditorialApi(services: Services, store: PortalStore, editorial: Editorial, db: Db): Router {
  const router = express.Router();
  const staff = staffAuth(services);
  const json = express.json({ limit: '1mb' });
  const idParam = (req: Request, res: Response): string | null => {
    const id = String(req.params.id ?? '');
    if (!ID.test(id)) {
      sendError(res, 'CONTENT_NOT_FOUND');
      return null;
    }
    return id;
  };

  // Uploads: the file's bytes as the request body (any Content-Type: the type is found from the content), its
  // name in ?name=. Too large is refused from Content-Length before anything is read, and again while reading.
  const tooLarge = (res: Response) =>
    sendError(res, 'PAYLOAD_TOO_LARGE', [
      {
        path: 'file',
        message: `Mỗi tệp tối đa ${PORTAL_MAX_FILE_BYTES / 1024 / 1024} MB.`,
        messageEn: `At most ${PORTAL_MAX_FILE_BYTES / 1024 / 1024} MB per file.`,
      },
    ]);
  const rawBody = express.raw({ type: () => true, limit: PORTAL_MAX_FILE_BYTES });
  const upload = (req: Request, res: Response, next: NextFunction) => {
    if (!canWrite(req.staff!.role)) return sendError(res, 'FORBIDDEN');
    if (Number(req.headers['content-length'] ?? '0') > PORTAL_MAX_FILE_BYTES) return tooLarge(res);
    rawBody(req, res, (error?: unknown) => {
      if (!error) return next();
      if ((error as { type?: string }).type === 'entity.too.large') return tooLarge(res);
      sendError(res, 'BAD_REQUEST');
    });
  };
  const uploaded = async (req: Request, res: Response, imageOnly: boolean) => {
    const body = req.body as unknown;
    if (!Buffer.isBuffer(body) || body.length === 0) {
      sendError(res, 'BAD_REQUEST', [{ path: 'file', message: 'Chưa chọn tệp hoặc tệp rỗng.', messageEn: 'No file chosen, or the file is empty.' }]);
      return null;
    }
    const name = typeof req.query.name === 'string' ? req.query.name.slice(0, 300) : '';
    const prepared = await prepareUpload(
      new Uint8Array(body.buffer, body.byteOffset, body.byteLength),
      name,
      { username: req.staff!.username, at: new Date(services.nowMs()).toISOString() },
      { imageOnly },
    );
    if (!prepared.ok) {
      sendError(res, prepared.code);
      return null;
    }
    if (!(await store.saveFile(prepared.value.meta, prepared.value.bytes))) {
      sendError(res, 'CONFLICT');
      return null;
    }
    return prepared.value.meta;
  };
  router.post('/portal/files', staff, upload, async (req, res) => {
    const meta = await uploaded(req, res, false);
    if (meta) res.status(201).json(meta);
  });
  router.get('/portal/files/:id', staff, async (req, res) => {
    const id = idParam(req, res);
    if (!id) return;
    const meta = await store.fileMeta(id);
    if (!meta) return sendError(res, 'FILE_NOT_FOUND');
    res.json(meta);
  });
  // A delegate's photo: an image only, kept by the head of the board like the rest of the profile.
  router.post('/portal/delegates/:id/photo', staff, upload, async (req, res) => {
    const id = idParam(req, res);
    if (!id) return;
    if (req.staff!.role !== 'board-head') return sendError(res, 'FORBIDDEN');
    if (!services.engine.state.delegates[id]) return sendError(res, 'DELEGATE_NOT_FOUND');
    const meta = await uploaded(req, res, true);
    if (meta) reply(res, await editorial.setDelegatePhoto(editorOf(req), id, meta), 201);
  });
  router.delete('/portal/delegates/:id/photo', staff, async (req, res) => {
    const id = idParam(req, res);
    if (!id) return;
    if (!services.engine.state.delegates[id]) return sendError(res, 'DELEGATE_NOT_FOUND');
    reply(res, await editorial.setDelegatePhoto(editorOf(req), id, null));
  });

  router.get('/portal/sections', staff, async (_req, res) => {
    res.json(await store.sections());
  });
  router.post('/portal/sections', staff, json, async (req, res) => {
    const body = parse(SectionInputSchema, req, res);
    if (!body) return;
    reply(res, await editorial.addSection(editorOf(req), body), 201);
  });

  router.get('/portal/items', staff, async (req, res) => {
    const q = req.query;
    const str = (v: unknown) => (typeof v === 'string' && /^[a-z0-9-]{1,64}$/.test(v) ? v : undefined);
    const state = str(q.state);
    res.json(
      await store.items({
        state: state === 'draft' || state === 'submitted' || state === 'published' || state === 'withdrawn' ? state : undefined,
        section: str(q.section),
      }),
    );
  });
  router.post('/portal/items', staff, json, async (req, res) => {
    const body = parse(ContentInputSchema, req, res);
    if (!body) return;
    reply(res, await editorial.create(editorOf(req), body), 201);
  });
  router.get('/portal/items/:id', staff, async (req, res) => {
    const id = idParam(req, res);
    if (!id) return;
    const item = await store.item(id);
    if (!item) return sendError(res, 'CONTENT_NOT_FOUND');
    res.json({ item, transitions: await store.transitions(id) });
  });
  router.put('/portal/items/:id', staff, json, async (req, res) => {
    const id = idParam(req, res);
    const body = id && parse(ContentEditSchema, req, res);
    if (!id || !body) return;
    reply(res, await editorial.edit(editorOf(req), id, body));
  });
  router.post('/portal/items/:id/transition', staff, json, async (req, res) => {
    const id = idParam(req, res);
    const body = id && parse(ContentTransitionSchema, req, res);
    if (!id || !body) return;
    reply(res, await editorial.transition(editorOf(req), id, body));
  });
  router.get('/portal/items/:id/versions', staff, async (req, res) => {
    const id = idParam(req, res);
    if (!id) return;
    if (!(await store.item(id))) return sendError(res, 'CONTENT_NOT_FOUND');
    res.json(await store.versions(id));
  });
  router.get('/portal/items/:id/diff', staff, async (req, res) => {
    const id = idParam(req, res);
    if (!id) return;
    const from = Number(req.query.from);
    const to = Number(req.query.to);
    const a = Number.isInteger(from) ? await store.version(id, from) : null;
    const b = Number.isInteger(to) ? await store.version(id, to) : null;
    if (!a || !b) return sendError(res, 'CONTENT_NOT_FOUND');
    res.json({
      from,
      to,
      title: diffLines([a.title], [b.title]),
      summary: diffLines(a.summary ? [a.summary] : [], b.summary ? [b.summary] : []),
      body: diffLines(htmlToLines(a.bodyHtml), htmlToLines(b.bodyHtml)),
    });
  });

  router.get('/portal/sessions/:id/checklist', staff, async (req, res) => {
    const id = idParam(req, res);
    if (!id) return;
    const list = await sessionChecklist(services.engine.state, store, id);
    if (!list) return sendError(res, 'SESSION_NOT_FOUND');
    res.json(list);
  });
  router.get('/portal/delegates/:id/profile', staff, async (req, res) => {
    const id = idParam(req, res);
    if (!id) return;
    if (!services.engine.state.delegates[id]) return sendError(res, 'DELEGATE_NOT_FOUND');
    res.json(await store.delegateProfile(id));
  });
  router.put('/portal/delegates/:id/profile', staff, json, async (req, res) => {
    const id = idParam(req, res);
    const body = id && parse(DelegateProfileInputSchema, req, res);
    if (!id || !body) return;
    if (!services.engine.state.delegates[id]) return sendError(res, 'DELEGATE_NOT_FOUND');
    reply(res, await editorial.saveDelegateProfile(editorOf(req), id, body));
  });
  // The half-year review for the board's meeting: JSON, PDF or XLSX for a date range (YYYY-MM-DD, inclusive).
  const feedback = new FeedbackStore(db);
  router.get('/portal/review.:format', staff, async (req, res) => {
    const format = String(req.params.format);
    const from = String(req.query.from ?? '');
    const to = String(req.query.to ?? '');
    const date = /^\d{4}-\d{2}-\d{2}$/;
    if (!['json', 'pdf', 'xlsx'].includes(format)) return sendError(res, 'NOT_FOUND');
    if (!date.test(from) || !date.test(to) || from > to || Number.isNaN(Date.parse(from)) || Number.isNaN(Date.parse(to))) {
      return sendError(res, 'BAD_REQUEST', [
        { path: 'from', message: 'Khoảng thời gian không hợp lệ (từ ngày, đến ngày: YYYY-MM-DD).', messageEn: 'Invalid period (from, to: YYYY-MM-DD).' },
      ]);
    }
    const review = await buildReview(services.engine.state, store, feedback.list(), from, to);
    const name = `bao-cao-cong-thong-tin-${from}-${to}`;
    if (format === 'json') return res.json(review);
    if (format === 'pdf') {
      res.setHeader('Content-Type', 'application/pdf');
      res.setHeader('Content-Disposition', `attachment; filename="${name}.pdf"`);
      return res.send(await reviewPdf(review));
    }
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', `attachment; filename="${name}.xlsx"`);
    res.send(Buffer.from(reviewXlsx(review)));
  });

  const DraftSchema = z.strictObject({
    source: z.string().max(200),
    section: z
      .string()
      .regex(/^[a-z0-9-]{2,60}$/)
      .default('ky-yeu'),
  });
  router.post('/portal/sessions/:id/checklist/draft', staff, json, async (req, res) => {
    const id = idParam(req, res);
    const body = id && parse(DraftSchema, req, res);
    if (!id || !body) return;
    const list = await sessionChecklist(services.engine.state, store, id);
    if (!list) return sendError(res, 'SESSION_NOT_FOUND');
    const entry = list.entries.find((e) => e.source === body.source);
    if (!entry) return sendError(res, 'NOT_FOUND');
    if (entry.confidential) return sendError(res, 'CONTENT_CONFIDENTIAL');
    if (entry.itemId) return sendError(res, 'CONFLICT');
    reply(res, await editorial.create(editorOf(req), checklistDraft(services.engine.state, id, entry, body.section)), 201);
  });
  return router;
}
