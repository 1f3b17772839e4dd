import 'reflect-metadata';
import { Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { AtlasContext } from '../../graphql/context.js';
import { assertFamilyInScope } from '../family/family.scope.js';
import { Family, type FamilyView } from '../family/family.type.js';
import { QuotaStatusArgs, ReallocationPlanArgs, ScenarioArgs, TargetingErrorsArgs } from './targeting.args.js';
import {
  QuotaStatus, ReallocationFillUnit, ReallocationPlan, ReallocationRemovalUnit, Scenario, TargetingErrors,
  type PlanUnitView, type QuotaStatusView, type ReallocationPlanView, type ScenarioView, type TargetingErrorsView,
} from './targeting.type.js';

@Resolver()
export class TargetingResolver {
  @Authorized('AGGREGATES')
  @Query(() => TargetingErrors, {
    description:
      'Targeting errors of a program in a region and version: eligible units, recipients, inclusion and exclusion errors, ' +
      'coverage and leakage, with rows by inclusion cause, child region or desil.',
  })
  async targetingErrors(@Args(() => TargetingErrorsArgs) args: TargetingErrorsArgs, @Ctx() { services }: AtlasContext): Promise<TargetingErrorsView> {
    return services.targeting.targetingErrors(args);
  }

  @Authorized('AGGREGATES')
  @Query(() => QuotaStatus, {
    description:
      'Quota, recipients, gap and UNDER/OVER/MATCH status of the 514 kabupaten/kota for a program, filtered, sorted and ' +
      'paged. A user limited to a region passes its province (`provinceCode`) or kabupaten/kota (`regencyCode`).',
  })
  async quotaStatus(@Args(() => QuotaStatusArgs) args: QuotaStatusArgs, @Ctx() { services }: AtlasContext): Promise<QuotaStatusView> {
    return services.targeting.quotaStatus(args);
  }

  @Authorized('AGGREGATES')
  @Query(() => ReallocationPlan, {
    description:
      'The quota reallocation plan of one kabupaten/kota: who fills its free places (UNDER) or which inclusion errors ' +
      'leave first (OVER). The counts need AGGREGATES; the lists of units (person-level) also PERSON_ROWS, and are logged.',
  })
  async reallocationPlan(@Args(() => ReallocationPlanArgs) args: ReallocationPlanArgs, @Ctx() { services }: AtlasContext): Promise<ReallocationPlanView> {
    return services.targeting.reallocationPlan(args);
  }

  @Authorized('SCENARIOS')
  @Query(() => Scenario, {
    description: 'A policy scenario: program rules overridden (desil range, national quota) and compared with the baseline on the same units.',
  })
  async scenario(@Args(() => ScenarioArgs) args: ScenarioArgs, @Ctx() { services }: AtlasContext): Promise<ScenarioView> {
    return services.targeting.scenario(args);
  }
}

const familyDescription = 'The family of the unit as of the plan\'s version (identifiers masked).';

async function loadFamily(unit: PlanUnitView, ctx: AtlasContext): Promise<FamilyView> {
  const family = await ctx.loaders.familyById.load({ familyId: unit.familyId, versionId: unit.versionId });
  if (!family) throw new Error(`reallocation unit refers to unknown family ${unit.familyId}`);
  await assertFamilyInScope(ctx, family);
  return family;
}

@Resolver(() => ReallocationFillUnit)
export class ReallocationFillUnitResolver {
  @FieldResolver(() => Family, { description: familyDescription })
  async family(@Root() unit: PlanUnitView, @Ctx() ctx: AtlasContext): Promise<FamilyView> {
    return loadFamily(unit, ctx);
  }
}

@Resolver(() => ReallocationRemovalUnit)
export class ReallocationRemovalUnitResolver {
  @FieldResolver(() => Family, { description: familyDescription })
  async family(@Root() unit: PlanUnitView, @Ctx() ctx: AtlasContext): Promise<FamilyView> {
    return loadFamily(unit, ctx);
  }
}
