// The console's one store: connection, server mirror, local UI. Components read through selectors.
import { create } from 'zustand';
import { createConnectionSlice } from './connection-slice';
import type { ConnectionSlice } from './connection-slice';
import { createLiveSlice } from './live-slice';
import type { LiveSlice } from './live-slice';
import { createUiSlice } from './ui-slice';
import type { UiSlice } from './ui-slice';

export type Store = ConnectionSlice & LiveSlice & UiSlice;

export const useStore = create<Store>()((...a) => ({
  ...createConnectionSlice(...a),
  ...createLiveSlice(...a),
  ...createUiSlice(...a),
}));

export * from './selectors';
