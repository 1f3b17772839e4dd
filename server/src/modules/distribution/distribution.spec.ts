import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../__tests__/api-harness.js';
import { bogorV2Families, bogorV2Individuals, nationV2Families, nationV2Individuals } from '../__tests__/fixture.js';

interface DistributionData {
  version: { id: number; label: string };
  region: { code: string; name: string; level: string };
  totalFamilies: number;
  totalIndividuals: number;
  buckets: { desil: number; families: number; individuals: number; familyShare: number; individualShare: number }[];
}

const FIELDS = `version { id label } region { code name level } totalFamilies totalIndividuals
  buckets { desil families individuals familyShare individualShare }`;
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

describe('decileDistribution', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('defaults to the nation in the latest published version, with ten buckets whose shares sum to 1', async () => {
    const { body } = await api.query<{ decileDistribution: DistributionData }>(`{ decileDistribution { ${FIELDS} } }`);
    expect(body.errors).toBeUndefined();
    const d = body.data!.decileDistribution;
    expect(d.version).toEqual({ id: 2, label: '2025-Q3' });
    expect(d.region).toEqual({ code: 'ID', name: 'Indonesia', level: 'NATION' });
    expect(d.totalFamilies).toBe(sum(nationV2Families));
    expect(d.totalIndividuals).toBe(sum(nationV2Individuals));
    expect(d.buckets.map((b) => b.desil)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(d.buckets.map((b) => b.families)).toEqual(nationV2Families);
    expect(d.buckets[5]).toEqual({ desil: 6, families: 0, individuals: 0, familyShare: 0, individualShare: 0 });
    expect(sum(d.buckets.map((b) => b.familyShare))).toBeCloseTo(1, 9);
    expect(sum(d.buckets.map((b) => b.individualShare))).toBeCloseTo(1, 9);
    for (const b of d.buckets) {
      expect(b.familyShare).toBeGreaterThanOrEqual(0);
      expect(b.familyShare).toBeLessThanOrEqual(1);
    }
  });

  it('reads a regency and an explicit version', async () => {
    const { body } = await api.query<{ bogor: DistributionData; v1: DistributionData }>(`{
      bogor: decileDistribution(regionCode: "32.01", versionId: 2) { ${FIELDS} }
      v1: decileDistribution(versionId: 1) { version { id } totalFamilies buckets { desil familyShare } }
    }`);
    expect(body.errors).toBeUndefined();
    const bogor = body.data!.bogor;
    expect(bogor.region).toEqual({ code: '32.01', name: 'Kabupaten Bogor', level: 'REGENCY' });
    expect(bogor.buckets).toHaveLength(10);
    expect(bogor.buckets.map((b) => b.families)).toEqual(bogorV2Families);
    expect(bogor.buckets.map((b) => b.individuals)).toEqual(bogorV2Individuals);
    expect(bogor.totalFamilies).toBe(sum(bogorV2Families));
    expect(sum(bogor.buckets.map((b) => b.familyShare))).toBeCloseTo(1, 9);
    expect(sum(bogor.buckets.map((b) => b.individualShare))).toBeCloseTo(1, 9);
    expect(body.data!.v1.version.id).toBe(1);
    expect(body.data!.v1.totalFamilies).toBe(1000);
    expect(body.data!.v1.buckets.every((b) => b.familyShare === 0.1)).toBe(true);
  });

  it('gives ten zero buckets for a region without rollup rows', async () => {
    const { body } = await api.query<{ decileDistribution: DistributionData }>(
      `{ decileDistribution(regionCode: "35") { ${FIELDS} } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.decileDistribution.totalFamilies).toBe(0);
    expect(body.data!.decileDistribution.buckets).toHaveLength(10);
    expect(body.data!.decileDistribution.buckets.every((b) => b.families === 0 && b.familyShare === 0)).toBe(true);
  });

  it('reads the rollup, not the registry: one statement for the buckets', async () => {
    api.resetStatementCount();
    await api.query('{ decileDistribution(regionCode: "32.01", versionId: 2) { totalFamilies } }');
    // Region, version and rollup: three small reads, whatever the size of the registry.
    expect(api.statementCount()).toBeLessThanOrEqual(3);
  });

  it('lists each child region with groupBy SUB_REGION, ranked and paged, in one rollup read', async () => {
    api.resetStatementCount();
    const { body } = await api.query<{ decileDistribution: DistributionData & {
      subRegionCount: number; shareDesil1To4: { families: number };
      subRegions: (DistributionData & { shareDesil1To4: { families: number; individuals: number }; subRegions: null })[];
    } }>(`{ decileDistribution(regionCode: "32", versionId: 2, groupBy: SUB_REGION, sort: FAMILY_SHARE_DESIL_1_TO_4_DESC) {
      totalFamilies subRegionCount shareDesil1To4 { families }
      subRegions { region { code } totalFamilies buckets { families } shareDesil1To4 { families individuals } subRegions { totalFamilies } } } }`);
    expect(body.errors).toBeUndefined();
    // Region, version, children, and one rollup read for the region and all its children.
    expect(api.statementCount()).toBeLessThanOrEqual(4);
    const d = body.data!.decileDistribution;
    expect(d.subRegionCount).toBe(2);
    expect(d.subRegions.map((s) => s.region.code)).toEqual(['32.01', '32.73']);
    const bogor = d.subRegions[0]!;
    expect(bogor.buckets.map((b) => b.families)).toEqual(bogorV2Families);
    expect(bogor.shareDesil1To4.families).toBeCloseTo(sum(bogorV2Families.slice(0, 4)) / sum(bogorV2Families), 12);
    expect(bogor.shareDesil1To4.individuals).toBeCloseTo(sum(bogorV2Individuals.slice(0, 4)) / sum(bogorV2Individuals), 12);
    expect(bogor.subRegions).toBeNull();
    expect(d.subRegions[1]).toMatchObject({ totalFamilies: 0, shareDesil1To4: { families: 0, individuals: 0 } });

    const page = await api.query<{ decileDistribution: { subRegions: { region: { code: string } }[] } }>(
      '{ decileDistribution(regionCode: "32", versionId: 2, groupBy: SUB_REGION, sort: FAMILY_SHARE_DESIL_1_TO_4_ASC, limit: 1) { subRegions { region { code } } } }',
    );
    expect(page.body.data!.decileDistribution.subRegions.map((s) => s.region.code)).toEqual(['32.73']);
  });

  it.each([
    ['an unknown region', '{ decileDistribution(regionCode: "99.99") { totalFamilies } }', 'NOT_FOUND'],
    ['an unknown version', '{ decileDistribution(versionId: 42) { totalFamilies } }', 'NOT_FOUND'],
    ['a malformed region code', '{ decileDistribution(regionCode: "Jawa Barat") { totalFamilies } }', 'BAD_USER_INPUT'],
  ])('answers %s with a typed error', async (_case, query, code) => {
    const { status, body } = await api.query(query);
    expect(status).toBe(200);
    expect(body.data).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]?.extensions?.code).toBe(code);
    expect(body.errors?.[0]?.path).toEqual(['decileDistribution']);
  });
});
