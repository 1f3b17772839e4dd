/**
 * The SQL that publishing a version runs, for SQLite and PostgreSQL from one source. Everything is counted in the
 * database.
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
 *
 * Every builder takes the dialect (default SQLite); the few differences are the fragments of {@link Dialect}: on
 * PostgreSQL regions are numbered in a temporary copy (`region_n`, no rowid), index hints and SQLite's `CROSS JOIN
 * ... ON` join-order hint become plain joins, booleans are cast to and from integers, and dates use its functions.
 */
import { PROGRAMS, type ProgramCode, type ProgramRule, programByCode } from '../../domain/programs.js';
import { enrollmentActive, flagInForce, memberAt as memberAtVersion, stateInForce } from '../../db/temporal-sql.js';
import { ELDERLY_MIN_AGE, PROGRAM_TARGET_GROUP, SCHOOL_AGE_MAX, SCHOOL_AGE_MIN } from '../../domain/targeting-rules.js';

export type PublishScope = 'all' | 'dirty';

/** The SQL dialect statements are built for. */
export type SqlDialect = 'sqlite' | 'postgresql';

/** What differs between the engines, as SQL fragments. */
interface Dialect {
  /** A scratch table of this run, qualified for DROP (SQLite `temp.x`, PostgreSQL `pg_temp.x`). */
  temp(table: string): string;
  /** SQLite: force this index (the plan must not regress); PostgreSQL plans by itself. */
  indexedBy(index: string): string;
  /** A join whose order SQLite must keep (`CROSS JOIN ... ON`); a plain join on PostgreSQL. */
  cross: string;
  /** The regions with an integer `rowid`: SQLite's own table, a numbered temporary copy on PostgreSQL. */
  region: string;
  /** The smaller of two values (SQLite's two-argument MIN). */
  least(a: string, b: string): string;
  /** The calendar year of a date column (ISO text on SQLite, a timestamp on PostgreSQL). */
  yearOf(column: string): string;
  /** A boolean column as 0/1 (SQLite stores them so already). */
  int(column: string): string;
  /** A 0/1 expression as the rollup's boolean column. */
  bool(expr: string): string;
  /** An enum column as text (PostgreSQL enums of different types do not mix in a UNION). */
  text(expr: string): string;
  /** Days from one timestamp to another, as a fraction. */
  days(from: string, to: string): string;
  /** Enrollment rows `e` whose `column` (start_version_id or end_version_id) is @v. */
  enrollmentChangedAt(column: 'start_version_id' | 'end_version_id'): string;
  /** A subquery in FROM must be named on PostgreSQL 15. */
  alias: string;
  /**
   * The key of a per-family or per-person scratch table: SQLite's rowid (its lookups go through it), declared with
   * the table; on PostgreSQL a unique index built once the table is filled ({@link Dialect.keyAfter}), far cheaper
   * than maintaining it row by row, and there for the plans that look rows up one by one.
   */
  key: string;
  /** After filling a scratch table keyed by `column`: PostgreSQL builds its index and its statistics. */
  keyAfter(table: string, column: string): string[];
  /** Statements that refresh the planner's statistics of a scratch table (PostgreSQL keeps none for them). */
  analyze(table: string): string[];
  /** A GROUP BY list; PostgreSQL refuses a text constant there (the nation's `'ID'`), which groups nothing anyway. */
  groupBy(...expressions: string[]): string;
  /** How an empty copy of a table's columns is created (`CREATE TABLE ... AS SELECT ...` and this). */
  noData: string;
}

const DIALECTS: Record<SqlDialect, Dialect> = {
  sqlite: {
    temp: (t) => `temp.${t}`,
    indexedBy: (index) => ` INDEXED BY ${index}`,
    cross: 'CROSS JOIN',
    region: 'region',
    least: (a, b) => `MIN(${a}, ${b})`,
    yearOf: (c) => `CAST(substr(${c}, 1, 4) AS INTEGER)`,
    int: (c) => c,
    bool: (e) => e,
    text: (e) => e,
    days: (from, to) => `julianday(${to}) - julianday(${from})`,
    enrollmentChangedAt: (column) => `e.rowid IN (SELECT rowid FROM enrollment INDEXED BY ${COVERING_INDEX.enrollment} WHERE ${column} = @v)`,
    alias: '',
    key: ' PRIMARY KEY',
    keyAfter: () => [],
    analyze: () => [],
    groupBy: (...e) => e.join(', '),
    noData: 'WHERE false',
  },
  postgresql: {
    temp: (t) => `pg_temp.${t}`,
    indexedBy: () => '',
    cross: 'JOIN',
    region: 'region_n',
    least: (a, b) => `LEAST(${a}, ${b})`,
    yearOf: (c) => `CAST(EXTRACT(YEAR FROM ${c}) AS INTEGER)`,
    int: (c) => `CAST(${c} AS INTEGER)`,
    bool: (e) => `CAST(${e} AS BOOLEAN)`,
    text: (e) => `CAST(${e} AS TEXT)`,
    days: (from, to) => `EXTRACT(EPOCH FROM (${to} - ${from})) / 86400.0`,
    enrollmentChangedAt: (column) => `e.${column} = @v`,
    alias: ' AS q',
    key: '',
    keyAfter: (t, c) => [`CREATE UNIQUE INDEX ON ${t} (${c})`, `ANALYZE ${t}`],
    analyze: (t) => [`ANALYZE ${t}`],
    groupBy: (...e) => e.filter((x) => !/^'.*'$/.test(x)).join(', '),
    noData: 'WITH NO DATA',
  },
};

/** Every program and its bit in a family's program mask (also `overlap_rollup.program_mask`). */
const PROGRAM_BIT_SQL = `CASE program_code ${PROGRAMS.map((p, k) => `WHEN '${p.code}' THEN ${2 ** k}`).join(' ')} END`;
const programBit = (code: ProgramCode) => 2 ** PROGRAMS.findIndex((p) => p.code === code);

/** Individual programs and their bit in a person's `pmask` (PBI_JKN 1, ATENSI 2, PIP 4). */
const INDIVIDUAL_PROGRAMS = PROGRAMS.filter((p) => p.unit === 'INDIVIDUAL');
const INDIVIDUAL_PROGRAM_BIT_SQL = `CASE program_code ${INDIVIDUAL_PROGRAMS.map((p, k) => `WHEN '${p.code}' THEN ${2 ** k}`).join(' ')} END`;

/** Ages at which a person changes age group: 0 = under 6, 1 = 6-21 (school age), 2 = 22-59, 3 = 60 and over. */
export const AGE_GROUP_THRESHOLDS = [SCHOOL_AGE_MIN, SCHOOL_AGE_MAX + 1, ELDERLY_MIN_AGE] as const;

function ageGroupSql(alias: string, d: Dialect): string {
  const age = `(@year - ${d.yearOf(`${alias}.birth_date`)})`;
  return `CASE WHEN ${age} < ${SCHOOL_AGE_MIN} THEN 0 WHEN ${age} <= ${SCHOOL_AGE_MAX} THEN 1 WHEN ${age} < ${ELDERLY_MIN_AGE} THEN 2 ELSE 3 END`;
}

const inForceAt = (a: string) => stateInForce(a, '@at');
const memberAt = (a: string) => memberAtVersion(a, '@at');
const activeAt = (a: string) => enrollmentActive(a, '@at');

/** Temporary tables of one publish run; all dropped before and after. */
const TEMP_TABLES = [
  'region_n', 'f_dirty', 'f_village', 'a_fam', 'a_ind', 'a_since', 'a_state', 'd_trans', 'c_cube', 'd_cube', 'd_class', 'd_overlap', 'd_desil', 'd_since', 'f_churn',
  's_state', 's_flag', 's_family_crit', 's_enrollment', 's_fmask', 's_person',
];
export const dropTemps = (dialect: SqlDialect = 'sqlite'): string[] => {
  const d = DIALECTS[dialect];
  return [...TEMP_TABLES, ...additiveRollups().map(stageOf)].map((t) => `DROP TABLE IF EXISTS ${d.temp(t)}`);
};
const SIDE_TABLES = ['s_state', 's_flag', 's_family_crit', 's_enrollment', 's_fmask', 's_person'];

/**
 * Tables every run starts with: villages with the rowids of their district, regency and province, and accumulators.
 * On PostgreSQL, first the regions numbered (`region_n`), standing in for SQLite's rowids.
 */
export const setupStatements = (dialect: SqlDialect = 'sqlite'): string[] => {
  const d = DIALECTS[dialect];
  return [
  ...(dialect === 'postgresql'
    ? [
        `CREATE TEMP TABLE region_n (rowid INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, level TEXT NOT NULL, parent_code TEXT,
           province_code TEXT, regency_code TEXT)`,
        `INSERT INTO region_n SELECT CAST(ROW_NUMBER() OVER (ORDER BY code) AS INTEGER), code, CAST(level AS TEXT), parent_code,
           province_code, regency_code FROM region`,
        ...d.analyze('region_n'),
      ]
    : []),
  `CREATE TEMP TABLE f_village (vid INTEGER PRIMARY KEY, did INT NOT NULL, rid INT NOT NULL, pid INT NOT NULL)`,
  `INSERT INTO f_village SELECT v.rowid, d.rowid, g.rowid, p.rowid FROM ${d.region} v
     JOIN ${d.region} d ON d.code = v.parent_code JOIN ${d.region} g ON g.code = v.regency_code JOIN ${d.region} p ON p.code = v.province_code
     WHERE v.level = 'VILLAGE'`,
  ...d.analyze('f_village'),
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
  // Staging tables of the additive rollups ({@link finishRollups}), with the rollup's own column types.
  ...additiveRollups().map((t) => `CREATE TEMP TABLE ${stageOf(t)} AS SELECT ${rollupColumns(t)} FROM ${t.name} ${d.noData}`),
  ];
};

/** Programs whose membership is limited in years (PKH), from the rule data. */
const LIMITED_PROGRAMS = PROGRAMS.filter((p) => p.maxYears !== null);

/**
 * The families whose contribution may differ between @prev and @v: a state opened or closed, a member joined or
 * left, an enrollment started or ended, a flag observed or cleared at @v, and, when the calendar year changed, a
 * member whose birth year makes them cross an age-group threshold.
 */
export function dirtyStatements(prevYear: number, year: number, dialect: SqlDialect = 'sqlite'): string[] {
  const d = DIALECTS[dialect];
  const crossings = year === prevYear ? [] : AGE_GROUP_THRESHOLDS.map((t) => {
    const from = String(prevYear - t + 1).padStart(4, '0');
    const to = String(year - t + 1).padStart(4, '0');
    return `(birth_date >= '${from}-01-01' AND birth_date < '${to}-01-01')`;
  });
  const questions = [
    `SELECT family_id FROM family_state${d.indexedBy(COVERING_INDEX.familyState)}
     WHERE valid_from_version_id = @v OR valid_to_version_id = @v`,
    `SELECT family_id FROM individual${d.indexedBy(COVERING_INDEX.individual)}
     WHERE ${['from_version_id = @v', 'to_version_id = @v', ...crossings].join(' OR ')}`,
    `SELECT family_id FROM enrollment${d.indexedBy(COVERING_INDEX.enrollment)}
     WHERE start_version_id = @v OR end_version_id = @v`,
    `SELECT i.family_id FROM exclusion_flag x JOIN individual i ON i.id = x.individual_id
     WHERE x.observed_version_id = @v OR x.cleared_version_id = @v`,
  ];
  // PostgreSQL: one statement, the UNION removes the duplicates.
  if (dialect === 'postgresql') return [`CREATE TEMP TABLE f_dirty AS ${questions.join(' UNION ')}`, ...d.analyze('f_dirty')];
  // SQLite: each question is one scan of a covering index (narrow, unlike the tables), forced so the plan cannot regress.
  return [`CREATE TEMP TABLE f_dirty (family_id INTEGER PRIMARY KEY)`, ...questions.map((q) => `INSERT OR IGNORE INTO f_dirty ${q}`)];
}

/**
 * Reads, sequentially, the pages the recount of changed families will then visit in family order: the covering
 * indexes of members and enrollments and the family states. Once in SQLite's page cache, those visits are memory
 * lookups instead of one small random read each (on a cold cache the recount was several times slower without this).
 * Not on PostgreSQL, whose shared buffers and planner do not need it.
 */
export const warmQueries = (dialect: SqlDialect = 'sqlite'): string[] => dialect !== 'sqlite' ? [] : [
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
export function sideStatements(scope: PublishScope, dialect: SqlDialect = 'sqlite'): string[] {
  const dirty = scope === 'dirty';
  const d = DIALECTS[dialect];
  const cross = d.cross;
  return [
    ...SIDE_TABLES.map((t) => `DROP TABLE IF EXISTS ${d.temp(t)}`),
    `CREATE TEMP TABLE s_state (family_id INTEGER${d.key}, vid INT, desil INT, member_count INT, gc INT)`,
    `INSERT INTO s_state
     SELECT s.family_id, r.rowid, s.desil, s.member_count, CASE WHEN s.ground_check_status <> 'NOT_CHECKED' THEN 1 ELSE 0 END
     FROM ${dirty ? `f_dirty d ${cross}` : ''} family_state s${d.indexedBy(COVERING_INDEX.familyState)}${dirty ? ' ON s.family_id = d.family_id' : ''}
     ${cross} ${d.region} r ON r.code = s.village_code
     WHERE ${inForceAt('s')}`,
    ...d.keyAfter('s_state', 'family_id'),
    // Flags in force, with whether their holder is a current member. Counting every family, the flags are first put in
    // the order of their holders, so the lookups walk the (wide) individual table forward instead of at random.
    `CREATE TEMP TABLE s_flag AS
     ${dirty ? '' : `WITH f AS MATERIALIZED (
       SELECT f.individual_id, f.criterion_code FROM exclusion_flag f WHERE ${flagInForce('f', '@at')} ORDER BY f.individual_id
     )`}
     SELECT i.id AS individual_id, i.family_id, c.sort_order AS o, ${d.int('c.excludes_family')} AS excludes_family,
            CASE WHEN ${memberAt('i')} THEN 1 ELSE 0 END AS member
     FROM ${dirty
       ? `f_dirty d ${cross} individual i ON i.family_id = d.family_id ${cross} exclusion_flag f ON f.individual_id = i.id`
       : `f ${cross} individual i ON i.id = f.individual_id`}
     JOIN exclusion_criterion c ON c.code = f.criterion_code
     ${dirty ? `WHERE ${flagInForce('f', '@at')}` : ''}`,
    ...d.analyze('s_flag'),
    // A criterion that excludes the family, held by a current member, excludes every unit of that family.
    `CREATE TEMP TABLE s_family_crit (family_id INTEGER${d.key}, o INT)`,
    `INSERT INTO s_family_crit SELECT family_id, MIN(o) FROM s_flag WHERE excludes_family = 1 AND member = 1 GROUP BY family_id`,
    ...d.keyAfter('s_family_crit', 'family_id'),
    `CREATE TEMP TABLE s_enrollment AS
     SELECT e.program_code, e.family_id, e.individual_id, e.member_since_year
     FROM ${dirty ? `f_dirty d ${cross} enrollment e ON e.family_id = d.family_id` : 'enrollment e'}
     WHERE ${activeAt('e')}`,
    ...d.analyze('s_enrollment'),
    `CREATE TEMP TABLE s_fmask (family_id INTEGER${d.key}, mask INT)`,
    `INSERT INTO s_fmask SELECT family_id, SUM(DISTINCT ${PROGRAM_BIT_SQL}) FROM s_enrollment GROUP BY family_id`,
    ...d.keyAfter('s_fmask', 'family_id'),
    // Per person with person-level facts: the individual programs received (bit set) and the first own criterion.
    `CREATE TEMP TABLE s_person (individual_id INTEGER${d.key}, pmask INT, o INT)`,
    `INSERT INTO s_person SELECT individual_id, SUM(bit), MIN(o) FROM (
       SELECT DISTINCT individual_id, ${INDIVIDUAL_PROGRAM_BIT_SQL} AS bit, 99 AS o FROM s_enrollment WHERE individual_id IS NOT NULL
       UNION ALL SELECT individual_id, 0, o FROM s_flag
     )${d.alias} GROUP BY individual_id`,
    ...d.keyAfter('s_person', 'individual_id'),
    `INSERT INTO a_state SELECT family_id, @sign, vid, desil FROM s_state`,
    `INSERT INTO a_fam
     SELECT s.vid, s.desil, s.gc, COALESCE(fc.o, 99), COALESCE(m.mask, 0), @sign * COUNT(*), @sign * SUM(s.member_count)
     FROM s_state s LEFT JOIN s_fmask m ON m.family_id = s.family_id LEFT JOIN s_family_crit fc ON fc.family_id = s.family_id
     GROUP BY 1, 2, 3, 4, 5`,
    // Recipient families with no DTSEN state at @at, counted in the village of their civil-registry domicile.
    `INSERT INTO a_fam
     SELECT r.rowid, 0, 0, COALESCE(fc.o, 99), m.mask, @sign * COUNT(*), 0
     FROM s_fmask m ${cross} family f ON f.id = m.family_id ${cross} ${d.region} r ON r.code = f.village_code
     LEFT JOIN s_family_crit fc ON fc.family_id = m.family_id
     WHERE NOT EXISTS (SELECT 1 FROM s_state s WHERE s.family_id = m.family_id)
     GROUP BY 1, 2, 3, 4, 5`,
    `INSERT INTO a_ind
     SELECT s.vid, s.desil, s.gc, ${d.least('COALESCE(p.o, 99)', 'COALESCE(fc.o, 99)')}, COALESCE(p.pmask, 0), ${ageGroupSql('i', d)},
            ${d.int('i.disability')}, 1, @sign * COUNT(*)
     FROM ${dirty ? `s_state s ${cross} individual i ON i.family_id = s.family_id` : 'individual i JOIN s_state s ON s.family_id = i.family_id'}
     LEFT JOIN s_person p ON p.individual_id = i.id
     LEFT JOIN s_family_crit fc ON fc.family_id = i.family_id
     WHERE ${memberAt('i')}
     GROUP BY 1, 2, 3, 4, 5, 6, 7`,
    // Recipients of individual programs who are not current members of a family in DTSEN at @at.
    `INSERT INTO a_ind
     SELECT COALESCE(s.vid, r.rowid), COALESCE(s.desil, 0), COALESCE(s.gc, 0), ${d.least('COALESCE(p.o, 99)', 'COALESCE(fc.o, 99)')}, p.pmask,
            ${ageGroupSql('i', d)}, ${d.int('i.disability')}, 0, @sign * COUNT(*)
     FROM s_person p ${cross} individual i ON i.id = p.individual_id ${cross} family f ON f.id = i.family_id
     ${cross} ${d.region} r ON r.code = f.village_code
     LEFT JOIN s_state s ON s.family_id = i.family_id
     LEFT JOIN s_family_crit fc ON fc.family_id = i.family_id
     WHERE p.pmask > 0 AND NOT (s.family_id IS NOT NULL AND ${memberAt('i')})
     GROUP BY 1, 2, 3, 4, 5, 6, 7`,
    `INSERT INTO a_since
     SELECT COALESCE(s.vid, r.rowid), e.program_code, e.member_since_year, @sign * COUNT(DISTINCT COALESCE(e.individual_id, -e.family_id))
     FROM s_enrollment e ${cross} family f ON f.id = e.family_id ${cross} ${d.region} r ON r.code = f.village_code
     LEFT JOIN s_state s ON s.family_id = e.family_id
     WHERE e.program_code IN (${LIMITED_PROGRAMS.map((p) => `'${p.code}'`).join(', ') || "''"}) AND e.member_since_year IS NOT NULL
     GROUP BY 1, 2, 3`,
    ...SIDE_TABLES.map((t) => `DROP TABLE ${d.temp(t)}`),
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

export const cubeStatements = (dialect: SqlDialect = 'sqlite'): string[] => [
  `CREATE TEMP TABLE c_cube (vid INT, program_code TEXT, desil INT, recipient INT, crit INT, gc INT, tg INT, units INT)`,
  ...PROGRAMS.map((p) => cubeForProgram(p.code)),
  ...DIALECTS[dialect].analyze('c_cube'),
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
export function quotaRecipientStatements(incremental: boolean, dialect: SqlDialect = 'sqlite'): string[] {
  const d = DIALECTS[dialect];
  const unitKnown = `(e.individual_id IS NOT NULL OR e.program_code IN (${PROGRAMS.filter((p) => p.unit === 'FAMILY').map((p) => `'${p.code}'`).join(', ')}))`;
  if (!incremental) {
    const unit = `CASE e.program_code ${PROGRAMS.map((p) => `WHEN '${p.code}' THEN ${p.unit === 'FAMILY' ? 'e.family_id' : 'e.individual_id'}`).join(' ')} END`;
    return [
      `INSERT INTO ${QUOTA_RECIPIENT_ROLLUP} (version_id, program_code, regency_code, units)
       SELECT @v, program_code, regency_code, COUNT(*) FROM (
         SELECT e.program_code, e.regency_code, ${unit} AS unit FROM enrollment e
         WHERE ${enrollmentActive('e')} AND ${unitKnown}
         GROUP BY e.program_code, e.regency_code, unit
       )${d.alias} GROUP BY program_code, regency_code`,
    ];
  }
  const changed = d.enrollmentChangedAt;
  return [
    `INSERT INTO ${QUOTA_RECIPIENT_ROLLUP} (version_id, program_code, regency_code, units)
     SELECT @v, program_code, regency_code, SUM(units) FROM (
       SELECT program_code, regency_code, units FROM ${QUOTA_RECIPIENT_ROLLUP} WHERE version_id = @prev
       UNION ALL SELECT e.program_code, e.regency_code, 1 FROM enrollment e WHERE ${changed('start_version_id')} AND ${unitKnown}
       UNION ALL SELECT e.program_code, e.regency_code, -1 FROM enrollment e WHERE ${changed('end_version_id')} AND ${unitKnown}
     )${d.alias} GROUP BY program_code, regency_code HAVING SUM(units) <> 0`,
  ];
}

/** The additive rollups: a version's rows are the previous version's plus the deltas of the changed families. */
const additiveRollups = (): RollupTable[] => [...Object.values(ROLLUPS), TRANSITION_ROLLUP];
/** The staging table of an additive rollup ({@link finishRollups}). */
const stageOf = (t: RollupTable) => `stage_${t.name}`;
const rollupColumns = (t: RollupTable) => ['region_code', ...t.keys, ...t.values].join(', ');

/** Stages the previous version's rows of an additive rollup (the base the deltas are added to). */
export function copyPrevious(t: RollupTable): string {
  const cols = rollupColumns(t);
  return `INSERT INTO ${stageOf(t)} (${cols}) SELECT ${cols} FROM ${t.name} WHERE version_id = @prev`;
}

/** Stages signed rows (region_code, keys..., values...) of a rollup at @v. */
export function addDelta(t: RollupTable, select: string, dialect: SqlDialect = 'sqlite'): string {
  return `INSERT INTO ${stageOf(t)} (${rollupColumns(t)}) SELECT * FROM (${select})${DIALECTS[dialect].alias}`;
}

/**
 * The last statements of additive rollups: each rollup's @v rows written from its staging table, summed per key,
 * without the rows an incremental publish brought to zero. The deltas and the previous version's rows are staged in
 * temporary tables (no trigger, no WAL) and each final row is written once: updating a row in place costs more than
 * writing it (SQLite: a B-tree search per delta; PostgreSQL: a dead row left behind), and on SQLite every row written
 * fires its immutability trigger (PostgreSQL checks once per statement, migration 0019). On SQLite this replaced
 * adding each delta into the rollup table (ON CONFLICT DO UPDATE) and deleting the zero rows after: both engines now
 * run the same statements, and at scale 0.01 an incremental version took 0.2-0.6 s less (13.5-14 s before).
 * PostgreSQL writes the rows in key order, so they append at the right edge of each primary key (with 0019: 17-20 s
 * -> 7-11 s per version); on SQLite ordering a full count's rows measured slower (1.74 -> 2.18 s) and is left out.
 */
export function finishRollups(tables: readonly RollupTable[], incremental: boolean, dialect: SqlDialect = 'sqlite'): string[] {
  return tables.map((t) => {
    const keys = ['region_code', ...t.keys].join(', ');
    // A full count stages each key once (one row per region of each level) and never a zero row.
    const ordered = dialect === 'postgresql' ? ` ORDER BY ${keys}` : '';
    if (!incremental) return `INSERT INTO ${t.name} (version_id, ${rollupColumns(t)}) SELECT @v, ${rollupColumns(t)} FROM ${stageOf(t)}${ordered}`;
    return `INSERT INTO ${t.name} (version_id, ${rollupColumns(t)})
      SELECT @v, ${keys}, ${t.values.map((c) => `SUM(${c})`).join(', ')} FROM ${stageOf(t)} GROUP BY ${keys}
      HAVING NOT (${t.values.map((c) => `SUM(${c}) = 0`).join(' AND ')})${ordered}`;
  });
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
const codeOf = (idColumn: string, d: Dialect) =>
  `CASE WHEN ${idColumn} = 0 THEN 'ID' ELSE (SELECT code FROM ${d.region} WHERE rowid = ${idColumn}) END`;

/** Signed delta rows of every additive rollup, at every level it is kept at, added to @v. */
export function deltaStatements(dialect: SqlDialect = 'sqlite'): Record<keyof typeof ROLLUPS, string[]> {
  const d = DIALECTS[dialect];
  const pg = dialect === 'postgresql';
  const { desil, targeting, targetingClass, overlap, membership } = ROLLUPS;
  const addLevel = (t: RollupTable, source: string, level: Level, keys: string, values: string, having: string) =>
    addLevelDelta(t, source, level, keys, values, having, dialect);
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
    // (PostgreSQL groups by the code and criterion themselves: it does not see that they follow from rid and crit.)
    ...(['rid', 'r.province_code', "'ID'"] as const).map((g) =>
      addDelta(targeting, `SELECT ${g === 'rid' ? 'r.code' : g}, d.program_code, d.desil, ${d.bool('d.recipient')}, COALESCE(x.code, ''),
          ${d.bool('d.gc')}, ${d.bool('d.tg')}, SUM(d.units)
        FROM d_cube d JOIN ${d.region} r ON r.rowid = d.rid LEFT JOIN exclusion_criterion x ON x.sort_order = d.crit
        GROUP BY ${d.groupBy(g === 'rid' ? (pg ? 'r.code' : 'd.rid') : g, 'd.program_code', 'd.desil', 'd.recipient', pg ? "COALESCE(x.code, '')" : 'd.crit', 'd.gc', 'd.tg')}
        HAVING SUM(d.units) <> 0`, dialect)),
    ],
    // Classes and causes: every village cell classified once, villages and districts.
    targetingClass: [
    `CREATE TEMP TABLE d_class AS
     SELECT vid, program_code, klass, cause, SUM(units) AS units FROM (
       SELECT c.vid, c.program_code, ${byProgram('klass')} AS klass, ${byProgram('cause')} AS cause, c.units
       FROM c_cube c LEFT JOIN exclusion_criterion x ON x.sort_order = c.crit
     )${d.alias} GROUP BY vid, program_code, klass, cause HAVING SUM(units) <> 0`,
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
function addLevelDelta(
  t: RollupTable, source: string, level: Level, keys: string, values: string, having: string, dialect: SqlDialect,
): string {
  const d = DIALECTS[dialect];
  const l = LEVELS[level];
  const outputs = values.split(', ').map((_, k) => `v${k}`).join(', ');
  const grouped = `SELECT ${l.id} AS g, ${keys}, ${values.split(', ').map((v, k) => `${v} AS v${k}`).join(', ')}
      FROM ${source} x ${l.join} GROUP BY ${level === 'nation' ? '' : `${l.id}, `}${keys} HAVING ${having}`;
  // PostgreSQL: the codes by one hash join (the rowid lookup per row is SQLite's fast path).
  if (dialect === 'postgresql') {
    return addDelta(t, `SELECT CASE WHEN q.g = 0 THEN 'ID' ELSE r.code END AS region_code, ${keys}, ${outputs}
      FROM (${grouped}) AS q LEFT JOIN ${d.region} r ON r.rowid = q.g`, dialect);
  }
  return addDelta(t, `SELECT ${codeOf('g', d)} AS region_code, ${keys}, ${outputs} FROM (
      ${grouped})${d.alias}`, dialect);
}

/**
 * Every family's village and desil at the previous version @prev (side -1), for a full count, which counted only @v;
 * the incremental path has both sides of the changed families already.
 */
export const previousStatesStatement = (dialect: SqlDialect = 'sqlite'): string => {
  const d = DIALECTS[dialect];
  return `INSERT INTO a_state
  SELECT s.family_id, -1, r.rowid, s.desil FROM family_state s${d.indexedBy(COVERING_INDEX.familyState)}
  ${d.cross} ${d.region} r ON r.code = s.village_code
  WHERE ${stateInForce('s', '@prev')}`;
};

export const TRANSITION_ROLLUP: RollupTable = { name: 'transition_rollup', keys: ['from_desil', 'to_desil'], values: ['families'] };

/**
 * The desil transitions from @prev to @v for the nation, provinces and regencies. The families in `a_state` give
 * their pairs (region of the previous state, else of the new one); an incremental publish starts from the families
 * that did not change, which stay on the diagonal: the previous desil distribution minus the changed families'
 * previous desils.
 */
export function transitionStatements(incremental: boolean, dialect: SqlDialect = 'sqlite'): string[] {
  const t = TRANSITION_ROLLUP;
  const d = DIALECTS[dialect];
  return [
    ...(incremental
      ? [`INSERT INTO ${stageOf(t)} (region_code, from_desil, to_desil, families)
          SELECT d.region_code, d.desil, d.desil, d.families FROM desil_rollup d JOIN region r ON r.code = d.region_code
          WHERE d.version_id = @prev AND r.level IN ('NATION', 'PROVINCE', 'REGENCY')`]
      : []),
    `CREATE TEMP TABLE d_trans AS
     SELECT COALESCE(pv, nv) AS vid, COALESCE(pd, 0) AS from_desil, COALESCE(nd, 0) AS to_desil, COUNT(*) AS families FROM (
       SELECT MAX(CASE WHEN side = -1 THEN vid END) AS pv, MAX(CASE WHEN side = -1 THEN desil END) AS pd,
              MAX(CASE WHEN side = 1 THEN vid END) AS nv, MAX(CASE WHEN side = 1 THEN desil END) AS nd
       FROM a_state GROUP BY family_id)${d.alias}
     GROUP BY 1, 2, 3
     ${incremental ? `UNION ALL SELECT vid, desil, desil, -COUNT(*) FROM a_state WHERE side = -1 GROUP BY vid, desil` : ''}`,
    ...(['regency', 'province', 'nation'] as const).map((level) =>
      addLevelDelta(t, 'd_trans', level, 'from_desil, to_desil', 'SUM(families)', 'SUM(families) <> 0', dialect)),
    ...finishRollups([t], incremental, dialect),
  ];
}

/** Entries into and exits from programs at this version, at every level (village of the family in the version). */
export function churnRollupInserts(dialect: SqlDialect = 'sqlite'): string[] {
  const d = DIALECTS[dialect];
  const levels = ['village_code', 'district_code', 'regency_code', 'province_code', "'ID'"];
  return [
    `CREATE TEMP TABLE f_churn AS
     SELECT r.code AS village_code, r.parent_code AS district_code, r.regency_code, r.province_code,
            m.program_code, m.direction, m.reason, COUNT(*) AS units
     FROM (
       SELECT e.program_code, 'ENTRY' AS direction, ${d.text('e.start_reason')} AS reason, e.family_id, @v AS at FROM enrollment e
       WHERE ${d.enrollmentChangedAt('start_version_id')} AND @v > 1
       UNION ALL
       SELECT e.program_code, 'EXIT', ${d.text('e.end_reason')}, e.family_id, @v - 1 FROM enrollment e
       WHERE ${d.enrollmentChangedAt('end_version_id')}
     ) m JOIN family f ON f.id = m.family_id
     LEFT JOIN family_state s ON s.family_id = m.family_id AND ${stateInForce('s', 'm.at')}
     JOIN region r ON r.code = COALESCE(s.village_code, f.village_code)
     GROUP BY r.code, r.parent_code, r.regency_code, r.province_code, m.program_code, m.direction, m.reason`,
    ...levels.map(
      (col) => `INSERT INTO churn_rollup (version_id, region_code, program_code, direction, reason, units)
       SELECT @v, ${col}, program_code, direction, reason, SUM(units) FROM f_churn GROUP BY ${d.groupBy(col, 'program_code', 'direction', 'reason')}`,
    ),
  ];
}

/** Proposals submitted in this version, by status, with the median turnaround of decided ones. */
export function proposalRollupInserts(dialect: SqlDialect = 'sqlite'): string[] {
  const d = DIALECTS[dialect];
  const days = d.days('p.submitted_at', 'p.decided_at');
  const select = (regionExpr: string) => `
    INSERT INTO proposal_rollup (version_id, region_code, kind, path, status, proposals, median_days_to_decision)
    SELECT @v, g, kind, path, status, COUNT(*),
           AVG(CASE WHEN days IS NOT NULL AND rn IN ((decided + 1) / 2, (decided + 2) / 2) THEN days END)
    FROM (
      SELECT ${regionExpr} AS g, p.kind, p.path, p.status,
             ${days} AS days,
             ROW_NUMBER() OVER (PARTITION BY ${regionExpr}, p.kind, p.path, p.status ORDER BY p.decided_at IS NULL, ${days}) AS rn,
             COUNT(p.decided_at) OVER (PARTITION BY ${regionExpr}, p.kind, p.path, p.status) AS decided
      FROM proposal p JOIN region r ON r.code = p.regency_code
      WHERE p.submitted_version_id = @v
    )${d.alias} GROUP BY g, kind, path, status`;
  return [select('r.code'), select('r.province_code'), select("'ID'")];
}
