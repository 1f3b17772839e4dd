/**
 * `dtsen bench-load [--file F] [--scale 0.01] [--connections 50] [--duration 30] [--cache on|off] [--json out.json]`:
 * the robustness load run of the access issue ("a load run (autocannon, 50 connections, 30 s) with zero errors
 * reported by the benchmark"). The production server runs in a child process on the dataset; 50 keep-alive clients
 * send, in turn, a mix of every request the API serves:
 *
 * - every operation of the API benchmark (`api.operations.ts`: all analyses, the registry, the region tree) as each
 *   of the five roles (one user per role; the regional ones in the benchmark's kabupaten), plus `me` and `proposals`;
 *   what a role may not read is refused (FORBIDDEN) and that refusal is part of the mix;
 * - hostile requests: no token, an unknown token, malformed JSON, a query over the depth and alias limits, a page
 *   over the page-size limit, an unknown field.
 *
 * A calibration pass sends each request once, one at a time, and records its answer's signature (HTTP status, the
 * error codes, whether data came back). Under load every answer must have the same signature: an answer that differs
 * (a 5xx, a timeout, a reset connection, an INTERNAL_SERVER_ERROR, a refusal that was an answer ...) is an error, as
 * is a calibration answer with a 5xx or an internal error. Prints the mix, the figures and every error kind; never
 * fails on time. The process exits non-zero when there were errors.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { ROLES, type RoleName } from '../domain/access.js';
import { openSqlite } from '../db/sqlite.js';
import { generateDataset } from '../generator/generate.js';
import { apiOperations, benchParameters } from './api.operations.js';
import { freePort, startServer, stopServer, type CacheMode } from './api.bench.js';
import { benchToken } from './bench-token.js';
import { runMixedLoad, type LoadRequest } from './http-load.js';

export interface BenchLoadOptions {
  file: string;
  scale: number;
  connections: number;
  durationMs: number;
  cache: CacheMode;
  json?: string;
}

interface MixEntry {
  label: string;
  request: LoadRequest;
}

/** What an answer must look like under load: the calibration answer's status, error codes and data presence. */
export function signature(status: number, body: string): string {
  let codes: string[] = [];
  let hasData = false;
  try {
    const parsed = JSON.parse(body) as { data?: unknown; errors?: { extensions?: { code?: unknown } }[] };
    hasData = parsed.data !== undefined && parsed.data !== null;
    codes = (parsed.errors ?? []).map((e) => String(e.extensions?.code ?? 'NO_CODE')).sort();
  } catch {
    codes = ['UNPARSABLE'];
  }
  return `${status} ${hasData ? 'data' : 'no-data'} [${[...new Set(codes)].join(',')}]`;
}

/** A calibration answer that is itself a failure: the server erred, whatever the request. */
function isServerFailure(status: number, sig: string): boolean {
  return status >= 500 || sig.includes('INTERNAL_SERVER_ERROR') || sig.includes('UNPARSABLE');
}

export async function benchLoad(options: BenchLoadOptions): Promise<{ errors: number }> {
  if (!existsSync(options.file)) {
    console.log(`generating scale ${options.scale} into ${options.file} ...`);
    await generateDataset({ scale: options.scale, versions: 5, seed: 1, file: options.file, progress: null });
  }
  const db = openSqlite(options.file, { readonly: true });
  const parameters = benchParameters(db);
  db.close();
  const tokens = new Map<RoleName, string>();
  for (const role of ROLES) {
    const regional = role === 'REGIONAL_HEAD' || role === 'OPERATOR';
    tokens.set(role, await benchToken(options.file, `bench-${role.toLowerCase().replace(/_/g, '-')}`, role, regional ? parameters.regencyCode : null));
  }
  const auth = (role: RoleName) => ({ authorization: `Bearer ${tokens.get(role)!}` });

  const operations = [
    ...apiOperations(parameters),
    { name: 'me', query: '{ me { username role regionCode } }', variables: {} },
    {
      name: 'proposals in the kabupaten',
      query: 'query($r: ID) { proposals(first: 20, filter: { regionCode: $r }) { totalCount edges { node { id kind status } } } }',
      variables: { r: parameters.regencyCode },
    },
  ];
  const mix: MixEntry[] = [];
  for (const op of operations) {
    for (const role of ROLES) {
      mix.push({ label: `${op.name} as ${role}`, request: { body: JSON.stringify({ query: op.query, variables: op.variables }), headers: auth(role) } });
    }
  }
  const deep = `{ region(code: "ID") { ${'children { '.repeat(14)}code${' }'.repeat(14)} } }`;
  const aliases = `{ ${Array.from({ length: 60 }, (_, i) => `a${i}: me { username }`).join(' ')} }`;
  mix.push(
    { label: 'no token', request: { body: JSON.stringify({ query: '{ programs { code } }' }) } },
    { label: 'unknown token', request: { body: JSON.stringify({ query: '{ programs { code } }' }), headers: { authorization: 'Bearer dtsen_not-a-real-token' } } },
    { label: 'malformed JSON', request: { body: '{"query": "{ programs { code } ', headers: auth('ADMIN') } },
    { label: 'query over the depth limit', request: { body: JSON.stringify({ query: deep }), headers: auth('ADMIN') } },
    { label: 'query over the alias limit', request: { body: JSON.stringify({ query: aliases }), headers: auth('ADMIN') } },
    { label: 'page over the page-size limit', request: { body: JSON.stringify({ query: '{ families(first: 100000) { totalCount } }' }), headers: auth('ADMIN') } },
    { label: 'unknown field', request: { body: JSON.stringify({ query: '{ nope }' }), headers: auth('ADMIN') } },
  );

  const port = await freePort();
  const url = `http://127.0.0.1:${port}/graphql`;
  let child: ChildProcess | null = null;
  try {
    child = await startServer(options.file, port, options.cache);
    const rssBefore = rssMiB(child.pid);

    // Calibration: each request once, alone.
    let calibrationErrors = 0;
    const expected: string[] = [];
    const kinds = new Map<string, number>();
    for (const entry of mix) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { ...entry.request.headers, 'content-type': 'application/json', accept: 'application/graphql-response+json' },
        body: entry.request.body,
      });
      const sig = signature(response.status, await response.text());
      if (isServerFailure(response.status, sig)) {
        calibrationErrors += 1;
        console.log(`  CALIBRATION ERROR ${entry.label}: ${sig}`);
      }
      expected.push(sig);
      const kind = sig.startsWith('200 data []') ? 'answered' : sig.includes('FORBIDDEN') ? 'refused (FORBIDDEN)' : `other: ${sig}`;
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
    console.log(`\nload run on ${options.file}: ${mix.length} distinct requests, ${options.connections} connections, ` +
      `${options.durationMs / 1000} s, response cache ${options.cache}`);
    for (const [kind, n] of [...kinds].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(4)}  ${kind}`);

    const result = await runMixedLoad({
      url,
      connections: options.connections,
      durationMs: options.durationMs,
      warmupRequests: 1,
      requests: mix.map((entry, i) => ({ ...entry.request, expect: (status, body) => signature(status, body) === expected[i] })),
    });
    const alive = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
    const rssAfter = rssMiB(child.pid);
    const errors = result.errors + calibrationErrors + (alive ? 0 : 1);
    const ms = (x: number) => x.toFixed(1);
    console.log(
      `\n  requests ${result.requests.toLocaleString('en-US')}  throughput ${Math.round(result.throughput)} req/s  ` +
        `p50 ${ms(result.p50)} ms  p95 ${ms(result.p95)} ms  p99 ${ms(result.p99)} ms  max ${ms(result.max)} ms`,
    );
    console.log(`  statuses ${[...result.statuses].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}: ${n.toLocaleString('en-US')}`).join(', ')}`);
    console.log(`  server RSS ${rssBefore} MiB before, ${rssAfter} MiB after; /healthz after the run: ${alive ? 'answers' : 'DOES NOT ANSWER'}`);
    console.log(`  errors: ${errors} (${calibrationErrors} in calibration, ${result.errors} under load)`);
    for (const [index, failure] of result.failures) {
      console.log(`    ${failure.count} x ${mix[index]!.label}: expected ${expected[index]}, got ${failure.status}: ${failure.sample}`);
    }
    if (options.json) {
      writeFileSync(options.json, JSON.stringify({
        file: options.file, connections: options.connections, durationSeconds: options.durationMs / 1000, cache: options.cache,
        distinctRequests: mix.length, requests: result.requests, throughput: result.throughput,
        p50: result.p50, p95: result.p95, p99: result.p99, max: result.max, errors, calibrationErrors,
        statuses: Object.fromEntries(result.statuses), rssBefore, rssAfter, alive,
        failures: [...result.failures].map(([i, f]) => ({ request: mix[i]!.label, expected: expected[i], ...f })),
      }, null, 2));
      console.log(`JSON: ${options.json}`);
    }
    return { errors };
  } finally {
    if (child) await stopServer(child);
  }
}

function rssMiB(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : Number.NaN;
  } catch {
    return Number.NaN;
  }
}
