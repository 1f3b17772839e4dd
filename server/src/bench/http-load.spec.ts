import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, renderRequest, ResponseParser, runLoad, runMixedLoad } from './http-load.js';

let server: Server;
let url: string;
let resetsLeft = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString();
      const { mode } = JSON.parse(body) as { mode: string };
      if (mode === 'length') res.setHeader('content-type', 'application/json').end(JSON.stringify({ data: { echo: req.headers.authorization ?? null } }));
      else if (mode === 'chunked') {
        res.setHeader('content-type', 'application/json');
        res.write('{"data":');
        setTimeout(() => res.end('{"chunked":true}}'), 2);
      } else if (mode === 'close') res.setHeader('connection', 'close').end('{"data":{"closed":true}}');
      else if (mode === 'error') res.writeHead(400).end('{"errors":[{"message":"no"}]}');
      else if (mode === 'reset') {
        if (resetsLeft-- > 0) req.socket.destroy();
        else res.end('{"data":{"reset":false}}');
      } else if (mode === 'slow') setTimeout(() => res.end('{"data":{}}'), 500);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('ResponseParser', () => {
  it('frames responses by Content-Length and chunks, across arbitrary splits, with pipelined bytes left over', () => {
    const wire = Buffer.from(
      'HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello' +
        'HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n3\r\nabc\r\n4;ext=1\r\ndefg\r\n0\r\n\r\n',
    );
    for (let split = 1; split < wire.length; split += 7) {
      const parser = new ResponseParser();
      const out = [parser.push(wire.subarray(0, split)), parser.push(wire.subarray(split)), parser.push(Buffer.alloc(0))].filter((r) => r !== null);
      expect(out.map((r) => [r.status, r.body.toString(), r.close])).toEqual([
        [200, 'hello', false],
        [201, 'abcdefg', true],
      ]);
    }
  });

  it('refuses what is not HTTP', () => {
    expect(() => new ResponseParser().push(Buffer.from('SSH-2.0-OpenSSH\r\n\r\n'))).toThrow(/not an HTTP response/);
  });
});

describe('Client and load runs', () => {
  it('sends the rendered request (headers included) and reuses its connection', async () => {
    const target = new URL(url);
    const client = new Client(target.hostname, Number(target.port), 5_000);
    const request = renderRequest(target, { body: '{"mode":"length"}', headers: { authorization: 'Bearer x' } });
    let connections = 0;
    const count = () => (connections += 1);
    server.on('connection', count);
    try {
      for (let i = 0; i < 3; i++) {
        const response = await client.send(request);
        expect(response.status).toBe(200);
        expect(JSON.parse(response.body.toString())).toEqual({ data: { echo: 'Bearer x' } });
      }
      const chunked = await client.send(renderRequest(target, { body: '{"mode":"chunked"}' }));
      expect(chunked.body.toString()).toBe('{"data":{"chunked":true}}');
      expect(connections).toBe(1);
      await client.send(renderRequest(target, { body: '{"mode":"close"}' }));
      await client.send(request);
      expect(connections).toBe(2);
    } finally {
      server.off('connection', count);
      client.close();
    }
  });

  it('counts errors (unexpected answers, resets, timeouts) and keeps going', async () => {
    resetsLeft = 3;
    const mixed = await runMixedLoad({
      url,
      connections: 4,
      durationMs: 300,
      warmupRequests: 0,
      requestTimeoutMs: 100,
      requests: [
        { body: '{"mode":"length"}' },
        { body: '{"mode":"error"}', expect: (status) => status === 400 },
        { body: '{"mode":"error"}' },
        { body: '{"mode":"reset"}' },
        { body: '{"mode":"slow"}' },
      ],
    });
    expect(mixed.requests).toBeGreaterThan(5);
    const failed = new Map([...mixed.failures].map(([index, f]) => [index, f]));
    expect(failed.has(0)).toBe(false);
    expect(failed.has(1)).toBe(false);
    expect(failed.get(2)?.status).toBe(400);
    expect(failed.get(3)?.sample).toMatch(/request error/);
    expect(failed.get(4)?.sample).toMatch(/no answer within 100 ms/);
    expect(mixed.errors).toBe([...mixed.failures.values()].reduce((sum, f) => sum + f.count, 0));
  });

  it('runLoad measures a closed loop with exact percentiles', async () => {
    const result = await runLoad({ url, body: '{"mode":"length"}', connections: 3, durationMs: 200 });
    expect(result.errors).toBe(0);
    expect(result.requests).toBeGreaterThan(10);
    expect(result.p50).toBeLessThanOrEqual(result.p95);
    expect(result.p95).toBeLessThanOrEqual(result.max);
  });
});
