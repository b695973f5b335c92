// Dates, times and countdowns in the delegate's language. Numbers and percentages come from @hddt/protocol
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
    return new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false, timeZone }).format(date);
  } catch {
    return date.toISOString().slice(11, 19);
  }
}

/** m:ss (or h:mm:ss) for a countdown; never negative. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${String(m).padStart(2, '0')}:${ss}`;
}
