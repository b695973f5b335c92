import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { useStore } from '../../store';
import { SecurityAlerts } from '../shared/security-alerts';
import { snapshot } from '../../test-fixtures';

afterEach(cleanup);

describe('times in the council time zone', () => {
  it('a security alert reads "14:06 01/12/2026" in the council zone, whatever the browser zone', () => {
    const s = snapshot();
    useStore.setState({
      snapshot: { ...s, council: { ...s.council, timeZone: 'Asia/Ho_Chi_Minh' } },
      alerts: [{ type: 'token-refused', delegateId: null, at: '2026-12-01T07:06:00.000Z' }],
    });
    render(<SecurityAlerts />);
    expect(screen.getByRole('alert').textContent).toContain('14:06 01/12/2026');
  });
});

describe('speaker queue', () => {
  it('shows each request with its time in the council zone, and a badge with the number waiting', async () => {
    const { SpeakersPanel } = await import('../live/speakers-panel');
    const s = snapshot();
    const entry = (id: string, at: string) => ({
      id,
      sessionId: s.session!.id,
      delegateId: null,
      name: `Khách ${id}`,
      title: '',
      status: 'waiting' as const,
      requestedAt: at,
      startedAt: null,
      endedAt: null,
      limitSec: 300,
    });
    useStore.setState({
      snapshot: {
        ...s,
        council: { ...s.council, timeZone: 'Asia/Ho_Chi_Minh' },
        speakers: [entry('a', '2026-12-01T07:06:00.000Z'), entry('b', '2026-12-01T07:09:00.000Z')],
      },
    });
    render(<SpeakersPanel />);
    expect(screen.getAllByTestId('request-time').map((e) => e.textContent)).toEqual([' · 14:06 01/12/2026', ' · 14:09 01/12/2026']);
    expect(screen.getByTestId('queue-badge').textContent).toBe(' 2');
  });
});
