import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { REST_ROUTES } from '@hddt/protocol/schemas';
import type { ErrorBody } from '@hddt/protocol';
import { useStore } from '../../store';
import { RosterPanel } from '../prepare/roster-panel';
import { reorder } from '../prepare/agenda-editor';
import { SecurityAlerts } from '../shared/security-alerts';
import { Toasts } from '../shared/toasts';
import { delegates, snapshot } from '../../test-fixtures';

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

beforeEach(() => {
  useStore.setState({ snapshot: snapshot(), toasts: [], alerts: [] });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('RosterPanel', () => {
  it('lists the roster with N, and reports a refused CSV import line by line', async () => {
    const refused: ErrorBody & { rows: unknown[] } = {
      ok: false,
      code: 'IMPORT_INVALID',
      message: 'Tệp danh sách có dòng không hợp lệ; chưa nhập dòng nào.',
      messageEn: 'The list has invalid rows; nothing was imported.',
      rows: [
        { line: 3, message: 'Thiếu họ và tên.', messageEn: 'Full name missing.' },
        { line: 4, message: 'Dòng 4: ghế 2 đã có đại biểu.', messageEn: 'Line 4: seat 2 is already taken.' },
      ],
    };
    const calls: { url: string; method: string; body: unknown; type: string | null }[] = [];
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      const url = String(input);
      const headers = new Headers(init?.headers);
      calls.push({ url, method: init?.method ?? 'GET', body: init?.body, type: headers.get('content-type') });
      if (url === REST_ROUTES.delegatesImport.path) return json(refused, 400);
      return json(delegates);
    });
    render(<RosterPanel />);
    await waitFor(() => expect(screen.getByTestId('seated-count').textContent).toBe('Tổng số đại biểu: 5'));
    expect(screen.getByText('Đặng Thu Hà').closest('tr')!.textContent).toContain('Khuyết (Chuyển công tác)');
    const csv = 'Ghế,Họ và tên,Chức vụ,Tổ đại biểu\n7,Ngô Thị Lan,Đại biểu,Tổ 1\n8,,Đại biểu,Tổ 2\n';
    const file = new File([csv], 'dai-bieu.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByLabelText('Tệp CSV'), { target: { files: [file] } });
    expect(await screen.findByText('Dòng 3: Thiếu họ và tên.')).toBeTruthy();
    expect(screen.getByText('Dòng 4: ghế 2 đã có đại biểu.')).toBeTruthy();
    expect(screen.getByText('Tệp danh sách có dòng không hợp lệ; chưa nhập dòng nào.')).toBeTruthy();
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.type).toBe('text/csv; charset=utf-8');
    expect(post.body).toBe(csv);
  });
});

describe('agenda reorder', () => {
  it('moves one id and keeps the others in order', () => {
    expect(reorder(['a', 'b', 'c', 'd'], 3, 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(reorder(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(reorder(['a', 'b'], 5, 0)).toEqual(['a', 'b']);
  });
});

describe('SecurityAlerts and Toasts', () => {
  it('tells the secretariat that a card was used on another device', () => {
    render(<SecurityAlerts />);
    act(() => useStore.setState({ alerts: [{ type: 'device-takeover', delegateId: 'd1', at: '2026-07-05T02:00:00.000Z' }] }));
    expect(screen.getByRole('alert').textContent).toContain('Thẻ của Nguyễn Văn An vừa được dùng trên một thiết bị khác.');
    fireEvent.click(screen.getByRole('button', { name: 'Ẩn thông báo' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('offers undo on an undoable action and removes the toast once used', () => {
    const undo = vi.fn();
    render(<Toasts />);
    act(() => useStore.getState().pushToast({ tone: 'info', text: 'Đã chuyển đến: Dự toán ngân sách năm 2027', undo }));
    fireEvent.click(screen.getByRole('button', { name: 'Hoàn tác' }));
    expect(undo).toHaveBeenCalledOnce();
    expect(screen.queryByText('Đã chuyển đến: Dự toán ngân sách năm 2027')).toBeNull();
  });
});
