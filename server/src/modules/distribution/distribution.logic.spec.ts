import { describe, expect, it } from 'vitest';
import { DESIL_1_TO_4, desilRangeShare, rankSubRegions, toDesilBuckets } from './distribution.logic.js';

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

describe('desilRangeShare and rankSubRegions', () => {
  const region = (code: string, families: number[], individuals: number[]) => {
    const d = toDesilBuckets(families.map((f, i) => ({ desil: i + 1, families: f, individuals: individuals[i]! })));
    return { region: { code }, totalFamilies: d.totalFamilies, shareDesil1To4: desilRangeShare(d, DESIL_1_TO_4.min, DESIL_1_TO_4.max) };
  };

  it('computes the shares of desil 1-4', () => {
    const d = toDesilBuckets([{ desil: 1, families: 1, individuals: 5 }, { desil: 4, families: 1, individuals: 1 }, { desil: 9, families: 2, individuals: 4 }]);
    expect(desilRangeShare(d, 1, 4)).toEqual({ families: 0.5, individuals: 0.6, familyCount: 2, individualCount: 6 });
    expect(desilRangeShare(toDesilBuckets([]), 1, 4)).toEqual({ families: 0, individuals: 0, familyCount: 0, individualCount: 0 });
  });

  it('ranks by a share, ties by code, and pages', () => {
    const items = [
      region('32.03', [1, 0, 0, 0, 0, 0, 0, 0, 0, 1], [1, 0, 0, 0, 0, 0, 0, 0, 0, 3]), // individuals 0.25
      region('32.01', [1, 0, 0, 0, 0, 0, 0, 0, 0, 0], [1, 0, 0, 0, 0, 0, 0, 0, 0, 0]), // 1
      region('32.02', [0, 0, 0, 0, 0, 0, 0, 0, 0, 4], [0, 0, 0, 0, 0, 0, 0, 0, 0, 4]), // 0
      region('32.04', [1, 0, 0, 0, 0, 0, 0, 0, 0, 0], [2, 0, 0, 0, 0, 0, 0, 0, 0, 0]), // 1
    ];
    const codes = (xs: { region: { code: string } }[]) => xs.map((x) => x.region.code);
    expect(codes(rankSubRegions(items, 'INDIVIDUAL_SHARE_DESIL_1_TO_4_DESC', 0, 10))).toEqual(['32.01', '32.04', '32.03', '32.02']);
    expect(codes(rankSubRegions(items, 'INDIVIDUAL_SHARE_DESIL_1_TO_4_ASC', 0, 10))).toEqual(['32.02', '32.03', '32.01', '32.04']);
    expect(codes(rankSubRegions(items, 'CODE', 1, 2))).toEqual(['32.02', '32.03']);
    expect(codes(rankSubRegions(items, 'TOTAL_FAMILIES_DESC', 0, 1))).toEqual(['32.02']);
  });
});
