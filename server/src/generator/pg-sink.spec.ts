// The generator's PostgreSQL target: COPY text encoding round-trips through a real server; a generated dataset lands
// with its indexes, foreign keys and triggers back exactly as the migrations made them, sequences past the loaded ids
// and every version published; a load is one transaction (a failure leaves the database empty and as migrated); a
// database that is not migrated or already holds a dataset is refused, and so is a load without a data key.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../db/migrate.js';
import { createPostgresDatabase, dropPostgresDatabase, uniqueDatabaseName } from '../db/postgres-admin.js';
import { TEST_DATA_KEY } from '../modules/__tests__/fixture.js';
import { type GenerateReport, generateDataset } from './generate.js';
import { encodeCopyRow, PostgresTargetError } from './pg-sink.js';
import type { Cell } from './sqlite-sink.js';

const names: string[] = [];
const clients: pg.Client[] = [];

async function database(label: string, migrate = true): Promise<{ url: string; client: pg.Client }> {
  const name = uniqueDatabaseName(label);
  names.push(name);
  const url = await createPostgresDatabase(name);
  if (migrate) await applyMigrations({ provider: 'postgresql', url });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  clients.push(client);
  return { url, client };
}

afterAll(async () => {
  for (const client of clients) await client.end().catch(() => undefined);
  for (const name of names) await dropPostgresDatabase(name);
}, 120_000);

const small = { scale: 0.0002, versions: 2, seed: 11, progress: null, dataKey: TEST_DATA_KEY } as const;

/** What the migrations define on the dataset: indexes, constraints and triggers (with their enabled state). */
async function catalog(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ item: string }>(`
    SELECT 'index ' || indexname || ': ' || indexdef AS item FROM pg_indexes WHERE schemaname = current_schema()
    UNION ALL SELECT 'constraint ' || conrelid::regclass::text || '.' || conname || ': ' || pg_get_constraintdef(oid)
      FROM pg_constraint WHERE connamespace = current_schema()::regnamespace
    UNION ALL SELECT 'trigger ' || tgrelid::regclass::text || '.' || tgname || ' ' || tgenabled::text FROM pg_trigger WHERE NOT tgisinternal
    ORDER BY 1`);
  return rows.map((r) => r.item);
}

const count = async (client: pg.Client, table: string) => Number((await client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${table}`)).rows[0]!.n);

describe('COPY text encoding', () => {
  it('round-trips tabs, newlines, backslashes, NULL, the text \\N, empty strings, numbers, booleans and timestamps', async () => {
    const { client } = await database('copy_text', false);
    await client.query('CREATE TABLE t (k INT, s TEXT, x DOUBLE PRECISION, b BOOLEAN, at TIMESTAMP(3))');
    const rows: Cell[][] = [
      [1, 'tab\there', 1.5e-7, 1, '2025-06-30T23:59:59.123Z'],
      [2, 'line\nbreak and\r\ncarriage', -3, 0, '1950-01-01T00:00:00.000Z'],
      [3, 'back\\slash \\N \\t', 0, 1, null],
      [4, '\\N', 12345.678, null, '2026-01-01T00:00:00.000Z'],
      [5, '', 42, 0, '2000-02-29T12:00:00.000Z'],
      [6, null, null, null, null],
      [7, 'Ngayogyakarta Hadiningrat – ünïcödé', 2 ** 40, 1, '2025-01-01T00:00:00.000Z'],
    ];
    await pipeline(Readable.from([rows.map(encodeCopyRow).join('')]), client.query(copyFrom('COPY t FROM STDIN')));
    const back = await client.query<{ k: number; s: string | null; x: number | null; b: boolean | null; at: string | null }>(
      `SELECT k, s, x, b, to_char(at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at FROM t ORDER BY k`,
    );
    expect(back.rows).toEqual(rows.map(([k, s, x, b, at]) => ({ k, s, x, b: b === null ? null : b === 1, at })));
  });
});

describe('generating into PostgreSQL', () => {
  let report: GenerateReport;
  let loaded: { url: string; client: pg.Client };
  let migrated: string[];

  beforeAll(async () => {
    loaded = await database('gen_pg');
    migrated = await catalog(loaded.client);
    report = await generateDataset({ ...small, database: loaded.url });
  }, 300_000);

  it('loads every table, publishes every version and reports the PostgreSQL database', async () => {
    expect(report.engine).toBe('postgresql');
    // (dataset_info gets its one row, the report itself, after the report is made.)
    for (const [table, n] of Object.entries(report.rows)) expect(await count(loaded.client, table), table).toBe(table === 'dataset_info' ? 1 : n);
    expect(report.rows.family).toBe(19_000);
    expect(report.published.map((p) => p.versionId)).toEqual([1, 2]);
    const { rows } = await loaded.client.query<{ status: string }>('SELECT status FROM dtsen_version ORDER BY id');
    expect(rows.map((r) => r.status)).toEqual(['PUBLISHED', 'PUBLISHED']);
    const direct = await loaded.client.query(`SELECT desil, COUNT(*)::int AS families, SUM(member_count)::int AS individuals FROM family_state
      WHERE valid_from_version_id <= 2 AND (valid_to_version_id IS NULL OR valid_to_version_id > 2) GROUP BY desil ORDER BY desil`);
    const rollup = await loaded.client.query(`SELECT desil, families, individuals FROM desil_rollup WHERE version_id = 2 AND region_code = 'ID' ORDER BY desil`);
    expect(rollup.rows).toEqual(direct.rows);
    expect(JSON.parse((await loaded.client.query<{ value: string }>("SELECT value FROM dataset_info WHERE key = 'generator'")).rows[0]!.value)).toMatchObject({
      engine: 'postgresql', families: 19_000,
    });
    expect(report.fileBytes).toBeGreaterThan(0);
  });

  it('puts back every index, constraint and trigger the migrations made, enabled', async () => {
    expect(await catalog(loaded.client)).toEqual(migrated);
  });

  it('moves every sequence past the loaded ids', async () => {
    for (const table of ['family', 'family_state', 'individual', 'exclusion_flag', 'enrollment', 'proposal', 'proposal_status_change']) {
      const { rows } = await loaded.client.query<{ next: number; max: number }>(
        `SELECT nextval(pg_get_serial_sequence('${table}', 'id'))::int AS next, (SELECT MAX(id) FROM ${table}) AS max`,
      );
      expect(rows[0]!.next, table).toBe(rows[0]!.max + 1);
    }
  });

  it('refuses a database that already holds a dataset, and leaves it as it was', async () => {
    const families = await count(loaded.client, 'family');
    await expect(generateDataset({ ...small, database: loaded.url })).rejects.toThrow(PostgresTargetError);
    expect(await count(loaded.client, 'family')).toBe(families);
  });
});

describe('a PostgreSQL load', () => {
  it('is one transaction: a failure half-way leaves the database empty, as migrated, and a re-run loads it', async () => {
    const { url, client } = await database('gen_fail');
    // A constraint the load keeps (only foreign keys are dropped) and the second batch of families breaks.
    await client.query('ALTER TABLE individual ADD CONSTRAINT test_small CHECK (family_id <= 10000)');
    const before = await catalog(client);
    await expect(generateDataset({ ...small, database: url })).rejects.toThrow(/test_small/);
    for (const table of ['region', 'dtsen_version', 'family', 'family_state', 'individual', 'enrollment']) expect(await count(client, table), table).toBe(0);
    expect(await catalog(client)).toEqual(before);
    await client.query('ALTER TABLE individual DROP CONSTRAINT test_small');
    const report = await generateDataset({ ...small, database: url, publish: false });
    expect(await count(client, 'individual')).toBe(report.rows.individual);
  }, 300_000);

  it('refuses a database without the migrations', async () => {
    const { url } = await database('gen_bare', false);
    await expect(generateDataset({ ...small, database: url })).rejects.toThrow(/missing migrations .*0001_init/);
  });

  it('needs ATLAS_DATA_KEY (no key file beside a PostgreSQL database)', async () => {
    const { url, client } = await database('gen_key');
    const saved = process.env.ATLAS_DATA_KEY;
    delete process.env.ATLAS_DATA_KEY;
    try {
      await expect(generateDataset({ ...small, dataKey: undefined, database: url })).rejects.toThrow(/ATLAS_DATA_KEY/);
    } finally {
      if (saved !== undefined) process.env.ATLAS_DATA_KEY = saved;
    }
    expect(await count(client, 'family')).toBe(0);
  });
});
