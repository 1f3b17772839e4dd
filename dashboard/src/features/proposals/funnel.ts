// Shapes the proposals funnel (a rollup written when a version is published) into funnel stages, the
// turnaround of the whole region, and breakdowns by path and kind. Pure, so the rules are tested here.
import { levelOfCode, regencyOfCode } from '../../app/url-state';
import type { ProposalKind, ProposalPath, ProposalsFunnelQuery, ProposalStatus } from '../../generated/graphql';

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

export interface FunnelStage {
  /** The step of the workflow the proposals reached. */
  status: Exclude<ProposalStatus, 'REJECTED'>;
  /** Proposals that reached the step (at least, when `lowerBound`). */
  reached: number;
  /**
   * True when rejected proposals may also have passed this step: the rollup does not say whether a proposal
   * was rejected at central verification or after its ground check, so the count is a lower bound.
   */
  lowerBound: boolean;
  /** Proposals waiting at this step now (for APPROVED: all approved). */
  waiting: number;
}

export interface Funnel {
  total: number;
  stages: FunnelStage[];
  rejected: number;
  open: number;
  decided: number;
  /** approved / decided; null when nothing is decided. */
  approvalRate: number | null;
}

function countByStatus(groups: readonly FunnelGroup[]): Record<ProposalStatus, number> {
  const counts: Record<ProposalStatus, number> = { SUBMITTED: 0, VERIFIED: 0, GROUND_CHECKED: 0, APPROVED: 0, REJECTED: 0 };
  for (const group of groups) if ((STATUS_ORDER as readonly string[]).includes(group.key)) counts[group.key as ProposalStatus] += group.proposals;
  return counts;
}

/**
 * Funnel stages from the counts by current status: every proposal was submitted; one that is verified,
 * ground-checked or approved has passed verification; one that is ground-checked or approved has been
 * ground-checked (approval needs a ground check). Rejections happen at either step, so with rejections the
 * middle stages are lower bounds.
 */
export function toFunnel(groups: readonly FunnelGroup[], total: number): Funnel {
  const c = countByStatus(groups);
  const rejected = c.REJECTED;
  const decided = c.APPROVED + rejected;
  return {
    total,
    stages: [
      { status: 'SUBMITTED', reached: total, lowerBound: false, waiting: c.SUBMITTED },
      { status: 'VERIFIED', reached: c.VERIFIED + c.GROUND_CHECKED + c.APPROVED, lowerBound: rejected > 0, waiting: c.VERIFIED },
      { status: 'GROUND_CHECKED', reached: c.GROUND_CHECKED + c.APPROVED, lowerBound: rejected > 0, waiting: c.GROUND_CHECKED },
      { status: 'APPROVED', reached: c.APPROVED, lowerBound: false, waiting: c.APPROVED },
    ],
    rejected,
    open: c.SUBMITTED + c.VERIFIED + c.GROUND_CHECKED,
    decided,
    approvalRate: decided === 0 ? null : c.APPROVED / decided,
  };
}

export interface Turnaround {
  decided: number;
  median: number | null;
  exact: boolean;
  min: number | null;
  max: number | null;
}

/**
 * What the rollup can say of the median days to decision over a set of cells — the same rule as the API's
 * groups: exact for one decided cell, otherwise the proposal-weighted median of the cell medians, with the
 * true median between the smallest and the largest cell median.
 */
export function turnaroundOf(cells: readonly Pick<FunnelCell, 'proposals' | 'medianDaysToDecision'>[]): Turnaround {
  const decided = cells
    .filter((cell): cell is typeof cell & { medianDaysToDecision: number } => cell.medianDaysToDecision !== null && cell.proposals > 0)
    .map((cell) => ({ median: cell.medianDaysToDecision, weight: cell.proposals }))
    .sort((a, b) => a.median - b.median);
  const count = decided.reduce((sum, cell) => sum + cell.weight, 0);
  const first = decided[0];
  const last = decided.at(-1);
  if (!first || !last) return { decided: 0, median: null, exact: true, min: null, max: null };
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
  return { decided: count, median, exact: decided.length === 1, min: first.median, max: last.median };
}

/** The turnaround of a group as the API reports it. */
export function turnaroundOfGroup(group: FunnelGroup): Turnaround {
  return {
    decided: group.decidedProposals,
    median: group.medianDaysToDecision,
    exact: group.medianIsExact,
    min: group.cellMedianDaysMin,
    max: group.cellMedianDaysMax,
  };
}

export interface BreakdownRow<K extends string> {
  key: K;
  proposals: number;
  share: number;
  open: number;
  approved: number;
  rejected: number;
  /** approved / (approved + rejected); null when none is decided. */
  approvalRate: number | null;
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
  total: number,
): BreakdownRow<K>[] {
  return keys.map((key) => {
    const own = cells.filter((cell) => cell[by] === key);
    const sum = (statuses: readonly ProposalStatus[]) =>
      own.filter((cell) => statuses.includes(cell.status)).reduce((acc, cell) => acc + cell.proposals, 0);
    const proposals = sum(STATUS_ORDER);
    const approved = sum(['APPROVED']);
    const rejected = sum(['REJECTED']);
    const group = groups.find((candidate) => candidate.key === key);
    return {
      key,
      proposals,
      share: total === 0 ? 0 : proposals / total,
      open: sum(['SUBMITTED', 'VERIFIED', 'GROUND_CHECKED']),
      approved,
      rejected,
      approvalRate: approved + rejected === 0 ? null : approved / (approved + rejected),
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
