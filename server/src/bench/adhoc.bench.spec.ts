/**
 * The ad-hoc aggregation of `bench-peers` on the three real engines (a SQLite file, a PostgreSQL database created
 * for the test, DuckDB in memory), over a handful of hand-made rows whose answer is known: states and members
 * outside the version, another province, a family without a disabled member at the version.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, dropPostgresDatabase, uniqueDatabaseName } from '../db/postgres-admin.js';
import { openSqlite } from '../db/sqlite.js';
import { adhocSql, benchAdhoc, diffAdhocRows } from './adhoc.bench.js';

/** family_id, valid_from, valid_to, regency_code, desil */
const STATES: [number, number, number | null, string, number][] = [
  [1, 1, null, '32.01', 2],
  [2, 1, 3, '32.01', 5], // closed at version 3: not in force
  [2, 3, null, '32.02', 4],
  [3, 1, null, '32.01', 4], // its disabled member joins at version 4
  [4, 1, null, '33.01', 1], // another province
  [5, 2, null, '32.71', 4],
  [6, 4, null, '32.01', 3], // opens after version 3
];
/** family_id, from, to, disability */
const MEMBERS: [number, number, number | null, boolean][] = [
  [1, 1, null, true], [1, 1, null, false],
  [2, 1, null, true], [2, 2, null, false], [2, 1, 3, true], // left at version 3
  [3, 4, null, true], [3, 1, null, false],
  [4, 1, null, true],
  [5, 2, null, true], [5, 2, null, true], [5, 1, null, false],
  [6, 4, null, true],
];
const EXPECTED = [
  { desil: 2, families: 1, individuals: 2, disabledIndividuals: 1 },
  { desil: 4, families: 2, individuals: 5, disabledIndividuals: 3 },
];

const SCHEMA = [
  'CREATE TABLE family_state (family_id INTEGER, valid_from_version_id INTEGER, valid_to_version_id INTEGER, regency_code TEXT, desil INTEGER)',
  'CREATE TABLE individual (family_id INTEGER, from_version_id INTEGER, to_version_id INTEGER, disability BOOLEAN)',
];

describe('ad-hoc aggregation on SQLite, PostgreSQL and DuckDB', () => {
  let dir: string;
  let sqliteFile: string;
  const database = uniqueDatabaseName('adhoc_spec');
  let pgUrl: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dtsen-adhoc-'));
    sqliteFile = join(dir, 'adhoc.db');
    const db = openSqlite(sqliteFile);
    for (const sql of SCHEMA) db.exec(sql);
    const state = db.prepare('INSERT INTO family_state VALUES (?, ?, ?, ?, ?)');
    for (const row of STATES) state.run(...row);
    const member = db.prepare('INSERT INTO individual VALUES (?, ?, ?, ?)');
    for (const [f, from, to, disabled] of MEMBERS) member.run(f, from, to, disabled ? 1 : 0);
    db.close();

    pgUrl = await createPostgresDatabase(database);
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    try {
      for (const sql of SCHEMA) await client.query(sql);
      for (const row of STATES) await client.query('INSERT INTO family_state VALUES ($1, $2, $3, $4, $5)', row);
      for (const row of MEMBERS) await client.query('INSERT INTO individual VALUES ($1, $2, $3, $4)', row);
    } finally {
      await client.end();
    }
  });

  afterAll(async () => {
    await dropPostgresDatabase(database);
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the same, known answer in the three engines, and times each', async () => {
    const report = await benchAdhoc({ sqliteFile, pgUrl, question: { versionId: 3, provinceCode: '32' }, runs: 2 });
    expect(report.rows).toEqual(EXPECTED);
    expect(report.timings.map((t) => t.engine)).toEqual(['sqlite', 'postgresql', 'duckdb']);
    expect(report.timings.find((t) => t.engine === 'duckdb')?.loadedRows).toBe(STATES.length + MEMBERS.length);
    expect(report.timings.find((t) => t.engine === 'duckdb')?.threads).toBeGreaterThan(0);
    for (const t of report.timings) expect(t.runs).toBe(2);
  });

  it('fails when an engine answers differently', async () => {
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    try {
      await client.query('INSERT INTO individual VALUES (1, 1, NULL, true)');
      await expect(benchAdhoc({ sqliteFile, pgUrl, question: { versionId: 3, provinceCode: '32' }, runs: 1 }))
        .rejects.toThrow(/postgresql differs from SQLite: row 1/);
    } finally {
      await client.query('DELETE FROM individual WHERE family_id = 1');
      for (const row of MEMBERS.filter(([f]) => f === 1)) await client.query('INSERT INTO individual VALUES ($1, $2, $3, $4)', row);
      await client.end();
    }
  });

  it('fails when nothing matches, rather than comparing empty answers', async () => {
    await expect(benchAdhoc({ sqliteFile, pgUrl, question: { versionId: 3, provinceCode: '11' }, runs: 1 })).rejects.toThrow(/no family matches/);
  });
});

describe('adhocSql and diffAdhocRows', () => {
  it('refuses a malformed version or province instead of putting it in the SQL', () => {
    expect(() => adhocSql({ versionId: 0, provinceCode: '32' })).toThrow(/versionId/);
    expect(() => adhocSql({ versionId: 1, provinceCode: "32' OR 1=1 --" })).toThrow(/provinceCode/);
  });

  it('names the first difference', () => {
    expect(diffAdhocRows(EXPECTED, EXPECTED)).toBeNull();
    expect(diffAdhocRows(EXPECTED, EXPECTED.slice(1))).toBe('1 rows instead of 2');
    expect(diffAdhocRows(EXPECTED, [EXPECTED[0]!, { ...EXPECTED[1]!, disabledIndividuals: 4 }])).toMatch(/^row 2:/);
  });
});
