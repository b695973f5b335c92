// A session's opening time (Session.startTime, "HH:MM" on the council's clock) is optional: logs written
// before it existed carry session.created without the field and must replay unchanged; set later, it
// replays from the update; cleared, it is null.
import { SessionInputSchema, SessionPatchSchema } from '@hddt/protocol/schemas';
import { describe, expect, it } from 'vitest';
import { Hall, replay } from './test-support';
import type { DomainEvent } from './types';

describe('session opening time', () => {
  it('a session.created stored without the field replays, and a later update sets and clears it', () => {
    const hall = new Hall();
    const id = hall.createSession();
    const created = hall.log.find((e) => e.event.type === 'session.created')!;
    expect(created.event.type === 'session.created' && 'startTime' in created.event.session).toBe(false);
    expect(replay(hall.log).sessions[id]!.startTime).toBeUndefined();

    hall.do({ type: 'session.update', sessionId: id, patch: { startTime: '08:00' } });
    expect(hall.state.sessions[id]!.startTime).toBe('08:00');
    expect(replay(hall.log)).toEqual(hall.state);
    hall.do({ type: 'session.update', sessionId: id, patch: { startTime: null } });
    expect(replay(hall.log).sessions[id]!.startTime).toBeNull();
  });

  it('a session can be created with its time; the schema takes "HH:MM" only', () => {
    const hall = new Hall();
    const input = SessionInputSchema.parse({ number: 5, startDate: '2026-12-05', endDate: '2026-12-06', place: 'Hội trường', startTime: '07:30' });
    const { events } = hall.do({ type: 'session.create', input });
    const event = events[0] as Extract<DomainEvent, { type: 'session.created' }>;
    expect(event.session.startTime).toBe('07:30');
    for (const bad of ['7:30', '24:00', '08:60', '08:00:00', '']) {
      expect(SessionPatchSchema.safeParse({ startTime: bad }).success, bad).toBe(false);
    }
    expect(SessionPatchSchema.safeParse({ startTime: '23:59' }).success).toBe(true);
    expect(SessionInputSchema.parse({ number: 5, startDate: '2026-12-05', endDate: '2026-12-05', place: 'Hội trường' }).startTime).toBeUndefined();
  });
});
