import 'reflect-metadata';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { AtlasContext } from '../../graphql/context.js';
import { RegionsArgs } from './region.args.js';
import { Region, type RegionView } from './region.type.js';

@Resolver(() => Region)
export class RegionResolver {
  @Authorized('REFERENCE')
  @Query(() => Region, { nullable: true, description: 'The region with this code ("ID" is the nation); null when unknown.' })
  async region(
    @Arg('code', () => ID, { description: 'Kemendagri code, or "ID" for the nation.' }) code: string,
    @Ctx() { services, loaders }: AtlasContext,
  ): Promise<RegionView | null> {
    services.region.assertRegionCode(code);
    return loaders.regionByCode.load(code);
  }

  @Authorized('REFERENCE')
  @Query(() => [Region], { description: 'Regions filtered by level, parent and name, ordered by code.' })
  async regions(@Args(() => RegionsArgs) args: RegionsArgs, @Ctx() { services }: AtlasContext): Promise<RegionView[]> {
    return services.region.listRegions(args);
  }

  @FieldResolver(() => Region, { nullable: true, description: 'The parent region; null for the nation.' })
  async parent(@Root() region: RegionView, @Ctx() { loaders }: AtlasContext): Promise<RegionView | null> {
    return region.parentCode === null ? null : loaders.regionByCode.load(region.parentCode);
  }

  @FieldResolver(() => [Region], { description: 'Direct children of the region, ordered by code.' })
  async children(@Root() region: RegionView, @Ctx() { loaders }: AtlasContext): Promise<RegionView[]> {
    return loaders.regionChildren.load(region.code);
  }

  @FieldResolver(() => Int, { description: 'Number of direct children of the region.' })
  async childCount(@Root() region: RegionView, @Ctx() { loaders }: AtlasContext): Promise<number> {
    return loaders.regionChildCount.load(region.code);
  }
}
