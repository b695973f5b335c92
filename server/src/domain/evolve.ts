// Folding recorded events into the state. Pure and total: every event type is handled, and an event never
// fails to apply (decide already checked it against the same state).
//
// Objects taken from an event are copied before they enter the state: later events in the same batch may
// change the state's copy, never the event (which is serialised into the log after it is applied).

import { DEFAULT_DISPLAY } from './defaults';
import { addToTally, emptyTally } from './tally';
import type { CouncilState, DomainEvent, RoundState, SecretChoice } from './types';
import { exhaustive } from './types';

/**
 * Copy-on-write for one batch of events: each container (the state, the ballots of a round, the roster…) is
 * copied the first time the batch changes it and then changed in place. The input state is never touched,
 * so evolve stays a pure function; a batch of 1,500 ballots copies the round's ballot table once.
 */
export class Batch {
  private readonly owned = new WeakSet<object>();
  private readonly marked: object[] = [];
  private finished = false;

  /** A shallow copy of the state owned by this batch. */
  root(state: CouncilState): Draft {
    const copy = { ...state } as Draft;
    this.mark(copy);
    return copy;
  }

  /** parent[key], made a copy owned by this batch (parent must be owned already). */
  own<T extends object>(parent: object, key: string): T {
    const container = parent as Record<string, T>;
    const child = container[key]!;
    if (this.owned.has(child)) return child;
    const copy = (Array.isArray(child) ? [...child] : { ...child }) as T;
    this.mark(copy);
    container[key] = copy;
    return copy;
  }

  /** Ends the batch: the state it built is immutable from now on (and may be memoised on). */
  finish(): void {
    this.finished = true;
    for (const o of this.marked) writable.delete(o);
    this.marked.length = 0;
  }

  private mark(copy: object): void {
    if (this.finished) throw new Error('Batch already finished');
    this.owned.add(copy);
    writable.add(copy);
    this.marked.push(copy);
  }
}

/** Containers an unfinished batch may still change in place. */
const writable = new WeakSet<object>();

/**
 * Whether an object of a state may still change in place (it belongs to a batch that has not finished).
 * Anything memoised by object identity must not be memoised on such an object: its identity stays while
 * its content changes.
 */
export function isWritable(o: object): boolean {
  return writable.has(o);
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
/** The state while a batch changes it: the same shape, writable where the batch owns it. */
export type Draft = Mutable<CouncilState>;

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
    resolutions: {},
  };
}

/** `at` is the time the event was recorded (the log's timestamp). */
export function evolve(state: CouncilState, event: DomainEvent, at: string): CouncilState {
  const batch = new Batch();
  const draft = batch.root(state);
  applyEvent(batch, draft, event, at);
  batch.finish();
  return draft;
}

/** Folds many events at once (replay at start-up). */
export function evolveAll(state: CouncilState, events: Iterable<{ event: DomainEvent; at: string }>): CouncilState {
  const batch = new Batch();
  const draft = batch.root(state);
  for (const { event, at } of events) applyEvent(batch, draft, event, at);
  batch.finish();
  return draft;
}

/** Adds a secret choice to the running tally of its round (the choice is never part of any event). */
export function applySecretChoice(state: CouncilState, secret: SecretChoice): CouncilState {
  const batch = new Batch();
  const draft = batch.root(state);
  applySecretChoiceTo(batch, draft, secret);
  batch.finish();
  return draft;
}

export function applySecretChoiceTo(batch: Batch, d: Draft, secret: SecretChoice): void {
  if (!d.rounds[secret.roundId]) return;
  const round = batch.own<RoundState>(batch.own(d, 'rounds'), secret.roundId);
  round.secretTally = addToTally(round.secretTally ?? emptyTally(), secret.choice);
}

type Rec<T> = Record<string, T>;

/** Applies one event to a batch's draft state. */
export function applyEvent(b: Batch, d: Draft, event: DomainEvent, at: string): void {
  // Helpers: a writable container of the draft, owned by the batch.
  const table = <T>(
    key: 'delegates' | 'sessions' | 'agenda' | 'documents' | 'motions' | 'rounds' | 'speakers' | 'openCommands' | 'resolutions',
  ) =>
    b.own<Rec<T>>(d, key);
  const round = (id: string): Mutable<RoundState> | null => (d.rounds[id] ? b.own<Mutable<RoundState>>(table('rounds'), id) : null);

  switch (event.type) {
    case 'council.initialized':
      d.council = { ...event.council };
      return;
    case 'council.configured':
      if (d.council) d.council = { ...d.council, ...event.patch };
      return;
    case 'delegate.added':
      table('delegates')[event.delegate.id] = { ...event.delegate };
      return;
    case 'delegate.updated': {
      const x = d.delegates[event.delegateId];
      if (x) table('delegates')[x.id] = { ...x, ...event.patch };
      return;
    }
    case 'delegate.vacated': {
      const x = d.delegates[event.delegateId];
      if (x) table('delegates')[x.id] = { ...x, seated: false, vacatedReason: event.reason };
      return;
    }
    case 'delegate.reseated': {
      const x = d.delegates[event.delegateId];
      if (x) table('delegates')[x.id] = { ...x, seated: true, vacatedReason: null };
      return;
    }
    case 'session.created':
      table('sessions')[event.session.id] = { ...event.session };
      d.activeSessionId = d.activeSessionId ?? event.session.id;
      return;
    case 'session.updated': {
      const x = d.sessions[event.sessionId];
      if (x) table('sessions')[x.id] = { ...x, ...event.patch };
      return;
    }
    case 'session.selected':
      d.activeSessionId = event.sessionId;
      d.display = { ...DEFAULT_DISPLAY };
      return;
    case 'session.opened': {
      const x = d.sessions[event.sessionId];
      if (!x) return;
      d.activeSessionId = x.id;
      table('sessions')[x.id] = { ...x, status: 'open', openedAt: x.openedAt ?? at, closedAt: null };
      return;
    }
    case 'session.closed': {
      const x = d.sessions[event.sessionId];
      if (x) table('sessions')[x.id] = { ...x, status: 'closed', closedAt: at, rollCallOpen: false };
      return;
    }
    case 'rollcall.opened':
    case 'rollcall.closed': {
      const x = d.sessions[event.sessionId];
      if (x) table('sessions')[x.id] = { ...x, rollCallOpen: event.type === 'rollcall.opened' };
      return;
    }
    case 'attendance.recorded':
    case 'attendance.cleared': {
      const attendance = b.own<Rec<Rec<Rec<unknown>>>>(d, 'attendance');
      attendance[event.sessionId] ??= {};
      const bySession = b.own<Rec<Rec<unknown>>>(attendance, event.sessionId);
      bySession[event.day] ??= {};
      const records = b.own<Rec<unknown>>(bySession, event.day);
      if (event.type === 'attendance.recorded') records[event.record.delegateId] = { ...event.record };
      else delete records[event.delegateId];
      return;
    }
    case 'agenda.added':
      table('agenda')[event.item.id] = { ...event.item };
      return;
    case 'agenda.updated': {
      const item = d.agenda[event.itemId];
      if (!item) return;
      table('agenda')[item.id] = {
        ...item,
        ...(event.title !== undefined ? { title: event.title } : {}),
        ...(event.presenter !== undefined ? { presenter: event.presenter } : {}),
      };
      return;
    }
    case 'agenda.removed': {
      const item = d.agenda[event.itemId];
      if (!item) return;
      const s = d.sessions[item.sessionId];
      if (s && s.currentItemId === item.id) table('sessions')[s.id] = { ...s, currentItemId: null };
      for (const doc of Object.values(d.documents)) {
        if (doc.itemId === item.id) table('documents')[doc.id] = { ...doc, itemId: null };
      }
      for (const m of Object.values(d.motions)) {
        if (m.itemId === item.id) table('motions')[m.id] = { ...m, itemId: null };
      }
      delete table('agenda')[item.id];
      return;
    }
    case 'agenda.reordered': {
      const agenda = table<CouncilState['agenda'][string]>('agenda');
      event.itemIds.forEach((id, index) => {
        const item = agenda[id];
        if (item) agenda[id] = { ...item, order: index + 1 };
      });
      return;
    }
    case 'agenda.current-set': {
      const x = d.sessions[event.sessionId];
      if (x) table('sessions')[x.id] = { ...x, currentItemId: event.itemId };
      return;
    }
    case 'document.added':
      table('documents')[event.document.id] = { ...event.document };
      return;
    case 'document.updated': {
      const doc = d.documents[event.documentId];
      if (doc) table('documents')[doc.id] = { ...doc, ...event.patch };
      return;
    }
    case 'document.removed':
      delete table('documents')[event.documentId];
      return;
    case 'motion.prepared':
    case 'motion.updated':
      table('motions')[event.motion.id] = { ...event.motion };
      return;
    case 'motion.removed':
      delete table('motions')[event.motionId];
      return;
    case 'round.opened': {
      const motion = d.motions[event.motionId];
      const created: RoundState = {
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
      table('rounds')[event.roundId] = created;
      if (event.commandId) table('openCommands')[event.commandId] = event.roundId;
      d.display = { mode: 'vote', roundId: event.roundId };
      return;
    }
    case 'ballot.cast': {
      const r = round(event.roundId);
      if (!r) return;
      const ballots = b.own<Rec<RoundState['ballots'][string]>>(r, 'ballots');
      const previous = ballots[event.delegateId];
      ballots[event.delegateId] = { choice: event.choice, at, changes: previous ? previous.changes + 1 : 0 };
      return;
    }
    case 'ballot.secret-cast': {
      const r = round(event.roundId);
      if (r) b.own<Rec<true>>(r, 'participants')[event.delegateId] = true;
      return;
    }
    case 'round.closed': {
      const r = round(event.roundId);
      if (!r) return;
      r.status = 'closed';
      r.closedAt = at;
      r.result = event.result;
      // The sealed result now carries the totals; the running secret tally is dropped.
      r.secretTally = null;
      return;
    }
    case 'round.announced': {
      const r = round(event.roundId);
      if (r) r.status = 'announced';
      d.display = { mode: 'result', roundId: event.roundId };
      return;
    }
    case 'resolution.adopted':
      table('resolutions')[event.resolution.id] = { ...event.resolution };
      return;
    case 'resolution.text-attached': {
      const x = d.resolutions[event.resolutionId];
      if (x) table('resolutions')[x.id] = { ...x, signedDocumentId: event.documentId };
      return;
    }
    case 'round.cancelled': {
      const r = round(event.roundId);
      if (!r) return;
      r.status = 'cancelled';
      r.closedAt = at;
      r.cancelledReason = event.reason;
      r.secretTally = null;
      return;
    }
    case 'speaker.requested':
      table('speakers')[event.entry.id] = { ...event.entry };
      return;
    case 'speaker.withdrawn':
    case 'speaker.removed':
    case 'speaker.started':
    case 'speaker.finished': {
      const e = d.speakers[event.entryId];
      if (!e) return;
      const next =
        event.type === 'speaker.started'
          ? { ...e, status: 'speaking' as const, startedAt: at }
          : event.type === 'speaker.finished'
            ? { ...e, status: 'done' as const, endedAt: at }
            : { ...e, status: 'withdrawn' as const, endedAt: at };
      table('speakers')[e.id] = next;
      // Giving the floor brings the speaker to the hall display, as opening a vote brings the vote, unless a vote
      // is open there (the vote stays in front).
      if (event.type === 'speaker.started') {
        const voteOpen = d.display.mode === 'vote' && d.display.roundId !== null && d.rounds[d.display.roundId]?.status === 'open';
        if (!voteOpen) d.display = { mode: 'speaker', roundId: null };
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
    case 'minutes.notes-saved':
    case 'feedback.updated':
    case 'mail.invitations-sent':
      return;
    default:
      exhaustive(event);
  }
}
