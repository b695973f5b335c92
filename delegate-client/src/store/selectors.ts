import type { DelegateStore } from './index';
import type { Motion, RoundView, SpeakerEntry } from '@hddt/protocol';

export const selectSnapshot = (s: DelegateStore) => s.snapshot;
export const selectMe = (s: DelegateStore) => s.me;
export const selectCouncil = (s: DelegateStore) => s.snapshot?.council ?? null;
export const selectSession = (s: DelegateStore) => s.snapshot?.session ?? null;
export const selectLang = (s: DelegateStore) => s.lang;

/** The open round of the current session, if any (at most one is open at a time). */
export function selectOpenRound(s: DelegateStore): RoundView | null {
  const snap = s.snapshot;
  if (!snap) return null;
  return snap.rounds.find((r) => r.status === 'open' && (snap.session === null || r.sessionId === snap.session.id)) ?? null;
}

export function findRound(s: DelegateStore, id: string | null): RoundView | null {
  if (!id || !s.snapshot) return null;
  return s.snapshot.rounds.find((r) => r.id === id) ?? null;
}

export function findMotion(s: DelegateStore, id: string | null): Motion | null {
  if (!id || !s.snapshot) return null;
  return s.snapshot.motions.find((m) => m.id === id) ?? null;
}

/** This delegate's entry in the speaker list while waiting or speaking. */
export function selectMySpeakerEntry(s: DelegateStore): SpeakerEntry | null {
  const id = s.me?.delegate.id;
  if (!id || !s.snapshot) return null;
  return s.snapshot.speakers.find((e) => e.delegateId === id && (e.status === 'waiting' || e.status === 'speaking')) ?? null;
}
