// Layout details of Nghị định 30/2020/NĐ-CP the typesetters must not get wrong: the summary line under the
// title never breaks inside the term, and the counting board's signatures stand in rows of two with the head
// on the right of the first row and a lone later member on the left.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { boardSigners } from './counting-minutes';
import { minutesDocx } from './minutes-docx';
import { sessionSummaryLines, speakerLine, type MinutesLayout } from './minutes-layout';
import { minutesPdf } from './minutes-pdf';

const dir = mkdtempSync(path.join(tmpdir(), 'hddt-layout-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const record = (name: string, termOrdinal: string | undefined, heading = 'Kỳ họp thứ Năm') => ({
  council: { name, term: '2026 - 2031', termOrdinal } as never,
  session: { heading } as never,
});

describe('summary line under the title', () => {
  it('stays one line when it fits', () => {
    expect(sessionSummaryLines(record('HĐND xã Tân Phú', 'I', 'Kỳ họp thứ Hai'))).toEqual(['Kỳ họp thứ Hai, HĐND xã Tân Phú khóa I, nhiệm kỳ 2026 - 2031']);
  });

  it('breaks before "khóa", never inside the term', () => {
    expect(sessionSummaryLines(record('Hội đồng nhân dân đặc khu Côn Đảo', 'I'))).toEqual([
      'Kỳ họp thứ Năm, Hội đồng nhân dân đặc khu Côn Đảo',
      'khóa I, nhiệm kỳ 2026 - 2031',
    ]);
    expect(sessionSummaryLines(record('Hội đồng nhân dân thành phố Hồ Chí Minh', ''))).toEqual([
      'Kỳ họp thứ Năm, Hội đồng nhân dân thành phố Hồ Chí Minh,',
      'nhiệm kỳ 2026 - 2031',
    ]);
  });

  it('prints each line whole in the PDF (no line ends in "-")', async () => {
    const layout: MinutesLayout = {
      header: null,
      title: 'BIÊN BẢN',
      subtitle: sessionSummaryLines(record('Hội đồng nhân dân đặc khu Côn Đảo', 'I')),
      blocks: [{ t: 'para', text: 'Nội dung./.' }],
      signatures: [],
    };
    const file = path.join(dir, 'summary.pdf');
    writeFileSync(file, await minutesPdf(layout));
    const lines = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'])
      .toString('utf8')
      .normalize('NFC')
      .split('\n')
      .map((l) => l.trim());
    expect(lines).toContain('Kỳ họp thứ Năm, Hội đồng nhân dân đặc khu Côn Đảo');
    expect(lines).toContain('khóa I, nhiệm kỳ 2026 - 2031');
    expect(lines.some((l) => /\s-$/.test(l))).toBe(false);
  });
});

describe('signatures of the counting board', () => {
  const board = [
    { name: 'Vũ Bích Phương', title: 'Trưởng ban' },
    { name: 'Hồ Thu Thảo', title: 'Thành viên' },
    { name: 'Bùi Văn Cường', title: 'Thành viên' },
  ];

  it('puts the head on the right of the first row and the members around them', () => {
    expect(boardSigners(board)).toEqual([
      { role: ['THÀNH VIÊN'], name: 'Hồ Thu Thảo' },
      { role: ['TM. BAN KIỂM PHIẾU', 'TRƯỞNG BAN'], name: 'Vũ Bích Phương' },
      { role: ['THÀNH VIÊN'], name: 'Bùi Văn Cường' },
    ]);
    expect(boardSigners(board.slice(0, 1))).toEqual([{ role: ['TM. BAN KIỂM PHIẾU', 'TRƯỞNG BAN'], name: 'Vũ Bích Phương' }]);
  });

  const layout = (signers: number): MinutesLayout => ({
    header: null,
    title: 'BIÊN BẢN KIỂM PHIẾU',
    subtitle: [],
    blocks: [{ t: 'para', text: 'Kết quả./.' }],
    signatures: boardSigners(board.slice(0, signers)),
  });

  /** The signature table's rows, each as its cells' text. */
  async function docxRows(l: MinutesLayout): Promise<string[][]> {
    const file = path.join(dir, `sign-${l.signatures.length}.docx`);
    writeFileSync(file, await minutesDocx(l));
    const xml = execFileSync('unzip', ['-p', file, 'word/document.xml']).toString('utf8');
    const tables = xml.split('<w:tbl>');
    const last = tables[tables.length - 1]!;
    return last
      .split('<w:tr>')
      .slice(1)
      .map((tr) =>
        tr
          .split('<w:tc>')
          .slice(1)
          .map((tc) =>
            [...tc.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
              .map((m) => m[1])
              .join(' ')
              .trim(),
          ),
      );
  }

  it('in the DOCX: a lone third member stands on the left, a lone head on the right', async () => {
    expect(await docxRows(layout(3))).toEqual([
      ['THÀNH VIÊN Hồ Thu Thảo', 'TM. BAN KIỂM PHIẾU TRƯỞNG BAN Vũ Bích Phương'],
      ['THÀNH VIÊN Bùi Văn Cường', ''],
    ]);
    expect(await docxRows(layout(1))).toEqual([['', 'TM. BAN KIỂM PHIẾU TRƯỞNG BAN Vũ Bích Phương']]);
  });

  it('in the PDF: the third member under the first, the head on the right', async () => {
    const file = path.join(dir, 'sign.pdf');
    writeFileSync(file, await minutesPdf(layout(3)));
    const bbox = execFileSync('pdftotext', ['-bbox', file, '-']).toString('utf8').normalize('NFC');
    const xMin = (word: string) => Number(new RegExp(`<word xMin="([\\d.]+)"[^>]*>${word}</word>`).exec(bbox)![1]);
    const pageWidth = Number(/<page width="([\d.]+)"/.exec(bbox)![1]);
    expect(xMin('Cường')).toBeLessThan(pageWidth / 2);
    expect(xMin('Thảo')).toBeLessThan(pageWidth / 2);
    expect(xMin('Phương')).toBeGreaterThan(pageWidth / 2);
  });
});

describe('speakers in the minutes', () => {
  const base = {
    order: 3,
    name: 'Phan Hữu Việt',
    title: 'Đại biểu HĐND đặc khu',
    seat: 27,
    startedAt: '2026-07-05T02:00:00.000Z',
    endedAt: '2026-07-05T02:03:00.000Z',
  };
  it('names a rebuttal, and a question with whom it asked, on what, and the answer’s turn or its absence', () => {
    expect(speakerLine({ ...base, rebuttal: true }, 'Asia/Ho_Chi_Minh')).toBe(
      '3. Phan Hữu Việt, Đại biểu HĐND đặc khu (ghế 27) (tranh luận), từ 09 giờ 00 đến 09 giờ 03.',
    );
    const question = {
      answererName: 'Lê Văn Bình',
      answererTitle: 'Giám đốc Sở Y tế',
      topic: 'Trạm y tế đặc khu',
      answerStartedAt: '2026-07-05T02:03:00.000Z',
      answerEndedAt: '2026-07-05T02:08:00.000Z',
    };
    expect(speakerLine({ ...base, question }, 'Asia/Ho_Chi_Minh')).toBe(
      '3. Phan Hữu Việt, Đại biểu HĐND đặc khu (ghế 27) chất vấn Lê Văn Bình, Giám đốc Sở Y tế về: Trạm y tế đặc khu, từ 09 giờ 00 đến 09 giờ 03; Lê Văn Bình, Giám đốc Sở Y tế trả lời từ 09 giờ 03 đến 09 giờ 08.',
    );
    expect(speakerLine({ ...base, question: { ...question, answerStartedAt: null, answerEndedAt: null } }, 'Asia/Ho_Chi_Minh')).toMatch(
      /; Lê Văn Bình chưa trả lời tại kỳ họp\.$/,
    );
  });
});
