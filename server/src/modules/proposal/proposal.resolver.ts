import 'reflect-metadata';
import { Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AtlasContext } from '../../graphql/context.js';
import { assertRegionInScope } from '../auth/auth-checker.js';
import { assertFamilyInScope } from '../family/family.scope.js';
import { Family, type FamilyView } from '../family/family.type.js';
import { Region, type RegionView } from '../region/region.type.js';
import { DecideProposalArgs, ProposalArgs, ProposalsArgs, RecordGroundCheckArgs, SubmitProposalArgs, VerifyProposalArgs } from './proposal.args.js';
import { GroundCheckOutcome } from './proposal.enums.js';
import { Proposal, ProposalConnection, ProposalStatusChange, type ProposalConnectionView, type ProposalStatusChangeView, type ProposalView } from './proposal.type.js';

@Resolver(() => Proposal)
export class ProposalResolver {
  @Authorized('PROPOSALS_READ')
  @Query(() => Proposal, {
    nullable: true,
    description:
      'A proposal on a DTSEN update path; null when unknown. Needs PROPOSALS_READ; a user limited to a region gets ' +
      'FORBIDDEN OUT_OF_SCOPE for a proposal submitted outside it.',
  })
  async proposal(@Args(() => ProposalArgs) { id }: ProposalArgs, @Ctx() { services, principal }: AtlasContext): Promise<ProposalView | null> {
    const proposal = await services.proposal.getProposal(id);
    if (proposal) assertRegionInScope(principal, proposal.villageCode);
    return proposal;
  }

  @Authorized('PROPOSALS_READ')
  @Query(() => ProposalConnection, {
    description:
      'Proposals matching a filter, a page at a time in id order, with their total count. Needs PROPOSALS_READ, and ' +
      '`filter.regionCode` inside the region of a user limited to one.',
  })
  async proposals(@Args(() => ProposalsArgs) { filter, first, after }: ProposalsArgs, @Ctx() { services }: AtlasContext): Promise<ProposalConnectionView> {
    return services.proposal.listProposals(filter, first, after);
  }

  @Authorized('PROPOSALS_WRITE')
  @Mutation(() => Proposal, {
    description:
      'Submits a proposal (status SUBMITTED) at the latest published version. CONFLICT DUPLICATE_OPEN_PROPOSAL when the ' +
      'family has an open one of the same kind and program. Needs PROPOSALS_WRITE; for a user limited to a region, the ' +
      'family and the village must lie inside it (FORBIDDEN OUT_OF_SCOPE). Logged.',
  })
  async submitProposal(@Args(() => SubmitProposalArgs) { input }: SubmitProposalArgs, @Ctx() { services, principal }: AtlasContext): Promise<ProposalView> {
    return services.proposal.submit(input, principal);
  }

  @Authorized('PROPOSALS_WRITE')
  @Mutation(() => Proposal, { description: 'Records that a SUBMITTED proposal passed central verification (VERIFIED). CONFLICT INVALID_TRANSITION from any other status. Needs PROPOSALS_WRITE and the proposal inside the caller\'s region; logged.' })
  async verifyProposal(@Args(() => VerifyProposalArgs) { id, note }: VerifyProposalArgs, @Ctx() { services, principal }: AtlasContext): Promise<ProposalView> {
    return services.proposal.verify(id, note, principal);
  }

  @Authorized('PROPOSALS_WRITE')
  @Mutation(() => Proposal, { description: 'Records the ground check (SIKS-MA) of a VERIFIED proposal (GROUND_CHECKED). CONFLICT INVALID_TRANSITION from any other status. Needs PROPOSALS_WRITE and the proposal inside the caller\'s region; logged.' })
  async recordGroundCheck(@Args(() => RecordGroundCheckArgs) { id, outcome, note }: RecordGroundCheckArgs, @Ctx() { services, principal }: AtlasContext): Promise<ProposalView> {
    return services.proposal.recordGroundCheck(id, outcome, note, principal);
  }

  @Authorized('PROPOSALS_WRITE')
  @Mutation(() => Proposal, {
    description:
      'Decides a GROUND_CHECKED proposal (APPROVED or REJECTED) or rejects a SUBMITTED one at verification. CONFLICT ' +
      'INVALID_TRANSITION from any other status (also for the loser of two concurrent decisions), ' +
      'GROUND_CHECK_CONTRADICTS_APPROVAL when approving against the ground check. Needs PROPOSALS_WRITE and the proposal ' +
      "inside the caller's region; logged.",
  })
  async decideProposal(@Args(() => DecideProposalArgs) { id, decision, note }: DecideProposalArgs, @Ctx() { services, principal }: AtlasContext): Promise<ProposalView> {
    return services.proposal.decide(id, decision, note, principal);
  }

  @FieldResolver(() => [ProposalStatusChange], { description: 'Status history, oldest first (the first step is SUBMITTED).' })
  async history(@Root() proposal: ProposalView, @Ctx() { loaders }: AtlasContext): Promise<ProposalStatusChangeView[]> {
    return loaders.proposalHistory.load(proposal.id);
  }

  @FieldResolver(() => GroundCheckOutcome, { nullable: true, description: 'What its ground check found; null before the ground check or when not recorded.' })
  async groundCheckOutcome(@Root() proposal: ProposalView, @Ctx() { loaders }: AtlasContext): Promise<GroundCheckOutcome | null> {
    const history = await loaders.proposalHistory.load(proposal.id);
    return history.findLast((step) => step.status === 'GROUND_CHECKED')?.groundCheckOutcome ?? null;
  }

  @FieldResolver(() => Region, { description: 'The village (desa/kelurahan) where it was submitted.' })
  async village(@Root() proposal: ProposalView, @Ctx() { loaders }: AtlasContext): Promise<RegionView> {
    const region = await loaders.regionByCode.load(proposal.villageCode);
    if (!region) throw new Error(`Proposal ${proposal.id} refers to unknown village ${proposal.villageCode}`);
    return region;
  }

  @Authorized('PERSON_ROWS')
  @FieldResolver(() => Family, {
    nullable: true,
    description:
      'The family concerned, as of the version the proposal was submitted in. Person-level: needs PERSON_ROWS (null with ' +
      'a FORBIDDEN error otherwise) and a family inside the region of a user limited to one; every read is logged.',
  })
  async family(@Root() proposal: ProposalView, @Ctx() ctx: AtlasContext): Promise<FamilyView> {
    const family = await ctx.loaders.familyById.load({ familyId: proposal.familyId, versionId: proposal.submittedVersionId });
    if (!family) throw new Error(`Proposal ${proposal.id} refers to unknown family ${proposal.familyId}`);
    await assertFamilyInScope(ctx, family);
    return family;
  }
}
