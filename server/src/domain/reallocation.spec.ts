import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXCLUSION_CRITERIA } from './exclusion-criteria.js';
import {
  FILL_PRIORITY_ORDER, comparePoorestFirst, fillCounts, fillPlan, removalPlan, type FillPools, type ReallocationUnit, type RemovalCandidate,
} from './reallocation.js';
import { INCLUSION_CAUSE_ORDER, inclusionCauseRank } from './targeting-rules.js';

const u = (id: number, desil: number, rank?: number): ReallocationUnit => (rank === undefined ? { id, desil } : { id, desil, rank });

const arbUnit: fc.Arbitrary<ReallocationUnit> = fc.record({
  id: fc.integer({ min: 0, max: 40 }),
  desil: fc.integer({ min: 0, max: 5 }),
  rank: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
});
const arbPools: fc.Arbitrary<FillPools<ReallocationUnit>> = fc.record({
  groundChecked: fc.array(arbUnit, { maxLength: 15 }),
  waitingList: fc.array(arbUnit, { maxLength: 15 }),
  remaining: fc.array(arbUnit, { maxLength: 15 }),
});

describe('fillPlan', () => {
  it('takes ground-checked first, then the waiting list, then the rest, poorest first within a pool', () => {
    const plan = fillPlan(4, {
      groundChecked: [u(5, 3), u(2, 1, 40)],
      waitingList: [u(9, 2, 7), u(8, 2, 3), u(2, 1)],
      remaining: [u(1, 1)],
    });
    expect(plan.chosen.map((x) => x.id)).toEqual([2, 5, 8, 9]);
    expect(plan.counts).toEqual({ groundChecked: 2, waitingList: 2, remaining: 0 });
  });

  it('orders by desil, then rank (unranked last), then id', () => {
    expect([u(3, 2), u(1, 2, 9), u(2, 2, 5), u(0, 2), u(7, 1)].sort(comparePoorestFirst).map((x) => x.id)).toEqual([7, 2, 1, 0, 3]);
  });

  it('takes nothing when the region is not under quota', () => {
    expect(fillPlan(0, { groundChecked: [u(1, 1)], waitingList: [], remaining: [] }).chosen).toEqual([]);
    expect(fillPlan(-5, { groundChecked: [u(1, 1)], waitingList: [], remaining: [] }).counts).toEqual({ groundChecked: 0, waitingList: 0, remaining: 0 });
    expect(() => fillPlan(1.5, { groundChecked: [], waitingList: [], remaining: [] })).toThrow(RangeError);
  });

  it('takes min(gap, available), never a unit twice, and a priority only when the previous is exhausted', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 50 }), arbPools, (gap, pools) => {
        const plan = fillPlan(gap, pools);
        const ids = plan.chosen.map((x) => x.id);
        const available = new Set(FILL_PRIORITY_ORDER.flatMap((p) => pools[p].map((x) => x.id)));
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids.length).toBe(Math.min(Math.max(gap, 0), available.size));
        expect(FILL_PRIORITY_ORDER.reduce((s, p) => s + plan.counts[p], 0)).toBe(ids.length);
        let start = 0;
        FILL_PRIORITY_ORDER.forEach((p, k) => {
          const segment = plan.chosen.slice(start, start + plan.counts[p]);
          start += plan.counts[p];
          for (const x of segment) expect(pools[p]).toContain(x);
          for (let i = 1; i < segment.length; i++) expect(comparePoorestFirst(segment[i - 1]!, segment[i]!)).toBeLessThanOrEqual(0);
          const next = FILL_PRIORITY_ORDER[k + 1];
          if (next !== undefined && plan.counts[next] > 0) for (const x of pools[p]) expect(ids).toContain(x.id);
        });
      }),
    );
  });
});

describe('fillCounts', () => {
  it('fills in priority order from pool sizes', () => {
    expect(fillCounts(120, { groundChecked: 50, waitingList: 30, remaining: 1000 })).toEqual({ groundChecked: 50, waitingList: 30, remaining: 40 });
    expect(fillCounts(20, { groundChecked: 50, waitingList: 30, remaining: 1000 })).toEqual({ groundChecked: 20, waitingList: 0, remaining: 0 });
    expect(fillCounts(-3, { groundChecked: 5, waitingList: 0, remaining: 0 })).toEqual({ groundChecked: 0, waitingList: 0, remaining: 0 });
    expect(() => fillCounts(3, { groundChecked: -1, waitingList: 0, remaining: 0 })).toThrow(RangeError);
  });

  it('agrees with fillPlan on disjoint pools', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 60 }), fc.nat(20), fc.nat(20), fc.nat(20), (gap, a, b, c) => {
        let id = 0;
        const make = (n: number) => Array.from({ length: n }, () => u(id++, 1 + (id % 5)));
        const pools = { groundChecked: make(a), waitingList: make(b), remaining: make(c) };
        expect(fillCounts(gap, { groundChecked: a, waitingList: b, remaining: c })).toEqual(fillPlan(gap, pools).counts);
      }),
    );
  });
});

describe('removalPlan', () => {
  it('removes outside DTSEN first, then criteria in sort order, then target group, then desil above range', () => {
    const candidates: RemovalCandidate[] = [
      { id: 1, cause: 'DESIL_ABOVE_RANGE' },
      { id: 2, cause: 'NEGATIVE_LIST_GAMBLING' },
      { id: 3, cause: 'DECEASED' },
      { id: 4, cause: 'OUTSIDE_DTSEN' },
      { id: 0, cause: 'OUTSIDE_DTSEN' },
      { id: 5, cause: 'NOT_IN_TARGET_GROUP' },
    ];
    expect(removalPlan(4, candidates).chosen.map((c) => c.id)).toEqual([0, 4, 3, 2]);
    expect(removalPlan(4, candidates).byCause).toEqual({ OUTSIDE_DTSEN: 2, DECEASED: 1, NEGATIVE_LIST_GAMBLING: 1 });
    expect(removalPlan(10, candidates).chosen.map((c) => c.id)).toEqual([0, 4, 3, 2, 5, 1]);
    expect(removalPlan(0, candidates).chosen).toEqual([]);
  });

  it('takes min(excess, distinct candidates) in cause order, never a unit twice', () => {
    const arbCandidate = fc.record({ id: fc.integer({ min: 0, max: 30 }), cause: fc.constantFrom(...INCLUSION_CAUSE_ORDER) });
    fc.assert(
      fc.property(fc.integer({ min: -3, max: 40 }), fc.array(arbCandidate, { maxLength: 40 }), (excess, candidates) => {
        const plan = removalPlan(excess, candidates);
        const ids = plan.chosen.map((c) => c.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids.length).toBe(Math.min(Math.max(excess, 0), new Set(candidates.map((c) => c.id)).size));
        for (let i = 1; i < plan.chosen.length; i++) {
          const [a, b] = [plan.chosen[i - 1]!, plan.chosen[i]!];
          expect(inclusionCauseRank(a.cause) < inclusionCauseRank(b.cause) || (a.cause === b.cause && a.id < b.id)).toBe(true);
        }
        expect(Object.values(plan.byCause).reduce((s, n) => s + n, 0)).toBe(ids.length);
      }),
    );
    expect(INCLUSION_CAUSE_ORDER).toHaveLength(EXCLUSION_CRITERIA.length + 3);
  });
});
