/**
 * Pure rules of the family registry queries: validation of the `families` filter and page arguments, the Relay page
 * built from the rows one statement returns, and a family's targeting at a version (its program units classified by
 * the domain's `classify`). No database access here.
 */
import { classify, TARGETING_CLASSES, type Classification, type TargetingFacts } from '../../domain/classification.js';
import type { ExclusionCriterionCode } from '../../domain/exclusion-criteria.js';
import { PROGRAMS, type ProgramCode, type ProgramRule, type ProgramUnit } from '../../domain/programs.js';
import { inTargetGroup, PROGRAM_TARGET_GROUP } from '../../domain/targeting-rules.js';
import type { TargetingClass } from '../../domain/targeting-types.js';
import { BadUserInputError } from '../../graphql/errors.js';
import { decodeIdCursor } from '../../graphql/relay.js';

/** Page size of `families` when `first` is not given. */
export const FAMILIES_DEFAULT_FIRST = 50;
/** Largest page of `families` (`first` or `last`). */
export const FAMILIES_MAX_PAGE = 500;

/** Which families of a version a page walks, and from where. Families are always ordered by id. */
export interface PageWindow {
  /** FORWARD: the first `size` families after `afterId`; BACKWARD: the last `size` families before `beforeId`. */
  direction: 'FORWARD' | 'BACKWARD';
  size: number;
  /** Only families with a larger id (from `after`). */
  afterId: number | null;
  /** Only families with a smaller id (from `before`). */
  beforeId: number | null;
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

function assertPageSize(argument: 'first' | 'last', value: number): void {
  if (!Number.isInteger(value) || value < 1 || value > FAMILIES_MAX_PAGE) {
    throw new BadUserInputError(argument, `${argument} must be between 1 and ${FAMILIES_MAX_PAGE}, got ${value}`);
  }
}

/**
 * The window of a page. `last` pages backwards (and then `first`, which always has its default, is ignored);
 * `after` and `before` may be combined. Malformed cursors and sizes outside 1..500 are `BadUserInputError`.
 */
export function pageWindow(args: PageArgs): PageWindow {
  const afterId = args.after === undefined || args.after === null ? null : decodeIdCursor(args.after, 'after');
  const beforeId = args.before === undefined || args.before === null ? null : decodeIdCursor(args.before, 'before');
  if (args.last !== undefined && args.last !== null) {
    assertPageSize('last', args.last);
    return { direction: 'BACKWARD', size: args.last, afterId, beforeId };
  }
  const first = args.first ?? FAMILIES_DEFAULT_FIRST;
  assertPageSize('first', first);
  return { direction: 'FORWARD', size: first, afterId, beforeId };
}

/** A row of the page statement: a family of the page (or the one beyond it), or the probe on the cursor's other side. */
export interface PageRow<T> {
  id: number;
  /** True for the probe: a matching family on the other side of the cursor (it exists or the row is absent). */
  probe: boolean;
  item: T;
}

export interface Page<T> {
  /** The page, ordered by id ascending. */
  items: T[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

/**
 * The page from the rows of one statement: up to `size + 1` rows in walking order (ascending ids forward,
 * descending backward; the extra row says more follow) plus at most one probe row (a match on the other side of
 * the cursor).
 */
export function pageOf<T>(window: PageWindow, rows: readonly PageRow<T>[]): Page<T> {
  const walked = rows.filter((r) => !r.probe);
  const beyondCursor = rows.some((r) => r.probe);
  const forward = window.direction === 'FORWARD';
  walked.sort((a, b) => (forward ? a.id - b.id : b.id - a.id));
  const more = walked.length > window.size;
  const taken = walked.slice(0, window.size).map((r) => r.item);
  if (!forward) taken.reverse();
  return {
    items: taken,
    hasNextPage: forward ? more : beyondCursor,
    hasPreviousPage: forward ? beyondCursor : more,
  };
}

/** Desil selection of the filter: a list of desils or an inclusive range (both 1..10). */
export type DesilSelection = { kind: 'LIST'; values: number[] } | { kind: 'RANGE'; min: number; max: number };

export interface DesilArgs {
  desil?: number[] | null;
  desilMin?: number | null;
  desilMax?: number | null;
}

function assertDesil(argument: string, value: number): void {
  if (!Number.isInteger(value) || value < 1 || value > 10) {
    throw new BadUserInputError(argument, `${argument} must be a desil between 1 and 10, got ${value}`);
  }
}

/** The desil selection of a filter; null when it selects every desil. A list cannot be combined with min/max. */
export function desilSelection(args: DesilArgs): DesilSelection | null {
  const { desil, desilMin, desilMax } = args;
  const hasRange = (desilMin ?? null) !== null || (desilMax ?? null) !== null;
  if (desil !== undefined && desil !== null) {
    if (hasRange) throw new BadUserInputError('filter.desil', 'give either desil (a list) or desilMin/desilMax, not both');
    if (desil.length === 0) throw new BadUserInputError('filter.desil', 'desil must list at least one desil');
    for (const d of desil) assertDesil('filter.desil', d);
    return { kind: 'LIST', values: [...new Set(desil)].sort((a, b) => a - b) };
  }
  if (!hasRange) return null;
  const min = desilMin ?? 1;
  const max = desilMax ?? 10;
  assertDesil('filter.desilMin', min);
  assertDesil('filter.desilMax', max);
  if (min > max) throw new BadUserInputError('filter.desilMin', `desilMin ${min} is above desilMax ${max}`);
  return { kind: 'RANGE', min, max };
}

/** The desils a selection covers, ascending. */
export function desilsOf(selection: DesilSelection | null): number[] {
  if (selection === null) return [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  if (selection.kind === 'LIST') return selection.values;
  return Array.from({ length: selection.max - selection.min + 1 }, (_, k) => selection.min + k);
}

/**
 * Family-level conditions a family of DTSEN must meet to have a unit of the program in `klass`, derived from the
 * domain's `classify` by enumerating every combination of facts: the (desil, ground-checked) pairs under which the
 * class occurs, and whether it occurs only for recipients. The SQL uses them as cheap necessary pre-conditions
 * before classifying the units (`classificationSql` stays the authority), so that a count need not classify every
 * family.
 */
export interface ClassPrecondition {
  /** Desils under which the class occurs whatever the ground check. */
  anyCheck: number[];
  /** Desils under which it occurs only when the family is not ground-checked. */
  onlyUnchecked: number[];
  /** Desils under which it occurs only when the family is ground-checked. */
  onlyChecked: number[];
  /** The class occurs only for recipients of the program. */
  recipientsOnly: boolean;
}

export function classPrecondition(rule: Pick<ProgramRule, 'desilMin' | 'desilMax'>, klass: TargetingClass): ClassPrecondition {
  const out: ClassPrecondition = { anyCheck: [], onlyUnchecked: [], onlyChecked: [], recipientsOnly: true };
  const criteria: (ExclusionCriterionCode | null)[] = [null, 'ADDRESS_NOT_FOUND'];
  for (let desil = 1; desil <= 10; desil += 1) {
    const checks = new Set<boolean>();
    for (const groundChecked of [false, true]) {
      for (const recipient of [false, true]) {
        for (const criterion of criteria) {
          for (const inTargetGroup of [false, true]) {
            if (classify(rule, { desil, recipient, criterion, groundChecked, inTargetGroup }).class !== klass) continue;
            checks.add(groundChecked);
            if (!recipient) out.recipientsOnly = false;
          }
        }
      }
    }
    if (checks.size === 2) out.anyCheck.push(desil);
    else if (checks.has(false)) out.onlyUnchecked.push(desil);
    else if (checks.has(true)) out.onlyChecked.push(desil);
  }
  return out;
}

/** Calendar year of a version label ("2025-Q2"): the reference year for ages (as publishing counts them). */
export function yearOfLabel(label: string): number {
  const year = Number(label.slice(0, 4));
  if (!Number.isInteger(year)) throw new RangeError(`version label ${label} does not start with a year`);
  return year;
}

// ---- A family's targeting at a version ----

/** Temporal convention: a row from `from` to the exclusive `to` (null = open) holds at version `v`. */
export const holdsAt = (from: number, to: number | null, v: number): boolean => from <= v && (to === null || to > v);

/** The facts of one family that decide the targeting class of each of its program units at a version. */
export interface FamilyTargetingInput {
  versionId: number;
  /** Calendar year of the version (ages are completed years in it). */
  year: number;
  /** The family's DTSEN state in force at the version; null = outside DTSEN. */
  state: { desil: number; groundCheckStatus: string } | null;
  /** Every person ever on the family card. */
  individuals: readonly { id: number; birthYear: number; disability: boolean; fromVersionId: number; toVersionId: number | null }[];
  /** Every program membership of the family or its people. */
  enrollments: readonly { programCode: string; individualId: number | null; startVersionId: number; endVersionId: number | null }[];
  /** Every exclusion flag of the family's people, with its criterion's rank and reach. */
  flags: readonly {
    individualId: number;
    criterionCode: ExclusionCriterionCode;
    excludesFamily: boolean;
    sortOrder: number;
    observedVersionId: number;
    clearedVersionId: number | null;
  }[];
}

/** One program unit of the family (the family itself, or a person for individual programs), classified. */
export interface UnitTargeting extends Classification {
  /** The person for individual programs; null for family programs. */
  individualId: number | null;
  facts: TargetingFacts;
}

export interface ProgramTargeting {
  programCode: ProgramCode;
  unit: ProgramUnit;
  /** The family's units in the program's universe at the version (none when the program does not concern it). */
  units: UnitTargeting[];
  /** The distinct classes of the units, in `TARGETING_CLASSES` order: the classes the `families` filter matches. */
  classes: TargetingClass[];
}

/**
 * The targeting of a family's units for each program at a version, with the same facts as the targeting cube
 * (publish.sql.ts) and the `families` filter (family.sql.ts):
 * - family programs: one unit, the family, when it is in DTSEN or receives the program; its criterion is the first
 *   family-excluding criterion in force held by a current member;
 * - individual programs: each current member in the program's target group (when the family is in DTSEN) and each
 *   recipient; a person's criterion is the first of their own criteria in force and the family's.
 * Desil 0 = outside DTSEN; ground-checked = a status other than NOT_CHECKED.
 */
export function familyTargeting(input: FamilyTargetingInput, programs: readonly ProgramRule[] = PROGRAMS): ProgramTargeting[] {
  const v = input.versionId;
  const desil = input.state?.desil ?? 0;
  const groundChecked = input.state !== null && input.state.groundCheckStatus !== 'NOT_CHECKED';
  const members = new Set(input.individuals.filter((i) => holdsAt(i.fromVersionId, i.toVersionId, v)).map((i) => i.id));
  const flags = input.flags.filter((f) => holdsAt(f.observedVersionId, f.clearedVersionId, v));
  type Flag = FamilyTargetingInput['flags'][number];
  /** The criterion of the first flag by the criteria's sort order, or null. */
  const firstOf = (candidates: readonly Flag[]): Flag | null =>
    candidates.reduce<Flag | null>((best, f) => (best === null || f.sortOrder < best.sortOrder ? f : best), null);
  const familyFlag = firstOf(flags.filter((f) => f.excludesFamily && members.has(f.individualId)));
  const active = input.enrollments.filter((e) => holdsAt(e.startVersionId, e.endVersionId, v));

  return programs.map((rule) => {
    const units: UnitTargeting[] = [];
    if (rule.unit === 'FAMILY') {
      const recipient = active.some((e) => e.programCode === rule.code);
      if (input.state !== null || recipient) {
        const facts: TargetingFacts = { desil, recipient, criterion: familyFlag?.criterionCode ?? null, groundChecked, inTargetGroup: true };
        units.push({ individualId: null, facts, ...classify(rule, facts) });
      }
    } else {
      for (const person of [...input.individuals].sort((a, b) => a.id - b.id)) {
        const recipient = active.some((e) => e.programCode === rule.code && e.individualId === person.id);
        const inGroup = inTargetGroup(PROGRAM_TARGET_GROUP[rule.code], { age: input.year - person.birthYear, disability: person.disability });
        if (!recipient && !(input.state !== null && members.has(person.id) && inGroup)) continue;
        const own = flags.filter((f) => f.individualId === person.id);
        const criterion = firstOf(familyFlag === null ? own : [...own, familyFlag])?.criterionCode ?? null;
        const facts: TargetingFacts = { desil, recipient, criterion, groundChecked, inTargetGroup: inGroup };
        units.push({ individualId: person.id, facts, ...classify(rule, facts) });
      }
    }
    const present = new Set(units.map((u) => u.class));
    return { programCode: rule.code, unit: rule.unit, units, classes: TARGETING_CLASSES.filter((c) => present.has(c)) };
  });
}
