import { dayIn } from '../engine';
import type { CouncilState, RoundState } from '../domain/types';

/** The session day (YYYY-MM-DD in the council's time zone) a round was opened on. */
export function roundDay(state: CouncilState, round: RoundState): string {
  return dayIn(state.council?.timeZone ?? 'Asia/Ho_Chi_Minh', Date.parse(round.openedAt));
}
