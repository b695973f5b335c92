// The engine: the one place where commands become durable facts. It decides against the in-memory state,
// appends the events and updates the projections in one SQLite transaction, and only then makes the new
// state current and answers. Commands arriving in the same event-loop turn share a transaction (group
// commit), so a burst of 1,500 ballots pays a handful of fsyncs, not 1,500.

import type { ErrorCode, LogHead } from '@hddt/protocol';
import { decide, type Clock } from './domain/decide';
import { Batch, applyEvent, applySecretChoiceTo, emptyState, evolveAll } from './domain/evolve';
import type { Actor, Command, CouncilState, Decision, DomainEvent } from './domain/types';
import { actorLabel } from './domain/types';
import { logger } from './logger';
import type { CommitGroup, EngineStore } from './storage/engine-store';
import type { LoggedEvent } from './storage/event-log';

export interface ServerClock {
  nowMs(): number;
}

export const systemClock: ServerClock = { nowMs: () => Date.now() };

/** Minimum spacing of commits under load (see Engine.schedule). */
export const COMMIT_WINDOW_MS = 3;
/** Most commands per transaction (see Engine.flush). */
export const MAX_BATCH = 150;

export type ExecResult = { ok: true; decision: Decision; events: LoggedEvent[]; state: CouncilState } | { ok: false; code: ErrorCode };

export interface CommitBatch {
  before: CouncilState;
  after: CouncilState;
  events: LoggedEvent[];
  /** Rounds whose secret tally changed in memory (nothing on disk or in the events names the choice). */
  secretRounds: Set<string>;
  /** How long the transaction took (fsync included). */
  commitMs: number;
}

type QueueItem =
  | { kind: 'command'; command: Command; actor: Actor; resolve: (r: ExecResult) => void }
  | { kind: 'facts'; events: DomainEvent[]; actor: Actor; write?: () => void; resolve: (r: ExecResult) => void };

const dayFormatters = new Map<string, { format: Intl.DateTimeFormat; minute: number; day: string }>();

/** The calendar day (YYYY-MM-DD) at `ms` in `timeZone`. */
export function dayIn(timeZone: string, ms: number): string {
  let entry = dayFormatters.get(timeZone);
  if (!entry) {
    // en-CA formats as YYYY-MM-DD. Building a formatter is costly; there is one per time zone.
    entry = { format: new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }), minute: NaN, day: '' };
    dayFormatters.set(timeZone, entry);
  }
  // Formatting costs tens of microseconds and every commit and patch asks; a day changes only on a minute
  // boundary (zone offsets are whole minutes), so the last answer holds for the rest of its minute.
  const minute = Math.floor(ms / 60_000);
  if (minute !== entry.minute) {
    entry.day = entry.format.format(new Date(ms));
    entry.minute = minute;
  }
  return entry.day;
}

export function makeClock(ms: number, timeZone: string): Clock {
  return {
    now: new Date(ms).toISOString(),
    day: dayIn(timeZone, ms),
    plusSeconds: (seconds: number) => new Date(ms + seconds * 1000).toISOString(),
  };
}

export interface EngineOptions {
  store: EngineStore;
  clock: ServerClock;
  newId: () => string;
  /** Called after every committed batch, before the commands are answered. */
  onCommit?: (batch: CommitBatch) => void;
}

export class Engine {
  state: CouncilState;
  readonly store: EngineStore;
  private queue: QueueItem[] = [];
  private flushScheduled = false;
  private readonly listeners: ((batch: CommitBatch) => void)[] = [];
  /** Hook for tests and the disk-full guard: throwing here fails the batch as a storage failure. */
  beforeCommit: (() => void) | null = null;
  commitLatenciesMs: number[] = [];

  constructor(private readonly opts: EngineOptions) {
    this.store = opts.store;
    this.state = loadState(opts.store);
    if (opts.onCommit) this.listeners.push(opts.onCommit);
  }

  get seq(): number {
    return this.store.head.seq;
  }

  onCommit(listener: (batch: CommitBatch) => void): void {
    this.listeners.push(listener);
  }

  clockNow(): Clock {
    return makeClock(this.opts.clock.nowMs(), this.state.council?.timeZone ?? 'Asia/Ho_Chi_Minh');
  }

  private closed = false;

  /** Commits what is queued and refuses anything later (the database is about to close). */
  close(): void {
    this.flush();
    this.closed = true;
  }

  execute(command: Command, actor: Actor): Promise<ExecResult> {
    if (this.closed) return Promise.resolve({ ok: false, code: 'STORAGE_FAILURE' });
    return new Promise((resolve) => {
      this.queue.push({ kind: 'command', command, actor, resolve });
      this.scheduleOrFlush();
    });
  }

  /** Records facts that are not state changes (credentials, security refusals), with an optional extra write. */
  record(events: DomainEvent[], actor: Actor, write?: () => void): Promise<ExecResult> {
    if (this.closed) return Promise.resolve({ ok: false, code: 'STORAGE_FAILURE' });
    return new Promise((resolve) => {
      this.queue.push({ kind: 'facts', events, actor, write, resolve });
      this.scheduleOrFlush();
    });
  }

  private lastCommitAt = 0;

  /**
   * A full batch is committed at once, from inside the socket read that filled it. Waiting for the event loop
   * instead would let one poll phase read every tablet's ballot before any is committed: with 1,500 tablets
   * pressing together that phase grows to hundreds of milliseconds and every acknowledgement waits for it.
   */
  private scheduleOrFlush(): void {
    if (this.queue.length >= MAX_BATCH) this.flush();
    else this.schedule();
  }

  /**
   * Group commit: a command arriving when the database is idle is committed in the same event-loop turn; under
   * a burst, commits are spaced at least COMMIT_WINDOW_MS apart so that each fsync carries many ballots.
   */
  private schedule(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    const run = () => {
      this.flushScheduled = false;
      this.flush();
    };
    const since = performance.now() - this.lastCommitAt;
    if (since >= COMMIT_WINDOW_MS) setImmediate(run);
    else setTimeout(run, COMMIT_WINDOW_MS - since);
  }

  /** Runs the queued commands as one transaction. */
  flush(): void {
    if (this.closed) return;
    // A bounded batch: the first answers go out while later commands are still being decided, so a burst
    // of 1,500 ballots is acknowledged as a stream rather than all at the end.
    const items = this.queue.length > MAX_BATCH ? this.queue.splice(0, MAX_BATCH) : this.queue;
    this.queue = items === this.queue ? [] : this.queue;
    if (this.queue.length > 0 && !this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => {
        this.flushScheduled = false;
        this.flush();
      });
    }
    if (items.length === 0) return;
    const before = this.state;
    // One draft for the whole batch: each command is decided against the state left by the ones before it,
    // and the big tables (ballots, attendance) are copied once per batch, not once per ballot.
    const batch = new Batch();
    const draft = batch.root(before);
    const accepted: { item: QueueItem; decision: Decision; events: { event: DomainEvent; at: string }[] }[] = [];
    const answers = new Map<QueueItem, ExecResult>();
    const secretRounds = new Set<string>();

    // Commands that arrived in the same event-loop turn share one clock reading.
    const clock = makeClock(this.opts.clock.nowMs(), before.council?.timeZone ?? 'Asia/Ho_Chi_Minh');
    for (const item of items) {
      if (item.kind === 'facts') {
        accepted.push({ item, decision: { events: item.events }, events: item.events.map((event) => ({ event, at: clock.now })) });
        continue;
      }
      const result = decide(draft as CouncilState, item.command, { clock, newId: this.opts.newId });
      if (!result.ok) {
        answers.set(item, { ok: false, code: result.code });
        continue;
      }
      const stamped = result.decision.events.map((event) => ({ event, at: clock.now }));
      for (const { event, at } of stamped) applyEvent(batch, draft, event, at);
      if (result.decision.secret) {
        applySecretChoiceTo(batch, draft, result.decision.secret);
        secretRounds.add(result.decision.secret.roundId);
      }
      accepted.push({ item, decision: result.decision, events: stamped });
    }
    batch.finish();
    const working: CouncilState = draft;

    const logged = new Map<QueueItem, LoggedEvent[]>();
    const allLogged: LoggedEvent[] = [];
    if (accepted.length > 0) {
      const groups: CommitGroup[] = accepted.map((a) => {
        const actor = actorLabel(a.item.actor);
        return {
          entries: a.events.map(({ event, at }) => ({ event, at, actor })),
          ...(a.item.kind === 'facts' && a.item.write ? { write: a.item.write } : {}),
        };
      });
      const started = performance.now();
      try {
        const perGroup = this.store.commit(groups, working, this.beforeCommit ?? undefined);
        accepted.forEach((a, i) => {
          const mine = perGroup[i] ?? [];
          logged.set(a.item, mine);
          allLogged.push(...mine);
        });
      } catch (error) {
        const code: ErrorCode = 'STORAGE_FAILURE';
        logger.error({ err: error, disk: isDiskError(error), commands: accepted.length }, 'transaction failed: commands refused');
        for (const a of accepted) answers.set(a.item, { ok: false, code });
        for (const item of items) item.resolve(answers.get(item) ?? { ok: false, code: 'INTERNAL' });
        return;
      }
      this.lastCommitAt = performance.now();
      this.commitLatenciesMs.push(this.lastCommitAt - started);
      if (this.commitLatenciesMs.length > 10_000) this.commitLatenciesMs.splice(0, 5_000);
      const after = withResultAnchors(working, allLogged);
      this.state = after;
      const batch: CommitBatch = {
        before,
        after,
        events: allLogged,
        secretRounds,
        commitMs: this.commitLatenciesMs[this.commitLatenciesMs.length - 1] ?? 0,
      };
      for (const listener of this.listeners) {
        try {
          listener(batch);
        } catch (error) {
          logger.error({ err: error }, 'commit listener failed');
        }
      }
    }
    for (const a of accepted) {
      answers.set(a.item, { ok: true, decision: a.decision, events: logged.get(a.item) ?? [], state: this.state });
    }
    for (const item of items) item.resolve(answers.get(item) ?? { ok: false, code: 'INTERNAL' });
  }
}

function isDiskError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return code === 'SQLITE_FULL' || code === 'SQLITE_IOERR' || (typeof code === 'string' && code.startsWith('SQLITE_IOERR'));
}

/**
 * Rebuilds the state by folding the whole log. The running totals of an open secret round are not in the log
 * nor anywhere on disk: after a restart such a round has participants but no choices
 * (see interruptedSecretRounds).
 */
export function loadState(log: Pick<EngineStore, 'readAll'>): CouncilState {
  const anchors: Record<string, LogHead> = {};
  const state = evolveAll(
    emptyState(),
    (function* () {
      for (const entry of log.readAll()) {
        if (entry.event.type === 'round.announced') anchors[entry.event.roundId] = { seq: entry.seq, hash: entry.hash };
        yield { event: entry.event, at: entry.at };
      }
    })(),
  );
  return { ...state, resultAnchors: anchors };
}

/** The state with the anchors of the results announced by `logged` (see CouncilState.resultAnchors). */
function withResultAnchors(state: CouncilState, logged: readonly LoggedEvent[]): CouncilState {
  let anchors: Record<string, LogHead> | null = null;
  for (const entry of logged) {
    if (entry.event.type !== 'round.announced') continue;
    anchors ??= { ...state.resultAnchors };
    anchors[entry.event.roundId] = { seq: entry.seq, hash: entry.hash };
  }
  return anchors ? { ...state, resultAnchors: anchors } : state;
}

/**
 * Why a secret round open when the server stopped is void. Its choices were only in the memory of the process
 * that stopped; counting the round without them would announce a wrong result.
 */
export const SECRET_ROUND_VOIDED_REASON =
  'Máy chủ đã khởi động lại khi cuộc bỏ phiếu kín đang mở. Để giữ bí mật, lựa chọn của đại biểu chỉ được giữ trong bộ nhớ ' +
  'nên không còn; cuộc bỏ phiếu này bị hủy, đề nghị Chủ tọa cho bỏ phiếu lại. / The server restarted while this secret ' +
  'ballot was open. To keep ballots secret, choices are held only in memory and are gone; this round is void — please vote again.';

/** Open secret rounds in which someone has taken part: their choices did not survive the restart. */
export function interruptedSecretRounds(state: CouncilState): string[] {
  return Object.values(state.rounds)
    .filter((r) => r.status === 'open' && state.motions[r.motionId]?.mode === 'secret' && Object.keys(r.participants).length > 0)
    .map((r) => r.id);
}

/** Voids (cancels, with SECRET_ROUND_VOIDED_REASON) every secret round interrupted by a restart. */
export async function voidInterruptedSecretRounds(engine: Engine): Promise<string[]> {
  const voided: string[] = [];
  for (const roundId of interruptedSecretRounds(engine.state)) {
    const r = await engine.execute({ type: 'round.cancel', roundId, reason: SECRET_ROUND_VOIDED_REASON }, { kind: 'system' });
    if (!r.ok) throw new Error(`could not void the interrupted secret round ${roundId}: ${r.code}`);
    logger.warn({ roundId }, 'secret round open at restart voided: its choices were only in memory');
    voided.push(roundId);
  }
  return voided;
}
