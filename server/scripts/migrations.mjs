/**
 * Schema and migration tooling for both database providers (plain Node ESM, no build step).
 *
 *   node scripts/migrations.mjs generate-postgres-schema   writes prisma/postgresql/schema.prisma from prisma/schema.prisma
 *   node scripts/migrations.mjs prisma-generate            the above, then `prisma generate` for both schema files
 *   node scripts/migrations.mjs diff --name <name>         writes a new numbered migration per provider when the
 *                                                          datamodel has changes the existing migrations do not cover
 *   node scripts/migrations.mjs check                      exits 1 when the PostgreSQL schema or the migrations drift
 *
 * Prisma's native schema engine cannot be downloaded here, so SQL is diffed with @prisma/schema-engine-wasm driven
 * by a driver adapter: the existing migrations are applied to a scratch database (a temp SQLite file, a temp
 * PostgreSQL database `atlas_scratch_*` on the server of ATLAS_PG_URL), which is then diffed against the datamodel.
 * Environment: ATLAS_PG_URL (default postgresql://postgres@127.0.0.1:5432/postgres), ATLAS_MIGRATIONS_ROOT, DEBUG.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const serverDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// ATLAS_MIGRATIONS_ROOT points the prisma/ paths at another checkout (tests use a drifted copy); packages still
// resolve from this server's node_modules.
const repoRoot = resolve(process.env.ATLAS_MIGRATIONS_ROOT ?? resolve(serverDir, '..'));
const requireFromServer = createRequire(join(serverDir, 'package.json'));

export const paths = {
  sqliteSchema: join(repoRoot, 'prisma', 'schema.prisma'),
  postgresSchema: join(repoRoot, 'prisma', 'postgresql', 'schema.prisma'),
  migrations: (provider) => join(repoRoot, 'prisma', 'migrations', provider),
  engineStub: join(serverDir, 'scripts', 'schema-engine-stub.sh'),
};

export const providers = /** @type {const} */ (['sqlite', 'postgresql']);

const defaultPgUrl = 'postgresql://postgres@127.0.0.1:5432/postgres';
const repoPath = (file) => relative(repoRoot, file).split(sep).join('/');

// ---------------------------------------------------------------------------------------------------------------
// PostgreSQL schema generation
// ---------------------------------------------------------------------------------------------------------------

const postgresHeader = [
  '// GENERATED FILE - DO NOT EDIT. Edit prisma/schema.prisma instead.',
  '// Written by `node server/scripts/migrations.mjs generate-postgres-schema` (run by `pnpm --filter @dtsen/server codegen`):',
  '// a copy of prisma/schema.prisma with the datasource provider set to "postgresql" and the client generated to',
  '// server/src/generated/prisma/postgresql. `pnpm --filter @dtsen/server migrations:check` fails when this file drifts.',
  '',
  '',
].join('\n');

/** Rewrites a generator output (relative to prisma/) into the PostgreSQL client output relative to prisma/postgresql/. */
function postgresOutput(sqliteOutput) {
  const absolute = resolve(dirname(paths.sqliteSchema), sqliteOutput);
  if (absolute.split(sep).at(-1) !== 'sqlite') {
    throw new Error(`generator output "${sqliteOutput}" in prisma/schema.prisma must end in /sqlite`);
  }
  const target = join(dirname(absolute), 'postgresql');
  return relative(dirname(paths.postgresSchema), target).split(sep).join(posix.sep);
}

/** The exact content of prisma/postgresql/schema.prisma for a given prisma/schema.prisma (pure, deterministic). */
export function renderPostgresSchema(sqliteSchema) {
  let datasources = 0;
  let outputs = 0;
  const body = sqliteSchema.replace(/^(generator|datasource)\s+\w+\s*\{[^}]*\}/gm, (block, kind) => {
    if (kind === 'datasource') {
      return block.replace(/^(\s*provider\s*=\s*)"sqlite"/m, (_m, lead) => {
        datasources += 1;
        return `${lead}"postgresql"`;
      });
    }
    return block.replace(/^(\s*output\s*=\s*)"([^"]*)"/m, (_m, lead, output) => {
      outputs += 1;
      return `${lead}"${postgresOutput(output)}"`;
    });
  });
  if (datasources !== 1) throw new Error('prisma/schema.prisma must have exactly one datasource with provider "sqlite"');
  if (outputs === 0) throw new Error('prisma/schema.prisma must have a generator with an output');
  return postgresHeader + body;
}

function expectedPostgresSchema() {
  return renderPostgresSchema(readFileSync(paths.sqliteSchema, 'utf8'));
}

/** Writes prisma/postgresql/schema.prisma (only when its content changes). */
export function generatePostgresSchema() {
  const content = expectedPostgresSchema();
  const current = existsSync(paths.postgresSchema) ? readFileSync(paths.postgresSchema, 'utf8') : null;
  if (current === content) return false;
  mkdirSync(dirname(paths.postgresSchema), { recursive: true });
  writeFileSync(paths.postgresSchema, content);
  return true;
}

// ---------------------------------------------------------------------------------------------------------------
// prisma generate
// ---------------------------------------------------------------------------------------------------------------

export function prismaGenerate() {
  generatePostgresSchema();
  const pkgJson = requireFromServer.resolve('prisma/package.json');
  const cli = join(dirname(pkgJson), JSON.parse(readFileSync(pkgJson, 'utf8')).bin.prisma);
  for (const schema of [paths.sqliteSchema, paths.postgresSchema]) {
    const result = spawnSync(process.execPath, [cli, 'generate', '--schema', schema], {
      cwd: serverDir,
      stdio: 'inherit',
      env: {
        ...process.env,
        // `prisma generate` only asks the schema engine for its version; the stub answers without a download.
        PRISMA_SCHEMA_ENGINE_BINARY: paths.engineStub,
        CHECKPOINT_DISABLE: '1',
        PRISMA_HIDE_UPDATE_MESSAGE: '1',
      },
    });
    if (result.status !== 0) throw new Error(`prisma generate failed for ${repoPath(schema)}`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Schema engine (wasm) and scratch databases
// ---------------------------------------------------------------------------------------------------------------

let enginePromise;

/** Loads @prisma/schema-engine-wasm. Its entry imports the .wasm as an ES module, which Node 20 cannot, so instantiate by hand. */
function loadSchemaEngine() {
  enginePromise ??= (async () => {
    const bgPath = requireFromServer.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bg = await import(pathToFileURL(bgPath).href);
    const bytes = readFileSync(bgPath.replace(/\.js$/, '.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bg });
    bg.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start();
    return bg;
  })();
  return enginePromise;
}

/** The engine calls adapter methods unbound and expects Result objects: Prisma's own binder does both. */
async function bindFactory(factory, adapterPackage) {
  const adapterRequire = createRequire(requireFromServer.resolve(adapterPackage));
  const utils = await import(pathToFileURL(adapterRequire.resolve('@prisma/driver-adapter-utils')).href);
  return utils.bindMigrationAwareSqlAdapterFactory(factory);
}

const noFilters = { externalTables: [], externalEnums: [] };

/** SQL taking the database behind `factory` to `schema`; null when they already match. */
async function diffDatabaseToSchema(factory, schemaPath, schema) {
  const { SchemaEngine } = await loadSchemaEngine();
  const logs = [];
  const files = [{ path: repoPath(schemaPath), content: schema }];
  const engine = await SchemaEngine.new({ datamodels: [[files[0].path, schema]] }, (line) => logs.push(line), factory);
  try {
    const result = await engine.diff({
      from: { tag: 'schemaDatasource', files, configDir: dirname(schemaPath) },
      to: { tag: 'schemaDatamodel', files },
      script: true,
      exitCode: true,
      filters: noFilters,
    });
    return result.exitCode === 2 ? result.stdout ?? '' : null;
  } catch (error) {
    if (process.env.DEBUG) process.stderr.write(logs.join(''));
    throw error;
  } finally {
    engine.free();
  }
}

/** Existing migration directories of a provider, in apply (name) order, as server/src/db/migrate.ts reads them. */
export function listMigrations(provider) {
  const dir = paths.migrations(provider);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({ name: entry.name, file: join(dir, entry.name, 'migration.sql') }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Runs one committed migration on a scratch database, naming it when it does not apply. */
async function replay(provider, migration, run) {
  try {
    await run(readFileSync(migration.file, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${provider} migration ${migration.name} does not apply to a fresh database: ${reason}`, { cause: error });
  }
}

async function pendingSqlite(schema) {
  const { default: Database } = await import(pathToFileURL(requireFromServer.resolve('better-sqlite3')).href);
  const { PrismaBetterSqlite3 } = await import(pathToFileURL(requireFromServer.resolve('@prisma/adapter-better-sqlite3')).href);
  const dir = mkdtempSync(join(tmpdir(), 'atlas-migrations-'));
  try {
    const file = join(dir, 'scratch.db');
    const db = new Database(file);
    try {
      for (const migration of listMigrations('sqlite')) {
        await replay('sqlite', migration, (sql) => db.exec(sql));
      }
    } finally {
      db.close();
    }
    const factory = await bindFactory(new PrismaBetterSqlite3({ url: file }), '@prisma/adapter-better-sqlite3');
    return await diffDatabaseToSchema(factory, paths.sqliteSchema, schema);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A pg Client class reporting PostgreSQL's internal `"char"` type (OID 18, used by the catalog columns the engine
 * introspects, e.g. pg_class.relkind) as text: @prisma/adapter-pg 7.10 rejects OID 18 as an unsupported column type,
 * which makes the wasm engine fail to describe any PostgreSQL schema. The values are already plain strings.
 */
function catalogCharAsText(Client) {
  const widen = (result) => {
    for (const one of Array.isArray(result) ? result : [result]) {
      for (const field of one?.fields ?? []) if (field.dataTypeID === 18) field.dataTypeID = 25;
    }
    return result;
  };
  return class extends Client {
    query(config, values, callback) {
      const cb = typeof values === 'function' ? values : callback;
      const args = typeof values === 'function' ? [config] : [config, values];
      if (typeof cb === 'function') return super.query(...args, (error, result) => cb(error, result && widen(result)));
      const submitted = super.query(...args);
      return typeof submitted?.then === 'function' ? submitted.then(widen) : submitted;
    }
  };
}

async function pendingPostgres(schema) {
  const { default: pg } = await import(pathToFileURL(requireFromServer.resolve('pg')).href);
  const { PrismaPg } = await import(pathToFileURL(requireFromServer.resolve('@prisma/adapter-pg')).href);
  const adminUrl = new URL(process.env.ATLAS_PG_URL ?? defaultPgUrl);
  adminUrl.pathname = '/postgres';
  const name = `atlas_scratch_${randomBytes(6).toString('hex')}`;
  const scratchUrl = new URL(adminUrl);
  scratchUrl.pathname = `/${name}`;
  const admin = new pg.Client({ connectionString: adminUrl.href });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
    const pool = new pg.Pool({ connectionString: scratchUrl.href, max: 2, Client: catalogCharAsText(pg.Client) });
    try {
      for (const migration of listMigrations('postgresql')) {
        await replay('postgresql', migration, (sql) => pool.query(sql));
      }
      const factory = await bindFactory(new PrismaPg(pool), '@prisma/adapter-pg');
      return await diffDatabaseToSchema(factory, paths.postgresSchema, schema);
    } finally {
      await pool.end();
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

/** SQL each provider still needs on top of its committed migrations (null = up to date). */
export async function pendingChanges() {
  const sqlite = await pendingSqlite(readFileSync(paths.sqliteSchema, 'utf8'));
  const postgresql = await pendingPostgres(expectedPostgresSchema());
  return { sqlite, postgresql };
}

// ---------------------------------------------------------------------------------------------------------------
// diff and check
// ---------------------------------------------------------------------------------------------------------------

function nextNumber() {
  const numbers = providers.flatMap((provider) =>
    listMigrations(provider)
      .filter((m) => /^\d{4}_/.test(m.name))
      .map((m) => Number(m.name.slice(0, 4))),
  );
  return Math.max(0, ...numbers) + 1;
}

/** Writes `NNNN_<name>/migration.sql` for each provider whose datamodel is ahead of its migrations. */
export async function diff(name) {
  generatePostgresSchema();
  const pending = await pendingChanges();
  const changed = providers.filter((provider) => pending[provider] !== null);
  if (changed.length === 0) {
    console.log('No schema changes: the migrations already produce the datamodel.');
    return [];
  }
  const slug = (name ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  if (!slug) throw new Error(`The datamodel changed (${changed.join(', ')}): pass --name <migration_name>`);
  const dirName = `${String(nextNumber()).padStart(4, '0')}_${slug}`;
  const written = [];
  for (const provider of changed) {
    const file = join(paths.migrations(provider), dirName, 'migration.sql');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, pending[provider]);
    written.push(repoPath(file));
    console.log(`Wrote ${repoPath(file)}`);
  }
  return written;
}

/** Drift problems: an outdated PostgreSQL schema, or datamodel changes without a migration. Empty when all is well. */
export async function check() {
  const problems = [];
  const expected = expectedPostgresSchema();
  const actual = existsSync(paths.postgresSchema) ? readFileSync(paths.postgresSchema, 'utf8') : null;
  if (actual !== expected) {
    problems.push(
      `${repoPath(paths.postgresSchema)} is ${actual === null ? 'missing' : 'out of date'}: ` +
        'run `pnpm --filter @dtsen/server codegen` (or `node server/scripts/migrations.mjs generate-postgres-schema`) and commit it.',
    );
  }
  const pending = await pendingChanges();
  for (const provider of providers) {
    const sql = pending[provider];
    if (sql === null) continue;
    const preview = sql.trim().split('\n').slice(0, 12).map((line) => `    ${line}`).join('\n');
    problems.push(
      `prisma/schema.prisma has ${provider} changes no committed migration covers: run ` +
        '`pnpm --filter @dtsen/server migrations:diff --name <name>` and commit prisma/migrations. Missing SQL:\n' +
        preview,
    );
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------------------------------------------

function flag(args, name) {
  const index = args.findIndex((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
  if (index < 0) return undefined;
  const arg = args[index];
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[index + 1];
}

async function main(args) {
  const [command, ...rest] = args;
  switch (command) {
    case 'generate-postgres-schema':
      console.log(
        generatePostgresSchema() ? `Wrote ${repoPath(paths.postgresSchema)}` : `${repoPath(paths.postgresSchema)} is up to date`,
      );
      return 0;
    case 'prisma-generate':
      prismaGenerate();
      return 0;
    case 'diff':
      await diff(flag(rest, 'name'));
      return 0;
    case 'check': {
      const problems = await check();
      if (problems.length === 0) {
        console.log('migrations check: the PostgreSQL schema and the migrations of both providers match the datamodel.');
        return 0;
      }
      console.error(`migrations check FAILED:\n${problems.map((p) => `- ${p}`).join('\n')}`);
      return 1;
    }
    default:
      console.error('usage: node scripts/migrations.mjs <generate-postgres-schema | prisma-generate | diff --name <name> | check>');
      return 2;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
