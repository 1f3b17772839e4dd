/**
 * Signing the benchmarks in: an API token on the benchmark's dataset file. Every API field but `health` and `me`
 * needs one (server/src/modules/auth). Migrations are applied first (a dataset generated before access control
 * gets its user tables), an ADMIN user `bench` is created on first use (ADMIN: every operation the benchmarks send is
 * allowed, nationwide; the load run also creates one user per role), and each run issues it a fresh token valid for
 * a day. Used by `bench-api` and, from
 * `server/dist`, by the dashboard budget (dashboard/scripts/bench.mjs). The database is a SQLite file (a path) or any
 * database configuration (`bench-peers` signs in to our server on PostgreSQL).
 */
import { parseDatabaseUrl, type DatabaseConfig } from '../config.js';
import { applyMigrations } from '../db/migrate.js';
import { createPrismaClient } from '../db/prisma.js';
import type { RoleName } from '../domain/access.js';
import { AuthService } from '../modules/auth/auth.service.js';

export const BENCH_USERNAME = 'bench';

export async function benchToken(
  database: string | DatabaseConfig, username = BENCH_USERNAME, role: RoleName = 'ADMIN', regionCode: string | null = null,
): Promise<string> {
  const config = typeof database === 'string' ? parseDatabaseUrl(`file:${database}`) : database;
  await applyMigrations(config.provider === 'sqlite' ? { provider: 'sqlite', file: config.file } : { provider: 'postgresql', url: config.url });
  const prisma = createPrismaClient(config);
  try {
    const auth = new AuthService(prisma);
    if ((await prisma.appUser.findUnique({ where: { username } })) === null) {
      await auth.createUser({ username, displayName: `Benchmark (${role})`, role, regionCode });
    }
    const { token } = await auth.issueToken(username, 'benchmark', new Date(Date.now() + 86_400_000));
    return token;
  } finally {
    await prisma.$disconnect();
  }
}
