// The hall's seat map (Sơ đồ hội trường) as rows of seat numbers. Until the secretariat draws its own layout,
// one is made from the roster: seats in number order, rows about twice as wide as the hall is deep, with an
// aisle splitting each row into two blocks. Shared by the chair console and the hall display so both draw the
// same hall.

export interface SeatRow {
  /** Seat numbers left of the aisle, then right of it. */
  left: number[];
  right: number[];
}

/** Seats per row for a hall of `count` seats: 6 for a small commune council, up to 16 for a province. */
export function seatsPerRow(count: number): number {
  return Math.min(16, Math.max(6, Math.ceil(Math.sqrt(count * 2))));
}

export function autoSeatRows(seats: readonly number[]): SeatRow[] {
  const sorted = [...seats].sort((a, b) => a - b);
  const width = seatsPerRow(sorted.length);
  const rows: SeatRow[] = [];
  for (let i = 0; i < sorted.length; i += width) {
    const row = sorted.slice(i, i + width);
    const half = Math.ceil(width / 2);
    rows.push({ left: row.slice(0, half), right: row.slice(half) });
  }
  return rows;
}
