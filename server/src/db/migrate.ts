/**
 * Migration runner: applies the committed SQL migrations `prisma/migrations/<provider>/<name>/migration.sql` (written
 * by `pnpm --filter @dtsen/server migrations:diff`) to a SQLite file or a PostgreSQL database, in name order, each in
 * its own transaction. Applied migrations are recorded with a checksum in `_atlas_migrations`; editing an applied
 * migration is an error. Running it again is a no-op. Migrations recorded in the database but absent from the
 * checkout (a database ahead of the code) are left alone.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { repoRoot } from '../config.js';
import { assertRegionCodeOrder } from './postgres-collation.js';
import { openSqlite } from './sqlite.js';

export type MigrationTarget = { provider: 'sqlite'; file: string } | { provider: 'postgresql'; url: string };
export type MigrationProvider = MigrationTarget['provider'];

export interface Migration {
  /** Directory name, e.g. `0001_init`; migrations apply in ascending name order. */
  name: string;
  sql: string;
  /** SHA-256 (hex) of the SQL with line endings normalised to LF. */
  checksum: string;
}

export interface ApplyMigrationsOptions {
  /** Folder holding `<provider>/<name>/migration.sql`; defaults to `prisma/migrations` at the repository root. */
  migrationsRoot?: string;
}

export const defaultMigrationsRoot = resolve(repoRoot, 'prisma', 'migrations');

const createTableSql =
  'CREATE TABLE IF NOT EXISTS _atlas_migrations (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)';

/** An already-applied migration whose file no longer matches what was applied. */
export class MigrationChecksumError extends Error {
  override readonly name = 'MigrationChecksumError';

  constructor(
    readonly migration: string,
    readonly recordedChecksum: string,
    readonly currentChecksum: string,
  ) {
    super(
      `migration ${migration} changed after it was applied (recorded checksum ${recordedChecksum}, file now ` +
        `${currentChecksum}); add a new migration instead of editing an applied one`,
    );
  }
}

/** A migration whose SQL failed; its transaction was rolled back. */
export class MigrationFailedError extends Error {
  override readonly name = 'MigrationFailedError';

  constructor(
    readonly migration: string,
    cause: unknown,
  ) {
    super(`migration ${migration} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

export function migrationChecksum(sql: string): string {
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex');
}

/** The migrations of a provider on disk, in apply order. */
export function readMigrations(provider: MigrationProvider, migrationsRoot: string = defaultMigrationsRoot): Migration[] {
  const dir = join(migrationsRoot, provider);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => {
      const file = join(dir, name, 'migration.sql');
      if (!existsSync(file)) throw new Error(`migration directory ${join(dir, name)} has no migration.sql`);
      const sql = readFileSync(file, 'utf8');
      return { name, sql, checksum: migrationChecksum(sql) };
    });
}

/** One database's view of the migrations table. */
interface MigrationStore {
  /** Recorded migrations: name -> checksum. */
  recorded(): Promise<Map<string, string>>;
  /** Runs the migration and records it in one transaction; false when another process recorded it first. */
  apply(migration: Migration): Promise<boolean>;
  close(): Promise<void>;
}

function openSqliteStore(file: string): MigrationStore {
  const db = openSqlite(file);
  db.exec(createTableSql);
  const find = db.prepare<[string], { checksum: string }>('SELECT checksum FROM _atlas_migrations WHERE name = ?');
  const insert = db.prepare<[string, string, string]>(
    'INSERT INTO _atlas_migrations (name, checksum, applied_at) VALUES (?, ?, ?)',
  );
  const applyOne = db.transaction((migration: Migration): boolean => {
    if (find.get(migration.name)) return false;
    db.exec(migration.sql);
    insert.run(migration.name, migration.checksum, new Date().toISOString());
    return true;
  });
  return {
    recorded: () => {
      const rows = db.prepare<[], { name: string; checksum: string }>('SELECT name, checksum FROM _atlas_migrations').all();
      return Promise.resolve(new Map(rows.map((row) => [row.name, row.checksum])));
    },
    apply: (migration) => {
      try {
        // IMMEDIATE takes the write lock up front, so concurrent runners serialise instead of failing to upgrade.
        return Promise.resolve(applyOne.immediate(migration));
      } catch (error) {
        return Promise.reject(new MigrationFailedError(migration.name, error));
      }
    },
    close: () => {
      db.close();
      return Promise.resolve();
    },
  };
}

async function openPostgresStore(url: string): Promise<MigrationStore> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // A database whose collation breaks the region ranges is refused before anything is written (db/postgres-collation.ts).
    await assertRegionCodeOrder(async (sql) => (await client.query<Record<string, unknown>>(sql)).rows);
    // Session-level lock: concurrent runners on the same database wait for each other.
    await client.query("SELECT pg_advisory_lock(hashtext('_atlas_migrations'))");
    await client.query(createTableSql);
  } catch (error) {
    await client.end();
    throw error;
  }
  return {
    recorded: async () => {
      const { rows } = await client.query<{ name: string; checksum: string }>('SELECT name, checksum FROM _atlas_migrations');
      return new Map(rows.map((row) => [row.name, row.checksum]));
    },
    apply: async (migration) => {
      await client.query('BEGIN');
      try {
        await client.query(migration.sql); // no parameters: simple protocol, multi-statement scripts are allowed
        await client.query('INSERT INTO _atlas_migrations (name, checksum, applied_at) VALUES ($1, $2, $3)', [
          migration.name,
          migration.checksum,
          new Date().toISOString(),
        ]);
        await client.query('COMMIT');
        return true;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw new MigrationFailedError(migration.name, error);
      }
    },
    close: async () => {
      await client.end(); // ending the session releases the advisory lock
    },
  };
}

/** Applies the missing migrations of `target`'s provider; returns the names applied by this call. */
export async function applyMigrations(
  target: MigrationTarget,
  options: ApplyMigrationsOptions = {},
): Promise<{ applied: string[] }> {
  const migrations = readMigrations(target.provider, options.migrationsRoot);
  const store = target.provider === 'sqlite' ? openSqliteStore(target.file) : await openPostgresStore(target.url);
  try {
    const recorded = await store.recorded();
    for (const migration of migrations) {
      const checksum = recorded.get(migration.name);
      if (checksum !== undefined && checksum !== migration.checksum) {
        throw new MigrationChecksumError(migration.name, checksum, migration.checksum);
      }
    }
    const applied: string[] = [];
    for (const migration of migrations) {
      if (recorded.has(migration.name)) continue;
      if (await store.apply(migration)) applied.push(migration.name);
    }
    return { applied };
  } finally {
    await store.close();
  }
}
