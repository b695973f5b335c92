// The hall's side of publishing. Pushes the log, redacted (entries.ts), to the portal service in order, in
// batches, resuming from the position the portal confirmed (it asks the portal where it stands, so nothing
// depends on what the hall remembers). The hall never waits for it: when the link is down it retries with a
// growing pause, capped (30 s by default), so however long the link was down the next try comes within the cap;
// the console shows how many entries the portal lacks; after the link returns, even days later, it catches up by
// itself, in batches.

import type { PublishStatusPayload } from '@hddt/protocol';
import type { Db } from '../storage/database';
import type { Engine } from '../engine';
import { logger } from '../logger';
import { redact, type RedactionLookup, type StoredEntry } from './entries';

/** `problem`: null while in step; a code while the link is down or the portal refuses what it gets. */
export type PublishStatus = PublishStatusPayload;

export interface PublisherOptions {
  db: Db;
  engine: Engine;
  /** The portal's base URL, e.g. https://hdnd.example.gov.vn */
  url: string;
  key: string;
  batchSize?: number;
  retryMinMs?: number;
  retryMaxMs?: number;
  /**
   * Schedules a retry after a failed push (default: a timer); returns a function that cancels it. Tests inject a
   * clock here so that an outage of days runs without waiting for it.
   */
  retryClock?: RetryClock;
  onStatus?: (status: PublishStatus) => void;
}

export type RetryClock = (run: () => void, ms: number) => () => void;

const timerClock: RetryClock = (run, ms) => {
  const timer = setTimeout(run, ms);
  timer.unref();
  return () => clearTimeout(timer);
};

export class Publisher {
  private confirmed: number | null = null;
  private running = false;
  private again = false;
  private stopped = false;
  /** Cancels the push that is scheduled (a nudge's or a retry's), if any. */
  private pending: (() => void) | null = null;
  private retryMs: number;
  private readonly selectAfter;
  private readonly selectHead;
  private last: PublishStatus = { behind: 0, confirmedSeq: 0, hallSeq: 0, problem: null };

  constructor(private readonly opts: PublisherOptions) {
    this.retryMs = opts.retryMinMs ?? 1000;
    this.selectAfter = opts.db.prepare('SELECT seq, at, actor, type, payload, prev_hash, hash FROM events WHERE seq > ? ORDER BY seq LIMIT ?');
    this.selectHead = opts.db.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM events');
    opts.engine.onCommit(() => this.nudge());
  }

  status(): PublishStatus {
    return this.last;
  }

  start(): void {
    this.nudge();
  }

  stop(): void {
    this.stopped = true;
    this.pending?.();
    this.pending = null;
  }

  private later(ms: number, clock: RetryClock): void {
    this.pending = clock(() => {
      this.pending = null;
      void this.push();
    }, ms);
  }

  /** Runs a push soon; several nudges in a burst make one push. */
  nudge(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.pending) return;
    this.later(20, timerClock);
  }

  private lookup(): RedactionLookup {
    const state = this.opts.engine.state;
    return {
      roundMode: (roundId) => {
        const round = state.rounds[roundId];
        return round ? (state.motions[round.motionId]?.mode ?? null) : null;
      },
      documentConfidential: (id) => state.documents[id]?.confidential ?? null,
    };
  }

  private report(problem: PublishStatus['problem']): void {
    const hallSeq = (this.selectHead.get() as { seq: number }).seq;
    const confirmedSeq = this.confirmed ?? this.last.confirmedSeq;
    const next: PublishStatus = { behind: Math.max(0, hallSeq - confirmedSeq), confirmedSeq, hallSeq, problem };
    const changed = next.behind !== this.last.behind || next.problem !== this.last.problem || next.confirmedSeq !== this.last.confirmedSeq;
    this.last = next;
    if (changed) this.opts.onStatus?.(next);
  }

  private async call(path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
    const res = await fetch(`${this.opts.url.replace(/\/$/, '')}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${this.opts.key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    return { status: res.status, json };
  }

  private async push(): Promise<void> {
    if (this.stopped) return;
    this.running = true;
    let problem: PublishStatus['problem'] = null;
    try {
      if (this.confirmed === null) {
        const r = await this.call('/api/publish/head');
        if (r.status === 401) throw new Refused('key-refused');
        if (r.status !== 200) throw new Error(`head: HTTP ${r.status}`);
        this.confirmed = Number((r.json.data as { seq: number }).seq);
      }
      for (;;) {
        const rows = this.selectAfter.all(this.confirmed, this.opts.batchSize ?? 500) as StoredEntry[];
        if (rows.length === 0) break;
        const lookup = this.lookup();
        const r = await this.call('/api/publish/entries', { entries: rows.map((row) => redact(row, lookup)) });
        if (r.status === 200) {
          this.confirmed = Number((r.json.data as { seq: number }).seq);
          this.report(null);
          continue;
        }
        if (r.status === 409) {
          // The portal stands elsewhere than we thought (restored from a backup, say): resume from its head.
          this.confirmed = Number((r.json.head as { seq: number }).seq);
          continue;
        }
        if (r.status === 401) throw new Refused('key-refused');
        if (r.status === 422) throw new Refused('chain-refused');
        throw new Error(`entries: HTTP ${r.status}`);
      }
      this.retryMs = this.opts.retryMinMs ?? 1000;
    } catch (error) {
      problem = error instanceof Refused ? error.problem : 'unreachable';
      if (problem !== 'unreachable') logger.error({ problem }, 'the portal refuses what the hall publishes');
      else logger.warn({ err: (error as Error).message }, 'portal unreachable; will retry');
      if (problem === 'unreachable') this.confirmed = null;
      this.schedule();
    } finally {
      this.running = false;
      this.report(problem);
    }
    if (problem === null && this.again) {
      this.again = false;
      this.nudge();
    }
  }

  private schedule(): void {
    if (this.stopped || this.pending) return;
    const wait = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, this.opts.retryMaxMs ?? 30_000);
    this.later(wait, this.opts.retryClock ?? timerClock);
  }
}

class Refused extends Error {
  constructor(readonly problem: 'key-refused' | 'chain-refused') {
    super(problem);
  }
}
