// Clock and date formatting for the hall. The council's time zone, not the display PC's, is the clock of
// record. Countdowns and the server's clock: @hddt/ui/live.
import { formatDocumentDateVi } from '@hddt/protocol';
import type { Lang } from './i18n';

function parts(ms: number, timeZone: string, options: Intl.DateTimeFormatOptions, locale: string): Record<string, string> {
  let fmt: Intl.DateTimeFormat;
  try {
    fmt = new Intl.DateTimeFormat(locale, { ...options, timeZone });
  } catch {
    fmt = new Intl.DateTimeFormat(locale, options);
  }
  const out: Record<string, string> = {};
  for (const p of fmt.formatToParts(ms)) out[p.type] = p.value;
  return out;
}

/** "14:05" in the council's time zone. */
export function formatClock(ms: number, timeZone: string): string {
  const p = parts(ms, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }, 'en-GB');
  return `${p.hour}:${p.minute}`;
}

/** "14:05:09" in the council's time zone. */
export function formatClockSeconds(ms: number, timeZone: string): string {
  const p = parts(ms, timeZone, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }, 'en-GB');
  return `${p.hour}:${p.minute}:${p.second}`;
}

const WEEKDAYS_VI = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

/** "Thứ Sáu, ngày 27 tháng 11 năm 2026" / "Friday, 27 November 2026" in the council's time zone. */
export function formatLongDate(ms: number, timeZone: string, lang: Lang): string {
  const p = parts(ms, timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }, 'en-GB');
  const iso = `${p.year}-${p.month}-${p.day}`;
  if (lang === 'vi') {
    const weekday = new Date(`${iso}T12:00:00Z`).getUTCDay();
    return `${WEEKDAYS_VI[weekday]}, ${formatDocumentDateVi(iso)}`;
  }
  return new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** "05/12/2026" or "5 Dec 2026" from YYYY-MM-DD. */
export function formatShortDate(isoDate: string, lang: Lang): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  if (lang === 'vi') return `${d}/${m}/${y}`;
  return new Date(`${isoDate.slice(0, 10)}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}
