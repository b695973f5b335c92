// The half-year review for the editorial board's meeting (seed: "định kỳ 6 tháng giữa năm và cuối năm Ban
// biên tập ... họp để rà soát, đánh giá kết quả"): what was published per section, how long each session took
// to reach its Kỷ yếu, page views per section (counted per day and section, nothing about the reader), and
// voter feedback received and answered. Built from the portal store and the feedback list; rendered as PDF
// (pdfkit, the bundled Liberation Serif) and XLSX (a minimal SpreadsheetML workbook zipped with fflate).

import PDFDocument from 'pdfkit';
import { strToU8, zipSync } from 'fflate';
import { formatDateVi, sessionTitle } from '@hddt/protocol';
import type { FeedbackItem } from '@hddt/protocol';
import type { CouncilState } from '../../domain/types';
import { fontPath } from '../../records/fonts';
import type { PortalStore } from './store';

export interface HalfYearReview {
  council: string;
  from: string;
  to: string;
  sections: { key: string; title: string; kind: string; published: number; views: number }[];
  totals: { articles: number; documents: number; pages: number; views: number };
  sessions: { title: string; endDate: string; kyYeuOn: string | null; days: number | null }[];
  feedback: { received: number; answered: number; answerPublished: number };
}

const DAY = 86_400_000;

export async function buildReview(state: CouncilState, store: PortalStore, feedback: FeedbackItem[], from: string, to: string): Promise<HalfYearReview> {
  const fromIso = `${from}T00:00:00.000Z`;
  const toIso = new Date(Date.parse(`${to}T00:00:00.000Z`) + DAY).toISOString();
  const sections = await store.sections();
  const publishes = (await store.transitionsBetween(fromIso, toIso)).filter((t) => t.action === 'publish');
  const publishedIds = new Map<string, string>();
  for (const t of publishes) {
    const item = await store.item(t.itemId);
    if (item) publishedIds.set(item.id, item.section);
  }
  const views = new Map((await store.viewsBetween(from, to)).map((v) => [v.section, v.views]));
  const rows = sections.map((s) => ({
    key: s.key,
    title: s.titleVi,
    kind: s.kind,
    published: [...publishedIds.values()].filter((k) => k === s.key).length,
    views: views.get(s.key) ?? 0,
  }));
  const totals = { articles: 0, documents: 0, pages: 0, views: [...views.values()].reduce((a, b) => a + b, 0) };
  for (const r of rows) {
    if (r.kind === 'article') totals.articles += r.published;
    else if (r.kind === 'document') totals.documents += r.published;
    else totals.pages += r.published;
  }

  const sessionsOut: HalfYearReview['sessions'] = [];
  const closed = Object.values(state.sessions)
    .filter((s) => s.status === 'closed' && s.endDate >= from && s.endDate <= to)
    .sort((a, b) => a.endDate.localeCompare(b.endDate));
  for (const s of closed) {
    let first: string | null = null;
    for (const item of await store.items({ sessionId: s.id, section: 'ky-yeu' })) {
      for (const t of await store.transitions(item.id)) {
        if (t.action === 'publish' && (first === null || t.at < first)) first = t.at;
      }
    }
    // Whole calendar days from the session's last day to the day its Kỷ yếu was first published.
    const days = first ? Math.max(0, Math.round((Date.parse(`${first.slice(0, 10)}T00:00:00.000Z`) - Date.parse(`${s.endDate}T00:00:00.000Z`)) / DAY)) : null;
    sessionsOut.push({ title: `${sessionTitle(s.number)}: ${s.title}`, endDate: s.endDate, kyYeuOn: first ? first.slice(0, 10) : null, days });
  }

  const inRange = feedback.filter((f) => f.createdAt >= fromIso && f.createdAt < toIso);
  return {
    council: state.council?.name.vi ?? 'Hội đồng nhân dân',
    from,
    to,
    sections: rows,
    totals,
    sessions: sessionsOut,
    feedback: {
      received: inRange.length,
      answered: inRange.filter((f) => f.status === 'answered').length,
      answerPublished: inRange.filter((f) => f.answerPublished).length,
    },
  };
}

const KIND_VI: Record<string, string> = { article: 'Tin bài', page: 'Trang', document: 'Văn bản' };

/** The table rows shared by the PDF and the spreadsheet. */
function tables(r: HalfYearReview) {
  return {
    sections: [['Chuyên mục', 'Loại', 'Số bài đăng', 'Lượt xem'], ...r.sections.map((s) => [s.title, KIND_VI[s.kind] ?? s.kind, s.published, s.views])],
    sessions: [
      ['Kỳ họp', 'Bế mạc', 'Đăng Kỷ yếu', 'Số ngày'],
      ...r.sessions.map((s) => [s.title, formatDateVi(s.endDate), s.kyYeuOn ? formatDateVi(s.kyYeuOn) : 'Chưa đăng', s.days ?? '—']),
    ],
    feedback: [
      ['Ý kiến cử tri', 'Số lượng'],
      ['Đã nhận', r.feedback.received],
      ['Đã trả lời', r.feedback.answered],
      ['Câu trả lời công khai trên cổng', r.feedback.answerPublished],
    ],
  };
}

const MM = 72 / 25.4;

export function reviewPdf(r: HalfYearReview): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const margins = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };
    const doc = new PDFDocument({ size: 'A4', margins, info: { Title: `Báo cáo sáu tháng cổng thông tin ${r.from} – ${r.to}`, Creator: 'Hội đồng điện tử' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('r', fontPath('Regular'));
    doc.registerFont('b', fontPath('Bold'));
    const width = doc.page.width - margins.left - margins.right;
    doc.font('b').fontSize(12.5).text(r.council.toUpperCase(), { align: 'left' });
    doc.text('BAN BIÊN TẬP CỔNG THÔNG TIN ĐIỆN TỬ');
    doc.moveDown();
    doc.font('b').fontSize(14).text('BÁO CÁO', { align: 'center' });
    doc
      .font('b')
      .fontSize(13.5)
      .text(`Kết quả cập nhật thông tin trên Cổng thông tin điện tử từ ngày ${formatDateVi(r.from)} đến ngày ${formatDateVi(r.to)}`, { align: 'center' });
    doc.moveDown();
    doc
      .font('r')
      .fontSize(13)
      .text(
        `Trong kỳ, Ban biên tập đã đăng ${r.totals.articles} tin bài, ${r.totals.documents} văn bản và ${r.totals.pages} trang giới thiệu; cổng có ${r.totals.views} lượt xem theo chuyên mục (đếm theo ngày và chuyên mục, không lưu thông tin người đọc); nhận ${r.feedback.received} ý kiến cử tri, đã trả lời ${r.feedback.answered}.`,
        { align: 'justify', paragraphGap: 6 },
      );
    const t = tables(r);
    const table = (title: string, rows: (string | number)[][], cols: number[]) => {
      doc.moveDown(0.5);
      doc.font('b').fontSize(13).text(title);
      for (const [i, row] of rows.entries()) {
        const y = doc.y + 2;
        if (y > doc.page.height - margins.bottom - 20) doc.addPage();
        let x = margins.left;
        const top = doc.y + 2;
        let h = 0;
        row.forEach((cell, c) => {
          const w = cols[c]! * width;
          doc.font(i === 0 ? 'b' : 'r').fontSize(11.5);
          const height = doc.heightOfString(String(cell), { width: w - 6 });
          doc.text(String(cell), x + 3, top, { width: w - 6, align: c === 0 ? 'left' : 'right' });
          h = Math.max(h, height);
          x += w;
        });
        doc
          .moveTo(margins.left, top + h + 2)
          .lineTo(margins.left + width, top + h + 2)
          .lineWidth(0.5)
          .stroke();
        doc.x = margins.left;
        doc.y = top + h + 4;
      }
    };
    table('1. Bài đăng và lượt xem theo chuyên mục', t.sections, [0.5, 0.16, 0.17, 0.17]);
    table('2. Thời gian từ kỳ họp đến Kỷ yếu', t.sessions, [0.52, 0.16, 0.2, 0.12]);
    table('3. Ý kiến cử tri', t.feedback, [0.7, 0.3]);
    doc.end();
  });
}

function cellXml(value: string | number, ref: string, bold: boolean): string {
  const style = bold ? ' s="1"' : '';
  if (typeof value === 'number') return `<c r="${ref}"${style}><v>${value}</v></c>`;
  const text = value.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  return `<c r="${ref}" t="inlineStr"${style}><is><t xml:space="preserve">${text}</t></is></c>`;
}

function sheetXml(rows: (string | number)[][]): string {
  const col = (i: number) => String.fromCharCode(65 + i);
  const body = rows.map((row, r) => `<row r="${r + 1}">${row.map((v, c) => cellXml(v, `${col(c)}${r + 1}`, r === 0)).join('')}</row>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cols><col min="1" max="1" width="48" customWidth="1"/><col min="2" max="4" width="16" customWidth="1"/></cols><sheetData>${body}</sheetData></worksheet>`;
}

/** A workbook with one sheet per table (Chuyên mục, Kỷ yếu, Ý kiến cử tri). */
export function reviewXlsx(r: HalfYearReview): Uint8Array {
  const t = tables(r);
  const sheets: [string, (string | number)[][]][] = [
    ['Chuyên mục', t.sections],
    ['Kỷ yếu', t.sessions],
    ['Ý kiến cử tri', t.feedback],
  ];
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`,
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets.map(([name], i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    ),
    'xl/styles.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="12"/><name val="Times New Roman"/></font><font><b/><sz val="12"/><name val="Times New Roman"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf fontId="0"/><xf fontId="1" applyFont="1"/></cellXfs></styleSheet>`,
    ),
  };
  sheets.forEach(([, rows], i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(rows));
  });
  return zipSync(files);
}
