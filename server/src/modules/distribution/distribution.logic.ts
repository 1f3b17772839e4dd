/** Desils run from 1 (poorest 10 %) to 10. */
export const DESILS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

/** One rollup row: families and individuals of a desil. */
export interface DesilCount {
  desil: number;
  families: number;
  individuals: number;
}

/** A bucket of the distribution with its shares of the region's totals (fractions in 0..1). */
export interface DesilBucketView extends DesilCount {
  familyShare: number;
  individualShare: number;
}

/** Totals and exactly ten buckets. */
export interface DesilBuckets {
  totalFamilies: number;
  totalIndividuals: number;
  buckets: DesilBucketView[];
}

/**
 * Turns the rollup rows of one region and version into ten buckets, desil 1 to 10, with zeros for missing
 * desils and shares of the totals (all shares 0 when the region has no family). Rows outside 1..10 are ignored.
 */
export function toDesilBuckets(rows: readonly DesilCount[]): DesilBuckets {
  const byDesil = new Map<number, DesilCount>();
  for (const row of rows) {
    if (!DESILS.includes(row.desil as (typeof DESILS)[number])) continue;
    const seen = byDesil.get(row.desil);
    byDesil.set(row.desil, {
      desil: row.desil,
      families: (seen?.families ?? 0) + row.families,
      individuals: (seen?.individuals ?? 0) + row.individuals,
    });
  }
  const counts = DESILS.map((desil) => byDesil.get(desil) ?? { desil, families: 0, individuals: 0 });
  const totalFamilies = counts.reduce((sum, c) => sum + c.families, 0);
  const totalIndividuals = counts.reduce((sum, c) => sum + c.individuals, 0);
  return {
    totalFamilies,
    totalIndividuals,
    buckets: counts.map((c) => ({
      ...c,
      familyShare: share(c.families, totalFamilies),
      individualShare: share(c.individuals, totalIndividuals),
    })),
  };
}

function share(part: number, total: number): number {
  return total === 0 ? 0 : part / total;
}

/** The poorest four desils (PKH's range, and the usual "poor and vulnerable" cut). */
export const DESIL_1_TO_4 = { min: 1, max: 4 } as const;

/** Shares of a region's families and individuals in a range of desils, with the counts they are computed from. */
export interface DesilRangeShares {
  /** Share (0..1) of the families. */
  families: number;
  /** Share (0..1) of the individuals. */
  individuals: number;
  /** Families in the range (not shown: the share's small-cell rule reads it). */
  familyCount: number;
  /** Individuals in the range (idem). */
  individualCount: number;
}

/** Shares (0..1) of a region's families and individuals in the desils min..max; 0 for an empty region. */
export function desilRangeShare(d: DesilBuckets, min: number, max: number): DesilRangeShares {
  const inRange = d.buckets.filter((b) => b.desil >= min && b.desil <= max);
  const familyCount = inRange.reduce((a, b) => a + b.families, 0);
  const individualCount = inRange.reduce((a, b) => a + b.individuals, 0);
  return {
    families: share(familyCount, d.totalFamilies),
    individuals: share(individualCount, d.totalIndividuals),
    familyCount,
    individualCount,
  };
}

/** Orders of the sub-regions of a distribution. */
export type SubRegionSortKey =
  | 'CODE'
  | 'INDIVIDUAL_SHARE_DESIL_1_TO_4_DESC'
  | 'INDIVIDUAL_SHARE_DESIL_1_TO_4_ASC'
  | 'FAMILY_SHARE_DESIL_1_TO_4_DESC'
  | 'FAMILY_SHARE_DESIL_1_TO_4_ASC'
  | 'TOTAL_FAMILIES_DESC';

/** Default and bounds of the sub-region page. */
export const SUB_REGIONS_DEFAULT_LIMIT = 100;
export const SUB_REGIONS_MAX_LIMIT = 1000;

/**
 * Sorts sub-region distributions (ties, and CODE, by region code) and returns the page [offset, offset + limit).
 */
export function rankSubRegions<T extends { region: { code: string }; totalFamilies: number; shareDesil1To4: { families: number; individuals: number } }>(
  items: readonly T[], sort: SubRegionSortKey, offset: number, limit: number,
): T[] {
  const key: Record<SubRegionSortKey, (x: T) => number> = {
    CODE: () => 0,
    INDIVIDUAL_SHARE_DESIL_1_TO_4_DESC: (x) => -x.shareDesil1To4.individuals,
    INDIVIDUAL_SHARE_DESIL_1_TO_4_ASC: (x) => x.shareDesil1To4.individuals,
    FAMILY_SHARE_DESIL_1_TO_4_DESC: (x) => -x.shareDesil1To4.families,
    FAMILY_SHARE_DESIL_1_TO_4_ASC: (x) => x.shareDesil1To4.families,
    TOTAL_FAMILIES_DESC: (x) => -x.totalFamilies,
  };
  const k = key[sort];
  return [...items]
    .sort((a, b) => k(a) - k(b) || (a.region.code < b.region.code ? -1 : a.region.code > b.region.code ? 1 : 0))
    .slice(offset, offset + limit);
}
