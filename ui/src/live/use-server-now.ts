import { useEffect, useState } from 'react';
import { TICK_MS } from './constants';

/** The server's "now" (ms): the local clock plus `offsetMs`, re-rendering every TICK_MS while `active`. */
export function useServerNow(offsetMs: number, active = true): number {
  const [local, setLocal] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const id = setInterval(() => setLocal(Date.now()), TICK_MS);
    return () => clearInterval(id);
  }, [active]);
  return local + offsetMs;
}
