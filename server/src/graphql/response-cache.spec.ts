import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../modules/__tests__/api-harness.js';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.close();
});

async function post(query: string, variables?: Record<string, unknown>): Promise<{ cache: string | null; text: string }> {
  const response = await fetch(`${api.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  expect(response.status).toBe(200);
  return { cache: response.headers.get('x-atlas-cache'), text: await response.text() };
}

const DISTRIBUTION = 'query($r: ID) { decileDistribution(regionCode: $r) { totalFamilies buckets { desil families } } }';

describe('response cache of aggregate queries', () => {
  it('answers a repeated aggregate query from the cache, byte for byte, without touching the database', async () => {
    const first = await post(DISTRIBUTION, { r: 'ID' });
    api.resetStatementCount();
    const second = await post(DISTRIBUTION, { r: 'ID' });
    expect(first.cache).toBe('miss');
    expect(second.cache).toBe('hit');
    expect(second.text).toBe(first.text);
    expect(api.statementCount()).toBe(0);
  });

  it('keys entries by variables', async () => {
    const nation = await post(DISTRIBUTION, { r: 'ID' });
    const province = await post(DISTRIBUTION, { r: '32' });
    expect(province.cache).toBe('miss');
    expect(province.text).not.toBe(nation.text);
  });

  it('never caches person-level reads: they always reach the resolvers (access checks and audit)', async () => {
    const query = '{ family(id: 1) { id kkMasked } }';
    expect((await post(query)).cache).toBeNull();
    api.resetStatementCount();
    expect((await post(query)).cache).toBeNull();
    expect(api.statementCount()).toBeGreaterThan(0);
  });

  it('never caches a mix of aggregate and person-level fields', async () => {
    const query = '{ versions { id } family(id: 1) { id } }';
    await post(query);
    expect((await post(query)).cache).toBeNull();
  });

  it('does not cache responses with errors', async () => {
    const query = '{ decileDistribution(regionCode: "99") { totalFamilies } }';
    expect((await post(query)).cache).toBe('miss');
    expect((await post(query)).cache).toBe('miss');
  });

  it('forgets everything once another connection commits a change', async () => {
    const query = '{ versions { id label } }';
    await post(query);
    expect((await post(query)).cache).toBe('hit');
    await api.prisma.dtsenVersion.update({ where: { id: 3 }, data: { label: '2025-Q4-renamed' } });
    const after = await post(query);
    expect(after.cache).toBe('miss');
    expect(after.text).toContain('2025-Q4-renamed');
    await api.prisma.dtsenVersion.update({ where: { id: 3 }, data: { label: '2025-Q4' } });
  });

  it('forgets everything after a mutation of this server, whatever connection it committed on', async () => {
    const query = '{ versions { id status } }';
    await post(query);
    expect((await post(query)).cache).toBe('hit');
    // An invalid mutation still counts: the cache cannot know whether something was written.
    await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { publishVersion(versionId: 999) { id } }' }),
    });
    expect((await post(query)).cache).toBe('miss');
  });

  it('is never consulted for GET requests, which CSRF prevention must see', async () => {
    const url = `${api.baseUrl}/graphql?query=${encodeURIComponent('{ versions { id } }')}`;
    await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    const response = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(response.headers.get('x-atlas-cache')).toBeNull();
    expect((await fetch(url)).status).toBe(400);
  });
});
