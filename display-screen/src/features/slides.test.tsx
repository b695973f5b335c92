import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { formatPercent } from '@hddt/protocol';
import type { RoundView } from '@hddt/protocol';
import { applyLang } from '../i18n';
import * as f from '../test/fixtures';
import { ResultSlide } from './result/result-slide';
import { VoteSlide } from './vote/vote-slide';
import { SpeakerSlide } from './speaker/speaker-slide';
import { AttendanceSlide } from './attendance/attendance-slide';
import { WelcomeSlide } from './welcome/welcome-slide';
import { AgendaSlide } from './agenda/agenda-slide';
import { boardColumns, NamedBoard } from './result/named-board';

beforeEach(() => applyLang('vi'));
afterEach(cleanup);

const motion = (id: string) => f.motions.find((m) => m.id === id)!;
const lineText = (c: HTMLElement, key: string) => c.querySelector(`[data-line="${key}"]`)!.textContent;

describe('ResultSlide', () => {
  it('named vote, odd N: announced form with percentages of all 31, THÔNG QUA, board in seat order', () => {
    const r = f.round('r1', 'm-budget', { status: 'announced', present: 28, voted: 28, result: f.passedResult });
    const shuffled = [...f.board].reverse();
    const { container } = render(<ResultSlide council={f.council} motion={motion('m-budget')} round={r} board={shuffled} />);
    expect(container.querySelector('[data-verdict]')!.getAttribute('data-verdict')).toBe('passed');
    expect(screen.getByText('THÔNG QUA')).toBeTruthy();
    expect(screen.getByText('Cần ít nhất 16/31 phiếu tán thành')).toBeTruthy();
    expect(lineText(container, 'present')).toBe('Có mặt28/31');
    expect(lineText(container, 'participated')).toBe('Tham gia biểu quyết2890,32%');
    // Beside the board the chart carries each option's count and share of all 31.
    const chartRow = (o: string) => container.querySelector(`[data-option="${o}"]`)!.textContent;
    expect(chartRow('yes')).toBe('Tán thành27 · 87,10%');
    expect(chartRow('no')).toBe('Không tán thành0 · 0%');
    expect(chartRow('abstain')).toBe('Không biểu quyết1 · 3,23%');
    const entries = [...container.querySelectorAll('[data-board] [data-delegate]')];
    expect(entries).toHaveLength(31);
    expect(entries.map((e) => Number(e.querySelector('.board-seat')!.textContent))).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
    expect(entries[6]!.getAttribute('data-choice')).toBe('abstain');
    expect(within(entries[11] as HTMLElement).getByText('Không bấm')).toBeTruthy();
    // A seat with no ballot whose delegate was not there reads "Vắng mặt", not "Không bấm".
    expect(within(entries[24] as HTMLElement).getByText('Vắng mặt')).toBeTruthy();
    expect(within(entries[29] as HTMLElement).getByText('Vắng mặt')).toBeTruthy();
    expect(entries.map((e) => e.getAttribute('data-choice')).filter((c) => c === 'absent' || c === 'none')).toEqual(['none', 'absent', 'absent']);
    expect(entries.filter((e) => e.getAttribute('data-choice') === 'yes')).toHaveLength(27);
  });

  it('an announced result shows its log anchor in the form verify takes; a closed one does not yet', () => {
    const announcedAt = { seq: 1234, hash: '0a1b2c3d4e5f6a7b8c9d'.padEnd(64, '0') };
    const r = f.round('r1', 'm-secret', { status: 'announced', result: f.secretTwoThirdsResult, announcedAt });
    render(<ResultSlide council={f.council} motion={motion('m-secret')} round={r} board={undefined} />);
    expect(screen.getByTestId('result-anchor').textContent).toBe('Mốc nhật ký: 1234:0a1b2c3d4e5f6a7b');
    cleanup();
    render(<ResultSlide council={f.council} motion={motion('m-secret')} round={{ ...r, status: 'closed', announcedAt: null }} board={undefined} />);
    expect(screen.queryByTestId('result-anchor')).toBeNull();
  });

  it('a 15–15 tie of an odd N does not pass: KHÔNG THÔNG QUA, needs 16', () => {
    const r = f.round('r1', 'm-budget', { mode: 'anonymous', status: 'announced', result: f.tiedResult });
    const { container } = render(<ResultSlide council={f.council} motion={motion('m-budget')} round={r} board={undefined} />);
    expect(screen.getByText('KHÔNG THÔNG QUA')).toBeTruthy();
    expect(lineText(container, 'yes')).toBe('Tán thành1548,39%');
    expect(lineText(container, 'no')).toBe('Không tán thành1548,39%');
    expect(container.querySelector('[data-board]')).toBeNull();
  });

  it('secret ballot never shows individual choices, even if a board were at hand', () => {
    const r = f.round('r1', 'm-secret', { status: 'announced', result: f.secretTwoThirdsResult });
    const { container } = render(<ResultSlide council={f.council} motion={motion('m-secret')} round={r} board={f.board} />);
    expect(container.querySelector('[data-board]')).toBeNull();
    expect(container.textContent).not.toContain('Nguyễn Văn Hùng');
    expect(screen.getByText('Bỏ phiếu kín: không hiển thị lựa chọn của từng đại biểu')).toBeTruthy();
    expect(screen.getByText('KHÔNG THÔNG QUA')).toBeTruthy();
    expect(screen.getByText('Cần ít nhất 21/31 phiếu tán thành')).toBeTruthy();
    expect(screen.getByText('Cần ít nhất hai phần ba tổng số đại biểu tán thành')).toBeTruthy();
  });

  it('election with three candidates: votes, percentages of N and who is elected', () => {
    const r = f.round('r1', 'm-election', { status: 'announced', result: f.electionResult });
    const { container } = render(<ResultSlide council={f.council} motion={motion('m-election')} round={r} board={undefined} />);
    expect(screen.getByText('KẾT QUẢ BẦU CỬ')).toBeTruthy();
    const rows = [...container.querySelectorAll('[data-candidate]')];
    expect(rows.map((e) => e.getAttribute('data-verdict'))).toEqual(['elected', 'not-elected', 'not-elected']);
    expect(rows[0]!.textContent).toContain('Nguyễn Văn An');
    expect(rows[0]!.textContent).toContain('58,06%');
    expect(rows[0]!.textContent).toContain('TRÚNG CỬ');
    expect(rows[2]!.textContent).toContain('6,45%');
    expect(lineText(container, 'participated')).toBe('Tham gia bỏ phiếu2993,55%');
    expect(container.querySelector('[data-verdict="tied"]')).toBeNull();
  });

  it('an election tie asks for a new vote', () => {
    const tied = {
      ...f.electionResult,
      tieNeedsRevote: true,
      candidates: [
        { id: 'c1', name: 'Nguyễn Văn An', votes: 14, elected: false, tied: true },
        { id: 'c2', name: 'Trần Thị Bích Ngọc', votes: 14, elected: false, tied: true },
        { id: 'c3', name: 'Lê Hoàng Cường', votes: 1, elected: false, tied: false },
      ],
    };
    const r = f.round('r1', 'm-election', { status: 'announced', result: tied });
    const { container } = render(<ResultSlide council={f.council} motion={motion('m-election')} round={r} board={undefined} />);
    expect(container.querySelector('.verdict[data-verdict="tied"]')!.textContent).toContain('PHẢI BẦU LẠI');
    expect(container.querySelectorAll('[data-verdict-chip="tied"]')).toHaveLength(2);
  });

  it('confidence rating: three levels per official, and the two-thirds-low flag', () => {
    const r = f.round('r1', 'm-confidence', { status: 'announced', result: f.confidenceResult });
    const { container } = render(<ResultSlide council={f.council} motion={motion('m-confidence')} round={r} board={undefined} />);
    expect(screen.getByText('KẾT QUẢ LẤY PHIẾU TÍN NHIỆM')).toBeTruthy();
    const khanh = container.querySelector('[data-subject="p3"]')!;
    expect(khanh.querySelector('[data-level="low"]')!.textContent).toBe('Tín nhiệm thấp: 22 (70,97%)');
    expect(khanh.querySelector('[data-level="high"]')!.textContent).toBe('Tín nhiệm cao: 2 (6,45%)');
    expect(container.querySelector('[data-flag="p3"]')!.textContent).toBe('Đặng Quốc Khánh: Từ hai phần ba tổng số đại biểu trở lên tín nhiệm thấp');
    expect(container.querySelector('[data-flag="p1"]')).toBeNull();
    // Every person rated says which threshold was reached, or that none was.
    expect([...container.querySelectorAll('[data-threshold]')].map((e) => e.getAttribute('data-threshold'))).toEqual(['none', 'none', 'lowTwoThirds']);
    expect(screen.getByText('Phạm Minh Đức: Chưa đến quá nửa tổng số đại biểu tín nhiệm thấp')).toBeTruthy();
  });

  it('shows the resolution number once the server has assigned it', () => {
    const before = f.round('r1', 'm-budget', { status: 'announced', result: f.passedResult });
    const { container, rerender } = render(<ResultSlide council={f.council} motion={motion('m-budget')} round={before} board={f.board} />);
    expect(container.querySelector('[data-resolution]')).toBeNull();
    rerender(<ResultSlide council={f.council} motion={motion('m-budget')} round={{ ...before, resolutionCode: '12/NQ-HĐND' }} board={f.board} />);
    expect(container.querySelector('[data-resolution]')!.textContent).toBe('Nghị quyết số 12/NQ-HĐND');
  });

  it('a practice vote says so', () => {
    const r = f.round('r1', 'm-practice', { status: 'announced', result: f.passedResult });
    render(<ResultSlide council={f.council} motion={motion('m-practice')} round={r} board={undefined} />);
    expect(screen.getByText('BIỂU QUYẾT THỬ')).toBeTruthy();
    expect(screen.getByText(/Không tính vào kết quả kỳ họp/)).toBeTruthy();
  });

  it('speaks English with the council labels', () => {
    applyLang('en');
    const r = f.round('r1', 'm-budget', { status: 'announced', result: f.passedResult });
    const { container } = render(<ResultSlide council={f.council} motion={motion('m-budget')} round={r} board={f.board} />);
    expect(screen.getByText('ADOPTED')).toBeTruthy();
    expect(lineText(container, 'participated')).toBe('Took part in the vote2890.32%');
    expect(container.querySelector('[data-option="yes"]')!.textContent).toBe('In favour27 · 87.10%');
    expect(screen.getAllByText('Did not vote')).toHaveLength(1);
    expect(screen.getAllByText('Absent')).toHaveLength(2);
  });
});

describe('VoteSlide', () => {
  const now = Date.parse('2026-12-03T02:00:30.000Z');
  const open: RoundView = f.round('r1', 'm-budget');

  it('shows the question, "27/29 đại biểu có mặt" and the countdown while live', () => {
    const { container } = render(<VoteSlide council={f.council} motion={motion('m-budget')} round={open} now={now} live lastMessageAt={now} />);
    expect(screen.getByText(f.motions[0]!.question)).toBeTruthy();
    expect(container.querySelector('[data-progress]')!.getAttribute('aria-label')).toBe('Đã biểu quyết: 27 trên 29 đại biểu có mặt');
    expect(container.querySelector('.progress-figure')!.textContent).toBe('27/29 đại biểu có mặt');
    expect(container.querySelector('[data-countdown]')!.textContent).toContain('00:30');
    expect(container.querySelector('[data-vote-status]')!.textContent).toBe('ĐANG BIỂU QUYẾT');
    expect(container.querySelector('[data-interim]')).toBeNull();
  });

  it('offline: the last figures stay, but nothing claims voting is open and no countdown runs', () => {
    const { container } = render(<VoteSlide council={f.council} motion={motion('m-budget')} round={open} now={now} live={false} lastMessageAt={now} />);
    expect(container.textContent).not.toContain('ĐANG BIỂU QUYẾT');
    expect(container.querySelector('[data-countdown]')).toBeNull();
    expect(container.querySelector('[data-vote-status]')!.textContent).toBe('Số liệu lúc 09:00:30 — đang chờ kết nối lại');
    expect(container.querySelector('.progress-figure')!.textContent).toBe('27/29 đại biểu có mặt');
  });

  it('live interim totals appear only when the round carries a result', () => {
    const live = { ...open, result: { ...f.passedResult, counts: { yes: 25, no: 1, abstain: 1 } } };
    const { container } = render(<VoteSlide council={f.council} motion={motion('m-budget')} round={live} now={now} live lastMessageAt={now} />);
    expect(container.querySelector('[data-interim]')!.textContent).toContain('Kết quả tạm thời');
    expect(container.querySelector('[data-option="yes"]')!.textContent).toContain(formatPercent(25, 31));
  });

  it('a closed round no longer says open; a secret election lists candidates and counts ballots', () => {
    const closed = { ...open, status: 'closed' as const };
    const { container, unmount } = render(<VoteSlide council={f.council} motion={motion('m-budget')} round={closed} now={now} live lastMessageAt={now} />);
    expect(container.querySelector('[data-vote-status]')!.textContent).toBe('ĐÃ KẾT THÚC BIỂU QUYẾT');
    expect(container.querySelector('[data-countdown]')).toBeNull();
    unmount();
    const election = f.round('r2', 'm-election');
    const view = render(<VoteSlide council={f.council} motion={motion('m-election')} round={election} now={now} live lastMessageAt={now} />);
    expect(view.container.querySelectorAll('.candidate-chip')).toHaveLength(3);
    expect(view.container.querySelector('[data-vote-status]')!.textContent).toBe('ĐANG BỎ PHIẾU');
    expect(screen.getByText('Bỏ phiếu kín')).toBeTruthy();
  });
});

describe('VoteSlide, long texts and provisional elections', () => {
  const now = Date.parse('2026-12-03T02:00:30.000Z');
  it('a long resolution title is set smaller, not cut; an open election with live totals names nobody elected', () => {
    const long = {
      ...motion('m-election'),
      question:
        'Thông qua Nghị quyết về việc điều chỉnh, bổ sung Kế hoạch đầu tư công trung hạn giai đoạn 2026–2030 và phân bổ chi tiết Kế hoạch đầu tư công năm 2027 nguồn vốn ngân sách địa phương',
    };
    const r = f.round('r1', 'm-election', { result: f.electionResult });
    const { container } = render(<VoteSlide council={f.council} motion={long} round={r} now={now} live lastMessageAt={now} />);
    expect(container.querySelector('.question')!.className).toContain('q-long');
    expect(container.querySelector('[data-interim]')!.textContent).toContain('18 · 58,06%');
    expect(container.textContent).not.toContain('TRÚNG CỬ');
  });
});

describe('SpeakerSlide', () => {
  const started = Date.parse(f.speakers[1]!.startedAt!);
  it('shows who has the floor, the time left and the next speakers in order', () => {
    const { container } = render(<SpeakerSlide speakers={f.speakers} now={started + 60_000} live />);
    expect(container.querySelector('.speaker-name')!.textContent).toBe('Bùi Văn Lực');
    expect(container.querySelector('[data-timer]')!.getAttribute('data-timer')).toBe('ok');
    expect(container.querySelector('.speaker-timer-figure')!.textContent).toBe('04:00');
    expect([...container.querySelectorAll('.speaker-queue-name')].map((e) => e.textContent)).toEqual(['Mai Thị Phương Thảo', 'Phan Thanh Sơn']);
  });
  it('turns to the warning colour near the end and shows overtime', () => {
    const warn = render(<SpeakerSlide speakers={f.speakers} now={started + 280_000} live />);
    expect(warn.container.querySelector('[data-timer]')!.getAttribute('data-timer')).toBe('warn');
    warn.unmount();
    const over = render(<SpeakerSlide speakers={f.speakers} now={started + 312_000} live />);
    expect(over.container.querySelector('[data-timer]')!.getAttribute('data-timer')).toBe('over');
    expect(over.container.querySelector('.speaker-timer-figure')!.textContent).toBe('+00:12');
  });
  it('hides the timer offline', () => {
    const { container } = render(<SpeakerSlide speakers={f.speakers} now={started + 60_000} live={false} />);
    expect(container.querySelector('[data-timer]')).toBeNull();
  });
});

describe('AttendanceSlide', () => {
  it('present / N with the quorum state', () => {
    const met = render(<AttendanceSlide attendance={{ sessionId: 's4', day: '2026-12-03', seated: 31, present: 29, required: 21, quorumMet: true }} />);
    expect(met.container.querySelector('.attendance-count')!.textContent).toBe('29/31');
    expect(met.container.querySelector('[data-quorum]')!.textContent).toContain('ĐỦ SỐ ĐẠI BIỂU ĐỂ TIẾN HÀNH KỲ HỌP');
    met.unmount();
    const notMet = render(<AttendanceSlide attendance={{ sessionId: 's4', day: '2026-12-03', seated: 31, present: 17, required: 21, quorumMet: false }} />);
    expect(notMet.container.querySelector('[data-quorum]')!.textContent).toBe(
      'CHƯA ĐỦ SỐ ĐẠI BIỂU ĐỂ TIẾN HÀNH KỲ HỌPCần ít nhất 21/31 đại biểu có mặt · còn thiếu 4',
    );
  });
});

describe('WelcomeSlide and AgendaSlide', () => {
  it('welcome: council, "Kỳ họp thứ Tư", clock in the council time zone', () => {
    const { container } = render(<WelcomeSlide council={f.council} session={f.session} now={Date.parse('2026-12-03T01:05:00Z')} />);
    expect(container.querySelector('.welcome-council')!.textContent).toBe('Hội đồng nhân dân đặc khu Côn Đảo');
    expect(container.querySelector('.welcome-session')!.textContent).toBe('Kỳ họp thứ Tư');
    expect(container.querySelector('.welcome-time')!.textContent).toBe('08:05');
    expect(container.querySelector('.welcome-date')!.textContent).toBe('Thứ Năm, 03/12/2026');
    expect(container.querySelector('.welcome-place')!.textContent).toContain('03/12/2026 – 04/12/2026');
  });
  it('agenda: current item with presenter and the next items', () => {
    const { container } = render(<AgendaSlide agenda={f.agenda} currentItemId="i2" />);
    expect(container.querySelector('.agenda-current-title')!.textContent).toBe(f.agenda[1]!.title);
    expect(container.querySelector('.agenda-presenter')!.textContent).toBe('Trình bày: Ủy ban nhân dân đặc khu');
    expect([...container.querySelectorAll('.agenda-next-number')].map((e) => e.textContent)).toEqual(['3', '4', '5']);
  });
});

describe('NamedBoard for a province council', () => {
  it('95 delegates: four columns, choices as coloured marks with a legend, still named for screen readers', () => {
    const big = Array.from({ length: 95 }, (_, i) => ({ ...f.board[i % 31]!, delegateId: `x${i}`, seat: i + 1 }));
    const { container } = render(<NamedBoard board={big} council={f.council} />);
    expect(container.querySelector('.board-compact')).not.toBeNull();
    expect(container.querySelector<HTMLElement>('.board-grid')!.style.getPropertyValue('--board-cols')).toBe('4');
    expect([...container.querySelectorAll('.board-legend li')].map((l) => l.textContent)).toEqual([
      'Tán thành',
      'Không tán thành',
      'Không biểu quyết',
      'Không bấm',
      'Vắng mặt',
    ]);
    expect(container.querySelector('[data-delegate="x6"]')!.textContent).toBe('7Võ Minh QuânKhông biểu quyết');
  });
});

describe('boardColumns', () => {
  it('fills the panel for small and large councils', () => {
    expect([boardColumns(9), boardColumns(31), boardColumns(95), boardColumns(500)]).toEqual([1, 2, 4, 6]);
  });
});
