// The roster's CSV import: headers in Vietnamese or English, every row checked, errors with their line
// numbers.

import type { DelegateInput, ImportRowError } from '@hddt/protocol';
import { DelegateInputSchema } from '@hddt/protocol/schemas';
import { parse as parseCsv } from 'csv-parse/sync';
import { unneutralise } from '../../records/csv';

const CSV_HEADERS: Record<string, keyof DelegateInput> = {
  seat: 'seat',
  ghế: 'seat',
  'số ghế': 'seat',
  fullname: 'fullName',
  'full name': 'fullName',
  'họ và tên': 'fullName',
  'họ tên': 'fullName',
  title: 'title',
  'chức vụ': 'title',
  group: 'group',
  'tổ đại biểu': 'group',
  'đơn vị bầu cử': 'group',
};

const COLUMN_NAMES: Record<keyof DelegateInput, [string, string]> = {
  seat: ['Ghế', 'seat'],
  fullName: ['Họ và tên', 'fullName'],
  title: ['Chức vụ', 'title'],
  group: ['Tổ đại biểu', 'group'],
};

/** Parses a roster CSV. Either every row is valid, or the errors with their line numbers. */
export function parseRosterCsv(text: string): { ok: true; rows: DelegateInput[] } | { ok: false; errors: ImportRowError[] } {
  let records: string[][];
  try {
    records = parseCsv(text.replace(/^\uFEFF/, ''), { skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { ok: false, errors: [{ line, message: 'Tệp CSV sai định dạng.', messageEn: 'Malformed CSV.' }] };
  }
  if (records.length === 0) return { ok: false, errors: [{ line: 1, message: 'Tệp trống.', messageEn: 'The file is empty.' }] };
  const header = records[0]!.map((h) => CSV_HEADERS[h.normalize('NFC').trim().toLowerCase()]);
  if (!header.includes('seat') || !header.includes('fullName')) {
    return {
      ok: false,
      errors: [
        {
          line: 1,
          message: 'Dòng tiêu đề phải có cột "Ghế" (seat) và "Họ và tên" (fullName).',
          messageEn: 'The header row must have "seat" and "fullName" columns.',
        },
      ],
    };
  }
  const rows: DelegateInput[] = [];
  const errors: ImportRowError[] = [];
  const seats = new Map<number, number>();
  records.slice(1).forEach((record, index) => {
    const line = index + 2;
    const raw: Record<string, unknown> = {};
    header.forEach((key, i) => {
      if (key)
        raw[key] =
          key === 'seat' ? (record[i] === '' || record[i] === undefined ? undefined : Number(record[i])) : unneutralise((record[i] ?? '').normalize('NFC'));
    });
    const parsed = DelegateInputSchema.safeParse(raw);
    if (!parsed.success) {
      const column = String(parsed.error.issues[0]!.path[0] ?? '') as keyof DelegateInput;
      const [vi, en] = COLUMN_NAMES[column] ?? [column, column];
      errors.push({
        line,
        message: `Cột "${vi}" trống hoặc không hợp lệ.`,
        messageEn: `The "${en}" column is empty or not valid.`,
      });
      return;
    }
    const previous = seats.get(parsed.data.seat);
    if (previous !== undefined) {
      errors.push({
        line,
        message: `Số ghế ${parsed.data.seat} trùng với dòng ${previous}.`,
        messageEn: `Seat ${parsed.data.seat} repeats line ${previous}.`,
      });
      return;
    }
    seats.set(parsed.data.seat, line);
    rows.push(parsed.data);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}
