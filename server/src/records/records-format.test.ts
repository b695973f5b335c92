// The pure parts of the records: official result wording, minutes number, Vietnamese folding for search,
// CSV quoting, and the secret-round export shape.
import type { Motion } from '@hddt/protocol';
import { DEFAULT_MINUTES_RECIPIENTS, formatDocumentDateVi, recipientLines } from '@hddt/protocol';
import { CouncilPatchSchema, RECIPIENTS_FILE_COPY_MESSAGE } from '@hddt/protocol/schemas';
import { describe, expect, it } from 'vitest';
import { defaultCouncilConfig } from '../domain/defaults';
import { foldVi } from './archive';
import { numberLine } from './minutes-layout';
import { resultsCsv, roundExport } from './results-export';
import { resultLines } from './session-record';
import { emptyState } from '../domain/evolve';
import type { CouncilState, RoundState } from '../domain/types';

const council = defaultCouncilConfig('c1');

describe('official wording', () => {
  it('announces counts and percentages of all seated delegates N', () => {
    const lines = resultLines(council, {
      kind: 'options',
      seated: 31,
      present: 28,
      participated: 28,
      counts: { yes: 27, no: 0, abstain: 1 },
      required: 16,
      passed: true,
    });
    expect(lines).toEqual([
      'Có mặt 28/31; tham gia biểu quyết 28 (90,32%); tán thành 27 (87,10%); không tán thành 0 (0%); không biểu quyết 1 (3,23%).',
      'Kết quả: THÔNG QUA (cần ít nhất 16/31 đại biểu tán thành).',
      // The 3 absent are never merged with present delegates who did not vote.
      'Vắng mặt 3; có mặt nhưng không biểu quyết 0.',
    ]);
  });

  it('uses the council’s own vote labels', () => {
    const custom = { ...council, voteLabels: { ...council.voteLabels, yes: { vi: 'Đồng ý', en: 'Agree' } } };
    const [line] = resultLines(custom, {
      kind: 'options',
      seated: 3,
      present: 3,
      participated: 3,
      counts: { yes: 2, no: 1, abstain: 0 },
      required: 2,
      passed: true,
    });
    expect(line).toContain('đồng ý 2 (66,67%)');
  });

  it('prints the minutes number or a blank to fill in', () => {
    expect(numberLine('12')).toBe('Số: 12/BB-HĐND');
    expect(numberLine('12/BB-HĐND')).toBe('Số: 12/BB-HĐND');
    expect(numberLine('')).toBe('Số:        /BB-HĐND');
  });

  it('writes dates and numbers with the leading zeros of Nghị định 30', () => {
    // A day below 10 and the months January and February take a leading zero; the other months do not.
    expect(formatDocumentDateVi('2027-01-05')).toBe('ngày 05 tháng 01 năm 2027');
    expect(formatDocumentDateVi('2027-02-28')).toBe('ngày 28 tháng 02 năm 2027');
    expect(formatDocumentDateVi('2027-07-15')).toBe('ngày 15 tháng 7 năm 2027');
    expect(formatDocumentDateVi('2027-12-01')).toBe('ngày 01 tháng 12 năm 2027');
    expect(numberLine('5')).toBe('Số: 05/BB-HĐND');
    expect(numberLine('5/BB-HĐND')).toBe('Số: 05/BB-HĐND');
    expect(numberLine('10')).toBe('Số: 10/BB-HĐND');
  });

  it('prints "Nơi nhận" as Nghị định 30 lists it, and refuses a list without the file copy', () => {
    // Dashes and closing marks typed or not, the same lines: "- …;" and the last "- Lưu: …."
    expect(recipientLines(['- Thường trực HĐND đặc khu;', 'UBND đặc khu.', ' Lưu: VT, hồ sơ kỳ họp '])).toEqual([
      '- Thường trực HĐND đặc khu;',
      '- UBND đặc khu;',
      '- Lưu: VT, hồ sơ kỳ họp.',
    ]);
    // The first list with a line wins (the notes' own, then the council's), otherwise the default.
    expect(recipientLines([], ['Ban Pháp chế', 'Lưu: VT'])).toEqual(['- Ban Pháp chế;', '- Lưu: VT.']);
    expect(recipientLines([], undefined)).toEqual(DEFAULT_MINUTES_RECIPIENTS.map((l, i, a) => `- ${l}${i === a.length - 1 ? '.' : ';'}`));
    expect(DEFAULT_MINUTES_RECIPIENTS.at(-1)).toMatch(/^Lưu: VT/);

    expect(CouncilPatchSchema.safeParse({ minutesRecipients: ['Thường trực HĐND', 'Lưu: VT'] }).success).toBe(true);
    const noFileCopy = CouncilPatchSchema.safeParse({ minutesRecipients: ['Thường trực HĐND', 'UBND'] });
    expect(noFileCopy.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['minutesRecipients', RECIPIENTS_FILE_COPY_MESSAGE]]);
    expect(RECIPIENTS_FILE_COPY_MESSAGE).toMatch(/Dòng cuối.*The last line/);
    expect(CouncilPatchSchema.safeParse({ minutesRecipients: [] }).success).toBe(false);
    expect(CouncilPatchSchema.safeParse({ minutesRecipients: ['Thường trực\nHĐND', 'Lưu: VT'] }).success).toBe(false);
    expect(CouncilPatchSchema.safeParse({ minutesRecipients: [...Array<string>(20).fill('Ban'), 'Lưu: VT'] }).success).toBe(false);
  });

  it('folds Vietnamese for search: case, diacritics, đ', () => {
    expect(foldVi('Nghị Quyết ĐẦU TƯ công 01/NQ-HĐND')).toBe('nghi quyet dau tu cong 01/nq-hdnd');
    expect(foldVi('Nghi\u0323 quyê\u0301t'.normalize('NFD'))).toBe('nghi quyet');
  });
});

describe('secret round export', () => {
  it('carries totals and seat-ordered participation, never a choice', () => {
    const motion: Motion = {
      id: 'm1',
      sessionId: 's1',
      itemId: null,
      question: 'Bầu "Phó" Chủ tịch, nhiệm kỳ',
      kind: 'election',
      mode: 'secret',
      interim: 'progress',
      durationSec: null,
      candidates: [
        { id: 'k1', name: 'A' },
        { id: 'k2', name: 'B' },
      ],
      seats: 1,
      practice: false,
      resolution: false,
      normative: false,
    };
    const round: RoundState = {
      id: 'r1',
      motionId: 'm1',
      sessionId: 's1',
      number: 1,
      status: 'closed',
      openedAt: '2026-07-05T01:00:00.000Z',
      closesAt: null,
      closedAt: '2026-07-05T01:05:00.000Z',
      cancelledReason: null,
      seated: 3,
      allowChange: false,
      ballots: new Map(),
      participants: { d3: true, d1: true },
      secretTally: null,
      result: {
        kind: 'election',
        seated: 3,
        present: 3,
        participated: 2,
        seats: 1,
        required: 2,
        candidates: [
          { id: 'k1', name: 'A', votes: 2, elected: true, tied: false },
          { id: 'k2', name: 'B', votes: 0, elected: false, tied: false },
        ],
        tieNeedsRevote: false,
      },
    };
    const d = (id: string, seat: number) => ({ id, seat, fullName: `Đại biểu ${seat}`, title: '', group: '', seated: true, vacatedReason: null });
    const state: CouncilState = {
      ...emptyState(),
      council,
      delegates: { d3: d('d3', 3), d1: d('d1', 1), d2: d('d2', 2) },
      sessions: {
        s1: {
          id: 's1',
          number: 4,
          title: 'Kỳ họp',
          type: 'regular',
          startDate: '2026-07-05',
          endDate: '2026-07-05',
          place: '',
          isPublic: true,
          status: 'open',
          openedAt: null,
          closedAt: null,
          rollCallOpen: false,
          currentItemId: null,
          chairName: '',
          secretaryName: '',
        },
      },
      motions: { m1: motion },
      rounds: { r1: round },
    };
    const r = roundExport(state, round, null)!;
    expect(r.ballots).toBeNull();
    expect(r.participation).toEqual([
      { seat: 1, fullName: 'Đại biểu 1', delegateId: 'd1', participated: true, status: 'voted' },
      { seat: 2, fullName: 'Đại biểu 2', delegateId: 'd2', participated: false, status: 'absent' },
      { seat: 3, fullName: 'Đại biểu 3', delegateId: 'd3', participated: true, status: 'voted' },
    ]);
    const csv = resultsCsv(state, [r], null);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv).toContain('"Bầu ""Phó"" Chủ tịch, nhiệm kỳ"');
    expect(csv).toContain(',Ứng cử viên,,A,Trúng cử,2,"66,67%"');
    const personal = csv.split('\r\n').filter((l) => /,[123],Đại biểu/.test(l));
    expect(personal.map((l) => l.split(',').slice(-3).join(','))).toEqual(['Có tham gia,,', 'Vắng mặt,,', 'Có tham gia,,']);
  });
});
