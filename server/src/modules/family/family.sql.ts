/**
 * The SQL of `families` (positional `?` parameters, for SQLite or PostgreSQL through `Dialect`, db/sql-runner.ts): one
 * statement for a page and one for the count. Built from the filter as pure functions so that the statements can be inspected (EXPLAIN QUERY PLAN) and
 * tested. Temporal predicates come from db/temporal-sql.ts and targeting classes from `classificationSql`
 * (publish.sql.ts), the same SQL the targeting cube is classified with.
 *
 * The families of a version are the family states in force at it (one per family). A page walks them in family id
 * order; with no region filter, or one at province level, it walks the covering index of `family_state` (led by
 * family_id) so that the first page stops after `first + 1` matches instead of sorting every match; a regency,
 * kecamatan or village filter reads that region's states through the `village_code` index and sorts the (small) set.
 * SQLite is told which index (`INDEXED BY`); PostgreSQL's planner chooses between the same two indexes itself.
 */
import type { Dialect } from '../../db/sql-runner.js';
import { enrollmentActive, flagInForce, memberAt, stateInForce } from '../../db/temporal-sql.js';
import type { ExclusionCriterionCode } from '../../domain/exclusion-criteria.js';
import { programByCode, type ProgramCode, type ProgramRule } from '../../domain/programs.js';
import { ELDERLY_MIN_AGE, PROGRAM_TARGET_GROUP, SCHOOL_AGE_MAX, SCHOOL_AGE_MIN } from '../../domain/targeting-rules.js';
import type { TargetingClass } from '../../domain/targeting-types.js';
import { classificationSql } from '../publish/publish.sql.js';
import { classPrecondition, type DesilSelection, type PageWindow } from './family.logic.js';

/** A statement and its positional parameters. */
export interface SqlStatement {
  sql: string;
  params: unknown[];
}

/** The region a filter selects, as the service resolved it. */
export interface RegionSelection {
  code: string;
  level: 'NATION' | 'PROVINCE' | 'REGENCY' | 'DISTRICT' | 'VILLAGE';
}

/** A validated `families` filter at a version. */
export interface FamilyQuery {
  versionId: number;
  /** Calendar year of the version (ages for the program target groups). */
  year: number;
  region: RegionSelection | null;
  desil: DesilSelection | null;
  /** Recipient of this program at the version (with `targetingClass`: the program classified). */
  programCode: ProgramCode | null;
  targetingClass: TargetingClass | null;
  exclusionCriterion: ExclusionCriterionCode | null;
  groundCheckStatus: string | null;
  source: string | null;
}

/** The covering index of `family_state` led by family_id (migration 0010, SQLite name). */
export const FAMILY_STATE_BY_FAMILY_INDEX =
  'family_state_family_id_valid_from_version_id_valid_to_version_id_village_code_desil_member_count_ground_check_status_idx';
/** The `family_state` index on village_code. */
export const FAMILY_STATE_BY_VILLAGE_INDEX = 'family_state_village_code_idx';

/** Collects positional parameters in the order their `?` appear, for one dialect. */
class Params {
  readonly values: unknown[] = [];

  constructor(readonly d: Dialect) {}

  /** A `?` standing for `value`. */
  bind(value: unknown): string {
    this.values.push(value);
    return '?';
  }

  /** A temporal predicate (db/temporal-sql.ts) at version `v`: every `?` it contains stands for `v`. */
  at(predicate: (alias: string, version?: string) => string, alias: string, v: number): string {
    const sql = predicate(alias, '?');
    for (let k = sql.split('?').length - 1; k > 0; k -= 1) this.values.push(v);
    return sql;
  }
}

/** The statement, checked: as many parameters as `?` in the text. */
function statement(sql: string, p: Params): SqlStatement {
  const placeholders = sql.split('?').length - 1;
  if (placeholders !== p.values.length) throw new Error(`${placeholders} placeholders but ${p.values.length} parameters`);
  return { sql, params: p.values };
}

/** Bounds of the villages of a region: a village equals its code; larger regions are the codes below "code.". */
function regionSql(p: Params, region: RegionSelection | null): string[] {
  if (region === null || region.level === 'NATION') return [];
  if (region.level === 'VILLAGE') return [`s.village_code = ${p.bind(region.code)}`];
  return [`s.village_code >= ${p.bind(`${region.code}.`)}`, `s.village_code < ${p.bind(`${region.code}/`)}`];
}

function desilSql(p: Params, desil: DesilSelection | null): string[] {
  if (desil === null) return [];
  if (desil.kind === 'RANGE') return [`s.desil BETWEEN ${p.bind(desil.min)} AND ${p.bind(desil.max)}`];
  return [`s.desil IN (${desil.values.map((d) => p.bind(d)).join(', ')})`];
}

/** First family-excluding criterion (sort order) in force held by a current member of the family of state `s`; 99 = none. */
function familyCritSql(p: Params, v: number): string {
  return `COALESCE((SELECT MIN(fc.sort_order) FROM individual fm JOIN exclusion_flag fx ON fx.individual_id = fm.id
      JOIN exclusion_criterion fc ON fc.code = fx.criterion_code
      WHERE fm.family_id = s.family_id AND ${p.d.isTrue('fc.excludes_family')} AND ${p.at(memberAt, 'fm', v)} AND ${p.at(flagInForce, 'fx', v)}), 99)`;
}

/** Membership of person `i` in the program's target group in `year` (domain/targeting-rules.ts), as 1 or 0. */
function targetGroupSql(p: Params, rule: ProgramRule, year: number): string {
  const age = () => `(${p.bind(year)} - ${p.d.yearOf('i.birth_date')})`;
  switch (PROGRAM_TARGET_GROUP[rule.code]) {
    case 'EVERYONE':
      return '1';
    case 'ELDERLY_OR_DISABLED':
      return `CASE WHEN ${age()} >= ${ELDERLY_MIN_AGE} OR ${p.d.isTrue('i.disability')} THEN 1 ELSE 0 END`;
    case 'SCHOOL_AGE':
      return `CASE WHEN ${age()} BETWEEN ${SCHOOL_AGE_MIN} AND ${SCHOOL_AGE_MAX} THEN 1 ELSE 0 END`;
  }
}

/**
 * The family of state `s` has a unit of the program in `klass` at the version: the facts of the targeting cube
 * (desil, recipient, first criterion, ground-checked, target group) per unit, classified by `classificationSql`.
 * Family programs: the family. Individual programs: each current member in the target group and each recipient
 * (the family matches when any of them is in the class).
 */
function targetingSql(p: Params, rule: ProgramRule, klass: TargetingClass, q: FamilyQuery): string {
  const v = q.versionId;
  const gc = `CASE WHEN s.ground_check_status <> 'NOT_CHECKED' THEN 1 ELSE 0 END`;
  // Parameters are bound in the order their `?` appear in the text: fragments are built in that order.
  if (rule.unit === 'FAMILY') {
    const recipient = `CASE WHEN EXISTS (SELECT 1 FROM enrollment e WHERE e.family_id = s.family_id
        AND e.program_code = ${p.bind(rule.code)} AND ${p.at(enrollmentActive, 'e', v)}) THEN 1 ELSE 0 END`;
    const facts = `SELECT s.desil AS desil, ${gc} AS gc, 1 AS tg, ${recipient} AS recipient, ${familyCritSql(p, v)} AS crit`;
    return `EXISTS (SELECT 1 FROM (${facts}) t WHERE (${classificationSql(rule, 't').klass}) = ${p.bind(klass)})`;
  }
  const tg = targetGroupSql(p, rule, q.year);
  const recipient = `CASE WHEN EXISTS (SELECT 1 FROM enrollment e WHERE e.individual_id = i.id
      AND e.program_code = ${p.bind(rule.code)} AND ${p.at(enrollmentActive, 'e', v)}) THEN 1 ELSE 0 END`;
  const ownCrit = `COALESCE((SELECT MIN(oc.sort_order) FROM exclusion_flag ox JOIN exclusion_criterion oc ON oc.code = ox.criterion_code
      WHERE ox.individual_id = i.id AND ${p.at(flagInForce, 'ox', v)}), 99)`;
  const familyCrit = familyCritSql(p, v);
  const member = `CASE WHEN ${p.at(memberAt, 'i', v)} THEN 1 ELSE 0 END`;
  const facts = `SELECT s.desil AS desil, ${gc} AS gc, ${tg} AS tg, ${recipient} AS recipient,
      ${p.d.least(ownCrit, familyCrit)} AS crit, ${member} AS member
    FROM individual i WHERE i.family_id = s.family_id`;
  return `EXISTS (SELECT 1 FROM (${facts}) t WHERE ((t.member = 1 AND t.tg = 1) OR t.recipient = 1)
    AND (${classificationSql(rule, 't').klass}) = ${p.bind(klass)})`;
}

/**
 * How a condition on related rows is written. WALK (a page): a correlated EXISTS per visited state, which costs
 * nothing for the states a short page never reaches. COUNT: membership of the family in the set of families meeting
 * the condition, built once from the related table's index (SQLite materialises `IN (SELECT ...)`), instead of one
 * lookup per family in DTSEN.
 */
export type FilterMode = 'WALK' | 'COUNT';

function familyIn(mode: FilterMode, existsFrom: () => string, setSelect: () => string): string {
  return mode === 'WALK' ? `EXISTS (SELECT 1 FROM ${existsFrom()})` : `s.family_id IN (${setSelect()})`;
}

/** Families with an active membership of the program at the version. */
function recipientSql(p: Params, mode: FilterMode, programCode: ProgramCode, v: number): string {
  if (mode === 'WALK') {
    return `EXISTS (SELECT 1 FROM enrollment e WHERE e.family_id = s.family_id AND e.program_code = ${p.bind(programCode)}
      AND ${p.at(enrollmentActive, 'e', v)})`;
  }
  return `s.family_id IN (SELECT e.family_id FROM enrollment e WHERE e.program_code = ${p.bind(programCode)} AND ${p.at(enrollmentActive, 'e', v)})`;
}

/** The family-level pre-conditions of a targeting class (`classPrecondition`), on state `s`. */
function preconditionSql(p: Params, mode: FilterMode, rule: ProgramRule, klass: TargetingClass, v: number): string[] {
  const pre = classPrecondition(rule, klass);
  const list = (desils: number[]) => desils.map((d) => p.bind(d)).join(', ');
  const where: string[] = [];
  if (pre.anyCheck.length < 10) {
    const alternatives: string[] = [];
    if (pre.anyCheck.length > 0) alternatives.push(`s.desil IN (${list(pre.anyCheck)})`);
    if (pre.onlyUnchecked.length > 0) alternatives.push(`(s.desil IN (${list(pre.onlyUnchecked)}) AND s.ground_check_status = 'NOT_CHECKED')`);
    if (pre.onlyChecked.length > 0) alternatives.push(`(s.desil IN (${list(pre.onlyChecked)}) AND s.ground_check_status <> 'NOT_CHECKED')`);
    where.push(alternatives.length === 0 ? '1 = 0' : `(${alternatives.join(' OR ')})`);
  }
  // An individual program's memberships carry the family of the person (enrollment.family_id).
  if (pre.recipientsOnly) where.push(recipientSql(p, mode, rule.code, v));
  return where;
}

/** The WHERE conditions of the filter on family state `s` (cursor bounds excluded). */
function filterSql(p: Params, q: FamilyQuery, mode: FilterMode): string[] {
  const v = q.versionId;
  const where = [p.at(stateInForce, 's', v), ...regionSql(p, q.region), ...desilSql(p, q.desil)];
  if (q.groundCheckStatus !== null) where.push(`s.ground_check_status = ${p.bind(q.groundCheckStatus)}`);
  if (q.source !== null) where.push(`EXISTS (SELECT 1 FROM family f WHERE f.id = s.family_id AND f.source = ${p.bind(q.source)})`);
  // With a targeting class the program only names what is classified (non-recipients have classes too).
  if (q.programCode !== null && q.targetingClass === null) where.push(recipientSql(p, mode, q.programCode, v));
  if (q.exclusionCriterion !== null) {
    const criterion = q.exclusionCriterion;
    where.push(familyIn(
      mode,
      () => `individual m JOIN exclusion_flag x ON x.individual_id = m.id
      WHERE m.family_id = s.family_id AND x.criterion_code = ${p.bind(criterion)} AND ${p.at(memberAt, 'm', v)} AND ${p.at(flagInForce, 'x', v)}`,
      () => `SELECT m.family_id FROM exclusion_flag x JOIN individual m ON m.id = x.individual_id
      WHERE x.criterion_code = ${p.bind(criterion)} AND ${p.at(memberAt, 'm', v)} AND ${p.at(flagInForce, 'x', v)}`,
    ));
  }
  if (q.targetingClass !== null) {
    if (q.programCode === null) throw new Error('targetingClass needs programCode');
    const rule = programByCode(q.programCode);
    where.push(...preconditionSql(p, mode, rule, q.targetingClass, v), targetingSql(p, rule, q.targetingClass, q));
  }
  return where;
}

/** The index a walk over the filter's states uses: by family id, unless a small region is selected. */
function stateSource(p: Params, q: FamilyQuery): string {
  const small = q.region !== null && (q.region.level === 'REGENCY' || q.region.level === 'DISTRICT' || q.region.level === 'VILLAGE');
  return p.d.indexed('family_state', 's', small ? FAMILY_STATE_BY_VILLAGE_INDEX : FAMILY_STATE_BY_FAMILY_INDEX);
}

/** Matching family ids in walking order within the given id bounds, at most `limit`. */
function walkSql(p: Params, q: FamilyQuery, bounds: (p: Params) => string[], order: 'ASC' | 'DESC', limit: number): string {
  const where = [...filterSql(p, q, 'WALK'), ...bounds(p)];
  return `SELECT s.family_id AS family_id FROM ${stateSource(p, q)} WHERE ${where.join('\n  AND ')}
    ORDER BY s.family_id ${order} LIMIT ${p.bind(limit)}`;
}

/**
 * One statement for a page: the matching families of the window in walking order (`size + 1` of them: the extra one
 * says more follow) with their `family` row, plus, when a cursor was given, the first match on the cursor's other
 * side (`probe` = 1), so that both `hasNextPage` and `hasPreviousPage` are exact.
 */
export function familyPageSql(q: FamilyQuery, window: PageWindow, d: Dialect): SqlStatement {
  const p = new Params(d);
  const forward = window.direction === 'FORWARD';
  // Bound when the walk places them, after the filter's parameters.
  const bounds = (after: number | null, before: number | null, inclusive = false) => (params: Params) => [
    ...(after === null ? [] : [`s.family_id ${inclusive ? '>=' : '>'} ${params.bind(after)}`]),
    ...(before === null ? [] : [`s.family_id ${inclusive ? '<=' : '<'} ${params.bind(before)}`]),
  ];
  const parts = [`SELECT family_id, 0 AS probe FROM (${walkSql(p, q, bounds(window.afterId, window.beforeId), forward ? 'ASC' : 'DESC', window.size + 1)}) page`];
  const cursor = forward ? window.afterId : window.beforeId;
  if (cursor !== null) {
    const probeBounds = forward ? bounds(null, cursor, true) : bounds(cursor, null, true);
    parts.push(`SELECT family_id, 1 AS probe FROM (${walkSql(p, q, probeBounds, forward ? 'DESC' : 'ASC', 1)}) probe`);
  }
  const sql = `SELECT f.id AS id, f.kk_masked AS "kkMasked", f.source AS source, f.village_code AS "villageCode", w.probe AS probe
    FROM (${parts.join('\nUNION ALL\n')}) w JOIN family f ON f.id = w.family_id`;
  return statement(sql, p);
}

/** One statement: the number of families matching the filter at the version. */
export function familyCountSql(q: FamilyQuery, d: Dialect): SqlStatement {
  const p = new Params(d);
  const sql = `SELECT COUNT(*) AS n FROM ${stateSource(p, q)} WHERE ${filterSql(p, q, 'COUNT').join('\n  AND ')}`;
  return statement(sql, p);
}
