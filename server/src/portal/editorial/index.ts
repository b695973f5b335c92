// The editorial portal as one unit: its store (SQLite by default), the workflow service, the staff REST API
// and the reader routes. app.ts mounts it; a separate portal service could mount the same with another store.

import type { Router } from 'express';
import type { Db } from '../../storage/database';
import type { Services } from '../../transport/services';
import { parseCookies, staffFromCookie } from '../../transport/staff-auth';
import { createEditorialApi } from './editorial-api';
import { Editorial } from './editorial';
import { createReaderRoutes } from './reader-routes';
import { SqlitePortalStore } from './sqlite-store';
import type { PortalStore } from './store';
import { startUploadSweeper } from './upload-sweeper';

export interface EditorialPortal {
  store: PortalStore;
  editorial: Editorial;
  api: Router;
  reader: Router;
  /** Stops the periodic clean-up of unused uploads (upload-sweeper.ts); call before closing the store. */
  stop: () => void;
}

export function createEditorialPortal(
  services: Services,
  db: Db,
  store: PortalStore = new SqlitePortalStore(db, new Date(services.nowMs()).toISOString()),
): EditorialPortal {
  const editorial = new Editorial({
    store,
    record: (events, actor) => services.engine.record(events, actor),
    nowMs: () => services.nowMs(),
    newId: () => services.newId(),
  });
  const stop = startUploadSweeper(store, () => services.nowMs());
  return {
    store,
    editorial,
    stop,
    api: createEditorialApi(services, store, editorial, db),
    reader: createReaderRoutes({ state: () => services.engine.state, nowMs: () => services.nowMs() }, store, (req) => {
      const role = staffFromCookie(services, parseCookies(req.headers.cookie))?.role;
      return role === 'editor' || role === 'board-head';
    }),
  };
}
