// The record of a session, computed from the council's state (and the log for the times the state does not
// keep): who attended each day, each agenda item with its documents, every vote round with its announced
// result in the official wording, named ballots, speakers and adopted resolutions. The minutes, the archive
// and the exports are all views of this one record, so they cannot disagree. Practice votes never appear.

import type { BallotChoice, BallotMode, CouncilConfig, Delegate, DocumentType, RoundResult } from '@hddt/protocol';
import {
  BALLOT_MODE_LABEL,
  recipientLines,
  CONFIDENCE_LEVELS,
  NO_BALLOT_LABELS,
  VOTE_OPTIONS,
  absenceSentence,
  countingSentence,
  formatPercent,
  participationPhrase,
  sessionTitle,
} from '@hddt/protocol';
import type { BallotStatus } from '@hddt/protocol';
import { agendaOf, speakersOf } from '../domain/queries';
import { requiredCount } from '../domain/majority';
import type { CouncilState, DomainEvent, RoundState } from '../domain/types';
import { sessionRounds } from '../domain/views';
import { dayIn } from '../engine';
// The record shapes are the contract with the console: defined once, in @hddt/protocol.
import type {
  PersonRef,
  AttendanceDay,
  LogHead,
  NamedBallotRow,
  RoundRecord,
  DocumentRecord,
  ResolutionRecord,
  ItemRecord,
  SpeakerRecord,
  SessionRecord,
} from '@hddt/protocol';
export type { PersonRef, AttendanceDay, LogHead, NamedBallotRow, RoundRecord, DocumentRecord, ResolutionRecord, ItemRecord, SpeakerRecord, SessionRecord };

/** A delegate as the roster had them at some moment of the log (name, seat and position then). */
export interface RosterEntry {
  id: string;
  seat: number;
  fullName: string;
  title: string;
}

/**
 * What the records need from the log beyond the current state: the state keeps when a round closed, not when it
 * was announced, and it keeps today's roster and settings, not those of the day a round was held. Every record
 * of a round is built from these snapshots, so a roster edit, a vacancy or a settings change made later
 * changes no minutes and no export of an earlier round.
 */
export interface LogTimes {
  announcedAt: Record<string, string>;
  /**
   * `${sessionId}|${day}` → the delegates holding a seat when that day's attendance began (its first record).
   * N for a day is who held a seat that day, not who holds one now: a seat vacated later changes neither.
   */
  seatedOnDay: Record<string, string[]>;
  /** `${sessionId}|${day}` → the same delegates with their names and seats as they were then. */
  rosterOnDay?: Record<string, RosterEntry[]>;
  /** roundId → the delegates holding a seat when the round opened, in seat order, as they were then. */
  roundRoster?: Record<string, RosterEntry[]>;
  /** roundId → the delegates counted present (roll call of that day) when the round closed. */
  roundPresent?: Record<string, string[]>;
  /** sessionId → the council's settings when the session closed (labels, name, term of its documents). */
  councilAtClose?: Record<string, CouncilConfig>;
}

export function logTimes(entries: Iterable<{ event: DomainEvent; at: string }>): LogTimes {
  const announcedAt: Record<string, string> = {};
  const seatedOnDay: Record<string, string[]> = {};
  const rosterOnDay: Record<string, RosterEntry[]> = {};
  const roundRoster: Record<string, RosterEntry[]> = {};
  const roundPresent: Record<string, string[]> = {};
  const councilAtClose: Record<string, CouncilConfig> = {};
  const delegates = new Map<string, Delegate>();
  /** `${sessionId}|${day}` → delegateId → present */
  const attendance = new Map<string, Map<string, boolean>>();
  const roundSession = new Map<string, string>();
  let council = null as CouncilConfig | null;
  const seatedRoster = (): RosterEntry[] =>
    [...delegates.values()]
      .filter((d) => d.seated)
      .sort((a, b) => a.seat - b.seat)
      .map((d) => ({ id: d.id, seat: d.seat, fullName: d.fullName, title: d.title }));
  const update = (id: string, patch: Partial<Delegate>) => {
    const d = delegates.get(id);
    if (d) delegates.set(id, { ...d, ...patch });
  };
  for (const { event, at } of entries) {
    switch (event.type) {
      case 'council.initialized':
        council = { ...event.council };
        break;
      case 'council.configured':
        if (council) council = { ...council, ...event.patch };
        break;
      case 'hall.laid-out':
        if (council) council = { ...council, hallLayout: event.layout };
        break;
      case 'round.opened':
        roundSession.set(event.roundId, event.sessionId);
        roundRoster[event.roundId] = seatedRoster();
        break;
      case 'round.closed': {
        const sessionId = roundSession.get(event.roundId);
        if (sessionId && council) {
          const day = dayIn(council.timeZone, Date.parse(at));
          const records = attendance.get(`${sessionId}|${day}`);
          roundPresent[event.roundId] = records ? [...records].filter(([id, present]) => present && delegates.get(id)?.seated).map(([id]) => id) : [];
        }
        break;
      }
      case 'round.announced':
        announcedAt[event.roundId] ??= at;
        break;
      case 'session.closed':
        if (council) councilAtClose[event.sessionId] = council;
        break;
      case 'delegate.added':
        delegates.set(event.delegate.id, { ...event.delegate });
        break;
      case 'delegate.updated':
        update(event.delegateId, event.patch);
        break;
      case 'delegate.vacated':
        update(event.delegateId, { seated: false });
        break;
      case 'delegate.reseated':
        update(event.delegateId, { seated: true });
        break;
      case 'attendance.recorded': {
        const key = `${event.sessionId}|${event.day}`;
        if (!seatedOnDay[key]) {
          const roster = seatedRoster();
          seatedOnDay[key] = roster.map((r) => r.id);
          rosterOnDay[key] = roster;
        }
        let records = attendance.get(key);
        if (!records) attendance.set(key, (records = new Map()));
        records.set(event.record.delegateId, event.record.status === 'present');
        break;
      }
      case 'attendance.cleared':
        attendance.get(`${event.sessionId}|${event.day}`)?.delete(event.delegateId);
        break;
      default:
        break;
    }
  }
  return { announcedAt, seatedOnDay, rosterOnDay, roundRoster, roundPresent, councilAtClose };
}

const MODE_TEXT: Record<BallotMode, string> = {
  named: BALLOT_MODE_LABEL.named.vi,
  anonymous: BALLOT_MODE_LABEL.anonymous.vi,
  secret: BALLOT_MODE_LABEL.secret.vi,
};

const DOC_TYPE_TEXT: Record<DocumentType, string> = {
  'to-trinh': 'Tờ trình',
  'bao-cao': 'Báo cáo',
  'bao-cao-tham-tra': 'Báo cáo thẩm tra',
  'du-thao-nghi-quyet': 'Dự thảo Nghị quyết',
  'nghi-quyet': 'Nghị quyết',
  other: 'Tài liệu',
};

export function lowerFirst(s: string): string {
  return s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
}

/** "08 giờ 30" in the council's time zone. */
export function clockTimeVi(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso));
  const h = parts.find((p) => p.type === 'hour')?.value ?? '00';
  const m = parts.find((p) => p.type === 'minute')?.value ?? '00';
  return `${h} giờ ${m}`;
}

/** "05/7/2026" (the day in the council's time zone). */
export function shortDateVi(isoDay: string): string {
  const [y, m, d] = isoDay.slice(0, 10).split('-');
  return `${d}/${Number(m)}/${y}`;
}

function statusText(round: RoundState): string {
  switch (round.status) {
    case 'open':
      return 'Đang biểu quyết (chưa kết thúc)';
    case 'closed':
      return 'Đã kết thúc, chưa công bố kết quả';
    case 'announced':
      return 'Đã công bố kết quả';
    case 'cancelled':
      return `Đã hủy${round.cancelledReason ? ` (lý do: ${round.cancelledReason})` : ''}`;
  }
}

/** The official sentences announcing a result: counts and percentages of ALL seated delegates N. */
export function resultLines(council: CouncilConfig, result: RoundResult): string[] {
  const n = result.seated;
  const pct = (c: number) => formatPercent(c, n, 'vi');
  const lines: string[] = [];
  const head = `Có mặt ${result.present}/${n}; ${participationPhrase(result.kind, 'vi')} ${result.participated} (${pct(result.participated)})`;
  switch (result.kind) {
    case 'options': {
      const parts = VOTE_OPTIONS.map((o) => `${lowerFirst(council.voteLabels[o].vi)} ${result.counts[o]} (${pct(result.counts[o])})`);
      lines.push(`${head}; ${parts.join('; ')}.`);
      lines.push(
        result.passed
          ? `Kết quả: THÔNG QUA (cần ít nhất ${result.required}/${n} đại biểu ${lowerFirst(council.voteLabels.yes.vi)}).`
          : `Kết quả: KHÔNG THÔNG QUA (cần ít nhất ${result.required}/${n} đại biểu ${lowerFirst(council.voteLabels.yes.vi)}).`,
      );
      break;
    }
    case 'election': {
      lines.push(`${head}; số người cần bầu: ${result.seats}; số phiếu cần để trúng cử: ${result.required}/${n}.`);
      lines.push(countingSentence(result)!);
      for (const c of result.candidates) {
        const verdict = c.elected ? 'trúng cử' : c.tied ? 'bằng phiếu, phải bầu lại' : 'không trúng cử';
        lines.push(`${c.name}: ${c.votes} phiếu (${pct(c.votes)}) — ${verdict}.`);
      }
      if (result.tieNeedsRevote) lines.push('Có người bằng phiếu ở vị trí cuối cùng: phải bầu lại.');
      break;
    }
    case 'confidence': {
      lines.push(`${head}.`);
      lines.push(countingSentence(result)!);
      for (const s of result.subjects) {
        const parts = CONFIDENCE_LEVELS.map((l) => `${lowerFirst(council.confidenceLabels[l].vi)} ${s.counts[l]} (${pct(s.counts[l])})`);
        let note = '';
        if (s.lowTwoThirds) note = ' — từ hai phần ba tổng số đại biểu trở lên đánh giá tín nhiệm thấp: phải trình miễn nhiệm';
        else if (s.lowMajority) note = ' — quá nửa tổng số đại biểu đánh giá tín nhiệm thấp';
        lines.push(`${s.name}: ${parts.join('; ')}${note}.`);
      }
      break;
    }
  }
  lines.push(absenceSentence(result));
  return lines;
}

export function choiceText(council: CouncilConfig, choice: BallotChoice | null, names: Record<string, string>): string {
  if (!choice) return NO_BALLOT_LABELS.notVoted.vi;
  switch (choice.type) {
    case 'option':
      return council.voteLabels[choice.option].vi;
    case 'election':
      return choice.candidateIds.length === 0 ? 'Không bầu ai' : choice.candidateIds.map((id) => names[id] ?? id).join(', ');
    case 'confidence':
      return Object.entries(choice.ratings)
        .map(([id, level]) => `${names[id] ?? id}: ${lowerFirst(council.confidenceLabels[level].vi)}`)
        .join('; ');
  }
}

function person(d: Delegate | RosterEntry): PersonRef {
  return { delegateId: d.id, seat: d.seat, fullName: d.fullName };
}

/**
 * Who a round's records list, and how each took part: the delegates holding a seat when the round opened (as
 * they were then, from the log), each marked voted, present without a ballot ("not-voted") or absent from the
 * roll call when the round closed. Today's roster plays no part, unless the log has no snapshot of the round.
 */
export function roundParticipants(state: CouncilState, round: RoundState, times: LogTimes | null): { entry: RosterEntry; status: BallotStatus }[] {
  const tookPart = (id: string) => Boolean(round.ballots.get(id) || round.participants[id]);
  let roster = times?.roundRoster?.[round.id];
  if (!roster) {
    roster = Object.values(state.delegates)
      .filter((d) => d.seated || tookPart(d.id))
      .map((d) => ({ id: d.id, seat: d.seat, fullName: d.fullName, title: d.title }));
  } else {
    // A ballot always counts, even from someone the snapshot missed (it cannot happen: only the seated vote).
    const listed = new Set(roster.map((r) => r.id));
    const extra = [...round.ballots.keys(), ...Object.keys(round.participants)]
      .filter((id) => !listed.has(id) && state.delegates[id])
      .map((id) => {
        const d = state.delegates[id]!;
        return { id, seat: d.seat, fullName: d.fullName, title: d.title };
      });
    roster = [...roster, ...extra];
  }
  const presentList = times?.roundPresent?.[round.id];
  const present = new Set(
    presentList ??
      (round.closedAt && state.council
        ? Object.values(state.attendance[round.sessionId]?.[dayIn(state.council.timeZone, Date.parse(round.closedAt))] ?? {})
            .filter((r) => r.status === 'present')
            .map((r) => r.delegateId)
        : []),
  );
  return [...roster]
    .sort((a, b) => a.seat - b.seat)
    .map((entry) => ({ entry, status: tookPart(entry.id) ? 'voted' : present.has(entry.id) ? 'not-voted' : 'absent' }));
}

/** The words for a delegate's line in a named result (choice, "Không biểu quyết" or "Vắng mặt"). */
export function ballotLineText(council: CouncilConfig, status: BallotStatus, choice: BallotChoice | null, names: Record<string, string>): string {
  if (status === 'absent') return NO_BALLOT_LABELS.absent.vi;
  return choiceText(council, choice, names);
}

export function roundRecord(state: CouncilState, council: CouncilConfig, round: RoundState, times: LogTimes): RoundRecord | null {
  const motion = state.motions[round.motionId];
  if (!motion || motion.practice) return null;
  const names = Object.fromEntries(motion.candidates.map((c) => [c.id, c.name]));
  const result = round.status === 'closed' || round.status === 'announced' ? round.result : null;
  let namedBallots: NamedBallotRow[] | null = null;
  if (motion.mode === 'named' && result) {
    namedBallots = roundParticipants(state, round, times).map(({ entry, status }) => {
      const choice = round.ballots.get(entry.id)?.choice ?? null;
      return {
        ...person(entry),
        status,
        choice: ballotLineText(council, status, choice, names),
        option: choice?.type === 'option' ? choice.option : null,
      };
    });
  }
  const resolution = Object.values(state.resolutions).find((r) => r.roundId === round.id);
  return {
    id: round.id,
    motionId: motion.id,
    itemId: motion.itemId,
    question: motion.question,
    kind: motion.kind,
    mode: motion.mode,
    modeText: MODE_TEXT[motion.mode],
    number: round.number,
    repeated: round.number > 1,
    status: round.status,
    statusText: statusText(round),
    cancelledReason: round.cancelledReason,
    openedAt: round.openedAt,
    closedAt: round.closedAt,
    announcedAt: times.announcedAt[round.id] ?? null,
    seated: round.seated,
    result,
    resultLines: result ? resultLines(council, result) : [],
    namedBallots,
    resolutionCode: resolution?.code ?? null,
  };
}

function attendanceDays(state: CouncilState, council: CouncilConfig, sessionId: string, times: LogTimes): AttendanceDay[] {
  const days = Object.keys(state.attendance[sessionId] ?? {}).sort();
  return days.map((day) => {
    const key = `${sessionId}|${day}`;
    const onDay = times.seatedOnDay[key];
    const seatedThen = onDay ? new Set(onDay) : null;
    // Names and seats as they were that day when the log has them; otherwise today's, for those seated then.
    const seatedList: RosterEntry[] =
      (onDay ? times.rosterOnDay?.[key] : undefined) ??
      Object.values(state.delegates)
        .filter((d) => (seatedThen ? seatedThen.has(d.id) : d.seated))
        .sort((a, b) => a.seat - b.seat)
        .map((d) => ({ id: d.id, seat: d.seat, fullName: d.fullName, title: d.title }));
    const n = seatedList.length;
    const required = requiredCount(council.quorum, n);
    const records = state.attendance[sessionId]?.[day] ?? {};
    const present = seatedList.filter((d) => records[d.id]?.status === 'present').length;
    const excused = seatedList.filter((d) => records[d.id]?.status === 'excused').map((d) => ({ ...person(d), reason: records[d.id]?.reason ?? '' }));
    const absent = seatedList.filter((d) => !records[d.id]).map(person);
    const quorumMet = n > 0 && present >= required;
    const excusedText =
      excused.length === 0
        ? 'vắng có lý do: 0'
        : `vắng có lý do: ${excused.length} (${excused.map((e) => (e.reason ? `${e.fullName} — ${e.reason}` : e.fullName)).join('; ')})`;
    const absentText = absent.length === 0 ? 'vắng không có lý do: 0' : `vắng không có lý do: ${absent.length} (${absent.map((a) => a.fullName).join('; ')})`;
    const text =
      `Ngày ${shortDateVi(day)}: có mặt ${present}/${n} đại biểu (${formatPercent(present, n)}); ${excusedText}; ${absentText}. ` +
      (quorumMet
        ? `Đủ số đại biểu để tiến hành kỳ họp (cần ít nhất ${required}/${n}).`
        : `Không đủ số đại biểu để tiến hành kỳ họp (cần ít nhất ${required}/${n}).`);
    return { day, seated: n, present, excused, absent, quorumRequired: required, quorumMet, text };
  });
}

export function sessionRecord(state: CouncilState, sessionId: string, head: LogHead, times: LogTimes): SessionRecord | null {
  const session = state.sessions[sessionId];
  // A closed session is printed with the settings it closed under (labels, name, term), not today's.
  const council = times.councilAtClose?.[sessionId] ?? state.council;
  if (!session || !council) return null;
  const rounds = sessionRounds(state, sessionId)
    .map((r) => roundRecord(state, council, r, times))
    .filter((r): r is RoundRecord => r !== null);
  const resolutions: ResolutionRecord[] = Object.values(state.resolutions)
    .filter((r) => r.sessionId === sessionId)
    .sort((a, b) => a.year - b.year || a.number - b.number)
    .map((r) => ({ id: r.id, code: r.code, title: r.title, adoptedOn: r.adoptedOn, itemId: r.itemId, roundId: r.roundId, normative: r.normative }));
  const agenda = agendaOf(state, sessionId);
  const itemIds = new Set(agenda.map((a) => a.id));
  const items: ItemRecord[] = agenda.map((a) => ({
    id: a.id,
    order: a.order,
    title: a.title,
    presenter: a.presenter,
    documents: Object.values(state.documents)
      .filter((d) => d.itemId === a.id)
      .sort((x, y) => (x.uploadedAt < y.uploadedAt ? -1 : x.uploadedAt > y.uploadedAt ? 1 : 0))
      .map((d) => ({ id: d.id, title: d.title, docType: d.docType, docTypeText: DOC_TYPE_TEXT[d.docType], pages: d.pages, sha256: d.sha256 })),
    rounds: rounds.filter((r) => r.itemId === a.id),
    resolutions: resolutions.filter((r) => r.itemId === a.id),
  }));
  const speakers: SpeakerRecord[] = speakersOf(state, sessionId)
    .filter((e) => e.startedAt !== null)
    .sort((a, b) => (a.startedAt! < b.startedAt! ? -1 : a.startedAt! > b.startedAt! ? 1 : 0))
    .map((e, i) => ({
      order: i + 1,
      name: e.name,
      // A guest keeps the title entered for them; a delegate's comes from the roster.
      title: e.delegateId ? e.title || (state.delegates[e.delegateId]?.title ?? '') : (e.title ?? ''),
      seat: e.delegateId ? (state.delegates[e.delegateId]?.seat ?? null) : null,
      guest: e.delegateId === null,
      startedAt: e.startedAt!,
      endedAt: e.endedAt,
      ...(e.rebuttal ? { rebuttal: true } : {}),
      ...(e.question
        ? {
            question: {
              answererName: e.question.answererName,
              answererTitle: e.question.answererTitle,
              topic: e.question.topic,
              answerStartedAt: e.question.answerStartedAt,
              answerEndedAt: e.question.answerEndedAt,
            },
          }
        : {}),
    }));
  const documentDate = session.closedAt ? dayIn(council.timeZone, Date.parse(session.closedAt)) : session.endDate;
  return {
    logHead: head,
    council: {
      id: council.id,
      name: council.name.vi,
      issuingBody: council.issuingBody,
      place: council.place,
      term: council.term,
      timeZone: council.timeZone,
      termOrdinal: council.termOrdinal ?? '',
    },
    session: {
      id: session.id,
      number: session.number,
      heading: sessionTitle(session.number, 'vi'),
      title: session.title,
      startDate: session.startDate,
      endDate: session.endDate,
      place: session.place,
      status: session.status,
      openedAt: session.openedAt,
      closedAt: session.closedAt,
      chairName: session.chairName,
      secretaryName: session.secretaryName,
      chairTitle: session.chairTitle ?? '',
      secretaryTitle: session.secretaryTitle ?? '',
      guests: session.guests ?? [],
      countingBoard: session.countingBoard ?? [],
    },
    documentDate,
    recipients: recipientLines(council.minutesRecipients),
    attendance: attendanceDays(state, council, sessionId, times),
    items,
    otherRounds: rounds.filter((r) => r.itemId === null || !itemIds.has(r.itemId)),
    speakers,
    resolutions,
  };
}
