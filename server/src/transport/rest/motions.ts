// Motions prepared for a vote, and the resolutions that passed votes became.

import { MotionInputSchema, REST_ROUTES } from '@hddt/protocol/schemas';
import express, { type Router } from 'express';
import { exec, on, param, parseBody, type RestContext } from './http';

export function motionRoutes({ services, anyStaff, secretariat, json }: RestContext): Router {
  const router = express.Router();
  const { engine } = services;
  on(router, REST_ROUTES.motionCreate, secretariat, json, async (req, res) => {
    const id = param(req, res, 'id');
    const input = id && parseBody(MotionInputSchema, req, res);
    if (!id || !input) return;
    await exec(services, req, res, { type: 'motion.prepare', sessionId: id, input }, (s, d) => s.motions[d.result?.motionId ?? ''] ?? null, 201);
  });
  on(router, REST_ROUTES.motionUpdate, secretariat, json, async (req, res) => {
    const id = param(req, res, 'id');
    const input = id && parseBody(MotionInputSchema, req, res);
    if (!id || !input) return;
    await exec(services, req, res, { type: 'motion.update', motionId: id, input }, (s) => s.motions[id] ?? null);
  });
  on(router, REST_ROUTES.motionRemove, secretariat, async (req, res) => {
    const id = param(req, res, 'id');
    if (!id) return;
    await exec(services, req, res, { type: 'motion.remove', motionId: id }, () => ({ ok: true as const }));
  });

  // ---- resolutions ----
  on(router, REST_ROUTES.resolutions, anyStaff, (_req, res) => {
    res.json(Object.values(engine.state.resolutions).sort((a, b) => b.year - a.year || b.number - a.number));
  });
  on(router, REST_ROUTES.resolutionText, secretariat, json, async (req, res) => {
    const id = param(req, res, 'id');
    const body = id && parseBody(REST_ROUTES.resolutionText.body, req, res);
    if (!id || !body) return;
    await exec(services, req, res, { type: 'resolution.attach-text', resolutionId: id, documentId: body.documentId }, (s) => s.resolutions[id] ?? null);
  });
  return router;
}
