// What each audience may see, computed from the state. The only place where visibility rules live:
// secret choices never leave the tally, interim totals only when the chair chose them, participation lists
// only for staff.

import type {
  AttendanceSummary,
  BallotReceipt,
  ChairSnapshot,
  DelegateMe,
  HallSeat,
  HallView,
  LiveSnapshot,
  NamedBoardEntry,
  RoundView,
  StaffRole,
} from '@hddt/protocol';
import { PROTOCOL_VERSION, delegateHasFloor, reconcileLayout } from '@hddt/protocol';
import { activeSession, agendaOf, presentIds, quorumMet, quorumRequired, seatedCount, speakersOf } from './queries';
import { defaultCouncilConfig } from './defaults';
import { computeResult, participationCount, roundTally } from './tally';
import type { CouncilState, RoundState } from './types';

export type Audience = 'staff' | 'delegate' | 'display';

export function roundView(state: CouncilState, round: RoundState, day: string, audience: Audience): RoundView {
  const motion = state.motions[round.motionId];
  const present = presentIds(state, round.sessionId, day).length;
  let result = null;
  if (round.status === 'closed' || round.status === 'announced') {
    result = round.result;
  } else if (round.status === 'open' && motion && motion.interim === 'live' && motion.mode !== 'secret' && state.council) {
    // Never for a secret ballot: totals that move after each delegate's press, seen beside who has voted
    // (voterIds, or simply watching the hall), would tell each choice.
    result = computeResult(state.council, motion, roundTally(round), round.seated, present);
  }
  const view: RoundView = {
    id: round.id,
    motionId: round.motionId,
    sessionId: round.sessionId,
    number: round.number,
    mode: motion?.mode ?? 'named',
    status: round.status,
    openedAt: round.openedAt,
    closesAt: round.closesAt,
    closedAt: round.closedAt,
    cancelledReason: round.cancelledReason,
    seated: round.seated,
    present: round.status === 'open' ? present : (round.result?.present ?? present),
    voted: participationCount(round),
    result,
    announcedAt: state.resultAnchors[round.id] ?? null,
  };
  if (round.status === 'announced') {
    const resolution = Object.values(state.resolutions).find((r) => r.roundId === round.id);
    if (resolution) view.resolutionCode = resolution.code;
  }
  if (audience === 'staff') {
    view.voterIds = [...round.ballots.keys(), ...Object.keys(round.participants)].sort();
  }
  return view;
}

export function attendanceSummary(state: CouncilState, day: string): AttendanceSummary {
  const session = activeSession(state);
  const seated = seatedCount(state);
  const required = quorumRequired(state);
  if (!session) return { sessionId: null, day: null, seated, present: 0, required, quorumMet: false };
  const present = presentIds(state, session.id, day).length;
  // The same rule decide applies when a vote is opened (and false before any council is configured).
  return { sessionId: session.id, day, seated, present, required, quorumMet: quorumMet(state, session.id, day) };
}

export function sessionRounds(state: CouncilState, sessionId: string): RoundState[] {
  return Object.values(state.rounds)
    .filter((r) => r.sessionId === sessionId)
    .sort((a, b) => (a.openedAt < b.openedAt ? -1 : a.openedAt > b.openedAt ? 1 : a.number - b.number));
}

export function liveSnapshot(state: CouncilState, seq: number, now: string, day: string, audience: Audience): LiveSnapshot {
  const session = activeSession(state);
  const sid = session?.id ?? null;
  return {
    protocolVersion: PROTOCOL_VERSION,
    seq,
    serverTime: now,
    council: state.council ?? defaultCouncilConfig('uninitialised'),
    seatedCount: seatedCount(state),
    session,
    agenda: sid ? agendaOf(state, sid) : [],
    documents:
      sid && audience !== 'display'
        ? Object.values(state.documents)
            .filter((d) => d.sessionId === sid)
            .sort((a, b) => (a.uploadedAt < b.uploadedAt ? -1 : 1))
        : [],
    motions: sid ? Object.values(state.motions).filter((m) => m.sessionId === sid) : [],
    rounds: sid ? sessionRounds(state, sid).map((r) => roundView(state, r, day, audience)) : [],
    attendance: attendanceSummary(state, day),
    speakers: sid ? speakersOf(state, sid) : [],
    display: state.display,
  };
}

export function chairSnapshot(
  state: CouncilState,
  seq: number,
  now: string,
  day: string,
  staff: { username: string; role: StaffRole },
  connectedDelegateIds: string[],
): ChairSnapshot {
  const live = liveSnapshot(state, seq, now, day, 'staff');
  const session = activeSession(state);
  return {
    ...live,
    sessions: Object.values(state.sessions).sort((a, b) => (a.startDate < b.startDate ? 1 : -1)),
    delegates: Object.values(state.delegates).sort((a, b) => a.seat - b.seat),
    attendanceRecords: session ? Object.values(state.attendance[session.id]?.[day] ?? {}) : [],
    connectedDelegateIds,
    staff,
  };
}

export function ballotReceipt(round: RoundState, delegateId: string): BallotReceipt | null {
  const ballot = round.ballots.get(delegateId);
  if (ballot) return { roundId: round.id, choice: ballot.choice, secret: false, at: ballot.at };
  if (round.participants[delegateId]) {
    // Secret ballot: the server knows only that this delegate took part, not when or how.
    return { roundId: round.id, choice: null, secret: true, at: round.openedAt };
  }
  return null;
}

export function delegateMe(state: CouncilState, delegateId: string, day: string): DelegateMe | null {
  const delegate = state.delegates[delegateId];
  if (!delegate) return null;
  const session = activeSession(state);
  const ballots: BallotReceipt[] = [];
  let checkedIn = false;
  let speakerPosition: number | null = null;
  if (session) {
    checkedIn = state.attendance[session.id]?.[day]?.[delegateId]?.status === 'present';
    for (const round of sessionRounds(state, session.id)) {
      const receipt = ballotReceipt(round, delegateId);
      if (receipt) ballots.push(receipt);
    }
    // The floor is this delegate's during their speech or their question, not while an official answers it; the
    // place in the queue is that of their request to speak, counting everyone waiting before it.
    const list = speakersOf(state, session.id);
    const queue = list.filter((e) => e.status === 'waiting');
    if (list.some((e) => delegateHasFloor(e, delegateId))) speakerPosition = 0;
    else {
      const index = queue.findIndex((e) => e.delegateId === delegateId && !e.question);
      speakerPosition = index >= 0 ? index + 1 : null;
    }
  }
  return { delegate, checkedIn, ballots, speakerPosition };
}

/** Per-delegate board of a named round (seat order). Refused for other modes by the caller. */
/** `day`: the session day (council time zone) the round was opened on, whose attendance tells who was present. */
export function namedBoard(state: CouncilState, round: RoundState, day: string): NamedBoardEntry[] {
  const attendance = state.attendance[round.sessionId]?.[day] ?? {};
  return Object.values(state.delegates)
    .filter((d) => d.seated || round.ballots.get(d.id))
    .sort((a, b) => a.seat - b.seat)
    .map((d) => {
      const ballot = round.ballots.get(d.id);
      const choice = ballot?.choice ?? null;
      return {
        delegateId: d.id,
        seat: d.seat,
        fullName: d.fullName,
        option: choice && choice.type === 'option' ? choice.option : null,
        choice,
        present: attendance[d.id]?.status === 'present',
      };
    });
}

/**
 * The hall display's seat map: the layout to draw (the secretariat's, or the automatic one) and each seated
 * delegate with today's attendance. Attendance is public in the hall (the chair reads it out); nothing of any
 * ballot is here.
 */
export function hallView(state: CouncilState, day: string): HallView {
  const session = activeSession(state);
  const records = session ? (state.attendance[session.id]?.[day] ?? {}) : {};
  const seats: HallSeat[] = Object.values(state.delegates)
    .filter((d) => d.seated)
    .sort((a, b) => a.seat - b.seat)
    .map((d) => {
      const status = records[d.id]?.status;
      return { seat: d.seat, delegateId: d.id, fullName: d.fullName, presence: status === 'present' ? 'present' : status === 'excused' ? 'excused' : 'absent' };
    });
  return {
    layout: reconcileLayout(
      state.council?.hallLayout,
      seats.map((s) => s.seat),
    ),
    seats,
  };
}
