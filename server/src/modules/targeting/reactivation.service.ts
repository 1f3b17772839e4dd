/**
 * PBI-JKN reactivation picture of a region at a DTSEN version (DOMAIN.md, "PBI reactivation"; Kepmensos 80/HUK/2025
 * and letter S-444/MS/DI.01/6/2025): of the people removed from PBI-JKN and not deceased, how many are already
 * reactivated, how many would be eligible now, which conditions the others fail, and how many reactivated people
 * did not have their DTSEN data updated within two update periods.
 *
 * The database does the counting: one statement derives the facts of `PbiReactivationFacts` for every removed person
 * and returns them GROUPED BY those facts with their COUNT(*) (a few hundred groups, never a row per person).
 * JavaScript applies the pure `pbiReactivationEligible` (domain/trends.ts) once per group, weighted by its count.
 *
 * Conventions (what the registry records, and the data proxies for what it does not):
 * - Removed person: an individual with a PBI-JKN membership that ended at or before the version
 *   (`end_version_id <= v`); `removedVersion` is the end of their latest such membership (the first version without
 *   it). People enrolled again at the version through any other route than a reactivation (quota fill, proposal)
 *   are covered and not considered. A reactivated person whose reactivation membership has ended since is removed
 *   again (their latest removal is that end) and not reactivated.
 * - Not deceased: a person marked deceased is left out from the version their family-card membership ended
 *   (`individual.to_version_id`, the version of death) on, or always when that version is unknown. People who left
 *   a family card alive stay, with that family.
 * - May 2025: the first DTSEN version (2025-Q2, version 1 of every generated dataset) was published with the May
 *   2025 PBI-JKN clean-up. The May 2025 version is found by label: the first version labelled `2025-Q2` or later
 *   (labels are `YYYY-Qn`, so they sort by date). `removedSinceMay2025` holds when the removal's version is that
 *   version or a later one; a dataset that began before 2025-Q2 can hold earlier removals, which fail the condition.
 * - Urgent illness: the registry only records chronic illness (`individual.chronic_illness`), so the illness is
 *   'CHRONIC' or none; catastrophic and emergency cases are not distinguishable in the data.
 * - Verified poor or vulnerable (by the kabupaten/kota social office, Dinas Sosial): proxied by the family being in
 *   DTSEN at the version with desil 1-5, the range the social office verifies PBI-JKN eligibility against.
 * - Health-facility letter: proxied by an APPROVED `PBI_REACTIVATION` proposal of the person's family submitted in
 *   the removal version or later, and at or before the version (the reactivation file carries the letter; the
 *   proposal names the family, not the member). Its status is the current one, not the status it had at the version.
 * - Reactivated: a PBI-JKN membership in force at the version, started with reason 'REACTIVATION' at or after the
 *   removal; `reactivatedVersion` is its start.
 * - Data updated: every family-state row is an update of the family's DTSEN data in the version it begins. For a
 *   reactivated person `dataUpdatedVersion` is the first update at or after the reactivation (up to the version),
 *   else the latest update up to the version; for anybody else it is the latest update up to the version (it does not
 *   change their decision). Taking the first update after the reactivation, not the latest overall, keeps a person
 *   updated in time from turning overdue when the family is updated again later.
 * - Region: the village of the family's DTSEN state in force at the version, else the family's civil-registry
 *   (Dukcapil) village.
 */
import {
  dialect, query, queryOne, runSteps, runStepsSync, type Dialect, type SqlDialect, type SqlRunner, type SqlSteps,
} from '../../db/sql-runner.js';
import type { SqliteDatabase } from '../../db/sqlite.js';
import { enrollmentActive, stateInForce } from '../../db/temporal-sql.js';
import {
  pbiReactivationEligible, type PbiReactivationCondition, type PbiReactivationFacts,
} from '../../domain/trends.js';

/** Label of the DTSEN version of the May 2025 PBI-JKN removal (the quarter that contains May 2025). */
export const MAY_2025_VERSION_LABEL = '2025-Q2';

/** Desil range the social office verifies as poor or vulnerable (the PBI-JKN range, desil 1-5). */
export const VERIFIED_DESIL_MAX = 5;

/** Reactivation conditions, in the order `pbiReactivationEligible` checks them. */
export const PBI_REACTIVATION_CONDITIONS: readonly PbiReactivationCondition[] = [
  'REMOVED_SINCE_MAY_2025', 'URGENT_ILLNESS', 'VERIFIED_POOR_OR_VULNERABLE', 'HEALTH_FACILITY_LETTER', 'DATA_UPDATED_IN_TIME',
];

export type PbiReactivationErrorCode = 'UNKNOWN_VERSION' | 'UNKNOWN_REGION';

/** A reactivation picture that cannot be computed for the given arguments. */
export class PbiReactivationError extends Error {
  override readonly name = 'PbiReactivationError';
  constructor(readonly code: PbiReactivationErrorCode, message: string) {
    super(message);
  }
}

export interface PbiReactivationOptions {
  versionId: number;
  /** Region at any level: "ID" (default), a province, kabupaten/kota, kecamatan or desa/kelurahan code. */
  regionCode?: string;
  /** Access path (default: REGISTRY for the nation and provinces, REGION below); both give the same picture. */
  scan?: ReactivationScan;
}

export interface PbiReactivationPicture {
  versionId: number;
  regionCode: string;
  /** People removed from PBI-JKN and not deceased at the version (the people considered). */
  removed: number;
  /** Of them, reactivated and still enrolled at the version. */
  reactivated: number;
  /** Of them, not reactivated and meeting every condition now. */
  eligible: number;
  /** People failing each condition (a person can fail several); DATA_UPDATED_IN_TIME only concerns reactivated people. */
  unmet: Record<PbiReactivationCondition, number>;
  /** Reactivated people whose data was not updated within `PBI_REACTIVATION_UPDATE_PERIODS` update periods. */
  overdueDataUpdates: number;
}

type RegionLevel = 'NATION' | 'PROVINCE' | 'REGENCY' | 'DISTRICT' | 'VILLAGE';

/** One group of removed people sharing the same facts. */
interface FactsGroup {
  removed_version: number;
  removed_since: number;
  chronic: number;
  verified: number;
  letter: number;
  reactivated_version: number | null;
  data_updated: number | null;
  count: number;
}

/**
 * The PBI-JKN reactivation picture of the people removed from PBI-JKN, for a region at a version. Synchronous, on a
 * SQLite connection (scripts, benchmarks, specs); the API uses {@link countPbiReactivation} on either engine.
 */
export function pbiReactivation(db: SqliteDatabase, options: PbiReactivationOptions): PbiReactivationPicture {
  return runStepsSync(db, reactivationSteps('sqlite', options));
}

/** {@link pbiReactivation} on either engine. */
export function countPbiReactivation(sql: SqlRunner, options: PbiReactivationOptions): Promise<PbiReactivationPicture> {
  return runSteps(sql, reactivationSteps(sql.dialect, options));
}

function* reactivationSteps(dialectName: SqlDialect, options: PbiReactivationOptions): SqlSteps<PbiReactivationPicture> {
  const { versionId } = options;
  const regionCode = options.regionCode ?? 'ID';
  const known = Number.isInteger(versionId) && (yield* queryOne('SELECT 1 AS one FROM dtsen_version WHERE id = ?', [versionId])) !== undefined;
  if (!known) throw new PbiReactivationError('UNKNOWN_VERSION', `unknown DTSEN version ${versionId}`);
  const region = yield* queryOne<{ level: RegionLevel }>('SELECT level FROM region WHERE code = ?', [regionCode]);
  if (!region) throw new PbiReactivationError('UNKNOWN_REGION', `unknown region ${regionCode}`);

  const scan = options.scan ?? (region.level === 'NATION' || region.level === 'PROVINCE' ? 'REGISTRY' : 'REGION');
  const groups = yield* query<FactsGroup>(reactivationSql(dialect(dialectName), region.level, scan), {
    v: versionId, may: MAY_2025_VERSION_LABEL, dmax: VERIFIED_DESIL_MAX, r: regionCode, lo: `${regionCode}.`, hi: `${regionCode}/`,
  });
  return pictureOf(versionId, regionCode, groups);
}

/** The picture from the groups of removed people sharing the same facts: the pure rule once per group, weighted. */
function pictureOf(versionId: number, regionCode: string, groups: readonly FactsGroup[]): PbiReactivationPicture {
  const picture: PbiReactivationPicture = {
    versionId, regionCode, removed: 0, reactivated: 0, eligible: 0,
    unmet: Object.fromEntries(PBI_REACTIVATION_CONDITIONS.map((c) => [c, 0])) as Record<PbiReactivationCondition, number>,
    overdueDataUpdates: 0,
  };
  for (const g of groups) {
    const facts: PbiReactivationFacts = {
      removedVersion: g.removed_version,
      removedSinceMay2025: g.removed_since === 1,
      urgentIllness: g.chronic === 1 ? 'CHRONIC' : null,
      verifiedPoorOrVulnerable: g.verified === 1,
      healthFacilityLetter: g.letter === 1,
      currentVersion: versionId,
      dataUpdatedVersion: g.data_updated,
      reactivatedVersion: g.reactivated_version,
    };
    const decision = pbiReactivationEligible(facts);
    picture.removed += g.count;
    if (g.reactivated_version !== null) picture.reactivated += g.count;
    else if (decision.eligible) picture.eligible += g.count;
    for (const condition of decision.unmet) picture.unmet[condition] += g.count;
    if (g.reactivated_version !== null && decision.unmet.includes('DATA_UPDATED_IN_TIME')) picture.overdueDataUpdates += g.count;
  }
  return picture;
}


/**
 * Where the removed people are looked for: `REGISTRY` scans every PBI-JKN membership of the registry (the nation,
 * and provinces, where most families are read anyway); `REGION` starts from the families of the region (their states
 * in force on the village_code index, and families without a state on their civil-registry village) and reads only
 * their memberships.
 */
export type ReactivationScan = 'REGISTRY' | 'REGION';

/**
 * The statement for a region level (parameters @v = version, @may = label of the May 2025 version, @dmax = highest
 * verified desil, @r = region code, [@lo, @hi) = the range of village codes below a province, regency or district).
 * - `removal`: the latest end (at or before @v) of each person's ended PBI-JKN memberships, read from the covering
 *   index enrollment(family_id, start_version_id, end_version_id, program_code, individual_id) (on SQLite the unary `+`
 *   keeps the planner off the individual_id and program_code indexes, which would fetch every row), either for the whole
 *   registry or for the region's families. Memberships are found through the family holding them, the family of the
 *   individual.
 * - `person`: the removed people not deceased at @v, with `enrolled_since` from their PBI-JKN membership in force at
 *   @v (the same covering index; the row is only read for a membership in force): NULL = not enrolled, the start
 *   version = reactivated after the removal, 0 = enrolled through another route (left out).
 * - the facts: the family's state in force at @v (desil, village; the civil-registry village only read without a
 *   state), the approved reactivation proposals (proposal(family_id)) and the family's updates
 *   (family_state(family_id, valid_from_version_id, valid_to_version_id), covering).
 */
function reactivationSql(d: Dialect, level: RegionLevel, scan: ReactivationScan): string {
  const inRegion = (col: string) =>
    level === 'NATION' ? '1 = 1' : level === 'VILLAGE' ? `${col} = @r` : `${col} >= @lo AND ${col} < @hi`;
  const ended = `${d.noIndex('e.program_code')} = 'PBI_JKN' AND ${d.noIndex('e.individual_id')} IS NOT NULL AND e.end_version_id <= @v`;
  const removal = scan === 'REGISTRY'
    ? `SELECT e.individual_id AS individual_id, MAX(e.end_version_id) AS removed_version
      FROM enrollment e
      WHERE ${ended}
      GROUP BY ${d.noIndex('e.individual_id')}`
    : `SELECT e.individual_id AS individual_id, MAX(e.end_version_id) AS removed_version
      FROM (
        SELECT s.family_id AS family_id FROM family_state s WHERE ${inRegion('s.village_code')} AND ${stateInForce('s')}
        UNION ALL
        SELECT f.id FROM family f
        WHERE ${inRegion('f.village_code')} AND NOT EXISTS (SELECT 1 FROM family_state s WHERE s.family_id = f.id AND ${stateInForce('s')})
      ) rf
      JOIN enrollment e ON e.family_id = rf.family_id
      WHERE ${ended}
      GROUP BY ${d.noIndex('e.individual_id')}`;
  return `WITH removal AS MATERIALIZED (
      ${removal}
    ), person AS MATERIALIZED (
      SELECT m.removed_version, i.family_id, i.chronic_illness,
        (SELECT MAX(CASE WHEN a.start_reason = 'REACTIVATION' AND a.start_version_id >= m.removed_version THEN a.start_version_id ELSE 0 END)
          FROM enrollment a
          WHERE a.family_id = i.family_id AND ${enrollmentActive('a')}
            AND a.program_code = 'PBI_JKN' AND ${d.noIndex('a.individual_id')} = m.individual_id) AS enrolled_since
      FROM removal m
      JOIN individual i ON i.id = m.individual_id
      WHERE NOT (${d.isTrue('i.deceased')} AND (i.to_version_id IS NULL OR i.to_version_id <= @v))
    )
    SELECT removed_version, removed_since, chronic, verified, letter, reactivated_version, data_updated, COUNT(*) AS count
    FROM (
      SELECT p.removed_version,
        CASE WHEN p.removed_version >= COALESCE((SELECT MIN(x.id) FROM dtsen_version x WHERE x.label >= @may), 9e18) THEN 1 ELSE 0 END AS removed_since,
        CASE WHEN p.chronic_illness THEN 1 ELSE 0 END AS chronic,
        CASE WHEN s.desil BETWEEN 1 AND @dmax THEN 1 ELSE 0 END AS verified,
        CASE WHEN EXISTS (SELECT 1 FROM proposal q
          WHERE q.family_id = p.family_id AND q.kind = 'PBI_REACTIVATION' AND q.status = 'APPROVED'
            AND q.submitted_version_id >= p.removed_version AND q.submitted_version_id <= @v) THEN 1 ELSE 0 END AS letter,
        p.enrolled_since AS reactivated_version,
        COALESCE(
          (SELECT MIN(u.valid_from_version_id) FROM family_state u
            WHERE u.family_id = p.family_id AND u.valid_from_version_id >= p.enrolled_since AND u.valid_from_version_id <= @v),
          (SELECT MAX(u.valid_from_version_id) FROM family_state u
            WHERE u.family_id = p.family_id AND u.valid_from_version_id <= @v)) AS data_updated
      FROM person p
      LEFT JOIN family_state s ON s.family_id = p.family_id AND ${stateInForce('s')}
      WHERE (p.enrolled_since IS NULL OR p.enrolled_since > 0)
        AND ${inRegion('COALESCE(s.village_code, (SELECT f.village_code FROM family f WHERE f.id = p.family_id))')}
    ) facts
    GROUP BY removed_version, removed_since, chronic, verified, letter, reactivated_version, data_updated`;
}
