// The council's own record: its names, term and hall settings, and the hall's seat map.

import { layoutProblems, reconcileLayout } from '@hddt/protocol';
import { CouncilPatchSchema, HallLayoutSchema, REST_ROUTES } from '@hddt/protocol/schemas';
import express, { type Router } from 'express';
import { seatedSeats } from '../../domain/rules/hall';
import type { CouncilState } from '../../domain/types';
import { exec, on, parseBody, sendError, type RestContext } from './http';

export function councilRoutes({ services, anyStaff, secretariat, json }: RestContext): Router {
  const router = express.Router();
  const { engine } = services;
  on(router, REST_ROUTES.council, anyStaff, (_req, res) => {
    if (!engine.state.council) return sendError(res, 'NOT_FOUND');
    res.json(engine.state.council);
  });
  on(router, REST_ROUTES.councilUpdate, secretariat, json, async (req, res) => {
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
  on(router, REST_ROUTES.hallLayout, anyStaff, (_req, res) => {
    if (!engine.state.council) return sendError(res, 'NOT_FOUND');
    res.json(hallLayoutView(engine.state));
  });
  on(router, REST_ROUTES.hallLayoutSet, secretariat, json, async (req, res) => {
    const layout = parseBody(HallLayoutSchema, req, res);
    if (!layout) return;
    const problems = layoutProblems(layout, seatedSeats(engine.state));
    if (problems.length > 0) return sendError(res, 'HALL_LAYOUT_INVALID', problems);
    await exec(services, req, res, { type: 'hall.lay-out', layout }, hallLayoutView);
  });
  return router;
}
