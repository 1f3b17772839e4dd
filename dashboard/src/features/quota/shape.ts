// Pure pieces of the quota view: the URL's filters (status, sort, page, open kabupaten/kota), the scope a
// region gives (a regional head lands on their own kabupaten, the list filtered to its province), and the
// reallocation plan shaped into steps and family rows.
import type { StateChange } from '../../app/url-state';
import { NATION_CODE, regencyOfCode } from '../../app/url-state';
import type {
  FillPriority,
  QuotaPlanFamilyFragment,
  QuotaReallocationPlanQuery,
  QuotaSort,
  QuotaSortField,
  QuotaStatusCode,
} from '../../generated/graphql';
import { sumOrNull } from '../../shared/small-cells';
import { parseSortParam, type SortParam } from '../../shared/sort-param';

export const QUOTA_STATUSES: readonly QuotaStatusCode[] = ['UNDER', 'OVER', 'MATCH'];

/** `status=UNDER,OVER` → the statuses, in UNDER/OVER/MATCH order; unknown names are dropped. */
export function parseStatusFilter(value: string | undefined): QuotaStatusCode[] {
  const asked = new Set((value ?? '').toUpperCase().split(',').map((part) => part.trim()));
  return QUOTA_STATUSES.filter((status) => asked.has(status));
}

/** The parameter of a status filter; null (no parameter) when it filters nothing (none or all). */
export function formatStatusFilter(statuses: readonly QuotaStatusCode[]): string | null {
  const chosen = QUOTA_STATUSES.filter((status) => statuses.includes(status));
  return chosen.length === 0 || chosen.length === QUOTA_STATUSES.length ? null : chosen.join(',');
}

export function toggleStatus(statuses: readonly QuotaStatusCode[], status: QuotaStatusCode): QuotaStatusCode[] {
  const next = statuses.includes(status) ? statuses.filter((other) => other !== status) : [...statuses, status];
  return QUOTA_STATUSES.filter((candidate) => next.includes(candidate));
}

export const QUOTA_SORT_KEYS = ['name', 'quota', 'recipients', 'gap', 'gap_ratio'] as const;
export type QuotaSortKey = (typeof QUOTA_SORT_KEYS)[number];

/** The API's default: most free places first, most excess last. */
export const DEFAULT_QUOTA_SORT: SortParam<QuotaSortKey> = { key: 'gap', direction: 'desc' };

export function parseQuotaSort(value: string | undefined): SortParam<QuotaSortKey> {
  return parseSortParam(value, QUOTA_SORT_KEYS, DEFAULT_QUOTA_SORT);
}

const SORT_FIELDS: Readonly<Record<QuotaSortKey, QuotaSortField>> = {
  name: 'NAME',
  quota: 'QUOTA',
  recipients: 'RECIPIENTS',
  gap: 'GAP',
  gap_ratio: 'GAP_RATIO',
};

export function toQuotaSort(sort: SortParam<QuotaSortKey>): QuotaSort {
  return { field: SORT_FIELDS[sort.key], direction: sort.direction === 'asc' ? 'ASC' : 'DESC' };
}

/** A page offset from the URL (`mulai=`): a whole number ≥ 0, else 0. */
export function parseOffset(value: string | undefined): number {
  const number = Number(value);
  return Number.isSafeInteger(number) && number > 0 ? number : 0;
}

/** A national quota from the URL (`kuota=`): a whole number ≥ 1, else null. */
export function parseNationalQuota(value: string | undefined): number | null {
  const number = Number(value);
  return Number.isSafeInteger(number) && number >= 1 ? number : null;
}

const REGENCY_CODE = /^\d{2}\.\d{2}$/;

export interface QuotaScope {
  /** Province the list is filtered to; null for the nation. */
  provinceCode: string | null;
  /** The kabupaten/kota of the URL region (a regency or below), else null. */
  homeRegency: string | null;
  /** The kabupaten/kota whose plan is open: `kab=` (within the region's province), else the home regency. */
  openRegency: string | null;
}

/**
 * What the URL region means for the quota: the nation lists all 514; a province lists its own; a kabupaten
 * (or a kecamatan/desa in it) lists its province and opens its own plan, so a regional head lands on it.
 */
export function quotaScope(regionCode: string, kab: string | undefined): QuotaScope {
  const homeRegency = regencyOfCode(regionCode);
  const provinceCode = regionCode === NATION_CODE ? null : (regionCode.split('.')[0] ?? null);
  // A `kab=` outside the region's province (left over from another region) is not shown.
  const inRegion = (code: string) => provinceCode === null || code.startsWith(`${provinceCode}.`);
  const chosen = kab !== undefined && REGENCY_CODE.test(kab) && inRegion(kab) ? kab : null;
  return { provinceCode, homeRegency, openRegency: chosen ?? homeRegency };
}

/** Closing the plan returns to the list: drop `kab`, and leave a kabupaten region for its province. */
export function closePlanChange(regionCode: string): StateChange {
  const regency = regencyOfCode(regionCode);
  return regency === null ? { params: { kab: null } } : { regionCode: regency.split('.')[0], params: { kab: null } };
}

/** "2024-03" → "Maret 2024" (or "March 2024"); anything else as given. */
export function formatPeriod(period: string, lang: 'id' | 'en'): string {
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  if (!match) return period;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

export type ReallocationPlan = QuotaReallocationPlanQuery['reallocationPlan'];

// Counts withheld by the API (small cells) are null, and so is everything computed from one.

export interface FillStep {
  priority: FillPriority;
  /** Units taken from this priority. */
  taken: number | null;
  /** Candidates in this priority. */
  pool: number | null;
}

export interface FillSummary {
  steps: FillStep[];
  taken: number | null;
  /** Free places no candidate can fill. */
  unfilled: number | null;
}

/** A count per key from the API: a key it did not return is 0, a withheld count stays null. */
function countOf<K>(counts: ReadonlyMap<K, number | null>, key: K): number | null {
  const count = counts.get(key);
  return count === undefined ? 0 : count;
}

const FILL_ORDER: readonly FillPriority[] = ['GROUND_CHECKED', 'WAITING_LIST', 'REMAINING'];

/** The three fill priorities in order with what each gives, and what stays free when the pools run out. */
export function fillSummary(plan: ReallocationPlan): FillSummary {
  const taken = new Map(plan.fill?.counts.map((count) => [count.priority, count.units]));
  const pools = new Map(plan.fill?.poolSizes.map((count) => [count.priority, count.units]));
  const steps = FILL_ORDER.map((priority) => ({ priority, taken: countOf(taken, priority), pool: countOf(pools, priority) }));
  const total = sumOrNull(steps.map((step) => step.taken));
  return { steps, taken: total, unfilled: plan.gap === null || total === null ? null : Math.max(0, plan.gap - total) };
}

export interface RemovalStep {
  cause: string;
  removed: number | null;
  candidates: number | null;
}

export interface RemovalSummary {
  steps: RemovalStep[];
  removed: number | null;
  /** Excess recipients no inclusion error can absorb (only correct recipients are left). */
  unabsorbed: number | null;
}

/** The causes in removal order with what each removes, and the excess that inclusion errors cannot absorb. */
export function removalSummary(plan: ReallocationPlan): RemovalSummary {
  const removed = new Map(plan.removal?.byCause.map((count) => [count.cause, count.units]));
  const steps: RemovalStep[] = (plan.removal?.candidates ?? []).map((count) => ({
    cause: count.cause,
    removed: countOf(removed, count.cause),
    candidates: count.units,
  }));
  for (const count of plan.removal?.byCause ?? []) {
    if (!steps.some((step) => step.cause === count.cause)) steps.push({ cause: count.cause, removed: count.units, candidates: count.units });
  }
  const total = sumOrNull(steps.map((step) => step.removed));
  return { steps, removed: total, unabsorbed: plan.gap === null || total === null ? null : Math.max(0, -plan.gap - total) };
}

/** One family (or person) of the plan, in plan order, as the API masks it. */
export interface PlanUnitRow {
  order: number;
  /** The fill priority or the inclusion cause it is taken under. */
  reason: string;
  kkMasked: string;
  nameMasked: string | null;
  nikMasked: string | null;
  /** 0 = outside DTSEN. */
  desil: number;
  rank: number | null;
  village: string;
  district: string | null;
  familyId: number;
  individualId: number | null;
}

/** The person shown for a unit: the individual of an individual program, else the head of the family. */
function personOf(family: QuotaPlanFamilyFragment, individualId: number | null) {
  if (individualId !== null) return family.members.find((member) => member.id === individualId) ?? null;
  return family.members.find((member) => member.relationship === 'HEAD') ?? family.members[0] ?? null;
}

export function planUnitRows(plan: ReallocationPlan): PlanUnitRow[] {
  const units = [
    ...(plan.fill?.units?.map((unit) => ({ ...unit, reason: unit.priority })) ?? []),
    ...(plan.removal?.units?.map((unit) => ({ ...unit, reason: unit.cause })) ?? []),
  ];
  return units.map((unit, index) => {
    const person = personOf(unit.family, unit.individualId);
    return {
      order: index + 1,
      reason: unit.reason,
      kkMasked: unit.family.kkMasked,
      nameMasked: person?.nameMasked ?? null,
      nikMasked: person?.nikMasked ?? null,
      desil: unit.desil,
      rank: unit.rank,
      village: unit.family.region.name,
      district: unit.family.region.parent?.name ?? null,
      familyId: unit.familyId,
      individualId: unit.individualId,
    };
  });
}

/** How many units the plan moves in all (its list may show fewer); null when withheld. */
export function planUnitTotal(plan: ReallocationPlan): number | null {
  if (plan.status === 'UNDER') return fillSummary(plan).taken;
  if (plan.status === 'OVER') return removalSummary(plan).removed;
  return 0;
}
