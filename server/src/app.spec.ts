import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './modules/__tests__/api-harness.js';
import { storedKk } from './modules/__tests__/fixture.js';

describe('app without a built dashboard', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('answers / with a page saying to run pnpm build', async () => {
    const response = await fetch(`${api.baseUrl}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(await response.text()).toContain('pnpm build');
  });

  it('serves the Sandbox landing page on a browser GET of /graphql outside production', async () => {
    const response = await fetch(`${api.baseUrl}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/apollo/i);
  });

  it('answers GraphQL over GET, with CSRF prevention on', async () => {
    const url = `${api.baseUrl}/graphql?query=${encodeURIComponent('{ health { status } }')}`;
    const blocked = await fetch(url);
    expect(blocked.status).toBe(400);
    expect(await blocked.text()).toMatch(/CSRF/i);

    const allowed = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toEqual({ data: { health: { status: 'ok' } } });
  });

  it('reports validation errors with their code', async () => {
    const { status, body } = await api.query('{ nope }');
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('logs unexpected errors and hides them from clients', async () => {
    // A family whose Dukcapil village is not in the region table: resolving its region fails unexpectedly.
    await api.prisma.family.create({
      data: { id: 50, ...storedKk('9999999999999999'), villageCode: '99.99.99.9999', regencyCode: '99.99', source: 'NON_DTSEN', firstVersionId: 1 },
    });
    const { text, body } = await api.query<{ family: { id: number; region: { code: string } } | null }>(
      '{ family(id: 50) { id region { code } } }',
    );
    expect(body.errors).toEqual([
      { message: 'Internal server error', locations: [{ line: 1, column: 23 }], path: ['family', 'region'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    ]);
    expect(text).not.toContain('99.99.99.9999');
    expect(text).not.toMatch(/stack|stacktrace/i);
    expect(api.loggedErrors).toHaveLength(1);
    expect(String(api.loggedErrors[0])).toContain('99.99.99.9999');
  });

  it('answers malformed JSON with 400 and no stack trace', async () => {
    const response = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).not.toMatch(/at .*\.js:\d+/);
  });
});

describe('app with a built dashboard', () => {
  let api: TestApi;
  let dist: string;
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'dtsen-dashboard-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root">DTSEN dashboard</div>');
    writeFileSync(join(dist, 'assets', 'app.js'), 'console.log("dashboard");');
    api = await startTestApi({ dashboardDist: dist });
  });
  afterAll(async () => {
    await api.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves index.html at / and for client-side routes', async () => {
    for (const path of ['/', '/regions/32.01', '/regions/32.01.01.2001', '/family/1?version=2']) {
      const response = await fetch(`${api.baseUrl}${path}`);
      expect(response.status, path).toBe(200);
      expect(await response.text(), path).toContain('DTSEN dashboard');
    }
  });

  it('serves static assets and 404s missing files instead of falling back', async () => {
    const asset = await fetch(`${api.baseUrl}/assets/app.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(`${api.baseUrl}/assets/missing.js`)).status).toBe(404);
  });

  it('never shadows the API with the SPA fallback', async () => {
    const health = await fetch(`${api.baseUrl}/healthz`);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    const { body } = await api.query<{ health: { status: string } }>('{ health { status } }');
    expect(body.data?.health.status).toBe('ok');
  });
});
