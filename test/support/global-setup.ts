/**
 * Global setup of the `integration` project: builds one real synthetic dataset (SQLite file, scale 0.001, 5
 * versions) with the generator, creates its development users (one per role, `ensureDevUsers`, as `npm start`
 * does: the regional ones in Kabupaten Bogor 32.01), starts the real server on it (GraphQL + built dashboard) on
 * a free port, and hands the tests its URL, the database file and an API token per role through
 * `inject('serverUrl')` / `inject('databaseFile')` / `inject('tokens')`.
 *
 * Its PostgreSQL twin: a fresh `atlas_it_*` database on ATLAS_PG_URL's server, migrated, holding a copy of the same
 * dataset (`copySqliteToPostgres`: same rows, same users and tokens), served by a second server started with
 * `DATABASE_URL=postgresql://...` and the SQLite dataset's data key as ATLAS_DATA_KEY; it is dropped at teardown.
 * `inject('engines')` lists both servers (the API suites run against each, test/support/engines.ts);
 * ATLAS_TEST_ENGINES=sqlite (or postgresql) narrows the list for a local run. The browser tests use the SQLite one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createApp, type AtlasApp } from '../../server/src/app.js';
import { loadConfig, parseDatabaseUrl, resolveDataKey } from '../../server/src/config.js';
import { applyMigrations } from '../../server/src/db/migrate.js';
import { copySqliteToPostgres } from '../../server/src/db/pg-copy.js';
import { createPostgresDatabase, dropPostgresDatabase, uniqueDatabaseName } from '../../server/src/db/postgres-admin.js';
import { createPrismaClient } from '../../server/src/db/prisma.js';
import type { RoleName } from '../../server/src/domain/access.js';
import { generateDataset } from '../../server/src/generator/generate.js';
import { DEV_USERS, ensureDevUsers } from '../../server/src/modules/auth/dev-users.js';

/** One database engine the API suites run against: its server and its database. */
export interface TestEngine {
  name: 'sqlite' | 'postgresql';
  /** Base URL of the server on this engine, e.g. `http://127.0.0.1:41234`. */
  serverUrl: string;
  /** `file:<path>` or `postgresql://...` (the same dataset on both). */
  databaseUrl: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    serverUrl: string;
    databaseFile: string;
    /** An API token per role: the development users of the dataset (test/support/auth.ts sends them). */
    tokens: Record<RoleName, string>;
    /** The engines the API suites run against (test/support/engines.ts). */
    engines: TestEngine[];
  }
}

const ENGINE_NAMES = ['sqlite', 'postgresql'] as const;

/** ATLAS_TEST_ENGINES: a comma-separated subset of the engines (default both). */
function selectedEngines(env: NodeJS.ProcessEnv): ReadonlySet<TestEngine['name']> {
  const raw = env.ATLAS_TEST_ENGINES?.trim();
  if (!raw) return new Set(ENGINE_NAMES);
  const names = raw.split(',').map((name) => name.trim());
  for (const name of names) {
    if (!(ENGINE_NAMES as readonly string[]).includes(name)) throw new Error(`ATLAS_TEST_ENGINES: unknown engine "${name}" (sqlite, postgresql)`);
  }
  return new Set(names as TestEngine['name'][]);
}

async function listen(atlas: AtlasApp): Promise<{ server: Server; url: string }> {
  const server: Server = await new Promise((resolve, reject) => {
    const s = atlas.app.listen(0, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}` };
}

async function stop(server: Server, atlas: AtlasApp): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await atlas.close();
}

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const selected = selectedEngines(process.env);
  const dir = mkdtempSync(join(tmpdir(), 'dtsen-it-'));
  const databaseFile = join(dir, 'dtsen.db');
  let started = performance.now();
  await generateDataset({ scale: 0.001, versions: 5, seed: 1, file: databaseFile, progress: null });
  console.log(`[global-setup] dataset generated in ${seconds(started)} s: ${databaseFile}`);
  const config = loadConfig({ ...process.env, DATABASE_URL: `file:${databaseFile}`, PORT: '0' });
  const prisma = createPrismaClient(config.database);
  const byUsername = await ensureDevUsers(prisma, join(dir, 'dtsen.users.txt'));
  await prisma.$disconnect();
  const tokens = Object.fromEntries(
    DEV_USERS.map((user) => {
      const token = byUsername.get(user.username);
      if (!token) throw new Error(`no token for the development user ${user.username}`);
      return [user.role, token];
    }),
  ) as Record<RoleName, string>;
  const atlas = await createApp(config);
  const sqlite = await listen(atlas);
  const engines: TestEngine[] = [];
  if (selected.has('sqlite')) engines.push({ name: 'sqlite', serverUrl: sqlite.url, databaseUrl: `file:${databaseFile}` });

  let postgres: { server: Server; atlas: AtlasApp; database: string } | null = null;
  if (selected.has('postgresql')) {
    started = performance.now();
    const database = uniqueDatabaseName('it');
    const url = await createPostgresDatabase(database);
    try {
      await applyMigrations({ provider: 'postgresql', url });
      const copied = await copySqliteToPostgres(databaseFile, url);
      // The key the dataset was generated with (ATLAS_DATA_KEY or the key file beside the SQLite file).
      const dataKey = resolveDataKey(process.env, parseDatabaseUrl(`file:${databaseFile}`));
      const pgAtlas = await createApp({ ...loadConfig({ ...process.env, DATABASE_URL: url, PORT: '0' }), dataKey });
      const served = await listen(pgAtlas);
      postgres = { server: served.server, atlas: pgAtlas, database };
      engines.push({ name: 'postgresql', serverUrl: served.url, databaseUrl: url });
      console.log(`[global-setup] PostgreSQL twin ${database}: ${copied.totalRows.toLocaleString('en-US')} rows copied, served in ${seconds(started)} s`);
    } catch (error) {
      await dropPostgresDatabase(database);
      throw error;
    }
  }

  project.provide('serverUrl', sqlite.url);
  project.provide('databaseFile', databaseFile);
  project.provide('tokens', tokens);
  project.provide('engines', engines);
  return async () => {
    await stop(sqlite.server, atlas);
    if (postgres) {
      await stop(postgres.server, postgres.atlas);
      await dropPostgresDatabase(postgres.database);
    }
    rmSync(dir, { recursive: true, force: true });
  };
}
