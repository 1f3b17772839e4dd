/**
 * Desil transitions of families between two DTSEN versions (any two, not only consecutive ones), for a region at
 * any level: how many families moved from each desil to each desil, with 0 = not in DTSEN at that version (families
 * entering or leaving the registry). The counting is one SQL statement grouped by (from desil, to desil); the
 * 11 x 11 matrix and its row shares come from the pure `transitionMatrix` (domain/trends.ts).
 *
 * A family belongs to the region of the village of its DTSEN state at the from-version, or, when it had none then
 * (it entered the registry), of its state at the to-version. Families in DTSEN at neither version are not counted,
 * so `counts[0][0]` is always 0.
 *
 * Between a published version and the one before it, for the nation, a province or a kabupaten/kota, the matrix is
 * read from `transition_rollup` (written when the version was published, same definition); everything else is
 * counted on the base tables. The same statements run on SQLite and PostgreSQL (db/sql-runner.ts).
 */
import { query, queryOne, runSteps, runStepsSync, type SqlRunner, type SqlSteps } from '../../db/sql-runner.js';
import type { SqliteDatabase } from '../../db/sqlite.js';
import { stateInForce } from '../../db/temporal-sql.js';
import { transitionMatrix, type TransitionMatrix } from '../../domain/trends.js';

export type TransitionsErrorCode = 'UNKNOWN_REGION' | 'UNKNOWN_VERSION' | 'INVALID_VERSION_ORDER';

/** A transition matrix that cannot be computed for the given arguments. */
export class TransitionsError extends Error {
  override readonly name = 'TransitionsError';
  constructor(readonly code: TransitionsErrorCode, message: string) {
    super(message);
  }
}

export interface DesilTransitionsOptions {
  /** Region at any level: "ID" (default), a province, kabupaten/kota, kecamatan or desa/kelurahan code. */
  regionCode?: string;
  fromVersionId: number;
  /** Must be later than `fromVersionId`. */
  toVersionId: number;
  /** 'auto' (default): the rollup when it covers the question, else the base tables; 'base-tables': always count. */
  source?: 'auto' | 'base-tables';
}

/** Where a matrix was read from. */
export type TransitionsSource = 'ROLLUP' | 'BASE_TABLES';

export interface DesilTransitions extends TransitionMatrix {
  regionCode: string;
  fromVersionId: number;
  toVersionId: number;
  source: TransitionsSource;
}

type RegionLevel = 'NATION' | 'PROVINCE' | 'REGENCY' | 'DISTRICT' | 'VILLAGE';

/** Levels `transition_rollup` is kept for. */
const ROLLUP_LEVELS: ReadonlySet<RegionLevel> = new Set(['NATION', 'PROVINCE', 'REGENCY']);

/**
 * Families by (desil at the from-version, desil at the to-version) in a region; desil 0 = not in DTSEN. Synchronous,
 * on a SQLite connection (scripts, benchmarks, specs); the API uses {@link countDesilTransitions} on either engine.
 */
export function desilTransitions(db: SqliteDatabase, options: DesilTransitionsOptions): DesilTransitions {
  return runStepsSync(db, transitionSteps(options));
}

/** {@link desilTransitions} on either engine. */
export function countDesilTransitions(sql: SqlRunner, options: DesilTransitionsOptions): Promise<DesilTransitions> {
  return runSteps(sql, transitionSteps(options));
}

function* transitionSteps(options: DesilTransitionsOptions): SqlSteps<DesilTransitions> {
  const { fromVersionId, toVersionId } = options;
  const regionCode = options.regionCode ?? 'ID';
  const versions = [fromVersionId, toVersionId].every(Number.isInteger)
    ? yield* query<{ id: number; status: string }>('SELECT id, status FROM dtsen_version WHERE id IN (?, ?)', [fromVersionId, toVersionId])
    : [];
  for (const id of [fromVersionId, toVersionId]) {
    if (!versions.some((v) => v.id === id)) throw new TransitionsError('UNKNOWN_VERSION', `unknown DTSEN version ${id}`);
  }
  if (fromVersionId >= toVersionId) {
    throw new TransitionsError('INVALID_VERSION_ORDER', `the from-version (${fromVersionId}) must be earlier than the to-version (${toVersionId})`);
  }
  const region = yield* queryOne<{ level: RegionLevel }>('SELECT level FROM region WHERE code = ?', [regionCode]);
  if (!region) throw new TransitionsError('UNKNOWN_REGION', `unknown region ${regionCode}`);

  const published = versions.find((v) => v.id === toVersionId)!.status === 'PUBLISHED';
  if ((options.source ?? 'auto') === 'auto' && published && toVersionId === fromVersionId + 1 && ROLLUP_LEVELS.has(region.level)) {
    const rows = yield* query<{ from: number; to: number; count: number }>(
      'SELECT from_desil AS "from", to_desil AS "to", families AS count FROM transition_rollup WHERE version_id = ? AND region_code = ?',
      [toVersionId, regionCode],
    );
    return { regionCode, fromVersionId, toVersionId, source: 'ROLLUP', ...transitionMatrix(rows) };
  }
  const rows = yield* query<{ from: number; to: number; count: number }>(transitionsSql(region.level), {
    a: fromVersionId, b: toVersionId, r: regionCode, lo: `${regionCode}.`, hi: `${regionCode}/`,
  });
  return { regionCode, fromVersionId, toVersionId, source: 'BASE_TABLES', ...transitionMatrix(rows) };
}


/**
 * The statement for a region level (parameters @a = from-version, @b = to-version, @r = region code, [@lo, @hi) =
 * the range of village codes below a province, regency or district; a region below the nation selects its states
 * on the village_code index).
 * - Families in force at @a, read once: when that state is still in force at @b it is also the state at @b;
 *   otherwise the state at @b (if any; none = leaving, 0) is looked up through family_state(family_id,
 *   valid_from_version_id), a LEFT JOIN whose guard skips the lookup for unchanged states.
 * - Families entering: a state in force at @b with none at @a must have begun after @a (a state begun at or before @a
 *   and still in force at @b would be in force at @a), so only those states are read, each checked for a state at
 *   @a through the same index (LEFT JOIN ... IS NULL).
 */
function transitionsSql(level: RegionLevel): string {
  const inRegion = (col: string) =>
    level === 'NATION' ? '1 = 1' : level === 'VILLAGE' ? `${col} = @r` : `${col} >= @lo AND ${col} < @hi`;
  const unchanged = 'a.valid_to_version_id IS NULL OR a.valid_to_version_id > @b';
  return `SELECT "from", "to", COUNT(*) AS count FROM (
      SELECT a.desil AS "from", CASE WHEN ${unchanged} THEN a.desil ELSE COALESCE(b.desil, 0) END AS "to"
      FROM family_state a
      LEFT JOIN family_state b ON NOT (${unchanged}) AND b.family_id = a.family_id AND ${stateInForce('b', '@b')}
      WHERE ${stateInForce('a', '@a')} AND ${inRegion('a.village_code')}
      UNION ALL
      SELECT 0, e.desil
      FROM family_state e
      LEFT JOIN family_state p ON p.family_id = e.family_id AND ${stateInForce('p', '@a')}
      WHERE e.valid_from_version_id > @a AND ${stateInForce('e', '@b')} AND ${inRegion('e.village_code')} AND p.family_id IS NULL
    ) t GROUP BY "from", "to"`;
}
