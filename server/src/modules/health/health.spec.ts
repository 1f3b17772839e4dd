import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../__tests__/api-harness.js';

describe('health', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('answers Query.health with the provider and the number of versions', async () => {
    const { status, body } = await api.query<{
      health: { status: string; database: string; versionCount: number; uptimeSeconds: number; replicas: unknown };
    }>('{ health { status database versionCount uptimeSeconds replicas { configured } } }');
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data?.health).toMatchObject({ status: 'ok', database: 'sqlite', versionCount: 3, replicas: null });
    expect(body.data?.health.uptimeSeconds).toBeGreaterThanOrEqual(0);
  });

  it('answers GET /healthz with JSON', async () => {
    const response = await fetch(`${api.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(await response.json()).toMatchObject({ status: 'ok', database: 'sqlite', versionCount: 3, replicas: null });
  });
});
