import type { StateCreator } from 'zustand';
import type { HallView, LiveSnapshot, NamedBoardEntry } from '@hddt/protocol';

/** Mirror of what the server told this display. Written only by socket listeners (live-sync.ts). */
export interface LiveSlice {
  snapshot: LiveSnapshot | null;
  /** Named-ballot boards fetched with round:board, by round id. */
  boards: Record<string, NamedBoardEntry[]>;
  /** The seat map with today's attendance (hall:map), for the attendance and speaker slides; null until fetched. */
  hall: HallView | null;
}

export const createLiveSlice: StateCreator<LiveSlice, [], [], LiveSlice> = () => ({
  snapshot: null,
  boards: {},
  hall: null,
});
