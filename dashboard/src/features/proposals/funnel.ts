// Shapes the proposals funnel (a rollup written when a version is published) into funnel stages, the
// turnaround of the whole region, and breakdowns by path and kind. Pure, so the rules are tested here.
import { levelOfCode, regencyOfCode } from '../../app/url-state';
import type { ProposalKind, ProposalPath, ProposalsFunnelQuery, ProposalStatus } from '../../generated/graphql';
import { isWithheld, shareOrNull, sumOrNull } from '../../shared/small-cells';

export type FunnelGroup = ProposalsFunnelQuery['byStatus']['groups'][number];
export type FunnelCell = ProposalsFunnelQuery['byStatus']['cells'][number];

export const STATUS_ORDER: readonly ProposalStatus[] = ['SUBMITTED', 'VERIFIED', 'GROUND_CHECKED', 'APPROVED', 'REJECTED'];
export const PATH_ORDER: readonly ProposalPath[] = ['FORMAL', 'PARTICIPATORY'];
export const KIND_ORDER: readonly ProposalKind[] = ['USULAN', 'SANGGAH', 'DESIL_UPDATE', 'PBI_REACTIVATION'];

/** The proposals funnel is kept down to kabupaten/kota: a kecamatan or desa shows its kabupaten/kota. */
export function funnelRegionCode(regionCode: string): string {
  const level = levelOfCode(regionCode);
  return level === 'DISTRICT' || level === 'VILLAGE' ? (regencyOfCode(regionCode) ?? regionCode) : regionCode;
}

/** Sub-regions (provinces of the nation, kabupaten/kota of a province) exist only above kabupaten/kota. */
export function hasSubRegions(regionCode: string): boolean {
  const level = levelOfCode(regionCode);
  return level === 'NATION' || level === 'PROVINCE';
}

// Counts withheld by the API (small cells) are null, and so is every figure computed from one.

export interface FunnelStage {
  /** The step of the workflow the proposals reached. */
  status: Exclude<ProposalStatus, 'REJECTED'>;
  /** Proposals that reached the step (at least, when `lowerBound`). */
  reached: number | null;
  /**
   * True when rejected proposals may also have passed this step: the rollup does not say whether a proposal
   * was rejected at central verification or after its ground check, so the count is a lower bound.
   */
  lowerBound: boolean;
  /** Proposals waiting at this step now (for APPROVED: all approved). */
  waiting: number | null;
}

export interface Funnel {
  total: number | null;
  stages: FunnelStage[];
  rejected: number | null;
  open: number | null;
  decided: number | null;
  /** approved / decided; null when nothing is decided or when withheld (`approvalRateWithheld`). */
  approvalRate: number | null;
  approvalRateWithheld: boolean;
}

function countByStatus(groups: readonly FunnelGroup[]): Record<ProposalStatus, number | null> {
  const counts: Record<ProposalStatus, number | null> = { SUBMITTED: 0, VERIFIED: 0, GROUND_CHECKED: 0, APPROVED: 0, REJECTED: 0 };
  for (const group of groups) {
    if (!(STATUS_ORDER as readonly string[]).includes(group.key)) continue;
    const status = group.key as ProposalStatus;
    counts[status] = sumOrNull([counts[status], group.proposals]);
  }
  return counts;
}

/** approved / decided: null when nothing is decided; withheld when either count is. */
function approvalRateOf(approved: number | null, decided: number | null): { approvalRate: number | null; approvalRateWithheld: boolean } {
  if (approved === null || decided === null) return { approvalRate: null, approvalRateWithheld: true };
  return { approvalRate: decided === 0 ? null : approved / decided, approvalRateWithheld: false };
}

/**
 * Funnel stages from the counts by current status: every proposal was submitted; one that is verified,
 * ground-checked or approved has passed verification; one that is ground-checked or approved has been
 * ground-checked (approval needs a ground check). Rejections happen at either step, so with rejections the
 * middle stages are lower bounds.
 */
export function toFunnel(groups: readonly FunnelGroup[], total: number | null): Funnel {
  const c = countByStatus(groups);
  const rejected = c.REJECTED;
  const decided = sumOrNull([c.APPROVED, rejected]);
  // A withheld count of rejections is 1 or more.
  const anyRejected = rejected !== 0;
  return {
    total,
    stages: [
      { status: 'SUBMITTED', reached: total, lowerBound: false, waiting: c.SUBMITTED },
      { status: 'VERIFIED', reached: sumOrNull([c.VERIFIED, c.GROUND_CHECKED, c.APPROVED]), lowerBound: anyRejected, waiting: c.VERIFIED },
      { status: 'GROUND_CHECKED', reached: sumOrNull([c.GROUND_CHECKED, c.APPROVED]), lowerBound: anyRejected, waiting: c.GROUND_CHECKED },
      { status: 'APPROVED', reached: c.APPROVED, lowerBound: false, waiting: c.APPROVED },
    ],
    rejected,
    open: sumOrNull([c.SUBMITTED, c.VERIFIED, c.GROUND_CHECKED]),
    decided,
    ...approvalRateOf(c.APPROVED, decided),
  };
}

export interface Turnaround {
  /** Decided proposals; null when withheld. */
  decided: number | null;
  median: number | null;
  exact: boolean;
  min: number | null;
  max: number | null;
  /** Whether the median (and its bounds) were withheld: computed over a small cell. */
  withheld: boolean;
}

const WITHHELD_TURNAROUND: Turnaround = { decided: null, median: null, exact: false, min: null, max: null, withheld: true };

/**
 * What the rollup can say of the median days to decision over a set of cells — the same rule as the API's
 * groups: exact for one decided cell, otherwise the proposal-weighted median of the cell medians, with the
 * true median between the smallest and the largest cell median.
 */
export function turnaroundOf(cells: readonly (Pick<FunnelCell, 'proposals' | 'medianDaysToDecision'> & { suppressed?: readonly string[] })[]): Turnaround {
  // A withheld cell median would be part of the answer: the whole turnaround is withheld.
  if (cells.some((cell) => isWithheld(cell, 'medianDaysToDecision'))) return WITHHELD_TURNAROUND;
  const decided = cells
    .filter((cell): cell is typeof cell & { medianDaysToDecision: number; proposals: number } => cell.medianDaysToDecision !== null && (cell.proposals ?? 0) > 0)
    .map((cell) => ({ median: cell.medianDaysToDecision, weight: cell.proposals }))
    .sort((a, b) => a.median - b.median);
  const count = decided.reduce((sum, cell) => sum + cell.weight, 0);
  const first = decided[0];
  const last = decided.at(-1);
  if (!first || !last) return { decided: 0, median: null, exact: true, min: null, max: null, withheld: false };
  let cumulative = 0;
  let median = last.median;
  for (const [index, cell] of decided.entries()) {
    cumulative += cell.weight;
    if (cumulative * 2 > count) {
      median = cell.median;
      break;
    }
    if (cumulative * 2 === count) {
      median = (cell.median + (decided[index + 1]?.median ?? cell.median)) / 2;
      break;
    }
  }
  return { decided: count, median, exact: decided.length === 1, min: first.median, max: last.median, withheld: false };
}

/** The turnaround of a group as the API reports it. */
export function turnaroundOfGroup(group: FunnelGroup): Turnaround {
  return {
    decided: group.decidedProposals,
    median: group.medianDaysToDecision,
    exact: group.medianIsExact,
    min: group.cellMedianDaysMin,
    max: group.cellMedianDaysMax,
    withheld: isWithheld(group, 'medianDaysToDecision'),
  };
}

export interface BreakdownRow<K extends string> {
  key: K;
  proposals: number | null;
  share: number | null;
  open: number | null;
  approved: number | null;
  rejected: number | null;
  /** approved / (approved + rejected); null when none is decided or when withheld (`approvalRateWithheld`). */
  approvalRate: number | null;
  approvalRateWithheld: boolean;
  turnaround: Turnaround;
}

/**
 * One row per path or kind: counts by status from the rollup cells, the median turnaround from the API's
 * group of that key (or, when the group is missing, from the cells).
 */
export function breakdown<K extends ProposalPath | ProposalKind>(
  cells: readonly FunnelCell[],
  groups: readonly FunnelGroup[],
  by: 'path' | 'kind',
  keys: readonly K[],
  total: number | null,
): BreakdownRow<K>[] {
  return keys.map((key) => {
    const own = cells.filter((cell) => cell[by] === key);
    const sum = (statuses: readonly ProposalStatus[]) => sumOrNull(own.filter((cell) => statuses.includes(cell.status)).map((cell) => cell.proposals));
    const proposals = sum(STATUS_ORDER);
    const approved = sum(['APPROVED']);
    const rejected = sum(['REJECTED']);
    const group = groups.find((candidate) => candidate.key === key);
    return {
      key,
      proposals,
      share: shareOrNull(proposals, total),
      open: sum(['SUBMITTED', 'VERIFIED', 'GROUND_CHECKED']),
      approved,
      rejected,
      ...approvalRateOf(approved, sumOrNull([approved, rejected])),
      turnaround: group ? turnaroundOfGroup(group) : turnaroundOf(own),
    };
  });
}

export type SubRegionSortKey = 'name' | 'proposals' | 'decided' | 'median';
export const SUB_REGION_SORT_KEYS: readonly SubRegionSortKey[] = ['name', 'proposals', 'decided', 'median'];

export function isSubRegionSortKey(value: string): value is SubRegionSortKey {
  return (SUB_REGION_SORT_KEYS as readonly string[]).includes(value);
}

/** Days with one decimal at most: 46 → "46", 46.5 → "46,5". */
export function formatDays(days: number): string {
  return new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 }).format(days);
}
