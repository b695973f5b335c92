// The public file route /tep/:id over real HTTP against a real store, run for each PortalStore implementation
// (SQLite in sqlite-store.test.ts, PostgreSQL in pg-store.test.ts): a file is served only while a public item
// uses it, with its stored type, nosniff, a download name for non-images and caching headers; 404 otherwise.
// An upload's output (a resized image) goes through the store and comes back byte for byte.

import type { AddressInfo } from 'node:net';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { emptyState } from '../../domain/evolve';
import { Jimp } from 'jimp';
import { createReaderRoutes } from './reader-routes';
import { prepareUpload } from './uploads';
import { sampleFile, sampleItem, type StoreFactory } from './store-contract';

const T0 = '2026-07-01T08:00:00.000Z';

export function fileRouteContract(name: string, factory: StoreFactory): void {
  describe(`/tep/:id on ${name}`, () => {
    it('serves a published item’s files with their stored type and headers; drafts, confidential and withdrawn are 404', async () => {
      const { store, dispose } = await factory();
      const app = express();
      app.use(createReaderRoutes({ state: () => emptyState(), nowMs: () => Date.parse('2026-07-15T00:00:00.000Z') }, store));
      const server = app.listen(0, '127.0.0.1');
      await new Promise<void>((resolve) => server.once('listening', () => resolve()));
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      try {
        const pdf = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');
        const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
        await store.saveFile(sampleFile({ id: 'att', name: 'Nghị quyết số 07.pdf', size: pdf.length }), pdf);
        await store.saveFile(sampleFile({ id: 'img', name: 'anh.png', contentType: 'image/png', size: png.length, sha256: 'cd'.repeat(32) }), png);
        await store.saveFile(sampleFile({ id: 'nhap', size: pdf.length }), pdf);
        await store.saveFile(sampleFile({ id: 'mat', size: pdf.length }), pdf);
        const attachment = (fileId: string) => ({ fileId, title: 'Toàn văn', name: 'a.pdf', contentType: 'application/pdf', size: pdf.length });
        const pub = sampleItem({
          id: 'pub',
          state: 'published',
          publishAt: T0,
          attachments: [attachment('att')],
          bodyHtml: '<p><img src="/tep/img" alt="Toàn cảnh kỳ họp"></p>',
        });
        await store.commit({ item: pub, expect: null });
        await store.commit({ item: sampleItem({ id: 'dr', attachments: [attachment('nhap')] }), expect: null });
        await store.commit({
          item: sampleItem({
            id: 'sec',
            kind: 'document',
            section: 'van-ban-dieu-hanh',
            state: 'published',
            publishAt: T0,
            confidential: true,
            attachments: [attachment('mat')],
          }),
          expect: null,
        });

        const doc = await fetch(`${base}/tep/att`);
        expect(doc.status).toBe(200);
        expect(doc.headers.get('content-type')).toBe('application/pdf');
        expect(doc.headers.get('x-content-type-options')).toBe('nosniff');
        expect(doc.headers.get('content-disposition')).toBe(
          `attachment; filename="Nghi quyet so 07.pdf"; filename*=UTF-8''${encodeURIComponent('Nghị quyết số 07.pdf')}`,
        );
        expect(doc.headers.get('cache-control')).toBe('public, max-age=300');
        expect(doc.headers.get('etag')).toBe(`"${'ab'.repeat(32)}"`);
        expect(new Uint8Array(await doc.arrayBuffer())).toEqual(pdf);
        expect((await fetch(`${base}/tep/att`, { headers: { 'If-None-Match': `"${'ab'.repeat(32)}"` } })).status).toBe(304);

        const image = await fetch(`${base}/tep/img`);
        expect(image.status).toBe(200);
        expect(image.headers.get('content-type')).toBe('image/png');
        expect(image.headers.get('content-disposition')).toBeNull();
        expect(new Uint8Array(await image.arrayBuffer())).toEqual(png);

        for (const id of ['nhap', 'mat', 'khong-co', 'x%20y', '..%2Fetc']) {
          const res = await fetch(`${base}/tep/${id}`);
          expect(res.status, id).toBe(404);
          expect(res.headers.get('content-type'), id).toContain('text/html');
          expect(await res.text(), id).not.toContain('%PDF');
        }
        await store.commit({ item: { ...pub, state: 'withdrawn' }, expect: { version: 1, state: 'published' } });
        expect((await fetch(`${base}/tep/att`)).status).toBe(404);
        expect((await fetch(`${base}/tep/img`)).status).toBe(404);
      } finally {
        await new Promise((resolve) => server.close(resolve));
        await dispose();
      }
    });

    it('keeps an uploaded image as resized, byte for byte, and serves it once a published item shows it', async () => {
      const { store, dispose } = await factory();
      const app = express();
      app.use(createReaderRoutes({ state: () => emptyState(), nowMs: () => Date.parse('2026-07-15T00:00:00.000Z') }, store));
      const server = app.listen(0, '127.0.0.1');
      await new Promise<void>((resolve) => server.once('listening', () => resolve()));
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      try {
        const png = await new Jimp({ width: 1800, height: 900, color: 0x1f5fd6ff }).getBuffer('image/png');
        const prepared = await prepareUpload(png, 'Hội trường.png', { username: 'bientap', at: T0 });
        if (!prepared.ok) throw new Error(prepared.code);
        const { meta, bytes } = prepared.value;
        expect(meta).toMatchObject({ contentType: 'image/png', width: 1600, height: 800, size: bytes.byteLength, name: 'Hội trường.png' });
        expect(await store.saveFile(meta, bytes)).toBe(true);
        expect(await store.fileMeta(meta.id)).toEqual(meta);
        expect((await fetch(`${base}/tep/${meta.id}`)).status).toBe(404);
        await store.commit({
          item: sampleItem({ id: 'anh', state: 'published', publishAt: T0, bodyHtml: `<p><img src="/tep/${meta.id}" alt="Hội trường"></p>` }),
          expect: null,
        });
        const res = await fetch(`${base}/tep/${meta.id}`);
        expect(res.status).toBe(200);
        const served = new Uint8Array(await res.arrayBuffer());
        expect(served).toEqual(bytes);
        const decoded = await Jimp.read(Buffer.from(served));
        expect([decoded.width, decoded.height]).toEqual([1600, 800]);
      } finally {
        await new Promise((resolve) => server.close(resolve));
        await dispose();
      }
    }, 180_000);
  });
}
