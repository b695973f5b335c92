// Typed Socket.IO event maps, one per namespace. The server uses Server<XClientToServer, XServerToClient>,
// the clients Socket<XServerToClient, XClientToServer>. Every client→server event takes a payload (parsed by
// its zod schema) and an acknowledgement callback: both are derived from the one description per namespace in
// ./socket-events (imported as types only, so this entry point carries no zod).

import type { AckCallback, ErrorCode } from './errors';
import type { AckOf, CHAIR_EVENTS, DELEGATE_EVENTS, DISPLAY_EVENTS, EventSpecs, PayloadInputOf } from './socket-events';
import type { ChairSnapshot, DelegateMe, LiveSnapshot, PatchEnvelope } from './views';

/** A namespace's client→server map, from its description: (payload as the client writes it, ack callback). */
export type ClientToServer<M extends EventSpecs> = {
  [K in keyof M]: (payload: PayloadInputOf<M[K]>, ack: AckCallback<AckOf<M[K]>>) => void;
};

export const NAMESPACES = { chair: '/chair', delegate: '/delegate', display: '/display' } as const;
export type Role = keyof typeof NAMESPACES;

/** Events every live client receives. */
export interface CommonServerToClient {
  'state:snapshot': (snapshot: LiveSnapshot) => void;
  'state:patch': (envelope: PatchEnvelope) => void;
}

export interface ChairServerToClient {
  /** The whole chair snapshot: on connect, and again whenever the whole state must be resent. */
  'state:snapshot': (snapshot: ChairSnapshot) => void;
  /** One change, chained by seq/prevSeq onto the snapshot (staff patches also carry attendance records). */
  'state:patch': (envelope: PatchEnvelope) => void;
  /** Which delegates' tablets are connected now, whenever it changes. */
  'presence:update': (payload: { connectedDelegateIds: string[] }) => void;
  /** Security-relevant happenings the secretariat must know: a card used on a second device, etc. */
  /** `count`: refusals from one source aggregated into this alert (absent or 1 for a single one). */
  'alert:security': (payload: { type: 'device-takeover' | 'token-refused'; delegateId: string | null; at: string; count?: number }) => void;
  /** Where publishing to the portal service stands (only when the hall publishes to one). */
  'publish:status': (payload: PublishStatusPayload) => void;
}

export interface PublishStatusPayload {
  /** Entries of the hall's log the portal has not confirmed yet. */
  behind: number;
  confirmedSeq: number;
  hallSeq: number;
  problem: 'unreachable' | 'key-refused' | 'chain-refused' | null;
}

export type ChairClientToServer = ClientToServer<typeof CHAIR_EVENTS>;

export interface DelegateServerToClient {
  /** The live snapshot: on connect, and again whenever the whole state must be resent. */
  'state:snapshot': (snapshot: LiveSnapshot) => void;
  /** One change, chained by seq/prevSeq onto the snapshot. */
  'state:patch': (envelope: PatchEnvelope) => void;
  /** The delegate's own state: sent on connect and whenever it changes. */
  'me:update': (me: DelegateMe) => void;
  /** This device has been replaced by another one signing in with the same card. */
  'auth:replaced': (payload: { at: string }) => void;
  /** The card was revoked or re-issued by the secretariat. */
  'auth:revoked': (payload: { at: string }) => void;
}

export type DelegateClientToServer = ClientToServer<typeof DELEGATE_EVENTS>;

export interface DisplayServerToClient {
  /** The live snapshot: on connect, and again whenever the whole state must be resent. */
  'state:snapshot': (snapshot: LiveSnapshot) => void;
  /** One change, chained by seq/prevSeq onto the snapshot: a round, attendance, speakers, what the screen shows, the session. */
  'state:patch': (envelope: PatchEnvelope) => void;
  /** The display was revoked by the hall's staff; the socket is closed. */
  'auth:revoked': (payload: { at: string }) => void;
}

export type DisplayClientToServer = ClientToServer<typeof DISPLAY_EVENTS>;

/** Data the client puts in `io(url, { auth })`. Checked at connect; a wrong protocolVersion is refused. */
export interface HandshakeAuth {
  protocolVersion: number;
  /** Delegate card token or display token; staff use their session cookie instead. */
  token?: string;
  /** Delegate only: take over from another device using the same card (the other device is told). */
  takeover?: boolean;
  /** Delegate only: a random id the app keeps per device, so a reconnect of the same tablet is not a "second device". */
  deviceId?: string;
}

/** Socket.IO connect_error `data` when the middleware refuses a connection. */
export interface ConnectErrorData {
  code: ErrorCode;
  message: string;
  messageEn: string;
}
