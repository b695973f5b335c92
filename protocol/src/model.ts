// The shapes every part of the system agrees on: council configuration, roster, sessions, votes and
// their results. These are plain data (JSON-safe) so the same objects travel over Socket.IO, REST and
// the event log.

import type { HallLayout } from './seat-map';

export interface LocalizedText {
  vi: string;
  en: string;
}

/** A majority rule as an exact rational: count/N compared with numerator/denominator, no floats. */
export interface Threshold {
  numerator: number;
  denominator: number;
  /** true: "more than" (quá nửa); false: "at least" (ít nhất hai phần ba). */
  strict: boolean;
}

export type CouncilLevel = 'province' | 'commune' | 'special-zone' | 'other';
export type VoteOption = 'yes' | 'no' | 'abstain';
export const VOTE_OPTIONS: readonly VoteOption[] = ['yes', 'no', 'abstain'];
export type ConfidenceLevel = 'high' | 'medium' | 'low';
export const CONFIDENCE_LEVELS: readonly ConfidenceLevel[] = ['high', 'medium', 'low'];

export interface CouncilConfig {
  /** Stable identity of this council's data; backups from another council are refused on restore. */
  id: string;
  name: LocalizedText;
  /** Issuing body for official documents, in capitals, one line per array item. */
  issuingBody: string[];
  level: CouncilLevel;
  term: string;
  /**
   * The council's numbered term (khóa) as printed after its name: "I" → "… đặc khu Côn Đảo khóa I, nhiệm kỳ
   * 2026 - 2031". Empty or absent: the minutes print the name and the term only.
   */
  termOrdinal?: string;
  /** Place name used in document dates: "Côn Đảo, ngày 05 tháng 7 năm 2026". */
  place: string;
  timeZone: string;
  voteLabels: Record<VoteOption, LocalizedText>;
  confidenceLabels: Record<ConfidenceLevel, LocalizedText>;
  quorum: Threshold;
  thresholds: {
    ordinary: Threshold;
    twoThirds: Threshold;
    election: Threshold;
    /**
     * Confidence rating (Nghị quyết 96/2023/QH15): "tín nhiệm thấp" from more than half of all delegates (may
     * resign) and from at least two thirds (the proposing body must submit a dismissal). Defaults: > 1/2, ≥ 2/3.
     */
    lowConfidence?: Threshold;
    lowConfidenceDismissal?: Threshold;
  };
  allowVoteChange: boolean;
  speakingTimeSec: number;
  /**
   * Question time (chất vấn): the questioner's and the answerer's time. Absent (councils configured before
   * question time existed): QUESTION_TIME_SEC and ANSWER_TIME_SEC.
   */
  questionTimeSec?: number;
  answerTimeSec?: number;
  /** e.g. "{n}/NQ-HĐND"; normative resolutions use normativeResolutionFormat ("{n}/{year}/NQ-HĐND"). */
  resolutionNumberFormat: string;
  normativeResolutionFormat: string;
  hallWifi: string;
  /** The hall's seat map as the secretariat laid it out (hall.lay-out); absent: the automatic layout. */
  hallLayout?: HallLayout;
  /**
   * "Nơi nhận" of the minutes (Nghị định 30/2020/NĐ-CP), one recipient a line without the dash, the last the
   * file copy ("Lưu: VT, hồ sơ kỳ họp"). Absent: DEFAULT_MINUTES_RECIPIENTS. A session may set its own.
   */
  minutesRecipients?: string[];
}

export interface Delegate {
  id: string;
  seat: number;
  fullName: string;
  /** Position (chức vụ), e.g. "Chủ tịch HĐND". */
  title: string;
  /** Delegate group or constituency (Tổ đại biểu / đơn vị bầu cử). */
  group: string;
  /** false when the seat is vacant: the delegate no longer counts in N. */
  seated: boolean;
  vacatedReason: string | null;
}

export type SessionType = 'regular' | 'thematic' | 'standing' | 'committee';
export type SessionStatus = 'draft' | 'open' | 'closed';

export interface Session {
  id: string;
  /** Ordinal number of the session within the term (Kỳ họp thứ Tư → 4). */
  number: number;
  title: string;
  type: SessionType;
  startDate: string; // YYYY-MM-DD
  endDate: string;
  /**
   * Opening time on startDate, "HH:MM" on the council's clock (its time zone), e.g. "08:00". Absent or null:
   * not set (sessions created before start times existed carry no such field in the log).
   */
  startTime?: string | null;
  place: string;
  isPublic: boolean;
  status: SessionStatus;
  openedAt: string | null;
  closedAt: string | null;
  rollCallOpen: boolean;
  currentItemId: string | null;
  chairName: string;
  secretaryName: string;
  /** Positions printed with the names in the minutes ("Chủ tịch HĐND đặc khu"). */
  chairTitle?: string;
  secretaryTitle?: string;
  /** Invited guests (khách mời), listed in the minutes. */
  guests?: SessionPerson[];
  /** The counting board (Ban kiểm phiếu) elected for the session's secret ballots; it signs the counting minutes. */
  countingBoard?: SessionPerson[];
}

export interface SessionPerson {
  name: string;
  /** Position (chức vụ) or role, e.g. "Trưởng ban" in the counting board. */
  title: string;
}

export interface AgendaItem {
  id: string;
  sessionId: string;
  order: number;
  title: string;
  presenter: string;
}

export type DocumentType = 'to-trinh' | 'bao-cao' | 'bao-cao-tham-tra' | 'du-thao-nghi-quyet' | 'nghi-quyet' | 'other';

export interface SessionDocument {
  id: string;
  sessionId: string;
  itemId: string | null;
  title: string;
  docType: DocumentType;
  confidential: boolean;
  /** Published on the public portal (never when confidential). */
  published: boolean;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  pages: number | null;
  uploadedAt: string;
}

export type MotionKind = 'ordinary' | 'two-thirds' | 'election' | 'confidence';
export type BallotMode = 'named' | 'anonymous' | 'secret';
export type InterimDisplay = 'progress' | 'live';

export interface Candidate {
  id: string;
  name: string;
}

/** A prepared vote (biểu quyết). Each opening of it is a round. */
export interface Motion {
  id: string;
  sessionId: string;
  itemId: string | null;
  question: string;
  kind: MotionKind;
  mode: BallotMode;
  interim: InterimDisplay;
  durationSec: number | null;
  /** Election candidates, or the officials rated in a confidence vote. */
  candidates: Candidate[];
  /** Election: how many posts are filled. */
  seats: number;
  /** Biểu quyết thử: shown like any vote, never counted in minutes or archive. */
  practice: boolean;
  /** Passing it adopts a resolution (Nghị quyết) that gets a number. */
  resolution: boolean;
  normative: boolean;
  /**
   * The resolution's own title ("Nghị quyết về Kế hoạch đầu tư công năm 2027"), separate from the question put
   * to the vote ("Thông qua Nghị quyết về …"). Empty: derived from the question (resolutionTitleFor).
   */
  resolutionTitle?: string;
}

export type RoundStatus = 'open' | 'closed' | 'announced' | 'cancelled';

export type BallotChoice =
  { type: 'option'; option: VoteOption } | { type: 'election'; candidateIds: string[] } | { type: 'confidence'; ratings: Record<string, ConfidenceLevel> };

export interface OptionResult {
  kind: 'options';
  seated: number;
  present: number;
  participated: number;
  counts: Record<VoteOption, number>;
  /** Votes "yes" needed to pass under the rule in force for this round. */
  required: number;
  passed: boolean;
}

export interface CandidateResult {
  id: string;
  name: string;
  votes: number;
  elected: boolean;
  /** Tied at the boundary of the last post: needs a re-vote. */
  tied: boolean;
}

export interface ElectionResult {
  kind: 'election';
  seated: number;
  present: number;
  participated: number;
  seats: number;
  required: number;
  candidates: CandidateResult[];
  tieNeedsRevote: boolean;
  /** Ballots returned with no candidate chosen (phiếu trắng): counted as not valid. Absent in older logs: 0. */
  blank?: number;
}

export interface ConfidenceSubjectResult {
  id: string;
  name: string;
  counts: Record<ConfidenceLevel, number>;
  /** More than half of all delegates rated "low" (tín nhiệm thấp). */
  lowMajority: boolean;
  /** At least two thirds rated "low": the law requires a dismissal vote to be put. */
  lowTwoThirds: boolean;
}

export interface ConfidenceResult {
  kind: 'confidence';
  seated: number;
  present: number;
  participated: number;
  subjects: ConfidenceSubjectResult[];
}

export type RoundResult = OptionResult | ElectionResult | ConfidenceResult;

export type DisplayMode = 'welcome' | 'agenda' | 'vote' | 'result' | 'speaker' | 'attendance';
export const DISPLAY_MODES: readonly DisplayMode[] = ['welcome', 'agenda', 'vote', 'result', 'speaker', 'attendance'];

/** How the result slide shows a named round's choices: the name list, or each seat on the hall's seat map. */
export type DisplayBoard = 'names' | 'seats';
export const DISPLAY_BOARDS: readonly DisplayBoard[] = ['names', 'seats'];

export interface DisplayState {
  mode: DisplayMode;
  roundId: string | null;
  /** The result slide's board of a named round; absent (logs written before it existed) reads 'names'. */
  board?: DisplayBoard;
}

export type SpeakerStatus = 'waiting' | 'speaking' | 'done' | 'withdrawn';

export interface SpeakerEntry {
  id: string;
  sessionId: string;
  delegateId: string | null;
  name: string;
  /** Position (chức vụ) of the speaker, from the roster; free text for a guest. Always sent by the server. */
  title?: string;
  status: SpeakerStatus;
  requestedAt: string;
  startedAt: string | null;
  endedAt: string | null;
  limitSec: number;
  /** Place in the queue: lower speaks first. The chair reorders waiting entries (speaker.move). */
  rank?: number;
  /** Marked by the chair as a rebuttal (tranh luận) to an earlier speech. */
  rebuttal?: boolean;
  /**
   * Present on a question (chất vấn): the delegate's turn is startedAt…endedAt within limitSec; the person asked
   * then answers in their own turn. Absent on an ordinary speech.
   */
  question?: QuestionDetails;
}

export interface QuestionDetails {
  /** Người trả lời chất vấn: usually an invited official, not a delegate. */
  answererName: string;
  answererTitle: string;
  /** Nội dung chất vấn: the question's topic, as the delegate registered it. */
  topic: string;
  /** The answer's time limit; the question's own is the entry's limitSec. */
  answerLimitSec: number;
  /** The answerer's turn: set when the chair gives them the floor (question.answer-started) and when it ends. */
  answerStartedAt: string | null;
  answerEndedAt: string | null;
}

export type AttendanceStatus = 'present' | 'excused';

export interface AttendanceRecord {
  delegateId: string;
  status: AttendanceStatus;
  at: string;
  by: 'self' | 'chair';
  reason: string | null;
}

/** editor (biên tập viên) and board-head (trưởng ban biên tập) work on the portal only, never in the hall. */
export type StaffRole = 'secretariat' | 'chair' | 'editor' | 'board-head';

/** A resolution (Nghị quyết) adopted by a passed, announced vote. Numbers run per calendar year, never reused. */
export interface Resolution {
  id: string;
  /** Sequence number within the year. */
  number: number;
  year: number;
  /** The printed number: "12/NQ-HĐND", or "06/2026/NQ-HĐND" for a normative resolution. */
  code: string;
  normative: boolean;
  title: string;
  /** Adoption date (YYYY-MM-DD, council time zone). */
  adoptedOn: string;
  sessionId: string;
  itemId: string | null;
  motionId: string;
  roundId: string;
  /** The signed final text, attached later by the secretariat. */
  signedDocumentId: string | null;
}

/**
 * The figures of a secret round's counting minutes (biên bản kiểm phiếu). Every delegate present when the round
 * closed was issued a ballot (số phiếu phát ra); those who took part returned one (thu vào); a ballot choosing
 * nobody is blank and not valid (không hợp lệ); the rest are valid (hợp lệ).
 */
export interface CountingFigures {
  issued: number;
  returned: number;
  valid: number;
  invalid: number;
}

export function countingFigures(result: RoundResult): CountingFigures {
  const invalid = result.kind === 'election' ? (result.blank ?? 0) : 0;
  return { issued: result.present, returned: result.participated, valid: result.participated - invalid, invalid };
}

/**
 * The title a resolution takes when none was entered: the question without "Thông qua" ("Thông qua Nghị quyết
 * về X" → "Nghị quyết về X"); an election adopts "Nghị quyết xác nhận kết quả bầu …".
 */
export function resolutionTitleFor(question: string, kind: MotionKind): string {
  const q = question.trim().replace(/[.。]+$/u, '');
  if (kind === 'election') {
    const what = q.replace(/^(biểu quyết\s+)?(thông qua\s+)?(việc\s+)?bầu\s+/iu, '');
    // Titles and proper nouns ("Phó Chủ tịch", "Ủy ban") keep their capitals.
    return `Nghị quyết xác nhận kết quả bầu ${what}`;
  }
  const stripped = q.replace(/^(biểu quyết\s+)?thông qua\s+/iu, '');
  return stripped.charAt(0).toLocaleUpperCase('vi') + stripped.slice(1);
}
