import 'reflect-metadata';
import { Args, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { AtlasContext } from '../../graphql/context.js';
import { Proposal, type ProposalView } from '../proposal/proposal.type.js';
import { Region, type RegionView } from '../region/region.type.js';
import { FamiliesArgs, FamilyArgs, FamilyMembersArgs } from './family.args.js';
import { familyTargeting, holdsAt } from './family.logic.js';
import { assertFamilyInScope } from './family.scope.js';
import {
  Enrollment,
  ExclusionFlag,
  Family,
  FamilyConnection,
  FamilyProgramTargeting,
  FamilyState,
  Individual,
  type EnrollmentView,
  type ExclusionFlagView,
  type FamilyConnectionView,
  type FamilyProgramTargetingView,
  type FamilyStateView,
  type FamilyView,
  type IndividualView,
} from './family.type.js';

@Resolver(() => Family)
export class FamilyResolver {
  @Authorized('PERSON_ROWS')
  @Query(() => Family, {
    nullable: true,
    description:
      'A family as of a version (default: latest published); null when the family is unknown. Needs PERSON_ROWS; a ' +
      'user limited to a region gets FORBIDDEN OUT_OF_SCOPE for a family living outside it. Every read is logged.',
  })
  async family(@Args(() => FamilyArgs) { id, versionId }: FamilyArgs, @Ctx() ctx: AtlasContext): Promise<FamilyView | null> {
    const family = await ctx.services.family.getFamily(id, versionId);
    if (family) await assertFamilyInScope(ctx, family);
    return family;
  }

  @Authorized('PERSON_ROWS')
  @Query(() => FamilyConnection, {
    description:
      'The families in DTSEN at a version (default: latest published; a family state in force), filtered, ordered by ' +
      'family id and paginated with opaque cursors (Relay): `first`/`after` forwards, `last`/`before` backwards. Needs ' +
      'PERSON_ROWS, and `filter.regionCode` inside the region of a user limited to one. Every read is logged.',
  })
  async families(@Args(() => FamiliesArgs) args: FamiliesArgs, @Ctx() { services }: AtlasContext): Promise<FamilyConnectionView> {
    return services.family.listFamilies(args);
  }

  @Authorized('CLEAR_IDENTIFIERS')
  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Family-card number (KK) in clear. Needs CLEAR_IDENTIFIERS (FORBIDDEN otherwise: use `kkMasked`); each read is ' +
      'logged as a clear read.',
  })
  async kk(@Root() family: FamilyView, @Ctx() { loaders }: AtlasContext): Promise<string | null> {
    return loaders.familyClearKk.load(family.id);
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

  @FieldResolver(() => [Individual], {
    description: 'Members on the family card in the version (or, with `all`, everyone ever on it), ordered by id.',
  })
  async members(
    @Root() family: FamilyView,
    @Args(() => FamilyMembersArgs) { all }: FamilyMembersArgs,
    @Ctx() { loaders }: AtlasContext,
  ): Promise<IndividualView[]> {
    return all ? loaders.familyAllMembers.load(family.id) : loaders.familyMembers.load({ familyId: family.id, versionId: family.versionId });
  }

  @FieldResolver(() => [FamilyState], {
    description: "The family's states across versions (its history), ordered by the version each became valid.",
  })
  async history(@Root() family: FamilyView, @Ctx() { loaders }: AtlasContext): Promise<FamilyStateView[]> {
    return loaders.familyHistory.load(family.id);
  }

  @FieldResolver(() => [Enrollment], {
    description: 'Every program membership of the family or its people, in any version, ordered by start version.',
  })
  async enrollments(@Root() family: FamilyView, @Ctx() { loaders }: AtlasContext): Promise<EnrollmentView[]> {
    const rows = await loaders.familyEnrollments.load(family.id);
    return rows.map((e) => ({ ...e, activeAtVersion: holdsAt(e.startVersionId, e.endVersionId, family.versionId) }));
  }

  @FieldResolver(() => [ExclusionFlag], {
    description: "Every exclusion flag of the family's people (current or former members), in any version.",
  })
  async exclusionFlags(@Root() family: FamilyView, @Ctx() { loaders }: AtlasContext): Promise<ExclusionFlagView[]> {
    const rows = await loaders.familyFlags.load(family.id);
    return rows.map((f) => ({ ...f, inForceAtVersion: holdsAt(f.observedVersionId, f.clearedVersionId, family.versionId) }));
  }

  @FieldResolver(() => [Proposal], {
    description: 'Proposals concerning the family (usulan, sanggah, desil update, PBI reactivation) with their current status, by id.',
  })
  async proposals(@Root() family: FamilyView, @Ctx() { loaders }: AtlasContext): Promise<ProposalView[]> {
    return loaders.familyProposals.load(family.id);
  }

  @FieldResolver(() => [FamilyProgramTargeting], {
    description:
      "The family's targeting class per program at the version, classified by the targeting rules from the same facts " +
      'as the targeting rollups (desil, membership, exclusion criteria, ground check, target group).',
  })
  async targeting(@Root() family: FamilyView, @Ctx() { loaders }: AtlasContext): Promise<FamilyProgramTargetingView[]> {
    const [year, state, individuals, enrollments, flags] = await Promise.all([
      loaders.versionYear.load(family.versionId),
      loaders.familyState.load({ familyId: family.id, versionId: family.versionId }),
      loaders.familyAllMembers.load(family.id),
      loaders.familyEnrollments.load(family.id),
      loaders.familyFlags.load(family.id),
    ]);
    if (year === null) throw new Error(`Family ${family.id} was requested in unknown version ${family.versionId}`);
    const programs = familyTargeting({
      versionId: family.versionId,
      year,
      state,
      individuals,
      enrollments: enrollments.map((e) => ({ ...e, programCode: e.program.code })),
      flags,
    });
    return programs.map((p) => ({
      programCode: p.programCode,
      unit: p.unit,
      classes: p.classes,
      units: p.units.map((u) => ({ individualId: u.individualId, targetingClass: u.class, cause: u.cause, ...u.facts })),
    }));
  }
}

@Resolver(() => Individual)
export class IndividualResolver {
  @Authorized('CLEAR_IDENTIFIERS')
  @FieldResolver(() => String, {
    nullable: true,
    description: 'National identity number (NIK) in clear. Needs CLEAR_IDENTIFIERS (FORBIDDEN otherwise: use `nikMasked`); logged.',
  })
  async nik(@Root() person: IndividualView, @Ctx() { loaders }: AtlasContext): Promise<string | null> {
    return (await loaders.individualClearIdentity.load(person.id))?.nik ?? null;
  }

  @Authorized('CLEAR_IDENTIFIERS')
  @FieldResolver(() => String, {
    nullable: true,
    description: 'Full name in clear. Needs CLEAR_IDENTIFIERS (FORBIDDEN otherwise: use `nameMasked`); logged.',
  })
  async name(@Root() person: IndividualView, @Ctx() { loaders }: AtlasContext): Promise<string | null> {
    return (await loaders.individualClearIdentity.load(person.id))?.name ?? null;
  }
}

@Resolver(() => FamilyConnection)
export class FamilyConnectionResolver {
  @FieldResolver(() => Int, {
    description:
      'Number of families matching the filter at the version, across all pages (counted in the database; read from ' +
      'the desil rollup when only region and desil are filtered).',
  })
  async totalCount(@Root() connection: FamilyConnectionView, @Ctx() { services }: AtlasContext): Promise<number> {
    return services.family.countFamilies(connection);
  }
}

@Resolver(() => FamilyState)
export class FamilyStateResolver {
  @FieldResolver(() => Region, { description: 'Village (desa/kelurahan) the family lived in while this state was in force.' })
  async region(@Root() state: FamilyStateView, @Ctx() { loaders }: AtlasContext): Promise<RegionView> {
    const region = await loaders.regionByCode.load(state.villageCode);
    if (!region) throw new Error(`Family state of family ${state.familyId} refers to unknown village ${state.villageCode}`);
    return region;
  }
}
