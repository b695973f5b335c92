import { useCallback } from 'react';
import { formatHallDateTime } from '@hddt/protocol';
import { selectCouncil, useStore } from '../../store';

const FALLBACK_ZONE = 'Asia/Ho_Chi_Minh';

/** Formats a moment as the hall reads it, "14:06 01/12/2026", in the council's time zone (not the browser's). */
export function useHallTime(): (iso: string) => string {
  const timeZone = useStore((s) => selectCouncil(s)?.timeZone ?? FALLBACK_ZONE);
  return useCallback((iso: string) => formatHallDateTime(iso, timeZone), [timeZone]);
}
