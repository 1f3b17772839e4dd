// Pure shaping of the sub-regions of a decile distribution into the ranking table and its chart:
// shares of desil 1–4, 5 and 6–10 in the selected unit, the rank by desil 1–4, the compared version's
// share, and the order the URL asks for.
import type { DesilBucketFieldsFragment } from '../../generated/graphql';
import type { SortDirection } from '../../shared/components/DataTable';
import { differenceOrNull, sumOrNull } from '../../shared/small-cells';
import { formatSortParam, parseSortParam } from '../../shared/sort-param';
import type { DesilUnit } from './toSeries';

/** The fields of a sub-region the ranking needs (a subset of `DesilRegionFiguresFragment`); null = withheld. */
export interface SubRegionFigures {
  region: { code: string; name: string; level: string };
  totalFamilies: number | null;
  totalIndividuals: number | null;
  shareDesil1To4: { families: number | null; individuals: number | null };
  buckets: readonly DesilBucketFieldsFragment[];
}

export interface SubRegionRow {
  code: string;
  name: string;
  families: number | null;
  individuals: number | null;
  /**
   * Shares in the selected unit, fractions 0–1 (zeros for a sub-region without families); null when withheld, or
   * computed from a withheld desil (a small cell).
   */
  share14: number | null;
  share5: number | null;
  share610: number | null;
  /** 1 = the largest share in desil 1–4 (ties share the rank); null when that share is withheld (ranked last). */
  rank: number | null;
  /** The compared version's share in desil 1–4; null when not comparing, the region is absent there, or withheld. */
  compareShare14: number | null;
  /** Whether the compared version has the region but withheld its share in desil 1–4. */
  compareWithheld: boolean;
  /** share14 − compareShare14 in fractions; null when not comparing. */
  difference14: number | null;
}

function shareOf(bucket: DesilBucketFieldsFragment, unit: DesilUnit): number | null {
  return unit === 'families' ? bucket.familyShare : bucket.individualShare;
}

/** Shares of desil 1–4, 5 and 6–10 of one region in a unit; a band with a withheld desil is withheld (null). */
export function bandShares(figures: SubRegionFigures, unit: DesilUnit): { share14: number | null; share5: number | null; share610: number | null } {
  const total = unit === 'families' ? figures.totalFamilies : figures.totalIndividuals;
  if (total === 0) return { share14: 0, share5: 0, share610: 0 };
  const band = (min: number, max: number) =>
    sumOrNull(figures.buckets.filter((bucket) => bucket.desil >= min && bucket.desil <= max).map((bucket) => shareOf(bucket, unit)));
  return { share14: figures.shareDesil1To4[unit], share5: band(5, 5), share610: band(6, 10) };
}

/** Ranking rows in the API's order, ranked by share in desil 1–4 (largest first, ties equal, "1224"). */
export function toSubRegionRows(
  current: readonly SubRegionFigures[],
  compared: readonly SubRegionFigures[] | null,
  unit: DesilUnit,
): SubRegionRow[] {
  const compareByCode = new Map((compared ?? []).map((figures) => [figures.region.code, figures]));
  const rows = current.map((figures): SubRegionRow => {
    const shares = bandShares(figures, unit);
    const other = compareByCode.get(figures.region.code);
    const compareShare14 = compared && other ? bandShares(other, unit).share14 : null;
    const compareWithheld = compared !== null && other !== undefined && compareShare14 === null;
    return {
      code: figures.region.code,
      name: figures.region.name,
      families: figures.totalFamilies,
      individuals: figures.totalIndividuals,
      ...shares,
      rank: 0,
      compareShare14,
      compareWithheld,
      difference14: differenceOrNull(shares.share14, compareShare14),
    };
  });
  const ordered = rows.flatMap((row) => (row.share14 === null ? [] : [row.share14])).sort((a, b) => b - a);
  return rows.map((row) => ({ ...row, rank: row.share14 === null ? null : ordered.indexOf(row.share14) + 1 }));
}

/** Sort keys of the ranking, as written in the URL (`urut`). */
export const SUB_REGION_SORT_KEYS = ['peringkat', 'nama', 'keluarga', 'individu', 'desil14', 'desil5', 'desil610', 'banding14', 'selisih'] as const;
export type SubRegionSortKey = (typeof SUB_REGION_SORT_KEYS)[number];

export interface SubRegionSort {
  key: SubRegionSortKey;
  direction: SortDirection;
}

/** The ranking's default: the largest share in desil 1–4 first. */
export const DEFAULT_SUB_REGION_SORT: SubRegionSort = { key: 'desil14', direction: 'desc' };

/** `urut=nama.asc` from the URL (the shared sort-parameter format); unknown values give the default. */
export function parseSubRegionSort(value: string | undefined): SubRegionSort {
  return parseSortParam(value, SUB_REGION_SORT_KEYS, DEFAULT_SUB_REGION_SORT);
}

/** The `urut` param of a sort: the default is left out so equal views give equal links. */
export function sortParam(sort: SubRegionSort): string | null {
  const isDefault = sort.key === DEFAULT_SUB_REGION_SORT.key && sort.direction === DEFAULT_SUB_REGION_SORT.direction;
  return isDefault ? null : formatSortParam(sort);
}

function sortValue(row: SubRegionRow, key: SubRegionSortKey): number | string | null {
  switch (key) {
    case 'peringkat':
      return row.rank;
    case 'nama':
      return row.name;
    case 'keluarga':
      return row.families;
    case 'individu':
      return row.individuals;
    case 'desil14':
      return row.share14;
    case 'desil5':
      return row.share5;
    case 'desil610':
      return row.share610;
    case 'banding14':
      return row.compareShare14;
    case 'selisih':
      return row.difference14;
  }
}

/** Rows in the requested order; missing values (no comparison) last; ties by name. */
export function sortSubRegionRows(rows: readonly SubRegionRow[], sort: SubRegionSort): SubRegionRow[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, sort.key);
    const y = sortValue(b, sort.key);
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else if (x !== y) {
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'id');
      if (order !== 0) return sign * order;
    }
    return a.name.localeCompare(b.name, 'id') || a.code.localeCompare(b.code);
  });
}

/** How many sub-regions the chart shows before "show all". */
export const CHART_LIMIT = 20;
