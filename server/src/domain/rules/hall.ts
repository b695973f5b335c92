// The hall's seat map (Sơ đồ hội trường): laid out once by the secretariat, kept with the council's
// configuration. A layout must hold every seated delegate's seat exactly once and no other seat (the rule is
// protocol's layoutProblems, which the console's editor checks as it edits); a roster changed later is drawn by
// reconcileLayout, so a stored layout never hides a delegate.

import { layoutProblems } from '@hddt/protocol';
import type { CouncilState } from '../types';
import type { Deciders, Evolvers } from './kit';
import { fail, ok } from './kit';

/** The seats of the delegates who hold one now. */
export function seatedSeats(state: CouncilState): number[] {
  return Object.values(state.delegates)
    .filter((d) => d.seated)
    .map((d) => d.seat);
}

export const hallDeciders: Deciders<'hall.lay-out'> = {
  'hall.lay-out': (state, command) => {
    if (!state.council) return fail('NOT_FOUND');
    if (layoutProblems(command.layout, seatedSeats(state)).length > 0) return fail('HALL_LAYOUT_INVALID');
    if (JSON.stringify(state.council.hallLayout ?? null) === JSON.stringify(command.layout)) return ok([]);
    return ok([{ type: 'hall.laid-out', layout: command.layout }]);
  },
};

export const hallEvolvers: Evolvers<'hall.laid-out'> = {
  'hall.laid-out': (_b, d, event) => {
    if (d.council) {
      d.council = {
        ...d.council,
        hallLayout: { rows: event.layout.rows.map((r) => ({ blocks: r.blocks.map((b) => [...b]) })) },
      };
    }
  },
};
