/**
 * Publishing a DTSEN version: computes all its rollups in SQL and marks it PUBLISHED, in one transaction, so no
 * reader ever sees a half-built version. Only the new version is computed, incrementally when that pays
 * (publish.sql.ts): the families whose facts changed are recounted at the previous and the new version, and the
 * difference is added to a copy of the previous version's rollups. The first version, a version where more than
 * INCREMENTAL_MAX_CHANGED_SHARE of the families changed, or `mode: 'full'` counts every family.
 * Publishing a version that is already published is a no-op (its rollups are immutable, enforced by triggers);
 * a publish killed half-way left nothing behind, so it can simply be re-run. Versions are published in order.
 */
import type { SqliteDatabase } from '../../db/sqlite.js';
import { versionYear } from '../../domain/versions.js';
import {
  PER_VERSION_ROLLUPS, ROLLUPS, churnRollupInserts, copyPrevious, cubeStatements, deltaStatements, dirtyStatements, dropTemps,
  dropZeros, previousStatesStatement, proposalRollupInserts, setupStatements, sideStatements, TRANSITION_ROLLUP,
  transitionStatements, warmQueries, QUOTA_RECIPIENT_ROLLUP, quotaRecipientStatements,
} from './publish.sql.js';

export type PublishMode = 'auto' | 'full' | 'incremental';

/**
 * 'auto' publishes incrementally only when at most this share of the families changed. Recounting a changed family
 * (twice, through index lookups) costs several times what counting it in a full scan does, plus the copy of the
 * previous rollups: at scale 0.01 incremental won with 20-22 % changed and lost with 29 % (a new calendar year, when
 * every member crossing an age threshold changes its family), see `pnpm bench:analytics`.
 */
export const INCREMENTAL_MAX_CHANGED_SHARE = 0.25;

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
  const started = performance.now();
  const version = findVersion(db, versionId);
  if (version.status === 'PUBLISHED') throw new VersionPublishedError(`DTSEN version ${versionId} is published and immutable`);
  const previous = db.prepare('SELECT id, label, status FROM dtsen_version WHERE id < ? ORDER BY id DESC LIMIT 1').get(versionId) as
    | { id: number; label: string; status: string }
    | undefined;
  if (previous && previous.status !== 'PUBLISHED') {
    throw new VersionOrderError(`DTSEN version ${previous.id} (${previous.label}) must be published before version ${versionId}`);
  }
  const year = versionYear(version.label);
  const run = new StepRunner(db, { v: versionId, prev: previous?.id ?? 0 });

  for (const table of ROLLUP_TABLES) db.prepare(`DELETE FROM ${table} WHERE version_id = ?`).run(versionId);
  run.all('setup', [...dropTemps, ...setupStatements]);
  let familiesCounted = 0;
  let incremental = mode !== 'full' && previous !== undefined;
  if (incremental && previous) {
    run.all('find changed families', dirtyStatements(versionYear(previous.label), year));
    familiesCounted = (db.prepare('SELECT COUNT(*) AS n FROM temp.f_dirty').get() as { n: number }).n;
    const families = (db.prepare('SELECT COUNT(*) AS n FROM family').get() as { n: number }).n;
    if (mode === 'auto' && familiesCounted > INCREMENTAL_MAX_CHANGED_SHARE * families) incremental = false;
  }
  if (incremental && previous) {
    run.reads('warm page cache', warmQueries());
    run.all('count changed at previous', sideStatements('dirty'), { at: previous.id, year: versionYear(previous.label), sign: -1 });
    run.all('count changed at version', sideStatements('dirty'), { at: versionId, year, sign: 1 });
    run.all('copy previous rollups', Object.values(ROLLUPS).map(copyPrevious));
  } else {
    run.all('count families', sideStatements('all'), { at: versionId, year, sign: 1 });
    familiesCounted = (db.prepare('SELECT COALESCE(SUM(families), 0) AS n FROM temp.a_fam').get() as { n: number }).n;
  }
  run.all('cube', cubeStatements);
  for (const [table, statements] of Object.entries(deltaStatements())) run.all(`${table} rollup`, statements);
  if (incremental) run.all('drop zero rows', Object.values(ROLLUPS).map(dropZeros));
  if (previous) {
    if (!incremental) run.all('previous states', [previousStatesStatement]);
    run.all('transition rollup', transitionStatements(incremental));
  }
  run.all('quota recipients', quotaRecipientStatements(incremental));
  run.all('churn rollup', churnRollupInserts());
  run.all('proposal rollup', proposalRollupInserts());
  run.all('cleanup', dropTemps);

  const rows: Record<string, number> = {};
  for (const table of ROLLUP_TABLES) {
    rows[table] = (db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE version_id = ?`).get(versionId) as { n: number }).n;
  }
  return {
    versionId, method: incremental ? 'incremental' : 'full', familiesCounted, rows, steps: run.steps,
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

/** Calendar year of a version label ("2025-Q2"), the reference year for ages. */

type Params = Record<string, number>;

/** Runs statements with the parameters each one names, timing each step. */
class StepRunner {
  readonly steps: Record<string, number> = {};

  constructor(
    private readonly db: SqliteDatabase,
    private readonly params: Params,
  ) {}

  /** Statements that only read (run for their effect on the page cache). */
  reads(step: string, sqls: readonly string[]): void {
    const t = performance.now();
    for (const sql of sqls) this.db.prepare(sql).get();
    this.steps[step] = (this.steps[step] ?? 0) + (performance.now() - t) / 1000;
  }

  all(step: string, sqls: readonly string[], extra: Params = {}): void {
    const t = performance.now();
    const params = { ...this.params, ...extra };
    for (const sql of sqls) this.db.prepare(sql).run(pick(sql, params));
    this.steps[step] = (this.steps[step] ?? 0) + (performance.now() - t) / 1000;
  }
}

/** better-sqlite3 rejects named parameters a statement does not use: pass only the ones it names. */
function pick(sql: string, params: Params): Params {
  const out: Params = {};
  for (const [name, value] of Object.entries(params)) if (new RegExp(`@${name}\\b`).test(sql)) out[name] = value;
  return out;
}
