// The records a secretariat signs, as lists of neutral blocks: the DOCX and the PDF typesetters render the
// same blocks, so both files carry the same words. Layout follows Nghị định 30/2020/NĐ-CP (Phụ lục I; Mẫu 1.9
// for a biên bản): the official header, the title with its bold summary line and a short rule under it, a
// justified body ending in "./.", and the signature blocks. Page numbers (top centre, from page 2) are the
// typesetters' job. docs/records.md lists each requirement and where it is met.

import { formatDocumentDateVi, recipientLines } from '@hddt/protocol';
import type { MinutesNotes } from './minutes-notes';
import type { RoundRecord, SessionRecord, SpeakerRecord } from './session-record';
import { clockTimeVi, shortDateVi } from './session-record';
import { dayIn } from '../engine';

export type Block =
  | { t: 'section'; text: string }
  | { t: 'heading'; text: string }
  | { t: 'para'; text: string; italic?: boolean; bold?: boolean; indent?: boolean; align?: 'left' | 'justify' | 'center'; size?: number }
  | { t: 'table'; columns: { title: string; width: number; align?: 'left' | 'center' | 'right' }[]; rows: string[][] }
  | { t: 'pagebreak' }
  /** Vertical space in points (the Kỷ yếu's cover). */
  | { t: 'space'; pt: number };

/** The two-column header of an official document (thể thức văn bản). */
export interface OfficialHeader {
  /** Issuing body, one line each (capitals). */
  issuingBody: string[];
  /** "Số: 12/BB-HĐND" (or a blank to fill in by hand). */
  numberLine: string;
  nation: string;
  motto: string;
  /** "Côn Đảo, ngày 05 tháng 7 năm 2026" */
  placeDate: string;
}

/** A signature block: the capacity lines ("TM. BAN KIỂM PHIẾU", "TRƯỞNG BAN") and the name under the space. */
export interface Signer {
  role: string[];
  name: string;
}

/** One document: the minutes, the counting minutes, or one part of the Kỷ yếu. Each starts on a new page. */
export interface MinutesLayout {
  /** null: no official header (the Kỷ yếu's cover and its lists). */
  header: OfficialHeader | null;
  title: string;
  /** The summary line(s) under the title (trích yếu), bold, with a short rule under them. */
  subtitle: string[];
  blocks: Block[];
  /**
   * In rows of two; a document's only signer stands on the right, a lone signer of a later row on the left (the
   * counting board's third member under the first). Kept on the page of the body's last paragraph.
   */
  signatures: Signer[];
  /**
   * "Nơi nhận" (Mẫu 1.9), the lines as printed ("- …;", the last "- Lưu: VT, …."): at the bottom left under the
   * signatures, kept on their page. Absent or empty: none (the Kỷ yếu's own parts).
   */
  recipients?: string[];
}
export type DocLayout = MinutesLayout;

export const NATION = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** "Số: 05/BB-HĐND": a number below 10 takes a leading zero (Nghị định 30/2020/NĐ-CP). */
export function numberLine(number: string, kind = 'BB-HĐND'): string {
  const n = number.trim();
  if (n === '') return `Số:        /${kind}`;
  const padded = n.replace(/^(\d)(?=\/|$)/, '0$1');
  return /\//.test(padded) ? `Số: ${padded}` : `Số: ${padded}/${kind}`;
}

/** "Kỳ họp thứ Năm, Hội đồng nhân dân đặc khu Côn Đảo khóa I, nhiệm kỳ 2026 - 2031" */
export function sessionSummaryLine(record: Pick<SessionRecord, 'council' | 'session'>): string {
  const c = record.council;
  const khoa = c.termOrdinal ? ` khóa ${c.termOrdinal}` : '';
  return `${record.session.heading}, ${c.name}${khoa}, nhiệm kỳ ${c.term}`;
}

/** Characters of 14 pt bold that fit the text width (165 mm) on one line, with a margin. */
const SUMMARY_LINE_CHARS = 68;

/**
 * The summary line as printed under the title: when it would not fit one line, it is broken before "khóa …"
 * (or before "nhiệm kỳ …"), so a line never breaks inside the term ("2026 -" / "2031").
 */
export function sessionSummaryLines(record: Pick<SessionRecord, 'council' | 'session'>): string[] {
  const one = sessionSummaryLine(record);
  if (one.length <= SUMMARY_LINE_CHARS) return [one];
  const c = record.council;
  const head = `${record.session.heading}, ${c.name}`;
  return c.termOrdinal ? [head, `khóa ${c.termOrdinal}, nhiệm kỳ ${c.term}`] : [`${head},`, `nhiệm kỳ ${c.term}`];
}

export function officialHeader(record: Pick<SessionRecord, 'council' | 'session'>, number: string, isoDay: string, kind = 'BB-HĐND'): OfficialHeader {
  return {
    issuingBody: record.council.issuingBody,
    numberLine: numberLine(number, kind),
    nation: NATION,
    motto: MOTTO,
    placeDate: `${record.council.place || record.session.place}, ${formatDocumentDateVi(isoDay)}`,
  };
}

export function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

export function timeAndDay(iso: string, timeZone: string): string {
  return `${clockTimeVi(iso, timeZone)} ngày ${shortDateVi(dayIn(timeZone, Date.parse(iso)))}`;
}

/** "Nguyễn Minh An, Chủ tịch HĐND đặc khu" (the name alone when no position was entered). */
export function withTitle(name: string, title: string | undefined): string {
  return title ? `${name}, ${title}` : name;
}

/** Ends the body with "./." (Nghị định 30/2020/NĐ-CP): on its last paragraph, replacing a final full stop. */
export function endBody(blocks: Block[]): Block[] {
  for (let i = blocks.length - 1; i >= 0; i -= 1) {
    const b = blocks[i]!;
    if (b.t === 'para' && b.text.trim() !== '') {
      blocks[i] = { ...b, text: `${b.text.replace(/[.。]\s*$/u, '')}./.` };
      return blocks;
    }
  }
  blocks.push({ t: 'para', text: './.', indent: false });
  return blocks;
}

/** The closing line of the body: which log entry the document was made from, and its hash. */
export function logLine(record: Pick<SessionRecord, 'logHead'>, what = 'Biên bản'): Block {
  return {
    t: 'para',
    italic: true,
    align: 'left',
    text: `${what} được lập từ nhật ký sự kiện của hệ thống, tính đến mục số ${record.logHead.seq}; mã kiểm tra toàn vẹn (SHA-256): ${record.logHead.hash}.`,
  };
}

/**
 * A speech as the minutes list it: "3. Nguyễn Văn A, Đại biểu HĐND (ghế 5), từ 09 giờ 00 đến 09 giờ 05." A question
 * (chất vấn) names whom it asked and on what, then the answer's turn, so each exchange is on the record.
 */
export function speakerLine(sp: SpeakerRecord, tz: string): string {
  const who = sp.guest ? ' (khách mời)' : sp.seat !== null ? ` (ghế ${sp.seat})` : '';
  const span = (from: string, to: string | null) => `từ ${clockTimeVi(from, tz)}${to ? ` đến ${clockTimeVi(to, tz)}` : ''}`;
  const rebuttal = sp.rebuttal ? ' (tranh luận)' : '';
  const q = sp.question;
  if (!q) return `${sp.order}. ${withTitle(sp.name, sp.title)}${who}${rebuttal}, ${span(sp.startedAt, sp.endedAt)}.`;
  const topic = q.topic.trim().replace(/[.。]+$/u, '');
  const answer = q.answerStartedAt
    ? `${withTitle(q.answererName, q.answererTitle)} trả lời ${span(q.answerStartedAt, q.answerEndedAt)}`
    : `${q.answererName} chưa trả lời tại kỳ họp`;
  return `${sp.order}. ${withTitle(sp.name, sp.title)}${who}${rebuttal} chất vấn ${withTitle(q.answererName, q.answererTitle)} về: ${topic}, ${span(sp.startedAt, sp.endedAt)}; ${answer}.`;
}

export function roundBlocks(r: RoundRecord, tz: string): Block[] {
  const out: Block[] = [];
  const label = r.repeated ? ` (biểu quyết lại, lần ${r.number})` : '';
  out.push({ t: 'para', bold: true, text: `Biểu quyết: ${r.question}${label}.` });
  const when = r.closedAt ? `, từ ${clockTimeVi(r.openedAt, tz)} đến ${clockTimeVi(r.closedAt, tz)}` : `, mở lúc ${clockTimeVi(r.openedAt, tz)}`;
  out.push({ t: 'para', text: `Hình thức: ${r.modeText}${when}.` });
  // What the minutes say of a round that was not carried to its announced result, in a sentence of its own.
  if (r.status === 'cancelled') out.push({ t: 'para', text: `${r.statusText}; kết quả lượt này không được tính.` });
  else if (r.status !== 'announced') out.push({ t: 'para', text: `${r.statusText}.` });
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
  if (s.title) blocks.push({ t: 'para', text: `Kỳ họp: ${s.title}.` });
  const opened = s.openedAt ? `khai mạc lúc ${timeAndDay(s.openedAt, tz)}` : `dự kiến khai mạc ngày ${shortDateVi(s.startDate)}`;
  const closed = s.closedAt ? `bế mạc lúc ${timeAndDay(s.closedAt, tz)}` : 'chưa bế mạc';
  blocks.push({ t: 'para', text: `Thời gian: ${opened}; ${closed}.` });
  blocks.push({ t: 'para', text: `Địa điểm: ${s.place}.` });

  blocks.push({ t: 'section', text: 'II. THÀNH PHẦN THAM DỰ' });
  blocks.push({ t: 'para', text: `Chủ tọa kỳ họp: ${withTitle(s.chairName, s.chairTitle)}.` });
  blocks.push({ t: 'para', text: `Thư ký kỳ họp: ${withTitle(s.secretaryName, s.secretaryTitle)}.` });
  if (record.attendance.length === 0) blocks.push({ t: 'para', text: 'Chưa điểm danh đại biểu.' });
  for (const day of record.attendance) blocks.push({ t: 'para', text: day.text });
  const guests = s.guests ?? [];
  if (guests.length > 0) {
    blocks.push({ t: 'para', text: `Khách mời (${guests.length}):` });
    guests.forEach((g, i) => blocks.push({ t: 'para', text: `${i + 1}. ${withTitle(g.name, g.title)}${i === guests.length - 1 ? '.' : ';'}` }));
  }

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

  const questions = record.speakers.some((sp) => sp.question);
  blocks.push({ t: 'section', text: `IV. Ý KIẾN PHÁT BIỂU CỦA ĐẠI BIỂU VÀ KHÁCH MỜI${questions ? '; CHẤT VẤN VÀ TRẢ LỜI CHẤT VẤN' : ''}` });
  if (record.speakers.length === 0) blocks.push({ t: 'para', text: 'Không có ý kiến phát biểu.' });
  for (const sp of record.speakers) blocks.push({ t: 'para', text: speakerLine(sp, tz) });

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
  blocks.push(logLine(record));
  endBody(blocks);

  return {
    header: officialHeader(record, notes.number, record.documentDate),
    title: 'BIÊN BẢN',
    subtitle: sessionSummaryLines(record),
    blocks,
    signatures: [
      { role: ['THƯ KÝ'], name: s.secretaryName },
      { role: ['CHỦ TỌA'], name: s.chairName },
    ],
    // The minutes notes' own list, otherwise the council's.
    recipients: notes.recipients.length > 0 ? recipientLines(notes.recipients) : (record.recipients ?? recipientLines()),
  };
}
