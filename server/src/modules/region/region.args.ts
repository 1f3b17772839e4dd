import 'reflect-metadata';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { REGIONS_DEFAULT_LIMIT, REGIONS_MAX_LIMIT } from './region.logic.js';
import { RegionLevel } from './region.type.js';

@ArgsType()
export class RegionsArgs {
  @Field(() => RegionLevel, { nullable: true, description: 'Only regions at this administrative level.' })
  level?: RegionLevel | null;

  @Field(() => ID, { nullable: true, description: 'Only the direct children of this region.' })
  parentCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the region name.' })
  search?: string | null;

  @Field(() => Int, {
    nullable: true,
    defaultValue: REGIONS_DEFAULT_LIMIT,
    description: `Maximum number of regions returned, 1 to ${REGIONS_MAX_LIMIT}.`,
  })
  limit?: number | null;
}
