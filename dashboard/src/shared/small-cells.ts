// Small-cell suppression as the dashboard sees it: the API withholds counts from 1 to the threshold minus 1
// (and the rates, shares and differences computed from them) from roles without UNSUPPRESSED_COUNTS: such a
// field is null and named in its object's `suppressed`. The dashboard shows it as "<5" (the threshold from
// `me.smallCellThreshold`), never as a number, and anything it computes from a withheld value is withheld too.
import { useViewer } from '../app/auth/session';

/** The server's default threshold, for a withheld value outside the sign-in gate (component tests). */
export const DEFAULT_SMALL_CELL_THRESHOLD = 5;

/** How a withheld value is written, on screen and in CSV files: "<5". */
export function smallCellMark(threshold: number): string {
  return `<${threshold}`;
}

/** The threshold applied to the signed-in user (the default when the API withheld something anyway). */
export function useSmallCellThreshold(): number {
  return useViewer()?.smallCellThreshold ?? DEFAULT_SMALL_CELL_THRESHOLD;
}

/** The sum of values, or null (withheld) when any of them is withheld. */
export function sumOrNull(values: readonly (number | null | undefined)[]): number | null {
  let sum = 0;
  for (const value of values) {
    if (value === null || value === undefined) return null;
    sum += value;
  }
  return sum;
}

/** a − b, or null when either is withheld. */
export function differenceOrNull(a: number | null | undefined, b: number | null | undefined): number | null {
  return a === null || a === undefined || b === null || b === undefined ? null : a - b;
}

/** numerator / denominator (0 when the denominator is 0), or null when either is withheld. */
export function shareOrNull(numerator: number | null | undefined, denominator: number | null | undefined): number | null {
  if (numerator === null || numerator === undefined || denominator === null || denominator === undefined) return null;
  return denominator === 0 ? 0 : numerator / denominator;
}

/** Whether a field was withheld in an API object (`suppressed` lists the withheld fields). */
export function isWithheld(object: { suppressed?: readonly string[] | null } | null | undefined, field: string): boolean {
  return object?.suppressed?.includes(field) ?? false;
}

/** A value formatted, or the small-cell mark when it was withheld (for text that cannot hold a component). */
export function formatOrMark(value: number | null | undefined, format: (value: number) => string, mark: string): string {
  return value === null || value === undefined ? mark : format(value);
}
