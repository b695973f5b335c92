// Folding recorded events into the state. Pure and total: every event type has an evolver (rules/<aggregate>.ts;
// the map's type names every event, so a missing one does not compile), and an event never fails to apply
// (decide already checked it against the same state).
//
// Objects taken from an event are copied before they enter the state: later events in the same batch may
// change the state's copy, never the event (which is serialised into the log after it is applied).

import { Batch, type Draft } from './batch';
import { DEFAULT_DISPLAY } from './defaults';
import { agendaEvolvers } from './rules/agenda';
import { councilEvolvers } from './rules/council';
import { displayEvolvers } from './rules/display';
import { hallEvolvers } from './rules/hall';
import type { Evolver, Evolvers } from './rules/kit';
import { assertDisjoint } from './rules/kit';
import { stateFreeEvolvers } from './rules/record-only';
import { rosterEvolvers } from './rules/roster';
import { sessionEvolvers } from './rules/session';
import { questionEvolvers } from './rules/questions';
import { speakerEvolvers } from './rules/speakers';
import { applySecretChoiceTo, voteEvolvers } from './rules/votes';
import type { CouncilState, DomainEvent, EventType, SecretChoice } from './types';

export { Batch, isWritable, type Draft } from './batch';
export { applySecretChoiceTo } from './rules/votes';

const modules = [
  councilEvolvers,
  rosterEvolvers,
  sessionEvolvers,
  agendaEvolvers,
  voteEvolvers,
  speakerEvolvers,
  questionEvolvers,
  displayEvolvers,
  hallEvolvers,
  stateFreeEvolvers,
];
assertDisjoint(...modules);

const evolvers: Evolvers<EventType> = {
  ...councilEvolvers,
  ...rosterEvolvers,
  ...sessionEvolvers,
  ...agendaEvolvers,
  ...voteEvolvers,
  ...speakerEvolvers,
  ...questionEvolvers,
  ...displayEvolvers,
  ...hallEvolvers,
  ...stateFreeEvolvers,
};

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
    resultAnchors: {},
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

/** Applies one event to a batch's draft state. */
export function applyEvent(b: Batch, d: Draft, event: DomainEvent, at: string): void {
  // Keyed by event type: the evolver found is the one for this event's own type.
  const evolver = evolvers[event.type] as Evolver<EventType> as (b: Batch, d: Draft, e: DomainEvent, at: string) => void;
  evolver(b, d, event, at);
}
