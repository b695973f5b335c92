import { useServerNow as useTicking } from '@hddt/ui/live';
import { useStore } from './store';

/** The server's "now" (ms) for countdowns, ticking while `active`: the shared clock with this app's offset. */
export function useServerNow(active = true): number {
  return useTicking(
    useStore((s) => s.clockOffsetMs),
    active,
  );
}
