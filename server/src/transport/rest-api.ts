// REST (express) for what is not live: staff sign-in, setup of council/roster/sessions/agenda/documents/
// votes, document files, login cards, display devices, staff accounts. Every change goes through the same
// engine as the live commands, so it is decided by the domain rules and recorded in the log. Each domain has
// its router in rest/; this file puts them together behind the one 404 and error answer.

import { REST_ROUTES } from '@hddt/protocol/schemas';
import express, { type Router } from 'express';
import { authRoutes } from './rest/auth';
import { cardRoutes } from './rest/cards';
import { councilRoutes } from './rest/council';
import { delegateRoutes } from './rest/delegates';
import { displayRoutes } from './rest/displays';
import { documentRoutes } from './rest/documents';
import { notFound, on, restContext, restErrors } from './rest/http';
import { motionRoutes } from './rest/motions';
import { openApiDocument } from './rest/openapi';
import { sessionRoutes } from './rest/sessions';
import { staffRoutes } from './rest/staff';
import type { Services } from './services';

export { actorOf, sendError, staffAuth } from './rest/http';
export { parseRosterCsv } from './rest/roster-csv';

export function createRestApi(services: Services): Router {
  const router = express.Router();
  const ctx = restContext(services);
  let openApi: ReturnType<typeof openApiDocument> | null = null;
  on(router, REST_ROUTES.openapi, (_req, res) => {
    openApi ??= openApiDocument();
    res.json(openApi);
  });
  for (const routes of [authRoutes, councilRoutes, delegateRoutes, cardRoutes, sessionRoutes, documentRoutes, motionRoutes, displayRoutes, staffRoutes]) {
    router.use(routes(ctx));
  }
  router.use(notFound);
  router.use(restErrors);
  return router;
}
