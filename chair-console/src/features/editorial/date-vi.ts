// Dates as the council writes them (dd/mm/yyyy) in the editor's document fields, kept as YYYY-MM-DD. The
// browser's own date picker follows the browser's locale (mm/dd/yyyy in an English browser), so a text field
// with the Vietnamese order is less surprising for the board.

import { formatDateVi } from '@hddt/protocol';

/** YYYY-MM-DD from "d/m/yyyy" (also with "." or "-"); null for an empty text; "invalid" for anything else. */
export function parseDateVi(text: string): string | null | 'invalid' {
  const s = text.trim();
  if (!s) return null;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (!m) return 'invalid';
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (y < 1945 || y > 2200 || date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return 'invalid';
  return `${String(y)}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** dd/mm/yyyy from YYYY-MM-DD (empty for null): the hall's one day format (protocol's formatDateVi). */
export function showDateVi(iso: string | null): string {
  return iso ? formatDateVi(iso) : '';
}
