import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, render } from '@testing-library/react';
import { applyLang } from '../../i18n';
import { createDisplayStore } from '../../store';
import type { DisplayStore } from '../../store';
import { applyLiveEnvelope, type PatchEnvelope } from '@hddt/protocol';
import * as f from '../../test/fixtures';
import { Stage } from './stage';

beforeEach(() => applyLang('vi'));
afterEach(cleanup);

function patch(store: DisplayStore, envelope: PatchEnvelope) {
  const s = store.getState();
  const out = applyLiveEnvelope(s.snapshot, envelope);
  if (out.kind !== 'applied') throw new Error(out.kind);
  act(() => store.setState({ snapshot: out.snapshot }));
}

describe('Stage', () => {
  it('follows display patches, and an update landing during the entrance transition is shown', () => {
    const store = createDisplayStore({ connection: 'online', snapshot: f.snapshot({ seq: 1, rounds: [f.round('r1', 'm-budget', { voted: 3 })] }) });
    const { container } = render(<Stage store={store} />);
    expect(container.querySelector('[data-slide]')!.getAttribute('data-slide')).toBe('welcome');
    patch(store, { seq: 2, prevSeq: 1, serverTime: '2026-07-05T08:00:00.000Z', patch: { type: 'display', display: { mode: 'vote', roundId: 'r1' } } });
    // Immediately (same frame as the slide change, animation still running) a ballot arrives.
    patch(store, { seq: 3, prevSeq: 2, serverTime: '2026-07-05T08:00:00.000Z', patch: { type: 'round', round: f.round('r1', 'm-budget', { voted: 4 }) } });
    expect(container.querySelector('[data-slide]')!.getAttribute('data-slide')).toBe('vote');
    expect(container.querySelector('.progress-figure')!.textContent).toBe('4/29 đại biểu có mặt');
  });

  it("'result' for a round still open shows the vote in progress, then the result once closed", () => {
    const store = createDisplayStore({
      connection: 'online',
      snapshot: f.snapshot({ seq: 1, rounds: [f.round('r1', 'm-secret')], display: { mode: 'result', roundId: 'r1' } }),
    });
    const { container } = render(<Stage store={store} />);
    expect(container.querySelector('[data-slide]')!.getAttribute('data-slide')).toBe('vote');
    patch(store, {
      seq: 2,
      prevSeq: 1,
      serverTime: '2026-07-05T08:00:00.000Z',
      patch: { type: 'round', round: f.round('r1', 'm-secret', { status: 'closed', result: f.secretTwoThirdsResult }) },
    });
    expect(container.querySelector('[data-slide]')!.getAttribute('data-slide')).toBe('result');
    expect(container.textContent).toContain('KHÔNG THÔNG QUA');
  });

  it('offline: frozen slide with the discreet mark; unpaired: the calm pairing screen', () => {
    const store = createDisplayStore({
      connection: 'offline',
      lastMessageAt: Date.parse('2026-12-03T02:00:30Z'),
      snapshot: f.snapshot({ rounds: [f.round('r1', 'm-budget')], display: { mode: 'vote', roundId: 'r1' } }),
    });
    const { container } = render(<Stage store={store} />);
    expect(container.querySelector('[data-offline-mark]')!.textContent).toBe('Mất kết nối — số liệu lúc 09:00:30');
    expect(container.textContent).not.toContain('ĐANG BIỂU QUYẾT');
    act(() => store.setState({ connection: 'unpaired', unpairedReason: 'revoked' }));
    expect(container.querySelector('[data-status-screen]')!.getAttribute('data-status-screen')).toBe('revoked');
    expect(container.textContent).toContain('Màn hình chưa được ghép nối');
  });
});
