import { describe, expect, it } from 'vitest';
import type { ConfidenceResult, ElectionResult, OptionResult } from '@hddt/protocol';
import { announcementText, candidateVerdict, optionResultLines, requirementText, verdictLabel } from './result-lines';
import { LABELS } from './test-labels';

const briefExample: OptionResult = {
  kind: 'options',
  seated: 31,
  present: 28,
  participated: 28,
  counts: { yes: 27, no: 0, abstain: 1 },
  required: 16,
  passed: true,
};

describe('announcementText', () => {
  it('reads the BRIEF example exactly, percentages of all 31 seated delegates', () => {
    expect(announcementText(briefExample, LABELS, 'vi')).toBe(
      'Có mặt 28/31; tham gia biểu quyết 28 (90,32%); tán thành 27 (87,10%); không tán thành 0 (0%); không biểu quyết 1 (3,23%)',
    );
  });

  it('uses the council labels and the English number format', () => {
    const custom: typeof LABELS = {
      ...LABELS,
      voteLabels: { yes: { vi: 'Đồng ý', en: 'Yes' }, no: { vi: 'Không đồng ý', en: 'No' }, abstain: { vi: 'Phiếu trắng', en: 'Blank' } },
    };
    expect(announcementText(briefExample, custom, 'vi')).toContain('đồng ý 27 (87,10%); không đồng ý 0 (0%); phiếu trắng 1 (3,23%)');
    expect(announcementText(briefExample, LABELS, 'en')).toBe(
      'Present 28/31; took part in the vote 28 (90.32%); in favour 27 (87.10%); against 0 (0%); abstain 1 (3.23%)',
    );
  });

  it('an even split of an odd N is not a majority: 15 of 31 fails, needs 16', () => {
    const r: OptionResult = {
      kind: 'options',
      seated: 31,
      present: 30,
      participated: 30,
      counts: { yes: 15, no: 15, abstain: 0 },
      required: 16,
      passed: false,
    };
    const lines = optionResultLines(r, LABELS, 'vi');
    expect(lines.map((l) => [l.key, l.value, l.percent])).toEqual([
      ['present', '30/31', null],
      ['participated', '30', '96,77%'],
      ['yes', '15', '48,39%'],
      ['no', '15', '48,39%'],
      ['abstain', '0', '0%'],
    ]);
    expect(requirementText(r, 'vi')).toBe('Cần ít nhất 16/31 phiếu tán thành');
    expect(verdictLabel(r.passed ? 'passed' : 'failed', 'vi')).toBe('KHÔNG THÔNG QUA');
  });

  it('election with three candidates names each with votes and verdict', () => {
    const r: ElectionResult = {
      kind: 'election',
      seated: 31,
      present: 29,
      participated: 29,
      seats: 1,
      required: 16,
      tieNeedsRevote: false,
      candidates: [
        { id: 'a', name: 'Nguyễn Văn An', votes: 18, elected: true, tied: false },
        { id: 'b', name: 'Trần Thị Bình', votes: 9, elected: false, tied: false },
        { id: 'c', name: 'Lê Hoàng Cường', votes: 2, elected: false, tied: false },
      ],
    };
    expect(announcementText(r, LABELS, 'vi')).toBe(
      'Có mặt 29/31; tham gia bỏ phiếu 29 (93,55%); Nguyễn Văn An 18 phiếu (58,06%), trúng cử; ' +
        'Trần Thị Bình 9 phiếu (29,03%), không trúng cử; Lê Hoàng Cường 2 phiếu (6,45%), không trúng cử',
    );
    expect(candidateVerdict({ elected: false, tied: true })).toBe('tied');
  });

  it('confidence rating lists the three levels per official', () => {
    const r: ConfidenceResult = {
      kind: 'confidence',
      seated: 31,
      present: 30,
      participated: 30,
      subjects: [{ id: 's', name: 'Phạm Minh Đức', counts: { high: 20, medium: 7, low: 3 }, lowMajority: false, lowTwoThirds: false }],
    };
    expect(announcementText(r, LABELS, 'vi')).toBe(
      'Có mặt 30/31; tham gia bỏ phiếu 30 (96,77%); Phạm Minh Đức: tín nhiệm cao 20 (64,52%), tín nhiệm 7 (22,58%), tín nhiệm thấp 3 (9,68%)',
    );
    expect(requirementText(r, 'vi')).toBeNull();
  });
});
