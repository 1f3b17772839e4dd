import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankDesil } from './ranking.js';

describe('rankDesil', () => {
  it('ranks ascending by score with ties broken by input position', () => {
    const { rank } = rankDesil([3, 1, 2, 1], [1, 1, 1, 1]);
    expect([...rank]).toEqual([4, 1, 3, 2]);
  });

  it('skips families with no members', () => {
    const { rank, desil } = rankDesil([5, 1, 9], [2, 0, 2]);
    expect([...rank]).toEqual([1, 0, 2]);
    expect(desil[1]).toBe(0);
  });

  it('puts 10 % of individuals in each desil when families are small relative to the total', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: -100, max: 100, noNaN: true }), fc.integer({ min: 1, max: 6 })), { minLength: 2000, maxLength: 3000 }), (rows) => {
        const { desil } = rankDesil(rows.map((r) => r[0]), rows.map((r) => r[1]));
        const total = rows.reduce((s, r) => s + r[1], 0);
        const per = new Array(11).fill(0);
        rows.forEach((r, i) => (per[desil[i]!] += r[1]));
        for (let d = 1; d <= 10; d++) expect(Math.abs(per[d] / total - 0.1)).toBeLessThanOrEqual(6 / total + 1e-9);
      }),
      { numRuns: 20 },
    );
  });

  it('is monotone: a better score never gets a lower desil', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 10, maxLength: 500 }), (scores) => {
        const { desil } = rankDesil(scores, scores.map(() => 3));
        for (let i = 0; i < scores.length; i++) for (let j = 0; j < scores.length; j++) {
          if (scores[i]! < scores[j]!) expect(desil[i]!).toBeLessThanOrEqual(desil[j]!);
        }
      }),
      { numRuns: 20 },
    );
  });

  it('rejects non-finite scores', () => {
    expect(() => rankDesil([Number.NaN], [1])).toThrow(/not finite/);
  });
});
