import { describe, expect, it } from 'vitest';
import { hallDay, hallLocalToIso } from './hall-time';
import { formatHallDateTime } from './vocabulary';

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
});
