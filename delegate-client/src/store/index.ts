import { create } from 'zustand';
import { createConnectionSlice, type ConnectionSlice } from './connection-slice';
import { createServerSlice, type ServerSlice } from './server-slice';
import { createUiSlice, type UiSlice } from './ui-slice';

export type DelegateStore = ConnectionSlice & ServerSlice & UiSlice;

/** The one store of the app. Socket listeners write with setState; components read through selectors. */
export const useStore = create<DelegateStore>()((...a) => ({
  ...createConnectionSlice(...a),
  ...createServerSlice(...a),
  ...createUiSlice(...a),
}));

export type { AuthStatus } from './connection-slice';
export type { View } from './ui-slice';
