import { describe, expect, it } from 'vitest';
import { churnFixture, coverageFixture, transitionsFixture } from './__fixtures__/trends';
import { toChurnChart, toChurnTable } from './churn';
import { coverageChange, toCoverageRows } from './coverage';
import { overlapOf, programUnit } from './programFigures';
import { heatLevel, resolveTransitionPair, toTransitionGrid } from './transitions';

const published = [1, 2, 3, 4, 5].map((id) => ({ id, label: `2025-Q${id}` }));

describe('toCoverageRows', () => {
  it('keeps the points up to the current version, in version order, marking the current one', () => {
    const rows = toCoverageRows([...coverageFixture.points].reverse(), 2);
    expect(rows.map((row) => [row.versionId, row.isCurrent])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(rows[1]?.recipients).toBe(1542);
  });

  it('reports the change from the first to the last version', () => {
    const change = coverageChange(toCoverageRows(coverageFixture.points, 3));
    expect(change?.fromLabel).toBe('DTSEN 2025-Q1');
    expect(change?.recipients).toBe(1507 - 1601);
    expect(change?.coverage).toBeCloseTo(1325 / 5318 - 1366 / 5403, 10);
    expect(coverageChange(toCoverageRows(coverageFixture.points, 1))).toBeNull();
  });
});

describe('toChurnChart', () => {
  it('lists the present categories, entries first, in display order', () => {
    const { series } = toChurnChart(churnFixture.steps);
    expect(series.map((item) => item.key)).toEqual([
      'in_QUOTA_FILL',
      'in_NEW_PROPOSAL',
      'out_GRADUATION',
      'out_RERANKING',
      'out_EXCLUSION_CRITERION',
      'out_NEGATIVE_LIST',
      'out_DEATH',
      'out_OUTSIDE_DTSEN',
      'out_MAX_DURATION',
    ]);
  });

  it('gives entries as positive and exits as negative values per step, zero where absent', () => {
    const { bars } = toChurnChart(churnFixture.steps);
    expect(bars.map((bar) => bar.label)).toEqual(['DTSEN 2025-Q1 → DTSEN 2025-Q2', 'DTSEN 2025-Q2 → DTSEN 2025-Q3']);
    expect(bars[0]?.values).toMatchObject({ in_QUOTA_FILL: 91, out_MAX_DURATION: -112, out_NEGATIVE_LIST: 0 });
    expect(bars[1]?.values.out_NEGATIVE_LIST).toBe(-2);
    expect(bars.map((bar) => bar.net)).toEqual([92 - 151, 91 - 126]);
  });

  it('sums flows of one category and keeps unknown categories last', () => {
    const step = churnFixture.steps[0];
    if (!step) throw new Error('fixture');
    const merged = { ...step, exits: [...step.exits, { category: 'DEATH' as const, reason: 'DECEASED' as const, units: 2 }] };
    expect(toChurnChart([merged]).bars[0]?.values.out_DEATH).toBe(-3);
  });
});

describe('toChurnTable', () => {
  it('has one row per direction and category with its units per step and total', () => {
    const rows = toChurnTable(churnFixture.steps);
    const maxDuration = rows.find((row) => row.key === 'out_MAX_DURATION');
    expect(maxDuration).toMatchObject({ direction: 'exit', byStep: [112, 95], total: 207 });
    const entries = rows.filter((row) => row.direction === 'entry').reduce((sum, row) => sum + (row.total ?? Number.NaN), 0);
    expect(entries).toBe(churnFixture.totalEntries);
  });
});

describe('resolveTransitionPair', () => {
  it('defaults to the previous → current version', () => {
    expect(resolveTransitionPair(published, 3, undefined, undefined)).toEqual({ from: published[1], to: published[2] });
  });

  it('takes dari and ke from the URL when they name published versions in order', () => {
    expect(resolveTransitionPair(published, 5, '1', '4')).toEqual({ from: published[0], to: published[3] });
  });

  it('falls back when dari is not before ke, or names no published version', () => {
    expect(resolveTransitionPair(published, 5, '4', '2')).toEqual({ from: published[0], to: published[1] });
    expect(resolveTransitionPair(published, 5, '9', 'x')).toEqual({ from: published[3], to: published[4] });
  });

  it('is null without an earlier version', () => {
    expect(resolveTransitionPair(published, 1, undefined, undefined)).toBeNull();
    expect(resolveTransitionPair([], 1, undefined, undefined)).toBeNull();
  });
});

describe('toTransitionGrid', () => {
  const grid = toTransitionGrid(transitionsFixture(1, 2));

  it('orders rows and columns desil 1–10, then outside DTSEN', () => {
    expect(grid.map((row) => row.fromDesil)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0]);
    expect(grid[0]?.cells.map((cell) => cell.toDesil)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0]);
  });

  it('carries counts, shares and colour levels', () => {
    expect(grid[0]?.cells[0]).toMatchObject({ families: 80, share: 0.8, level: 7 });
    expect(grid[0]?.cells[1]).toMatchObject({ families: 20, share: 0.2, level: 4 });
    expect(grid[2]?.cells[10]).toMatchObject({ fromDesil: 3, toDesil: 0, families: 5, level: 2 });
    expect(grid[10]?.cells[3]).toMatchObject({ fromDesil: 0, toDesil: 4, families: 8, share: 1, level: 7 });
    expect(grid[10]?.cells[10]).toMatchObject({ families: null, level: 0 });
    expect(grid[10]?.rowTotal).toBe(8);
  });

  it('counts missing cells as zero', () => {
    const sparse = toTransitionGrid({ cells: [{ fromDesil: 1, toDesil: 1, families: 3, share: 1 }], rowTotals: [] });
    expect(sparse[1]?.cells[1]).toMatchObject({ families: 0, share: 0, level: 0 });
  });
});

describe('heatLevel', () => {
  it('maps shares to colour classes at the thresholds', () => {
    expect([0, 0.005, 0.01, 0.02, 0.07, 0.2, 0.3, 0.6, 0.9].map((share) => heatLevel(share))).toEqual([0, 1, 1, 2, 3, 4, 5, 6, 7]);
    expect(heatLevel(0.5, 0)).toBe(0);
  });
});

describe('program figures', () => {
  it('counts families for PKH and SEMBAKO, individuals for the others', () => {
    expect(programUnit('PKH')).toBe('families');
    expect(programUnit('SEMBAKO')).toBe('families');
    expect(programUnit('PBI_JKN')).toBe('individuals');
  });

  it('shares of a program’s families that also receive each other program', () => {
    const overlap = overlapOf(
      [
        { programs: [], families: 1000 },
        { programs: ['PKH'], families: 10 },
        { programs: ['PKH', 'SEMBAKO', 'PBI_JKN'], families: 30 },
        { programs: ['PKH', 'PBI_JKN'], families: 10 },
        { programs: ['SEMBAKO'], families: 99 },
      ],
      'PKH',
    );
    expect(overlap.families).toBe(50);
    expect(overlap.onlyThis).toBe(10);
    expect(overlap.others.find((other) => other.program === 'PBI_JKN')).toEqual({ program: 'PBI_JKN', families: 40, share: 0.8 });
    expect(overlap.others.find((other) => other.program === 'SEMBAKO')?.share).toBeCloseTo(0.6);
    expect(overlap.others.map((other) => other.program)).toEqual(['SEMBAKO', 'PBI_JKN', 'PIP', 'ATENSI']);
  });
});

describe('withheld counts (small cells)', () => {
  it('keeps a withheld flow in the churn chart and table as withheld, not as 0, and withholds the totals over it', () => {
    const step = churnFixture.steps[0];
    if (!step) throw new Error('fixture');
    const withheld = { ...step, exits: step.exits.map((flow, index) => (index === 0 ? { ...flow, units: null } : flow)), totalExits: null };
    const [bar] = toChurnChart([withheld]).bars;
    const key = `out_${step.exits[0]?.category ?? ''}`;
    expect(bar?.values[key]).toBeNull();
    expect(bar?.net).toBeNull();
    const row = toChurnTable([withheld]).find((candidate) => candidate.key === key);
    expect(row).toMatchObject({ byStep: [null], total: null });
  });

  it('marks a withheld transition cell apart from the never-counted (0, 0) and from an empty cell', () => {
    const data = transitionsFixture(1, 2);
    const withheld = { ...data, cells: data.cells.map((cell) => (cell.fromDesil === 1 && cell.toDesil === 2 ? { ...cell, families: null, share: null } : cell)) };
    const grid = toTransitionGrid(withheld);
    expect(grid[0]?.cells[1]).toMatchObject({ families: null, share: null, level: 0, withheld: true });
    expect(grid.at(-1)?.cells.at(-1)).toMatchObject({ families: null, withheld: false });
  });

  it('withholds a coverage change whose first or last point is withheld', () => {
    const rows = toCoverageRows(coverageFixture.points, 3);
    const first = rows[0];
    if (!first) throw new Error('fixture');
    const change = coverageChange([{ ...first, coverage: null }, ...rows.slice(1)]);
    expect(change?.coverage).toBeNull();
    expect(change?.recipients).not.toBeNull();
  });
});
