// The one CSV writer of the server (results, roster): csv-stringify, UTF-8 with a BOM so Excel reads the
// diacritics, CRLF line ends. A cell that a spreadsheet would run as a formula — one starting with "=", "+",
// "-", "@", a tab or a carriage return (and their full-width forms) — is neutralised with a leading apostrophe
// (OWASP "CSV injection"): a delegate named "=HYPERLINK(…)" stays text. Numbers stay numbers, negative too.

import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number;

export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return '\uFEFF' + stringify(rows as CsvCell[][], { escape_formulas: true, record_delimiter: '\r\n', eof: true, quoted_match: /[\r\n]/ });
}

/** Reverses the neutralisation on import: "'=x" read back from an export is the text "=x". */
export function unneutralise(value: string): string {
  return /^'[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(value) ? value.slice(1) : value;
}
