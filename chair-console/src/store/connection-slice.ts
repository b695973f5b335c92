import type { StateCreator } from 'zustand';
import type { StaffIdentity } from '@hddt/protocol';
import type { ConnectionState } from '@hddt/ui';
import type { Store } from './index';

export interface ConnectionSlice {
  connection: ConnectionState;
  identity: StaffIdentity | null;
  /** false until /api/auth/me answered after a reload. */
  authChecked: boolean;
  connectError: { message: string; messageEn: string } | null;
  setIdentity: (identity: StaffIdentity | null) => void;
}

export const createConnectionSlice: StateCreator<Store, [], [], ConnectionSlice> = (set) => ({
  connection: 'connecting',
  identity: null,
  authChecked: false,
  connectError: null,
  setIdentity: (identity) => set({ identity, authChecked: true }),
});
