import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../modules/__tests__/api-harness.js';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.close();
});

/** POSTs as `token` (default the fixture's ADMIN; null: no token). */
async function post(query: string, variables?: Record<string, unknown>, token: string | null = api.adminToken): Promise<{ cache: string | null; text: string }> {
  const response = await fetch(`${api.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...(token === null ? {} : api.authHeaders(token)) },
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

  it('never caches person-level data nested under a cacheable root field (the units of a reallocation plan)', async () => {
    const units = '{ reallocationPlan(regencyCode: "32.01", programCode: PKH, nationalQuota: 3) { gap fill { units { familyId } } } }';
    expect((await post(units)).cache).toBeNull();
    const fragment = '{ reallocationPlan(regencyCode: "32.01", programCode: PKH, nationalQuota: 3) { ...P } } fragment P on ReallocationPlan { removal { units { familyId } } }';
    expect((await post(fragment)).cache).toBeNull();
    // The counts alone are an aggregate: consulted (here a miss, the fixture has no poverty figures: an error).
    expect((await post('{ reallocationPlan(regencyCode: "32.01", programCode: PKH, nationalQuota: 3) { gap } }')).cache).toBe('miss');
  });

  it('never serves an answer across access scopes', async () => {
    const bandung = 'query($r: ID) { decileDistribution(regionCode: $r) { totalFamilies } }';
    await post(bandung, { r: '32.73' });
    expect((await post(bandung, { r: '32.73' })).cache).toBe('hit');
    // The Bupati Bogor asks the very same question: refused, not the ADMIN's cached answer.
    const bupati = await api.tokenFor('REGIONAL_HEAD', '32.01');
    const refused = await post(bandung, { r: '32.73' }, bupati);
    expect(refused.cache).toBe('miss');
    expect(JSON.parse(refused.text)).toMatchObject({ data: null, errors: [{ extensions: { code: 'FORBIDDEN', reason: 'OUT_OF_SCOPE' } }] });
    // Their own region is cached for their scope, apart from the ADMIN's entry.
    const bogor = await post(bandung, { r: '32.01' }, bupati);
    expect(bogor.cache).toBe('miss');
    expect((await post(bandung, { r: '32.01' }, bupati)).cache).toBe('hit');
    expect((await post(bandung, { r: '32.01' })).cache).toBe('miss');
    // Anonymous callers get UNAUTHENTICATED even for a query cached for everyone else.
    const anonymous = await post(bandung, { r: '32.73' }, null);
    expect(JSON.parse(anonymous.text)).toMatchObject({ data: null, errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    expect((await post(bandung, { r: '32.73' }, null)).cache).toBe('miss');
  });

  it('never caches who is asking (me) or the usage report', async () => {
    await post('{ me { username } }');
    expect((await post('{ me { username } }')).cache).toBeNull();
    const report = '{ usageReport(from: "2020-01-01T00:00:00Z", to: "2030-01-01T00:00:00Z") { totals { denied } } }';
    await post(report);
    expect((await post(report)).cache).toBeNull();
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
      headers: { 'content-type': 'application/json', ...api.authHeaders() },
      body: JSON.stringify({ query: 'mutation { publishVersion(versionId: 999) { id } }' }),
    });
    expect((await post(query)).cache).toBe('miss');
  });

  it('is never consulted for GET requests, which CSRF prevention must see', async () => {
    const url = `${api.baseUrl}/graphql?query=${encodeURIComponent('{ versions { id } }')}`;
    await fetch(url, { headers: { 'apollo-require-preflight': 'true', ...api.authHeaders() } });
    const response = await fetch(url, { headers: { 'apollo-require-preflight': 'true', ...api.authHeaders() } });
    expect(response.headers.get('x-atlas-cache')).toBeNull();
    expect((await fetch(url)).status).toBe(400);
  });
});
