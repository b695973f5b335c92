// The handler maps are typed from protocol's description of each namespace (socket-events.ts): the lines
// marked @ts-expect-error must stay compile errors (`npm run typecheck` fails if one of them ever compiles),
// and the bound map answers each event by its own handler with its payload parsed by the event's schema.

import { errorBody } from '@hddt/protocol';
import type { BallotReceipt } from '@hddt/protocol';
import { DELEGATE_EVENTS, type DISPLAY_EVENTS } from '@hddt/protocol/schemas';
import { describe, expect, it } from 'vitest';
import type { HandlerMap } from './socket-handlers';

type DelegateMap = HandlerMap<typeof DELEGATE_EVENTS, { delegateId: string }>;
const receipt = null as unknown as BallotReceipt;

describe('typed socket handlers', () => {
  it('a handler must answer with its event’s ack type and read its payload as the schema gives it', () => {
    const mine: DelegateMap['vote:mine'] = (p) => (p.roundId ? { ok: true, data: receipt } : errorBody('ROUND_NOT_FOUND'));
    const none: DelegateMap['vote:mine'] = () => ({ ok: true, data: null });
    // @ts-expect-error vote:mine answers a BallotReceipt or null, never a string.
    const wrongAck: DelegateMap['vote:mine'] = () => ({ ok: true, data: 'voted' });
    // @ts-expect-error vote:mine's payload has a roundId, not a motionId.
    const wrongField: DelegateMap['vote:mine'] = (p) => ({ ok: true, data: p.motionId ? receipt : null });
    // @ts-expect-error vote:cast answers a receipt: null is not one.
    const nullCast: DelegateMap['vote:cast'] = () => ({ ok: true, data: null });
    expect([mine, none, wrongAck, wrongField, nullCast].every((f) => typeof f === 'function')).toBe(true);
  });

  it('a map missing an event, or with one the namespace does not have, does not compile', () => {
    type DisplayMap = HandlerMap<typeof DISPLAY_EVENTS, object>;
    // @ts-expect-error round:board is missing.
    const missing: DisplayMap = { 'session:sync': () => errorBody('INTERNAL') };
    const extra: DisplayMap = {
      'session:sync': () => errorBody('INTERNAL'),
      'round:board': () => ({ ok: true, data: [] }),
      // @ts-expect-error the display namespace has no vote:cast.
      'vote:cast': () => errorBody('INTERNAL'),
    };
    expect(Object.keys(missing)).toEqual(['session:sync']);
    expect(Object.keys(extra)).toHaveLength(3);
  });

  it('every event described for a namespace carries a payload schema that parses', () => {
    expect(DELEGATE_EVENTS['vote:mine'].payload.safeParse({ roundId: 'r1' }).success).toBe(true);
    expect(DELEGATE_EVENTS['vote:mine'].payload.safeParse({ roundId: 7 }).success).toBe(false);
    expect(DELEGATE_EVENTS['vote:cast'].fast?.({ roundId: 'r1', choice: { type: 'option', option: 'yes' } })).toBeDefined();
  });
});
