// What the hall display shows: the chair's choice of slide (the vote and result slides follow the rounds by
// themselves, see votes.ts).

import type { DisplayBoard, DisplayState } from '@hddt/protocol';
import type { Deciders, Evolvers } from './kit';
import { fail, ok } from './kit';
import { activeSession } from '../queries';

export const displayDeciders: Deciders<'display.show'> = {
  'display.show': (state, command) => {
    const s = activeSession(state);
    let roundId = command.roundId;
    if (command.mode === 'vote' || command.mode === 'result') {
      if (roundId === null && s) {
        const rounds = Object.values(state.rounds)
          .filter((r) => r.sessionId === s.id && r.status !== 'cancelled')
          .sort((a, b) => (a.openedAt < b.openedAt ? 1 : -1));
        roundId = rounds[0]?.id ?? null;
      }
      if (roundId === null) return fail('DISPLAY_ROUND_REQUIRED');
      const round = state.rounds[roundId];
      if (!round) return fail('ROUND_NOT_FOUND');
      if (command.mode === 'result' && round.status !== 'closed' && round.status !== 'announced') {
        return fail('ROUND_NOT_CLOSED');
      }
    } else {
      roundId = null;
    }
    // The board (name list or seat map) is a standing choice: showing another slide keeps it for the next result.
    const board = command.board ?? state.display.board ?? 'names';
    if (state.display.mode === command.mode && state.display.roundId === roundId && (state.display.board ?? 'names') === board) return ok([]);
    return ok([{ type: 'display.changed', sessionId: s?.id ?? null, display: { mode: command.mode, roundId, ...withBoard(board) } }]);
  },
};

/** The board field as stored: left out for the name list, so events and snapshots from before it read the same. */
export function withBoard(board: DisplayBoard | undefined): Pick<DisplayState, 'board'> {
  return board === 'seats' ? { board } : {};
}

export const displayEvolvers: Evolvers<'display.changed'> = {
  'display.changed': (_b, d, event) => {
    d.display = { ...event.display };
  },
};
