import 'reflect-metadata';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ComplementaryGroup, SmallCellField, SuppressedFields } from '../../graphql/small-cells.js';
import { Region, type RegionView } from '../region/region.type.js';
import { DtsenVersion, type VersionView } from '../version/version.type.js';
import type { DesilBucketView, DesilBuckets, DesilRangeShares, SubRegionSortKey } from './distribution.logic.js';

/** Grouping of a distribution. */
export const DistributionGroupBy = { NONE: 'NONE', SUB_REGION: 'SUB_REGION' } as const;
export type DistributionGroupBy = keyof typeof DistributionGroupBy;
registerEnumType(DistributionGroupBy, {
  name: 'DistributionGroupBy',
  description: 'Whether a distribution also lists the distributions of the direct child regions.',
  valuesConfig: {
    NONE: { description: 'Only the region itself (`subRegions` is null).' },
    SUB_REGION: { description: 'Also each direct child region (provinces of the nation, kabupaten/kota of a province ...), in `subRegions`.' },
  },
});

/** Orders of `subRegions`. */
export const SubRegionSort = {
  CODE: 'CODE',
  INDIVIDUAL_SHARE_DESIL_1_TO_4_DESC: 'INDIVIDUAL_SHARE_DESIL_1_TO_4_DESC',
  INDIVIDUAL_SHARE_DESIL_1_TO_4_ASC: 'INDIVIDUAL_SHARE_DESIL_1_TO_4_ASC',
  FAMILY_SHARE_DESIL_1_TO_4_DESC: 'FAMILY_SHARE_DESIL_1_TO_4_DESC',
  FAMILY_SHARE_DESIL_1_TO_4_ASC: 'FAMILY_SHARE_DESIL_1_TO_4_ASC',
  TOTAL_FAMILIES_DESC: 'TOTAL_FAMILIES_DESC',
} as const satisfies Record<SubRegionSortKey, SubRegionSortKey>;
export type SubRegionSort = SubRegionSortKey;
registerEnumType(SubRegionSort, {
  name: 'SubRegionSort',
  description: 'Order of the sub-region distributions; ties are broken by region code.',
  valuesConfig: {
    CODE: { description: 'By region code.' },
    INDIVIDUAL_SHARE_DESIL_1_TO_4_DESC: { description: 'Largest share of individuals in desil 1-4 first (the poorest regions first).' },
    INDIVIDUAL_SHARE_DESIL_1_TO_4_ASC: { description: 'Smallest share of individuals in desil 1-4 first.' },
    FAMILY_SHARE_DESIL_1_TO_4_DESC: { description: 'Largest share of families in desil 1-4 first.' },
    FAMILY_SHARE_DESIL_1_TO_4_ASC: { description: 'Smallest share of families in desil 1-4 first.' },
    TOTAL_FAMILIES_DESC: { description: 'Most DTSEN families first.' },
  },
});

/** Shares of a region's families and individuals in a range of desils, with the counts behind them. */
export type DesilRangeShareView = DesilRangeShares;

@ObjectType('DesilRangeShare', { description: "Shares of a region's families and individuals in a range of desils, fractions between 0 and 1." })
export class DesilRangeShare implements Pick<DesilRangeShareView, 'families' | 'individuals'> {
  @SmallCellField(() => Float, { of: ['familyCount'], description: "Share of the region's DTSEN families (0 when the region has none)." })
  families!: number;

  @SmallCellField(() => Float, { of: ['individualCount'], description: "Share of the region's individuals (0 when the region has none)." })
  individuals!: number;

  @SuppressedFields()
  suppressed?: string[];
}

/** A distribution as the service hands it to the API. */
export interface DecileDistributionView extends DesilBuckets {
  version: VersionView;
  region: RegionView;
  shareDesil1To4: DesilRangeShareView;
  subRegions: DecileDistributionView[] | null;
  subRegionCount: number | null;
}

@ObjectType('DesilBucket', { description: 'Families and individuals of one desil in a region and version.' })
export class DesilBucket implements DesilBucketView {
  @Field(() => Int, { description: 'Welfare decile, 1 (poorest 10 %) to 10.' })
  desil!: number;

  @SmallCellField(() => Int, { description: 'Number of DTSEN families in this desil.' })
  families!: number;

  @SmallCellField(() => Int, { description: 'Number of individuals in those families.' })
  individuals!: number;

  @SmallCellField(() => Float, { of: ['families'], description: "Share of the region's families in this desil, a fraction between 0 and 1." })
  familyShare!: number;

  @SmallCellField(() => Float, { of: ['individuals'], description: "Share of the region's individuals in this desil, a fraction between 0 and 1." })
  individualShare!: number;

  @SuppressedFields()
  suppressed?: string[];
}

@ObjectType('DecileDistribution', {
  description: 'Families and individuals per desil in a region and version, read from the published rollup.',
})
export class DecileDistribution implements DecileDistributionView {
  @Field(() => DtsenVersion, { description: 'The version the distribution is for.' })
  version!: VersionView;

  @Field(() => Region, { description: 'The region the distribution is for (every level, "ID" for the nation).' })
  region!: RegionView;

  @SmallCellField(() => Int, { description: 'Number of DTSEN families in the region.' })
  totalFamilies!: number;

  @SmallCellField(() => Int, { description: 'Number of individuals in those families.' })
  totalIndividuals!: number;

  // The buckets add up to the totals.
  @ComplementaryGroup({ cells: 'families', total: 'totalFamilies' }, { cells: 'individuals', total: 'totalIndividuals' })
  @Field(() => [DesilBucket], { description: 'Exactly ten buckets, desil 1 to 10, zeros included.' })
  buckets!: DesilBucketView[];

  @Field(() => DesilRangeShare, { description: 'Shares of the families and individuals in desil 1-4 (the poorest 40 % nationally).' })
  shareDesil1To4!: DesilRangeShareView;

  // The child regions add up to the region (only when every one is on the page: ties by code, whatever the sort).
  @ComplementaryGroup(
    { cells: 'totalFamilies', total: 'totalFamilies', key: 'region.code', count: 'subRegionCount' },
    { cells: 'totalIndividuals', total: 'totalIndividuals', key: 'region.code', count: 'subRegionCount' },
  )
  @Field(() => [DecileDistribution], {
    nullable: true,
    description:
      'With groupBy SUB_REGION: the distribution of each direct child region (zeros for a child without families), '
      + 'sorted by `sort` and paged by `limit`/`offset`; their own `subRegions` are null. Null with groupBy NONE.',
  })
  subRegions!: DecileDistributionView[] | null;

  @Field(() => Int, { nullable: true, description: 'With groupBy SUB_REGION: the number of child regions before paging; null otherwise.' })
  subRegionCount!: number | null;

  @SuppressedFields()
  suppressed?: string[];
}
