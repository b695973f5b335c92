import { describe, expect, it } from 'vitest';
import {
  HALL_LIMITS,
  autoLayout,
  layoutProblems,
  moveSeat,
  placeOf,
  placeSeat,
  reconcileLayout,
  seatsOf,
  seatsPerRow,
  setAisles,
  swapSeats,
  type HallLayout,
} from './seat-map';

const range = (n: number, from = 1) => Array.from({ length: n }, (_, i) => i + from);
const L = (...rows: number[][][]): HallLayout => ({ rows: rows.map((blocks) => ({ blocks })) });

describe('autoLayout', () => {
  it('lays out every seat once, in order, in rows split by an aisle', () => {
    for (const n of [1, 5, 31, 95, 500]) {
      const layout = autoLayout(range(n).reverse());
      expect(seatsOf(layout)).toEqual(range(n));
      for (const r of layout.rows) {
        expect(r.blocks).toHaveLength(2);
        expect(r.blocks.flat().length).toBeLessThanOrEqual(seatsPerRow(n));
      }
      expect(layoutProblems(layout, range(n)).filter((p) => p.path !== 'rows')).toEqual([]);
    }
  });
  it('keeps a 95-seat province hall to 7 rows of 14, 7 each side of the aisle', () => {
    expect(seatsPerRow(95)).toBe(14);
    const layout = autoLayout(range(95));
    expect(layout.rows).toHaveLength(7);
    expect(layout.rows[0]!.blocks).toEqual([range(7), range(7, 8)]);
  });
  it('an empty roster has an empty hall', () => {
    expect(autoLayout([])).toEqual({ rows: [] });
  });
});

describe('layoutProblems', () => {
  it('names a seat missing, one nobody holds and one placed twice, in both languages', () => {
    const problems = layoutProblems(L([[1, 2], [9]], [[2]]), [1, 2, 3]);
    expect(problems.map((p) => p.path)).toEqual(['seats.9', 'seats.2', 'seats.3']);
    expect(problems.map((p) => p.message)).toEqual(['Ghế 9 không có đại biểu nào.', 'Ghế 2 được xếp hai lần.', 'Ghế 3 chưa được xếp vào sơ đồ.']);
    expect(problems[2]!.messageEn).toBe('Seat 3 is not on the map.');
  });
  it('refuses too many rows, blocks or seats in a row', () => {
    expect(layoutProblems({ rows: range(HALL_LIMITS.rows + 1).map((s) => ({ blocks: [[s]] })) }, range(HALL_LIMITS.rows + 1))[0]!.path).toBe('rows');
    expect(layoutProblems(L([[1], [2], [3], [4], [5]]), range(5))[0]!.message).toBe('Hàng 1: mỗi hàng có từ 1 đến 4 dãy ghế.');
    expect(layoutProblems(L([]), [])[0]!.path).toBe('rows.0.blocks');
    expect(layoutProblems(L([range(31)]), range(31))[0]!.message).toBe('Hàng 1 có 31 ghế, tối đa 30.');
  });
  it('accepts a good layout', () => {
    expect(layoutProblems(L([[3, 1], []], [[2]]), [1, 2, 3])).toEqual([]);
  });
});

describe('reconcileLayout', () => {
  it('makes the automatic layout when none is stored', () => {
    expect(reconcileLayout(null, [2, 1])).toEqual(autoLayout([1, 2]));
  });
  it('leaves out seats no longer held and puts new ones in rows at the back', () => {
    const stored = L([[1, 2], [3]], [[4]]);
    expect(reconcileLayout(stored, [1, 3, 5, 6])).toEqual(L([[1], [3]], [[5, 6], []]));
    expect(reconcileLayout(stored, [4])).toEqual(L([[4]]));
  });
});

describe('moves', () => {
  const hall = L(
    [
      [1, 2],
      [3, 4],
    ],
    [[5, 6], [7]],
  );
  it('swaps two seats', () => {
    expect(swapSeats(hall, 1, 7)).toEqual(
      L(
        [
          [7, 2],
          [3, 4],
        ],
        [[5, 6], [1]],
      ),
    );
    expect(swapSeats(hall, 1, 99)).toBe(hall);
  });
  it('places a seat anywhere, counting the index before it is taken out', () => {
    expect(placeSeat(hall, 1, { row: 0, block: 0, index: 2 })).toEqual(
      L(
        [
          [2, 1],
          [3, 4],
        ],
        [[5, 6], [7]],
      ),
    );
    expect(placeSeat(hall, 1, { row: 1, block: 1, index: 9 })).toEqual(
      L(
        [[2], [3, 4]],
        [
          [5, 6],
          [7, 1],
        ],
      ),
    );
    expect(placeSeat(hall, 7, { row: 2, block: 0, index: 0 })).toEqual(
      L(
        [
          [1, 2],
          [3, 4],
        ],
        [[5, 6], []],
        [[7]],
      ),
    );
    expect(placeSeat(hall, 7, { row: 5, block: 0, index: 0 })).toBe(hall);
  });
  it('drops a row left empty', () => {
    const two = L([[1]], [[2]]);
    expect(placeSeat(two, 1, { row: 1, block: 0, index: 0 })).toEqual(L([[1, 2]]));
  });
  it('refuses to fill a row past its limit', () => {
    const full = L([range(HALL_LIMITS.seatsPerRow)], [[99]]);
    expect(placeSeat(full, 99, { row: 0, block: 0, index: 0 })).toBe(full);
  });
  it('moves by arrow keys: across neighbours, across the aisle, between rows', () => {
    expect(moveSeat(hall, 1, 'right')).toEqual(
      L(
        [
          [2, 1],
          [3, 4],
        ],
        [[5, 6], [7]],
      ),
    );
    expect(moveSeat(hall, 2, 'right')).toEqual(L([[1], [2, 3, 4]], [[5, 6], [7]]));
    expect(moveSeat(hall, 3, 'left')).toEqual(L([[1, 2, 3], [4]], [[5, 6], [7]]));
    expect(moveSeat(hall, 1, 'left')).toBe(hall);
    expect(moveSeat(hall, 4, 'right')).toBe(hall);
    expect(moveSeat(hall, 1, 'up')).toBe(hall);
    expect(moveSeat(hall, 2, 'down')).toEqual(L([[1], [3, 4]], [[5, 2, 6], [7]]));
    expect(moveSeat(hall, 7, 'up')).toEqual(
      L(
        [
          [1, 2],
          [7, 3, 4],
        ],
        [[5, 6], []],
      ),
    );
    expect(moveSeat(hall, 6, 'down')).toEqual(
      L(
        [
          [1, 2],
          [3, 4],
        ],
        [[5], [7]],
        [[6]],
      ),
    );
    expect(moveSeat(L([[1]]), 1, 'down')).toEqual(L([[1]]));
  });
  it('every move keeps every seat exactly once', () => {
    const start = autoLayout(range(31));
    let layout = start;
    const moves = ['left', 'right', 'up', 'down'] as const;
    for (let i = 0; i < 500; i++) layout = moveSeat(layout, ((i * 7) % 31) + 1, moves[i % 4]!);
    expect(layoutProblems(layout, range(31))).toEqual([]);
    expect(placeOf(layout, 31)).not.toBeNull();
  });
  it('splits a row into blocks and merges them', () => {
    expect(setAisles(hall, 0, 1)).toEqual(L([[1, 2, 3, 4]], [[5, 6], [7]]));
    expect(setAisles(hall, 0, 3)).toEqual(L([[1, 2], [3, 4], []], [[5, 6], [7]]));
    expect(setAisles(hall, 0, 5)).toBe(hall);
  });
});
