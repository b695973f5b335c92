// The minutes as a PDF with the bundled Liberation Serif (metric-compatible with Times New Roman): the same
// layout and words as the DOCX.

import PDFDocument from 'pdfkit';
import { fontPath } from '../seed/pdf';
import type { Block, MinutesLayout } from './minutes-layout';

const MM = 72 / 25.4;
const MARGINS = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };
const BODY = 13.5;
const SMALL = 12.5;

export function minutesPdf(l: MinutesLayout): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margins: MARGINS,
      bufferPages: true,
      info: { Title: `${l.title} ${l.subtitle[0] ?? ''}`, Creator: 'Hội đồng điện tử' },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('r', fontPath('Regular'));
    doc.registerFont('b', fontPath('Bold'));
    doc.registerFont('i', fontPath('Italic'));
    doc.registerFont('bi', fontPath('BoldItalic'));

    const left = MARGINS.left;
    const width = doc.page.width - MARGINS.left - MARGINS.right;
    const bottom = () => doc.page.height - MARGINS.bottom;

    // ---- header: two columns ----
    const top = MARGINS.top;
    const leftW = width * 0.4;
    const rightX = left + leftW;
    const rightW = width - leftW;
    doc.font('b').fontSize(SMALL);
    let y = top;
    for (const line of l.issuingBody) {
      doc.text(line, left, y, { width: leftW, align: 'center' });
      y = doc.y;
    }
    const ruleW = leftW * 0.3;
    doc.moveTo(left + (leftW - ruleW) / 2, y + 5).lineTo(left + (leftW + ruleW) / 2, y + 5).lineWidth(0.6).stroke();
    doc.font('r').fontSize(SMALL).text(l.numberLine, left, y + 11, { width: leftW, align: 'center' });
    const leftBottom = doc.y;

    doc.font('b').fontSize(SMALL).text(l.nation, rightX, top, { width: rightW, align: 'center' });
    doc.font('b').fontSize(BODY);
    const mottoW = doc.widthOfString(l.motto);
    const mottoY = doc.y;
    doc.text(l.motto, rightX, mottoY, { width: rightW, align: 'center' });
    const underlineY = doc.y + 0.5;
    doc.moveTo(rightX + (rightW - mottoW) / 2, underlineY).lineTo(rightX + (rightW + mottoW) / 2, underlineY).lineWidth(0.6).stroke();
    doc.font('i').fontSize(BODY).text(l.placeDate, rightX, underlineY + 8, { width: rightW, align: 'center' });
    y = Math.max(leftBottom, doc.y) + 22;

    // ---- title ----
    doc.font('b').fontSize(BODY + 0.5).text(l.title, left, y, { width, align: 'center' });
    l.subtitle.forEach((line, i) => {
      doc.font(i === 0 ? 'b' : 'r').fontSize(BODY).text(line, left, doc.y, { width, align: 'center' });
    });
    doc.y += 14;

    // ---- body ----
    const ensure = (h: number) => {
      if (doc.y + h > bottom()) doc.addPage();
    };
    const para = (text: string, font: string, opts: { indent?: number; gap?: number; align?: 'justify' | 'left' | 'center' } = {}) => {
      doc.font(font).fontSize(BODY);
      const o = { width, align: opts.align ?? 'justify', indent: opts.indent ?? 10 * MM, lineGap: 2, paragraphGap: opts.gap ?? 3 };
      ensure(Math.min(doc.heightOfString(text, o), 3 * BODY));
      doc.text(text, left, doc.y, o);
    };
    const table = (b: Extract<Block, { t: 'table' }>) => {
      const widths = b.columns.map((c) => c.width * width);
      const pad = 4;
      const row = (cells: string[], header: boolean) => {
        doc.font(header ? 'b' : 'r').fontSize(SMALL);
        const h = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 2 * pad }))) + 2 * pad;
        if (doc.y + h > bottom()) {
          doc.addPage();
          if (!header) row(b.columns.map((c) => c.title), true);
          doc.font(header ? 'b' : 'r').fontSize(SMALL);
        }
        const y0 = doc.y;
        let x = left;
        cells.forEach((c, i) => {
          doc.rect(x, y0, widths[i]!, h).lineWidth(0.5).stroke();
          const align = header || b.columns[i]?.align === 'center' ? 'center' : 'left';
          doc.text(c, x + pad, y0 + pad, { width: widths[i]! - 2 * pad, align });
          x += widths[i]!;
        });
        doc.x = left;
        doc.y = y0 + h;
      };
      row(b.columns.map((c) => c.title), true);
      for (const r of b.rows) row(r, false);
      doc.y += 6;
    };
    for (const b of l.blocks) {
      switch (b.t) {
        case 'section':
          ensure(4 * BODY);
          doc.y += 6;
          para(b.text, 'b', { indent: 0, align: 'left' });
          break;
        case 'heading':
          ensure(4 * BODY);
          doc.y += 3;
          para(b.text, 'b');
          break;
        case 'para':
          para(b.text, b.bold && b.italic ? 'bi' : b.bold ? 'b' : b.italic ? 'i' : 'r', {
            indent: b.indent === false ? 0 : undefined,
            align: b.align === 'left' ? 'left' : 'justify',
          });
          break;
        case 'table':
          table(b);
          break;
      }
    }

    // ---- signatures ----
    ensure(130);
    doc.y += 16;
    const sy = doc.y;
    const half = width / 2;
    const sign = (x: number, role: string, name: string) => {
      doc.font('b').fontSize(BODY).text(role, x, sy, { width: half, align: 'center' });
      doc.font('i').fontSize(SMALL).text('(Ký, ghi rõ họ tên)', x, doc.y, { width: half, align: 'center' });
      doc.font('b').fontSize(BODY).text(name, x, sy + 90, { width: half, align: 'center' });
    };
    sign(left, l.signatures.left.role, l.signatures.left.name);
    sign(left + half, l.signatures.right.role, l.signatures.right.name);

    // ---- footer on every page ----
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i += 1) {
      doc.switchToPage(i);
      const saved = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc
        .font('r')
        .fontSize(7.5)
        .fillColor('#333333')
        .text(`${l.footer} · Trang ${i + 1}/${range.count}`, left, doc.page.height - 11 * MM, { width, align: 'center', lineBreak: false });
      doc.fillColor('black');
      doc.page.margins.bottom = saved;
    }
    doc.end();
  });
}
