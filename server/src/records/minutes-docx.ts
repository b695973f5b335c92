// The records as a DOCX (Nghị định 30/2020/NĐ-CP): A4, margins 20/20/30/15 mm, Times New Roman 14 pt,
// header as a borderless two-column table, bold summary line with a short rule under it, justified body with
// first-line indent and 6 pt between paragraphs, page numbers at the top centre from page 2, and signature
// blocks kept on the page of the body's last paragraph. Several layouts (the Kỷ yếu) are one section each.

import {
  AlignmentType,
  BorderStyle,
  PageBreak,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  type ISectionOptions,
  UnderlineType,
  WidthType,
  convertMillimetersToTwip as mm,
} from 'docx';
import type { Block, MinutesLayout, OfficialHeader } from './minutes-layout';

const FONT = 'Times New Roman';
const BODY = 28; // half-points: 14 pt
const SMALL = 26; // 13 pt
const A4 = { width: 11906, height: 16838 };
// 20 mm top and bottom, 30 mm left, 15 mm right (twips).
const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 850 };
const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;

const run = (text: string, o: { bold?: boolean; italics?: boolean; size?: number; underline?: boolean } = {}) =>
  new TextRun({
    text,
    font: FONT,
    size: o.size ?? BODY,
    bold: o.bold,
    italics: o.italics,
    underline: o.underline ? { type: UnderlineType.SINGLE } : undefined,
  });

/** 6 pt after each body paragraph (Nghị định 30/2020/NĐ-CP asks for at least 6 pt), in twips. */
const AFTER = 120;

const centered = (children: TextRun[], after = 0, keepNext = false) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after, line: 260 }, keepNext, keepLines: keepNext, children });

const noBorders = {
  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
};

/** A short centred rule: an empty paragraph's bottom border, narrowed by its indents. */
const rule = (indent: number, after: number) =>
  new Paragraph({
    indent: { left: indent, right: indent },
    spacing: { before: 0, after, line: 120 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [run('', { size: 4 })],
  });

function headerTable(h: OfficialHeader): Table {
  // The national title must fit on one line in the right column (12 pt bold, as Nghị định 30/2020 allows).
  const leftW = Math.round(TEXT_WIDTH * 0.38);
  const rightW = TEXT_WIDTH - leftW;
  const left = new TableCell({
    width: { size: leftW, type: WidthType.DXA },
    borders: noBorders,
    children: [
      ...h.issuingBody.map((line) => centered([run(line, { bold: true, size: SMALL })])),
      rule(Math.round(leftW * 0.33), 120),
      centered([run(h.numberLine, { size: SMALL })]),
    ],
  });
  const right = new TableCell({
    width: { size: rightW, type: WidthType.DXA },
    borders: noBorders,
    children: [
      centered([run(h.nation, { bold: true, size: 24 })]),
      centered([run(h.motto, { bold: true, underline: true })], 120),
      centered([run(h.placeDate, { italics: true })]),
    ],
  });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [leftW, rightW],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: [left, right] })],
  });
}

const ALIGN = { left: AlignmentType.LEFT, justify: AlignmentType.JUSTIFIED, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

function bodyParagraph(b: Extract<Block, { t: 'para' }>, keepNext: boolean): Paragraph {
  const align = b.align ?? 'justify';
  return new Paragraph({
    alignment: ALIGN[align],
    indent: b.indent === false || align === 'center' ? undefined : { firstLine: mm(10) },
    spacing: { before: 0, after: AFTER, line: 300 },
    keepNext,
    keepLines: keepNext,
    children: [run(b.text, { bold: b.bold, italics: b.italic, size: b.size ? b.size * 2 : undefined })],
  });
}

function dataTable(b: Extract<Block, { t: 'table' }>): Table {
  const widths = b.columns.map((c) => Math.round(TEXT_WIDTH * c.width));
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      margins: { top: 20, bottom: 20, left: 80, right: 80 },
      children: [
        new Paragraph({
          alignment: header ? AlignmentType.CENTER : ALIGN[b.columns[i]?.align ?? 'left'],
          children: [run(text, { bold: header, size: SMALL })],
        }),
      ],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, children: b.columns.map((c, i) => cell(c.title, i, true)) }),
      ...b.rows.map((row) => new TableRow({ cantSplit: true, children: row.map((text, i) => cell(text, i, false)) })),
    ],
  });
}

function blocks(list: Block[], keepTail: boolean): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  // The last paragraph is kept with the signatures that follow it (they never stand alone on a page).
  const last = keepTail ? list.findLastIndex((b) => b.t === 'para') : -1;
  list.forEach((b, index) => {
    switch (b.t) {
      case 'section':
        out.push(new Paragraph({ spacing: { before: 160, after: AFTER }, keepNext: true, children: [run(b.text, { bold: true })] }));
        break;
      case 'heading':
        out.push(
          new Paragraph({
            alignment: AlignmentType.JUSTIFIED,
            indent: { firstLine: mm(10) },
            spacing: { before: 120, after: AFTER },
            keepNext: true,
            children: [run(b.text, { bold: true })],
          }),
        );
        break;
      case 'para':
        out.push(bodyParagraph(b, index === last));
        break;
      case 'table':
        out.push(dataTable(b));
        out.push(new Paragraph({ spacing: { after: AFTER }, children: [] }));
        break;
      case 'pagebreak':
        out.push(new Paragraph({ children: [new PageBreak()] }));
        break;
      case 'space':
        out.push(new Paragraph({ spacing: { before: b.pt * 20, after: 0 }, children: [] }));
        break;
    }
  });
  return out;
}

/** "Nơi nhận" (Nghị định 30/2020/NĐ-CP): "Nơi nhận:" 12 pt bold italic, then the recipients 11 pt, flush left. */
function recipientParagraphs(lines: string[]): Paragraph[] {
  return [
    new Paragraph({ spacing: { before: 0, after: 0 }, keepNext: true, keepLines: true, children: [run('Nơi nhận:', { bold: true, italics: true, size: 24 })] }),
    ...lines.map(
      (line, i) => new Paragraph({ spacing: { before: 0, after: 0 }, keepNext: i < lines.length - 1, keepLines: true, children: [run(line, { size: 22 })] }),
    ),
  ];
}

function signatures(signers: MinutesLayout['signatures'], recipients: string[]): Table[] {
  const half = Math.round(TEXT_WIDTH / 2);
  // Every line of the block keeps with the next, so the rows, and "Nơi nhận" under them, stay on one page.
  const side = (s: MinutesLayout['signatures'][number] | null, keepAll: boolean, after = 0) =>
    new TableCell({
      width: { size: half, type: WidthType.DXA },
      borders: noBorders,
      children: s
        ? [
            ...s.role.map((line, i) => centered([run(line, { bold: true })], i === s.role.length - 1 ? 1600 : 0, true)),
            centered([run(s.name, { bold: true })], after, keepAll),
          ]
        : [centered([run('')], after, keepAll)],
    });
  const rows: TableRow[] = [];
  // Pairs left to right. A document's only signer stands on the right, where Nghị định 30 puts the signing
  // authority; a lone signer of a later row stands on the left, under the first column's members.
  for (let i = 0; i < signers.length; i += 2) {
    const a = signers[i]!;
    const b = signers[i + 1];
    const keep = i + 2 < signers.length || recipients.length > 0;
    // Between two rows of the counting board, room before the next capacity line.
    const after = i + 2 < signers.length ? 480 : 0;
    const cells = b
      ? [side(a, keep, after), side(b, keep, after)]
      : i === 0
        ? [side(null, keep, after), side(a, keep, after)]
        : [side(a, keep, after), side(null, keep, after)];
    rows.push(new TableRow({ cantSplit: true, children: cells }));
  }
  if (recipients.length > 0) {
    rows.push(
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            width: { size: half, type: WidthType.DXA },
            borders: noBorders,
            children: [new Paragraph({ spacing: { before: 240 }, keepNext: true, children: [] }), ...recipientParagraphs(recipients)],
          }),
          new TableCell({ width: { size: TEXT_WIDTH - half, type: WidthType.DXA }, borders: noBorders, children: [new Paragraph({ children: [] })] }),
        ],
      }),
    );
  }
  if (rows.length === 0) return [];
  return [
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: [half, TEXT_WIDTH - half],
      layout: TableLayoutType.FIXED,
      borders: TableBorders.NONE,
      rows,
    }),
  ];
}

function content(l: MinutesLayout): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  if (l.header) out.push(headerTable(l.header));
  out.push(
    new Paragraph({ spacing: { before: l.header ? 240 : 0 }, alignment: AlignmentType.CENTER, keepNext: true, children: [run(l.title, { bold: true })] }),
  );
  l.subtitle.forEach((line) => out.push(centered([run(line, { bold: true })], 0, true)));
  // The short rule under the summary line (Mẫu 1.9).
  out.push(rule(Math.round(TEXT_WIDTH * 0.4), 240));
  out.push(...blocks(l.blocks, l.signatures.length > 0));
  if (l.signatures.length > 0) {
    out.push(new Paragraph({ spacing: { after: 120 }, keepNext: true, children: [] }));
    out.push(...signatures(l.signatures, l.recipients ?? []));
  } else if (l.recipients && l.recipients.length > 0) {
    out.push(new Paragraph({ spacing: { before: 240 }, keepNext: true, children: [] }), ...recipientParagraphs(l.recipients));
  }
  return out;
}

/** Page number at the top centre, 13 pt (Nghị định 30/2020/NĐ-CP): on every page but the first. */
const pageNumberHeader = () =>
  new Header({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ font: FONT, size: SMALL, children: [PageNumber.CURRENT] })] })],
  });

export async function minutesDocx(layouts: MinutesLayout | MinutesLayout[], title?: string): Promise<Buffer> {
  const list = Array.isArray(layouts) ? layouts : [layouts];
  const sections: ISectionOptions[] = list.map((l, i) => ({
    properties: {
      page: { size: A4, margin: { ...MARGIN, header: mm(10), footer: mm(10) } },
      // Only the document's first page goes without a number; later sections continue the numbering.
      titlePage: i === 0,
    },
    headers: i === 0 ? { default: pageNumberHeader(), first: new Header({ children: [new Paragraph({ children: [] })] }) } : { default: pageNumberHeader() },
    children: content(l),
  }));
  const doc = new Document({
    creator: 'Hội đồng điện tử',
    title: title ?? `${list[0]?.title ?? ''} ${list[0]?.subtitle.join(' ') ?? ''}`,
    styles: { default: { document: { run: { font: FONT, size: BODY } } } },
    sections,
  });
  return Packer.toBuffer(doc);
}
