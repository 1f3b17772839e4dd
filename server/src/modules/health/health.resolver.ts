import 'reflect-metadata';
import { Ctx, Query, Resolver } from 'type-graphql';
import type { AtlasContext } from '../../graphql/context.js';
import { Health, type HealthView } from './health.type.js';

@Resolver(() => Health)
export class HealthResolver {
  @Query(() => Health, { description: 'Liveness of the API and its database.' })
  async health(@Ctx() { services }: AtlasContext): Promise<HealthView> {
    return services.health.check();
  }
}
