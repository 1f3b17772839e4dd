import 'reflect-metadata';
import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { AtlasContext } from '../../graphql/context.js';
import { DecileDistributionArgs } from './distribution.args.js';
import { DecileDistribution, type DecileDistributionView } from './distribution.type.js';

@Resolver(() => DecileDistribution)
export class DistributionResolver {
  @Query(() => DecileDistribution, {
    description: 'Families and individuals per desil (1..10) in a region and version, from the published rollup.',
  })
  async decileDistribution(
    @Args(() => DecileDistributionArgs) { regionCode, versionId }: DecileDistributionArgs,
    @Ctx() { services }: AtlasContext,
  ): Promise<DecileDistributionView> {
    return services.distribution.getDistribution(regionCode, versionId);
  }
}
