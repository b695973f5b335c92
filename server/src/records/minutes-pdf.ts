// The records as a PDF with the bundled Liberation Serif (metric-compatible with Times New Roman): the same
// layouts and words as the DOCX. Page numbers at the top centre from page 2; the signature blocks are kept
// on the page of the body's last paragraph; several layouts (the Kỷ yếu) each start on a new page.

import PDFDocument from 'pdfkit';
import { fontPath } from './fonts';
import type { Block, MinutesLayout, OfficialHeader, Signer } from './minutes-layout';

const MM = 72 / 25.4;
const MARGINS = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };
const BODY = 13.5;
const SMALL = 12.5;
/** At least 6 pt between paragraphs (Nghị định 30/2020/NĐ-CP). */
const PARA_GAP = 6;
const SIGN_SPACE = 84;

export function minutesPdf(layouts: MinutesLayout | MinutesLayout[], title?: string): Promise<Buffer> {
  const list = Array.isArray(layouts) ? layouts : [layouts];
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margins: MARGINS,
      bufferPages: true,
      info: { Title: title ?? `${list[0]?.title ?? ''} ${list[0]?.subtitle.join(' ') ?? ''}`, Creator: 'Hội đồng điện tử' },
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
    const ensure = (h: number) => {
      if (doc.y + h > bottom()) doc.addPage();
    };

    const header = (h: OfficialHeader) => {
      const top = doc.y;
      const leftW = width * 0.4;
      const rightX = left + leftW;
      const rightW = width - leftW;
      doc.font('b').fontSize(SMALL);
      let y = top;
      for (const line of h.issuingBody) {
        doc.text(line, left, y, { width: leftW, align: 'center' });
        y = doc.y;
      }
      const ruleW = leftW * 0.3;
      doc
        .moveTo(left + (leftW - ruleW) / 2, y + 5)
        .lineTo(left + (leftW + ruleW) / 2, y + 5)
        .lineWidth(0.6)
        .stroke();
      doc
        .font('r')
        .fontSize(SMALL)
        .text(h.numberLine, left, y + 11, { width: leftW, align: 'center' });
      const leftBottom = doc.y;

      doc.font('b').fontSize(SMALL).text(h.nation, rightX, top, { width: rightW, align: 'center' });
      doc.font('b').fontSize(BODY);
      const mottoW = doc.widthOfString(h.motto);
      const mottoY = doc.y;
      doc.text(h.motto, rightX, mottoY, { width: rightW, align: 'center' });
      const underlineY = doc.y + 0.5;
      doc
        .moveTo(rightX + (rightW - mottoW) / 2, underlineY)
        .lineTo(rightX + (rightW + mottoW) / 2, underlineY)
        .lineWidth(0.6)
        .stroke();
      doc
        .font('i')
        .fontSize(BODY)
        .text(h.placeDate, rightX, underlineY + 8, { width: rightW, align: 'center' });
      doc.x = left;
      doc.y = Math.max(leftBottom, doc.y) + 22;
    };

    const paraOptions = (b: { align?: 'left' | 'justify' | 'center'; indent?: boolean }, indent?: number) => ({
      width,
      align: b.align ?? 'justify',
      indent: b.align === 'center' || b.indent === false ? 0 : (indent ?? 10 * MM),
      lineGap: 2,
      paragraphGap: PARA_GAP,
    });
    const fontOf = (b: { bold?: boolean; italic?: boolean }) => (b.bold && b.italic ? 'bi' : b.bold ? 'b' : b.italic ? 'i' : 'r');
    const para = (text: string, font: string, o: ReturnType<typeof paraOptions>, size = BODY, keep = 0) => {
      doc.font(font).fontSize(size);
      ensure(Math.min(doc.heightOfString(text, o), 3 * size) + keep);
      doc.text(text, left, doc.y, o);
    };
    const table = (b: Extract<Block, { t: 'table' }>) => {
      const widths = b.columns.map((c) => c.width * width);
      const pad = 4;
      const row = (cells: string[], isHeader: boolean) => {
        doc.font(isHeader ? 'b' : 'r').fontSize(SMALL);
        const h = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 2 * pad }))) + 2 * pad;
        if (doc.y + h > bottom()) {
          doc.addPage();
          if (!isHeader)
            row(
              b.columns.map((c) => c.title),
              true,
            );
          doc.font(isHeader ? 'b' : 'r').fontSize(SMALL);
        }
        const y0 = doc.y;
        let x = left;
        cells.forEach((c, i) => {
          doc.rect(x, y0, widths[i]!, h).lineWidth(0.5).stroke();
          const align = isHeader ? 'center' : (b.columns[i]?.align ?? 'left');
          doc.text(c, x + pad, y0 + pad, { width: widths[i]! - 2 * pad, align });
          x += widths[i]!;
        });
        doc.x = left;
        doc.y = y0 + h;
      };
      row(
        b.columns.map((c) => c.title),
        true,
      );
      for (const r of b.rows) row(r, false);
      doc.y += PARA_GAP;
    };

    /** Space between two rows of signatures (the counting board's), and after the last before "Nơi nhận". */
    const ROW_GAP = 26;
    /** "Nơi nhận" (Nghị định 30/2020/NĐ-CP): the heading 12 pt bold italic, the recipients 11 pt, bottom left. */
    const recipientsWidth = width * 0.5;
    const recipientsHeight = (lines: string[] | undefined) => {
      if (!lines || lines.length === 0) return 0;
      doc.font('r').fontSize(11);
      return ROW_GAP + 12 + 2 + lines.reduce((h, line) => h + doc.heightOfString(line, { width: recipientsWidth, lineGap: 1 }), 0);
    };
    const recipients = (lines: string[] | undefined) => {
      if (!lines || lines.length === 0) return;
      doc.y += ROW_GAP;
      doc.font('bi').fontSize(12).text('Nơi nhận:', left, doc.y, { width: recipientsWidth, align: 'left' });
      doc.y += 2;
      doc.font('r').fontSize(11);
      for (const line of lines) doc.text(line, left, doc.y, { width: recipientsWidth, align: 'left', lineGap: 1 });
      doc.x = left;
    };
    /** Height of the signature rows (and "Nơi nhận" under them), to keep them on the page of the last paragraph. */
    const signaturesHeight = (signers: Signer[], lines?: string[]) => {
      let h = 12;
      for (let i = 0; i < signers.length; i += 2) {
        const rows = Math.max(signers[i]!.role.length, signers[i + 1]?.role.length ?? 0);
        h += rows * (BODY + 3) + SIGN_SPACE + BODY + (i + 2 < signers.length ? ROW_GAP : 4);
      }
      return h + recipientsHeight(lines);
    };
    const signatures = (signers: Signer[]) => {
      doc.y += 12;
      const half = width / 2;
      for (let i = 0; i < signers.length; i += 2) {
        // A document's only signer on the right (the signing authority); a lone signer of a later row on the left.
        const pair: (Signer | null)[] = signers[i + 1] ? [signers[i]!, signers[i + 1]!] : i === 0 ? [null, signers[i]!] : [signers[i]!, null];
        const sy = doc.y;
        const lines = Math.max(...pair.map((s) => s?.role.length ?? 0));
        pair.forEach((s, k) => {
          if (!s) return;
          const x = left + k * half;
          doc.font('b').fontSize(BODY);
          s.role.forEach((line, j) => doc.text(line, x, sy + j * (BODY + 3), { width: half, align: 'center' }));
          doc.text(s.name, x, sy + lines * (BODY + 3) + SIGN_SPACE, { width: half, align: 'center' });
        });
        doc.x = left;
        doc.y = sy + lines * (BODY + 3) + SIGN_SPACE + BODY + (i + 2 < signers.length ? ROW_GAP : 4);
      }
    };

    list.forEach((l, index) => {
      if (index > 0) doc.addPage();
      if (l.header) header(l.header);
      // ---- title and summary line, with a short rule under it ----
      doc
        .font('b')
        .fontSize(BODY + 0.5)
        .text(l.title, left, doc.y, { width, align: 'center' });
      for (const line of l.subtitle) doc.font('b').fontSize(BODY).text(line, left, doc.y, { width, align: 'center' });
      const ruleY = doc.y + 4;
      doc
        .moveTo(left + width * 0.4, ruleY)
        .lineTo(left + width * 0.6, ruleY)
        .lineWidth(0.6)
        .stroke();
      doc.x = left;
      doc.y = ruleY + 14;

      // ---- body ----
      const lastPara = l.signatures.length > 0 ? l.blocks.findLastIndex((b) => b.t === 'para') : -1;
      l.blocks.forEach((b, i) => {
        switch (b.t) {
          case 'section':
            ensure(4 * BODY);
            doc.y += 6;
            para(b.text, 'b', paraOptions({ align: 'left', indent: false }));
            break;
          case 'heading':
            ensure(4 * BODY);
            doc.y += 3;
            para(b.text, 'b', paraOptions({}));
            break;
          case 'para': {
            const o = paraOptions(b);
            const size = b.size ?? BODY;
            // The last paragraph goes to the next page together with the signatures when both do not fit.
            if (i === lastPara) {
              doc.font(fontOf(b)).fontSize(size);
              ensure(doc.heightOfString(b.text, o) + signaturesHeight(l.signatures, l.recipients));
            }
            para(b.text, fontOf(b), o, size);
            break;
          }
          case 'table':
            table(b);
            break;
          case 'pagebreak':
            doc.addPage();
            break;
          case 'space':
            doc.y = Math.min(doc.y + b.pt, bottom());
            break;
        }
      });
      if (l.signatures.length > 0) {
        ensure(signaturesHeight(l.signatures, l.recipients));
        signatures(l.signatures);
      }
      recipients(l.recipients);
    });

    // ---- page numbers: top centre, 13 pt, from page 2 ----
    const range = doc.bufferedPageRange();
    for (let i = range.start + 1; i < range.start + range.count; i += 1) {
      doc.switchToPage(i);
      const saved = doc.page.margins.top;
      doc.page.margins.top = 0;
      doc
        .font('r')
        .fontSize(13)
        .text(String(i + 1), left, 10 * MM, { width, align: 'center', lineBreak: false });
      doc.page.margins.top = saved;
    }
    doc.end();
  });
}
