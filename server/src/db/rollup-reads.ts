/**
 * The reads of the rollup tables written at publication, as plain SQL through a {@link SqlRunner} (the direct
 * better-sqlite3 connection with statements prepared once on SQLite, Prisma's raw queries on PostgreSQL). These are
 * the statements behind nearly every analysis: through Prisma's query engine the same rows cost about as much again
 * as reading them (API benchmark profile, README "Benchmark"), so they bypass it. Each read is one statement for all
 * the versions, programs and regions asked for; rows come back with the model's field names, booleans as booleans.
 */
import type { ClassRow, CubeRow } from '../modules/targeting/targeting.logic.js';
import type { ProposalRow } from '../modules/trends/trends.logic.js';
import type { SqlRunner } from './sql-runner.js';

/** `?, ?, ...`, one per value. */
export const placeholders = (values: readonly unknown[]): string => values.map(() => '?').join(', ');

/** `column = ?` for one value, `column IN (?, ...)` for several (the same plan, a simpler statement for the common case), false for none. */
const oneOf = (column: string, values: readonly unknown[]): string =>
  values.length === 0 ? '1 = 0' : values.length === 1 ? `${column} = ?` : `${column} IN (${placeholders(values)})`;

export interface DesilRollupRow {
  regionCode: string;
  desil: number;
  families: number;
  individuals: number;
}

export function desilRows(sql: SqlRunner, versionId: number, regionCodes: readonly string[]): Promise<DesilRollupRow[]> {
  return sql.all<DesilRollupRow>(
    `SELECT region_code AS "regionCode", desil, families, individuals FROM desil_rollup WHERE version_id = ? AND ${oneOf('region_code', regionCodes)}`,
    [versionId, ...regionCodes],
  );
}

/** A cell of the targeting cube (`targeting_rollup`), with its version. */
export type CubeRollupRow = CubeRow & { versionId: number };

export async function cubeRows(
  sql: SqlRunner, where: { versionIds: readonly number[]; programCodes: readonly string[]; regionCodes: readonly string[] },
): Promise<CubeRollupRow[]> {
  const rows = await sql.all<Record<keyof CubeRollupRow, unknown>>(
    `SELECT version_id AS "versionId", region_code AS "regionCode", program_code AS "programCode", desil, recipient,
            criterion_code AS "criterionCode", ground_checked AS "groundChecked", in_target_group AS "inTargetGroup", units
       FROM targeting_rollup
      WHERE ${oneOf('version_id', where.versionIds)} AND ${oneOf('program_code', where.programCodes)} AND ${oneOf('region_code', where.regionCodes)}`,
    [...where.versionIds, ...where.programCodes, ...where.regionCodes],
  );
  // Booleans are stored 0/1 on SQLite and come back as true/false on PostgreSQL.
  return rows.map((r) => ({
    versionId: r.versionId as number, regionCode: r.regionCode as string, programCode: r.programCode as string, desil: r.desil as number,
    recipient: Boolean(r.recipient), criterionCode: r.criterionCode as string, groundChecked: Boolean(r.groundChecked),
    inTargetGroup: Boolean(r.inTargetGroup), units: r.units as number,
  }));
}

/** Eligible-relevant facts of the cube summed over recipient and ground check, per region (quota computations). */
export interface CubeFactSum {
  regionCode: string;
  desil: number;
  criterionCode: string;
  inTargetGroup: boolean;
  units: number;
}

export async function cubeFactSums(sql: SqlRunner, versionId: number, programCode: string, regionCodes: readonly string[]): Promise<CubeFactSum[]> {
  const rows = await sql.all<Record<keyof CubeFactSum, unknown>>(
    `SELECT region_code AS "regionCode", desil, criterion_code AS "criterionCode", in_target_group AS "inTargetGroup", SUM(units) AS units
       FROM targeting_rollup
      WHERE version_id = ? AND program_code = ? AND ${oneOf('region_code', regionCodes)}
      GROUP BY region_code, desil, criterion_code, in_target_group`,
    [versionId, programCode, ...regionCodes],
  );
  return rows.map((r) => ({
    regionCode: r.regionCode as string, desil: r.desil as number, criterionCode: r.criterionCode as string,
    inTargetGroup: Boolean(r.inTargetGroup), units: Number(r.units),
  }));
}

/** Recipient units per version (the cube's recipient cells summed). */
export async function cubeRecipientSums(sql: SqlRunner, regionCode: string, programCode: string, versionIds: readonly number[]): Promise<Map<number, number>> {
  const rows = await sql.all<{ versionId: number; units: number }>(
    `SELECT version_id AS "versionId", SUM(units) AS units FROM targeting_rollup
      WHERE region_code = ? AND program_code = ? AND ${oneOf('version_id', versionIds)} AND recipient = ${sql.dialect === 'postgresql' ? 'TRUE' : '1'}
      GROUP BY version_id`,
    [regionCode, programCode, ...versionIds],
  );
  return new Map(rows.map((r) => [r.versionId, Number(r.units)]));
}

/** A `targeting_class_rollup` row (units per class and inclusion cause), with its version. */
export type ClassRollupRow = ClassRow & { versionId: number };

export function classRows(
  sql: SqlRunner, where: { versionIds: readonly number[]; programCode: string; regionCodes: readonly string[] },
): Promise<ClassRollupRow[]> {
  return sql.all<ClassRollupRow>(
    `SELECT version_id AS "versionId", region_code AS "regionCode", class, cause, units FROM targeting_class_rollup
      WHERE ${oneOf('version_id', where.versionIds)} AND program_code = ? AND ${oneOf('region_code', where.regionCodes)}`,
    [...where.versionIds, where.programCode, ...where.regionCodes],
  );
}

export interface ChurnRollupRow {
  versionId: number;
  direction: string;
  reason: string;
  units: number;
}

/** Churn of the versions in (afterVersionId, upToVersionId]. */
export function churnRows(sql: SqlRunner, regionCode: string, programCode: string, afterVersionId: number, upToVersionId: number): Promise<ChurnRollupRow[]> {
  return sql.all<ChurnRollupRow>(
    `SELECT version_id AS "versionId", direction, reason, units FROM churn_rollup
      WHERE region_code = ? AND program_code = ? AND version_id > ? AND version_id <= ?`,
    [regionCode, programCode, afterVersionId, upToVersionId],
  );
}

export interface OverlapRollupRow {
  desil: number;
  programMask: number;
  families: number;
}

export function overlapRows(sql: SqlRunner, versionId: number, regionCode: string): Promise<OverlapRollupRow[]> {
  return sql.all<OverlapRollupRow>(
    'SELECT desil, program_mask AS "programMask", families FROM overlap_rollup WHERE version_id = ? AND region_code = ?',
    [versionId, regionCode],
  );
}

/** Proposal counts of the regions, ordered by kind, path and status. */
export function proposalRows(sql: SqlRunner, versionId: number, regionCodes: readonly string[]): Promise<ProposalRow[]> {
  return sql.all<ProposalRow>(
    `SELECT region_code AS "regionCode", kind, path, status, proposals, median_days_to_decision AS "medianDaysToDecision"
       FROM proposal_rollup WHERE version_id = ? AND ${oneOf('region_code', regionCodes)}
      ORDER BY kind, path, status`,
    [versionId, ...regionCodes],
  );
}

export interface MembershipRollupRow {
  memberSinceYear: number;
  units: number;
}

export function membershipRows(sql: SqlRunner, versionId: number, regionCode: string, programCode: string): Promise<MembershipRollupRow[]> {
  return sql.all<MembershipRollupRow>(
    'SELECT member_since_year AS "memberSinceYear", units FROM membership_rollup WHERE version_id = ? AND region_code = ? AND program_code = ?',
    [versionId, regionCode, programCode],
  );
}
