// The roster: delegates one by one, a CSV import and export, a seat vacated and taken again.

import type { ImportRowError } from '@hddt/protocol';
import { DelegateInputSchema, DelegatePatchSchema, REST_ROUTES } from '@hddt/protocol/schemas';
import { toCsv, type CsvCell } from '../../records/csv';
import express, { type Router } from 'express';
import type { CouncilState } from '../../domain/types';
import { revokeDelegateSocket } from '../delegate-namespace';
import { parseRosterCsv } from './roster-csv';
import { exec, on, param, parseBody, sendError, type RestContext } from './http';

/** The roster in seat order. */
export const sortedDelegates = (s: CouncilState) => Object.values(s.delegates).sort((a, b) => a.seat - b.seat);

export function delegateRoutes({ services, anyStaff, secretariat, json }: RestContext): Router {
  const router = express.Router();
  const { engine } = services;
  on(router, REST_ROUTES.delegates, anyStaff, (_req, res) => {
    res.json(sortedDelegates(engine.state));
  });
  on(router, REST_ROUTES.delegateCreate, secretariat, json, async (req, res) => {
    const input = parseBody(DelegateInputSchema, req, res);
    if (!input) return;
    await exec(services, req, res, { type: 'delegate.add', input }, (s, d) => s.delegates[d.result?.delegateId ?? ''] ?? null, 201);
  });
  on(router, REST_ROUTES.delegateUpdate, secretariat, json, async (req, res) => {
    const id = param(req, res, 'id');
    const patch = id && parseBody(DelegatePatchSchema, req, res);
    if (!id || !patch) return;
    await exec(services, req, res, { type: 'delegate.update', delegateId: id, patch }, (s) => s.delegates[id] ?? null);
  });
  on(router, REST_ROUTES.delegateVacate, secretariat, json, async (req, res) => {
    const id = param(req, res, 'id');
    const body = id && parseBody(REST_ROUTES.delegateVacate.body, req, res);
    if (!id || !body) return;
    await exec(services, req, res, { type: 'delegate.vacate', delegateId: id, reason: body.reason }, (s) => s.delegates[id] ?? null);
    // The vacated delegate's tablet is signed out at once; the card stays refused while the seat is vacant.
    if (res.statusCode === 200 && engine.state.delegates[id]?.seated === false) revokeDelegateSocket(services, id);
  });
  on(router, REST_ROUTES.delegateReseat, secretariat, async (req, res) => {
    const id = param(req, res, 'id');
    if (!id) return;
    await exec(services, req, res, { type: 'delegate.reseat', delegateId: id }, (s) => s.delegates[id] ?? null);
  });
  on(
    router,
    REST_ROUTES.delegatesImport,
    secretariat,
    express.text({ type: ['text/csv', 'text/plain', 'application/csv'], limit: '2mb' }),
    async (req, res) => {
      if (typeof req.body !== 'string') return sendError(res, 'UNSUPPORTED_MEDIA_TYPE');
      const parsed = parseRosterCsv(req.body);
      if (!parsed.ok) return sendError(res, 'IMPORT_INVALID', undefined, { rows: parsed.errors });
      const existing = new Set(Object.values(engine.state.delegates).map((d) => d.seat));
      const clashes: ImportRowError[] = parsed.rows.flatMap((row, i) =>
        existing.has(row.seat) ? [{ line: i + 2, message: `Ghế ${row.seat} đã có đại biểu.`, messageEn: `Seat ${row.seat} is already taken.` }] : [],
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
  on(router, REST_ROUTES.delegatesExport, anyStaff, (_req, res) => {
    const rows: CsvCell[][] = [['seat', 'fullName', 'title', 'group', 'seated', 'vacatedReason']];
    for (const d of sortedDelegates(engine.state)) {
      rows.push([d.seat, d.fullName, d.title, d.group, d.seated ? 'true' : 'false', d.vacatedReason ?? '']);
    }
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="dai-bieu.csv"');
    res.send(toCsv(rows));
  });
  return router;
}
