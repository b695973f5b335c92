// Moments on the council's clock, whatever the zone of the machine showing them: the calendar day of an instant,
// and the instant of a wall-clock time typed into a form. Shown as "14:06 01/12/2026" by formatHallDateTime.

const dayFormatters = new Map<string, Intl.DateTimeFormat>();
const partFormatters = new Map<string, Intl.DateTimeFormat>();

function partsIn(ms: number, timeZone: string): Record<string, number> {
  let f = partFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    partFormatters.set(timeZone, f);
  }
  return Object.fromEntries(
    f
      .formatToParts(ms)
      .filter((p) => p.type !== 'literal')
      .map((p) => [p.type, Number(p.value)]),
  );
}

/**
 * The council's calendar day of a moment, "YYYY-MM-DD". An ISO instant's first ten characters are its day in
 * UTC, which in Việt Nam is the day before until 07:00: a date printed for an instant must come from here.
 */
export function hallDay(iso: string | number | Date, timeZone: string): string {
  let f = dayFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
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
    const offset = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - at;
    at = wall - offset;
  }
  return new Date(at).toISOString();
}
