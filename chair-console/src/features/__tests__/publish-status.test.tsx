import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { useStore } from '../../store';
import { PublishStatusBanner } from '../shared/publish-status';

afterEach(() => {
  cleanup();
  useStore.setState({ publish: null });
});

describe('publishing to the portal service', () => {
  it('says how many entries the portal lacks while the link is down', () => {
    useStore.setState({ publish: { behind: 7, confirmedSeq: 120, hallSeq: 127, problem: 'unreachable' } });
    render(<PublishStatusBanner />);
    const banner = screen.getByRole('status');
    expect(banner.textContent).toContain('Chưa đồng bộ với cổng thông tin (7 mục)');
    expect(banner.textContent).toContain('tự gửi lại');
  });

  it('names a refused chain, which needs a person', () => {
    useStore.setState({ publish: { behind: 3, confirmedSeq: 10, hallSeq: 13, problem: 'chain-refused' } });
    render(<PublishStatusBanner />);
    expect(screen.getByRole('status').textContent).toContain('chuỗi mã băm không khớp');
  });

  it('shows nothing when in step or when the hall does not publish', () => {
    useStore.setState({ publish: { behind: 0, confirmedSeq: 13, hallSeq: 13, problem: null } });
    const { container } = render(<PublishStatusBanner />);
    expect(container.textContent).toBe('');
    cleanup();
    useStore.setState({ publish: null });
    expect(render(<PublishStatusBanner />).container.textContent).toBe('');
  });
});
