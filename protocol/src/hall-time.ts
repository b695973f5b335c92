// Moments on the council's clock, whatever the zone of the machine showing them: the one place the three apps
// format dates and times. A moment reads "14:06 01/12/2026" (24-hour clock, day first) in both languages; a
// calendar day "01/12/2026" (formatDateVi); the welcome slide's day "Thứ Ba, 01/12/2026" ("Tuesday, 01/12/2026").
// Also: the calendar day of an instant, and the instant of a wall-clock time typed into a form.

import { formatDateVi } from './format';

const partFormatters = new Map<string, Intl.DateTimeFormat>();

type WallPart = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second';

/** The wall clock of a moment in the zone, as two-digit texts (the year four). */
function wallParts(at: string | number | Date, timeZone: string): Record<WallPart, string> {
  let f = partFormatters.get(timeZone);
  if (!f) {
    const options: Intl.DateTimeFormatOptions = {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    };
    try {
      f = new Intl.DateTimeFormat('en-GB', { ...options, timeZone });
    } catch {
      // A zone this browser does not know (the server checks the name; an old browser may lack it): the
      // machine's own clock rather than no screen at all.
      f = new Intl.DateTimeFormat('en-GB', options);
    }
    partFormatters.set(timeZone, f);
  }
  const out: Record<WallPart, string> = { year: '', month: '', day: '', hour: '', minute: '', second: '' };
  for (const p of f.formatToParts(new Date(at))) if (p.type in out) out[p.type as WallPart] = p.value;
  return out;
}

function partsIn(ms: number, timeZone: string): Record<WallPart, number> {
  const p = wallParts(ms, timeZone);
  return { year: Number(p.year), month: Number(p.month), day: Number(p.day), hour: Number(p.hour), minute: Number(p.minute), second: Number(p.second) };
}

/**
 * A moment as the hall reads it, in the council's time zone: "14:06 01/12/2026" (24-hour clock, day first),
 * the same on every screen and in both languages.
 */
export function formatHallDateTime(at: string | number | Date, timeZone: string): string {
  const p = wallParts(at, timeZone);
  return `${p.hour}:${p.minute} ${p.day}/${p.month}/${p.year}`;
}

/** The time of day of a moment on the council's clock: "14:06", or "14:06:09" with seconds (vote receipts). */
export function formatHallClock(at: string | number | Date, timeZone: string, options: { seconds?: boolean } = {}): string {
  const p = wallParts(at, timeZone);
  return options.seconds ? `${p.hour}:${p.minute}:${p.second}` : `${p.hour}:${p.minute}`;
}

const WEEKDAYS: Record<'vi' | 'en', readonly string[]> = {
  vi: ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

/** The council's day of a moment with its weekday: "Thứ Sáu, 27/11/2026"; in English "Friday, 27/11/2026". */
export function formatHallWeekdayDate(at: string | number | Date, timeZone: string, lang: 'vi' | 'en'): string {
  const day = hallDay(at, timeZone);
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
  return `${WEEKDAYS[lang][weekday]!}, ${formatDateVi(day)}`;
}

/**
 * The council's calendar day of a moment, "YYYY-MM-DD". An ISO instant's first ten characters are its day in
 * UTC, which in Việt Nam is the day before until 07:00: a date printed for an instant must come from here.
 */
export function hallDay(iso: string | number | Date, timeZone: string): string {
  const p = wallParts(iso, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/**
 * The instant of a wall-clock time on the council's clock, from a form's "YYYY-MM-DDTHH:MM" (an
 * `<input type="datetime-local">`, which the browser would otherwise read in the zone of the PC it runs on).
 * null when the text is not such a time.
 */
export function hallLocalToIso(local: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local.trim());
  if (!m) return null;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  if (Number.isNaN(wall)) return null;
  let at = wall;
  // Twice: the zone's offset at the guess may differ from the offset at the answer (a daylight-saving change).
  for (let i = 0; i < 2; i++) {
    const p = partsIn(at, timeZone);
    const offset = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - at;
    at = wall - offset;
  }
  return new Date(at).toISOString();
}
