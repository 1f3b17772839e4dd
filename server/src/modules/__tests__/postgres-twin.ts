import { applyMigrations } from '../../db/migrate.js';
import { copySqliteToPostgres } from '../../db/pg-copy.js';
import { createPostgresDatabase, dropPostgresDatabase, uniqueDatabaseName } from '../../db/postgres-admin.js';
import { createPrismaClient } from '../../db/prisma.js';
import { prismaRunner, type SqlRunner } from '../../db/sql-runner.js';

/** A PostgreSQL copy of a SQLite test database, and the raw-SQL runner the API would use on it. */
export interface PostgresTwin {
  sql: SqlRunner;
  /** Disconnects and drops the database. */
  close(): Promise<void>;
}

/**
 * Copies a SQLite test database (migrated, as the generator and the specs leave it) into a fresh `atlas_<label>_*`
 * database on ATLAS_PG_URL's server (`copySqliteToPostgres`), so that a spec can check that the computations it
 * verified on SQLite give the same answers on PostgreSQL.
 */
export async function postgresTwin(sqliteFile: string, label: string): Promise<PostgresTwin> {
  const name = uniqueDatabaseName(label);
  const url = await createPostgresDatabase(name);
  try {
    await applyMigrations({ provider: 'postgresql', url });
    await copySqliteToPostgres(sqliteFile, url);
  } catch (error) {
    await dropPostgresDatabase(name);
    throw error;
  }
  const prisma = createPrismaClient({ provider: 'postgresql', url });
  return {
    sql: prismaRunner(prisma, 'postgresql'),
    async close() {
      await prisma.$disconnect();
      await dropPostgresDatabase(name);
    },
  };
}
