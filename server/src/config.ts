import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DATA_KEY_BYTES, parseDataKey } from './domain/identifiers.js';
import { parseSmallCellThreshold } from './domain/suppression.js';
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
   * Cache the complete responses of aggregate queries until the database changes (`graphql/response-cache.ts`; on
   * PostgreSQL through `db/pg-generation.ts`). `ATLAS_RESPONSE_CACHE=0` turns it off. Default on.
   */
  responseCache?: boolean;
  /** Depth, alias, cost and token limits of one GraphQL operation (`graphql/query-limits.ts`). */
  queryLimits?: QueryLimits;
  /** Milliseconds a `/graphql` request may take before it is answered 503 TIMEOUT. */
  requestTimeoutMs?: number;
  /** 32-byte data key NIK/KK are hashed and sealed with; default {@link resolveDataKey} of the database. */
  dataKey?: Buffer;
  /**
   * Small-cell threshold (`ATLAS_SMALL_CELL_THRESHOLD`, default 5): in aggregate answers to roles without
   * UNSUPPRESSED_COUNTS, counts from 1 to this minus 1 are withheld (`domain/suppression.ts`); 0 or 1 turns it off.
   */
  smallCellThreshold?: number;
  /**
   * PostgreSQL read replicas (`DATABASE_REPLICA_URL`, comma separated): every query operation reads from one of them,
   * everything else runs on `database` (`db/read-routing.ts`). Empty or absent: everything on `database`.
   */
  readReplicaUrls?: string[];
}

/** The key file of a SQLite database when ATLAS_DATA_KEY is not set: `data/dtsen.db` → `data/dtsen.key`. */
export function dataKeyFile(sqliteFile: string): string {
  return `${sqliteFile.replace(/\.db$/, '')}.key`;
}

/**
 * The data key NIK and KK are hashed and sealed with (`domain/identifiers.ts`): ATLAS_DATA_KEY (64 hex characters)
 * when set, which production must do, keeping the key apart from the database. Otherwise, for SQLite only, the key
 * file next to the database ({@link dataKeyFile}), created with mode 600 on first use so that a development setup
 * needs nothing. PostgreSQL without ATLAS_DATA_KEY is an error.
 */
export function resolveDataKey(env: NodeJS.ProcessEnv, database: DatabaseConfig): Buffer {
  const fromEnv = env.ATLAS_DATA_KEY;
  if (fromEnv !== undefined && fromEnv !== '') {
    try {
      return parseDataKey(fromEnv);
    } catch {
      throw new Error('ATLAS_DATA_KEY must be 64 hexadecimal characters (32 bytes)');
    }
  }
  if (database.provider !== 'sqlite') throw new Error('ATLAS_DATA_KEY must be set (64 hexadecimal characters) with PostgreSQL');
  const file = dataKeyFile(database.file);
  try {
    writeFileSync(file, `${randomBytes(DATA_KEY_BYTES).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  try {
    return parseDataKey(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`the data key file ${file} is unreadable or not 64 hexadecimal characters: ${(error as Error).message}`);
  }
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

/** ATLAS_SMALL_CELL_THRESHOLD: a whole number ≥ 0, default 5. */
function smallCellThreshold(env: NodeJS.ProcessEnv): number {
  try {
    return parseSmallCellThreshold(env.ATLAS_SMALL_CELL_THRESHOLD);
  } catch {
    throw new Error(`ATLAS_SMALL_CELL_THRESHOLD must be a whole number ≥ 0 (0 or 1 turns suppression off), got "${env.ATLAS_SMALL_CELL_THRESHOLD}"`);
  }
}

/**
 * DATABASE_REPLICA_URL: one or more `postgresql://` URLs, comma separated, of streaming replicas of DATABASE_URL's
 * database. Only with a PostgreSQL DATABASE_URL.
 */
export function parseReplicaUrls(raw: string | undefined, database: DatabaseConfig): string[] {
  const urls = (raw ?? '').split(',').map((url) => url.trim()).filter((url) => url !== '');
  if (urls.length === 0) return [];
  if (database.provider !== 'postgresql') throw new Error('DATABASE_REPLICA_URL needs a PostgreSQL DATABASE_URL (read replicas are PostgreSQL streaming replicas)');
  for (const url of urls) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new Error(`DATABASE_REPLICA_URL must list postgresql:// URLs, comma separated; got "${url}"`);
  }
  return urls;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer between 0 and 65535, got "${env.PORT}"`);
  }
  const dashboardDist = resolve(env.DASHBOARD_DIST ?? resolve(repoRoot, 'dashboard', 'dist'));
  const cache = env.ATLAS_RESPONSE_CACHE ?? '1';
  if (cache !== '0' && cache !== '1') throw new Error(`ATLAS_RESPONSE_CACHE must be 0 or 1, got "${cache}"`);
  const database = parseDatabaseUrl(env.DATABASE_URL);
  return {
    port,
    database,
    readReplicaUrls: parseReplicaUrls(env.DATABASE_REPLICA_URL, database),
    dashboardDist,
    responseCache: cache === '1',
    queryLimits: {
      maxDepth: positiveInteger(env, 'ATLAS_MAX_DEPTH', DEFAULT_QUERY_LIMITS.maxDepth),
      maxAliases: positiveInteger(env, 'ATLAS_MAX_ALIASES', DEFAULT_QUERY_LIMITS.maxAliases),
      maxCost: positiveInteger(env, 'ATLAS_MAX_COST', DEFAULT_QUERY_LIMITS.maxCost),
      maxTokens: positiveInteger(env, 'ATLAS_MAX_TOKENS', DEFAULT_QUERY_LIMITS.maxTokens),
    },
    requestTimeoutMs: positiveInteger(env, 'ATLAS_REQUEST_TIMEOUT_MS', DEFAULT_REQUEST_TIMEOUT_MS),
    smallCellThreshold: smallCellThreshold(env),
  };
}
