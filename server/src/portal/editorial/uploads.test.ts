// Portal uploads over real HTTP on a real server: the type found from the content (not the name), PDFs
// parsed, images resized to PORTAL_IMAGE_MAX_SIDE and stored without their metadata, size limits, roles and
// CSRF, vi/en refusals with their HTTP status, a draft's file private (the board previews it), and the
// delegate's photo. Decoding and resizing in JavaScript takes seconds per image on a loaded machine (22 s
// was seen for the 2400 px photo), so the tests that resize carry a time budget of their own.
import type { ContentItem, DelegateProfile, PortalFile } from '@hddt/protocol';
import { PORTAL_IMAGE_MAX_SIDE, PORTAL_MAX_FILE_BYTES, errorBody, httpStatusOf } from '@hddt/protocol';
import { zipSync, strToU8 } from 'fflate';
import { Jimp } from 'jimp';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../storage/database';
import { simplePdf } from '../../seed/pdf';
import { api, startServer, staffLogin, type StaffSession, type TestServer } from '../../testing/harness';
import { imageHeaderSize, sniffFileType, storedFileName } from './file-types';
import { prepareUpload } from './uploads';
import { SqlitePortalStore } from './sqlite-store';
import { sampleFile, sampleItem } from './store-contract';
import { startUploadSweeper, sweepUnusedUploads } from './upload-sweeper';

let server: TestServer;
let editor: StaffSession;
let head: StaffSession;

interface Refusal {
  code: string;
  message: string;
  messageEn: string;
}

const upload = <T = PortalFile>(bytes: Uint8Array, name: string, as: StaffSession, path = '/api/portal/files') =>
  api<T>(server, 'POST', `${path}?name=${encodeURIComponent(name)}`, bytes, as);

/** A JPEG with an EXIF segment (camera make and a GPS-like marker) inserted after its SOI marker. */
function withExif(jpeg: Uint8Array): Uint8Array {
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), Buffer.from('MM\0*\0\0\0\x08\0\0', 'latin1'), Buffer.from('GPS-VI-TRI-BI-MAT', 'latin1')]);
  const segment = Buffer.concat([Buffer.from([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]), payload]);
  return new Uint8Array(Buffer.concat([Buffer.from(jpeg.subarray(0, 2)), segment, Buffer.from(jpeg.subarray(2))]));
}

const docx = () => zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') });
const xlsx = () => zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') });

beforeAll(async () => {
  server = await startServer();
  for (const [username, role] of [
    ['bientap', 'editor'],
    ['truongban', 'board-head'],
  ] as const) {
    expect((await api(server, 'POST', '/api/staff', { username, displayName: username, role, password: 'mat-khau-dai-10' })).status).toBe(201);
  }
  editor = await staffLogin(server, 'bientap', 'mat-khau-dai-10');
  head = await staffLogin(server, 'truongban', 'mat-khau-dai-10');
});

afterAll(async () => {
  await server?.dispose();
});

describe('file types by content', () => {
  it('finds JPEG, PNG, PDF, DOCX, XLSX, ZIP, DOC and XLS from the bytes; anything else is none', async () => {
    const png = await new Jimp({ width: 3, height: 2, color: 0xffffffff }).getBuffer('image/png');
    const jpg = await new Jimp({ width: 3, height: 2, color: 0xffffffff }).getBuffer('image/jpeg');
    expect(sniffFileType(png)).toBe('image/png');
    expect(sniffFileType(jpg)).toBe('image/jpeg');
    expect(imageHeaderSize(png, 'image/png')).toEqual({ width: 3, height: 2 });
    expect(imageHeaderSize(withExif(jpg), 'image/jpeg')).toEqual({ width: 3, height: 2 });
    expect(sniffFileType(await simplePdf('x', ['y']))).toBe('application/pdf');
    expect(sniffFileType(docx())).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(sniffFileType(xlsx())).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(sniffFileType(zipSync({ 'a.txt': strToU8('a') }))).toBe('application/zip');
    const cfb = (stream: string) =>
      new Uint8Array(Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(500), Buffer.from(stream, 'utf16le')]));
    expect(sniffFileType(cfb('WordDocument'))).toBe('application/msword');
    expect(sniffFileType(cfb('Workbook'))).toBe('application/vnd.ms-excel');
    expect(sniffFileType(cfb('Something'))).toBeNull();
    for (const other of ['MZ\x90\0 an exe', '<html><script>alert(1)</script>', 'GIF89a', 'PK\x03\x04 broken zip'])
      expect(sniffFileType(Buffer.from(other, 'latin1')), other).toBeNull();
  });

  it('names the stored file after the type found, without folders or characters Windows refuses', () => {
    expect(storedFileName('C:\\Users\\a\\Nghị quyết số 07.pdf', 'application/pdf')).toBe('Nghị quyết số 07.pdf');
    expect(storedFileName('../../etc/passwd', 'application/pdf')).toBe('passwd.pdf');
    expect(storedFileName('ảnh "kỳ họp".jpeg', 'image/jpeg')).toBe('ảnh kỳ họp.jpg');
    expect(storedFileName('bao-cao.pdf', 'image/png')).toBe('bao-cao.png');
    expect(storedFileName('', 'application/pdf')).toBe('tep.pdf');
    expect(storedFileName('Kế hoạch 2027.xlsx'.normalize('NFD'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).toBe(
      'Kế hoạch 2027.xlsx',
    );
  });
});

describe('POST /api/portal/files', () => {
  it('resizes a large image to fit the maximum, keeps its aspect and drops its metadata; a draft’s file is private', async () => {
    const big = withExif(await new Jimp({ width: 2400, height: 1200, color: 0x2a6f97ff }).getBuffer('image/jpeg', { quality: 80 }));
    const up = await upload(big, 'Toàn cảnh kỳ họp.JPG', editor);
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({
      name: 'Toàn cảnh kỳ họp.jpg',
      contentType: 'image/jpeg',
      width: PORTAL_IMAGE_MAX_SIDE,
      height: PORTAL_IMAGE_MAX_SIDE / 2,
      uploadedBy: 'bientap',
    });
    expect(up.body.id).toMatch(/^[A-Za-z0-9_-]{22}$/);

    // Readers cannot fetch a file no published item uses; the board previews it, never cached.
    expect((await fetch(`${server.url}/tep/${up.body.id}`)).status).toBe(404);
    const preview = await fetch(`${server.url}/tep/${up.body.id}`, { headers: { cookie: editor.cookie } });
    expect(preview.status).toBe(200);
    expect(preview.headers.get('cache-control')).toBe('private, no-store');
    const stored = Buffer.from(await preview.arrayBuffer());
    expect(stored.length).toBe(up.body.size);
    expect(stored.includes(Buffer.from('Exif'))).toBe(false);
    expect(stored.includes(Buffer.from('GPS-VI-TRI-BI-MAT'))).toBe(false);
    const decoded = await Jimp.read(stored);
    expect([decoded.width, decoded.height]).toEqual([1600, 800]);

    const meta = await api<PortalFile>(server, 'GET', `/api/portal/files/${up.body.id}`, undefined, editor);
    expect(meta.body).toEqual(up.body);

    // Published with the item that uses it, the image is public (and cacheable).
    const item = await api<ContentItem>(
      server,
      'POST',
      '/api/portal/items',
      { kind: 'article', section: 'tin-tuc', title: 'Ảnh kỳ họp', bodyHtml: `<p><img src="/tep/${up.body.id}" alt="Toàn cảnh hội trường"></p>` },
      editor,
    );
    expect(item.status).toBe(201);
    expect(item.body.bodyHtml).toContain(`<img src="/tep/${up.body.id}" alt="Toàn cảnh hội trường" />`);
    expect((await api(server, 'POST', `/api/portal/items/${item.body.id}/transition`, { action: 'submit' }, editor)).status).toBe(200);
    expect((await api(server, 'POST', `/api/portal/items/${item.body.id}/transition`, { action: 'publish' }, head)).status).toBe(200);
    const open = await fetch(`${server.url}/tep/${up.body.id}`);
    expect(open.status).toBe(200);
    expect(open.headers.get('cache-control')).toBe('public, max-age=300');
  }, 180_000);

  it('keeps a small PNG’s size and type; stores PDF, DOCX and XLSX attachments under their checked type', async () => {
    const small = await new Jimp({ width: 640, height: 480, color: 0xffcc00ff }).getBuffer('image/png');
    const png = await upload(small, 'so-do.png', editor);
    expect(png.status).toBe(201);
    expect(png.body).toMatchObject({ contentType: 'image/png', width: 640, height: 480 });
    // The name says .pdf, the content is a Word file: it is stored as what it is.
    const word = await upload(docx(), 'to-trinh.pdf', head);
    expect(word.status).toBe(201);
    expect(word.body).toMatchObject({
      name: 'to-trinh.docx',
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      width: null,
      height: null,
    });
    const sheet = await upload(xlsx(), 'Kế hoạch.xlsx', editor);
    expect(sheet.body.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const pdf = await simplePdf('Nghị quyết', ['Toàn văn.']);
    const doc = await upload(new Uint8Array(pdf), 'Nghị quyết 07.pdf', editor);
    expect(doc.status).toBe(201);
    expect(doc.body).toMatchObject({ name: 'Nghị quyết 07.pdf', contentType: 'application/pdf', size: pdf.length });
  }, 180_000);

  it('refuses what it cannot accept with the right status and a vi/en reason', async () => {
    const exe = await upload<Refusal>(new Uint8Array(Buffer.from('MZ\x90\0 not a pdf', 'latin1')), 'nghi-quyet.pdf', editor);
    expect(exe.status).toBe(415);
    expect(exe.body).toMatchObject({
      code: 'PORTAL_FILE_TYPE',
      message: expect.stringContaining('Chỉ nhận ảnh JPEG, PNG') as string,
      messageEn: expect.stringContaining('Only JPEG and PNG') as string,
    });
    const fakePdf = await upload<Refusal>(new Uint8Array(Buffer.from('%PDF-1.7\n<script>alert(1)</script>\n%%EOF\n')), 'x.pdf', editor);
    expect(fakePdf.status).toBe(422);
    expect(fakePdf.body.code).toBe('FILE_UNREADABLE');
    const brokenPng = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 10, 0, 0, 0, 10, 8, 2, 0, 0, 0]);
    const broken = await upload<Refusal>(brokenPng, 'x.png', editor);
    expect(broken.status).toBe(422);
    expect(broken.body).toMatchObject({ code: 'IMAGE_UNREADABLE', message: expect.stringContaining('Không đọc được ảnh') as string });
    // A tiny file that claims 100,000 × 100,000 pixels is refused before it is decoded.
    const bomb = new Uint8Array(brokenPng);
    new DataView(bomb.buffer).setUint32(16, 100_000);
    new DataView(bomb.buffer).setUint32(20, 100_000);
    const huge = await upload<Refusal>(bomb, 'x.png', editor);
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe('IMAGE_TOO_LARGE');
    const empty = await upload<Refusal & { fields: { messageEn: string }[] }>(new Uint8Array(0), 'x.pdf', editor);
    expect(empty.status).toBe(400);
    expect(empty.body.fields[0]!.messageEn).toBe('No file chosen, or the file is empty.');
    const over = new Uint8Array(PORTAL_MAX_FILE_BYTES + 1);
    over.set(Buffer.from('%PDF-1.7'));
    const big = await upload<Refusal & { fields: { message: string }[] }>(over, 'x.pdf', editor);
    expect(big.status).toBe(413);
    expect(big.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', fields: [{ message: 'Mỗi tệp tối đa 20 MB.', messageEn: 'At most 20 MB per file.' }] });
  }, 180_000);

  it('says the image took too long, not that it is unreadable, when the resizing hits its time limit', async () => {
    const jpg = await new Jimp({ width: 800, height: 600, color: 0x2a6f97ff }).getBuffer('image/jpeg');
    const by = { username: 'bientap', at: '2026-07-05T02:00:00.000Z' };
    // A 1 ms limit: the worker process has not even started when it is stopped.
    const late = await prepareUpload(new Uint8Array(jpg), 'anh.jpg', by, { imageTimeLimitMs: 1 });
    expect(late).toEqual({ ok: false, code: 'IMAGE_TIMEOUT' });
    expect(httpStatusOf('IMAGE_TIMEOUT')).toBe(413);
    expect(errorBody('IMAGE_TIMEOUT')).toMatchObject({
      message: expect.stringContaining('Ảnh quá lớn hoặc xử lý quá lâu, hãy thử ảnh nhỏ hơn') as string,
      messageEn: expect.stringContaining('took too long to process; try a smaller image') as string,
    });
    // The same image with the normal limit goes through.
    const done = await prepareUpload(new Uint8Array(jpg), 'anh.jpg', by);
    expect(done).toMatchObject({ ok: true, value: { meta: { width: 800, height: 600 } } });
  }, 180_000);

  it('is for the editorial board only, behind the staff cookie and CSRF token', async () => {
    const pdf = new Uint8Array(await simplePdf('x', ['y']));
    expect((await upload<Refusal>(pdf, 'x.pdf', await staffLogin(server))).status).toBe(403); // the secretariat
    expect((await fetch(`${server.url}/api/portal/files?name=x.pdf`, { method: 'POST', body: pdf })).status).toBe(401);
    const noCsrf = await fetch(`${server.url}/api/portal/files?name=x.pdf`, { method: 'POST', body: pdf, headers: { cookie: editor.cookie } });
    expect(noCsrf.status).toBe(403);
    expect(((await noCsrf.json()) as Refusal).code).toBe('CSRF');
  });
});

describe('delegate photo', () => {
  it('the head of the board sets a photo (an image, resized) that readers see at once; others are refused', async () => {
    const id = (await api<{ id: string }[]>(server, 'GET', '/api/delegates')).body[0]!.id;
    const photo = await new Jimp({ width: 1200, height: 1800, color: 0x88aaccff }).getBuffer('image/jpeg');
    const path = `/api/portal/delegates/${id}/photo`;
    expect((await upload<Refusal>(photo, 'anh.jpg', editor, path)).status).toBe(403);
    const pdf = await upload<Refusal>(new Uint8Array(await simplePdf('x', ['y'])), 'anh.pdf', head, path);
    expect(pdf.status).toBe(415);
    expect(pdf.body).toMatchObject({ code: 'PHOTO_NOT_IMAGE', message: 'Ảnh đại biểu phải là ảnh JPEG hoặc PNG.' });
    const set = await upload<DelegateProfile>(photo, 'anh.jpg', head, path);
    expect(set.status).toBe(201);
    expect(set.body.photoFileId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const meta = await api<PortalFile>(server, 'GET', `/api/portal/files/${set.body.photoFileId}`, undefined, head);
    expect(meta.body).toMatchObject({ width: 1067, height: 1600 });
    expect((await fetch(`${server.url}/tep/${set.body.photoFileId}`)).status).toBe(200);
    expect(await (await fetch(`${server.url}/dai-bieu/${id}`)).text()).toContain(`/tep/${set.body.photoFileId}`);
    const removed = await api<DelegateProfile>(server, 'DELETE', path, undefined, head);
    expect(removed.body.photoFileId).toBeNull();
    expect((await fetch(`${server.url}/tep/${set.body.photoFileId}`)).status).toBe(404);
    expect((await api(server, 'POST', `/api/portal/delegates/khong-co/photo?name=a.jpg`, photo, head)).status).toBe(404);
  }, 180_000);
});

describe('unused uploads', () => {
  it('are removed a day after upload unless an item uses them; the sweeper runs at start-up', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hddt-sweep-'));
    const db = openDatabase(path.join(dir, 'db.sqlite'));
    try {
      const store = new SqlitePortalStore(db);
      const at = Date.parse('2026-07-05T02:00:00.000Z');
      const iso = new Date(at).toISOString();
      for (const id of ['unused', 'used']) await store.saveFile(sampleFile({ id, uploadedAt: iso }), new Uint8Array([1]));
      await store.commit({
        item: sampleItem({ bodyHtml: '<p><img src="/tep/used" alt="Ảnh"></p>' }),
        expect: null,
      });
      const hour = 60 * 60 * 1000;
      expect(await sweepUnusedUploads(store, at + 23 * hour)).toEqual([]);
      expect(await store.fileMeta('unused')).not.toBeNull();
      // The sweeper started with the store sweeps at once (then every few hours).
      const stop = startUploadSweeper(store, () => at + 25 * hour);
      await vi.waitFor(async () => expect(await store.fileMeta('unused')).toBeNull());
      stop();
      expect(await store.fileMeta('used')).not.toBeNull();
      expect(await sweepUnusedUploads(store, at + 1000 * hour)).toEqual([]);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
