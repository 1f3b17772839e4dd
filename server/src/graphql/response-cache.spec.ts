import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GENERATION_APPLICATION_NAME } from '../db/pg-generation.js';
import { postgresDatabaseUrl } from '../db/postgres-admin.js';
import { startTestApi, TEST_ENGINES, type TestApi, type TestEngine } from '../modules/__tests__/api-harness.js';

describe.each(TEST_ENGINES)('response cache of aggregate queries (%s)', (engine: TestEngine) => {
  let api: TestApi;
  /** Another connection to the app's database (PostgreSQL), as another process would write with. */
  let other: pg.Client | null = null;

  beforeAll(async () => {
    api = await startTestApi({ engine });
    if (engine === 'postgresql') {
      const [{ name }] = await api.prisma.$queryRawUnsafe<{ name: string }[]>('SELECT current_database() AS name');
      other = new pg.Client({ connectionString: postgresDatabaseUrl(name) });
      await other.connect();
    }
  });
  afterAll(async () => {
    await other?.end();
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

  /**
   * The answer once the cache has let go of its entry: at once on SQLite (data_version is read on every request); on
   * PostgreSQL once the commit's notification has reached the server's listening connection, a moment after the
   * commit: asked again until then (an entry that is never let go of fails after 5 s).
   */
  async function afterInvalidation(query: string): Promise<{ cache: string | null; text: string }> {
    if (engine === 'sqlite') return post(query);
    return vi.waitFor(async () => {
      const answer = await post(query);
      expect(answer.cache).not.toBe('hit');
      return answer;
    }, { timeout: 5_000, interval: 5 });
  }

  /** A write committed by a connection other than the app's own (SQLite: Prisma's; PostgreSQL: a plain pg client). */
  async function otherConnectionWrites(sql: string): Promise<void> {
    if (other) await other.query(sql);
    else await api.prisma.$executeRawUnsafe(sql);
  }

  const DISTRIBUTION = 'query($r: ID) { decileDistribution(regionCode: $r) { totalFamilies buckets { desil families } } }';

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

  it('keeps its entries across person-level reads, whose audit events are not a change an analysis can see', async () => {
    await post(DISTRIBUTION, { r: '32' });
    expect((await post(DISTRIBUTION, { r: '32' })).cache).toBe('hit');
    const audited = async () => Number((await api.prisma.$queryRawUnsafe<{ n: number | bigint }[]>('SELECT COUNT(*) AS n FROM audit_event'))[0]!.n);
    const before = await audited();
    expect((await post('{ family(id: 1) { id kkMasked } }')).cache).toBeNull();
    expect(await audited()).toBe(before + 1);
    // PostgreSQL: audit_event has no notification trigger; SQLite: the event is written on the server's own
    // connection, whose commits do not move its data_version.
    expect((await post(DISTRIBUTION, { r: '32' })).cache).toBe('hit');
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
    await otherConnectionWrites("UPDATE dtsen_version SET label = '2025-Q4-renamed' WHERE id = 3");
    const after = await afterInvalidation(query);
    expect(after.cache).toBe('miss');
    expect(after.text).toContain('2025-Q4-renamed');
    await otherConnectionWrites("UPDATE dtsen_version SET label = '2025-Q4' WHERE id = 3");
    expect((await afterInvalidation(query)).text).not.toContain('renamed');
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

  it.runIf(engine === 'postgresql')('serves nothing from the cache while it cannot hear of changes, and starts empty once it can again', async () => {
    const query = '{ versions { id label } }';
    await post(query);
    expect((await post(query)).cache).toBe('hit');
    const { rows } = await other!.query<{ killed: boolean }>(
      'SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()',
      [GENERATION_APPLICATION_NAME],
    );
    expect(rows).toEqual([{ killed: true }]);
    // Once the server notices: never a hit. Bypassed (no cache header) while it reconnects, then a cache emptied.
    const noticed = await afterInvalidation(query);
    const back = noticed.cache !== null ? noticed : await vi.waitFor(async () => {
      const answer = await post(query);
      expect(answer.cache).not.toBeNull();
      return answer;
    }, { timeout: 10_000, interval: 20 });
    expect(back.cache).toBe('miss');
    expect((await post(query)).cache).toBe('hit');
    expect(api.loggedErrors.length).toBeGreaterThan(0);
  });
});
