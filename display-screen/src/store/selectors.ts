import type { DisplayMode, Motion, RoundView } from '@hddt/protocol';
import type { DisplayState } from './index';

export const selectSnapshot = (s: DisplayState) => s.snapshot;
export const selectConnection = (s: DisplayState) => s.connection;
export const selectLive = (s: DisplayState) => s.connection === 'online';

export function selectDisplayedRound(s: DisplayState): RoundView | null {
  const id = s.snapshot?.display.roundId;
  if (!id) return null;
  return s.snapshot?.rounds.find((r) => r.id === id) ?? null;
}

export function selectMotionOf(s: DisplayState, round: RoundView | null): Motion | null {
  if (!round) return null;
  return s.snapshot?.motions.find((m) => m.id === round.motionId) ?? null;
}

/**
 * The slide actually shown. 'result' for a round that is still open shows the vote in progress (there is no
 * result to show yet); 'vote' or 'result' for a round the snapshot does not know falls back to the welcome slide.
 */
export type SlideKind = DisplayMode | 'waiting';

export function selectSlide(s: DisplayState): SlideKind {
  const mode = s.snapshot?.display.mode ?? 'welcome';
  if (mode !== 'vote' && mode !== 'result') return mode;
  const round = selectDisplayedRound(s);
  if (!round) return 'waiting';
  if (mode === 'result' && round.status === 'open') return 'vote';
  return mode;
}
