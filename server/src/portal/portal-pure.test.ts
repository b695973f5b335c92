// Pure parts of the portal: the escaper, the official result wording, form validation and the limiter.
import { describe, expect, it } from 'vitest';
import type { ElectionResult, OptionResult } from '@hddt/protocol';
import { defaultCouncilConfig } from '../domain/defaults';
import { FeedbackLimiter, validateFeedback } from './feedback';
import { escapeXml, html, raw } from './html';
import { fold, resultSentences } from './public-data';

describe('html escaper', () => {
  it('escapes every interpolated value, keeps nested markup and drops empty values', () => {
    const name = `<img src=x onerror="alert('x')">&`;
    const out = html`<p title="${name}">${name}${html`<b>${'ok'}</b>`}${null}${false}${[1, '<2>']}</p>`;
    expect(out.value).toBe(
      '<p title="&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;">&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;<b>ok</b>1&lt;2&gt;</p>',
    );
    expect(html`${raw('<hr>')}`.value).toBe('<hr>');
    expect(escapeXml('a\u0001<b>')).toBe('a&lt;b&gt;');
  });
});

describe('official result wording', () => {
  const result: OptionResult = {
    kind: 'options',
    seated: 31,
    present: 28,
    participated: 28,
    counts: { yes: 27, no: 0, abstain: 1 },
    required: 16,
    passed: true,
  };
  const council = defaultCouncilConfig('test');

  it('gives counts and percentages of all seated delegates in the announced form', () => {
    expect(resultSentences(council, result, 'vi')).toEqual([
      'Có mặt 28/31; tham gia biểu quyết 28 (90,32%); tán thành 27 (87,10%); không tán thành 0 (0%); không biểu quyết 1 (3,23%).',
      'Kết quả: THÔNG QUA (cần ít nhất 16/31 đại biểu tán thành).',
      // The 3 absent are never merged with present delegates who did not vote.
      'Vắng mặt 3; có mặt nhưng không biểu quyết 0.',
    ]);
    expect(resultSentences(council, { ...result, counts: { yes: 10, no: 15, abstain: 3 }, passed: false }, 'en')[1]).toBe(
      'Result: NOT ADOPTED (at least 16 of 31 delegates in favour needed).',
    );
  });

  it('gives a secret election its counting figures with the blank ballot, and "số người cần bầu"', () => {
    const election: ElectionResult = {
      kind: 'election',
      seated: 31,
      present: 28,
      participated: 28,
      seats: 1,
      required: 16,
      tieNeedsRevote: false,
      blank: 1,
      candidates: [
        { id: 'a', name: 'Phạm Quốc Bình', votes: 18, elected: true, tied: false },
        { id: 'b', name: 'Lê Ngọc Lan', votes: 7, elected: false, tied: false },
        { id: 'c', name: 'Võ Minh Khang', votes: 2, elected: false, tied: false },
      ],
    };
    const lines = resultSentences(council, election, 'vi');
    expect(lines[0]).toBe('Có mặt 28/31; tham gia bỏ phiếu 28 (90,32%); số người cần bầu: 1; số phiếu cần để trúng cử: 16/31.');
    expect(lines).toContain('Số phiếu phát ra 28; số phiếu thu vào 28; số phiếu hợp lệ 27; số phiếu không hợp lệ 1.');
    expect(lines.at(-1)).toBe('Vắng mặt 3; có mặt nhưng không biểu quyết 0.');
    expect(resultSentences(council, election, 'en').at(-1)).toBe('Absent 3; present but did not vote 0.');
  });

  it('folds Vietnamese for search', () => {
    expect(fold('  Ngân SÁCH Đặc khu ')).toBe('ngan sach dac khu');
  });
});

describe('feedback validation and limits', () => {
  const good = { name: 'Trần Văn Bình', contact: 'binh@example.org', area: 'Thôn 2', topic: 'Nước sạch', text: 'Đề nghị kéo đường ống nước sạch về thôn 2.' };

  it('accepts a full form, trims it, and refuses missing, short and long fields with both languages', () => {
    const ok = validateFeedback({ ...good, name: '  Trần Văn Bình  ', sessionId: 'abc', resolutionId: '../x' });
    expect(ok).toEqual({ ok: true, data: { ...good, sessionId: 'abc', resolutionId: null } });
    const bad = validateFeedback({ ...good, name: undefined, topic: ' ', text: 'x'.repeat(4001) });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.name).toEqual({ vi: 'Vui lòng nhập họ và tên.', en: 'Please enter your name.' });
    expect(bad.errors.topic?.vi).toBe('Vui lòng nhập chủ đề.');
    expect(bad.errors.text).toEqual({ vi: 'Tối đa 4000 ký tự.', en: 'At most 4000 characters.' });
    expect(bad.errors.contact).toBeUndefined();
    expect(validateFeedback({ ...good, name: ['a', 'b'] }).ok).toBe(false);
  });

  it('limits stored posts and attempts per address, and recovers after the window', () => {
    const limiter = new FeedbackLimiter(2, 4, 1000, 100);
    expect([limiter.store('a', 0), limiter.store('a', 1), limiter.store('a', 2), limiter.store('b', 3)]).toEqual([true, true, false, true]);
    expect([1, 2, 3, 4, 5].map((t) => limiter.attempt('a', t))).toEqual([true, true, true, true, false]);
    expect(limiter.store('a', 2000)).toBe(true);
    expect(limiter.attempt('a', 2000)).toBe(true);
  });
});
