// The engines the API suites run against (global-setup.ts starts a server on the generated SQLite dataset and one on
// its PostgreSQL copy), and a small engine-neutral connection for the suites' direct SQL, executed on the database
// behind the server under test.
//
// The direct SQL is written once for both engines, in SQLite's parameter styles (`?` with an array, `@name` with an
// object; db/sql-runner.ts turns them into `$n` on PostgreSQL) and in the common dialect: `= TRUE` for boolean
// columns, `CASE WHEN ... THEN 1 ELSE 0 END` where a condition is counted or returned, an alias on every subquery
// in FROM, `IS NOT DISTINCT FROM` for a comparison that may meet NULL; `db.d` has the few fragments that differ.
// Values come back as SQLite returns them, whatever the engine: booleans 0/1, 64-bit integers and numerics as
// numbers, DateTime columns as ISO-8601 text.
import Database from 'better-sqlite3';
import { inject } from 'vitest';
import { createPrismaClient } from '../../server/src/db/prisma.js';
import { allSync, dialect, positional, prismaRunner, type Dialect, type SqlParams } from '../../server/src/db/sql-runner.js';
import type { TestEngine } from './global-setup';

export type { TestEngine };

/** The engines of this run (both unless ATLAS_TEST_ENGINES narrows them), for `describe.each(engines())`. */
export function engines(): TestEngine[] {
  return inject('engines');
}

/** The GraphQL endpoint of an engine's server. */
export const graphqlUrl = (engine: TestEngine) => `${engine.serverUrl}/graphql`;

export interface TestDb {
  readonly engine: TestEngine['name'];
  /** SQL fragments that differ between the engines. */
  readonly d: Dialect;
  all<T>(sql: string, params?: SqlParams): Promise<T[]>;
  get<T>(sql: string, params?: SqlParams): Promise<T | undefined>;
  /** A write; returns the number of rows changed. */
  run(sql: string, params?: SqlParams): Promise<number>;
  close(): Promise<void>;
}

/** A PostgreSQL value as SQLite would have returned it: booleans 0/1, DateTime as ISO text, numerics as numbers. */
function sqliteLike(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && value !== null && 'toNumber' in value && typeof value.toNumber === 'function') return (value.toNumber as () => number)();
  return value;
}

function sqliteLikeRow<T>(row: Record<string, unknown>): T {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, sqliteLike(value)])) as T;
}

/** A connection to the database behind `engine`'s server (read-only on SQLite unless `writable`). */
export async function openTestDb(engine: TestEngine, options: { writable?: boolean } = {}): Promise<TestDb> {
  if (engine.name === 'sqlite') {
    const db = new Database(engine.databaseUrl.slice('file:'.length), { readonly: !options.writable });
    if (options.writable) db.pragma('busy_timeout = 5000');
    return {
      engine: 'sqlite',
      d: dialect('sqlite'),
      all: <T>(sql: string, params?: SqlParams) => Promise.resolve(allSync<T>(db, sql, params)),
      get: <T>(sql: string, params?: SqlParams) => Promise.resolve(allSync<T>(db, sql, params)[0]),
      run: (sql: string, params?: SqlParams) => {
        const statement = db.prepare(sql);
        const result = params === undefined ? statement.run() : Array.isArray(params) ? statement.run(...(params as unknown[])) : statement.run(params);
        return Promise.resolve(result.changes);
      },
      close: () => {
        db.close();
        return Promise.resolve();
      },
    };
  }
  // Through the server's own PostgreSQL client (Prisma over node-postgres) and raw-SQL runner.
  const prisma = createPrismaClient({ provider: 'postgresql', url: engine.databaseUrl });
  await prisma.$connect();
  const runner = prismaRunner(prisma, 'postgresql');
  const all = async <T>(sql: string, params?: SqlParams) => (await runner.all<Record<string, unknown>>(sql, params)).map((row) => sqliteLikeRow<T>(row));
  return {
    engine: 'postgresql',
    d: dialect('postgresql'),
    all,
    get: async <T>(sql: string, params?: SqlParams) => (await all<T>(sql, params))[0],
    run: (sql: string, params?: SqlParams) => {
      const { text, values } = positional(sql, params, 'dollar');
      return prisma.$executeRawUnsafe(text, ...values);
    },
    close: () => prisma.$disconnect(),
  };
}
