/**
 * `dtsen bench-api [--scale 0.01] [--file F] [--engine sqlite|postgresql|both] [--database URL] [--keep] [--duration 5]
 * [--connections 1,50] [--cache off,on] [--only a,b] [--json out.json]`: every analysis of the API through HTTP, p50/p95
 * at 1 and at 50 concurrent clients, beside the raw SQL the same operation runs, measured in the same run on the same
 * database, on SQLite, PostgreSQL or both (one after the other, the same operations and parameters).
 *
 * 1. The dataset: `--file` (generated there at `--scale` if it does not exist yet; migrations applied). PostgreSQL:
 *    the file is copied (`db/pg-copy.ts`, timed) into a throw-away database `atlas_bench_api_<random>` on the server
 *    of ATLAS_PG_URL, dropped at the end unless `--keep`; or `--database URL` names one that already holds a copy of
 *    the file (reused as it is, never dropped). The server gets the file's data key (`ATLAS_DATA_KEY`, else the key
 *    file beside it). An ADMIN token on the engine's database (`bench-token.ts`) is sent with every request as
 *    `Authorization: Bearer`: the API answers signed-in users only.
 * 2. SQL: an in-process app with an instrumented Prisma client (query events; on SQLite also the direct connection)
 *    answers each operation once, then once more while its statements are recorded. They are replayed on a plain
 *    connection (p50 of 50 replays): better-sqlite3 (statements prepared once), or a `pg` client sending each as the
 *    server does (unnamed statement, parsed on every execution; `sql-capture.ts`).
 * 3. HTTP: the production server (`dist/main.js`, NODE_ENV=production) in a child process, so that the load
 *    generator (this process) and the server each have a core; closed-loop keep-alive clients (`http-load.ts`);
 *    once with the response cache off (every request executes: the ratio to SQL is taken there) and once on.
 *
 * Prints a line per operation as it goes, then one table for all engines, and writes JSON; never fails on time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { createApp } from '../app.js';
import { parseDatabaseUrl, resolveDataKey, type AppConfig, type DatabaseConfig } from '../config.js';
import { applyMigrations } from '../db/migrate.js';
import { copySqliteToPostgres } from '../db/pg-copy.js';
import { createPostgresDatabase, dropPostgresDatabase, uniqueDatabaseName } from '../db/postgres-admin.js';
import { openSqlite, type SqliteDatabase } from '../db/sqlite.js';
import type { AtlasPrisma } from '../db/prisma.js';
import { PrismaClient as PostgresPrismaClient } from '../generated/prisma/postgresql/client.js';
import { PrismaClient } from '../generated/prisma/sqlite/client.js';
import { generateDataset } from '../generator/generate.js';
import { apiOperations, benchParameters, type ApiOperation } from './api.operations.js';
import { benchToken } from './bench-token.js';
import { runLoad, type LoadResult } from './http-load.js';
import {
  instrumentSqlite, prismaParams, prismaParamsPostgres, replay, replayPostgres, StatementRecorder, type CapturedStatement, type ReplayTiming,
} from './sql-capture.js';

export type BenchEngine = DatabaseConfig['provider'];

export interface BenchApiOptions {
  file: string;
  /** Scale to generate at when `file` does not exist. */
  scale: number;
  durationMs: number;
  connections: number[];
  /** Server configurations measured: the response cache off (every request executes), on (repeats are hits). */
  cacheModes: CacheMode[];
  /** Engines measured, one after the other (default SQLite alone). */
  engines?: BenchEngine[];
  /** PostgreSQL: a database already holding a copy of `file`, used instead of a throw-away one and never dropped. */
  database?: string;
  /** PostgreSQL: keep the throw-away database (its URL is printed, for `--database` next time). */
  keep?: boolean;
  /** Only the operations whose name contains one of these. */
  only?: string[];
  /** Where to write the JSON report. */
  json?: string;
}

export type CacheMode = 'off' | 'on';

export interface ApiBenchRow {
  engine: BenchEngine;
  operation: string;
  rollupBacked: boolean;
  sql: ReplayTiming;
  load: (LoadResult & { cache: CacheMode })[];
  /** API p50 at the fewest clients, response cache off (every request executes) / SQL p50; NaN when it ran no SQL or cache off was not measured. */
  ratio: number;
}

/** How one engine is measured: its server's environment, and the capture and replay of its statements. */
interface EngineUnderTest {
  engine: BenchEngine;
  /** What the report says about the database (the file, or the PostgreSQL database and its copy time). */
  description: string;
  /** Environment of the production server: DATABASE_URL, and ATLAS_DATA_KEY on PostgreSQL. */
  env: Record<string, string>;
  headers: Record<string, string>;
  capture(operations: readonly ApiOperation[]): Promise<Map<string, CapturedStatement[]>>;
  replay(statements: readonly CapturedStatement[]): Promise<ReplayTiming>;
  close(): Promise<void>;
}

/** Timed replays of each operation's statements. */
const REPLAYS = 50;

export async function benchApi(options: BenchApiOptions): Promise<ApiBenchRow[]> {
  if (!existsSync(options.file)) {
    console.log(`generating scale ${options.scale} into ${options.file} ...`);
    await generateDataset({ scale: options.scale, versions: 5, seed: 1, file: options.file, progress: null });
  }
  // The file gives the parameters and, for PostgreSQL, the rows: a copy needs both sides at the same migrations.
  await applyMigrations({ provider: 'sqlite', file: options.file });
  const source = openSqlite(options.file, { readonly: true });
  let parameters: ReturnType<typeof benchParameters>;
  let families: number;
  try {
    parameters = benchParameters(source);
    families = (source.prepare('SELECT COUNT(*) AS n FROM family').get() as { n: number }).n;
  } finally {
    source.close();
  }
  const operations = apiOperations(parameters).filter(
    (op) => !options.only || options.only.some((name) => op.name.includes(name)),
  );
  const engines = options.engines ?? ['sqlite'];
  console.log(`\nAPI benchmark on ${options.file}: ${families.toLocaleString('en-US')} families, version ${parameters.versionId}, ` +
    `regency ${parameters.regencyCode}, ${options.durationMs / 1000} s per measurement, clients ${options.connections.join(' and ')}, ` +
    `engines ${engines.join(' and ')}`);

  const rows: ApiBenchRow[] = [];
  const databases: Record<string, string> = {};
  for (const engine of engines) {
    const target = engine === 'sqlite' ? await sqliteUnderTest(options.file) : await postgresUnderTest(options);
    databases[engine] = target.description;
    try {
      rows.push(...(await measure(target, operations, options)));
    } finally {
      await target.close();
    }
  }
  printTable(rows, options);
  if (options.json) {
    writeFileSync(options.json, JSON.stringify({ file: options.file, families, parameters, databases, rows }, null, 2));
    console.log(`JSON: ${options.json}`);
  }
  return rows;
}

/** Captures the engine's statements, then measures every operation on its production servers (one per cache mode). */
async function measure(target: EngineUnderTest, operations: readonly ApiOperation[], options: BenchApiOptions): Promise<ApiBenchRow[]> {
  console.log(`\n${target.engine} (${target.description}): capturing the SQL of each operation ...`);
  const captured = await target.capture(operations);
  const servers: { cache: CacheMode; port: number; child: ChildProcess }[] = [];
  const rows: ApiBenchRow[] = [];
  try {
    for (const cache of options.cacheModes) {
      const port = await freePort();
      servers.push({ cache, port, child: await startServer(options.file, port, cache, target.env) });
    }
    for (const op of operations) {
      const sql = await target.replay(captured.get(op.name) ?? []);
      const load: ApiBenchRow['load'] = [];
      for (const server of servers) {
        for (const connections of options.connections) {
          const result = await runLoad({
            url: `http://127.0.0.1:${server.port}/graphql`,
            body: JSON.stringify({ query: op.query, variables: op.variables }),
            headers: target.headers,
            connections,
            durationMs: options.durationMs,
          });
          load.push({ ...result, cache: server.cache });
        }
      }
      // Taken where every request executes: cache off, fewest clients. None without such a measurement, or when the
      // operation ran no statement at all (answered from the versions and regions the server remembers).
      const executed = load.find((l) => l.cache === 'off' && l.connections === Math.min(...options.connections));
      const ratio = sql.statements === 0 || !executed ? Number.NaN : executed.p50 / sql.p50;
      const row: ApiBenchRow = { engine: target.engine, operation: op.name, rollupBacked: op.rollupBacked, sql, load, ratio };
      rows.push(row);
      printRow(row);
    }
  } finally {
    await Promise.all(servers.map((server) => stopServer(server.child)));
  }
  return rows;
}

async function sqliteUnderTest(file: string): Promise<EngineUnderTest> {
  const headers = { authorization: `Bearer ${await benchToken(file)}` };
  const db = openSqlite(file, { readonly: true });
  db.pragma('cache_size = -1048576');
  return {
    engine: 'sqlite',
    description: file,
    env: { DATABASE_URL: `file:${file}` },
    headers,
    capture: (operations) => captureSqlite(file, operations, headers),
    replay: (statements) => Promise.resolve(replay(db, statements, REPLAYS)),
    close: () => {
      db.close();
      return Promise.resolve();
    },
  };
}

async function postgresUnderTest(options: BenchApiOptions): Promise<EngineUnderTest> {
  const dataKey = resolveDataKey(process.env, parseDatabaseUrl(`file:${options.file}`));
  let url = options.database;
  let created: string | null = null;
  let description: string;
  if (url) {
    description = `database ${databaseName(url)}, given`;
  } else {
    created = uniqueDatabaseName('bench_api');
    url = await createPostgresDatabase(created);
    try {
      await applyMigrations({ provider: 'postgresql', url });
      console.log(`\nPostgreSQL ${created}: copying ${options.file} ...`);
      const copy = await copySqliteToPostgres(options.file, url);
      console.log(`  copied ${copy.totalRows.toLocaleString('en-US')} rows in ${copy.seconds.toFixed(1)} s`);
      description = `database ${created}, copied in ${copy.seconds.toFixed(0)} s`;
    } catch (error) {
      await dropPostgresDatabase(created);
      throw error;
    }
  }
  const database: DatabaseConfig = { provider: 'postgresql', url };
  const drop = async () => {
    if (!created) return;
    if (options.keep) console.log(`kept PostgreSQL database ${created} (--database ${url} reuses it)`);
    else await dropPostgresDatabase(created);
  };
  let client: pg.Client | null = null;
  try {
    const headers = { authorization: `Bearer ${await benchToken(database)}` };
    client = new pg.Client({ connectionString: url });
    await client.connect();
    const replayClient = client;
    return {
      engine: 'postgresql',
      description,
      env: { DATABASE_URL: url, ATLAS_DATA_KEY: dataKey.toString('hex') },
      headers,
      capture: (operations) => capturePostgres(database, dataKey, operations, headers),
      replay: (statements) => replayPostgres(replayClient, statements, REPLAYS),
      close: async () => {
        await replayClient.end();
        await drop();
      },
    };
  } catch (error) {
    await client?.end().catch(() => undefined);
    await drop();
    throw error;
  }
}

const databaseName = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));

function printRow(r: ApiBenchRow): void {
  console.log(
    `${r.engine} ${r.operation}${r.rollupBacked ? '' : ' (not rollup-backed)'}: SQL ${r.sql.statements} statements, p50 ${duration(r.sql.p50)}; ` +
      `API/SQL (p50, 1 client, cache off) ${ratioText(r)}` +
      (r.sql.failed.length ? `\n    replay failed: ${r.sql.failed.join('; ')}` : ''),
  );
  for (const l of r.load) {
    console.log(
      `    cache ${l.cache.padEnd(3)} ${String(l.connections).padStart(3)} clients: p50 ${duration(l.p50).padStart(9)}  p95 ${duration(l.p95).padStart(9)}  ` +
        `${Math.round(l.throughput).toString().padStart(6)} req/s${l.errors ? `  ${l.errors} ERRORS` : ''}`,
    );
  }
}

/** The API/SQL ratio, or why there is none. */
const ratioText = (r: ApiBenchRow) => (!Number.isNaN(r.ratio) ? r.ratio.toFixed(1) : r.sql.statements === 0 ? 'no SQL' : 'not measured (cache off)');

/** Milliseconds as a table cell: 2 decimals below 10, 1 below 1,000, else seconds (`2.3 s`). */
const ms = (x: number) => (x < 10 ? x.toFixed(2) : x < 1000 ? x.toFixed(1) : `${(x / 1000).toFixed(1)} s`);
/** Milliseconds with their unit. */
const duration = (x: number) => (x < 1000 ? `${ms(x)} ms` : ms(x));

/**
 * All rows as one Markdown table (latencies p50 / p95 in ms per cache mode and client count, the throughput of the
 * last measurement), then per engine how many rollup-backed analyses have p95 ≤ 25 ms at the most clients, cache on.
 */
function printTable(rows: readonly ApiBenchRow[], options: BenchApiOptions): void {
  if (rows.length === 0) return;
  const columns = rows[0]!.load.map((l) => `cache ${l.cache}, ${l.connections} client${l.connections === 1 ? '' : 's'}`);
  const last = rows[0]!.load.at(-1)!;
  console.log(`\n| operation | engine | statements | SQL p50 | ${columns.join(' | ')} | API/SQL | req/s, cache ${last.cache}, ${last.connections} |`);
  console.log(`|${' --- |'.repeat(columns.length + 6)}`);
  const byOperation = [...rows].sort((a, b) => a.operation.localeCompare(b.operation) || a.engine.localeCompare(b.engine));
  for (const r of byOperation) {
    const cells = r.load.map((l) => `${ms(l.p50)} / ${ms(l.p95)}${l.errors ? ` (${l.errors} errors)` : ''}`);
    const throughput = Math.round(r.load.at(-1)!.throughput).toLocaleString('en-US');
    console.log(`| ${r.operation}${r.rollupBacked ? '' : ' †'} | ${r.engine} | ${r.sql.statements} | ${ms(r.sql.p50)} | ${cells.join(' | ')} | ${ratioText(r)} | ${throughput} |`);
  }
  const most = Math.max(...options.connections);
  for (const engine of [...new Set(rows.map((r) => r.engine))]) {
    const rollup = rows.filter((r) => r.engine === engine && r.rollupBacked);
    const p95 = (r: ApiBenchRow) => r.load.find((l) => l.cache === 'on' && l.connections === most)?.p95;
    const measured = rollup.filter((r) => p95(r) !== undefined);
    if (measured.length === 0) continue;
    const met = measured.filter((r) => p95(r)! <= 25);
    console.log(`${engine}: ${met.length} of ${measured.length} rollup-backed analyses at p95 ≤ 25 ms with ${most} clients, cache on` +
      (met.length < measured.length ? ` (not: ${measured.filter((r) => p95(r)! > 25).map((r) => `${r.operation} ${ms(p95(r)!)}`).join(', ')})` : ''));
    const withSql = rollup.filter((r) => !Number.isNaN(r.ratio));
    const within = withSql.filter((r) => r.ratio <= 1.3);
    console.log(`${engine}: ${within.length} of ${withSql.length} rollup-backed analyses at API/SQL ≤ 1.3 (p50, 1 client, cache off)` +
      (within.length < withSql.length ? ` (not: ${withSql.filter((r) => r.ratio > 1.3).map((r) => `${r.operation} ${r.ratio.toFixed(1)}`).join(', ')})` : ''));
  }
}

/** Tables of access control (users, tokens, audit log). */
const ACCESS_CONTROL_TABLES = /\b(api_token|app_user|audit_event)\b/;

/** SQLite: Prisma's query events and the direct connection's statements. */
async function captureSqlite(file: string, operations: readonly ApiOperation[], headers: Readonly<Record<string, string>>): Promise<Map<string, CapturedStatement[]>> {
  const recorder = new StatementRecorder();
  const prisma = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: file }), log: [{ emit: 'event', level: 'query' }] });
  // Access control's own statements (the token lookup, the audit log's insert for person-level reads) are not the
  // operation's: they are left out of the replay (which runs on a read-only connection).
  prisma.$on('query', (e) => {
    if (!ACCESS_CONTROL_TABLES.test(e.query)) recorder.record({ sql: e.query, params: prismaParams(e.params), via: 'prisma' });
  });
  const raw: SqliteDatabase = openSqlite(file);
  try {
    return await captureStatements(parseDatabaseUrl(`file:${file}`), { prisma: prisma as unknown as AtlasPrisma, sqlite: instrumentSqlite(raw, recorder) }, recorder, operations, headers);
  } finally {
    await prisma.$disconnect();
    raw.close();
  }
}

/** PostgreSQL: Prisma's query events, which include the raw SQL of `db/sql-runner.ts` (it runs through Prisma there). */
async function capturePostgres(
  database: DatabaseConfig & { provider: 'postgresql' }, dataKey: Buffer, operations: readonly ApiOperation[], headers: Readonly<Record<string, string>>,
): Promise<Map<string, CapturedStatement[]>> {
  const recorder = new StatementRecorder();
  const prisma = new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: database.url }), log: [{ emit: 'event', level: 'query' }] });
  prisma.$on('query', (e) => {
    if (!ACCESS_CONTROL_TABLES.test(e.query)) recorder.record({ sql: e.query, params: prismaParamsPostgres(e.params), via: 'prisma' });
  });
  try {
    return await captureStatements(database, { prisma: prisma as unknown as AtlasPrisma, dataKey }, recorder, operations, headers);
  } finally {
    await prisma.$disconnect();
  }
}

/** Answers every operation once in an in-process app and records the statements of a second, warm answer. */
async function captureStatements(
  database: DatabaseConfig,
  deps: { prisma: AtlasPrisma; sqlite?: SqliteDatabase; dataKey?: Buffer },
  recorder: StatementRecorder,
  operations: readonly ApiOperation[],
  headers: Readonly<Record<string, string>>,
): Promise<Map<string, CapturedStatement[]>> {
  // Cache off: every request must reach the database for its statements to be recorded.
  const config: AppConfig = { port: 0, database, dashboardDist: '/nonexistent', responseCache: false, ...(deps.dataKey ? { dataKey: deps.dataKey } : {}) };
  const atlas = await createApp(config, { prisma: deps.prisma, ...(deps.sqlite ? { sqlite: deps.sqlite } : {}), production: true, logger: { error: () => undefined } });
  const server: Server = await new Promise((resolve) => {
    const s = atlas.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const result = new Map<string, CapturedStatement[]>();
  try {
    for (const op of operations) {
      const send = async () => {
        const response = await fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ query: op.query, variables: op.variables }) });
        const body = (await response.json()) as { errors?: { message: string }[] };
        if (body.errors) throw new Error(`${op.name}: ${body.errors.map((e) => e.message).join('; ')}`);
      };
      await send();
      result.set(op.name, await recorder.capture(send));
    }
  } finally {
    server.closeAllConnections();
    server.close();
    await atlas.close();
  }
  return result;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/**
 * The production server in a child process on the SQLite `file` (or the database `env` names: `DATABASE_URL`,
 * `ATLAS_DATA_KEY`), resolved once `/healthz` answers.
 */
export async function startServer(file: string, port: number, cache: CacheMode, env: Readonly<Record<string, string>> = {}): Promise<ChildProcess> {
  const main = fileURLToPath(new URL('../main.js', import.meta.url));
  const child = spawn(process.execPath, [main], {
    env: {
      ...process.env, DATABASE_URL: `file:${file}`, ...env, PORT: String(port), NODE_ENV: 'production', ATLAS_RESPONSE_CACHE: cache === 'on' ? '1' : '0',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error('server did not answer /healthz within 60 s');
}

/** SIGTERM, and SIGKILL if the server has not exited 10 s later; resolves once it has. */
export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
