// The council's state as the domain sees it, the commands that can change it and the events that record
// each change. Plain data only: the engine folds events into this state and persists it.

import type {
  AgendaItem,
  AttendanceRecord,
  BallotChoice,
  Candidate,
  ConfidenceLevel,
  CouncilConfig,
  CouncilPatch,
  Delegate,
  HallLayout,
  DelegateInput,
  DelegatePatch,
  DisplayBoard,
  DisplayMode,
  DisplayState,
  DocumentType,
  ErrorCode,
  LogHead,
  Motion,
  MotionInput,
  Resolution,
  RoundResult,
  RoundStatus,
  Session,
  SessionDocument,
  SessionInput,
  SessionPatch,
  SpeakerEntry,
  StaffRole,
  VoteOption,
} from '@hddt/protocol';

export type Actor =
  { kind: 'staff'; username: string; role: StaffRole } | { kind: 'delegate'; delegateId: string } | { kind: 'display'; displayId: string } | { kind: 'system' };

export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case 'staff':
      return `staff:${actor.username}`;
    case 'delegate':
      return `delegate:${actor.delegateId}`;
    case 'display':
      return `display:${actor.displayId}`;
    case 'system':
      return 'system';
    default:
      return exhaustive(actor);
  }
}

export function exhaustive(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}

/** Running totals of a round. For secret rounds this is the only place choices exist. */
export interface Tally {
  ballots: number;
  options: Record<VoteOption, number>;
  candidates: Record<string, number>;
  ratings: Record<string, Record<ConfidenceLevel, number>>;
  /** Election ballots choosing nobody (phiếu trắng). Absent in tallies stored before it was counted: 0. */
  blank?: number;
}

export interface StoredBallot {
  choice: BallotChoice;
  at: string;
  changes: number;
}

export interface RoundState {
  id: string;
  motionId: string;
  sessionId: string;
  number: number;
  status: RoundStatus;
  openedAt: string;
  closesAt: string | null;
  closedAt: string | null;
  cancelledReason: string | null;
  /** N when the round opened: the denominator of every percentage of this round. */
  seated: number;
  /** Whether a cast ballot may be replaced (council rule at opening; never for secret ballots). */
  allowChange: boolean;
  /**
   * Named and anonymous rounds: each delegate's ballot. Empty for secret rounds. A Map, not a record: a batch of
   * ballots copies the round's table before adding to it (states are immutable), and copying a Map of 3,000
   * entries costs a fraction of copying an object with 3,000 keys, once per batch of a burst.
   */
  ballots: ReadonlyMap<string, StoredBallot>;
  /** Secret rounds: who took part. No time, no order, no choice. */
  participants: Readonly<Record<string, true>>;
  /** Secret rounds while open: the aggregated totals (not in the log until the round closes). */
  secretTally: Tally | null;
  /** Set when the round closes: the sealed result. */
  result: RoundResult | null;
}

export interface CouncilState {
  council: CouncilConfig | null;
  delegates: Readonly<Record<string, Delegate>>;
  sessions: Readonly<Record<string, Session>>;
  activeSessionId: string | null;
  agenda: Readonly<Record<string, AgendaItem>>;
  documents: Readonly<Record<string, SessionDocument>>;
  motions: Readonly<Record<string, Motion>>;
  rounds: Readonly<Record<string, RoundState>>;
  /** sessionId → day → delegateId → record */
  attendance: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, AttendanceRecord>>>>>>;
  speakers: Readonly<Record<string, SpeakerEntry>>;
  display: DisplayState;
  /** commandId → roundId for idempotent "open" commands. */
  openCommands: Readonly<Record<string, string>>;
  resolutions: Readonly<Record<string, Resolution>>;
  /**
   * roundId → the log position and hash of its round.announced entry: the anchor the hall screen and the portal
   * publish with the result. Filled by the engine from the log (hashes are made when events are appended, after
   * the fold); evolve leaves it as it is.
   */
  resultAnchors: Readonly<Record<string, LogHead>>;
}

export interface DocumentFileMeta {
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  pages: number | null;
}

export type Command =
  | { type: 'council.initialize'; council: CouncilConfig }
  | { type: 'council.configure'; patch: CouncilPatch }
  | { type: 'hall.lay-out'; layout: HallLayout }
  | { type: 'delegate.add'; input: DelegateInput }
  | { type: 'delegate.import'; inputs: DelegateInput[] }
  | { type: 'delegate.update'; delegateId: string; patch: DelegatePatch }
  | { type: 'delegate.vacate'; delegateId: string; reason: string }
  | { type: 'delegate.reseat'; delegateId: string }
  | { type: 'session.create'; input: SessionInput }
  | { type: 'session.update'; sessionId: string; patch: SessionPatch }
  | { type: 'session.select'; sessionId: string }
  | { type: 'session.open'; sessionId: string }
  | { type: 'session.close'; sessionId: string }
  | { type: 'rollcall.open' }
  | { type: 'rollcall.close' }
  | { type: 'attendance.checkin'; delegateId: string }
  | { type: 'attendance.set'; delegateId: string; status: 'present' | 'excused' | 'absent'; reason: string | null }
  | { type: 'agenda.add'; sessionId: string; title: string; presenter: string }
  | { type: 'agenda.update'; itemId: string; title?: string; presenter?: string }
  | { type: 'agenda.remove'; itemId: string }
  | { type: 'agenda.reorder'; sessionId: string; itemIds: string[] }
  | { type: 'agenda.current'; itemId: string | null }
  | {
      type: 'document.add';
      sessionId: string;
      itemId: string | null;
      title: string;
      docType: DocumentType;
      confidential: boolean;
      published: boolean;
      file: DocumentFileMeta;
    }
  | {
      type: 'document.update';
      documentId: string;
      patch: { title?: string; docType?: DocumentType; itemId?: string | null; confidential?: boolean; published?: boolean };
    }
  | { type: 'document.remove'; documentId: string }
  | { type: 'motion.prepare'; sessionId: string; input: MotionInput }
  | { type: 'motion.update'; motionId: string; input: MotionInput }
  | { type: 'motion.remove'; motionId: string }
  | { type: 'motion.open'; motionId: string; commandId: string }
  | { type: 'motion.adhoc'; input: MotionInput; commandId: string }
  | { type: 'round.close'; roundId: string }
  | { type: 'round.expire'; roundId: string }
  | { type: 'round.announce'; roundId: string }
  | { type: 'resolution.attach-text'; resolutionId: string; documentId: string }
  | { type: 'round.cancel'; roundId: string; reason: string }
  | { type: 'ballot.cast'; roundId: string; delegateId: string; choice: BallotChoice }
  | { type: 'speaker.request'; delegateId: string }
  | { type: 'speaker.withdraw'; delegateId: string }
  | { type: 'speaker.add'; name: string; delegateId: string | null; title?: string }
  | { type: 'speaker.give'; entryId: string }
  | { type: 'speaker.finish'; entryId: string }
  | { type: 'speaker.remove'; entryId: string }
  | { type: 'speaker.move'; entryId: string; position: number }
  | { type: 'speaker.mark'; entryId: string; rebuttal: boolean }
  | { type: 'question.request'; delegateId: string; answererName: string; answererTitle: string; topic: string }
  | { type: 'question.withdraw'; delegateId: string; entryId: string }
  | { type: 'question.answer'; entryId: string }
  | { type: 'display.show'; mode: DisplayMode; roundId: string | null; board?: DisplayBoard };

export type CommandType = Command['type'];

/** Events: the facts recorded in the log. Payloads carry everything replay needs except secret choices. */
export type DomainEvent =
  | { type: 'council.initialized'; council: CouncilConfig }
  | { type: 'council.configured'; patch: CouncilPatch }
  | { type: 'hall.laid-out'; layout: HallLayout }
  | { type: 'delegate.added'; delegate: Delegate }
  | { type: 'delegate.updated'; delegateId: string; patch: DelegatePatch }
  | { type: 'delegate.vacated'; delegateId: string; reason: string }
  | { type: 'delegate.reseated'; delegateId: string }
  | { type: 'session.created'; session: Session }
  | { type: 'session.updated'; sessionId: string; patch: SessionPatch }
  | { type: 'session.selected'; sessionId: string }
  | { type: 'session.opened'; sessionId: string }
  | { type: 'session.closed'; sessionId: string }
  | { type: 'rollcall.opened'; sessionId: string }
  | { type: 'rollcall.closed'; sessionId: string }
  | { type: 'attendance.recorded'; sessionId: string; day: string; record: AttendanceRecord }
  | { type: 'attendance.cleared'; sessionId: string; day: string; delegateId: string }
  | { type: 'agenda.added'; item: AgendaItem }
  | { type: 'agenda.updated'; itemId: string; title?: string; presenter?: string }
  | { type: 'agenda.removed'; itemId: string }
  | { type: 'agenda.reordered'; sessionId: string; itemIds: string[] }
  | { type: 'agenda.current-set'; sessionId: string; itemId: string | null }
  | { type: 'document.added'; document: SessionDocument }
  | {
      type: 'document.updated';
      documentId: string;
      patch: { title?: string; docType?: DocumentType; itemId?: string | null; confidential?: boolean; published?: boolean };
    }
  | { type: 'document.removed'; documentId: string }
  | { type: 'motion.prepared'; motion: Motion }
  | { type: 'motion.updated'; motion: Motion }
  | { type: 'motion.removed'; motionId: string }
  | {
      type: 'round.opened';
      roundId: string;
      motionId: string;
      sessionId: string;
      number: number;
      closesAt: string | null;
      seated: number;
      allowChange: boolean;
      commandId: string | null;
    }
  | { type: 'ballot.cast'; roundId: string; delegateId: string; choice: BallotChoice; replaces: boolean }
  | { type: 'ballot.secret-cast'; roundId: string; delegateId: string }
  | { type: 'round.closed'; roundId: string; result: RoundResult; byDeadline: boolean }
  | { type: 'round.announced'; roundId: string }
  | { type: 'resolution.adopted'; resolution: Resolution }
  | { type: 'resolution.text-attached'; resolutionId: string; documentId: string }
  | { type: 'round.cancelled'; roundId: string; reason: string }
  | { type: 'speaker.requested'; entry: SpeakerEntry }
  | { type: 'speaker.withdrawn'; entryId: string }
  | { type: 'speaker.started'; entryId: string }
  | { type: 'speaker.finished'; entryId: string }
  | { type: 'speaker.removed'; entryId: string }
  /** The waiting queue in its new order (entry ids, first speaks next). */
  | { type: 'speaker.reordered'; order: string[] }
  | { type: 'speaker.marked'; entryId: string; rebuttal: boolean }
  /** A question (chất vấn) joins the speaker queue: the entry carries `question`. */
  | { type: 'question.requested'; entry: SpeakerEntry }
  /** The person asked gets the floor to answer (the questioner's turn has ended). */
  | { type: 'question.answer-started'; entryId: string }
  | { type: 'display.changed'; sessionId: string | null; display: DisplayState }
  // Not state changes: security and credential facts the log must keep.
  | { type: 'credential.delegate-issued'; delegateId: string; fingerprint: string }
  | { type: 'credential.display-issued'; displayId: string; name: string; fingerprint: string }
  | { type: 'credential.display-revoked'; displayId: string }
  | { type: 'staff.created'; username: string; role: StaffRole }
  | { type: 'staff.password-reset'; username: string }
  | { type: 'security.refused'; reason: string; code: ErrorCode; detail: string }
  | { type: 'security.device-takeover'; delegateId: string }
  /** The supervisor started the server again after its process ended without being asked to (crash, kill). */
  | { type: 'server.restarted'; previousExitCode: number | null; previousSignal: string | null; restarts: number; selfTestSkipped: boolean }
  // Not state changes either: records kept in side tables, whose every change the log witnesses (the text
  // itself by its SHA-256, so a later edit of the table outside the application shows).
  | { type: 'minutes.notes-saved'; sessionId: string; sha256: string }
  | { type: 'feedback.updated'; feedbackId: string; status: 'new' | 'forwarded' | 'answered'; answerPublished: boolean; answerSha256: string | null }
  | { type: 'mail.invitations-sent'; sessionId: string; mode: 'all' | 'failed'; sent: number; failed: number }
  // A removed guest's personal links (access without sign-in) are revoked with her: a credential fact.
  | { type: 'mail.guest-removed'; guestId: string; revokedLinks: number }
  // The portal's editorial workflow: witnesses of the portal store (text by its SHA-256, like minutes notes).
  | { type: 'portal.item-saved'; itemId: string; version: number; kind: string; section: string; titleSha256: string; bodySha256: string }
  | {
      type: 'portal.item-transition';
      itemId: string;
      action: 'submit' | 'send-back' | 'publish' | 'unpublish';
      from: string;
      to: string;
      version: number;
      commentSha256: string | null;
      publishAt: string | null;
    }
  | { type: 'portal.section-added'; key: string; kind: string }
  | { type: 'portal.delegate-profile-saved'; delegateId: string; sha256: string };

export type EventType = DomainEvent['type'];

/** A secret choice travels beside the events, never inside them. */
export interface SecretChoice {
  roundId: string;
  choice: BallotChoice;
}

export interface Decision {
  events: DomainEvent[];
  secret?: SecretChoice;
  /** For commands whose answer is an existing entity (idempotent repeats). */
  result?: {
    resolutionId?: string;
    roundId?: string;
    entryId?: string;
    sessionId?: string;
    delegateId?: string;
    documentId?: string;
    motionId?: string;
    itemId?: string;
  };
}

export type DecideResult = { ok: true; decision: Decision } | { ok: false; code: ErrorCode; fields?: { path: string; code: ErrorCode }[] };

export type { Candidate };
