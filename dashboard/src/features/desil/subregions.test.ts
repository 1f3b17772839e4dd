import { describe, expect, it } from 'vitest';
import { figures, jabarFixture, jakartaFixture, papuaFixture } from './__fixtures__/distribution';
import {
  bandShares,
  DEFAULT_SUB_REGION_SORT,
  parseSubRegionSort,
  sortParam,
  sortSubRegionRows,
  toSubRegionRows,
  type SubRegionRow,
} from './subregions';

const names = (rows: readonly SubRegionRow[]) => rows.map((row) => row.name);

describe('bandShares', () => {
  it('splits a region into desil 1–4, 5 and 6–10 in the selected unit', () => {
    const shares = bandShares(papuaFixture, 'families');
    expect(shares.share14).toBeCloseTo(0.8, 12);
    expect(shares.share5).toBeCloseTo(0.05, 12);
    expect(shares.share610).toBeCloseTo(0.15, 12);
  });

  it('reads the individual shares for the Individu unit', () => {
    const region = figures('32.01', 'Kabupaten Bogor', 'REGENCY', [
      [10, 10],
      [0, 0],
      [0, 0],
      [0, 0],
      [10, 30],
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 60],
    ]);
    const shares = bandShares(region, 'individuals');
    expect(shares.share14).toBeCloseTo(0.1, 12);
    expect(shares.share5).toBeCloseTo(0.3, 12);
    expect(shares.share610).toBeCloseTo(0.6, 12);
  });

  it('is all zeros for a region without families', () => {
    expect(bandShares(figures('32.01.01', 'Kosong', 'DISTRICT', Array.from({ length: 10 }, () => [0, 0] as const)), 'families')).toEqual({
      share14: 0,
      share5: 0,
      share610: 0,
    });
  });
});

describe('toSubRegionRows', () => {
  it('ranks by share in desil 1–4, largest first, keeping the API order', () => {
    const rows = toSubRegionRows([jakartaFixture, jabarFixture, papuaFixture], null, 'families');
    expect(names(rows)).toEqual(['DKI Jakarta', 'Jawa Barat', 'Papua Pegunungan']);
    expect(rows.map((row) => row.rank)).toEqual([3, 2, 1]);
    expect(rows[1]).toMatchObject({ code: '32', families: 10_000, individuals: 30_000, compareShare14: null, difference14: null });
    expect(rows[1]?.share14).toBeCloseTo(0.4, 12);
  });

  it('gives tied regions the same rank', () => {
    const twin = { ...jabarFixture, region: { code: '33', name: 'Jawa Tengah', level: 'PROVINCE' as const } };
    const rows = toSubRegionRows([jabarFixture, twin, papuaFixture], null, 'families');
    expect(rows.map((row) => row.rank)).toEqual([2, 2, 1]);
  });

  it('adds the compared version’s share and the difference, by region code', () => {
    const before = figures('32', 'Jawa Barat', 'PROVINCE', [
      [1_250, 1],
      [1_250, 1],
      [1_250, 1],
      [1_250, 1],
      [1_000, 1],
      [800, 1],
      [800, 1],
      [800, 1],
      [800, 1],
      [800, 1],
    ]);
    const rows = toSubRegionRows([jabarFixture, papuaFixture], [before], 'families');
    expect(rows[0]?.compareShare14).toBeCloseTo(0.5, 12);
    expect(rows[0]?.difference14).toBeCloseTo(-0.1, 12);
    // Absent in the compared version: nothing to compare with.
    expect(rows[1]).toMatchObject({ compareShare14: null, difference14: null });
  });
});

describe('sorting the ranking', () => {
  const rows = toSubRegionRows([jakartaFixture, jabarFixture, papuaFixture], null, 'families');

  it('defaults to the largest share in desil 1–4 first', () => {
    expect(parseSubRegionSort(undefined)).toEqual(DEFAULT_SUB_REGION_SORT);
    expect(names(sortSubRegionRows(rows, DEFAULT_SUB_REGION_SORT))).toEqual(['Papua Pegunungan', 'Jawa Barat', 'DKI Jakarta']);
  });

  it('sorts by name and by counts in either direction', () => {
    expect(names(sortSubRegionRows(rows, parseSubRegionSort('nama.asc')))).toEqual(['DKI Jakarta', 'Jawa Barat', 'Papua Pegunungan']);
    expect(names(sortSubRegionRows(rows, parseSubRegionSort('keluarga.desc')))).toEqual(['Jawa Barat', 'DKI Jakarta', 'Papua Pegunungan']);
    expect(names(sortSubRegionRows(rows, parseSubRegionSort('keluarga.asc')))).toEqual(['Papua Pegunungan', 'DKI Jakarta', 'Jawa Barat']);
    expect(names(sortSubRegionRows(rows, parseSubRegionSort('desil610')))).toEqual(['DKI Jakarta', 'Jawa Barat', 'Papua Pegunungan']);
  });

  it('puts regions without a comparison last whatever the direction', () => {
    const compared = toSubRegionRows([jakartaFixture, jabarFixture, papuaFixture], [jabarFixture, papuaFixture], 'families');
    for (const urut of ['selisih.asc', 'selisih.desc']) {
      expect(names(sortSubRegionRows(compared, parseSubRegionSort(urut))).at(-1)).toBe('DKI Jakarta');
    }
  });

  it('falls back to the default for unknown keys and writes the default as no params', () => {
    expect(parseSubRegionSort('gap.asc')).toEqual(DEFAULT_SUB_REGION_SORT);
    expect(sortParam(DEFAULT_SUB_REGION_SORT)).toBeNull();
    expect(sortParam({ key: 'nama', direction: 'asc' })).toBe('nama.asc');
    expect(parseSubRegionSort('desil14.asc')).toEqual({ key: 'desil14', direction: 'asc' });
  });
});
