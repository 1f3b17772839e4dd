import 'reflect-metadata';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../graphql/relay.js';
import { ProgramCode } from '../program/program.enums.js';
import { GroundCheckOutcome, ProposalKind, ProposalPath, ProposalStatus } from './proposal.enums.js';

/** A proposal as the service hands it to the API. */
export interface ProposalView {
  id: number;
  kind: ProposalKind;
  path: ProposalPath;
  status: ProposalStatus;
  familyId: number;
  programCode: ProgramCode | null;
  villageCode: string;
  regencyCode: string;
  submittedVersionId: number;
  submittedAt: Date;
  decidedAt: Date | null;
}

/** One row of a proposal's status history (the ground-check outcome on the GROUND_CHECKED row). */
export interface ProposalStatusChangeView {
  id: number;
  proposalId: number;
  status: ProposalStatus;
  at: Date;
  note: string | null;
  groundCheckOutcome: GroundCheckOutcome | null;
}

/** A page of proposals (Relay connection) as the service hands it to the API. */
export interface ProposalConnectionView {
  edges: { cursor: string; node: ProposalView }[];
  pageInfo: PageInfo;
  totalCount: number;
}

@ObjectType('Proposal', {
  description:
    'A proposal on a DTSEN update path: usulan, sanggah, desil update or PBI reactivation, through the formal ' +
    '(Musdes/Muskel, SIKS-NG) or the participatory (Cek Bansos) path, with its status and history.',
})
export class Proposal implements Omit<ProposalView, 'familyId'> {
  @Field(() => Int, { description: 'Surrogate key of the proposal.' })
  id!: number;

  @Field(() => ProposalKind, { description: 'Kind of proposal.' })
  kind!: ProposalKind;

  @Field(() => ProposalPath, { description: 'Update path it came through.' })
  path!: ProposalPath;

  @Field(() => ProposalStatus, { description: 'Current status.' })
  status!: ProposalStatus;

  @Field(() => ProgramCode, { nullable: true, description: 'Program the proposal is about; null when none (a desil update, an usulan for registration only).' })
  programCode!: ProgramCode | null;

  @Field(() => ID, { description: 'Kemendagri code of the village (desa/kelurahan) where it was submitted.' })
  villageCode!: string;

  @Field(() => ID, { description: 'Kemendagri code of the kabupaten/kota of that village.' })
  regencyCode!: string;

  @Field(() => Int, {
    description:
      'DTSEN version the proposal belongs to: the version being prepared when it was submitted (the next draft, whose ' +
      'publication counts it in the proposals funnel), or the latest published version when no draft existed.',
  })
  submittedVersionId!: number;

  @Field(() => GraphQLDateTimeISO, { description: 'Submission time.' })
  submittedAt!: Date;

  @Field(() => GraphQLDateTimeISO, { nullable: true, description: 'Decision time (APPROVED or REJECTED); null while open.' })
  decidedAt!: Date | null;
}

@ObjectType('ProposalStatusChange', { description: "One step of a proposal's status history." })
export class ProposalStatusChange implements Omit<ProposalStatusChangeView, 'id' | 'proposalId'> {
  @Field(() => ProposalStatus, { description: 'Status entered.' })
  status!: ProposalStatus;

  @Field(() => GraphQLDateTimeISO, { description: 'When the status was entered.' })
  at!: Date;

  @Field(() => String, { nullable: true, description: 'Free-text note (berita acara number, letters, reason ...); null when none.' })
  note!: string | null;

  @Field(() => GroundCheckOutcome, {
    nullable: true,
    description: 'For the GROUND_CHECKED step: what the ground check found; null on other steps or when not recorded.',
  })
  groundCheckOutcome!: GroundCheckOutcome | null;
}

@ObjectType('ProposalEdge', { description: 'A proposal in a page of proposals, with its cursor.' })
export class ProposalEdge {
  @Field(() => String, { description: 'Opaque cursor of this proposal; pass it as `after` to continue after it.' })
  cursor!: string;

  @Field(() => Proposal, { description: 'The proposal.' })
  node!: ProposalView;
}

@ObjectType('ProposalConnection', { description: 'A page of proposals ordered by id (Relay cursor connection), with the total count.' })
export class ProposalConnection implements ProposalConnectionView {
  @Field(() => [ProposalEdge], { description: 'The proposals of this page, in id order.' })
  edges!: ProposalEdge[];

  @Field(() => PageInfo, { description: 'Where this page lies in the whole result.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Number of proposals matching the filter (all pages), counted in the database.' })
  totalCount!: number;
}
