import 'reflect-metadata';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { NATION_CODE } from '../region/region.logic.js';
import { SUB_REGIONS_DEFAULT_LIMIT, SUB_REGIONS_MAX_LIMIT } from './distribution.logic.js';
import { DistributionGroupBy, SubRegionSort } from './distribution.type.js';

@ArgsType()
export class DecileDistributionArgs {
  @Field(() => ID, {
    nullable: true,
    defaultValue: NATION_CODE,
    description: 'Region at any level; "ID" (the default) is the nation.',
  })
  regionCode?: string | null;

  @Field(() => Int, { nullable: true, description: 'Version id; defaults to the latest published version.' })
  versionId?: number | null;

  @Field(() => DistributionGroupBy, {
    nullable: true,
    defaultValue: DistributionGroupBy.NONE,
    description: 'NONE (default): the region only; SUB_REGION: also each direct child region, in `subRegions`.',
  })
  groupBy?: DistributionGroupBy | null;

  @Field(() => SubRegionSort, {
    nullable: true,
    defaultValue: SubRegionSort.CODE,
    description: 'Order of `subRegions` (default CODE); e.g. INDIVIDUAL_SHARE_DESIL_1_TO_4_DESC ranks the poorest first.',
  })
  sort?: SubRegionSort | null;

  @Field(() => Int, {
    nullable: true,
    defaultValue: SUB_REGIONS_DEFAULT_LIMIT,
    description: `Most sub-regions returned, 1 to ${SUB_REGIONS_MAX_LIMIT} (default ${SUB_REGIONS_DEFAULT_LIMIT}).`,
  })
  limit?: number | null;

  @Field(() => Int, { nullable: true, defaultValue: 0, description: 'Sub-regions skipped after sorting (default 0).' })
  offset?: number | null;
}
