import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestTimeout } from './request-timeout.js';

describe('requestTimeout', () => {
  let server: Server;
  let baseUrl: string;
  const timedOut: string[] = [];
  const lateWrites: string[] = [];

  beforeAll(async () => {
    const app = express();
    app.use(requestTimeout(100, (method, url) => timedOut.push(`${method} ${url}`)));
    app.get('/slow', (_req, res) => {
      setTimeout(() => {
        // The work ends after the limit and tries to answer: nothing is written and nothing throws.
        res.setHeader('x-late', '1');
        res.status(200).json({ data: 'late' });
        lateWrites.push('done');
      }, 300);
    });
    app.get('/fast', (_req, res) => {
      res.json({ data: 'fast' });
    });
    server = await new Promise((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('answers 503 TIMEOUT when the response has not started in time, and drops the late answer', async () => {
    const started = performance.now();
    const response = await fetch(`${baseUrl}/slow`);
    expect(response.status).toBe(503);
    expect(performance.now() - started).toBeLessThan(290);
    expect(await response.json()).toEqual({
      errors: [{ message: 'The request took longer than 100 ms and was stopped', extensions: { code: 'TIMEOUT' } }],
    });
    expect(response.headers.get('x-late')).toBeNull();
    expect(timedOut).toEqual(['GET /slow']);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(lateWrites).toEqual(['done']);
  });

  it('leaves requests that answer in time alone, and keeps serving after a timeout', async () => {
    const response = await fetch(`${baseUrl}/fast`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: 'fast' });
    expect(timedOut).toEqual(['GET /slow']);
  });
});
