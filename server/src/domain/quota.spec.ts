import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateQuota } from './quota.js';

describe('allocateQuota', () => {
  it('splits by poor share and keeps the national total exact (largest remainder)', () => {
    const q = allocateQuota([{ regionCode: 'A', poor: 1 }, { regionCode: 'B', poor: 1 }, { regionCode: 'C', poor: 1 }], 10);
    expect(q.map((x) => x.quota)).toEqual([4, 3, 3]);
  });

  it('sums exactly to the national quota and stays within 1 of the exact share, for any poverty table', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 5000, noNaN: true }), { minLength: 1, maxLength: 600 }).filter((a) => a.some((x) => x > 0)),
        fc.integer({ min: 0, max: 96_000_000 }),
        (poor, national) => {
          const q = allocateQuota(poor.map((p, i) => ({ regionCode: String(i).padStart(4, '0'), poor: p })), national);
          expect(q.reduce((s, x) => s + x.quota, 0)).toBe(national);
          for (const x of q) expect(Math.abs(x.quota - x.exact)).toBeLessThan(1);
        },
      ),
    );
  });

  it('rejects bad input', () => {
    expect(() => allocateQuota([{ regionCode: 'A', poor: -1 }], 5)).toThrow();
    expect(() => allocateQuota([{ regionCode: 'A', poor: 0 }], 5)).toThrow(/zero/);
    expect(() => allocateQuota([{ regionCode: 'A', poor: 1 }], 1.5)).toThrow();
  });
});
