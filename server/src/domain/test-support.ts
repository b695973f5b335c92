// Deterministic helpers for the domain tests: a clock that only moves when a test moves it, a counter for
// ids, `run` (decide + fold), and a builder for a council with N delegates in an open session.
// No Date here either: the domain lint rules apply to this file, and a test must not depend on the hour.

import type { BallotChoice, CouncilConfig, ErrorCode, MotionInput } from '@hddt/protocol';
import { decide } from './decide';
import type { Clock, DecideCtx } from './decide';
import { defaultCouncilConfig } from './defaults';
import { Batch, applyEvent, applySecretChoice, applySecretChoiceTo, emptyState, evolve } from './evolve';
import type { Command, CouncilState, DecideResult, Decision, DomainEvent } from './types';

/** ISO timestamp `seconds` after 2026-07-05T00:00:00.000Z (July only; enough for any test). */
/** The whole state as text, Maps (a round's ballots) included, for "nothing changed" comparisons. */
export function stateText(state: CouncilState): string {
  return JSON.stringify(state, (_key, value: unknown) => (value instanceof Map ? { map: [...(value as Map<unknown, unknown>).entries()] } : value));
}

export function isoAt(seconds: number): string {
  const s = Math.floor(seconds);
  const day = 5 + Math.floor(s / 86_400);
  if (day > 31) throw new Error('test clock ran past July');
  const rest = s % 86_400;
  const two = (n: number) => String(n).padStart(2, '0');
  return `2026-07-${two(day)}T${two(Math.floor(rest / 3600))}:${two(Math.floor((rest % 3600) / 60))}:${two(rest % 60)}.000Z`;
}

/** A clock frozen at `seconds` after the test epoch. */
export function fixedClock(seconds: number): Clock {
  const now = isoAt(seconds);
  return { now, day: now.slice(0, 10), plusSeconds: (n) => isoAt(seconds + n) };
}

export function counterIds(prefix = 'id'): () => string {
  let n = 0;
  return () => {
    n += 1;
    return `${prefix}${n}`;
  };
}

/** A decide context whose clock a test can move forward. Starts at 08:00 UTC on the session day. */
export interface TestCtx extends DecideCtx {
  seconds: number;
  advance: (seconds: number) => void;
}

export function testCtx(startSeconds = 8 * 3600): TestCtx {
  const ids = counterIds();
  const ctx: TestCtx = {
    seconds: startSeconds,
    clock: fixedClock(startSeconds),
    newId: ids,
    advance(by: number) {
      ctx.seconds += by;
      ctx.clock = fixedClock(ctx.seconds);
    },
  };
  return ctx;
}

export interface LoggedEvent {
  event: DomainEvent;
  at: string;
}

export interface RunResult {
  state: CouncilState;
  events: DomainEvent[];
  decision: Decision;
}

/** Decides and folds, as the engine does (events first, then the secret choice beside them). Throws when refused. */
export function run(state: CouncilState, command: Command, ctx: DecideCtx): RunResult {
  const result = decide(state, command, ctx);
  if (!result.ok) throw new Error(`${command.type} refused: ${result.code}`);
  let next = state;
  for (const event of result.decision.events) next = evolve(next, event, ctx.clock.now);
  if (result.decision.secret) next = applySecretChoice(next, result.decision.secret);
  return { state: next, events: result.decision.events, decision: result.decision };
}

/**
 * The engine's group commit: every command of a batch is decided against one copy-on-write draft that already holds
 * the effects of the commands before it, and the draft is finished once at the end.
 */
export function runBatch(
  state: CouncilState,
  commands: readonly Command[],
  ctx: DecideCtx,
): { state: CouncilState; results: DecideResult[]; events: DomainEvent[] } {
  const batch = new Batch();
  const draft = batch.root(state);
  const results: DecideResult[] = [];
  const events: DomainEvent[] = [];
  for (const command of commands) {
    const result = decide(draft as CouncilState, command, ctx);
    results.push(result);
    if (!result.ok) continue;
    for (const event of result.decision.events) {
      applyEvent(batch, draft, event, ctx.clock.now);
      events.push(event);
    }
    if (result.decision.secret) applySecretChoiceTo(batch, draft, result.decision.secret);
  }
  batch.finish();
  return { state: draft, results, events };
}

/** Folds a recorded log from the empty state (what a restart does). */
export function replay(log: readonly LoggedEvent[]): CouncilState {
  let state = emptyState();
  for (const { event, at } of log) state = evolve(state, event, at);
  return state;
}

/** A motion input with the schema's defaults. */
export function motionInput(overrides: Partial<MotionInput> = {}): MotionInput {
  return {
    itemId: null,
    question: 'Thông qua Nghị quyết về Kế hoạch đầu tư công năm 2027',
    kind: 'ordinary',
    mode: 'named',
    interim: 'progress',
    durationSec: null,
    candidates: [],
    seats: 1,
    practice: false,
    resolution: true,
    normative: false,
    ...overrides,
  };
}

/** A council under test: the state, its clock, and the log of everything it accepted. */
export class Hall {
  state: CouncilState;
  readonly ctx: TestCtx;
  readonly log: LoggedEvent[] = [];
  private commandCounter = 0;

  constructor(state: CouncilState = emptyState(), ctx: TestCtx = testCtx()) {
    this.state = state;
    this.ctx = ctx;
  }

  /** Runs a command that must be accepted; returns its decision. */
  do(command: Command): Decision {
    const r = run(this.state, command, this.ctx);
    this.state = r.state;
    for (const event of r.events) this.log.push({ event, at: this.ctx.clock.now });
    return r.decision;
  }

  /** The refusal code of a command (null when it would be accepted). Never changes the state. */
  codeOf(command: Command): ErrorCode | null {
    const r = decide(this.state, command, this.ctx);
    return r.ok ? null : r.code;
  }

  /** The events a command would produce (throws when refused). Never changes the state. */
  eventsOf(command: Command): DomainEvent[] {
    const r = decide(this.state, command, this.ctx);
    if (!r.ok) throw new Error(`${command.type} refused: ${r.code}`);
    return r.decision.events;
  }

  get session() {
    const id = this.state.activeSessionId;
    const s = id ? this.state.sessions[id] : undefined;
    if (!s) throw new Error('no active session');
    return s;
  }

  /** Delegate ids in seat order. */
  get delegateIds(): string[] {
    return Object.values(this.state.delegates)
      .sort((a, b) => a.seat - b.seat)
      .map((d) => d.id);
  }

  delegate(seat: number): string {
    const d = Object.values(this.state.delegates).find((x) => x.seat === seat);
    if (!d) throw new Error(`no delegate in seat ${seat}`);
    return d.id;
  }

  newCommandId(): string {
    this.commandCounter += 1;
    return `cmd-${String(this.commandCounter).padStart(6, '0')}`;
  }

  createSession(number = 4): string {
    const d = this.do({
      type: 'session.create',
      input: {
        number,
        title: '',
        type: 'regular',
        startDate: '2026-07-05',
        endDate: '2026-07-05',
        place: 'Hội trường HĐND',
        isPublic: true,
        chairName: 'Nguyễn Minh An',
        secretaryName: 'Trần Thu Hạnh',
      },
    });
    return d.result!.sessionId!;
  }

  checkIn(seats: number[]): void {
    for (const seat of seats) this.do({ type: 'attendance.checkin', delegateId: this.delegate(seat) });
  }

  /** Checks in the delegates in seats 1..count. */
  checkInFirst(count: number): void {
    this.checkIn(Array.from({ length: count }, (_, i) => i + 1));
  }

  prepare(overrides: Partial<MotionInput> = {}): string {
    const d = this.do({ type: 'motion.prepare', sessionId: this.session.id, input: motionInput(overrides) });
    return d.result!.motionId!;
  }

  open(motionId: string, commandId = this.newCommandId()): string {
    const d = this.do({ type: 'motion.open', motionId, commandId });
    return d.result!.roundId!;
  }

  /** Prepares a motion and opens its first round. */
  openVote(overrides: Partial<MotionInput> = {}): { motionId: string; roundId: string } {
    const motionId = this.prepare(overrides);
    return { motionId, roundId: this.open(motionId) };
  }

  cast(roundId: string, seat: number, choice: BallotChoice): Decision {
    return this.do({ type: 'ballot.cast', roundId, delegateId: this.delegate(seat), choice });
  }

  /** Seats from..to (inclusive) vote the option. */
  castOptions(roundId: string, from: number, to: number, option: 'yes' | 'no' | 'abstain'): void {
    for (let seat = from; seat <= to; seat += 1) this.cast(roundId, seat, { type: 'option', option });
  }

  round(roundId: string) {
    const r = this.state.rounds[roundId];
    if (!r) throw new Error(`no round ${roundId}`);
    return r;
  }

  allEventsJson(): string {
    return JSON.stringify(this.log.map((l) => l.event));
  }
}

export interface DemoOptions {
  /** Seated delegates (N). */
  delegates: number;
  /** Delegates in seats 1..checkedIn who checked in (default: none). */
  checkedIn?: number;
  council?: Partial<CouncilConfig>;
  /** Open the session and the roll call (default true). */
  open?: boolean;
}

/** A council with N delegates and one session; by default open, with the roll call open. */
export function demoHall(options: DemoOptions): Hall {
  const hall = new Hall();
  hall.do({ type: 'council.initialize', council: { ...defaultCouncilConfig('council-test'), ...options.council } });
  hall.do({
    type: 'delegate.import',
    inputs: Array.from({ length: options.delegates }, (_, i) => ({
      seat: i + 1,
      fullName: `Đại biểu số ${i + 1}`,
      title: 'Đại biểu HĐND',
      group: `Tổ đại biểu số ${(i % 4) + 1}`,
    })),
  });
  const sessionId = hall.createSession();
  if (options.open ?? true) {
    hall.do({ type: 'session.open', sessionId });
    hall.do({ type: 'rollcall.open' });
    if (options.checkedIn) hall.checkInFirst(options.checkedIn);
  }
  return hall;
}
