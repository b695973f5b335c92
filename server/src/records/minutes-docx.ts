// The minutes as a DOCX (Nghị định 30/2020/NĐ-CP): A4, margins 20/20/30/15 mm, Times New Roman 14 pt,
// header as a borderless two-column table, justified body with first-line indent, signatures.

import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  UnderlineType,
  WidthType,
  convertMillimetersToTwip as mm,
} from 'docx';
import type { Block, MinutesLayout } from './minutes-layout';

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

const centered = (children: TextRun[], after = 0) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after, line: 260 }, children });

const noBorders = {
  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
};

function headerTable(l: MinutesLayout): Table {
  // The national title must fit on one line in the right column (12 pt bold, as Nghị định 30/2020 allows).
  const leftW = Math.round(TEXT_WIDTH * 0.38);
  const rightW = TEXT_WIDTH - leftW;
  const left = new TableCell({
    width: { size: leftW, type: WidthType.DXA },
    borders: noBorders,
    children: [
      ...l.issuingBody.map((line) => centered([run(line, { bold: true, size: SMALL })])),
      // The short rule under the issuing body: an empty paragraph's bottom border, narrowed by its indents.
      new Paragraph({
        indent: { left: Math.round(leftW * 0.33), right: Math.round(leftW * 0.33) },
        spacing: { before: 0, after: 120, line: 120 },
        border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
        children: [run('', { size: 4 })],
      }),
      centered([run(l.numberLine, { size: SMALL })]),
    ],
  });
  const right = new TableCell({
    width: { size: rightW, type: WidthType.DXA },
    borders: noBorders,
    children: [
      centered([run(l.nation, { bold: true, size: 24 })]),
      centered([run(l.motto, { bold: true, underline: true })], 120),
      centered([run(l.placeDate, { italics: true })]),
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

function bodyParagraph(b: Extract<Block, { t: 'para' }>): Paragraph {
  return new Paragraph({
    alignment: b.align === 'left' ? AlignmentType.LEFT : AlignmentType.JUSTIFIED,
    indent: b.indent === false ? undefined : { firstLine: mm(10) },
    spacing: { before: 0, after: 80, line: 300 },
    children: [run(b.text, { bold: b.bold, italics: b.italic })],
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
          alignment: header || b.columns[i]?.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
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

function blocks(list: Block[]): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const b of list) {
    switch (b.t) {
      case 'section':
        out.push(new Paragraph({ spacing: { before: 160, after: 80 }, keepNext: true, children: [run(b.text, { bold: true })] }));
        break;
      case 'heading':
        out.push(
          new Paragraph({
            alignment: AlignmentType.JUSTIFIED,
            indent: { firstLine: mm(10) },
            spacing: { before: 120, after: 80 },
            keepNext: true,
            children: [run(b.text, { bold: true })],
          }),
        );
        break;
      case 'para':
        out.push(bodyParagraph(b));
        break;
      case 'table':
        out.push(dataTable(b));
        out.push(new Paragraph({ spacing: { after: 80 }, children: [] }));
        break;
    }
  }
  return out;
}

function signatures(l: MinutesLayout): Table {
  const half = Math.round(TEXT_WIDTH / 2);
  const side = (role: string, name: string) =>
    new TableCell({
      width: { size: half, type: WidthType.DXA },
      borders: noBorders,
      children: [
        centered([run(role, { bold: true })]),
        centered([run('(Ký, ghi rõ họ tên)', { italics: true, size: SMALL })], 1400),
        centered([run(name, { bold: true })]),
      ],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [half, TEXT_WIDTH - half],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [new TableRow({ cantSplit: true, children: [side(l.signatures.left.role, l.signatures.left.name), side(l.signatures.right.role, l.signatures.right.name)] })],
  });
}

export async function minutesDocx(l: MinutesLayout): Promise<Buffer> {
  const doc = new Document({
    creator: 'Hội đồng điện tử',
    title: `${l.title} ${l.subtitle[0] ?? ''}`,
    styles: { default: { document: { run: { font: FONT, size: BODY } } } },
    sections: [
      {
        properties: { page: { size: A4, margin: { ...MARGIN, header: mm(10), footer: mm(10) } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ font: FONT, size: 18, children: [`${l.footer} · Trang `, PageNumber.CURRENT, '/', PageNumber.TOTAL_PAGES] }),
                ],
              }),
            ],
          }),
        },
        children: [
          headerTable(l),
          new Paragraph({ spacing: { before: 240 }, alignment: AlignmentType.CENTER, children: [run(l.title, { bold: true })] }),
          ...l.subtitle.map((line, i) => centered([run(line, { bold: i === 0 })], i === l.subtitle.length - 1 ? 240 : 0)),
          ...blocks(l.blocks),
          new Paragraph({ spacing: { after: 120 }, children: [] }),
          signatures(l),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
