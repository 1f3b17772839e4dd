import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../__tests__/api-harness.js';

interface RegionData {
  code: string;
  name?: string;
  level?: string;
  parentCode?: string | null;
  childCount?: number;
  children?: RegionData[];
  parent?: RegionData | null;
}

describe('regions', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('returns the nation with its provinces as children', async () => {
    const { body } = await api.query<{ region: RegionData }>(
      '{ region(code: "ID") { code name level parentCode parent { code } childCount children { code name level parentCode childCount } } }',
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.region).toEqual({
      code: 'ID',
      name: 'Indonesia',
      level: 'NATION',
      parentCode: null,
      parent: null,
      childCount: 3,
      children: [
        { code: '32', name: 'Jawa Barat', level: 'PROVINCE', parentCode: 'ID', childCount: 2 },
        { code: '33', name: 'Jawa Tengah', level: 'PROVINCE', parentCode: 'ID', childCount: 1 },
        { code: '35', name: 'Jawa Timur', level: 'PROVINCE', parentCode: 'ID', childCount: 0 },
      ],
    });
  });

  it('walks from a village up to the nation through parent', async () => {
    const { body } = await api.query<{ region: RegionData }>(
      '{ region(code: "32.01.01.1001") { name level parent { name level parent { name parent { name parent { code parent { code } } } } } } }',
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.region).toEqual({
      name: 'Pondok Rajeg',
      level: 'VILLAGE',
      parent: {
        name: 'Cibinong',
        level: 'DISTRICT',
        parent: { name: 'Kabupaten Bogor', parent: { name: 'Jawa Barat', parent: { code: 'ID', parent: null } } },
      },
    });
  });

  it('returns null for an unknown but well-formed code', async () => {
    const { body } = await api.query<{ region: RegionData | null }>('{ region(code: "99.99") { code } }');
    expect(body.errors).toBeUndefined();
    expect(body.data?.region).toBeNull();
  });

  it('filters by level, by parent and by case-insensitive name, ordered by code', async () => {
    const { body } = await api.query<{ byLevel: RegionData[]; byParent: RegionData[]; bySearch: RegionData[]; limited: RegionData[] }>(`{
      byLevel: regions(level: REGENCY) { code }
      byParent: regions(parentCode: "32.01") { code name }
      bySearch: regions(search: "bOgOr") { code name }
      limited: regions(level: VILLAGE, limit: 2) { code }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data?.byLevel.map((r) => r.code)).toEqual(['32.01', '32.73', '33.74']);
    expect(body.data?.byParent).toEqual([
      { code: '32.01.01', name: 'Cibinong' },
      { code: '32.01.02', name: 'Gunungputri' },
    ]);
    expect(body.data?.bySearch).toEqual([{ code: '32.01', name: 'Kabupaten Bogor' }]);
    expect(body.data?.limited.map((r) => r.code)).toEqual(['32.01.01.1001', '32.01.01.1002']);
  });

  it.each([0, 501, -3])('rejects limit %i with BAD_USER_INPUT', async (limit) => {
    const { status, body } = await api.query('query ($limit: Int) { regions(limit: $limit) { code } }', { limit });
    expect(status).toBe(200);
    expect(body.data).toBeNull();
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.extensions?.['argument']).toBe('limit');
  });

  it('rejects a malformed region code with BAD_USER_INPUT', async () => {
    const { body } = await api.query('{ region(code: "32.1; DROP TABLE region") { code } }');
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toMatch(/not a region code/);
  });

  it('answers NOT_FOUND for an unknown parent', async () => {
    const { body } = await api.query('{ regions(parentCode: "99") { code } }');
    expect(body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('batches relations: the number of SQL statements does not grow with the number of regions', async () => {
    const query = '{ regions(level: PROVINCE) { code children { code childCount } } }';
    api.resetStatementCount();
    const small = await api.query<{ regions: RegionData[] }>(query);
    const smallStatements = api.statementCount();
    expect(small.body.errors).toBeUndefined();
    expect(small.body.data?.regions).toHaveLength(3);

    // Five more provinces with two regencies each, each regency with one district.
    for (const province of ['11', '12', '13', '14', '15']) {
      await api.prisma.region.create({
        data: { code: province, name: `Provinsi ${province}`, level: 'PROVINCE', parentCode: 'ID', provinceCode: province },
      });
      for (const regency of [`${province}.01`, `${province}.02`]) {
        await api.prisma.region.create({
          data: { code: regency, name: `Kabupaten ${regency}`, level: 'REGENCY', parentCode: province, provinceCode: province, regencyCode: regency },
        });
        await api.prisma.region.create({
          data: { code: `${regency}.01`, name: `Kecamatan ${regency}.01`, level: 'DISTRICT', parentCode: regency, provinceCode: province, regencyCode: regency },
        });
      }
    }

    api.resetStatementCount();
    const large = await api.query<{ regions: RegionData[] }>(query);
    const largeStatements = api.statementCount();
    expect(large.body.errors).toBeUndefined();
    expect(large.body.data?.regions).toHaveLength(8);
    expect(large.body.data?.regions.find((r) => r.code === '13')).toEqual({
      code: '13',
      children: [
        { code: '13.01', childCount: 1 },
        { code: '13.02', childCount: 1 },
      ],
    });

    // One statement for the provinces, one for all their children, one for all the child counts.
    expect(smallStatements).toBeGreaterThan(0); // the counter works
    expect(smallStatements).toBeLessThanOrEqual(3);
    expect(largeStatements).toBe(smallStatements);
  });
});
