import { describe, expect, it } from 'vitest';
import { autoSeatRows, seatsPerRow } from './seat-map';

describe('autoSeatRows', () => {
  it('lays out every seat once, in order, in rows split by an aisle', () => {
    for (const n of [1, 5, 31, 95, 500]) {
      const seats = Array.from({ length: n }, (_, i) => n - i);
      const rows = autoSeatRows(seats);
      expect(rows.flatMap((r) => [...r.left, ...r.right])).toEqual(Array.from({ length: n }, (_, i) => i + 1));
      for (const r of rows) expect(r.left.length + r.right.length).toBeLessThanOrEqual(seatsPerRow(n));
    }
  });
  it('keeps a 95-seat province hall to 7 rows of 14', () => {
    expect(seatsPerRow(95)).toBe(14);
    expect(autoSeatRows(Array.from({ length: 95 }, (_, i) => i + 1))).toHaveLength(7);
  });
});
