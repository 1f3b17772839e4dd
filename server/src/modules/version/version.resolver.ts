import 'reflect-metadata';
import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { AtlasContext } from '../../graphql/context.js';
import { DtsenVersion, type VersionView } from './version.type.js';

@Resolver(() => DtsenVersion)
export class VersionResolver {
  @Authorized('REFERENCE')
  @Query(() => [DtsenVersion], { description: 'All DTSEN versions, ordered by id.' })
  async versions(@Ctx() { services }: AtlasContext): Promise<VersionView[]> {
    return services.version.listVersions();
  }

  @Authorized('REFERENCE')
  @Query(() => DtsenVersion, { nullable: true, description: 'The latest published version; null when none is published.' })
  async latestVersion(@Ctx() { services }: AtlasContext): Promise<VersionView | null> {
    return services.version.latestPublished();
  }
}
