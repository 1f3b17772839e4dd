/**
 * A closed-loop HTTP load generator (like autocannon's default mode): `connections` keep-alive clients each send
 * a POST, wait for the whole response, and send again, for `durationMs`. Every latency is kept, so the percentiles
 * are exact (autocannon reports p97.5, not p95). `runLoad` sends one request and counts answers that are not 200 or
 * carry GraphQL `errors` as errors; `runMixedLoad` sends a mix, each request with the answer it must get.
 *
 * The clients speak HTTP/1.1 on plain sockets: each request's bytes are rendered once, and the response is framed by
 * its `Content-Length` or chunked encoding (a `Connection: close` answer, a reset or a timeout opens a new
 * connection). Node's `http` client costs about 0.15 ms of the load generator's core per request; at a few
 * thousand requests per second that, not the server, set the latency the benchmark reported at 50 clients.
 */
import { connect, type Socket } from 'node:net';
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

/** What the default check looks for: an answer carrying GraphQL `errors` is not a success. */
const ERRORS_KEY = Buffer.from('"errors"');

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { body, headers, ...rest } = options;
  const result = await runMixedLoad({ ...rest, requests: [{ body, headers }] });
  return { connections: result.connections, requests: result.requests, errors: result.errors, throughput: result.throughput, p50: result.p50, p95: result.p95, p99: result.p99, max: result.max };
}

/** A closed loop over a mix of requests; an unexpected answer, a reset connection or a timeout is an error. */
export async function runMixedLoad(options: MixedLoadOptions): Promise<MixedLoadResult> {
  const target = new URL(options.url);
  const port = Number(target.port || 80);
  const payloads = options.requests.map((r) => renderRequest(target, r));
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
  const clients = Array.from({ length: options.connections }, () => new Client(target.hostname, port, timeoutMs));

  /** Request `index` on a client; its latency is recorded whatever the outcome. */
  const once = async (client: Client, index: number): Promise<number> => {
    const spec = options.requests[index]!;
    const started = performance.now();
    try {
      const { status, body } = await client.send(payloads[index]!);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      // The default check searches the bytes: decoding a large answer to text on every request costs the generator's
      // core more than the server's hit does.
      const ok = spec.expect ? spec.expect(status, body.toString('utf8')) : status === 200 && !body.includes(ERRORS_KEY);
      if (!ok) fail(index, status, body.toString('utf8'));
    } catch (error) {
      fail(index, 0, `request error: ${(error as Error).message}`);
    }
    return performance.now() - started;
  };

  const n = options.requests.length;
  try {
    const warmup = options.warmupRequests ?? 2;
    await Promise.all(clients.map(async (client, c) => {
      for (let k = 0; k < warmup; k++) await once(client, (c + k) % n);
    }));
    errors = 0;
    failures = new Map();
    statuses = new Map();
    const latencies: number[] = [];
    const started = performance.now();
    const deadline = started + options.durationMs;
    let next = 0;
    await Promise.all(clients.map(async (client) => {
      while (performance.now() < deadline) latencies.push(await once(client, next++ % n));
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
    for (const client of clients) client.close();
  }
}

/** The bytes of one POST: request line, headers (Host, JSON body, GraphQL response media type, the spec's), body. */
export function renderRequest(target: URL, request: LoadRequest): Buffer {
  const body = Buffer.from(request.body);
  const headers: Record<string, string> = {
    host: target.host,
    'content-type': 'application/json',
    accept: 'application/graphql-response+json',
    ...request.headers,
    'content-length': String(body.length),
  };
  const head = `POST ${target.pathname}${target.search} HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), body]);
}

export interface HttpResponse {
  status: number;
  body: Buffer;
}

/**
 * One keep-alive HTTP/1.1 connection sending one request at a time. It connects on first use and again after the
 * server closed it, a response said `Connection: close`, or a request failed (reset, malformed answer, timeout).
 */
export class Client {
  private socket: Socket | null = null;
  private pending: { resolve(r: HttpResponse): void; reject(e: Error): void; timer: NodeJS.Timeout } | null = null;

  constructor(
    private readonly host: string,
    private readonly port: number,
    private readonly timeoutMs: number,
  ) {}

  send(request: Buffer): Promise<HttpResponse> {
    if (this.pending) return Promise.reject(new Error('a request is already in flight on this connection'));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.failAndClose(new Error(`no answer within ${this.timeoutMs} ms`)), this.timeoutMs);
      this.pending = { resolve, reject, timer };
      this.ensureSocket().write(request);
    });
  }

  close(): void {
    this.socket?.destroy();
    this.socket = null;
  }

  private ensureSocket(): Socket {
    if (this.socket && !this.socket.destroyed) return this.socket;
    const socket = connect({ host: this.host, port: this.port, noDelay: true });
    const parser = new ResponseParser();
    socket.on('data', (chunk: Buffer) => {
      if (this.socket !== socket) return;
      let response: (HttpResponse & { close: boolean }) | null;
      try {
        response = parser.push(chunk);
      } catch (error) {
        this.failAndClose(error as Error);
        return;
      }
      if (!response) return;
      const pending = this.pending;
      if (!pending) {
        this.failAndClose(new Error('an answer nobody asked for'));
        return;
      }
      this.pending = null;
      clearTimeout(pending.timer);
      if (response.close) this.close();
      pending.resolve({ status: response.status, body: response.body });
    });
    const lost = (error?: Error) => {
      if (this.socket !== socket) return;
      this.failAndClose(error ?? new Error('connection closed by the server'));
    };
    socket.on('error', lost);
    socket.on('close', () => lost());
    this.socket = socket;
    return socket;
  }

  private failAndClose(error: Error): void {
    const pending = this.pending;
    this.pending = null;
    this.close();
    if (pending) {
      clearTimeout(pending.timer);
      pending.reject(error);
    }
  }
}

const CRLF_CRLF = Buffer.from('\r\n\r\n');

/** Frames HTTP/1.1 responses from a byte stream: status, headers, then a `Content-Length` or chunked body. */
export class ResponseParser {
  private buffer: Buffer = Buffer.alloc(0);
  private head: { status: number; length: number | null; chunked: boolean; close: boolean; bodyStart: number } | null = null;

  /** Adds bytes; returns the response once complete (bytes after it start the next one), else null. */
  push(chunk: Buffer): (HttpResponse & { close: boolean }) | null {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    if (!this.head) {
      const end = this.buffer.indexOf(CRLF_CRLF);
      if (end < 0) return null;
      const lines = this.buffer.toString('latin1', 0, end).split('\r\n');
      const statusLine = /^HTTP\/1\.[01] (\d{3})/.exec(lines[0]!);
      if (!statusLine) throw new Error(`not an HTTP response: ${JSON.stringify(lines[0]!.slice(0, 80))}`);
      let length: number | null = null;
      let chunked = false;
      let close = lines[0]!.startsWith('HTTP/1.0');
      for (const line of lines.slice(1)) {
        const colon = line.indexOf(':');
        const name = line.slice(0, colon).trim().toLowerCase();
        const value = line.slice(colon + 1).trim().toLowerCase();
        if (name === 'content-length') length = Number(value);
        else if (name === 'transfer-encoding') chunked = value.includes('chunked');
        else if (name === 'connection') close = value === 'close';
      }
      this.head = { status: Number(statusLine[1]), length, chunked, close, bodyStart: end + 4 };
    }
    const { status, length, chunked, close, bodyStart } = this.head;
    if (chunked) {
      const decoded = decodeChunked(this.buffer, bodyStart);
      if (!decoded) return null;
      return this.finish({ status, body: decoded.body, close }, decoded.end);
    }
    if (length === null) {
      // Neither length nor chunks: the body runs to the end of the connection, which a keep-alive client cannot use.
      if (status === 204 || status === 304) return this.finish({ status, body: Buffer.alloc(0), close }, bodyStart);
      throw new Error(`HTTP ${status} without Content-Length or chunked encoding`);
    }
    if (this.buffer.length < bodyStart + length) return null;
    return this.finish({ status, body: this.buffer.subarray(bodyStart, bodyStart + length), close }, bodyStart + length);
  }

  private finish(response: HttpResponse & { close: boolean }, end: number): HttpResponse & { close: boolean } {
    this.buffer = this.buffer.subarray(end);
    this.head = null;
    return response;
  }
}

/** A chunked body starting at `start`: its bytes and where the message ends, or null while incomplete. */
function decodeChunked(buffer: Buffer, start: number): { body: Buffer; end: number } | null {
  const parts: Buffer[] = [];
  let at = start;
  for (;;) {
    const lineEnd = buffer.indexOf('\r\n', at, 'latin1');
    if (lineEnd < 0) return null;
    const size = parseInt(buffer.toString('latin1', at, lineEnd).split(';')[0]!, 16);
    if (!Number.isFinite(size)) throw new Error('malformed chunk size');
    if (size === 0) {
      // The last chunk, then trailers (none expected), then an empty line.
      const end = buffer.indexOf(CRLF_CRLF, lineEnd);
      return end < 0 ? null : { body: Buffer.concat(parts), end: end + 4 };
    }
    const dataStart = lineEnd + 2;
    if (buffer.length < dataStart + size + 2) return null;
    parts.push(buffer.subarray(dataStart, dataStart + size));
    at = dataStart + size + 2;
  }
}
