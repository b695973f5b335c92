import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import type { ConfidenceResult, ElectionResult, OptionResult } from '@hddt/protocol';
import { ResultChart } from './result-chart';
import { LABELS } from './test-labels';

afterEach(cleanup);

describe('ResultChart', () => {
  it('draws option bars as shares of all seated delegates, with the passing mark', () => {
    const r: OptionResult = { kind: 'options', seated: 31, present: 28, participated: 28, counts: { yes: 27, no: 0, abstain: 1 }, required: 16, passed: true };
    const { container } = render(<ResultChart result={r} labels={LABELS} lang="vi" />);
    const yes = container.querySelector('[data-option="yes"]')!;
    expect(within(yes as HTMLElement).getByText('Tán thành')).toBeTruthy();
    expect(yes.textContent).toContain('87,10%');
    const fills = [...container.querySelectorAll<HTMLElement>('[data-bar-fill]')].map((f) => f.style.width);
    expect(fills).toEqual(['87.1%', '0%', '3.23%']);
    expect(container.querySelector<HTMLElement>('[data-threshold-marker]')!.style.left).toBe('51.61%');
  });

  it('marks elected, not elected and tied candidates', () => {
    const r: ElectionResult = {
      kind: 'election',
      seated: 31,
      present: 31,
      participated: 31,
      seats: 1,
      required: 16,
      tieNeedsRevote: true,
      candidates: [
        { id: 'a', name: 'Nguyễn Văn An', votes: 14, elected: false, tied: true },
        { id: 'b', name: 'Trần Thị Bình', votes: 14, elected: false, tied: true },
        { id: 'c', name: 'Lê Hoàng Cường', votes: 3, elected: false, tied: false },
      ],
    };
    const { container } = render(<ResultChart result={r} labels={LABELS} lang="vi" tone="dark" />);
    expect([...container.querySelectorAll('[data-candidate]')].map((e) => e.getAttribute('data-verdict'))).toEqual(['tied', 'tied', 'not-elected']);
    expect(screen.getAllByText(/PHẢI BẦU LẠI/)).toHaveLength(2);
  });

  it('leaves out verdicts for live interim totals of an open ballot', () => {
    const r: ElectionResult = {
      kind: 'election',
      seated: 31,
      present: 31,
      participated: 20,
      seats: 1,
      required: 16,
      tieNeedsRevote: false,
      candidates: [{ id: 'a', name: 'Nguyễn Văn An', votes: 17, elected: true, tied: false }],
    };
    const { container } = render(<ResultChart result={r} labels={LABELS} lang="vi" showVerdicts={false} />);
    expect(container.querySelector('[data-verdict-chip]')).toBeNull();
    expect(container.textContent).not.toContain('TRÚNG CỬ');
    expect(container.textContent).toContain('17 · 54,84%');
  });

  it('stacks the three confidence levels per official', () => {
    const r: ConfidenceResult = {
      kind: 'confidence',
      seated: 31,
      present: 30,
      participated: 30,
      subjects: [{ id: 's', name: 'Phạm Minh Đức', counts: { high: 20, medium: 7, low: 3 }, lowMajority: false, lowTwoThirds: false }],
    };
    const { container } = render(<ResultChart result={r} labels={LABELS} lang="en" />);
    const subject = container.querySelector('[data-subject="s"]')!;
    expect(subject.textContent).toContain('High confidence: 20 (64.52%)');
    expect(subject.querySelectorAll('[data-bar-fill]')).toHaveLength(3);
  });
});
