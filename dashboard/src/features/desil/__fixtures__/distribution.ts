import type { DesilBucketFieldsFragment, DesilVersionFragment } from '../../../generated/graphql';
import type { DesilDistribution } from '../hooks/useDesilDistribution';

export const versionFixture: DesilVersionFragment = {
  id: 5,
  label: 'DTSEN Versi 5',
  status: 'PUBLISHED',
  publishedAt: '2026-01-15T03:00:00.000Z',
};

const counts: ReadonlyArray<readonly [families: number, individuals: number]> = [
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

export const totalFamiliesFixture = counts.reduce((sum, [families]) => sum + families, 0);
export const totalIndividualsFixture = counts.reduce((sum, [, individuals]) => sum + individuals, 0);

export const bucketsFixture: DesilBucketFieldsFragment[] = counts.map(([families, individuals], index) => ({
  desil: index + 1,
  families,
  individuals,
  familyShare: families / totalFamiliesFixture,
  individualShare: individuals / totalIndividualsFixture,
}));

export const distributionFixture: DesilDistribution = {
  totalFamilies: totalFamiliesFixture,
  totalIndividuals: totalIndividualsFixture,
  version: versionFixture,
  region: { code: 'ID', name: 'Indonesia', level: 'NATION' },
  buckets: bucketsFixture,
};
