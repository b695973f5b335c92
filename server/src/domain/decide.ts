// decide(state, command, ctx): the rules of a council session. Returns the events that record the change,
// or the code of the rule that refuses it. No I/O, no clock: time and ids come in through ctx.
//
// The rules live in rules/<aggregate>.ts, one decider per command; this file only dispatches. The map's type
// names every command, so a command without a decider does not compile.

import { agendaDeciders } from './rules/agenda';
import { councilDeciders } from './rules/council';
import { displayDeciders } from './rules/display';
import { hallDeciders } from './rules/hall';
import type { DecideCtx, Decider, Deciders } from './rules/kit';
import { assertDisjoint } from './rules/kit';
import { rosterDeciders } from './rules/roster';
import { sessionDeciders } from './rules/session';
import { questionDeciders } from './rules/questions';
import { speakerDeciders } from './rules/speakers';
import { voteDeciders } from './rules/votes';
import type { Command, CommandType, CouncilState, DecideResult } from './types';

export type { Clock, DecideCtx } from './rules/kit';

const modules = [
  councilDeciders,
  rosterDeciders,
  sessionDeciders,
  agendaDeciders,
  voteDeciders,
  speakerDeciders,
  questionDeciders,
  displayDeciders,
  hallDeciders,
];
assertDisjoint(...modules);

const deciders: Deciders<CommandType> = {
  ...councilDeciders,
  ...rosterDeciders,
  ...sessionDeciders,
  ...agendaDeciders,
  ...voteDeciders,
  ...speakerDeciders,
  ...questionDeciders,
  ...displayDeciders,
  ...hallDeciders,
};

export function decide(state: CouncilState, command: Command, ctx: DecideCtx): DecideResult {
  // The map is keyed by command type, so the decider found is the one for this command's own type.
  const decider = deciders[command.type] as Decider<CommandType> as (s: CouncilState, c: Command, x: DecideCtx) => DecideResult;
  return decider(state, command, ctx);
}
