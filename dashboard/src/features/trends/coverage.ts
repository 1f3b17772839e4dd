// Shapes the coverage trend (one point per published version) into the rows of the chart and the table.
import type { TrendsCoverageQuery } from '../../generated/graphql';
import { differenceOrNull } from '../../shared/small-cells';

export type CoveragePoint = TrendsCoverageQuery['coverageTrend']['points'][number];

export interface CoverageRow {
  versionId: number;
  label: string;
  /** Figures; null when withheld (a small cell, or computed from one). */
  eligible: number | null;
  recipients: number | null;
  eligibleRecipients: number | null;
  coverage: number | null;
  leakage: number | null;
  inclusionErrors: number | null;
  exclusionErrors: number | null;
  pendingGroundCheck: number | null;
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
  /** Change of the coverage, as a fraction (0.012 = +1.2 points); null when either end is withheld. */
  coverage: number | null;
  leakage: number | null;
  recipients: number | null;
}

/** The change from the first to the last row; null with fewer than two rows. */
export function coverageChange(rows: readonly CoverageRow[]): CoverageChange | null {
  const first = rows[0];
  const last = rows.at(-1);
  if (!first || !last || rows.length < 2) return null;
  return {
    fromLabel: first.label,
    toLabel: last.label,
    coverage: differenceOrNull(last.coverage, first.coverage),
    leakage: differenceOrNull(last.leakage, first.leakage),
    recipients: differenceOrNull(last.recipients, first.recipients),
  };
}
