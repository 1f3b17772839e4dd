/**
 * `dtsen bench-generate [--engine sqlite|postgresql|both]`: builds the synthetic dataset (generate + load + indexes +
 * publish every version) into a scratch SQLite file or a scratch PostgreSQL database (`atlas_bench_gen_*` on
 * ATLAS_PG_URL, dropped afterwards) and prints the time of each phase, rows/s, each version's publication and the
 * peak RSS of the process. Beside it, in the same run, the raw load rate of the engine on the largest table, rows
 * taken back out of the built database: a prepared-statement loop on SQLite (one INSERT per row, one transaction) and
 * one COPY of a pre-rendered buffer on PostgreSQL (into a fresh table, FREEZE, as the generator's COPY), so that the
 * generator's write rate reads as a share of what the engine itself takes.
 *
 * With `both`, each engine runs in a child process of its own (a clean peak RSS each) and the figures are printed
 * side by side. Times never fail the benchmark.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { applyMigrations } from '../db/migrate.js';
import { createPostgresDatabase, dropPostgresDatabase, uniqueDatabaseName } from '../db/postgres-admin.js';
import { openSqlite } from '../db/sqlite.js';
import { type GenerateReport, generateDataset } from '../generator/generate.js';
import type { TableName } from '../generator/sqlite-sink.js';

export type BenchEngine = 'sqlite' | 'postgresql';

export interface BenchGenerateOptions {
  scale: number;
  versions: number;
  seed: number;
  engine: BenchEngine | 'both';
  /** Also write the figures to this JSON file. */
  json?: string;
}

/** The raw load rate of the engine on one table, measured after the build. */
export interface RawLoad {
  table: TableName;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  method: string;
}

export interface EngineFigures {
  engine: BenchEngine;
  report: GenerateReport;
  raw: RawLoad;
  /** Generator write-phase rows/s (simulation of pass 2 included) over the raw rate. */
  loadRatio: number;
}

export async function benchGenerate(options: BenchGenerateOptions): Promise<EngineFigures[]> {
  const engines: BenchEngine[] = options.engine === 'both' ? ['sqlite', 'postgresql'] : [options.engine];
  const figures = options.engine === 'both' ? engines.map((engine) => inChild(options, engine)) : [await measure(options, engines[0]!)];
  for (const f of figures) printFigures(f);
  if (figures.length > 1) printSideBySide(figures);
  if (options.json) writeFileSync(options.json, `${JSON.stringify(figures, null, 2)}\n`);
  return figures;
}

/** One engine in a child process (`dtsen bench-generate --engine E --json tmp`), for a peak RSS of its own. */
function inChild(options: BenchGenerateOptions, engine: BenchEngine): EngineFigures {
  const dir = mkdtempSync(join(tmpdir(), 'dtsen-bench-gen-'));
  const json = join(dir, 'figures.json');
  try {
    const args = [
      ...process.execArgv, process.argv[1]!, 'bench-generate', '--engine', engine, '--scale', String(options.scale),
      '--versions', String(options.versions), '--seed', String(options.seed), '--json', json,
    ];
    execFileSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
    return (JSON.parse(readFileSync(json, 'utf8')) as EngineFigures[])[0]!;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measure(options: BenchGenerateOptions, engine: BenchEngine): Promise<EngineFigures> {
  const { scale, versions, seed } = options;
  // A throw-away dataset: a fresh data key (PostgreSQL has no key file to fall back on).
  const dataKey = randomBytes(32);
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'dtsen-bench-'));
    const file = join(dir, 'bench.db');
    try {
      const report = await generateDataset({ scale, versions, seed, file, dataKey });
      const raw = rawSqliteInserts(file, largestTable(report), join(dir, 'raw.db'));
      return { engine, report, raw, loadRatio: writeRate(report) / raw.rowsPerSecond };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const name = uniqueDatabaseName('bench_gen');
  const url = await createPostgresDatabase(name);
  try {
    await applyMigrations({ provider: 'postgresql', url });
    const report = await generateDataset({ scale, versions, seed, database: url, dataKey });
    const raw = await rawPostgresCopy(url, largestTable(report));
    return { engine, report, raw, loadRatio: writeRate(report) / raw.rowsPerSecond };
  } finally {
    await dropPostgresDatabase(name);
  }
}

function largestTable(report: GenerateReport): TableName {
  return (Object.entries(report.rows) as Array<[TableName, number]>).sort((a, b) => b[1] - a[1])[0]![0];
}

function writeRate(report: GenerateReport): number {
  return report.totalRows / Math.max(report.seconds.write, 1e-3);
}

/**
 * SQLite's raw rate: the table's rows read back into memory, then inserted into an index-free copy of the table in a
 * fresh file (same bulk pragmas as the generator) by one prepared INSERT per row, in one transaction.
 */
function rawSqliteInserts(file: string, table: TableName, scratch: string): RawLoad {
  const source = openSqlite(file, { readonly: true });
  const rows = source.prepare(`SELECT * FROM ${table}`).raw(true).all() as unknown[][];
  const ddl = (source.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) as { sql: string }).sql;
  source.close();
  const db = openSqlite(scratch, { bulk: true });
  try {
    db.exec(ddl);
    const insert = db.prepare(`INSERT INTO ${table} VALUES (${rows[0]!.map(() => '?').join(', ')})`);
    const started = performance.now();
    db.exec('BEGIN');
    for (const row of rows) insert.run(...row);
    db.exec('COMMIT');
    const seconds = (performance.now() - started) / 1000;
    return { table, rows: rows.length, seconds, rowsPerSecond: rows.length / seconds, method: 'prepared INSERT per row, one transaction' };
  } finally {
    db.close();
  }
}

/**
 * PostgreSQL's raw rate: the table copied out in COPY text format into one buffer, then one COPY of that buffer into
 * a table created in the same transaction (`LIKE`, no indexes; FREEZE, as the generator loads).
 */
async function rawPostgresCopy(url: string, table: TableName): Promise<RawLoad> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const parts: Buffer[] = [];
    const out = client.query(copyTo(`COPY ${table} TO STDOUT`));
    for await (const chunk of out) parts.push(chunk as Buffer);
    const data = Buffer.concat(parts);
    await client.query('BEGIN');
    await client.query(`CREATE TABLE raw_copy (LIKE ${table})`);
    const started = performance.now();
    const copy = client.query(copyFrom('COPY raw_copy FROM STDIN WITH (FREEZE)'));
    await pipeline(Readable.from([data]), copy);
    const seconds = (performance.now() - started) / 1000;
    await client.query('ROLLBACK');
    return { table, rows: copy.rowCount, seconds, rowsPerSecond: copy.rowCount / seconds, method: 'one COPY of a pre-rendered buffer' };
  } finally {
    await client.end();
  }
}

const n = (x: number) => Math.round(x).toLocaleString('en-US');
const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;

function printFigures({ engine, report: r, raw, loadRatio }: EngineFigures): void {
  console.log(`\n${engine}: scale ${r.scale}, ${r.versions} versions, seed ${r.seed}: ${n(r.families)} families, ${n(r.rows.individual)} individuals`);
  console.log(`  simulate + rank   ${r.seconds.simulateAndRank.toFixed(1)} s`);
  console.log(`  write             ${r.seconds.write.toFixed(1)} s   ${n(r.totalRows)} rows, ${n(writeRate(r))} rows/s`);
  console.log(`  index             ${r.seconds.index.toFixed(1)} s`);
  console.log(`  publish           ${r.seconds.publish.toFixed(1)} s`);
  for (const p of r.published) console.log(`    v${p.versionId} ${p.method.padEnd(11)} ${p.seconds.toFixed(1).padStart(6)} s   ${n(p.rollupRows)} rollup rows`);
  console.log(`  total             ${r.seconds.total.toFixed(1)} s   ${n(r.totalRows / r.seconds.total)} rows/s, ${n(r.families / r.seconds.total)} families/s`);
  console.log(`  peak RSS          ${mib(r.peakRssBytes)}   database ${mib(r.fileBytes)}`);
  console.log(`  raw ${raw.table}     ${n(raw.rows)} rows in ${raw.seconds.toFixed(2)} s = ${n(raw.rowsPerSecond)} rows/s (${raw.method})`);
  console.log(`  generator write rate / raw rate = ${loadRatio.toFixed(2)}`);
}

function printSideBySide(figures: EngineFigures[]): void {
  const rows: Array<[string, (f: EngineFigures) => string]> = [
    ['simulate + rank (s)', (f) => f.report.seconds.simulateAndRank.toFixed(1)],
    ['write (s)', (f) => f.report.seconds.write.toFixed(1)],
    ['write rows/s', (f) => n(writeRate(f.report))],
    ['index (s)', (f) => f.report.seconds.index.toFixed(1)],
    ['publish (s)', (f) => f.report.seconds.publish.toFixed(1)],
    ...f0(figures).report.published.map((p, k): [string, (f: EngineFigures) => string] => [
      `  v${p.versionId} (s)`, (f) => `${f.report.published[k]?.seconds.toFixed(1) ?? '-'} ${f.report.published[k]?.method ?? ''}`,
    ]),
    ['total (s)', (f) => f.report.seconds.total.toFixed(1)],
    ['peak RSS', (f) => mib(f.report.peakRssBytes)],
    ['database size', (f) => mib(f.report.fileBytes)],
    ['raw load rows/s', (f) => `${n(f.raw.rowsPerSecond)} (${f.raw.table})`],
    ['write / raw', (f) => f.loadRatio.toFixed(2)],
  ];
  console.log(`\n${'phase'.padEnd(22)}${figures.map((f) => f.engine.padStart(24)).join('')}`);
  for (const [label, value] of rows) console.log(`${label.padEnd(22)}${figures.map((f) => value(f).padStart(24)).join('')}`);
}

const f0 = (figures: EngineFigures[]) => figures[0]!;
