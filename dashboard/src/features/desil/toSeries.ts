// Pure shaping of the desil buckets returned by the API into what the chart, the table and the
// headline figures draw. No React, no GraphQL client: plain data in, plain data out.
import type { DesilBucketFieldsFragment } from '../../generated/graphql';
import { differenceOrNull, sumOrNull } from '../../shared/small-cells';

/** Which count the page shows: keluarga (families) or individu (individuals). */
export type DesilUnit = 'families' | 'individuals';

/**
 * Targeting band of a desil. Family programs (PKH) target desil 1–4 and most others desil 1–5,
 * so desil 5 is drawn apart from both 1–4 and 6–10.
 */
export type DesilBand = 'priority' | 'extended' | 'upper';

export const DESILS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
export const BANDS: readonly DesilBand[] = ['priority', 'extended', 'upper'];

export function desilBand(desil: number): DesilBand {
  if (desil <= 4) return 'priority';
  if (desil === 5) return 'extended';
  return 'upper';
}

/** The Indonesian name of a desil (the default labeller; the view passes the current language's). */
export function desilLabel(desil: number): string {
  return `Desil ${desil}`;
}

/** One table row: both units for one desil; null = withheld by the API (a small cell). */
export interface DesilRow {
  desil: number;
  label: string;
  band: DesilBand;
  families: number | null;
  individuals: number | null;
  familyShare: number | null;
  individualShare: number | null;
}

/** One chart bar: the selected unit for one desil; null = withheld (no bar). */
export interface DesilPoint {
  desil: number;
  label: string;
  band: DesilBand;
  value: number | null;
  share: number | null;
}

/**
 * Rows for desil 1 to 10 in order. A desil the API did not return (no family in it) is a row of zeros,
 * so the chart and the table always show ten desil; buckets outside 1–10 are ignored. Withheld values stay null.
 */
export function toRows(buckets: readonly DesilBucketFieldsFragment[], label: (desil: number) => string = desilLabel): DesilRow[] {
  const byDesil = new Map(buckets.map((bucket) => [bucket.desil, bucket]));
  return DESILS.map((desil) => {
    const bucket = byDesil.get(desil);
    return {
      desil,
      label: label(desil),
      band: desilBand(desil),
      families: bucket ? bucket.families : 0,
      individuals: bucket ? bucket.individuals : 0,
      familyShare: bucket ? bucket.familyShare : 0,
      individualShare: bucket ? bucket.individualShare : 0,
    };
  });
}

/** Chart series for one unit: ten points, desil 1 first. */
export function toSeries(
  buckets: readonly DesilBucketFieldsFragment[],
  unit: DesilUnit,
  label: (desil: number) => string = desilLabel,
): DesilPoint[] {
  return toRows(buckets, label).map((row) => ({
    desil: row.desil,
    label: row.label,
    band: row.band,
    value: unit === 'families' ? row.families : row.individuals,
    share: unit === 'families' ? row.familyShare : row.individualShare,
  }));
}

/** Count and share of the desil up to and including `maxDesil` (e.g. 4 for desil 1–4); null when a desil is withheld. */
export interface CumulativeFigure {
  maxDesil: number;
  value: number | null;
  share: number | null;
}

export function cumulativeUpTo(series: readonly DesilPoint[], maxDesil: number): CumulativeFigure {
  const points = series.filter((point) => point.desil <= maxDesil);
  return { maxDesil, value: sumOrNull(points.map((point) => point.value)), share: sumOrNull(points.map((point) => point.share)) };
}

/** One desil of two versions side by side: the selected version, the compared one, and the difference (null = withheld). */
export interface ComparedPoint extends DesilPoint {
  compareValue: number | null;
  compareShare: number | null;
  /** value − compareValue; null when either is withheld. */
  difference: number | null;
  /** share − compareShare, a fraction (0.01 = one percentage point); null when either is withheld. */
  shareDifference: number | null;
}

/** Ten desil of the selected version against the compared version, for one unit. */
export function compareSeries(
  current: readonly DesilBucketFieldsFragment[],
  compared: readonly DesilBucketFieldsFragment[],
  unit: DesilUnit,
  label: (desil: number) => string = desilLabel,
): ComparedPoint[] {
  const other = toSeries(compared, unit, label);
  return toSeries(current, unit, label).map((point, index) => {
    const before = other[index] ?? { value: 0, share: 0 };
    return {
      ...point,
      compareValue: before.value,
      compareShare: before.share,
      difference: differenceOrNull(point.value, before.value),
      shareDifference: differenceOrNull(point.share, before.share),
    };
  });
}

/** `satuan=individu` in the URL is the Individu unit; anything else (or nothing) is Keluarga. */
export function unitOfParam(value: string): DesilUnit {
  return value === 'individu' ? 'individuals' : 'families';
}

export function paramOfUnit(unit: DesilUnit): string {
  return unit === 'individuals' ? 'individu' : 'keluarga';
}

/**
 * The version to compare with, from `banding=<id>`: only a published version other than the one shown;
 * anything else means no comparison.
 */
export function compareVersionOf<V extends { id: number }>(param: string, published: readonly V[], currentId: number): V | null {
  const id = Number(param);
  if (!Number.isSafeInteger(id) || id === currentId) return null;
  return published.find((version) => version.id === id) ?? null;
}
