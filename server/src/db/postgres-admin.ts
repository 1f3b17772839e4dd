/**
 * PostgreSQL server administration for tests and tooling: create and drop throw-away databases on the server of
 * ATLAS_PG_URL (default `postgresql://postgres@127.0.0.1:5432/postgres`). Only databases named `atlas_*` are touched.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const defaultPgUrl = 'postgresql://postgres@127.0.0.1:5432/postgres';

/** Base URL of the PostgreSQL server (any database on it). */
export function pgBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.ATLAS_PG_URL?.trim();
  return url ? url : defaultPgUrl;
}

/** The URL of database `name` on the server of `baseUrl`. */
export function postgresDatabaseUrl(name: string, baseUrl: string = pgBaseUrl()): string {
  const url = new URL(baseUrl);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.href;
}

/** A fresh database name `atlas_<label>_<random>`, safe to create in parallel test runs. */
export function uniqueDatabaseName(label: string): string {
  const slug = label.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 30);
  return `atlas_${slug ? `${slug}_` : ''}${randomBytes(6).toString('hex')}`;
}

function assertAtlasName(name: string): void {
  if (!/^atlas_[a-z0-9_]{1,57}$/.test(name)) {
    throw new Error(`refusing to manage database "${name}": names must match atlas_[a-z0-9_]+ (max 63 characters)`);
  }
}

async function withAdminClient<T>(baseUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresDatabaseUrl('postgres', baseUrl) });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Creates database `name` (must start with `atlas_`) and returns its connection URL. */
export async function createPostgresDatabase(name: string, baseUrl: string = pgBaseUrl()): Promise<string> {
  assertAtlasName(name);
  await withAdminClient(baseUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  return postgresDatabaseUrl(name, baseUrl);
}

/** Drops database `name` (must start with `atlas_`) if it exists, disconnecting its remaining sessions. */
export async function dropPostgresDatabase(name: string, baseUrl: string = pgBaseUrl()): Promise<void> {
  assertAtlasName(name);
  await withAdminClient(baseUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
