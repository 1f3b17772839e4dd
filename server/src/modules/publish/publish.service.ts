/**
 * Publishing a DTSEN version: computes all its rollups in SQL and marks it PUBLISHED, in one transaction, so no
 * reader ever sees a half-built version. The steps are one plan for both engines ({@link rollupPlan}), run here on
 * SQLite and by `publish.postgres.ts` on PostgreSQL, over the SQL of publish.sql.ts in each engine's dialect. Only
 * the new version is computed, incrementally when that pays (publish.sql.ts): the families whose facts changed are
 * recounted at the previous and the new version, and the difference is added to a copy of the previous version's
 * rollups. The first version, a version where more than
 * INCREMENTAL_MAX_CHANGED_SHARE of the families changed, or `mode: 'full'` counts every family.
 * Publishing a version that is already published is a no-op (its rollups are immutable, enforced by triggers);
 * a publish killed half-way left nothing behind, so it can simply be re-run. Versions are published in order.
 */
import type { SqliteDatabase } from '../../db/sqlite.js';
import { versionYear } from '../../domain/versions.js';
import {
  PER_VERSION_ROLLUPS, ROLLUPS, churnRollupInserts, copyPrevious, cubeStatements, deltaStatements, dirtyStatements, dropTemps,
  finishRollups, previousStatesStatement, proposalRollupInserts, setupStatements, sideStatements, type SqlDialect, TRANSITION_ROLLUP,
  transitionStatements, warmQueries, QUOTA_RECIPIENT_ROLLUP, quotaRecipientStatements,
} from './publish.sql.js';

export type PublishMode = 'auto' | 'full' | 'incremental';

/**
 * 'auto' publishes incrementally only when at most this share of the families changed. Recounting a changed family
 * (twice, through index lookups) costs several times what counting it in a full scan does, while writing the
 * version's rollup rows costs the same either way. Measured at scale 0.01 (`pnpm bench:analytics`, and the same plan
 * on PostgreSQL), with 20-22 % of the families changed and with 29 % (a new calendar year, when every member crossing
 * an age threshold changes its family):
 * - SQLite: full 23-25 s; incremental 13-14 s and 17.3 s: about 4.7 s plus 45 ms per thousand changed families, so
 *   the two meet near 45 %.
 * - PostgreSQL: full 42 s; incremental 34-39 s and 38.6 s, its two recounts 12.6-13.9 s and 15.2 s: they meet near
 *   40 %.
 */
export const INCREMENTAL_MAX_CHANGED_SHARE = 0.4;

export interface PublishOptions {
  /** Publication time recorded on the version (default now). */
  publishedAt?: Date;
  /**
   * 'auto' (default): incremental from the previous version when there is one and few enough families changed
   * (INCREMENTAL_MAX_CHANGED_SHARE), else full; 'incremental': whenever there is a previous version; 'full': always.
   */
  mode?: PublishMode;
}

export interface RollupBuild {
  versionId: number;
  /** How the rollups were computed. */
  method: 'full' | 'incremental';
  /** Families recounted: all of them (full) or those whose facts changed at this version (incremental). */
  familiesCounted: number;
  /** Rows of this version per rollup table. */
  rows: Record<string, number>;
  /** Seconds per step, for the benchmark. */
  steps: Record<string, number>;
  seconds: number;
}

export interface PublishResult extends Partial<RollupBuild> {
  versionId: number;
  alreadyPublished: boolean;
  seconds: number;
}

export class VersionNotFoundError extends Error {
  override readonly name = 'VersionNotFoundError';
  readonly code = 'VERSION_NOT_FOUND';
}

export class VersionPublishedError extends Error {
  override readonly name = 'VersionPublishedError';
  readonly code = 'VERSION_PUBLISHED';
}

export class VersionOrderError extends Error {
  override readonly name = 'VersionOrderError';
  readonly code = 'VERSION_ORDER';
}

/** Another publication holds the database's publishing lock (PostgreSQL: one publication at a time per database). */
export class PublishInProgressError extends Error {
  override readonly name = 'PublishInProgressError';
  readonly code = 'PUBLISH_IN_PROGRESS';
}

export const ROLLUP_TABLES = [
  ...Object.values(ROLLUPS).map((t) => t.name), TRANSITION_ROLLUP.name, QUOTA_RECIPIENT_ROLLUP, ...PER_VERSION_ROLLUPS,
];

export function publishVersionSqlite(db: SqliteDatabase, versionId: number, options: PublishOptions = {}): PublishResult {
  const started = performance.now();
  if (findVersion(db, versionId).status === 'PUBLISHED') return { versionId, alreadyPublished: true, seconds: 0 };
  const build = withLargeCache(db, () =>
    db.transaction(() => {
      const result = buildRollupsSqlite(db, versionId, options.mode ?? 'auto');
      db.prepare("UPDATE dtsen_version SET status = 'PUBLISHED', published_at = ? WHERE id = ?")
        .run((options.publishedAt ?? new Date()).toISOString(), versionId);
      return result;
    })(),
  );
  return { ...build, alreadyPublished: false, seconds: (performance.now() - started) / 1000 };
}

/**
 * Writes every rollup of a draft version, replacing any rows it had. Runs in the caller's transaction (publishing,
 * or the benchmark, which rolls back to time both methods on the same version).
 */
export function buildRollupsSqlite(db: SqliteDatabase, versionId: number, mode: PublishMode = 'auto'): RollupBuild {
  const plan = rollupPlan(versionId, mode, 'sqlite');
  let step = plan.next();
  while (!step.done) {
    const op = step.value;
    const t = performance.now();
    let rows: Row[] = [];
    if (op.kind === 'rows') rows = db.prepare(op.sql).all(pick(op.sql, op.params)) as Row[];
    else if (op.kind === 'reads') for (const sql of op.sqls) db.prepare(sql).get();
    else for (const sql of op.sqls) db.prepare(sql).run(pick(sql, op.params));
    step = plan.next({ rows, seconds: (performance.now() - t) / 1000 });
  }
  return step.value;
}

/** A row a plan reads. */
export type Row = Record<string, unknown>;

/**
 * One database step of {@link rollupPlan}: statements to run (`exec`), to run only for their effect on the page cache
 * (`reads`), or one query whose rows the plan needs (`rows`). Parameters are named `@name`, all integers.
 */
export type PlanOp =
  | { kind: 'exec'; step: string; sqls: readonly string[]; params: Params }
  | { kind: 'reads'; step: string; sqls: readonly string[] }
  | { kind: 'rows'; sql: string; params: Params };

/** What the driver hands back for an op: the rows (of a `rows` op) and how long it took. */
export interface OpResult {
  rows: Row[];
  seconds: number;
}

/**
 * The publication of a version as a sequence of database steps, the same for both engines: the driver runs each op
 * (synchronously on SQLite, {@link buildRollupsSqlite}; asynchronously on PostgreSQL, `publish.postgres.ts`) and
 * sends back its rows. Checks the version is a draft and the previous one is published, decides full or incremental,
 * and returns the build's figures.
 */
export function* rollupPlan(versionId: number, mode: PublishMode, dialect: SqlDialect): Generator<PlanOp, RollupBuild, OpResult> {
  const started = performance.now();
  const steps: Record<string, number> = {};
  const base: Params = { v: versionId };
  function* exec(step: string, sqls: readonly string[], extra: Params = {}): Generator<PlanOp, void, OpResult> {
    const { seconds } = yield { kind: 'exec', step, sqls, params: { ...base, ...extra } };
    steps[step] = (steps[step] ?? 0) + seconds;
  }
  function* rows(sql: string, params: Params = {}): Generator<PlanOp, Row[], OpResult> {
    return (yield { kind: 'rows', sql, params: { ...base, ...params } }).rows;
  }
  function* count(sql: string, params: Params = {}): Generator<PlanOp, number, OpResult> {
    return Number((yield* rows(sql, params))[0]?.n ?? 0);
  }

  const [version] = (yield* rows('SELECT label, status FROM dtsen_version WHERE id = @v')) as Array<{ label: string; status: string }>;
  if (!version) throw new VersionNotFoundError(`DTSEN version ${versionId} does not exist`);
  if (version.status === 'PUBLISHED') throw new VersionPublishedError(`DTSEN version ${versionId} is published and immutable`);
  const [previous] = (yield* rows('SELECT id, label, status FROM dtsen_version WHERE id < @v ORDER BY id DESC LIMIT 1')) as Array<{
    id: number; label: string; status: string;
  }>;
  if (previous && previous.status !== 'PUBLISHED') {
    throw new VersionOrderError(`DTSEN version ${previous.id} (${previous.label}) must be published before version ${versionId}`);
  }
  const year = versionYear(version.label);
  base.prev = previous?.id ?? 0;

  yield* exec('clear', ROLLUP_TABLES.map((table) => `DELETE FROM ${table} WHERE version_id = @v`));
  yield* exec('setup', [...dropTemps(dialect), ...setupStatements(dialect)]);
  let familiesCounted = 0;
  let incremental = mode !== 'full' && previous !== undefined;
  if (incremental && previous) {
    yield* exec('find changed families', dirtyStatements(versionYear(previous.label), year, dialect));
    familiesCounted = yield* count('SELECT COUNT(*) AS n FROM f_dirty');
    const families = yield* count('SELECT COUNT(*) AS n FROM family');
    if (mode === 'auto' && familiesCounted > INCREMENTAL_MAX_CHANGED_SHARE * families) incremental = false;
  }
  if (incremental && previous) {
    const warm = warmQueries(dialect);
    if (warm.length > 0) {
      const { seconds } = yield { kind: 'reads', step: 'warm page cache', sqls: warm };
      steps['warm page cache'] = seconds;
    }
    yield* exec('count changed at previous', sideStatements('dirty', dialect), { at: previous.id, year: versionYear(previous.label), sign: -1 });
    yield* exec('count changed at version', sideStatements('dirty', dialect), { at: versionId, year, sign: 1 });
    yield* exec('copy previous rollups', Object.values(ROLLUPS).map((t) => copyPrevious(t)));
  } else {
    yield* exec('count families', sideStatements('all', dialect), { at: versionId, year, sign: 1 });
    familiesCounted = yield* count('SELECT COALESCE(SUM(families), 0) AS n FROM a_fam');
  }
  yield* exec('cube', cubeStatements(dialect));
  for (const [table, statements] of Object.entries(deltaStatements(dialect))) yield* exec(`${table} rollup`, statements);
  yield* exec('write rollups', finishRollups(Object.values(ROLLUPS), incremental, dialect));
  if (previous) {
    if (!incremental) yield* exec('previous states', [previousStatesStatement(dialect)]);
    yield* exec('transition rollup', transitionStatements(incremental, dialect));
  }
  yield* exec('quota recipients', quotaRecipientStatements(incremental, dialect));
  yield* exec('churn rollup', churnRollupInserts(dialect));
  yield* exec('proposal rollup', proposalRollupInserts(dialect));
  yield* exec('cleanup', dropTemps(dialect));

  const rowCounts: Record<string, number> = {};
  for (const table of ROLLUP_TABLES) rowCounts[table] = yield* count(`SELECT COUNT(*) AS n FROM ${table} WHERE version_id = @v`);
  return {
    versionId, method: incremental ? 'incremental' : 'full', familiesCounted, rows: rowCounts, steps,
    seconds: (performance.now() - started) / 1000,
  };
}

/** SQLite page cache while publishing (KiB; allocated only as pages are read). */
export const PUBLISH_CACHE_KIB = 2 * 1024 * 1024;

/**
 * Runs `fn` with a page cache of up to PUBLISH_CACHE_KIB: publishing revisits the same index and table pages many
 * times, and the operating system's page cache cannot be relied on to keep them (on the benchmark VMs it is
 * reclaimed within seconds). The connection's own setting is restored afterwards.
 */
export function withLargeCache<T>(db: SqliteDatabase, fn: () => T): T {
  const previous = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = -${PUBLISH_CACHE_KIB}`);
  try {
    return fn();
  } finally {
    db.pragma(`cache_size = ${previous}`);
  }
}

function findVersion(db: SqliteDatabase, versionId: number): { label: string; status: string } {
  const version = db.prepare('SELECT label, status FROM dtsen_version WHERE id = ?').get(versionId) as
    | { label: string; status: string }
    | undefined;
  if (!version) throw new VersionNotFoundError(`DTSEN version ${versionId} does not exist`);
  return version;
}

type Params = Record<string, number>;

/** better-sqlite3 rejects named parameters a statement does not use: pass only the ones it names. */
function pick(sql: string, params: Params): Params {
  const out: Params = {};
  for (const [name, value] of Object.entries(params)) if (new RegExp(`@${name}\\b`).test(sql)) out[name] = value;
  return out;
}
