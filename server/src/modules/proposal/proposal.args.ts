import 'reflect-metadata';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { NOTE_MAX_LENGTH } from '../../domain/proposal-workflow.js';
import { ProgramCode } from '../program/program.enums.js';
import { GroundCheckOutcome, ProposalDecision, ProposalKind, ProposalPath, ProposalStatus } from './proposal.enums.js';
import { PROPOSALS_DEFAULT_PAGE, PROPOSALS_MAX_PAGE } from './proposal.logic.js';

const NOTE = `Free text, at most ${NOTE_MAX_LENGTH} characters (berita acara number, letters, reason ...).`;

@InputType('SubmitProposalInput', { description: 'A new proposal on a DTSEN update path.' })
export class SubmitProposalInput {
  @Field(() => ProposalKind, { description: 'Kind of proposal.' })
  kind!: ProposalKind;

  @Field(() => ProposalPath, { description: 'Update path it comes through; FORMAL needs the berita acara of the Musdes/Muskel in `note`.' })
  path!: ProposalPath;

  @Field(() => Int, { description: 'The family concerned: the proposer\'s family, or the reported family for a sanggah.' })
  familyId!: number;

  @Field(() => ProgramCode, {
    nullable: true,
    description: 'Program concerned: optional for USULAN, required for SANGGAH, none for DESIL_UPDATE, PBI_JKN (default) for PBI_REACTIVATION.',
  })
  programCode?: ProgramCode | null;

  @Field(() => ID, {
    nullable: true,
    description: "Village (desa/kelurahan) where it is submitted; defaults to the family's village in the latest published version.",
  })
  villageCode?: string | null;

  @Field(() => String, { nullable: true, description: `${NOTE} Required on the FORMAL path and for PBI_REACTIVATION (the letters).` })
  note?: string | null;
}

@ArgsType()
export class SubmitProposalArgs {
  @Field(() => SubmitProposalInput, { description: 'The proposal to submit.' })
  input!: SubmitProposalInput;
}

@ArgsType()
export class ProposalArgs {
  @Field(() => Int, { description: 'Surrogate key of the proposal.' })
  id!: number;
}

@ArgsType()
export class VerifyProposalArgs extends ProposalArgs {
  @Field(() => String, { nullable: true, description: NOTE })
  note?: string | null;
}

@ArgsType()
export class RecordGroundCheckArgs extends ProposalArgs {
  @Field(() => GroundCheckOutcome, { description: 'What the ground check (SIKS-MA) found about the family concerned.' })
  outcome!: GroundCheckOutcome;

  @Field(() => String, { nullable: true, description: NOTE })
  note?: string | null;
}

@ArgsType()
export class DecideProposalArgs extends ProposalArgs {
  @Field(() => ProposalDecision, { description: 'The decision.' })
  decision!: ProposalDecision;

  @Field(() => String, { nullable: true, description: NOTE })
  note?: string | null;
}

@InputType('ProposalFilter', { description: 'Conditions a proposal must meet (all of them).' })
export class ProposalFilter {
  @Field(() => ID, { nullable: true, description: 'Submitted in this region, at any level ("ID" = everywhere).' })
  regionCode?: string | null;

  @Field(() => ProposalKind, { nullable: true, description: 'Of this kind.' })
  kind?: ProposalKind | null;

  @Field(() => ProposalPath, { nullable: true, description: 'Through this path.' })
  path?: ProposalPath | null;

  @Field(() => ProposalStatus, { nullable: true, description: 'Currently in this status.' })
  status?: ProposalStatus | null;

  @Field(() => ProgramCode, { nullable: true, description: 'About this program.' })
  programCode?: ProgramCode | null;

  @Field(() => Int, { nullable: true, description: 'Submitted while this version was in force.' })
  submittedVersionId?: number | null;
}

@ArgsType()
export class ProposalsArgs {
  @Field(() => ProposalFilter, { nullable: true, description: 'Conditions; all proposals when omitted.' })
  filter?: ProposalFilter | null;

  @Field(() => Int, { defaultValue: PROPOSALS_DEFAULT_PAGE, description: `Page size, 1 to ${PROPOSALS_MAX_PAGE}.` })
  first!: number;

  @Field(() => String, { nullable: true, description: 'Cursor of the proposal after which the page starts (its endCursor).' })
  after?: string | null;
}
