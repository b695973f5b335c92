import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { setLang } from '../../i18n';
import { useStore } from '../../store';
import { SessionHeader } from '../live/session-header';
import { VotePanel } from '../live/vote-panel';
import { AttendancePanel } from '../live/attendance-panel';
import { DisplayControl } from '../live/display-control';
import { SpeakersPanel, speakerTimer } from '../live/speakers-panel';
import { openRound, snapshot } from '../../test-fixtures';

beforeEach(() => {
  useStore.setState({ snapshot: snapshot(), clockOffsetMs: 0, toasts: [] });
});
afterEach(() => {
  cleanup();
  setLang('vi');
});

describe('SessionHeader', () => {
  it('shows the quorum light with present / N and updates when attendance changes', () => {
    render(<SessionHeader />);
    const q = screen.getByTestId('quorum');
    expect(q.textContent).toContain('4/5');
    expect(q.textContent).toContain('Đủ số đại biểu để họp');
    expect(screen.getByRole('button', { name: 'Kết thúc điểm danh' })).toBeTruthy();
    act(() => {
      const s = useStore.getState().snapshot!;
      useStore.setState({ snapshot: { ...s, attendance: { ...s.attendance, present: 3, quorumMet: false }, session: { ...s.session!, rollCallOpen: false } } });
    });
    expect(q.textContent).toContain('3/5');
    expect(q.textContent).toContain('Chưa đủ số đại biểu');
    expect(screen.getByRole('button', { name: 'Mở điểm danh' })).toBeTruthy();
  });
});

describe('VotePanel', () => {
  it('offers to open the prepared vote of the current item', () => {
    render(<VotePanel />);
    expect(screen.getByRole('button', { name: /^Mở biểu quyết: Thông qua Nghị quyết/ })).toBeTruthy();
  });

  it('shows live progress and who has not voted; closing with missing votes asks for confirmation', () => {
    useStore.setState({ snapshot: snapshot({ rounds: [openRound()] }) });
    render(<VotePanel />);
    expect(screen.getByTestId('vote-progress').textContent).toContain('Đã biểu quyết 2/4 đại biểu có mặt');
    expect(screen.getByTestId('vote-progress').textContent).toContain('40,00% tổng số 5 đại biểu');
    expect(screen.getByText('Chưa biểu quyết (2)')).toBeTruthy();
    expect(screen.getByText('Lê Hoàng Cường')).toBeTruthy();
    // Another ballot arrives: the list updates without any reload.
    act(() => useStore.setState({ snapshot: snapshot({ rounds: [openRound({ voted: 3, voterIds: ['d1', 'd2', 'd3'] })] }) }));
    expect(screen.getByText('Chưa biểu quyết (1)')).toBeTruthy();
    expect(screen.queryByText('Lê Hoàng Cường')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Kết thúc biểu quyết' }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByText(/Còn 1 đại biểu có mặt chưa biểu quyết/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Quay lại' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('asks for a reason before cancelling a round', () => {
    useStore.setState({ snapshot: snapshot({ rounds: [openRound()] }) });
    render(<VotePanel />);
    fireEvent.click(screen.getByRole('button', { name: 'Hủy lượt biểu quyết' }));
    const dialog = screen.getByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Hủy lượt biểu quyết' }));
    expect(within(dialog).getByText('Không được để trống.')).toBeTruthy();
    // Typing re-renders the panel: focus must stay in the field (not jump back to "Quay lại").
    const input = within(dialog).getByLabelText('Lý do hủy');
    input.focus();
    fireEvent.change(input, { target: { value: 'S' } });
    fireEvent.change(input, { target: { value: 'Sự cố' } });
    expect(document.activeElement).toBe(input);
  });

  it('says in plain sight why the last round of a motion was cancelled (a secret round voided by a restart)', () => {
    const reason = 'Máy chủ đã khởi động lại khi cuộc bỏ phiếu kín đang mở … / The server restarted while this secret ballot was open …';
    useStore.setState({ snapshot: snapshot({ rounds: [openRound({ status: 'cancelled', closedAt: '2026-07-05T02:01:00.000Z', cancelledReason: reason })] }) });
    render(<VotePanel />);
    expect(screen.getByTestId('round-cancelled').textContent).toBe(`Lượt biểu quyết 1 đã bị hủy. Lý do: ${reason}`);
    expect(screen.getByRole('button', { name: /^Biểu quyết lại:/ })).toBeTruthy();
  });

  it('shows a closed result with pass/fail and percentages of all delegates, and offers to announce it', () => {
    const closed = openRound({
      status: 'closed',
      closedAt: '2026-07-05T02:01:00.000Z',
      voted: 4,
      result: { kind: 'options', seated: 5, present: 4, participated: 4, counts: { yes: 3, no: 1, abstain: 0 }, required: 3, passed: true },
    });
    useStore.setState({ snapshot: snapshot({ rounds: [closed] }) });
    render(<VotePanel />);
    const result = screen.getByTestId('round-result');
    expect(within(result).getByText('THÔNG QUA')).toBeTruthy();
    expect(result.textContent).toContain(
      'Có mặt 4/5; tham gia biểu quyết 4 (80,00%); tán thành 3 (60,00%); không tán thành 1 (20,00%); không biểu quyết 0 (0%)',
    );
    expect(screen.getByRole('button', { name: 'Công bố kết quả' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /^Biểu quyết lại:/ })).toBeTruthy();
  });
});

describe('AttendancePanel', () => {
  it('marks a present delegate whose tablet dropped', () => {
    render(<AttendancePanel />);
    const row = document.querySelector('[data-delegate-id="d4"]') as HTMLElement;
    expect(within(row).getByText('Mất kết nối')).toBeTruthy();
    expect(within(row).getByRole('img', { name: 'Máy tính bảng không kết nối' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Mất kết nối (1)' }));
    expect(document.querySelectorAll('.att-row')).toHaveLength(1);
    // The vacant seat (d6) is not listed among delegates.
    fireEvent.click(screen.getByRole('button', { name: 'Tất cả (5)' }));
    expect(document.querySelector('[data-delegate-id="d6"]')).toBeNull();
  });
});

describe('AttendancePanel — excused absence', () => {
  it('asks for the reason and shows an excused delegate as such', () => {
    render(<AttendancePanel />);
    fireEvent.click(screen.getByRole('button', { name: 'Ghi Võ Minh Đức vắng có lý do' }));
    const dialog = screen.getByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    expect(within(dialog).getByText('Không được để trống.')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Quay lại' }));
    act(() => {
      const s = useStore.getState().snapshot!;
      useStore.setState({
        snapshot: {
          ...s,
          attendanceRecords: [...s.attendanceRecords, { delegateId: 'd5', status: 'excused', at: s.serverTime, by: 'chair', reason: 'Đi công tác' }],
        },
      });
    });
    const row = document.querySelector('[data-delegate-id="d5"]') as HTMLElement;
    expect(row.textContent).toContain('Vắng có lý do: Đi công tác');
    expect(within(row).queryByRole('button', { name: 'Ghi Võ Minh Đức vắng có lý do' })).toBeNull();
  });
});

describe('DisplayControl', () => {
  it('previews the current hall display and disables result until there is one', () => {
    render(<DisplayControl />);
    expect(screen.getByTestId('display-preview').getAttribute('data-mode')).toBe('welcome');
    expect(screen.getByRole('button', { name: 'Chào mừng' }).getAttribute('aria-pressed')).toBe('true');
    expect((screen.getByRole('button', { name: 'Kết quả' }) as HTMLButtonElement).disabled).toBe(true);
    act(() => useStore.setState({ snapshot: snapshot({ display: { mode: 'attendance', roundId: null } }) }));
    expect(screen.getByTestId('display-preview').textContent).toContain('4/5');
  });
});

describe('SpeakersPanel', () => {
  it('lists the queue in order and warns near the end of speaking time', () => {
    const start = Date.now() - 280_000;
    useStore.setState({
      snapshot: snapshot({
        speakers: [
          {
            id: 'q2',
            sessionId: 's1',
            delegateId: 'd3',
            name: 'Lê Hoàng Cường',
            title: 'Đại biểu',
            status: 'waiting',
            requestedAt: '2026-07-05T02:03:00.000Z',
            startedAt: null,
            endedAt: null,
            limitSec: 300,
          },
          {
            id: 'q1',
            sessionId: 's1',
            delegateId: null,
            name: 'Ông Khách Mời',
            title: 'Cử tri phường 1',
            status: 'waiting',
            requestedAt: '2026-07-05T02:02:00.000Z',
            startedAt: null,
            endedAt: null,
            limitSec: 300,
          },
          {
            id: 'q0',
            sessionId: 's1',
            delegateId: 'd2',
            name: 'Trần Thị Bích',
            title: 'Đại biểu',
            status: 'speaking',
            requestedAt: '2026-07-05T02:01:00.000Z',
            startedAt: new Date(start).toISOString(),
            endedAt: null,
            limitSec: 300,
          },
        ],
      }),
    });
    render(<SpeakersPanel />);
    const queue = screen.getByRole('list', { name: 'Danh sách đăng ký phát biểu' });
    expect(
      within(queue)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([expect.stringContaining('Ông Khách Mời'), expect.stringContaining('Lê Hoàng Cường')]);
    expect(screen.getByTestId('speaking').className).toContain('speaking-warn');
    expect(speakerTimer({ startedAt: new Date(start).toISOString(), limitSec: 300 } as never, start + 310_000).tone).toBe('over');
  });
});
