/**
 * The collation check against real PostgreSQL databases: one with this server's default (byte order), one with ICU's
 * default rules (which keep the region ranges right too), and one whose ICU collation ignores punctuation, as glibc's
 * en_US.UTF-8 does (a locale this machine does not have): the check, the migrations and the server's startup refuse it.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { loadConfig } from '../config.js';
import { applyMigrations } from './migrate.js';
import { CollationError, assertRegionCodeOrder, collationName, failedOrderChecks, REGION_ORDER_CHECKS } from './postgres-collation.js';
import { dropPostgresDatabase, pgBaseUrl, postgresDatabaseUrl, uniqueDatabaseName } from './postgres-admin.js';

const databases: Record<'byteOrder' | 'icuDefault' | 'punctuationIgnored', string> = {
  byteOrder: uniqueDatabaseName('collation_c'),
  icuDefault: uniqueDatabaseName('collation_icu'),
  punctuationIgnored: uniqueDatabaseName('collation_shifted'),
};
const url = (name: string) => postgresDatabaseUrl(name, pgBaseUrl());

async function withClient<T>(database: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url(database) });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

const check = (database: string) =>
  withClient(database, (client) => assertRegionCodeOrder(async (sql) => (await client.query<Record<string, unknown>>(sql)).rows));

beforeAll(async () => {
  await withClient('postgres', async (admin) => {
    await admin.query(`CREATE DATABASE "${databases.byteOrder}" TEMPLATE template0 LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
    await admin.query(`CREATE DATABASE "${databases.icuDefault}" TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'und' LOCALE 'C.UTF-8'`);
    // "ka-shifted": punctuation is ignorable on the first levels, as in glibc's en_US.UTF-8.
    await admin.query(
      `CREATE DATABASE "${databases.punctuationIgnored}" TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US-u-ka-shifted' LOCALE 'C.UTF-8'`,
    );
  });
});

afterAll(async () => {
  for (const name of Object.values(databases)) await dropPostgresDatabase(name);
});

describe('the region code order check', () => {
  it('passes on a byte-order database and on ICU default rules', async () => {
    await expect(check(databases.byteOrder)).resolves.toBeUndefined();
    await expect(check(databases.icuDefault)).resolves.toBeUndefined();
  });

  it('refuses a collation that ignores punctuation, naming it and the comparisons that failed', async () => {
    const error = await check(databases.punctuationIgnored).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(CollationError);
    const e = error as CollationError;
    expect(e.code).toBe('DATABASE_COLLATION');
    expect(e.collation).toBe('ICU en-US-u-ka-shifted');
    expect(e.failed).toContain('villageBelowUpper');
    expect(e.message).toMatch(/LC_COLLATE 'C\.UTF-8'/u);
  });

  it('is what the region ranges compute there: the filter of kabupaten 32.01 misses its villages', async () => {
    const inRange = (database: string) =>
      withClient(database, async (client) =>
        (await client.query<{ n: number }>(
          `SELECT COUNT(*)::int AS n FROM (VALUES ('32.01.01.2001'), ('32.01.10.2003'), ('32.010'), ('32.02.01.2001')) v(code)
            WHERE code >= '32.01.' AND code < '32.01/'`,
        )).rows[0]!.n,
      );
    expect(await inRange(databases.byteOrder)).toBe(2);
    expect(await inRange(databases.punctuationIgnored)).not.toBe(2);
  });

  it('keeps migrations from writing anything into such a database', async () => {
    await expect(applyMigrations({ provider: 'postgresql', url: url(databases.punctuationIgnored) })).rejects.toBeInstanceOf(CollationError);
    const tables = await withClient(databases.punctuationIgnored, async (client) =>
      (await client.query("SELECT COUNT(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'")).rows[0].n as number,
    );
    expect(tables).toBe(0);
  });

  it('keeps the server from starting on it', async () => {
    const config = loadConfig({ DATABASE_URL: url(databases.punctuationIgnored), ATLAS_DATA_KEY: 'ab'.repeat(32) });
    await expect(createApp(config, { logger: { error: () => undefined } })).rejects.toBeInstanceOf(CollationError);
  });
});

describe('collationName and failedOrderChecks', () => {
  it('name the ICU locale (PostgreSQL 15-16 and 17+) or the libc collation', () => {
    expect(collationName({ datlocprovider: 'i', daticulocale: 'en-US', datcollate: 'C.UTF-8' })).toBe('ICU en-US');
    expect(collationName(JSON.stringify({ datlocprovider: 'i', datlocale: 'und', datcollate: 'C' }))).toBe('ICU und');
    expect(collationName({ datlocprovider: 'c', datcollate: 'en_US.UTF-8' })).toBe('en_US.UTF-8');
    expect(collationName(null)).toBe('unknown');
  });

  it('count a check as passed only when it is true', () => {
    const all = Object.fromEntries(Object.keys(REGION_ORDER_CHECKS).map((k) => [k, true]));
    expect(failedOrderChecks(all)).toEqual([]);
    expect(failedOrderChecks({ ...all, prefixFirst: false, nextRegencyAboveUpper: null })).toEqual(['nextRegencyAboveUpper', 'prefixFirst']);
  });
});
