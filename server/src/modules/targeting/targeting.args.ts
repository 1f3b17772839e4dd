import 'reflect-metadata';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { ProgramCode } from '../program/program.enums.js';
import { NATION_CODE } from '../region/region.logic.js';
import { DEFAULT_POVERTY_PERIOD, DEFAULT_UNIT_LIMIT } from './reallocation.service.js';
import { QUOTA_DEFAULT_LIMIT } from './targeting-api.service.js';
import { QuotaSortField, QuotaStatusCode, SortDirection, TargetingGroupBy, TargetingSortField } from './targeting.enums.js';

const VERSION_DESCRIPTION = 'Version id; defaults to the latest published version.';
const PERIOD_DESCRIPTION = 'BPS poverty period ("YYYY-MM") whose kabupaten/kota poor counts distribute the national quota.';
const NATIONAL_QUOTA_DESCRIPTION =
  "National quota in units; defaults to the program's national quota multiplied by the dataset's scale. Required for " +
  'programs without a national quota (ATENSI, PIP).';

@InputType('TargetingSort', { description: 'Order of the sub-region rows of `targetingErrors`.' })
export class TargetingSort {
  @Field(() => TargetingSortField, { description: 'Field to sort by.' })
  field!: TargetingSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.DESC, description: 'Direction (default DESC).' })
  direction!: SortDirection;
}

@ArgsType()
export class TargetingErrorsArgs {
  @Field(() => Int, { nullable: true, description: VERSION_DESCRIPTION })
  versionId?: number | null;

  @Field(() => ID, { nullable: true, defaultValue: NATION_CODE, description: 'Region at any level; "ID" (the default) is the nation.' })
  regionCode?: string | null;

  @Field(() => ProgramCode, { description: 'The program.' })
  programCode!: ProgramCode;

  @Field(() => TargetingGroupBy, { nullable: true, defaultValue: TargetingGroupBy.CAUSE, description: 'How the rows are grouped (default CAUSE).' })
  groupBy?: TargetingGroupBy | null;

  @Field(() => TargetingSort, { nullable: true, description: 'groupBy SUB_REGION: order of the rows (default by code, ascending).' })
  sort?: TargetingSort | null;

  @Field(() => Int, { nullable: true, description: 'groupBy SUB_REGION: rows per page (at least 1); default all.' })
  limit?: number | null;

  @Field(() => Int, { nullable: true, defaultValue: 0, description: 'groupBy SUB_REGION: rows skipped before the page.' })
  offset?: number | null;
}

@InputType('QuotaSort', { description: 'Order of the kabupaten/kota of `quotaStatus`.' })
export class QuotaSort {
  @Field(() => QuotaSortField, { description: 'Field to sort by.' })
  field!: QuotaSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.DESC, description: 'Direction (default DESC).' })
  direction!: SortDirection;
}

@ArgsType()
export class QuotaStatusArgs {
  @Field(() => Int, { nullable: true, description: VERSION_DESCRIPTION })
  versionId?: number | null;

  @Field(() => ProgramCode, { description: 'The program.' })
  programCode!: ProgramCode;

  @Field(() => String, { nullable: true, defaultValue: DEFAULT_POVERTY_PERIOD, description: PERIOD_DESCRIPTION })
  povertyPeriod?: string | null;

  @Field(() => Int, { nullable: true, description: NATIONAL_QUOTA_DESCRIPTION })
  nationalQuota?: number | null;

  @Field(() => [QuotaStatusCode], { nullable: true, description: 'Only kabupaten/kota with one of these statuses; default all.' })
  status?: QuotaStatusCode[] | null;

  @Field(() => ID, { nullable: true, description: 'Only the kabupaten/kota of this province, e.g. "32".' })
  provinceCode?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Only this kabupaten/kota, e.g. "32.01" (how a user limited to a kabupaten/kota reads its quota); totals cover it alone.',
  })
  regencyCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Only kabupaten/kota whose name contains this text (any case) or whose code starts with it.' })
  search?: string | null;

  @Field(() => QuotaSort, { nullable: true, description: 'Order of the rows; default GAP DESC (most free places first, most excess last).' })
  sort?: QuotaSort | null;

  @Field(() => Int, { nullable: true, defaultValue: QUOTA_DEFAULT_LIMIT, description: 'Rows per page, 1..514.' })
  limit?: number | null;

  @Field(() => Int, { nullable: true, defaultValue: 0, description: 'Rows skipped before the page.' })
  offset?: number | null;
}

@ArgsType()
export class ReallocationPlanArgs {
  @Field(() => Int, { nullable: true, description: VERSION_DESCRIPTION })
  versionId?: number | null;

  @Field(() => ID, { description: 'The kabupaten/kota, e.g. "32.01".' })
  regencyCode!: string;

  @Field(() => ProgramCode, { description: 'The program.' })
  programCode!: ProgramCode;

  @Field(() => String, { nullable: true, defaultValue: DEFAULT_POVERTY_PERIOD, description: PERIOD_DESCRIPTION })
  povertyPeriod?: string | null;

  @Field(() => Int, { nullable: true, description: NATIONAL_QUOTA_DESCRIPTION })
  nationalQuota?: number | null;

  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_UNIT_LIMIT, description: 'Most units listed, 0..1000 (the counts always cover the whole gap).' })
  limit?: number | null;
}

@InputType('ScenarioOverrideInput', { description: "Values that replace a program's rule in a scenario; omitted values keep the rule's." })
export class ScenarioOverrideInput {
  @Field(() => ProgramCode, { description: 'The program whose rule is overridden (at most once per scenario).' })
  programCode!: ProgramCode;

  @Field(() => Int, { nullable: true, description: 'Lowest eligible desil, 1..desilMax.' })
  desilMin?: number | null;

  @Field(() => Int, { nullable: true, description: 'Highest eligible desil, desilMin..10.' })
  desilMax?: number | null;

  @Field(() => Int, { nullable: true, description: 'National quota in units of the dataset (as `quotaStatus(nationalQuota)`).' })
  nationalQuota?: number | null;
}

@ArgsType()
export class ScenarioArgs {
  @Field(() => Int, { nullable: true, description: VERSION_DESCRIPTION })
  versionId?: number | null;

  @Field(() => ID, {
    nullable: true,
    defaultValue: NATION_CODE,
    description: 'The nation ("ID", the default), a province or a kabupaten/kota (where the targeting cube is kept).',
  })
  regionCode?: string | null;

  @Field(() => String, { nullable: true, defaultValue: DEFAULT_POVERTY_PERIOD, description: PERIOD_DESCRIPTION })
  povertyPeriod?: string | null;

  @Field(() => [ScenarioOverrideInput], { description: 'The rule overrides, at least one, one per program.' })
  overrides!: ScenarioOverrideInput[];
}
