import 'reflect-metadata';
import { Args, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { AtlasContext } from '../../graphql/context.js';
import { DtsenVersion, type VersionView } from '../version/version.type.js';
import { PublishVersionArgs } from './publish.args.js';

@Resolver(() => DtsenVersion)
export class PublishResolver {
  @Authorized('PUBLISH')
  @Mutation(() => DtsenVersion, {
    description:
      'Publishes a DRAFT version: computes all its rollups and marks it PUBLISHED (immutable from then on), in one ' +
      'transaction, on SQLite or PostgreSQL. CONFLICT VERSION_ALREADY_PUBLISHED, VERSION_OUT_OF_ORDER (an earlier version ' +
      'is a draft) or PUBLISH_IN_PROGRESS (another publication is running).',
  })
  async publishVersion(@Args(() => PublishVersionArgs) { versionId }: PublishVersionArgs, @Ctx() { services }: AtlasContext): Promise<VersionView> {
    return services.publishing.publish(versionId);
  }
}
