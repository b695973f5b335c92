// Majority and quorum arithmetic, exact in integers. N is always the number of seated delegates
// (tổng số đại biểu), never the number present.

import type { Threshold } from '@hddt/protocol';

/**
 * Smallest count that satisfies the threshold for N.
 *  - strict ("more than p/q of N"):  count·q > N·p  ⇒ floor(N·p/q) + 1
 *  - non-strict ("at least p/q"):    count·q ≥ N·p  ⇒ ceil(N·p/q)
 * Quá nửa (1/2, strict): N=31 → 16, N=30 → 16, N=1 → 1. Hai phần ba (2/3, at least): N=31 → 21, N=30 → 20.
 */
export function requiredCount(threshold: Threshold, n: number): number {
  if (n <= 0) return 1;
  const p = threshold.numerator;
  const q = threshold.denominator;
  if (threshold.strict) return Math.floor((n * p) / q) + 1;
  return Math.ceil((n * p) / q);
}

export function meets(threshold: Threshold, count: number, n: number): boolean {
  if (n <= 0) return false;
  return count >= requiredCount(threshold, n);
}

export const MORE_THAN_HALF: Threshold = { numerator: 1, denominator: 2, strict: true };
export const AT_LEAST_TWO_THIRDS: Threshold = { numerator: 2, denominator: 3, strict: false };
