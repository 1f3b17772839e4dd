/**
 * The ad-hoc aggregation of `bench-peers`: a question no rollup answers, asked of the same rows in three engines.
 *
 * "At version V, the families of province P (their state in force at V) with at least one member with a disability
 * on the family card at V: per desil, how many families, how many members, how many of them disabled."
 * `desil_rollup` counts every family, the targeting cube counts people by disability but not families by whether
 * any member has one, so this needs the base tables: the temporal family states and the members.
 *
 * One SQL text (standard SQL, the version and province as validated literals) runs unchanged on
 * (a) SQLite, the dataset file (better-sqlite3, read-only); (b) PostgreSQL, the same rows copied by
 * `db/pg-copy.ts`; (c) DuckDB (`@duckdb/node-api`, in memory). DuckDB cannot read SQLite here (its `sqlite_scanner`
 * extension would be downloaded, and this machine is offline), so the columns the query needs are read from the
 * SQLite file and appended in 2,048-row data chunks (DuckDB's vector size); that load is timed on its own. Each
 * engine answers once cold (not counted) and then `runs` times; the three answers must be identical, else the
 * benchmark throws (correctness, never time, fails it).
 */
import { BOOLEAN, DuckDBDataChunk, DuckDBInstance, INTEGER, VARCHAR, type DuckDBConnection, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import pg from 'pg';
import { openSqlite } from '../db/sqlite.js';
import { memberAt, stateInForce } from '../db/temporal-sql.js';
import { percentile } from './sql-capture.js';

/** The question: a version and a province (two-digit Kemendagri code). */
export interface AdhocQuestion {
  versionId: number;
  provinceCode: string;
}

/** One desil of the answer. */
export interface AdhocRow {
  desil: number;
  families: number;
  /** Members on the card at the version of those families. */
  individuals: number;
  /** Of them, with a disability. */
  disabledIndividuals: number;
}

export type AdhocEngine = 'sqlite' | 'postgresql' | 'duckdb';

export interface AdhocTiming {
  engine: AdhocEngine;
  /** DuckDB only: reading the columns from SQLite and appending them (ms). */
  loadMs: number | null;
  /** Rows loaded into DuckDB (family states + individuals). */
  loadedRows: number | null;
  /** DuckDB only: the threads it may use (its default: one per core). */
  threads: number | null;
  /** The first, cold answer (ms), not in the percentiles. */
  firstMs: number;
  runs: number;
  p50: number;
  p95: number;
  min: number;
}

export interface AdhocReport {
  question: AdhocQuestion;
  sql: string;
  rows: AdhocRow[];
  timings: AdhocTiming[];
}

/** The SQL of the question, the same text for the three engines. */
export function adhocSql({ versionId, provinceCode }: AdhocQuestion): string {
  if (!Number.isSafeInteger(versionId) || versionId < 1) throw new Error(`versionId must be a positive integer, got ${versionId}`);
  if (!/^\d{2}$/.test(provinceCode)) throw new Error(`provinceCode must be a two-digit province code, got "${provinceCode}"`);
  const v = String(versionId);
  return `SELECT f.desil AS desil, COUNT(*) AS families, SUM(f.members) AS individuals, SUM(f.disabled) AS disabled_individuals
FROM (
  SELECT s.family_id, s.desil, COUNT(*) AS members, SUM(CASE WHEN i.disability THEN 1 ELSE 0 END) AS disabled
  FROM family_state s
  JOIN individual i ON i.family_id = s.family_id AND ${memberAt('i', v)}
  WHERE ${stateInForce('s', v)} AND s.regency_code LIKE '${provinceCode}.%'
  GROUP BY s.family_id, s.desil
) f
WHERE f.disabled > 0
GROUP BY f.desil
ORDER BY f.desil`;
}

/** Rows as the engines return them (numbers, bigints or numeric strings) to plain numbers. */
export function toAdhocRows(rows: readonly Record<string, unknown>[]): AdhocRow[] {
  const int = (value: unknown, column: string): number => {
    const n = typeof value === 'bigint' ? Number(value) : typeof value === 'string' ? Number(value) : value;
    if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw new Error(`column ${column}: not an integer: ${String(value)}`);
    return n;
  };
  return rows.map((r) => ({
    desil: int(r.desil, 'desil'),
    families: int(r.families, 'families'),
    individuals: int(r.individuals, 'individuals'),
    disabledIndividuals: int(r.disabled_individuals, 'disabled_individuals'),
  }));
}

/** Null when equal, else the first difference in words. */
export function diffAdhocRows(expected: readonly AdhocRow[], actual: readonly AdhocRow[]): string | null {
  if (expected.length !== actual.length) return `${actual.length} rows instead of ${expected.length}`;
  for (let k = 0; k < expected.length; k++) {
    const e = expected[k]!;
    const a = actual[k]!;
    if (e.desil !== a.desil || e.families !== a.families || e.individuals !== a.individuals || e.disabledIndividuals !== a.disabledIndividuals) {
      return `row ${k + 1}: ${JSON.stringify(a)} instead of ${JSON.stringify(e)}`;
    }
  }
  return null;
}

export interface AdhocOptions {
  sqliteFile: string;
  pgUrl: string;
  question: AdhocQuestion;
  /** Timed answers per engine after the first (default 10). */
  runs?: number;
  log?: (line: string) => void;
}

/** Asks the question of the three engines; throws when their answers differ or are empty. */
export async function benchAdhoc(options: AdhocOptions): Promise<AdhocReport> {
  const log = options.log ?? (() => undefined);
  const runs = options.runs ?? 10;
  const sql = adhocSql(options.question);
  const answers = new Map<AdhocEngine, AdhocRow[]>();
  const timings: AdhocTiming[] = [];

  log('  SQLite ...');
  const sqlite = openSqlite(options.sqliteFile, { readonly: true });
  try {
    const statement = sqlite.prepare(sql);
    const measured = await measure(runs, () => statement.all() as Record<string, unknown>[]);
    answers.set('sqlite', toAdhocRows(measured.rows));
    timings.push({ engine: 'sqlite', loadMs: null, loadedRows: null, threads: null, ...measured.timing });
  } finally {
    sqlite.close();
  }

  log('  PostgreSQL ...');
  const client = new pg.Client({ connectionString: options.pgUrl });
  await client.connect();
  try {
    const measured = await measure(runs, async () => (await client.query<Record<string, unknown>>(sql)).rows);
    answers.set('postgresql', toAdhocRows(measured.rows));
    timings.push({ engine: 'postgresql', loadMs: null, loadedRows: null, threads: null, ...measured.timing });
  } finally {
    await client.end();
  }

  log('  DuckDB: loading the columns ...');
  const instance = await DuckDBInstance.create(':memory:');
  const duck = await instance.connect();
  try {
    const started = performance.now();
    const loadedRows = await loadIntoDuckDb(options.sqliteFile, duck);
    const loadMs = performance.now() - started;
    log(`  DuckDB: ${loadedRows.toLocaleString('en-US')} rows loaded in ${(loadMs / 1000).toFixed(1)} s; querying ...`);
    const threads = Number((await duck.runAndReadAll("SELECT current_setting('threads') AS threads")).getRowObjects()[0]?.threads);
    const prepared = await duck.prepare(sql);
    const measured = await measure(runs, async () => (await prepared.runAndReadAll()).getRowObjects());
    answers.set('duckdb', toAdhocRows(measured.rows));
    timings.push({ engine: 'duckdb', loadMs, loadedRows, threads, ...measured.timing });
  } finally {
    duck.closeSync();
    instance.closeSync();
  }

  const reference = answers.get('sqlite')!;
  if (reference.length === 0 || reference.every((r) => r.families === 0)) {
    throw new Error(`ad-hoc aggregation: no family matches (version ${options.question.versionId}, province ${options.question.provinceCode}); nothing to compare`);
  }
  for (const [engine, rows] of answers) {
    const diff = diffAdhocRows(reference, rows);
    if (diff) throw new Error(`ad-hoc aggregation: ${engine} differs from SQLite: ${diff}`);
  }
  return { question: options.question, sql, rows: reference, timings };
}

/** One cold answer, then `runs` timed ones; the rows of the last. */
async function measure(
  runs: number,
  run: () => Record<string, unknown>[] | Promise<Record<string, unknown>[]>,
): Promise<{ rows: Record<string, unknown>[]; timing: Omit<AdhocTiming, 'engine' | 'loadMs' | 'loadedRows' | 'threads'> }> {
  let started = performance.now();
  let rows = await run();
  const firstMs = performance.now() - started;
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    started = performance.now();
    rows = await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { rows, timing: { firstMs, runs, p50: percentile(times, 0.5), p95: percentile(times, 0.95), min: times[0] ?? Number.NaN } };
}

/** DuckDB's standard vector size: a data chunk holds at most this many rows. */
const CHUNK_ROWS = 2048;

interface DuckTable {
  name: string;
  /** Columns read from SQLite, in order, with their DuckDB type. */
  columns: readonly { name: string; type: DuckDBType; sqlType: string }[];
}

/** Every row of the two tables the question reads, only the columns it reads. */
const DUCK_TABLES: readonly DuckTable[] = [
  {
    name: 'family_state',
    columns: [
      { name: 'family_id', type: INTEGER, sqlType: 'INTEGER' },
      { name: 'valid_from_version_id', type: INTEGER, sqlType: 'INTEGER' },
      { name: 'valid_to_version_id', type: INTEGER, sqlType: 'INTEGER' },
      { name: 'regency_code', type: VARCHAR, sqlType: 'VARCHAR' },
      { name: 'desil', type: INTEGER, sqlType: 'INTEGER' },
    ],
  },
  {
    name: 'individual',
    columns: [
      { name: 'family_id', type: INTEGER, sqlType: 'INTEGER' },
      { name: 'from_version_id', type: INTEGER, sqlType: 'INTEGER' },
      { name: 'to_version_id', type: INTEGER, sqlType: 'INTEGER' },
      { name: 'disability', type: BOOLEAN, sqlType: 'BOOLEAN' },
    ],
  },
];

/** Creates the tables in DuckDB and appends the SQLite rows chunk by chunk; returns the rows loaded. */
async function loadIntoDuckDb(sqliteFile: string, duck: DuckDBConnection): Promise<number> {
  const source = openSqlite(sqliteFile, { readonly: true });
  let total = 0;
  try {
    for (const table of DUCK_TABLES) {
      await duck.run(`CREATE TABLE ${table.name} (${table.columns.map((c) => `${c.name} ${c.sqlType}`).join(', ')})`);
      const appender = await duck.createAppender(table.name);
      const types = table.columns.map((c) => c.type);
      // SQLite stores booleans as 0/1.
      const convert = table.columns.map((c) => (c.type === BOOLEAN ? (v: unknown) => (v === null ? null : v === 1) : (v: unknown) => v as DuckDBValue));
      let columns: DuckDBValue[][] = types.map(() => []);
      const flush = () => {
        const chunk = DuckDBDataChunk.create(types, columns[0]!.length);
        chunk.setColumns(columns);
        appender.appendDataChunk(chunk);
        columns = types.map(() => []);
      };
      const rows = source.prepare(`SELECT ${table.columns.map((c) => c.name).join(', ')} FROM ${table.name}`).raw(true);
      for (const row of rows.iterate() as IterableIterator<unknown[]>) {
        for (let c = 0; c < row.length; c++) columns[c]!.push(convert[c]!(row[c]));
        total += 1;
        if (columns[0]!.length === CHUNK_ROWS) flush();
      }
      if (columns[0]!.length > 0) flush();
      appender.flushSync();
      appender.closeSync();
    }
  } finally {
    source.close();
  }
  return total;
}
