import type { DelegateStore } from './index';
import { delegateHasFloor, type Motion, type RoundView, type SpeakerEntry } from '@hddt/protocol';

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

/** This delegate's request to speak while waiting or speaking (their questions are listed apart). */
export function selectMySpeakerEntry(s: DelegateStore): SpeakerEntry | null {
  const id = s.me?.delegate.id;
  if (!id || !s.snapshot) return null;
  return s.snapshot.speakers.find((e) => e.delegateId === id && !e.question && (e.status === 'waiting' || e.status === 'speaking')) ?? null;
}

/** The entry in which this delegate has the floor now: their speech, or their question (not the answer to it). */
export function selectMyFloor(s: DelegateStore): SpeakerEntry | null {
  const id = s.me?.delegate.id;
  if (!id || !s.snapshot) return null;
  return s.snapshot.speakers.find((e) => delegateHasFloor(e, id)) ?? null;
}
