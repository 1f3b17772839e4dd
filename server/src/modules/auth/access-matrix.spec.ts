// The access matrix (issue "Tests"): every root Query and Mutation field of the built schema × every role and an
// unauthenticated caller × a region inside and one outside the regional users' Kabupaten Bogor (32.01; outside: Kota
// Bandung, 32.73), over real HTTP. The expectation is computed from ROLE_RIGHTS and the POLICY table below (the policy
// under test, written independently of the resolvers' decorators): allowed means no FORBIDDEN or UNAUTHENTICATED error,
// denied means exactly the code (and reason, right or region) the policy predicts. A new field without a row here, or
// a decorator that disagrees with its row, fails. Person data reached through nested fields (a proposal's family, the
// units of a reallocation plan) and clear identifiers are checked the same way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGIONAL_ROLES, ROLE_RIGHTS, ROLES, type RoleName, type Right } from '../../domain/access.js';
import { buildAtlasSchema } from '../../graphql/schema.js';
import { startTestApi, type GraphQLResponse, type TestApi } from '../__tests__/api-harness.js';
import { clearPersonalData, fixture } from '../__tests__/fixture.js';

/** What a root field needs: a right (null = public) and whether a regional user's region limits it. */
interface FieldPolicy {
  right: Right | null;
  /** Region arguments, or the region of the entity asked for, must lie inside a regional user's region. */
  scoped: boolean;
}

/** The policy under test: one row per root field of the API. */
const POLICY: Record<string, FieldPolicy> = {
  // Query
  health: { right: null, scoped: false },
  me: { right: null, scoped: false },
  versions: { right: 'REFERENCE', scoped: false },
  latestVersion: { right: 'REFERENCE', scoped: false },
  programs: { right: 'REFERENCE', scoped: false },
  exclusionCriteria: { right: 'REFERENCE', scoped: false },
  region: { right: 'REFERENCE', scoped: false },
  regions: { right: 'REFERENCE', scoped: false },
  decileDistribution: { right: 'AGGREGATES', scoped: true },
  targetingErrors: { right: 'AGGREGATES', scoped: true },
  quotaStatus: { right: 'AGGREGATES', scoped: true },
  reallocationPlan: { right: 'AGGREGATES', scoped: true },
  scenario: { right: 'SCENARIOS', scoped: true },
  coverageTrend: { right: 'AGGREGATES', scoped: true },
  churn: { right: 'AGGREGATES', scoped: true },
  desilTransitions: { right: 'AGGREGATES', scoped: true },
  programOverlap: { right: 'AGGREGATES', scoped: true },
  proposalFunnel: { right: 'AGGREGATES', scoped: true },
  pkhDuration: { right: 'AGGREGATES', scoped: true },
  pbiReactivation: { right: 'AGGREGATES', scoped: true },
  families: { right: 'PERSON_ROWS', scoped: true },
  family: { right: 'PERSON_ROWS', scoped: true },
  proposals: { right: 'PROPOSALS_READ', scoped: true },
  proposal: { right: 'PROPOSALS_READ', scoped: true },
  usageReport: { right: 'USAGE_REPORT', scoped: false },
  // Mutation
  submitProposal: { right: 'PROPOSALS_WRITE', scoped: true },
  verifyProposal: { right: 'PROPOSALS_WRITE', scoped: true },
  recordGroundCheck: { right: 'PROPOSALS_WRITE', scoped: true },
  decideProposal: { right: 'PROPOSALS_WRITE', scoped: true },
  publishVersion: { right: 'PUBLISH', scoped: false },
};

/** Nested person-level fields and clear identifiers: the right each needs beyond its root field's. */
const NESTED_POLICY: Record<string, Right> = {
  'Proposal.family': 'PERSON_ROWS',
  'ReallocationFill.units': 'PERSON_ROWS',
  'ReallocationRemoval.units': 'PERSON_ROWS',
  'Family.kk': 'CLEAR_IDENTIFIERS',
  'Individual.nik': 'CLEAR_IDENTIFIERS',
  'Individual.name': 'CLEAR_IDENTIFIERS',
};

type Side = 'IN' | 'OUT';
const REGION: Record<Side, string> = { IN: '32.01', OUT: '32.73' };
/** Fixture families living in each: family 1 in Kabupaten Bogor, family 2 in Kota Bandung. */
const FAMILY: Record<Side, number> = { IN: 1, OUT: 2 };
/** Proposals submitted in each (created in beforeAll). */
const PROPOSAL: Record<Side, number> = { IN: 0, OUT: 0 };

/** How each root field is called, inside or outside the regional users' region. */
const CALLS: Record<string, (side: Side) => string> = {
  health: () => '{ health { status } }',
  me: () => '{ me { username } }',
  versions: () => '{ versions { id } }',
  latestVersion: () => '{ latestVersion { id } }',
  programs: () => '{ programs { code } }',
  exclusionCriteria: () => '{ exclusionCriteria { code } }',
  region: (s) => `{ region(code: "${REGION[s]}") { name } }`,
  regions: (s) => `{ regions(parentCode: "${REGION[s]}") { code } }`,
  decileDistribution: (s) => `{ decileDistribution(regionCode: "${REGION[s]}") { totalFamilies } }`,
  targetingErrors: (s) => `{ targetingErrors(programCode: PKH, regionCode: "${REGION[s]}") { unit } }`,
  quotaStatus: (s) => `{ quotaStatus(programCode: PKH, nationalQuota: 10, regencyCode: "${REGION[s]}") { totalCount } }`,
  reallocationPlan: (s) => `{ reallocationPlan(versionId: 3, regencyCode: "${REGION[s]}", programCode: PKH, nationalQuota: 3) { gap } }`,
  scenario: (s) => `{ scenario(regionCode: "${REGION[s]}", overrides: [{ programCode: PKH, desilMax: 3 }]) { __typename } }`,
  coverageTrend: (s) => `{ coverageTrend(programCode: PKH, regionCode: "${REGION[s]}") { __typename } }`,
  churn: (s) => `{ churn(programCode: PKH, regionCode: "${REGION[s]}", toVersionId: 2) { __typename } }`,
  desilTransitions: (s) => `{ desilTransitions(fromVersionId: 1, toVersionId: 2, regionCode: "${REGION[s]}") { __typename } }`,
  programOverlap: (s) => `{ programOverlap(regionCode: "${REGION[s]}") { __typename } }`,
  proposalFunnel: (s) => `{ proposalFunnel(regionCode: "${REGION[s]}") { __typename } }`,
  pkhDuration: (s) => `{ pkhDuration(regionCode: "${REGION[s]}") { __typename } }`,
  pbiReactivation: (s) => `{ pbiReactivation(regionCode: "${REGION[s]}") { __typename } }`,
  families: (s) => `{ families(filter: { regionCode: "${REGION[s]}" }) { edges { node { id kkMasked } } } }`,
  family: (s) => `{ family(id: ${FAMILY[s]}) { id kkMasked } }`,
  proposals: (s) => `{ proposals(filter: { regionCode: "${REGION[s]}" }) { totalCount } }`,
  proposal: (s) => `{ proposal(id: ${PROPOSAL[s]}) { id } }`,
  usageReport: () => '{ usageReport(from: "2020-01-01T00:00:00Z", to: "2030-01-01T00:00:00Z") { totals { personReads } } }',
  submitProposal: (s) => `mutation { submitProposal(input: { kind: DESIL_UPDATE, path: PARTICIPATORY, familyId: ${FAMILY[s]} }) { id } }`,
  verifyProposal: (s) => `mutation { verifyProposal(id: ${PROPOSAL[s]}) { id } }`,
  recordGroundCheck: (s) => `mutation { recordGroundCheck(id: ${PROPOSAL[s]}, outcome: ELIGIBLE) { id } }`,
  decideProposal: (s) => `mutation { decideProposal(id: ${PROPOSAL[s]}, decision: REJECTED) { id } }`,
  // An unknown version: allowed callers get NOT_FOUND, so the matrix does not publish anything.
  publishVersion: () => 'mutation { publishVersion(versionId: 999) { id } }',
};

type Caller = RoleName | 'ANONYMOUS';
const CALLERS: readonly Caller[] = [...ROLES, 'ANONYMOUS'];

type Expectation = { allowed: true } | { allowed: false; code: 'UNAUTHENTICATED' } | { allowed: false; code: 'FORBIDDEN'; reason: 'MISSING_RIGHT'; right: Right } | { allowed: false; code: 'FORBIDDEN'; reason: 'OUT_OF_SCOPE'; regionCode: string };

/** What the policy says `caller` gets for `field` on `side`. */
function expected(caller: Caller, field: string, side: Side): Expectation {
  const policy = POLICY[field]!;
  if (policy.right === null) return { allowed: true };
  if (caller === 'ANONYMOUS') return { allowed: false, code: 'UNAUTHENTICATED' };
  if (!ROLE_RIGHTS[caller].includes(policy.right)) return { allowed: false, code: 'FORBIDDEN', reason: 'MISSING_RIGHT', right: policy.right };
  if (policy.scoped && REGIONAL_ROLES.has(caller) && side === 'OUT') return { allowed: false, code: 'FORBIDDEN', reason: 'OUT_OF_SCOPE', regionCode: '' };
  return { allowed: true };
}

type ErrorList = NonNullable<GraphQLResponse<unknown>['errors']>;
const refusals = (errors: ErrorList | undefined) => (errors ?? []).filter((e) => e.extensions?.code === 'FORBIDDEN' || e.extensions?.code === 'UNAUTHENTICATED');

let api: TestApi;
const tokens = new Map<Caller, string | null>();

beforeAll(async () => {
  // The fixture's counts are small cells (1..4): suppressed, they would hide the nested lists whose access is checked
  // here (a plan's units), so small-cell suppression is off in this suite; graphql/small-cells.spec.ts tests it.
  api = await startTestApi({ smallCellThreshold: 1 });
  // Quota data for reallocationPlan: poor people 3 : 2 : 5, and PKH memberships in the draft version 3 carried by
  // Bogor's quota (families 1 and 2, and family 3 outside DTSEN: an inclusion error the plan removes first).
  await api.prisma.poverty.createMany({
    data: [['32.01', 3], ['32.73', 2], ['33.74', 5]].map(([regencyCode, poor]) => ({ regencyCode: String(regencyCode), period: '2024-03', poorThousands: Number(poor), p0: 10 })),
  });
  await api.prisma.enrollment.createMany({
    data: [1, 2, 3].map((familyId) => ({ familyId, programCode: 'PKH', regencyCode: '32.01', startVersionId: 3, endVersionId: null, startReason: 'INITIAL' as const, memberSinceYear: 2025 })),
  });
  for (const side of ['IN', 'OUT'] as const) {
    const { body } = await api.query<{ submitProposal: { id: number } }>(
      `mutation { submitProposal(input: { kind: USULAN, path: PARTICIPATORY, familyId: ${FAMILY[side]} }) { id } }`,
    );
    expect(body.errors).toBeUndefined();
    PROPOSAL[side] = body.data!.submitProposal.id;
  }
  for (const caller of CALLERS) tokens.set(caller, caller === 'ANONYMOUS' ? null : await api.tokenFor(caller));
});
afterAll(async () => {
  await api?.close();
});

describe('the policy table', () => {
  it('has a row and a call for exactly the root fields of the schema', async () => {
    const schema = await buildAtlasSchema();
    const rootFields = [...Object.keys(schema.getQueryType()!.getFields()), ...Object.keys(schema.getMutationType()!.getFields())].sort();
    expect(Object.keys(POLICY).sort()).toEqual(rootFields);
    expect(Object.keys(CALLS).sort()).toEqual(rootFields);
  });

  it('names nested fields that exist', async () => {
    const schema = await buildAtlasSchema();
    for (const coordinate of Object.keys(NESTED_POLICY)) {
      const [type, field] = coordinate.split('.') as [string, string];
      expect(Object.keys((schema.getType(type) as { getFields(): object }).getFields()), coordinate).toContain(field);
    }
  });
});

describe.each(Object.keys(POLICY))('%s', (field) => {
  it.each(CALLERS)('%s: inside and outside Kabupaten Bogor', async (caller) => {
    for (const side of ['IN', 'OUT'] as const) {
      const { status, body } = await api.queryAs(tokens.get(caller)!, CALLS[field]!(side));
      const label = `${caller} ${field} ${side}`;
      expect(status, label).toBe(200);
      const want = expected(caller, field, side);
      const refused = refusals(body.errors);
      if (want.allowed) {
        expect(refused, label).toEqual([]);
        continue;
      }
      expect(refused.length, `${label}: ${JSON.stringify(body.errors)}`).toBeGreaterThan(0);
      const error = refused[0]!;
      expect(error.path, label).toEqual([field]);
      expect(error.extensions?.code, label).toBe(want.code);
      if (want.code === 'FORBIDDEN') {
        expect(error.extensions?.['reason'], label).toBe(want.reason);
        if (want.reason === 'MISSING_RIGHT') expect(error.extensions?.['right'], label).toBe(want.right);
        else expect(error.extensions?.['scope'], label).toBe(REGION.IN);
      }
      // A refused field returns nothing (data null, or the field null).
      const data = body.data as Record<string, unknown> | null | undefined;
      expect(data?.[field] ?? null, label).toBeNull();
    }
  });
});

describe('person data through nested fields', () => {
  const rolesWith = (...rights: Right[]) => ROLES.filter((role) => rights.every((right) => ROLE_RIGHTS[role].includes(right)));

  it('gives a proposal\'s family only to PERSON_ROWS holders; the others still get the proposal', async () => {
    const query = `{ proposals(filter: { regionCode: "${REGION.IN}" }) { edges { node { id family { id kkMasked } } } } }`;
    for (const role of rolesWith('PROPOSALS_READ')) {
      const { body } = await api.queryAs<{ proposals: { edges: { node: { id: number; family: { id: number } | null } }[] } }>(await api.tokenFor(role), query);
      const nodes = body.data!.proposals.edges.map((e) => e.node);
      expect(nodes.map((n) => n.id), role).toContain(PROPOSAL.IN);
      if (ROLE_RIGHTS[role].includes(NESTED_POLICY['Proposal.family']!)) {
        expect(refusals(body.errors), role).toEqual([]);
        expect(nodes.find((n) => n.id === PROPOSAL.IN)?.family?.id, role).toBe(FAMILY.IN);
      } else {
        expect(nodes.every((n) => n.family === null), role).toBe(true);
        expect(refusals(body.errors).length, role).toBe(nodes.length);
        expect(refusals(body.errors)[0]).toMatchObject({
          path: ['proposals', 'edges', 0, 'node', 'family'],
          extensions: { code: 'FORBIDDEN', reason: 'MISSING_RIGHT', right: 'PERSON_ROWS' },
        });
      }
    }
  });

  it('gives the units of a reallocation plan only to PERSON_ROWS holders; the counts to every AGGREGATES holder', async () => {
    const query = `{ reallocationPlan(versionId: 3, regencyCode: "${REGION.IN}", programCode: PKH, nationalQuota: 3) {
      status gap removal { byCause { cause units } units { familyId desil family { id kkMasked } } } } }`;
    type Plan = { reallocationPlan: { status: string; gap: number; removal: { byCause: { cause: string; units: number }[]; units: { familyId: number }[] | null } | null } };
    for (const role of rolesWith('AGGREGATES')) {
      const { body } = await api.queryAs<Plan>(await api.tokenFor(role), query);
      const plan = body.data!.reallocationPlan;
      expect(plan, role).toMatchObject({ status: 'OVER', gap: -2 });
      expect(plan.removal?.byCause, role).toEqual([{ cause: 'OUTSIDE_DTSEN', units: 1 }]);
      if (ROLE_RIGHTS[role].includes(NESTED_POLICY['ReallocationRemoval.units']!)) {
        expect(refusals(body.errors), role).toEqual([]);
        expect(plan.removal?.units, role).toEqual([expect.objectContaining({ familyId: 3 })]);
      } else {
        expect(plan.removal?.units, role).toBeNull();
        expect(refusals(body.errors), role).toMatchObject([
          { path: ['reallocationPlan', 'removal', 'units'], extensions: { code: 'FORBIDDEN', reason: 'MISSING_RIGHT', right: 'PERSON_ROWS' } },
        ]);
      }
    }
  });

  it('returns identifiers in clear to CLEAR_IDENTIFIERS holders only; masked forms to every PERSON_ROWS holder', async () => {
    const query = `{ family(id: ${FAMILY.IN}) { id kk kkMasked members { id nik name nikMasked nameMasked } } }`;
    const family = fixture.families.find((f) => f.id === FAMILY.IN)!;
    type F = { family: { kk: string | null; kkMasked: string; members: { id: number; nik: string | null; name: string | null; nikMasked: string }[] } };
    for (const role of rolesWith('PERSON_ROWS')) {
      const { body, text } = await api.queryAs<F>(await api.tokenFor(role), query);
      const result = body.data!.family;
      expect(result.kkMasked, role).toBe('3201********0007');
      if (ROLE_RIGHTS[role].includes('CLEAR_IDENTIFIERS')) {
        expect(refusals(body.errors), role).toEqual([]);
        expect(result.kk, role).toBe(family.kk);
        for (const member of result.members) {
          const person = fixture.individuals.find((i) => i.id === member.id)!;
          expect([member.nik, member.name], role).toEqual([person.nik, person.name]);
        }
      } else {
        expect(result.kk, role).toBeNull();
        expect(result.members.every((m) => m.nik === null && m.name === null), role).toBe(true);
        const errors = refusals(body.errors);
        expect(errors.length, role).toBe(1 + 2 * result.members.length);
        expect(errors.every((e) => e.extensions?.['reason'] === 'MISSING_RIGHT' && e.extensions?.['right'] === 'CLEAR_IDENTIFIERS'), role).toBe(true);
        for (const value of clearPersonalData.filter((v) => v.length > 3)) expect(text, role).not.toContain(value);
      }
    }
  });
});

describe('regional users', () => {
  it('read the quota of their own kabupaten/kota, or of their province by provinceCode', async () => {
    type Q = { quotaStatus: { totalCount: number; rows: { regency: { code: string } }[] } };
    const query = (args: string) => `{ quotaStatus(programCode: PKH, nationalQuota: 10, ${args}) { totalCount rows { regency { code } } } }`;
    const bupati = await api.tokenFor('REGIONAL_HEAD', '32.01');
    const own = await api.queryAs<Q>(bupati, query('regencyCode: "32.01"'));
    expect(own.body.errors).toBeUndefined();
    expect(own.body.data!.quotaStatus).toEqual({ totalCount: 1, rows: [{ regency: { code: '32.01' } }] });
    // Both filters apply: inside the kabupaten, so inside the scope.
    expect((await api.queryAs<Q>(bupati, query('provinceCode: "32", regencyCode: "32.01"'))).body.errors).toBeUndefined();
    expect((await api.queryAs(bupati, query('provinceCode: "32"'))).body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OUT_OF_SCOPE' });

    const gubernur = await api.tokenFor('REGIONAL_HEAD', '32');
    const province = await api.queryAs<Q>(gubernur, query('provinceCode: "32"'));
    expect(province.body.errors).toBeUndefined();
    expect(province.body.data!.quotaStatus.rows.map((r) => r.regency.code).sort()).toEqual(['32.01', '32.73']);
    expect((await api.queryAs(gubernur, query('provinceCode: "33"'))).body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OUT_OF_SCOPE' });
  });

  it('see a family only where it lives at the version asked for (family 1 lived in Pondok Rajeg, 32.01.01, in version 1)', async () => {
    const kecamatan = await api.tokenFor('REGIONAL_HEAD', '32');
    expect((await api.queryAs(kecamatan, '{ family(id: 1, versionId: 1) { id } }')).body).toEqual({ data: { family: { id: 1 } } });
    expect((await api.queryAs(kecamatan, '{ family(id: 999) { id } }')).body).toEqual({ data: { family: null } });
    const semarang = await api.tokenFor('REGIONAL_HEAD', '33.74');
    const refused = await api.queryAs(semarang, '{ family(id: 1) { id } }');
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OUT_OF_SCOPE', regionCode: '32.01.02.2001', scope: '33.74' });
  });
});
