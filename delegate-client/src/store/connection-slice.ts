import type { StateCreator } from 'zustand';
import type { ConnectionState } from '@hddt/ui';
import type { DelegateStore } from './index';

/** Where sign-in stands. Only 'ok' shows the app; the others are full pages that say what to do. */
export type AuthStatus = 'no-token' | 'signed-out' | 'signing-in' | 'ok' | 'refused' | 'in-use' | 'replaced' | 'mismatch';

export interface ConnectionSlice {
  auth: AuthStatus;
  connection: ConnectionState;
  /** Date.now() when the connection dropped, for the "> 2 s" banner rule. */
  offlineSince: number | null;
  /** Increments on every successful (re)connect: effects that must resynchronise watch it. */
  connectEpoch: number;
}

export const createConnectionSlice: StateCreator<DelegateStore, [], [], ConnectionSlice> = () => ({
  auth: 'signing-in',
  connection: 'connecting',
  offlineSince: null,
  connectEpoch: 0,
});
