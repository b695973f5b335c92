import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import type { BallotReceipt, RoundView } from '@hddt/protocol';
import { i18n } from '../../i18n';
import { council, motion, round } from '../../test/fixtures';
import { VotePanel, type VotePanelProps } from './vote-panel';
import { initialVoteState, voteReducer, type VoteAction, type VoteState } from './vote-machine';

afterEach(cleanup);

const OPEN_AT = Date.parse('2026-07-05T02:00:15.000Z');

function stateOf(actions: VoteAction[]): VoteState {
  return actions.reduce(voteReducer, initialVoteState);
}
const openAction = (allowChange = false, secret = false): VoteAction => ({ type: 'round', round: { id: 'r1', status: 'open', secret }, allowChange });
const yesReceipt: BallotReceipt = { roundId: 'r1', choice: { type: 'option', option: 'yes' }, secret: false, at: '2026-07-05T02:00:20.000Z' };

function renderPanel(props: Partial<VotePanelProps> = {}) {
  const onSend = vi.fn();
  const onRetry = vi.fn();
  const onDismiss = vi.fn();
  const all: VotePanelProps = {
    state: stateOf([openAction()]),
    round,
    motion,
    council,
    lang: 'vi',
    checkedIn: true,
    nowMs: OPEN_AT,
    onSend,
    onRetry,
    onDismiss,
    ...props,
  };
  render(
    <I18nextProvider i18n={i18n}>
      <VotePanel {...all} />
    </I18nextProvider>,
  );
  return { onSend, onRetry, onDismiss };
}

describe('VotePanel', () => {
  it('shows the question, the time left and one large button per choice, named by its label', () => {
    const { onSend } = renderPanel();
    expect(screen.getByRole('dialog', { name: motion.question })).toBeTruthy();
    expect(screen.getByTestId('vote-timer').textContent).toBe('Còn 00:45');
    const yes = screen.getByRole('button', { name: 'Tán thành' });
    screen.getByRole('button', { name: 'Không tán thành' });
    screen.getByRole('button', { name: 'Không biểu quyết' });
    fireEvent.click(yes);
    expect(onSend).toHaveBeenCalledWith({ type: 'option', option: 'yes' });
    expect(screen.getByTestId('vote-status').textContent).toContain('Bấm một nút để biểu quyết.');
  });

  it("uses the council's own labels", () => {
    const custom = {
      ...council,
      voteLabels: { yes: { vi: 'Đồng ý', en: 'Agree' }, no: { vi: 'Không đồng ý', en: 'Disagree' }, abstain: { vi: 'Phiếu trắng', en: 'Blank' } },
    };
    renderPanel({ council: custom });
    for (const name of ['Đồng ý', 'Không đồng ý', 'Phiếu trắng']) screen.getByRole('button', { name });
  });

  it('while sending: "Đang gửi…", nothing shown as recorded, no further presses', () => {
    const { onSend } = renderPanel({ state: stateOf([openAction(), { type: 'press', choice: { type: 'option', option: 'yes' } }]) });
    const status = screen.getByTestId('vote-status').textContent ?? '';
    expect(status).toContain('Đang gửi…');
    expect(status).not.toContain('Đã ghi nhận');
    for (const b of screen.getAllByRole('button')) expect((b as HTMLButtonElement).disabled).toBe(true);
    // No tick before the acknowledgement: the pressed button is only marked as on its way.
    const yes = screen.getByRole('button', { name: 'Tán thành' });
    expect(yes.getAttribute('aria-pressed')).toBe('false');
    expect(yes.className).toContain('is-pending');
    fireEvent.click(screen.getByRole('button', { name: 'Không tán thành' }));
    expect(onSend).not.toHaveBeenCalled();
  });

  it('recorded: "Đã ghi nhận: Tán thành" with the time, and the buttons lock when changes are not allowed', () => {
    renderPanel({
      state: stateOf([openAction(false), { type: 'press', choice: { type: 'option', option: 'yes' } }, { type: 'ack', attempt: 1, receipt: yesReceipt }]),
    });
    const status = screen.getByTestId('vote-status').textContent ?? '';
    expect(status).toContain('Đã ghi nhận: Tán thành');
    expect(status).toContain('lúc 09:00:20'); // council time (UTC+7)
    expect(status).toContain('không cho phép thay đổi');
    const yes = screen.getByRole('button', { name: 'Tán thành' });
    expect(yes.getAttribute('aria-pressed')).toBe('true');
    expect((screen.getByRole('button', { name: 'Không tán thành' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('recorded with changes allowed: the other choices stay pressable', () => {
    const { onSend } = renderPanel({
      state: stateOf([openAction(true), { type: 'press', choice: { type: 'option', option: 'yes' } }, { type: 'ack', attempt: 1, receipt: yesReceipt }]),
    });
    const no = screen.getByRole('button', { name: 'Không tán thành' });
    expect((no as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(no);
    expect(onSend).toHaveBeenCalledWith({ type: 'option', option: 'no' });
    expect(screen.getByTestId('vote-status').textContent).toContain('cho phép đổi lựa chọn');
  });

  it('a failed send says so and offers to retry', () => {
    const { onRetry } = renderPanel({
      state: stateOf([openAction(), { type: 'press', choice: { type: 'option', option: 'no' } }, { type: 'refused', attempt: 1, code: 'STORAGE_FAILURE' }]),
    });
    const status = screen.getByTestId('vote-status').textContent ?? '';
    expect(status).toContain('Chưa ghi nhận được phiếu.');
    expect(status).toContain('ổ đĩa đầy');
    fireEvent.click(screen.getByRole('button', { name: 'Gửi lại: Không tán thành' }));
    expect(onRetry).toHaveBeenCalled();
  });

  it('a failed change keeps the tick on the confirmed ballot, not on the one that failed', () => {
    renderPanel({
      state: stateOf([
        openAction(true),
        { type: 'press', choice: { type: 'option', option: 'yes' } },
        { type: 'ack', attempt: 1, receipt: yesReceipt },
        { type: 'press', choice: { type: 'option', option: 'no' } },
        { type: 'refused', attempt: 2, code: 'OFFLINE' },
      ]),
    });
    expect(screen.getByRole('button', { name: 'Tán thành' }).getAttribute('aria-pressed')).toBe('true');
    const no = screen.getByRole('button', { name: 'Không tán thành' });
    expect(no.getAttribute('aria-pressed')).toBe('false');
    expect(no.className).toContain('is-pending');
    const status = screen.getByTestId('vote-status').textContent ?? '';
    expect(status).toContain('Máy đang mất kết nối');
    expect(status).toContain('Đã ghi nhận: Tán thành');
    screen.getByRole('button', { name: 'Gửi lại: Không tán thành' });
  });

  it('a lost connection while sending reads "not confirmed"', () => {
    renderPanel({ state: stateOf([openAction(), { type: 'press', choice: { type: 'option', option: 'no' } }, { type: 'disconnected' }]) });
    expect(screen.getByTestId('vote-status').textContent).toContain('Phiếu có thể CHƯA được ghi nhận');
  });

  it('NOT_PRESENT is explained', () => {
    renderPanel({
      state: stateOf([openAction(), { type: 'press', choice: { type: 'option', option: 'no' } }, { type: 'refused', attempt: 1, code: 'NOT_PRESENT' }]),
    });
    expect(screen.getByTestId('vote-status').textContent).toContain('chưa điểm danh');
  });

  it('warns before voting when the delegate has not checked in', () => {
    renderPanel({ checkedIn: false });
    expect(screen.getByTestId('vote-status').textContent).toContain('Bạn chưa điểm danh');
  });

  it('offers "Điểm danh" inside the panel when the roll call is open', () => {
    const onCheckIn = vi.fn();
    renderPanel({ checkedIn: false, rollCallOpen: true, onCheckIn });
    fireEvent.click(screen.getByRole('button', { name: 'Điểm danh' }));
    expect(onCheckIn).toHaveBeenCalled();
  });

  it('does not offer "Điểm danh" when the roll call is closed (the secretariat must mark the delegate)', () => {
    renderPanel({ checkedIn: false, rollCallOpen: false, onCheckIn: vi.fn() });
    expect(screen.queryByRole('button', { name: 'Điểm danh' })).toBeNull();
  });

  it('a secret ballot says the choice is secret', () => {
    const secretRound: RoundView = { ...round, mode: 'secret' };
    const receipt: BallotReceipt = { roundId: 'r1', choice: null, secret: true, at: '2026-07-05T02:00:20.000Z' };
    renderPanel({
      round: secretRound,
      state: stateOf([openAction(false, true), { type: 'press', choice: { type: 'option', option: 'yes' } }, { type: 'ack', attempt: 1, receipt }]),
    });
    const status = screen.getByTestId('vote-status').textContent ?? '';
    expect(status).toContain('Đã ghi nhận phiếu của bạn.');
    expect(status).toContain('bỏ phiếu kín');
    expect(screen.getByText('Bỏ phiếu kín')).toBeTruthy();
  });

  it('practice votes are labelled as such', () => {
    renderPanel({ motion: { ...motion, practice: true } });
    expect(screen.getByText('Biểu quyết thử')).toBeTruthy();
    expect(screen.getByText(/không tính vào kết quả/)).toBeTruthy();
  });

  it('after the chair announces, shows the result as counts and percentages of all delegates', () => {
    const announced: RoundView = {
      ...round,
      status: 'announced',
      closedAt: '2026-07-05T02:01:00.000Z',
      result: { kind: 'options', seated: 31, present: 28, participated: 28, counts: { yes: 27, no: 0, abstain: 1 }, required: 16, passed: true },
    };
    const state = stateOf([
      openAction(),
      { type: 'press', choice: { type: 'option', option: 'yes' } },
      { type: 'ack', attempt: 1, receipt: yesReceipt },
      { type: 'round', round: { id: 'r1', status: 'announced', secret: false }, allowChange: false },
    ]);
    const { onDismiss } = renderPanel({ round: announced, state });
    expect(screen.getByTestId('result-verdict').textContent).toBe('THÔNG QUA');
    const text = screen.getByTestId('result-announcement').textContent ?? '';
    expect(text).toContain('tán thành 27 (87,10%)');
    expect(text).toContain('tham gia biểu quyết 28 (90,32%)');
    expect(screen.getByText('Phiếu của bạn: Tán thành')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Tán thành' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Đóng' }));
    expect(onDismiss).toHaveBeenCalled();
  });

  it('closed but not yet announced: waits for the chair', () => {
    const closed: RoundView = { ...round, status: 'closed' };
    renderPanel({ round: closed, state: stateOf([openAction(), { type: 'round', round: { id: 'r1', status: 'closed', secret: false }, allowChange: false }]) });
    const status = screen.getByTestId('vote-status').textContent ?? '';
    expect(status).toContain('Biểu quyết đã kết thúc.');
    expect(status).toContain('Bạn không bấm biểu quyết ở lượt này.');
    expect(status).toContain('Chờ Chủ tọa công bố kết quả.');
  });

  it('election with one post: touching another candidate moves the choice, then submit', () => {
    const election = {
      ...motion,
      kind: 'election' as const,
      mode: 'secret' as const,
      seats: 1,
      candidates: [
        { id: 'c1', name: 'Nguyễn Văn An' },
        { id: 'c2', name: 'Trần Thị Bình' },
      ],
    };
    const { onSend } = renderPanel({ motion: election, round: { ...round, mode: 'secret' }, state: stateOf([openAction(false, true)]) });
    const an = screen.getByRole('button', { name: 'Nguyễn Văn An' });
    const binh = screen.getByRole('button', { name: 'Trần Thị Bình' }) as HTMLButtonElement;
    fireEvent.click(an);
    expect(an.getAttribute('aria-pressed')).toBe('true');
    expect(binh.disabled).toBe(false);
    fireEvent.click(binh);
    expect(binh.getAttribute('aria-pressed')).toBe('true');
    expect(an.getAttribute('aria-pressed')).toBe('false');
    expect(screen.getByText('Đã chọn 1/1')).toBeTruthy();
    expect(screen.getByTestId('secret-final').textContent).toBe('Phiếu kín: sau khi gửi không thể thay đổi.');
    fireEvent.click(screen.getByRole('button', { name: 'Gửi phiếu' }));
    expect(onSend).toHaveBeenCalledWith({ type: 'election', candidateIds: ['c2'] });
  });

  it('election with several posts: a full ballot needs an untick before another candidate', () => {
    const election = {
      ...motion,
      kind: 'election' as const,
      mode: 'secret' as const,
      seats: 2,
      candidates: [
        { id: 'c1', name: 'Nguyễn Văn An' },
        { id: 'c2', name: 'Trần Thị Bình' },
        { id: 'c3', name: 'Lê Văn Cường' },
      ],
    };
    renderPanel({ motion: election, round: { ...round, mode: 'secret' }, state: stateOf([openAction(false, true)]) });
    fireEvent.click(screen.getByRole('button', { name: 'Nguyễn Văn An' }));
    fireEvent.click(screen.getByRole('button', { name: 'Trần Thị Bình' }));
    expect((screen.getByRole('button', { name: 'Lê Văn Cường' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("keeps a half-filled ballot when other delegates' votes update the round", () => {
    const election = {
      ...motion,
      kind: 'election' as const,
      mode: 'secret' as const,
      seats: 2,
      candidates: [
        { id: 'c1', name: 'Nguyễn Văn An' },
        { id: 'c2', name: 'Trần Thị Bình' },
        { id: 'c3', name: 'Lê Văn Cường' },
      ],
    };
    const state = stateOf([openAction(false, true)]);
    const props = (r: RoundView): VotePanelProps => ({
      state,
      round: r,
      motion: election,
      council,
      lang: 'vi',
      checkedIn: true,
      nowMs: OPEN_AT,
      onSend: vi.fn(),
      onRetry: vi.fn(),
      onDismiss: vi.fn(),
    });
    const { rerender } = render(
      <I18nextProvider i18n={i18n}>
        <VotePanel {...props({ ...round, mode: 'secret' })} />
      </I18nextProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Trần Thị Bình' }));
    // 17 more ballots arrive, as a fresh round object and fresh motion object from the server.
    rerender(
      <I18nextProvider i18n={i18n}>
        <VotePanel {...props({ ...round, mode: 'secret', voted: 20 })} motion={{ ...election }} />
      </I18nextProvider>,
    );
    expect(screen.getByRole('button', { name: 'Trần Thị Bình' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByText('Đã chọn 1/2')).toBeTruthy();
  });

  it('confidence rating: three levels per official, submit once all are rated', () => {
    const conf = {
      ...motion,
      kind: 'confidence' as const,
      mode: 'secret' as const,
      candidates: [
        { id: 'p1', name: 'Lê Văn Cường' },
        { id: 'p2', name: 'Phạm Thị Dung' },
      ],
    };
    const { onSend } = renderPanel({ motion: conf, round: { ...round, mode: 'secret' }, state: stateOf([openAction(false, true)]) });
    const submit = screen.getByRole('button', { name: 'Gửi phiếu' }) as HTMLButtonElement;
    const g1 = screen.getByRole('group', { name: 'Mức tín nhiệm đối với Lê Văn Cường' });
    fireEvent.click(within(g1).getByRole('button', { name: 'Tín nhiệm cao' }));
    expect(submit.disabled).toBe(true);
    const g2 = screen.getByRole('group', { name: 'Mức tín nhiệm đối với Phạm Thị Dung' });
    fireEvent.click(within(g2).getByRole('button', { name: 'Tín nhiệm thấp' }));
    expect(submit.disabled).toBe(false);
    fireEvent.click(submit);
    expect(onSend).toHaveBeenCalledWith({ type: 'confidence', ratings: { p1: 'high', p2: 'low' } });
  });

  it('reads in English when switched', async () => {
    await i18n.changeLanguage('en');
    try {
      renderPanel({ lang: 'en' });
      screen.getByRole('button', { name: 'In favour' });
      expect(screen.getByTestId('vote-timer').textContent).toBe('00:45 left');
    } finally {
      await i18n.changeLanguage('vi');
    }
  });
});
