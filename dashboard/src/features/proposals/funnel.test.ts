import { describe, expect, it } from 'vitest';
import { funnelFixture } from './__fixtures__/proposals';
import { breakdown, formatDays, funnelRegionCode, hasSubRegions, KIND_ORDER, PATH_ORDER, toFunnel, turnaroundOf } from './funnel';

const { byStatus, byPath, byKind } = funnelFixture;

describe('toFunnel', () => {
  it('counts the proposals reaching each stage from the current statuses', () => {
    const funnel = toFunnel(byStatus.groups, byStatus.totalProposals);
    expect(funnel.stages.map((stage) => [stage.status, stage.reached, stage.lowerBound, stage.waiting])).toEqual([
      ['SUBMITTED', 66, false, 7],
      ['VERIFIED', 25 + 6 + 15, true, 25],
      ['GROUND_CHECKED', 6 + 15, true, 6],
      ['APPROVED', 15, false, 15],
    ]);
    expect(funnel).toMatchObject({ total: 66, rejected: 13, open: 38, decided: 28 });
    expect(funnel.approvalRate).toBeCloseTo(15 / 28);
  });

  it('gives exact stages when nothing is rejected, and no approval rate when nothing is decided', () => {
    const groups = byStatus.groups.map((group) => ({ ...group, proposals: group.key === 'SUBMITTED' ? 4 : group.key === 'VERIFIED' ? 2 : 0 }));
    const funnel = toFunnel(groups, 6);
    expect(funnel.stages.every((stage) => !stage.lowerBound)).toBe(true);
    expect(funnel.stages[1]?.reached).toBe(2);
    expect(funnel.approvalRate).toBeNull();
  });
});

describe('turnaroundOf', () => {
  it('takes the proposal-weighted median of the decided cells, bounded by the smallest and largest', () => {
    expect(turnaroundOf(byStatus.cells)).toEqual({ decided: 28, median: 49.5, exact: false, min: 19, max: 68.5, withheld: false });
  });

  it('is exact for one decided cell, the mean of the two middle cells on an even split, and empty without decisions', () => {
    expect(turnaroundOf([{ proposals: 3, medianDaysToDecision: 40 }, { proposals: 9, medianDaysToDecision: null }])).toEqual({
      decided: 3,
      median: 40,
      exact: true,
      min: 40,
      max: 40,
      withheld: false,
    });
    expect(turnaroundOf([{ proposals: 2, medianDaysToDecision: 10 }, { proposals: 2, medianDaysToDecision: 30 }]).median).toBe(20);
    expect(turnaroundOf([{ proposals: 2, medianDaysToDecision: null }])).toEqual({ decided: 0, median: null, exact: true, min: null, max: null, withheld: false });
  });
});

describe('breakdown', () => {
  it('counts statuses per path from the cells and takes the median from the API group', () => {
    const rows = breakdown(byStatus.cells, byPath.groups, 'path', PATH_ORDER, byStatus.totalProposals);
    expect(rows[0]).toMatchObject({ key: 'FORMAL', proposals: 33, share: 0.5, open: 18, approved: 9, rejected: 6 });
    expect(rows[0]?.approvalRate).toBeCloseTo(0.6);
    expect(rows[0]?.turnaround).toEqual({ decided: 15, median: 49, exact: false, min: 19, max: 63, withheld: false });
    expect(rows.reduce((sum, row) => sum + (row.proposals ?? Number.NaN), 0)).toBe(66);
  });

  it('falls back to the cells for a key the API groups lack', () => {
    const rows = breakdown(byStatus.cells, [], 'kind', KIND_ORDER, byStatus.totalProposals);
    const pbi = rows.find((row) => row.key === 'PBI_REACTIVATION');
    expect(pbi).toMatchObject({ proposals: 3, approved: 0, rejected: 0, approvalRate: null });
    expect(pbi?.turnaround.median).toBeNull();
    expect(rows.find((row) => row.key === 'USULAN')?.turnaround).toMatchObject({ decided: 13, min: 45.5, max: 51 });
    expect(byKind.groups).toHaveLength(4);
  });
});

describe('regions', () => {
  it('shows a kecamatan or desa at its kabupaten/kota', () => {
    expect(funnelRegionCode('32.01.01.2001')).toBe('32.01');
    expect(funnelRegionCode('32.01.05')).toBe('32.01');
    expect(funnelRegionCode('32.01')).toBe('32.01');
    expect(funnelRegionCode('ID')).toBe('ID');
  });

  it('has sub-regions only for the nation and provinces', () => {
    expect(hasSubRegions('ID')).toBe(true);
    expect(hasSubRegions('32')).toBe(true);
    expect(hasSubRegions('32.01')).toBe(false);
  });

  it('formats days with at most one decimal', () => {
    expect(formatDays(46)).toBe('46');
    expect(formatDays(46.5)).toBe('46,5');
  });
});

describe('withheld counts (small cells)', () => {
  const withheld = <T extends { proposals: number | null }>(group: T): T => ({ ...group, proposals: null });

  it('withholds every stage and total computed from a withheld status count, and keeps the others', () => {
    const groups = byStatus.groups.map((group) => (group.key === 'REJECTED' ? withheld(group) : group));
    const funnel = toFunnel(groups, byStatus.totalProposals);
    expect(funnel).toMatchObject({ total: 66, rejected: null, decided: null, open: 38, approvalRate: null, approvalRateWithheld: true });
    // Rejections withheld are still rejections (1 or more): the middle stages stay lower bounds.
    expect(funnel.stages.map((stage) => [stage.status, stage.reached, stage.lowerBound])).toEqual([
      ['SUBMITTED', 66, false],
      ['VERIFIED', 46, true],
      ['GROUND_CHECKED', 21, true],
      ['APPROVED', 15, false],
    ]);
  });

  it('withholds a turnaround computed over a withheld cell median', () => {
    expect(turnaroundOf([{ proposals: 30, medianDaysToDecision: 40, suppressed: [] }, { proposals: null, medianDaysToDecision: null, suppressed: ['proposals', 'medianDaysToDecision'] }])).toEqual({
      decided: null,
      median: null,
      exact: false,
      min: null,
      max: null,
      withheld: true,
    });
  });

  it('withholds a breakdown row’s counts and share computed from a withheld cell, and its turnaround', () => {
    const cells = byStatus.cells.map((cell) => (cell.kind === 'PBI_REACTIVATION' ? { ...cell, proposals: null, medianDaysToDecision: null, suppressed: ['proposals', 'medianDaysToDecision'] } : cell));
    const pbi = breakdown(cells, [], 'kind', KIND_ORDER, byStatus.totalProposals).find((row) => row.key === 'PBI_REACTIVATION');
    expect(pbi).toMatchObject({ proposals: null, share: null, open: null, approved: 0, rejected: 0, approvalRate: null, approvalRateWithheld: false });
    expect(pbi?.turnaround.withheld).toBe(true);
  });
});
