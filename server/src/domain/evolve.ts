// Folding one recorded event into the state. Pure and total: every event type is handled, and an event
// never fails to apply (decide already checked it against the same state).

import type { AttendanceRecord, Motion } from '@hddt/protocol';
import { DEFAULT_DISPLAY } from './defaults';
import { addToTally, emptyTally } from './tally';
import type { CouncilState, DomainEvent, RoundState, SecretChoice } from './types';
import { exhaustive } from './types';

export function emptyState(): CouncilState {
  return {
    council: null,
    delegates: {},
    sessions: {},
    activeSessionId: null,
    agenda: {},
    documents: {},
    motions: {},
    rounds: {},
    attendance: {},
    speakers: {},
    display: DEFAULT_DISPLAY,
    openCommands: {},
  };
}

function without<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  const next = { ...record };
  delete next[key];
  return next;
}

function updateRound(state: CouncilState, roundId: string, fn: (round: RoundState) => RoundState): CouncilState {
  const round = state.rounds[roundId];
  if (!round) return state;
  return { ...state, rounds: { ...state.rounds, [roundId]: fn(round) } };
}

function setAttendance(
  state: CouncilState,
  sessionId: string,
  day: string,
  fn: (records: Readonly<Record<string, AttendanceRecord>>) => Readonly<Record<string, AttendanceRecord>>,
): CouncilState {
  const bySession = state.attendance[sessionId] ?? {};
  const records = bySession[day] ?? {};
  return {
    ...state,
    attendance: { ...state.attendance, [sessionId]: { ...bySession, [day]: fn(records) } },
  };
}

/** `at` is the time the event was recorded (the log's timestamp). */
export function evolve(state: CouncilState, event: DomainEvent, at: string): CouncilState {
  switch (event.type) {
    case 'council.initialized':
      return { ...state, council: event.council };
    case 'council.configured':
      return state.council ? { ...state, council: { ...state.council, ...event.patch } } : state;
    case 'delegate.added':
      return { ...state, delegates: { ...state.delegates, [event.delegate.id]: event.delegate } };
    case 'delegate.updated': {
      const d = state.delegates[event.delegateId];
      return d ? { ...state, delegates: { ...state.delegates, [d.id]: { ...d, ...event.patch } } } : state;
    }
    case 'delegate.vacated': {
      const d = state.delegates[event.delegateId];
      return d
        ? { ...state, delegates: { ...state.delegates, [d.id]: { ...d, seated: false, vacatedReason: event.reason } } }
        : state;
    }
    case 'delegate.reseated': {
      const d = state.delegates[event.delegateId];
      return d
        ? { ...state, delegates: { ...state.delegates, [d.id]: { ...d, seated: true, vacatedReason: null } } }
        : state;
    }
    case 'session.created':
      return {
        ...state,
        sessions: { ...state.sessions, [event.session.id]: event.session },
        activeSessionId: state.activeSessionId ?? event.session.id,
      };
    case 'session.updated': {
      const s = state.sessions[event.sessionId];
      return s ? { ...state, sessions: { ...state.sessions, [s.id]: { ...s, ...event.patch } } } : state;
    }
    case 'session.selected':
      return { ...state, activeSessionId: event.sessionId, display: DEFAULT_DISPLAY };
    case 'session.opened': {
      const s = state.sessions[event.sessionId];
      return s
        ? {
            ...state,
            activeSessionId: s.id,
            sessions: { ...state.sessions, [s.id]: { ...s, status: 'open', openedAt: s.openedAt ?? at, closedAt: null } },
          }
        : state;
    }
    case 'session.closed': {
      const s = state.sessions[event.sessionId];
      return s
        ? {
            ...state,
            sessions: { ...state.sessions, [s.id]: { ...s, status: 'closed', closedAt: at, rollCallOpen: false } },
          }
        : state;
    }
    case 'rollcall.opened':
    case 'rollcall.closed': {
      const s = state.sessions[event.sessionId];
      return s
        ? {
            ...state,
            sessions: { ...state.sessions, [s.id]: { ...s, rollCallOpen: event.type === 'rollcall.opened' } },
          }
        : state;
    }
    case 'attendance.recorded':
      return setAttendance(state, event.sessionId, event.day, (r) => ({ ...r, [event.record.delegateId]: event.record }));
    case 'attendance.cleared':
      return setAttendance(state, event.sessionId, event.day, (r) => without(r, event.delegateId));
    case 'agenda.added':
      return { ...state, agenda: { ...state.agenda, [event.item.id]: event.item } };
    case 'agenda.updated': {
      const item = state.agenda[event.itemId];
      if (!item) return state;
      const next = {
        ...item,
        ...(event.title !== undefined ? { title: event.title } : {}),
        ...(event.presenter !== undefined ? { presenter: event.presenter } : {}),
      };
      return { ...state, agenda: { ...state.agenda, [item.id]: next } };
    }
    case 'agenda.removed': {
      const item = state.agenda[event.itemId];
      if (!item) return state;
      const sessions = { ...state.sessions };
      const s = sessions[item.sessionId];
      if (s && s.currentItemId === item.id) sessions[s.id] = { ...s, currentItemId: null };
      const documents = { ...state.documents };
      for (const d of Object.values(documents)) if (d.itemId === item.id) documents[d.id] = { ...d, itemId: null };
      const motions = { ...state.motions };
      for (const m of Object.values(motions)) if (m.itemId === item.id) motions[m.id] = { ...m, itemId: null };
      return { ...state, agenda: without(state.agenda, item.id), sessions, documents, motions };
    }
    case 'agenda.reordered': {
      const agenda = { ...state.agenda };
      event.itemIds.forEach((id, index) => {
        const item = agenda[id];
        if (item) agenda[id] = { ...item, order: index + 1 };
      });
      return { ...state, agenda };
    }
    case 'agenda.current-set': {
      const s = state.sessions[event.sessionId];
      return s ? { ...state, sessions: { ...state.sessions, [s.id]: { ...s, currentItemId: event.itemId } } } : state;
    }
    case 'document.added':
      return { ...state, documents: { ...state.documents, [event.document.id]: event.document } };
    case 'document.updated': {
      const d = state.documents[event.documentId];
      return d ? { ...state, documents: { ...state.documents, [d.id]: { ...d, ...event.patch } } } : state;
    }
    case 'document.removed':
      return { ...state, documents: without(state.documents, event.documentId) };
    case 'motion.prepared':
    case 'motion.updated':
      return { ...state, motions: { ...state.motions, [event.motion.id]: event.motion } };
    case 'motion.removed':
      return { ...state, motions: without(state.motions, event.motionId) };
    case 'round.opened': {
      const motion: Motion | undefined = state.motions[event.motionId];
      const round: RoundState = {
        id: event.roundId,
        motionId: event.motionId,
        sessionId: event.sessionId,
        number: event.number,
        status: 'open',
        openedAt: at,
        closesAt: event.closesAt,
        closedAt: null,
        cancelledReason: null,
        seated: event.seated,
        allowChange: event.allowChange,
        ballots: {},
        participants: {},
        secretTally: motion?.mode === 'secret' ? emptyTally() : null,
        result: null,
      };
      return {
        ...state,
        rounds: { ...state.rounds, [round.id]: round },
        openCommands: event.commandId ? { ...state.openCommands, [event.commandId]: round.id } : state.openCommands,
        display: { mode: 'vote', roundId: round.id },
      };
    }
    case 'ballot.cast':
      return updateRound(state, event.roundId, (r) => {
        const previous = r.ballots[event.delegateId];
        return {
          ...r,
          ballots: {
            ...r.ballots,
            [event.delegateId]: { choice: event.choice, at, changes: previous ? previous.changes + 1 : 0 },
          },
        };
      });
    case 'ballot.secret-cast':
      return updateRound(state, event.roundId, (r) => ({
        ...r,
        participants: { ...r.participants, [event.delegateId]: true },
      }));
    case 'round.closed':
      return updateRound(state, event.roundId, (r) => ({
        ...r,
        status: 'closed',
        closedAt: at,
        result: event.result,
        // The sealed result now carries the totals; the running secret tally is dropped.
        secretTally: null,
      }));
    case 'round.announced': {
      const next = updateRound(state, event.roundId, (r) => ({ ...r, status: 'announced' }));
      return { ...next, display: { mode: 'result', roundId: event.roundId } };
    }
    case 'round.cancelled':
      return updateRound(state, event.roundId, (r) => ({
        ...r,
        status: 'cancelled',
        closedAt: at,
        cancelledReason: event.reason,
        secretTally: null,
      }));
    case 'speaker.requested':
      return { ...state, speakers: { ...state.speakers, [event.entry.id]: event.entry } };
    case 'speaker.withdrawn':
    case 'speaker.removed': {
      const e = state.speakers[event.entryId];
      return e
        ? { ...state, speakers: { ...state.speakers, [e.id]: { ...e, status: 'withdrawn', endedAt: at } } }
        : state;
    }
    case 'speaker.started': {
      const e = state.speakers[event.entryId];
      return e
        ? { ...state, speakers: { ...state.speakers, [e.id]: { ...e, status: 'speaking', startedAt: at } } }
        : state;
    }
    case 'speaker.finished': {
      const e = state.speakers[event.entryId];
      return e ? { ...state, speakers: { ...state.speakers, [e.id]: { ...e, status: 'done', endedAt: at } } } : state;
    }
    case 'display.changed':
      return { ...state, display: event.display };
    case 'credential.delegate-issued':
    case 'credential.display-issued':
    case 'credential.display-revoked':
    case 'staff.created':
    case 'staff.password-reset':
    case 'security.refused':
    case 'security.device-takeover':
      return state;
    default:
      return exhaustive(event);
  }
}

/** Adds a secret choice to the running tally of its round (the choice is never part of any event). */
export function applySecretChoice(state: CouncilState, secret: SecretChoice): CouncilState {
  return updateRound(state, secret.roundId, (r) => ({
    ...r,
    secretTally: addToTally(r.secretTally ?? emptyTally(), secret.choice),
  }));
}
