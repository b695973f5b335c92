// Whether a ballot, once the server has confirmed it, may be replaced while the round is open. One rule, used by
// the server when it opens a round (decide.ts stores the answer on the round) and by the tablet when it decides
// whether to offer the buttons again, so the two can never disagree.

import type { BallotMode } from './model';

export interface BallotChangeRule {
  /** The motion's ballot mode. A secret ballot stores no link to its voter, so it can never be replaced. */
  mode: BallotMode;
  /** The council's configuration (`CouncilConfig.allowVoteChange`): some councils allow one press only. */
  councilAllowsChange: boolean;
}

/** May a confirmed ballot be changed while the round is still open? */
export function ballotChangeAllowed(rule: BallotChangeRule): boolean {
  switch (rule.mode) {
    case 'secret':
      return false;
    case 'named':
    case 'anonymous':
      return rule.councilAllowsChange;
    default: {
      const never: never = rule.mode;
      return never;
    }
  }
}
