// REST for the records a secretariat hands in after a session: the minutes (JSON, DOCX, PDF, editable notes),
// vote result exports (CSV/JSON for a round, a session, the term), integrity check, online backup and the
// archive (Kỷ yếu) with its search. Every export states the log head (seq and hash) it was made from, in the
// X-Log-Head header and in its body. The state and the head are read in the same tick, so they agree.

import { IdSchema, MinutesNotesInputSchema, RECORDS_ROUTES } from '@hddt/protocol/schemas';
import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import type { Db } from '../storage/database';
import { archiveOf, searchArchive } from '../records/archive';
import { backupDataDir } from '../records/backup';
import { logger } from '../logger';
import { checkIntegrityInChild } from '../records/integrity-run';
import { countingMinutesLayout } from '../records/counting-minutes';
import { kyYeuLayouts } from '../records/ky-yeu';
import { minutesDocx } from '../records/minutes-docx';
import { minutesLayout } from '../records/minutes-layout';
import { mergeNotes, notesFingerprint, readNotes, storeNotes } from '../records/minutes-notes';
import { minutesPdf } from '../records/minutes-pdf';
import { councilFor, exportHeader, resultsCsv, roundExport, sessionExports, termExports, type ResultsExport } from '../records/results-export';
import { resultsXlsx } from '../records/results-xlsx';
import { logTimes, sessionRecord, type LogHead, type LogTimes } from '../records/session-record';
import { actorOf, sendError, staffAuth } from './rest-api';
import { on } from './rest/http';
import type { Services } from './services';
import { fieldErrors } from './socket-handlers';

export const LOG_HEAD_HEADER = 'X-Log-Head';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function createRecordsApi(services: Services, db: Db): Router {
  const router = express.Router();
  const { engine } = services;
  const json = express.json({ limit: '512kb' });

  const anyStaff = staffAuth(services);
  const secretariat = staffAuth(services, 'secretariat');

  const head = (): LogHead => engine.store.head;
  const idParam = (req: Request, res: Response): string | undefined => {
    const parsed = IdSchema.safeParse(req.params.id);
    if (!parsed.success) {
      sendError(res, 'NOT_FOUND');
      return undefined;
    }
    return parsed.data;
  };
  const stamp = (res: Response, h: LogHead) => res.setHeader(LOG_HEAD_HEADER, `${h.seq}:${h.hash}`);
  const attachment = (res: Response, name: string) => res.setHeader('Content-Disposition', `attachment; filename="${name.replace(/[^A-Za-z0-9._-]/g, '_')}"`);

  // ---- minutes ----
  const minutesOf = (sessionId: string) => {
    // One synchronous read: state, log head and times describe the same moment.
    const h = head();
    const record = sessionRecord(engine.state, sessionId, h, logTimes(engine.store.readAll()));
    if (!record) return null;
    return { logHead: h, record, notes: readNotes(db, sessionId) };
  };
  on(router, RECORDS_ROUTES.minutes, anyStaff, (req, res) => {
    const id = idParam(req, res);
    if (!id) return;
    const m = minutesOf(id);
    if (!m) return sendError(res, 'SESSION_NOT_FOUND');
    stamp(res, m.logHead);
    res.json(m);
  });
  const notesSaves = new Map<string, Promise<void>>();
  on(router, RECORDS_ROUTES.minutesNotes, secretariat, json, async (req, res) => {
    const id = idParam(req, res);
    if (!id) return;
    if (!engine.state.sessions[id]) return sendError(res, 'SESSION_NOT_FOUND');
    const parsed = MinutesNotesInputSchema.safeParse(req.body);
    if (!parsed.success) return sendError(res, 'BAD_REQUEST', fieldErrors(parsed.error));
    // One save of a session's notes at a time: each merges into what the previous one stored.
    const previous = notesSaves.get(id) ?? Promise.resolve();
    const save = previous.then(async () => {
      const notes = mergeNotes(readNotes(db, id), parsed.data, new Date(services.nowMs()).toISOString(), req.staff!.username);
      // The text goes into its table in the same transaction as the log entry that witnesses it.
      const result = await engine.record([{ type: 'minutes.notes-saved', sessionId: id, sha256: notesFingerprint(notes) }], actorOf(req), () =>
        storeNotes(db, id, notes),
      );
      if (!result.ok) sendError(res, result.code);
      else res.json(notes);
    });
    const settled = save.catch(() => {
      if (!res.headersSent) sendError(res, 'STORAGE_FAILURE');
    });
    notesSaves.set(id, settled);
    await settled;
    if (notesSaves.get(id) === settled) notesSaves.delete(id);
  });
  const minutesFile = (kind: 'docx' | 'pdf') => async (req: Request, res: Response) => {
    const id = idParam(req, res);
    if (!id) return;
    const m = minutesOf(id);
    if (!m) return sendError(res, 'SESSION_NOT_FOUND');
    const layout = minutesLayout(m.record, m.notes);
    const file = kind === 'docx' ? await minutesDocx(layout) : await minutesPdf(layout);
    stamp(res, m.logHead);
    res.setHeader('Content-Type', kind === 'docx' ? DOCX_TYPE : 'application/pdf');
    attachment(res, `bien-ban-ky-hop-${m.record.session.number}.${kind}`);
    res.send(file);
  };
  on(router, RECORDS_ROUTES.minutesDocx, anyStaff, minutesFile('docx'));
  on(router, RECORDS_ROUTES.minutesPdf, anyStaff, minutesFile('pdf'));

  // ---- counting minutes (biên bản kiểm phiếu) of a secret round ----
  const countingFile = (kind: 'docx' | 'pdf') => async (req: Request, res: Response) => {
    const id = idParam(req, res);
    if (!id) return;
    const round = engine.state.rounds[id];
    const motion = round ? engine.state.motions[round.motionId] : undefined;
    if (!round || !motion) return sendError(res, 'ROUND_NOT_FOUND');
    if (motion.practice) return sendError(res, 'PRACTICE_ROUND');
    if (motion.mode !== 'secret') return sendError(res, 'NOT_SECRET_ROUND');
    if (!round.result || (round.status !== 'closed' && round.status !== 'announced')) return sendError(res, 'ROUND_NOT_CLOSED');
    const h = head();
    const times = logTimes(engine.store.readAll());
    const record = sessionRecord(engine.state, round.sessionId, h, times);
    const council = councilFor(engine.state, round.sessionId, times);
    const rr = record ? [...record.items.flatMap((i) => i.rounds), ...record.otherRounds].find((r) => r.id === id) : undefined;
    if (!record || !rr || !council) return sendError(res, 'ROUND_NOT_FOUND');
    const layout = countingMinutesLayout(record, rr, council);
    const file = kind === 'docx' ? await minutesDocx(layout) : await minutesPdf(layout);
    stamp(res, h);
    res.setHeader('Content-Type', kind === 'docx' ? DOCX_TYPE : 'application/pdf');
    attachment(res, `bien-ban-kiem-phieu-${id}.${kind}`);
    res.send(file);
  };
  // ---- the printable Kỷ yếu of a session ----
  const kyYeuFile = (kind: 'docx' | 'pdf') => async (req: Request, res: Response) => {
    const id = idParam(req, res);
    if (!id) return;
    const m = minutesOf(id);
    if (!m) return sendError(res, 'SESSION_NOT_FOUND');
    const layouts = kyYeuLayouts(engine.state, m.record, m.notes);
    const title = `Kỷ yếu ${m.record.session.heading}`;
    const file = kind === 'docx' ? await minutesDocx(layouts, title) : await minutesPdf(layouts, title);
    stamp(res, m.logHead);
    res.setHeader('Content-Type', kind === 'docx' ? DOCX_TYPE : 'application/pdf');
    attachment(res, `ky-yeu-ky-hop-${m.record.session.number}.${kind}`);
    res.send(file);
  };
  on(router, RECORDS_ROUTES.kyYeuDocx, anyStaff, kyYeuFile('docx'));
  on(router, RECORDS_ROUTES.kyYeuPdf, anyStaff, kyYeuFile('pdf'));
  on(router, RECORDS_ROUTES.countingMinutesDocx, anyStaff, countingFile('docx'));
  on(router, RECORDS_ROUTES.countingMinutesPdf, anyStaff, countingFile('pdf'));

  // ---- results ----
  // The log is read once per request: the rounds are written with the roster and settings of their time.
  const sendResults = async (res: Response, format: 'csv' | 'json' | 'xlsx', data: ResultsExport, name: string, times: LogTimes) => {
    stamp(res, data.logHead);
    if (format === 'json') {
      res.json(data);
      return;
    }
    if (format === 'xlsx') {
      const file = await resultsXlsx(data, (r) => councilFor(engine.state, r.sessionId, times));
      res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      attachment(res, `${name}.xlsx`);
      res.send(file);
      return;
    }
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    attachment(res, `${name}.csv`);
    res.send(resultsCsv(engine.state, data.rounds, times));
  };
  const resultRoutes = {
    csv: [RECORDS_ROUTES.roundResultsCsv, RECORDS_ROUTES.sessionResultsCsv, RECORDS_ROUTES.termResultsCsv],
    json: [RECORDS_ROUTES.roundResultsJson, RECORDS_ROUTES.sessionResultsJson, RECORDS_ROUTES.termResultsJson],
    xlsx: [RECORDS_ROUTES.roundResultsXlsx, RECORDS_ROUTES.sessionResultsXlsx, RECORDS_ROUTES.termResultsXlsx],
  } as const;
  for (const format of ['csv', 'json', 'xlsx'] as const) {
    const [roundRoute, sessionRoute, termRoute] = resultRoutes[format];
    on(router, roundRoute, anyStaff, async (req: Request<{ id: string }>, res: Response) => {
      const id = idParam(req, res);
      if (!id) return;
      const h = head();
      const times = logTimes(engine.store.readAll());
      const round = engine.state.rounds[id];
      const r = round ? roundExport(engine.state, round, times) : null;
      if (!r) return sendError(res, 'ROUND_NOT_FOUND');
      await sendResults(res, format, exportHeader(engine.state, 'round', h, [r], councilFor(engine.state, r.sessionId, times)), `ket-qua-luot-${id}`, times);
    });
    on(router, sessionRoute, anyStaff, async (req: Request<{ id: string }>, res: Response) => {
      const id = idParam(req, res);
      if (!id) return;
      const session = engine.state.sessions[id];
      if (!session) return sendError(res, 'SESSION_NOT_FOUND');
      const h = head();
      const times = logTimes(engine.store.readAll());
      const data = exportHeader(engine.state, 'session', h, sessionExports(engine.state, id, times), councilFor(engine.state, id, times));
      await sendResults(res, format, data, `ket-qua-ky-hop-${session.number}`, times);
    });
    on(router, termRoute, anyStaff, async (_req: Request, res: Response) => {
      const h = head();
      const times = logTimes(engine.store.readAll());
      await sendResults(res, format, exportHeader(engine.state, 'term', h, termExports(engine.state, times)), 'ket-qua-nhiem-ky', times);
    });
  }

  // ---- integrity and backup ----
  on(router, RECORDS_ROUTES.integrity, anyStaff, async (_req, res) => {
    try {
      const report = await checkIntegrityInChild(db.name);
      stamp(res, report.head);
      res.json(report);
    } catch (error) {
      logger.error({ err: error }, 'integrity check failed');
      sendError(res, 'INTERNAL');
    }
  });
  on(router, RECORDS_ROUTES.backup, secretariat, async (_req, res) => {
    try {
      const info = await backupDataDir(db, services.dataDir, new Date(services.nowMs()));
      stamp(res, info.logHead);
      res.status(201).json(info);
    } catch {
      sendError(res, 'STORAGE_FAILURE');
    }
  });

  // ---- archive ----
  on(router, RECORDS_ROUTES.archive, anyStaff, (_req, res) => {
    const archive = archiveOf(engine.state, head(), logTimes(engine.store.readAll()));
    stamp(res, archive.logHead);
    res.json(archive);
  });
  on(router, RECORDS_ROUTES.archiveSearch, anyStaff, (req, res) => {
    const q = z.string().trim().min(1).max(200).safeParse(req.query.q);
    if (!q.success) return sendError(res, 'BAD_REQUEST', fieldErrors(q.error));
    const archive = archiveOf(engine.state, head(), logTimes(engine.store.readAll()));
    stamp(res, archive.logHead);
    res.json({ q: q.data, logHead: archive.logHead, hits: searchArchive(archive, q.data) });
  });

  return router;
}
