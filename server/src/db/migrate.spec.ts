/**
 * Tests of the migration runner on a temp SQLite file and on a throw-away PostgreSQL database, and of the drift
 * check CI runs (`node server/scripts/migrations.mjs check`).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repoRoot, type DatabaseConfig } from '../config.js';
import {
  applyMigrations,
  defaultMigrationsRoot,
  MigrationChecksumError,
  MigrationFailedError,
  readMigrations,
  type MigrationTarget,
} from './migrate.js';
import { createPostgresDatabase, dropPostgresDatabase, uniqueDatabaseName } from './postgres-admin.js';
import { createPrismaClient } from './prisma.js';

const expectedTables = [
  'region',
  'family',
  'family_state',
  'individual',
  'enrollment',
  'program',
  'poverty',
  'proposal',
  'desil_rollup',
  '_atlas_migrations',
];

const migrationsScript = resolve(repoRoot, 'server', 'scripts', 'migrations.mjs');

/** Provider-specific access to the database under test. */
interface Harness {
  target(): MigrationTarget;
  config(): DatabaseConfig;
  tables(): Promise<string[]>;
  exec(sql: string): Promise<void>;
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'atlas-migrate-spec-'));
}

/** A copy of the committed migrations plus a `9999_broken` migration that creates a table and then fails. */
function migrationsWithBrokenLast(dir: string): string {
  const root = join(dir, 'migrations');
  cpSync(defaultMigrationsRoot, root, { recursive: true });
  for (const provider of ['sqlite', 'postgresql']) {
    mkdirSync(join(root, provider, '9999_broken'), { recursive: true });
    writeFileSync(
      join(root, provider, '9999_broken', 'migration.sql'),
      'CREATE TABLE half_done (id INTEGER);\nSELECT * FROM table_that_does_not_exist;\n',
    );
  }
  return root;
}

function runnerSuite(name: string, setup: () => Promise<{ harness: Harness; teardown: () => Promise<void> }>): void {
  describe(`applyMigrations on ${name}`, () => {
    let harness: Harness;
    let teardown: () => Promise<void>;
    let scratch: string;

    beforeEach(async () => {
      ({ harness, teardown } = await setup());
      scratch = tempDir();
    });
    afterEach(async () => {
      await teardown();
      rmSync(scratch, { recursive: true, force: true });
    });

    it('creates every table in an empty database', async () => {
      const committed = readMigrations(harness.target().provider).map((m) => m.name);
      expect(committed.length).toBeGreaterThan(0);
      const { applied } = await applyMigrations(harness.target());
      expect(applied).toEqual(committed);
      expect(await harness.tables()).toEqual(expect.arrayContaining(expectedTables));
    });

    it('is a no-op when applied again', async () => {
      await applyMigrations(harness.target());
      const tables = await harness.tables();
      expect(await applyMigrations(harness.target())).toEqual({ applied: [] });
      expect(await harness.tables()).toEqual(tables);
    });

    it('rejects an applied migration whose checksum changed', async () => {
      const { applied } = await applyMigrations(harness.target());
      await harness.exec(`UPDATE _atlas_migrations SET checksum = 'tampered' WHERE name = '${applied[0]}'`);
      const error: unknown = await applyMigrations(harness.target()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MigrationChecksumError);
      expect(error).toMatchObject({ migration: applied[0], recordedChecksum: 'tampered' });
    });

    it('gives a database the generated Prisma client can read and write', async () => {
      await applyMigrations(harness.target());
      const prisma = createPrismaClient(harness.config());
      try {
        await prisma.region.create({ data: { code: 'ID', name: 'INDONESIA', level: 'NATION' } });
        await prisma.region.create({ data: { code: '32', name: 'JAWA BARAT', level: 'PROVINCE', parentCode: 'ID' } });
        const nation = await prisma.region.findUniqueOrThrow({ where: { code: 'ID' }, include: { children: true } });
        expect(nation.children.map((child) => child.name)).toEqual(['JAWA BARAT']);
      } finally {
        await prisma.$disconnect();
      }
    });

    it('rolls back a failing migration and keeps the ones before it', async () => {
      const migrationsRoot = migrationsWithBrokenLast(scratch);
      const error: unknown = await applyMigrations(harness.target(), { migrationsRoot }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MigrationFailedError);
      expect(error).toMatchObject({ migration: '9999_broken' });
      const tables = await harness.tables();
      expect(tables).toEqual(expect.arrayContaining(expectedTables));
      expect(tables).not.toContain('half_done');
    });
  });
}

runnerSuite('a SQLite file', async () => {
  const dir = tempDir();
  const file = join(dir, 'atlas.db');
  const withDb = <T>(run: (db: Database.Database) => T): T => {
    const db = new Database(file);
    try {
      return run(db);
    } finally {
      db.close();
    }
  };
  const harness: Harness = {
    target: () => ({ provider: 'sqlite', file }),
    config: () => ({ provider: 'sqlite', url: `file:${file}`, file }),
    tables: () =>
      Promise.resolve(
        withDb((db) =>
          db
            .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .all()
            .map((row) => row.name),
        ),
      ),
    exec: (sql) => Promise.resolve(withDb((db) => void db.exec(sql))),
  };
  return { harness, teardown: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })) };
});

runnerSuite('a PostgreSQL database', async () => {
  const name = uniqueDatabaseName('migrate_spec');
  const url = await createPostgresDatabase(name);
  const withClient = async <T>(run: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return await run(client);
    } finally {
      await client.end();
    }
  };
  const harness: Harness = {
    target: () => ({ provider: 'postgresql', url }),
    config: () => ({ provider: 'postgresql', url }),
    tables: () =>
      withClient(async (client) => {
        const { rows } = await client.query<{ table_name: string }>(
          "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
        );
        return rows.map((row) => row.table_name);
      }),
    exec: (sql) => withClient(async (client) => void (await client.query(sql))),
  };
  return { harness, teardown: () => dropPostgresDatabase(name) };
});

function runMigrationsScript(args: string[], env: NodeJS.ProcessEnv = {}): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [migrationsScript, ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('migrations drift check', () => {
  let scratch: string;
  beforeEach(() => {
    scratch = tempDir();
  });
  afterEach(() => {
    rmSync(scratch, { recursive: true, force: true });
  });

  it('passes on the repository: the PostgreSQL schema and the migrations match the datamodel', () => {
    const { status, output } = runMigrationsScript(['check']);
    expect(output).toContain('migrations check: the PostgreSQL schema and the migrations of both providers match');
    expect(status).toBe(0);
  });

  it('fails on an uncovered datamodel change until diff writes the migration', async () => {
    cpSync(resolve(repoRoot, 'prisma'), join(scratch, 'prisma'), { recursive: true });
    const schemaFile = join(scratch, 'prisma', 'schema.prisma');
    const schema = readFileSync(schemaFile, 'utf8');
    writeFileSync(schemaFile, schema.replace(/^model Program \{\n/m, 'model Program {\n  driftProbe String?\n'));
    const env = { ATLAS_MIGRATIONS_ROOT: scratch };

    const drifted = runMigrationsScript(['check'], env);
    expect(drifted.status).toBe(1);
    expect(drifted.output).toContain('prisma/postgresql/schema.prisma is out of date');
    expect(drifted.output).toContain('sqlite changes no committed migration covers');
    expect(drifted.output).toContain('postgresql changes no committed migration covers');
    expect(drifted.output).toContain('driftProbe');

    const diffed = runMigrationsScript(['diff', '--name', 'Drift probe'], env);
    expect(diffed.output).toMatch(/Wrote prisma\/migrations\/sqlite\/\d{4}_drift_probe\/migration\.sql/);
    expect(diffed.status).toBe(0);
    expect(runMigrationsScript(['check'], env).status).toBe(0);

    const { applied } = await applyMigrations(
      { provider: 'sqlite', file: join(scratch, 'drift.db') },
      { migrationsRoot: join(scratch, 'prisma', 'migrations') },
    );
    expect(applied.at(-1)).toMatch(/_drift_probe$/);
  });
});
