// What the hall display shows: the chair's choice of slide (the vote and result slides follow the rounds by
// themselves, see votes.ts).

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
    if (state.display.mode === command.mode && state.display.roundId === roundId) return ok([]);
    return ok([{ type: 'display.changed', sessionId: s?.id ?? null, display: { mode: command.mode, roundId } }]);
  },
};

export const displayEvolvers: Evolvers<'display.changed'> = {
  'display.changed': (_b, d, event) => {
    d.display = { ...event.display };
  },
};
