import 'reflect-metadata';
import { Authorized, Field, Float, Int, ObjectType } from 'type-graphql';
import { ComplementaryGroup, SmallCellField, SuppressedFields, type ComplementaryGroupOptions } from '../../graphql/small-cells.js';
import { ProgramCode } from '../program/program.enums.js';
import { ProgramUnit } from '../program/program.type.js';
import { Region, type RegionView } from '../region/region.type.js';
import { DtsenVersion, type VersionView } from '../version/version.type.js';
import {
  FillPriority, InclusionCause, QuotaStatusCode, TargetingClass, TargetingGroupBy,
} from './targeting.enums.js';
import type { CauseCount, CauseRow, FiguresDifference, QuotaRow, QuotaTotals, TargetingFigures } from './targeting.logic.js';

// ---- views (what the service hands to the API) ----

export interface TargetingErrorsView {
  version: VersionView;
  region: RegionView;
  programCode: ProgramCode;
  unit: ProgramUnit;
  desilMin: number;
  desilMax: number;
  groupBy: TargetingGroupBy;
  summary: TargetingFigures;
  byCause?: CauseRow[] | null;
  bySubRegion?: { totalCount: number; rows: Array<{ region: RegionView; summary: TargetingFigures }> } | null;
  byDesil?: Array<{ desil: number; summary: TargetingFigures }> | null;
}

export interface QuotaStatusView {
  version: VersionView;
  programCode: ProgramCode;
  unit: ProgramUnit;
  povertyPeriod: string;
  nationalQuota: number;
  totalCount: number;
  totals: QuotaTotals;
  rows: QuotaRow<RegionView>[];
}

export interface PlanUnitView {
  /** Version of the plan, for the family's loaders. */
  versionId: number;
  familyId: number;
  individualId: number | null;
  desil: number;
  rank: number | null;
}

export interface ReallocationPlanView {
  version: VersionView;
  regency: RegionView;
  programCode: ProgramCode;
  unit: ProgramUnit;
  povertyPeriod: string;
  nationalQuota: number;
  quota: number;
  recipients: number;
  status: QuotaStatusCode;
  gap: number;
  fill: {
    poolSizes: Array<{ priority: FillPriority; units: number }>;
    counts: Array<{ priority: FillPriority; units: number }>;
    units: Array<PlanUnitView & { priority: FillPriority }>;
  } | null;
  removal: {
    candidates: CauseCount[];
    byCause: CauseCount[];
    units: Array<PlanUnitView & { cause: InclusionCause }>;
  } | null;
}

export interface QuotaStatusCountsView extends QuotaTotals {
  nationalQuota: number;
  eligibleBelowQuota: number;
}

export interface ProgramScenarioView {
  programCode: ProgramCode;
  unit: ProgramUnit;
  baselineRule: { desilMin: number; desilMax: number };
  scenarioRule: { desilMin: number; desilMax: number };
  baseline: TargetingFigures;
  scenario: TargetingFigures;
  difference: FiguresDifference;
  moves: Array<{ from: TargetingClass; to: TargetingClass; units: number }>;
  quota: { baseline: QuotaStatusCountsView | null; scenario: QuotaStatusCountsView | null } | null;
}

export interface ScenarioView {
  version: VersionView;
  region: RegionView;
  povertyPeriod: string;
  programs: ProgramScenarioView[];
}

// ---- targeting errors ----

@ObjectType('InclusionCauseUnits', { description: 'Units of one inclusion cause.' })
export class InclusionCauseUnits implements CauseCount {
  @Field(() => InclusionCause, { description: 'The (first) cause of the inclusion errors.' })
  cause!: InclusionCause;

  @SmallCellField(() => Int, { description: 'Number of units (signed in a scenario difference).' })
  units!: number;

  @SuppressedFields()
  suppressed?: string[];
}

@ObjectType('TargetingSummary', {
  description:
    'Targeting classes of a program\'s units in a region and version (Kepmensos 79/HUK/2025): eligible = correct ' +
    'recipients + exclusion errors; recipients = correct recipients + inclusion errors + pending ground checks.',
})
export class TargetingSummary implements TargetingFigures {
  @SmallCellField(() => Int, { description: "Every unit of the program in the region (families or individuals, by the program's unit)." })
  units!: number;

  @SmallCellField(() => Int, { description: 'Eligible units: in DTSEN, desil in range, in the target group, no exclusion criterion; recipients or not.' })
  eligible!: number;

  @SmallCellField(() => Int, { description: 'Units receiving the program.' })
  recipients!: number;

  @SmallCellField(() => Int, { description: 'Recipients that are eligible.' })
  correctRecipients!: number;

  @SmallCellField(() => Int, { description: 'Recipients that should not receive (see inclusionByCause).' })
  inclusionErrors!: number;

  @SmallCellField(() => Int, { description: 'Eligible units that do not receive.' })
  exclusionErrors!: number;

  @SmallCellField(() => Int, { description: 'Recipients whose only fault is a desil outside the range, not yet ground-checked: they keep the benefit until the check.' })
  pendingGroundCheck!: number;

  @SmallCellField(() => Int, { description: 'Units neither eligible nor receiving.' })
  notEligible!: number;

  @SmallCellField(() => Float, { of: ['inclusionErrors', 'recipients'], description: 'Inclusion errors / recipients; 0 when nobody receives.' })
  inclusionRate!: number;

  @SmallCellField(() => Float, { of: ['exclusionErrors', 'eligible'], description: 'Exclusion errors / eligible units; 0 when nobody is eligible.' })
  exclusionRate!: number;

  @SmallCellField(() => Float, { of: ['correctRecipients', 'eligible'], description: 'Eligible recipients / eligible units; 0 when nobody is eligible.' })
  coverage!: number;

  @SmallCellField(() => Float, { of: ['inclusionErrors', 'pendingGroundCheck', 'recipients'], description: 'Ineligible recipients (inclusion errors and pending ground checks) / recipients; 0 when nobody receives.' })
  leakage!: number;

  @ComplementaryGroup({ cells: 'units', total: 'inclusionErrors', key: 'cause' })
  @Field(() => [InclusionCauseUnits], { description: 'Inclusion errors per (first) cause, in removal order; causes with none omitted.' })
  inclusionByCause!: CauseCount[];

  @SuppressedFields()
  suppressed?: string[];
}

/** The counts of a targeting summary that add up over a partition of its units (desil rows, child regions). */
const ADDITIVE_FIGURES = [
  'units', 'eligible', 'recipients', 'correctRecipients', 'inclusionErrors', 'exclusionErrors', 'pendingGroundCheck', 'notEligible',
] as const satisfies readonly (keyof TargetingFigures)[];

/** The desil rows (0 to 10, every unit in one) add up to the summary, count by count. */
const BY_DESIL_GROUPS: ComplementaryGroupOptions[] = ADDITIVE_FIGURES.map((name) => ({ cells: `summary.${name}`, total: `summary.${name}` }));

@ObjectType('TargetingCauseRow', { description: 'Inclusion errors of one cause in the region.' })
export class TargetingCauseRow implements CauseRow {
  @Field(() => InclusionCause, { description: 'The cause.' })
  cause!: InclusionCause;

  @SmallCellField(() => Int, { description: 'Inclusion errors whose first cause this is.' })
  units!: number;

  @SmallCellField(() => Float, { of: ['units'], description: 'Share of all inclusion errors; 0 when there are none.' })
  shareOfInclusionErrors!: number;

  @SmallCellField(() => Float, { of: ['units'], description: 'Share of all recipients; 0 when nobody receives.' })
  shareOfRecipients!: number;

  @SuppressedFields()
  suppressed?: string[];
}

@ObjectType('TargetingSubRegionRow', { description: 'The targeting summary of one child region.' })
export class TargetingSubRegionRow {
  @Field(() => Region, { description: 'The child region.' })
  region!: RegionView;

  @Field(() => TargetingSummary, { description: 'Its targeting summary.' })
  summary!: TargetingFigures;
}

@ObjectType('TargetingSubRegionPage', { description: 'A page of child regions with their targeting summaries.' })
export class TargetingSubRegionPage {
  @Field(() => Int, { description: 'Number of child regions (all pages).' })
  totalCount!: number;

  @Field(() => [TargetingSubRegionRow], { description: 'The rows of this page, in the requested order.' })
  rows!: Array<{ region: RegionView; summary: TargetingFigures }>;
}

@ObjectType('TargetingDesilRow', { description: 'The targeting summary of the units of one desil.' })
export class TargetingDesilRow {
  @Field(() => Int, { description: 'Desil 1..10; 0 = outside DTSEN (recipients with no family state in force).' })
  desil!: number;

  @Field(() => TargetingSummary, { description: 'Summary of the units of this desil.' })
  summary!: TargetingFigures;
}

@ObjectType('TargetingErrors', {
  description:
    'Targeting errors of a program in a region and version: the summary, plus rows by inclusion cause, child region ' +
    'or desil (only the rows of `groupBy` are set). The nation, provinces and kabupaten/kota are read from the ' +
    'targeting cube; kecamatan and desa from the class rollup written at publication.',
})
export class TargetingErrors implements Omit<TargetingErrorsView, 'byCause' | 'bySubRegion' | 'byDesil'> {
  @Field(() => DtsenVersion, { description: 'The version analysed.' })
  version!: VersionView;

  @Field(() => Region, { description: 'The region analysed.' })
  region!: RegionView;

  @Field(() => ProgramCode, { description: 'The program.' })
  programCode!: ProgramCode;

  @Field(() => ProgramUnit, { description: 'Unit counted: families (PKH, SEMBAKO) or individuals (PBI_JKN, ATENSI, PIP).' })
  unit!: ProgramUnit;

  @Field(() => Int, { description: "Lowest desil of the program's range applied." })
  desilMin!: number;

  @Field(() => Int, { description: "Highest desil of the program's range applied." })
  desilMax!: number;

  @Field(() => TargetingGroupBy, { description: 'The grouping of the rows.' })
  groupBy!: TargetingGroupBy;

  @Field(() => TargetingSummary, { description: 'Summary of the whole region.' })
  summary!: TargetingFigures;

  @ComplementaryGroup({ cells: 'units', total: 'summary.inclusionErrors', key: 'cause' })
  @Field(() => [TargetingCauseRow], { nullable: true, description: 'groupBy CAUSE: every inclusion cause in removal order, zeros included; null otherwise.' })
  byCause?: CauseRow[] | null;

  @Field(() => TargetingSubRegionPage, { nullable: true, description: 'groupBy SUB_REGION: the child regions, sorted and paged; null otherwise.' })
  bySubRegion?: TargetingErrorsView['bySubRegion'];

  @ComplementaryGroup(...BY_DESIL_GROUPS)
  @Field(() => [TargetingDesilRow], { nullable: true, description: 'groupBy DESIL: outside DTSEN (0) then desil 1..10; null otherwise.' })
  byDesil?: TargetingErrorsView['byDesil'];
}

// ---- quota status ----

@ObjectType('RegencyQuotaStatus', { description: "A kabupaten/kota's quota of a program, its recipients and status." })
export class RegencyQuotaStatus {
  @Field(() => Region, { description: 'The kabupaten/kota.' })
  regency!: RegionView;

  @Field(() => Float, { description: 'Unrounded share of the national quota: poor(kabupaten) / poor(national) x national quota.' })
  exactQuota!: number;

  @Field(() => Int, { description: 'Quota: the share rounded by largest remainder (the quotas sum exactly to the national quota).' })
  quota!: number;

  @SmallCellField(() => Int, { description: 'Units receiving the program that the kabupaten/kota carries in its quota (enrollment.regency_code), as reallocationPlan counts them.' })
  recipients!: number;

  @SmallCellField(() => Int, { of: ['recipients'], description: 'quota - recipients: free places when positive, excess recipients when negative.' })
  gap!: number;

  @SmallCellField(() => Float, { of: ['recipients'], description: 'gap / quota; null when the quota is 0.' })
  gapRatio!: number | null;

  @SmallCellField(() => QuotaStatusCode, { of: ['recipients'], description: 'UNDER, OVER or MATCH.' })
  status!: QuotaStatusCode;

  @SuppressedFields()
  suppressed?: string[];
}

@ObjectType('QuotaStatusTotals', { description: 'Totals over a set of kabupaten/kota.' })
export class QuotaStatusTotals implements QuotaTotals {
  @Field(() => Int, { description: 'Number of kabupaten/kota.' })
  count!: number;

  @Field(() => Int, { description: 'Kabupaten/kota under quota.' })
  under!: number;

  @Field(() => Int, { description: 'Kabupaten/kota over quota.' })
  over!: number;

  @Field(() => Int, { description: 'Kabupaten/kota exactly at quota.' })
  match!: number;

  @Field(() => Int, { description: 'Sum of their quotas.' })
  quota!: number;

  @SmallCellField(() => Int, { description: 'Sum of their recipients.' })
  recipients!: number;

  @SmallCellField(() => Int, { of: ['recipients'], description: 'Free places in the kabupaten/kota under quota.' })
  shortfall!: number;

  @SmallCellField(() => Int, { of: ['recipients'], description: 'Recipients above quota in the kabupaten/kota over quota.' })
  excess!: number;

  @SuppressedFields()
  suppressed?: string[];
}

@ObjectType('QuotaStatus', {
  description:
    'The regional quota status of a program (DOMAIN.md, "Regional quota"): each kabupaten/kota\'s share of the ' +
    'national quota by its BPS poor count, against its current recipients.',
})
export class QuotaStatus implements Omit<QuotaStatusView, 'rows'> {
  @Field(() => DtsenVersion, { description: 'The version whose recipients are counted.' })
  version!: VersionView;

  @Field(() => ProgramCode, { description: 'The program.' })
  programCode!: ProgramCode;

  @Field(() => ProgramUnit, { description: 'Unit of quota and recipients: families or individuals.' })
  unit!: ProgramUnit;

  @Field(() => String, { description: 'BPS poverty period ("YYYY-MM") of the poor counts.' })
  povertyPeriod!: string;

  @Field(() => Int, { description: 'The national quota distributed (given, or the program\'s quota scaled to the dataset).' })
  nationalQuota!: number;

  @Field(() => Int, { description: 'Kabupaten/kota matching the filters (all pages).' })
  totalCount!: number;

  @Field(() => QuotaStatusTotals, { description: 'Totals over every kabupaten/kota matching the filters (all pages).' })
  totals!: QuotaTotals;

  @Field(() => [RegencyQuotaStatus], { description: 'The kabupaten/kota of this page, in the requested order.' })
  rows!: QuotaRow<RegionView>[];
}

// ---- reallocation plan ----

@ObjectType('FillPriorityCount', { description: 'Units of one fill priority.' })
export class FillPriorityCount {
  @Field(() => FillPriority, { description: 'The priority.' })
  priority!: FillPriority;

  @SmallCellField(() => Int, { description: 'Number of units.' })
  units!: number;

  @SuppressedFields()
  suppressed?: string[];
}

/**
 * The fields every unit of a reallocation plan has, whether it fills a place or is removed. Only inherited: no field
 * returns it, so type-graphql leaves it out of the schema.
 */
@ObjectType({ description: 'Fields shared by the units of a reallocation plan.' })
abstract class ReallocationUnit {
  @Field(() => Int, { description: 'The family (for individual programs, the family of the individual).' })
  familyId!: number;

  @Field(() => Int, { nullable: true, description: 'The individual for individual programs; null for family programs.' })
  individualId!: number | null;

  @Field(() => Int, { nullable: true, description: "National welfare rank of the family's state (1 = poorest); null outside DTSEN." })
  rank!: number | null;
}

@ObjectType('ReallocationFillUnit', { description: 'A unit taken to fill a free place, in fill order.' })
export class ReallocationFillUnit extends ReallocationUnit {
  @Field(() => Int, { description: 'Desil at the version.' })
  desil!: number;

  @Field(() => FillPriority, { description: 'The priority it is taken under.' })
  priority!: FillPriority;
}

@ObjectType('ReallocationRemovalUnit', { description: 'An inclusion error removed to absorb the excess, in removal order.' })
export class ReallocationRemovalUnit extends ReallocationUnit {
  @Field(() => Int, { description: 'Desil at the version; 0 = outside DTSEN.' })
  desil!: number;

  @Field(() => InclusionCause, { description: 'Its (first) inclusion cause.' })
  cause!: InclusionCause;
}

@ObjectType('ReallocationFill', { description: 'How an under-quota kabupaten/kota fills its free places.' })
export class ReallocationFill {
  @Field(() => [FillPriorityCount], { description: 'Candidates per priority (disjoint pools), in priority order.' })
  poolSizes!: FillPriorityCount[];

  @Field(() => [FillPriorityCount], { description: 'Units taken per priority to fill the whole gap, in priority order.' })
  counts!: FillPriorityCount[];

  @Authorized('PERSON_ROWS')
  @Field(() => [ReallocationFillUnit], {
    nullable: true,
    description:
      'The first units taken, in order (priority, then poorest first), at most `limit`. Person-level: needs PERSON_ROWS ' +
      '(null with a FORBIDDEN error otherwise; the counts above stay readable) and every read is logged.',
  })
  units!: Array<PlanUnitView & { priority: FillPriority }>;
}

@ObjectType('ReallocationRemoval', { description: 'Which inclusion errors an over-quota kabupaten/kota removes first.' })
export class ReallocationRemoval {
  @Field(() => [InclusionCauseUnits], { description: "Every inclusion error among the kabupaten's recipients, per cause, in removal order." })
  candidates!: CauseCount[];

  @Field(() => [InclusionCauseUnits], { description: 'Units removed per cause to absorb the whole excess, in removal order.' })
  byCause!: CauseCount[];

  @Authorized('PERSON_ROWS')
  @Field(() => [ReallocationRemovalUnit], {
    nullable: true,
    description:
      'The first units removed, in removal order (cause, then id), at most `limit`. Person-level: needs PERSON_ROWS ' +
      '(null with a FORBIDDEN error otherwise; the counts above stay readable) and every read is logged.',
  })
  units!: Array<PlanUnitView & { cause: InclusionCause }>;
}

@ObjectType('ReallocationPlan', {
  description:
    'The quota reallocation plan of one kabupaten/kota and program at a version (PBI-JKN rule of June 2025): its ' +
    'quota, recipients and status, then who fills its free places (UNDER) or which inclusion errors leave first (OVER).',
})
export class ReallocationPlan implements Omit<ReallocationPlanView, 'fill' | 'removal'> {
  @Field(() => DtsenVersion, { description: 'The version.' })
  version!: VersionView;

  @Field(() => Region, { description: 'The kabupaten/kota.' })
  regency!: RegionView;

  @Field(() => ProgramCode, { description: 'The program.' })
  programCode!: ProgramCode;

  @Field(() => ProgramUnit, { description: 'Unit of quota and recipients: families or individuals.' })
  unit!: ProgramUnit;

  @Field(() => String, { description: 'BPS poverty period ("YYYY-MM") of the poor counts.' })
  povertyPeriod!: string;

  @Field(() => Int, { description: 'The national quota distributed.' })
  nationalQuota!: number;

  @Field(() => Int, { description: "The kabupaten/kota's quota (largest remainder)." })
  quota!: number;

  @SmallCellField(() => Int, { description: 'Units receiving the program that the kabupaten/kota carries in its quota.' })
  recipients!: number;

  @SmallCellField(() => QuotaStatusCode, { of: ['recipients'], description: 'UNDER, OVER or MATCH.' })
  status!: QuotaStatusCode;

  @SmallCellField(() => Int, { of: ['recipients'], description: 'quota - recipients.' })
  gap!: number;

  // Which of the two is set says the status: withheld with it.
  @SmallCellField(() => ReallocationFill, { of: ['recipients'], description: 'Set when UNDER quota.' })
  fill!: ReallocationPlanView['fill'];

  @SmallCellField(() => ReallocationRemoval, { of: ['recipients'], description: 'Set when OVER quota.' })
  removal!: ReallocationPlanView['removal'];

  @SuppressedFields()
  suppressed?: string[];
}

// ---- scenario ----

@ObjectType('TargetingRule', { description: 'The desil range a program rule applies.' })
export class TargetingRule {
  @Field(() => Int, { description: 'Lowest eligible desil (inclusive).' })
  desilMin!: number;

  @Field(() => Int, { description: 'Highest eligible desil (inclusive).' })
  desilMax!: number;
}

@ObjectType('TargetingSummaryDifference', {
  description:
    'Scenario minus baseline of a targeting summary. A difference is withheld when it, or the same figure of the ' +
    'baseline or the scenario, is a small cell (else the withheld side would follow from the other two).',
})
export class TargetingSummaryDifference implements Omit<FiguresDifference, 'differenceOf' | 'inclusionByCause'> {
  @SmallCellField(() => Int, { description: 'Difference of all units (always 0: a scenario re-classifies the same units).' })
  units!: number;

  @SmallCellField(() => Int, { description: 'Difference of eligible units.' })
  eligible!: number;

  @SmallCellField(() => Int, { description: 'Difference of recipients (0: a scenario changes rules, not memberships).' })
  recipients!: number;

  @SmallCellField(() => Int, { description: 'Difference of correct recipients.' })
  correctRecipients!: number;

  @SmallCellField(() => Int, { description: 'Difference of inclusion errors.' })
  inclusionErrors!: number;

  @SmallCellField(() => Int, { description: 'Difference of exclusion errors.' })
  exclusionErrors!: number;

  @SmallCellField(() => Int, { description: 'Difference of pending ground checks.' })
  pendingGroundCheck!: number;

  @SmallCellField(() => Int, { description: 'Difference of units not eligible.' })
  notEligible!: number;

  @SmallCellField(() => Float, { of: ['inclusionErrors', 'recipients'], description: 'Difference of the inclusion rate.' })
  inclusionRate!: number;

  @SmallCellField(() => Float, { of: ['exclusionErrors', 'eligible'], description: 'Difference of the exclusion rate.' })
  exclusionRate!: number;

  @SmallCellField(() => Float, { of: ['correctRecipients', 'eligible'], description: 'Difference of coverage.' })
  coverage!: number;

  @SmallCellField(() => Float, { of: ['inclusionErrors', 'pendingGroundCheck', 'recipients'], description: 'Difference of leakage.' })
  leakage!: number;

  @Field(() => [InclusionCauseUnits], { description: 'Signed difference of inclusion errors per cause present in either summary.' })
  inclusionByCause!: CauseCount[];

  @SuppressedFields()
  suppressed?: string[];
}

@ObjectType('TargetingClassMove', { description: 'Units whose targeting class changes between baseline and scenario.' })
export class TargetingClassMove {
  @Field(() => TargetingClass, { description: 'Class under the baseline rule.' })
  from!: TargetingClass;

  @Field(() => TargetingClass, { description: 'Class under the scenario rule.' })
  to!: TargetingClass;

  @SmallCellField(() => Int, { description: 'Number of units.' })
  units!: number;

  @SuppressedFields()
  suppressed?: string[];
}

@ObjectType('QuotaStatusCounts', { description: 'Quota status of the kabupaten/kota of a region under one rule.' })
export class QuotaStatusCounts extends QuotaStatusTotals implements QuotaStatusCountsView {
  @Field(() => Int, { description: 'The national quota distributed.' })
  nationalQuota!: number;

  @Field(() => Int, {
    description:
      "Kabupaten/kota whose eligible units under the rule (by the families' villages) are fewer than their quota: " +
      'the quota cannot be met with eligible units alone.',
  })
  eligibleBelowQuota!: number;
}

@ObjectType('ScenarioQuotaComparison', {
  description: 'Quota status of the kabupaten/kota of the region under the baseline and the scenario rule (recipients are the same).',
})
export class ScenarioQuotaComparison {
  @Field(() => QuotaStatusCounts, { nullable: true, description: 'Under the baseline rule; null when the program has no national quota (ATENSI, PIP).' })
  baseline!: QuotaStatusCountsView | null;

  @Field(() => QuotaStatusCounts, { nullable: true, description: 'Under the scenario rule; null when neither it nor the program has a national quota.' })
  scenario!: QuotaStatusCountsView | null;
}

@ObjectType('ProgramScenario', { description: 'One overridden program: its targeting under the baseline and the scenario rule.' })
export class ProgramScenario implements ProgramScenarioView {
  @Field(() => ProgramCode, { description: 'The program.' })
  programCode!: ProgramCode;

  @Field(() => ProgramUnit, { description: 'Unit counted: families or individuals.' })
  unit!: ProgramUnit;

  @Field(() => TargetingRule, { description: 'The rule in force.' })
  baselineRule!: { desilMin: number; desilMax: number };

  @Field(() => TargetingRule, { description: 'The rule with the overrides applied.' })
  scenarioRule!: { desilMin: number; desilMax: number };

  @Field(() => TargetingSummary, { description: 'Targeting under the rule in force.' })
  baseline!: TargetingFigures;

  @Field(() => TargetingSummary, { description: 'Targeting of the same units under the scenario rule.' })
  scenario!: TargetingFigures;

  @Field(() => TargetingSummaryDifference, { description: 'Scenario minus baseline.' })
  difference!: FiguresDifference;

  @Field(() => [TargetingClassMove], { description: 'Units that change class, per (baseline class, scenario class).' })
  moves!: Array<{ from: TargetingClass; to: TargetingClass; units: number }>;

  @Field(() => ScenarioQuotaComparison, {
    nullable: true,
    description: 'Quota status counts of the kabupaten/kota in the region, baseline vs scenario; set when the override changes the quota or the desil range.',
  })
  quota!: ProgramScenarioView['quota'];
}

@ObjectType('Scenario', { description: 'A policy scenario: program rules overridden and run through the same classification beside the baseline.' })
export class Scenario implements Omit<ScenarioView, 'programs'> {
  @Field(() => DtsenVersion, { description: 'The version analysed.' })
  version!: VersionView;

  @Field(() => Region, { description: 'The region analysed (the nation, a province or a kabupaten/kota).' })
  region!: RegionView;

  @Field(() => String, { description: 'BPS poverty period ("YYYY-MM") of the quota comparison.' })
  povertyPeriod!: string;

  @Field(() => [ProgramScenario], { description: 'One entry per overridden program, in program order.' })
  programs!: ProgramScenarioView[];
}
