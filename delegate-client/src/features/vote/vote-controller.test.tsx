// The controller wired to the real store, fed with protocol-shaped server state (as the socket listeners write
// it). No socket is connected here, so a press can only fail — and must never be shown as recorded.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import type { RoundView } from '@hddt/protocol';
import { i18n } from '../../i18n';
import { useStore } from '../../store';
import { me, motion, round, snapshot } from '../../test/fixtures';
import { VoteController } from './vote-controller';

const initial = useStore.getState();
const openRound: RoundView = { ...round, closesAt: null };

beforeEach(() => {
  useStore.setState({ ...initial, snapshot, me: { ...me, checkedIn: true }, auth: 'ok', connection: 'online' }, true);
});
afterEach(cleanup);

const wrap = () =>
  render(
    <I18nextProvider i18n={i18n}>
      <div id="app-shell" />
      <VoteController />
    </I18nextProvider>,
  );

describe('VoteController', () => {
  it('offers "Xem tài liệu" only when the vote\'s agenda item has documents', () => {
    wrap();
    act(() => useStore.setState({ snapshot: { ...snapshot, rounds: [openRound] } }));
    expect(screen.queryByRole('button', { name: 'Xem tài liệu' })).toBeNull();
  });

  it('brings an opened vote to the front and announces it', () => {
    wrap();
    expect(screen.queryByRole('dialog')).toBeNull();
    act(() => useStore.setState({ snapshot: { ...snapshot, rounds: [openRound] } }));
    screen.getByRole('dialog', { name: motion.question });
    expect(screen.getByTestId('vote-announcer').textContent).toBe(`Chủ tọa mở biểu quyết: ${motion.question}`);
    expect(document.getElementById('app-shell')?.hasAttribute('inert')).toBe(true);
  });

  it("without a server connection a press fails plainly; the server's receipt (me:update) then shows it recorded", () => {
    wrap();
    act(() => useStore.setState({ snapshot: { ...snapshot, rounds: [openRound] } }));
    fireEvent.click(screen.getByRole('button', { name: 'Tán thành' }));
    const status = screen.getByTestId('vote-status').textContent ?? '';
    expect(status).toContain('Chưa ghi nhận được phiếu.');
    expect(status).not.toContain('Đã ghi nhận:');
    act(() =>
      useStore.setState({
        me: { ...me, checkedIn: true, ballots: [{ roundId: 'r1', choice: { type: 'option', option: 'yes' }, secret: false, at: '2026-07-05T02:00:20.000Z' }] },
      }),
    );
    expect(screen.getByTestId('vote-status').textContent).toContain('Đã ghi nhận: Tán thành');
  });

  it('a secret ballot, once the server has it, cannot be changed or sent again, even where the council allows changes', () => {
    wrap();
    const secretMotion = { ...motion, mode: 'secret' as const };
    const secretRound: RoundView = { ...openRound, mode: 'secret' };
    const council = { ...snapshot.council, allowVoteChange: true };
    act(() => useStore.setState({ snapshot: { ...snapshot, council, motions: [secretMotion], rounds: [secretRound] } }));
    // Before sending: the delegate is told a secret ballot is final.
    expect(screen.getByTestId('vote-status').textContent).toContain('Phiếu kín: sau khi gửi không thể thay đổi');
    act(() => useStore.setState({ me: { ...me, checkedIn: true, ballots: [{ roundId: 'r1', choice: null, secret: true, at: '2026-07-05T02:00:20.000Z' }] } }));
    const status = screen.getByTestId('vote-status').textContent ?? '';
    expect(status).toContain('Đã ghi nhận phiếu của bạn.');
    expect(status).not.toContain('Quy chế cho phép đổi lựa chọn');
    for (const name of ['Tán thành', 'Không tán thành', 'Không biểu quyết']) {
      expect((screen.getByRole('button', { name }) as HTMLButtonElement).disabled).toBe(true);
    }
    expect(screen.queryByRole('button', { name: /Gửi lại/ })).toBeNull();
  });

  it("other delegates' votes (round patches) do not reset the panel", () => {
    wrap();
    act(() => useStore.setState({ snapshot: { ...snapshot, rounds: [openRound] } }));
    fireEvent.click(screen.getByRole('button', { name: 'Không tán thành' }));
    const before = screen.getByTestId('vote-status').textContent;
    act(() => useStore.setState({ snapshot: { ...snapshot, rounds: [{ ...openRound, voted: 25 }] } }));
    expect(screen.getByTestId('vote-status').textContent).toBe(before);
    screen.getByRole('button', { name: 'Gửi lại: Không tán thành' });
  });

  it('steps out to the documents and back, and the outcome returns to the front when the vote closes', () => {
    wrap();
    const withDocs = { ...snapshot, motions: [{ ...motion, itemId: 'i2' }] };
    act(() => useStore.setState({ snapshot: { ...withDocs, rounds: [openRound] } }));
    fireEvent.click(screen.getByRole('button', { name: 'Xem tài liệu' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(useStore.getState()).toMatchObject({ view: 'documents', documentsItemId: 'i2' });
    expect(document.getElementById('app-shell')?.hasAttribute('inert')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Trở lại phiếu biểu quyết' }));
    screen.getByRole('dialog');
    fireEvent.click(screen.getByRole('button', { name: 'Xem tài liệu' }));
    act(() => useStore.setState({ snapshot: { ...withDocs, rounds: [{ ...openRound, status: 'closed', closedAt: '2026-07-05T02:01:00.000Z' }] } }));
    screen.getByRole('dialog');
    expect(screen.getByTestId('vote-status').textContent).toContain('Biểu quyết đã kết thúc.');
    fireEvent.click(screen.getByRole('button', { name: 'Đóng' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
