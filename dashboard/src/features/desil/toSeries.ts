// Pure shaping of the desil buckets returned by the API into what the chart, the table and the
// headline figures draw. No React, no GraphQL client: plain data in, plain data out.
import type { DesilBucketFieldsFragment } from '../../generated/graphql';

/** Which count the page shows: keluarga (families) or individu (individuals). */
export type DesilUnit = 'families' | 'individuals';

/**
 * Targeting band of a desil. Family programs (PKH) target desil 1–4 and most others desil 1–5,
 * so desil 5 is drawn apart from both 1–4 and 6–10.
 */
export type DesilBand = 'priority' | 'extended' | 'upper';

export const DESILS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

export const UNIT_LABELS: Readonly<Record<DesilUnit, string>> = {
  families: 'Keluarga',
  individuals: 'Individu',
};

export const BAND_LABELS: Readonly<Record<DesilBand, string>> = {
  priority: 'Desil 1–4 · sasaran PKH',
  extended: 'Desil 5 · sasaran program desil 1–5 (Sembako, PBI-JKN)',
  upper: 'Desil 6–10 · di luar sasaran bansos',
};

export function desilBand(desil: number): DesilBand {
  if (desil <= 4) return 'priority';
  if (desil === 5) return 'extended';
  return 'upper';
}

export function desilLabel(desil: number): string {
  return `Desil ${desil}`;
}

/** One table row: both units for one desil. */
export interface DesilRow {
  desil: number;
  label: string;
  band: DesilBand;
  families: number;
  individuals: number;
  familyShare: number;
  individualShare: number;
}

/** One chart bar: the selected unit for one desil. */
export interface DesilPoint {
  desil: number;
  label: string;
  band: DesilBand;
  value: number;
  share: number;
}

/**
 * Rows for desil 1 to 10 in order. A desil the API did not return (no family in it) is a row of zeros,
 * so the chart and the table always show ten desil; buckets outside 1–10 are ignored.
 */
export function toRows(buckets: readonly DesilBucketFieldsFragment[]): DesilRow[] {
  const byDesil = new Map(buckets.map((bucket) => [bucket.desil, bucket]));
  return DESILS.map((desil) => {
    const bucket = byDesil.get(desil);
    return {
      desil,
      label: desilLabel(desil),
      band: desilBand(desil),
      families: bucket?.families ?? 0,
      individuals: bucket?.individuals ?? 0,
      familyShare: bucket?.familyShare ?? 0,
      individualShare: bucket?.individualShare ?? 0,
    };
  });
}

/** Chart series for one unit: ten points, desil 1 first. */
export function toSeries(buckets: readonly DesilBucketFieldsFragment[], unit: DesilUnit): DesilPoint[] {
  return toRows(buckets).map((row) => ({
    desil: row.desil,
    label: row.label,
    band: row.band,
    value: unit === 'families' ? row.families : row.individuals,
    share: unit === 'families' ? row.familyShare : row.individualShare,
  }));
}

/** Count and share of the desil up to and including `maxDesil` (e.g. 4 for desil 1–4). */
export interface CumulativeFigure {
  maxDesil: number;
  value: number;
  share: number;
}

export function cumulativeUpTo(series: readonly DesilPoint[], maxDesil: number): CumulativeFigure {
  return series
    .filter((point) => point.desil <= maxDesil)
    .reduce<CumulativeFigure>(
      (sum, point) => ({ maxDesil, value: sum.value + point.value, share: sum.share + point.share }),
      { maxDesil, value: 0, share: 0 },
    );
}
