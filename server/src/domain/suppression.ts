/**
 * Small-cell suppression: a count over rows a user may not see reveals them, so in the aggregate answers a count from
 * 1 to `threshold - 1` is withheld from roles without the right to unsuppressed counts (`access.ts`), and so is every
 * figure derived from it (a rate, a share, a difference, a status), which would give it back.
 *
 * Pure: the API applies these rules to the fields that declare them (`graphql/small-cells.ts`).
 */
import { hasRight, type Principal } from './access.js';

/** Counts below this are withheld by default (1..4 withheld, 5 and more shown). */
export const DEFAULT_SMALL_CELL_THRESHOLD = 5;

/**
 * Whether a count is a small cell under `threshold`: 1 ≤ |count| < threshold. Zero is never withheld (an empty cell
 * reveals nobody), and a threshold of 1 or less withholds nothing. Signed counts (differences) are judged by their
 * magnitude: a difference of -3 is three units.
 */
export function isSuppressed(count: number, threshold: number): boolean {
  const magnitude = Math.abs(count);
  return threshold > 1 && magnitude >= 1 && magnitude < threshold;
}

/**
 * The threshold that applies to a caller: the configured one, or 0 (nothing withheld) for a role holding
 * UNSUPPRESSED_COUNTS, which may see the rows themselves nationally anyway.
 */
export function thresholdFor(principal: Principal | null, configured: number): number {
  return hasRight(principal, 'UNSUPPRESSED_COUNTS') || configured <= 1 ? 0 : configured;
}

/**
 * How a figure depends on counts: the paths (`recipients`, `baseline.eligible`) of the counts it is computed from in
 * the object that carries it. A count itself lists its own name; a rate lists its numerator and denominator.
 */
export interface SmallCellRule {
  readonly of: readonly string[];
}

/**
 * Name of the property through which a signed difference carries the two objects it is the difference of (scenario
 * minus baseline ...): a difference is withheld when the same figure of either operand is, else `operand = other ±
 * difference` would give a withheld operand back.
 */
export const DIFFERENCE_OF = 'differenceOf';

function valueAt(values: unknown, path: string): unknown {
  let current: unknown = values;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/**
 * Whether a figure with this rule is withheld in `values` (the object carrying it): when any count it depends on is a
 * small cell, or, for a difference, when the figure is withheld in either operand. Values that are not numbers
 * (absent, null) count as nothing.
 */
export function isWithheld(rule: SmallCellRule, values: unknown, threshold: number): boolean {
  if (threshold <= 1) return false;
  if (rule.of.some((path) => {
    const value = valueAt(values, path);
    return typeof value === 'number' && isSuppressed(value, threshold);
  })) return true;
  const operands = valueAt(values, DIFFERENCE_OF);
  return Array.isArray(operands) && operands.some((operand) => isWithheld(rule, operand, threshold));
}

/** The names of the figures withheld in `values`, in the order of `rules`: what a type's `suppressed` field lists. */
export function withheldFields(rules: ReadonlyMap<string, SmallCellRule>, values: unknown, threshold: number): string[] {
  if (threshold <= 1) return [];
  const withheld: string[] = [];
  for (const [name, rule] of rules) if (isWithheld(rule, values, threshold)) withheld.push(name);
  return withheld;
}

/**
 * A small-cell threshold from a setting: a whole number ≥ 0 (0 and 1 turn suppression off), default
 * {@link DEFAULT_SMALL_CELL_THRESHOLD} when unset.
 */
export function parseSmallCellThreshold(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_SMALL_CELL_THRESHOLD;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`the small-cell threshold must be a whole number ≥ 0, got "${raw}"`);
  return value;
}
