// The pure parts of the records: official result wording, minutes number, Vietnamese folding for search,
// CSV quoting, and the secret-round export shape.
import type { Motion } from '@hddt/protocol';
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
    const [line] = resultLines(custom, { kind: 'options', seated: 3, present: 3, participated: 3, counts: { yes: 2, no: 1, abstain: 0 }, required: 2, passed: true });
    expect(line).toContain('đồng ý 2 (66,67%)');
  });

  it('prints the minutes number or a blank to fill in', () => {
    expect(numberLine('12')).toBe('Số: 12/BB-HĐND');
    expect(numberLine('12/BB-HĐND')).toBe('Số: 12/BB-HĐND');
    expect(numberLine('')).toBe('Số:        /BB-HĐND');
  });

  it('folds Vietnamese for search: case, diacritics, đ', () => {
    expect(foldVi('Nghị Quyết ĐẦU TƯ công 01/NQ-HĐND')).toBe('nghi quyet dau tu cong 01/nq-hdnd');
    expect(foldVi('Nghi\u0323 quyê\u0301t'.normalize('NFD'))).toBe('nghi quyet');
  });
});

describe('secret round export', () => {
  it('carries totals and seat-ordered participation, never a choice', () => {
    const motion: Motion = {
      id: 'm1', sessionId: 's1', itemId: null, question: 'Bầu "Phó" Chủ tịch, nhiệm kỳ', kind: 'election', mode: 'secret',
      interim: 'progress', durationSec: null, candidates: [{ id: 'k1', name: 'A' }, { id: 'k2', name: 'B' }], seats: 1,
      practice: false, resolution: false, normative: false,
    };
    const round: RoundState = {
      id: 'r1', motionId: 'm1', sessionId: 's1', number: 1, status: 'closed', openedAt: '2026-07-05T01:00:00.000Z', closesAt: null,
      closedAt: '2026-07-05T01:05:00.000Z', cancelledReason: null, seated: 3, allowChange: false, ballots: new Map(),
      participants: { d3: true, d1: true }, secretTally: null,
      result: { kind: 'election', seated: 3, present: 3, participated: 2, seats: 1, required: 2, candidates: [
        { id: 'k1', name: 'A', votes: 2, elected: true, tied: false }, { id: 'k2', name: 'B', votes: 0, elected: false, tied: false }], tieNeedsRevote: false },
    };
    const d = (id: string, seat: number) => ({ id, seat, fullName: `Đại biểu ${seat}`, title: '', group: '', seated: true, vacatedReason: null });
    const state: CouncilState = {
      ...emptyState(),
      council,
      delegates: { d3: d('d3', 3), d1: d('d1', 1), d2: d('d2', 2) },
      sessions: { s1: { id: 's1', number: 4, title: 'Kỳ họp', type: 'regular', startDate: '2026-07-05', endDate: '2026-07-05', place: '', isPublic: true,
        status: 'open', openedAt: null, closedAt: null, rollCallOpen: false, currentItemId: null, chairName: '', secretaryName: '' } },
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
