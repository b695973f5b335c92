// Dates and times in the delegate's language (countdowns: @hddt/ui/live). Numbers and percentages come from @hddt/protocol
// so every app formats them identically.
import { formatDateVi } from '@hddt/protocol';
import type { Lang } from './i18n';

export function formatDate(isoDate: string, lang: Lang): string {
  if (lang === 'vi') return formatDateVi(isoDate);
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** Wall-clock time (HH:mm:ss) of an ISO instant in the council's time zone. */
export function formatTime(iso: string, timeZone: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  try {
    return new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hour12: false,
      timeZone,
    }).format(date);
  } catch {
    return date.toISOString().slice(11, 19);
  }
}
