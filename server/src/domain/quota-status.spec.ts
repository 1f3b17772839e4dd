import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quotaBalance, quotaStatus, regionalQuotas } from './quota-status.js';

describe('quotaStatus', () => {
  it.each([
    [100, 80, 'UNDER', 20],
    [100, 130, 'OVER', -30],
    [100, 100, 'MATCH', 0],
    [0, 0, 'MATCH', 0],
  ] as const)('quota %i, recipients %i -> %s (gap %i)', (quota, recipients, status, gap) => {
    expect(quotaStatus(quota, recipients)).toEqual({ status, gap });
  });

  it('is UNDER exactly when the gap is positive, OVER when negative', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), (quota, recipients) => {
        const s = quotaStatus(quota, recipients);
        expect(s.gap).toBe(quota - recipients);
        expect(s.status).toBe(s.gap > 0 ? 'UNDER' : s.gap < 0 ? 'OVER' : 'MATCH');
      }),
    );
  });

  it('rejects negative or fractional counts', () => {
    expect(() => quotaStatus(-1, 0)).toThrow(RangeError);
    expect(() => quotaStatus(1, 0.5)).toThrow(RangeError);
  });
});

describe('regionalQuotas', () => {
  it('sums to the national quota and keeps each region within 1 of its exact share', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2_000_000 }), { minLength: 1, maxLength: 514 }).filter((a) => a.some((x) => x > 0)),
        fc.integer({ min: 0, max: 96_000_000 }),
        (poor, national) => {
          const total = poor.reduce((a, b) => a + b, 0);
          const q = regionalQuotas(poor.map((p, i) => ({ regionCode: `R${i}`, poor: p })), national);
          expect(q.reduce((s, x) => s + x.quota, 0)).toBe(national);
          q.forEach((x, i) => expect(Math.abs(x.quota - (poor[i]! / total) * national)).toBeLessThan(1));
        },
      ),
    );
  });
});

describe('quotaBalance', () => {
  it('marks regions over and under and totals the places to free and to fill', () => {
    const poverty = [{ regionCode: 'A', poor: 1 }, { regionCode: 'B', poor: 1 }, { regionCode: 'C', poor: 2 }];
    const b = quotaBalance(poverty, 100, new Map([['A', 40], ['B', 25]]));
    expect(b.regions.map((r) => [r.regionCode, r.quota, r.recipients, r.status, r.gap])).toEqual([
      ['A', 25, 40, 'OVER', -15],
      ['B', 25, 25, 'MATCH', 0],
      ['C', 50, 0, 'UNDER', 50],
    ]);
    expect(b).toMatchObject({ excess: 15, shortfall: 50 });
  });

  it('shortfall - excess = national quota - recipients', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 1000 }), fc.nat(500)), { minLength: 1, maxLength: 50 }), fc.nat(20_000), (rows, national) => {
        const poverty = rows.map(([poor], i) => ({ regionCode: `R${i}`, poor }));
        const recipients = new Map(rows.map(([, r], i) => [`R${i}`, r]));
        const b = quotaBalance(poverty, national, recipients);
        expect(b.shortfall - b.excess).toBe(national - rows.reduce((s, [, r]) => s + r, 0));
      }),
    );
  });
});
