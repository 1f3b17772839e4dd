// Pure shaping of the targetingErrors answers into what the view's charts and tables draw: cause rows with
// their names, the eleven desil columns (outside DTSEN, desil 1–10) and the sub-region sort order of the URL.
import type {
  InclusionCause,
  TargetingSort,
  TargetingSortField,
  TargetingSummaryFieldsFragment,
} from '../../generated/graphql';
import { inclusionCauseKind, type InclusionCauseKind, type InclusionCauseNames } from '../../shared/inclusion-causes';
import { shareOrNull } from '../../shared/small-cells';
import { parseSortParam, type SortParam } from '../../shared/sort-param';

export type TargetingSummary = TargetingSummaryFieldsFragment;

/** Counts and shares of one cause; null = withheld by the API (a small cell). */
export interface CauseCount {
  cause: InclusionCause;
  units: number | null;
  shareOfInclusionErrors: number | null;
  shareOfRecipients: number | null;
}

/** One inclusion cause, named, in the API's removal order. */
export interface CauseRow extends CauseCount {
  label: string;
  kind: InclusionCauseKind;
  /** Where a criterion is detected from (BKN, Dukcapil…); null for the other causes. */
  detectedBy: string | null;
  /** Position in the removal order, from 1. */
  order: number;
}

export function toCauseRows(
  byCause: readonly CauseCount[],
  names: InclusionCauseNames,
  desilMax: number,
): CauseRow[] {
  return byCause.map((row, index) => ({
    ...row,
    label: names.label(row.cause, desilMax),
    kind: inclusionCauseKind(row.cause),
    detectedBy: names.detectedBy(row.cause),
    order: index + 1,
  }));
}

/** The bars of the cause chart: causes with at least one unit, largest first (ties in removal order); withheld ones left out. */
export function causeChartData(rows: readonly CauseRow[]): (CauseRow & { units: number })[] {
  return rows
    .filter((row): row is CauseRow & { units: number } => row.units !== null && row.units > 0)
    .sort((a, b) => b.units - a.units || a.order - b.order);
}

/** One desil column: the targeting classes of its units. */
export interface DesilRow {
  /** 0 = outside DTSEN. */
  desil: number;
  label: string;
  /** Short label for the chart axis. */
  tick: string;
  /** Within the program's desil range. */
  inRange: boolean;
  /** Counts; null when withheld (a small cell). */
  units: number | null;
  eligible: number | null;
  recipients: number | null;
  correct: number | null;
  pending: number | null;
  inclusion: number | null;
  exclusion: number | null;
  /** Correct recipients / eligible; null when nobody of the desil is eligible, or when withheld. */
  coverage: number | null;
  /** Whether the coverage is withheld (computed from a small cell). */
  coverageWithheld: boolean;
}

export interface DesilLabels {
  outside: string;
  outsideTick: string;
  desil: (desil: number) => string;
}

const ZERO_SUMMARY: TargetingSummary = {
  units: 0,
  eligible: 0,
  recipients: 0,
  correctRecipients: 0,
  inclusionErrors: 0,
  inclusionRate: 0,
  exclusionErrors: 0,
  exclusionRate: 0,
  pendingGroundCheck: 0,
  coverage: 0,
  leakage: 0,
  notEligible: 0,
};

/**
 * Desil 1–10 in order, preceded by "outside DTSEN" when it holds any unit. A desil the API did not return
 * is a row of zeros, so the chart always has the ten desil.
 */
export function toDesilRows(
  byDesil: readonly { desil: number; summary: TargetingSummary }[],
  desilMin: number,
  desilMax: number,
  labels: DesilLabels,
): DesilRow[] {
  const byNumber = new Map(byDesil.map((row) => [row.desil, row.summary]));
  const outside = byNumber.get(0);
  // Outside DTSEN is shown when it holds any unit (a withheld count is 1 or more).
  const desils = [...(outside && outside.units !== 0 ? [0] : []), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  return desils.map((desil) => {
    const summary = byNumber.get(desil) ?? ZERO_SUMMARY;
    return {
      desil,
      label: desil === 0 ? labels.outside : labels.desil(desil),
      tick: desil === 0 ? labels.outsideTick : String(desil),
      inRange: desil >= desilMin && desil <= desilMax,
      units: summary.units,
      eligible: summary.eligible,
      recipients: summary.recipients,
      correct: summary.correctRecipients,
      pending: summary.pendingGroundCheck,
      inclusion: summary.inclusionErrors,
      exclusion: summary.exclusionErrors,
      coverage: summary.eligible === 0 ? null : shareOrNull(summary.correctRecipients, summary.eligible),
      coverageWithheld: summary.eligible !== 0 && shareOrNull(summary.correctRecipients, summary.eligible) === null,
    };
  });
}

/** Column keys of the sub-region table the API can sort by (`urut=`). */
export const SUB_REGION_SORT_KEYS = [
  'name',
  'recipients',
  'eligible',
  'inclusion_errors',
  'inclusion_rate',
  'exclusion_errors',
  'exclusion_rate',
  'coverage',
  'leakage',
] as const;
export type SubRegionSortKey = (typeof SUB_REGION_SORT_KEYS)[number];

/** Sub-regions are ranked worst inclusion rate first unless the URL says otherwise. */
export const DEFAULT_SUB_REGION_SORT: SortParam<SubRegionSortKey> = { key: 'inclusion_rate', direction: 'desc' };

export function parseSubRegionSort(value: string | undefined): SortParam<SubRegionSortKey> {
  return parseSortParam(value, SUB_REGION_SORT_KEYS, DEFAULT_SUB_REGION_SORT);
}

const SORT_FIELDS: Readonly<Record<SubRegionSortKey, TargetingSortField>> = {
  name: 'NAME',
  recipients: 'RECIPIENTS',
  eligible: 'ELIGIBLE',
  inclusion_errors: 'INCLUSION_ERRORS',
  inclusion_rate: 'INCLUSION_RATE',
  exclusion_errors: 'EXCLUSION_ERRORS',
  exclusion_rate: 'EXCLUSION_RATE',
  coverage: 'COVERAGE',
  leakage: 'LEAKAGE',
};

export function toTargetingSort(sort: SortParam<SubRegionSortKey>): TargetingSort {
  return { field: SORT_FIELDS[sort.key], direction: sort.direction === 'asc' ? 'ASC' : 'DESC' };
}

/** A page offset from the URL (`mulai=`): a whole number ≥ 0, else 0. */
export function parseOffset(value: string | undefined): number {
  const number = Number(value);
  return Number.isSafeInteger(number) && number > 0 ? number : 0;
}

/** The level of a region's children, or null below the desa. */
export function childLevel(level: string): 'PROVINCE' | 'REGENCY' | 'DISTRICT' | 'VILLAGE' | null {
  switch (level) {
    case 'NATION':
      return 'PROVINCE';
    case 'PROVINCE':
      return 'REGENCY';
    case 'REGENCY':
      return 'DISTRICT';
    case 'DISTRICT':
      return 'VILLAGE';
    default:
      return null;
  }
}
