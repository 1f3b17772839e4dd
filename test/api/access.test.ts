// Access control over real HTTP on the generated dataset (SQLite and its PostgreSQL copy), with the development users
// global-setup.ts created (one per role; the regional ones in Kabupaten Bogor 32.01): no token, a wrong token, a
// regional head inside and outside their kabupaten, a policy analyst without person-level rows, an operator without
// aggregates.
import { describe, expect, it } from 'vitest';
import type { RoleName } from '../../server/src/domain/access.js';
import { jsonHeaders } from '../support/auth';
import { engines, graphqlUrl } from '../support/engines';

interface GraphQLErrorBody {
  message: string;
  path?: string[];
  extensions: { code: string; reason?: string; regionCode?: string; scope?: string | null; right?: string };
}

interface Answer<T> {
  status: number;
  data: T | null;
  errors: GraphQLErrorBody[];
}

const DISTRIBUTION = 'query($r: ID!) { decileDistribution(regionCode: $r) { totalFamilies } }';
type Distribution = { decileDistribution: { totalFamilies: number } };

describe.each(engines())('access control on the generated dataset ($name)', (engine) => {
  async function post<T>(headers: Record<string, string>, query: string, variables: Record<string, unknown> = {}): Promise<Answer<T>> {
    const res = await fetch(graphqlUrl(engine), { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { data?: T | null; errors?: GraphQLErrorBody[] };
    return { status: res.status, data: body.data ?? null, errors: body.errors ?? [] };
  }

  const as = <T>(role: RoleName | null, query: string, variables: Record<string, unknown> = {}) => post<T>(jsonHeaders(role), query, variables);

  it('answers only health and me without a token; everything else is UNAUTHENTICATED', async () => {
    const open = await as<{ health: { status: string }; me: null }>(null, '{ health { status } me { username } }');
    expect(open.errors).toEqual([]);
    expect(open.data).toEqual({ health: { status: 'ok' }, me: null });

    for (const query of ['{ decileDistribution(regionCode: "ID") { totalFamilies } }', '{ versions { id } }', '{ families(first: 1) { totalCount } }']) {
      const refused = await as(null, query);
      expect(refused.data, query).toBeNull();
      expect(refused.errors.map((error) => error.extensions.code), query).toEqual(['UNAUTHENTICATED']);
    }
  });

  it('refuses a wrong token with HTTP 401 before running anything', async () => {
    const wrong = await post({ 'content-type': 'application/json', authorization: `Bearer dtsen_${'x'.repeat(43)}` }, '{ health { status } }');
    expect(wrong.status).toBe(401);
    expect(wrong.errors.map((error) => error.extensions.code)).toEqual(['UNAUTHENTICATED']);
  });

  it('tells each development user who they are', async () => {
    const expected: Record<RoleName, { username: string; regionCode: string | null }> = {
      ADMIN: { username: 'admin', regionCode: null },
      NATIONAL_ANALYST: { username: 'analis.nasional', regionCode: null },
      POLICY_ANALYST: { username: 'analis.kebijakan', regionCode: null },
      REGIONAL_HEAD: { username: 'bupati.bogor', regionCode: '32.01' },
      OPERATOR: { username: 'operator.bogor', regionCode: '32.01' },
    };
    for (const [role, user] of Object.entries(expected) as [RoleName, (typeof expected)[RoleName]][]) {
      const { data } = await as<{ me: { username: string; role: string; regionCode: string | null; rights: string[] } }>(role, '{ me { username role regionCode rights } }');
      expect(data?.me).toMatchObject({ ...user, role });
      expect(data?.me.rights).toContain('REFERENCE');
    }
  });

  it('lets the Bupati Bogor read Kabupaten Bogor and refuses Kabupaten Sukabumi and the nation as OUT_OF_SCOPE', async () => {
    const own = await as<Distribution>('REGIONAL_HEAD', DISTRIBUTION, { r: '32.01' });
    expect(own.errors).toEqual([]);
    const admin = await as<Distribution>('ADMIN', DISTRIBUTION, { r: '32.01' });
    expect(own.data?.decileDistribution.totalFamilies).toBe(admin.data?.decileDistribution.totalFamilies);
    expect(own.data?.decileDistribution.totalFamilies).toBeGreaterThan(0);

    // Below their kabupaten is inside it.
    const district = await as<Distribution>('REGIONAL_HEAD', DISTRIBUTION, { r: '32.01.01' });
    expect(district.errors).toEqual([]);

    for (const region of ['32.02', 'ID', '32']) {
      const refused = await as<Distribution>('REGIONAL_HEAD', DISTRIBUTION, { r: region });
      expect(refused.data, region).toBeNull();
      expect(refused.errors[0]?.extensions, region).toMatchObject({ code: 'FORBIDDEN', reason: 'OUT_OF_SCOPE', regionCode: region, scope: '32.01' });
    }
  });

  it('refuses the families to a policy analyst (no person-level rows) but gives the aggregates and a plan’s counts', async () => {
    const families = await as('POLICY_ANALYST', '{ families(first: 5) { totalCount edges { node { id kkMasked } } } }');
    expect(families.data).toBeNull();
    expect(families.errors[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'MISSING_RIGHT', right: 'PERSON_ROWS' });

    const national = await as<Distribution>('POLICY_ANALYST', DISTRIBUTION, { r: 'ID' });
    expect(national.errors).toEqual([]);
    expect(national.data?.decileDistribution.totalFamilies).toBeGreaterThan(0);

    // The dashboard's quota view asks for the plan without its units (`@include(if: false)`): no error at all.
    const plan = await as<{ reallocationPlan: { quota: number; recipients: number; gap: number; status: string } }>(
      'POLICY_ANALYST',
      'query($withUnits: Boolean!) { reallocationPlan(programCode: PKH, regencyCode: "32.01") { quota recipients gap status fill { counts { units } units @include(if: $withUnits) { familyId } } removal { byCause { units } units @include(if: $withUnits) { familyId } } } }',
      { withUnits: false },
    );
    expect(plan.errors).toEqual([]);
    expect(plan.data?.reallocationPlan.quota).toBeGreaterThan(0);
    expect(plan.data?.reallocationPlan.gap).toBe((plan.data?.reallocationPlan.quota ?? 0) - (plan.data?.reallocationPlan.recipients ?? 0));
  });

  it('gives an operator the proposals of their region and no aggregates', async () => {
    const proposals = await as<{ proposals: { totalCount: number } }>('OPERATOR', '{ proposals(filter: { regionCode: "32.01" }, first: 5) { totalCount } }');
    expect(proposals.errors).toEqual([]);
    const elsewhere = await as('OPERATOR', '{ proposals(filter: { regionCode: "32.02" }, first: 5) { totalCount } }');
    expect(elsewhere.errors[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OUT_OF_SCOPE' });
    const counts = await as('OPERATOR', DISTRIBUTION, { r: '32.01' });
    expect(counts.errors[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'MISSING_RIGHT', right: 'AGGREGATES' });
  });
});
