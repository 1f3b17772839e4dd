/**
 * Trends across DTSEN versions (published about every three months, each one an "update period"): coverage and
 * leakage per version, desil transitions, program churn by reason, PKH's membership limit (Kepmensos 79/HUK/2025:
 * at most 5 years), PBI-JKN reactivation (Kepmensos 80/HUK/2025 and letter S-444/MS/DI.01/6/2025: removed since May
 * 2025, urgent illness, verified poor or vulnerable, health-facility letter, data updated within two DTSEN update
 * periods after reactivation) and the median turnaround of the proposals funnel.
 */
import { summarize } from './classification.js';
import type { ProgramRule } from './programs.js';
import type { TargetingCell } from './targeting-types.js';

export interface CoveragePoint {
  version: number;
  eligible: number;
  recipients: number;
  coverage: number;
  leakage: number;
}

/** Coverage and leakage of one program per version, in version order. */
export function coverageTrend(rule: ProgramRule, cellsByVersion: ReadonlyMap<number, readonly TargetingCell[]>): CoveragePoint[] {
  return [...cellsByVersion.entries()]
    .sort(([a], [b]) => a - b)
    .map(([version, cells]) => {
      const { eligible, recipients, coverage, leakage } = summarize(rule, cells);
      return { version, eligible, recipients, coverage, leakage };
    });
}

/** True once a member since `memberSinceYear` has completed `maxYears` years in `year` (never when no limit). */
export function pkhDurationReached(memberSinceYear: number, year: number, maxYears: number | null): boolean {
  if (!Number.isInteger(memberSinceYear) || !Number.isInteger(year)) throw new RangeError('years must be integers');
  return maxYears !== null && year - memberSinceYear >= maxYears;
}

/** Update periods within which a reactivated PBI-JKN participant's data must be updated. */
export const PBI_REACTIVATION_UPDATE_PERIODS = 2;

export type UrgentIllness = 'CHRONIC' | 'CATASTROPHIC' | 'EMERGENCY';

export interface PbiReactivationFacts {
  removedVersion: number;
  /** Removed in the May 2025 removal or a later one. */
  removedSinceMay2025: boolean;
  urgentIllness: UrgentIllness | null;
  /** Verified poor or vulnerable by the kabupaten/kota social office (Dinas Sosial). */
  verifiedPoorOrVulnerable: boolean;
  /** Letter from a health facility that the person needs care. */
  healthFacilityLetter: boolean;
  currentVersion: number;
  /** Latest version in which the person's DTSEN data was updated; null when never. */
  dataUpdatedVersion: number | null;
  /** Version in which the participation was reactivated; null or absent when not yet (it would be `currentVersion`). */
  reactivatedVersion?: number | null;
}

export type PbiReactivationCondition =
  | 'REMOVED_SINCE_MAY_2025'
  | 'URGENT_ILLNESS'
  | 'VERIFIED_POOR_OR_VULNERABLE'
  | 'HEALTH_FACILITY_LETTER'
  | 'DATA_UPDATED_IN_TIME';

export interface PbiReactivationDecision {
  eligible: boolean;
  /** The conditions not met; empty when eligible. */
  unmet: PbiReactivationCondition[];
  /** Last version by which the data must have been updated. */
  dataUpdateDueVersion: number;
}

export function pbiReactivationEligible(f: PbiReactivationFacts): PbiReactivationDecision {
  const reactivated = f.reactivatedVersion ?? f.currentVersion;
  if (f.removedVersion > reactivated || reactivated > f.currentVersion) {
    throw new RangeError('versions must satisfy removed <= reactivated <= current');
  }
  const due = reactivated + PBI_REACTIVATION_UPDATE_PERIODS;
  const updatedInTime = f.dataUpdatedVersion !== null && f.dataUpdatedVersion >= reactivated && f.dataUpdatedVersion <= due;
  const unmet: PbiReactivationCondition[] = [];
  if (!f.removedSinceMay2025) unmet.push('REMOVED_SINCE_MAY_2025');
  if (f.urgentIllness === null) unmet.push('URGENT_ILLNESS');
  if (!f.verifiedPoorOrVulnerable) unmet.push('VERIFIED_POOR_OR_VULNERABLE');
  if (!f.healthFacilityLetter) unmet.push('HEALTH_FACILITY_LETTER');
  if (f.currentVersion > due && !updatedInTime) unmet.push('DATA_UPDATED_IN_TIME');
  return { eligible: unmet.length === 0, unmet, dataUpdateDueVersion: due };
}

export interface TransitionMatrix {
  /** counts[from][to], desil 0-10 (0 = outside DTSEN). */
  counts: number[][];
  /** Row shares: counts[from][to] / row total; a row with no units is all zeros. */
  shares: number[][];
  total: number;
}

/** Desil-to-desil transition matrix between two versions (11 x 11, 0 = outside DTSEN). */
export function transitionMatrix(rows: readonly { from: number; to: number; count: number }[]): TransitionMatrix {
  const counts = Array.from({ length: 11 }, () => new Array<number>(11).fill(0));
  for (const { from, to, count } of rows) {
    if (![from, to].every((d) => Number.isInteger(d) && d >= 0 && d <= 10)) throw new RangeError(`desil ${from}->${to} is not 0-10`);
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`count ${count} is not a count`);
    counts[from]![to]! += count;
  }
  const shares = counts.map((row) => {
    const sum = row.reduce((a, b) => a + b, 0);
    return row.map((n) => (sum === 0 ? 0 : n / sum));
  });
  return { counts, shares, total: counts.flat().reduce((a, b) => a + b, 0) };
}

export type EnrollmentStartReason = 'INITIAL' | 'QUOTA_FILL' | 'PROPOSAL' | 'REACTIVATION';
export type EnrollmentEndReason =
  | 'GRADUATED' | 'DECEASED' | 'NEGATIVE_LIST' | 'EXCLUSION_CRITERION' | 'RERANKED' | 'OUTSIDE_DTSEN' | 'MAX_DURATION' | 'MOVED';
export type ChurnDirection = 'ENTRY' | 'EXIT';
export type ChurnCategory =
  | 'CARRY_OVER' | 'QUOTA_FILL' | 'NEW_PROPOSAL' | 'REACTIVATION'
  | 'GRADUATION' | 'DEATH' | 'NEGATIVE_LIST' | 'EXCLUSION_CRITERION' | 'RERANKING' | 'OUTSIDE_DTSEN' | 'MAX_DURATION' | 'MOVE';

/** Enrollment start (entries) and end (exits) reasons, as the churn categories reported to users. */
export const CHURN_REASONS: Readonly<Record<EnrollmentStartReason | EnrollmentEndReason, { direction: ChurnDirection; category: ChurnCategory }>> = {
  INITIAL: { direction: 'ENTRY', category: 'CARRY_OVER' },
  QUOTA_FILL: { direction: 'ENTRY', category: 'QUOTA_FILL' },
  PROPOSAL: { direction: 'ENTRY', category: 'NEW_PROPOSAL' },
  REACTIVATION: { direction: 'ENTRY', category: 'REACTIVATION' },
  GRADUATED: { direction: 'EXIT', category: 'GRADUATION' },
  DECEASED: { direction: 'EXIT', category: 'DEATH' },
  NEGATIVE_LIST: { direction: 'EXIT', category: 'NEGATIVE_LIST' },
  EXCLUSION_CRITERION: { direction: 'EXIT', category: 'EXCLUSION_CRITERION' },
  RERANKED: { direction: 'EXIT', category: 'RERANKING' },
  OUTSIDE_DTSEN: { direction: 'EXIT', category: 'OUTSIDE_DTSEN' },
  MAX_DURATION: { direction: 'EXIT', category: 'MAX_DURATION' },
  MOVED: { direction: 'EXIT', category: 'MOVE' },
};

export interface ChurnByCategory {
  entries: Partial<Record<ChurnCategory, number>>;
  exits: Partial<Record<ChurnCategory, number>>;
}

/** Units entering and leaving a program per churn category, from churn rows (direction, reason, units). */
export function churnReasons(rows: readonly { direction: string; reason: string; units: number }[]): ChurnByCategory {
  const out: ChurnByCategory = { entries: {}, exits: {} };
  for (const row of rows) {
    const mapped = Object.hasOwn(CHURN_REASONS, row.reason) ? CHURN_REASONS[row.reason as keyof typeof CHURN_REASONS] : undefined;
    if (!mapped || mapped.direction !== row.direction) throw new RangeError(`unknown churn reason ${row.direction}/${row.reason}`);
    const bucket = mapped.direction === 'ENTRY' ? out.entries : out.exits;
    bucket[mapped.category] = (bucket[mapped.category] ?? 0) + row.units;
  }
  return out;
}

/** Median of finite values (mean of the two middle ones for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.some((v) => !Number.isFinite(v))) throw new RangeError('median of non-finite values');
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
