import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { pathOf } from '@hddt/protocol';
import { REST_ROUTES, RECORDS_ROUTES } from '@hddt/protocol/schemas';
import type {
  Archive,
  ArchiveSearchResponse,
  BackupInfo,
  IntegrityReport,
  MinutesNotes,
  MinutesResponse,
  Resolution,
  RoundRecord,
  SessionDetail,
  SessionRecord,
} from '@hddt/protocol';
import { useStore } from '../../store';
import { MinutesPanel, RoundLines } from '../records/minutes-panel';
import { ResolutionsPanel } from '../records/resolutions-panel';
import { ArchivePanel } from '../records/archive-panel';
import { IntegrityPanel, IntegrityResult } from '../records/integrity-panel';
import { delegates, session, snapshot } from '../../test-fixtures';

const HEAD = { seq: 128, hash: '9f2c4e1a7b3d5f60a1b2c3d4e5f60718293a4b5c6d7e8f901234567890abcdef' };

function round(overrides: Partial<RoundRecord> = {}): RoundRecord {
  return {
    id: 'r1',
    motionId: 'm1',
    itemId: 'a1',
    question: 'Thông qua Nghị quyết về Kế hoạch đầu tư công năm 2027',
    kind: 'ordinary',
    mode: 'named',
    modeText: 'Biểu quyết công khai, ghi danh',
    number: 1,
    repeated: false,
    status: 'announced',
    statusText: 'Đã công bố kết quả',
    cancelledReason: null,
    openedAt: '2026-07-05T02:00:00.000Z',
    closedAt: '2026-07-05T02:01:00.000Z',
    announcedAt: '2026-07-05T02:01:10.000Z',
    seated: 5,
    result: { kind: 'options', seated: 5, present: 5, participated: 4, counts: { yes: 3, no: 1, abstain: 0 }, required: 3, passed: true },
    resultLines: [
      'Có mặt 5/5; tham gia biểu quyết 4 (80%); tán thành 3 (60%); không tán thành 1 (20%); không biểu quyết 0 (0%).',
      'Kết quả: THÔNG QUA (cần ít nhất 3/5 đại biểu tán thành).',
    ],
    namedBallots: delegates.slice(0, 5).map((d, i) => ({
      delegateId: d.id,
      seat: d.seat,
      fullName: d.fullName,
      status: i < 4 ? 'voted' : 'not-voted',
      choice: i < 3 ? 'Tán thành' : i === 3 ? 'Không tán thành' : 'Không biểu quyết',
      option: i < 3 ? 'yes' : i === 3 ? 'no' : null,
    })),
    resolutionCode: '12/NQ-HĐND',
    ...overrides,
  };
}

const resolutionRecord = {
  id: 'q1',
  code: '12/NQ-HĐND',
  title: 'Nghị quyết về Kế hoạch đầu tư công năm 2027',
  adoptedOn: '2026-07-05',
  itemId: 'a1',
  roundId: 'r1',
  normative: false,
};

const record: SessionRecord = {
  logHead: HEAD,
  council: {
    id: 'c1',
    name: 'Hội đồng nhân dân đặc khu Côn Đảo',
    issuingBody: ['HỘI ĐỒNG NHÂN DÂN', 'ĐẶC KHU CÔN ĐẢO'],
    place: 'Côn Đảo',
    term: '2021–2026',
    timeZone: 'Asia/Ho_Chi_Minh',
  },
  session: {
    id: 's1',
    number: 4,
    heading: 'Kỳ họp thứ Tư',
    title: '',
    startDate: '2026-07-05',
    endDate: '2026-07-06',
    place: 'Hội trường HĐND đặc khu',
    status: 'open',
    openedAt: '2026-07-05T01:00:00.000Z',
    closedAt: null,
    chairName: 'Nguyễn Văn An',
    secretaryName: 'Trần Thị Bích',
  },
  documentDate: '2026-07-06',
  attendance: [
    {
      day: '2026-07-05',
      seated: 5,
      present: 5,
      excused: [],
      absent: [],
      quorumRequired: 4,
      quorumMet: true,
      text: 'Ngày 05/7/2026: có mặt 5/5 đại biểu (100%); vắng có lý do: 0; vắng không có lý do: 0. Đủ số đại biểu để tiến hành kỳ họp (cần ít nhất 4/5).',
    },
  ],
  items: [
    {
      id: 'a1',
      order: 1,
      title: 'Kế hoạch đầu tư công năm 2027',
      presenter: 'Ủy ban nhân dân đặc khu',
      documents: [{ id: 'doc1', title: 'Tờ trình số 45/TTr-UBND', docType: 'to-trinh', docTypeText: 'Tờ trình', pages: 12, sha256: 'ab'.repeat(32) }],
      rounds: [
        round({
          id: 'r0',
          number: 1,
          status: 'cancelled',
          statusText: 'Đã hủy (lý do: sự cố kỹ thuật)',
          cancelledReason: 'sự cố kỹ thuật',
          result: null,
          resultLines: [],
          namedBallots: null,
          resolutionCode: null,
        }),
        round({ number: 2, repeated: true }),
      ],
      resolutions: [resolutionRecord],
    },
  ],
  otherRounds: [],
  speakers: [],
  resolutions: [resolutionRecord],
};
const emptyNotes: MinutesNotes = { number: '', opening: '', closing: '', items: {}, recipients: [], updatedAt: null, updatedBy: null };

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

beforeEach(() => {
  useStore.setState({ snapshot: snapshot(), toasts: [], identity: { username: 'admin', displayName: 'Văn phòng', role: 'secretariat', csrfToken: 'x' } });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('MinutesPanel', () => {
  it('renders the record readably, saves the notes with PUT and shows them in the preview', async () => {
    let notes = emptyNotes;
    const calls = mockFetch((c) => {
      if (c.url === pathOf(RECORDS_ROUTES.minutesNotes, { id: 's1' }) && c.method === 'PUT') {
        const body = c.body as Partial<MinutesNotes>;
        notes = {
          number: body.number ?? '',
          opening: body.opening ?? '',
          closing: body.closing ?? '',
          items: Object.fromEntries(Object.entries(body.items ?? {}).filter(([, v]) => v.trim())),
          recipients: body.recipients ?? [],
          updatedAt: '2026-07-06T09:00:00.000Z',
          updatedBy: 'admin',
        };
        return json(notes);
      }
      if (c.url === pathOf(RECORDS_ROUTES.minutes, { id: 's1' })) return json({ logHead: HEAD, record, notes } satisfies MinutesResponse);
      return json({}, 404);
    });
    render(<MinutesPanel sessionId="s1" />);
    const preview = await screen.findByTestId('minutes-preview');
    expect(preview.textContent).toContain('Kết quả: THÔNG QUA (cần ít nhất 3/5 đại biểu tán thành).');
    expect(preview.textContent).toContain('có mặt 5/5 đại biểu');
    expect(preview.textContent).toContain('Số: …/BB-HĐND (chưa nhập số)');
    expect(within(preview).getByText('Biểu quyết lại')).toBeTruthy();
    expect(within(preview).getByText('Đã hủy')).toBeTruthy();
    expect(preview.textContent).toContain('Nghị quyết số 12/NQ-HĐND — Nghị quyết về Kế hoạch đầu tư công năm 2027');
    expect(screen.getByTestId('log-head').textContent).toContain('128:9f2c4e1a7b3d5f60');
    expect(screen.getByRole('link', { name: 'Biên bản (DOCX)' }).getAttribute('href')).toBe('/api/sessions/s1/minutes.docx');
    expect(screen.getByRole('link', { name: 'Kết quả kỳ họp (CSV)' }).getAttribute('href')).toBe('/api/sessions/s1/results.csv');
    expect(screen.getByRole('link', { name: 'Kết quả cả nhiệm kỳ (JSON)' }).getAttribute('href')).toBe('/api/results.json');
    expect(screen.getByRole('link', { name: 'Kết quả kỳ họp (Excel)' }).getAttribute('href')).toBe('/api/sessions/s1/results.xlsx');
    expect(screen.getByRole('link', { name: 'Kết quả cả nhiệm kỳ (Excel)' }).getAttribute('href')).toBe('/api/results.xlsx');
    expect(screen.getByRole('link', { name: 'Kỷ yếu kỳ họp (PDF)' }).getAttribute('href')).toBe('/api/sessions/s1/ky-yeu.pdf');
    expect(screen.getByRole('link', { name: 'Kỷ yếu kỳ họp (DOCX)' }).getAttribute('href')).toBe('/api/sessions/s1/ky-yeu.docx');

    fireEvent.change(screen.getByLabelText('Số biên bản'), { target: { value: '07' } });
    fireEvent.change(screen.getByLabelText('Tóm tắt thảo luận: Kế hoạch đầu tư công năm 2027'), { target: { value: 'Đại biểu thống nhất cao.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu phần soạn thảo' }));
    await waitFor(() => expect(screen.getByTestId('minutes-preview').textContent).toContain('Thảo luận: Đại biểu thống nhất cao.'));
    expect(screen.getByTestId('minutes-preview').textContent).toContain('Số: 07/BB-HĐND');
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.body).toEqual({ number: '07', opening: '', closing: '', items: { a1: 'Đại biểu thống nhất cao.' }, recipients: [] });
  });

  it('sets the minutes’ own “Nơi nhận”, refusing a list that does not end with the file copy', async () => {
    let notes = emptyNotes;
    const calls = mockFetch((c) => {
      if (c.url === pathOf(RECORDS_ROUTES.minutesNotes, { id: 's1' }) && c.method === 'PUT') {
        const body = c.body as Partial<MinutesNotes>;
        notes = { ...emptyNotes, recipients: body.recipients ?? [], updatedAt: '2026-07-06T09:00:00.000Z', updatedBy: 'admin' };
        return json(notes);
      }
      if (c.url === pathOf(RECORDS_ROUTES.minutes, { id: 's1' })) return json({ logHead: HEAD, record, notes } satisfies MinutesResponse);
      return json({}, 404);
    });
    render(<MinutesPanel sessionId="s1" />);
    const preview = await screen.findByTestId('minutes-preview');
    // No list of its own and none in the record: the default one, as printed.
    expect(within(preview).getByRole('list', { name: 'Nơi nhận' }).textContent).toContain('- Lưu: VT, hồ sơ kỳ họp.');
    const field = screen.getByLabelText('Nơi nhận của biên bản này');
    fireEvent.change(field, { target: { value: 'Thường trực HĐND đặc khu\nUBND đặc khu' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu phần soạn thảo' }));
    expect(await screen.findByText('Dòng cuối phải là nơi lưu, bắt đầu bằng “Lưu:”, ví dụ “Lưu: VT, hồ sơ kỳ họp”.')).toBeTruthy();
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
    fireEvent.change(field, { target: { value: '- Thường trực HĐND đặc khu;\n\nUBND đặc khu\nLưu: VT, hồ sơ kỳ họp' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu phần soạn thảo' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')!.body).toMatchObject({ recipients: ['- Thường trực HĐND đặc khu;', 'UBND đặc khu', 'Lưu: VT, hồ sơ kỳ họp'] });
    await waitFor(() =>
      expect(within(screen.getByTestId('minutes-preview')).getByRole('list', { name: 'Nơi nhận' }).textContent).toBe(
        '- Thường trực HĐND đặc khu;- UBND đặc khu;- Lưu: VT, hồ sơ kỳ họp.',
      ),
    );
  });
});

describe('RoundLines', () => {
  it('offers the counting minutes of a secret round with a result, and not of a named one', () => {
    const secret = round({ id: 'r9', mode: 'secret', kind: 'election', namedBallots: null });
    const { unmount } = render(
      <ul>
        <RoundLines round={secret} />
      </ul>,
    );
    expect(screen.getByRole('link', { name: 'Biên bản kiểm phiếu (PDF)' }).getAttribute('href')).toBe('/api/rounds/r9/counting-minutes.pdf');
    expect(screen.getByRole('link', { name: 'Biên bản kiểm phiếu (DOCX)' }).getAttribute('href')).toBe('/api/rounds/r9/counting-minutes.docx');
    unmount();
    render(
      <ul>
        <RoundLines round={round()} />
      </ul>,
    );
    expect(screen.queryByRole('link', { name: 'Biên bản kiểm phiếu (PDF)' })).toBeNull();
  });
});

describe('ResolutionsPanel', () => {
  it('lists resolutions and attaches one of the session PDFs as the signed text', async () => {
    const res: Resolution = {
      id: 'q1',
      number: 12,
      year: 2026,
      code: '12/NQ-HĐND',
      normative: false,
      title: 'Nghị quyết về Kế hoạch đầu tư công năm 2027',
      adoptedOn: '2026-07-05',
      sessionId: 's1',
      itemId: 'a1',
      motionId: 'm1',
      roundId: 'r1',
      signedDocumentId: null,
    };
    const detail: SessionDetail = {
      session,
      agenda: [],
      documents: [
        {
          id: 'doc9',
          sessionId: 's1',
          itemId: 'a1',
          title: 'Nghị quyết 12 (bản ký)',
          docType: 'nghi-quyet',
          confidential: false,
          published: true,
          fileName: 'nq12.pdf',
          mimeType: 'application/pdf',
          size: 2048,
          sha256: 'cd'.repeat(32),
          pages: 3,
          uploadedAt: '2026-07-06T08:00:00.000Z',
        },
      ],
      motions: [],
      rounds: [],
    };
    let attached = false;
    const calls = mockFetch((c) => {
      if (c.url === REST_ROUTES.resolutions.path) return json([{ ...res, signedDocumentId: attached ? 'doc9' : null }]);
      if (c.url === pathOf(REST_ROUTES.session, { id: 's1' })) return json(detail);
      if (c.url === pathOf(REST_ROUTES.resolutionText, { id: 'q1' })) {
        attached = true;
        return json({ ...res, signedDocumentId: 'doc9' });
      }
      return json({}, 404);
    });
    render(<ResolutionsPanel sessions={[session]} />);
    expect(await screen.findByText('12/NQ-HĐND')).toBeTruthy();
    expect(screen.getByText('Kỳ họp thứ Tư')).toBeTruthy();
    expect(screen.getByText('Chưa đính kèm')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Đính kèm văn bản đã ký cho Nghị quyết 12/NQ-HĐND' }));
    const form = await screen.findByRole('form', { name: 'Đính kèm văn bản đã ký cho Nghị quyết 12/NQ-HĐND' });
    await waitFor(() => expect((within(form).getByLabelText('Chọn tài liệu PDF của kỳ họp') as HTMLSelectElement).value).toBe('doc9'));
    fireEvent.click(within(form).getByRole('button', { name: 'Đính kèm văn bản đã ký' }));
    await waitFor(() => expect(screen.getByTestId('signed-q1').getAttribute('href')).toBe('/api/documents/doc9/file'));
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ documentId: 'doc9' });
  });
});

describe('ArchivePanel', () => {
  it('browses term → sessions → items and searches on the server', async () => {
    const { logHead: _h, council: _c, ...rest } = record;
    void _h;
    void _c;
    const archive: Archive = { logHead: HEAD, council: { id: 'c1', name: record.council.name }, terms: [{ term: '2021–2026', sessions: [rest] }] };
    const search: ArchiveSearchResponse = {
      q: 'nghi quyet 12',
      logHead: HEAD,
      hits: [{ kind: 'resolution', id: 'q1', sessionId: 's1', session: 'Kỳ họp thứ Tư', title: resolutionRecord.title, code: '12/NQ-HĐND' }],
    };
    const calls = mockFetch((c) => (c.url.startsWith('/api/archive/search') ? json(search) : json(archive)));
    render(<ArchivePanel />);
    expect(await screen.findByText('Nhiệm kỳ 2021–2026')).toBeTruthy();
    expect(screen.getByText('Kỳ họp thứ Tư')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Tờ trình: Tờ trình số 45/TTr-UBND' }).getAttribute('href')).toBe('/api/documents/doc1/file');
    fireEvent.change(screen.getByRole('searchbox', { name: 'Tìm trong Kỷ yếu' }), { target: { value: 'nghi quyet 12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Tìm' }));
    await waitFor(() => expect(screen.getByTestId('search-hits').textContent).toContain('1 kết quả cho “nghi quyet 12”'));
    expect(screen.getByTestId('search-hits').textContent).toContain('12/NQ-HĐND');
    expect(calls.some((c) => c.url === '/api/archive/search?q=nghi%20quyet%2012')).toBe(true);
  });
});

describe('Integrity and backup', () => {
  it('names the first broken link and the differing rows', () => {
    const report: IntegrityReport = {
      ok: false,
      head: HEAD,
      chain: { ok: false, entries: 41, headHash: 'aa', brokenAt: { seq: 42, reason: 'hash-mismatch' } },
      replay: {
        ok: false,
        error: null,
        differences: [{ table: 'ballots', key: { round_id: 'r1', delegate_id: 'd2' }, live: { option: 'no' }, replayed: { option: 'yes' } }],
      },
      results: {
        ok: false,
        checked: 3,
        problems: [{ roundId: 'r7', seq: 57, reason: 'secret-count-mismatch', detail: 'số phiếu công bố 4 ≠ 3 đại biểu tham gia / 3 delegates took part' }],
      },
      anchors: { ok: true, checked: 0, problems: [] },
    };
    render(<IntegrityResult report={report} />);
    const box = screen.getByRole('alert');
    expect(box.textContent).toContain('PHÁT HIỆN SAI LỆCH DỮ LIỆU');
    expect(box.textContent).toContain('Chuỗi nhật ký bị đứt tại mục 42 (mã băm không khớp).');
    expect(box.textContent).toContain('Bảng ballots, khóa {"round_id":"r1","delegate_id":"d2"}');
    expect(box.textContent).toContain('Đang lưu: {"option":"no"}');
    expect(box.textContent).toContain('Theo nhật ký: {"option":"yes"}');
    expect(box.textContent).toContain(
      'Vòng biểu quyết r7 (mục 57): tổng phiếu bỏ phiếu kín không khớp số người tham gia — số phiếu công bố 4 ≠ 3 đại biểu tham gia',
    );
  });

  it('runs the check (OK) and a backup, showing where the copy is', async () => {
    const ok: IntegrityReport = {
      ok: true,
      head: HEAD,
      chain: { ok: true, entries: 128, headHash: HEAD.hash, brokenAt: null },
      replay: { ok: true, error: null, differences: [] },
      results: { ok: true, checked: 2, problems: [] },
      anchors: { ok: true, checked: 0, problems: [] },
    };
    const info: BackupInfo = {
      path: '/var/lib/hddt/backups/2026-07-06T09-00-00-000Z',
      createdAt: '2026-07-06T09:00:00.000Z',
      councilId: 'c1',
      logHead: HEAD,
      documents: 7,
    };
    const calls = mockFetch((c) => (c.url === RECORDS_ROUTES.integrity.path ? json(ok) : json(info, 201)));
    render(<IntegrityPanel />);
    fireEvent.click(screen.getByRole('button', { name: 'Kiểm tra toàn vẹn' }));
    await waitFor(() => expect(screen.getByTestId('integrity').textContent).toContain('Dữ liệu toàn vẹn: chuỗi nhật ký 128 mục khớp'));
    fireEvent.click(screen.getByRole('button', { name: 'Sao lưu' }));
    await waitFor(() =>
      expect(screen.getByTestId('backup').textContent).toContain('Đã sao lưu vào /var/lib/hddt/backups/2026-07-06T09-00-00-000Z (7 tài liệu).'),
    );
    expect(calls.find((c) => c.url === RECORDS_ROUTES.backup.path)!.method).toBe('POST');
  });
});
