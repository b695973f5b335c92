import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { pathOf } from '@hddt/protocol';
import { PORTAL_ROUTES } from '@hddt/protocol/schemas';
import type { FeedbackItem, FeedbackPatchBody, InvitationReport, MailSettingsView, Recipients } from '@hddt/protocol';
import { useStore } from '../../store';
import { FeedbackPanel } from '../portal/feedback-panel';
import { MailPanel } from '../portal/mail-panel';
import { delegates, snapshot } from '../../test-fixtures';

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

const item: FeedbackItem = {
  id: 'f1',
  createdAt: '2026-07-01T03:00:00.000Z',
  name: 'Nguyễn Thị Hoa',
  contact: '0912 345 678',
  area: 'Phường Bến Thành',
  topic: 'Đường ngập khi mưa',
  text: 'Đề nghị Hội đồng xem xét cải tạo hệ thống thoát nước.',
  sessionId: 's1',
  resolutionId: null,
  status: 'new',
  answer: null,
  answerPublished: false,
  updatedAt: '2026-07-01T03:00:00.000Z',
  updatedBy: null,
};

beforeEach(() => {
  useStore.setState({ snapshot: snapshot(), toasts: [], identity: { username: 'admin', displayName: 'Văn phòng', role: 'secretariat', csrfToken: 'x' } });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('FeedbackPanel', () => {
  it('filters by status, opens an item, answers and publishes it with PATCH', async () => {
    const calls = mockFetch((c) => {
      if (c.method === 'PATCH' && c.url === pathOf(PORTAL_ROUTES.feedbackUpdate, { id: 'f1' })) {
        const b = c.body as FeedbackPatchBody;
        return json({
          ...item,
          status: b.status ?? item.status,
          answer: b.answer ?? null,
          answerPublished: b.answerPublished ?? false,
          updatedBy: 'admin',
        } satisfies FeedbackItem);
      }
      if (c.url.startsWith(PORTAL_ROUTES.feedback.path)) return json(c.url.includes('status=answered') ? [] : [item]);
      return json({}, 404);
    });
    render(<FeedbackPanel />);
    await screen.findByText('Đường ngập khi mưa');
    fireEvent.change(screen.getByLabelText('Lọc theo trạng thái'), { target: { value: 'answered' } });
    await screen.findByText('Chưa có ý kiến nào.');
    expect(calls.some((c) => c.url === `${PORTAL_ROUTES.feedback.path}?status=answered`)).toBe(true);
    fireEvent.change(screen.getByLabelText('Lọc theo trạng thái'), { target: { value: '' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Xem ý kiến của Nguyễn Thị Hoa: Đường ngập khi mưa' }));
    const form = screen.getByRole('form', { name: 'Trả lời ý kiến cử tri' });
    expect(screen.getByText('Phường Bến Thành')).toBeTruthy();
    expect(screen.getByText('0912 345 678')).toBeTruthy();
    // Publishing without an answer is refused locally.
    fireEvent.click(within(form).getByLabelText('Công bố câu trả lời trên cổng thông tin'));
    fireEvent.click(within(form).getByRole('button', { name: 'Lưu trả lời' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Cần nhập nội dung trả lời');
    fireEvent.change(within(form).getByLabelText('Trạng thái'), { target: { value: 'answered' } });
    fireEvent.change(within(form).getByLabelText('Nội dung trả lời'), { target: { value: 'UBND phường đã khảo sát, sẽ cải tạo trong quý IV.' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Lưu trả lời' }));
    await screen.findByText('Đã lưu.');
    const patch = calls.find((c) => c.method === 'PATCH');
    expect(patch?.body).toEqual({ status: 'answered', answer: 'UBND phường đã khảo sát, sẽ cải tạo trong quý IV.', answerPublished: true });
    expect(screen.getByText('Đã trả lời · đã công bố')).toBeTruthy();
  });
});

const unconfigured: MailSettingsView = {
  configured: false,
  host: '',
  port: 587,
  secure: false,
  user: '',
  from: '',
  passwordSet: false,
  linkBase: 'https://hdnd.example.vn',
  linkBaseLocal: false,
};
const recipients: Recipients = {
  delegates: delegates
    .slice(0, 2)
    .map((d, i) => ({ delegateId: d.id, seat: d.seat, fullName: d.fullName, seated: true, email: i === 0 ? 'a@example.vn' : null })),
  guests: [{ id: 'g1', name: 'Sở Tài chính', email: 'stc@example.vn', createdAt: '2026-07-01T00:00:00.000Z' }],
};
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

describe('MailPanel', () => {
  it('says why sending is unavailable, shows the 409 message, edits an address and removes a guest', async () => {
    const calls = mockFetch((c) => {
      if (c.url === PORTAL_ROUTES.mailSettings.path) return json(unconfigured);
      if (c.url === PORTAL_ROUTES.mailRecipients.path) return json(recipients);
      if (c.method === 'POST' && c.url === pathOf(PORTAL_ROUTES.invitationsSend, { id: 's1' }))
        return json({ ok: false, code: 'MAIL_NOT_CONFIGURED', message: 'Chưa cấu hình máy chủ thư.', messageEn: 'Mail is not configured.' }, 409);
      if (c.url === pathOf(PORTAL_ROUTES.invitations, { id: 's1' })) return json([]);
      if (c.method === 'PUT' || c.method === 'DELETE') return json({ ok: true });
      return json({}, 404);
    });
    render(<MailPanel />);
    expect((await screen.findByRole('status')).textContent).toContain('Chưa cấu hình máy chủ thư (SMTP)');
    await screen.findByText('Chưa gửi giấy mời cho kỳ họp này.');
    fireEvent.click(screen.getByRole('button', { name: 'Gửi giấy mời' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Chưa cấu hình máy chủ thư.');

    const name = delegates[1]!.fullName;
    fireEvent.change(await screen.findByLabelText(`E-mail của ${name}`), { target: { value: 'b@example.vn' } });
    fireEvent.click(screen.getByRole('button', { name: `Lưu e-mail của ${name}` }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT' && c.url === pathOf(PORTAL_ROUTES.delegateEmail, { id: delegates[1]!.id }))).toBe(true));
    expect(calls.find((c) => c.method === 'PUT' && c.url.includes('/delegates/'))?.body).toEqual({ email: 'b@example.vn' });
    fireEvent.click(screen.getByRole('button', { name: 'Bỏ khách mời Sở Tài chính' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE' && c.url === pathOf(PORTAL_ROUTES.guestRemove, { id: 'g1' }))).toBe(true));
  });

  it('shows the tracking table and retries only the failed addresses', async () => {
    const failed = report({
      recipientKind: 'guest',
      recipientId: 'g1',
      name: 'Sở Tài chính',
      email: 'stc@example.vn',
      status: 'failed',
      error: '550 mailbox unavailable',
      sentAt: null,
      url: 'http://hall/moi/g1',
    });
    const read = report({
      openedAt: '2026-07-01T02:00:00.000Z',
      documentsOpened: [{ documentId: 'doc1', title: 'Tờ trình số 12', openedAt: '2026-07-01T02:01:00.000Z' }],
    });
    const calls = mockFetch((c) => {
      if (c.url === PORTAL_ROUTES.mailSettings.path)
        return json({ ...unconfigured, configured: true, host: 'smtp.example.vn', from: 'HĐND <hdnd@example.vn>' });
      if (c.url === PORTAL_ROUTES.mailRecipients.path) return json(recipients);
      if (c.url === pathOf(PORTAL_ROUTES.invitationsRetry, { id: 's1' }))
        return json([read, { ...failed, status: 'sent', error: null, errorCause: null, failedAt: null, revokedAt: null, sentAt: '2026-07-01T03:00:00.000Z' }]);
      if (c.url === pathOf(PORTAL_ROUTES.invitations, { id: 's1' })) return json([read, failed]);
      return json({}, 404);
    });
    render(<MailPanel />);
    await screen.findByText('550 mailbox unavailable');
    expect(screen.getByText('Tờ trình số 12')).toBeTruthy();
    expect(screen.queryByText('Chưa cấu hình máy chủ thư nên chưa gửi được giấy mời.')).toBeNull();
    const links = screen.getAllByRole('link', { name: 'Liên kết riêng' });
    // The console opens the recipient's page as a preview, which never counts as the recipient opening it.
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['http://hall/moi/abc?xem-truoc=1', 'http://hall/moi/g1?xem-truoc=1']);
    fireEvent.click(screen.getByRole('button', { name: 'Gửi lại cho địa chỉ lỗi (1)' }));
    await waitFor(() => expect(screen.queryByText('550 mailbox unavailable')).toBeNull());
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.url)).toEqual([pathOf(PORTAL_ROUTES.invitationsRetry, { id: 's1' })]);
    expect(screen.queryByRole('button', { name: /Gửi lại/ })).toBeNull();
  });
});
