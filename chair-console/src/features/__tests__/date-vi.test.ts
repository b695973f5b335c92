import { describe, expect, it } from 'vitest';
import { parseDateVi, showDateVi } from '../editorial/date-vi';

describe('document dates typed as dd/mm/yyyy', () => {
  it('reads the council’s order, with or without leading zeros, and writes it back', () => {
    expect(parseDateVi('05/07/2026')).toBe('2026-07-05');
    expect(parseDateVi(' 5/7/2026 ')).toBe('2026-07-05');
    expect(parseDateVi('29.02.2028')).toBe('2028-02-29');
    expect(parseDateVi('')).toBeNull();
    expect(showDateVi('2026-07-05')).toBe('05/07/2026');
    expect(showDateVi(null)).toBe('');
  });
  it('refuses dates that do not exist and other orders', () => {
    for (const bad of ['31/02/2027', '29/02/2027', '2026-07-05', '07/13/2026', '5/7/26', '00/01/2026', 'ngày 5']) expect(parseDateVi(bad), bad).toBe('invalid');
  });
});
