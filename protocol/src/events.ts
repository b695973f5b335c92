// Typed Socket.IO event maps, one per namespace. The server uses Server<XClientToServer, XServerToClient>,
// the clients Socket<XServerToClient, XClientToServer>. Every client→server event takes a payload (parsed by
// its zod schema in ./schemas) and an acknowledgement callback.

import type { AckCallback, ErrorCode } from './errors';
import type { BallotChoice, DisplayMode, MotionInputRaw } from './payloads';
import type {
  BallotReceipt,
  ChairSnapshot,
  DelegateMe,
  LiveSnapshot,
  NamedBoardEntry,
  PatchEnvelope,
  RoundView,
} from './views';
import type { AttendanceRecord, Session, SpeakerEntry } from './model';

export const NAMESPACES = { chair: '/chair', delegate: '/delegate', display: '/display' } as const;
export type Role = keyof typeof NAMESPACES;

/** Events every live client receives. */
export interface CommonServerToClient {
  'state:snapshot': (snapshot: LiveSnapshot) => void;
  'state:patch': (envelope: PatchEnvelope) => void;
}

export interface ChairServerToClient {
  'state:snapshot': (snapshot: ChairSnapshot) => void;
  'state:patch': (envelope: PatchEnvelope) => void;
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

export interface ChairClientToServer {
  'session:sync': (payload: unknown, ack: AckCallback<ChairSnapshot>) => void;
  'session:select': (payload: { sessionId: string }, ack: AckCallback<Session>) => void;
  'session:open': (payload: { sessionId: string }, ack: AckCallback<Session>) => void;
  'session:close': (payload: { sessionId: string }, ack: AckCallback<Session>) => void;
  'rollcall:open': (payload: unknown, ack: AckCallback<Session>) => void;
  'rollcall:close': (payload: unknown, ack: AckCallback<Session>) => void;
  'attendance:set': (
    payload: { delegateId: string; status: 'present' | 'excused' | 'absent'; reason?: string | null },
    ack: AckCallback<AttendanceRecord | null>,
  ) => void;
  'agenda:current': (payload: { itemId: string | null }, ack: AckCallback<Session>) => void;
  'motion:open': (payload: { motionId: string; commandId: string }, ack: AckCallback<RoundView>) => void;
  'motion:adhoc': (payload: { motion: MotionInputRaw; commandId: string }, ack: AckCallback<RoundView>) => void;
  'round:close': (payload: { roundId: string }, ack: AckCallback<RoundView>) => void;
  'round:announce': (payload: { roundId: string }, ack: AckCallback<RoundView>) => void;
  'round:cancel': (payload: { roundId: string; reason: string }, ack: AckCallback<RoundView>) => void;
  'round:board': (payload: { roundId: string }, ack: AckCallback<NamedBoardEntry[]>) => void;
  'speaker:add': (payload: { name: string; delegateId?: string | null; title?: string }, ack: AckCallback<SpeakerEntry>) => void;
  'speaker:give': (payload: { entryId: string }, ack: AckCallback<SpeakerEntry>) => void;
  'speaker:finish': (payload: { entryId: string }, ack: AckCallback<SpeakerEntry>) => void;
  'speaker:remove': (payload: { entryId: string }, ack: AckCallback<SpeakerEntry>) => void;
  'speaker:move': (payload: { entryId: string; position: number }, ack: AckCallback<SpeakerEntry>) => void;
  'speaker:mark': (payload: { entryId: string; rebuttal: boolean }, ack: AckCallback<SpeakerEntry>) => void;
  'display:show': (payload: { mode: DisplayMode; roundId?: string | null }, ack: AckCallback<{ mode: DisplayMode; roundId: string | null }>) => void;
}

export interface DelegateServerToClient {
  'state:snapshot': (snapshot: LiveSnapshot) => void;
  'state:patch': (envelope: PatchEnvelope) => void;
  /** The delegate's own state: sent on connect and whenever it changes. */
  'me:update': (me: DelegateMe) => void;
  /** This device has been replaced by another one signing in with the same card. */
  'auth:replaced': (payload: { at: string }) => void;
  /** The card was revoked or re-issued by the secretariat. */
  'auth:revoked': (payload: { at: string }) => void;
}

export interface DelegateClientToServer {
  'session:sync': (payload: unknown, ack: AckCallback<{ snapshot: LiveSnapshot; me: DelegateMe }>) => void;
  'attendance:checkin': (payload: unknown, ack: AckCallback<DelegateMe>) => void;
  'vote:cast': (payload: { roundId: string; choice: BallotChoice }, ack: AckCallback<BallotReceipt>) => void;
  'vote:mine': (payload: { roundId: string }, ack: AckCallback<BallotReceipt | null>) => void;
  'speaker:request': (payload: unknown, ack: AckCallback<SpeakerEntry>) => void;
  'speaker:withdraw': (payload: unknown, ack: AckCallback<SpeakerEntry>) => void;
  /** The delegate who has the floor ends their own speech ("Kết thúc phát biểu"). */
  'speaker:finish': (payload: unknown, ack: AckCallback<SpeakerEntry>) => void;
}

export interface DisplayServerToClient {
  'state:snapshot': (snapshot: LiveSnapshot) => void;
  'state:patch': (envelope: PatchEnvelope) => void;
  'auth:revoked': (payload: { at: string }) => void;
}

export interface DisplayClientToServer {
  'session:sync': (payload: unknown, ack: AckCallback<LiveSnapshot>) => void;
  'round:board': (payload: { roundId: string }, ack: AckCallback<NamedBoardEntry[]>) => void;
}

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
