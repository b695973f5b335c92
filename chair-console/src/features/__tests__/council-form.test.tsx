// Council settings: the term's number (khóa) printed in the minutes, and the confidence-rating thresholds of
// Nghị quyết 96/2023/QH15, sent with the rest of the settings.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { REST_ROUTES } from '@hddt/protocol/schemas';
import type { CouncilConfig } from '@hddt/protocol';
import { useStore } from '../../store';
import { CouncilForm } from '../prepare/council-form';
import { council, snapshot } from '../../test-fixtures';

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

beforeEach(() => {
  useStore.setState({ snapshot: snapshot(), toasts: [], alerts: [] });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function serve(initial: CouncilConfig) {
  const patches: Record<string, unknown>[] = [];
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = String(input);
    if (url === REST_ROUTES.council.path && init?.method === 'PATCH') {
      const patch = JSON.parse(String(init.body)) as Record<string, unknown>;
      patches.push(patch);
      return json({ ...initial, ...patch });
    }
    return json(initial);
  });
  return patches;
}

describe('CouncilForm', () => {
  it('edits the term number and the confidence thresholds, starting from the defaults of Nghị quyết 96/2023/QH15', async () => {
    const initial: CouncilConfig = {
      ...council,
      termOrdinal: '',
      thresholds: { ...council.thresholds, lowConfidence: undefined, lowConfidenceDismissal: undefined },
    };
    const patches = serve(initial);
    render(<CouncilForm />);
    const khoa = (await screen.findByLabelText('Khóa')) as HTMLInputElement;
    fireEvent.change(khoa, { target: { value: 'I' } });
    const numerators = screen.getAllByLabelText('Tử số') as HTMLInputElement[];
    const denominators = screen.getAllByLabelText('Mẫu số') as HTMLInputElement[];
    // Quorum, then the two confidence thresholds.
    expect(numerators).toHaveLength(3);
    expect([numerators[1]!.value, denominators[1]!.value]).toEqual(['1', '2']);
    expect([numerators[2]!.value, denominators[2]!.value]).toEqual(['2', '3']);
    fireEvent.change(numerators[2]!, { target: { value: '3' } });
    fireEvent.change(denominators[2]!, { target: { value: '4' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(patches).toHaveLength(1));
    const sent = patches[0] as { termOrdinal: string; thresholds: CouncilConfig['thresholds'] };
    expect(sent.termOrdinal).toBe('I');
    expect(sent.thresholds.lowConfidence).toEqual({ numerator: 1, denominator: 2, strict: true });
    expect(sent.thresholds.lowConfidenceDismissal).toEqual({ numerator: 3, denominator: 4, strict: false });
    expect(sent.thresholds.ordinary).toEqual(council.thresholds.ordinary);
  });

  it('refuses an empty numerator next to its field and sends nothing', async () => {
    const patches = serve(council);
    render(<CouncilForm />);
    await screen.findByLabelText('Khóa');
    const numerators = screen.getAllByLabelText('Tử số') as HTMLInputElement[];
    fireEvent.change(numerators[1]!, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(numerators[1]!.getAttribute('aria-invalid')).toBe('true'));
    expect(patches).toHaveLength(0);
  });

  it('edits the time zone: an unknown name is refused next to the field in Vietnamese, an IANA name is sent', async () => {
    const patches = serve(council);
    render(<CouncilForm />);
    const zone = (await screen.findByLabelText(/^Múi giờ/)) as HTMLInputElement;
    expect(zone.value).toBe(council.timeZone);
    fireEvent.change(zone, { target: { value: 'Asia/Hanoi' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(zone.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText(/Không có múi giờ này/)).toBeTruthy();
    expect(patches).toHaveLength(0);
    fireEvent.change(zone, { target: { value: 'Asia/Bangkok' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(patches).toHaveLength(1));
    expect(patches[0]!.timeZone).toBe('Asia/Bangkok');
  });
});
