/**
 * "The raw SQL it runs": records every SQL statement one GraphQL operation sends to the database (Prisma's query
 * events and the direct better-sqlite3 connection alike), then replays exactly those statements with their
 * parameters on a plain connection and times them: better-sqlite3 for SQLite, a `pg` client for PostgreSQL (where the
 * raw SQL of `db/sql-runner.ts` goes through Prisma, so its query events hold every statement). The API benchmark
 * divides the API's latency by this time, measured in the same run on the same database.
 */
import type pg from 'pg';
import type { SqliteDatabase } from '../db/sqlite.js';

export interface CapturedStatement {
  sql: string;
  params: unknown[] | Record<string, unknown>;
  via: 'prisma' | 'sqlite';
}

/** Collects statements while `recording` is true. */
export class StatementRecorder {
  recording = false;
  readonly statements: CapturedStatement[] = [];

  record(statement: CapturedStatement): void {
    if (this.recording) this.statements.push(statement);
  }

  /** Runs `fn` with recording on and returns the statements it issued. */
  async capture(fn: () => Promise<unknown>): Promise<CapturedStatement[]> {
    this.statements.length = 0;
    this.recording = true;
    try {
      await fn();
    } finally {
      this.recording = false;
    }
    return [...this.statements];
  }
}

/** The methods that execute a statement (`raw`, `pluck`, `expand` only change its mode and return it). */
const RUN_METHODS = new Set(['all', 'get', 'run', 'iterate']);

/** Where {@link instrumentSqlite} reports executions: a {@link StatementRecorder}, or a counter (the test harness). */
export interface StatementSink {
  record(statement: CapturedStatement): void;
}

/**
 * A better-sqlite3 connection whose prepared statements report each execution (SQL and bound parameters) to the
 * sink. Everything else passes through unchanged.
 */
export function instrumentSqlite(db: SqliteDatabase, recorder: StatementSink): SqliteDatabase {
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === 'prepare') {
        // The generation check (`app.ts`) is the server's bookkeeping, not an operation's SQL: counted in API time.
        return (sql: string) => (sql === 'PRAGMA data_version' ? target.prepare(sql) : wrapStatement(target.prepare(sql), sql, recorder));
      }
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function wrapStatement<T extends object>(statement: T, sql: string, recorder: StatementSink): T {
  return new Proxy(statement, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      const method = value as (...a: unknown[]) => unknown;
      if (typeof prop === 'string' && RUN_METHODS.has(prop)) {
        return (...args: unknown[]) => {
          recorder.record({ sql, params: normaliseArgs(args), via: 'sqlite' });
          return method.apply(target, args);
        };
      }
      // raw()/pluck()/expand() return the statement itself: keep the wrapper.
      return (...args: unknown[]) => {
        const result = method.apply(target, args);
        return result === target ? receiver : result;
      };
    },
  });
}

function normaliseArgs(args: unknown[]): unknown[] | Record<string, unknown> {
  if (args.length === 1 && args[0] !== null && typeof args[0] === 'object' && !Array.isArray(args[0])) {
    return args[0] as Record<string, unknown>;
  }
  return args.flat();
}

/** Prisma's `query` event parameters (a JSON array) in the form better-sqlite3 binds. */
export function prismaParams(json: string): unknown[] {
  const parsed = JSON.parse(json) as unknown[];
  return parsed.map((value) => {
    if (typeof value === 'boolean') return value ? 1 : 0;
    return value;
  });
}

/** Prisma's `query` event parameters as node-postgres sends them (PostgreSQL infers each type from the statement). */
export function prismaParamsPostgres(json: string): unknown[] {
  return JSON.parse(json) as unknown[];
}

/** Transaction control, which a replay outside a transaction leaves out. */
const TRANSACTION_CONTROL = /^\s*(BEGIN|COMMIT|ROLLBACK|START TRANSACTION)\b/i;

export interface ReplayTiming {
  statements: number;
  /** Median and 95th percentile, in ms, of running all the statements once, one after the other. */
  p50: number;
  p95: number;
  /** Statements that could not be replayed (with the reason), e.g. a parameter type better-sqlite3 cannot bind. */
  failed: string[];
}

/**
 * Replays the statements `runs` times on `db` (statements prepared once, outside the timing, as the server's are
 * cached) and returns the distribution of the total time of one replay.
 */
export function replay(db: SqliteDatabase, statements: readonly CapturedStatement[], runs: number): ReplayTiming {
  const failed: string[] = [];
  const prepared: { run: () => unknown }[] = [];
  for (const s of statements) {
    try {
      const statement = db.prepare(s.sql);
      const reader = statement.reader;
      const params = s.params;
      const bound = Array.isArray(params) ? params : [params];
      prepared.push({ run: () => (reader ? statement.all(...bound) : statement.run(...bound)) });
      prepared[prepared.length - 1]!.run();
    } catch (error) {
      prepared.pop();
      failed.push(`${s.sql.slice(0, 80)}…: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const samples: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    for (const p of prepared) p.run();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return { statements: prepared.length, p50: percentile(samples, 0.5), p95: percentile(samples, 0.95), failed };
}

/** The q-quantile of sorted samples (nearest rank). */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index]!;
}

/**
 * {@link replay} on PostgreSQL: the statements in order on one `pg` client, each sent as the server's Prisma adapter
 * sends it (extended protocol, unnamed statement: parsed and planned on every execution, parameters untyped, rows
 * as arrays), once untimed to warm the caches, then `runs` timed replays.
 */
export async function replayPostgres(client: pg.Client, statements: readonly CapturedStatement[], runs: number): Promise<ReplayTiming> {
  const failed: string[] = [];
  const usable: CapturedStatement[] = [];
  for (const s of statements) {
    if (TRANSACTION_CONTROL.test(s.sql)) continue;
    try {
      await client.query({ text: s.sql, values: s.params as unknown[], rowMode: 'array' });
      usable.push(s);
    } catch (error) {
      failed.push(`${s.sql.slice(0, 80)}…: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const samples: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    for (const s of usable) await client.query({ text: s.sql, values: s.params as unknown[], rowMode: 'array' });
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return { statements: usable.length, p50: percentile(samples, 0.5), p95: percentile(samples, 0.95), failed };
}
