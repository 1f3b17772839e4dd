import 'reflect-metadata';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Region, type RegionView } from '../region/region.type.js';
import { DtsenVersion, type VersionView } from '../version/version.type.js';
import type { DesilBucketView, DesilBuckets } from './distribution.logic.js';

/** A distribution as the service hands it to the API. */
export interface DecileDistributionView extends DesilBuckets {
  version: VersionView;
  region: RegionView;
}

@ObjectType('DesilBucket', { description: 'Families and individuals of one desil in a region and version.' })
export class DesilBucket implements DesilBucketView {
  @Field(() => Int, { description: 'Welfare decile, 1 (poorest 10 %) to 10.' })
  desil!: number;

  @Field(() => Int, { description: 'Number of DTSEN families in this desil.' })
  families!: number;

  @Field(() => Int, { description: 'Number of individuals in those families.' })
  individuals!: number;

  @Field(() => Float, { description: "Share of the region's families in this desil, a fraction between 0 and 1." })
  familyShare!: number;

  @Field(() => Float, { description: "Share of the region's individuals in this desil, a fraction between 0 and 1." })
  individualShare!: number;
}

@ObjectType('DecileDistribution', {
  description: 'Families and individuals per desil in a region and version, read from the published rollup.',
})
export class DecileDistribution implements DecileDistributionView {
  @Field(() => DtsenVersion, { description: 'The version the distribution is for.' })
  version!: VersionView;

  @Field(() => Region, { description: 'The region the distribution is for (every level, "ID" for the nation).' })
  region!: RegionView;

  @Field(() => Int, { description: 'Number of DTSEN families in the region.' })
  totalFamilies!: number;

  @Field(() => Int, { description: 'Number of individuals in those families.' })
  totalIndividuals!: number;

  @Field(() => [DesilBucket], { description: 'Exactly ten buckets, desil 1 to 10, zeros included.' })
  buckets!: DesilBucketView[];
}
