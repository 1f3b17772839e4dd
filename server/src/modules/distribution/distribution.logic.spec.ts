import { describe, expect, it } from 'vitest';
import { toDesilBuckets } from './distribution.logic.js';

describe('toDesilBuckets', () => {
  it('always returns ten buckets, desil 1..10, with zeros for missing desils', () => {
    const result = toDesilBuckets([
      { desil: 3, families: 2, individuals: 7 },
      { desil: 1, families: 1, individuals: 4 },
    ]);
    expect(result.buckets.map((b) => b.desil)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(result.buckets[1]).toEqual({ desil: 2, families: 0, individuals: 0, familyShare: 0, individualShare: 0 });
    expect(result.totalFamilies).toBe(3);
    expect(result.totalIndividuals).toBe(11);
  });

  it('computes shares of the totals that sum to 1', () => {
    const rows = Array.from({ length: 10 }, (_, i) => ({ desil: i + 1, families: 3 * (i + 1), individuals: 7 + i }));
    const { buckets } = toDesilBuckets(rows);
    const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
    expect(sum(buckets.map((b) => b.familyShare))).toBeCloseTo(1, 12);
    expect(sum(buckets.map((b) => b.individualShare))).toBeCloseTo(1, 12);
    expect(buckets[9]!.familyShare).toBeCloseTo(30 / 165, 12);
  });

  it('gives all-zero shares for an empty region and ignores rows outside 1..10', () => {
    const result = toDesilBuckets([{ desil: 11, families: 5, individuals: 5 }]);
    expect(result.totalFamilies).toBe(0);
    expect(result.buckets.every((b) => b.familyShare === 0 && b.individualShare === 0)).toBe(true);
  });
});
