import type { DesilBucketFieldsFragment } from '../../../generated/graphql';
import type { DesilDistribution } from '../hooks/useDesilDistribution';

type Counts = ReadonlyArray<readonly [families: number, individuals: number]>;
type Level = DesilDistribution['region']['level'];
type Figures = Omit<DesilDistribution, 'subRegions' | 'subRegionCount'>;

/** A region's figures from its counts per desil (desil 1 first), shares computed as the API does. */
export function figures(code: string, name: string, level: Level, counts: Counts): Figures {
  const totalFamilies = counts.reduce((sum, [families]) => sum + families, 0);
  const totalIndividuals = counts.reduce((sum, [, individuals]) => sum + individuals, 0);
  const buckets: DesilBucketFieldsFragment[] = counts.map(([families, individuals], index) => ({
    desil: index + 1,
    families,
    individuals,
    familyShare: totalFamilies === 0 ? 0 : families / totalFamilies,
    individualShare: totalIndividuals === 0 ? 0 : individuals / totalIndividuals,
  }));
  const upTo4 = buckets.slice(0, 4);
  return {
    totalFamilies,
    totalIndividuals,
    region: { code, name, level },
    shareDesil1To4: {
      families: upTo4.reduce((sum, bucket) => sum + (bucket.familyShare ?? 0), 0),
      individuals: upTo4.reduce((sum, bucket) => sum + (bucket.individualShare ?? 0), 0),
    },
    buckets,
  };
}

export function withSubRegions(region: Figures, subRegions: readonly Figures[]): DesilDistribution {
  return { ...region, subRegionCount: subRegions.length, subRegions: subRegions.map((sub) => ({ ...sub })) };
}

const nationalCounts: Counts = [
  [9_512_345, 33_100_020],
  [9_498_001, 31_204_115],
  [9_503_777, 30_012_876],
  [9_487_650, 29_540_300],
  [9_501_002, 28_777_451],
  [9_499_870, 28_100_009],
  [9_500_500, 27_650_432],
  [9_496_321, 27_012_345],
  [9_502_468, 26_801_234],
  [9_498_066, 26_801_218],
];

/** Ten desil: `poor` in each of desil 1–4, `middle` in 5, `rich` in 6–10. */
const shaped = (poor: number, middle: number, rich: number): Counts =>
  Array.from({ length: 10 }, (_, index) => {
    const families = index < 4 ? poor : index === 4 ? middle : rich;
    return [families, families * 3] as const;
  });

// Desil 1–4 family shares: Papua Pegunungan 80,0 %, Jawa Barat 40,0 %, DKI Jakarta 23,5 %.
export const papuaFixture = figures('95', 'Papua Pegunungan', 'PROVINCE', shaped(200, 50, 30));
export const jabarFixture = figures('32', 'Jawa Barat', 'PROVINCE', shaped(1_000, 1_000, 1_000));
export const jakartaFixture = figures('31', 'DKI Jakarta', 'PROVINCE', shaped(100, 100, 240));

export const totalFamiliesFixture = nationalCounts.reduce((sum, [families]) => sum + families, 0);
export const totalIndividualsFixture = nationalCounts.reduce((sum, [, individuals]) => sum + individuals, 0);

/** The nation at the selected version (3 in `versionsFixture`), with three provinces in code order. */
export const distributionFixture: DesilDistribution = withSubRegions(figures('ID', 'Indonesia', 'NATION', nationalCounts), [
  jakartaFixture,
  jabarFixture,
  papuaFixture,
]);

export const bucketsFixture = distributionFixture.buckets;

/** The nation at the compared version: 1.000 more families in desil 1, Jawa Barat 51,3 % in desil 1–4. */
export const compareFixture: DesilDistribution = withSubRegions(
  figures(
    'ID',
    'Indonesia',
    'NATION',
    nationalCounts.map(([families, individuals], index) => (index === 0 ? [families + 1_000, individuals + 4_000] : [families, individuals])),
  ),
  [jakartaFixture, figures('32', 'Jawa Barat', 'PROVINCE', shaped(1_250, 1_000, 750)), papuaFixture],
);

/** A desa: its own figures and no sub-regions. */
export const villageFixture: DesilDistribution = withSubRegions(
  figures('32.01.01.2001', 'Cibinong', 'VILLAGE', shaped(3, 2, 1)),
  [],
);

/**
 * A region's figures as the API answers a role without UNSUPPRESSED_COUNTS: counts from 1 to `threshold − 1`, and
 * the shares computed from them, withheld (null).
 */
export function withheld(region: DesilDistribution, threshold = 5): DesilDistribution {
  const small = (count: number | null) => count !== null && count >= 1 && count < threshold;
  const buckets = region.buckets.map((bucket) => ({
    ...bucket,
    families: small(bucket.families) ? null : bucket.families,
    familyShare: small(bucket.families) ? null : bucket.familyShare,
    individuals: small(bucket.individuals) ? null : bucket.individuals,
    individualShare: small(bucket.individuals) ? null : bucket.individualShare,
  }));
  const families14 = region.buckets.slice(0, 4).reduce((sum, bucket) => sum + (bucket.families ?? 0), 0);
  const individuals14 = region.buckets.slice(0, 4).reduce((sum, bucket) => sum + (bucket.individuals ?? 0), 0);
  return {
    ...region,
    totalFamilies: small(region.totalFamilies) ? null : region.totalFamilies,
    totalIndividuals: small(region.totalIndividuals) ? null : region.totalIndividuals,
    shareDesil1To4: {
      families: small(families14) ? null : region.shareDesil1To4.families,
      individuals: small(individuals14) ? null : region.shareDesil1To4.individuals,
    },
    buckets,
  };
}
