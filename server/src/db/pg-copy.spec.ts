// The SQLite → PostgreSQL copy on a tiny generated dataset (published, so every rollup has rows) with development
// users, a token and audit events: every table arrives with the same row count and the same content (a checksum of
// every row, values normalised independently of the copy's own conversion), the sequences continue after the
// copied ids, the immutability triggers are on again, and a second copy into the now non-empty database is refused.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../generator/generate.js';
import { ensureDevUsers } from '../modules/auth/dev-users.js';
import { CopyRefusedError, copySqliteToPostgres, copyToPostgresCommand, loadOrder, pgTimestamp, type CopyReport } from './pg-copy.js';
import { dropPostgresDatabase, postgresDatabaseUrl, uniqueDatabaseName } from './postgres-admin.js';
import { createPrismaClient } from './prisma.js';
import { openSqlite, type SqliteDatabase } from './sqlite.js';

const dir = mkdtempSync(join(tmpdir(), 'dtsen-pgcopy-'));
const file = join(dir, 'tiny.db');
const database = uniqueDatabaseName('pgcopy');
const url = postgresDatabaseUrl(database);
let report: CopyReport;
let sqlite: SqliteDatabase;
let client: pg.Client;

beforeAll(async () => {
  await generateDataset({ scale: 0.00001, versions: 3, seed: 3, file, progress: null, dataKey: Buffer.alloc(32, 9) });
  const prisma = createPrismaClient({ provider: 'sqlite', url: `file:${file}`, file });
  try {
    await ensureDevUsers(prisma, join(dir, 'users.txt'));
    await prisma.auditEvent.createMany({
      data: [
        { kind: 'PERSON_READ', field: 'families', operation: 'Families\twith "tab"', arguments: '{"first":5,"note":"line\\nbreak \\\\ backslash"}', rowCount: 5, clear: false },
        { kind: 'MUTATION', field: 'publishVersion', operation: null, arguments: '{}', rowCount: 0, clear: true, userId: 1 },
      ],
    });
  } finally {
    await prisma.$disconnect();
  }
  sqlite = openSqlite(file, { readonly: true });
  const lines: string[] = [];
  report = await copyToPostgresCommand(file, url, (line) => lines.push(line));
  expect(lines[0]).toBe(`created database ${database}`);
  // No clear value of the raw content is ever needed: the types are read as PostgreSQL's text output.
  client = new pg.Client({ connectionString: url, types: { getTypeParser: () => (value: string) => value } });
  await client.connect();
}, 240_000);

afterAll(async () => {
  await client?.end();
  sqlite?.close();
  await dropPostgresDatabase(database);
  rmSync(dir, { recursive: true, force: true });
});

interface Column {
  name: string;
  type: string;
}

async function columnsOf(table: string): Promise<Column[]> {
  const { rows } = await client.query<{ column_name: string; data_type: string }>(
    "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position",
    [table],
  );
  return rows.map((r) => ({ name: r.column_name, type: r.data_type }));
}

/** Epoch milliseconds of a stored date and time: ISO text (with or without zone, UTC), SQLite's CURRENT_TIMESTAMP, ms. */
function epochMs(value: unknown): number {
  if (typeof value === 'number') return value;
  const s = String(value);
  return Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : `${s.replace(' ', 'T')}Z`);
}

/** One value in a form both engines agree on when the copy is right. */
function normalise(type: string, value: unknown): string | number | null {
  if (value === null) return null;
  switch (type) {
    case 'boolean':
      return value === 1 || value === 't' ? 1 : value === 0 || value === 'f' ? 0 : `invalid ${String(value)}`;
    case 'timestamp without time zone':
      return epochMs(value);
    case 'integer':
    case 'bigint':
    case 'double precision':
      return Number(value);
    default:
      return String(value);
  }
}

/** Count and SHA-256 of the sorted normalised rows. */
function digest(columns: readonly Column[], rows: readonly unknown[][]): { rows: number; sha256: string } {
  const lines = rows.map((row) => JSON.stringify(row.map((value, k) => normalise(columns[k]!.type, value)))).sort();
  return { rows: rows.length, sha256: createHash('sha256').update(lines.join('\n')).digest('hex') };
}

describe('copySqliteToPostgres', () => {
  it('copies every table with the same rows and content', async () => {
    const tables = Object.keys(report.rows);
    expect(tables.length).toBeGreaterThanOrEqual(27);
    for (const table of ['family', 'individual', 'family_state', 'enrollment', 'desil_rollup', 'targeting_rollup', 'transition_rollup', 'app_user', 'api_token', 'audit_event']) {
      expect(report.rows[table], table).toBeGreaterThan(0);
    }
    for (const table of tables) {
      const columns = await columnsOf(table);
      const list = columns.map((c) => `"${c.name}"`).join(', ');
      const source = digest(columns, sqlite.prepare(`SELECT ${list} FROM "${table}"`).raw(true).all() as unknown[][]);
      const target = digest(columns, (await client.query({ text: `SELECT ${list} FROM "${table}"`, rowMode: 'array' })).rows as unknown[][]);
      expect(target, table).toEqual(source);
      expect(report.rows[table], table).toBe(source.rows);
    }
    expect(report.totalRows).toBe(Object.values(report.rows).reduce((a, n) => a + n, 0));
  });

  it('loads parents first', () => {
    const order = Object.keys(report.rows);
    for (const [child, parent] of [['family_state', 'family'], ['individual', 'family'], ['enrollment', 'individual'], ['enrollment', 'program'],
      ['exclusion_flag', 'exclusion_criterion'], ['api_token', 'app_user'], ['audit_event', 'app_user'], ['proposal_status_change', 'proposal']]) {
      expect(order.indexOf(parent!), `${parent} before ${child}`).toBeLessThan(order.indexOf(child!));
    }
    expect(() => loadOrder([{ name: 'a', parents: ['b'] }, { name: 'b', parents: ['a'] }])).toThrow(/cycle/);
  });

  it('continues the sequences after the copied ids and keeps the triggers on', async () => {
    const max = Number((await client.query('SELECT MAX(id) AS m FROM audit_event')).rows[0].m);
    const inserted = await client.query("INSERT INTO audit_event (kind, field, arguments, row_count) VALUES ('MUTATION', 'x', '{}', 0) RETURNING id");
    expect(Number(inserted.rows[0].id)).toBe(max + 1);
    await expect(client.query('DELETE FROM audit_event')).rejects.toThrow(/append-only/);
    await expect(client.query("UPDATE dtsen_version SET label = 'X' WHERE id = 1")).rejects.toThrow(/immutable/);
    await expect(client.query('DELETE FROM desil_rollup WHERE version_id = 1')).rejects.toThrow(/immutable/);
    const { rows } = await client.query("SELECT COUNT(*) AS n FROM pg_trigger WHERE NOT tgisinternal AND tgenabled <> 'O'");
    expect(Number(rows[0].n)).toBe(0);
  });

  it('refuses a target that is not empty, leaving it as it was', async () => {
    const before = Number((await client.query('SELECT COUNT(*) AS n FROM family')).rows[0].n);
    await expect(copySqliteToPostgres(file, url)).rejects.toThrow(CopyRefusedError);
    expect(Number((await client.query('SELECT COUNT(*) AS n FROM family')).rows[0].n)).toBe(before);
  });

  it('writes stored dates as the UTC wall clock Prisma reads on PostgreSQL', () => {
    expect(pgTimestamp('2025-05-15T00:00:00.000Z')).toBe('2025-05-15 00:00:00.000');
    expect(pgTimestamp('2026-11-22 05:10:33')).toBe('2026-11-22 05:10:33.000');
    expect(pgTimestamp('2025-05-15T07:30:00')).toBe('2025-05-15 07:30:00.000');
    expect(pgTimestamp('2001-12-23')).toBe('2001-12-23 00:00:00.000');
    expect(pgTimestamp(Date.UTC(2025, 7, 15, 1, 2, 3, 4))).toBe('2025-08-15 01:02:03.004');
    expect(() => pgTimestamp('soon')).toThrow(/not a date/);
  });
});
