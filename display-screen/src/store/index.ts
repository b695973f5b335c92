// The display's one store, built from slices: connection, server mirror, local UI.
import { createStore, useStore } from 'zustand';
import type { StoreApi } from 'zustand';
import { createConnectionSlice } from './connection-slice';
import type { ConnectionSlice } from './connection-slice';
import { createLiveSlice } from './live-slice';
import type { LiveSlice } from './live-slice';
import { createUiSlice } from './ui-slice';
import type { UiSlice } from './ui-slice';

export type DisplayState = ConnectionSlice & LiveSlice & UiSlice;
export type DisplayStore = StoreApi<DisplayState>;

export function createDisplayStore(initial: Partial<DisplayState> = {}): DisplayStore {
  return createStore<DisplayState>()((...a) => ({
    ...createConnectionSlice(...a),
    ...createLiveSlice(...a),
    ...createUiSlice(...a),
    ...initial,
  }));
}

/** The app's store. Tests build their own with createDisplayStore and pass it to <Stage store=…>. */
export const displayStore = createDisplayStore();

export function useDisplay<T>(store: DisplayStore, selector: (s: DisplayState) => T): T {
  return useStore(store, selector);
}
