// The hall's seat map (Sơ đồ hội trường): rows of blocks of seat numbers, front row first, each row read from
// the chair's left to right, blocks split by aisles. The secretariat lays the hall out once (hall.lay-out);
// until it does, one is made from the roster. The rules here are shared by the server (which refuses a layout
// that loses or repeats a seat), the console's editor (moves by drag, by keyboard, by touch) and every map drawn
// from a layout (console, hall display), so all of them draw the same hall.

export interface HallRow {
  /** Seat numbers of each block, left to right; an aisle between two blocks. */
  blocks: number[][];
}

export interface HallLayout {
  rows: HallRow[];
}

/** Limits of a layout: wide enough for any Vietnamese council hall, small enough to draw on a tablet. */
export const HALL_LIMITS = { rows: 40, blocksPerRow: 4, seatsPerRow: 30 } as const;

/** Seats per row for a hall of `count` seats: 6 for a small commune council, up to 16 for a province. */
export function seatsPerRow(count: number): number {
  return Math.min(16, Math.max(6, Math.ceil(Math.sqrt(count * 2))));
}

/** The automatic layout: seats in number order, rows about twice as wide as the hall is deep, one aisle per row. */
export function autoLayout(seats: readonly number[]): HallLayout {
  const sorted = [...new Set(seats)].sort((a, b) => a - b);
  const width = seatsPerRow(sorted.length);
  const half = Math.ceil(width / 2);
  const rows: HallRow[] = [];
  for (let i = 0; i < sorted.length; i += width) {
    const row = sorted.slice(i, i + width);
    rows.push({ blocks: [row.slice(0, half), row.slice(half)] });
  }
  return { rows };
}

/** Every seat of a layout, front row first, left to right. */
export function seatsOf(layout: HallLayout): number[] {
  return layout.rows.flatMap((r) => r.blocks.flat());
}

export interface HallProblem {
  /** Where: "rows.2.blocks.1" or "seats.17". */
  path: string;
  message: string;
  messageEn: string;
}

/**
 * Why a layout cannot be the hall of a roster holding `seats`: a seat missing, one that no delegate holds, one
 * placed twice, a row too wide. Empty when the layout is good.
 */
export function layoutProblems(layout: HallLayout, seats: readonly number[]): HallProblem[] {
  const problems: HallProblem[] = [];
  if (layout.rows.length > HALL_LIMITS.rows) {
    problems.push({ path: 'rows', message: `Hội trường có tối đa ${HALL_LIMITS.rows} hàng ghế.`, messageEn: `A hall has at most ${HALL_LIMITS.rows} rows.` });
  }
  const held = new Set(seats);
  const placed = new Set<number>();
  layout.rows.forEach((row, r) => {
    if (row.blocks.length < 1 || row.blocks.length > HALL_LIMITS.blocksPerRow) {
      problems.push({
        path: `rows.${r}.blocks`,
        message: `Hàng ${r + 1}: mỗi hàng có từ 1 đến ${HALL_LIMITS.blocksPerRow} dãy ghế.`,
        messageEn: `Row ${r + 1}: each row has 1 to ${HALL_LIMITS.blocksPerRow} blocks.`,
      });
    }
    const width = row.blocks.reduce((n, b) => n + b.length, 0);
    if (width > HALL_LIMITS.seatsPerRow) {
      problems.push({
        path: `rows.${r}`,
        message: `Hàng ${r + 1} có ${width} ghế, tối đa ${HALL_LIMITS.seatsPerRow}.`,
        messageEn: `Row ${r + 1} has ${width} seats; at most ${HALL_LIMITS.seatsPerRow}.`,
      });
    }
    for (const seat of row.blocks.flat()) {
      if (placed.has(seat)) {
        problems.push({ path: `seats.${seat}`, message: `Ghế ${seat} được xếp hai lần.`, messageEn: `Seat ${seat} is placed twice.` });
      } else if (!held.has(seat)) {
        problems.push({ path: `seats.${seat}`, message: `Ghế ${seat} không có đại biểu nào.`, messageEn: `No delegate holds seat ${seat}.` });
      }
      placed.add(seat);
    }
  });
  for (const seat of [...held].sort((a, b) => a - b)) {
    if (!placed.has(seat)) {
      problems.push({ path: `seats.${seat}`, message: `Ghế ${seat} chưa được xếp vào sơ đồ.`, messageEn: `Seat ${seat} is not on the map.` });
    }
  }
  return problems;
}

/**
 * The layout to draw for a roster holding `seats` now: the stored one with seats no longer held left out and
 * seats added since placed in new rows at the back (so a delegate added after the hall was laid out is never
 * missing from the map); the automatic layout when none is stored.
 */
export function reconcileLayout(layout: HallLayout | null | undefined, seats: readonly number[]): HallLayout {
  if (!layout || layout.rows.length === 0) return autoLayout(seats);
  const held = new Set(seats);
  const seen = new Set<number>();
  const rows: HallRow[] = [];
  for (const row of layout.rows) {
    const blocks = row.blocks.map((b) =>
      b.filter((s) => {
        if (!held.has(s) || seen.has(s)) return false;
        seen.add(s);
        return true;
      }),
    );
    if (blocks.some((b) => b.length > 0)) rows.push({ blocks });
  }
  const missing = [...held].filter((s) => !seen.has(s));
  if (missing.length > 0) rows.push(...autoLayout(missing).rows);
  return { rows };
}

export interface SeatPlace {
  row: number;
  block: number;
  index: number;
}

export function placeOf(layout: HallLayout, seat: number): SeatPlace | null {
  for (let row = 0; row < layout.rows.length; row++) {
    const blocks = layout.rows[row]!.blocks;
    for (let block = 0; block < blocks.length; block++) {
      const index = blocks[block]!.indexOf(seat);
      if (index >= 0) return { row, block, index };
    }
  }
  return null;
}

const copy = (layout: HallLayout): HallLayout => ({ rows: layout.rows.map((r) => ({ blocks: r.blocks.map((b) => [...b]) })) });

/** Rows left with no seat at all are dropped (an emptied block keeps its place: the aisle stays where it is). */
const tidy = (layout: HallLayout): HallLayout => ({ rows: layout.rows.filter((r) => r.blocks.some((b) => b.length > 0)) });

/** Two seats change places (a drop of one seat onto another, or a tap on one then the other). */
export function swapSeats(layout: HallLayout, a: number, b: number): HallLayout {
  const pa = placeOf(layout, a);
  const pb = placeOf(layout, b);
  if (!pa || !pb || a === b) return layout;
  const next = copy(layout);
  next.rows[pa.row]!.blocks[pa.block]![pa.index] = b;
  next.rows[pb.row]!.blocks[pb.block]![pb.index] = a;
  return next;
}

/**
 * A seat put at a place: `index` counts in the target block before the seat is taken out; past the end puts it
 * last; `row` equal to the number of rows starts a new back row. A row already full refuses (the layout is
 * returned unchanged).
 */
export function placeSeat(layout: HallLayout, seat: number, to: SeatPlace): HallLayout {
  const from = placeOf(layout, seat);
  if (!from || to.row < 0 || to.row > layout.rows.length) return layout;
  const next = copy(layout);
  if (to.row === next.rows.length) next.rows.push({ blocks: [[]] });
  const target = next.rows[to.row]!;
  const width = target.blocks.reduce((n, b) => n + b.length, 0);
  if (to.row !== from.row && width >= HALL_LIMITS.seatsPerRow) return layout;
  const block = Math.max(0, Math.min(to.block, target.blocks.length - 1));
  let index = Math.max(0, to.index);
  next.rows[from.row]!.blocks[from.block]!.splice(from.index, 1);
  if (from.row === to.row && from.block === block && from.index < index) index -= 1;
  const seats = target.blocks[block]!;
  seats.splice(Math.min(index, seats.length), 0, seat);
  return tidy(next);
}

export type SeatMove = 'left' | 'right' | 'up' | 'down';

/**
 * One keyboard step (arrow keys in the editor): left and right change places with the neighbour, or cross the
 * aisle into the next block at the row's end; up and down move the seat to the row in front or behind, at
 * the same position (down from the back row starts a new row).
 */
export function moveSeat(layout: HallLayout, seat: number, move: SeatMove): HallLayout {
  const at = placeOf(layout, seat);
  if (!at) return layout;
  const blocks = layout.rows[at.row]!.blocks;
  const block = blocks[at.block]!;
  if (move === 'left' || move === 'right') {
    const step = move === 'left' ? -1 : 1;
    const neighbour = block[at.index + step];
    if (neighbour !== undefined) return swapSeats(layout, seat, neighbour);
    const nextBlock = at.block + step;
    if (nextBlock < 0 || nextBlock >= blocks.length) return layout;
    return placeSeat(layout, seat, { row: at.row, block: nextBlock, index: step > 0 ? 0 : blocks[nextBlock]!.length });
  }
  const row = at.row + (move === 'up' ? -1 : 1);
  if (row < 0) return layout;
  if (row >= layout.rows.length) {
    if (layout.rows[at.row]!.blocks.flat().length === 1) return layout;
    return placeSeat(layout, seat, { row: layout.rows.length, block: 0, index: 0 });
  }
  const targetBlocks = layout.rows[row]!.blocks;
  const targetBlock = Math.min(at.block, targetBlocks.length - 1);
  return placeSeat(layout, seat, { row, block: targetBlock, index: at.index });
}

/** A row split in one more block (a new aisle) before its last seat, or the last aisle closed (merge). */
export function setAisles(layout: HallLayout, row: number, blocks: number): HallLayout {
  const r = layout.rows[row];
  if (!r || blocks < 1 || blocks > HALL_LIMITS.blocksPerRow) return layout;
  const seats = r.blocks.flat();
  const size = Math.ceil(seats.length / blocks);
  const next = copy(layout);
  next.rows[row] = { blocks: Array.from({ length: blocks }, (_, i) => seats.slice(i * size, (i + 1) * size)) };
  return next;
}
