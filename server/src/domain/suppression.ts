/**
 * Small-cell suppression: a count over rows a user may not see reveals them, so in the aggregate answers a count from
 * 1 to `threshold - 1` is withheld from roles without the right to unsuppressed counts (`access.ts`), and so is every
 * figure derived from it (a rate, a share, a difference, a status), which would give it back. Where shown cells add up
 * to a shown total, a second cell is withheld beside a lone withheld one (complementary suppression, below), else
 * subtraction would give it back too.
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

/** The value at a dotted path (`baseline.eligible`) of an object; undefined when a step is missing. */
export function valueAt(values: unknown, path: string): unknown {
  let current: unknown = values;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/**
 * Figures withheld besides the small cells (complements, see {@link complementarySuppression}): whether the figure
 * `name` of the object `holder` is.
 */
export type AlsoWithheld = (holder: object, name: string) => boolean;

function isMarked(values: unknown, path: string, alsoWithheld: AlsoWithheld): boolean {
  const dot = path.lastIndexOf('.');
  const holder = dot < 0 ? values : valueAt(values, path.slice(0, dot));
  return typeof holder === 'object' && holder !== null && alsoWithheld(holder, path.slice(dot + 1));
}

/**
 * Whether a figure with this rule is withheld in `values` (the object carrying it): when any count it depends on is a
 * small cell or withheld as a complement (`alsoWithheld`), or, for a difference, when the figure is withheld in either
 * operand. Values that are not numbers (absent, null) count as nothing.
 */
export function isWithheld(rule: SmallCellRule, values: unknown, threshold: number, alsoWithheld?: AlsoWithheld): boolean {
  if (threshold <= 1) return false;
  if (rule.of.some((path) => {
    const value = valueAt(values, path);
    return (typeof value === 'number' && isSuppressed(value, threshold)) || (alsoWithheld !== undefined && isMarked(values, path, alsoWithheld));
  })) return true;
  const operands = valueAt(values, DIFFERENCE_OF);
  return Array.isArray(operands) && operands.some((operand) => isWithheld(rule, operand, threshold, alsoWithheld));
}

/** The names of the figures withheld in `values`, in the order of `rules`: what a type's `suppressed` field lists. */
export function withheldFields(
  rules: ReadonlyMap<string, SmallCellRule>, values: unknown, threshold: number, alsoWithheld?: AlsoWithheld,
): string[] {
  if (threshold <= 1) return [];
  const withheld: string[] = [];
  for (const [name, rule] of rules) if (isWithheld(rule, values, threshold, alsoWithheld)) withheld.push(name);
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

// ---- complementary (secondary) suppression ----

/**
 * An additive group as its caller sees it: cells that add up to a total (a region's desil buckets to its families), each
 * shown or withheld. With exactly one unknown among them (one withheld cell and the total shown, or the total withheld
 * and every cell shown), subtraction gives it back: `total - sum(shown cells)`.
 */
export interface AdditiveGroup {
  readonly cells: readonly number[];
  readonly withheld: readonly boolean[];
  readonly totalWithheld: boolean;
  /**
   * Breaks ties between equally small cells (a region code): the same cell is chosen whatever the order the cells
   * come in, so two answers listing them in different orders cannot withhold different complements (which, put
   * together, would show every cell but one). Default: the position.
   */
  readonly keys?: readonly string[];
}

/** What else to withhold in a group: positions of cells, and whether the total. */
export interface Complement {
  readonly cells: readonly number[];
  readonly total: boolean;
}

const NOTHING: Complement = { cells: [], total: false };

/**
 * The complementary suppression of one additive group: what to withhold besides what is withheld already so that no
 * withheld figure is the only unknown of the group.
 *
 * - No unknown, or two or more: nothing (two withheld cells only give their sum).
 * - One withheld cell (total shown): the smallest non-zero shown cell by magnitude (ties: the smallest key, else the
 *   first) — the cheapest figure to lose, and never a zero, which reveals nobody and which the caller could tell was
 *   chosen only for want of another. With no non-zero shown cell the withheld cell is the whole total, so the total is
 *   withheld instead (the sound option: withholding a zero beside it would still leave `total = cell`).
 * - The total withheld and every cell shown: the smallest non-zero cell, as above; when every cell is 0 the total is
 *   0 and reveals nobody: nothing.
 *
 * Afterwards the group has 0 or at least 2 unknowns, or its only unknown is a total of 0 (property-tested).
 */
export function complementaryCells(group: AdditiveGroup): Complement {
  const { cells, withheld, totalWithheld, keys } = group;
  if (withheld.length !== cells.length || (keys && keys.length !== cells.length)) throw new RangeError('an additive group needs one flag (and key) per cell');
  const withheldCells = withheld.filter(Boolean).length;
  if (withheldCells + (totalWithheld ? 1 : 0) !== 1) return NOTHING;
  let chosen: number | undefined;
  for (let i = 0; i < cells.length; i += 1) {
    const magnitude = Math.abs(cells[i]!);
    if (withheld[i] || magnitude === 0) continue;
    if (chosen === undefined) { chosen = i; continue; }
    const best = Math.abs(cells[chosen]!);
    if (magnitude < best || (magnitude === best && keys !== undefined && keys[i]! < keys[chosen]!)) chosen = i;
  }
  if (chosen !== undefined) return { cells: [chosen], total: false };
  return totalWithheld ? NOTHING : { cells: [], total: true };
}

/** One additive relation between figures named by ids: `total = sum(cells)`. */
export interface AdditiveRelation<Id> {
  readonly cells: readonly Id[];
  readonly total: Id;
}

/**
 * Complementary suppression over relations that may share figures (a sub-region's total is a cell of its parent's
 * sub-region group and the total of its own desil buckets): {@link complementaryCells} applied to each relation in
 * turn, again and again until none asks for more. Returns the ids withheld in addition to `isWithheld`'s. Ends: each
 * pass that changes anything withholds one more of finitely many figures.
 */
export function complementarySuppression<Id>(
  relations: readonly AdditiveRelation<Id>[],
  valueOf: (id: Id) => number,
  isWithheld: (id: Id) => boolean,
  keyOf?: (id: Id) => string,
): Set<Id> {
  const extra = new Set<Id>();
  const withheld = (id: Id) => extra.has(id) || isWithheld(id);
  for (let changed = true; changed;) {
    changed = false;
    for (const relation of relations) {
      const complement = complementaryCells({
        cells: relation.cells.map(valueOf),
        withheld: relation.cells.map(withheld),
        totalWithheld: withheld(relation.total),
        ...(keyOf ? { keys: relation.cells.map(keyOf) } : {}),
      });
      for (const i of complement.cells) extra.add(relation.cells[i]!);
      if (complement.total) extra.add(relation.total);
      if (complement.cells.length > 0 || complement.total) changed = true;
    }
  }
  return extra;
}
