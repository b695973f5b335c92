// Closes a timed vote at its deadline, also after a restart (a deadline that passed while the server was
// down closes the round at start; every ballot acknowledged before it is already counted).

import type { Services } from './services';

export class DeadlineTimers {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly services: Services) {
    services.engine.onCommit(() => this.sync());
    this.sync();
  }

  private sync(): void {
    const state = this.services.engine.state;
    for (const [roundId, timer] of this.timers) {
      if (state.rounds[roundId]?.status !== 'open') {
        clearTimeout(timer);
        this.timers.delete(roundId);
      }
    }
    for (const round of Object.values(state.rounds)) {
      if (round.status !== 'open' || round.closesAt === null || this.timers.has(round.id)) continue;
      const delay = Math.max(0, Date.parse(round.closesAt) - this.services.nowMs());
      const timer = setTimeout(() => void this.expire(round.id), Math.min(delay + 5, 2_147_000_000));
      this.timers.set(round.id, timer);
    }
  }

  private async expire(roundId: string): Promise<void> {
    this.timers.delete(roundId);
    const result = await this.services.engine.execute({ type: 'round.expire', roundId }, { kind: 'system' });
    // The clock may read a hair early; try again shortly if the round is still open.
    if (result.ok && this.services.engine.state.rounds[roundId]?.status === 'open') {
      this.timers.set(
        roundId,
        setTimeout(() => void this.expire(roundId), 50),
      );
    }
  }

  stop(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
