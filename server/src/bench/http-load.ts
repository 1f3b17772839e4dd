/**
 * A closed-loop HTTP load generator (like autocannon's default mode): `connections` keep-alive clients each send
 * the same POST, wait for the whole response, and send again, for `durationMs`. Every latency is kept, so the
 * percentiles are exact (autocannon reports p97.5, not p95). Responses that are not 200 or carry GraphQL `errors`
 * are counted as errors.
 */
import { Agent, request } from 'node:http';
import { percentile } from './sql-capture.js';

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

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const target = new URL(options.url);
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const payload = Buffer.from(options.body);
  let errors = 0;

  /** One request; a failed one (reset connection ...) counts as an error and its latency is still recorded. */
  const once = (): Promise<number> =>
    new Promise((resolve) => {
      const started = performance.now();
      const req = request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers: { ...options.headers, 'content-type': 'application/json', 'content-length': payload.length, accept: 'application/graphql-response+json' },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const elapsed = performance.now() - started;
            if (res.statusCode !== 200 || Buffer.concat(chunks).includes('"errors"')) errors += 1;
            resolve(elapsed);
          });
          res.on('error', () => {
            errors += 1;
            resolve(performance.now() - started);
          });
        },
      );
      req.on('error', () => {
        errors += 1;
        resolve(performance.now() - started);
      });
      req.end(payload);
    });

  try {
    const warmup = options.warmupRequests ?? 2;
    await Promise.all(Array.from({ length: options.connections }, async () => {
      for (let k = 0; k < warmup; k++) await once();
    }));
    errors = 0;
    const latencies: number[] = [];
    const started = performance.now();
    const deadline = started + options.durationMs;
    await Promise.all(Array.from({ length: options.connections }, async () => {
      while (performance.now() < deadline) latencies.push(await once());
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
    };
  } finally {
    agent.destroy();
  }
}
