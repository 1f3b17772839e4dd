import { versionYear } from '../../domain/versions.js';
import { toCells } from '../targeting/targeting.logic.js';
import { describe, expect, it } from 'vitest';
import { summarize } from '../../domain/classification.js';
import { programByCode } from '../../domain/programs.js';
import { transitionMatrix } from '../../domain/trends.js';
import {
  churnFlows, churnSteps, coverageFromClasses, coverageFromCube, groupProposals, membershipDuration, programOverlap,
  programsOfMask, proposalGroupStats, summarizeTransitions, weightedMedian, type CubeRow,
} from './trends.logic.js';

const PKH = programByCode('PKH');
const cube = (versionId: number, desil: number, recipient: boolean, units: number, extra: Partial<CubeRow> = {}): CubeRow => ({
  versionId, desil, recipient, criterionCode: '', groundChecked: false, inTargetGroup: true, units, ...extra,
});

describe('coverage trend shaping', () => {
  it('classifies the cube cells of each version with the domain rules, in version order, zeros for a missing version', () => {
    const rows = [
      cube(3, 2, true, 6), // correct
      cube(3, 3, false, 4), // exclusion error
      cube(3, 7, true, 2, { groundChecked: true }), // inclusion error DESIL_ABOVE_RANGE
      cube(3, 8, true, 1), // pending ground check
      cube(3, 2, true, 3, { criterionCode: 'ASN_TNI_POLRI' }), // inclusion error ASN_TNI_POLRI
      cube(1, 1, true, 5),
    ];
    const points = coverageFromCube(PKH, [3, 1, 2], rows);
    expect(points.map((p) => p.versionId)).toEqual([1, 2, 3]);
    expect(points[1]).toMatchObject({ eligible: 0, recipients: 0, coverage: 0, leakage: 0 });
    const v3 = points[2]!;
    expect(v3).toMatchObject({ eligible: 10, recipients: 12, eligibleRecipients: 6, inclusionErrors: 5, exclusionErrors: 4, pendingGroundCheck: 1 });
    expect(v3.coverage).toBeCloseTo(6 / 10, 12);
    expect(v3.leakage).toBeCloseTo(6 / 12, 12);
    expect(v3.inclusionErrorsByCause).toEqual([{ cause: 'ASN_TNI_POLRI', units: 3 }, { cause: 'DESIL_ABOVE_RANGE', units: 2 }]);
    // The same numbers as the domain's summary of the same cells.
    const s = summarize(PKH, toCells(PKH, rows.filter((r) => r.versionId === 3)));
    expect(v3.recipients).toBe(s.recipients);
    expect(v3.eligible).toBe(s.eligible);
  });

  it('reads the class rows of a kecamatan or desa the same way', () => {
    const points = coverageFromClasses([2], [
      { versionId: 2, class: 'CORRECT_RECIPIENT', cause: '', units: 6 },
      { versionId: 2, class: 'EXCLUSION_ERROR', cause: '', units: 4 },
      { versionId: 2, class: 'INCLUSION_ERROR', cause: 'OUTSIDE_DTSEN', units: 2 },
      { versionId: 2, class: 'PENDING_GROUND_CHECK', cause: '', units: 2 },
      { versionId: 2, class: 'NOT_ELIGIBLE', cause: '', units: 50 },
    ]);
    expect(points).toHaveLength(1);
    expect(points[0]).toMatchObject({ eligible: 10, recipients: 10, eligibleRecipients: 6, inclusionErrors: 2, coverage: 0.6, leakage: 0.4 });
    expect(() => coverageFromClasses([1], [{ versionId: 1, class: 'NOPE', cause: '', units: 1 }])).toThrow(RangeError);
  });
});

describe('churn shaping', () => {
  const rows = [
    { versionId: 3, direction: 'ENTRY', reason: 'QUOTA_FILL', units: 5 },
    { versionId: 3, direction: 'EXIT', reason: 'MAX_DURATION', units: 7 },
    { versionId: 4, direction: 'ENTRY', reason: 'QUOTA_FILL', units: 2 },
    { versionId: 4, direction: 'ENTRY', reason: 'PROPOSAL', units: 3 },
    { versionId: 4, direction: 'EXIT', reason: 'DECEASED', units: 1 },
  ];

  it('sums the flows of a span per reason with its category, largest first', () => {
    const f = churnFlows(rows);
    expect(f.entries).toEqual([
      { direction: 'ENTRY', reason: 'QUOTA_FILL', category: 'QUOTA_FILL', units: 7 },
      { direction: 'ENTRY', reason: 'PROPOSAL', category: 'NEW_PROPOSAL', units: 3 },
    ]);
    expect(f.exits.map((e) => [e.category, e.units])).toEqual([['MAX_DURATION', 7], ['DEATH', 1]]);
    expect([f.totalEntries, f.totalExits]).toEqual([10, 8]);
  });

  it('gives one step per version in (from, to], empty steps included', () => {
    const steps = churnSteps(2, 5, rows);
    expect(steps.map((s) => [s.fromVersionId, s.toVersionId, s.totalEntries, s.totalExits])).toEqual([[2, 3, 5, 7], [3, 4, 5, 1], [4, 5, 0, 0]]);
  });

  it('rejects a reason under the wrong direction', () => {
    expect(() => churnFlows([{ direction: 'ENTRY', reason: 'DECEASED', units: 1 }])).toThrow(RangeError);
  });
});

describe('transition summary', () => {
  it('splits families into stayed, up, down, entered and left, shares of those in DTSEN at both versions', () => {
    const t = summarizeTransitions(transitionMatrix([
      { from: 1, to: 1, count: 6 }, { from: 1, to: 3, count: 2 }, { from: 5, to: 4, count: 2 },
      { from: 0, to: 2, count: 3 }, { from: 7, to: 0, count: 1 },
    ]));
    expect(t).toMatchObject({ total: 14, inBoth: 10, stayed: 6, movedUp: 2, movedDown: 2, entered: 3, left: 1 });
    expect([t.stayedShare, t.movedUpShare, t.movedDownShare]).toEqual([0.6, 0.2, 0.2]);
    expect(t.cells).toHaveLength(120);
    expect(t.cells.find((c) => c.fromDesil === 1 && c.toDesil === 3)).toEqual({ fromDesil: 1, toDesil: 3, families: 2, share: 0.25 });
    expect(t.rowTotals[1]).toEqual({ fromDesil: 1, families: 8 });
    expect(t.rowTotals.reduce((a, r) => a + r.families, 0)).toBe(14);
  });
});

describe('program overlap', () => {
  it('decodes masks in program order (PKH 1, SEMBAKO 2, PBI_JKN 4, ATENSI 8, PIP 16)', () => {
    expect(programsOfMask(0)).toEqual([]);
    expect(programsOfMask(1 + 4 + 16)).toEqual(['PKH', 'PBI_JKN', 'PIP']);
    expect(programsOfMask(31)).toEqual(['PKH', 'SEMBAKO', 'PBI_JKN', 'ATENSI', 'PIP']);
    expect(() => programsOfMask(32)).toThrow(RangeError);
  });

  it('totals the combinations with their desil split and share', () => {
    const o = programOverlap([
      { desil: 1, programMask: 7, families: 3 }, { desil: 2, programMask: 7, families: 1 },
      { desil: 8, programMask: 0, families: 5 }, { desil: 0, programMask: 4, families: 1 },
    ]);
    expect(o.totalFamilies).toBe(10);
    expect(o.combinations.map((c) => [c.programMask, c.families, c.share])).toEqual([[0, 5, 0.5], [7, 4, 0.4], [4, 1, 0.1]]);
    expect(o.combinations[1]!.programs).toEqual(['PKH', 'SEMBAKO', 'PBI_JKN']);
    expect(o.combinations[1]!.byDesil).toHaveLength(11);
    expect(o.combinations[1]!.byDesil.slice(0, 3).map((d) => d.families)).toEqual([0, 3, 1]);
  });
});

describe('proposal funnel', () => {
  it('weighted median of cell medians, with the cell range bounding the true median', () => {
    expect(weightedMedian([])).toBeNull();
    expect(weightedMedian([{ median: 10, weight: 1 }, { median: 20, weight: 5 }])).toBe(20);
    expect(weightedMedian([{ median: 10, weight: 2 }, { median: 20, weight: 2 }])).toBe(15);
    const s = proposalGroupStats([
      { proposals: 4, medianDaysToDecision: 30 }, { proposals: 1, medianDaysToDecision: 5 }, { proposals: 9, medianDaysToDecision: null },
    ]);
    expect(s).toEqual({
      proposals: 14, decidedProposals: 5, medianDaysToDecision: 30, medianIsExact: false, cellMedianDaysMin: 5, cellMedianDaysMax: 30,
    });
    expect(proposalGroupStats([{ proposals: 3, medianDaysToDecision: 12.5 }])).toMatchObject({ medianDaysToDecision: 12.5, medianIsExact: true });
  });

  it('groups by a key in the given order, zeros included, and refuses unknown keys', () => {
    const row = (status: string, proposals: number, median: number | null) => ({
      regionCode: 'ID', kind: 'USULAN', path: 'FORMAL', status, proposals, medianDaysToDecision: median,
    });
    const groups = groupProposals([row('APPROVED', 3, 10), row('SUBMITTED', 1, null)], 'status', ['SUBMITTED', 'VERIFIED', 'APPROVED']);
    expect(groups.map((g) => [g.key, g.proposals, g.share, g.medianDaysToDecision])).toEqual([
      ['SUBMITTED', 1, 0.25, null], ['VERIFIED', 0, 0, null], ['APPROVED', 3, 0.75, 10],
    ]);
    expect(() => groupProposals([row('REJECTED', 1, 2)], 'status', ['APPROVED'])).toThrow(RangeError);
  });
});

describe('membership duration', () => {
  it('flags the start years that reached the maximum years in the version year', () => {
    const d = membershipDuration(PKH, 2026, [
      { memberSinceYear: 2021, units: 4 }, { memberSinceYear: 2022, units: 6 }, { memberSinceYear: 2019, units: 2 },
    ]);
    expect(d.byYear.map((y) => [y.memberSinceYear, y.yearsOfMembership, y.reachedMaxYears])).toEqual([[2019, 7, true], [2021, 5, true], [2022, 4, false]]);
    expect(d).toMatchObject({ year: 2026, maxYears: 5, totalRecipients: 12, reachedMaxYears: 6, reachedShare: 0.5 });
    expect(membershipDuration({ maxYears: null }, 2026, [{ memberSinceYear: 2000, units: 1 }]).reachedMaxYears).toBe(0);
  });

  it('reads the year of a version label', () => {
    expect(versionYear('2026-Q1')).toBe(2026);
    expect(() => versionYear('Q1-2026')).toThrow(RangeError);
  });
});
