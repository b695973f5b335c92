// What each audience receives. A view never contains more than that audience may see: a secret
// ballot's choices exist in no view at all, and interim totals appear only when the chair chose them.

import type {
  AgendaItem,
  AttendanceRecord,
  BallotChoice,
  BallotMode,
  CouncilConfig,
  Delegate,
  DisplayState,
  Motion,
  RoundResult,
  RoundStatus,
  Session,
  SessionDocument,
  SpeakerEntry,
  StaffRole,
  VoteOption,
} from './model';
import type { LogHead } from './records';
import type { HallLayout } from './seat-map';

export interface RoundView {
  id: string;
  motionId: string;
  sessionId: string;
  /** 1 for the first opening, 2 for "Biểu quyết lại", … */
  number: number;
  mode: BallotMode;
  status: RoundStatus;
  openedAt: string;
  /** Deadline when the vote has a duration. */
  closesAt: string | null;
  closedAt: string | null;
  cancelledReason: string | null;
  /** Seated delegates (N) when the round opened: the denominator of its percentages. */
  seated: number;
  /** Delegates present (checked in) now, i.e. who may vote. */
  present: number;
  /** Ballots received so far. */
  voted: number;
  /**
   * Totals: after the round closes (never for a cancelled round), or while open when the chair chose live
   * interim display. While open, `passed`/`elected` are provisional.
   */
  result: RoundResult | null;
  /** Who has voted (participation, never choices). Staff only. */
  voterIds?: string[];
  /**
   * Once the result is announced: the log position and SHA-256 of the announcement entry. Published on the hall
   * screen and the portal so that anyone can later check a copy of the database against it
   * (`npm run verify -- <data dir> --anchor <seq>:<hash>`).
   */
  announcedAt?: LogHead | null;
  /** The number of the resolution this announced round adopted ("12/NQ-HĐND"), once assigned. */
  resolutionCode?: string;
}

export interface AttendanceSummary {
  sessionId: string | null;
  /** The session day (YYYY-MM-DD, council time zone) the check-ins belong to. */
  day: string | null;
  seated: number;
  present: number;
  /** Delegates needed present for quorum under the council's rule. */
  required: number;
  quorumMet: boolean;
}

/** The state every live client shares (hall display, tablets, chair). */
export interface LiveSnapshot {
  protocolVersion: number;
  /** Log position this snapshot reflects. Later patches carry prevSeq to chain onto it. */
  seq: number;
  serverTime: string;
  council: CouncilConfig;
  seatedCount: number;
  session: Session | null;
  agenda: AgendaItem[];
  /** Metadata of the session's documents (delegates and staff; empty for displays). */
  documents: SessionDocument[];
  motions: Motion[];
  rounds: RoundView[];
  attendance: AttendanceSummary;
  speakers: SpeakerEntry[];
  display: DisplayState;
}

export interface ChairSnapshot extends LiveSnapshot {
  sessions: Session[];
  delegates: Delegate[];
  attendanceRecords: AttendanceRecord[];
  connectedDelegateIds: string[];
  staff: { username: string; role: StaffRole };
}

export interface BallotReceipt {
  roundId: string;
  /** null in a secret ballot: the server keeps no link between a delegate and a choice. */
  choice: BallotChoice | null;
  secret: boolean;
  /** When the server committed the (latest) ballot. */
  at: string;
}

export interface DelegateMe {
  delegate: Delegate;
  checkedIn: boolean;
  /** The delegate's ballots in the current session's rounds. */
  ballots: BallotReceipt[];
  /** 0 = has the floor now; 1.. = place in the speaker queue; null = not in the queue. */
  speakerPosition: number | null;
}

export interface NamedBoardEntry {
  delegateId: string;
  seat: number;
  fullName: string;
  /** null: did not vote. For elections/confidence the full choice. */
  option: VoteOption | null;
  choice: BallotChoice | null;
  /** Checked in on the day the round was opened: a seat with no ballot reads "Không bấm" if so, "Vắng mặt" if not. */
  present: boolean;
}

/** One seat of the hall display's map: who sits there and whether they are here today. */
export interface HallSeat {
  seat: number;
  delegateId: string;
  fullName: string;
  presence: 'present' | 'excused' | 'absent';
}

/** The seat map as a hall display draws it: the layout to draw now (stored or automatic) and every seated delegate. */
export interface HallView {
  layout: HallLayout;
  seats: HallSeat[];
}

export type LivePatch =
  | { type: 'round'; round: RoundView }
  | {
      type: 'attendance';
      attendance: AttendanceSummary;
      /** Staff only: records added or changed since the last patch. */
      records?: AttendanceRecord[];
      /** Staff only: delegates whose record was removed (marked absent). */
      removedDelegateIds?: string[];
    }
  | { type: 'speakers'; speakers: SpeakerEntry[] }
  | { type: 'display'; display: DisplayState }
  | { type: 'session'; session: Session };

export interface PatchEnvelope {
  seq: number;
  /** Server clock when the patch was sent: lets countdowns stay right between snapshots. */
  serverTime: string;
  /** seq of the previous message this client's audience received; a mismatch means a gap: resync. */
  prevSeq: number;
  patch: LivePatch;
}
