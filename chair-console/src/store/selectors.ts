// Selectors return references already in the store (never fresh objects), so components re-render only when
// the piece they read changed. Derivations are plain functions used with useMemo.
import { secondsUntil } from '@hddt/ui/live';
import type { AttendanceRecord, ChairSnapshot, Delegate, Motion, RoundView } from '@hddt/protocol';
import type { Store } from './index';

export const selectSnapshot = (s: Store): ChairSnapshot | null => s.snapshot;
export const selectSession = (s: Store) => s.snapshot?.session ?? null;
export const selectCouncil = (s: Store) => s.snapshot?.council ?? null;
export const selectAttendance = (s: Store) => s.snapshot?.attendance ?? null;
export const selectRounds = (s: Store) => s.snapshot?.rounds;
export const selectMotions = (s: Store) => s.snapshot?.motions;
export const selectAgenda = (s: Store) => s.snapshot?.agenda;
export const selectSpeakers = (s: Store) => s.snapshot?.speakers;
export const selectDisplay = (s: Store) => s.snapshot?.display ?? null;
export const selectDelegates = (s: Store) => s.snapshot?.delegates;
export const selectRecords = (s: Store) => s.snapshot?.attendanceRecords;
export const selectConnected = (s: Store) => s.snapshot?.connectedDelegateIds;
export const selectOpenRound = (s: Store): RoundView | null => s.snapshot?.rounds.find((r) => r.status === 'open') ?? null;

export function presentIds(records: readonly AttendanceRecord[] | undefined): Set<string> {
  return new Set((records ?? []).filter((r) => r.status === 'present').map((r) => r.delegateId));
}

/** Seated delegates who are present but have not voted in this round (named and anonymous rounds carry voterIds). */
export function notYetVoted(round: RoundView, delegates: readonly Delegate[], records: readonly AttendanceRecord[]): Delegate[] {
  const present = presentIds(records);
  const voted = new Set(round.voterIds ?? []);
  return delegates.filter((d) => d.seated && present.has(d.id) && !voted.has(d.id)).sort((a, b) => a.seat - b.seat);
}

export function roundsOfMotion(rounds: readonly RoundView[], motionId: string): RoundView[] {
  return rounds.filter((r) => r.motionId === motionId).sort((a, b) => a.number - b.number);
}

/** Latest round that is closed or announced (the one a "result" screen is about). */
export function latestResultRound(rounds: readonly RoundView[]): RoundView | null {
  const done = rounds.filter((r) => r.status === 'closed' || r.status === 'announced');
  return done.sort((a, b) => (a.closedAt ?? '').localeCompare(b.closedAt ?? ''))[done.length - 1] ?? null;
}

export function motionsForItem(motions: readonly Motion[], itemId: string | null): Motion[] {
  return motions.filter((m) => m.itemId === itemId);
}

/** Seconds left before a round's deadline, never negative; null when the round has no duration. */
export function secondsLeft(closesAt: string | null, nowMs: number): number | null {
  return closesAt ? secondsUntil(closesAt, nowMs) : null;
}
