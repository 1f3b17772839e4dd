// The PostgreSQL replay of the API benchmark: the captured statements run as the server sends them, transaction
// control left out, a statement that cannot run reported instead of timed.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../db/migrate.js';
import { createPostgresDatabase, dropPostgresDatabase, uniqueDatabaseName } from '../db/postgres-admin.js';
import { openSqlite } from '../db/sqlite.js';
import { instrumentSqlite, prismaParamsPostgres, replayPostgres, StatementRecorder } from './sql-capture.js';

const name = uniqueDatabaseName('replay');
let client: pg.Client;

beforeAll(async () => {
  const url = await createPostgresDatabase(name);
  await applyMigrations({ provider: 'postgresql', url });
  client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("INSERT INTO region (code, name, level) VALUES ('ID', 'Indonesia', 'NATION')");
});
afterAll(async () => {
  await client.end();
  await dropPostgresDatabase(name);
});

describe('replayPostgres', () => {
  it('times the statements with the parameters Prisma logged, without transaction control, and reports what fails', async () => {
    const timing = await replayPostgres(client, [
      { sql: 'BEGIN', params: [], via: 'prisma' },
      // Prisma logs 64-bit parameters (LIMIT, OFFSET) as strings: PostgreSQL takes them as the types the statement needs.
      { sql: 'SELECT name FROM region WHERE code = $1 LIMIT $2 OFFSET $3', params: prismaParamsPostgres('["ID","1","0"]'), via: 'prisma' },
      { sql: 'SELECT no_such_column FROM region', params: [], via: 'prisma' },
      { sql: 'COMMIT', params: [], via: 'prisma' },
    ], 5);
    expect(timing.statements).toBe(1);
    expect(timing.failed).toHaveLength(1);
    expect(timing.failed[0]).toContain('no_such_column');
    expect(timing.p50).toBeGreaterThan(0);
    expect(timing.p95).toBeGreaterThanOrEqual(timing.p50);
    // Nothing was left open: the connection is not inside a transaction.
    const { rows } = await client.query<{ open: boolean }>("SELECT now() <> statement_timestamp() AS open");
    expect(rows[0]!.open).toBe(false);
  });
});

describe('instrumentSqlite', () => {
  it('records each execution with its parameters, through pluck() and raw() too, and leaves the generation check out', async () => {
    const db = openSqlite(':memory:');
    db.exec("CREATE TABLE t (k TEXT, v INTEGER); INSERT INTO t VALUES ('a', 1), ('b', 2)");
    const recorder = new StatementRecorder();
    const instrumented = instrumentSqlite(db, recorder);
    const statements = await recorder.capture(() => {
      expect(instrumented.prepare('SELECT v FROM t WHERE k = ?').pluck().get('b')).toBe(2);
      expect(instrumented.prepare('SELECT k, v FROM t WHERE v > ?').raw().all(0)).toEqual([['a', 1], ['b', 2]]);
      instrumented.prepare('PRAGMA data_version').pluck().get();
      return Promise.resolve();
    });
    expect(statements.map((s) => [s.sql, s.params])).toEqual([
      ['SELECT v FROM t WHERE k = ?', ['b']],
      ['SELECT k, v FROM t WHERE v > ?', [0]],
    ]);
    db.close();
  });
});
