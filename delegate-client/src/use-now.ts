import { useEffect, useState } from 'react';
import { useStore } from './store';

/** The server's "now" (ms), ticking every `intervalMs` while mounted, for countdowns. */
export function useServerNow(intervalMs = 1000, active = true): number {
  const offset = useStore((s) => s.clockOffsetMs);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs, active]);
  return now + offset;
}
