// The editorial portal over real HTTP on a real server: roles, the workflow draft → submitted → published →
// withdrawn with the reviewer's comment, kept versions and their diff, scheduled publishing, the refusal of
// confidential documents, server-side sanitising, the log witnesses, and what readers see (pages, search
// without diacritics, RSS per section, sitemap), plus the after-session checklist.
import { createHash } from 'node:crypto';
import type { ContentItem, ContentTransition, DiffLine, SessionChecklist } from '@hddt/protocol';
import { io } from 'socket.io-client';
import { PROTOCOL_VERSION } from '@hddt/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startServer, staffLogin, type StaffSession, type TestServer } from '../../testing/harness';
import { verifyChain } from '../../storage/event-log';
import { unzipSync, strFromU8 } from 'fflate';
import { adoptDemoResolution, must } from '../test-support';
import type { HalfYearReview } from './review';

let server: TestServer;
let editor: StaffSession;
let head: StaffSession;

const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

async function get(path: string) {
  const res = await fetch(server.url + path);
  return { status: res.status, text: await res.text(), headers: res.headers };
}

const article = {
  kind: 'article',
  section: 'tin-tuc',
  title: 'Kỳ họp thứ Tư thông qua nghị quyết về đầu tư công',
  summary: 'Hội đồng nhân dân đặc khu thông qua nghị quyết về kế hoạch đầu tư công năm 2027.',
  bodyHtml:
    '<p>Sáng nay, đại biểu đã thảo luận.</p><script>alert(1)</script><p onclick="x()">Nghị quyết có hiệu lực từ ngày ký.</p><img src="https://evil.example/x.png"><a href="javascript:alert(1)">xấu</a>',
};

beforeAll(async () => {
  server = await startServer();
  for (const [username, role] of [
    ['bientap', 'editor'],
    ['truongban', 'board-head'],
  ] as const) {
    const r = await api(server, 'POST', '/api/staff', {
      username,
      displayName: username === 'bientap' ? 'Trần Biên Tập' : 'Lê Trưởng Ban',
      role,
      password: 'mat-khau-dai-10',
    });
    expect(r.status).toBe(201);
  }
  editor = await staffLogin(server, 'bientap', 'mat-khau-dai-10');
  head = await staffLogin(server, 'truongban', 'mat-khau-dai-10');
});

afterAll(async () => {
  await server?.dispose();
});

describe('editorial workflow', () => {
  let id: string;

  it('an editor drafts (the body sanitised on the server), but can never publish alone', async () => {
    const created = await api<ContentItem>(server, 'POST', '/api/portal/items', article, editor);
    expect(created.status).toBe(201);
    id = created.body.id;
    expect(created.body).toMatchObject({ state: 'draft', version: 1, createdBy: 'bientap' });
    const body = created.body.bodyHtml;
    expect(body).toBe('<p>Sáng nay, đại biểu đã thảo luận.</p><p>Nghị quyết có hiệu lực từ ngày ký.</p><a>xấu</a>');

    const publish = await api<{ code: string; message: string; messageEn: string }>(
      server,
      'POST',
      `/api/portal/items/${id}/transition`,
      { action: 'publish' },
      editor,
    );
    expect(publish.status).toBe(403);
    expect(publish.body).toMatchObject({
      code: 'FORBIDDEN',
      message: 'Bạn không có quyền thực hiện thao tác này.',
      messageEn: 'You are not allowed to do this.',
    });
    expect((await get(`/bai/${id}`)).status).toBe(404);

    expect((await api(server, 'POST', `/api/portal/items/${id}/transition`, { action: 'submit' }, editor)).status).toBe(200);
    const again = await api<{ code: string }>(server, 'POST', `/api/portal/items/${id}/transition`, { action: 'publish' }, editor);
    expect(again.status).toBe(403);
    // Submitted work is locked until the head of the board sends it back.
    const locked = await api<{ code: string }>(server, 'PUT', `/api/portal/items/${id}`, { ...article, baseVersion: 1 }, editor);
    expect(locked.status).toBe(400); // the kind is fixed at creation: an edit carrying it is refused
    const { kind: _kind, ...edit } = article;
    void _kind;
    const locked2 = await api<{ code: string; message: string }>(server, 'PUT', `/api/portal/items/${id}`, { ...edit, baseVersion: 1 }, editor);
    expect(locked2.status).toBe(409);
    expect(locked2.body.code).toBe('CONTENT_WRONG_STATE');
  });

  it('the head sends it back with a comment (required), the editor fixes it; versions are kept and compared', async () => {
    const noComment = await api<{ code: string; messageEn: string }>(server, 'POST', `/api/portal/items/${id}/transition`, { action: 'send-back' }, head);
    expect(noComment.status).toBe(400);
    expect(noComment.body.code).toBe('REVIEW_COMMENT_REQUIRED');
    const back = await api<ContentItem>(
      server,
      'POST',
      `/api/portal/items/${id}/transition`,
      { action: 'send-back', comment: 'Ghi rõ số nghị quyết và ngày hiệu lực.' },
      head,
    );
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ state: 'draft', reviewComment: 'Ghi rõ số nghị quyết và ngày hiệu lực.' });

    const { kind: _k, ...edit } = article;
    void _k;
    const fixed = {
      ...edit,
      bodyHtml: '<p>Sáng nay, đại biểu đã thảo luận.</p><p>Nghị quyết số 12/NQ-HĐND có hiệu lực từ ngày 01/01/2027.</p>',
      baseVersion: 1,
    };
    const saved = await api<ContentItem>(server, 'PUT', `/api/portal/items/${id}`, fixed, editor);
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(2);
    const stale = await api<{ code: string }>(server, 'PUT', `/api/portal/items/${id}`, fixed, editor);
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('CONFLICT');

    const versions = await api<{ version: number; bodySha256: string }[]>(server, 'GET', `/api/portal/items/${id}/versions`, undefined, head);
    expect(versions.body.map((v) => v.version)).toEqual([1, 2]);
    const diff = await api<{ body: DiffLine[] }>(server, 'GET', `/api/portal/items/${id}/diff?from=1&to=2`, undefined, head);
    expect(diff.body.body).toEqual([
      { op: 'same', text: 'Sáng nay, đại biểu đã thảo luận.' },
      { op: 'removed', text: 'Nghị quyết có hiệu lực từ ngày ký.' },
      { op: 'removed', text: 'xấu' },
      { op: 'added', text: 'Nghị quyết số 12/NQ-HĐND có hiệu lực từ ngày 01/01/2027.' },
    ]);
  });

  it('the head publishes; readers find it by search without diacritics, in the RSS feed and the sitemap', async () => {
    expect((await api(server, 'POST', `/api/portal/items/${id}/transition`, { action: 'submit' }, editor)).status).toBe(200);
    const published = await api<ContentItem>(server, 'POST', `/api/portal/items/${id}/transition`, { action: 'publish' }, head);
    expect(published.status).toBe(200);
    expect(published.body.state).toBe('published');

    const page = await get(`/bai/${id}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.text).toContain('Nghị quyết số 12/NQ-HĐND có hiệu lực từ ngày 01/01/2027.');
    expect(page.text).not.toContain('<script>alert');
    const en = await get(`/en/bai/${id}`);
    expect(en.text).toContain('<article lang="vi">');

    const search = await get(`/tim-kiem?q=${encodeURIComponent('nghi quyet dau tu cong')}`);
    expect(search.text).toContain(`href="/bai/${id}"`);
    expect((await get(`/tim-kiem?q=${encodeURIComponent('không có gì như thế')}`)).text).not.toContain('/bai/');

    const rss = await get('/rss/tin-tuc.xml');
    expect(rss.headers.get('content-type')).toContain('application/rss+xml');
    expect(rss.text).toContain(`<title>${article.title}</title>`);
    expect(rss.text).toContain(`/bai/${id}</link>`);
    expect((await get('/rss/khong-co.xml')).status).toBe(404);

    const section = await get('/chuyen-muc/tin-tuc');
    expect(section.text).toContain(article.title);
    const sitemap = await get('/sitemap.xml');
    expect(sitemap.text).toContain(`/bai/${id}</loc>`);
    expect(sitemap.text).toContain('/chuyen-muc/nghi-quyet</loc>');
  });

  it('the head unpublishes: it is gone for readers; every transition is in the log with hashes, the chain intact', async () => {
    const gone = await api<ContentItem>(server, 'POST', `/api/portal/items/${id}/transition`, { action: 'unpublish', comment: 'Cần cập nhật số liệu.' }, head);
    expect(gone.body.state).toBe('withdrawn');
    expect((await get(`/bai/${id}`)).status).toBe(404);
    expect((await get('/rss/tin-tuc.xml')).text).not.toContain(id);

    const detail = await api<{ transitions: ContentTransition[] }>(server, 'GET', `/api/portal/items/${id}`, undefined, editor);
    expect(detail.body.transitions.map((t) => `${t.by}:${t.action}:${t.from}>${t.to}`)).toEqual([
      'bientap:submit:draft>submitted',
      'truongban:send-back:submitted>draft',
      'bientap:submit:draft>submitted',
      'truongban:publish:submitted>published',
      'truongban:unpublish:published>withdrawn',
    ]);
    const logged = [...server.app.engine.store.readAll(0)].filter((e) => e.event.type.startsWith('portal.') && 'itemId' in e.event && e.event.itemId === id);
    expect(logged.map((e) => e.event.type)).toEqual([
      'portal.item-saved',
      'portal.item-transition',
      'portal.item-transition',
      'portal.item-saved',
      'portal.item-transition',
      'portal.item-transition',
      'portal.item-transition',
    ]);
    const lastSave = logged[3]!.event;
    const versions = await api<{ version: number; bodyHtml: string }[]>(server, 'GET', `/api/portal/items/${id}/versions`, undefined, head);
    expect(lastSave).toMatchObject({ type: 'portal.item-saved', version: 2, bodySha256: sha(versions.body[1]!.bodyHtml) });
    expect(logged[2]!.event).toMatchObject({ action: 'send-back', commentSha256: sha('Ghi rõ số nghị quyết và ngày hiệu lực.') });
    expect(logged[2]!.actor).toBe('staff:truongban');
    expect(verifyChain(server.app.db).ok).toBe(true);
  });

  it('scheduled publishing: visible only once its time has come', async () => {
    const created = await api<ContentItem>(
      server,
      'POST',
      '/api/portal/items',
      { ...article, section: 'su-kien', title: 'Lịch tiếp xúc cử tri tháng 8' },
      editor,
    );
    const sid = created.body.id;
    await api(server, 'POST', `/api/portal/items/${sid}/transition`, { action: 'submit' }, editor);
    const at = new Date(Date.now() + 3600_000).toISOString();
    const r = await api<ContentItem>(server, 'POST', `/api/portal/items/${sid}/transition`, { action: 'publish', publishAt: at }, head);
    expect(r.body).toMatchObject({ state: 'published', publishAt: at });
    expect((await get(`/bai/${sid}`)).status).toBe(404);
    expect((await get('/rss/su-kien.xml')).text).not.toContain(sid);
    const services = server.app.services;
    const real = services.nowMs;
    services.nowMs = () => real() + 2 * 3600_000;
    try {
      expect((await get(`/bai/${sid}`)).status).toBe(200);
      expect((await get('/rss/su-kien.xml')).text).toContain(sid);
    } finally {
      services.nowMs = real;
    }
  });

  it('a confidential document can never be submitted or published; the refusal says why', async () => {
    const doc = {
      kind: 'document',
      section: 'van-ban-dieu-hanh',
      title: 'Kế hoạch bảo vệ bí mật',
      documentNumber: '05/KH-HĐND',
      issuedOn: '2026-06-01',
      confidential: true,
    };
    const created = await api<ContentItem>(server, 'POST', '/api/portal/items', doc, editor);
    expect(created.body).toMatchObject({ confidential: true, documentNumber: '05/KH-HĐND' });
    const refused = await api<{ code: string; message: string; messageEn: string }>(
      server,
      'POST',
      `/api/portal/items/${created.body.id}/transition`,
      { action: 'submit' },
      editor,
    );
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('CONTENT_CONFIDENTIAL');
    expect(refused.body.message).toContain('Tài liệu mật không bao giờ được đăng');
    expect(refused.body.messageEn).toContain('Confidential documents are never published');
  });

  it('a document shows its issuing body and its issue and effective dates to readers; an unknown attachment is refused', async () => {
    const doc = {
      kind: 'document',
      section: 'van-ban-qppl',
      title: 'Quy định về phí tham quan',
      documentNumber: '07/2026/NQ-HĐND',
      issuedOn: '2026-06-01',
      effectiveOn: '2026-07-01',
      issuingBody: 'HĐND đặc khu Côn Đảo',
    };
    const noFile = await api<{ code: string }>(
      server,
      'POST',
      '/api/portal/items',
      { ...doc, attachments: [{ fileId: 'khong-co', title: 'Toàn văn' }] },
      editor,
    );
    expect(noFile.status).toBe(404);
    expect(noFile.body.code).toBe('FILE_NOT_FOUND');
    const created = await api<ContentItem>(server, 'POST', '/api/portal/items', doc, editor);
    expect(created.body).toMatchObject({ effectiveOn: '2026-07-01', issuingBody: 'HĐND đặc khu Côn Đảo', attachments: [] });
    const id = created.body.id;
    expect((await api(server, 'POST', `/api/portal/items/${id}/transition`, { action: 'submit' }, editor)).status).toBe(200);
    expect((await api(server, 'POST', `/api/portal/items/${id}/transition`, { action: 'publish' }, head)).status).toBe(200);
    const page = await get(`/bai/${id}`);
    expect(page.text).toContain(
      '<dl class="facts"><dt>Số ký hiệu</dt><dd>07/2026/NQ-HĐND</dd><dt>Cơ quan ban hành</dt><dd>HĐND đặc khu Côn Đảo</dd><dt>Ngày ban hành</dt><dd>01/06/2026</dd><dt>Ngày hiệu lực</dt><dd>01/07/2026</dd></dl>',
    );
    expect((await get(`/en/bai/${id}`)).text).toContain('<dt>In force from</dt><dd>01/07/2026</dd>');
  });

  it('bad input gets vi/en errors; roles: only the head adds sections; portal staff stay out of the hall', async () => {
    const bad = await api<{ code: string; fields: { path: string }[] }>(server, 'POST', '/api/portal/items', { ...article, section: 'KHONG HOP LE' }, editor);
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f) => f.path)).toContain('section');
    // A link to another portal must be a full http(s) address with a title; the reason names the field.
    const badLinks = await api<{ code: string; fields: { path: string; message: string; messageEn: string }[] }>(
      server,
      'POST',
      '/api/portal/items',
      {
        ...article,
        links: [
          { title: 'Cổng HĐND tỉnh', url: 'https://hdnd.example.gov.vn/' },
          { title: 'Sai', url: 'javascript:alert(1)' },
          { title: ' ', url: 'hdnd.example.gov.vn' },
        ],
      },
      editor,
    );
    expect(badLinks.status).toBe(400);
    expect(badLinks.body.fields).toEqual([
      {
        path: 'links.1.url',
        message: expect.stringContaining('Địa chỉ liên kết không hợp lệ: cần địa chỉ đầy đủ bắt đầu bằng https:// hoặc http://') as string,
        messageEn: expect.stringContaining('Invalid link address') as string,
      },
      { path: 'links.2.title', message: 'Nhập tên liên kết (tối đa 200 ký tự).', messageEn: 'Enter the link’s title (at most 200 characters).' },
      expect.objectContaining({ path: 'links.2.url', message: expect.stringContaining('Địa chỉ liên kết không hợp lệ') as string }),
    ]);
    const tooMany = await api<{ fields: { path: string; message: string }[] }>(
      server,
      'POST',
      '/api/portal/items',
      { ...article, links: Array.from({ length: 31 }, (_, i) => ({ title: `Liên kết ${i}`, url: `https://a${i}.example.vn/` })) },
      editor,
    );
    expect(tooMany.body.fields).toEqual([expect.objectContaining({ path: 'links', message: 'Mỗi bài có tối đa 30 liên kết.' })]);
    const wrongKind = await api<{ code: string }>(server, 'POST', '/api/portal/items', { ...article, section: 'nghi-quyet' }, editor);
    expect(wrongKind.status).toBe(400);
    expect((await api(server, 'GET', '/api/portal/items/khong-co', undefined, editor)).status).toBe(404);

    const section = { key: 'giam-sat', kind: 'document', titleVi: 'Giám sát', titleEn: 'Oversight' };
    expect((await api(server, 'POST', '/api/portal/sections', section, editor)).status).toBe(403);
    expect((await api(server, 'POST', '/api/portal/sections', section, head)).status).toBe(201);
    const dup = await api<{ code: string }>(server, 'POST', '/api/portal/sections', section, head);
    expect(dup.body.code).toBe('SECTION_EXISTS');
    expect((await get('/van-ban')).text).toContain('Giám sát');

    expect((await api(server, 'POST', '/api/displays', { name: 'Màn hình' }, editor)).status).toBe(403);
    const socket = io(`${server.url}/chair`, {
      auth: { protocolVersion: PROTOCOL_VERSION },
      extraHeaders: { cookie: editor.cookie },
      transports: ['websocket'],
      reconnection: false,
    });
    const refusal = await new Promise<{ code: string }>((resolve) =>
      socket.on('connect_error', (e) => resolve((e as Error & { data: { code: string } }).data)),
    );
    socket.close();
    expect(refusal.code).toBe('FORBIDDEN');
    // An editor cannot open a confidential session document either.
    const confidential = Object.values(server.app.engine.state.documents).find((d) => d.confidential)!;
    expect((await fetch(`${server.url}/api/documents/${confidential.id}/file`, { headers: { cookie: editor.cookie } })).status).toBe(404);
  });
});

describe('after the session: the Kỷ yếu checklist', () => {
  it('lists the session documents, resolutions, results and minutes; a draft is made per entry, confidential ones refused', async () => {
    const sessionId = server.app.engine.state.activeSessionId!;
    const list = await api<SessionChecklist>(server, 'GET', `/api/portal/sessions/${sessionId}/checklist`, undefined, head);
    expect(list.status).toBe(200);
    const kinds = new Set(list.body.entries.map((e) => e.kind));
    expect(kinds).toEqual(new Set(['document', 'result', 'minutes']));
    expect(list.body.done).toBe(0);
    const secret = list.body.entries.find((e) => e.confidential)!;
    const refused = await api<{ code: string }>(server, 'POST', `/api/portal/sessions/${sessionId}/checklist/draft`, { source: secret.source }, head);
    expect(refused.body.code).toBe('CONTENT_CONFIDENTIAL');
    const open = list.body.entries.find((e) => e.kind === 'document' && !e.confidential)!;
    const draft = await api<ContentItem>(server, 'POST', `/api/portal/sessions/${sessionId}/checklist/draft`, { source: open.source }, editor);
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ section: 'ky-yeu', state: 'draft', sessionId, source: open.source, title: open.title });
    const twice = await api<{ code: string }>(server, 'POST', `/api/portal/sessions/${sessionId}/checklist/draft`, { source: open.source }, editor);
    expect(twice.status).toBe(409);
    const after = await api<SessionChecklist>(server, 'GET', `/api/portal/sessions/${sessionId}/checklist`, undefined, head);
    expect(after.body.done).toBe(1);
    expect(after.body.entries.find((e) => e.source === open.source)).toMatchObject({ itemId: draft.body.id, itemState: 'draft' });
    // Nothing public until the head approves it.
    expect((await get('/chuyen-muc/ky-yeu')).text).not.toContain(draft.body.id);
  });
});

describe('delegate pages', () => {
  it('show position, constituency, committees and contact, and the delegate’s named votes; only the head edits profiles', async () => {
    const engine = server.app.engine;
    await adoptDemoResolution(engine);
    const delegates = Object.values(engine.state.delegates).sort((a, b) => a.seat - b.seat);
    const first = delegates[0]!;
    const profile = {
      constituency: 'Đơn vị bầu cử số 1 (Khu dân cư 1, 2, 3)',
      committees: ['Ban Kinh tế - Xã hội'],
      contact: 'Tiếp cử tri sáng thứ Năm hằng tuần tại trụ sở HĐND.',
    };
    expect((await api(server, 'PUT', `/api/portal/delegates/${first.id}/profile`, profile, editor)).status).toBe(403);
    expect((await api(server, 'PUT', `/api/portal/delegates/${first.id}/profile`, profile, head)).status).toBe(200);
    expect((await api(server, 'PUT', '/api/portal/delegates/khong-co/profile', profile, head)).status).toBe(404);
    const logged = [...engine.store.readAll(0)].filter((e) => e.event.type === 'portal.delegate-profile-saved');
    expect(logged).toHaveLength(1);

    const page = await get(`/dai-bieu/${first.id}`);
    expect(page.status).toBe(200);
    for (const text of [first.fullName, first.title, profile.constituency, 'Ban Kinh tế - Xã hội', profile.contact, 'Biểu quyết ghi danh'])
      expect(page.text).toContain(text);
    // The demo's first delegate abstained on the adopted resolution; the second voted yes.
    const motion = Object.values(engine.state.motions).find((m) => m.resolution && m.mode === 'named' && !m.practice)!;
    expect(page.text).toContain(`<strong>${engine.state.council!.voteLabels.abstain.vi}</strong> — ${motion.question}`);
    const second = await get(`/dai-bieu/${delegates[1]!.id}`);
    expect(second.text).toContain(`<strong>${engine.state.council!.voteLabels.yes.vi}</strong> — ${motion.question}`);
    expect((await get('/dai-bieu')).text).toContain(`href="/dai-bieu/${first.id}"`);
    expect((await get('/dai-bieu/khong-co')).status).toBe(404);
  });
});

describe('half-year review', () => {
  it('counts publications and views per section, session-to-Kỷ yếu time and feedback, as JSON, PDF and XLSX', async () => {
    const engine = server.app.engine;
    const sessionId = engine.state.activeSessionId!;
    await must(engine, { type: 'session.close', sessionId });
    // The board publishes the session's Kỷ yếu entry made from the checklist earlier.
    const kyYeu = (await api<ContentItem[]>(server, 'GET', '/api/portal/items?section=ky-yeu', undefined, head)).body[0]!;
    await api(server, 'POST', `/api/portal/items/${kyYeu.id}/transition`, { action: 'submit' }, editor);
    expect((await api(server, 'POST', `/api/portal/items/${kyYeu.id}/transition`, { action: 'publish' }, head)).status).toBe(200);
    await get(`/bai/${kyYeu.id}`);
    const feedbackForm = new URLSearchParams({
      name: 'Nguyễn Văn An',
      contact: '0912 000 111',
      area: 'Khu 3',
      topic: 'Nước sạch',
      text: 'Đề nghị sớm cấp nước sạch cho khu dân cư số 3.',
      website: '',
    });
    expect((await fetch(`${server.url}/y-kien`, { method: 'POST', body: feedbackForm, redirect: 'manual' })).status).toBe(303);

    const today = new Date().toISOString().slice(0, 10);
    const from = `${today.slice(0, 4)}-01-01`;
    const to = `${today.slice(0, 4)}-12-31`;
    const json = await api<HalfYearReview>(server, 'GET', `/api/portal/review.json?from=${from}&to=${to}`, undefined, head);
    expect(json.status).toBe(200);
    const row = (key: string) => json.body.sections.find((s) => s.key === key)!;
    expect(row('tin-tuc').published).toBe(1);
    expect(row('tin-tuc').views).toBeGreaterThanOrEqual(2);
    expect(row('ky-yeu').published).toBe(1);
    // The Kỷ yếu entry and the legal document published in the document-metadata test above.
    expect(row('van-ban-qppl').published).toBe(1);
    expect(json.body.totals.documents).toBe(2);
    expect(json.body.feedback).toEqual({ received: 1, answered: 0, answerPublished: 0 });
    const session = engine.state.sessions[sessionId]!;
    expect(json.body.sessions).toEqual([
      expect.objectContaining({
        endDate: session.endDate,
        kyYeuOn: today,
        days: Math.max(0, Math.round((Date.parse(today) - Date.parse(session.endDate)) / 86_400_000)),
      }),
    ]);

    const pdf = await fetch(`${server.url}/api/portal/review.pdf?from=${from}&to=${to}`, { headers: { cookie: head.cookie } });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const xlsx = await fetch(`${server.url}/api/portal/review.xlsx?from=${from}&to=${to}`, { headers: { cookie: head.cookie } });
    const files = unzipSync(new Uint8Array(await xlsx.arrayBuffer()));
    expect(Object.keys(files)).toContain('xl/worksheets/sheet3.xml');
    expect(strFromU8(files['xl/worksheets/sheet1.xml']!)).toContain('<t xml:space="preserve">Tin tức</t>');
    expect(strFromU8(files['xl/workbook.xml']!)).toContain('name="Kỷ yếu"');

    const bad = await api<{ code: string; fields: { message: string; messageEn: string }[] }>(
      server,
      'GET',
      '/api/portal/review.json?from=2026-12-31&to=2026-01-01',
      undefined,
      head,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.fields[0]!.message).toContain('Khoảng thời gian không hợp lệ');
  });
});
