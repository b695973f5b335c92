// The minutes (Biên bản kỳ họp) as a list of neutral blocks: the DOCX and the PDF typesetters render the
// same blocks, so both files carry the same words. Layout follows Nghị định 30/2020/NĐ-CP (header block,
// title, justified body, signatures).

import { formatDocumentDateVi } from '@hddt/protocol';
import type { MinutesNotes } from './minutes-notes';
import type { RoundRecord, SessionRecord } from './session-record';
import { clockTimeVi, shortDateVi } from './session-record';
import { dayIn } from '../engine';

export type Block =
  | { t: 'section'; text: string }
  | { t: 'heading'; text: string }
  | { t: 'para'; text: string; italic?: boolean; bold?: boolean; indent?: boolean; align?: 'left' | 'justify' }
  | { t: 'table'; columns: { title: string; width: number; align?: 'left' | 'center' }[]; rows: string[][] };

export interface MinutesLayout {
  /** Issuing body, one line each (capitals). */
  issuingBody: string[];
  /** "Số: 12/BB-HĐND" (or a blank to fill in by hand). */
  numberLine: string;
  nation: string;
  motto: string;
  /** "Côn Đảo, ngày 05 tháng 7 năm 2026" */
  placeDate: string;
  title: string;
  subtitle: string[];
  blocks: Block[];
  signatures: { left: { role: string; name: string }; right: { role: string; name: string } };
  /** Printed at the foot of every page. */
  footer: string;
}

export function numberLine(number: string): string {
  const n = number.trim();
  if (n === '') return 'Số:        /BB-HĐND';
  return /\//.test(n) ? `Số: ${n}` : `Số: ${n}/BB-HĐND`;
}

function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

function timeAndDay(iso: string, timeZone: string): string {
  return `${clockTimeVi(iso, timeZone)} ngày ${shortDateVi(dayIn(timeZone, Date.parse(iso)))}`;
}

function roundBlocks(r: RoundRecord, tz: string): Block[] {
  const out: Block[] = [];
  const label = r.repeated ? ` (biểu quyết lại, lần ${r.number})` : '';
  out.push({ t: 'para', bold: true, text: `Biểu quyết: ${r.question}${label}.` });
  const when = r.closedAt ? `, từ ${clockTimeVi(r.openedAt, tz)} đến ${clockTimeVi(r.closedAt, tz)}` : `, mở lúc ${clockTimeVi(r.openedAt, tz)}`;
  out.push({ t: 'para', text: `Hình thức: ${r.modeText}${when}. Tình trạng: ${r.statusText}.` });
  for (const line of r.resultLines) out.push({ t: 'para', text: line });
  if (r.resolutionCode) out.push({ t: 'para', text: `Nghị quyết được thông qua mang số ${r.resolutionCode}.` });
  if (r.namedBallots) {
    out.push({ t: 'para', italic: true, text: 'Kết quả biểu quyết ghi danh của từng đại biểu:' });
    out.push({
      t: 'table',
      columns: [
        { title: 'Ghế', width: 0.12, align: 'center' },
        { title: 'Họ và tên', width: 0.5 },
        { title: 'Biểu quyết', width: 0.38 },
      ],
      rows: r.namedBallots.map((b) => [String(b.seat), b.fullName, b.choice]),
    });
  }
  return out;
}

export function minutesLayout(record: SessionRecord, notes: MinutesNotes): MinutesLayout {
  const tz = record.council.timeZone;
  const s = record.session;
  const blocks: Block[] = [];

  blocks.push({ t: 'section', text: 'I. THỜI GIAN, ĐỊA ĐIỂM' });
  const opened = s.openedAt ? `khai mạc lúc ${timeAndDay(s.openedAt, tz)}` : `dự kiến khai mạc ngày ${shortDateVi(s.startDate)}`;
  const closed = s.closedAt ? `bế mạc lúc ${timeAndDay(s.closedAt, tz)}` : 'chưa bế mạc';
  blocks.push({ t: 'para', text: `Thời gian: ${opened}; ${closed}.` });
  blocks.push({ t: 'para', text: `Địa điểm: ${s.place}.` });

  blocks.push({ t: 'section', text: 'II. THÀNH PHẦN THAM DỰ' });
  blocks.push({ t: 'para', text: `Chủ tọa kỳ họp: ${s.chairName}.` });
  blocks.push({ t: 'para', text: `Thư ký kỳ họp: ${s.secretaryName}.` });
  if (record.attendance.length === 0) blocks.push({ t: 'para', text: 'Chưa điểm danh đại biểu.' });
  for (const day of record.attendance) blocks.push({ t: 'para', text: day.text });

  blocks.push({ t: 'section', text: 'III. NỘI DUNG KỲ HỌP' });
  for (const p of paragraphs(notes.opening)) blocks.push({ t: 'para', text: p });
  record.items.forEach((item, index) => {
    blocks.push({ t: 'heading', text: `${index + 1}. ${item.title}` });
    if (item.presenter) blocks.push({ t: 'para', text: `Trình bày: ${item.presenter}.` });
    if (item.documents.length > 0) {
      blocks.push({ t: 'para', text: 'Tài liệu:' });
      for (const d of item.documents) {
        const pages = d.pages ? ` (${d.pages} trang)` : '';
        blocks.push({ t: 'para', text: `- ${d.title}${pages}.` });
      }
    }
    const summary = paragraphs(notes.items[item.id] ?? '');
    if (summary.length > 0) {
      blocks.push({ t: 'para', italic: true, text: 'Tóm tắt thảo luận:' });
      for (const p of summary) blocks.push({ t: 'para', text: p });
    }
    for (const r of item.rounds) blocks.push(...roundBlocks(r, tz));
  });
  if (record.otherRounds.length > 0) {
    blocks.push({ t: 'heading', text: `${record.items.length + 1}. Các nội dung biểu quyết khác` });
    for (const r of record.otherRounds) blocks.push(...roundBlocks(r, tz));
  }

  blocks.push({ t: 'section', text: 'IV. ĐẠI BIỂU PHÁT BIỂU' });
  if (record.speakers.length === 0) blocks.push({ t: 'para', text: 'Không có đại biểu phát biểu.' });
  for (const sp of record.speakers) {
    const seat = sp.seat !== null ? ` (ghế ${sp.seat})` : '';
    const until = sp.endedAt ? ` đến ${clockTimeVi(sp.endedAt, tz)}` : '';
    blocks.push({ t: 'para', text: `${sp.order}. ${sp.name}${sp.title ? `, ${sp.title}` : ''}${seat}, từ ${clockTimeVi(sp.startedAt, tz)}${until}.` });
  }

  blocks.push({ t: 'section', text: 'V. NGHỊ QUYẾT ĐÃ THÔNG QUA' });
  if (record.resolutions.length === 0) blocks.push({ t: 'para', text: 'Không có nghị quyết được thông qua.' });
  for (const r of record.resolutions) {
    blocks.push({ t: 'para', text: `Nghị quyết số ${r.code} ngày ${shortDateVi(r.adoptedOn)}: ${r.title}.` });
  }

  blocks.push({ t: 'section', text: 'VI. BẾ MẠC' });
  for (const p of paragraphs(notes.closing)) blocks.push({ t: 'para', text: p });
  blocks.push({
    t: 'para',
    text: s.closedAt ? `Kỳ họp bế mạc lúc ${timeAndDay(s.closedAt, tz)}.` : 'Kỳ họp chưa bế mạc tại thời điểm lập biên bản.',
  });
  blocks.push({
    t: 'para',
    italic: true,
    align: 'left',
    text:
      `Biên bản được lập từ nhật ký sự kiện của hệ thống, tính đến mục số ${record.logHead.seq}; ` +
      `mã kiểm tra toàn vẹn (SHA-256): ${record.logHead.hash}.`,
  });

  return {
    issuingBody: record.council.issuingBody,
    numberLine: numberLine(notes.number),
    nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    motto: 'Độc lập - Tự do - Hạnh phúc',
    placeDate: `${record.council.place || s.place}, ${formatDocumentDateVi(record.documentDate)}`,
    title: 'BIÊN BẢN',
    subtitle: [`${s.heading}, ${record.council.name} nhiệm kỳ ${record.council.term}`, s.title],
    blocks,
    signatures: { left: { role: 'THƯ KÝ', name: s.secretaryName }, right: { role: 'CHỦ TỌA', name: s.chairName } },
    footer: `Nhật ký: mục ${record.logHead.seq} · SHA-256 ${record.logHead.hash}`,
  };
}
