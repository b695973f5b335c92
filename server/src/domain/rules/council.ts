// The council's own configuration: created once, then changed by patches.

import type { Deciders, Evolvers } from './kit';
import { fail, ok } from './kit';

type CouncilCommand = 'council.initialize' | 'council.configure';
type CouncilEvent = 'council.initialized' | 'council.configured';

export const councilDeciders: Deciders<CouncilCommand> = {
  'council.initialize': (state, command) => {
    if (state.council) return fail('CONFLICT');
    return ok([{ type: 'council.initialized', council: command.council }]);
  },
  'council.configure': (state, command) => {
    if (!state.council) return fail('NOT_FOUND');
    return ok([{ type: 'council.configured', patch: command.patch }]);
  },
};

export const councilEvolvers: Evolvers<CouncilEvent> = {
  'council.initialized': (_b, d, event) => {
    d.council = { ...event.council };
  },
  'council.configured': (_b, d, event) => {
    if (d.council) d.council = { ...d.council, ...event.patch };
  },
};
