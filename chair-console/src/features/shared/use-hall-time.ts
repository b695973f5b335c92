import { useCallback } from 'react';
import { formatHallDateTime } from '@hddt/protocol';
import { selectCouncil, useStore } from '../../store';

const FALLBACK_ZONE = 'Asia/Ho_Chi_Minh';

/** The council's time zone (dates typed into forms are on its clock, not the PC's). */
export function useHallZone(): string {
  return useStore((s) => selectCouncil(s)?.timeZone ?? FALLBACK_ZONE);
}

/** Formats a moment as the hall reads it, "14:06 01/12/2026", in the council's time zone (not the browser's). */
export function useHallTime(): (iso: string) => string {
  const timeZone = useHallZone();
  return useCallback((iso: string) => formatHallDateTime(iso, timeZone), [timeZone]);
}
