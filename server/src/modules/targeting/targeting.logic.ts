/**
 * Pure shaping of the targeting analyses: rollup rows into the domain's cells and summaries
 * (`domain/classification.ts`), the figures the API exposes, sub-region sorting and paging, and the quota table of the
 * kabupaten/kota (`domain/quota-status.ts`). No I/O: the service reads, these functions shape.
 */
import { TARGETING_CLASSES, emptyByClass, summarize, summaryOf, type TargetingSummary } from '../../domain/classification.js';
import type { ExclusionCriterionCode } from '../../domain/exclusion-criteria.js';
import type { ProgramRule } from '../../domain/programs.js';
import { quotaStatus, type QuotaStatusCode } from '../../domain/quota-status.js';
import { FILL_PRIORITY_ORDER, type FillCounts, type FillPriority } from '../../domain/reallocation.js';
import type { QuotaShare } from '../../domain/quota.js';
import type { SummaryDifference } from '../../domain/scenario.js';
import { INCLUSION_CAUSE_ORDER } from '../../domain/targeting-rules.js';
import type { InclusionCause, TargetingCell, TargetingClass } from '../../domain/targeting-types.js';

/** The facts and units of a `targeting_rollup` row (the cube), whatever else the reader selected. */
export interface CubeFacts {
  desil: number;
  recipient: boolean;
  /** "" = no criterion. */
  criterionCode: string;
  groundChecked: boolean;
  inTargetGroup: boolean;
  units: number;
}

/** A `targeting_rollup` row (the cube) as read per region. */
export interface CubeRow extends CubeFacts {
  regionCode: string;
  programCode: string;
}

/** The class, cause and units of a `targeting_class_rollup` row. */
export interface ClassFacts {
  class: string;
  /** "" unless INCLUSION_ERROR. */
  cause: string;
  units: number;
}

/** A `targeting_class_rollup` row as read per region. */
export interface ClassRow extends ClassFacts {
  regionCode: string;
}

const CLASS_SET = new Set<string>(TARGETING_CLASSES);
const CAUSE_SET = new Set<string>(INCLUSION_CAUSE_ORDER);

/** The cube rows of one program as domain cells. */
export function toCells(rule: Pick<ProgramRule, 'code'>, rows: readonly (CubeFacts & { programCode?: string })[]): TargetingCell[] {
  return rows.map((r) => {
    if (r.programCode !== undefined && r.programCode !== rule.code) throw new RangeError(`cube row of ${r.programCode} read for ${rule.code}`);
    if (r.criterionCode !== '' && !CAUSE_SET.has(r.criterionCode)) throw new RangeError(`unknown exclusion criterion ${r.criterionCode}`);
    return {
      programCode: rule.code,
      desil: r.desil,
      recipient: r.recipient,
      criterion: r.criterionCode === '' ? null : (r.criterionCode as ExclusionCriterionCode),
      groundChecked: r.groundChecked,
      inTargetGroup: r.inTargetGroup,
      units: r.units,
    };
  });
}

/** Summary of class rollup rows (class and cause already applied at publication). */
export function summaryOfClassRows(rows: readonly ClassFacts[]): TargetingSummary {
  const byClass = emptyByClass();
  const inclusionByCause: Partial<Record<InclusionCause, number>> = {};
  for (const r of rows) {
    if (!CLASS_SET.has(r.class)) throw new RangeError(`unknown targeting class ${r.class}`);
    byClass[r.class as TargetingClass] += r.units;
    if (r.class === 'INCLUSION_ERROR') {
      if (!CAUSE_SET.has(r.cause)) throw new RangeError(`unknown inclusion cause ${r.cause}`);
      const cause = r.cause as InclusionCause;
      inclusionByCause[cause] = (inclusionByCause[cause] ?? 0) + r.units;
    }
  }
  return summaryOf(byClass, inclusionByCause);
}

/** Rows grouped by region code, every code of `codes` present (empty when it has none). */
export function groupByRegion<T extends { regionCode: string }>(codes: readonly string[], rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>(codes.map((c) => [c, []]));
  for (const row of rows) out.get(row.regionCode)?.push(row);
  return out;
}

export interface CauseCount {
  cause: InclusionCause;
  units: number;
}

/** The figures of a targeting summary as the API exposes them. */
export interface TargetingFigures {
  /** Every unit of the program in the region: recipients, eligible non-recipients and the not eligible. */
  units: number;
  eligible: number;
  recipients: number;
  correctRecipients: number;
  inclusionErrors: number;
  exclusionErrors: number;
  pendingGroundCheck: number;
  notEligible: number;
  /** Inclusion errors / recipients; 0 when none receives. */
  inclusionRate: number;
  /** Exclusion errors / eligible units; 0 when none is eligible. */
  exclusionRate: number;
  coverage: number;
  leakage: number;
  /** Inclusion errors per cause, in `INCLUSION_CAUSE_ORDER`; causes with none absent. */
  inclusionByCause: CauseCount[];
}

export function figuresOf(s: TargetingSummary): TargetingFigures {
  const c = s.byClass;
  return {
    units: TARGETING_CLASSES.reduce((sum, k) => sum + c[k], 0),
    eligible: s.eligible,
    recipients: s.recipients,
    correctRecipients: c.CORRECT_RECIPIENT,
    inclusionErrors: c.INCLUSION_ERROR,
    exclusionErrors: c.EXCLUSION_ERROR,
    pendingGroundCheck: c.PENDING_GROUND_CHECK,
    notEligible: c.NOT_ELIGIBLE,
    inclusionRate: ratio(c.INCLUSION_ERROR, s.recipients),
    exclusionRate: ratio(c.EXCLUSION_ERROR, s.eligible),
    coverage: s.coverage,
    leakage: s.leakage,
    inclusionByCause: causeCounts(s.inclusionByCause, false),
  };
}

/** Causes in `INCLUSION_CAUSE_ORDER` with their units; with `withZeros`, every cause, else only those with units. */
export function causeCounts(byCause: Partial<Record<InclusionCause, number>>, withZeros: boolean): CauseCount[] {
  return INCLUSION_CAUSE_ORDER.map((cause) => ({ cause, units: byCause[cause] ?? 0 })).filter((c) => withZeros || c.units !== 0);
}

export interface CauseRow extends CauseCount {
  /** Units of this cause / all inclusion errors. */
  shareOfInclusionErrors: number;
  /** Units of this cause / all recipients. */
  shareOfRecipients: number;
}

/** The CAUSE rows: every inclusion cause, zeros included, with its shares. */
export function causeRows(s: TargetingSummary): CauseRow[] {
  const errors = s.byClass.INCLUSION_ERROR;
  return causeCounts(s.inclusionByCause, true).map((c) => ({
    ...c, shareOfInclusionErrors: ratio(c.units, errors), shareOfRecipients: ratio(c.units, s.recipients),
  }));
}

/** Desil of the DESIL rows: outside DTSEN (0), then 1..10. */
export const DESIL_ROWS: readonly number[] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** The DESIL rows: the summary of each desil's cells (0 = outside DTSEN), every desil present. */
export function desilRows(rule: Pick<ProgramRule, 'code' | 'desilMin' | 'desilMax'>, cells: readonly TargetingCell[]): Array<{ desil: number; summary: TargetingFigures }> {
  return DESIL_ROWS.map((desil) => ({ desil, summary: figuresOf(summarize(rule, cells.filter((c) => c.desil === desil))) }));
}

export type SortDirection = 'ASC' | 'DESC';

export type SubRegionSortField =
  | 'CODE' | 'NAME' | 'UNITS' | 'ELIGIBLE' | 'RECIPIENTS' | 'INCLUSION_ERRORS' | 'EXCLUSION_ERRORS'
  | 'INCLUSION_RATE' | 'EXCLUSION_RATE' | 'COVERAGE' | 'LEAKAGE';

export interface SubRegionRow<R extends { code: string; name: string }> {
  region: R;
  summary: TargetingFigures;
}

const SUB_REGION_KEY: Record<Exclude<SubRegionSortField, 'CODE' | 'NAME'>, keyof TargetingFigures> = {
  UNITS: 'units',
  ELIGIBLE: 'eligible',
  RECIPIENTS: 'recipients',
  INCLUSION_ERRORS: 'inclusionErrors',
  EXCLUSION_ERRORS: 'exclusionErrors',
  INCLUSION_RATE: 'inclusionRate',
  EXCLUSION_RATE: 'exclusionRate',
  COVERAGE: 'coverage',
  LEAKAGE: 'leakage',
};

/** Sub-region rows sorted by a field (ties by code ascending), a new array. */
export function sortSubRegions<R extends { code: string; name: string }>(
  rows: readonly SubRegionRow<R>[], field: SubRegionSortField, direction: SortDirection,
): SubRegionRow<R>[] {
  const sign = direction === 'ASC' ? 1 : -1;
  const value = (r: SubRegionRow<R>): number | string =>
    field === 'CODE' ? r.region.code : field === 'NAME' ? r.region.name : (r.summary[SUB_REGION_KEY[field]] as number);
  return [...rows].sort((a, b) => sign * compare(value(a), value(b)) || compare(a.region.code, b.region.code));
}

/** A page of `rows`: `limit` rows from `offset` (all rows when `limit` is null). */
export function page<T>(rows: readonly T[], offset: number, limit: number | null): T[] {
  return rows.slice(offset, limit === null ? undefined : offset + limit);
}

/**
 * Scenario minus baseline of the figures, given the domain's difference (`compareScenario`): the same fields, each
 * signed; `inclusionByCause` lists every cause present in either summary, in `INCLUSION_CAUSE_ORDER`. Each carries
 * the two figures it is the difference of (`differenceOf`, not shown), so that a difference is withheld wherever an
 * operand is a small cell (`domain/suppression.ts`).
 */
export interface FiguresDifference extends TargetingFigures {
  differenceOf: [TargetingFigures, TargetingFigures];
  inclusionByCause: Array<CauseCount & { differenceOf: [{ units: number }, { units: number }] }>;
}

export function figuresDifference(baseline: TargetingFigures, scenario: TargetingFigures, d: SummaryDifference): FiguresDifference {
  const causeUnits = (figures: TargetingFigures, cause: InclusionCause) => ({ units: figures.inclusionByCause.find((c) => c.cause === cause)?.units ?? 0 });
  return {
    units: scenario.units - baseline.units,
    eligible: d.eligible,
    recipients: d.recipients,
    correctRecipients: d.byClass.CORRECT_RECIPIENT,
    inclusionErrors: d.byClass.INCLUSION_ERROR,
    exclusionErrors: d.byClass.EXCLUSION_ERROR,
    pendingGroundCheck: d.byClass.PENDING_GROUND_CHECK,
    notEligible: d.byClass.NOT_ELIGIBLE,
    inclusionRate: scenario.inclusionRate - baseline.inclusionRate,
    exclusionRate: scenario.exclusionRate - baseline.exclusionRate,
    coverage: d.coverage,
    leakage: d.leakage,
    inclusionByCause: INCLUSION_CAUSE_ORDER.filter((c) => c in d.inclusionByCause).map((cause) => ({
      cause,
      units: d.inclusionByCause[cause] ?? 0,
      differenceOf: [causeUnits(baseline, cause), causeUnits(scenario, cause)],
    })),
    differenceOf: [baseline, scenario],
  };
}

// ---- Reallocation ----

/** The API's name of each fill priority. */
export const FILL_PRIORITY_NAME = { groundChecked: 'GROUND_CHECKED', waitingList: 'WAITING_LIST', remaining: 'REMAINING' } as const satisfies Record<FillPriority, string>;
export type FillPriorityName = (typeof FILL_PRIORITY_NAME)[FillPriority];

/** Fill counts in priority order, by their API names. */
export function fillPriorityCounts(counts: FillCounts): Array<{ priority: FillPriorityName; units: number }> {
  return FILL_PRIORITY_ORDER.map((p) => ({ priority: FILL_PRIORITY_NAME[p], units: counts[p] }));
}

// ---- Quota status of the kabupaten/kota ----

export type QuotaSortField = 'QUOTA' | 'RECIPIENTS' | 'GAP' | 'GAP_RATIO' | 'NAME' | 'CODE';

export interface QuotaRow<R extends { code: string; name: string }> {
  regency: R;
  /** Province code of the regency. */
  provinceCode: string;
  /** Unrounded share of the national quota. */
  exactQuota: number;
  quota: number;
  recipients: number;
  /** quota - recipients. */
  gap: number;
  /** gap / quota; null when the quota is 0. */
  gapRatio: number | null;
  status: QuotaStatusCode;
}

/**
 * One row per regency with a quota share: its quota, recipients (missing = none), gap and status. Regencies missing
 * from `regencies` are an error (the poverty table names a regency the region table does not know).
 */
export function quotaRows<R extends { code: string; name: string; parentCode: string | null }>(
  shares: readonly QuotaShare[], recipients: ReadonlyMap<string, number>, regencies: ReadonlyMap<string, R>,
): QuotaRow<R>[] {
  return shares.map((share) => {
    const regency = regencies.get(share.regionCode);
    if (!regency) throw new Error(`poverty figure of unknown kabupaten/kota ${share.regionCode}`);
    const r = recipients.get(share.regionCode) ?? 0;
    const { status, gap } = quotaStatus(share.quota, r);
    return {
      regency, provinceCode: regency.parentCode ?? '', exactQuota: share.exact, quota: share.quota, recipients: r, gap,
      gapRatio: share.quota === 0 ? null : gap / share.quota, status,
    };
  });
}

export interface QuotaFilter {
  statuses?: readonly QuotaStatusCode[] | null;
  provinceCode?: string | null;
  /** One kabupaten/kota. */
  regencyCode?: string | null;
  /** Case-insensitive part of the name, or a code prefix. */
  search?: string | null;
}

export function filterQuotaRows<R extends { code: string; name: string }>(rows: readonly QuotaRow<R>[], filter: QuotaFilter): QuotaRow<R>[] {
  const statuses = filter.statuses && filter.statuses.length > 0 ? new Set(filter.statuses) : null;
  const search = filter.search?.trim().toLowerCase() || null;
  return rows.filter(
    (r) =>
      (statuses === null || statuses.has(r.status)) &&
      (!filter.provinceCode || r.provinceCode === filter.provinceCode) &&
      (!filter.regencyCode || r.regency.code === filter.regencyCode) &&
      (search === null || r.regency.name.toLowerCase().includes(search) || r.regency.code.startsWith(search)),
  );
}

/** Rows sorted by a field (ties by code ascending; a null gap ratio sorts last in both directions), a new array. */
export function sortQuotaRows<R extends { code: string; name: string }>(
  rows: readonly QuotaRow<R>[], field: QuotaSortField, direction: SortDirection,
): QuotaRow<R>[] {
  const sign = direction === 'ASC' ? 1 : -1;
  const byField = (a: QuotaRow<R>, b: QuotaRow<R>): number => {
    switch (field) {
      case 'QUOTA':
        return sign * (a.quota - b.quota);
      case 'RECIPIENTS':
        return sign * (a.recipients - b.recipients);
      case 'GAP':
        return sign * (a.gap - b.gap);
      case 'GAP_RATIO':
        if (a.gapRatio === null || b.gapRatio === null) return (a.gapRatio === null ? 1 : 0) - (b.gapRatio === null ? 1 : 0);
        return sign * (a.gapRatio - b.gapRatio);
      case 'NAME':
        return sign * compare(a.regency.name, b.regency.name);
      case 'CODE':
        return sign * compare(a.regency.code, b.regency.code);
    }
  };
  return [...rows].sort((a, b) => byField(a, b) || compare(a.regency.code, b.regency.code));
}

export interface QuotaTotals {
  /** Regencies in the filtered set. */
  count: number;
  under: number;
  over: number;
  match: number;
  quota: number;
  recipients: number;
  /** Free places in UNDER regencies. */
  shortfall: number;
  /** Recipients above quota in OVER regencies. */
  excess: number;
}

export function quotaTotals(rows: readonly Pick<QuotaRow<{ code: string; name: string }>, 'status' | 'quota' | 'recipients' | 'gap'>[]): QuotaTotals {
  const t: QuotaTotals = { count: 0, under: 0, over: 0, match: 0, quota: 0, recipients: 0, shortfall: 0, excess: 0 };
  for (const r of rows) {
    t.count += 1;
    if (r.status === 'UNDER') t.under += 1;
    else if (r.status === 'OVER') t.over += 1;
    else t.match += 1;
    t.quota += r.quota;
    t.recipients += r.recipients;
    t.shortfall += Math.max(0, r.gap);
    t.excess += Math.max(0, -r.gap);
  }
  return t;
}

/** "YYYY-MM" with a month 01-12. */
export function isPovertyPeriod(period: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(period);
}

function ratio(n: number, d: number): number {
  return d === 0 ? 0 : n / d;
}

function compare(a: number | string, b: number | string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
