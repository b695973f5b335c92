// Events that change no state: facts the log must keep (credentials, staff accounts, security refusals) and
// witnesses of records kept in side tables (minutes notes, feedback answers, e-mailed invitations). This is
// the one list of them: replay skips them, the projections write nothing for them, and nothing is broadcast.

import type { DomainEvent, EventType } from '../types';
import type { Evolvers } from './kit';

export const STATE_FREE_EVENTS = [
  'credential.delegate-issued',
  'credential.display-issued',
  'credential.display-revoked',
  'staff.created',
  'staff.password-reset',
  'security.refused',
  'security.device-takeover',
  'server.restarted',
  'minutes.notes-saved',
  'feedback.updated',
  'mail.invitations-sent',
  'mail.guest-removed',
  'portal.item-saved',
  'portal.item-transition',
  'portal.section-added',
  'portal.delegate-profile-saved',
] as const satisfies readonly EventType[];

export type StateFreeEventType = (typeof STATE_FREE_EVENTS)[number];
export type StateFreeEvent = Extract<DomainEvent, { type: StateFreeEventType }>;
export type StateEvent = Exclude<DomainEvent, { type: StateFreeEventType }>;

const stateFree: ReadonlySet<string> = new Set(STATE_FREE_EVENTS);

export function isStateFree(event: DomainEvent): event is StateFreeEvent {
  return stateFree.has(event.type);
}

const ignore = (): void => undefined;

export const stateFreeEvolvers = Object.fromEntries(STATE_FREE_EVENTS.map((t) => [t, ignore])) as unknown as Evolvers<StateFreeEventType>;
