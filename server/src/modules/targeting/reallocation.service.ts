/**
 * Quota reallocation plan of one kabupaten/kota and program at a DTSEN version (DOMAIN.md, "Regional quota"; the
 * PBI-JKN rule of June 2025): the regency's share of the national quota, its current recipients, whether it is
 * under or over quota, and then either who fills its free places (UNDER) or which inclusion errors leave first (OVER).
 *
 * The database does the counting and selecting: one statement per question (recipients, pool sizes, the first units
 * of each pool, inclusion errors per cause, the first inclusion errors), never a query per unit. JavaScript only
 * applies the pure policy functions (`regionalQuotas`, `quotaStatus`, `fillCounts`, `fillPlan`, `removalPlan`) to
 * what the statements return.
 *
 * Conventions (the same facts as the targeting cube, see domain/classification.ts):
 * - A unit is a family (PKH, Sembako) or an individual (PBI-JKN, ATENSI, PIP).
 * - Recipients of a regency are the memberships in force at the version that the regency carries in its quota
 *   (`enrollment.regency_code`), recipients outside DTSEN included.
 * - Fill candidates are units of families whose DTSEN state at the version lies in the regency: desil within the
 *   program's range, no exclusion criterion in force (an own criterion, or a family-excluding criterion held by a
 *   current member of the family), in the program's target group (individuals: current members only), and not a
 *   recipient. The three priorities are disjoint, in the order a unit is taken by `fillPlan`:
 *   1. `groundChecked`: the family's ground-check status is not NOT_CHECKED;
 *   2. `waitingList`: otherwise, the family has an APPROVED usulan for this program or for no particular program,
 *      submitted at or before the version (the waiting list approved by the regional head; a proposal's status is
 *      its current one, the table keeps no status per version);
 *   3. `remaining`: every other candidate.
 * - Removal candidates are recipients that are inclusion errors, with their first cause in `INCLUSION_CAUSE_ORDER`:
 *   OUTSIDE_DTSEN, an exclusion criterion, NOT_IN_TARGET_GROUP, or DESIL_ABOVE_RANGE once ground-checked. A
 *   recipient whose only fault is its desil and that is not ground-checked keeps the benefit (PENDING_GROUND_CHECK)
 *   and is never a removal candidate.
 */
import {
  dialect, query, queryOne, runSteps, runStepsSync, type Dialect, type SqlDialect, type SqlRunner, type SqlSteps,
} from '../../db/sql-runner.js';
import type { SqliteDatabase } from '../../db/sqlite.js';
import { enrollmentActive, flagInForce, memberAt, stateInForce } from '../../db/temporal-sql.js';
import { classificationSql } from '../publish/publish.sql.js';
import { PROGRAMS, type ProgramCode, type ProgramRule } from '../../domain/programs.js';
import { quotaStatus, regionalQuotas, type QuotaStatusCode } from '../../domain/quota-status.js';
import type { QuotaShare } from '../../domain/quota.js';
import {
  FILL_PRIORITY_ORDER, fillCounts, fillPlan, removalPlan, type FillCounts, type FillPriority, type ReallocationUnit,
} from '../../domain/reallocation.js';
import {
  ELDERLY_MIN_AGE, INCLUSION_CAUSE_ORDER, PROGRAM_TARGET_GROUP, SCHOOL_AGE_MAX, SCHOOL_AGE_MIN,
} from '../../domain/targeting-rules.js';
import type { InclusionCause } from '../../domain/targeting-types.js';

/** BPS poverty period whose kabupaten/kota poor counts distribute the national quota by default. */
export const DEFAULT_POVERTY_PERIOD = '2024-03';
/** Units listed by default (the counts always cover the whole gap). */
export const DEFAULT_UNIT_LIMIT = 100;
/** Proposal kinds that put a family on the waiting list once approved: the usulan (not sanggah, desil updates or PBI reactivation). */
export const WAITING_LIST_PROPOSAL_KINDS = ['USULAN'] as const;

export type ReallocationErrorCode =
  | 'UNKNOWN_VERSION'
  | 'UNKNOWN_REGENCY'
  | 'UNKNOWN_PROGRAM'
  | 'UNKNOWN_POVERTY_PERIOD'
  | 'NATIONAL_QUOTA_REQUIRED'
  | 'INVALID_ARGUMENT';

/** A reallocation plan that cannot be computed for the given arguments. */
export class ReallocationError extends Error {
  override readonly name = 'ReallocationError';
  constructor(readonly code: ReallocationErrorCode, message: string) {
    super(message);
  }
}

export interface ReallocationPlanOptions {
  versionId: number;
  /** Kabupaten/kota code, e.g. "32.01". */
  regencyCode: string;
  /** Program code (PKH, SEMBAKO, PBI_JKN, ATENSI, PIP). */
  programCode: string;
  /** BPS poverty period ("YYYY-MM") of the poor counts; default `DEFAULT_POVERTY_PERIOD`. */
  povertyPeriod?: string;
  /**
   * National quota in units. Default: the program's national quota, multiplied by the synthetic dataset's scale
   * (`dataset_info`) when there is one. Required for programs without a national quota (ATENSI, PIP).
   */
  nationalQuota?: number;
  /** Most units listed in `fill.units` or `removal.units`; default `DEFAULT_UNIT_LIMIT`. */
  limit?: number;
}

/** One unit of a plan: a family (family programs) or an individual and their family (individual programs). */
export interface PlanUnit {
  familyId: number;
  /** The individual for individual programs; null for family programs. */
  individualId: number | null;
  /** Desil 1-10 at the version; 0 = outside DTSEN. */
  desil: number;
  /** National welfare rank of the family's state (1 = poorest); null outside DTSEN. */
  rank: number | null;
}

export interface FillUnit extends PlanUnit {
  priority: FillPriority;
}

export interface RemovalUnit extends PlanUnit {
  cause: InclusionCause;
}

export interface FillSection {
  /** Candidates per priority (disjoint pools), counted in the database. */
  poolSizes: FillCounts;
  /** Units taken per priority to fill the whole gap (`fillCounts`). */
  counts: FillCounts;
  /** The first units taken, in order (priority, then poorest first), at most `limit`. */
  units: FillUnit[];
}

export interface RemovalSection {
  /** Every inclusion error among the regency's recipients, per (first) cause. */
  candidates: Partial<Record<InclusionCause, number>>;
  /** Units removed per cause to absorb the whole excess, causes in `INCLUSION_CAUSE_ORDER`; causes with none absent. */
  byCause: Partial<Record<InclusionCause, number>>;
  /** The first units removed, in removal order (cause, then id), at most `limit`. */
  units: RemovalUnit[];
}

export interface ReallocationPlan {
  regencyCode: string;
  programCode: ProgramCode;
  versionId: number;
  povertyPeriod: string;
  /** The national quota distributed over the regencies. */
  nationalQuota: number;
  /** The regency's share of it (largest remainder). */
  quota: number;
  /** Units receiving the program in the regency at the version. */
  recipients: number;
  status: QuotaStatusCode;
  /** quota - recipients. */
  gap: number;
  /** Present when the regency is UNDER quota. */
  fill?: FillSection;
  /** Present when the regency is OVER quota. */
  removal?: RemovalSection;
}

/**
 * The quota status of a regency and program at a version, and its fill or removal plan. Synchronous, on a SQLite
 * connection (scripts, specs); the API uses {@link planReallocation} on either engine.
 */
export function reallocationPlan(db: SqliteDatabase, options: ReallocationPlanOptions): ReallocationPlan {
  return runStepsSync(db, planSteps('sqlite', options));
}

/** {@link reallocationPlan} on either engine. */
export function planReallocation(sql: SqlRunner, options: ReallocationPlanOptions): Promise<ReallocationPlan> {
  return runSteps(sql, planSteps(sql.dialect, options));
}

function* planSteps(dialectName: SqlDialect, options: ReallocationPlanOptions): SqlSteps<ReallocationPlan> {
  const { versionId, regencyCode } = options;
  const povertyPeriod = options.povertyPeriod ?? DEFAULT_POVERTY_PERIOD;
  const limit = options.limit ?? DEFAULT_UNIT_LIMIT;
  if (!Number.isInteger(limit) || limit < 0) throw new ReallocationError('INVALID_ARGUMENT', `limit must be a non-negative integer, got ${limit}`);
  const rule = PROGRAMS.find((p) => p.code === options.programCode);
  if (!rule) throw new ReallocationError('UNKNOWN_PROGRAM', `unknown program ${options.programCode}`);
  const version = Number.isInteger(versionId)
    ? yield* queryOne<{ label: string }>('SELECT label FROM dtsen_version WHERE id = ?', [versionId])
    : undefined;
  if (!version) throw new ReallocationError('UNKNOWN_VERSION', `unknown DTSEN version ${versionId}`);
  const regency = yield* queryOne("SELECT code FROM region WHERE code = ? AND level = 'REGENCY'", [regencyCode]);
  if (!regency) throw new ReallocationError('UNKNOWN_REGENCY', `unknown kabupaten/kota ${regencyCode}`);

  const { nationalQuota, shares } = yield* regencyQuotaSteps(rule, { povertyPeriod, nationalQuota: options.nationalQuota });
  const share = shares.find((s) => s.regionCode === regencyCode);
  if (!share) throw new ReallocationError('UNKNOWN_POVERTY_PERIOD', `no poverty figure of ${regencyCode} for period ${povertyPeriod}`);

  const params: SqlParams = {
    v: versionId,
    year: Number(version.label.slice(0, 4)),
    r: regencyCode,
    lo: `${regencyCode}.`,
    hi: `${regencyCode}/`,
    p: rule.code,
    dmin: rule.desilMin,
    dmax: rule.desilMax,
  };
  const sql = planSql(dialect(dialectName), rule);
  const recipients = (yield* queryOne<{ n: number }>(sql.recipients, params))!.n;
  const { status, gap } = quotaStatus(share.quota, recipients);
  const plan: ReallocationPlan = {
    regencyCode, programCode: rule.code, versionId, povertyPeriod, nationalQuota, quota: share.quota, recipients, status, gap,
  };
  if (status === 'UNDER') plan.fill = yield* fillSteps(sql, params, gap, limit);
  if (status === 'OVER') plan.removal = yield* removalSteps(sql, params, -gap, limit);
  return plan;
}

/**
 * Units removed per cause to absorb `excess`, from the number of inclusion errors per cause: causes in
 * `INCLUSION_CAUSE_ORDER`, each exhausted before the next (the counts `removalPlan` reaches on the full candidate list).
 */
export function removalCounts(
  excess: number, candidates: Partial<Record<InclusionCause, number>>,
): Partial<Record<InclusionCause, number>> {
  if (!Number.isInteger(excess)) throw new RangeError(`excess must be an integer, got ${excess}`);
  let left = Math.max(0, excess);
  const out: Partial<Record<InclusionCause, number>> = {};
  for (const cause of INCLUSION_CAUSE_ORDER) {
    const take = Math.min(left, candidates[cause] ?? 0);
    if (take > 0) out[cause] = take;
    left -= take;
  }
  return out;
}

interface SqlParams {
  [name: string]: unknown;
  v: number;
  year: number;
  r: string;
  /** Village codes of the regency lie in [lo, hi): "32.01." <= code < "32.01/". */
  lo: string;
  hi: string;
  p: ProgramCode;
  dmin: number;
  dmax: number;
}

interface PlanSql {
  /** One row: the number of recipient units. */
  recipients: string;
  /** Fill candidates: each pool's first @cap units poorest first, and at least its first, with the pool's size. */
  pools: string;
  /** Inclusion errors: the first @cap in removal order, and at least the first of each cause, with the cause's count. */
  causes: string;
}

interface UnitRow {
  family_id: number;
  individual_id: number | null;
  id: number;
  desil: number;
  rank: number | null;
}

/** A fill candidate as `fillPlan` orders it (desil, rank, id), with its row and priority. */
interface PoolUnit extends ReallocationUnit {
  row: UnitRow;
  priority: FillPriority;
}

const POOL_INDEX = new Map<number, FillPriority>(FILL_PRIORITY_ORDER.map((p, k) => [k, p]));

function* fillSteps(sql: PlanSql, params: SqlParams, gap: number, limit: number): SqlSteps<FillSection> {
  const cap = Math.min(gap, limit);
  const poolSizes: FillCounts = { groundChecked: 0, waitingList: 0, remaining: 0 };
  const pools: Record<FillPriority, PoolUnit[]> = { groundChecked: [], waitingList: [], remaining: [] };
  for (const row of yield* query<UnitRow & { pool: number; size: number; k: number }>(sql.pools, { ...params, cap })) {
    const priority = priorityOf(row.pool);
    poolSizes[priority] = row.size;
    if (row.k <= cap) pools[priority].push({ id: row.id, desil: row.desil, ...(row.rank === null ? {} : { rank: row.rank }), row, priority });
  }
  const { chosen } = fillPlan<PoolUnit>(cap, pools);
  return {
    poolSizes,
    counts: fillCounts(gap, poolSizes),
    units: chosen.map((u) => ({ ...toPlanUnit(u.row), priority: u.priority })),
  };
}

function* removalSteps(sql: PlanSql, params: SqlParams, excess: number, limit: number): SqlSteps<RemovalSection> {
  const cap = Math.min(excess, limit);
  const candidates: Partial<Record<InclusionCause, number>> = {};
  const rows: Array<UnitRow & { cause: InclusionCause }> = [];
  for (const row of yield* query<UnitRow & { cause: InclusionCause; size: number; k: number }>(sql.causes, { ...params, cap })) {
    candidates[row.cause] = row.size;
    if (row.k <= cap) rows.push(row);
  }
  const { chosen } = removalPlan(cap, rows);
  return { candidates, byCause: removalCounts(excess, candidates), units: chosen.map((u) => ({ ...toPlanUnit(u), cause: u.cause })) };
}

function priorityOf(pool: number): FillPriority {
  const priority = POOL_INDEX.get(pool);
  if (priority === undefined) throw new Error(`unexpected fill pool ${pool}`);
  return priority;
}

function toPlanUnit(row: UnitRow): PlanUnit {
  return { familyId: row.family_id, individualId: row.individual_id, desil: row.desil, rank: row.rank };
}

/** The national quota distributed and every kabupaten/kota's share of it (`regionalQuotas` over the BPS poor counts). */
export interface RegencyQuotas {
  nationalQuota: number;
  /** One share per regency with a poor count in the period, ordered by regency code; empty for an unknown period. */
  shares: QuotaShare[];
}

/**
 * The regional quotas of a program: the national quota (given, or the program's scaled to the dataset, see
 * `resolveNationalQuota`) distributed over the kabupaten/kota by their BPS poor count of `povertyPeriod`.
 */
export function regencyQuotas(
  sql: SqlRunner, rule: ProgramRule, options: { povertyPeriod?: string; nationalQuota?: number | undefined },
): Promise<RegencyQuotas> {
  return runSteps(sql, regencyQuotaSteps(rule, options));
}

function* regencyQuotaSteps(rule: ProgramRule, options: { povertyPeriod?: string; nationalQuota?: number | undefined }): SqlSteps<RegencyQuotas> {
  const nationalQuota = yield* nationalQuotaSteps(rule, options.nationalQuota);
  const poverty = yield* query<{ regionCode: string; poor: number }>(
    'SELECT regency_code AS "regionCode", poor_thousands AS poor FROM poverty WHERE period = ? ORDER BY regency_code',
    [options.povertyPeriod ?? DEFAULT_POVERTY_PERIOD],
  );
  return { nationalQuota, shares: regionalQuotas(poverty, nationalQuota) };
}

/**
 * Recipients of a program at a version per kabupaten/kota that carries them in its quota (`enrollment.regency_code`),
 * counted exactly as `reallocationPlan` counts one regency's (the same unit SQL), in one grouped statement.
 * Regencies with none are absent.
 */
export async function recipientsByRegency(sql: SqlRunner, versionId: number, rule: ProgramRule): Promise<Map<string, number>> {
  const rows = await sql.all<{ r: string; n: number }>(
    `SELECT regency_code AS r, COUNT(*) AS n FROM (${recipientUnitsSql(rule, false)}) u GROUP BY regency_code`,
    { v: versionId, p: rule.code },
  );
  return new Map(rows.map((row) => [row.r, row.n]));
}

/**
 * The national quota of a plan: `given` (validated), else the program's national quota multiplied by the dataset's
 * scale. `ReallocationError` NATIONAL_QUOTA_REQUIRED when the program has none or the dataset records no scale.
 */
function* nationalQuotaSteps(rule: ProgramRule, given: number | undefined): SqlSteps<number> {
  if (given !== undefined) {
    if (!Number.isInteger(given) || given < 0) throw new ReallocationError('INVALID_ARGUMENT', `nationalQuota must be a non-negative integer, got ${given}`);
    return given;
  }
  if (rule.nationalQuota === null) {
    throw new ReallocationError('NATIONAL_QUOTA_REQUIRED', `${rule.code} has no national quota (set by assessment): pass nationalQuota`);
  }
  const scale = datasetScale(yield* query<{ key: string; value: string }>("SELECT key, value FROM dataset_info WHERE key IN ('scale', 'generator')"));
  if (scale === null) {
    throw new ReallocationError('NATIONAL_QUOTA_REQUIRED', 'the dataset does not record its scale (dataset_info): pass nationalQuota');
  }
  return Math.round(rule.nationalQuota * scale);
}

/** Scale of a synthetic dataset from its `dataset_info` rows: key "scale", or the `scale` of the generator's report; null when absent. */
export function datasetScale(rows: ReadonlyArray<{ key: string; value: string }>): number | null {
  const read = (key: string): unknown => {
    const row = rows.find((r) => r.key === key);
    if (!row) return undefined;
    try {
      const value: unknown = JSON.parse(row.value);
      return key === 'scale' ? value : typeof value === 'object' && value !== null && 'scale' in value ? value.scale : undefined;
    } catch {
      return undefined;
    }
  };
  for (const key of ['scale', 'generator']) {
    const scale = read(key);
    if (typeof scale === 'number' && scale > 0 && scale <= 1) return scale;
  }
  return null;
}

// ---- SQL (both engines through `Dialect`; parameters as in `SqlParams`, plus @cap for the unit lists) ----

/** Flags in force of a family-excluding criterion held by a current member of `family`. */
const familyFlagsFrom = (d: Dialect, family: string) => `individual fm JOIN exclusion_flag fx ON fx.individual_id = fm.id
  JOIN exclusion_criterion fc ON fc.code = fx.criterion_code
  WHERE fm.family_id = ${family} AND ${d.isTrue('fc.excludes_family')} AND ${memberAt('fm')} AND ${flagInForce('fx')}`;
/** Flags in force of any criterion held by `individual` themself. */
const ownFlagsFrom = (individual: string) => `exclusion_flag ox JOIN exclusion_criterion oc ON oc.code = ox.criterion_code
  WHERE ox.individual_id = ${individual} AND ${flagInForce('ox')}`;

/** Membership of person `i` in the program's target group at the version's year (domain/targeting-rules.ts), as a condition. */
function targetGroupSql(d: Dialect, rule: ProgramRule, i: string): string {
  const age = `(@year - ${d.yearOf(`${i}.birth_date`)})`;
  switch (PROGRAM_TARGET_GROUP[rule.code]) {
    case 'EVERYONE':
      return '1 = 1';
    case 'ELDERLY_OR_DISABLED':
      return `(${age} >= ${ELDERLY_MIN_AGE} OR ${d.isTrue(`${i}.disability`)})`;
    case 'SCHOOL_AGE':
      return `(${age} BETWEEN ${SCHOOL_AGE_MIN} AND ${SCHOOL_AGE_MAX})`;
  }
}

const CAUSE_RANK_SQL = `CASE cause ${INCLUSION_CAUSE_ORDER.map((c, k) => `WHEN '${c}' THEN ${k}`).join(' ')} END`;

/**
 * Recipient units of the program at @v, one row per unit and regency that carries it in its quota
 * (`enrollment.regency_code`, on enrollment_regency_code_program_code_idx): of regency @r when `oneRegency`, else of
 * every regency (with the column regency_code).
 */
function recipientUnitsSql(rule: ProgramRule, oneRegency: boolean): string {
  const where = `${oneRegency ? 'e.regency_code = @r AND ' : ''}e.program_code = @p AND ${enrollmentActive('e')}`;
  return rule.unit === 'FAMILY'
    ? `SELECT e.regency_code, e.family_id, CAST(NULL AS INTEGER) AS individual_id, e.family_id AS id FROM enrollment e
       WHERE ${where} GROUP BY e.regency_code, e.family_id`
    : `SELECT e.regency_code, i.family_id, i.id AS individual_id, i.id AS id FROM enrollment e JOIN individual i ON i.id = e.individual_id
       WHERE ${where} GROUP BY e.regency_code, i.id`;
}

function planSql(d: Dialect, rule: ProgramRule): PlanSql {
  const family = rule.unit === 'FAMILY';
  const tg = targetGroupSql(d, rule, 'i');
  const waitingList = `EXISTS (SELECT 1 FROM proposal q WHERE q.family_id = c.family_id
    AND q.kind IN (${WAITING_LIST_PROPOSAL_KINDS.map((k) => `'${k}'`).join(', ')}) AND q.status = 'APPROVED'
    AND q.submitted_version_id <= @v AND (q.program_code = @p OR q.program_code IS NULL))`;
  // Fill candidates: the regency's DTSEN families in force (village range on the village_code index), in range,
  // not excluded, not recipients; for individual programs their current members in the target group.
  const candidates = family
    ? `SELECT s.family_id, CAST(NULL AS INTEGER) AS individual_id, s.family_id AS id, s.desil, s.national_rank AS rank, s.ground_check_status AS gcs
       FROM family_state s
       WHERE s.village_code >= @lo AND s.village_code < @hi AND ${stateInForce('s')} AND s.desil BETWEEN @dmin AND @dmax
         AND NOT EXISTS (SELECT 1 FROM ${familyFlagsFrom(d, 's.family_id')})
         AND NOT EXISTS (SELECT 1 FROM enrollment e WHERE e.family_id = s.family_id AND e.program_code = @p AND ${enrollmentActive('e')})`
    : `SELECT s.family_id, i.id AS individual_id, i.id AS id, s.desil, s.national_rank AS rank, s.ground_check_status AS gcs
       FROM family_state s JOIN individual i ON i.family_id = s.family_id
       WHERE s.village_code >= @lo AND s.village_code < @hi AND ${stateInForce('s')} AND s.desil BETWEEN @dmin AND @dmax
         AND ${memberAt('i')} AND ${tg}
         AND NOT EXISTS (SELECT 1 FROM ${familyFlagsFrom(d, 's.family_id')})
         AND NOT EXISTS (SELECT 1 FROM ${ownFlagsFrom('i.id')})
         AND NOT EXISTS (SELECT 1 FROM enrollment e WHERE e.individual_id = i.id AND e.program_code = @p AND ${enrollmentActive('e')})`;
  // Pool = position in FILL_PRIORITY_ORDER (0 groundChecked, 1 waitingList, 2 remaining).
  const pooled = `WITH c AS (${candidates}),
    pooled AS MATERIALIZED (SELECT c.*, CASE WHEN c.gcs <> 'NOT_CHECKED' THEN 0 WHEN ${waitingList} THEN 1 ELSE 2 END AS pool FROM c)`;

  const recipientUnits = recipientUnitsSql(rule, true);
  // Their facts and first inclusion cause (NULL = not an inclusion error: correct or pending ground check).
  const ownCrit = family ? '99' : `COALESCE((SELECT MIN(oc.sort_order) FROM ${ownFlagsFrom('u.individual_id')}), 99)`;
  const classified = `WITH u AS (${recipientUnits}),
    f AS MATERIALIZED (
      SELECT u.family_id, u.individual_id, u.id, COALESCE(s.desil, 0) AS desil, s.national_rank AS rank,
             CASE WHEN s.ground_check_status IS NOT NULL AND s.ground_check_status <> 'NOT_CHECKED' THEN 1 ELSE 0 END AS gc,
             ${d.least(`COALESCE((SELECT MIN(fc.sort_order) FROM ${familyFlagsFrom(d, 'u.family_id')}), 99)`, ownCrit)} AS crit,
             ${family ? '1' : `CASE WHEN ${tg} THEN 1 ELSE 0 END`} AS tg, 1 AS recipient
      FROM u LEFT JOIN family_state s ON s.family_id = u.family_id AND ${stateInForce('s')}
      ${family ? '' : 'JOIN individual i ON i.id = u.individual_id'}
    ),
    cls AS (
      SELECT f.*, NULLIF(${classificationSql(rule, 'f').cause}, '') AS cause
      FROM f LEFT JOIN exclusion_criterion x ON x.sort_order = f.crit
    )`;

  return {
    recipients: `SELECT COUNT(*) AS n FROM (${recipientUnits}) u`,
    // One pass over the candidates: k = position in its pool, poorest first (desil, rank, id).
    pools: `${pooled}
      SELECT family_id, individual_id, id, desil, rank, pool, size, k FROM (
        SELECT pooled.*, COUNT(*) OVER (PARTITION BY pool) AS size,
               ROW_NUMBER() OVER (PARTITION BY pool ORDER BY desil, rank, id) AS k
        FROM pooled
      ) ranked WHERE k <= ${d.greatest('@cap', '1')} ORDER BY pool, k`,
    // One pass over the recipients: k = position in removal order (cause, then id); c = position within the cause.
    causes: `${classified}
      SELECT family_id, individual_id, id, desil, rank, cause, size, k FROM (
        SELECT cls.*, COUNT(*) OVER (PARTITION BY cause) AS size,
               ROW_NUMBER() OVER (ORDER BY ${CAUSE_RANK_SQL}, id) AS k,
               ROW_NUMBER() OVER (PARTITION BY cause ORDER BY id) AS c
        FROM cls WHERE cause IS NOT NULL
      ) ranked WHERE k <= @cap OR c = 1 ORDER BY k`,
  };
}
