import 'reflect-metadata';
import { Ctx, Query, Resolver } from 'type-graphql';
import type { AtlasContext } from '../../graphql/context.js';
import { Program, type ProgramView } from './program.type.js';

@Resolver(() => Program)
export class ProgramResolver {
  @Query(() => [Program], { description: 'Social-assistance programs in display order.' })
  async programs(@Ctx() { services }: AtlasContext): Promise<ProgramView[]> {
    return services.program.listPrograms();
  }
}
