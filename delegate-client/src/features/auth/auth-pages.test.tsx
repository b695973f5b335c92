import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { i18n } from '../../i18n';
import { AuthPage } from './auth-pages';

afterEach(cleanup);

function page(auth: Parameters<typeof AuthPage>[0]['auth']) {
  const handlers = { onTakeOver: vi.fn(), onReload: vi.fn(), onToggleLang: vi.fn() };
  render(
    <I18nextProvider i18n={i18n}>
      <AuthPage auth={auth} {...handlers} />
    </I18nextProvider>,
  );
  return handlers;
}

describe('AuthPage', () => {
  it('refused: says to contact the secretariat, offers nothing else', () => {
    page('refused');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Không đăng nhập được');
    expect(screen.getByText(/liên hệ Văn phòng/)).toBeTruthy();
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['English']);
  });

  it('in use elsewhere: says so plainly and offers to take over', () => {
    const { onTakeOver } = page('in-use');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Thẻ đang được dùng trên thiết bị khác');
    fireEvent.click(screen.getByRole('button', { name: 'Dùng thẻ trên máy này' }));
    expect(onTakeOver).toHaveBeenCalled();
  });

  it('replaced by another device: says so and can take the card back', () => {
    const { onTakeOver } = page('replaced');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Thẻ của bạn vừa được dùng trên máy khác');
    fireEvent.click(screen.getByRole('button', { name: 'Dùng lại trên máy này' }));
    expect(onTakeOver).toHaveBeenCalled();
  });

  it('protocol mismatch: asks to reload', () => {
    const { onReload } = page('mismatch');
    fireEvent.click(screen.getByRole('button', { name: 'Tải lại trang' }));
    expect(onReload).toHaveBeenCalled();
  });

  it('no card yet, or signed out: explains the QR card', () => {
    page('no-token');
    expect(screen.getByText(/quét mã QR/)).toBeTruthy();
    cleanup();
    page('signed-out');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Đã đăng xuất');
  });

  it('offers the language switch by its full name', () => {
    const { onToggleLang } = page('refused');
    fireEvent.click(screen.getByRole('button', { name: 'Chuyển sang tiếng Anh (English)' }));
    expect(onToggleLang).toHaveBeenCalled();
  });
});
