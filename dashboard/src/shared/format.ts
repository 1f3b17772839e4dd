// Number and date formatting for Indonesian readers: "1.234.567", "12,3%", "1,2 jt", "15 Januari 2026".
// Formatters are built once; Intl constructors are comparatively expensive.

const LOCALE = 'id-ID';

const countFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const shareFormat = new Intl.NumberFormat(LOCALE, {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const compactFormat = new Intl.NumberFormat(LOCALE, { notation: 'compact', maximumFractionDigits: 1 });
const dateFormat = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'long', timeZone: 'Asia/Jakarta' });

/** A whole count with Indonesian digit grouping: 1234567 → "1.234.567". */
export function formatCount(value: number): string {
  return countFormat.format(value);
}

/** A share given as a fraction (0–1) as a percentage with one decimal: 0.1234 → "12,3%". */
export function formatShare(fraction: number): string {
  return shareFormat.format(fraction);
}

/** A short count for axis ticks: 1234567 → "1,2 jt", 12500 → "12,5 rb". */
export function formatCompact(value: number): string {
  return compactFormat.format(value);
}

/** An ISO date-time as a long Indonesian date (in WIB), or null when absent or unparsable. */
export function formatDate(iso: string | null): string | null {
  if (iso === null) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : dateFormat.format(date);
}

const signedFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0, signDisplay: 'exceptZero' });
const signedPointsFormat = new Intl.NumberFormat(LOCALE, {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
  signDisplay: 'exceptZero',
});

/** A change with its sign: 1234 → "+1.234", -5 → "-5", 0 → "0". */
export function formatSignedCount(value: number): string {
  return signedFormat.format(value);
}

/** A change of a share in percentage points: 0.0123 → "+1,2 poin". */
export function formatSignedPoints(fraction: number, unit = 'poin'): string {
  return `${signedPointsFormat.format(fraction * 100)} ${unit}`;
}
