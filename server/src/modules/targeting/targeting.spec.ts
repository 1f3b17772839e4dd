// The targeting analyses over HTTP on the small fixture, with hand-made rollups, poverty figures and memberships whose
// expected numbers are worked out by hand below (the generated national dataset is tested in test/api/targeting.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasPrisma } from '../../db/prisma.js';
import { TEST_ENGINES, startTestApi, type TestApi } from '../__tests__/api-harness.js';
import { fixture } from '../__tests__/fixture.js';

type Cube = [region: string, desil: number, recipient: boolean, units: number, extra?: { criterionCode?: string; groundChecked?: boolean }];

// PKH (desil 1-4) at version 2.
const CUBE: Cube[] = [
  // Nation: 50 correct, 30 exclusion errors, 7 pending, inclusion 4 outside DTSEN + 6 ASN + 3 desil above range, 105 not eligible.
  ['ID', 2, true, 50], ['ID', 3, false, 30], ['ID', 6, true, 7], ['ID', 6, true, 3, { groundChecked: true }], ['ID', 0, true, 4],
  ['ID', 2, true, 6, { criterionCode: 'ASN_TNI_POLRI' }], ['ID', 2, false, 5, { criterionCode: 'ASN_TNI_POLRI' }], ['ID', 8, false, 100],
  // Jawa Barat: 20 correct, 10 exclusion errors, 2 outside DTSEN -> inclusion rate 2/22.
  ['32', 2, true, 20], ['32', 3, false, 10], ['32', 0, true, 2],
  // Jawa Tengah: 5 correct, 5 above range after ground check -> inclusion rate 0.5. Jawa Timur: nothing.
  ['33', 1, true, 5], ['33', 7, true, 5, { groundChecked: true }],
  // Kabupaten Bogor: 3 correct (desil 1), 2 exclusion errors (desil 4), 1 pending ground check (desil 5).
  ['32.01', 1, true, 3], ['32.01', 4, false, 2], ['32.01', 5, true, 1],
];
// The same Bogor units by kecamatan and desa, classified at publication.
const CLASSES: Array<[region: string, klass: string, units: number]> = [
  ['32.01.01', 'CORRECT_RECIPIENT', 2], ['32.01.01', 'EXCLUSION_ERROR', 1], ['32.01.01', 'PENDING_GROUND_CHECK', 1],
  ['32.01.02', 'CORRECT_RECIPIENT', 1], ['32.01.02', 'EXCLUSION_ERROR', 1],
  ['32.01.01.1001', 'CORRECT_RECIPIENT', 2], ['32.01.01.1001', 'EXCLUSION_ERROR', 1], ['32.01.01.1002', 'PENDING_GROUND_CHECK', 1],
];

async function seed(prisma: AtlasPrisma): Promise<void> {
  await prisma.targetingRollup.createMany({
    data: CUBE.map(([regionCode, desil, recipient, units, extra]) => ({
      versionId: 2, regionCode, programCode: 'PKH', desil, recipient, units, inTargetGroup: true,
      criterionCode: extra?.criterionCode ?? '', groundChecked: extra?.groundChecked ?? false,
    })),
  });
  await prisma.targetingClassRollup.createMany({
    data: CLASSES.map(([regionCode, klass, units]) => ({ versionId: 2, regionCode, programCode: 'PKH', class: klass, cause: '', units })),
  });
  // Poor people 3 : 2 : 5 -> a national quota of 10 gives 3, 2, 5; of 3 gives 0.9, 0.6, 1.5 -> 1, 1, 1.
  await prisma.poverty.createMany({
    data: [['32.01', 3], ['32.73', 2], ['33.74', 5]].map(([regencyCode, poor]) => ({ regencyCode: String(regencyCode), period: '2024-03', poorThousands: Number(poor), p0: 10 })),
  });
  // PKH memberships. Version 2: family 1 (Bogor) and family 3 (carried by Semarang). Version 3 (a draft): family 1,
  // family 2, who lives in Kota Bandung but is carried by Bogor's quota, and family 3 (no DTSEN state: an inclusion
  // error outside DTSEN) moved to Bogor's quota.
  const m = { programCode: 'PKH', startReason: 'INITIAL' as const, memberSinceYear: 2024 };
  await prisma.enrollment.createMany({
    data: [
      { ...m, familyId: 1, regencyCode: '32.01', startVersionId: 1, endVersionId: null },
      { ...m, familyId: 3, regencyCode: '33.74', startVersionId: 1, endVersionId: 3, endReason: 'MOVED' as const },
      { ...m, familyId: 2, regencyCode: '32.01', startVersionId: 3, endVersionId: null },
      { ...m, familyId: 3, regencyCode: '32.01', startVersionId: 3, endVersionId: null },
    ],
  });
  // What publishing version 2 writes for those memberships.
  await prisma.$executeRawUnsafe(
    "INSERT INTO quota_recipient_rollup (version_id, program_code, regency_code, units) VALUES (2, 'PKH', '32.01', 1), (2, 'PKH', '33.74', 1)",
  );
  for (const v of fixture.versions) {
    if (v.status === 'PUBLISHED') await prisma.dtsenVersion.update({ where: { id: v.id }, data: { status: v.status, publishedAt: v.publishedAt } });
  }
}

interface Summary {
  units: number; eligible: number; recipients: number; correctRecipients: number; inclusionErrors: number; exclusionErrors: number;
  pendingGroundCheck: number; notEligible: number; inclusionRate: number; exclusionRate: number; coverage: number; leakage: number;
}
const SUMMARY = 'units eligible recipients correctRecipients inclusionErrors exclusionErrors pendingGroundCheck notEligible inclusionRate exclusionRate coverage leakage';

describe.each(TEST_ENGINES)('targeting analyses on the fixture (%s)', (engine) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ publish: false, engine });
    await seed(api.prisma as unknown as AtlasPrisma);
  });
  afterAll(async () => {
    await api.close();
  });

  const ok = async <T>(query: string): Promise<T> => {
    const { body } = await api.query<T>(query);
    expect(body.errors).toBeUndefined();
    return body.data!;
  };
  const error = async (query: string): Promise<{ code?: string; message: string }> => {
    const { body } = await api.query(query);
    expect(body.errors).toHaveLength(1);
    return { code: body.errors![0]!.extensions?.code, message: body.errors![0]!.message };
  };

  it('summarises the nation from the cube, with every cause in removal order', async () => {
    const d = await ok<{ targetingErrors: { version: { id: number }; unit: string; summary: Summary & { inclusionByCause: unknown[] }; byCause: Array<{ cause: string; units: number }> } }>(
      `{ targetingErrors(programCode: PKH) { version { id } unit summary { ${SUMMARY} inclusionByCause { cause units } } byCause { cause units } } }`,
    );
    const t = d.targetingErrors;
    expect(t.version.id).toBe(2);
    expect(t.unit).toBe('FAMILY');
    expect(t.summary).toMatchObject({
      units: 205, eligible: 80, recipients: 70, correctRecipients: 50, inclusionErrors: 13, exclusionErrors: 30, pendingGroundCheck: 7, notEligible: 105,
    });
    expect(t.summary.inclusionRate).toBeCloseTo(13 / 70, 12);
    expect(t.summary.exclusionRate).toBeCloseTo(30 / 80, 12);
    expect(t.summary.inclusionByCause).toEqual([
      { cause: 'OUTSIDE_DTSEN', units: 4 }, { cause: 'ASN_TNI_POLRI', units: 6 }, { cause: 'DESIL_ABOVE_RANGE', units: 3 },
    ]);
    expect(t.byCause[0]).toEqual({ cause: 'OUTSIDE_DTSEN', units: 4 });
    expect(t.byCause.at(-1)).toEqual({ cause: 'DESIL_ABOVE_RANGE', units: 3 });
    expect(t.byCause.filter((c) => c.units === 0).length).toBe(t.byCause.length - 3);
  });

  it('ranks the provinces by inclusion rate and pages them', async () => {
    const d = await ok<{ targetingErrors: { byCause: null; bySubRegion: { totalCount: number; rows: Array<{ region: { code: string }; summary: Summary }> } } }>(
      `{ targetingErrors(programCode: PKH, groupBy: SUB_REGION, sort: { field: INCLUSION_RATE, direction: DESC }, limit: 2) {
           byCause { cause } bySubRegion { totalCount rows { region { code } summary { recipients inclusionRate } } } } }`,
    );
    expect(d.targetingErrors.byCause).toBeNull();
    expect(d.targetingErrors.bySubRegion.totalCount).toBe(3);
    expect(d.targetingErrors.bySubRegion.rows.map((r) => [r.region.code, r.summary.recipients, r.summary.inclusionRate])).toEqual([
      ['33', 10, 0.5], ['32', 22, 2 / 22],
    ]);
    const next = await ok<{ targetingErrors: { bySubRegion: { rows: Array<{ region: { code: string }; summary: Summary }> } } }>(
      '{ targetingErrors(programCode: PKH, groupBy: SUB_REGION, sort: { field: INCLUSION_RATE, direction: DESC }, limit: 2, offset: 2) { bySubRegion { rows { region { code } summary { units } } } } }',
    );
    expect(next.targetingErrors.bySubRegion.rows).toEqual([{ region: { code: '35' }, summary: { units: 0 } }]);
  });

  it('reads kecamatan and desa from the class rollup, below a kabupaten read from the cube', async () => {
    const d = await ok<{ targetingErrors: { summary: Summary; bySubRegion: { rows: Array<{ region: { code: string }; summary: Summary }> } } }>(
      '{ targetingErrors(programCode: PKH, regionCode: "32.01", groupBy: SUB_REGION) { summary { units recipients } bySubRegion { rows { region { code } summary { units recipients eligible } } } } }',
    );
    expect(d.targetingErrors.summary).toEqual({ units: 6, recipients: 4 });
    expect(d.targetingErrors.bySubRegion.rows).toEqual([
      { region: { code: '32.01.01' }, summary: { units: 4, recipients: 3, eligible: 3 } },
      { region: { code: '32.01.02' }, summary: { units: 2, recipients: 1, eligible: 2 } },
    ]);
    const village = await ok<{ targetingErrors: { summary: Summary } }>(
      '{ targetingErrors(programCode: PKH, regionCode: "32.01.01.1002") { summary { units pendingGroundCheck leakage } } }',
    );
    expect(village.targetingErrors.summary).toEqual({ units: 1, pendingGroundCheck: 1, leakage: 1 });
  });

  it('splits a kabupaten by desil, and refuses DESIL below it', async () => {
    const d = await ok<{ targetingErrors: { byDesil: Array<{ desil: number; summary: Summary }> } }>(
      '{ targetingErrors(programCode: PKH, regionCode: "32.01", groupBy: DESIL) { byDesil { desil summary { units recipients exclusionErrors pendingGroundCheck } } } }',
    );
    const byDesil = new Map(d.targetingErrors.byDesil.map((r) => [r.desil, r.summary]));
    expect([...byDesil.keys()]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(byDesil.get(1)).toEqual({ units: 3, recipients: 3, exclusionErrors: 0, pendingGroundCheck: 0 });
    expect(byDesil.get(4)).toEqual({ units: 2, recipients: 0, exclusionErrors: 2, pendingGroundCheck: 0 });
    expect(byDesil.get(5)).toEqual({ units: 1, recipients: 1, exclusionErrors: 0, pendingGroundCheck: 1 });
    const e = await error('{ targetingErrors(programCode: PKH, regionCode: "32.01.01", groupBy: DESIL) { unit } }');
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.message).toMatch(/NATION, PROVINCE, REGENCY/);
  });

  it('counts quota recipients where the membership is carried (enrollment.regency_code), in published and draft versions', async () => {
    type Q = { quotaStatus: { nationalQuota: number; totals: Record<string, number>; rows: Array<{ regency: { code: string }; quota: number; recipients: number; gap: number; status: string }> } };
    const v2 = await ok<Q>('{ quotaStatus(programCode: PKH, nationalQuota: 10, sort: { field: CODE, direction: ASC }) { nationalQuota totals { count under over match quota recipients } rows { regency { code } quota recipients gap status } } }');
    expect(v2.quotaStatus.rows).toEqual([
      { regency: { code: '32.01' }, quota: 3, recipients: 1, gap: 2, status: 'UNDER' },
      { regency: { code: '32.73' }, quota: 2, recipients: 0, gap: 2, status: 'UNDER' },
      { regency: { code: '33.74' }, quota: 5, recipients: 1, gap: 4, status: 'UNDER' },
    ]);
    expect(v2.quotaStatus.totals).toEqual({ count: 3, under: 3, over: 0, match: 0, quota: 10, recipients: 2 });
    const v3 = await ok<Q>('{ quotaStatus(versionId: 3, programCode: PKH, nationalQuota: 3, sort: { field: GAP, direction: ASC }) { nationalQuota totals { count under over match quota recipients } rows { regency { code } quota recipients gap status } } }');
    // Family 2 lives in Kota Bandung but counts in Bogor, which carries its membership.
    expect(v3.quotaStatus.rows).toEqual([
      { regency: { code: '32.01' }, quota: 1, recipients: 3, gap: -2, status: 'OVER' },
      { regency: { code: '32.73' }, quota: 1, recipients: 0, gap: 1, status: 'UNDER' },
      { regency: { code: '33.74' }, quota: 1, recipients: 0, gap: 1, status: 'UNDER' },
    ]);
  });

  it('plans the removal in an over-quota kabupaten with the same recipients, families masked', async () => {
    const d = await ok<{ reallocationPlan: { quota: number; recipients: number; status: string; gap: number; fill: null; removal: { candidates: unknown[]; byCause: unknown[]; units: Array<{ familyId: number; desil: number; cause: string; family: { id: number; kkMasked: string } }> } } }>(
      `{ reallocationPlan(versionId: 3, regencyCode: "32.01", programCode: PKH, nationalQuota: 3) {
           quota recipients status gap fill { counts { priority } }
           removal { candidates { cause units } byCause { cause units } units { familyId desil cause family { id kkMasked } } } } }`,
    );
    expect(d.reallocationPlan).toMatchObject({ quota: 1, recipients: 3, status: 'OVER', gap: -2, fill: null });
    expect(d.reallocationPlan.removal.candidates).toEqual([{ cause: 'OUTSIDE_DTSEN', units: 1 }]);
    expect(d.reallocationPlan.removal.byCause).toEqual([{ cause: 'OUTSIDE_DTSEN', units: 1 }]);
    expect(d.reallocationPlan.removal.units).toEqual([{ familyId: 3, desil: 0, cause: 'OUTSIDE_DTSEN', family: { id: 3, kkMasked: '3201********0009' } }]);
  });

  it('answers typed errors for the quota queries', async () => {
    expect(await error('{ quotaStatus(programCode: PKH) { totalCount } }')).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/scale/) });
    expect((await error('{ quotaStatus(programCode: PKH, nationalQuota: 10, povertyPeriod: "2023-03") { totalCount } }')).code).toBe('NOT_FOUND');
    expect((await error('{ quotaStatus(programCode: PKH, nationalQuota: -1) { totalCount } }')).code).toBe('BAD_USER_INPUT');
    expect((await error('{ quotaStatus(programCode: PKH, nationalQuota: 10, limit: 515) { totalCount } }')).code).toBe('BAD_USER_INPUT');
    expect((await error('{ reallocationPlan(regencyCode: "32.01.01", programCode: PKH, nationalQuota: 3) { gap } }')).code).toBe('BAD_USER_INPUT');
    expect((await error('{ reallocationPlan(regencyCode: "31.71", programCode: PKH, nationalQuota: 3) { gap } }')).code).toBe('NOT_FOUND');
    // Kota Bandung has a region row but no poverty figure for the period the plan asks.
    expect((await error('{ reallocationPlan(regencyCode: "32.73", programCode: PKH, nationalQuota: 3, povertyPeriod: "2025-03") { gap } }')).code).toBe('NOT_FOUND');
  });

  it('compares a scenario with the baseline on the same cells', async () => {
    const d = await ok<{ scenario: { programs: Array<{ baseline: Summary; scenario: Summary; difference: Summary; moves: Array<{ from: string; to: string; units: number }>; quota: unknown }> } }>(
      `{ scenario(regionCode: "32.01", overrides: [{ programCode: PKH, desilMin: 2 }]) {
           programs { baseline { eligible } scenario { eligible } difference { eligible exclusionErrors } moves { from to units } } } }`,
    );
    const [pkh] = d.scenario.programs;
    // Desil 2-4: the 3 desil-1 recipients await a ground check; the 2 desil-4 exclusion errors stay.
    expect(pkh!.baseline.eligible).toBe(5);
    expect(pkh!.scenario.eligible).toBe(2);
    expect(pkh!.moves).toEqual([{ from: 'CORRECT_RECIPIENT', to: 'PENDING_GROUND_CHECK', units: 3 }]);
  });
});
