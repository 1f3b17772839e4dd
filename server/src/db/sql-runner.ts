/**
 * Engine-neutral raw SQL for the set-based statements Prisma's query API cannot express (the registry's filtered
 * walks, reallocation, transitions, reactivation): one interface over SQLite (the direct better-sqlite3 connection)
 * and PostgreSQL (Prisma's raw queries, so through the pool of its node-postgres adapter), plus the few dialect
 * differences those statements meet.
 *
 * Statements are written once, with SQLite's parameter styles: positional `?` with an array, or named `@name` with an
 * object (a name may appear many times). On PostgreSQL they become `$1, $2, ...` (a named parameter keeps one number);
 * string literals, quoted identifiers and comments are left alone. Parameters go untyped, so PostgreSQL infers each
 * from its context (an enum column compared to a text parameter works).
 *
 * Rows come back as objects keyed by the column aliases (quote mixed-case aliases: PostgreSQL folds the unquoted
 * ones to lower case). 64-bit integers (PostgreSQL's COUNT, SUM of integers, window counts; SQLite's BIGINT columns
 * read by Prisma) arrive as JavaScript numbers; a value beyond 2^53 is an error rather than a silently rounded
 * number. Write truth values as integers (`CASE WHEN ... THEN 1 ELSE 0 END`): PostgreSQL returns a comparison as a
 * boolean where SQLite returns 0/1. NULLs sort first in ascending order on SQLite and last on PostgreSQL: order by
 * columns that are never NULL, or say NULLS FIRST/LAST.
 */
import type { AtlasPrisma } from './prisma.js';
import type Database from 'better-sqlite3';
import type { SqliteDatabase } from './sqlite.js';

export type SqlDialect = 'sqlite' | 'postgresql';

/** Positional parameters for `?`, or named ones for `@name`. */
export type SqlParams = readonly unknown[] | Readonly<Record<string, unknown>>;

/** One statement and its parameters. */
export interface SqlStatement {
  sql: string;
  params?: SqlParams;
}

/** Runs raw SQL on one database. */
export interface SqlRunner {
  readonly dialect: SqlDialect;
  /** Every row of a query. */
  all<T>(sql: string, params?: SqlParams): Promise<T[]>;
  /** The first row of a query, or undefined. */
  get<T>(sql: string, params?: SqlParams): Promise<T | undefined>;
}

/** Over a better-sqlite3 connection (synchronous underneath). */
export function sqliteRunner(db: SqliteDatabase): SqlRunner {
  return {
    dialect: 'sqlite',
    all: <T>(sql: string, params?: SqlParams) => Promise.resolve(allSync<T>(db, sql, params)),
    get: <T>(sql: string, params?: SqlParams) => Promise.resolve(allSync<T>(db, sql, params)[0]),
  };
}

/** Over a Prisma client's raw queries (`$queryRawUnsafe`), for either provider; PostgreSQL gets `$n` placeholders. */
export function prismaRunner(prisma: AtlasPrisma, dialect: SqlDialect): SqlRunner {
  const all = async <T>(sql: string, params?: SqlParams): Promise<T[]> => {
    const { text, values } = positional(sql, params, dialect === 'postgresql' ? 'dollar' : 'question');
    const rows = await prisma.$queryRawUnsafe<Record<string, unknown>[]>(text, ...values);
    return rows.map(normaliseRow) as T[];
  };
  return { dialect, all, get: async <T>(sql: string, params?: SqlParams) => (await all<T>(sql, params))[0] };
}

/** Prepared statements kept per connection, by SQL text (compiling one costs as much as a small rollup read). */
const preparedStatements = new WeakMap<SqliteDatabase, Map<string, Database.Statement<unknown[]>>>();
/** Most statements kept per connection; past it the least recently used go. */
const MAX_PREPARED = 500;

/** The connection's prepared statement for `sql`, compiled on first use. */
export function prepared(db: SqliteDatabase, sql: string): Database.Statement<unknown[]> {
  let cache = preparedStatements.get(db);
  if (!cache) {
    cache = new Map();
    preparedStatements.set(db, cache);
  }
  let statement = cache.get(sql);
  if (statement) {
    cache.delete(sql);
  } else {
    statement = db.prepare<unknown[]>(sql);
    if (cache.size >= MAX_PREPARED) cache.delete(cache.keys().next().value!);
  }
  cache.set(sql, statement);
  return statement;
}

/** Every row of a query on a better-sqlite3 connection, with the runner's parameter styles. */
export function allSync<T>(db: SqliteDatabase, sql: string, params?: SqlParams): T[] {
  const statement = prepared(db, sql);
  const rows = params === undefined ? statement.all() : Array.isArray(params) ? statement.all(...(params as unknown[])) : statement.all(params);
  return rows as T[];
}

/**
 * A computation that reads the database statement by statement: it yields each statement and is resumed with its
 * rows. The same steps run synchronously on a better-sqlite3 connection ({@link runStepsSync}, for scripts and
 * benchmarks) or on any {@link SqlRunner} ({@link runSteps}, for the API on either engine).
 */
export type SqlSteps<R> = Generator<SqlStatement, R, unknown[]>;

/** Yields a statement and returns its rows: `const rows = yield* query<Row>(sql, params)`. */
export function* query<T>(sql: string, params?: SqlParams): Generator<SqlStatement, T[], unknown[]> {
  return (yield params === undefined ? { sql } : { sql, params }) as T[];
}

/** Yields a statement and returns its first row, or undefined. */
export function* queryOne<T>(sql: string, params?: SqlParams): Generator<SqlStatement, T | undefined, unknown[]> {
  return (yield* query<T>(sql, params))[0];
}

export async function runSteps<R>(runner: SqlRunner, steps: SqlSteps<R>): Promise<R> {
  let next = steps.next();
  while (!next.done) next = steps.next(await runner.all(next.value.sql, next.value.params));
  return next.value;
}

export function runStepsSync<R>(db: SqliteDatabase, steps: SqlSteps<R>): R {
  let next = steps.next();
  while (!next.done) next = steps.next(allSync(db, next.value.sql, next.value.params));
  return next.value;
}

/**
 * The statement with every parameter positional: `?` (SQLite through Prisma) or `$n` (PostgreSQL), and the values in
 * placeholder order. Named parameters (`@name`, object params) keep one value per name with `$n`, one per occurrence
 * with `?`.
 */
export function positional(sql: string, params: SqlParams | undefined, style: 'dollar' | 'question'): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const numberOf = new Map<string, number>();
  const list = Array.isArray(params) ? (params as readonly unknown[]) : null;
  const named = params !== undefined && !Array.isArray(params) ? (params as Readonly<Record<string, unknown>>) : null;
  let next = 0;
  let out = '';
  let k = 0;
  while (k < sql.length) {
    const c = sql[k]!;
    const skip = skippedSpan(sql, k);
    if (skip > k) {
      out += sql.slice(k, skip);
      k = skip;
    } else if (c === '?' && list) {
      if (next >= list.length) throw new Error(`more ? placeholders than the ${list.length} parameters given`);
      values.push(list[next]);
      next += 1;
      out += style === 'dollar' ? `$${values.length}` : '?';
      k += 1;
    } else if (c === '@' && named && /[A-Za-z_]/.test(sql[k + 1] ?? '')) {
      const name = /^@([A-Za-z_][A-Za-z0-9_]*)/.exec(sql.slice(k))![1]!;
      if (!(name in named)) throw new Error(`no value for the parameter @${name}`);
      if (style === 'dollar') {
        let n = numberOf.get(name);
        if (n === undefined) {
          values.push(named[name]);
          n = values.length;
          numberOf.set(name, n);
        }
        out += `$${n}`;
      } else {
        values.push(named[name]);
        out += '?';
      }
      k += name.length + 1;
    } else {
      out += c;
      k += 1;
    }
  }
  if (list && next !== list.length) throw new Error(`${next} ? placeholders but ${list.length} parameters`);
  return { text: out, values };
}

/** The end of a string literal, quoted identifier or comment starting at `k` (k itself when none starts there). */
function skippedSpan(sql: string, k: number): number {
  const c = sql[k];
  if (c === "'" || c === '"') {
    let j = k + 1;
    while (j < sql.length) {
      if (sql[j] === c) {
        if (sql[j + 1] === c) j += 2;
        else return j + 1;
      } else j += 1;
    }
    return sql.length;
  }
  if (c === '-' && sql[k + 1] === '-') {
    const end = sql.indexOf('\n', k);
    return end === -1 ? sql.length : end;
  }
  if (c === '/' && sql[k + 1] === '*') {
    const end = sql.indexOf('*/', k + 2);
    return end === -1 ? sql.length : end + 2;
  }
  return k;
}

/** 64-bit integers as numbers (exact below 2^53, an error above). */
function normaliseRow(row: Record<string, unknown>): Record<string, unknown> {
  let out: Record<string, unknown> | null = null;
  for (const key of Object.keys(row)) {
    const value = row[key];
    if (typeof value === 'bigint') {
      if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
        throw new RangeError(`column ${key}: ${value} is beyond the exact range of a JavaScript number`);
      }
      out ??= { ...row };
      out[key] = Number(value);
    }
  }
  return out ?? row;
}

/** SQL fragments that differ between the engines. */
export interface Dialect {
  readonly name: SqlDialect;
  /** The smaller of two non-NULL values (SQLite's two-argument MIN, PostgreSQL's LEAST). */
  least(a: string, b: string): string;
  /** The larger of two non-NULL values. */
  greatest(a: string, b: string): string;
  /** The calendar year of a DateTime column (ISO text on SQLite, timestamp on PostgreSQL), as an integer. */
  yearOf(column: string): string;
  /** A boolean column as a condition (stored 0/1 on SQLite). */
  isTrue(column: string): string;
  /**
   * A column in a condition the planner must not answer from an index on it (SQLite's unary `+`; PostgreSQL plans
   * without the hint).
   */
  noIndex(column: string): string;
  /** `table alias`, on SQLite forced onto the named index (`INDEXED BY`); PostgreSQL chooses its own plan. */
  indexed(table: string, alias: string, index: string): string;
}

const DIALECTS: Record<SqlDialect, Dialect> = {
  sqlite: {
    name: 'sqlite',
    least: (a, b) => `MIN(${a}, ${b})`,
    greatest: (a, b) => `MAX(${a}, ${b})`,
    yearOf: (column) => `CAST(substr(${column}, 1, 4) AS INTEGER)`,
    isTrue: (column) => `${column} = 1`,
    noIndex: (column) => `+${column}`,
    indexed: (table, alias, index) => `${table} ${alias} INDEXED BY ${index}`,
  },
  postgresql: {
    name: 'postgresql',
    least: (a, b) => `LEAST(${a}, ${b})`,
    greatest: (a, b) => `GREATEST(${a}, ${b})`,
    yearOf: (column) => `CAST(EXTRACT(YEAR FROM ${column}) AS INTEGER)`,
    isTrue: (column) => column,
    noIndex: (column) => column,
    indexed: (table, alias) => `${table} ${alias}`,
  },
};

export function dialect(name: SqlDialect): Dialect {
  return DIALECTS[name];
}
