// Sessions (kỳ họp), their roll call and each day's attendance.

import type { AttendanceRecord, Session } from '@hddt/protocol';
import { type Batch, type Draft, table } from '../batch';
import { DEFAULT_DISPLAY } from '../defaults';
import { isPresent, openRoundOf, openSession, requireActiveOpenSession, speakersOf } from '../queries';
import type { CouncilState, DomainEvent } from '../types';
import type { Deciders, Evolvers } from './kit';
import { fail, ok } from './kit';

type SessionCommand =
  | 'session.create'
  | 'session.update'
  | 'session.select'
  | 'session.open'
  | 'session.close'
  | 'rollcall.open'
  | 'rollcall.close'
  | 'attendance.checkin'
  | 'attendance.set';
type SessionEvent =
  | 'session.created'
  | 'session.updated'
  | 'session.selected'
  | 'session.opened'
  | 'session.closed'
  | 'rollcall.opened'
  | 'rollcall.closed'
  | 'attendance.recorded'
  | 'attendance.cleared';

export const sessionDeciders: Deciders<SessionCommand> = {
  'session.create': (_state, command, ctx) => {
    const session: Session = {
      id: ctx.newId(),
      ...command.input,
      status: 'draft',
      openedAt: null,
      closedAt: null,
      rollCallOpen: false,
      currentItemId: null,
    };
    return ok([{ type: 'session.created', session }], { result: { sessionId: session.id } });
  },

  'session.update': (state, command) => {
    const s = state.sessions[command.sessionId];
    if (!s) return fail('SESSION_NOT_FOUND');
    if (s.status === 'closed') return fail('SESSION_CLOSED');
    const merged = { ...s, ...command.patch };
    if (merged.endDate < merged.startDate) return fail('BAD_REQUEST');
    return ok([{ type: 'session.updated', sessionId: s.id, patch: command.patch }], { result: { sessionId: s.id } });
  },

  'session.select': (state, command) => {
    const s = state.sessions[command.sessionId];
    if (!s) return fail('SESSION_NOT_FOUND');
    if (state.activeSessionId === s.id) return ok([], { result: { sessionId: s.id } });
    const open = openSession(state);
    if (open && open.id !== s.id) return fail('ANOTHER_SESSION_OPEN');
    return ok([{ type: 'session.selected', sessionId: s.id }], { result: { sessionId: s.id } });
  },

  'session.open': (state, command) => {
    const s = state.sessions[command.sessionId];
    if (!s) return fail('SESSION_NOT_FOUND');
    if (s.status === 'open') return ok([], { result: { sessionId: s.id } });
    const open = openSession(state);
    if (open) return fail('ANOTHER_SESSION_OPEN');
    // A closed session can be reopened (a multi-day session, or a close pressed by mistake).
    return ok([{ type: 'session.opened', sessionId: s.id }], { result: { sessionId: s.id } });
  },

  'session.close': (state, command) => {
    const s = state.sessions[command.sessionId];
    if (!s) return fail('SESSION_NOT_FOUND');
    if (s.status !== 'open') return ok([], { result: { sessionId: s.id } });
    if (openRoundOf(state, s.id)) return fail('ROUND_IN_PROGRESS');
    const events: DomainEvent[] = [];
    for (const e of speakersOf(state, s.id)) {
      if (e.status === 'speaking') events.push({ type: 'speaker.finished', entryId: e.id });
    }
    events.push({ type: 'session.closed', sessionId: s.id });
    return ok(events, { result: { sessionId: s.id } });
  },

  'rollcall.open': (state) => rollCall(state, true),
  'rollcall.close': (state) => rollCall(state, false),

  'attendance.checkin': (state, command, { clock }) => {
    const s = requireActiveOpenSession(state);
    if (typeof s === 'string') return fail(s);
    const d = state.delegates[command.delegateId];
    if (!d) return fail('DELEGATE_NOT_FOUND');
    if (!d.seated) return fail('NOT_SEATED');
    if (isPresent(state, s.id, clock.day, d.id)) return ok([], { result: { delegateId: d.id } });
    if (!s.rollCallOpen) return fail('ROLLCALL_CLOSED');
    return ok(
      [
        {
          type: 'attendance.recorded',
          sessionId: s.id,
          day: clock.day,
          record: { delegateId: d.id, status: 'present', at: clock.now, by: 'self', reason: null },
        },
      ],
      { result: { delegateId: d.id } },
    );
  },

  'attendance.set': (state, command, { clock }) => {
    const s = requireActiveOpenSession(state);
    if (typeof s === 'string') return fail(s);
    const d = state.delegates[command.delegateId];
    if (!d) return fail('DELEGATE_NOT_FOUND');
    const current = state.attendance[s.id]?.[clock.day]?.[d.id];
    if (command.status === 'absent') {
      if (!current) return ok([], { result: { delegateId: d.id } });
      return ok([{ type: 'attendance.cleared', sessionId: s.id, day: clock.day, delegateId: d.id }], {
        result: { delegateId: d.id },
      });
    }
    if (command.status === 'present' && !d.seated) return fail('NOT_SEATED');
    if (current && current.status === command.status && current.reason === command.reason) {
      return ok([], { result: { delegateId: d.id } });
    }
    return ok(
      [
        {
          type: 'attendance.recorded',
          sessionId: s.id,
          day: clock.day,
          record: { delegateId: d.id, status: command.status, at: clock.now, by: 'chair', reason: command.reason },
        },
      ],
      { result: { delegateId: d.id } },
    );
  },
};

function rollCall(state: CouncilState, opening: boolean) {
  const s = requireActiveOpenSession(state);
  if (typeof s === 'string') return fail(s);
  if (s.rollCallOpen === opening) return ok([], { result: { sessionId: s.id } });
  return ok([{ type: opening ? 'rollcall.opened' : 'rollcall.closed', sessionId: s.id }], {
    result: { sessionId: s.id },
  });
}

type Rec<T> = Record<string, T>;

function attendanceRecords(b: Batch, d: Draft, sessionId: string, day: string): Rec<AttendanceRecord> {
  const attendance = b.own<Rec<Rec<Rec<AttendanceRecord>>>>(d, 'attendance');
  attendance[sessionId] ??= {};
  const bySession = b.own<Rec<Rec<AttendanceRecord>>>(attendance, sessionId);
  bySession[day] ??= {};
  return b.own<Rec<AttendanceRecord>>(bySession, day);
}

export const sessionEvolvers: Evolvers<SessionEvent> = {
  'session.created': (b, d, event) => {
    table<Session>(b, d, 'sessions')[event.session.id] = { ...event.session };
    d.activeSessionId = d.activeSessionId ?? event.session.id;
  },
  'session.updated': (b, d, event) => {
    const x = d.sessions[event.sessionId];
    if (x) table<Session>(b, d, 'sessions')[x.id] = { ...x, ...event.patch };
  },
  'session.selected': (_b, d, event) => {
    d.activeSessionId = event.sessionId;
    d.display = { ...DEFAULT_DISPLAY };
  },
  'session.opened': (b, d, event, at) => {
    const x = d.sessions[event.sessionId];
    if (!x) return;
    d.activeSessionId = x.id;
    table<Session>(b, d, 'sessions')[x.id] = { ...x, status: 'open', openedAt: x.openedAt ?? at, closedAt: null };
  },
  'session.closed': (b, d, event, at) => {
    const x = d.sessions[event.sessionId];
    if (x) table<Session>(b, d, 'sessions')[x.id] = { ...x, status: 'closed', closedAt: at, rollCallOpen: false };
  },
  'rollcall.opened': (b, d, event) => {
    const x = d.sessions[event.sessionId];
    if (x) table<Session>(b, d, 'sessions')[x.id] = { ...x, rollCallOpen: true };
  },
  'rollcall.closed': (b, d, event) => {
    const x = d.sessions[event.sessionId];
    if (x) table<Session>(b, d, 'sessions')[x.id] = { ...x, rollCallOpen: false };
  },
  'attendance.recorded': (b, d, event) => {
    attendanceRecords(b, d, event.sessionId, event.day)[event.record.delegateId] = { ...event.record };
  },
  'attendance.cleared': (b, d, event) => {
    delete attendanceRecords(b, d, event.sessionId, event.day)[event.delegateId];
  },
};
