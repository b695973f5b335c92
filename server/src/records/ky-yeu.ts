// The printable Kỷ yếu of a session: a cover, the agenda, the list of documents, every resolution with the
// result of the vote that adopted it, and the minutes — as one PDF or one DOCX, each part starting on a new
// page, pages numbered from the second. Confidential documents are counted, never listed by title.

import { formatDocumentDateVi } from '@hddt/protocol';
import type { CouncilState } from '../domain/types';
import type { MinutesNotes } from './minutes-notes';
import { endBody, minutesLayout, sessionSummaryLine, sessionSummaryLines, type Block, type MinutesLayout } from './minutes-layout';
import { shortDateVi, type RoundRecord, type SessionRecord } from './session-record';

export function kyYeuLayouts(state: CouncilState, record: SessionRecord, notes: MinutesNotes): MinutesLayout[] {
  const s = record.session;
  const summary = sessionSummaryLine(record);
  const rounds = new Map<string, RoundRecord>([...record.items.flatMap((i) => i.rounds), ...record.otherRounds].map((r) => [r.id, r]));

  const [y, m] = record.documentDate.split('-');
  const dates = s.startDate === s.endDate ? `Ngày ${shortDateVi(s.startDate)}` : `Từ ngày ${shortDateVi(s.startDate)} đến ngày ${shortDateVi(s.endDate)}`;
  const cover: MinutesLayout = {
    header: null,
    title: record.council.issuingBody.join(' '),
    subtitle: [],
    blocks: [
      { t: 'space', pt: 150 },
      { t: 'para', text: 'KỶ YẾU', bold: true, align: 'center', size: 32 },
      { t: 'para', text: summary.toLocaleUpperCase('vi'), bold: true, align: 'center', size: 15 },
      ...(s.title ? [{ t: 'para' as const, text: s.title, align: 'center' as const, italic: true }] : []),
      { t: 'space', pt: 280 },
      { t: 'para', text: `${dates} — ${s.place}`, align: 'center' },
      { t: 'para', text: `${record.council.place || s.place}, tháng ${Number(m) <= 2 ? m : Number(m)} năm ${y}`, align: 'center', italic: true },
    ],
    signatures: [],
  };

  const agenda: Block[] = [];
  record.items.forEach((item, i) => {
    agenda.push({ t: 'para', bold: true, text: `${i + 1}. ${item.title}` });
    if (item.presenter) agenda.push({ t: 'para', text: `Trình bày: ${item.presenter}.` });
  });
  if (agenda.length === 0) agenda.push({ t: 'para', text: 'Chương trình kỳ họp chưa có nội dung.' });

  const docs = Object.values(state.documents)
    .filter((d) => d.sessionId === s.id)
    .sort((a, b) => (a.uploadedAt < b.uploadedAt ? -1 : a.uploadedAt > b.uploadedAt ? 1 : 0));
  const listed = docs.filter((d) => !d.confidential);
  const itemOrder = new Map(record.items.map((item, i) => [item.id, i + 1]));
  const documentRows = listed.map((d, i) => {
    const type = record.items.flatMap((it) => it.documents).find((x) => x.id === d.id)?.docTypeText ?? '';
    return [String(i + 1), d.title, type, d.pages ? String(d.pages) : '', d.itemId && itemOrder.has(d.itemId) ? String(itemOrder.get(d.itemId)) : ''];
  });
  const documentBlocks: Block[] = [];
  if (documentRows.length > 0) {
    documentBlocks.push({
      t: 'table',
      columns: [
        { title: 'STT', width: 0.08, align: 'center' },
        { title: 'Tên tài liệu', width: 0.5 },
        { title: 'Loại', width: 0.2 },
        { title: 'Số trang', width: 0.1, align: 'center' },
        { title: 'Mục', width: 0.12, align: 'center' },
      ],
      rows: documentRows,
    });
  }
  const pages = listed.reduce((sum, d) => sum + (d.pages ?? 0), 0);
  documentBlocks.push({ t: 'para', text: `Tổng cộng: ${listed.length} tài liệu, ${pages} trang, phát hành điện tử cho đại biểu.` });
  const secret = docs.length - listed.length;
  if (secret > 0) documentBlocks.push({ t: 'para', italic: true, text: `Ngoài ra có ${secret} tài liệu mật, không in trong kỷ yếu.` });

  const resolutionBlocks: Block[] = [];
  if (record.resolutions.length === 0) resolutionBlocks.push({ t: 'para', text: 'Kỳ họp không thông qua nghị quyết nào.' });
  for (const r of record.resolutions) {
    resolutionBlocks.push({ t: 'heading', text: `Nghị quyết số ${r.code} ${formatDocumentDateVi(r.adoptedOn)}` });
    resolutionBlocks.push({ t: 'para', bold: true, text: r.title });
    const round = rounds.get(r.roundId);
    if (round) {
      resolutionBlocks.push({ t: 'para', italic: true, text: `Biểu quyết: ${round.question} (${round.modeText.toLocaleLowerCase('vi')}).` });
      for (const line of round.resultLines) resolutionBlocks.push({ t: 'para', text: line });
    }
  }

  const part = (title: string, blocks: Block[]): MinutesLayout => ({
    header: null,
    title,
    subtitle: sessionSummaryLines(record),
    blocks: endBody(blocks),
    signatures: [],
  });
  return [
    cover,
    part('CHƯƠNG TRÌNH KỲ HỌP', agenda),
    part('DANH MỤC TÀI LIỆU', documentBlocks),
    part('CÁC NGHỊ QUYẾT ĐÃ THÔNG QUA VÀ KẾT QUẢ BIỂU QUYẾT', resolutionBlocks),
    minutesLayout(record, notes),
  ];
}
