/**
 * `dtsen bench-api [--scale 0.01] [--file F] [--duration 5] [--connections 1,50] [--only a,b] [--json out.json]`:
 * every analysis of the API through HTTP, p50/p95 at 1 and at 50 concurrent clients, beside the raw SQL the same
 * operation runs, measured in the same run on the same SQLite file.
 *
 * 1. The dataset: `--file` (generated there at `--scale` if it does not exist yet), and an ADMIN token on it
 *    (`bench-token.ts`) that every request sends as `Authorization: Bearer`: the API answers signed-in users only.
 * 2. SQL: an in-process app with an instrumented Prisma client and SQLite connection answers each operation once;
 *    the statements it issued are replayed on a plain better-sqlite3 connection (p50 of 200 replays).
 * 3. HTTP: the production server (`dist/main.js`, NODE_ENV=production) in a child process, so that the load
 *    generator (this process) and the server each have a core; closed-loop keep-alive clients (`http-load.ts`);
 *    once with the response cache off (every request executes: the ratio to SQL is taken there) and once on.
 *
 * Prints a table and writes JSON; never fails on time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { createApp } from '../app.js';
import { parseDatabaseUrl, type AppConfig } from '../config.js';
import { openSqlite, type SqliteDatabase } from '../db/sqlite.js';
import type { AtlasPrisma } from '../db/prisma.js';
import { PrismaClient } from '../generated/prisma/sqlite/client.js';
import { generateDataset } from '../generator/generate.js';
import { apiOperations, benchParameters, type ApiOperation } from './api.operations.js';
import { benchToken } from './bench-token.js';
import { runLoad, type LoadResult } from './http-load.js';
import { instrumentSqlite, prismaParams, replay, StatementRecorder, type CapturedStatement, type ReplayTiming } from './sql-capture.js';

export interface BenchApiOptions {
  file: string;
  /** Scale to generate at when `file` does not exist. */
  scale: number;
  durationMs: number;
  connections: number[];
  /** Server configurations measured: the response cache off (every request executes), on (repeats are hits). */
  cacheModes: CacheMode[];
  /** Only the operations whose name contains one of these. */
  only?: string[];
  /** Where to write the JSON report. */
  json?: string;
}

export type CacheMode = 'off' | 'on';

export interface ApiBenchRow {
  operation: string;
  rollupBacked: boolean;
  sql: ReplayTiming;
  load: (LoadResult & { cache: CacheMode })[];
  /** API p50 at one client, response cache off (every request executes) / SQL p50. */
  ratio: number;
}

export async function benchApi(options: BenchApiOptions): Promise<ApiBenchRow[]> {
  if (!existsSync(options.file)) {
    console.log(`generating scale ${options.scale} into ${options.file} ...`);
    await generateDataset({ scale: options.scale, versions: 5, seed: 1, file: options.file, progress: null });
  }
  const token = await benchToken(options.file);
  const headers = { authorization: `Bearer ${token}` };
  const db = openSqlite(options.file, { readonly: true });
  db.pragma('cache_size = -1048576');
  const parameters = benchParameters(db);
  const operations = apiOperations(parameters).filter(
    (op) => !options.only || options.only.some((name) => op.name.includes(name)),
  );
  const families = (db.prepare('SELECT COUNT(*) AS n FROM family').get() as { n: number }).n;
  console.log(`\nAPI benchmark on ${options.file}: ${families.toLocaleString('en-US')} families, version ${parameters.versionId}, ` +
    `regency ${parameters.regencyCode}, ${options.durationMs / 1000} s per measurement, clients ${options.connections.join(' and ')}`);

  console.log('capturing the SQL of each operation ...');
  const captured = await captureStatements(options.file, operations, headers);

  const servers: { cache: CacheMode; port: number; child: ChildProcess }[] = [];
  const rows: ApiBenchRow[] = [];
  try {
    for (const cache of options.cacheModes) {
      const port = await freePort();
      servers.push({ cache, port, child: await startServer(options.file, port, cache) });
    }
    for (const op of operations) {
      const sql = replay(db, captured.get(op.name) ?? [], 50);
      const load: ApiBenchRow['load'] = [];
      for (const server of servers) {
        for (const connections of options.connections) {
          const result = await runLoad({
            url: `http://127.0.0.1:${server.port}/graphql`,
            body: JSON.stringify({ query: op.query, variables: op.variables }),
            headers,
            connections,
            durationMs: options.durationMs,
          });
          load.push({ ...result, cache: server.cache });
        }
      }
      const row: ApiBenchRow = { operation: op.name, rollupBacked: op.rollupBacked, sql, load, ratio: load[0]!.p50 / sql.p50 };
      rows.push(row);
      printRow(row);
    }
  } finally {
    for (const server of servers) server.child.kill('SIGTERM');
    db.close();
  }
  if (options.json) {
    writeFileSync(options.json, JSON.stringify({ file: options.file, families, parameters, rows }, null, 2));
    console.log(`JSON: ${options.json}`);
  }
  return rows;
}

function printRow(r: ApiBenchRow): void {
  const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1)).padStart(6);
  console.log(
    `${r.operation}${r.rollupBacked ? '' : ' (not rollup-backed)'}: SQL ${r.sql.statements} statements, p50 ${ms(r.sql.p50).trim()} ms; ` +
      `API/SQL (p50, 1 client, cache off) ${r.ratio.toFixed(1)}` +
      (r.sql.failed.length ? `\n    replay failed: ${r.sql.failed.join('; ')}` : ''),
  );
  for (const l of r.load) {
    console.log(
      `    cache ${l.cache.padEnd(3)} ${String(l.connections).padStart(3)} clients: p50 ${ms(l.p50)} ms  p95 ${ms(l.p95)} ms  ` +
        `${Math.round(l.throughput).toString().padStart(6)} req/s${l.errors ? `  ${l.errors} ERRORS` : ''}`,
    );
  }
}

/** Tables of access control (users, tokens, audit log). */
const ACCESS_CONTROL_TABLES = /\b(api_token|app_user|audit_event)\b/;

/** Answers every operation once in an in-process app and records the statements of a second, warm answer. */
async function captureStatements(
  file: string,
  operations: readonly ApiOperation[],
  headers: Readonly<Record<string, string>>,
): Promise<Map<string, CapturedStatement[]>> {
  const recorder = new StatementRecorder();
  const database = parseDatabaseUrl(`file:${file}`);
  const prisma = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: file }), log: [{ emit: 'event', level: 'query' }] });
  // Access control's own statements (the token lookup, the audit log's insert for person-level reads) are not the
  // operation's: they are left out of the replay (which runs on a read-only connection).
  prisma.$on('query', (e) => {
    if (!ACCESS_CONTROL_TABLES.test(e.query)) recorder.record({ sql: e.query, params: prismaParams(e.params), via: 'prisma' });
  });
  const raw: SqliteDatabase = openSqlite(file);
  // Cache off: every request must reach the database for its statements to be recorded.
  const config: AppConfig = { port: 0, database, dashboardDist: '/nonexistent', responseCache: false };
  const atlas = await createApp(config, { prisma: prisma as unknown as AtlasPrisma, sqlite: instrumentSqlite(raw, recorder), production: true, logger: { error: () => undefined } });
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
    await prisma.$disconnect();
    raw.close();
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

/** The production server in a child process, resolved once `/healthz` answers. */
export async function startServer(file: string, port: number, cache: CacheMode): Promise<ChildProcess> {
  const main = fileURLToPath(new URL('../main.js', import.meta.url));
  const child = spawn(process.execPath, [main], {
    env: { ...process.env, DATABASE_URL: `file:${file}`, PORT: String(port), NODE_ENV: 'production', ATLAS_RESPONSE_CACHE: cache === 'on' ? '1' : '0' },
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
