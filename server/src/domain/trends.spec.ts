import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { programByCode } from './programs.js';
import type { TargetingCell } from './targeting-types.js';
import {
  CHURN_REASONS, churnReasons, coverageTrend, median, pbiReactivationEligible, pkhDurationReached, transitionMatrix,
  type PbiReactivationFacts,
} from './trends.js';

const PKH = programByCode('PKH');
const cell = (desil: number, recipient: boolean, units: number): TargetingCell => ({
  programCode: 'PKH', desil, recipient, criterion: null, groundChecked: true, inTargetGroup: true, units,
});

describe('coverageTrend', () => {
  it('summarises each version in version order', () => {
    const trend = coverageTrend(PKH, new Map([
      [2, [cell(1, true, 90), cell(2, false, 10), cell(7, true, 10)]],
      [1, [cell(1, true, 50), cell(2, false, 50)]],
      [3, []],
    ]));
    expect(trend).toEqual([
      { version: 1, eligible: 100, recipients: 50, coverage: 0.5, leakage: 0 },
      { version: 2, eligible: 100, recipients: 100, coverage: 0.9, leakage: 0.1 },
      { version: 3, eligible: 0, recipients: 0, coverage: 0, leakage: 0 },
    ]);
  });
});

describe('pkhDurationReached', () => {
  it('is reached after 5 completed years, never without a limit', () => {
    expect(pkhDurationReached(2020, 2024, 5)).toBe(false);
    expect(pkhDurationReached(2020, 2025, 5)).toBe(true);
    expect(pkhDurationReached(2020, 2040, null)).toBe(false);
    expect(() => pkhDurationReached(2020.5, 2025, 5)).toThrow(RangeError);
  });

  it('once reached, stays reached in later years', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2030 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 10 }), fc.nat(10), (since, elapsed, max, later) => {
        if (pkhDurationReached(since, since + elapsed, max)) expect(pkhDurationReached(since, since + elapsed + later, max)).toBe(true);
      }),
    );
  });
});

describe('pbiReactivationEligible', () => {
  const ok: PbiReactivationFacts = {
    removedVersion: 2, removedSinceMay2025: true, urgentIllness: 'CHRONIC', verifiedPoorOrVulnerable: true,
    healthFacilityLetter: true, currentVersion: 3, dataUpdatedVersion: null,
  };

  it('grants a person removed since May 2025 with urgent illness, verified poor and a health-facility letter', () => {
    expect(pbiReactivationEligible(ok)).toEqual({ eligible: true, unmet: [], dataUpdateDueVersion: 5 });
  });

  it('lists every unmet condition', () => {
    const d = pbiReactivationEligible({ ...ok, removedSinceMay2025: false, urgentIllness: null, verifiedPoorOrVulnerable: false, healthFacilityLetter: false });
    expect(d).toMatchObject({ eligible: false, unmet: ['REMOVED_SINCE_MAY_2025', 'URGENT_ILLNESS', 'VERIFIED_POOR_OR_VULNERABLE', 'HEALTH_FACILITY_LETTER'] });
  });

  it('requires the data to be updated within two update periods after reactivation', () => {
    const reactivated = { ...ok, reactivatedVersion: 3 };
    expect(pbiReactivationEligible({ ...reactivated, currentVersion: 5 }).eligible).toBe(true);
    expect(pbiReactivationEligible({ ...reactivated, currentVersion: 6 }).unmet).toEqual(['DATA_UPDATED_IN_TIME']);
    expect(pbiReactivationEligible({ ...reactivated, currentVersion: 6, dataUpdatedVersion: 5 }).eligible).toBe(true);
    expect(pbiReactivationEligible({ ...reactivated, currentVersion: 7, dataUpdatedVersion: 6 }).eligible).toBe(false);
    expect(pbiReactivationEligible({ ...reactivated, currentVersion: 6, dataUpdatedVersion: 2 }).eligible).toBe(false);
  });

  it('accepts any urgent illness and rejects inconsistent versions', () => {
    for (const urgentIllness of ['CHRONIC', 'CATASTROPHIC', 'EMERGENCY'] as const) expect(pbiReactivationEligible({ ...ok, urgentIllness }).eligible).toBe(true);
    expect(() => pbiReactivationEligible({ ...ok, removedVersion: 4 })).toThrow(RangeError);
    expect(() => pbiReactivationEligible({ ...ok, reactivatedVersion: 4 })).toThrow(RangeError);
  });
});

describe('transitionMatrix', () => {
  it('builds an 11 x 11 matrix with row shares, 0 = outside DTSEN', () => {
    const m = transitionMatrix([{ from: 1, to: 1, count: 3 }, { from: 1, to: 2, count: 1 }, { from: 0, to: 5, count: 2 }, { from: 1, to: 1, count: 4 }]);
    expect(m.counts).toHaveLength(11);
    expect(m.counts[1]![1]).toBe(7);
    expect(m.shares[1]![2]).toBe(0.125);
    expect(m.shares[0]![5]).toBe(1);
    expect(m.shares[9]!.every((s) => s === 0)).toBe(true);
    expect(m.total).toBe(10);
    expect(() => transitionMatrix([{ from: 11, to: 1, count: 1 }])).toThrow(RangeError);
  });

  it('keeps the total, and every non-empty row of shares sums to 1', () => {
    const row = fc.record({ from: fc.integer({ min: 0, max: 10 }), to: fc.integer({ min: 0, max: 10 }), count: fc.nat(1000) });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 80 }), (rows) => {
        const m = transitionMatrix(rows);
        expect(m.total).toBe(rows.reduce((s, r) => s + r.count, 0));
        m.counts.forEach((r, i) => {
          const sum = m.shares[i]!.reduce((a, b) => a + b, 0);
          expect(sum).toBeCloseTo(r.some((n) => n > 0) ? 1 : 0, 9);
        });
      }),
    );
  });
});

describe('churnReasons', () => {
  it('maps every start reason to an entry and every end reason to an exit category', () => {
    const entries = Object.entries(CHURN_REASONS).filter(([, v]) => v.direction === 'ENTRY').map(([k]) => k);
    expect(entries.sort()).toEqual(['INITIAL', 'PROPOSAL', 'QUOTA_FILL', 'REACTIVATION']);
    expect(new Set(Object.values(CHURN_REASONS).map((v) => v.category)).size).toBe(Object.keys(CHURN_REASONS).length);
  });

  it('totals units per category and rejects unknown reasons', () => {
    const c = churnReasons([
      { direction: 'EXIT', reason: 'GRADUATED', units: 5 },
      { direction: 'EXIT', reason: 'DECEASED', units: 2 },
      { direction: 'EXIT', reason: 'GRADUATED', units: 1 },
      { direction: 'ENTRY', reason: 'PROPOSAL', units: 4 },
    ]);
    expect(c).toEqual({ entries: { NEW_PROPOSAL: 4 }, exits: { GRADUATION: 6, DEATH: 2 } });
    expect(() => churnReasons([{ direction: 'ENTRY', reason: 'GRADUATED', units: 1 }])).toThrow(RangeError);
    expect(() => churnReasons([{ direction: 'EXIT', reason: 'toString', units: 1 }])).toThrow(RangeError);
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([9, 1, 4])).toBe(4);
    expect(median([10, 2, 4, 8])).toBe(6);
    expect(() => median([1, Number.NaN])).toThrow(RangeError);
  });

  it('has as many values at or below it as at or above it', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 50 }), (values) => {
        const m = median(values)!;
        expect(values.filter((v) => v <= m).length * 2).toBeGreaterThanOrEqual(values.length);
        expect(values.filter((v) => v >= m).length * 2).toBeGreaterThanOrEqual(values.length);
      }),
    );
  });
});
