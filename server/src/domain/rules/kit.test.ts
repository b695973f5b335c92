import { describe, expect, it } from 'vitest';
import { assertDisjoint } from './kit';
import { isStateFree, STATE_FREE_EVENTS } from './record-only';
import { evolve, emptyState } from '../evolve';

describe('handler maps', () => {
  it('refuses a handler registered by two modules', () => {
    expect(() => assertDisjoint({ 'a.x': 1 }, { 'b.y': 2 })).not.toThrow();
    expect(() => assertDisjoint({ 'a.x': 1 }, { 'b.y': 2, 'a.x': 3 })).toThrow('Handler registered twice: a.x');
  });

  it('state-free events change no state', () => {
    const state = emptyState();
    for (const type of STATE_FREE_EVENTS) {
      const event = {
        type,
        delegateId: 'd1',
        displayId: 'x',
        name: 'n',
        fingerprint: 'f',
        username: 'u',
        role: 'chair',
        reason: 'r',
        code: 'BAD_REQUEST',
        detail: '',
        sessionId: 's',
        sha256: 'h',
        feedbackId: 'f',
        status: 'new',
        answerPublished: false,
        answerSha256: null,
        mode: 'all',
        sent: 0,
        failed: 0,
      } as never;
      expect(isStateFree(event)).toBe(true);
      expect(evolve(state, event, '2026-12-01T00:00:00.000Z')).toEqual(state);
    }
    expect(isStateFree({ type: 'round.announced', roundId: 'r' })).toBe(false);
  });
});
