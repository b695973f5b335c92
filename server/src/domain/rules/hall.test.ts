import { autoLayout, reconcileLayout, swapSeats, type HallLayout } from '@hddt/protocol';
import { describe, expect, it } from 'vitest';
import { emptyState, evolve } from '../evolve';
import { demoHall, Hall } from '../test-support';

const L = (...rows: number[][][]): HallLayout => ({ rows: rows.map((blocks) => ({ blocks })) });

describe('hall.lay-out', () => {
  it('needs a council', () => {
    expect(new Hall().codeOf({ type: 'hall.lay-out', layout: L([[1]]) })).toBe('NOT_FOUND');
  });

  it('stores a layout holding every seated delegate once, in the council configuration', () => {
    const hall = demoHall({ delegates: 5, open: false });
    const layout = L([[5, 4], [3]], [[2, 1]]);
    expect(hall.eventsOf({ type: 'hall.lay-out', layout })).toEqual([{ type: 'hall.laid-out', layout }]);
    hall.do({ type: 'hall.lay-out', layout });
    expect(hall.state.council?.hallLayout).toEqual(layout);
    // The same layout again changes nothing.
    expect(hall.eventsOf({ type: 'hall.lay-out', layout: L([[5, 4], [3]], [[2, 1]]) })).toEqual([]);
  });

  it('refuses a layout that misses a seat, places one twice or names a seat nobody holds; the stored one stays', () => {
    const hall = demoHall({ delegates: 4, open: false });
    const good = autoLayout([1, 2, 3, 4]);
    hall.do({ type: 'hall.lay-out', layout: good });
    for (const bad of [L([[1, 2, 3]]), L([[1, 2, 3, 4, 4]]), L([[1, 2, 3, 4, 9]]), L([[1], [2], [3], [4], []])]) {
      expect(hall.codeOf({ type: 'hall.lay-out', layout: bad })).toBe('HALL_LAYOUT_INVALID');
    }
    expect(hall.state.council?.hallLayout).toEqual(good);
  });

  it('counts only seated delegates: a vacated seat leaves the layout', () => {
    const hall = demoHall({ delegates: 4, open: false });
    hall.do({ type: 'delegate.vacate', delegateId: hall.delegate(4), reason: 'Chuyển công tác' });
    expect(hall.codeOf({ type: 'hall.lay-out', layout: L([[1, 2, 3, 4]]) })).toBe('HALL_LAYOUT_INVALID');
    expect(hall.codeOf({ type: 'hall.lay-out', layout: L([[1, 2, 3]]) })).toBeNull();
  });

  it('a roster changed after the layout is drawn with every delegate, the layout kept where it still fits', () => {
    const hall = demoHall({ delegates: 4, open: false });
    const layout = swapSeats(autoLayout([1, 2, 3, 4]), 1, 4);
    hall.do({ type: 'hall.lay-out', layout });
    hall.do({ type: 'delegate.add', input: { seat: 7, fullName: 'Đại biểu Mới', title: '', group: '' } });
    const seats = Object.values(hall.state.delegates)
      .filter((d) => d.seated)
      .map((d) => d.seat);
    expect(reconcileLayout(hall.state.council?.hallLayout, seats)).toEqual({ rows: [...layout.rows, { blocks: [[7], []] }] });
  });

  it('replays from the log to the same layout, and the event keeps its own copy', () => {
    const hall = demoHall({ delegates: 3, open: false });
    const layout = L([[3], [2, 1]]);
    hall.do({ type: 'hall.lay-out', layout });
    let state = emptyState();
    for (const { event, at } of hall.log) state = evolve(state, event, at);
    expect(state.council?.hallLayout).toEqual(layout);
    const logged = hall.log.at(-1)!.event;
    expect(logged.type === 'hall.laid-out' && logged.layout !== hall.state.council?.hallLayout).toBe(true);
  });
});
