import type { Threshold } from '@hddt/protocol';
import { formatPercent, percentBasisPoints } from '@hddt/protocol';
import { describe, expect, it } from 'vitest';
import { defaultCouncilConfig } from './defaults';
import { AT_LEAST_TWO_THIRDS, MORE_THAN_HALF, meets, requiredCount } from './majority';

// The definitions, straight from the law's words, by counting: the smallest k with k·q > N·p ("quá nửa",
// more than) or k·q ≥ N·p ("ít nhất", at least). Integers only, no division anywhere.
function bruteForceRequired(t: Threshold, n: number): number {
  for (let k = 0; ; k += 1) {
    if (t.strict ? k * t.denominator > n * t.numerator : k * t.denominator >= n * t.numerator) return k;
  }
}

describe('quá nửa tổng số đại biểu (more than half of all seated delegates)', () => {
  // yes >= floor(N/2) + 1
  it.each([
    [1, 1],
    [2, 2],
    [3, 2],
    [4, 3],
    [5, 3],
    [30, 16],
    [31, 16],
    [500, 251],
    [1500, 751],
  ])('N = %i needs %i', (n, required) => {
    expect(requiredCount(MORE_THAN_HALF, n)).toBe(required);
    expect(requiredCount(MORE_THAN_HALF, n)).toBe(Math.floor(n / 2) + 1);
    expect(meets(MORE_THAN_HALF, required - 1, n)).toBe(false);
    expect(meets(MORE_THAN_HALF, required, n)).toBe(true);
    expect(meets(MORE_THAN_HALF, n, n)).toBe(true);
  });

  it('is not OpenSlides’ ceil(N/2)+1: on odd N that asks one vote too many', () => {
    for (const n of [1, 3, 5, 31, 95, 499, 1499]) {
      expect(requiredCount(MORE_THAN_HALF, n)).toBe(Math.ceil(n / 2));
      expect(requiredCount(MORE_THAN_HALF, n)).not.toBe(Math.ceil(n / 2) + 1);
    }
    // 16 of 31 is 51,61%: more than half, it passes.
    expect(meets(MORE_THAN_HALF, 16, 31)).toBe(true);
  });

  it('exactly half is not more than half on even N', () => {
    for (const n of [2, 4, 30, 500, 1500]) {
      expect(meets(MORE_THAN_HALF, n / 2, n)).toBe(false);
      expect(meets(MORE_THAN_HALF, n / 2 + 1, n)).toBe(true);
    }
  });
});

describe('ít nhất hai phần ba tổng số đại biểu (at least two thirds of all seated delegates)', () => {
  // yes >= ceil(2N/3)
  it.each([
    [1, 1],
    [2, 2],
    [3, 2],
    [4, 3],
    [5, 4],
    [6, 4],
    [30, 20],
    [31, 21],
    [500, 334],
    [1500, 1000],
  ])('N = %i needs %i', (n, required) => {
    expect(requiredCount(AT_LEAST_TWO_THIRDS, n)).toBe(required);
    expect(requiredCount(AT_LEAST_TWO_THIRDS, n)).toBe(Math.ceil((2 * n) / 3));
    expect(meets(AT_LEAST_TWO_THIRDS, required - 1, n)).toBe(false);
    expect(meets(AT_LEAST_TWO_THIRDS, required, n)).toBe(true);
  });

  it('exactly two thirds is enough (no off-by-one when 3 divides N)', () => {
    for (const n of [3, 6, 30, 1500]) {
      const twoThirds = (2 * n) / 3;
      expect(meets(AT_LEAST_TWO_THIRDS, twoThirds, n)).toBe(true);
      expect(meets(AT_LEAST_TWO_THIRDS, twoThirds - 1, n)).toBe(false);
      expect(requiredCount(AT_LEAST_TWO_THIRDS, n)).not.toBe(Math.floor((2 * n) / 3) + 1);
    }
  });
});

describe('requiredCount against the brute-force definition, N = 1..2000', () => {
  const thresholds: [string, Threshold][] = [
    ['more than 1/2', MORE_THAN_HALF],
    ['at least 2/3', AT_LEAST_TWO_THIRDS],
    ['at least 1/2', { numerator: 1, denominator: 2, strict: false }],
    ['more than 2/3', { numerator: 2, denominator: 3, strict: true }],
    ['at least 3/4', { numerator: 3, denominator: 4, strict: false }],
    ['more than 3/5', { numerator: 3, denominator: 5, strict: true }],
    ['at least 1/3', { numerator: 1, denominator: 3, strict: false }],
    ['at least 7/10', { numerator: 7, denominator: 10, strict: false }],
    ['at least 99/100', { numerator: 99, denominator: 100, strict: false }],
    ['at least 1/1 (unanimity)', { numerator: 1, denominator: 1, strict: false }],
    ['more than 1/1 (impossible)', { numerator: 1, denominator: 1, strict: true }],
  ];

  it.each(thresholds)('%s', (_label, t) => {
    for (let n = 1; n <= 2000; n += 1) {
      const expected = bruteForceRequired(t, n);
      const got = requiredCount(t, n);
      if (got !== expected) expect({ n, got }).toEqual({ n, got: expected });
      // meets is exactly "count reaches the minimum", checked on both sides of the boundary.
      if (meets(t, expected - 1, n) || !meets(t, expected, n) || !meets(t, expected + 1, n)) {
        expect({ n, boundary: expected, ok: false }).toEqual({ n, boundary: expected, ok: true });
      }
    }
  });

  it('meets agrees with the definition for every count 0..N+1 (N up to 200)', () => {
    for (const [, t] of thresholds) {
      for (let n = 1; n <= 200; n += 1) {
        for (let k = 0; k <= n + 1; k += 1) {
          const def = t.strict ? k * t.denominator > n * t.numerator : k * t.denominator >= n * t.numerator;
          if (meets(t, k, n) !== def) expect({ t, n, k, meets: meets(t, k, n) }).toEqual({ t, n, k, meets: def });
        }
      }
    }
  });
});

describe('no delegates seated', () => {
  it('nothing can pass when N = 0', () => {
    expect(meets(MORE_THAN_HALF, 0, 0)).toBe(false);
    expect(meets(MORE_THAN_HALF, 5, 0)).toBe(false);
    expect(meets(AT_LEAST_TWO_THIRDS, 0, 0)).toBe(false);
    expect(requiredCount(MORE_THAN_HALF, 0)).toBe(1);
  });
});

describe('the default council configuration', () => {
  it('uses the national rules: ordinary and election more than half, dismissal and quorum at least two thirds', () => {
    const c = defaultCouncilConfig('x');
    expect(c.thresholds.ordinary).toEqual({ numerator: 1, denominator: 2, strict: true });
    expect(c.thresholds.election).toEqual({ numerator: 1, denominator: 2, strict: true });
    expect(c.thresholds.twoThirds).toEqual({ numerator: 2, denominator: 3, strict: false });
    expect(c.quorum).toEqual({ numerator: 2, denominator: 3, strict: false });
  });
});

describe('percentages of all delegates (formatPercent / percentBasisPoints)', () => {
  it.each([
    [2, 3, 6667, '66,67%'],
    [27, 31, 8710, '87,10%'],
    [28, 31, 9032, '90,32%'],
    [1, 31, 323, '3,23%'],
    [16, 31, 5161, '51,61%'],
    [0, 31, 0, '0%'],
    [1, 1, 10000, '100%'],
    [31, 31, 10000, '100%'],
    [1, 3, 3333, '33,33%'],
    [1, 2, 5000, '50,00%'],
    [751, 1500, 5007, '50,07%'],
    [1, 8, 1250, '12,50%'],
  ])('%i of %i → %i bp, %s', (count, total, bp, text) => {
    expect(percentBasisPoints(count, total)).toBe(bp);
    expect(formatPercent(count, total)).toBe(text);
  });

  it('rounds half up in integers (1/8 = 12,5% exactly; 1/16 = 6,25%; 1/32 = 3,125% → 3,13%)', () => {
    expect(formatPercent(1, 16)).toBe('6,25%');
    expect(formatPercent(1, 32)).toBe('3,13%');
    expect(formatPercent(1, 1500)).toBe('0,07%');
  });

  it('an empty denominator gives 0%, and English uses a decimal point', () => {
    expect(formatPercent(0, 0)).toBe('0%');
    expect(percentBasisPoints(3, 0)).toBe(0);
    expect(formatPercent(27, 31, 'en')).toBe('87.10%');
  });

  it('the brief’s announcement reads as the law wants, all of N = 31', () => {
    const n = 31;
    const line = `tham gia biểu quyết 28 (${formatPercent(28, n)}); tán thành 27 (${formatPercent(27, n)}); không tán thành 0 (${formatPercent(0, n)}); không biểu quyết 1 (${formatPercent(1, n)})`;
    expect(line).toBe('tham gia biểu quyết 28 (90,32%); tán thành 27 (87,10%); không tán thành 0 (0%); không biểu quyết 1 (3,23%)');
  });
});
