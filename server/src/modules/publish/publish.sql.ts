/**
 * The SQL that publishing a version runs (SQLite dialect). Everything is counted in the database.
 *
 * Every rollup of a version is a sum over families of what each family contributes at that version (its state,
 * members, flags and enrollments in force). So a version is published **incrementally**: the families whose facts
 * changed at version @v (the "dirty" set, found through the change indexes) are counted at the previous version
 * with sign -1 and at @v with sign +1, and those deltas are added to a copy of the previous version's rollups. The
 * first version, a version where too many families changed (publish.service.ts decides), or `mode: 'full'` counts
 * every family once, with sign +1, into empty rollups. Both paths run the same statements;
 * publish.incremental.spec.ts proves they produce identical rollups.
 *
 * Parameters: @v = version being published, @prev = the previous version, @at = the version a side is counted at,
 * @year = calendar year of @at, @sign = +1 or -1. Regions are carried as the integer rowids of their `region` rows
 * (small sort keys) and turned back into codes only in the (small) aggregated outputs.
 */
import { PROGRAMS, type ProgramCode, type ProgramRule, programByCode } from '../../domain/programs.js';
import { enrollmentActive, flagInForce, memberAt as memberAtVersion, stateInForce } from '../../db/temporal-sql.js';
import { ELDERLY_MIN_AGE, PROGRAM_TARGET_GROUP, SCHOOL_AGE_MAX, SCHOOL_AGE_MIN } from '../../domain/targeting-rules.js';

export type PublishScope = 'all' | 'dirty';

/** Every program and its bit in a family's program mask (also `overlap_rollup.program_mask`). */
const PROGRAM_BIT_SQL = `CASE program_code ${PROGRAMS.map((p, k) => `WHEN '${p.code}' THEN ${2 ** k}`).join(' ')} END`;
const programBit = (code: ProgramCode) => 2 ** PROGRAMS.findIndex((p) => p.code === code);

/** Individual programs and their bit in a person's `pmask` (PBI_JKN 1, ATENSI 2, PIP 4). */
const INDIVIDUAL_PROGRAMS = PROGRAMS.filter((p) => p.unit === 'INDIVIDUAL');
const INDIVIDUAL_PROGRAM_BIT_SQL = `CASE program_code ${INDIVIDUAL_PROGRAMS.map((p, k) => `WHEN '${p.code}' THEN ${2 ** k}`).join(' ')} END`;

/** Ages at which a person changes age group: 0 = under 6, 1 = 6-21 (school age), 2 = 22-59, 3 = 60 and over. */
export const AGE_GROUP_THRESHOLDS = [SCHOOL_AGE_MIN, SCHOOL_AGE_MAX + 1, ELDERLY_MIN_AGE] as const;

function ageGroupSql(alias: string): string {
  const age = `(@year - CAST(substr(${alias}.birth_date, 1, 4) AS INTEGER))`;
  return `CASE WHEN ${age} < ${SCHOOL_AGE_MIN} THEN 0 WHEN ${age} <= ${SCHOOL_AGE_MAX} THEN 1 WHEN ${age} < ${ELDERLY_MIN_AGE} THEN 2 ELSE 3 END`;
}

const inForceAt = (a: string) => stateInForce(a, '@at');
const memberAt = (a: string) => memberAtVersion(a, '@at');
const activeAt = (a: string) => enrollmentActive(a, '@at');

/** Temporary tables of one publish run; all dropped before and after. */
const TEMP_TABLES = [
  'f_dirty', 'f_village', 'a_fam', 'a_ind', 'a_since', 'a_state', 'd_trans', 'c_cube', 'd_cube', 'd_class', 'd_overlap', 'd_desil', 'd_since', 'f_churn',
  's_state', 's_flag', 's_family_crit', 's_enrollment', 's_fmask', 's_person',
];
export const dropTemps: readonly string[] = TEMP_TABLES.map((t) => `DROP TABLE IF EXISTS temp.${t}`);
const SIDE_TABLES = ['s_state', 's_flag', 's_family_crit', 's_enrollment', 's_fmask', 's_person'];

/** Tables every run starts with: villages with the rowids of their district, regency and province, and accumulators. */
export const setupStatements: readonly string[] = [
  `CREATE TEMP TABLE f_village (vid INTEGER PRIMARY KEY, did INT NOT NULL, rid INT NOT NULL, pid INT NOT NULL)`,
  `INSERT INTO f_village SELECT v.rowid, d.rowid, g.rowid, p.rowid FROM region v
     JOIN region d ON d.code = v.parent_code JOIN region g ON g.code = v.regency_code JOIN region p ON p.code = v.province_code
     WHERE v.level = 'VILLAGE'`,
  // Families: village, desil (0 = no DTSEN state: a recipient outside DTSEN), ground-checked, first family-wide
  // criterion (sort order, 99 = none) and the set of programs received (any member), with signed counts.
  `CREATE TEMP TABLE a_fam (vid INT, desil INT, gc INT, crit INT, mask INT, families INT, individuals INT)`,
  // Individuals: the same per person, plus the individual programs received, age group, disability and whether
  // the person is a current member (recipients who are not: outside DTSEN, deceased, moved out).
  `CREATE TEMP TABLE a_ind (vid INT, desil INT, gc INT, crit INT, pmask INT, age_group INT, disabled INT, member INT, n INT)`,
  // Recipients of programs with a membership limit, by the year their membership began.
  `CREATE TEMP TABLE a_since (vid INT, program_code TEXT, since INT, units INT)`,
  // Village and desil of the counted families at the previous version (side -1) and at this one (side +1).
  `CREATE TEMP TABLE a_state (family_id INT, side INT, vid INT, desil INT)`,
];

/** Programs whose membership is limited in years (PKH), from the rule data. */
const LIMITED_PROGRAMS = PROGRAMS.filter((p) => p.maxYears !== null);

/**
 * The families whose contribution may differ between @prev and @v: a state opened or closed, a member joined or
 * left, an enrollment started or ended, a flag observed or cleared at @v, and, when the calendar year changed, a
 * member whose birth year makes them cross an age-group threshold.
 */
export function dirtyStatements(prevYear: number, year: number): string[] {
  const crossings = year === prevYear ? [] : AGE_GROUP_THRESHOLDS.map((t) => {
    const from = String(prevYear - t + 1).padStart(4, '0');
    const to = String(year - t + 1).padStart(4, '0');
    return `(birth_date >= '${from}-01-01' AND birth_date < '${to}-01-01')`;
  });
  // Each question is one scan of a covering index (narrow, unlike the tables), forced so the plan cannot regress.
  return [
    `CREATE TEMP TABLE f_dirty (family_id INTEGER PRIMARY KEY)`,
    `INSERT OR IGNORE INTO f_dirty SELECT family_id FROM family_state INDEXED BY ${COVERING_INDEX.familyState}
     WHERE valid_from_version_id = @v OR valid_to_version_id = @v`,
    `INSERT OR IGNORE INTO f_dirty SELECT family_id FROM individual INDEXED BY ${COVERING_INDEX.individual}
     WHERE ${['from_version_id = @v', 'to_version_id = @v', ...crossings].join(' OR ')}`,
    `INSERT OR IGNORE INTO f_dirty SELECT family_id FROM enrollment INDEXED BY ${COVERING_INDEX.enrollment}
     WHERE start_version_id = @v OR end_version_id = @v`,
    `INSERT OR IGNORE INTO f_dirty SELECT i.family_id FROM exclusion_flag x JOIN individual i ON i.id = x.individual_id
     WHERE x.observed_version_id = @v OR x.cleared_version_id = @v`,
  ];
}

/**
 * Reads, sequentially, the pages the recount of changed families will then visit in family order: the covering
 * indexes of members and enrollments and the family states. Once in SQLite's page cache, those visits are memory
 * lookups instead of one small random read each (on a cold cache the recount was several times slower without this).
 */
export const warmQueries = (): string[] => [
  `SELECT COUNT(*) FROM individual INDEXED BY ${COVERING_INDEX.individual} WHERE disability >= 0`,
  `SELECT COUNT(*) FROM enrollment INDEXED BY ${COVERING_INDEX.enrollment} WHERE start_version_id > 0`,
  `SELECT COUNT(*) FROM family_state INDEXED BY ${COVERING_INDEX.familyState} WHERE desil >= 0`,
];

/** The covering indexes publishing reads (migrations 0006 and 0010, SQLite names). */
const COVERING_INDEX = {
  familyState: 'family_state_family_id_valid_from_version_id_valid_to_version_id_village_code_desil_member_count_ground_check_status_idx',
  individual: 'individual_family_id_from_version_id_to_version_id_birth_date_disability_idx',
  enrollment: 'enrollment_family_id_start_version_id_end_version_id_program_code_individual_id_idx',
} as const;

/**
 * Counts one side (@at, @sign) into `a_fam` and `a_ind`: every family ('all') or the dirty ones ('dirty'),
 * driven from `f_dirty` through the family_id indexes.
 */
export function sideStatements(scope: PublishScope): string[] {
  const dirty = scope === 'dirty';
  return [
    ...SIDE_TABLES.map((t) => `DROP TABLE IF EXISTS temp.${t}`),
    `CREATE TEMP TABLE s_state (family_id INTEGER PRIMARY KEY, vid INT, desil INT, member_count INT, gc INT)`,
    `INSERT INTO s_state
     SELECT s.family_id, r.rowid, s.desil, s.member_count, CASE WHEN s.ground_check_status <> 'NOT_CHECKED' THEN 1 ELSE 0 END
     FROM ${dirty ? 'f_dirty d CROSS JOIN' : ''} family_state s INDEXED BY ${COVERING_INDEX.familyState}${dirty ? ' ON s.family_id = d.family_id' : ''}
     CROSS JOIN region r ON r.code = s.village_code
     WHERE ${inForceAt('s')}`,
    // Flags in force, with whether their holder is a current member.
    `CREATE TEMP TABLE s_flag AS
     SELECT i.id AS individual_id, i.family_id, c.sort_order AS o, c.excludes_family,
            CASE WHEN ${memberAt('i')} THEN 1 ELSE 0 END AS member
     FROM ${dirty
       ? 'f_dirty d CROSS JOIN individual i ON i.family_id = d.family_id CROSS JOIN exclusion_flag f ON f.individual_id = i.id'
       : 'exclusion_flag f JOIN individual i ON i.id = f.individual_id'}
     JOIN exclusion_criterion c ON c.code = f.criterion_code
     WHERE ${flagInForce('f', '@at')}`,
    // A criterion that excludes the family, held by a current member, excludes every unit of that family.
    `CREATE TEMP TABLE s_family_crit (family_id INTEGER PRIMARY KEY, o INT)`,
    `INSERT INTO s_family_crit SELECT family_id, MIN(o) FROM s_flag WHERE excludes_family = 1 AND member = 1 GROUP BY family_id`,
    `CREATE TEMP TABLE s_enrollment AS
     SELECT e.program_code, e.family_id, e.individual_id, e.member_since_year
     FROM ${dirty ? 'f_dirty d CROSS JOIN enrollment e ON e.family_id = d.family_id' : 'enrollment e'}
     WHERE ${activeAt('e')}`,
    `CREATE TEMP TABLE s_fmask (family_id INTEGER PRIMARY KEY, mask INT)`,
    `INSERT INTO s_fmask SELECT family_id, SUM(DISTINCT ${PROGRAM_BIT_SQL}) FROM s_enrollment GROUP BY family_id`,
    // Per person with person-level facts: the individual programs received (bit set) and the first own criterion.
    `CREATE TEMP TABLE s_person (individual_id INTEGER PRIMARY KEY, pmask INT, o INT)`,
    `INSERT INTO s_person SELECT individual_id, SUM(bit), MIN(o) FROM (
       SELECT DISTINCT individual_id, ${INDIVIDUAL_PROGRAM_BIT_SQL} AS bit, 99 AS o FROM s_enrollment WHERE individual_id IS NOT NULL
       UNION ALL SELECT individual_id, 0, o FROM s_flag
     ) GROUP BY individual_id`,
    `INSERT INTO a_state SELECT family_id, @sign, vid, desil FROM s_state`,
    `INSERT INTO a_fam
     SELECT s.vid, s.desil, s.gc, COALESCE(fc.o, 99), COALESCE(m.mask, 0), @sign * COUNT(*), @sign * SUM(s.member_count)
     FROM s_state s LEFT JOIN s_fmask m ON m.family_id = s.family_id LEFT JOIN s_family_crit fc ON fc.family_id = s.family_id
     GROUP BY 1, 2, 3, 4, 5`,
    // Recipient families with no DTSEN state at @at, counted in the village of their civil-registry domicile.
    `INSERT INTO a_fam
     SELECT r.rowid, 0, 0, COALESCE(fc.o, 99), m.mask, @sign * COUNT(*), 0
     FROM s_fmask m CROSS JOIN family f ON f.id = m.family_id CROSS JOIN region r ON r.code = f.village_code
     LEFT JOIN s_family_crit fc ON fc.family_id = m.family_id
     WHERE NOT EXISTS (SELECT 1 FROM s_state s WHERE s.family_id = m.family_id)
     GROUP BY 1, 2, 3, 4, 5`,
    `INSERT INTO a_ind
     SELECT s.vid, s.desil, s.gc, MIN(COALESCE(p.o, 99), COALESCE(fc.o, 99)), COALESCE(p.pmask, 0), ${ageGroupSql('i')}, i.disability, 1,
            @sign * COUNT(*)
     FROM ${dirty ? 's_state s CROSS JOIN individual i ON i.family_id = s.family_id' : 'individual i JOIN s_state s ON s.family_id = i.family_id'}
     LEFT JOIN s_person p ON p.individual_id = i.id
     LEFT JOIN s_family_crit fc ON fc.family_id = i.family_id
     WHERE ${memberAt('i')}
     GROUP BY 1, 2, 3, 4, 5, 6, 7`,
    // Recipients of individual programs who are not current members of a family in DTSEN at @at.
    `INSERT INTO a_ind
     SELECT COALESCE(s.vid, r.rowid), COALESCE(s.desil, 0), COALESCE(s.gc, 0), MIN(COALESCE(p.o, 99), COALESCE(fc.o, 99)), p.pmask,
            ${ageGroupSql('i')}, i.disability, 0, @sign * COUNT(*)
     FROM s_person p CROSS JOIN individual i ON i.id = p.individual_id CROSS JOIN family f ON f.id = i.family_id
     CROSS JOIN region r ON r.code = f.village_code
     LEFT JOIN s_state s ON s.family_id = i.family_id
     LEFT JOIN s_family_crit fc ON fc.family_id = i.family_id
     WHERE p.pmask > 0 AND NOT (s.family_id IS NOT NULL AND ${memberAt('i')})
     GROUP BY 1, 2, 3, 4, 5, 6, 7`,
    `INSERT INTO a_since
     SELECT COALESCE(s.vid, r.rowid), e.program_code, e.member_since_year, @sign * COUNT(DISTINCT COALESCE(e.individual_id, -e.family_id))
     FROM s_enrollment e CROSS JOIN family f ON f.id = e.family_id CROSS JOIN region r ON r.code = f.village_code
     LEFT JOIN s_state s ON s.family_id = e.family_id
     WHERE e.program_code IN (${LIMITED_PROGRAMS.map((p) => `'${p.code}'`).join(', ') || "''"}) AND e.member_since_year IS NOT NULL
     GROUP BY 1, 2, 3`,
    ...SIDE_TABLES.map((t) => `DROP TABLE temp.${t}`),
  ];
}

/** Membership of an `a_ind` cell in a program's target group (domain/targeting-rules.ts). */
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
 * Village-level cube rows of one program from the accumulators. Family programs count families in DTSEN plus
 * recipient families outside it; individual programs count everyone (PBI-JKN) or their target group, plus every
 * recipient (ATENSI, PIP: people outside the target group who receive nothing are not part of those programs).
 */
export function cubeForProgram(programCode: ProgramCode): string {
  const rule = programByCode(programCode);
  const p = `'${rule.code}'`;
  if (rule.unit === 'FAMILY') {
    const bit = programBit(rule.code);
    const recipient = `CASE WHEN (mask & ${bit}) <> 0 THEN 1 ELSE 0 END`;
    return `INSERT INTO c_cube
      SELECT vid, ${p}, desil, ${recipient}, crit, gc, 1, SUM(families) FROM a_fam
      WHERE desil <> 0 OR (mask & ${bit}) <> 0
      GROUP BY vid, desil, ${recipient}, crit, gc HAVING SUM(families) <> 0`;
  }
  const bit = 2 ** INDIVIDUAL_PROGRAMS.findIndex((x) => x.code === rule.code);
  const tg = targetGroupSql(rule.code);
  const recipient = `CASE WHEN (pmask & ${bit}) <> 0 THEN 1 ELSE 0 END`;
  return `INSERT INTO c_cube
    SELECT vid, ${p}, desil, ${recipient}, crit, gc, ${tg}, SUM(n) FROM a_ind
    WHERE (member = 1 AND ${tg} = 1) OR (pmask & ${bit}) <> 0
    GROUP BY vid, desil, ${recipient}, crit, gc, ${tg} HAVING SUM(n) <> 0`;
}

export const cubeStatements: readonly string[] = [
  `CREATE TEMP TABLE c_cube (vid INT, program_code TEXT, desil INT, recipient INT, crit INT, gc INT, tg INT, units INT)`,
  ...PROGRAMS.map((p) => cubeForProgram(p.code)),
];

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

/** A rollup table: its key columns after (version_id, region_code), and its additive value columns. */
export interface RollupTable {
  name: string;
  keys: readonly string[];
  values: readonly string[];
}

export const ROLLUPS = {
  desil: { name: 'desil_rollup', keys: ['desil'], values: ['families', 'individuals'] },
  targeting: {
    name: 'targeting_rollup',
    keys: ['program_code', 'desil', 'recipient', 'criterion_code', 'ground_checked', 'in_target_group'],
    values: ['units'],
  },
  targetingClass: { name: 'targeting_class_rollup', keys: ['program_code', 'class', 'cause'], values: ['units'] },
  overlap: { name: 'overlap_rollup', keys: ['desil', 'program_mask'], values: ['families'] },
  membership: { name: 'membership_rollup', keys: ['program_code', 'member_since_year'], values: ['units'] },
} as const satisfies Record<string, RollupTable>;

/** Rollups recomputed from scratch for every version (their facts are events of the version itself). */
export const PER_VERSION_ROLLUPS = ['churn_rollup', 'proposal_rollup'] as const;

/** Recipients per program and the kabupaten/kota that carries them in its quota (`enrollment.regency_code`). */
export const QUOTA_RECIPIENT_ROLLUP = 'quota_recipient_rollup';

/**
 * `quota_recipient_rollup` at @v: distinct recipient units (families for family programs, individuals for individual
 * programs) of the memberships in force, per program and `enrollment.regency_code`, exactly as the reallocation plan
 * counts one regency's recipients. Full: one grouped pass over the enrollments in force. Incremental: @prev's counts
 * plus the memberships that started at @v minus those that ended at @v (a unit holds at most one membership of a
 * program at a time; publish.incremental.spec.ts checks that both methods agree).
 */
export function quotaRecipientStatements(incremental: boolean): string[] {
  const unitKnown = `(e.individual_id IS NOT NULL OR e.program_code IN (${PROGRAMS.filter((p) => p.unit === 'FAMILY').map((p) => `'${p.code}'`).join(', ')}))`;
  if (!incremental) {
    const unit = `CASE e.program_code ${PROGRAMS.map((p) => `WHEN '${p.code}' THEN ${p.unit === 'FAMILY' ? 'e.family_id' : 'e.individual_id'}`).join(' ')} END`;
    return [
      `INSERT INTO ${QUOTA_RECIPIENT_ROLLUP} (version_id, program_code, regency_code, units)
       SELECT @v, program_code, regency_code, COUNT(*) FROM (
         SELECT e.program_code, e.regency_code, ${unit} AS unit FROM enrollment e
         WHERE ${enrollmentActive('e')} AND ${unitKnown}
         GROUP BY e.program_code, e.regency_code, unit
       ) GROUP BY program_code, regency_code`,
    ];
  }
  const changed = (column: string) =>
    `e.rowid IN (SELECT rowid FROM enrollment INDEXED BY ${COVERING_INDEX.enrollment} WHERE ${column} = @v)`;
  return [
    `INSERT INTO ${QUOTA_RECIPIENT_ROLLUP} (version_id, program_code, regency_code, units)
     SELECT @v, program_code, regency_code, SUM(units) FROM (
       SELECT program_code, regency_code, units FROM ${QUOTA_RECIPIENT_ROLLUP} WHERE version_id = @prev
       UNION ALL SELECT e.program_code, e.regency_code, 1 FROM enrollment e WHERE ${changed('start_version_id')} AND ${unitKnown}
       UNION ALL SELECT e.program_code, e.regency_code, -1 FROM enrollment e WHERE ${changed('end_version_id')} AND ${unitKnown}
     ) GROUP BY program_code, regency_code HAVING SUM(units) <> 0`,
  ];
}

/** Copies the previous version's rows of an additive rollup to @v (the base the deltas are added to). */
export function copyPrevious(t: RollupTable): string {
  const cols = ['region_code', ...t.keys, ...t.values].join(', ');
  return `INSERT INTO ${t.name} (version_id, ${cols}) SELECT @v, ${cols} FROM ${t.name} WHERE version_id = @prev`;
}

/** Adds signed rows (region_code, keys..., values...) to the @v rows of a rollup. */
export function addDelta(t: RollupTable, select: string): string {
  const cols = ['region_code', ...t.keys, ...t.values].join(', ');
  const pk = ['version_id', 'region_code', ...t.keys].join(', ');
  return `INSERT INTO ${t.name} (version_id, ${cols}) SELECT @v, * FROM (${select}) WHERE true
    ON CONFLICT (${pk}) DO UPDATE SET ${t.values.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`;
}

/** Removes the @v rows whose values all came to zero (a full count never writes those). */
export function dropZeros(t: RollupTable): string {
  return `DELETE FROM ${t.name} WHERE version_id = @v AND ${t.values.map((c) => `${c} = 0`).join(' AND ')}`;
}

/** How a level's region code is reached from a `vid` column, through `f_village fv`. */
const LEVELS = {
  village: { id: 'x.vid', join: '' },
  district: { id: 'fv.did', join: 'JOIN f_village fv ON fv.vid = x.vid' },
  regency: { id: 'fv.rid', join: 'JOIN f_village fv ON fv.vid = x.vid' },
  province: { id: 'fv.pid', join: 'JOIN f_village fv ON fv.vid = x.vid' },
  nation: { id: '0', join: '' },
} as const;
type Level = keyof typeof LEVELS;
const codeOf = (idColumn: string) => `CASE WHEN ${idColumn} = 0 THEN 'ID' ELSE (SELECT code FROM region WHERE rowid = ${idColumn}) END`;

/** Signed delta rows of every additive rollup, at every level it is kept at, added to @v. */
export function deltaStatements(): Record<keyof typeof ROLLUPS, string[]> {
  const { desil, targeting, targetingClass, overlap, membership } = ROLLUPS;
  const byProgram = (part: 'klass' | 'cause') =>
    `CASE c.program_code ${PROGRAMS.map((rule) => `WHEN '${rule.code}' THEN ${classificationSql(rule)[part]}`).join(' ')} END`;
  return {
    // Desil distribution, all levels, from the families in DTSEN.
    desil: [
    `CREATE TEMP TABLE d_desil AS SELECT vid, desil, SUM(families) AS families, SUM(individuals) AS individuals
     FROM a_fam WHERE desil <> 0 GROUP BY vid, desil HAVING SUM(families) <> 0 OR SUM(individuals) <> 0`,
    ...(['village', 'district', 'regency', 'province', 'nation'] as const).map((level) =>
      addLevel(desil, 'd_desil', level, 'desil', 'SUM(families), SUM(individuals)', 'SUM(families) <> 0 OR SUM(individuals) <> 0')),
    ],
    // Targeting cube: regencies from the village cells, provinces and the nation from the regency deltas.
    targeting: [
    `CREATE TEMP TABLE d_cube AS
     SELECT fv.rid, c.program_code, c.desil, c.recipient, c.crit, c.gc, c.tg, SUM(c.units) AS units
     FROM c_cube c JOIN f_village fv ON fv.vid = c.vid
     GROUP BY fv.rid, c.program_code, c.desil, c.recipient, c.crit, c.gc, c.tg HAVING SUM(c.units) <> 0`,
    ...(['rid', 'r.province_code', "'ID'"] as const).map((g) =>
      addDelta(targeting, `SELECT ${g === 'rid' ? 'r.code' : g}, d.program_code, d.desil, d.recipient, COALESCE(x.code, ''), d.gc, d.tg, SUM(d.units)
        FROM d_cube d JOIN region r ON r.rowid = d.rid LEFT JOIN exclusion_criterion x ON x.sort_order = d.crit
        GROUP BY ${g === 'rid' ? 'd.rid' : g}, d.program_code, d.desil, d.recipient, d.crit, d.gc, d.tg HAVING SUM(d.units) <> 0`)),
    ],
    // Classes and causes: every village cell classified once, villages and districts.
    targetingClass: [
    `CREATE TEMP TABLE d_class AS
     SELECT vid, program_code, klass, cause, SUM(units) AS units FROM (
       SELECT c.vid, c.program_code, ${byProgram('klass')} AS klass, ${byProgram('cause')} AS cause, c.units
       FROM c_cube c LEFT JOIN exclusion_criterion x ON x.sort_order = c.crit
     ) GROUP BY vid, program_code, klass, cause HAVING SUM(units) <> 0`,
    ...(['village', 'district'] as const).map((level) =>
      addLevel(targetingClass, 'd_class', level, 'program_code, klass, cause', 'SUM(units)', 'SUM(units) <> 0')),
    ],
    // Program overlap by desil, kecamatan and above (at village level the combinations are about as many as families).
    overlap: [
    `CREATE TEMP TABLE d_overlap AS SELECT vid, desil, mask, SUM(families) AS families FROM a_fam
     GROUP BY vid, desil, mask HAVING SUM(families) <> 0`,
    ...(['district', 'regency', 'province', 'nation'] as const).map((level) =>
      addLevel(overlap, 'd_overlap', level, 'desil, mask', 'SUM(families)', 'SUM(families) <> 0')),
    ],
    // Membership years of limited programs (PKH), kecamatan and above.
    membership: [
    `CREATE TEMP TABLE d_since AS SELECT vid, program_code, since, SUM(units) AS units FROM a_since
     GROUP BY vid, program_code, since HAVING SUM(units) <> 0`,
    ...(['district', 'regency', 'province', 'nation'] as const).map((level) =>
      addLevel(membership, 'd_since', level, 'program_code, since', 'SUM(units)', 'SUM(units) <> 0')),
    ],
  };
}

/** Delta rows of one level: `source` (keyed by vid) grouped by the level's region and `keys`. */
function addLevel(t: RollupTable, source: string, level: Level, keys: string, values: string, having: string): string {
  const l = LEVELS[level];
  return addDelta(t, `SELECT ${codeOf('g')} AS region_code, ${keys}, ${values.split(', ').map((_, k) => `v${k}`).join(', ')} FROM (
      SELECT ${l.id} AS g, ${keys}, ${values.split(', ').map((v, k) => `${v} AS v${k}`).join(', ')}
      FROM ${source} x ${l.join} GROUP BY ${level === 'nation' ? '' : `${l.id}, `}${keys} HAVING ${having})`);
}

/**
 * Every family's village and desil at the previous version @prev (side -1), for a full count, which counted only @v;
 * the incremental path has both sides of the changed families already.
 */
export const previousStatesStatement = `INSERT INTO a_state
  SELECT s.family_id, -1, r.rowid, s.desil FROM family_state s INDEXED BY ${COVERING_INDEX.familyState}
  CROSS JOIN region r ON r.code = s.village_code
  WHERE ${stateInForce('s', '@prev')}`;

export const TRANSITION_ROLLUP: RollupTable = { name: 'transition_rollup', keys: ['from_desil', 'to_desil'], values: ['families'] };

/**
 * The desil transitions from @prev to @v for the nation, provinces and regencies. The families in `a_state` give
 * their pairs (region of the previous state, else of the new one); an incremental publish starts from the families
 * that did not change, which stay on the diagonal: the previous desil distribution minus the changed families'
 * previous desils.
 */
export function transitionStatements(incremental: boolean): string[] {
  const t = TRANSITION_ROLLUP;
  return [
    ...(incremental
      ? [`INSERT INTO transition_rollup (version_id, region_code, from_desil, to_desil, families)
          SELECT @v, d.region_code, d.desil, d.desil, d.families FROM desil_rollup d JOIN region r ON r.code = d.region_code
          WHERE d.version_id = @prev AND r.level IN ('NATION', 'PROVINCE', 'REGENCY')`]
      : []),
    `CREATE TEMP TABLE d_trans AS
     SELECT COALESCE(pv, nv) AS vid, COALESCE(pd, 0) AS from_desil, COALESCE(nd, 0) AS to_desil, COUNT(*) AS families FROM (
       SELECT MAX(CASE WHEN side = -1 THEN vid END) AS pv, MAX(CASE WHEN side = -1 THEN desil END) AS pd,
              MAX(CASE WHEN side = 1 THEN vid END) AS nv, MAX(CASE WHEN side = 1 THEN desil END) AS nd
       FROM a_state GROUP BY family_id)
     GROUP BY 1, 2, 3
     ${incremental ? `UNION ALL SELECT vid, desil, desil, -COUNT(*) FROM a_state WHERE side = -1 GROUP BY vid, desil` : ''}`,
    ...(['regency', 'province', 'nation'] as const).map((level) =>
      addLevel(t, 'd_trans', level, 'from_desil, to_desil', 'SUM(families)', 'SUM(families) <> 0')),
    ...(incremental ? [dropZeros(t)] : []),
  ];
}

/** Entries into and exits from programs at this version, at every level (village of the family in the version). */
export function churnRollupInserts(): string[] {
  const levels = ['village_code', 'district_code', 'regency_code', 'province_code', "'ID'"];
  return [
    `CREATE TEMP TABLE f_churn AS
     SELECT r.code AS village_code, r.parent_code AS district_code, r.regency_code, r.province_code,
            m.program_code, m.direction, m.reason, COUNT(*) AS units
     FROM (
       SELECT e.program_code, 'ENTRY' AS direction, e.start_reason AS reason, e.family_id, @v AS at FROM enrollment e
       WHERE e.rowid IN (SELECT rowid FROM enrollment INDEXED BY ${COVERING_INDEX.enrollment} WHERE start_version_id = @v) AND @v > 1
       UNION ALL
       SELECT e.program_code, 'EXIT', e.end_reason, e.family_id, @v - 1 FROM enrollment e
       WHERE e.rowid IN (SELECT rowid FROM enrollment INDEXED BY ${COVERING_INDEX.enrollment} WHERE end_version_id = @v)
     ) m JOIN family f ON f.id = m.family_id
     LEFT JOIN family_state s ON s.family_id = m.family_id AND ${stateInForce('s', 'm.at')}
     JOIN region r ON r.code = COALESCE(s.village_code, f.village_code)
     GROUP BY r.code, r.parent_code, r.regency_code, r.province_code, m.program_code, m.direction, m.reason`,
    ...levels.map(
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
