import 'reflect-metadata';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { NATION_CODE } from '../region/region.logic.js';

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
}
