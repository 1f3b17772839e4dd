// Publishing on PostgreSQL: the same seed generated into SQLite and into PostgreSQL (COPY) gives the same base tables,
// and every rollup of every version is equal row for row between the engines, whether PostgreSQL publishes
// incrementally or counts every family. Publishing there is one transaction (a failure leaves the version a draft with
// no rollup rows, and it can be re-run), in order, a no-op when published, one at a time per database; the immutability
// triggers hold afterwards; the `publishVersion` service publishes on PostgreSQL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../db/migrate.js';
import { createPostgresDatabase, dropPostgresDatabase, postgresDatabaseUrl, uniqueDatabaseName } from '../../db/postgres-admin.js';
import { createPrismaClient, type AtlasPrisma } from '../../db/prisma.js';
import { openSqlite, type SqliteDatabase } from '../../db/sqlite.js';
import { generateDataset } from '../../generator/generate.js';
import { TABLES } from '../../generator/sqlite-sink.js';
import { TEST_DATA_KEY } from '../__tests__/fixture.js';
import { VersionService } from '../version/version.service.js';
import { PUBLISH_LOCK, publishVersionPostgres } from './publish.postgres.js';
import { PublishInProgressError, ROLLUP_TABLES, type PublishMode, type PublishResult, VersionOrderError } from './publish.service.js';
import { PublishingService } from './publishing.service.js';

const SCALE = 0.0002;
const SEED = 5;
const VERSIONS = 4; // 2025-Q2 .. 2026-Q1: the last one starts a new calendar year (every age moves on)

const dir = mkdtempSync(join(tmpdir(), 'dtsen-pg-publish-'));
let sqlite: SqliteDatabase;
const draftName = uniqueDatabaseName('pub_draft');
const created: string[] = [];
const clients: pg.Client[] = [];
const published: Record<'incremental' | 'full', { client: pg.Client; results: PublishResult[] }> = {} as never;

/** A fresh database holding a copy of the unpublished PostgreSQL dataset, and a connection to it. */
async function draftCopy(label: string): Promise<{ name: string; url: string; client: pg.Client }> {
  const name = uniqueDatabaseName(label);
  const admin = new pg.Client({ connectionString: postgresDatabaseUrl('postgres') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${draftName}"`);
  } finally {
    await admin.end();
  }
  created.push(name);
  const url = postgresDatabaseUrl(name);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  clients.push(client);
  return { name, url, client };
}

beforeAll(async () => {
  await generateDataset({ scale: SCALE, versions: VERSIONS, seed: SEED, file: join(dir, 's.db'), progress: null, dataKey: TEST_DATA_KEY });
  sqlite = openSqlite(join(dir, 's.db'), { readonly: true });
  const url = await createPostgresDatabase(draftName);
  created.push(draftName);
  await applyMigrations({ provider: 'postgresql', url });
  await generateDataset({ scale: SCALE, versions: VERSIONS, seed: SEED, database: url, progress: null, publish: false, dataKey: TEST_DATA_KEY });
  for (const mode of ['incremental', 'full'] as const satisfies readonly PublishMode[]) {
    const { client } = await draftCopy(`pub_${mode}`);
    const results: PublishResult[] = [];
    for (let v = 1; v <= VERSIONS; v++) results.push(await publishVersionPostgres(client, v, { mode }));
    published[mode] = { client, results };
  }
}, 600_000);

afterAll(async () => {
  sqlite?.close();
  for (const client of clients) await client.end().catch(() => undefined);
  for (const name of created) await dropPostgresDatabase(name);
  rmSync(dir, { recursive: true, force: true });
}, 120_000);

/** Rows as plain, comparable values: booleans as 0/1, floats to 6 decimals. */
function normalise(rows: Array<Record<string, unknown>>): unknown[][] {
  return rows.map((row) =>
    Object.values(row).map((value) => {
      if (typeof value === 'boolean') return value ? 1 : 0;
      if (typeof value === 'number' && !Number.isInteger(value)) return Math.round(value * 1e6) / 1e6;
      return value;
    }),
  );
}

/** Rows of a PostgreSQL query, with bigint columns (money, since migration 0017) as numbers, like SQLite's. */
async function pgRows(client: pg.Client, text: string): Promise<Array<Record<string, unknown>>> {
  const types = { getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === 20 ? Number : pg.types.getTypeParser(oid, format)) };
  return (await client.query({ text, types } as pg.QueryConfig)).rows as Array<Record<string, unknown>>;
}

async function columnsOf(client: pg.Client, table: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    'SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position',
    [table],
  );
  return rows.map((r) => r.name);
}

async function rollupRows(client: pg.Client, table: string, v: number): Promise<{ sqlite: unknown[][]; postgres: unknown[][] }> {
  const columns = (await columnsOf(client, table)).join(', ');
  const sql = `SELECT ${columns} FROM ${table} WHERE version_id = ${v} ORDER BY ${columns}`;
  return {
    sqlite: normalise(sqlite.prepare(sql).all() as Array<Record<string, unknown>>),
    postgres: normalise(await pgRows(client, sql)),
  };
}

describe('the same seed on SQLite and PostgreSQL', () => {
  it('loads the same number of rows into every base table', async () => {
    const { client } = published.full;
    for (const table of Object.keys(TABLES)) {
      const s = (sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
      const p = Number((await client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${table}`)).rows[0]!.n);
      expect(p, table).toBe(s);
      if (table !== 'dataset_info') expect(s, table).toBeGreaterThan(0);
    }
  });

  it('loads the same family states, members and memberships, value for value', async () => {
    const { client } = published.full;
    const queries = {
      family_state: { sqlite: 'SELECT * FROM family_state ORDER BY id', postgres: 'SELECT * FROM family_state ORDER BY id' },
      individual: {
        sqlite: `SELECT id, nik_hash, nik_masked, family_id, name, relationship, sex, substr(birth_date, 1, 10) AS born, disability, deceased,
                 from_version_id, to_version_id FROM individual ORDER BY id`,
        postgres: `SELECT id, nik_hash, nik_masked, family_id, name, relationship, sex, to_char(birth_date, 'YYYY-MM-DD') AS born, disability,
                   deceased, from_version_id, to_version_id FROM individual ORDER BY id`,
      },
      enrollment: { sqlite: 'SELECT * FROM enrollment ORDER BY id', postgres: 'SELECT * FROM enrollment ORDER BY id' },
    };
    for (const [table, q] of Object.entries(queries)) {
      const s = normalise(sqlite.prepare(q.sqlite).all() as Array<Record<string, unknown>>);
      const p = normalise(await pgRows(client, q.postgres));
      expect(p.length, table).toBe(s.length);
      expect(p, table).toEqual(s);
    }
  });

  it('publishes incrementally after the first version, or counts every family', () => {
    expect(published.incremental.results.map((r) => r.method)).toEqual(['full', 'incremental', 'incremental', 'incremental']);
    expect(published.full.results.map((r) => r.method)).toEqual(['full', 'full', 'full', 'full']);
    const all = published.full.results[1]!.familiesCounted!;
    for (const r of published.incremental.results.slice(1)) {
      expect(r.familiesCounted).toBeGreaterThan(0);
      expect(r.familiesCounted).toBeLessThan(all);
    }
  });

  it.each(ROLLUP_TABLES)('%s: equal row for row to SQLite at every version, incremental and full', async (table) => {
    for (let v = table === 'churn_rollup' || table === 'transition_rollup' ? 2 : 1; v <= VERSIONS; v++) {
      for (const mode of ['incremental', 'full'] as const) {
        const { sqlite: expected, postgres: actual } = await rollupRows(published[mode].client, table, v);
        expect(expected.length, `${table} v${v} has rows`).toBeGreaterThan(0);
        expect(actual.length, `${table} v${v} ${mode}: rows`).toBe(expected.length);
        expect(actual, `${table} v${v} ${mode}`).toEqual(expected);
      }
    }
  });

  it('reports the rollup rows it wrote, and every version is PUBLISHED with its date', async () => {
    const { client, results } = published.incremental;
    for (const r of results) {
      for (const table of ROLLUP_TABLES) {
        const n = Number((await client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${table} WHERE version_id = $1`, [r.versionId])).rows[0]!.n);
        expect(r.rows?.[table], `${table} v${r.versionId}`).toBe(n);
      }
    }
    const { rows } = await client.query<{ status: string; published_at: Date | null }>('SELECT status, published_at FROM dtsen_version ORDER BY id');
    expect(rows.map((r) => r.status)).toEqual(Array(VERSIONS).fill('PUBLISHED'));
    expect(rows.every((r) => r.published_at !== null)).toBe(true);
  });
});

describe('publishing on PostgreSQL', () => {
  const count = async (client: pg.Client, sql: string, params: unknown[] = []) => Number((await client.query<{ n: string }>(sql, params)).rows[0]!.n);
  const rollupRowsOf = async (client: pg.Client, v: number) => {
    let n = 0;
    for (const table of ROLLUP_TABLES) n += await count(client, `SELECT COUNT(*) AS n FROM ${table} WHERE version_id = $1`, [v]);
    return n;
  };
  const statusOf = async (client: pg.Client, v: number) =>
    (await client.query<{ status: string; published_at: Date | null }>('SELECT status, published_at FROM dtsen_version WHERE id = $1', [v])).rows[0];

  it('is one transaction: a failure midway leaves the version a draft with no rollup rows, and a re-run publishes it', async () => {
    const { client } = await draftCopy('pub_atomic');
    // A statement late in the publication fails: the quota recipients are written after every additive rollup.
    await client.query(`CREATE FUNCTION test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$`);
    await client.query('CREATE TRIGGER test_refuse BEFORE INSERT ON quota_recipient_rollup FOR EACH ROW EXECUTE FUNCTION test_refuse()');
    await expect(publishVersionPostgres(client, 1)).rejects.toThrow(/injected failure/);
    expect(await statusOf(client, 1)).toEqual({ status: 'DRAFT', published_at: null });
    expect(await rollupRowsOf(client, 1)).toBe(0);
    // The session is usable again, and the publication simply runs again.
    await client.query('DROP TRIGGER test_refuse ON quota_recipient_rollup');
    const result = await publishVersionPostgres(client, 1);
    expect(result).toMatchObject({ versionId: 1, alreadyPublished: false, method: 'full' });
    expect((await statusOf(client, 1))?.status).toBe('PUBLISHED');
    expect(await rollupRowsOf(client, 1)).toBe(Object.values(result.rows!).reduce((a, b) => a + b, 0));
  });

  it('publishes versions in order, and a published version again is a no-op', async () => {
    const { client } = await draftCopy('pub_order');
    await expect(publishVersionPostgres(client, 2)).rejects.toThrow(VersionOrderError);
    expect((await statusOf(client, 2))?.status).toBe('DRAFT');
    expect(await rollupRowsOf(client, 2)).toBe(0);
    await publishVersionPostgres(client, 1);
    const before = await rollupRowsOf(client, 1);
    const again = await publishVersionPostgres(client, 1);
    expect(again).toMatchObject({ versionId: 1, alreadyPublished: true });
    expect(await rollupRowsOf(client, 1)).toBe(before);
    await expect(publishVersionPostgres(client, 3)).rejects.toThrow(VersionOrderError);
    expect(await rollupRowsOf(client, 3)).toBe(0);
  });

  it('publishes one version at a time per database (advisory lock)', async () => {
    const { url, client } = await draftCopy('pub_lock');
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    clients.push(other);
    await other.query('SELECT pg_advisory_lock($1)', [PUBLISH_LOCK]);
    await expect(publishVersionPostgres(client, 1)).rejects.toThrow(PublishInProgressError);
    expect((await statusOf(client, 1))?.status).toBe('DRAFT');
    await other.query('SELECT pg_advisory_unlock($1)', [PUBLISH_LOCK]);
    expect((await publishVersionPostgres(client, 1)).alreadyPublished).toBe(false);
  });

  it('leaves the published versions immutable (migrations 0002, 0004, 0008, 0012, 0013, 0019)', async () => {
    const { client } = published.incremental;
    for (const sql of [
      "UPDATE dtsen_version SET label = 'X' WHERE id = 1",
      'DELETE FROM dtsen_version WHERE id = 2',
      'UPDATE family_state SET desil = 1 WHERE id = (SELECT MIN(id) FROM family_state WHERE valid_from_version_id = 1)',
      'DELETE FROM family_state WHERE id = (SELECT MIN(id) FROM family_state WHERE valid_from_version_id = 2)',
      'UPDATE desil_rollup SET families = families + 1 WHERE version_id = 1',
      'DELETE FROM targeting_rollup WHERE version_id = 2',
      'UPDATE targeting_class_rollup SET units = 0 WHERE version_id = 3',
      'DELETE FROM overlap_rollup WHERE version_id = 4',
      'DELETE FROM membership_rollup WHERE version_id = 1',
      "INSERT INTO transition_rollup (version_id, region_code, from_desil, to_desil, families) VALUES (2, 'ID', 11, 11, 1)",
      'DELETE FROM quota_recipient_rollup WHERE version_id = 4',
      'DELETE FROM churn_rollup WHERE version_id = 2',
      'UPDATE proposal_rollup SET proposals = proposals + 1 WHERE version_id = 1',
    ]) {
      await expect(client.query(sql), sql).rejects.toThrow(/immutable/);
    }
  });
});

describe('publishVersion on PostgreSQL (PublishingService)', () => {
  let prisma: AtlasPrisma;

  afterAll(async () => {
    await prisma?.$disconnect();
  });

  it('publishes in order on its own connection, with the API errors of SQLite', async () => {
    const { url, client } = await draftCopy('pub_service');
    prisma = createPrismaClient({ provider: 'postgresql', url });
    const service = new PublishingService({ provider: 'postgresql', url }, new VersionService(prisma));
    await expect(service.publish(2)).rejects.toMatchObject({ extensions: { code: 'CONFLICT', reason: 'VERSION_OUT_OF_ORDER' } });
    await expect(service.publish(99)).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    const version = await service.publish(1, { publishedAt: new Date('2025-06-30T00:00:00Z') });
    expect(version).toMatchObject({ id: 1, status: 'PUBLISHED' });
    expect(await rollupRows(client, 'desil_rollup', 1)).toEqual(await rollupRows(published.full.client, 'desil_rollup', 1));
    await expect(service.publish(1)).rejects.toMatchObject({ extensions: { code: 'CONFLICT', reason: 'VERSION_ALREADY_PUBLISHED' } });
    // Another process publishing on the same database (here: a session holding the lock) is a conflict too.
    await client.query('SELECT pg_advisory_lock($1)', [PUBLISH_LOCK]);
    await expect(service.publish(2)).rejects.toMatchObject({ extensions: { code: 'CONFLICT', reason: 'PUBLISH_IN_PROGRESS' } });
    await client.query('SELECT pg_advisory_unlock($1)', [PUBLISH_LOCK]);
    expect(await service.publish(2)).toMatchObject({ id: 2, status: 'PUBLISHED' });
  });
});
