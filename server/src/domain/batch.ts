// Copy-on-write for one batch of events: each container (the state, the ballots of a round, the roster…) is
// copied the first time the batch changes it and then changed in place. The input state is never touched,
// so evolve stays a pure function; a batch of 1,500 ballots copies the round's ballot table once.

import type { CouncilState } from './types';

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
    const copy = (Array.isArray(child) ? [...child] : child instanceof Map ? new Map(child) : { ...child }) as T;
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

export type Mutable<T> = { -readonly [K in keyof T]: T[K] };
/** The state while a batch changes it: the same shape, writable where the batch owns it. */
export type Draft = Mutable<CouncilState>;

type Rec<T> = Record<string, T>;
type TableKey = 'delegates' | 'sessions' | 'agenda' | 'documents' | 'motions' | 'rounds' | 'speakers' | 'openCommands' | 'resolutions';

/** A writable top-level table of the draft, owned by the batch. */
export function table<T>(b: Batch, d: Draft, key: TableKey): Rec<T> {
  return b.own<Rec<T>>(d, key);
}
