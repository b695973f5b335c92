// REST (express) for what is not live: staff sign-in, setup of council/roster/sessions/agenda/documents/
// votes, document files, login cards, display devices, staff accounts. Every change goes through the same
// engine as the live commands, so it is decided by the domain rules and recorded in the log.

import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { logger } from '../logger';
import type { DelegateCard, DelegateCardStatus, DelegateInput, DisplayDevice, ErrorCode, FieldError, ImportRowError, StaffIdentity } from '@hddt/protocol';
import { CSRF_HEADER, MAX_UPLOAD_BYTES, STAFF_COOKIE, errorBody, httpStatusOf, layoutProblems, reconcileLayout } from '@hddt/protocol';
import { seatedSeats } from '../domain/rules/hall';
import { AgendaItemInputSchema, AgendaItemPatchSchema, AgendaReorderSchema, CouncilPatchSchema, DelegateInputSchema, HallLayoutSchema, DelegatePatchSchema, DocumentMetaSchema, DocumentPatchSchema, IdSchema, MotionInputSchema, PasswordResetSchema, SessionInputSchema, SessionPatchSchema, StaffCreateSchema, StaffLoginSchema } from '@hddt/protocol/schemas';
import { parse as parseCsv } from 'csv-parse/sync';
import { toCsv, unneutralise, type CsvCell } from '../records/csv';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { z, type ZodType } from 'zod';
import { agendaOf } from '../domain/queries';
import type { Actor, Command, CouncilState, Decision } from '../domain/types';
import { roundView, sessionRounds } from '../domain/views';
import { fingerprint, hashPassword, newToken, verifyPassword } from '../storage/credentials';
import { documentPath, storePdf } from '../storage/document-files';
import { checkPdf } from '../storage/pdf-check';
import { revokeDelegateSocket } from './delegate-namespace';
import { revokeDisplaySockets, type DisplaySocketData } from './display-namespace';
import type { Services } from './services';
import { fieldErrors } from './socket-handlers';
import { LoginLimiter, disconnectStaffSockets, isHallRole, originAllowed, parseCookies, staffFromCookie, type StaffPrincipal } from './staff-auth';

declare module 'express-serve-static-core' {
  interface Request {
    staff?: StaffPrincipal;
  }
}

/** Compared against when the user name is unknown, so both paths run scrypt. */
const UNKNOWN_USER_HASH = hashPassword(randomBytes(16).toString('hex'));

export function sendError(res: Response, code: ErrorCode, fields?: FieldError[], extra?: Record<string, unknown>): void {
  res.status(httpStatusOf(code)).json({ ...errorBody(code, fields), ...extra });
}

function parseBody<S extends ZodType>(schema: S, req: Request, res: Response): S['_output'] | undefined {
  const parsed = schema.safeParse(req.body);
  if (!parsed.success) {
    sendError(res, 'BAD_REQUEST', fieldErrors(parsed.error));
    return undefined;
  }
  return parsed.data;
}

function param(req: Request, res: Response, name: string): string | undefined {
  const parsed = IdSchema.safeParse(req.params[name]);
  if (!parsed.success) {
    sendError(res, 'NOT_FOUND');
    return undefined;
  }
  return parsed.data;
}

/** The staff member behind a request, as the log names them. */
export function actorOf(req: Request): Actor {
  const s = req.staff!;
  return { kind: 'staff', username: s.username, role: s.role };
}

async function exec<T>(
  services: Services,
  req: Request,
  res: Response,
  command: Command,
  map: (state: CouncilState, decision: Decision) => T | null,
  status = 200,
): Promise<void> {
  const result = await services.engine.execute(command, actorOf(req));
  if (!result.ok) return sendError(res, result.code);
  const data = map(result.state, result.decision);
  if (data === null) return sendError(res, 'NOT_FOUND');
  res.status(status).json(data);
}

const CSV_HEADERS: Record<string, keyof DelegateInput> = {
  seat: 'seat',
  'ghế': 'seat',
  'số ghế': 'seat',
  fullname: 'fullName',
  'full name': 'fullName',
  'họ và tên': 'fullName',
  'họ tên': 'fullName',
  title: 'title',
  'chức vụ': 'title',
  group: 'group',
  'tổ đại biểu': 'group',
  'đơn vị bầu cử': 'group',
};

const COLUMN_NAMES: Record<keyof DelegateInput, [string, string]> = {
  seat: ['Ghế', 'seat'],
  fullName: ['Họ và tên', 'fullName'],
  title: ['Chức vụ', 'title'],
  group: ['Tổ đại biểu', 'group'],
};

/** Parses a roster CSV. Either every row is valid, or the errors with their line numbers. */
export function parseRosterCsv(text: string): { ok: true; rows: DelegateInput[] } | { ok: false; errors: ImportRowError[] } {
  let records: string[][];
  try {
    records = parseCsv(text.replace(/^\uFEFF/, ''), { skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { ok: false, errors: [{ line, message: 'Tệp CSV sai định dạng.', messageEn: 'Malformed CSV.' }] };
  }
  if (records.length === 0) return { ok: false, errors: [{ line: 1, message: 'Tệp trống.', messageEn: 'The file is empty.' }] };
  const header = records[0]!.map((h) => CSV_HEADERS[h.normalize('NFC').trim().toLowerCase()]);
  if (!header.includes('seat') || !header.includes('fullName')) {
    return {
      ok: false,
      errors: [
        {
          line: 1,
          message: 'Dòng tiêu đề phải có cột "Ghế" (seat) và "Họ và tên" (fullName).',
          messageEn: 'The header row must have "seat" and "fullName" columns.',
        },
      ],
    };
  }
  const rows: DelegateInput[] = [];
  const errors: ImportRowError[] = [];
  const seats = new Map<number, number>();
  records.slice(1).forEach((record, index) => {
    const line = index + 2;
    const raw: Record<string, unknown> = {};
    header.forEach((key, i) => {
      if (key) raw[key] = key === 'seat' ? (record[i] === '' || record[i] === undefined ? undefined : Number(record[i])) : unneutralise((record[i] ?? '').normalize('NFC'));
    });
    const parsed = DelegateInputSchema.safeParse(raw);
    if (!parsed.success) {
      const column = String(parsed.error.issues[0]!.path[0] ?? '') as keyof DelegateInput;
      const [vi, en] = COLUMN_NAMES[column] ?? [column, column];
      errors.push({
        line,
        message: `Cột "${vi}" trống hoặc không hợp lệ.`,
        messageEn: `The "${en}" column is empty or not valid.`,
      });
      return;
    }
    const previous = seats.get(parsed.data.seat);
    if (previous !== undefined) {
      errors.push({
        line,
        message: `Số ghế ${parsed.data.seat} trùng với dòng ${previous}.`,
        messageEn: `Seat ${parsed.data.seat} repeats line ${previous}.`,
      });
      return;
    }
    seats.set(parsed.data.seat, line);
    rows.push(parsed.data);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}



/**
 * Staff requests: the session cookie, the CSRF header and a same-origin check on every change (a refusal is
 * logged), and optionally the secretariat role. The one gate for every staff REST router.
 */
export function staffAuth(services: Services, role?: 'secretariat' | 'hall') {
  return (req: Request, res: Response, next: NextFunction) => {
    const staff = staffFromCookie(services, parseCookies(req.headers.cookie));
    if (!staff) return sendError(res, 'UNAUTHENTICATED');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      if (req.headers[CSRF_HEADER] !== staff.csrfToken || !originAllowed(req.headers.origin, req.headers.host)) {
        const actor = { kind: 'staff' as const, username: staff.username, role: staff.role };
        services.security.refused(actor, `csrf:${staff.username}`, 'CSRF', 'staff request without valid CSRF token', `${req.method} ${req.path}`);
        return sendError(res, 'CSRF');
      }
    }
    if (role === 'hall' ? !isHallRole(staff.role) : role && staff.role !== role) return sendError(res, 'FORBIDDEN');
    req.staff = staff;
    next();
  };
}

export function createRestApi(services: Services): Router {
  const router = express.Router();
  const { engine, creds } = services;
  const limiter = new LoginLimiter();

  const json = express.json({ limit: '256kb' });

  // ---- staff session ----
  const anyStaff = staffAuth(services);
  const secretariat = staffAuth(services, 'secretariat');
  const hallStaff = staffAuth(services, 'hall');

  router.get('/health', (_req, res) => {
    res.json({ ok: true, seq: engine.seq, council: engine.state.council?.name.vi ?? null });
  });

  router.post('/auth/login', json, (req, res) => {
    const body = parseBody(StaffLoginSchema, req, res);
    if (!body) return;
    const now = services.nowMs();
    // The socket's address (req.ip equals it unless a reverse proxy is configured): a guesser elsewhere
    // cannot lock the right person out.
    const source = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const keys = [`ip:${source}`];
    if (limiter.blocked(keys, now)) {
      services.security.refused({ kind: 'system' }, `login-limit:${source}`, 'RATE_LIMITED', 'staff login rate-limited', body.username);
      res.setHeader('Retry-After', '300');
      return sendError(res, 'RATE_LIMITED');
    }
    const staff = creds.staff(body.username);
    // An unknown name costs the same scrypt as a known one, so the answer's timing does not tell them apart.
    const passwordOk = verifyPassword(body.password, staff?.password_hash ?? UNKNOWN_USER_HASH);
    if (!staff || !passwordOk) {
      limiter.fail(keys, now);
      services.security.refused({ kind: 'system' }, `login-fail:${req.ip}:${body.username}`, 'INVALID_CREDENTIALS', 'staff login failed', body.username);
      return sendError(res, 'INVALID_CREDENTIALS');
    }
    limiter.succeed(keys);
    const session = creds.createSession(staff.username, now);
    res.cookie(STAFF_COOKIE, session.token, { httpOnly: true, secure: services.tls, sameSite: 'strict', path: '/', maxAge: 24 * 3600_000 });
    const identity: StaffIdentity = {
      username: staff.username,
      displayName: staff.display_name,
      role: staff.role,
      csrfToken: session.csrfToken,
    };
    res.json(identity);
  });

  // Logout of a live session needs the CSRF token like any change (a forged cross-site logout would end
  // the chair's console mid-vote); it ends that session's live /chair sockets at once.
  router.post('/auth/logout', (req, res) => {
    const token = parseCookies(req.headers.cookie)[STAFF_COOKIE];
    const staff = staffFromCookie(services, parseCookies(req.headers.cookie));
    if (token && staff) {
      if (req.headers[CSRF_HEADER] !== staff.csrfToken || !originAllowed(req.headers.origin, req.headers.host)) {
        services.security.refused({ kind: 'staff', username: staff.username, role: staff.role }, `csrf:${staff.username}`, 'CSRF', 'logout without valid CSRF token', 'POST /auth/logout');
        return sendError(res, 'CSRF');
      }
      creds.deleteSession(token);
      disconnectStaffSockets(services, { sessionKey: staff.sessionKey });
    }
    res.clearCookie(STAFF_COOKIE, { path: '/', httpOnly: true, secure: services.tls, sameSite: 'strict' });
    res.json({ ok: true });
  });

  router.get('/auth/me', anyStaff, (req, res) => {
    const s = req.staff!;
    const identity: StaffIdentity = { username: s.username, displayName: s.displayName, role: s.role, csrfToken: s.csrfToken };
    res.json(identity);
  });

  router.get('/hall', anyStaff, (_req, res) => {
    res.json({ baseUrls: services.baseUrls(), hallWifi: engine.state.council?.hallWifi ?? '', tlsFingerprint: services.tlsFingerprint });
  });

  // ---- council ----
  router.get('/council', anyStaff, (_req, res) => {
    if (!engine.state.council) return sendError(res, 'NOT_FOUND');
    res.json(engine.state.council);
  });
  router.patch('/council', secretariat, json, async (req, res) => {
    const patch = parseBody(CouncilPatchSchema, req, res);
    if (!patch) return;
    await exec(services, req, res, { type: 'council.configure', patch }, (s) => s.council);
  });

  // ---- the hall's seat map ----
  // GET: the map to draw now (the stored layout fitted to today's roster, or the automatic one) and whether the
  // secretariat has laid the hall out. PUT: a new layout, checked against the roster seat by seat.
  const hallLayoutView = (s: CouncilState) => ({
    layout: reconcileLayout(s.council?.hallLayout, seatedSeats(s)),
    custom: Boolean(s.council?.hallLayout),
  });
  router.get('/hall-layout', anyStaff, (_req, res) => {
    if (!engine.state.council) return sendError(res, 'NOT_FOUND');
    res.json(hallLayoutView(engine.state));
  });
  router.put('/hall-layout', secretariat, json, async (req, res) => {
    const layout = parseBody(HallLayoutSchema, req, res);
    if (!layout) return;
    const problems = layoutProblems(layout, seatedSeats(engine.state));
    if (problems.length > 0) return sendError(res, 'HALL_LAYOUT_INVALID', problems);
    await exec(services, req, res, { type: 'hall.lay-out', layout }, hallLayoutView);
  });

  // ---- delegates ----
  const sortedDelegates = (s: CouncilState) => Object.values(s.delegates).sort((a, b) => a.seat - b.seat);
  router.get('/delegates', anyStaff, (_req, res) => {
    res.json(sortedDelegates(engine.state));
  });
  router.post('/delegates', secretariat, json, async (req, res) => {
    const input = parseBody(DelegateInputSchema, req, res);
    if (!input) return;
    await exec(services, req, res, { type: 'delegate.add', input }, (s, d) => s.delegates[d.result?.delegateId ?? ''] ?? null, 201);
  });
  router.patch('/delegates/:id', secretariat, json, async (req, res) => {
    const id = param(req, res, 'id');
    const patch = id && parseBody(DelegatePatchSchema, req, res);
    if (!id || !patch) return;
    await exec(services, req, res, { type: 'delegate.update', delegateId: id, patch }, (s) => s.delegates[id] ?? null);
  });
  router.post('/delegates/:id/vacate', secretariat, json, async (req, res) => {
    const id = param(req, res, 'id');
    const body = id && parseBody(z.strictObject({ reason: z.string().trim().min(1).max(200) }), req, res);
    if (!id || !body) return;
    await exec(services, req, res, { type: 'delegate.vacate', delegateId: id, reason: body.reason }, (s) => s.delegates[id] ?? null);
    // The vacated delegate's tablet is signed out at once; the card stays refused while the seat is vacant.
    if (res.statusCode === 200 && engine.state.delegates[id]?.seated === false) revokeDelegateSocket(services, id);
  });
  router.post('/delegates/:id/reseat', secretariat, async (req, res) => {
    const id = param(req, res, 'id');
    if (!id) return;
    await exec(services, req, res, { type: 'delegate.reseat', delegateId: id }, (s) => s.delegates[id] ?? null);
  });
  router.post(
    '/delegates/import',
    secretariat,
    express.text({ type: ['text/csv', 'text/plain', 'application/csv'], limit: '2mb' }),
    async (req, res) => {
      if (typeof req.body !== 'string') return sendError(res, 'UNSUPPORTED_MEDIA_TYPE');
      const parsed = parseRosterCsv(req.body);
      if (!parsed.ok) return sendError(res, 'IMPORT_INVALID', undefined, { rows: parsed.errors });
      const existing = new Set(Object.values(engine.state.delegates).map((d) => d.seat));
      const clashes: ImportRowError[] = parsed.rows.flatMap((row, i) =>
        existing.has(row.seat)
          ? [{ line: i + 2, message: `Ghế ${row.seat} đã có đại biểu.`, messageEn: `Seat ${row.seat} is already taken.` }]
          : [],
      );
      if (clashes.length > 0) return sendError(res, 'IMPORT_INVALID', undefined, { rows: clashes });
      const before = new Set(Object.keys(engine.state.delegates));
      await exec(
        services,
        req,
        res,
        { type: 'delegate.import', inputs: parsed.rows },
        (s) => {
          const added = sortedDelegates(s).filter((d) => !before.has(d.id));
          return { imported: added.length, delegates: added };
        },
        201,
      );
    },
  );
  router.get('/delegates/export.csv', anyStaff, (_req, res) => {
    const rows: CsvCell[][] = [['seat', 'fullName', 'title', 'group', 'seated', 'vacatedReason']];
    for (const d of sortedDelegates(engine.state)) {
      rows.push([d.seat, d.fullName, d.title, d.group, d.seated ? 'true' : 'false', d.vacatedReason ?? '']);
    }
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="dai-bieu.csv"');
    res.send(toCsv(rows));
  });

  // ---- login cards ----
  const cardFor = (delegateId: string, token: string): DelegateCard | null => {
    const d = engine.state.delegates[delegateId];
    if (!d) return null;
    const base = services.baseUrls()[0] ?? '';
    return { delegateId: d.id, seat: d.seat, fullName: d.fullName, title: d.title, signInUrl: `${base}/delegate/#token=${token}` };
  };
  const issueToken = async (req: Request, delegateId: string): Promise<string | null> => {
    const token = newToken();
    const at = new Date(services.nowMs()).toISOString();
    const result = await engine.record(
      [{ type: 'credential.delegate-issued', delegateId, fingerprint: fingerprint(token) }],
      actorOf(req),
      () => creds.setDelegateToken(delegateId, token, at),
    );
    return result.ok ? token : null;
  };
  // Only a hash of each card is stored: the list says who has a card and since when, never the link.
  router.get('/cards', secretariat, (_req, res) => {
    const issued = creds.cardsIssuedAt();
    const list: DelegateCardStatus[] = sortedDelegates(engine.state)
      .filter((d) => d.seated)
      .map((d) => ({ delegateId: d.id, seat: d.seat, fullName: d.fullName, title: d.title, issuedAt: issued.get(d.id) ?? null }));
    res.json(list);
  });
  // Issuing is the one moment a card's link exists: the answer carries the links to print.
  router.post('/cards/issue', secretariat, json, async (req, res) => {
    const body = parseBody(z.strictObject({ scope: z.enum(['all', 'missing']) }), req, res);
    if (!body) return;
    const issued = creds.cardsIssuedAt();
    const targets = sortedDelegates(engine.state).filter((d) => d.seated && !(body.scope === 'missing' && issued.has(d.id)));
    const tokens = targets.map((d) => ({ delegateId: d.id, token: newToken() }));
    const at = new Date(services.nowMs()).toISOString();
    // One transaction for the whole sheet: every card is issued, or none (and one fsync instead of hundreds).
    const result = await engine.record(
      tokens.map(({ delegateId, token }) => ({ type: 'credential.delegate-issued' as const, delegateId, fingerprint: fingerprint(token) })),
      actorOf(req),
      () => {
        for (const { delegateId, token } of tokens) creds.setDelegateToken(delegateId, token, at);
      },
    );
    if (!result.ok) return sendError(res, 'STORAGE_FAILURE');
    for (const { delegateId } of tokens) if (issued.has(delegateId)) revokeDelegateSocket(services, delegateId);
    res.json(tokens.flatMap(({ delegateId, token }) => cardFor(delegateId, token) ?? []));
  });
  router.post('/delegates/:id/token', secretariat, async (req, res) => {
    const id = param(req, res, 'id');
    if (!id) return;
    if (!engine.state.delegates[id]) return sendError(res, 'DELEGATE_NOT_FOUND');
    const token = await issueToken(req, id);
    if (!token) return sendError(res, 'STORAGE_FAILURE');
    revokeDelegateSocket(services, id);
    res.json(cardFor(id, token));
  });

  // ---- sessions and agenda ----
  const detail = (s: CouncilState, sessionId: string) => {
    const session = s.sessions[sessionId];
    if (!session) return null;
    const day = engine.clockNow().day;
    return {
      session,
      agenda: agendaOf(s, sessionId),
      documents: Object.values(s.documents).filter((d) => d.sessionId === sessionId),
      motions: Object.values(s.motions).filter((m) => m.sessionId === sessionId),
      rounds: sessionRounds(s, sessionId).map((r) => roundView(s, r, day, 'staff')),
    };
  };
  router.get('/sessions', anyStaff, (_req, res) => {
    res.json(Object.values(engine.state.sessions).sort((a, b) => (a.startDate < b.startDate ? 1 : -1)));
  });
  router.post('/sessions', secretariat, json, async (req, res) => {
    const input = parseBody(SessionInputSchema, req, res);
    if (!input) return;
    await exec(services, req, res, { type: 'session.create', input }, (s, d) => s.sessions[d.result?.sessionId ?? ''] ?? null, 201);
  });
  router.get('/sessions/:id', anyStaff, (req, res) => {
    const id = param(req, res, 'id');
    if (!id) return;
    const data = detail(engine.state, id);
    if (!data) return sendError(res, 'SESSION_NOT_FOUND');
    res.json(data);
  });
  router.patch('/sessions/:id', secretariat, json, async (req, res) => {
    const id = param(req, res, 'id');
    const patch = id && parseBody(SessionPatchSchema, req, res);
    if (!id || !patch) return;
    await exec(services, req, res, { type: 'session.update', sessionId: id, patch }, (s) => s.sessions[id] ?? null);
  });
  router.post('/sessions/:id/agenda', secretariat, json, async (req, res) => {
    const id = param(req, res, 'id');
    const input = id && parseBody(AgendaItemInputSchema, req, res);
    if (!id || !input) return;
    await exec(
      services,
      req,
      res,
      { type: 'agenda.add', sessionId: id, title: input.title, presenter: input.presenter },
      (s, d) => s.agenda[d.result?.itemId ?? ''] ?? null,
      201,
    );
  });
  router.put('/sessions/:id/agenda-order', secretariat, json, async (req, res) => {
    const id = param(req, res, 'id');
    const body = id && parseBody(AgendaReorderSchema, req, res);
    if (!id || !body) return;
    await exec(services, req, res, { type: 'agenda.reorder', sessionId: id, itemIds: body.itemIds }, (s) => agendaOf(s, id));
  });
  router.patch('/agenda/:id', secretariat, json, async (req, res) => {
    const id = param(req, res, 'id');
    const patch = id && parseBody(AgendaItemPatchSchema, req, res);
    if (!id || !patch) return;
    await exec(services, req, res, { type: 'agenda.update', itemId: id, ...patch }, (s) => s.agenda[id] ?? null);
  });
  router.delete('/agenda/:id', secretariat, async (req, res) => {
    const id = param(req, res, 'id');
    if (!id) return;
    await exec(services, req, res, { type: 'agenda.remove', itemId: id }, () => ({ ok: true }));
  });

  // ---- documents ----
  router.post(
    '/sessions/:id/documents',
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
  router.patch('/documents/:id', secretariat, json, async (req, res) => {
    const id = param(req, res, 'id');
    const patch = id && parseBody(DocumentPatchSchema, req, res);
    if (!id || !patch) return;
    await exec(services, req, res, { type: 'document.update', documentId: id, patch }, (s) => s.documents[id] ?? null);
  });
  router.delete('/documents/:id', secretariat, async (req, res) => {
    const id = param(req, res, 'id');
    if (!id) return;
    await exec(services, req, res, { type: 'document.remove', documentId: id }, () => ({ ok: true }));
  });
  router.get('/documents/:id/file', (req, res) => {
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

  // ---- motions ----
  router.post('/sessions/:id/motions', secretariat, json, async (req, res) => {
    const id = param(req, res, 'id');
    const input = id && parseBody(MotionInputSchema, req, res);
    if (!id || !input) return;
    await exec(services, req, res, { type: 'motion.prepare', sessionId: id, input }, (s, d) => s.motions[d.result?.motionId ?? ''] ?? null, 201);
  });
  router.put('/motions/:id', secretariat, json, async (req, res) => {
    const id = param(req, res, 'id');
    const input = id && parseBody(MotionInputSchema, req, res);
    if (!id || !input) return;
    await exec(services, req, res, { type: 'motion.update', motionId: id, input }, (s) => s.motions[id] ?? null);
  });
  router.delete('/motions/:id', secretariat, async (req, res) => {
    const id = param(req, res, 'id');
    if (!id) return;
    await exec(services, req, res, { type: 'motion.remove', motionId: id }, () => ({ ok: true }));
  });

  // ---- resolutions ----
  router.get('/resolutions', anyStaff, (_req, res) => {
    res.json(Object.values(engine.state.resolutions).sort((a, b) => b.year - a.year || b.number - a.number));
  });
  router.post('/resolutions/:id/text', secretariat, json, async (req, res) => {
    const id = param(req, res, 'id');
    const body = id && parseBody(z.strictObject({ documentId: IdSchema }), req, res);
    if (!id || !body) return;
    await exec(services, req, res, { type: 'resolution.attach-text', resolutionId: id, documentId: body.documentId }, (s) => s.resolutions[id] ?? null);
  });

  // ---- displays ----
  router.get('/displays', anyStaff, (_req, res) => {
    const online = new Set<string>();
    for (const socket of services.hub.display?.sockets.values() ?? []) online.add((socket.data as DisplaySocketData).displayId);
    const list: DisplayDevice[] = creds.displays().map((d) => ({ id: d.id, name: d.name, createdAt: d.created_at, online: online.has(d.id) }));
    res.json(list);
  });
  router.post('/displays', hallStaff, json, async (req, res) => {
    const body = parseBody(z.strictObject({ name: z.string().trim().min(1).max(100) }), req, res);
    if (!body) return;
    const id = services.newId();
    const token = newToken();
    const at = new Date(services.nowMs()).toISOString();
    const result = await engine.record(
      [{ type: 'credential.display-issued', displayId: id, name: body.name, fingerprint: fingerprint(token) }],
      actorOf(req),
      () => creds.insertDisplay(id, body.name, token, at),
    );
    if (!result.ok) return sendError(res, result.code);
    const base = services.baseUrls()[0] ?? '';
    const device: DisplayDevice = { id, name: body.name, createdAt: at, online: false, pairUrl: `${base}/display/#token=${token}` };
    res.status(201).json(device);
  });
  router.delete('/displays/:id', hallStaff, async (req, res) => {
    const id = param(req, res, 'id');
    if (!id) return;
    if (!creds.displays().some((d) => d.id === id)) return sendError(res, 'NOT_FOUND');
    const at = new Date(services.nowMs()).toISOString();
    const result = await engine.record([{ type: 'credential.display-revoked', displayId: id }], actorOf(req), () => {
      creds.revokeDisplay(id, at);
    });
    if (!result.ok) return sendError(res, result.code);
    revokeDisplaySockets(services, id);
    res.json({ ok: true });
  });

  // ---- staff accounts ----
  router.get('/staff', secretariat, (_req, res) => {
    res.json(creds.allStaff().map((s) => ({ username: s.username, displayName: s.display_name, role: s.role })));
  });
  router.post('/staff', secretariat, json, async (req, res) => {
    const body = parseBody(StaffCreateSchema, req, res);
    if (!body) return;
    if (creds.staff(body.username)) return sendError(res, 'CONFLICT', [{ path: 'username', message: 'Tên đăng nhập đã tồn tại.', messageEn: 'This user name already exists.' }]);
    const hash = hashPassword(body.password);
    const at = new Date(services.nowMs()).toISOString();
    const result = await engine.record([{ type: 'staff.created', username: body.username, role: body.role }], actorOf(req), () =>
      creds.insertStaff(body.username, body.displayName, body.role, hash, at),
    );
    if (!result.ok) return sendError(res, result.code);
    res.status(201).json({ username: body.username, displayName: body.displayName, role: body.role });
  });
  router.post('/staff/:username/password', secretariat, json, async (req, res) => {
    const username = String(req.params.username ?? '');
    const body = parseBody(PasswordResetSchema, req, res);
    if (!body) return;
    if (!creds.staff(username)) return sendError(res, 'NOT_FOUND');
    const hash = hashPassword(body.password);
    const result = await engine.record([{ type: 'staff.password-reset', username }], actorOf(req), () => creds.setPassword(username, hash));
    if (!result.ok) return sendError(res, result.code);
    // The reset ended every session of the account (setPassword); end its live sockets too.
    disconnectStaffSockets(services, { username });
    res.json({ ok: true });
  });

  router.use((_req, res) => sendError(res, 'NOT_FOUND'));
  // Body-parser errors (oversized JSON, malformed JSON) become clear refusals.
  router.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    void next;
    const type = (error as { type?: string }).type;
    if (type === 'entity.too.large') return sendError(res, 'PAYLOAD_TOO_LARGE');
    if (type === 'entity.parse.failed' || type === 'encoding.unsupported' || type === 'charset.unsupported') return sendError(res, 'BAD_REQUEST');
    logger.error({ err: error }, 'unexpected REST error');
    sendError(res, 'INTERNAL');
  });
  return router;
}
