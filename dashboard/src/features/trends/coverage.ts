// Shapes the coverage trend (one point per published version) into the rows of the chart and the table.
import type { TrendsCoverageQuery } from '../../generated/graphql';

export type CoveragePoint = TrendsCoverageQuery['coverageTrend']['points'][number];

export interface CoverageRow {
  versionId: number;
  label: string;
  eligible: number;
  recipients: number;
  eligibleRecipients: number;
  coverage: number;
  leakage: number;
  inclusionErrors: number;
  exclusionErrors: number;
  pendingGroundCheck: number;
  /** The version the URL shows. */
  isCurrent: boolean;
}

/** Rows in version order, up to and including the current version (later points are dropped). */
export function toCoverageRows(points: readonly CoveragePoint[], currentVersionId: number): CoverageRow[] {
  return points
    .filter((point) => point.version.id <= currentVersionId)
    .map((point) => ({
      versionId: point.version.id,
      label: point.version.label,
      eligible: point.eligible,
      recipients: point.recipients,
      eligibleRecipients: point.eligibleRecipients,
      coverage: point.coverage,
      leakage: point.leakage,
      inclusionErrors: point.inclusionErrors,
      exclusionErrors: point.exclusionErrors,
      pendingGroundCheck: point.pendingGroundCheck,
      isCurrent: point.version.id === currentVersionId,
    }))
    .sort((a, b) => a.versionId - b.versionId);
}

export interface CoverageChange {
  fromLabel: string;
  toLabel: string;
  /** Change of the coverage, as a fraction (0.012 = +1.2 points). */
  coverage: number;
  leakage: number;
  recipients: number;
}

/** The change from the first to the last row; null with fewer than two rows. */
export function coverageChange(rows: readonly CoverageRow[]): CoverageChange | null {
  const first = rows[0];
  const last = rows.at(-1);
  if (!first || !last || rows.length < 2) return null;
  return {
    fromLabel: first.label,
    toLabel: last.label,
    coverage: last.coverage - first.coverage,
    leakage: last.leakage - first.leakage,
    recipients: last.recipients - first.recipients,
  };
}
