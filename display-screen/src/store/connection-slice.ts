import type { StateCreator } from 'zustand';

/**
 * unpaired: no token, or the server refused/revoked it. outdated: the server speaks another protocol version.
 * connecting: first contact, nothing to show yet. online: live. offline: lost the server; last state frozen.
 */
export type ConnectionStatus = 'unpaired' | 'outdated' | 'connecting' | 'online' | 'offline';

export interface ConnectionSlice {
  connection: ConnectionStatus;
  /** Why we are unpaired: never paired on this machine, or the pairing was revoked. */
  unpairedReason: 'none' | 'invalid' | 'revoked';
  /** Local time (ms) of the last message from the server: the "as of" time of a frozen screen. */
  lastMessageAt: number | null;
  /** serverTime − local clock, so countdowns follow the server's clock, not the display PC's. */
  clockOffsetMs: number;
}

export const createConnectionSlice: StateCreator<ConnectionSlice, [], [], ConnectionSlice> = () => ({
  connection: 'connecting',
  unpairedReason: 'none',
  lastMessageAt: null,
  clockOffsetMs: 0,
});
