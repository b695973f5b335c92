// The records a secretariat hands in after a session (issue 6): minutes (JSON model + editable notes, DOCX,
// PDF), vote result exports (round, session, term), integrity check, backup and the archive (Kỷ yếu) with
// its search. Every export states the log head (seq and hash) it was made from, in its body and in the
// X-Log-Head header ("seq:hash"). Resolutions themselves are in model.ts; the routes in rest-routes.ts (RECORDS_ROUTES).
import { countingFigures } from './model';
import type { BallotMode, CountingFigures, SessionPerson, DocumentType, MotionKind, RoundResult, RoundStatus, VoteOption } from './model';

export const LOG_HEAD_HEADER = 'X-Log-Head';

export interface LogHead {
  seq: number;
  hash: string;
}

export interface PersonRef {
  delegateId: string;
  seat: number;
  fullName: string;
}

export interface AttendanceDay {
  day: string;
  seated: number;
  present: number;
  excused: (PersonRef & { reason: string })[];
  absent: PersonRef[];
  quorumRequired: number;
  quorumMet: boolean;
  /** The attendance sentence as printed in the minutes. */
  text: string;
}

/**
 * How a delegate stands in a round when the round's records are written: voted, present at the roll call but
 * pressed nothing, or absent from the roll call. Counted against who held a seat when the round opened.
 */
export type BallotStatus = 'voted' | 'not-voted' | 'absent';

/**
 * The words for a delegate with no ballot, shared by the records, the exports, the portal and the hall display.
 * "Không bấm" is what the screen shows while a vote is still open; once it is closed, the minutes' named list
 * says "Không biểu quyết" for a present delegate who pressed nothing and "Vắng mặt" for one absent from the roll call.
 */
export const NO_BALLOT_LABELS = {
  absent: { vi: 'Vắng mặt', en: 'Absent' },
  notVoted: { vi: 'Không biểu quyết', en: 'Did not vote' },
  notPressed: { vi: 'Không bấm', en: 'Not pressed' },
} as const;

/**
 * Who of all delegates was absent and who was present but did not vote, as a sentence under a result: the two are
 * never merged. From the round's sealed result (seated when it opened, present when it closed, ballots cast).
 */
export function absenceSentence(result: RoundResult, lang: 'vi' | 'en' = 'vi'): string {
  const absent = Math.max(0, result.seated - result.present);
  const silent = Math.max(0, result.present - result.participated);
  return lang === 'vi' ? `Vắng mặt ${absent}; có mặt nhưng không biểu quyết ${silent}.` : `Absent ${absent}; present but did not vote ${silent}.`;
}

/** The counting figures of an election or a confidence rating as a sentence (số phiếu phát ra, thu vào…). */
export function countingSentence(result: RoundResult, lang: 'vi' | 'en' = 'vi'): string | null {
  if (result.kind === 'options') return null;
  const f = countingFigures(result);
  return lang === 'vi'
    ? `Số phiếu phát ra ${f.issued}; số phiếu thu vào ${f.returned}; số phiếu hợp lệ ${f.valid}; số phiếu không hợp lệ ${f.invalid}.`
    : `Ballots issued ${f.issued}; returned ${f.returned}; valid ${f.valid}; not valid ${f.invalid}.`;
}

export interface NamedBallotRow extends PersonRef {
  status: BallotStatus;
  /** The delegate's choice in words, "Không biểu quyết" (present, nothing pressed) or "Vắng mặt". */
  choice: string;
  option: VoteOption | null;
}

export interface RoundRecord {
  id: string;
  motionId: string;
  itemId: string | null;
  question: string;
  kind: MotionKind;
  mode: BallotMode;
  modeText: string;
  /** 1 for the first opening; 2, 3… for each "biểu quyết lại". */
  number: number;
  repeated: boolean;
  status: RoundStatus;
  statusText: string;
  cancelledReason: string | null;
  openedAt: string;
  closedAt: string | null;
  announcedAt: string | null;
  seated: number;
  result: RoundResult | null;
  /** The announced result in the official wording, one line per sentence. */
  resultLines: string[];
  /** Named rounds only: each delegate's choice, in seat order. Never for anonymous or secret rounds. */
  namedBallots: NamedBallotRow[] | null;
  resolutionCode: string | null;
}

export interface DocumentRecord {
  id: string;
  title: string;
  docType: DocumentType;
  docTypeText: string;
  pages: number | null;
  sha256: string;
}

export interface ResolutionRecord {
  id: string;
  code: string;
  title: string;
  adoptedOn: string;
  itemId: string | null;
  roundId: string;
  normative: boolean;
}

export interface ItemRecord {
  id: string;
  order: number;
  title: string;
  presenter: string;
  documents: DocumentRecord[];
  rounds: RoundRecord[];
  resolutions: ResolutionRecord[];
}

export interface SpeakerRecord {
  order: number;
  name: string;
  /** Position (chức vụ): from the roster for a delegate, as entered for a guest. */
  title: string;
  /** A guest (khách mời), not a delegate. */
  guest?: boolean;
  seat: number | null;
  startedAt: string;
  endedAt: string | null;
  /** Marked by the chair as a rebuttal (tranh luận). */
  rebuttal?: boolean;
  /** A question (chất vấn): whom it asked, on what, and the answer's turn (null: not answered in the hall). */
  question?: { answererName: string; answererTitle: string; topic: string; answerStartedAt: string | null; answerEndedAt: string | null };
}

export interface SessionRecord {
  logHead: LogHead;
  council: { id: string; name: string; issuingBody: string[]; place: string; term: string; timeZone: string; termOrdinal?: string };
  session: {
    id: string;
    number: number;
    heading: string;
    title: string;
    startDate: string;
    endDate: string;
    place: string;
    status: string;
    openedAt: string | null;
    closedAt: string | null;
    chairName: string;
    secretaryName: string;
    chairTitle?: string;
    secretaryTitle?: string;
    guests?: SessionPerson[];
    countingBoard?: SessionPerson[];
  };
  /** The date printed under the motto: the day the session closed, otherwise its last planned day. */
  documentDate: string;
  /**
   * "Nơi nhận" of the minutes as printed ("- Thường trực Hội đồng nhân dân;" … "- Lưu: VT, hồ sơ kỳ họp.") from the
   * council's list (as it was when the session closed), otherwise the default. The minutes notes may replace it.
   */
  recipients?: string[];
  attendance: AttendanceDay[];
  items: ItemRecord[];
  /** Rounds not tied to an agenda item. */
  otherRounds: RoundRecord[];
  speakers: SpeakerRecord[];
  resolutions: ResolutionRecord[];
}

/** The editable text of the minutes. */
export interface MinutesNotes {
  /** The minutes number as printed: "Số: 12/BB-HĐND" → "12". Empty until the secretariat fills it in. */
  number: string;
  opening: string;
  closing: string;
  /** agenda item id → summary of the debate on it. */
  items: Record<string, string>;
  /** "Nơi nhận" of these minutes, one a line, the last "Lưu: …"; empty: the council's list (SessionRecord.recipients). */
  recipients: string[];
  updatedAt: string | null;
  updatedBy: string | null;
}

/** PUT body for the notes: absent fields keep their value; an empty item text removes it. */
export interface MinutesNotesInput {
  number?: string;
  opening?: string;
  closing?: string;
  items?: Record<string, string>;
}

/** GET /api/sessions/:id/minutes */
export interface MinutesResponse {
  logHead: LogHead;
  record: SessionRecord;
  notes: MinutesNotes;
}

export interface BallotExportRow {
  seat: number;
  fullName: string;
  delegateId: string;
  status: BallotStatus;
  choice: string;
  option: VoteOption | null;
}

export interface ParticipationRow {
  seat: number;
  fullName: string;
  delegateId: string;
  participated: boolean;
  status: BallotStatus;
}

export interface RoundExport {
  sessionId: string;
  session: string;
  roundId: string;
  motionId: string;
  question: string;
  kind: MotionKind;
  mode: BallotMode;
  practice: boolean;
  number: number;
  repeated: boolean;
  status: RoundStatus;
  cancelledReason: string | null;
  openedAt: string;
  closedAt: string | null;
  seated: number;
  result: RoundResult | null;
  /** Secret rounds with a result: the counting figures (phát ra, thu vào, hợp lệ, không hợp lệ). */
  counting: CountingFigures | null;
  /** Named rounds with a result only. */
  ballots: BallotExportRow[] | null;
  /** Anonymous and secret rounds with a result: who took part, by seat, nothing else. */
  participation: ParticipationRow[] | null;
}

export interface ResultsExport {
  scope: 'round' | 'session' | 'term';
  logHead: LogHead;
  council: { id: string; name: string; term: string };
  rounds: RoundExport[];
}

export interface ChainReport {
  ok: boolean;
  entries: number;
  headHash: string;
  /** First entry whose stored hash or link does not match. */
  brokenAt: { seq: number; reason: 'hash-mismatch' | 'link-mismatch' | 'seq-gap' } | null;
}

export interface RowDifference {
  table: string;
  /** Primary key of the row. */
  key: Record<string, unknown>;
  /** The row as stored (null: missing from the live tables). */
  live: Record<string, unknown> | null;
  /** The row as the log says it should be (null: the log has no such row). */
  replayed: Record<string, unknown> | null;
}

/** A closed round whose announced result is not what its stored ballots (or, secret, its participants) give. */
export interface ResultProblem {
  roundId: string;
  /** Log position of the round.closed entry. */
  seq: number;
  reason: 'result-mismatch' | 'secret-count-mismatch';
  /** Vietnamese / English, one line. */
  detail: string;
}

/** An anchor given to `npm run verify -- <dir> --anchor <seq>:<sha256>` that the log does not match. */
export interface AnchorProblem {
  seq: number;
  /** The hash (or hash prefix) the anchor expects. */
  hash: string;
  /** The hash the log has at that position; null when the log ends before it. */
  found: string | null;
}

export interface IntegrityReport {
  ok: boolean;
  head: LogHead;
  chain: ChainReport;
  replay: { ok: boolean; error: string | null; differences: RowDifference[] };
  /** Every closed round's result recomputed from what is stored and compared with the announced one. */
  results: { ok: boolean; checked: number; problems: ResultProblem[] };
  /** Anchors checked (none unless given). */
  anchors: { ok: boolean; checked: number; problems: AnchorProblem[] };
}

export interface BackupInfo {
  /** Directory of the copy on the server machine. */
  path: string;
  createdAt: string;
  councilId: string | null;
  logHead: LogHead;
  documents: number;
}

export type ArchiveSession = Omit<SessionRecord, 'logHead' | 'council'>;

export interface Archive {
  logHead: LogHead;
  council: { id: string; name: string };
  terms: { term: string; sessions: ArchiveSession[] }[];
}

export interface SearchHit {
  kind: 'session' | 'item' | 'document' | 'round' | 'resolution';
  id: string;
  sessionId: string;
  session: string;
  title: string;
  code: string | null;
}

/** GET /api/archive/search?q= */
export interface ArchiveSearchResponse {
  q: string;
  logHead: LogHead;
  hits: SearchHit[];
}
