/**
 * Publishing a DTSEN version on PostgreSQL: the same plan and the same SQL as on SQLite (`rollupPlan`, publish.sql.ts
 * in its PostgreSQL dialect), incremental or full alike, run over one node-postgres connection in ONE transaction,
 * which also marks the version PUBLISHED: atomic (a failure leaves the version a draft with no rollup rows),
 * re-runnable, versions in order, a no-op on a published version.
 *
 * One publication at a time per database: the transaction takes the advisory lock {@link PUBLISH_LOCK}
 * (`pg_try_advisory_xact_lock`) and fails with PublishInProgressError when another session holds it, whichever process
 * that is (a server, the CLI, a benchmark). The version row is locked (FOR UPDATE) for the same reason.
 *
 * The SQL differs from SQLite's only where the engines do (publish.sql.ts, `Dialect`). On both, the additive rollups
 * are staged in temporary tables and each final row written once at the end (`finishRollups`): every row written to
 * a rollup table fires its immutability trigger and updates its primary key. The triggers stay on (switching them off
 * would lock readers out until the commit).
 *
 * The session is tuned for a few large aggregations: scratch tables are temporary (no WAL) with a larger local buffer
 * pool, `work_mem` lets hash joins and aggregates stay in memory, and JIT compilation (LLVM for statements that run
 * once) is off. Scans of the base tables outside INSERT may run in parallel with {@link PUBLISH_PARALLEL_WORKERS}
 * workers (finding the changed families, the flags and enrollments in force, the churn); PostgreSQL 15 runs neither
 * `INSERT ... SELECT` nor statements reading temporary tables in parallel, which is most of the counting.
 */
import type pg from 'pg';
import {
  type OpResult, type PublishMode, type PublishOptions, type PublishResult, PublishInProgressError, type RollupBuild, rollupPlan,
  VersionNotFoundError,
} from './publish.service.js';

/** Key of the advisory lock a publication holds for its transaction (any constant shared by every publisher). */
export const PUBLISH_LOCK = 0x4154_4c53; // "ATLS"

/** Parallel workers per gathered scan while publishing (PostgreSQL's default; the scans that can use them are few). */
export const PUBLISH_PARALLEL_WORKERS = 2;

/** Session settings of a publication (SET LOCAL: they end with its transaction). */
const SESSION_SETTINGS: Record<string, string> = {
  work_mem: '256MB',
  max_parallel_workers_per_gather: String(PUBLISH_PARALLEL_WORKERS),
  jit: 'off',
};

/**
 * Local buffers of the temporary tables, per session. PostgreSQL accepts a change only before the session's first
 * temporary table, so it is set once per connection, outside the transaction, and a refusal is ignored.
 */
const TEMP_BUFFERS = '512MB';

/** Publishes a DRAFT version on PostgreSQL (see the module comment). `client` must not be inside a transaction. */
export async function publishVersionPostgres(client: pg.ClientBase, versionId: number, options: PublishOptions = {}): Promise<PublishResult> {
  const started = performance.now();
  await client.query(`SET temp_buffers = '${TEMP_BUFFERS}'`).catch(() => undefined);
  await client.query('BEGIN');
  try {
    const { rows: locked } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS ok', [PUBLISH_LOCK]);
    if (!locked[0]?.ok) throw new PublishInProgressError('Another DTSEN version is being published on this database');
    const { rows } = await client.query<{ status: string }>('SELECT status FROM dtsen_version WHERE id = $1 FOR UPDATE', [versionId]);
    if (!rows[0]) throw new VersionNotFoundError(`DTSEN version ${versionId} does not exist`);
    if (rows[0].status === 'PUBLISHED') {
      await client.query('ROLLBACK');
      return { versionId, alreadyPublished: true, seconds: 0 };
    }
    for (const [name, value] of Object.entries(SESSION_SETTINGS)) await client.query(`SET LOCAL ${name} = '${value}'`);
    const build = await buildRollupsPostgres(client, versionId, options.mode ?? 'auto');
    await client.query("UPDATE dtsen_version SET status = 'PUBLISHED', published_at = $1 WHERE id = $2", [
      (options.publishedAt ?? new Date()).toISOString(), versionId,
    ]);
    await client.query('COMMIT');
    return { ...build, alreadyPublished: false, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * Writes every rollup of a draft version in the caller's transaction (PostgreSQL): drives `rollupPlan` over `client`.
 * Throws VersionNotFoundError, VersionPublishedError or VersionOrderError like the SQLite path.
 */
export async function buildRollupsPostgres(client: pg.ClientBase, versionId: number, mode: PublishMode = 'auto'): Promise<RollupBuild> {
  const plan = rollupPlan(versionId, mode, 'postgresql');
  let step = plan.next();
  while (!step.done) {
    const op = step.value;
    const t = performance.now();
    const result: OpResult = { rows: [], seconds: 0 };
    if (op.kind === 'rows') result.rows = (await client.query(bindLiterals(op.sql, op.params))).rows as OpResult['rows'];
    else if (op.kind === 'reads') for (const sql of op.sqls) await client.query(sql);
    else for (const sql of op.sqls) await client.query(bindLiterals(sql, op.params));
    result.seconds = (performance.now() - t) / 1000;
    step = plan.next(result);
  }
  return step.value;
}

/**
 * The plan's `@name` parameters written into the statement as integer literals. They are all integers the plan
 * computed (versions, years, signs), checked here, so nothing from outside reaches the SQL text; literals let the
 * planner see the actual versions (and statements carry no parameter list, so one query can hold several).
 */
export function bindLiterals(sql: string, params: Record<string, number>): string {
  return sql.replace(/@([a-z]\w*)\b/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`publishing SQL names @${name}, which the plan does not set`);
    if (!Number.isSafeInteger(value)) throw new Error(`publishing parameter @${name} must be an integer, got ${value}`);
    return value < 0 ? `(${value})` : String(value);
  });
}
