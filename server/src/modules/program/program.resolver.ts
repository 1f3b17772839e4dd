import 'reflect-metadata';
import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { AtlasContext } from '../../graphql/context.js';
import { ExclusionCriterion, Program, type ExclusionCriterionView, type ProgramView } from './program.type.js';

@Resolver(() => Program)
export class ProgramResolver {
  @Authorized('REFERENCE')
  @Query(() => [Program], { description: 'Social-assistance programs in display order.' })
  async programs(@Ctx() { services }: AtlasContext): Promise<ProgramView[]> {
    return services.program.listPrograms();
  }

  @Authorized('REFERENCE')
  @Query(() => [ExclusionCriterion], { description: 'The exclusion criteria ("tidak layak") in the order of the decree.' })
  async exclusionCriteria(@Ctx() { services }: AtlasContext): Promise<ExclusionCriterionView[]> {
    return services.program.listExclusionCriteria();
  }
}
