import 'reflect-metadata';
import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { AtlasContext } from '../../graphql/context.js';
import { Region, type RegionView } from '../region/region.type.js';
import { FamilyArgs } from './family.args.js';
import { Family, FamilyState, Individual, type FamilyStateView, type FamilyView, type IndividualView } from './family.type.js';

@Resolver(() => Family)
export class FamilyResolver {
  @Query(() => Family, {
    nullable: true,
    description: 'A family as of a version (default: latest published); null when the family is unknown.',
  })
  async family(@Args(() => FamilyArgs) { id, versionId }: FamilyArgs, @Ctx() { services }: AtlasContext): Promise<FamilyView | null> {
    return services.family.getFamily(id, versionId);
  }

  @FieldResolver(() => Region, {
    description: "Village of the family's DTSEN state in the version, else its Dukcapil (civil-registry) village.",
  })
  async region(@Root() family: FamilyView, @Ctx() { loaders }: AtlasContext): Promise<RegionView> {
    const state = await loaders.familyState.load({ familyId: family.id, versionId: family.versionId });
    const code = state?.villageCode ?? family.dukcapilVillageCode;
    const region = await loaders.regionByCode.load(code);
    if (!region) throw new Error(`Family ${family.id} refers to unknown village ${code}`);
    return region;
  }

  @FieldResolver(() => FamilyState, {
    nullable: true,
    description: 'The welfare state in force in the version; null when none (e.g. NON_DTSEN families).',
  })
  async state(@Root() family: FamilyView, @Ctx() { loaders }: AtlasContext): Promise<FamilyStateView | null> {
    return loaders.familyState.load({ familyId: family.id, versionId: family.versionId });
  }

  @FieldResolver(() => [Individual], { description: 'Members on the family card in the version, ordered by id.' })
  async members(@Root() family: FamilyView, @Ctx() { loaders }: AtlasContext): Promise<IndividualView[]> {
    return loaders.familyMembers.load({ familyId: family.id, versionId: family.versionId });
  }
}
