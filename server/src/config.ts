import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from './graphql/query-limits.js';

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
  /** Depth, alias, cost and token limits of one GraphQL operation (`graphql/query-limits.ts`). */
  queryLimits?: QueryLimits;
  /** Milliseconds a `/graphql` request may take before it is answered 503 TIMEOUT. */
  requestTimeoutMs?: number;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/** A positive whole number from the environment, or the default when unset. */
function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer between 0 and 65535, got "${env.PORT}"`);
  }
  const dashboardDist = resolve(env.DASHBOARD_DIST ?? resolve(repoRoot, 'dashboard', 'dist'));
  const cache = env.ATLAS_RESPONSE_CACHE ?? '1';
  if (cache !== '0' && cache !== '1') throw new Error(`ATLAS_RESPONSE_CACHE must be 0 or 1, got "${cache}"`);
  return {
    port,
    database: parseDatabaseUrl(env.DATABASE_URL),
    dashboardDist,
    responseCache: cache === '1',
    queryLimits: {
      maxDepth: positiveInteger(env, 'ATLAS_MAX_DEPTH', DEFAULT_QUERY_LIMITS.maxDepth),
      maxAliases: positiveInteger(env, 'ATLAS_MAX_ALIASES', DEFAULT_QUERY_LIMITS.maxAliases),
      maxCost: positiveInteger(env, 'ATLAS_MAX_COST', DEFAULT_QUERY_LIMITS.maxCost),
      maxTokens: positiveInteger(env, 'ATLAS_MAX_TOKENS', DEFAULT_QUERY_LIMITS.maxTokens),
    },
    requestTimeoutMs: positiveInteger(env, 'ATLAS_REQUEST_TIMEOUT_MS', DEFAULT_REQUEST_TIMEOUT_MS),
  };
}
