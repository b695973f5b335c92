// Serves the three built apps (Vite output) at /chair, /delegate and /display. Any path under an app
// falls back to its index.html so reloads of deep links work.

import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';

export const APPS = [
  { mount: '/chair', dir: 'chair-console' },
  { mount: '/delegate', dir: 'delegate-client' },
  { mount: '/display', dir: 'display-screen' },
] as const;

export function attachStaticApps(app: Express, root: string): void {
  for (const { mount, dir } of APPS) {
    const dist = path.join(root, dir, 'dist');
    app.use(mount, express.static(dist, { index: 'index.html', maxAge: '1h', setHeaders: noCacheForHtml }));
    app.get(new RegExp(`^${mount}(/.*)?$`), (_req, res) => {
      const index = path.join(dist, 'index.html');
      if (!existsSync(index)) {
        res
          .status(503)
          .type('text/plain; charset=utf-8')
          .send(`Ứng dụng chưa được build. Chạy "npm run build". / The app is not built yet. Run "npm run build".`);
        return;
      }
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  }
  // '/' is the public portal (transport/portal-routes.ts); staff open /chair/ directly.
}

function noCacheForHtml(res: express.Response, file: string): void {
  if (file.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
}
