/**
 * `pnpm dtsen <command>`: the operator's command line.
 *
 *   generate [--scale 0.001] [--versions 5] [--seed 1] [--file path]   build the synthetic national DTSEN
 *            [--database postgresql://...]                             into PostgreSQL (created and migrated when needed; it
 *                                                                      must hold no dataset); DATABASE_URL when neither is given
 *   ensure-dataset [same options]                                      generate only when the database has no data
 *   migrate                                                            apply migrations to DATABASE_URL
 *   emit-schema                                                        write schema/schema.graphql
 *   user add|token|list|disable|revoke ...                             users and API tokens (see `dtsen user`)
 *   import <kind> --file X.csv [--version N] [--rejects R.csv] [--database file:...]
 *                                                                      CSV import into the open draft (see `dtsen import`)
 *   bench-generate [--scale 0.01] [--versions 5] [--seed 1] [--engine sqlite|postgresql|both] [--json F]
 *                                                                      build into a scratch file or PostgreSQL database, print
 *                                                                      phases, rows/s, per-version publish, peak RSS, raw load rate
 *   copy-to-postgres --from file.db --to postgresql://...              copy a SQLite dataset into PostgreSQL (the target is
 *                                                                      created and migrated when absent, and must be empty)
 *   bench-analytics [--scale 0.01] [--versions 5] [--seed 1] [--compare full|none] [--file F]
 *                                                                      publish every version (timed next to a full recount
 *                                                                      unless --compare none), time the questions; --file keeps the dataset
 *   bench-api [--file F] [--engine sqlite|postgresql|both] [--database URL] [--keep] [--duration 5] [--connections 1,50]
 *             [--cache off,on] [--only a,b] [--json F]                 every analysis through HTTP beside its raw SQL
 *                                                                      (bench/api.bench.ts)
 *   bench-peers [--file F] [--runs 10] [--duration 5] [--connections 1,50] [--json out.json]
 *                                                                      an ad-hoc aggregation on SQLite, PostgreSQL and DuckDB, and
 *                                                                      decileDistribution beside PostGraphile 5 (bench/peers.bench.ts)
 *   replica-demo [--from file.db]                                      a throw-away PostgreSQL primary + streaming replica on
 *                                                                      loopback (dataset copied in), URLs printed; Ctrl-C stops them
 */
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, parseDatabaseUrl, repoRoot } from './config.js';
import { applyMigrations } from './db/migrate.js';
import { openSqlite } from './db/sqlite.js';
import { type GenerateReport, generateDataset } from './generator/generate.js';

const DEFAULTS = { scale: '0.001', versions: '5', seed: '1' };

/** `dtsen user ...` on DATABASE_URL (migrations applied first). */
async function userCommand(args: string[]): Promise<void> {
  const config = loadConfig();
  const target = config.database.provider === 'sqlite' ? { provider: 'sqlite' as const, file: config.database.file } : config.database;
  await applyMigrations(target);
  const { createPrismaClient } = await import('./db/prisma.js');
  const { runUserCommand } = await import('./modules/auth/user-cli.js');
  const prisma = createPrismaClient(config.database);
  try {
    await runUserCommand(args, prisma);
  } finally {
    await prisma.$disconnect();
  }
}

/** The default dataset's one user per role, created once; their tokens go to a private file next to the database. */
async function devUsers(file: string): Promise<void> {
  const { createPrismaClient } = await import('./db/prisma.js');
  const { ensureDevUsers } = await import('./modules/auth/dev-users.js');
  // A dataset from an older checkout may lack the users' tables (or need regenerating: the migration says so).
  await applyMigrations({ provider: 'sqlite', file });
  const prisma = createPrismaClient({ provider: 'sqlite', url: `file:${file}`, file });
  try {
    const tokensFile = `${file.replace(/\.db$/, '')}.users.txt`;
    const tokens = await ensureDevUsers(prisma, tokensFile);
    if (tokens.size > 0) {
      console.log(`\ncreated one user per role; sign in to the dashboard with a token from ${tokensFile}:`);
      for (const [username, token] of tokens) console.log(`  ${username.padEnd(18)} ${token}`);
    } else {
      // Users existed already: their tokens were shown (and written) when they were created.
      console.log(
        existsSync(tokensFile)
          ? `users exist; sign in to the dashboard with a token from ${tokensFile}, or issue one: pnpm dtsen user token --username admin`
          : 'users exist; issue a token to sign in to the dashboard with: pnpm dtsen user token --username admin',
      );
    }
  } finally {
    await prisma.$disconnect();
  }
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === 'user') {
    await userCommand(rest);
    return;
  }
  if (command === 'import') {
    const { runImportCommand } = await import('./modules/import/import.cli.js');
    process.exitCode = await runImportCommand(rest);
    return;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      scale: { type: 'string' },
      versions: { type: 'string', default: DEFAULTS.versions },
      seed: { type: 'string', default: DEFAULTS.seed },
      file: { type: 'string' },
      database: { type: 'string' },
      engine: { type: 'string' },
      json: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      compare: { type: 'string' },
      duration: { type: 'string' },
      connections: { type: 'string' },
      only: { type: 'string' },
      runs: { type: 'string' },
      cache: { type: 'string' },
      keep: { type: 'boolean' },
    },
    allowPositionals: false,
  });
  const config = loadConfig();
  const numbers = (defaultScale: string) => ({
    scale: parseNumber('--scale', values.scale ?? defaultScale),
    versions: parseNumber('--versions', values.versions!),
    seed: parseNumber('--seed', values.seed!),
  });
  const sqliteFile = () => {
    // `pnpm dtsen` runs in server/; a relative --file means relative to where the user typed the command.
    if (values.file) return resolve(process.env.INIT_CWD ?? process.cwd(), values.file);
    if (config.database.provider !== 'sqlite') throw new Error(`${command} works on SQLite; on PostgreSQL use: dtsen generate --database <url>`);
    return config.database.file;
  };
  /** Where `generate` writes: --database, else --file, else DATABASE_URL; a PostgreSQL database is created and migrated. */
  const generateInto = async (): Promise<{ file: string } | { database: string }> => {
    const url = values.database ?? (values.file === undefined && config.database.provider === 'postgresql' ? config.database.url : undefined);
    if (url === undefined) return { file: sqliteFile() };
    const database = parseDatabaseUrl(url);
    if (database.provider === 'sqlite') return { file: database.file };
    const { ensurePostgresDatabase } = await import('./db/pg-copy.js');
    if (await ensurePostgresDatabase(database.url)) console.log(`created database ${new URL(database.url).pathname.slice(1)}`);
    await applyMigrations({ provider: 'postgresql', url: database.url });
    return { database: database.url };
  };
  switch (command) {
    case 'generate': {
      const into = await generateInto();
      const report = await generateDataset({ ...numbers(DEFAULTS.scale), ...into });
      printReport(report, 'file' in into ? into.file : redactUrl(into.database));
      return;
    }
    case 'ensure-dataset': {
      const file = sqliteFile();
      if (hasPublishedVersion(file)) {
        console.log(`dataset present: ${file}`);
        await devUsers(file);
        return;
      }
      const report = await generateDataset({ ...numbers(DEFAULTS.scale), file });
      printReport(report, file);
      await devUsers(file);
      return;
    }
    case 'migrate': {
      const target = config.database.provider === 'sqlite' ? { provider: 'sqlite' as const, file: config.database.file } : config.database;
      const { applied } = await applyMigrations(target);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
      return;
    }
    case 'emit-schema': {
      const { emitSchema } = await import('./graphql/schema.js');
      const path = resolve(repoRoot, 'schema', 'schema.graphql');
      await emitSchema(path);
      console.log(`wrote ${path}`);
      return;
    }
    case 'bench-generate': {
      const { benchGenerate } = await import('./bench/generate.bench.js');
      const engine = values.engine ?? 'sqlite';
      if (engine !== 'sqlite' && engine !== 'postgresql' && engine !== 'both') throw new Error('--engine must be sqlite, postgresql or both');
      const cwd = process.env.INIT_CWD ?? process.cwd();
      await benchGenerate({ ...numbers('0.01'), engine, json: values.json ? resolve(cwd, values.json) : undefined });
      return;
    }
    case 'bench-analytics': {
      const { benchAnalytics } = await import('./bench/analytics.bench.js');
      const n = numbers('0.01');
      const compare = values.compare ?? 'full';
      if (compare !== 'full' && compare !== 'none') throw new Error('--compare must be full or none');
      await benchAnalytics(n.scale, n.versions, n.seed, {
        compareFull: compare === 'full',
        keepFile: values.file ? resolve(process.env.INIT_CWD ?? process.cwd(), values.file) : undefined,
      });
      return;
    }
    case 'bench-api': {
      const { benchApi } = await import('./bench/api.bench.js');
      const n = numbers('0.01');
      const cwd = process.env.INIT_CWD ?? process.cwd();
      await benchApi({
        file: values.file ? resolve(cwd, values.file) : resolve(repoRoot, 'data', `bench-${n.scale}.db`),
        scale: n.scale,
        durationMs: parseNumber('--duration', values.duration ?? '5') * 1000,
        connections: (values.connections ?? '1,50').split(',').map((c) => parseNumber('--connections', c)),
        cacheModes: (values.cache ?? 'off,on').split(',').map((m) => {
          if (m !== 'off' && m !== 'on') throw new Error('--cache must be off, on or off,on');
          return m;
        }),
        only: values.only?.split(','),
        json: values.json ? resolve(cwd, values.json) : undefined,
        engines: benchEngines(values.engine),
        database: values.database,
        keep: values.keep ?? false,
      });
      return;
    }
    case 'copy-to-postgres': {
      if (!values.from || !values.to) throw new Error('usage: dtsen copy-to-postgres --from file.db --to postgresql://user@host:5432/database');
      const { copyToPostgresCommand } = await import('./db/pg-copy.js');
      await copyToPostgresCommand(resolve(process.env.INIT_CWD ?? process.cwd(), values.from), values.to);
      return;
    }
    case 'bench-peers': {
      const { benchPeers } = await import('./bench/peers.bench.js');
      const n = numbers('0.01');
      const cwd = process.env.INIT_CWD ?? process.cwd();
      const report = await benchPeers({
        file: values.file ? resolve(cwd, values.file) : resolve(repoRoot, 'data', `bench-${n.scale}.db`),
        scale: n.scale,
        runs: parseNumber('--runs', values.runs ?? '10'),
        durationMs: parseNumber('--duration', values.duration ?? '5') * 1000,
        connections: (values.connections ?? '1,50').split(',').map((c) => parseNumber('--connections', c)),
        json: values.json ? resolve(cwd, values.json) : undefined,
      });
      // Time never fails the benchmark; a wrong answer or a server that cannot answer does.
      if (report.graphql.some((row) => row.error !== undefined || row.mismatch !== null)) process.exitCode = 1;
      return;
    }
    case 'bench-load': {
      const { benchLoad } = await import('./bench/load.bench.js');
      const n = numbers('0.01');
      const cwd = process.env.INIT_CWD ?? process.cwd();
      const cache = values.cache ?? 'on';
      if (cache !== 'off' && cache !== 'on') throw new Error('--cache must be off or on');
      const { errors } = await benchLoad({
        file: values.file ? resolve(cwd, values.file) : resolve(repoRoot, 'data', `bench-${n.scale}.db`),
        scale: n.scale,
        connections: parseNumber('--connections', values.connections ?? '50'),
        durationMs: parseNumber('--duration', values.duration ?? '30') * 1000,
        cache,
        json: values.json ? resolve(cwd, values.json) : undefined,
      });
      if (errors > 0) process.exitCode = 1;
      return;
    }
    case 'replica-demo': {
      const { replicaDemo } = await import('./db/replica-cluster.js');
      await replicaDemo({ from: values.from ? resolve(process.env.INIT_CWD ?? process.cwd(), values.from) : undefined });
      return;
    }
    default:
      console.error('usage: dtsen generate|ensure-dataset|migrate|emit-schema|copy-to-postgres|bench-generate|bench-analytics|bench-api|bench-load|bench-peers|replica-demo [--scale S] [--versions N] [--seed K] [--file F]');
      process.exitCode = 2;
  }
}

/** `bench-api --engine sqlite|postgresql|both` (default sqlite). */
function benchEngines(raw: string | undefined): ('sqlite' | 'postgresql')[] {
  const engine = raw ?? 'sqlite';
  if (engine === 'both') return ['sqlite', 'postgresql'];
  if (engine !== 'sqlite' && engine !== 'postgresql') throw new Error('--engine must be sqlite, postgresql or both');
  return [engine];
}

function parseNumber(name: string, raw: string): number {
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n)) throw new Error(`${name} must be a number, got "${raw}"`);
  return n;
}

export function hasPublishedVersion(file: string): boolean {
  if (!existsSync(file)) return false;
  const db = openSqlite(file, { readonly: true });
  try {
    const row = db.prepare("SELECT COUNT(*) AS n FROM dtsen_version WHERE status = 'PUBLISHED'").get() as { n: number } | undefined;
    return (row?.n ?? 0) > 0;
  } catch {
    return false;
  } finally {
    db.close();
  }
}

/** A connection URL without its password, for printing. */
function redactUrl(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.href;
}

function printReport(r: GenerateReport, file: string): void {
  const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;
  const individuals = r.rows.individual;
  console.log(`\nDTSEN synthetic dataset  scale ${r.scale}  versions ${r.versions}  seed ${r.seed}  -> ${file}`);
  console.log(`  families        ${r.families.toLocaleString('en-US')}   individuals ${individuals.toLocaleString('en-US')}`);
  for (const [table, n] of Object.entries(r.rows)) if (n > 0) console.log(`  ${table.padEnd(24)} ${n.toLocaleString('en-US').padStart(12)}`);
  console.log(`  rows total      ${r.totalRows.toLocaleString('en-US')}`);
  console.log(`  time            simulate+rank ${r.seconds.simulateAndRank}s  write ${r.seconds.write}s  index ${r.seconds.index}s  publish ${r.seconds.publish}s  total ${r.seconds.total}s`);
  console.log(`  throughput      ${Math.round(r.families / r.seconds.total).toLocaleString('en-US')} families/s  ${Math.round(r.totalRows / r.seconds.total).toLocaleString('en-US')} rows/s (write phase ${Math.round(r.totalRows / Math.max(r.seconds.write, 0.001)).toLocaleString('en-US')} rows/s)`);
  console.log(`  peak RSS        ${mb(r.peakRssBytes)}   ${r.engine === 'sqlite' ? 'file' : 'database'} ${mb(r.fileBytes)}`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
