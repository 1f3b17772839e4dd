/**
 * `dtsen bench-peers [--file F] [--scale 0.01] [--runs 10] [--duration 5] [--connections 1,50] [--json out.json]`:
 * the platform beside two peers, on the same rows.
 *
 * 1. A PostgreSQL database `atlas_bench_peers_<random>` is created on ATLAS_PG_URL's server, migrated, filled with
 *    the SQLite dataset by `db/pg-copy.ts` (timed), and dropped at the end whatever happens.
 * 2. Ad-hoc aggregation (`adhoc.bench.ts`): a question no rollup answers, the same SQL on SQLite, PostgreSQL and
 *    DuckDB; DuckDB's load timed on its own; the three answers must be identical.
 * 3. The decile distribution of families at the latest version, for the nation and for the largest kabupaten of
 *    the province, through GraphQL over that PostgreSQL database: our API's `decileDistribution` (production server,
 *    `DATABASE_URL=postgresql://…`, the dataset's data key, signed in with a bench token, response cache off since
 *    PostGraphile has none) beside PostGraphile 5 (`postgraphile-server.ts`) asked twice: `groupedAggregates` over
 *    `family_state` filtered to the version's bounds (what a generic GraphQL layer gives without our rollups), and
 *    `allDesilRollups` (the same rollup table our API reads). Each server is a child process; the load generator
 *    (`http-load.ts`, closed loop, keep-alive) runs here, at 1 and 50 connections. Every answer must equal
 *    `desil_rollup` read from the SQLite file.
 *
 * Prints a table and writes JSON; never fails on time. Fails (exit code 1) when answers differ, and reports a server
 * that cannot answer (e.g. our API on PostgreSQL) with its error instead of stopping the other measurements.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDatabaseUrl, resolveDataKey } from '../config.js';
import { applyMigrations } from '../db/migrate.js';
import { copySqliteToPostgres, type CopyReport } from '../db/pg-copy.js';
import { createPostgresDatabase, dropPostgresDatabase, uniqueDatabaseName } from '../db/postgres-admin.js';
import { openSqlite } from '../db/sqlite.js';
import { generateDataset } from '../generator/generate.js';
import { benchAdhoc, type AdhocReport } from './adhoc.bench.js';
import { benchParameters, type BenchParameters } from './api.operations.js';
import { freePort, stopServer } from './api.bench.js';
import { benchToken } from './bench-token.js';
import { runLoad, type LoadResult } from './http-load.js';

export interface BenchPeersOptions {
  file: string;
  /** Scale to generate at when `file` does not exist. */
  scale: number;
  /** Timed answers per engine of the ad-hoc aggregation. */
  runs: number;
  /** Milliseconds per load measurement. */
  durationMs: number;
  connections: number[];
  json?: string;
}

/** Families and individuals in one desil. */
export interface DesilCount {
  desil: number;
  families: number;
  individuals: number;
}

export type PeerServer = 'atlas' | 'postgraphile';

/** One GraphQL question to one server and how to read its answer. */
export interface PeerOperation {
  name: string;
  server: PeerServer;
  /** What the server reads to answer. */
  reads: string;
  region: string;
  query: string;
  variables: Record<string, unknown>;
  /** The desil counts in the answer (throws on a malformed answer). */
  extract: (data: unknown) => DesilCount[];
}

export interface PeerRow {
  operation: string;
  server: PeerServer;
  reads: string;
  region: string;
  /** Null when the answer equals desil_rollup read from the SQLite file, else what differs or fails. */
  mismatch: string | null;
  load: LoadResult[];
  /** Set when the server could not be started or asked. */
  error?: string;
}

export interface PeersReport {
  file: string;
  families: number;
  parameters: BenchParameters;
  copy: CopyReport;
  adhoc: AdhocReport;
  graphql: PeerRow[];
}

export async function benchPeers(options: BenchPeersOptions): Promise<PeersReport> {
  if (!existsSync(options.file)) {
    console.log(`generating scale ${options.scale} into ${options.file} ...`);
    await generateDataset({ scale: options.scale, versions: 5, seed: 1, file: options.file, progress: null });
  }
  // The copy needs both databases at the same migration.
  await applyMigrations({ provider: 'sqlite', file: options.file });
  const sqlite = openSqlite(options.file, { readonly: true });
  let parameters: BenchParameters;
  let families: number;
  let reference: Map<string, DesilCount[]>;
  try {
    parameters = benchParameters(sqlite);
    families = (sqlite.prepare('SELECT COUNT(*) AS n FROM family').get() as { n: number }).n;
    const rollup = sqlite.prepare('SELECT desil, families, individuals FROM desil_rollup WHERE version_id = ? AND region_code = ? ORDER BY desil');
    reference = new Map(['ID', parameters.regencyCode].map((region) => [region, rollup.all(parameters.versionId, region) as DesilCount[]]));
  } finally {
    sqlite.close();
  }
  const dataKeyHex = resolveDataKey(process.env, parseDatabaseUrl(`file:${options.file}`)).toString('hex');
  console.log(`\nPeers benchmark on ${options.file}: ${families.toLocaleString('en-US')} families, version ${parameters.versionId}, ` +
    `province ${parameters.provinceCode}, kabupaten ${parameters.regencyCode}`);

  const database = uniqueDatabaseName('bench_peers');
  const pgUrl = await createPostgresDatabase(database);
  try {
    console.log(`PostgreSQL ${database}: migrating and copying the dataset ...`);
    await applyMigrations({ provider: 'postgresql', url: pgUrl });
    const copy = await copySqliteToPostgres(options.file, pgUrl);
    console.log(`  copied ${copy.totalRows.toLocaleString('en-US')} rows in ${copy.seconds.toFixed(1)} s`);

    console.log(`Ad-hoc aggregation, ${options.runs} runs per engine:`);
    const adhoc = await benchAdhoc({
      sqliteFile: options.file,
      pgUrl,
      question: { versionId: parameters.versionId, provinceCode: parameters.provinceCode },
      runs: options.runs,
      log: (line) => console.log(line),
    });

    console.log(`Decile distribution through GraphQL, ${options.durationMs / 1000} s per measurement, ${options.connections.join(' and ')} connections:`);
    const graphql = await benchGraphql(pgUrl, dataKeyHex, parameters, reference, options);
    const report: PeersReport = { file: options.file, families, parameters, copy, adhoc, graphql };
    printReport(report);
    if (options.json) {
      writeFileSync(options.json, JSON.stringify(report, null, 2));
      console.log(`JSON: ${options.json}`);
    }
    return report;
  } finally {
    await dropPostgresDatabase(database);
  }
}

/** The decile questions to each server, for the nation and the kabupaten. */
export function peerOperations(p: BenchParameters): PeerOperation[] {
  const operations: PeerOperation[] = [];
  const versionBounds = '{ validFromVersionId: { lessThanOrEqualTo: $v }, or: [{ validToVersionId: { isNull: true } }, { validToVersionId: { greaterThan: $v } }] }';
  for (const region of ['ID', p.regencyCode]) {
    const where = region === 'ID' ? 'nation' : `kabupaten ${region}`;
    operations.push({
      name: `decileDistribution ${where}`,
      server: 'atlas',
      reads: 'desil_rollup',
      region,
      query: 'query($v: Int, $r: ID) { decileDistribution(versionId: $v, regionCode: $r) { buckets { desil families individuals } } }',
      variables: { v: p.versionId, r: region },
      extract: (data) => counts(field(field(data, 'decileDistribution'), 'buckets'), (b) => [b.desil, b.families, b.individuals]),
    });
    const regencyFilter = region === 'ID' ? '' : ', regencyCode: { equalTo: $r }';
    operations.push({
      name: `groupedAggregates ${where}`,
      server: 'postgraphile',
      reads: 'family_state (on demand)',
      region,
      query: `query($v: Int!${region === 'ID' ? '' : ', $r: String!'}) { allFamilyStates(filter: { and: [${versionBounds}] ${regencyFilter} }) {
        groupedAggregates(groupBy: [DESIL]) { keys distinctCount { familyId } sum { memberCount } } } }`,
      variables: region === 'ID' ? { v: p.versionId } : { v: p.versionId, r: region },
      extract: (data) =>
        counts(field(field(data, 'allFamilyStates'), 'groupedAggregates'), (g) => [
          (g.keys as unknown[])[0], field(g.distinctCount, 'familyId'), field(g.sum, 'memberCount'),
        ]),
    });
    operations.push({
      name: `allDesilRollups ${where}`,
      server: 'postgraphile',
      reads: 'desil_rollup',
      region,
      query: 'query($v: Int!, $r: String!) { allDesilRollups(condition: { versionId: $v, regionCode: $r }, orderBy: DESIL_ASC) { nodes { desil families individuals } } }',
      variables: { v: p.versionId, r: region },
      extract: (data) => counts(field(field(data, 'allDesilRollups'), 'nodes'), (n) => [n.desil, n.families, n.individuals]),
    });
  }
  return operations;
}

function field(value: unknown, name: string): unknown {
  if (typeof value !== 'object' || value === null || !(name in value)) throw new Error(`answer has no field ${name}`);
  return (value as Record<string, unknown>)[name];
}

/** Desil counts from a list of objects; zero rows (our API lists all ten desil) are dropped, order by desil. */
function counts(list: unknown, pick: (item: Record<string, unknown>) => unknown[]): DesilCount[] {
  if (!Array.isArray(list)) throw new Error('answer is not a list');
  const rows = list.map((item: Record<string, unknown>) => {
    const [desil, families, individuals] = pick(item).map((v) => Number(v));
    if (![desil, families, individuals].every((n) => Number.isSafeInteger(n))) throw new Error(`not a count: ${JSON.stringify(item)}`);
    return { desil: desil!, families: families!, individuals: individuals! };
  });
  return rows.filter((r) => r.families !== 0 || r.individuals !== 0).sort((a, b) => a.desil - b.desil);
}

/** Null when equal, else the first difference in words. */
export function diffDesilCounts(expected: readonly DesilCount[], actual: readonly DesilCount[]): string | null {
  if (expected.length !== actual.length) return `${actual.length} desil rows instead of ${expected.length}`;
  for (let k = 0; k < expected.length; k++) {
    const e = expected[k]!;
    const a = actual[k]!;
    if (e.desil !== a.desil || e.families !== a.families || e.individuals !== a.individuals) {
      return `desil ${e.desil}: ${JSON.stringify(a)} instead of ${JSON.stringify(e)}`;
    }
  }
  return null;
}

async function benchGraphql(
  pgUrl: string,
  dataKeyHex: string,
  parameters: BenchParameters,
  reference: ReadonlyMap<string, DesilCount[]>,
  options: BenchPeersOptions,
): Promise<PeerRow[]> {
  const servers = new Map<PeerServer, { url: string; headers: Record<string, string>; child?: ChildProcess; error?: string }>();
  try {
    // Our server on PostgreSQL; a failure is reported, the peer is measured all the same.
    try {
      const token = await benchToken({ provider: 'postgresql', url: pgUrl });
      const port = await freePort();
      const child = await startChild('../main.js', port, '/healthz', {
        DATABASE_URL: pgUrl, ATLAS_DATA_KEY: dataKeyHex, NODE_ENV: 'production', ATLAS_RESPONSE_CACHE: '0',
      });
      servers.set('atlas', { url: `http://127.0.0.1:${port}/graphql`, headers: { authorization: `Bearer ${token}` }, child });
    } catch (error) {
      servers.set('atlas', { url: '', headers: {}, error: `our server on PostgreSQL did not start: ${message(error)}` });
    }
    const port = await freePort();
    const child = await startChild('./postgraphile-server.js', port, null, { PEER_DATABASE_URL: pgUrl, GRAPHILE_ENV: 'production' });
    servers.set('postgraphile', { url: `http://127.0.0.1:${port}/graphql`, headers: {}, child });

    const rows: PeerRow[] = [];
    for (const op of peerOperations(parameters)) {
      const server = servers.get(op.server)!;
      const row: PeerRow = { operation: op.name, server: op.server, reads: op.reads, region: op.region, mismatch: null, load: [] };
      rows.push(row);
      if (server.error) {
        row.error = server.error;
        console.log(`  ${op.name}: ${server.error}`);
        continue;
      }
      const body = JSON.stringify({ query: op.query, variables: op.variables });
      try {
        const response = await fetch(server.url, { method: 'POST', headers: { ...server.headers, 'content-type': 'application/json' }, body });
        const text = await response.text();
        const answer = JSON.parse(text) as { data?: unknown; errors?: unknown[] };
        if (response.status !== 200 || answer.errors) throw new Error(`HTTP ${response.status}: ${text.slice(0, 500)}`);
        row.mismatch = diffDesilCounts(reference.get(op.region)!, op.extract(answer.data));
      } catch (error) {
        row.error = message(error);
        console.log(`  ${op.name} (${op.server}): ${row.error}`);
        continue;
      }
      for (const connections of options.connections) {
        row.load.push(await runLoad({ url: server.url, body, headers: server.headers, connections, durationMs: options.durationMs }));
      }
      console.log(`  ${op.name} (${op.server}, ${op.reads}): ${row.mismatch ? `DIFFERS: ${row.mismatch}` : 'equal to desil_rollup'}; ` +
        row.load.map((l) => `${l.connections} conn p50 ${ms(l.p50)} ms, p95 ${ms(l.p95)} ms, ${Math.round(l.throughput)} req/s${l.errors ? ` ${l.errors} errors` : ''}`).join('; '));
    }
    return rows;
  } finally {
    for (const server of servers.values()) if (server.child) await stopServer(server.child);
  }
}

/**
 * A built module of this package (`dist/bench/<relative>`) in a child process on `port`, resolved once it answers:
 * `GET probePath` with 200, or (probePath null) a GraphQL `{ __typename }` POST to `/graphql`.
 */
async function startChild(relative: string, port: number, probePath: string | null, env: Record<string, string>): Promise<ChildProcess> {
  const script = fileURLToPath(new URL(relative, import.meta.url));
  const child = spawn(process.execPath, [script], { env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${relative} exited with ${child.exitCode}: ${stderr.trim()}`);
    try {
      const base = `http://127.0.0.1:${port}`;
      const response = probePath
        ? await fetch(`${base}${probePath}`)
        : await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
      if (response.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`${relative} did not answer within 60 s: ${stderr.trim()}`);
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
/** Milliseconds, 3 significant digits up to 1,000 ms. */
const ms = (x: number) => (x < 10 ? x.toFixed(2) : x < 1000 ? x.toFixed(1) : Math.round(x).toLocaleString('en-US'));

function printReport(r: PeersReport): void {
  const pad = (s: string, n: number) => s.padEnd(n);
  console.log(`\nAd-hoc aggregation, version ${r.adhoc.question.versionId}, province ${r.adhoc.question.provinceCode}: ` +
    'families with a member with a disability, per desil (no rollup; base tables)');
  console.log(`  ${pad('engine', 12)}${pad('load', 44)}${pad('first (ms)', 11)}${pad('p50 (ms)', 11)}${pad('p95 (ms)', 11)}runs`);
  for (const t of r.adhoc.timings) {
    const load = t.engine === 'duckdb'
      ? `${ms(t.loadMs!)} ms (${t.loadedRows!.toLocaleString('en-US')} rows), ${t.threads} threads`
      : t.engine === 'postgresql' ? `copy ${r.copy.seconds.toFixed(1)} s (all tables)` : '(the dataset file)';
    console.log(`  ${pad(t.engine, 12)}${pad(load, 44)}${pad(ms(t.firstMs), 11)}${pad(ms(t.p50), 11)}${pad(ms(t.p95), 11)}${t.runs}`);
  }
  const total = r.adhoc.rows.reduce((a, row) => ({ f: a.f + row.families, d: a.d + row.disabledIndividuals }), { f: 0, d: 0 });
  console.log(`  answers identical: ${r.adhoc.rows.length} desil rows, ${total.f.toLocaleString('en-US')} families, ` +
    `${total.d.toLocaleString('en-US')} members with a disability`);

  const connections = [...new Set(r.graphql.flatMap((row) => row.load.map((l) => l.connections)))];
  console.log(`\nDecile distribution of families, version ${r.parameters.versionId}, over the same PostgreSQL (latency ms, p50 / p95)`);
  console.log(`  ${pad('operation', 38)}${pad('server', 14)}${pad('reads', 26)}${connections.map((c) => pad(`${c} conn p50 / p95, req/s`, 30)).join('')}equal`);
  for (const row of r.graphql) {
    const cells = connections.map((c) => {
      const l = row.load.find((x) => x.connections === c);
      return pad(l ? `${ms(l.p50)} / ${ms(l.p95)}, ${Math.round(l.throughput)}${l.errors ? ` (${l.errors} err)` : ''}` : '—', 30);
    });
    const equal = row.error ? `FAILED: ${row.error.slice(0, 200)}` : row.mismatch ? `NO: ${row.mismatch}` : 'yes';
    console.log(`  ${pad(row.operation, 38)}${pad(row.server, 14)}${pad(row.reads, 26)}${cells.join('')}${equal}`);
  }
}
