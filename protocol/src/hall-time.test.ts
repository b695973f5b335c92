import { describe, expect, it } from 'vitest';
import { formatHallClock, formatHallDateTime, formatHallWeekdayDate, hallDay, hallLocalToIso } from './hall-time';

describe('the council clock', () => {
  it('dates an instant on the council’s calendar, not in UTC', () => {
    expect(hallDay('2026-12-01T18:30:00.000Z', 'Asia/Ho_Chi_Minh')).toBe('2026-12-02');
    expect(hallDay('2026-12-01T16:59:00.000Z', 'Asia/Ho_Chi_Minh')).toBe('2026-12-01');
    expect(hallDay('2026-12-01T18:30:00.000Z', 'UTC')).toBe('2026-12-01');
  });

  it('reads a typed wall-clock time on the council’s clock, whatever the PC’s zone', () => {
    expect(hallLocalToIso('2026-12-01T14:06', 'Asia/Ho_Chi_Minh')).toBe('2026-12-01T07:06:00.000Z');
    expect(formatHallDateTime(hallLocalToIso('2026-12-01T14:06', 'Asia/Ho_Chi_Minh')!, 'Asia/Ho_Chi_Minh')).toBe('14:06 01/12/2026');
    // Across a daylight-saving change (Europe/Paris, 29 March 2026 at 02:00 → 03:00).
    expect(hallLocalToIso('2026-03-29T12:00', 'Europe/Paris')).toBe('2026-03-29T10:00:00.000Z');
    expect(hallLocalToIso('2026-03-28T12:00', 'Europe/Paris')).toBe('2026-03-28T11:00:00.000Z');
    expect(hallLocalToIso('01/12/2026 14:06', 'Asia/Ho_Chi_Minh')).toBeNull();
  });

  it('writes times and days one way on every screen, in the council’s zone', () => {
    // 07:06 UTC is 14:06 in Việt Nam; 17:00 UTC the next day's midnight.
    expect(formatHallClock('2026-12-01T07:06:09.000Z', 'Asia/Ho_Chi_Minh')).toBe('14:06');
    expect(formatHallClock('2026-12-01T07:06:09.000Z', 'Asia/Ho_Chi_Minh', { seconds: true })).toBe('14:06:09');
    expect(formatHallClock(Date.parse('2026-07-04T17:00:00.000Z'), 'Asia/Ho_Chi_Minh')).toBe('00:00');
    expect(formatHallWeekdayDate('2026-11-27T03:00:00.000Z', 'Asia/Ho_Chi_Minh', 'vi')).toBe('Thứ Sáu, 27/11/2026');
    expect(formatHallWeekdayDate('2026-11-27T03:00:00.000Z', 'Asia/Ho_Chi_Minh', 'en')).toBe('Friday, 27/11/2026');
    // Saturday 28 November in the hall while it is still Friday in UTC.
    expect(formatHallWeekdayDate('2026-11-27T18:00:00.000Z', 'Asia/Ho_Chi_Minh', 'vi')).toBe('Thứ Bảy, 28/11/2026');
    expect(formatHallWeekdayDate('2026-11-29T03:00:00.000Z', 'Asia/Ho_Chi_Minh', 'vi')).toBe('Chủ nhật, 29/11/2026');
    expect(formatHallDateTime(new Date('2026-12-01T07:06:00.000Z'), 'UTC')).toBe('07:06 01/12/2026');
  });
});
