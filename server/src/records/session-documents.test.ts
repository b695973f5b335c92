// A whole demo session driven through the real sockets, as the reviewer ran it: roll call 28 of 31, a named
// vote, a secret election with one blank ballot (18 + 7 + 2 votes, 28 ballots), a confidence rating and a guest
// speaker. Then its counting minutes and Kỷ yếu (DOCX and PDF), its XLSX results, and — after roster edits,
// a vacancy and a settings change — every export again, unchanged. The PDFs are rendered to PNG with pdftoppm
// under e2e/artifacts (not in git) for a person to look at.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Ack, BallotChoice, Motion } from '@hddt/protocol';
import ExcelJS from 'exceljs';
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
import type { ResultsExport } from './results-export';
import type { SessionRecord } from './session-record';

let server: TestServer;
let chair: ChairSocket;
let voters: DelegateSocket[] = [];
let staff: StaffSession;
let sessionId = '';
let motions: Motion[] = [];
const roundIds: Record<string, string> = {};
const workDir = mkdtempSync(path.join(tmpdir(), 'hddt-records-'));
const artifacts = path.join(REPO_ROOT, 'e2e', 'artifacts', 'records');

async function fetchRaw(pathname: string): Promise<{ status: number; headers: Headers; body: Buffer }> {
  const res = await fetch(`${server.url}${pathname}`, { headers: { cookie: staff.cookie } });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

async function must<T>(p: Promise<Ack<T>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.code);
  return r.data;
}

async function castAll(roundId: string, choices: BallotChoice[]): Promise<void> {
  await Promise.all(choices.map((choice, i) => must(voters[i]!.timeout(5000).emitWithAck('vote:cast', { roundId, choice }))));
}

async function closeAndAnnounce(roundId: string): Promise<void> {
  await must(chair.timeout(5000).emitWithAck('round:close', { roundId }));
  await must(chair.timeout(5000).emitWithAck('round:announce', { roundId }));
}

async function openRound(motion: Motion, commandId: string): Promise<string> {
  const ack = await chair.timeout(5000).emitWithAck('motion:open', { motionId: motion.id, commandId });
  if (!ack.ok) throw new Error(`open ${ack.code}`);
  return ack.data.id;
}

const repeat = <T>(n: number, v: T): T[] => Array.from({ length: n }, () => v);

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', file, '-']).toString('utf8').normalize('NFC');
}

function docxText(file: string): string {
  const xml = execFileSync('unzip', ['-p', file, 'word/document.xml']).toString('utf8');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
}

/** Saves a PDF and renders every page to PNG (60 dpi) under e2e/artifacts/records. */
function render(name: string, pdf: Buffer): { file: string; pages: number } {
  mkdirSync(artifacts, { recursive: true });
  const file = path.join(artifacts, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(artifacts, name)]);
  const info = execFileSync('pdfinfo', [file]).toString('utf8');
  return { file, pages: Number(/Pages:\s+(\d+)/.exec(info)![1]) };
}

beforeAll(async () => {
  server = await startServer();
  staff = await staffLogin(server);
  chair = await chairSocket(server, staff);
  const cards = await delegateCards(server, staff);
  voters = await Promise.all(cards.slice(0, 28).map((c) => delegateSocket(server, tokenOf(c))));
  await openSessionWithRollCall(chair, voters);
  const demo = await demoSession(chair);
  sessionId = demo.session.id;
  motions = demo.motions;
  const [, named, , election, confidence] = motions;

  roundIds.named = await openRound(named!, 'rec-named');
  // 26 for, 1 abstains, one present delegate (seat 28) presses nothing; seats 29–31 are absent.
  await castAll(roundIds.named, [...repeat(26, { type: 'option', option: 'yes' } as BallotChoice), { type: 'option', option: 'abstain' }]);
  await closeAndAnnounce(roundIds.named);

  const [bình, lan, khang] = election!.candidates;
  roundIds.election = await openRound(election!, 'rec-elect');
  const ballot = (ids: string[]): BallotChoice => ({ type: 'election', candidateIds: ids });
  await castAll(roundIds.election, [...repeat(18, ballot([bình!.id])), ...repeat(7, ballot([lan!.id])), ...repeat(2, ballot([khang!.id])), ballot([])]);
  await closeAndAnnounce(roundIds.election);

  const [an, toàn] = confidence!.candidates;
  roundIds.confidence = await openRound(confidence!, 'rec-conf');
  const rate = (a: 'high' | 'medium' | 'low', t: 'high' | 'medium' | 'low'): BallotChoice => ({ type: 'confidence', ratings: { [an!.id]: a, [toàn!.id]: t } });
  await castAll(roundIds.confidence, [...repeat(20, rate('high', 'low')), ...repeat(6, rate('medium', 'medium')), ...repeat(2, rate('low', 'high'))]);
  await closeAndAnnounce(roundIds.confidence);

  const added = await chair.timeout(5000).emitWithAck('speaker:add', { name: 'Đỗ Văn Khải', title: 'Phó Chủ tịch UBND tỉnh' });
  if (!added.ok) throw new Error(added.code);
  const guest = added.data;
  await must(chair.timeout(5000).emitWithAck('speaker:give', { entryId: guest.id }));
  await must(chair.timeout(5000).emitWithAck('speaker:finish', { entryId: guest.id }));
  // Question time: a delegate questions an official, who answers in their own turn.
  const question = await voters[4]!
    .timeout(5000)
    .emitWithAck('question:request', { answererName: 'Lê Văn Bình', answererTitle: 'Giám đốc Sở Y tế', topic: 'Trạm y tế đặc khu.' });
  if (!question.ok) throw new Error(question.code);
  const asked = question.data;
  await must(chair.timeout(5000).emitWithAck('speaker:give', { entryId: asked.id }));
  await must(chair.timeout(5000).emitWithAck('question:answer', { entryId: asked.id }));
  await must(chair.timeout(5000).emitWithAck('speaker:finish', { entryId: asked.id }));
  await must(chair.timeout(5000).emitWithAck('session:close', { sessionId }));
  const notes = await api(server, 'PUT', `/api/sessions/${sessionId}/minutes/notes`, { number: '5', opening: 'Chủ tọa khai mạc kỳ họp.' }, staff);
  if (notes.status !== 200) throw new Error(`notes ${notes.status}`);
}, 90_000);

afterAll(async () => {
  for (const s of [chair, ...voters]) s?.disconnect();
  await server?.dispose();
  rmSync(workDir, { recursive: true, force: true });
});

describe('minutes of the whole session', () => {
  it('tells absent delegates from those present who pressed nothing, and lays the minutes out per Nghị định 30', async () => {
    const res = await api<{ record: SessionRecord }>(server, 'GET', `/api/sessions/${sessionId}/minutes`, undefined, staff);
    const round = res.body.record.items.flatMap((i) => i.rounds).find((r) => r.id === roundIds.named)!;
    expect(round.namedBallots!.filter((b) => b.choice === 'Vắng mặt').map((b) => b.seat)).toEqual([29, 30, 31]);
    expect(round.namedBallots!.filter((b) => b.status === 'not-voted').map((b) => [b.seat, b.choice])).toEqual([[28, 'Không biểu quyết']]);
    expect(round.namedBallots!.filter((b) => b.status === 'absent').map((b) => b.status)).toEqual(['absent', 'absent', 'absent']);
    expect(res.body.record.speakers[0]).toMatchObject({ name: 'Đỗ Văn Khải', title: 'Phó Chủ tịch UBND tỉnh', guest: true });

    const pdf = await fetchRaw(`/api/sessions/${sessionId}/minutes.pdf`);
    const { file, pages } = render('bien-ban', pdf.body);
    expect(pages).toBeGreaterThan(1);
    const text = pdfText(file);
    const flat = text.replace(/\s+/g, ' ');
    for (const s of [
      'Số: 05/BB-HĐND',
      'Kỳ họp thứ Năm, Hội đồng nhân dân đặc khu Côn Đảo khóa I, nhiệm kỳ 2026 - 2031',
      'Chủ tọa kỳ họp: Nguyễn Minh An, Chủ tịch HĐND đặc khu.',
      'Thư ký kỳ họp: Trần Thu Hạnh, Chánh Văn phòng HĐND và UBND đặc khu.',
      'Khách mời (3):',
      'IV. Ý KIẾN PHÁT BIỂU CỦA ĐẠI BIỂU VÀ KHÁCH MỜI; CHẤT VẤN VÀ TRẢ LỜI CHẤT VẤN',
      'Đỗ Văn Khải, Phó Chủ tịch UBND tỉnh (khách mời)',
      'Nghị quyết về Kế hoạch đầu tư công năm 2027.',
      'Nghị quyết xác nhận kết quả bầu Phó Chủ tịch',
    ]) {
      expect(flat).toContain(s);
    }
    // Each exchange of question time: who asked whom, on what, and the answer's turn.
    expect(flat).toMatch(
      /2\. [^.]+ \(ghế \d+\) chất vấn Lê Văn Bình, Giám đốc Sở Y tế về: Trạm y tế đặc khu, từ \d{2} giờ \d{2} đến \d{2} giờ \d{2}; Lê Văn Bình, Giám đốc Sở Y tế trả lời từ \d{2} giờ \d{2} đến \d{2} giờ \d{2}\./,
    );
    expect(res.body.record.speakers[1]).toMatchObject({ question: { answererName: 'Lê Văn Bình', topic: 'Trạm y tế đặc khu.' } });
    expect(flat).toMatch(/\.\/\.\s/);
    expect(flat).not.toContain('Ký, ghi rõ họ tên');
    expect(flat).not.toContain('Tình trạng:');
    expect(flat).not.toContain('Không tham gia biểu quyết');
    expect(flat).toMatch(/Côn Đảo, ngày \d{2} tháng (0[12]|[3-9]|1[0-2]) năm \d{4}/);
    // Page numbers: none on page 1, "2" alone at the top of page 2.
    const pageTexts = text.split('\f');
    expect(pageTexts[0]!.trim().split('\n')[0]!.trim()).not.toMatch(/^\d+$/);
    expect(pageTexts[1]!.trim().split('\n')[0]!.trim()).toBe('2');
    // The signature blocks share their page with the body's last paragraph.
    const last = pageTexts.filter((p) => p.trim() !== '').at(-1)!;
    expect(last).toContain('THƯ KÝ');
    expect(last).toContain('./.');
    // "Nơi nhận" (Mẫu 1.9) under the signatures, on their page: the council's list, "- …;" and the file copy last.
    const lastFlat = last.replace(/\s+/g, ' ');
    expect(lastFlat).toContain('Nơi nhận: - Thường trực HĐND Thành phố Hồ Chí Minh; - Thường trực Đảng ủy đặc khu;');
    expect(lastFlat).toContain('- Đại biểu HĐND đặc khu; - Lưu: VT, hồ sơ kỳ họp.');
    expect(lastFlat.indexOf('Nơi nhận:')).toBeGreaterThan(lastFlat.indexOf('Trần Thu Hạnh'));
  });

  it('prints the minutes notes’ own “Nơi nhận” in the DOCX and the PDF, and refuses a list without the file copy in Vietnamese and English', async () => {
    const bad = await api<{ code: string; fields: { path: string; message: string; messageEn: string }[] }>(
      server,
      'PUT',
      `/api/sessions/${sessionId}/minutes/notes`,
      { recipients: ['Thường trực HĐND đặc khu', 'UBND đặc khu'] },
      staff,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.fields[0]).toMatchObject({ path: 'recipients' });
    expect(bad.body.fields[0]!.message).toContain('Dòng cuối phải là nơi lưu');
    expect(bad.body.fields[0]!.messageEn).toContain('The last line must be the file copy');
    const own = ['Thường trực HĐND đặc khu', 'Ban Kinh tế - Ngân sách', 'Lưu: VT, hồ sơ kỳ họp thứ Năm'];
    expect((await api(server, 'PUT', `/api/sessions/${sessionId}/minutes/notes`, { recipients: own }, staff)).status).toBe(200);
    try {
      const file = path.join(workDir, 'noi-nhan.pdf');
      writeFileSync(file, (await fetchRaw(`/api/sessions/${sessionId}/minutes.pdf`)).body);
      const flat = pdfText(file).replace(/\s+/g, ' ');
      expect(flat).toContain('Nơi nhận: - Thường trực HĐND đặc khu; - Ban Kinh tế - Ngân sách; - Lưu: VT, hồ sơ kỳ họp thứ Năm.');
      expect(flat).not.toContain('Thường trực Đảng ủy đặc khu');
      const docxFile = path.join(workDir, 'noi-nhan.docx');
      writeFileSync(docxFile, (await fetchRaw(`/api/sessions/${sessionId}/minutes.docx`)).body);
      const d = docxText(docxFile);
      expect(d).toContain('Nơi nhận:\n- Thường trực HĐND đặc khu;\n- Ban Kinh tế - Ngân sách;\n- Lưu: VT, hồ sơ kỳ họp thứ Năm.');
      // 12 pt bold italic heading, 11 pt lines (Nghị định 30/2020/NĐ-CP).
      const xml = execFileSync('unzip', ['-p', docxFile, 'word/document.xml']).toString('utf8');
      expect(xml).toMatch(/<w:b\/><w:bCs\/><w:i\/><w:iCs\/>(?:(?!<\/w:rPr>).)*<w:sz w:val="24"\/>(?:(?!<w:t).)*<w:t[^>]*>Nơi nhận:<\/w:t>/s);
      expect(xml).toMatch(/<w:sz w:val="22"\/>(?:(?!<w:t).)*<w:t[^>]*>- Ban Kinh tế - Ngân sách;<\/w:t>/s);
    } finally {
      expect((await api(server, 'PUT', `/api/sessions/${sessionId}/minutes/notes`, { recipients: [] }, staff)).status).toBe(200);
    }
  });
});

describe('counting minutes (biên bản kiểm phiếu)', () => {
  it('counts every ballot of the election, the blank one too, and is signed by the counting board', async () => {
    const json = JSON.parse((await fetchRaw(`/api/rounds/${roundIds.election}/results.json`)).body.toString('utf8')) as ResultsExport;
    expect(json.rounds[0]!.counting).toEqual({ issued: 28, returned: 28, valid: 27, invalid: 1 });

    const pdf = await fetchRaw(`/api/rounds/${roundIds.election}/counting-minutes.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const { file } = render('bien-ban-kiem-phieu-bau', pdf.body);
    const flat = pdfText(file).replace(/\s+/g, ' ');
    for (const s of [
      'BAN KIỂM PHIẾU',
      'BIÊN BẢN KIỂM PHIẾU',
      'Bầu Phó Chủ tịch Hội đồng nhân dân đặc khu',
      'Số phiếu phát ra: 28.',
      'Số phiếu thu vào: 28 (90,32%).',
      'Số phiếu hợp lệ: 27 (87,10%).',
      'Số phiếu không hợp lệ: 1 (3,23%)',
      'Số người cần bầu: 1.',
      'Phạm Quốc Bình 18 58,06% Trúng cử',
      'Lê Ngọc Lan 7 22,58%',
      'Võ Minh Khang 2 6,45%',
      'TRƯỞNG BAN',
      'Vũ Bích Phương',
      'Hồ Thu Thảo',
      'Bùi Văn Cường',
      'Nơi nhận: - Chủ tọa kỳ họp; - Lưu: VT, hồ sơ kỳ họp.',
    ]) {
      expect(flat).toContain(s);
    }
    expect(flat).not.toContain('được bầu');

    const docx = await fetchRaw(`/api/rounds/${roundIds.election}/counting-minutes.docx`);
    expect(docx.status).toBe(200);
    const docxFile = path.join(workDir, 'kiem-phieu.docx');
    writeFileSync(docxFile, docx.body);
    const text = docxText(docxFile);
    expect(text).toContain('Số phiếu không hợp lệ: 1 (3,23%) (phiếu không chọn người nào).');
    expect(text).toContain('TM. BAN KIỂM PHIẾU');
  });

  it('gives each level of confidence per person and whether the thresholds of Nghị quyết 96/2023/QH15 were reached', async () => {
    const pdf = await fetchRaw(`/api/rounds/${roundIds.confidence}/counting-minutes.pdf`);
    expect(pdf.status).toBe(200);
    const flat = pdfText(render('bien-ban-kiem-phieu-tin-nhiem', pdf.body).file).replace(/\s+/g, ' ');
    expect(flat).toContain('Nguyễn Minh An 20 (64,52%) 6 (19,35%) 2 (6,45%)');
    expect(flat).toContain('Hoàng Đức Toàn 2 (6,45%) 6 (19,35%) 20 (64,52%)');
    expect(flat).toContain('Hoàng Đức Toàn: quá nửa tổng số đại biểu đánh giá tín nhiệm thấp (20/31, 64,52%)');
    expect(flat).toContain('Nguyễn Minh An: chưa đến quá nửa tổng số đại biểu đánh giá tín nhiệm thấp (2/31, 6,45%)');
  });

  it('refuses a named round, with a reason in Vietnamese and English', async () => {
    const res = await api<{ code: string; message: string; messageEn: string }>(
      server,
      'GET',
      `/api/rounds/${roundIds.named}/counting-minutes.pdf`,
      undefined,
      staff,
    );
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('NOT_SECRET_ROUND');
    expect(res.body.message).toContain('bỏ phiếu kín');
    expect(res.body.messageEn).toContain('secret');
    expect((await api(server, 'GET', '/api/rounds/nope/counting-minutes.docx', undefined, staff)).status).toBe(404);
  });
});

describe('Kỷ yếu', () => {
  it('prints cover, agenda, documents, resolutions with their results and the minutes, as PDF and DOCX', async () => {
    const pdf = await fetchRaw(`/api/sessions/${sessionId}/ky-yeu.pdf`);
    expect(pdf.status).toBe(200);
    const { file, pages } = render('ky-yeu', pdf.body);
    const text = pdfText(file);
    const pageTexts = text.split('\f');
    expect(pageTexts[0]).toContain('KỶ YẾU');
    const flat = text.replace(/\s+/g, ' ');
    const order = ['KỶ YẾU', 'CHƯƠNG TRÌNH KỲ HỌP', 'DANH MỤC TÀI LIỆU', 'CÁC NGHỊ QUYẾT ĐÃ THÔNG QUA VÀ KẾT QUẢ BIỂU QUYẾT', 'BIÊN BẢN'].map((s) =>
      flat.indexOf(s),
    );
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(flat).toContain('Nghị quyết về Kế hoạch đầu tư công năm 2027');
    expect(flat).toContain('Có mặt 28/31; tham gia biểu quyết 27 (87,10%)');
    expect(flat).toContain('Ngoài ra có 1 tài liệu mật');
    const list = flat.slice(flat.indexOf('DANH MỤC TÀI LIỆU'), flat.indexOf('CÁC NGHỊ QUYẾT ĐÃ THÔNG QUA'));
    expect(list).toContain('Tờ trình về Kế hoạch đầu tư công năm 2027');
    expect(list).not.toContain('Báo cáo thẩm tra của Ban Kinh tế - Ngân sách');
    expect(pages).toBeGreaterThanOrEqual(6);

    const docx = await fetchRaw(`/api/sessions/${sessionId}/ky-yeu.docx`);
    expect(docx.status).toBe(200);
    const docxFile = path.join(workDir, 'ky-yeu.docx');
    writeFileSync(docxFile, docx.body);
    const d = docxText(docxFile);
    for (const s of ['KỶ YẾU', 'CHƯƠNG TRÌNH KỲ HỌP', 'DANH MỤC TÀI LIỆU', 'BIÊN BẢN', 'Số: 05/BB-HĐND']) expect(d).toContain(s);
  });
});

describe('exports after the roster and settings change', () => {
  it('regenerates every export of the closed session with identical content', async () => {
    const exportsNow = async () => {
      const out: Record<string, string> = {};
      for (const p of [
        `/api/sessions/${sessionId}/minutes`,
        `/api/sessions/${sessionId}/results.json`,
        `/api/sessions/${sessionId}/results.csv`,
        `/api/results.json`,
        `/api/rounds/${roundIds.named}/results.csv`,
        `/api/rounds/${roundIds.election}/results.json`,
      ]) {
        // The log head moves with every entry; the content must not.
        out[p] = (await fetchRaw(p)).body
          .toString('utf8')
          .replace(/"logHead":\{[^}]*\},?/g, '')
          .replace(/mục số \d+; mã kiểm tra toàn vẹn \(SHA-256\): [0-9a-f]+/g, '');
      }
      const pdf = await fetchRaw(`/api/sessions/${sessionId}/minutes.pdf`);
      const file = path.join(workDir, `m-${Date.now()}.pdf`);
      writeFileSync(file, pdf.body);
      out.pdf = pdfText(file).replace(/mục số \d+;[\s\S]*?\.\/\./, '');
      return out;
    };
    const before = await exportsNow();
    const cards = await delegateCards(server, staff);
    const seat31 = cards.find((c) => c.seat === 31)!;
    expect(
      (
        await api(
          server,
          'POST',
          '/api/delegates',
          { seat: 32, fullName: 'Đại biểu Bổ Sung', title: 'Đại biểu HĐND đặc khu', group: 'Tổ đại biểu số 1' },
          staff,
        )
      ).status,
    ).toBe(201);
    expect((await api(server, 'POST', `/api/delegates/${seat31.delegateId}/vacate`, { reason: 'Chuyển công tác' }, staff)).status).toBe(200);
    expect((await api(server, 'PATCH', `/api/delegates/${cards[0]!.delegateId}`, { fullName: 'Tên Mới Sau Kỳ Họp' }, staff)).status).toBe(200);
    expect(
      (
        await api(
          server,
          'PATCH',
          '/api/council',
          {
            termOrdinal: 'II',
            minutesRecipients: ['Thường trực HĐND đặc khu', 'Lưu: VT'],
            voteLabels: { yes: { vi: 'Đồng ý', en: 'Yes' }, no: { vi: 'Không đồng ý', en: 'No' }, abstain: { vi: 'Phiếu trắng', en: 'Blank' } },
          },
          staff,
        )
      ).status,
    ).toBe(200);
    const after = await exportsNow();
    for (const key of Object.keys(before)) expect(after[key], key).toBe(before[key]);
    expect(after.pdf).not.toContain('Đại biểu Bổ Sung');
    expect(after[`/api/rounds/${roundIds.named}/results.csv`]).toContain('Vắng mặt');
  });
});

describe('results as XLSX over HTTP', () => {
  it('serves a round, a session and the term as workbooks', async () => {
    for (const p of [`/api/rounds/${roundIds.election}/results.xlsx`, `/api/sessions/${sessionId}/results.xlsx`, '/api/results.xlsx']) {
      const res = await fetchRaw(p);
      expect(res.status, p).toBe(200);
      expect(res.headers.get('content-type')).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.body as unknown as ArrayBuffer);
      expect(wb.worksheets[0]!.name).toBe('Tổng hợp');
    }
  });
});
