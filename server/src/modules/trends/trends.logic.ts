/**
 * Pure shaping of the trend analyses: rollup rows in, API views out. No database access here; every rule comes from
 * `domain/` (classification, trends, programs).
 */
import { summarize, type TargetingSummary } from '../../domain/classification.js';
import { PROGRAMS, type ProgramCode, type ProgramRule } from '../../domain/programs.js';
import {
  CHURN_REASONS, churnReasons, coverageTrend, median, pkhDurationReached, type ChurnCategory, type ChurnDirection,
  type TransitionMatrix,
} from '../../domain/trends.js';
import { summaryOfClassRows, toCells, type ClassFacts, type CubeFacts } from '../targeting/targeting.logic.js';

// ---------------------------------------------------------------------------------------------------------------
// Coverage trend

/** A `targeting_rollup` row read per version. */
export interface CubeRow extends CubeFacts {
  versionId: number;
}

/** A `targeting_class_rollup` row read per version. */
export interface ClassRow extends ClassFacts {
  versionId: number;
}

/** The targeting summary of one version, with its derived counts. */
export interface CoveragePointView {
  versionId: number;
  eligible: number;
  recipients: number;
  eligibleRecipients: number;
  inclusionErrors: number;
  exclusionErrors: number;
  pendingGroundCheck: number;
  coverage: number;
  leakage: number;
  inclusionErrorsByCause: { cause: string; units: number }[];
}

function pointOf(versionId: number, s: TargetingSummary): CoveragePointView {
  return {
    versionId,
    eligible: s.eligible,
    recipients: s.recipients,
    eligibleRecipients: s.byClass.CORRECT_RECIPIENT,
    inclusionErrors: s.byClass.INCLUSION_ERROR,
    exclusionErrors: s.byClass.EXCLUSION_ERROR,
    pendingGroundCheck: s.byClass.PENDING_GROUND_CHECK,
    coverage: s.coverage,
    leakage: s.leakage,
    inclusionErrorsByCause: Object.entries(s.inclusionByCause)
      .map(([cause, units]) => ({ cause, units: units ?? 0 }))
      .sort((a, b) => b.units - a.units || a.cause.localeCompare(b.cause)),
  };
}

function groupByVersion<T extends { versionId: number }>(versionIds: readonly number[], rows: readonly T[]): Map<number, T[]> {
  const out = new Map<number, T[]>(versionIds.map((id) => [id, []]));
  for (const row of rows) out.get(row.versionId)?.push(row);
  return out;
}

/**
 * One point per version (in version order, a version without rows gives zeros) from the cube rows: the cells of each
 * version are classified by the domain (`coverageTrend` for coverage and leakage, `summarize` for the class counts).
 */
export function coverageFromCube(rule: ProgramRule, versionIds: readonly number[], rows: readonly CubeRow[]): CoveragePointView[] {
  const cells = new Map([...groupByVersion(versionIds, rows)].map(([v, rs]) => [v, toCells(rule, rs)]));
  return coverageTrend(rule, cells).map((p) => {
    const point = pointOf(p.version, summarize(rule, cells.get(p.version)!));
    return { ...point, eligible: p.eligible, recipients: p.recipients, coverage: p.coverage, leakage: p.leakage };
  });
}

/** One point per version (in version order) from the class rows of a kecamatan or desa. */
export function coverageFromClasses(versionIds: readonly number[], rows: readonly ClassRow[]): CoveragePointView[] {
  return [...groupByVersion(versionIds, rows)]
    .sort(([a], [b]) => a - b)
    .map(([v, rs]) => pointOf(v, summaryOfClassRows(rs)));
}

// ---------------------------------------------------------------------------------------------------------------
// Churn

/** A `churn_rollup` row. */
export interface ChurnRow {
  versionId: number;
  direction: string;
  reason: string;
  units: number;
}

export interface ChurnFlowView {
  direction: ChurnDirection;
  reason: keyof typeof CHURN_REASONS;
  category: ChurnCategory;
  units: number;
}

export interface ChurnFlowsView {
  entries: ChurnFlowView[];
  exits: ChurnFlowView[];
  totalEntries: number;
  totalExits: number;
}

/**
 * Entries and exits per reason (with the reason's churn category), largest first. The totals come from the domain's
 * `churnReasons`, which also rejects a reason or direction it does not know.
 */
export function churnFlows(rows: readonly Omit<ChurnRow, 'versionId'>[]): ChurnFlowsView {
  const byCategory = churnReasons(rows);
  const byReason = new Map<string, number>();
  for (const row of rows) byReason.set(row.reason, (byReason.get(row.reason) ?? 0) + row.units);
  const flows = [...byReason].map(([reason, units]) => {
    const mapped = CHURN_REASONS[reason as keyof typeof CHURN_REASONS];
    return { direction: mapped.direction, reason: reason as keyof typeof CHURN_REASONS, category: mapped.category, units };
  }).sort((a, b) => b.units - a.units || a.reason.localeCompare(b.reason));
  const total = (xs: Partial<Record<ChurnCategory, number>>) => Object.values(xs).reduce((a, b) => a + (b ?? 0), 0);
  return {
    entries: flows.filter((f) => f.direction === 'ENTRY'),
    exits: flows.filter((f) => f.direction === 'EXIT'),
    totalEntries: total(byCategory.entries),
    totalExits: total(byCategory.exits),
  };
}

export interface ChurnStepView extends ChurnFlowsView {
  fromVersionId: number;
  toVersionId: number;
}

/** The flows of every step v-1 -> v in (from, to], in order (a step without rows has no flows). */
export function churnSteps(fromVersionId: number, toVersionId: number, rows: readonly ChurnRow[]): ChurnStepView[] {
  const steps: ChurnStepView[] = [];
  for (let v = fromVersionId + 1; v <= toVersionId; v++) {
    steps.push({ fromVersionId: v - 1, toVersionId: v, ...churnFlows(rows.filter((r) => r.versionId === v)) });
  }
  return steps;
}

// ---------------------------------------------------------------------------------------------------------------
// Desil transitions

export interface TransitionCellView {
  fromDesil: number;
  toDesil: number;
  families: number;
  /** Share of the row (families in `fromDesil` at the from-version). */
  share: number;
}

export interface TransitionsSummaryView {
  cells: TransitionCellView[];
  rowTotals: { fromDesil: number; families: number }[];
  total: number;
  /** Families in DTSEN at both versions. */
  inBoth: number;
  stayed: number;
  movedUp: number;
  movedDown: number;
  entered: number;
  left: number;
  stayedShare: number;
  movedUpShare: number;
  movedDownShare: number;
}

/**
 * Cells (every from/to pair of 0..10 but (0, 0), which is never counted), row totals, and the families staying in
 * their desil, moving up (to a higher desil: better off) or down, entering (0 -> d) and leaving (d -> 0). The shares
 * are of the families in DTSEN at both versions.
 */
export function summarizeTransitions(m: TransitionMatrix): TransitionsSummaryView {
  const cells: TransitionCellView[] = [];
  let stayed = 0;
  let movedUp = 0;
  let movedDown = 0;
  let entered = 0;
  let left = 0;
  m.counts.forEach((row, from) => row.forEach((families, to) => {
    if (from === 0 && to === 0) return;
    cells.push({ fromDesil: from, toDesil: to, families, share: m.shares[from]![to]! });
    if (from === 0) entered += families;
    else if (to === 0) left += families;
    else if (to === from) stayed += families;
    else if (to > from) movedUp += families;
    else movedDown += families;
  }));
  const inBoth = stayed + movedUp + movedDown;
  const share = (n: number) => (inBoth === 0 ? 0 : n / inBoth);
  return {
    cells,
    rowTotals: m.counts.map((row, from) => ({ fromDesil: from, families: row.reduce((a, b) => a + b, 0) })),
    total: m.total,
    inBoth, stayed, movedUp, movedDown, entered, left,
    stayedShare: share(stayed), movedUpShare: share(movedUp), movedDownShare: share(movedDown),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Program overlap

/** The bit of each program in a program mask: 2^k for the k-th program in sort order (PKH 1, SEMBAKO 2, PBI_JKN 4 ...). */
export const PROGRAM_BITS: readonly { code: ProgramCode; bit: number }[] = [...PROGRAMS]
  .sort((a, b) => a.sortOrder - b.sortOrder)
  .map((p, k) => ({ code: p.code, bit: 2 ** k }));

/** The programs of a mask, in program order; RangeError for a bit no program has. */
export function programsOfMask(mask: number): ProgramCode[] {
  const all = PROGRAM_BITS.reduce((a, p) => a | p.bit, 0);
  if (!Number.isInteger(mask) || mask < 0 || (mask & ~all) !== 0) throw new RangeError(`program mask ${mask} has unknown bits`);
  return PROGRAM_BITS.filter((p) => (mask & p.bit) !== 0).map((p) => p.code);
}

/** An `overlap_rollup` row. */
export interface OverlapRow {
  desil: number;
  programMask: number;
  families: number;
}

export interface ProgramCombinationView {
  programMask: number;
  programs: ProgramCode[];
  families: number;
  share: number;
  /** Desil 0 (outside DTSEN) to 10, zeros included. */
  byDesil: { desil: number; families: number }[];
}

export interface ProgramOverlapView {
  totalFamilies: number;
  combinations: ProgramCombinationView[];
}

/** Families per program combination (largest first, then by mask) with their desil split and share of all families. */
export function programOverlap(rows: readonly OverlapRow[]): ProgramOverlapView {
  const byMask = new Map<number, number[]>();
  for (const row of rows) {
    if (!Number.isInteger(row.desil) || row.desil < 0 || row.desil > 10) throw new RangeError(`desil ${row.desil} is not 0-10`);
    const desils = byMask.get(row.programMask) ?? new Array<number>(11).fill(0);
    desils[row.desil]! += row.families;
    byMask.set(row.programMask, desils);
  }
  const totalFamilies = rows.reduce((a, r) => a + r.families, 0);
  const combinations = [...byMask].map(([mask, desils]) => {
    const families = desils.reduce((a, b) => a + b, 0);
    return {
      programMask: mask,
      programs: programsOfMask(mask),
      families,
      share: totalFamilies === 0 ? 0 : families / totalFamilies,
      byDesil: desils.map((n, desil) => ({ desil, families: n })),
    };
  }).sort((a, b) => b.families - a.families || a.programMask - b.programMask);
  return { totalFamilies, combinations };
}

// ---------------------------------------------------------------------------------------------------------------
// Proposal funnel

/** A `proposal_rollup` row. */
export interface ProposalRow {
  regionCode: string;
  kind: string;
  path: string;
  status: string;
  proposals: number;
  medianDaysToDecision: number | null;
}

/** Statuses in funnel order. */
export const PROPOSAL_STATUSES = ['SUBMITTED', 'VERIFIED', 'GROUND_CHECKED', 'APPROVED', 'REJECTED'] as const;
export const PROPOSAL_KINDS = ['USULAN', 'SANGGAH', 'DESIL_UPDATE', 'PBI_REACTIVATION'] as const;
export const PROPOSAL_PATHS = ['FORMAL', 'PARTICIPATORY'] as const;

export interface ProposalGroupStats {
  proposals: number;
  /** Proposals in cells with a median turnaround (decided ones: APPROVED or REJECTED). */
  decidedProposals: number;
  /** Exact when the group has a single decided cell, else the proposal-weighted median of the cell medians. */
  medianDaysToDecision: number | null;
  medianIsExact: boolean;
  cellMedianDaysMin: number | null;
  cellMedianDaysMax: number | null;
}

/**
 * The counts of a group of (kind, path, status) cells and what can be said of its median turnaround. Counts add up,
 * medians do not: the median of all the group's decided proposals is not in the rollup. It lies between the smallest
 * and the largest cell median (at least half of every cell is at or below its median, so at least half of the group
 * is at or below the largest; likewise for the smallest). The reported `medianDaysToDecision` is exact for a group of
 * one decided cell; otherwise it is the weighted median of the cell medians (each cell weighted by its proposals): the
 * smallest cell median at or below which half of the group's decided proposals' cells lie.
 */
export function proposalGroupStats(rows: readonly Pick<ProposalRow, 'proposals' | 'medianDaysToDecision'>[]): ProposalGroupStats {
  const proposals = rows.reduce((a, r) => a + r.proposals, 0);
  const decided = rows.filter((r) => r.medianDaysToDecision !== null && r.proposals > 0)
    .map((r) => ({ median: r.medianDaysToDecision!, weight: r.proposals }))
    .sort((a, b) => a.median - b.median);
  const decidedProposals = decided.reduce((a, r) => a + r.weight, 0);
  if (decided.length === 0) {
    return { proposals, decidedProposals, medianDaysToDecision: null, medianIsExact: true, cellMedianDaysMin: null, cellMedianDaysMax: null };
  }
  return {
    proposals,
    decidedProposals,
    medianDaysToDecision: weightedMedian(decided),
    medianIsExact: decided.length === 1,
    cellMedianDaysMin: decided[0]!.median,
    cellMedianDaysMax: decided.at(-1)!.median,
  };
}

/** Weighted median of values sorted ascending: the lower weighted median, or the mean of the two when split exactly. */
export function weightedMedian(sorted: readonly { median: number; weight: number }[]): number | null {
  const total = sorted.reduce((a, r) => a + r.weight, 0);
  if (total === 0) return null;
  let cumulative = 0;
  for (let k = 0; k < sorted.length; k++) {
    cumulative += sorted[k]!.weight;
    if (cumulative * 2 > total) return sorted[k]!.median;
    if (cumulative * 2 === total) return median([sorted[k]!.median, sorted[k + 1]!.median]);
  }
  return sorted.at(-1)!.median;
}

export type ProposalGroupKey = 'status' | 'path' | 'kind' | 'regionCode';

export interface ProposalGroupView extends ProposalGroupStats {
  key: string;
  share: number;
}

/**
 * Groups the rows by one key. `keys` lists the groups to report, in order, zeros included (statuses in funnel order,
 * kinds, paths, or the sub-regions); rows whose key is not listed are an error.
 */
export function groupProposals(rows: readonly ProposalRow[], by: ProposalGroupKey, keys: readonly string[]): ProposalGroupView[] {
  const total = rows.reduce((a, r) => a + r.proposals, 0);
  const byKey = new Map<string, ProposalRow[]>(keys.map((k) => [k, []]));
  for (const row of rows) {
    const group = byKey.get(row[by]);
    if (!group) throw new RangeError(`proposal ${by} ${row[by]} is not one of ${keys.join(', ')}`);
    group.push(row);
  }
  return keys.map((key) => {
    const stats = proposalGroupStats(byKey.get(key)!);
    return { key, share: total === 0 ? 0 : stats.proposals / total, ...stats };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Membership duration (PKH)

export interface MembershipYearView {
  memberSinceYear: number;
  units: number;
  yearsOfMembership: number;
  reachedMaxYears: boolean;
}

export interface MembershipDurationView {
  year: number;
  maxYears: number | null;
  totalRecipients: number;
  reachedMaxYears: number;
  reachedShare: number;
  byYear: MembershipYearView[];
}

/** Recipients by the year their membership began, and how many reached the program's limit in `year`. */
export function membershipDuration(
  rule: Pick<ProgramRule, 'maxYears'>, year: number, rows: readonly { memberSinceYear: number; units: number }[],
): MembershipDurationView {
  const bySince = new Map<number, number>();
  for (const r of rows) bySince.set(r.memberSinceYear, (bySince.get(r.memberSinceYear) ?? 0) + r.units);
  const byYear = [...bySince].sort(([a], [b]) => a - b).map(([memberSinceYear, units]) => ({
    memberSinceYear,
    units,
    yearsOfMembership: year - memberSinceYear,
    reachedMaxYears: pkhDurationReached(memberSinceYear, year, rule.maxYears),
  }));
  const totalRecipients = byYear.reduce((a, r) => a + r.units, 0);
  const reachedMaxYears = byYear.filter((r) => r.reachedMaxYears).reduce((a, r) => a + r.units, 0);
  return {
    year, maxYears: rule.maxYears, totalRecipients, reachedMaxYears,
    reachedShare: totalRecipients === 0 ? 0 : reachedMaxYears / totalRecipients, byYear,
  };
}
