import type { StateCreator } from 'zustand';
import type { DelegateMe, LiveSnapshot } from '@hddt/protocol';
import type { DelegateStore } from './index';

/** The server's state as this delegate may see it: replaced by snapshots, advanced by patches. */
export interface ServerSlice {
  snapshot: LiveSnapshot | null;
  me: DelegateMe | null;
  /** Server clock minus this device's clock (ms), for countdowns that agree with the hall display. */
  clockOffsetMs: number;
}

export const createServerSlice: StateCreator<DelegateStore, [], [], ServerSlice> = () => ({
  snapshot: null,
  me: null,
  clockOffsetMs: 0,
});
