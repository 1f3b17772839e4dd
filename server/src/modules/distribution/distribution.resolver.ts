import 'reflect-metadata';
import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { AtlasContext } from '../../graphql/context.js';
import { DecileDistributionArgs } from './distribution.args.js';
import { DecileDistribution, type DecileDistributionView } from './distribution.type.js';

@Resolver(() => DecileDistribution)
export class DistributionResolver {
  @Authorized('AGGREGATES')
  @Query(() => DecileDistribution, {
    description:
      'Families and individuals per desil (1..10) in a region and version, from the published rollup; with groupBy '
      + 'SUB_REGION also each direct child region, rankable by the share in desil 1-4. BAD_USER_INPUT for a malformed '
      + 'region code or page, NOT_FOUND for an unknown region or version.',
  })
  async decileDistribution(
    @Args(() => DecileDistributionArgs) { regionCode, versionId, groupBy, sort, limit, offset }: DecileDistributionArgs,
    @Ctx() { services }: AtlasContext,
  ): Promise<DecileDistributionView> {
    return services.distribution.getDistribution(regionCode, versionId, { groupBy, sort, limit, offset });
  }
}
