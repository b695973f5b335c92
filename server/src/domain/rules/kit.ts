// What every rule module shares: the context a decider gets, the shapes of deciders and evolvers, and the
// one way to put the per-aggregate maps together (a command or event without a handler is a compile error;
// one handled twice is an error at start-up).

import type { ErrorCode } from '@hddt/protocol';
import type { Batch, Draft } from '../batch';
import type { Command, CommandType, CouncilState, DecideResult, Decision, DomainEvent, EventType } from '../types';

export interface Clock {
  /** ISO timestamp of now. */
  now: string;
  /** The session day of now (YYYY-MM-DD in the council's time zone). */
  day: string;
  /** ISO timestamp `seconds` after now. */
  plusSeconds: (seconds: number) => string;
}

export interface DecideCtx {
  clock: Clock;
  newId: () => string;
}

export const ok = (events: DomainEvent[], extra: Omit<Decision, 'events'> = {}): DecideResult => ({
  ok: true,
  decision: { events, ...extra },
});
export const fail = (code: ErrorCode): DecideResult => ({ ok: false, code });

export type CommandOf<K extends CommandType> = Extract<Command, { type: K }>;
export type EventOf<K extends EventType> = Extract<DomainEvent, { type: K }>;

export type Decider<K extends CommandType> = (state: CouncilState, command: CommandOf<K>, ctx: DecideCtx) => DecideResult;
export type Deciders<K extends CommandType> = { readonly [P in K]: Decider<P> };

/** Folds one recorded event into a batch's draft (`at` is the time the log recorded it). Never fails. */
export type Evolver<K extends EventType> = (b: Batch, d: Draft, event: EventOf<K>, at: string) => void;
export type Evolvers<K extends EventType> = { readonly [P in K]: Evolver<P> };

/**
 * The per-aggregate maps are spread into one map whose type names every command (or event), so a missing
 * handler is a compile error; this check makes a handler registered by two modules an error at start-up
 * (a spread would silently keep the last one).
 */
export function assertDisjoint(...maps: object[]): void {
  const seen = new Set<string>();
  for (const map of maps) {
    for (const key of Object.keys(map)) {
      if (seen.has(key)) throw new Error(`Handler registered twice: ${key}`);
      seen.add(key);
    }
  }
}
