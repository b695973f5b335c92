// Countdowns and durations, formatted the same in the console, on the tablet and on the hall display.

/** Whole seconds as "mm:ss" (or "h:mm:ss" from one hour); a negative value is shown as its magnitude (overtime). */
export function formatDuration(totalSec: number): string {
  const s = Math.abs(Math.trunc(totalSec));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${String(m).padStart(2, '0')}:${sec}`;
}

/** Whole seconds left until `deadlineIso`, rounded up (so "00:00" shows only at the deadline), never below zero. */
export function secondsUntil(deadlineIso: string, nowMs: number): number {
  const left = Math.ceil((Date.parse(deadlineIso) - nowMs) / 1000);
  return Number.isFinite(left) ? Math.max(0, left) : 0;
}

/** A countdown of `ms` milliseconds: rounded up to whole seconds, clamped at zero. */
export function formatCountdown(ms: number): string {
  return formatDuration(Math.max(0, Math.ceil(ms / 1000)));
}
