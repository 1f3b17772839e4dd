import 'reflect-metadata';
import { Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AtlasContext } from '../../graphql/context.js';
import { Family, type FamilyView } from '../family/family.type.js';
import { Region, type RegionView } from '../region/region.type.js';
import { DecideProposalArgs, ProposalArgs, ProposalsArgs, RecordGroundCheckArgs, SubmitProposalArgs, VerifyProposalArgs } from './proposal.args.js';
import { GroundCheckOutcome } from './proposal.enums.js';
import { Proposal, ProposalConnection, ProposalStatusChange, type ProposalConnectionView, type ProposalStatusChangeView, type ProposalView } from './proposal.type.js';

@Resolver(() => Proposal)
export class ProposalResolver {
  @Query(() => Proposal, { nullable: true, description: 'A proposal on a DTSEN update path; null when unknown.' })
  async proposal(@Args(() => ProposalArgs) { id }: ProposalArgs, @Ctx() { services }: AtlasContext): Promise<ProposalView | null> {
    return services.proposal.getProposal(id);
  }

  @Query(() => ProposalConnection, { description: 'Proposals matching a filter, a page at a time in id order, with their total count.' })
  async proposals(@Args(() => ProposalsArgs) { filter, first, after }: ProposalsArgs, @Ctx() { services }: AtlasContext): Promise<ProposalConnectionView> {
    return services.proposal.listProposals(filter, first, after);
  }

  @Mutation(() => Proposal, {
    description: 'Submits a proposal (status SUBMITTED) at the latest published version. CONFLICT DUPLICATE_OPEN_PROPOSAL when the family has an open one of the same kind and program.',
  })
  async submitProposal(@Args(() => SubmitProposalArgs) { input }: SubmitProposalArgs, @Ctx() { services }: AtlasContext): Promise<ProposalView> {
    return services.proposal.submit(input);
  }

  @Mutation(() => Proposal, { description: 'Records that a SUBMITTED proposal passed central verification (VERIFIED). CONFLICT INVALID_TRANSITION from any other status.' })
  async verifyProposal(@Args(() => VerifyProposalArgs) { id, note }: VerifyProposalArgs, @Ctx() { services }: AtlasContext): Promise<ProposalView> {
    return services.proposal.verify(id, note);
  }

  @Mutation(() => Proposal, { description: 'Records the ground check (SIKS-MA) of a VERIFIED proposal (GROUND_CHECKED). CONFLICT INVALID_TRANSITION from any other status.' })
  async recordGroundCheck(@Args(() => RecordGroundCheckArgs) { id, outcome, note }: RecordGroundCheckArgs, @Ctx() { services }: AtlasContext): Promise<ProposalView> {
    return services.proposal.recordGroundCheck(id, outcome, note);
  }

  @Mutation(() => Proposal, {
    description:
      'Decides a GROUND_CHECKED proposal (APPROVED or REJECTED) or rejects a SUBMITTED one at verification. CONFLICT ' +
      'INVALID_TRANSITION from any other status (also for the loser of two concurrent decisions), ' +
      'GROUND_CHECK_CONTRADICTS_APPROVAL when approving against the ground check.',
  })
  async decideProposal(@Args(() => DecideProposalArgs) { id, decision, note }: DecideProposalArgs, @Ctx() { services }: AtlasContext): Promise<ProposalView> {
    return services.proposal.decide(id, decision, note);
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

  @FieldResolver(() => Family, { description: 'The family concerned, as of the version the proposal was submitted in.' })
  async family(@Root() proposal: ProposalView, @Ctx() { loaders }: AtlasContext): Promise<FamilyView> {
    const family = await loaders.familyById.load({ familyId: proposal.familyId, versionId: proposal.submittedVersionId });
    if (!family) throw new Error(`Proposal ${proposal.id} refers to unknown family ${proposal.familyId}`);
    return family;
  }
}
