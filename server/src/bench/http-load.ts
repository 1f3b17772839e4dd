/**
 * A closed-loop HTTP load generator (like autocannon's default mode): `connections` keep-alive clients each send
 * a POST, wait for the whole response, and send again, for `durationMs`. Every latency is kept, so the percentiles
 * are exact (autocannon reports p97.5, not p95). `runLoad` sends one request and counts answers that are not 200 or
 * carry GraphQL `errors` as errors; `runMixedLoad` sends a mix, each request with the answer it must get.
 */
import { Agent, request } from 'node:http';
import { percentile } from './sql-capture.js';

/** One request of a load run and what its answer must be. */
export interface LoadRequest {
  body: string;
  /** Extra request headers, e.g. `authorization: Bearer <token>`. */
  headers?: Readonly<Record<string, string>>;
  /** True when the answer is the expected one; default: status 200 without GraphQL `errors`. */
  expect?: (status: number, body: string) => boolean;
}

export interface LoadOptions {
  url: string;
  body: string;
  /** Extra request headers, e.g. `authorization: Bearer <token>`. */
  headers?: Readonly<Record<string, string>>;
  connections: number;
  durationMs: number;
  /** Requests per connection sent before measuring (warms the server's caches and the JIT). */
  warmupRequests?: number;
}

export interface MixedLoadOptions extends Omit<LoadOptions, 'body' | 'headers'> {
  /** The connections send these in turn, round robin over the whole mix (each request equally often). */
  requests: readonly LoadRequest[];
  /** Gives up on a request after this long and counts it as an error (default 30 s). */
  requestTimeoutMs?: number;
}

export interface LoadResult {
  connections: number;
  requests: number;
  errors: number;
  /** Requests per second over the measured period. */
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface MixedLoadResult extends LoadResult {
  /** Unexpected answers per request index, with the first status and body seen for each (for the report). */
  failures: Map<number, { count: number; status: number; sample: string }>;
  /** Answers per HTTP status. */
  statuses: Map<number, number>;
}

const okWithoutErrors = (status: number, body: string): boolean => status === 200 && !body.includes('"errors"');

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { body, headers, ...rest } = options;
  const result = await runMixedLoad({ ...rest, requests: [{ body, headers }] });
  return { connections: result.connections, requests: result.requests, errors: result.errors, throughput: result.throughput, p50: result.p50, p95: result.p95, p99: result.p99, max: result.max };
}

/** A closed loop over a mix of requests; an unexpected answer, a reset connection or a timeout is an error. */
export async function runMixedLoad(options: MixedLoadOptions): Promise<MixedLoadResult> {
  const target = new URL(options.url);
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const payloads = options.requests.map((r) => Buffer.from(r.body));
  const timeoutMs = options.requestTimeoutMs ?? 30_000;
  let errors = 0;
  let failures = new Map<number, { count: number; status: number; sample: string }>();
  let statuses = new Map<number, number>();
  const fail = (index: number, status: number, sample: string) => {
    errors += 1;
    const seen = failures.get(index);
    if (seen) seen.count += 1;
    else failures.set(index, { count: 1, status, sample: sample.slice(0, 300) });
  };

  /** Request `index`; its latency is recorded whatever the outcome. */
  const once = (index: number): Promise<number> =>
    new Promise((resolve) => {
      const spec = options.requests[index]!;
      const payload = payloads[index]!;
      const started = performance.now();
      let settled = false;
      const done = (failure?: { status: number; sample: string }) => {
        if (settled) return;
        settled = true;
        if (failure) fail(index, failure.status, failure.sample);
        resolve(performance.now() - started);
      };
      const req = request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          timeout: timeoutMs,
          headers: { ...spec.headers, 'content-type': 'application/json', 'content-length': payload.length, accept: 'application/graphql-response+json' },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            statuses.set(status, (statuses.get(status) ?? 0) + 1);
            const text = Buffer.concat(chunks).toString('utf8');
            done((spec.expect ?? okWithoutErrors)(status, text) ? undefined : { status, sample: text });
          });
          res.on('error', (error) => done({ status: 0, sample: `response error: ${error.message}` }));
        },
      );
      req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      req.on('error', (error) => done({ status: 0, sample: `request error: ${error.message}` }));
      req.end(payload);
    });

  const n = options.requests.length;
  try {
    const warmup = options.warmupRequests ?? 2;
    await Promise.all(Array.from({ length: options.connections }, async (_, c) => {
      for (let k = 0; k < warmup; k++) await once((c + k) % n);
    }));
    errors = 0;
    failures = new Map();
    statuses = new Map();
    const latencies: number[] = [];
    const started = performance.now();
    const deadline = started + options.durationMs;
    let next = 0;
    await Promise.all(Array.from({ length: options.connections }, async () => {
      while (performance.now() < deadline) latencies.push(await once(next++ % n));
    }));
    const elapsedSeconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    return {
      connections: options.connections,
      requests: latencies.length,
      errors,
      throughput: latencies.length / elapsedSeconds,
      p50: percentile(latencies, 0.5),
      p95: percentile(latencies, 0.95),
      p99: percentile(latencies, 0.99),
      max: latencies[latencies.length - 1] ?? Number.NaN,
      failures,
      statuses,
    };
  } finally {
    agent.destroy();
  }
}
