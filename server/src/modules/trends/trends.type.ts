import 'reflect-metadata';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { SmallCellField, SuppressedFields } from '../../graphql/small-cells.js';
import { ProgramCode } from '../program/program.enums.js';
import { Region, type RegionView } from '../region/region.type.js';
import { DtsenVersion, type VersionView } from '../version/version.type.js';
import { ProposalKind, ProposalPath, ProposalStatus } from '../proposal/proposal.enums.js';
import type { TransitionsSummaryView } from './trends.logic.js';
import {
  ChurnCategory, ChurnDirection, ChurnReason, CoverageSource, PbiReactivationCondition, ProposalFunnelGroupBy, TransitionSource,
} from './trends.enums.js';

// ---------------------------------------------------------------------------------------------------------------
// Coverage trend

@ObjectType('InclusionCauseCount', { description: 'Inclusion errors of one cause.' })
export class InclusionCauseCount {
  @Field(() => String, {
    description: 'Inclusion cause: OUTSIDE_DTSEN, an exclusion criterion code, NOT_IN_TARGET_GROUP or DESIL_ABOVE_RANGE.',
  })
  cause!: string;

  @SmallCellField(() => Int, { description: 'Units (families or individuals, by the program) with this cause.' })
  units!: number;

  @SuppressedFields()
  suppressed?: string[];
}

export interface CoveragePointGql {
  version: VersionView;
  eligible: number;
  recipients: number;
  eligibleRecipients: number;
  inclusionErrors: number;
  exclusionErrors: number;
  pendingGroundCheck: number;
  coverage: number;
  leakage: number;
  inclusionErrorsByCause: InclusionCauseCount[];
}

@ObjectType('CoveragePoint', { description: "A program's targeting in a region at one published version." })
export class CoveragePoint implements CoveragePointGql {
  @Field(() => DtsenVersion, { description: 'The version.' })
  version!: VersionView;

  @SmallCellField(() => Int, { description: 'Eligible units (in DTSEN, desil in range, no exclusion criterion, in the target group), recipients or not.' })
  eligible!: number;

  @SmallCellField(() => Int, { description: 'Recipients: eligible recipients + inclusion errors + pending ground checks.' })
  recipients!: number;

  @SmallCellField(() => Int, { description: 'Eligible recipients (correct recipients).' })
  eligibleRecipients!: number;

  @SmallCellField(() => Int, { description: 'Inclusion errors: recipients who should not receive (outside DTSEN, excluded, not in the target group, or desil above range after a ground check).' })
  inclusionErrors!: number;

  @SmallCellField(() => Int, { description: 'Exclusion errors: eligible units that do not receive.' })
  exclusionErrors!: number;

  @SmallCellField(() => Int, { description: 'Recipients whose desil is above range, not yet ground-checked: they keep the benefit until the check.' })
  pendingGroundCheck!: number;

  @SmallCellField(() => Float, { of: ['eligibleRecipients', 'eligible'], description: 'Coverage: eligible recipients / eligible units (0 when none is eligible).' })
  coverage!: number;

  @SmallCellField(() => Float, { of: ['inclusionErrors', 'pendingGroundCheck', 'recipients'], description: 'Leakage: ineligible recipients (inclusion errors + pending ground checks) / recipients (0 when none receives).' })
  leakage!: number;

  @Field(() => [InclusionCauseCount], { description: 'Inclusion errors per (first) cause, largest first; causes with no units are absent.' })
  inclusionErrorsByCause!: InclusionCauseCount[];

  @SuppressedFields()
  suppressed?: string[];
}

export interface CoverageTrendGql {
  region: RegionView;
  programCode: ProgramCode;
  source: CoverageSource;
  points: CoveragePointGql[];
}

@ObjectType('CoverageTrend', { description: "A program's coverage, leakage and targeting errors in a region across published versions." })
export class CoverageTrend implements CoverageTrendGql {
  @Field(() => Region, { description: 'The region (any level).' })
  region!: RegionView;

  @Field(() => ProgramCode, { description: 'The program; units are families for PKH and SEMBAKO, individuals for the others.' })
  programCode!: ProgramCode;

  @Field(() => CoverageSource, { description: 'Rollup the points were read from (depends on the region level).' })
  source!: CoverageSource;

  @Field(() => [CoveragePoint], { description: 'One point per published version in the range, in version order.' })
  points!: CoveragePointGql[];
}

// ---------------------------------------------------------------------------------------------------------------
// Churn

@ObjectType('ChurnFlow', { description: 'Units entering or leaving a program for one reason.' })
export class ChurnFlow {
  @Field(() => ChurnDirection, { description: 'Entry or exit.' })
  direction!: ChurnDirection;

  @Field(() => ChurnReason, { description: 'Start reason (entries) or end reason (exits) of the memberships.' })
  reason!: ChurnReason;

  @Field(() => ChurnCategory, { description: 'Category the reason is reported under.' })
  category!: ChurnCategory;

  @SmallCellField(() => Int, { description: 'Memberships (units: families or individuals, by the program).' })
  units!: number;

  @SuppressedFields()
  suppressed?: string[];
}

export interface ChurnStepGql {
  fromVersion: VersionView;
  toVersion: VersionView;
  entries: ChurnFlow[];
  exits: ChurnFlow[];
  totalEntries: number;
  totalExits: number;
}

@ObjectType('ChurnStep', { description: 'Entries and exits between two consecutive versions.' })
export class ChurnStep implements ChurnStepGql {
  @Field(() => DtsenVersion, { description: 'The earlier version.' })
  fromVersion!: VersionView;

  @Field(() => DtsenVersion, { description: 'The later version.' })
  toVersion!: VersionView;

  @Field(() => [ChurnFlow], { description: 'Entries per start reason, largest first.' })
  entries!: ChurnFlow[];

  @Field(() => [ChurnFlow], { description: 'Exits per end reason, largest first.' })
  exits!: ChurnFlow[];

  @SmallCellField(() => Int, { description: 'All entries of the step.' })
  totalEntries!: number;

  @SmallCellField(() => Int, { description: 'All exits of the step.' })
  totalExits!: number;

  @SuppressedFields()
  suppressed?: string[];
}

export interface ChurnGql extends ChurnStepGql {
  region: RegionView;
  programCode: ProgramCode;
  recipientsAtFrom: number;
  recipientsAtTo: number;
  netChange: number;
  otherChange: number;
  steps: ChurnStepGql[];
}

@ObjectType('Churn', {
  description:
    'Program entries and exits in a region between two versions: the flows of every step in (from, to], with reasons, '
    + 'and the recipients at both ends. A unit counts in the region of its family\'s village in the version it entered, '
    + 'or in the version before it left.',
})
export class Churn extends ChurnStep implements ChurnGql {
  @Field(() => Region, { description: 'The region (any level).' })
  region!: RegionView;

  @Field(() => ProgramCode, { description: 'The program.' })
  programCode!: ProgramCode;

  @SmallCellField(() => Int, { description: 'Recipients (units) at the from-version.' })
  recipientsAtFrom!: number;

  @SmallCellField(() => Int, { description: 'Recipients (units) at the to-version.' })
  recipientsAtTo!: number;

  @SmallCellField(() => Int, { of: ['recipientsAtFrom', 'recipientsAtTo'], description: 'recipientsAtTo - recipientsAtFrom.' })
  netChange!: number;

  @SmallCellField(() => Int, {
    of: ['otherChange', 'recipientsAtFrom', 'recipientsAtTo', 'totalEntries', 'totalExits'],
    description:
      'Change in recipients not explained by entries and exits: netChange - (totalEntries - totalExits), i.e. recipients '
      + 'whose family moved across the region\'s border while staying in the program (always 0 for the nation).',
  })
  otherChange!: number;

  @Field(() => [ChurnStep], { description: 'One step per version in (from, to], in order.' })
  steps!: ChurnStepGql[];
}

// ---------------------------------------------------------------------------------------------------------------
// Desil transitions

@ObjectType('DesilTransitionCell', { description: 'Families moving from one desil to another between two versions.' })
export class DesilTransitionCell {
  @Field(() => Int, { description: 'Desil at the from-version; 0 = not in DTSEN then (entered the registry).' })
  fromDesil!: number;

  @Field(() => Int, { description: 'Desil at the to-version; 0 = not in DTSEN then (left the registry).' })
  toDesil!: number;

  @SmallCellField(() => Int, { description: 'Number of families.' })
  families!: number;

  @SmallCellField(() => Float, { of: ['families'], description: 'Share of the row: families / families in `fromDesil` at the from-version (0 for an empty row).' })
  share!: number;

  @SuppressedFields()
  suppressed?: string[];
}

@ObjectType('DesilTransitionRowTotal', { description: 'Families in one desil at the from-version, wherever they went.' })
export class DesilTransitionRowTotal {
  @Field(() => Int, { description: 'Desil at the from-version (0 = not in DTSEN then).' })
  fromDesil!: number;

  @SmallCellField(() => Int, { description: 'Number of families.' })
  families!: number;

  @SuppressedFields()
  suppressed?: string[];
}

/** The transition summary (`summarizeTransitions`) of a region between two versions, and where it was read from. */
export interface DesilTransitionsGql extends TransitionsSummaryView {
  region: RegionView;
  fromVersion: VersionView;
  toVersion: VersionView;
  source: TransitionSource;
}

@ObjectType('DesilTransitions', {
  description:
    'Desil transition matrix of families between two versions in a region. A family counts in the region of its DTSEN '
    + 'state at the from-version, else (it entered the registry) at the to-version.',
})
export class DesilTransitions implements DesilTransitionsGql {
  @Field(() => Region, { description: 'The region (any level).' })
  region!: RegionView;

  @Field(() => DtsenVersion, { description: 'The earlier version.' })
  fromVersion!: VersionView;

  @Field(() => DtsenVersion, { description: 'The later version.' })
  toVersion!: VersionView;

  @Field(() => TransitionSource, { description: 'Read from the rollup or counted on the base tables.' })
  source!: TransitionSource;

  @Field(() => [DesilTransitionCell], {
    description: 'Every (fromDesil, toDesil) pair of 0..10 except (0, 0) (never counted), zeros included, by fromDesil then toDesil.',
  })
  cells!: DesilTransitionCell[];

  @Field(() => [DesilTransitionRowTotal], { description: 'Families per desil at the from-version, 0 to 10.' })
  rowTotals!: DesilTransitionRowTotal[];

  @SmallCellField(() => Int, { description: 'All families counted (in DTSEN at either version).' })
  total!: number;

  @SmallCellField(() => Int, { description: 'Families in DTSEN at both versions (the base of the shares below).' })
  inBoth!: number;

  @SmallCellField(() => Int, { description: 'Families in the same desil at both versions.' })
  stayed!: number;

  @SmallCellField(() => Int, { description: 'Families moving up: a higher desil (better off) at the to-version.' })
  movedUp!: number;

  @SmallCellField(() => Int, { description: 'Families moving down: a lower desil (poorer) at the to-version.' })
  movedDown!: number;

  @SmallCellField(() => Int, { description: 'Families entering DTSEN (not in it at the from-version).' })
  entered!: number;

  @SmallCellField(() => Int, { description: 'Families leaving DTSEN (not in it at the to-version).' })
  left!: number;

  @SmallCellField(() => Float, { of: ['stayed', 'inBoth'], description: 'stayed / inBoth (0 when inBoth is 0).' })
  stayedShare!: number;

  @SmallCellField(() => Float, { of: ['movedUp', 'inBoth'], description: 'movedUp / inBoth (0 when inBoth is 0).' })
  movedUpShare!: number;

  @SmallCellField(() => Float, { of: ['movedDown', 'inBoth'], description: 'movedDown / inBoth (0 when inBoth is 0).' })
  movedDownShare!: number;

  @SuppressedFields()
  suppressed?: string[];
}

// ---------------------------------------------------------------------------------------------------------------
// Program overlap

@ObjectType('DesilFamilies', { description: 'Families of one desil.' })
export class DesilFamilies {
  @Field(() => Int, { description: 'Desil 1-10; 0 = outside DTSEN (recipient families with no DTSEN state).' })
  desil!: number;

  @SmallCellField(() => Int, { description: 'Number of families.' })
  families!: number;

  @SuppressedFields()
  suppressed?: string[];
}

@ObjectType('ProgramCombination', { description: 'Families receiving exactly one combination of programs.' })
export class ProgramCombination {
  @Field(() => Int, { description: 'Bit set of the programs (PKH 1, SEMBAKO 2, PBI_JKN 4, ATENSI 8, PIP 16); 0 = no program.' })
  programMask!: number;

  @Field(() => [ProgramCode], { description: 'The programs received, in program order; empty = none. A family receives an individual program when any member does.' })
  programs!: ProgramCode[];

  @SmallCellField(() => Int, { description: 'Number of families with exactly this combination.' })
  families!: number;

  @SmallCellField(() => Float, { of: ['families'], description: "Share of the region's families (all combinations, none included)." })
  share!: number;

  @Field(() => [DesilFamilies], { description: 'Families per desil 0..10, zeros included.' })
  byDesil!: DesilFamilies[];

  @SuppressedFields()
  suppressed?: string[];
}

export interface ProgramOverlapGql {
  region: RegionView;
  version: VersionView;
  totalFamilies: number;
  combinations: ProgramCombination[];
}

@ObjectType('ProgramOverlap', {
  description: 'Families per combination of programs received and desil, in a region (kecamatan and above) and version.',
})
export class ProgramOverlap implements ProgramOverlapGql {
  @Field(() => Region, { description: 'The region (nation, province, kabupaten/kota or kecamatan).' })
  region!: RegionView;

  @Field(() => DtsenVersion, { description: 'The version.' })
  version!: VersionView;

  @SmallCellField(() => Int, { description: 'DTSEN families plus recipient families outside DTSEN.' })
  totalFamilies!: number;

  @Field(() => [ProgramCombination], { description: 'Combinations present, largest first.' })
  combinations!: ProgramCombination[];

  @SuppressedFields()
  suppressed?: string[];
}

// ---------------------------------------------------------------------------------------------------------------
// Proposal funnel

@ObjectType('ProposalFunnelCell', { description: 'Proposals of one kind, path and status: a rollup row, with its exact median.' })
export class ProposalFunnelCell {
  @Field(() => ProposalKind, { description: 'Kind.' })
  kind!: ProposalKind;

  @Field(() => ProposalPath, { description: 'Update path.' })
  path!: ProposalPath;

  @Field(() => ProposalStatus, { description: 'Current status.' })
  status!: ProposalStatus;

  @SmallCellField(() => Int, { description: 'Number of proposals.' })
  proposals!: number;

  @SmallCellField(() => Float, { of: ['proposals'], description: 'Median days from submission to decision of these proposals; null when none is decided.' })
  medianDaysToDecision!: number | null;

  @SuppressedFields()
  suppressed?: string[];
}

export interface ProposalFunnelGroupGql {
  key: string;
  status: ProposalStatus | null;
  path: ProposalPath | null;
  kind: ProposalKind | null;
  region: RegionView | null;
  proposals: number;
  share: number;
  decidedProposals: number;
  medianDaysToDecision: number | null;
  medianIsExact: boolean;
  cellMedianDaysMin: number | null;
  cellMedianDaysMax: number | null;
}

@ObjectType('ProposalFunnelGroup', {
  description:
    'Proposals of one group (a status, path, kind or sub-region). Counts add up over the rollup cells (kind x path x '
    + 'status); medians do not, see `medianDaysToDecision`.',
})
export class ProposalFunnelGroup implements ProposalFunnelGroupGql {
  @Field(() => String, { description: 'The group key: the status, path, kind or region code.' })
  key!: string;

  @Field(() => ProposalStatus, { nullable: true, description: 'The status, when grouped by STATUS.' })
  status!: ProposalStatus | null;

  @Field(() => ProposalPath, { nullable: true, description: 'The path, when grouped by PATH.' })
  path!: ProposalPath | null;

  @Field(() => ProposalKind, { nullable: true, description: 'The kind, when grouped by KIND.' })
  kind!: ProposalKind | null;

  @Field(() => Region, { nullable: true, description: 'The child region, when grouped by SUB_REGION.' })
  region!: RegionView | null;

  @SmallCellField(() => Int, { description: 'Number of proposals.' })
  proposals!: number;

  @SmallCellField(() => Float, { of: ['proposals'], description: "Share of the region's proposals of the version (0 when there are none)." })
  share!: number;

  @SmallCellField(() => Int, { description: 'Decided proposals (APPROVED or REJECTED): those the median turnaround is about.' })
  decidedProposals!: number;

  @SmallCellField(() => Float, {
    of: ['decidedProposals'],
    description:
      'Median days from submission to decision. The rollup keeps one exact median per (kind, path, status) cell and '
      + 'medians cannot be added: when the group\'s decided proposals lie in one cell (`medianIsExact`) this is that '
      + 'cell\'s exact median; otherwise it is the median of the cell medians weighted by their proposals (the typical '
      + 'cell turnaround), not the median over all the group\'s proposals, which lies between `cellMedianDaysMin` and '
      + '`cellMedianDaysMax`. Null when nothing is decided.',
  })
  medianDaysToDecision!: number | null;

  @Field(() => Boolean, { description: 'True when `medianDaysToDecision` is the exact median of the group (one decided cell, or none).' })
  medianIsExact!: boolean;

  @SmallCellField(() => Float, { of: ['decidedProposals'], description: "Smallest cell median: a lower bound of the group's true median." })
  cellMedianDaysMin!: number | null;

  @SmallCellField(() => Float, { of: ['decidedProposals'], description: "Largest cell median: an upper bound of the group's true median." })
  cellMedianDaysMax!: number | null;

  @SuppressedFields()
  suppressed?: string[];
}

export interface ProposalFunnelGql {
  region: RegionView;
  version: VersionView;
  groupBy: ProposalFunnelGroupBy;
  totalProposals: number;
  groups: ProposalFunnelGroupGql[];
  cells: ProposalFunnelCell[];
}

@ObjectType('ProposalFunnel', {
  description:
    'Proposals (usulan, sanggah, desil updates, PBI reactivations) submitted in a version in a region (kabupaten/kota '
    + 'and above), by status, path, kind or sub-region, with the turnaround from submission to decision.',
})
export class ProposalFunnel implements ProposalFunnelGql {
  @Field(() => Region, { description: 'The region (nation, province or kabupaten/kota).' })
  region!: RegionView;

  @Field(() => DtsenVersion, { description: 'The version the proposals were submitted in.' })
  version!: VersionView;

  @Field(() => ProposalFunnelGroupBy, { description: 'The grouping of `groups`.' })
  groupBy!: ProposalFunnelGroupBy;

  @SmallCellField(() => Int, { description: 'All proposals submitted in the version in the region.' })
  totalProposals!: number;

  @Field(() => [ProposalFunnelGroup], {
    description: 'One group per status (funnel order), path, kind or child region (by code), zeros included.',
  })
  groups!: ProposalFunnelGroupGql[];

  @Field(() => [ProposalFunnelCell], { description: "The region's rollup rows (kind x path x status) with their exact medians." })
  cells!: ProposalFunnelCell[];

  @SuppressedFields()
  suppressed?: string[];
}

// ---------------------------------------------------------------------------------------------------------------
// Membership duration

@ObjectType('MembershipYear', { description: 'Recipients whose membership began in one year.' })
export class MembershipYear {
  @Field(() => Int, { description: 'Year the membership began.' })
  memberSinceYear!: number;

  @SmallCellField(() => Int, { description: 'Recipient units (families for PKH).' })
  units!: number;

  @Field(() => Int, { description: "Completed years of membership in the version's year." })
  yearsOfMembership!: number;

  @Field(() => Boolean, { description: "True when these recipients reached the program's maximum years (pkhDurationReached)." })
  reachedMaxYears!: boolean;

  @SuppressedFields()
  suppressed?: string[];
}

export interface PkhDurationGql {
  region: RegionView;
  version: VersionView;
  programCode: ProgramCode;
  year: number;
  maxYears: number | null;
  totalRecipients: number;
  reachedMaxYears: number;
  reachedShare: number;
  byYear: MembershipYear[];
}

@ObjectType('PkhDuration', {
  description: "Recipients of a program with a membership limit (PKH: at most 5 years) by the year their membership began, in a region (kecamatan and above) and version.",
})
export class PkhDuration implements PkhDurationGql {
  @Field(() => Region, { description: 'The region (nation, province, kabupaten/kota or kecamatan).' })
  region!: RegionView;

  @Field(() => DtsenVersion, { description: 'The version.' })
  version!: VersionView;

  @Field(() => ProgramCode, { description: 'The program.' })
  programCode!: ProgramCode;

  @Field(() => Int, { description: 'Calendar year of the version (from its label), the year durations are measured in.' })
  year!: number;

  @Field(() => Int, { nullable: true, description: "The program's maximum years of membership." })
  maxYears!: number | null;

  @SmallCellField(() => Int, { description: 'All recipient units.' })
  totalRecipients!: number;

  @SmallCellField(() => Int, { description: 'Recipient units that reached the maximum years.' })
  reachedMaxYears!: number;

  @SmallCellField(() => Float, { of: ['reachedMaxYears', 'totalRecipients'], description: 'reachedMaxYears / totalRecipients (0 when none).' })
  reachedShare!: number;

  @Field(() => [MembershipYear], { description: 'Recipients per start year, oldest first.' })
  byYear!: MembershipYear[];

  @SuppressedFields()
  suppressed?: string[];
}

// ---------------------------------------------------------------------------------------------------------------
// PBI reactivation

@ObjectType('PbiReactivationConditionCount', { description: 'People failing one reactivation condition.' })
export class PbiReactivationConditionCount {
  @Field(() => PbiReactivationCondition, { description: 'The condition.' })
  condition!: PbiReactivationCondition;

  @SmallCellField(() => Int, { description: 'People failing it (a person can fail several).' })
  people!: number;

  @SuppressedFields()
  suppressed?: string[];
}

export interface PbiReactivationGql {
  region: RegionView;
  version: VersionView;
  removed: number;
  reactivated: number;
  eligible: number;
  overdueDataUpdates: number;
  unmet: PbiReactivationConditionCount[];
}

@ObjectType('PbiReactivation', {
  description:
    'PBI-JKN reactivation picture of a region at a version: people removed from PBI-JKN (not deceased), how many are '
    + 'reactivated, how many would be eligible now, and which conditions the others fail.',
})
export class PbiReactivation implements PbiReactivationGql {
  @Field(() => Region, { description: 'The region (any level).' })
  region!: RegionView;

  @Field(() => DtsenVersion, { description: 'The version.' })
  version!: VersionView;

  @SmallCellField(() => Int, { description: 'People removed from PBI-JKN and not deceased at the version.' })
  removed!: number;

  @SmallCellField(() => Int, { description: 'Of them, reactivated and still enrolled at the version.' })
  reactivated!: number;

  @SmallCellField(() => Int, { description: 'Of them, not reactivated and meeting every condition now.' })
  eligible!: number;

  @SmallCellField(() => Int, { description: 'Reactivated people whose data was not updated within two update periods.' })
  overdueDataUpdates!: number;

  @Field(() => [PbiReactivationConditionCount], { description: 'People failing each condition, in the order the conditions are checked.' })
  unmet!: PbiReactivationConditionCount[];

  @SuppressedFields()
  suppressed?: string[];
}
