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
