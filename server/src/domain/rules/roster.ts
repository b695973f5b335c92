// The roster: who holds a seat. N (the denominator of every majority) is the number of seated delegates, so
// no seat may change while a round is open.

import type { Delegate } from '@hddt/protocol';
import { table } from '../batch';
import { roundInProgress } from '../queries';
import type { DomainEvent } from '../types';
import type { Deciders, Evolvers } from './kit';
import { fail, ok } from './kit';

type RosterCommand = 'delegate.add' | 'delegate.import' | 'delegate.update' | 'delegate.vacate' | 'delegate.reseat';
type RosterEvent = 'delegate.added' | 'delegate.updated' | 'delegate.vacated' | 'delegate.reseated';

export const rosterDeciders: Deciders<RosterCommand> = {
  'delegate.add': (state, command, ctx) => {
    // A new seat during a vote would let a delegate outside the round's frozen N check in and vote.
    if (roundInProgress(state)) return fail('ROUND_IN_PROGRESS');
    if (Object.values(state.delegates).some((d) => d.seat === command.input.seat)) return fail('SEAT_TAKEN');
    const delegate: Delegate = { id: ctx.newId(), ...command.input, seated: true, vacatedReason: null };
    return ok([{ type: 'delegate.added', delegate }], { result: { delegateId: delegate.id } });
  },

  'delegate.import': (state, command, ctx) => {
    if (roundInProgress(state)) return fail('ROUND_IN_PROGRESS');
    const seats = new Set(Object.values(state.delegates).map((d) => d.seat));
    const events: DomainEvent[] = [];
    for (const input of command.inputs) {
      if (seats.has(input.seat)) return fail('SEAT_TAKEN');
      seats.add(input.seat);
      events.push({ type: 'delegate.added', delegate: { id: ctx.newId(), ...input, seated: true, vacatedReason: null } });
    }
    return ok(events);
  },

  'delegate.update': (state, command) => {
    const d = state.delegates[command.delegateId];
    if (!d) return fail('DELEGATE_NOT_FOUND');
    const seat = command.patch.seat;
    if (seat !== undefined && Object.values(state.delegates).some((o) => o.seat === seat && o.id !== d.id)) {
      return fail('SEAT_TAKEN');
    }
    return ok([{ type: 'delegate.updated', delegateId: d.id, patch: command.patch }], { result: { delegateId: d.id } });
  },

  'delegate.vacate': (state, command) => {
    const d = state.delegates[command.delegateId];
    if (!d) return fail('DELEGATE_NOT_FOUND');
    if (!d.seated) return ok([], { result: { delegateId: d.id } });
    // N is frozen in an open round; a vacancy during a vote would change the denominator mid-count.
    if (roundInProgress(state)) return fail('ROUND_IN_PROGRESS');
    return ok([{ type: 'delegate.vacated', delegateId: d.id, reason: command.reason }], { result: { delegateId: d.id } });
  },

  'delegate.reseat': (state, command) => {
    const d = state.delegates[command.delegateId];
    if (!d) return fail('DELEGATE_NOT_FOUND');
    if (d.seated) return ok([], { result: { delegateId: d.id } });
    if (roundInProgress(state)) return fail('ROUND_IN_PROGRESS');
    return ok([{ type: 'delegate.reseated', delegateId: d.id }], { result: { delegateId: d.id } });
  },
};

export const rosterEvolvers: Evolvers<RosterEvent> = {
  'delegate.added': (b, d, event) => {
    table<Delegate>(b, d, 'delegates')[event.delegate.id] = { ...event.delegate };
  },
  'delegate.updated': (b, d, event) => {
    const x = d.delegates[event.delegateId];
    if (x) table<Delegate>(b, d, 'delegates')[x.id] = { ...x, ...event.patch };
  },
  'delegate.vacated': (b, d, event) => {
    const x = d.delegates[event.delegateId];
    if (x) table<Delegate>(b, d, 'delegates')[x.id] = { ...x, seated: false, vacatedReason: event.reason };
  },
  'delegate.reseated': (b, d, event) => {
    const x = d.delegates[event.delegateId];
    if (x) table<Delegate>(b, d, 'delegates')[x.id] = { ...x, seated: true, vacatedReason: null };
  },
};
