// The contract every EngineStore keeps, written once against the interface and run against each store
// (engine-store.test.ts). A store that passes it can carry the engine.

import { expect, it } from 'vitest';
import { demoHall } from '../domain/test-support';
import type { DomainEvent } from '../domain/types';
import { loadState } from '../engine';
import type { EngineStore, PendingEntry } from './engine-store';
import { GENESIS_HASH, entryHash } from './event-log';

export interface StoreHarness {
  /** The store over fresh, empty storage. */
  open(): EngineStore;
  /** A new store over the same storage (a restart). */
  reopen(): EngineStore;
  dispose(): void;
}

const fact = (i: number): DomainEvent => ({ type: 'security.refused', reason: `contract-${i}`, code: 'RATE_LIMITED', detail: `entry ${i}` });
const entry = (event: DomainEvent, second = 0): PendingEntry => ({ event, at: `2026-12-01T08:00:${String(second).padStart(2, '0')}.000Z`, actor: 'system' });

/** A realistic history: a 31-seat council, its session, roll call and a vote. */
function history() {
  const hall = demoHall({ delegates: 31, checkedIn: 25 });
  return { hall, entries: hall.log.map(({ event, at }) => ({ event, at, actor: 'staff:admin' })) };
}

export function engineStoreContract(make: () => StoreHarness): void {
  const withStore = (test: (h: StoreHarness, store: EngineStore) => void) => () => {
    const h = make();
    try {
      test(h, h.open());
    } finally {
      h.dispose();
    }
  };

  it(
    'starts empty at the genesis hash',
    withStore((_h, store) => {
      expect(store.head).toEqual({ seq: 0, hash: GENESIS_HASH });
      expect([...store.readAll()]).toEqual([]);
      expect(() => store.ping()).not.toThrow();
    }),
  );

  it(
    'appends each group in order on one hash chain and answers per group',
    withStore((_h, store) => {
      const { hall, entries } = history();
      const logged = store.commit([{ entries: entries.slice(0, 3) }, { entries: entries.slice(3) }], hall.state);
      expect(logged.map((g) => g.length)).toEqual([3, entries.length - 3]);
      const all = [...store.readAll()];
      expect(all.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
      let prev = GENESIS_HASH;
      for (const e of all) {
        const { type, ...rest } = e.event;
        expect(e.hash).toBe(entryHash(prev, e.seq, e.at, e.actor, type, JSON.stringify(rest)));
        prev = e.hash;
      }
      expect(store.head).toEqual({ seq: entries.length, hash: prev });
      expect(all.map((e) => e.event)).toEqual(entries.map((e) => e.event));
      expect([...store.readAll(entries.length - 2)].map((e) => e.seq)).toEqual([entries.length - 1, entries.length]);
    }),
  );

  it(
    'keeps what was committed, not what the caller does with its objects afterwards',
    withStore((_h, store) => {
      const event = fact(1) as Extract<DomainEvent, { type: 'security.refused' }>;
      store.commit([{ entries: [entry(event)] }], history().hall.state);
      event.detail = 'changed later';
      expect([...store.readAll()][0]!.event).toEqual(fact(1));
    }),
  );

  it(
    'is all or nothing: a failing guard or side write stores nothing, and the chain goes on from the old head',
    withStore((_h, store) => {
      const state = history().hall.state;
      store.commit([{ entries: [entry(fact(1))] }], state);
      const head = store.head;
      expect(() =>
        store.commit([{ entries: [entry(fact(2))] }], state, () => {
          throw new Error('disk full');
        }),
      ).toThrow('disk full');
      expect(store.head).toEqual(head);
      const writes: number[] = [];
      expect(() =>
        store.commit(
          [
            { entries: [entry(fact(3))], write: () => writes.push(1) },
            {
              entries: [entry(fact(4))],
              write: () => {
                throw new Error('side table refused');
              },
            },
          ],
          state,
        ),
      ).toThrow('side table refused');
      expect(writes).toEqual([1]);
      expect(store.head).toEqual(head);
      expect([...store.readAll()].map((e) => e.event)).toEqual([fact(1)]);
      const next = store.commit([{ entries: [entry(fact(5))] }], state);
      expect(next[0]![0]!.seq).toBe(head.seq + 1);
      expect([...store.readAll()].map((e) => e.event)).toEqual([fact(1), fact(5)]);
    }),
  );

  it(
    'gives the same log after a restart, and replaying it rebuilds the same state',
    withStore((h, store) => {
      const { hall, entries } = history();
      for (let i = 0; i < entries.length; i += 7) store.commit([{ entries: entries.slice(i, i + 7) }], hall.state);
      const head = store.head;
      const before = [...store.readAll()];
      const again = h.reopen();
      expect(again.head).toEqual(head);
      expect([...again.readAll()]).toEqual(before);
      const { resultAnchors: _anchors, ...replayed } = loadState(again);
      const { resultAnchors: _expected, ...expected } = hall.state;
      expect(replayed).toEqual(expected);
    }),
  );
}
