import type { StateCreator } from 'zustand';
import type { ChairSnapshot, PublishStatusPayload } from '@hddt/protocol';
import type { Store } from './index';

export interface SecurityAlert {
  type: 'device-takeover' | 'token-refused';
  delegateId: string | null;
  at: string;
  /** Refusals from one source within a few seconds, reported as one alert. */
  count?: number;
}

export interface LiveSlice {
  /** Mirror of the server's chair view; written only by socket listeners. */
  snapshot: ChairSnapshot | null;
  /** serverTime − local clock, in ms, so countdowns follow the server's clock. */
  clockOffsetMs: number;
  alerts: SecurityAlert[];
  /** Publishing to the portal service; null when the hall does not publish to one. */
  publish: PublishStatusPayload | null;
}

export const createLiveSlice: StateCreator<Store, [], [], LiveSlice> = () => ({
  snapshot: null,
  clockOffsetMs: 0,
  alerts: [],
  publish: null,
});
