// Vote results as an Excel workbook (exceljs): a summary sheet, then one sheet per round with the same rows as
// the CSV. Counts are numbers, shares of all delegates are numbers formatted as percentages (Excel shows them
// with the reader's decimal separator), text keeps its diacritics. Secret rounds give totals and who took part
// only, exactly as the CSV does.

import type { CouncilConfig } from '@hddt/protocol';
import ExcelJS from 'exceljs';
import { exportRows, type ResultsExport, type RoundExport } from './results-export';

const KIND: Record<RoundExport['kind'], string> = {
  ordinary: 'Biểu quyết (quá nửa)',
  'two-thirds': 'Biểu quyết (hai phần ba)',
  election: 'Bầu cử',
  confidence: 'Lấy phiếu tín nhiệm',
};
const MODE: Record<RoundExport['mode'], string> = { named: 'Ghi danh', anonymous: 'Không ghi danh', secret: 'Bỏ phiếu kín' };

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\, unique in the workbook. */
function sheetName(index: number, question: string, used: Set<string>): string {
  const clean = question
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  let name = `${index}. ${clean}`.slice(0, 31).trim();
  for (let k = 2; used.has(name.toLocaleLowerCase('vi')); k += 1) name = `${index}.${k} ${clean}`.slice(0, 31).trim();
  used.add(name.toLocaleLowerCase('vi'));
  return name;
}

export async function resultsXlsx(data: ResultsExport, councilFor: (r: RoundExport) => CouncilConfig | null): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = data.council.name || 'Hội đồng điện tử';
  // Fixed document dates: the same log head gives the same workbook.
  const stamp = new Date(data.rounds.reduce((t, r) => (r.closedAt && r.closedAt > t ? r.closedAt : t), '2000-01-01T00:00:00.000Z'));
  wb.created = stamp;
  wb.modified = stamp;

  const summary = wb.addWorksheet('Tổng hợp');
  summary.columns = [
    { header: 'STT', key: 'n', width: 6 },
    { header: 'Kỳ họp', key: 'session', width: 34 },
    { header: 'Nội dung biểu quyết', key: 'question', width: 60 },
    { header: 'Lần', key: 'number', width: 6 },
    { header: 'Loại', key: 'kind', width: 22 },
    { header: 'Hình thức', key: 'mode', width: 16 },
    { header: 'Tổng số đại biểu', key: 'seated', width: 10 },
    { header: 'Có mặt', key: 'present', width: 10 },
    { header: 'Tham gia', key: 'participated', width: 10 },
    { header: 'Tỷ lệ tham gia', key: 'share', width: 12, style: { numFmt: '0.00%' } },
    { header: 'Trang tính', key: 'sheet', width: 34 },
  ];
  summary.getRow(1).font = { bold: true };
  summary.views = [{ state: 'frozen', ySplit: 1 }];
  summary.addRow({ n: '', session: `${data.council.name} — ${data.council.term}`, question: `Vị trí sổ ghi: ${data.logHead.seq} (${data.logHead.hash})` });

  const used = new Set<string>(['tổng hợp']);
  data.rounds.forEach((r, i) => {
    const name = sheetName(i + 1, r.question, used);
    const res = r.result;
    summary.addRow({
      n: i + 1,
      session: r.session,
      question: r.question,
      number: r.number,
      kind: KIND[r.kind],
      mode: MODE[r.mode],
      seated: r.seated,
      present: res?.present ?? null,
      participated: res?.participated ?? null,
      share: res && r.seated > 0 ? res.participated / r.seated : null,
      sheet: name,
    });
    const ws = wb.addWorksheet(name);
    ws.columns = [
      { header: 'Mục', key: 'item', width: 28 },
      { header: 'Ghế', key: 'seat', width: 6 },
      { header: 'Họ và tên', key: 'name', width: 30 },
      { header: 'Giá trị', key: 'value', width: 40 },
      { header: 'Số lượng', key: 'count', width: 10 },
      { header: 'Tỷ lệ trên tổng số đại biểu', key: 'share', width: 14, style: { numFmt: '0.00%' } },
    ];
    ws.spliceRows(1, 0, [r.question], [`${r.session} · lần ${r.number} · ${MODE[r.mode]}`], []);
    ws.getRow(1).font = { bold: true, size: 13 };
    ws.getRow(4).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 4 }];
    const council = councilFor(r);
    if (!council) return;
    for (const x of exportRows(council, r)) {
      ws.addRow({
        item: x.item,
        seat: x.seat === '' ? null : x.seat,
        name: x.name,
        value: x.value,
        count: x.count === '' ? null : x.count,
        share: x.share === '' ? null : x.share,
      });
    }
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
