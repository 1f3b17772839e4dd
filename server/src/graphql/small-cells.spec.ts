// Small-cell suppression in the API (issue "Personal data"): the declaration is complete (every number an aggregate
// answer carries is either a small-cell field or named below as not a count of people), and over HTTP on the fixture a
// count from 1 to 4 comes back null and named in `suppressed` for the roles without UNSUPPRESSED_COUNTS, as it is for
// ADMIN and NATIONAL_ANALYST; 0 and counts from 5 never are; the threshold setting works; the response cache never
// hands one role's answer to another. Every analysis family on the generated dataset: test/api/small-cells.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_RIGHTS, ROLES, type RoleName } from '../domain/access.js';
import { startTestApi, type TestApi } from '../modules/__tests__/api-harness.js';
import { bogorV2Families, bogorV2Individuals, nationV2Families } from '../modules/__tests__/fixture.js';
import { getNamedType, isListType, isNonNullType, isObjectType, type GraphQLObjectType } from './graphql-js.js';
import { buildAtlasSchema } from './schema.js';
import { smallCellRules, SUPPRESSED_LIST_EXTENSION, WITHHELD_NOTE } from './small-cells.js';

/** The aggregate analyses: root fields whose answers are counts over people. */
const AGGREGATE_ROOTS = [
  'decileDistribution', 'targetingErrors', 'quotaStatus', 'reallocationPlan', 'scenario', 'coverageTrend', 'churn',
  'desilTransitions', 'programOverlap', 'proposalFunnel', 'pkhDuration', 'pbiReactivation',
];

/** Types an aggregate answer reaches that are not aggregates: reference data and person-level rows (PERSON_ROWS). */
const NOT_AGGREGATES = new Set(['Region', 'DtsenVersion', 'ReallocationFillUnit', 'ReallocationRemovalUnit', 'Family']);

/** Numbers in aggregate answers that are not counts of people, and why. */
const NOT_PERSON_COUNTS: Record<string, string> = {
  'DesilBucket.desil': 'a desil',
  'DecileDistribution.subRegionCount': 'regions',
  'TargetingErrors.desilMin': 'the rule', 'TargetingErrors.desilMax': 'the rule',
  'TargetingRule.desilMin': 'the rule', 'TargetingRule.desilMax': 'the rule',
  'TargetingSubRegionPage.totalCount': 'regions',
  'TargetingDesilRow.desil': 'a desil',
  'RegencyQuotaStatus.exactQuota': 'public: BPS poor counts', 'RegencyQuotaStatus.quota': 'public: BPS poor counts',
  'QuotaStatus.nationalQuota': 'public', 'QuotaStatus.totalCount': 'kabupaten/kota',
  'QuotaStatusTotals.count': 'kabupaten/kota', 'QuotaStatusTotals.under': 'kabupaten/kota', 'QuotaStatusTotals.over': 'kabupaten/kota',
  'QuotaStatusTotals.match': 'kabupaten/kota', 'QuotaStatusTotals.quota': 'public',
  'QuotaStatusCounts.count': 'kabupaten/kota', 'QuotaStatusCounts.under': 'kabupaten/kota', 'QuotaStatusCounts.over': 'kabupaten/kota',
  'QuotaStatusCounts.match': 'kabupaten/kota', 'QuotaStatusCounts.quota': 'public', 'QuotaStatusCounts.nationalQuota': 'public',
  'QuotaStatusCounts.eligibleBelowQuota': 'kabupaten/kota',
  'ReallocationPlan.nationalQuota': 'public', 'ReallocationPlan.quota': 'public',
  'DesilTransitionCell.fromDesil': 'a desil', 'DesilTransitionCell.toDesil': 'a desil', 'DesilTransitionRowTotal.fromDesil': 'a desil',
  'DesilFamilies.desil': 'a desil',
  'ProgramCombination.programMask': 'a set of programs',
  'MembershipYear.memberSinceYear': 'a year', 'MembershipYear.yearsOfMembership': 'years',
  'PkhDuration.year': 'a year', 'PkhDuration.maxYears': 'the rule',
};

describe('the small-cell declaration', () => {
  it('covers every number of every aggregate answer, and gives each type with small cells its `suppressed` list', async () => {
    const schema = await buildAtlasSchema();
    const rules = smallCellRules(schema);
    const seen = new Set<string>();
    const undeclared: string[] = [];
    const visit = (type: GraphQLObjectType) => {
      if (seen.has(type.name) || NOT_AGGREGATES.has(type.name)) return;
      seen.add(type.name);
      for (const field of Object.values(type.getFields())) {
        const named = getNamedType(field.type);
        if (isObjectType(named)) visit(named);
        const key = `${type.name}.${field.name}`;
        if ((named.name === 'Int' || named.name === 'Float') && !rules.get(type.name)?.has(field.name) && !(key in NOT_PERSON_COUNTS)) undeclared.push(key);
      }
    };
    const query = schema.getQueryType()!;
    for (const root of AGGREGATE_ROOTS) visit(getNamedType(query.getFields()[root]!.type) as GraphQLObjectType);
    expect(undeclared).toEqual([]);
    expect(Object.keys(NOT_PERSON_COUNTS).filter((key) => !seen.has(key.split('.')[0]!))).toEqual([]);

    for (const [typeName, fields] of rules) {
      const type = schema.getType(typeName) as GraphQLObjectType;
      const suppressed = type.getFields()['suppressed'];
      expect(suppressed?.extensions[SUPPRESSED_LIST_EXTENSION], typeName).toBe(true);
      expect(String(suppressed?.type), typeName).toBe('[String!]!');
      for (const name of fields.keys()) {
        const field = type.getFields()[name]!;
        expect(isNonNullType(field.type) || isListType(field.type), `${typeName}.${name} must be nullable`).toBe(false);
        expect(field.description?.endsWith(WITHHELD_NOTE), `${typeName}.${name} says it may be withheld`).toBe(true);
      }
    }
    // Every analysis family declares some.
    expect([...rules.keys()].filter((name) => seen.has(name)).length).toBeGreaterThan(25);
  });
});

type Bucket = { desil: number; families: number | null; individuals: number | null; familyShare: number | null; individualShare: number | null; suppressed: string[] };
type Distribution = {
  decileDistribution: {
    totalFamilies: number | null;
    totalIndividuals: number | null;
    suppressed: string[];
    shareDesil1To4: { families: number | null; individuals: number | null; suppressed: string[] };
    buckets: Bucket[];
  };
};
const DISTRIBUTION = `query($r: ID, $v: Int) { decileDistribution(regionCode: $r, versionId: $v) {
  totalFamilies totalIndividuals suppressed shareDesil1To4 { families individuals suppressed }
  buckets { desil families individuals familyShare individualShare suppressed } } }`;

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/**
 * The desil whose individuals are withheld as a complement in Kabupaten Bogor at version 2, by threshold: at 4 and 5
 * desil 10's 3 individuals are the only small individual count, so the smallest other non-zero one (desil 9, 9
 * individuals) goes with it, else 248 minus the nine shown would give the 3 back. The families have two or more small
 * counts at every threshold from 4 (nothing to add), and at 11 so have the individuals (9 and 3).
 */
const BOGOR_INDIVIDUALS_COMPLEMENT: Record<number, number> = { 4: 9, 5: 9 };

/** What a role with the threshold `threshold` must get for Kabupaten Bogor at version 2 (fixture: 12 11 9 8 7 6 5 4 3 1 families). */
function expectedBogor(threshold: number): Distribution['decileDistribution'] {
  const small = (n: number) => n >= 1 && n < threshold;
  return {
    totalFamilies: sum(bogorV2Families),
    totalIndividuals: sum(bogorV2Individuals),
    suppressed: [],
    shareDesil1To4: {
      families: sum(bogorV2Families.slice(0, 4)) / sum(bogorV2Families),
      individuals: sum(bogorV2Individuals.slice(0, 4)) / sum(bogorV2Individuals),
      suppressed: [],
    },
    buckets: bogorV2Families.map((families, i) => {
      const individuals = bogorV2Individuals[i]!;
      const withheldIndividuals = small(individuals) || BOGOR_INDIVIDUALS_COMPLEMENT[threshold] === i + 1;
      return {
        desil: i + 1,
        families: small(families) ? null : families,
        individuals: withheldIndividuals ? null : individuals,
        familyShare: small(families) ? null : families / sum(bogorV2Families),
        individualShare: withheldIndividuals ? null : individuals / sum(bogorV2Individuals),
        suppressed: [
          ...(small(families) ? ['families'] : []),
          ...(withheldIndividuals ? ['individuals'] : []),
          ...(small(families) ? ['familyShare'] : []),
          ...(withheldIndividuals ? ['individualShare'] : []),
        ],
      };
    }),
  };
}

describe('over HTTP with the default threshold (5)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  const distributionAs = async (role: RoleName, region: string) => {
    const { body } = await api.queryAs<Distribution>(await api.tokenFor(role), DISTRIBUTION, { r: region, v: 2 });
    expect(body.errors, role).toBeUndefined();
    return body.data!.decileDistribution;
  };

  it('withholds the counts 1..4 of Kabupaten Bogor (and the shares computed from them) from a policy analyst and the Bupati', async () => {
    for (const role of ['POLICY_ANALYST', 'REGIONAL_HEAD'] as const) {
      const answer = await distributionAs(role, '32.01');
      expect(answer, role).toEqual(expectedBogor(5));
      // Desil 8 (4 families, 13 individuals), 9 (3, 9) and 10 (1, 3); desil 9's 9 individuals as the complement of
      // desil 10's 3.
      expect(answer.buckets.filter((b) => b.suppressed.length > 0).map((b) => [b.desil, b.suppressed]), role).toEqual([
        [8, ['families', 'familyShare']],
        [9, ['families', 'individuals', 'familyShare', 'individualShare']],
        [10, ['families', 'individuals', 'familyShare', 'individualShare']],
      ]);
      // The total minus the visible buckets no longer gives one withheld count: only the sum of two or more.
      for (const [total, key] of [[answer.totalFamilies, 'families'], [answer.totalIndividuals, 'individuals']] as const) {
        const hidden = answer.buckets.filter((b) => b[key] === null);
        expect(hidden.length, key).toBeGreaterThanOrEqual(2);
        expect(total! - sum(answer.buckets.map((b) => b[key] ?? 0)), key).toBe(sum(hidden.map((b) => (key === 'families' ? bogorV2Families : bogorV2Individuals)[b.desil - 1]!)));
      }
    }
  });

  it('gives ADMIN and NATIONAL_ANALYST every count, with nothing suppressed', async () => {
    for (const role of ROLES.filter((r) => ROLE_RIGHTS[r].includes('UNSUPPRESSED_COUNTS'))) {
      expect(await distributionAs(role, '32.01'), role).toEqual(expectedBogor(0));
    }
    expect(ROLES.filter((r) => ROLE_RIGHTS[r].includes('UNSUPPRESSED_COUNTS'))).toEqual(['ADMIN', 'NATIONAL_ANALYST']);
  });

  it('never withholds 0 or a count from the threshold up', async () => {
    const nation = await distributionAs('POLICY_ANALYST', 'ID');
    expect(nation.buckets.map((b) => b.families)).toEqual(nationV2Families);
    expect(nation.buckets.every((b) => b.suppressed.length === 0)).toBe(true);
    expect(nation.buckets.find((b) => b.desil === 6)).toMatchObject({ families: 0, familyShare: 0, suppressed: [] });
    const bogor = await distributionAs('POLICY_ANALYST', '32.01');
    expect(bogor.buckets.find((b) => b.desil === 7)).toMatchObject({ families: 5, suppressed: [] });
  });

  it('tells each user the threshold applied to them (`me.smallCellThreshold`)', async () => {
    for (const role of ROLES) {
      const { body } = await api.queryAs<{ me: { smallCellThreshold: number | null; rights: string[] } }>(await api.tokenFor(role), '{ me { smallCellThreshold rights } }');
      const exempt = ROLE_RIGHTS[role].includes('UNSUPPRESSED_COUNTS');
      expect(body.data!.me.smallCellThreshold, role).toBe(exempt ? null : 5);
      expect(body.data!.me.rights.includes('UNSUPPRESSED_COUNTS'), role).toBe(exempt);
    }
  });

  it('never serves one role the cached answer of another', async () => {
    const post = async (role: RoleName, versionId: number) => {
      const response = await fetch(`${api.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...api.authHeaders(await api.tokenFor(role)) },
        body: JSON.stringify({ query: DISTRIBUTION, variables: { r: '32.01', v: versionId } }),
      });
      const body = (await response.json()) as { data: Distribution };
      return { cache: response.headers.get('x-atlas-cache'), answer: body.data.decileDistribution };
    };
    // A question nobody asked yet (version 1): cached for ADMIN, then asked by each other role, each its own entry.
    expect((await post('ADMIN', 1)).cache).toBe('miss');
    expect((await post('ADMIN', 1)).cache).toBe('hit');
    for (const role of ['NATIONAL_ANALYST', 'POLICY_ANALYST', 'REGIONAL_HEAD'] as const) {
      expect((await post(role, 1)).cache, role).toBe('miss');
      expect((await post(role, 1)).cache, role).toBe('hit');
    }
    // A question with small cells, asked in turns: nobody gets another role's numbers or nulls, cached or not.
    for (const role of ['ADMIN', 'POLICY_ANALYST', 'ADMIN', 'REGIONAL_HEAD', 'POLICY_ANALYST', 'NATIONAL_ANALYST', 'REGIONAL_HEAD'] as const) {
      expect((await post(role, 2)).answer, role).toEqual(expectedBogor(ROLE_RIGHTS[role].includes('UNSUPPRESSED_COUNTS') ? 0 : 5));
    }
  });
});

describe('a reallocation plan with few recipients', () => {
  // Kabupaten Bogor's PKH quota of 1 (national quota 3 over poor people 3 : 2 : 5) against 3 recipients in version 3:
  // OVER by 2, one inclusion error (family 3, outside DTSEN) removed first.
  const PLAN = `{ reallocationPlan(versionId: 3, regencyCode: "32.01", programCode: PKH, nationalQuota: 3) {
    quota recipients status gap suppressed fill { counts { units } } removal { byCause { cause units suppressed } units { familyId } } } }`;
  type Plan = {
    reallocationPlan: {
      quota: number; recipients: number | null; status: string | null; gap: number | null; suppressed: string[];
      fill: unknown; removal: { byCause: { cause: string; units: number | null; suppressed: string[] }[]; units: { familyId: number }[] | null } | null;
    };
  };
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
    await api.prisma.poverty.createMany({
      data: [['32.01', 3], ['32.73', 2], ['33.74', 5]].map(([regencyCode, poor]) => ({ regencyCode: String(regencyCode), period: '2024-03', poorThousands: Number(poor), p0: 10 })),
    });
    await api.prisma.enrollment.createMany({
      data: [1, 2, 3].map((familyId) => ({ familyId, programCode: 'PKH', regencyCode: '32.01', startVersionId: 3, endVersionId: null, startReason: 'INITIAL' as const, memberSinceYear: 2025 })),
    });
  });
  afterAll(async () => {
    await api.close();
  });

  it('withholds the recipients, the gap, the status and which of fill or removal is set, keeping the public quota', async () => {
    for (const role of ['POLICY_ANALYST', 'REGIONAL_HEAD'] as const) {
      const { body } = await api.queryAs<Plan>(await api.tokenFor(role), PLAN);
      expect(body.errors, role).toBeUndefined();
      expect(body.data!.reallocationPlan, role).toEqual({
        quota: 1, recipients: null, status: null, gap: null, suppressed: ['recipients', 'status', 'gap', 'fill', 'removal'], fill: null, removal: null,
      });
    }
    for (const role of ['ADMIN', 'NATIONAL_ANALYST'] as const) {
      const { body } = await api.queryAs<Plan>(await api.tokenFor(role), PLAN);
      expect(body.errors, role).toBeUndefined();
      expect(body.data!.reallocationPlan, role).toEqual({
        quota: 1, recipients: 3, status: 'OVER', gap: -2, suppressed: [], fill: null,
        removal: { byCause: [{ cause: 'OUTSIDE_DTSEN', units: 1, suppressed: [] }], units: [{ familyId: 3 }] },
      });
    }
  });
});

describe('the threshold setting (ATLAS_SMALL_CELL_THRESHOLD)', () => {
  it.each([
    [1, 0],
    [0, 0],
    [4, 4],
    [11, 11],
  ])('at %i withholds the counts below %i (0: nothing)', async (setting, applied) => {
    const api = await startTestApi({ smallCellThreshold: setting });
    try {
      const { body } = await api.queryAs<Distribution>(await api.tokenFor('POLICY_ANALYST'), DISTRIBUTION, { r: '32.01', v: 2 });
      expect(body.errors).toBeUndefined();
      expect(body.data!.decileDistribution).toEqual(expectedBogor(applied));
      const me = await api.queryAs<{ me: { smallCellThreshold: number | null } }>(await api.tokenFor('POLICY_ANALYST'), '{ me { smallCellThreshold } }');
      expect(me.body.data!.me.smallCellThreshold).toBe(applied > 1 ? applied : null);
    } finally {
      await api.close();
    }
  });
});
