import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (two levels above server/src or server/dist). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Default SQLite file: a git-ignored `data/` folder at the repository root. */
export const defaultSqlitePath = resolve(repoRoot, 'data', 'dtsen.db');

export type DatabaseConfig =
  | { provider: 'sqlite'; url: string; file: string }
  | { provider: 'postgresql'; url: string };

/** Parses DATABASE_URL: `file:<path>` (or a bare path) selects SQLite, `postgres(ql)://` selects PostgreSQL. */
export function parseDatabaseUrl(url: string | undefined): DatabaseConfig {
  if (!url || url.trim() === '') {
    return { provider: 'sqlite', url: `file:${defaultSqlitePath}`, file: defaultSqlitePath };
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { provider: 'postgresql', url };
  const file = resolve(url.startsWith('file:') ? url.slice('file:'.length) : url);
  return { provider: 'sqlite', url: `file:${file}`, file };
}

export interface AppConfig {
  port: number;
  database: DatabaseConfig;
  /** Folder of the built dashboard served at `/`. */
  dashboardDist: string;
  /**
   * Cache the complete responses of aggregate queries until the database changes (`graphql/response-cache.ts`;
   * SQLite only). `ATLAS_RESPONSE_CACHE=0` turns it off. Default on.
   */
  responseCache?: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer between 0 and 65535, got "${env.PORT}"`);
  }
  const dashboardDist = resolve(env.DASHBOARD_DIST ?? resolve(repoRoot, 'dashboard', 'dist'));
  const cache = env.ATLAS_RESPONSE_CACHE ?? '1';
  if (cache !== '0' && cache !== '1') throw new Error(`ATLAS_RESPONSE_CACHE must be 0 or 1, got "${cache}"`);
  return { port, database: parseDatabaseUrl(env.DATABASE_URL), dashboardDist, responseCache: cache === '1' };
}
