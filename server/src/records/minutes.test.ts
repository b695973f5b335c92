// Minutes, exports and archive of a session driven through the real sockets: a practice vote (never in the
// records), a named vote cancelled and repeated, an anonymous vote, a secret election and a confidence vote.
// The DOCX is unzipped and its XML read; the PDF's text extracted with pdftotext and its first page rendered.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BallotChoice, Motion } from '@hddt/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  REPO_ROOT,
  api,
  chairSocket,
  delegateCards,
  delegateSocket,
  demoSession,
  openSessionWithRollCall,
  staffLogin,
  startServer,
  tokenOf,
  type ChairSocket,
  type DelegateSocket,
  type StaffSession,
  type TestServer,
} from '../testing/harness';
import type { Archive, SearchHit } from './archive';
import { notesFingerprint, type MinutesNotes } from './minutes-notes';
import type { ResultsExport } from './results-export';
import type { SessionRecord } from './session-record';

const OFFICIAL_NAMED = 'Có mặt 28/31; tham gia biểu quyết 28 (90,32%); tán thành 27 (87,10%); không tán thành 0 (0%); không biểu quyết 1 (3,23%).';
const OFFICIAL_ANON = 'Có mặt 28/31; tham gia biểu quyết 28 (90,32%); tán thành 20 (64,52%); không tán thành 5 (16,13%); không biểu quyết 3 (9,68%).';

let server: TestServer;
let chair: ChairSocket;
let voters: DelegateSocket[] = [];
let staff: StaffSession;
let sessionId = '';
let motions: Motion[] = [];
const roundIds: Record<string, string> = {};
const workDir = mkdtempSync(path.join(tmpdir(), 'hddt-minutes-'));

async function fetchRaw(pathname: string): Promise<{ status: number; headers: Headers; body: Buffer }> {
  const res = await fetch(`${server.url}${pathname}`, { headers: { cookie: staff.cookie } });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

async function open(motion: Motion, commandId: string): Promise<string> {
  const ack = await chair.timeout(5000).emitWithAck('motion:open', { motionId: motion.id, commandId });
  if (!ack.ok) throw new Error(`open ${ack.code}`);
  return ack.data.id;
}

async function castAll(roundId: string, choices: BallotChoice[]): Promise<void> {
  const acks = await Promise.all(choices.map((choice, i) => voters[i]!.timeout(5000).emitWithAck('vote:cast', { roundId, choice })));
  for (const a of acks) if (!a.ok) throw new Error(`cast ${a.code}`);
}

async function closeAndAnnounce(roundId: string): Promise<void> {
  const closed = await chair.timeout(5000).emitWithAck('round:close', { roundId });
  if (!closed.ok) throw new Error(`close ${closed.code}`);
  const announced = await chair.timeout(5000).emitWithAck('round:announce', { roundId });
  if (!announced.ok) throw new Error(`announce ${announced.code}`);
}

const option = (o: 'yes' | 'no' | 'abstain'): BallotChoice => ({ type: 'option', option: o });
const repeat = <T>(n: number, v: T): T[] => Array.from({ length: n }, () => v);

beforeAll(async () => {
  server = await startServer();
  staff = await staffLogin(server);
  chair = await chairSocket(server, staff);
  const cards = await delegateCards(server, staff);
  voters = await Promise.all(cards.slice(0, 28).map((c) => delegateSocket(server, tokenOf(c))));
  await openSessionWithRollCall(chair, voters);
  for (const c of cards.slice(28, 30)) {
    const r = await chair.timeout(5000).emitWithAck('attendance:set', { delegateId: c.delegateId, status: 'excused', reason: 'Đi công tác' });
    if (!r.ok) throw new Error(r.code);
  }
  const demo = await demoSession(chair);
  sessionId = demo.session.id;
  motions = demo.motions;
  const [practice, named, anonymous, election, confidence] = motions;

  // Practice vote: never in the records.
  roundIds.practice = await open(practice!, 'minutes-practice-1');
  await castAll(roundIds.practice, repeat(5, option('no')));
  await closeAndAnnounce(roundIds.practice);

  // Named vote: cancelled, then repeated.
  roundIds.cancelled = await open(named!, 'minutes-named-1');
  await castAll(roundIds.cancelled, repeat(3, option('no')));
  const cancelled = await chair.timeout(5000).emitWithAck('round:cancel', { roundId: roundIds.cancelled, reason: 'Sự cố kỹ thuật' });
  if (!cancelled.ok) throw new Error(cancelled.code);
  roundIds.named = await open(named!, 'minutes-named-2');
  await castAll(roundIds.named, [...repeat(27, option('yes')), option('abstain')]);
  await closeAndAnnounce(roundIds.named);

  roundIds.anonymous = await open(anonymous!, 'minutes-anon-1');
  await castAll(roundIds.anonymous, [...repeat(20, option('yes')), ...repeat(5, option('no')), ...repeat(3, option('abstain'))]);
  await closeAndAnnounce(roundIds.anonymous);

  const [bình, lan, khang] = election!.candidates;
  roundIds.election = await open(election!, 'minutes-elect-1');
  const ballot = (id: string): BallotChoice => ({ type: 'election', candidateIds: [id] });
  await castAll(roundIds.election, [...repeat(18, ballot(bình!.id)), ...repeat(6, ballot(lan!.id)), ...repeat(4, ballot(khang!.id))]);
  await closeAndAnnounce(roundIds.election);

  const [an, toàn] = confidence!.candidates;
  roundIds.confidence = await open(confidence!, 'minutes-conf-1');
  const rate = (a: 'high' | 'medium' | 'low', t: 'high' | 'medium' | 'low'): BallotChoice => ({ type: 'confidence', ratings: { [an!.id]: a, [toàn!.id]: t } });
  await castAll(roundIds.confidence, [...repeat(20, rate('high', 'low')), ...repeat(6, rate('medium', 'medium')), ...repeat(2, rate('low', 'high'))]);
  await closeAndAnnounce(roundIds.confidence);

  const req = await voters[3]!.timeout(5000).emitWithAck('speaker:request', {});
  if (!req.ok) throw new Error(req.code);
  await chair.timeout(5000).emitWithAck('speaker:give', { entryId: req.data.id });
  await chair.timeout(5000).emitWithAck('speaker:finish', { entryId: req.data.id });
  const closedSession = await chair.timeout(5000).emitWithAck('session:close', { sessionId });
  if (!closedSession.ok) throw new Error(closedSession.code);

  const notes = await api<MinutesNotes>(
    server,
    'PUT',
    `/api/sessions/${sessionId}/minutes/notes`,
    {
      number: '12',
      opening: 'Đồng chí Chủ tọa tuyên bố khai mạc kỳ họp và giới thiệu chương trình.',
      closing: 'Chủ tọa phát biểu bế mạc kỳ họp.',
      items: { [demo.agenda[1]!.id]: 'Các đại biểu thảo luận về danh mục dự án giao thông và cấp nước.' },
    },
    staff,
  );
  if (notes.status !== 200) throw new Error(`notes ${notes.status} ${JSON.stringify(notes.body)}`);
}, 60_000);

afterAll(async () => {
  for (const s of [chair, ...voters]) s?.disconnect();
  await server?.dispose();
  rmSync(workDir, { recursive: true, force: true });
});

describe('minutes (Biên bản kỳ họp)', () => {
  it('builds the model from the session: attendance, items, every round marked, no practice vote', async () => {
    const res = await api<{ logHead: { seq: number; hash: string }; record: SessionRecord; notes: MinutesNotes }>(
      server,
      'GET',
      `/api/sessions/${sessionId}/minutes`,
      undefined,
      staff,
    );
    expect(res.status).toBe(200);
    const { record, notes, logHead } = res.body;
    expect(logHead.seq).toBe(server.app.engine.seq);
    expect(notes.number).toBe('12');
    expect(JSON.stringify(res.body)).not.toContain('Biểu quyết thử');
    expect(JSON.stringify(res.body)).not.toContain(roundIds.practice);
    expect(record.attendance).toHaveLength(1);
    expect(record.attendance[0]).toMatchObject({ seated: 31, present: 28, quorumMet: true });
    expect(record.attendance[0]!.excused.map((e) => e.reason)).toEqual(['Đi công tác', 'Đi công tác']);
    expect(record.attendance[0]!.absent).toHaveLength(1);
    const rounds = [...record.items.flatMap((i) => i.rounds), ...record.otherRounds];
    expect(rounds.map((r) => r.id)).toEqual([roundIds.cancelled, roundIds.named, roundIds.anonymous, roundIds.election, roundIds.confidence]);
    const [cancelled, named, anonymous, election, confidence] = rounds;
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelledReason: 'Sự cố kỹ thuật', result: null, namedBallots: null });
    expect(named).toMatchObject({ number: 2, repeated: true, status: 'announced' });
    expect(named!.resultLines[0]).toBe(OFFICIAL_NAMED);
    expect(named!.namedBallots).toHaveLength(31);
    expect(named!.namedBallots!.filter((b) => b.choice === 'Tán thành')).toHaveLength(27);
    // Two excused and one absent from the roll call: "Vắng mặt", never "Không biểu quyết".
    expect(named!.namedBallots!.filter((b) => b.choice === 'Vắng mặt')).toHaveLength(3);
    expect(named!.namedBallots!.filter((b) => b.status === 'absent').map((b) => b.seat)).toEqual([29, 30, 31]);
    expect(anonymous!.resultLines[0]).toBe(OFFICIAL_ANON);
    expect(anonymous!.namedBallots).toBeNull();
    expect(election!.namedBallots).toBeNull();
    expect(election!.resultLines).toContain('Phạm Quốc Bình: 18 phiếu (58,06%) — trúng cử.');
    expect(election!.resultLines).toContain('Lê Ngọc Lan: 6 phiếu (19,35%) — không trúng cử.');
    expect(confidence!.resultLines).toContain('Nguyễn Minh An: tín nhiệm cao 20 (64,52%); tín nhiệm 6 (19,35%); tín nhiệm thấp 2 (6,45%).');
    expect(
      confidence!.resultLines.some((l) =>
        l.startsWith('Hoàng Đức Toàn: tín nhiệm cao 2 (6,45%); tín nhiệm 6 (19,35%); tín nhiệm thấp 20 (64,52%) — quá nửa tổng số đại biểu'),
      ),
    ).toBe(true);
    expect(record.resolutions.length).toBeGreaterThanOrEqual(2);
    expect(named!.resolutionCode).toBe(record.resolutions[0]!.code);
    expect(record.speakers).toHaveLength(1);
    expect(record.session.closedAt).not.toBeNull();
    const item = record.items.find((i) => i.rounds.some((r) => r.id === roundIds.named))!;
    expect(item.documents.map((d) => d.title)).toContain('Tờ trình về Kế hoạch đầu tư công năm 2027');
  });

  it('writes an official DOCX: A4, margins, Times New Roman, header table, number, motto, every round', async () => {
    const res = await fetchRaw(`/api/sessions/${sessionId}/minutes.docx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml');
    const head = res.headers.get('x-log-head')!;
    expect(head).toBe(`${server.app.engine.seq}:${server.app.engine.store.head.hash}`);
    const file = path.join(workDir, 'bien-ban.docx');
    writeFileSync(file, res.body);
    const xml = execFileSync('unzip', ['-p', file, 'word/document.xml']).toString('utf8');
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    expect(xml).toContain('w:ascii="Times New Roman"');
    expect(xml).toContain('<w:jc w:val="both"/>');
    expect(xml).toContain('<w:u w:val="single"/>');
    // At least 6 pt (120 twips) after every justified body paragraph (Nghị định 30/2020/NĐ-CP).
    const justified = [...xml.matchAll(/<w:pPr>((?:(?!<\/w:pPr>).)*<w:jc w:val="both"\/>(?:(?!<\/w:pPr>).)*)<\/w:pPr>/gs)].map((m) => m[1]!);
    expect(justified.length).toBeGreaterThan(20);
    for (const p of justified) expect(Number(/w:after="(\d+)"/.exec(p)?.[1] ?? 0)).toBeGreaterThanOrEqual(120);
    // The short rule under the summary line: an empty paragraph's bottom border, indented from both sides.
    expect(xml).toMatch(/<w:pBdr><w:bottom w:val="single"[^>]*\/><\/w:pBdr>(?:(?!<\/w:pPr>).)*<w:ind w:left="\d+" w:right="\d+"\/>/s);
    for (const s of [
      'HỘI ĐỒNG NHÂN DÂN',
      'ĐẶC KHU CÔN ĐẢO',
      'Số: 12/BB-HĐND',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'BIÊN BẢN',
      // The summary line breaks before "khóa", never inside the term.
      'Kỳ họp thứ Năm, Hội đồng nhân dân đặc khu Côn Đảo\nkhóa I, nhiệm kỳ 2026 - 2031',
      OFFICIAL_NAMED,
      OFFICIAL_ANON,
      'Phạm Quốc Bình: 18 phiếu (58,06%) — trúng cử.',
      'Nguyễn Minh An: tín nhiệm cao 20 (64,52%); tín nhiệm 6 (19,35%); tín nhiệm thấp 2 (6,45%).',
      'Đã hủy (lý do: Sự cố kỹ thuật)',
      '(biểu quyết lại, lần 2)',
      'Các đại biểu thảo luận về danh mục dự án giao thông và cấp nước.',
      'THƯ KÝ',
      'CHỦ TỌA',
      'Trần Thu Hạnh',
      'Nguyễn Minh An',
      `mục số ${head.split(':')[0]}`,
      head.split(':')[1]!,
    ]) {
      expect(text).toContain(s);
    }
    expect(text).toMatch(/Côn Đảo, ngày \d{2} tháng \d{1,2} năm \d{4}/);
    expect(text).not.toContain('Biểu quyết thử');
    // Nghị định 30: the page number at the top centre, not on the first page; the log head is in the body, not a footer.
    expect(xml).toContain('<w:titlePg/>');
    const parts = execFileSync('unzip', ['-Z1', file]).toString('utf8').split('\n');
    expect(parts.filter((p) => p.startsWith('word/footer'))).toEqual([]);
    const headers = parts.filter((p) => p.startsWith('word/header')).map((p) => execFileSync('unzip', ['-p', file, p]).toString('utf8'));
    expect(headers.some((h) => h.includes('PAGE'))).toBe(true);
  });

  it('writes the same minutes as a PDF, and renders its first page', async () => {
    const res = await fetchRaw(`/api/sessions/${sessionId}/minutes.pdf`);
    expect(res.status).toBe(200);
    expect(res.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const file = path.join(workDir, 'bien-ban.pdf');
    writeFileSync(file, res.body);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8').normalize('NFC').replace(/\s+/g, ' ');
    const hash = res.headers.get('x-log-head')!.split(':')[1]!;
    for (const s of [
      'HỘI ĐỒNG NHÂN DÂN',
      'Số: 12/BB-HĐND',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'BIÊN BẢN',
      OFFICIAL_NAMED,
      OFFICIAL_ANON,
      'Phạm Quốc Bình: 18 phiếu (58,06%) — trúng cử.',
      'Đã hủy (lý do: Sự cố kỹ thuật)',
      'THƯ KÝ',
      'CHỦ TỌA',
      hash,
    ]) {
      expect(text).toContain(s);
    }
    expect(text).not.toContain('Biểu quyết thử');
    const artifacts = path.join(REPO_ROOT, 'e2e', 'artifacts');
    mkdirSync(artifacts, { recursive: true });
    writeFileSync(path.join(artifacts, 'minutes.pdf'), res.body);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, path.join(artifacts, 'minutes-page')]);
    const png = readFileSync(path.join(artifacts, 'minutes-page-1.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});

describe('vote result exports', () => {
  it('names each delegate in a named round, with the log head in the header and the body', async () => {
    const res = await fetchRaw(`/api/rounds/${roundIds.named}/results.json`);
    const body = JSON.parse(res.body.toString('utf8')) as ResultsExport;
    expect(res.headers.get('x-log-head')).toBe(`${body.logHead.seq}:${body.logHead.hash}`);
    expect(body.rounds[0]!.ballots).toHaveLength(31);
    expect(body.rounds[0]!.ballots!.filter((b) => b.option === 'yes')).toHaveLength(27);
    const csv = await fetchRaw(`/api/rounds/${roundIds.named}/results.csv`);
    const text = csv.body.toString('utf8');
    expect(text.startsWith('\uFEFFKỳ họp,')).toBe(true);
    expect(text.split('\r\n').length).toBeGreaterThan(31);
    expect(text).not.toMatch(/[^\r]\n/);
    expect(text).toContain(',Kết quả,,,Tán thành,27,"87,10%"');
    expect(csv.headers.get('x-log-head')).toBe(res.headers.get('x-log-head'));
  });

  it('gives only totals and seat-ordered participation for secret and anonymous rounds', async () => {
    for (const id of [roundIds.election!, roundIds.confidence!, roundIds.anonymous!]) {
      const json = JSON.parse((await fetchRaw(`/api/rounds/${id}/results.json`)).body.toString('utf8')) as ResultsExport;
      const r = json.rounds[0]!;
      expect(r.ballots).toBeNull();
      expect(r.participation!.map((p) => p.seat)).toEqual([...r.participation!.map((p) => p.seat)].sort((a, b) => a - b));
      for (const p of r.participation!) expect(Object.keys(p).sort()).toEqual(['delegateId', 'fullName', 'participated', 'seat', 'status']);
      expect(r.participation!.filter((p) => p.participated)).toHaveLength(28);
      const csv = (await fetchRaw(`/api/rounds/${id}/results.csv`)).body.toString('utf8');
      const personal = csv.split('\r\n').filter((l) => /,\d+,[^,]+,[^,]+,,$/.test(l) && !l.includes(',Tham gia,'));
      expect(personal).toEqual([]);
      for (const line of csv.split('\r\n').filter((l) => l.includes(',Tham gia,')))
        expect(line).toMatch(/,(Có tham gia|"Có mặt, không biểu quyết"|Vắng mặt),,$/);
    }
    const session = JSON.parse((await fetchRaw(`/api/sessions/${sessionId}/results.json`)).body.toString('utf8')) as ResultsExport;
    expect(session.rounds.map((r) => r.roundId)).toEqual([roundIds.cancelled, roundIds.named, roundIds.anonymous, roundIds.election, roundIds.confidence]);
    const term = JSON.parse((await fetchRaw('/api/results.json')).body.toString('utf8')) as ResultsExport;
    expect(term.scope).toBe('term');
    expect(term.rounds).toHaveLength(5);
    const termCsv = (await fetchRaw('/api/results.csv')).body.toString('utf8');
    expect(termCsv).not.toContain('Biểu quyết thử');
    expect(termCsv).toContain('Hủy');
  });
});

describe('archive (Kỷ yếu)', () => {
  it('lists the term with its sessions, and searches without diacritics or case', async () => {
    const res = await api<Archive>(server, 'GET', '/api/archive', undefined, staff);
    expect(res.status).toBe(200);
    const s = res.body.terms[0]!.sessions[0]!;
    expect(s.session.id).toBe(sessionId);
    expect(s.items.flatMap((i) => i.rounds)).toHaveLength(5);
    expect(s.attendance[0]!.present).toBe(28);
    const code = s.resolutions[0]!.code;
    const search = async (q: string) =>
      (await api<{ hits: SearchHit[] }>(server, 'GET', `/api/archive/search?q=${encodeURIComponent(q)}`, undefined, staff)).body.hits;
    expect((await search('KE HOACH DAU TU CONG')).map((h) => h.kind)).toEqual(expect.arrayContaining(['item', 'document', 'round', 'resolution']));
    expect((await search(code.replace('Đ', 'D').toLowerCase())).some((h) => h.kind === 'resolution' && h.code === code)).toBe(true);
    expect(await search('làm quen với hệ thống')).toEqual([]);
    expect((await search('bầu phó chủ tịch')).length).toBeGreaterThan(0);
  });
});

describe('the minutes notes in the log', () => {
  it('witnesses every save by the SHA-256 of the text, and two saves at once both keep their change', async () => {
    const url = `/api/sessions/${sessionId}/minutes/notes`;
    // Item ids the minutes do not show (the notes API does not check them against the agenda).
    const [itemA, itemB] = ['test-item-a', 'test-item-b'];
    const original = (await api<{ notes: MinutesNotes }>(server, 'GET', `/api/sessions/${sessionId}/minutes`, undefined, staff)).body.notes;
    const before = server.app.engine.seq;
    const [a, b] = await Promise.all([
      api<MinutesNotes>(server, 'PUT', url, { items: { [itemA]: 'Thảo luận mục A.' } }, staff),
      api<MinutesNotes>(server, 'PUT', url, { items: { [itemB]: 'Thảo luận mục B.' } }, staff),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const stored = (await api<{ notes: MinutesNotes }>(server, 'GET', `/api/sessions/${sessionId}/minutes`, undefined, staff)).body.notes;
    expect(stored.items[itemA]).toBe('Thảo luận mục A.');
    expect(stored.items[itemB]).toBe('Thảo luận mục B.');

    const saved = [...server.app.engine.store.readAll(before)].filter((e) => e.event.type === 'minutes.notes-saved');
    expect(saved).toHaveLength(2);
    expect(saved.map((e) => e.actor)).toEqual(['staff:admin', 'staff:admin']);
    expect(saved[1]!.event).toEqual({ type: 'minutes.notes-saved', sessionId, sha256: notesFingerprint(stored) });

    // Put the notes back as the other tests expect them (an empty text removes an item's summary).
    const back = await api<MinutesNotes>(server, 'PUT', url, { items: { [itemA]: '', [itemB]: '' } }, staff);
    expect(back.body.items).toEqual(original.items);
  });
});
