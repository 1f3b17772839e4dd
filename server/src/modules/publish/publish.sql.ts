/**
 * The SQL that publishing a version runs (SQLite dialect; parameters @v = version id, @year = its calendar year).
 * Everything is counted in the database: per version, temporary fact tables (states, flags and memberships in
 * force), one pass over the individuals, village-level aggregates, and every higher level summed from those.
 */
import { PROGRAMS, type ProgramCode, type ProgramRule, programByCode } from '../../domain/programs.js';
import { ELDERLY_MIN_AGE, PROGRAM_TARGET_GROUP, SCHOOL_AGE_MAX, SCHOOL_AGE_MIN } from '../../domain/targeting-rules.js';

/** Every level, as the column of a village-level temporary aggregate that names its region at that level. */
const LEVEL_CODES = ['village_code', 'district_code', 'regency_code', 'province_code', "'ID'"] as const;

/** Individual programs and their bit in `f_person.pmask` (PBI_JKN 1, ATENSI 2, PIP 4). */
const INDIVIDUAL_PROGRAMS = PROGRAMS.filter((p) => p.unit === 'INDIVIDUAL');
const INDIVIDUAL_PROGRAM_BIT_SQL = `CASE program_code ${INDIVIDUAL_PROGRAMS.map((p, k) => `WHEN '${p.code}' THEN ${2 ** k}`).join(' ')} END`;

/** 0 = under 6, 1 = 6-21 (school age), 2 = 22-59, 3 = 60 and over, at the version's year. */
function ageGroupSql(alias: string): string {
  const age = `(@year - CAST(substr(${alias}.birth_date, 1, 4) AS INTEGER))`;
  return `CASE WHEN ${age} < ${SCHOOL_AGE_MIN} THEN 0 WHEN ${age} <= ${SCHOOL_AGE_MAX} THEN 1 WHEN ${age} < ${ELDERLY_MIN_AGE} THEN 2 ELSE 3 END`;
}

const MEMBER_AT_V = 'i.from_version_id <= @v AND (i.to_version_id IS NULL OR i.to_version_id > @v)';

/**
 * The fact tables of a version that the analytics rollups read: family states in force (with the codes of their
 * village's district, regency and province), flags and memberships in force, and one pass over the individuals.
 */
export const analyticsFacts: readonly string[] = [
  `CREATE TEMP TABLE f_state AS
     SELECT s.family_id, s.village_code, r.parent_code AS district_code, r.regency_code, r.province_code, s.desil, s.member_count,
            CASE WHEN s.ground_check_status <> 'NOT_CHECKED' THEN 1 ELSE 0 END AS gc
     FROM family_state s JOIN region r ON r.code = s.village_code
     WHERE s.valid_from_version_id <= @v AND (s.valid_to_version_id IS NULL OR s.valid_to_version_id > @v)`,
  `CREATE UNIQUE INDEX temp.f_state_family ON f_state (family_id)`,
  `CREATE TEMP TABLE f_flag AS
     SELECT i.id AS individual_id, i.family_id, c.sort_order AS o, c.excludes_family,
            CASE WHEN ${MEMBER_AT_V} THEN 1 ELSE 0 END AS member
     FROM exclusion_flag f JOIN exclusion_criterion c ON c.code = f.criterion_code JOIN individual i ON i.id = f.individual_id
     WHERE f.observed_version_id <= @v AND (f.cleared_version_id IS NULL OR f.cleared_version_id > @v)`,
  // A criterion that excludes the family, held by a current member, excludes every unit of that family.
  `CREATE TEMP TABLE f_family_crit AS
     SELECT family_id, MIN(o) AS o FROM f_flag WHERE excludes_family = 1 AND member = 1 GROUP BY family_id`,
  `CREATE UNIQUE INDEX temp.f_family_crit_family ON f_family_crit (family_id)`,
  `CREATE TEMP TABLE f_enrollment AS
     SELECT program_code, family_id, individual_id FROM enrollment
     WHERE start_version_id <= @v AND (end_version_id IS NULL OR end_version_id > @v)`,
  `CREATE TEMP TABLE f_family_program AS SELECT DISTINCT program_code, family_id FROM f_enrollment`,
  `CREATE UNIQUE INDEX temp.f_family_program_pk ON f_family_program (family_id, program_code)`,
  // Per individual with person-level facts: the individual programs received (bit set) and the first own criterion.
  `CREATE TEMP TABLE f_person AS
     SELECT individual_id, SUM(bit) AS pmask, MIN(o) AS o FROM (
       SELECT DISTINCT individual_id, ${INDIVIDUAL_PROGRAM_BIT_SQL} AS bit, 99 AS o FROM f_enrollment WHERE individual_id IS NOT NULL
       UNION ALL SELECT individual_id, 0, o FROM f_flag
     ) GROUP BY individual_id`,
  `CREATE UNIQUE INDEX temp.f_person_individual ON f_person (individual_id)`,
  // One pass over the individuals: village-level cells shared by all individual programs.
  `CREATE TEMP TABLE f_ind AS
     SELECT s.village_code, s.district_code, s.regency_code, s.province_code, s.desil, s.gc,
            MIN(COALESCE(p.o, 99), COALESCE(fc.o, 99)) AS crit, COALESCE(p.pmask, 0) AS pmask,
            ${ageGroupSql('i')} AS age_group, i.disability AS disabled, 1 AS member, COUNT(*) AS n
     FROM individual i JOIN f_state s ON s.family_id = i.family_id
     LEFT JOIN f_person p ON p.individual_id = i.id
     LEFT JOIN f_family_crit fc ON fc.family_id = i.family_id
     WHERE ${MEMBER_AT_V}
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11`,
  // Recipients who are not current members of a DTSEN family: outside DTSEN, deceased or moved out.
  `INSERT INTO f_ind
     SELECT r.code, r.parent_code, r.regency_code, r.province_code, COALESCE(s.desil, 0), COALESCE(s.gc, 0),
            MIN(COALESCE(p.o, 99), COALESCE(fc.o, 99)), p.pmask, ${ageGroupSql('i')}, i.disability, 0, COUNT(*)
     FROM f_person p JOIN individual i ON i.id = p.individual_id JOIN family f ON f.id = i.family_id
     LEFT JOIN f_state s ON s.family_id = i.family_id
     JOIN region r ON r.code = COALESCE(s.village_code, f.village_code)
     LEFT JOIN f_family_crit fc ON fc.family_id = i.family_id
     WHERE p.pmask > 0 AND NOT (s.family_id IS NOT NULL AND ${MEMBER_AT_V})
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11`,
  // The cube at village level (criterion as its sort order, 99 = none), every program.
  `CREATE TEMP TABLE f_cube (village_code TEXT, district_code TEXT, regency_code TEXT, province_code TEXT, program_code TEXT,
     desil INT, recipient INT, crit INT, gc INT, tg INT, units INT)`,
];

export const dropFacts: readonly string[] = [
  'f_state', 'f_flag', 'f_family_crit', 'f_enrollment', 'f_family_program', 'f_person', 'f_ind', 'f_cube', 'f_desil',
  'f_class', 'f_overlap', 'f_churn',
].map((t) => `DROP TABLE IF EXISTS temp.${t}`);

/** Membership of a cell of `f_ind` in a program's target group (domain/targeting-rules.ts). */
function targetGroupSql(programCode: ProgramCode): string {
  switch (PROGRAM_TARGET_GROUP[programCode]) {
    case 'ELDERLY_OR_DISABLED':
      return 'CASE WHEN age_group = 3 OR disabled = 1 THEN 1 ELSE 0 END';
    case 'SCHOOL_AGE':
      return 'CASE WHEN age_group = 1 THEN 1 ELSE 0 END';
    case 'EVERYONE':
      return '1';
  }
}

/**
 * Village-level cube rows of one program. Family programs count families in force plus recipient families
 * outside DTSEN; individual programs count, from `f_ind`, everyone (PBI-JKN) or their target group plus recipients
 * (ATENSI, PIP: people outside the target group who receive nothing are not part of those programs' population).
 */
export function cubeForProgram(programCode: ProgramCode): string {
  const rule = programByCode(programCode);
  const p = `'${rule.code}'`;
  if (rule.unit === 'FAMILY') {
    return `INSERT INTO f_cube
      SELECT village_code, district_code, regency_code, province_code, ${p}, desil, recipient, crit, gc, 1, COUNT(*) FROM (
        SELECT s.village_code, s.district_code, s.regency_code, s.province_code, s.desil,
               CASE WHEN fp.family_id IS NULL THEN 0 ELSE 1 END AS recipient, COALESCE(fc.o, 99) AS crit, s.gc
        FROM f_state s
        LEFT JOIN f_family_program fp ON fp.family_id = s.family_id AND fp.program_code = ${p}
        LEFT JOIN f_family_crit fc ON fc.family_id = s.family_id
        UNION ALL
        SELECT r.code, r.parent_code, r.regency_code, r.province_code, 0, 1, COALESCE(fc.o, 99), 0
        FROM f_family_program fp JOIN family f ON f.id = fp.family_id JOIN region r ON r.code = f.village_code
        LEFT JOIN f_family_crit fc ON fc.family_id = fp.family_id
        WHERE fp.program_code = ${p} AND NOT EXISTS (SELECT 1 FROM f_state s WHERE s.family_id = fp.family_id)
      ) GROUP BY village_code, district_code, regency_code, province_code, desil, recipient, crit, gc`;
  }
  const bit = 2 ** INDIVIDUAL_PROGRAMS.findIndex((x) => x.code === rule.code);
  const tg = targetGroupSql(rule.code);
  const recipient = `CASE WHEN (pmask & ${bit}) <> 0 THEN 1 ELSE 0 END`;
  // Current members in the target group, and every recipient (members or not: outside DTSEN, deceased, moved out).
  const population = `WHERE (member = 1 AND ${tg} = 1) OR (pmask & ${bit}) <> 0`;
  return `INSERT INTO f_cube
    SELECT village_code, district_code, regency_code, province_code, ${p}, desil, ${recipient}, crit, gc, ${tg}, SUM(n)
    FROM f_ind ${population}
    GROUP BY village_code, district_code, regency_code, province_code, desil, ${recipient}, crit, gc, ${tg}`;
}

/**
 * The targeting class and inclusion cause of a cube cell as SQL, generated from the program's rule data. It must
 * agree with the pure `classify` (domain/classification.ts) on every combination of facts: publish.sql.spec.ts
 * checks all of them.
 */
export function classificationSql(
  rule: Pick<ProgramRule, 'desilMin' | 'desilMax'>, c = 'c', criterionCode = 'x.code',
): { klass: string; cause: string } {
  const outOfRange = `(${c}.desil < ${rule.desilMin} OR ${c}.desil > ${rule.desilMax})`;
  const klass = `CASE
    WHEN ${c}.recipient = 0 THEN CASE WHEN ${c}.desil <> 0 AND NOT ${outOfRange} AND ${c}.crit = 99 AND ${c}.tg = 1 THEN 'EXCLUSION_ERROR' ELSE 'NOT_ELIGIBLE' END
    WHEN ${c}.desil = 0 OR ${c}.crit <> 99 OR ${c}.tg = 0 THEN 'INCLUSION_ERROR'
    WHEN ${outOfRange} THEN CASE WHEN ${c}.gc = 0 THEN 'PENDING_GROUND_CHECK' ELSE 'INCLUSION_ERROR' END
    ELSE 'CORRECT_RECIPIENT' END`;
  const cause = `CASE
    WHEN ${c}.recipient = 0 THEN ''
    WHEN ${c}.desil = 0 THEN 'OUTSIDE_DTSEN'
    WHEN ${c}.crit <> 99 THEN ${criterionCode}
    WHEN ${c}.tg = 0 THEN 'NOT_IN_TARGET_GROUP'
    WHEN ${outOfRange} AND ${c}.gc = 1 THEN 'DESIL_ABOVE_RANGE'
    ELSE '' END`;
  return { klass, cause };
}

/**
 * Desil distribution at every level: families in force grouped by village in one pass over the states, the region
 * codes joined onto those (far fewer) village rows, every higher level summed from them.
 */
export function desilRollupInserts(): string[] {
  return [
    `CREATE TEMP TABLE f_desil AS
     SELECT r.code AS village_code, r.parent_code AS district_code, r.regency_code, r.province_code, x.desil, x.families, x.individuals
     FROM (
       SELECT village_code, desil, COUNT(*) AS families, SUM(member_count) AS individuals FROM family_state
       WHERE valid_from_version_id <= @v AND (valid_to_version_id IS NULL OR valid_to_version_id > @v)
       GROUP BY village_code, desil
     ) x JOIN region r ON r.code = x.village_code`,
    ...LEVEL_CODES.map(
      (col) => `INSERT INTO desil_rollup (version_id, region_code, desil, families, individuals)
       SELECT @v, ${col}, desil, SUM(families), SUM(individuals) FROM f_desil GROUP BY ${col}, desil`,
    ),
  ];
}

/** The full cube for regencies, then provinces and the nation summed from the regency rows. */
export function targetingRollupInserts(): string[] {
  const columns = 'version_id, region_code, program_code, desil, recipient, criterion_code, ground_checked, in_target_group, units';
  const up = (regionExpr: string) => `
    INSERT INTO targeting_rollup (${columns})
    SELECT @v, ${regionExpr}, t.program_code, t.desil, t.recipient, t.criterion_code, t.ground_checked, t.in_target_group, SUM(t.units)
    FROM targeting_rollup t JOIN region r ON r.code = t.region_code
    WHERE t.version_id = @v AND r.level = 'REGENCY'
    GROUP BY ${regionExpr}, t.program_code, t.desil, t.recipient, t.criterion_code, t.ground_checked, t.in_target_group`;
  return [
    `INSERT INTO targeting_rollup (${columns})
     SELECT @v, g.regency_code, g.program_code, g.desil, g.recipient, COALESCE(x.code, ''), g.gc, g.tg, g.units FROM (
       SELECT regency_code, program_code, desil, recipient, crit, gc, tg, SUM(units) AS units FROM f_cube
       GROUP BY regency_code, program_code, desil, recipient, crit, gc, tg
     ) g LEFT JOIN exclusion_criterion x ON x.sort_order = g.crit`,
    up('r.province_code'),
    up("'ID'"),
  ];
}

/** Classes and causes for villages (classified once per cube row) and districts (summed from the villages). */
export function targetingClassRollupInserts(): string[] {
  const byProgram = (part: 'klass' | 'cause') =>
    `CASE c.program_code ${PROGRAMS.map((rule) => `WHEN '${rule.code}' THEN ${classificationSql(rule)[part]}`).join(' ')} END`;
  return [
    `CREATE TEMP TABLE f_class AS
     SELECT village_code, district_code, program_code, klass, cause, SUM(units) AS units FROM (
       SELECT c.village_code, c.district_code, c.program_code, ${byProgram('klass')} AS klass, ${byProgram('cause')} AS cause, c.units
       FROM f_cube c LEFT JOIN exclusion_criterion x ON x.sort_order = c.crit
     ) GROUP BY village_code, district_code, program_code, klass, cause`,
    `INSERT INTO targeting_class_rollup (version_id, region_code, program_code, class, cause, units)
     SELECT @v, village_code, program_code, klass, cause, units FROM f_class`,
    `INSERT INTO targeting_class_rollup (version_id, region_code, program_code, class, cause, units)
     SELECT @v, district_code, program_code, klass, cause, SUM(units) FROM f_class GROUP BY district_code, program_code, klass, cause`,
  ];
}

/** Families by desil and the set of programs they receive, for kecamatan and above, from one village-level aggregate. */
export function overlapRollupInserts(): string[] {
  const bits = PROGRAMS.map((p, k) => `WHEN '${p.code}' THEN ${2 ** k}`).join(' ');
  return [
    `CREATE TEMP TABLE f_overlap AS
     SELECT r.code AS village_code, r.parent_code AS district_code, r.regency_code, r.province_code, x.desil, x.mask, COUNT(*) AS families
     FROM (
       SELECT COALESCE(s.village_code, f.village_code) AS village_code, COALESCE(s.desil, 0) AS desil, m.mask
       FROM (SELECT family_id, SUM(DISTINCT CASE program_code ${bits} END) AS mask FROM f_family_program GROUP BY family_id) m
       JOIN family f ON f.id = m.family_id LEFT JOIN f_state s ON s.family_id = m.family_id
       UNION ALL
       SELECT s.village_code, s.desil, 0 FROM f_state s
       WHERE NOT EXISTS (SELECT 1 FROM f_family_program fp WHERE fp.family_id = s.family_id)
     ) x JOIN region r ON r.code = x.village_code
     GROUP BY r.code, r.parent_code, r.regency_code, r.province_code, x.desil, x.mask`,
    // Kecamatan and above: at village level the combinations are about as many as the families themselves.
    ...LEVEL_CODES.filter((col) => col !== 'village_code').map(
      (col) => `INSERT INTO overlap_rollup (version_id, region_code, desil, program_mask, families)
       SELECT @v, ${col}, desil, mask, SUM(families) FROM f_overlap GROUP BY ${col}, desil, mask`,
    ),
  ];
}

/** Entries into and exits from programs at this version, at every level (village of the family in the version). */
export function churnRollupInserts(): string[] {
  return [
    `CREATE TEMP TABLE f_churn AS
     SELECT r.code AS village_code, r.parent_code AS district_code, r.regency_code, r.province_code,
            m.program_code, m.direction, m.reason, COUNT(*) AS units
     FROM (
       SELECT e.program_code, 'ENTRY' AS direction, e.start_reason AS reason, e.family_id, @v AS at FROM enrollment e
       WHERE e.start_version_id = @v AND @v > 1
       UNION ALL
       SELECT e.program_code, 'EXIT', e.end_reason, e.family_id, @v - 1 FROM enrollment e WHERE e.end_version_id = @v
     ) m JOIN family f ON f.id = m.family_id
     LEFT JOIN family_state s ON s.family_id = m.family_id AND s.valid_from_version_id <= m.at
       AND (s.valid_to_version_id IS NULL OR s.valid_to_version_id > m.at)
     JOIN region r ON r.code = COALESCE(s.village_code, f.village_code)
     GROUP BY r.code, r.parent_code, r.regency_code, r.province_code, m.program_code, m.direction, m.reason`,
    ...LEVEL_CODES.map(
      (col) => `INSERT INTO churn_rollup (version_id, region_code, program_code, direction, reason, units)
       SELECT @v, ${col}, program_code, direction, reason, SUM(units) FROM f_churn GROUP BY ${col}, program_code, direction, reason`,
    ),
  ];
}

/** Proposals submitted in this version, by status, with the median turnaround of decided ones. */
export function proposalRollupInserts(): string[] {
  const select = (regionExpr: string) => `
    INSERT INTO proposal_rollup (version_id, region_code, kind, path, status, proposals, median_days_to_decision)
    SELECT @v, g, kind, path, status, COUNT(*),
           AVG(CASE WHEN days IS NOT NULL AND rn IN ((decided + 1) / 2, (decided + 2) / 2) THEN days END)
    FROM (
      SELECT ${regionExpr} AS g, p.kind, p.path, p.status,
             julianday(p.decided_at) - julianday(p.submitted_at) AS days,
             ROW_NUMBER() OVER (PARTITION BY ${regionExpr}, p.kind, p.path, p.status ORDER BY p.decided_at IS NULL, julianday(p.decided_at) - julianday(p.submitted_at)) AS rn,
             COUNT(p.decided_at) OVER (PARTITION BY ${regionExpr}, p.kind, p.path, p.status) AS decided
      FROM proposal p JOIN region r ON r.code = p.regency_code
      WHERE p.submitted_version_id = @v
    ) GROUP BY g, kind, path, status`;
  return [select('r.code'), select('r.province_code'), select("'ID'")];
}
