// Folding recorded events into the state. Pure and total: every event type is handled, and an event never
// fails to apply (decide already checked it against the same state).
//
// Objects taken from an event are copied before they enter the state: later events in the same draft may
// change the state's copy, never the event (which is serialised into the log after it is applied).
//
// The recipes are written as mutations of an immer draft: evolve() returns a new state and leaves its input
// untouched, while the engine can fold a whole batch of ballots into one draft, so a burst of 1,500 ballots
// copies the round's ballot table once per batch instead of once per ballot.

import { createDraft, finishDraft, produce, setAutoFreeze, type Draft } from 'immer';
import { DEFAULT_DISPLAY } from './defaults';
import { addToTally, emptyTally } from './tally';
import type { CouncilState, DomainEvent, RoundState, SecretChoice } from './types';
import { exhaustive } from './types';

// States are treated as immutable by convention and by type (Readonly); freezing every produced object
// would cost a deep walk per batch for no additional safety in production.
setAutoFreeze(false);

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

/** `at` is the time the event was recorded (the log's timestamp). */
export function evolve(state: CouncilState, event: DomainEvent, at: string): CouncilState {
  return produce(state, (draft) => applyEvent(draft, event, at));
}

/** Folds many events at once (replay at start-up, a committed batch). */
export function evolveAll(state: CouncilState, events: Iterable<{ event: DomainEvent; at: string }>): CouncilState {
  const draft = createDraft(state);
  for (const { event, at } of events) applyEvent(draft, event, at);
  return finishDraft(draft) as CouncilState;
}

/** Adds a secret choice to the running tally of its round (the choice is never part of any event). */
export function applySecretChoice(state: CouncilState, secret: SecretChoice): CouncilState {
  return produce(state, (draft) => applySecretChoiceTo(draft, secret));
}

export function applySecretChoiceTo(draft: Draft<CouncilState>, secret: SecretChoice): void {
  const round = draft.rounds[secret.roundId];
  if (!round) return;
  round.secretTally = addToTally((round.secretTally as RoundState['secretTally']) ?? emptyTally(), secret.choice);
}

export { createDraft, finishDraft, type Draft };

/** Applies one event to a draft state. */
export function applyEvent(d: Draft<CouncilState>, event: DomainEvent, at: string): void {
  switch (event.type) {
    case 'council.initialized':
      d.council = { ...event.council };
      return;
    case 'council.configured':
      if (d.council) Object.assign(d.council, event.patch);
      return;
    case 'delegate.added':
      d.delegates[event.delegate.id] = { ...event.delegate };
      return;
    case 'delegate.updated': {
      const x = d.delegates[event.delegateId];
      if (x) Object.assign(x, event.patch);
      return;
    }
    case 'delegate.vacated': {
      const x = d.delegates[event.delegateId];
      if (x) {
        x.seated = false;
        x.vacatedReason = event.reason;
      }
      return;
    }
    case 'delegate.reseated': {
      const x = d.delegates[event.delegateId];
      if (x) {
        x.seated = true;
        x.vacatedReason = null;
      }
      return;
    }
    case 'session.created':
      d.sessions[event.session.id] = { ...event.session };
      d.activeSessionId = d.activeSessionId ?? event.session.id;
      return;
    case 'session.updated': {
      const s = d.sessions[event.sessionId];
      if (s) Object.assign(s, event.patch);
      return;
    }
    case 'session.selected':
      d.activeSessionId = event.sessionId;
      d.display = { ...DEFAULT_DISPLAY };
      return;
    case 'session.opened': {
      const s = d.sessions[event.sessionId];
      if (!s) return;
      d.activeSessionId = s.id;
      s.status = 'open';
      s.openedAt = s.openedAt ?? at;
      s.closedAt = null;
      return;
    }
    case 'session.closed': {
      const s = d.sessions[event.sessionId];
      if (!s) return;
      s.status = 'closed';
      s.closedAt = at;
      s.rollCallOpen = false;
      return;
    }
    case 'rollcall.opened':
    case 'rollcall.closed': {
      const s = d.sessions[event.sessionId];
      if (s) s.rollCallOpen = event.type === 'rollcall.opened';
      return;
    }
    case 'attendance.recorded': {
      const bySession = (d.attendance[event.sessionId] ??= {});
      const records = (bySession[event.day] ??= {});
      records[event.record.delegateId] = { ...event.record };
      return;
    }
    case 'attendance.cleared': {
      const records = d.attendance[event.sessionId]?.[event.day];
      if (records) delete records[event.delegateId];
      return;
    }
    case 'agenda.added':
      d.agenda[event.item.id] = { ...event.item };
      return;
    case 'agenda.updated': {
      const item = d.agenda[event.itemId];
      if (!item) return;
      if (event.title !== undefined) item.title = event.title;
      if (event.presenter !== undefined) item.presenter = event.presenter;
      return;
    }
    case 'agenda.removed': {
      const item = d.agenda[event.itemId];
      if (!item) return;
      const s = d.sessions[item.sessionId];
      if (s && s.currentItemId === item.id) s.currentItemId = null;
      for (const doc of Object.values(d.documents)) if (doc.itemId === item.id) doc.itemId = null;
      for (const m of Object.values(d.motions)) if (m.itemId === item.id) m.itemId = null;
      delete d.agenda[item.id];
      return;
    }
    case 'agenda.reordered':
      event.itemIds.forEach((id, index) => {
        const item = d.agenda[id];
        if (item) item.order = index + 1;
      });
      return;
    case 'agenda.current-set': {
      const s = d.sessions[event.sessionId];
      if (s) s.currentItemId = event.itemId;
      return;
    }
    case 'document.added':
      d.documents[event.document.id] = { ...event.document };
      return;
    case 'document.updated': {
      const doc = d.documents[event.documentId];
      if (doc) Object.assign(doc, event.patch);
      return;
    }
    case 'document.removed':
      delete d.documents[event.documentId];
      return;
    case 'motion.prepared':
    case 'motion.updated':
      d.motions[event.motion.id] = { ...event.motion };
      return;
    case 'motion.removed':
      delete d.motions[event.motionId];
      return;
    case 'round.opened': {
      const motion = d.motions[event.motionId];
      d.rounds[event.roundId] = {
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
      if (event.commandId) d.openCommands[event.commandId] = event.roundId;
      d.display = { mode: 'vote', roundId: event.roundId };
      return;
    }
    case 'ballot.cast': {
      const r = d.rounds[event.roundId];
      if (!r) return;
      const previous = r.ballots[event.delegateId];
      r.ballots[event.delegateId] = { choice: event.choice, at, changes: previous ? previous.changes + 1 : 0 };
      return;
    }
    case 'ballot.secret-cast': {
      const r = d.rounds[event.roundId];
      if (r) r.participants[event.delegateId] = true;
      return;
    }
    case 'round.closed': {
      const r = d.rounds[event.roundId];
      if (!r) return;
      r.status = 'closed';
      r.closedAt = at;
      r.result = event.result;
      // The sealed result now carries the totals; the running secret tally is dropped.
      r.secretTally = null;
      return;
    }
    case 'round.announced': {
      const r = d.rounds[event.roundId];
      if (r) r.status = 'announced';
      d.display = { mode: 'result', roundId: event.roundId };
      return;
    }
    case 'round.cancelled': {
      const r = d.rounds[event.roundId];
      if (!r) return;
      r.status = 'cancelled';
      r.closedAt = at;
      r.cancelledReason = event.reason;
      r.secretTally = null;
      return;
    }
    case 'speaker.requested':
      d.speakers[event.entry.id] = { ...event.entry };
      return;
    case 'speaker.withdrawn':
    case 'speaker.removed': {
      const e = d.speakers[event.entryId];
      if (e) {
        e.status = 'withdrawn';
        e.endedAt = at;
      }
      return;
    }
    case 'speaker.started': {
      const e = d.speakers[event.entryId];
      if (e) {
        e.status = 'speaking';
        e.startedAt = at;
      }
      return;
    }
    case 'speaker.finished': {
      const e = d.speakers[event.entryId];
      if (e) {
        e.status = 'done';
        e.endedAt = at;
      }
      return;
    }
    case 'display.changed':
      d.display = { ...event.display };
      return;
    case 'credential.delegate-issued':
    case 'credential.display-issued':
    case 'credential.display-revoked':
    case 'staff.created':
    case 'staff.password-reset':
    case 'security.refused':
    case 'security.device-takeover':
      return;
    default:
      exhaustive(event);
  }
}
