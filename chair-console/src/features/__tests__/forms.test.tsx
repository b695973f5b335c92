import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Session } from '@hddt/protocol';
import { ApiError } from '../../api';
import { setLang } from '../../i18n';
import { SessionForm } from '../prepare/session-form';
import { MotionForm } from '../shared/motion-form';
import { LoginScreen } from '../auth/login-screen';
import { session } from '../../test-fixtures';

afterEach(() => {
  cleanup();
  setLang('vi');
});

describe('SessionForm', () => {
  it('checks on the client with the protocol schema and shows Vietnamese errors next to the fields', async () => {
    const onSave = vi.fn<(i: unknown) => Promise<Session>>();
    render(<SessionForm onSave={onSave} onDone={() => {}} />);
    fireEvent.change(screen.getByLabelText('Ngày bắt đầu'), { target: { value: '2026-07-06' } });
    fireEvent.change(screen.getByLabelText('Ngày kết thúc'), { target: { value: '2026-07-05' } });
    fireEvent.click(screen.getByRole('button', { name: 'Tạo kỳ họp' }));
    const number = screen.getByLabelText('Kỳ họp thứ (số)');
    expect(number.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Cần nhập một số hợp lệ.')).toBeTruthy();
    expect(screen.getByLabelText('Địa điểm').getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(number, { target: { value: '4' } });
    fireEvent.change(screen.getByLabelText('Địa điểm'), { target: { value: 'Hội trường' } });
    fireEvent.click(screen.getByRole('button', { name: 'Tạo kỳ họp' }));
    expect(screen.getByText('Ngày kết thúc trước ngày bắt đầu.')).toBeTruthy();
    expect(screen.getByLabelText('Ngày kết thúc').getAttribute('aria-invalid')).toBe('true');
    expect(number.getAttribute('aria-invalid')).toBe('false');
    expect(onSave).not.toHaveBeenCalled();
  });

  it('shows the server’s field errors (400 fields) and switches to English messages', async () => {
    setLang('en');
    const onSave = vi.fn(async () => {
      throw new ApiError(400, 'BAD_REQUEST', 'Dữ liệu gửi lên không hợp lệ.', 'The request data is not valid.', [
        { path: 'place', message: 'Địa điểm quá dài.', messageEn: 'Place is too long.' },
      ]);
    });
    const onDone = vi.fn();
    render(<SessionForm onSave={onSave} onDone={onDone} />);
    fireEvent.change(screen.getByLabelText('Session number'), { target: { value: '4' } });
    fireEvent.change(screen.getByLabelText('Place'), { target: { value: 'Hội trường' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create session' }));
    await waitFor(() => expect(screen.getByText('Place is too long.')).toBeTruthy());
    expect(onSave).toHaveBeenCalledWith(expect.objectContaining({ number: 4, place: 'Hội trường', type: 'regular', isPublic: true }));
    expect(screen.getByText('The request data is not valid.')).toBeTruthy();
    expect(onDone).not.toHaveBeenCalled();
  });

  it('edits an existing session with its values filled in', async () => {
    const onSave = vi.fn(async () => session);
    const onDone = vi.fn();
    render(<SessionForm initial={session} onSave={onSave} onDone={onDone} />);
    expect((screen.getByLabelText('Địa điểm') as HTMLInputElement).value).toBe(session.place);
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(session));
  });
});

describe('MotionForm', () => {
  it('requires candidates for an election and sends a valid ordinary vote', async () => {
    const onSave = vi.fn(async () => ({}));
    const onDone = vi.fn();
    render(<MotionForm itemId="a1" submitLabel="Thêm biểu quyết" onSave={onSave} onDone={onDone} />);
    fireEvent.change(screen.getByLabelText('Loại'), { target: { value: 'election' } });
    fireEvent.change(screen.getByLabelText('Nội dung biểu quyết'), { target: { value: 'Bầu Phó Chủ tịch HĐND' } });
    fireEvent.click(screen.getByRole('button', { name: 'Thêm biểu quyết' }));
    expect(await screen.findByText('Cần ít nhất một người trong danh sách.')).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText('Loại'), { target: { value: 'ordinary' } });
    fireEvent.change(screen.getByLabelText('Thời gian (giây)'), { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Thêm biểu quyết' }));
    expect(await screen.findByText('Giá trị nhỏ nhất là 10.')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Thời gian (giây)'), { target: { value: '60' } });
    fireEvent.click(screen.getByRole('button', { name: 'Thêm biểu quyết' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(onSave).toHaveBeenCalledWith(
      expect.objectContaining({ itemId: 'a1', question: 'Bầu Phó Chủ tịch HĐND', kind: 'ordinary', durationSec: 60, candidates: [] }),
    );
  });
});

describe('LoginScreen', () => {
  it('does not send an empty form and names the missing fields', () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    render(<LoginScreen />);
    fireEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    expect(screen.getAllByText('Không được để trống.')).toHaveLength(2);
    expect(fetchSpy).not.toHaveBeenCalled();
    fetchSpy.mockRestore();
  });
});

describe('SessionForm — the people the minutes name', () => {
  it('sends the positions, the guests and the counting board, one person a line', async () => {
    const onSave = vi.fn(async () => session);
    render(<SessionForm onSave={onSave} onDone={() => {}} />);
    fireEvent.change(screen.getByLabelText('Kỳ họp thứ (số)'), { target: { value: '5' } });
    fireEvent.change(screen.getByLabelText('Địa điểm'), { target: { value: 'Hội trường' } });
    fireEvent.change(screen.getByLabelText('Chủ tọa'), { target: { value: 'Nguyễn Minh An' } });
    fireEvent.change(screen.getByLabelText('Chức vụ của chủ tọa'), { target: { value: 'Chủ tịch HĐND đặc khu' } });
    fireEvent.change(screen.getByLabelText('Chức vụ của thư ký'), { target: { value: 'Chánh Văn phòng' } });
    fireEvent.change(screen.getByLabelText('Khách mời'), {
      target: { value: 'Đỗ Văn Khải, Phó Chủ tịch UBND tỉnh, phụ trách kinh tế\n\n  Lương Thị Mỹ  \n' },
    });
    fireEvent.change(screen.getByLabelText('Ban kiểm phiếu'), { target: { value: 'Vũ Bích Phương, Trưởng ban\nHồ Thu Thảo, Thành viên' } });
    fireEvent.click(screen.getByRole('button', { name: 'Tạo kỳ họp' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave).toHaveBeenCalledWith(
      expect.objectContaining({
        chairTitle: 'Chủ tịch HĐND đặc khu',
        secretaryTitle: 'Chánh Văn phòng',
        guests: [
          { name: 'Đỗ Văn Khải', title: 'Phó Chủ tịch UBND tỉnh, phụ trách kinh tế' },
          { name: 'Lương Thị Mỹ', title: '' },
        ],
        countingBoard: [
          { name: 'Vũ Bích Phương', title: 'Trưởng ban' },
          { name: 'Hồ Thu Thảo', title: 'Thành viên' },
        ],
      }),
    );
  });

  it('fills the lists in when editing and names the line of a bad entry', async () => {
    const onSave = vi.fn(async () => session);
    const initial: Session = {
      ...session,
      chairTitle: 'Chủ tịch HĐND đặc khu',
      guests: [{ name: 'Đỗ Văn Khải', title: 'Phó Chủ tịch UBND tỉnh' }],
      countingBoard: [{ name: 'Vũ Bích Phương', title: 'Trưởng ban' }],
    };
    render(<SessionForm initial={initial} onSave={onSave} onDone={() => {}} />);
    expect((screen.getByLabelText('Khách mời') as HTMLTextAreaElement).value).toBe('Đỗ Văn Khải, Phó Chủ tịch UBND tỉnh');
    expect((screen.getByLabelText('Chức vụ của chủ tọa') as HTMLInputElement).value).toBe('Chủ tịch HĐND đặc khu');
    const board = screen.getByLabelText('Ban kiểm phiếu') as HTMLTextAreaElement;
    expect(board.value).toBe('Vũ Bích Phương, Trưởng ban');
    // A line starting with a comma has no name.
    fireEvent.change(board, { target: { value: 'Vũ Bích Phương, Trưởng ban\n, Thành viên' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(board.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText(/^Dòng 2: /)).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();
  });
});
