// Reader routes of the editorial portal, mounted before the hall's portal router: the documents index, a
// section's list, an item, the introduction and contact pages, search across every section (the portal's
// /tim-kiem with the editorial hits added), RSS per section and the sitemap. Anything not public is 404.

import express, { type Request, type Response, type Router } from 'express';
import type { CouncilState } from '../../domain/types';
import { sendHtml } from '../../transport/portal-routes';
import { notFoundPage, searchPage } from '../pages';
import { fold, publicResolutions, publicSessions, searchPublic, type Lang } from '../public-data';
import { delegatePage, delegateRecord } from './delegate-pages';
import { contentHitsBlock, councilZone, documentsIndexPage, itemPage, itemPath, sectionPage, sectionPath, sectionRss, sitemap } from './reader-pages';
import type { PortalStore } from './store';
import { isPublic } from './workflow';

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const KEY = /^[a-z0-9-]{1,60}$/;
/** Types shown in the page (body images, photos); everything else downloads. */
const FILE_INLINE = new Set(['image/jpeg', 'image/png', 'image/webp']);

/** `attachment` with the file's own name: an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
export function contentDisposition(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/**
 * What the public pages read: the council's public state (the hall engine's, or in the portal service the
 * state folded from the log the hall published) and the clock.
 */
export interface PortalView {
  state(): CouncilState;
  nowMs(): number;
}

/**
 * `preview` says whether a request comes from the editorial board (the hall server checks its staff cookie):
 * the editor's screen shows a draft's images at the same /tep/<id> address readers will use, so the board
 * sees a file that readers cannot, never cached. The portal service has no staff and passes none.
 */
export function createReaderRoutes(view: PortalView, store: PortalStore, preview?: (req: Request) => boolean): Router {
  const router = express.Router();
  const state = (): CouncilState => view.state();
  const now = () => new Date(view.nowMs()).toISOString();
  const notFound = (res: Response, lang: Lang, path: string) => sendHtml(res, 404, notFoundPage(state(), lang, path));
  const baseOf = (req: Request) => `${req.protocol}://${req.get('host') ?? 'localhost'}`;
  const count = (section: string) => store.countView(now().slice(0, 10), section);
  const sectionOf = async (key: string) => (KEY.test(key) ? ((await store.sections()).find((s) => s.key === key) ?? null) : null);

  for (const [prefix, lang] of [
    ['', 'vi'],
    ['/en', 'en'],
  ] as const) {
    const p = (path: string) => `${prefix}${path}`;
    router.get(p('/van-ban'), async (_req, res) => {
      const sections = (await store.sections()).filter((s) => s.kind === 'document');
      const items = await store.publicItems(now(), { limit: 1000 });
      sendHtml(
        res,
        200,
        documentsIndexPage(
          state(),
          lang,
          sections.map((section) => ({ section, count: items.filter((i) => i.section === section.key).length })),
        ),
      );
    });
    router.get(p('/chuyen-muc/:key'), async (req, res) => {
      const section = await sectionOf(String(req.params.key));
      if (!section) return notFound(res, lang, `/chuyen-muc/${String(req.params.key)}`);
      await count(section.key);
      sendHtml(res, 200, sectionPage(state(), lang, section, await store.publicItems(now(), { section: section.key })));
    });
    router.get(p('/bai/:id'), async (req, res) => {
      const id = String(req.params.id);
      const item = ID.test(id) ? await store.item(id) : null;
      const section = item && isPublic(item, now()) ? await sectionOf(item.section) : null;
      if (!item || !section) return notFound(res, lang, `/bai/${id}`);
      await count(section.key);
      sendHtml(res, 200, itemPage(state(), lang, section, item));
    });
    // The introduction and contact pages: the newest published page of that section.
    for (const key of ['gioi-thieu', 'lien-he']) {
      router.get(p(`/${key}`), async (_req, res, next) => {
        const section = await sectionOf(key);
        const [item] = await store.publicItems(now(), { section: key, limit: 1 });
        if (!section || !item) return next();
        await count(key);
        sendHtml(res, 200, itemPage(state(), lang, section, item));
      });
    }
    router.get(p('/dai-bieu/:id'), async (req, res) => {
      const id = String(req.params.id);
      const d = ID.test(id) && Object.prototype.hasOwnProperty.call(state().delegates, id) ? state().delegates[id] : undefined;
      if (!d || !d.seated) return notFound(res, lang, `/dai-bieu/${id}`);
      await count('dai-bieu');
      sendHtml(res, 200, delegatePage(state(), lang, d, await store.delegateProfile(id), delegateRecord(state(), id)));
    });
    router.get(p('/tim-kiem'), async (req, res) => {
      const q = typeof req.query.q === 'string' ? req.query.q.normalize('NFC').slice(0, 200) : '';
      if (!q.trim()) return sendHtml(res, 200, searchPage(state(), lang, q, null));
      const words = fold(q).split(/\s+/).filter(Boolean);
      const items = await store.searchPublic(now(), words);
      sendHtml(
        res,
        200,
        searchPage(state(), lang, q, searchPublic(state(), q), { count: items.length, block: contentHitsBlock(items, lang, councilZone(state())) }),
      );
    });
  }

  // A stored file (attachment, body image, delegate photo), only while readers may see it (fileIsPublic):
  // the file of a draft, a confidential document or a withdrawn item is 404, the same as a missing one. The
  // type is the one checked at upload, never sniffed; non-images download under their own name. A short
  // cache lifetime, so a withdrawal takes effect within minutes; the sha256 is the ETag.
  router.get('/tep/:id', async (req, res) => {
    const id = String(req.params.id);
    const open = ID.test(id) && (await store.fileIsPublic(now(), id));
    const file = ID.test(id) && (open || preview?.(req)) ? await store.file(id) : null;
    if (!file) return notFound(res, 'vi', `/tep/${id}`);
    const { meta, bytes } = file;
    const etag = `"${meta.sha256}"`;
    res.setHeader('Content-Type', meta.contentType);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.setHeader('Cache-Control', open ? 'public, max-age=300' : 'private, no-store');
    res.setHeader('ETag', etag);
    if (!FILE_INLINE.has(meta.contentType)) res.setHeader('Content-Disposition', contentDisposition(meta.name));
    if (req.get('if-none-match') === etag) return res.status(304).end();
    res.status(200).send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  });

  router.get('/rss/:file', async (req, res) => {
    const m = /^([a-z0-9-]{1,60})\.xml$/.exec(String(req.params.file));
    const section = m ? await sectionOf(m[1]!) : null;
    if (!section) return notFound(res, 'vi', `/rss/${String(req.params.file)}`);
    const items = await store.publicItems(now(), { section: section.key, limit: 50 });
    res.setHeader('Content-Type', 'application/rss+xml; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache');
    res.send(sectionRss(state(), section, items, baseOf(req)));
  });

  router.get('/sitemap.xml', async (req, res) => {
    const s = state();
    const paths: { path: string; lastmod?: string }[] = ['/', '/van-ban', '/dai-bieu', '/ky-hop', '/nghi-quyet', '/y-kien'].map((path) => ({ path }));
    for (const section of await store.sections()) paths.push({ path: sectionPath(section) });
    for (const item of await store.publicItems(now(), { limit: 1000 })) paths.push({ path: itemPath(item), lastmod: item.publishAt ?? undefined });
    for (const d of Object.values(s.delegates)) if (d.seated) paths.push({ path: `/dai-bieu/${d.id}` });
    for (const session of publicSessions(s)) paths.push({ path: `/ky-hop/${session.id}` });
    for (const r of publicResolutions(s)) paths.push({ path: `/nghi-quyet/${r.id}`, lastmod: r.adoptedOn });
    res.setHeader('Content-Type', 'application/xml; charset=utf-8');
    res.send(sitemap(baseOf(req), [...paths, ...paths.map((x) => ({ ...x, path: x.path === '/' ? '/en/' : `/en${x.path}` }))]));
  });
  return router;
}
