import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { i18n } from '../../i18n';
import { useStore } from '../../store';
import { me, snapshot } from '../../test/fixtures';
import { HomeScreen } from './home-screen';
import { DocumentsScreen } from '../documents/documents-screen';
import { SpeakerScreen } from '../speaker/speaker-screen';

const initial = useStore.getState();
beforeEach(() => useStore.setState({ ...initial, snapshot, me, auth: 'ok', connection: 'online' }, true));
afterEach(cleanup);

const wrap = (ui: React.ReactNode) => render(<I18nextProvider i18n={i18n}>{ui}</I18nextProvider>);

describe('HomeScreen', () => {
  it('shows the council, the session, the delegate and the agenda with the current item', () => {
    wrap(<HomeScreen />);
    expect(screen.getByText('Hội đồng nhân dân đặc khu Côn Đảo')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('Kỳ họp thứ Tư');
    expect(screen.getByText('05/07/2026 – 06/07/2026', { exact: false })).toBeTruthy();
    expect(screen.getByTestId('delegate-name').textContent).toBe('Bùi Văn Cường');
    const current = screen.getByTestId('agenda-current');
    expect(current.textContent).toContain('Tờ trình về Kế hoạch đầu tư công năm 2027');
    expect(current.getAttribute('aria-current')).toBe('step');
    screen.getByRole('button', { name: 'Xem tài liệu: Tờ trình về Kế hoạch đầu tư công năm 2027' });
  });

  it('puts "Điểm danh" first while the roll call is open and the delegate has not checked in', () => {
    const { container } = wrap(<HomeScreen />);
    expect(container.querySelector('.home > .card')?.classList.contains('checkin-card')).toBe(true);
    screen.getByRole('button', { name: 'Điểm danh' });
    expect(screen.getByText(/Có mặt 20\/31 đại biểu/).textContent).toContain('Chưa đủ số đại biểu (cần 21)');
  });

  it('after check-in, says so and moves the card down; the agenda follows the chair', () => {
    const { container } = wrap(<HomeScreen />);
    act(() => useStore.setState({ me: { ...me, checkedIn: true } }));
    expect(screen.getByTestId('checked-in').textContent).toContain('Đã điểm danh');
    expect(container.querySelector('.home > .card')?.classList.contains('session-card')).toBe(true);
    act(() => useStore.setState({ snapshot: { ...snapshot, session: { ...snapshot.session!, currentItemId: 'i1' } } }));
    expect(screen.getByTestId('agenda-current').textContent).toContain('Khai mạc kỳ họp');
  });
});

describe('DocumentsScreen', () => {
  it('groups documents by agenda item and marks confidential ones', () => {
    wrap(<DocumentsScreen />);
    const group = screen.getByRole('region', { name: '2. Tờ trình về Kế hoạch đầu tư công năm 2027' });
    expect(group.querySelectorAll('.doc-item')).toHaveLength(2);
    expect(screen.getAllByText('MẬT')).toHaveLength(1);
    expect(screen.getByText('3 trang')).toBeTruthy();
  });
});

describe('SpeakerScreen', () => {
  it('offers to ask for the floor, shows the place in the queue, then the time left when speaking', () => {
    wrap(<SpeakerScreen />);
    screen.getByRole('button', { name: 'Đăng ký phát biểu' });
    act(() =>
      useStore.setState({
        me: { ...me, speakerPosition: 2 },
        snapshot: {
          ...snapshot,
          speakers: [
            {
              id: 'e1',
              sessionId: 's1',
              delegateId: 'dlx',
              name: 'Lê Thị Lan',
              title: 'Đại biểu HĐND',
              status: 'speaking',
              requestedAt: '2026-07-05T02:00:00.000Z',
              startedAt: new Date().toISOString(),
              endedAt: null,
              limitSec: 300,
            },
            {
              id: 'e2',
              sessionId: 's1',
              delegateId: 'dl7',
              name: 'Bùi Văn Cường',
              title: 'Trưởng Ban Văn hóa - Xã hội',
              status: 'waiting',
              requestedAt: '2026-07-05T02:01:00.000Z',
              startedAt: null,
              endedAt: null,
              limitSec: 300,
            },
          ],
        },
      }),
    );
    expect(screen.getByTestId('speaker-status').textContent).toBe('Bạn đứng thứ 2 trong danh sách phát biểu.');
    screen.getByRole('button', { name: 'Hủy đăng ký' });
    expect(screen.getByText('Đang phát biểu: Lê Thị Lan (Đại biểu HĐND)')).toBeTruthy();
    act(() =>
      useStore.setState({
        me: { ...me, speakerPosition: null },
        snapshot: {
          ...snapshot,
          speakers: [
            {
              id: 'e2',
              sessionId: 's1',
              delegateId: 'dl7',
              name: 'Bùi Văn Cường',
              title: 'Trưởng Ban Văn hóa - Xã hội',
              status: 'speaking',
              requestedAt: '2026-07-05T02:01:00.000Z',
              startedAt: new Date().toISOString(),
              endedAt: null,
              limitSec: 300,
            },
          ],
        },
      }),
    );
    expect(screen.getByTestId('speaker-status').textContent).toMatch(/Bạn đang có quyền phát biểuThời gian còn lại: 0[45]:\d\d/);
  });
});
