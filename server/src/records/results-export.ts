// Vote results for spreadsheets and other systems: one round, one session or the whole term, as JSON and as
// CSV (UTF-8 with BOM, CRLF). Named rounds list each delegate's choice. Anonymous and secret rounds give only
// totals and who took part — in seat order, without times — so nothing can re-link a choice to a delegate.
// Practice votes are left out of session and term exports.

import type { BallotMode, CouncilConfig, RoundStatus } from '@hddt/protocol';
import { CONFIDENCE_LEVELS, VOTE_OPTIONS, formatPercent, sessionTitle } from '@hddt/protocol';
import type { CouncilState, RoundState } from '../domain/types';
import { sessionRounds } from '../domain/views';
import { choiceText, lowerFirst, type LogHead } from './session-record';
// The record shapes are the contract with the console: defined once, in @hddt/protocol.
import type { BallotExportRow, ParticipationRow, RoundExport, ResultsExport } from '@hddt/protocol';
export type { BallotExportRow, ParticipationRow, RoundExport, ResultsExport };






export function roundExport(state: CouncilState, round: RoundState): RoundExport | null {
  const council = state.council;
  const motion = state.motions[round.motionId];
  const session = state.sessions[round.sessionId];
  if (!council || !motion || !session) return null;
  const result = round.status === 'closed' || round.status === 'announced' ? round.result : null;
  const names = Object.fromEntries(motion.candidates.map((c) => [c.id, c.name]));
  const roster = Object.values(state.delegates)
    .filter((d) => d.seated || round.ballots[d.id] || round.participants[d.id])
    .sort((a, b) => a.seat - b.seat);
  let ballots: BallotExportRow[] | null = null;
  let participation: ParticipationRow[] | null = null;
  if (result && motion.mode === 'named') {
    ballots = roster.map((d) => {
      const choice = round.ballots[d.id]?.choice ?? null;
      return {
        seat: d.seat,
        fullName: d.fullName,
        delegateId: d.id,
        choice: choiceText(council, choice, names),
        option: choice?.type === 'option' ? choice.option : null,
      };
    });
  } else if (result) {
    participation = roster.map((d) => ({
      seat: d.seat,
      fullName: d.fullName,
      delegateId: d.id,
      participated: Boolean(round.ballots[d.id] || round.participants[d.id]),
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
    ballots,
    participation,
  };
}

export function exportHeader(state: CouncilState, scope: ResultsExport['scope'], head: LogHead, rounds: RoundExport[]): ResultsExport {
  const c = state.council;
  return { scope, logHead: head, council: { id: c?.id ?? '', name: c?.name.vi ?? '', term: c?.term ?? '' }, rounds };
}

export function sessionExports(state: CouncilState, sessionId: string): RoundExport[] {
  return sessionRounds(state, sessionId)
    .map((r) => roundExport(state, r))
    .filter((r): r is RoundExport => r !== null && !r.practice);
}

export function termExports(state: CouncilState): RoundExport[] {
  return Object.values(state.sessions)
    .sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.number - b.number))
    .flatMap((s) => sessionExports(state, s.id));
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

function cell(value: string | number): string {
  const s = String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csvRows(council: CouncilConfig, r: RoundExport): (string | number)[][] {
  const base = [r.session, r.roundId, r.question, r.number, MODE[r.mode], STATUS[r.status]];
  const n = r.seated;
  const row = (item: string, seat: number | '', name: string, value: string, count: number | '', pct: string) => [
    ...base,
    item,
    seat,
    name,
    value,
    count,
    pct,
  ];
  const out: (string | number)[][] = [];
  if (r.status === 'cancelled') {
    out.push(row('Hủy', '', '', r.cancelledReason ?? '', '', ''));
    return out;
  }
  const res = r.result;
  if (!res) {
    out.push(row('Chưa có kết quả', '', '', '', '', ''));
    return out;
  }
  out.push(row('Tổng số đại biểu', '', '', '', n, ''));
  out.push(row('Có mặt', '', '', '', res.present, formatPercent(res.present, n)));
  out.push(row('Tham gia biểu quyết', '', '', '', res.participated, formatPercent(res.participated, n)));
  switch (res.kind) {
    case 'options':
      for (const o of VOTE_OPTIONS) out.push(row('Kết quả', '', '', council.voteLabels[o].vi, res.counts[o], formatPercent(res.counts[o], n)));
      out.push(row('Kết luận', '', '', res.passed ? 'Thông qua' : 'Không thông qua', res.required, ''));
      break;
    case 'election':
      for (const c of res.candidates) {
        const verdict = c.elected ? 'Trúng cử' : c.tied ? 'Bằng phiếu, phải bầu lại' : 'Không trúng cử';
        out.push(row('Ứng cử viên', '', c.name, verdict, c.votes, formatPercent(c.votes, n)));
      }
      break;
    case 'confidence':
      for (const s of res.subjects) {
        for (const l of CONFIDENCE_LEVELS) {
          out.push(row('Tín nhiệm', '', s.name, lowerFirst(council.confidenceLabels[l].vi), s.counts[l], formatPercent(s.counts[l], n)));
        }
      }
      break;
  }
  for (const b of r.ballots ?? []) out.push(row('Phiếu ghi danh', b.seat, b.fullName, b.choice, '', ''));
  for (const p of r.participation ?? []) out.push(row('Tham gia', p.seat, p.fullName, p.participated ? 'Có' : 'Không', '', ''));
  return out;
}

export function resultsCsv(state: CouncilState, rounds: RoundExport[]): string {
  const council = state.council;
  const lines = [CSV_COLUMNS.map(cell).join(',')];
  if (council) for (const r of rounds) for (const row of csvRows(council, r)) lines.push(row.map(cell).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
