import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { useStore } from '../../store';
import { SecurityAlerts } from '../shared/security-alerts';
import { snapshot } from '../../test-fixtures';

afterEach(cleanup);

describe('times in the council time zone', () => {
  it('a security alert reads "14:06 01/12/2026" in the council zone, whatever the browser zone', () => {
    const s = snapshot();
    useStore.setState({ snapshot: { ...s, council: { ...s.council, timeZone: 'Asia/Ho_Chi_Minh' } }, alerts: [{ type: 'token-refused', delegateId: null, at: '2026-12-01T07:06:00.000Z' }] });
    render(<SecurityAlerts />);
    expect(screen.getByRole('alert').textContent).toContain('14:06 01/12/2026');
  });
});
