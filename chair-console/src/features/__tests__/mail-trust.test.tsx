// The mail panel a secretariat can rely on (issue 19): a failed row says what happened and what to check (the
// raw reply kept as detail) with the time it failed, "Gửi thư thử" reports the settings' problem before a
// real send, a revoked guest row is never counted for a retry, the first document opened is named, the
// hall-only link base is flagged; and the session form carries the opening time.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MAIL_FAILURES, pathOf } from '@hddt/protocol';
import { PORTAL_ROUTES } from '@hddt/protocol/schemas';
import type { InvitationReport, MailSettingsView, MailTestReport, Recipients, Session } from '@hddt/protocol';
import { setLang } from '../../i18n';
import { useStore } from '../../store';
import { MailPanel } from '../portal/mail-panel';
import { SessionForm } from '../prepare/session-form';
import { delegates, session, snapshot } from '../../test-fixtures';

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}
type Call = { url: string; method: string; body: unknown };
function mockFetch(handler: (c: Call) => Response): Call[] {
  const calls: Call[] = [];
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const c = { url: String(input), method: init?.method ?? 'GET', body: typeof init?.body === 'string' ? JSON.parse(init.body) : init?.body };
    calls.push(c);
    return handler(c);
  });
  return calls;
}

const configured: MailSettingsView = {
  configured: true,
  host: 'smtp.example.vn',
  port: 465,
  secure: false,
  user: 'vanphong',
  from: 'HĐND <hdnd@example.vn>',
  passwordSet: true,
  linkBase: 'http://192.168.1.10:8080',
  linkBaseLocal: true,
};
const recipients: Recipients = { delegates: [], guests: [] };
function report(overrides: Partial<InvitationReport>): InvitationReport {
  return {
    recipientKind: 'delegate',
    recipientId: delegates[0]!.id,
    name: delegates[0]!.fullName,
    email: 'a@example.vn',
    status: 'sent',
    error: null,
    errorCause: null,
    failedAt: null,
    revokedAt: null,
    sentAt: '2026-07-01T01:00:00.000Z',
    openedAt: null,
    documentsOpened: [],
    url: 'http://hall/moi/abc',
    ...overrides,
  };
}

beforeEach(() => {
  useStore.setState({ snapshot: snapshot(), toasts: [], identity: { username: 'admin', displayName: 'Văn phòng', role: 'secretariat', csrfToken: 'x' } });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  setLang('vi');
});

describe('MailPanel — failures a secretariat can act on', () => {
  it('a failed row gives the cause, what to check, the raw reply and the failure time, never the earlier success time', async () => {
    const failed = report({
      status: 'failed',
      sentAt: '2026-06-01T01:00:00.000Z',
      failedAt: '2026-07-02T09:30:00.000Z',
      errorCause: 'timeout',
      error: 'Greeting never received [ETIMEDOUT]',
    });
    const revoked = report({
      recipientKind: 'guest',
      recipientId: 'g1',
      name: 'Bà Khách',
      email: 'khach@example.vn',
      status: 'failed',
      errorCause: 'recipient',
      error: '550 5.1.1 User unknown',
      revokedAt: '2026-07-02T10:00:00.000Z',
      url: 'http://hall/moi/g1',
    });
    const read = report({
      recipientId: delegates[1]!.id,
      name: delegates[1]!.fullName,
      email: 'b@example.vn',
      openedAt: '2026-07-01T02:00:00.000Z',
      documentsOpened: [
        { documentId: 'd2', title: 'Báo cáo thẩm tra', openedAt: '2026-07-01T02:01:00.000Z' },
        { documentId: 'd1', title: 'Tờ trình số 12', openedAt: '2026-07-01T02:05:00.000Z' },
      ],
      url: 'http://hall/moi/b',
    });
    mockFetch((c) => {
      if (c.url === PORTAL_ROUTES.mailSettings.path) return json(configured);
      if (c.url === PORTAL_ROUTES.mailRecipients.path) return json(recipients);
      if (c.url === pathOf(PORTAL_ROUTES.invitations, { id: 's1' })) return json([failed, revoked, read]);
      return json({}, 404);
    });
    render(<MailPanel />);
    await screen.findByText(MAIL_FAILURES.timeout.message[0]);
    expect(screen.getByText(`Cần kiểm tra: ${MAIL_FAILURES.timeout.hint[0]}`)).toBeTruthy();
    expect(screen.getByText('Greeting never received [ETIMEDOUT]')).toBeTruthy();
    const row = screen.getByText('Greeting never received [ETIMEDOUT]').closest('tr')!;
    // Times in the council's time zone (UTC+7), "14:06 01/12/2026" style, as everywhere in the console.
    const failedAt = '16:30 02/07/2026';
    const sentAt = '08:00 01/06/2026';
    expect(row.textContent).toContain(`Lỗi · ${failedAt}`);
    expect(row.textContent).not.toContain(sentAt);
    // The removed guest: revoked, no link, not counted for a retry.
    const guestRow = screen.getByText(/Bà Khách/).closest('tr')!;
    expect(guestRow.textContent).toContain('Đã thu hồi liên kết');
    expect(within(guestRow).queryByRole('link')).toBeNull();
    expect(screen.getByRole('button', { name: 'Gửi lại cho địa chỉ lỗi (1)' })).toBeTruthy();
    // The first document opened is named first.
    const readRow = screen.getByText('Tờ trình số 12').closest('tr')!;
    expect(within(readRow).getAllByRole('listitem')[0]!.textContent).toMatch(/^Mở đầu tiên: Báo cáo thẩm tra · /);
    // The hall-only link base is flagged.
    expect(screen.getByText('Liên kết trong thư bắt đầu bằng: http://192.168.1.10:8080')).toBeTruthy();
    expect(screen.getByText(/chỉ mở được trong mạng của hội trường/)).toBeTruthy();
  });

  it('"Gửi thư thử" sends the settings as typed and explains a refusal; then reports a delivered test', async () => {
    let answer: MailTestReport = { delivered: false, to: 'thu-ky@example.vn', cause: 'auth', detail: '535 5.7.8 Authentication credentials invalid' };
    const calls = mockFetch((c) => {
      if (c.url === PORTAL_ROUTES.mailSettings.path) return json(configured);
      if (c.url === PORTAL_ROUTES.mailRecipients.path) return json(recipients);
      if (c.url === pathOf(PORTAL_ROUTES.invitations, { id: 's1' })) return json([]);
      if (c.url === PORTAL_ROUTES.mailTest.path) return json(answer);
      return json({}, 404);
    });
    render(<MailPanel />);
    const button = await screen.findByRole('button', { name: 'Gửi thư thử' });
    fireEvent.click(button);
    expect((await screen.findByRole('alert')).textContent).toBe('Nhập địa chỉ e-mail sẽ nhận thư thử.');
    expect(calls.some((c) => c.url === PORTAL_ROUTES.mailTest.path)).toBe(false);

    fireEvent.change(screen.getByLabelText('Cổng'), { target: { value: '587' } });
    fireEvent.change(screen.getByLabelText('Mật khẩu'), { target: { value: 'mat-khau-moi' } });
    fireEvent.change(screen.getByLabelText('Gửi thư thử tới địa chỉ'), { target: { value: 'thu-ky@example.vn' } });
    fireEvent.click(button);
    const alert = await screen.findByText(`Gửi thư thử không thành công: ${MAIL_FAILURES.auth.message[0]}`);
    expect(alert.closest('[role="alert"]')!.textContent).toContain('535 5.7.8 Authentication credentials invalid');
    expect(calls.find((c) => c.url === PORTAL_ROUTES.mailTest.path)!.body).toEqual({
      host: 'smtp.example.vn',
      port: 587,
      secure: false,
      user: 'vanphong',
      password: 'mat-khau-moi',
      from: 'HĐND <hdnd@example.vn>',
      to: 'thu-ky@example.vn',
    });
    // Nothing was saved by the test.
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);

    answer = { delivered: true, to: 'thu-ky@example.vn' };
    fireEvent.click(button);
    await screen.findByText(/Máy chủ thư đã nhận thư thử gửi tới thu-ky@example.vn/);
  });

  it('speaks English when the console does', async () => {
    setLang('en');
    mockFetch((c) => {
      if (c.url === PORTAL_ROUTES.mailSettings.path) return json(configured);
      if (c.url === PORTAL_ROUTES.mailRecipients.path) return json(recipients);
      if (c.url === pathOf(PORTAL_ROUTES.invitations, { id: 's1' }))
        return json([report({ status: 'failed', errorCause: 'connection', error: 'connect ECONNREFUSED 10.0.0.5:587', failedAt: '2026-07-02T09:30:00.000Z' })]);
      return json({}, 404);
    });
    render(<MailPanel />);
    await screen.findByText(MAIL_FAILURES.connection.message[1]);
    expect(screen.getByText(`What to check: ${MAIL_FAILURES.connection.hint[1]}`)).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Send a test message' })).toBeTruthy());
  });
});

describe('SessionForm — opening time', () => {
  it('sends the opening time, and null when it is left empty', async () => {
    const onSave = vi.fn<(i: unknown) => Promise<Session>>(async () => session);
    render(<SessionForm onSave={onSave} onDone={() => {}} />);
    fireEvent.change(screen.getByLabelText('Kỳ họp thứ (số)'), { target: { value: '4' } });
    fireEvent.change(screen.getByLabelText('Địa điểm'), { target: { value: 'Hội trường' } });
    fireEvent.click(screen.getByRole('button', { name: 'Tạo kỳ họp' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0]![0]).toMatchObject({ startTime: null });
    cleanup();
    render(<SessionForm initial={{ ...session, startTime: '08:00' }} onSave={onSave} onDone={() => {}} />);
    const time = screen.getByLabelText('Giờ khai mạc') as HTMLInputElement;
    expect(time.value).toBe('08:00');
    fireEvent.change(time, { target: { value: '07:30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(2));
    expect(onSave.mock.calls[1]![0]).toMatchObject({ startTime: '07:30' });
  });
});
