import { act, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Socket } from 'socket.io-client';
import { chainPatch, type PatchEnvelope } from '@hddt/protocol';
import {
  ACK_TIMEOUT_MS,
  NOT_CONFIRMED,
  SILENT_AFTER_MS,
  TICK_MS,
  clockOffset,
  confirmed,
  followPatch,
  formatCountdown,
  formatDuration,
  secondsUntil,
  singleFlight,
  superviseConnection,
  useServerNow,
} from './index';

const T0 = Date.parse('2026-12-01T08:00:00.000Z');

describe('timings', () => {
  it('are one value for every app: ack 8 s, tick 250 ms, a lost connection noticed within 3 s', () => {
    expect(ACK_TIMEOUT_MS).toBe(8000);
    expect(TICK_MS).toBe(250);
    expect(SILENT_AFTER_MS).toBeLessThan(3000);
  });
});

describe('clockOffset', () => {
  it('corrects a clock that is minutes off', () => {
    expect(clockOffset(new Date(T0 + 180_000).toISOString(), T0)).toBe(180_000);
    expect(clockOffset(new Date(T0 - 65_000).toISOString(), T0)).toBe(-65_000);
  });
  it('takes a difference of at most 2 s as transit, not a wrong clock', () => {
    expect(clockOffset(new Date(T0 - 2000).toISOString(), T0)).toBe(0);
    expect(clockOffset(new Date(T0 + 1500).toISOString(), T0)).toBe(0);
    expect(clockOffset(new Date(T0 + 2001).toISOString(), T0)).toBe(2001);
  });
  it('gives 0 for a missing or unreadable time', () => {
    expect(clockOffset(undefined, T0)).toBe(0);
    expect(clockOffset('not a time', T0)).toBe(0);
  });
});

describe('countdowns', () => {
  it('formats whole seconds as mm:ss, and h:mm:ss from an hour', () => {
    expect(formatDuration(0)).toBe('00:00');
    expect(formatDuration(65)).toBe('01:05');
    expect(formatDuration(3599)).toBe('59:59');
    expect(formatDuration(3600 + 125)).toBe('1:02:05');
  });
  it('shows overtime (a negative duration) as its magnitude', () => {
    expect(formatDuration(-83)).toBe('01:23');
  });
  it('rounds a countdown up, so 00:00 shows only at the deadline', () => {
    expect(formatCountdown(1)).toBe('00:01');
    expect(formatCountdown(59_001)).toBe('01:00');
    expect(formatCountdown(0)).toBe('00:00');
  });
  it('clamps a countdown at zero', () => {
    expect(formatCountdown(-5000)).toBe('00:00');
    expect(secondsUntil(new Date(T0 - 10_000).toISOString(), T0)).toBe(0);
  });
  it('counts whole seconds left until a deadline, rounded up', () => {
    expect(secondsUntil(new Date(T0 + 10_000).toISOString(), T0)).toBe(10);
    expect(secondsUntil(new Date(T0 + 10_000).toISOString(), T0 + 1)).toBe(10);
    expect(secondsUntil(new Date(T0 + 10_000).toISOString(), T0 + 9_999)).toBe(1);
    expect(secondsUntil('garbage', T0)).toBe(0);
  });
});

describe('confirmed', () => {
  it('passes the server ack through', async () => {
    await expect(confirmed(Promise.resolve({ ok: true as const, data: 7 }))).resolves.toEqual({ ok: true, data: 7 });
  });
  it('reports a timed-out command as not confirmed, never as success', async () => {
    const ack = await confirmed<number>(Promise.reject(new Error('operation has timed out')));
    expect(ack).toEqual(NOT_CONFIRMED);
    expect(ack.ok).toBe(false);
  });
});

describe('the mirror', () => {
  type Snap = { seq: number; value: string };
  const apply = (s: Snap, patch: PatchEnvelope['patch']): Snap => ({ ...s, value: patch.type });
  const env = (seq: number, prevSeq: number): PatchEnvelope => ({
    seq,
    prevSeq,
    serverTime: new Date(T0).toISOString(),
    patch: { type: 'display', display: { mode: 'agenda', roundId: null } },
  });
  const follow = (snap: Snap | null, e: PatchEnvelope) => {
    const on = { applied: vi.fn(), resync: vi.fn() };
    followPatch(chainPatch(snap, e, apply), on);
    return on;
  };

  it('applies the next patch in sequence', () => {
    const on = follow({ seq: 4, value: '' }, env(5, 4));
    expect(on.applied).toHaveBeenCalledWith({ seq: 5, value: 'display' });
    expect(on.resync).not.toHaveBeenCalled();
  });
  it('drops a patch already seen', () => {
    const on = follow({ seq: 9, value: '' }, env(8, 7));
    expect(on.applied).not.toHaveBeenCalled();
    expect(on.resync).not.toHaveBeenCalled();
  });
  it('asks for the snapshot again after a gap', () => {
    const on = follow({ seq: 4, value: '' }, env(7, 6));
    expect(on.resync).toHaveBeenCalledOnce();
    expect(on.applied).not.toHaveBeenCalled();
  });
  it('asks for the snapshot when a patch comes before any snapshot', () => {
    expect(follow(null, env(1, 0)).resync).toHaveBeenCalledOnce();
  });
  it('asks once for a burst of gaps, and again after the answer', async () => {
    let release!: () => void;
    const fetch = vi.fn(() => new Promise<void>((r) => (release = r)));
    const resync = singleFlight(fetch);
    const first = resync();
    void resync();
    void resync();
    expect(fetch).toHaveBeenCalledTimes(1);
    release();
    await first;
    void resync();
    expect(fetch).toHaveBeenCalledTimes(2);
  });
  it('survives a failed resync and can ask again', async () => {
    const fetch = vi.fn().mockRejectedValueOnce(new Error('timeout')).mockResolvedValueOnce(undefined);
    const resync = singleFlight(fetch);
    await expect(resync()).resolves.toBeUndefined();
    await resync();
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});

describe('useServerNow', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(T0);
  });
  afterEach(() => vi.useRealTimers());

  function Clock({ offset, active }: { offset: number; active?: boolean }) {
    return <p>{useServerNow(offset, active)}</p>;
  }

  it('is the local clock plus the offset, ticking every 250 ms', () => {
    const { container } = render(<Clock offset={5000} />);
    expect(container.textContent).toBe(String(T0 + 5000));
    act(() => {
      vi.advanceTimersByTime(TICK_MS);
    });
    expect(container.textContent).toBe(String(T0 + TICK_MS + 5000));
  });
  it('stands still while inactive', () => {
    const { container } = render(<Clock offset={0} active={false} />);
    act(() => {
      vi.advanceTimersByTime(TICK_MS * 4);
    });
    expect(container.textContent).toBe(String(T0));
  });
});

/** The parts of a Socket.IO client socket the supervisor uses, driven by the test. */
class FakeSocket {
  connected = true;
  connect = vi.fn(() => undefined);
  engineClose = vi.fn();
  private readonly handlers = new Map<string, Set<(...a: unknown[]) => void>>();
  private readonly managerHandlers = new Map<string, Set<() => void>>();
  io = {
    engine: { close: this.engineClose },
    on: (ev: string, fn: () => void) => this.managerHandlers.set(ev, (this.managerHandlers.get(ev) ?? new Set()).add(fn)),
    off: (ev: string, fn: () => void) => this.managerHandlers.get(ev)?.delete(fn),
  };
  on(ev: string, fn: (...a: unknown[]) => void) {
    this.handlers.set(ev, (this.handlers.get(ev) ?? new Set()).add(fn));
  }
  off(ev: string, fn: (...a: unknown[]) => void) {
    this.handlers.get(ev)?.delete(fn);
  }
  emit(ev: string, ...args: unknown[]) {
    for (const fn of this.handlers.get(ev) ?? []) fn(...args);
  }
  manager(ev: string) {
    for (const fn of this.managerHandlers.get(ev) ?? []) fn();
  }
  listeners() {
    return [...this.handlers.values(), ...this.managerHandlers.values()].reduce((n, s) => n + s.size, 0);
  }
  asSocket() {
    return this as unknown as Socket;
  }
}

describe('superviseConnection', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('takes a silent connection as lost within 3 s and closes its transport so the manager reconnects', () => {
    const fake = new FakeSocket();
    const onLost = vi.fn();
    const sup = superviseConnection(fake.asSocket(), { onLost, retryAfterMs: 1000 });
    vi.advanceTimersByTime(SILENT_AFTER_MS - 100);
    expect(onLost).not.toHaveBeenCalled();
    vi.advanceTimersByTime(3000 - (SILENT_AFTER_MS - 100));
    expect(onLost).toHaveBeenCalled();
    expect(fake.engineClose).toHaveBeenCalled();
    sup.stop();
  });
  it('keeps a connection that hears the server ping', () => {
    const fake = new FakeSocket();
    const onLost = vi.fn();
    const sup = superviseConnection(fake.asSocket(), { onLost, retryAfterMs: 1000 });
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(1500);
      fake.manager('ping');
    }
    expect(onLost).not.toHaveBeenCalled();
    sup.stop();
  });
  it('reports at once when the browser goes offline, and reconnects at once when it is back', () => {
    const fake = new FakeSocket();
    const onLost = vi.fn();
    const sup = superviseConnection(fake.asSocket(), { onLost, retryAfterMs: 1000 });
    window.dispatchEvent(new Event('offline'));
    expect(onLost).toHaveBeenCalledOnce();
    fake.connected = false;
    window.dispatchEvent(new Event('online'));
    expect(fake.connect).toHaveBeenCalledOnce();
    sup.stop();
  });
  it('tries again after the server closed the socket on purpose', () => {
    const fake = new FakeSocket();
    const sup = superviseConnection(fake.asSocket(), { onLost: vi.fn(), retryAfterMs: 1000 });
    fake.connected = false;
    fake.emit('disconnect', 'io server disconnect');
    vi.advanceTimersByTime(999);
    expect(fake.connect).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fake.connect).toHaveBeenCalledOnce();
    sup.stop();
  });
  it('leaves a transport loss to the manager, and does not reconnect when the app says not to', () => {
    const fake = new FakeSocket();
    const sup = superviseConnection(fake.asSocket(), { onLost: vi.fn(), mayReconnect: () => false, retryAfterMs: 1000 });
    fake.connected = false;
    fake.emit('disconnect', 'transport close');
    fake.emit('disconnect', 'io server disconnect');
    sup.retryLater();
    window.dispatchEvent(new Event('online'));
    vi.advanceTimersByTime(5000);
    expect(fake.connect).not.toHaveBeenCalled();
    sup.stop();
  });
  it('schedules one retry at a time after a refusal', () => {
    const fake = new FakeSocket();
    fake.connected = false;
    const sup = superviseConnection(fake.asSocket(), { onLost: vi.fn(), retryAfterMs: 2000 });
    sup.retryLater();
    sup.retryLater();
    vi.advanceTimersByTime(2000);
    expect(fake.connect).toHaveBeenCalledOnce();
    sup.stop();
  });
  it('stops watching and retrying when stopped, leaving no listener behind', () => {
    const fake = new FakeSocket();
    const onLost = vi.fn();
    const sup = superviseConnection(fake.asSocket(), { onLost, retryAfterMs: 1000 });
    sup.retryLater();
    sup.stop();
    fake.connected = false;
    window.dispatchEvent(new Event('offline'));
    vi.advanceTimersByTime(10_000);
    expect(onLost).not.toHaveBeenCalled();
    expect(fake.connect).not.toHaveBeenCalled();
    expect(fake.listeners()).toBe(0);
  });
});
