// Vote results for spreadsheets and other systems: one round, one session or the whole term, as JSON and as
// CSV (UTF-8 with BOM, CRLF). Named rounds list each delegate's choice. Anonymous and secret rounds give only
// totals and who took part — in seat order, without times — so nothing can re-link a choice to a delegate.
// Practice votes are left out of session and term exports.

import type { BallotMode, BallotStatus, CouncilConfig, RoundStatus } from '@hddt/protocol';
import { CONFIDENCE_LEVELS, NO_BALLOT_LABELS, VOTE_OPTIONS, countingFigures, formatPercent, sessionTitle } from '@hddt/protocol';
import type { CouncilState, RoundState } from '../domain/types';
import { sessionRounds } from '../domain/views';
import { toCsv, type CsvCell } from './csv';
import { ballotLineText, lowerFirst, roundParticipants, type LogHead, type LogTimes } from './session-record';
// The record shapes are the contract with the console: defined once, in @hddt/protocol.
import type { BallotExportRow, ParticipationRow, RoundExport, ResultsExport } from '@hddt/protocol';
export type { BallotExportRow, ParticipationRow, RoundExport, ResultsExport };

/** The settings a round's records are written with: those its session closed under, else today's. */
export function councilFor(state: CouncilState, sessionId: string, times: LogTimes | null): CouncilConfig | null {
  return times?.councilAtClose?.[sessionId] ?? state.council;
}

export function roundExport(state: CouncilState, round: RoundState, times: LogTimes | null): RoundExport | null {
  const motion = state.motions[round.motionId];
  const session = state.sessions[round.sessionId];
  const council = councilFor(state, round.sessionId, times);
  if (!council || !motion || !session) return null;
  const result = round.status === 'closed' || round.status === 'announced' ? round.result : null;
  const names = Object.fromEntries(motion.candidates.map((c) => [c.id, c.name]));
  // Who held a seat when the round opened, as they were then (from the log), not today's roster.
  const roster = result ? roundParticipants(state, round, times) : [];
  let ballots: BallotExportRow[] | null = null;
  let participation: ParticipationRow[] | null = null;
  if (result && motion.mode === 'named') {
    ballots = roster.map(({ entry, status }) => {
      const choice = round.ballots.get(entry.id)?.choice ?? null;
      return {
        seat: entry.seat,
        fullName: entry.fullName,
        delegateId: entry.id,
        status,
        choice: ballotLineText(council, status, choice, names),
        option: choice?.type === 'option' ? choice.option : null,
      };
    });
  } else if (result) {
    participation = roster.map(({ entry, status }) => ({
      seat: entry.seat,
      fullName: entry.fullName,
      delegateId: entry.id,
      participated: status === 'voted',
      status,
    }));
  }
  return {
    sessionId: session.id,
    session: `${sessionTitle(session.number)} — ${session.title}`,
    roundId: round.id,
    motionId: motion.id,
    question: motion.question,
    kind: motion.kind,
    mode: motion.mode,
    practice: motion.practice,
    number: round.number,
    repeated: round.number > 1,
    status: round.status,
    cancelledReason: round.cancelledReason,
    openedAt: round.openedAt,
    closedAt: round.closedAt,
    seated: round.seated,
    result,
    counting: result && motion.mode === 'secret' ? countingFigures(result) : null,
    ballots,
    participation,
  };
}

export function exportHeader(
  state: CouncilState,
  scope: ResultsExport['scope'],
  head: LogHead,
  rounds: RoundExport[],
  council: CouncilConfig | null = state.council,
): ResultsExport {
  const c = council;
  return { scope, logHead: head, council: { id: c?.id ?? '', name: c?.name.vi ?? '', term: c?.term ?? '' }, rounds };
}

export function sessionExports(state: CouncilState, sessionId: string, times: LogTimes | null): RoundExport[] {
  return sessionRounds(state, sessionId)
    .map((r) => roundExport(state, r, times))
    .filter((r): r is RoundExport => r !== null && !r.practice);
}

export function termExports(state: CouncilState, times: LogTimes | null): RoundExport[] {
  return Object.values(state.sessions)
    .sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.number - b.number))
    .flatMap((s) => sessionExports(state, s.id, times));
}

const MODE: Record<BallotMode, string> = { named: 'Ghi danh', anonymous: 'Không ghi danh', secret: 'Bỏ phiếu kín' };
const STATUS: Record<RoundStatus, string> = {
  open: 'Đang biểu quyết',
  closed: 'Đã kết thúc',
  announced: 'Đã công bố',
  cancelled: 'Đã hủy',
};

export const CSV_COLUMNS = [
  'Kỳ họp',
  'Mã lượt',
  'Nội dung biểu quyết',
  'Lần',
  'Hình thức',
  'Tình trạng',
  'Mục',
  'Ghế',
  'Họ và tên',
  'Giá trị',
  'Số lượng',
  'Tỷ lệ trên tổng số đại biểu',
] as const;

/** Words for how a delegate stands in a round, in the "Giá trị" column of a participation row. */
export const STATUS_TEXT: Record<BallotStatus, string> = {
  voted: 'Có tham gia',
  'not-voted': `Có mặt, ${lowerFirst(NO_BALLOT_LABELS.notVoted.vi)}`,
  absent: NO_BALLOT_LABELS.absent.vi,
};

/** One round as rows of the CSV (and of its XLSX sheet): totals first, then the named ballots or who took part. */
export function exportRows(
  council: CouncilConfig,
  r: RoundExport,
): { item: string; seat: number | ''; name: string; value: string; count: number | ''; share: number | '' }[] {
  const n = r.seated;
  const out: { item: string; seat: number | ''; name: string; value: string; count: number | ''; share: number | '' }[] = [];
  const row = (item: string, seat: number | '', name: string, value: string, count: number | '', withShare: boolean) =>
    out.push({ item, seat, name, value, count, share: withShare && typeof count === 'number' && n > 0 ? count / n : '' });
  if (r.status === 'cancelled') {
    row('Hủy', '', '', r.cancelledReason ?? '', '', false);
    return out;
  }
  const res = r.result;
  if (!res) {
    row('Chưa có kết quả', '', '', '', '', false);
    return out;
  }
  row('Tổng số đại biểu', '', '', '', n, false);
  row('Có mặt', '', '', '', res.present, true);
  row('Vắng mặt', '', '', '', Math.max(0, n - res.present), true);
  row('Tham gia biểu quyết', '', '', '', res.participated, true);
  if (r.counting) {
    row('Số phiếu phát ra', '', '', '', r.counting.issued, true);
    row('Số phiếu thu vào', '', '', '', r.counting.returned, true);
    row('Số phiếu hợp lệ', '', '', '', r.counting.valid, true);
    row('Số phiếu không hợp lệ', '', '', '', r.counting.invalid, true);
  }
  switch (res.kind) {
    case 'options':
      for (const o of VOTE_OPTIONS) row('Kết quả', '', '', council.voteLabels[o].vi, res.counts[o], true);
      row('Kết luận', '', '', res.passed ? 'Thông qua' : 'Không thông qua', res.required, false);
      break;
    case 'election':
      row('Số người cần bầu', '', '', '', res.seats, false);
      row('Số phiếu cần để trúng cử', '', '', '', res.required, false);
      for (const c of res.candidates) {
        const verdict = c.elected ? 'Trúng cử' : c.tied ? 'Bằng phiếu, phải bầu lại' : 'Không trúng cử';
        row('Ứng cử viên', '', c.name, verdict, c.votes, true);
      }
      break;
    case 'confidence':
      for (const s of res.subjects) {
        for (const l of CONFIDENCE_LEVELS) row('Tín nhiệm', '', s.name, lowerFirst(council.confidenceLabels[l].vi), s.counts[l], true);
        row('Đánh giá tín nhiệm thấp', '', s.name, confidenceVerdict(s), s.counts.low, true);
      }
      break;
  }
  for (const b of r.ballots ?? []) row('Phiếu ghi danh', b.seat, b.fullName, b.choice, '', false);
  for (const p of r.participation ?? []) row('Tham gia', p.seat, p.fullName, STATUS_TEXT[p.status], '', false);
  return out;
}

/** Whether "tín nhiệm thấp" reached the thresholds (Nghị quyết 96/2023/QH15): words for a record. */
export function confidenceVerdict(s: { lowMajority: boolean; lowTwoThirds: boolean }): string {
  if (s.lowTwoThirds) return 'Từ hai phần ba tổng số đại biểu trở lên đánh giá tín nhiệm thấp';
  if (s.lowMajority) return 'Quá nửa tổng số đại biểu đánh giá tín nhiệm thấp';
  return 'Chưa đến quá nửa tổng số đại biểu đánh giá tín nhiệm thấp';
}

export function resultsCsv(state: CouncilState, rounds: RoundExport[], times: LogTimes | null): string {
  const rows: CsvCell[][] = [[...CSV_COLUMNS]];
  for (const r of rounds) {
    const council = councilFor(state, r.sessionId, times);
    if (!council) continue;
    const base = [r.session, r.roundId, r.question, r.number, MODE[r.mode], STATUS[r.status]];
    for (const x of exportRows(council, r)) {
      rows.push([...base, x.item, x.seat, x.name, x.value, x.count, x.share === '' ? '' : formatPercent(x.count as number, r.seated)]);
    }
  }
  return toCsv(rows);
}
