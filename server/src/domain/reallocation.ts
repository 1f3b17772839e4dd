/**
 * Quota reallocation plans. An UNDER region fills its free places in the PBI-JKN priority order of June 2025
 * (DOMAIN.md, "Regional quota"; the seed's "kaidah pemenuhan kuota PBI JK"): 1. DTSEN desil 1-5 non-recipients
 * already ground-checked; 2. the waiting list of proposals approved by the regional head; 3. the remaining DTSEN
 * desil 1-5 non-recipients. An OVER region removes its inclusion errors in `INCLUSION_CAUSE_ORDER`.
 * The caller builds the pools (who is a desil 1-5 non-recipient is the database's question); this module only orders.
 */
import { inclusionCauseRank } from './targeting-rules.js';
import type { InclusionCause } from './targeting-types.js';

export interface ReallocationUnit {
  id: number;
  /** Desil 1-10 (0 = outside DTSEN, e.g. a proposal not yet ranked). */
  desil: number;
  /** National welfare rank (1 = poorest), when known. */
  rank?: number;
}

export type FillPriority = 'groundChecked' | 'waitingList' | 'remaining';
export const FILL_PRIORITY_ORDER: readonly FillPriority[] = ['groundChecked', 'waitingList', 'remaining'];

export type FillPools<T> = Record<FillPriority, readonly T[]>;
export type FillCounts = Record<FillPriority, number>;

export interface FillPlan<T> {
  /** Units taken per priority. */
  counts: FillCounts;
  /** The chosen units in the order taken (priority, then poorest desil, rank, id). */
  chosen: T[];
}

/** Poorest desil first, then national rank (units without a rank after those with one), then id. */
export function comparePoorestFirst(a: ReallocationUnit, b: ReallocationUnit): number {
  const ra = a.rank ?? Number.POSITIVE_INFINITY;
  const rb = b.rank ?? Number.POSITIVE_INFINITY;
  return a.desil - b.desil || (ra === rb ? 0 : ra < rb ? -1 : 1) || a.id - b.id;
}

/** Fill up to `gap` places (none when gap <= 0); a unit listed in several pools (or twice) is taken once. */
export function fillPlan<T extends ReallocationUnit>(gap: number, pools: FillPools<T>): FillPlan<T> {
  assertInteger('gap', gap);
  const counts: FillCounts = { groundChecked: 0, waitingList: 0, remaining: 0 };
  const chosen: T[] = [];
  const taken = new Set<number>();
  for (const priority of FILL_PRIORITY_ORDER) {
    for (const unit of [...pools[priority]].sort(comparePoorestFirst)) {
      if (chosen.length >= gap) return { counts, chosen };
      if (taken.has(unit.id)) continue;
      taken.add(unit.id);
      chosen.push(unit);
      counts[priority]++;
    }
  }
  return { counts, chosen };
}

/** The same plan from pool sizes only (pools assumed disjoint), for national-scale summaries. */
export function fillCounts(gap: number, poolSizes: FillCounts): FillCounts {
  assertInteger('gap', gap);
  let left = Math.max(0, gap);
  const counts: FillCounts = { groundChecked: 0, waitingList: 0, remaining: 0 };
  for (const priority of FILL_PRIORITY_ORDER) {
    const size = poolSizes[priority];
    if (!Number.isInteger(size) || size < 0) throw new RangeError(`pool ${priority} size must be a non-negative integer`);
    counts[priority] = Math.min(left, size);
    left -= counts[priority];
  }
  return counts;
}

export interface RemovalCandidate {
  id: number;
  cause: InclusionCause;
}

export interface RemovalPlan<T> {
  /** Units removed per cause; causes with none are absent. */
  byCause: Partial<Record<InclusionCause, number>>;
  /** The chosen units in removal order (cause in INCLUSION_CAUSE_ORDER, then id). */
  chosen: T[];
}

/** Remove up to `excess` units (none when excess <= 0); a unit listed twice counts under its first cause. */
export function removalPlan<T extends RemovalCandidate>(excess: number, candidates: readonly T[]): RemovalPlan<T> {
  assertInteger('excess', excess);
  const ordered = [...candidates].sort((a, b) => inclusionCauseRank(a.cause) - inclusionCauseRank(b.cause) || a.id - b.id);
  const byCause: Partial<Record<InclusionCause, number>> = {};
  const chosen: T[] = [];
  const taken = new Set<number>();
  for (const unit of ordered) {
    if (chosen.length >= excess) break;
    if (taken.has(unit.id)) continue;
    taken.add(unit.id);
    chosen.push(unit);
    byCause[unit.cause] = (byCause[unit.cause] ?? 0) + 1;
  }
  return { byCause, chosen };
}

function assertInteger(name: string, n: number): void {
  if (!Number.isInteger(n)) throw new RangeError(`${name} must be an integer, got ${n}`);
}
