// The public portal over real HTTP: what is public appears, what is not never does (also by direct URL),
// the official result wording, the feed, search, and the voter-feedback form with its spam limits.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startServer, staffLogin, type StaffSession, type TestServer } from '../testing/harness';
import type { FeedbackItem } from './feedback';
import { addDocument, adoptDemoResolution, must } from './test-support';

const OFFICIAL = 'tham gia biểu quyết 28 (90,32%); tán thành 27 (87,10%); không tán thành 0 (0%); không biểu quyết 1 (3,23%)';

let server: TestServer;
let staff: StaffSession;
let sessionId: string;
let resolutionId: string;
let hiddenSessionId: string;
const ids: Record<string, string> = {};

async function get(path: string): Promise<{ status: number; text: string; type: string }> {
  const res = await fetch(server.url + path, { redirect: 'manual' });
  return { status: res.status, text: await res.text(), type: res.headers.get('content-type') ?? '' };
}

function post(path: string, form: Record<string, string> | string, headers: Record<string, string> = {}) {
  const body = typeof form === 'string' ? form : new URLSearchParams(form).toString();
  return fetch(server.url + path, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body,
  });
}

const goodForm = {
  name: 'Nguyễn Thị Hoa',
  contact: '0912 345 678',
  area: 'Khu dân cư số 3',
  topic: 'Đường vào trường học',
  text: 'Đề nghị sớm sửa đoạn đường vào trường tiểu học trước mùa mưa.',
  website: '',
};

beforeAll(async () => {
  server = await startServer();
  staff = await staffLogin(server);
  const engine = server.app.engine;
  const adopted = await adoptDemoResolution(engine);
  sessionId = adopted.sessionId;
  resolutionId = adopted.resolutionId;
  const demoConfidential = Object.values(engine.state.documents).find((d) => d.confidential)!;
  ids.demoConfidential = demoConfidential.id;
  ids.unpublished = await addDocument(engine, server.dataDir, sessionId, 'Dự thảo nội bộ chưa công bố', { confidential: false, published: false });
  ids.public = await addDocument(engine, server.dataDir, sessionId, 'Báo cáo công khai <kiểm tra>', {
    confidential: false,
    published: true,
    docType: 'bao-cao',
  });
  const hidden = await must(engine, {
    type: 'session.create',
    input: {
      number: 6,
      title: 'Phiên họp kín về nhân sự',
      type: 'thematic',
      startDate: '2026-12-20',
      endDate: '2026-12-20',
      place: 'Phòng họp số 2',
      isPublic: false,
      chairName: 'Nguyễn Minh An',
      secretaryName: 'Trần Thu Hạnh',
    },
  });
  hiddenSessionId = hidden.decision.result!.sessionId!;
  ids.hiddenDoc = await addDocument(engine, server.dataDir, hiddenSessionId, 'Tài liệu của phiên họp kín', { confidential: false, published: true });
});

afterAll(async () => {
  await server.dispose();
});

describe('public pages', () => {
  it('serves the Vietnamese home at / and the English one at /en/, with title, description, lang and landmarks', async () => {
    const vi = await get('/');
    expect(vi.status).toBe(200);
    expect(vi.type).toContain('text/html');
    expect(vi.text).toContain('<html lang="vi">');
    expect(vi.text).toContain('<title>Hội đồng nhân dân đặc khu Côn Đảo — Cổng thông tin</title>');
    expect(vi.text).toMatch(/<meta name="description" content="[^"]{20,}">/);
    expect(vi.text).toContain('<main id="noi-dung"');
    expect(vi.text).toMatch(/<nav class="main" aria-label="Điều hướng chính">/);
    expect(vi.text).toContain('<h1>Hội đồng nhân dân đặc khu Côn Đảo</h1>');
    expect(vi.text).toContain('2026 - 2031');
    expect(vi.text).toContain('Đặc khu');
    expect(vi.text).toContain('cơ quan quyền lực nhà nước ở địa phương');
    expect(vi.text).not.toMatch(/<script/i);
    const en = await get('/en/');
    expect(en.status).toBe(200);
    expect(en.text).toContain('<html lang="en">');
    expect(en.text).toContain('Côn Đảo Special Zone People’s Council');
    expect(en.text).toContain('local organ of state power');
    expect((await get('/en')).text).toContain('<html lang="en">');
  });

  it('lists the seated delegates with position, group and a photo slot, escaping every name', async () => {
    const delegate = Object.values(server.app.engine.state.delegates).find((d) => d.seat === 31)!;
    await must(server.app.engine, { type: 'delegate.update', delegateId: delegate.id, patch: { fullName: 'Lê <b>Văn</b> "Thử"' } });
    const page = await get('/dai-bieu');
    expect(page.status).toBe(200);
    expect(page.text.match(/<li class="person">/g)).toHaveLength(31);
    expect(page.text).toContain('Chủ tịch HĐND đặc khu');
    expect(page.text).toContain('Tổ đại biểu số 1');
    expect(page.text).toContain('Lê &lt;b&gt;Văn&lt;/b&gt; &quot;Thử&quot;');
    expect(page.text).not.toContain('<b>Văn</b>');
  });

  it('shows a public session with its agenda and only published, non-confidential documents', async () => {
    const page = await get(`/ky-hop/${sessionId}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Kỳ họp thứ Năm');
    expect(page.text).toContain('Tờ trình về dự toán ngân sách địa phương năm 2027');
    expect(page.text).toContain(`/api/documents/${ids.public}/file`);
    expect(page.text).toContain('Báo cáo công khai &lt;kiểm tra&gt;');
    const state = server.app.engine.state;
    for (const hidden of [ids.demoConfidential!, ids.unpublished!, ids.hiddenDoc!]) {
      expect(page.text).not.toContain(hidden);
      expect(page.text).not.toContain(state.documents[hidden]!.title);
    }
    // The public document downloads without signing in; the others do not exist for the public.
    expect((await get(`/api/documents/${ids.public}/file`)).status).toBe(200);
    for (const hidden of [ids.demoConfidential!, ids.unpublished!, ids.hiddenDoc!]) {
      expect((await get(`/api/documents/${hidden}/file`)).status).toBe(404);
    }
  });

  it('shows each announced result of the session with its full log anchor, which verify accepts', async () => {
    const state = server.app.engine.state;
    const roundId = state.resolutions[resolutionId]!.roundId;
    const anchor = state.resultAnchors[roundId]!;
    const logged = server.app.db.prepare("SELECT seq, hash FROM events WHERE type = 'round.announced' AND payload LIKE ?").get(`%${roundId}%`);
    expect(anchor).toEqual(logged);
    for (const [path, label] of [
      [`/ky-hop/${sessionId}`, 'Mốc nhật ký'],
      [`/en/ky-hop/${sessionId}`, 'Log anchor'],
    ] as const) {
      const page = await get(path);
      expect(page.status).toBe(200);
      const item = page.text.slice(page.text.indexOf(`data-round-id="${roundId}"`));
      expect(item).toContain(`${label} (`);
      expect(item).toContain(`<code class="break">${anchor.seq}:${anchor.hash}</code>`);
    }
    expect((await get(`/ky-hop/${sessionId}`)).text).toContain('tán thành 27 (87,10%)');
  });

  it('answers 404 (never 403) for a non-public session, unknown ids and unknown pages, by direct URL too', async () => {
    for (const path of [
      `/ky-hop/${hiddenSessionId}`,
      `/en/ky-hop/${hiddenSessionId}`,
      '/ky-hop/khong-co',
      '/nghi-quyet/khong-co',
      '/ky-hop/%3Cscript%3E',
      '/khong-co-trang-nay',
      '/en/no-such-page',
    ]) {
      const page = await get(path);
      expect(page.status, path).toBe(404);
      expect(page.text).toMatch(/Không tìm thấy trang|Page not found/);
      expect(page.text).not.toContain('<script');
    }
    const sessions = await get('/ky-hop');
    expect(sessions.text).toContain(sessionId);
    expect(sessions.text).not.toContain(hiddenSessionId);
    expect(sessions.text).not.toContain('Phiên họp kín về nhân sự');
  });

  it('never finds confidential, unpublished or non-public documents by search', async () => {
    for (const q of ['thẩm tra', 'nội bộ', 'phiên họp kín', 'Tài liệu của phiên họp kín']) {
      const page = await get(`/tim-kiem?q=${encodeURIComponent(q)}`);
      expect(page.status).toBe(200);
      expect(page.text, q).toContain('Không tìm thấy kết quả phù hợp.');
    }
    const found = await get(`/tim-kiem?q=${encodeURIComponent('cong khai')}`);
    expect(found.text).toContain('Báo cáo công khai &lt;kiểm tra&gt;');
  });

  it('shows a resolution with its announced result in the official wording, in both languages', async () => {
    const r = server.app.engine.state.resolutions[resolutionId]!;
    const page = await get(`/nghi-quyet/${resolutionId}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`Nghị quyết số ${r.code}`);
    expect(page.text).toContain(r.title);
    expect(page.text).toContain(`Có mặt 28/31; ${OFFICIAL}.`);
    expect(page.text).toContain('Kết quả: THÔNG QUA');
    expect(page.text).toContain('Văn bản đã ký sẽ được đăng sau khi ban hành.');
    const en = await get(`/en/nghi-quyet/${resolutionId}`);
    expect(en.text).toContain('took part in the vote 28 (90.32%)');
    expect(en.text).toContain('Result: ADOPTED');
    const list = await get('/nghi-quyet');
    expect(list.text).toContain(r.code);
  });

  it('links the signed text only once it is attached and public', async () => {
    const engine = server.app.engine;
    await must(engine, { type: 'resolution.attach-text', resolutionId, documentId: ids.demoConfidential! });
    let page = await get(`/nghi-quyet/${resolutionId}`);
    expect(page.text).not.toContain(ids.demoConfidential!);
    const signed = await addDocument(engine, server.dataDir, sessionId, 'Nghị quyết đã ký (bản chính)', {
      confidential: false,
      published: true,
      docType: 'nghi-quyet',
    });
    await must(engine, { type: 'resolution.attach-text', resolutionId, documentId: signed });
    page = await get(`/nghi-quyet/${resolutionId}`);
    expect(page.text).toContain(`/api/documents/${signed}/file`);
    expect(page.text).toContain('Nghị quyết đã ký (bản chính)');
  });

  it('finds the resolution by number, title word and date', async () => {
    const r = server.app.engine.state.resolutions[resolutionId]!;
    const [y, m, d] = r.adoptedOn.split('-');
    for (const q of [r.code, String(r.number), 'đầu tư công', `${d}/${m}/${y}`, r.adoptedOn]) {
      const page = await get(`/tim-kiem?q=${encodeURIComponent(q)}`);
      expect(page.text, q).toContain(`/nghi-quyet/${resolutionId}`);
    }
    const none = await get(`/tim-kiem?q=${encodeURIComponent('không có gì như thế này')}`);
    expect(none.text).not.toContain(`/nghi-quyet/${resolutionId}`);
  });

  it('publishes an Atom feed of the resolutions', async () => {
    const feed = await get('/feed.xml');
    expect(feed.status).toBe(200);
    expect(feed.type).toContain('application/atom+xml');
    expect(feed.text).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(feed.text).toContain(`${server.url}/nghi-quyet/${resolutionId}`);
    expect(feed.text).toContain(OFFICIAL);
    expect(feed.text.match(/<entry>/g)).toHaveLength(1);
  });
});

describe('voter feedback', () => {
  it('re-renders missing fields with Vietnamese errors next to them, and English ones under /en', async () => {
    const res = await post('/y-kien', { name: '', contact: '', area: 'Thôn 1', topic: 'Điện', text: 'ngắn', website: '' });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).toContain('Vui lòng nhập họ và tên.');
    expect(text).toMatch(/<input id="name"[^>]*aria-invalid="true"/);
    expect(text).toContain('<p class="err" id="contact-loi">');
    expect(text).toContain('Nội dung ý kiến cần ít nhất 10 ký tự.');
    expect(text).toContain('value="Thôn 1"');
    const en = await post('/en/y-kien', { name: 'A', area: 'x', topic: 'y', text: 'z', website: '' });
    expect(en.status).toBe(400);
    const enText = await en.text();
    expect(enText).toContain('Please enter your name.');
    expect(enText).toContain('Please enter a phone number or e-mail address');
  });

  it('refuses oversize bodies and fields, and the honeypot, storing nothing', async () => {
    const before = (await api<FeedbackItem[]>(server, 'GET', '/api/feedback', undefined, staff)).body.length;
    const huge = await post('/y-kien', { ...goodForm, text: 'x'.repeat(40_000) });
    expect(huge.status).toBe(413);
    expect(await huge.text()).toContain('Nội dung gửi quá dài');
    const long = await post('/y-kien', { ...goodForm, text: 'Ý kiến dài. '.repeat(400) });
    expect(long.status).toBe(400);
    expect(await long.text()).toContain('Tối đa 4000 ký tự.');
    const bot = await post('/y-kien', { ...goodForm, website: 'http://spam.example' });
    expect(bot.status).toBe(400);
    expect(await bot.text()).toContain('Không gửi được ý kiến.');
    const after = (await api<FeedbackItem[]>(server, 'GET', '/api/feedback', undefined, staff)).body.length;
    expect(after).toBe(before);
  });

  it('stores a valid post, shows it to the secretariat, and publishes the answer on the portal', async () => {
    const res = await post('/y-kien', { ...goodForm, about: `r:${resolutionId}` });
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toMatch(/^\/y-kien\?da-gui=/);
    const thanks = await get(location);
    expect(thanks.text).toContain('Cảm ơn bạn. Ý kiến đã được gửi');

    const noAuth = await fetch(`${server.url}/api/feedback`);
    expect(noAuth.status).toBe(401);
    const list = await api<FeedbackItem[]>(server, 'GET', '/api/feedback', undefined, staff);
    const item = list.body.find((f) => f.topic === goodForm.topic)!;
    expect(item).toMatchObject({ name: goodForm.name, contact: goodForm.contact, status: 'new', resolutionId, answerPublished: false });

    const noCsrf = await fetch(`${server.url}/api/feedback/${item.id}`, {
      method: 'PATCH',
      headers: { cookie: staff.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'answered' }),
    });
    expect(noCsrf.status).toBe(403);
    const early = await api(server, 'PATCH', `/api/feedback/${item.id}`, { answerPublished: true }, staff);
    expect(early.status).toBe(400);
    const answer = 'Ủy ban nhân dân đặc khu đã bố trí vốn sửa đường trong quý I năm 2027.';
    const seqBefore = server.app.engine.seq;
    const patched = await api<FeedbackItem>(server, 'PATCH', `/api/feedback/${item.id}`, { status: 'answered', answer, answerPublished: true }, staff);
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ status: 'answered', answer, answerPublished: true, updatedBy: 'admin' });
    // The log witnesses the change, the answer by its SHA-256.
    const logged = [...server.app.engine.store.readAll(seqBefore)].map((e) => e.event);
    expect(logged).toEqual([
      {
        type: 'feedback.updated',
        feedbackId: item.id,
        status: 'answered',
        answerPublished: true,
        answerSha256: createHash('sha256').update(answer).digest('hex'),
      },
    ]);
    expect((await api(server, 'PATCH', '/api/feedback/khong-co', { status: 'forwarded' }, staff)).status).toBe(404);

    const portal = await get('/y-kien');
    expect(portal.text).toContain(answer);
    expect(portal.text).toContain(goodForm.text);
    expect(portal.text).not.toContain(goodForm.contact);
    expect(portal.text).not.toContain(goodForm.name);
    expect((await get(`/nghi-quyet/${resolutionId}`)).text).toContain(answer);
  });
});

describe('feedback throttling', () => {
  let flood: TestServer;
  beforeAll(async () => {
    flood = await startServer();
  });
  afterAll(async () => {
    await flood.dispose();
  });

  it('throttles 20 rapid posts from one address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      const res = await fetch(`${flood.url}/y-kien`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ ...goodForm, topic: `Chủ đề số ${i}` }).toString(),
      });
      statuses.push(res.status);
      if (res.status === 429) {
        expect(res.headers.get('retry-after')).toBeTruthy();
        expect(await res.text()).toContain('Bạn đã gửi quá nhiều ý kiến');
      } else await res.text();
    }
    expect(statuses.filter((s) => s === 303)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    const stored = await api<FeedbackItem[]>(flood, 'GET', '/api/feedback');
    expect(stored.body).toHaveLength(5);
  });
});
