import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TARGETING_CLASSES } from '../../domain/classification.js';
import { EXCLUSION_CRITERIA } from '../../domain/exclusion-criteria.js';
import { PROGRAMS } from '../../domain/programs.js';
import { encodeIdCursor } from '../../graphql/relay.js';
import { TEST_ENGINES, startTestApi, type TestApi } from '../__tests__/api-harness.js';
import { storedKk, storedNik } from '../__tests__/fixture.js';

/**
 * The registry part of the family API (`families` and a family's enrollments, history, flags, targeting and
 * proposals) on the fixture plus 60 generated families with states in two versions, members, memberships, flags and
 * proposals. Every version stays a draft so that the rows can be inserted (published versions are immutable); the
 * queries name version 2 explicitly and totalCount is therefore counted in SQL.
 */

const V = 2;
const VILLAGES = ['32.01.01.1001', '32.01.01.1002', '32.01.02.2001', '32.73.01.1001'] as const;
const EXTRA = Array.from({ length: 60 }, (_, k) => 101 + k);

interface SeededFamily {
  id: number;
  village1: string;
  village2: string;
  desil1: number;
  desil2: number;
  source: 'REGSOSEK' | 'DTKS';
  gc: 'CONFIRMED' | 'NOT_CHECKED';
  pkh: boolean;
}

/** The seeded families (fixture families 1 and 2 are in DTSEN too; 3 is NON_DTSEN). */
const seeded: SeededFamily[] = EXTRA.map((id) => ({
  id,
  village1: VILLAGES[id % 4]!,
  // Every third family moves to the next village and changes desil at version 2.
  village2: id % 3 === 0 ? VILLAGES[(id + 1) % 4]! : VILLAGES[id % 4]!,
  desil1: (id % 10) + 1,
  desil2: id % 3 === 0 ? ((id + 4) % 10) + 1 : (id % 10) + 1,
  source: id % 5 === 0 ? 'DTKS' : 'REGSOSEK',
  gc: id % 4 === 0 ? 'CONFIRMED' : 'NOT_CHECKED',
  pkh: id % 2 === 0,
}));

const digits = (n: number, width: number) => String(n).padStart(width, '0');

async function seedRegistry(api: TestApi): Promise<void> {
  const prisma = api.prisma;
  await prisma.exclusionCriterion.createMany({
    data: EXCLUSION_CRITERIA.map((c) => ({
      code: c.code, nameId: c.nameId, nameEn: c.nameEn, excludesFamily: c.excludesFamily, detectedBy: c.detectedBy, sortOrder: c.sortOrder,
    })),
  });
  await prisma.family.createMany({
    data: seeded.map((f) => ({
      id: f.id, ...storedKk(`3201${digits(f.id, 12)}`), villageCode: f.village1, regencyCode: f.village1.slice(0, 5), source: f.source, firstVersionId: 1,
    })),
  });
  const base = {
    memberCount: 2, incomeMonthly: 1_500_000, wallType: 'WOOD', floorType: 'CEMENT', roofType: 'ZINC', floorAreaM2: 30,
    electricityVa: 450, waterSource: 'PROTECTED_WELL', sanitation: 'SHARED', cookingFuel: 'LPG_3KG', houseOwnership: 'OWNED',
    landM2: 0, motorcycles: 1, cars: 0, goldGrams: 0, savingsRp: 0, loansRp: 0, pmtScore: 13, nationalRank: 1000,
  } as const;
  await prisma.familyState.createMany({
    data: seeded.flatMap((f) => {
      const moves = f.village2 !== f.village1 || f.desil2 !== f.desil1;
      const first = { ...base, familyId: f.id, validFromVersionId: 1, validToVersionId: moves ? 2 : null, villageCode: f.village1, regencyCode: f.village1.slice(0, 5), desil: f.desil1, groundCheckStatus: f.gc };
      return moves
        ? [first, { ...base, familyId: f.id, validFromVersionId: 2, validToVersionId: null, villageCode: f.village2, regencyCode: f.village2.slice(0, 5), desil: f.desil2, groundCheckStatus: f.gc }]
        : [first];
    }),
  });
  // Members: a head (1970) and a child (2015) each; every 7th family also a parent (1950) who leaves at version 2.
  const person = (familyId: number, k: number, relationship: 'HEAD' | 'CHILD' | 'PARENT', year: number, extra: { toVersionId?: number | null } = {}) => ({
    id: familyId * 10 + k, familyId, ...storedNik(`3201${digits(familyId * 10 + k, 12)}`), name: `Person Number${familyId * 10 + k}`,
    relationship, sex: 'MALE', birthDate: new Date(`${year}-06-01T00:00:00Z`), education: 'PRIMARY', workStatus: 'WORKING',
    workSector: 'TRADE', disability: false, chronicIllness: false, deceased: false, fromVersionId: 1, toVersionId: null, ...extra,
  }) as const;
  await prisma.individual.createMany({
    data: seeded.flatMap((f) => [
      person(f.id, 1, 'HEAD', 1970),
      person(f.id, 2, 'CHILD', 2015),
      ...(f.id % 7 === 0 ? [person(f.id, 3, 'PARENT', 1950, { toVersionId: 2 })] : []),
    ]),
  });
  await prisma.enrollment.createMany({
    data: seeded.flatMap((f) => [
      ...(f.pkh ? [{ programCode: 'PKH', familyId: f.id, individualId: null, regencyCode: f.village1.slice(0, 5), startVersionId: 1, endVersionId: null, startReason: 'INITIAL', memberSinceYear: 2022 } as const] : []),
      // PKH of every 6th family ended at version 2.
      ...(f.id % 6 === 0 ? [{ programCode: 'SEMBAKO', familyId: f.id, individualId: null, regencyCode: f.village1.slice(0, 5), startVersionId: 1, endVersionId: 2, startReason: 'INITIAL', endReason: 'RERANKED', memberSinceYear: 2023 } as const] : []),
      ...(f.id % 3 === 0 ? [{ programCode: 'PBI_JKN', familyId: f.id, individualId: f.id * 10 + 1, regencyCode: f.village1.slice(0, 5), startVersionId: 1, endVersionId: null, startReason: 'QUOTA_FILL', memberSinceYear: 2024 } as const] : []),
      ...(f.id % 7 === 0 ? [{ programCode: 'ATENSI', familyId: f.id, individualId: f.id * 10 + 3, regencyCode: f.village1.slice(0, 5), startVersionId: 1, endVersionId: null, startReason: 'INITIAL', memberSinceYear: 2021 } as const] : []),
    ]),
  });
  await prisma.exclusionFlag.createMany({
    data: seeded.flatMap((f) => [
      // A civil servant head excludes the family; a child not found excludes only the child (from version 2).
      ...(f.id % 11 === 0 ? [{ individualId: f.id * 10 + 1, criterionCode: 'ASN_TNI_POLRI', observedVersionId: 1, clearedVersionId: null }] : []),
      ...(f.id % 13 === 0 ? [{ individualId: f.id * 10 + 2, criterionCode: 'PERSON_NOT_FOUND', observedVersionId: 2, clearedVersionId: null }] : []),
      // A flag that was cleared before version 2.
      ...(f.id % 17 === 0 ? [{ individualId: f.id * 10 + 1, criterionCode: 'WELL_OFF', observedVersionId: 1, clearedVersionId: 2 }] : []),
    ]),
  });
  await prisma.proposal.createMany({
    data: seeded.filter((f) => f.id % 5 === 0).map((f) => ({
      kind: 'USULAN', path: 'FORMAL', status: 'SUBMITTED', familyId: f.id, programCode: 'PKH', villageCode: f.village1,
      regencyCode: f.village1.slice(0, 5), submittedVersionId: 1, submittedAt: new Date('2025-06-01T00:00:00Z'), decidedAt: null,
    })),
  });
}

interface Edge {
  cursor: string;
  node: { id: number };
}
interface Connection {
  totalCount: number;
  edges: Edge[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/** Families in DTSEN at version 2: the fixture's 1 and 2 plus every seeded family. */
const inDtsenAtV2 = [1, 2, ...EXTRA];
const stateAtV2 = new Map<number, { village: string; desil: number; source: string; gc: string }>([
  [1, { village: '32.01.02.2001', desil: 3, source: 'REGSOSEK', gc: 'CONFIRMED' }],
  [2, { village: '32.73.01.1001', desil: 7, source: 'DTKS', gc: 'NOT_CHECKED' }],
  ...seeded.map((f) => [f.id, { village: f.village2, desil: f.desil2, source: f.source, gc: f.gc }] as const),
]);

describe.each(TEST_ENGINES)('families (registry) (%s)', (engine) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ publish: false, engine });
    await seedRegistry(api);
  });
  afterAll(async () => {
    await api.close();
  });

  async function families(args: string, fields = 'totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }') {
    const { body } = await api.query<{ families: Connection }>(`{ families(versionId: ${V}${args ? `, ${args}` : ''}) { ${fields} } }`);
    return body;
  }
  async function ids(args: string): Promise<{ ids: number[]; total: number }> {
    const body = await families(`first: 500${args ? `, ${args}` : ''}`);
    expect(body.errors).toBeUndefined();
    return { ids: body.data!.families.edges.map((e) => e.node.id), total: body.data!.families.totalCount };
  }

  it('lists every family in DTSEN at the version, in id order, with opaque cursors', async () => {
    const body = await families('first: 5');
    expect(body.errors).toBeUndefined();
    const c = body.data!.families;
    expect(c.totalCount).toBe(inDtsenAtV2.length);
    expect(c.edges.map((e) => e.node.id)).toEqual(inDtsenAtV2.slice(0, 5));
    expect(c.edges.map((e) => e.cursor)).toEqual(inDtsenAtV2.slice(0, 5).map(encodeIdCursor));
    expect(c.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: encodeIdCursor(1), endCursor: encodeIdCursor(103) });
    // The NON_DTSEN family 3 has no state: never listed.
    expect((await ids('')).ids).toEqual(inDtsenAtV2);
  });

  it('pages forwards and backwards exactly once over each family', async () => {
    const seen: number[] = [];
    let after: string | null = null;
    let previous = false;
    for (let guard = 0; guard < 20; guard += 1) {
      const body = await families(`first: 7${after ? `, after: "${after}"` : ''}`);
      expect(body.errors).toBeUndefined();
      const c: Connection = body.data!.families;
      expect(c.pageInfo.hasPreviousPage).toBe(previous);
      seen.push(...c.edges.map((e) => e.node.id));
      previous = true;
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(seen).toEqual(inDtsenAtV2);

    const back: number[][] = [];
    let before: string | null = null;
    for (let guard = 0; guard < 20; guard += 1) {
      const body = await families(`last: 9${before ? `, before: "${before}"` : ''}`);
      expect(body.errors).toBeUndefined();
      const c: Connection = body.data!.families;
      expect(c.pageInfo.hasNextPage).toBe(before !== null);
      back.unshift(c.edges.map((e) => e.node.id));
      if (!c.pageInfo.hasPreviousPage) break;
      before = c.pageInfo.startCursor;
    }
    expect(back.flat()).toEqual(inDtsenAtV2);
    expect(back[0]).toHaveLength(inDtsenAtV2.length % 9 || 9);

    // A window between two cursors.
    const window = await ids(`after: "${encodeIdCursor(110)}", before: "${encodeIdCursor(115)}"`);
    expect(window.ids).toEqual([111, 112, 113, 114]);
  });

  it('filters by region at every level, desil, source, ground check, program, criterion', async () => {
    const expectFilter = async (filter: string, predicate: (id: number) => boolean) => {
      const result = await ids(`filter: { ${filter} }`);
      const expected = inDtsenAtV2.filter(predicate);
      expect(result.ids, filter).toEqual(expected);
      expect(result.total, filter).toBe(expected.length);
    };
    const st = (id: number) => stateAtV2.get(id)!;
    await expectFilter('regionCode: "ID"', () => true);
    await expectFilter('regionCode: "32"', (id) => st(id).village.startsWith('32.'));
    await expectFilter('regionCode: "32.01"', (id) => st(id).village.startsWith('32.01.'));
    await expectFilter('regionCode: "32.01.01"', (id) => st(id).village.startsWith('32.01.01.'));
    await expectFilter('regionCode: "32.01.01.1002"', (id) => st(id).village === '32.01.01.1002');
    await expectFilter('desil: [1, 3, 10]', (id) => [1, 3, 10].includes(st(id).desil));
    await expectFilter('desilMin: 4, desilMax: 6', (id) => st(id).desil >= 4 && st(id).desil <= 6);
    await expectFilter('desilMax: 2, regionCode: "32.01"', (id) => st(id).desil <= 2 && st(id).village.startsWith('32.01.'));
    await expectFilter('source: DTKS', (id) => st(id).source === 'DTKS');
    await expectFilter('groundCheckStatus: CONFIRMED', (id) => st(id).gc === 'CONFIRMED');
    await expectFilter('programCode: PKH', (id) => id > 100 && id % 2 === 0);
    // Sembako ended at version 2 for every 6th family: no recipient in version 2.
    await expectFilter('programCode: SEMBAKO', () => false);
    await expectFilter('programCode: PBI_JKN', (id) => id > 100 && id % 3 === 0);
    await expectFilter('exclusionCriterion: ASN_TNI_POLRI', (id) => id > 100 && id % 11 === 0);
    await expectFilter('exclusionCriterion: PERSON_NOT_FOUND', (id) => id > 100 && id % 13 === 0);
    // Cleared at version 2.
    await expectFilter('exclusionCriterion: WELL_OFF', () => false);
  });

  it('matches a targeting class exactly when the family targeting (domain classify) has a unit in it', async () => {
    const { body } = await api.query<{ families: { edges: { node: { id: number; targeting: { programCode: string; classes: string[] }[] } }[] } }>(
      `{ families(versionId: ${V}, first: 500) { edges { node { id targeting { programCode classes } } } } }`,
    );
    expect(body.errors).toBeUndefined();
    const nodes = body.data!.families.edges.map((e) => e.node);
    let nonEmpty = 0;
    for (const program of PROGRAMS) {
      for (const klass of TARGETING_CLASSES) {
        const expected = nodes.filter((n) => n.targeting.find((t) => t.programCode === program.code)!.classes.includes(klass)).map((n) => n.id);
        const result = await ids(`filter: { programCode: ${program.code}, targetingClass: ${klass} }`);
        expect(result.ids, `${program.code} ${klass}`).toEqual(expected);
        expect(result.total).toBe(expected.length);
        if (expected.length > 0) nonEmpty += 1;
      }
    }
    // The seeded data reaches most classes (not a vacuous comparison).
    expect(nonEmpty).toBeGreaterThanOrEqual(10);
  });

  it("classifies a family's units with their causes", async () => {
    // Family 156 at version 2: desil 1, ground-checked, PKH recipient, PBI-JKN head; its child (10 years old, PIP's
    // target group) is flagged PERSON_NOT_FOUND (excludes only the person) from version 2.
    // Family 144: desil 9 and ground-checked, PKH and PBI-JKN (head) recipient. Family 143: desil 4, no PKH,
    // civil-servant head (ASN_TNI_POLRI excludes the family).
    type Targeting = { programCode: string; unit: string; classes: string[]; units: Record<string, unknown>[] }[];
    const { body } = await api.query<{ a: { targeting: Targeting }; b: { targeting: Targeting }; c: { targeting: Targeting } }>(
      `{ a: family(id: 156, versionId: ${V}) { targeting { programCode unit classes units { individualId targetingClass cause desil recipient criterion groundChecked inTargetGroup } } }
         b: family(id: 144, versionId: ${V}) { targeting { programCode unit classes units { individualId targetingClass cause } } }
         c: family(id: 143, versionId: ${V}) { targeting { programCode unit classes units { individualId targetingClass cause criterion } } } }`,
    );
    expect(body.errors).toBeUndefined();
    const of = (t: Targeting, code: string) => t.find((x) => x.programCode === code)!;
    const a = body.data!.a.targeting;
    expect(a.map((t) => t.programCode)).toEqual(PROGRAMS.map((p) => p.code));
    expect(of(a, 'PKH')).toEqual({
      programCode: 'PKH', unit: 'FAMILY', classes: ['CORRECT_RECIPIENT'],
      units: [{ individualId: null, targetingClass: 'CORRECT_RECIPIENT', cause: null, desil: 1, recipient: true, criterion: null, groundChecked: true, inTargetGroup: true }],
    });
    expect(of(a, 'PBI_JKN')).toMatchObject({
      unit: 'INDIVIDUAL', classes: ['CORRECT_RECIPIENT', 'NOT_ELIGIBLE'],
      units: [{ individualId: 1561, targetingClass: 'CORRECT_RECIPIENT' }, { individualId: 1562, targetingClass: 'NOT_ELIGIBLE', criterion: 'PERSON_NOT_FOUND' }],
    });
    expect(of(a, 'PIP').units).toEqual([
      { individualId: 1562, targetingClass: 'NOT_ELIGIBLE', cause: null, desil: 1, recipient: false, criterion: 'PERSON_NOT_FOUND', groundChecked: true, inTargetGroup: true },
    ]);
    // ATENSI: nobody is 60+ or disabled, nobody receives it: no unit.
    expect(of(a, 'ATENSI')).toEqual({ programCode: 'ATENSI', unit: 'INDIVIDUAL', classes: [], units: [] });
    const b = body.data!.b.targeting;
    expect(of(b, 'PKH').units).toEqual([{ individualId: null, targetingClass: 'INCLUSION_ERROR', cause: 'DESIL_ABOVE_RANGE' }]);
    expect(of(b, 'PBI_JKN').units).toEqual([
      { individualId: 1441, targetingClass: 'INCLUSION_ERROR', cause: 'DESIL_ABOVE_RANGE' },
      { individualId: 1442, targetingClass: 'NOT_ELIGIBLE', cause: null },
    ]);
    const c = body.data!.c.targeting;
    expect(of(c, 'PKH').units).toEqual([{ individualId: null, targetingClass: 'NOT_ELIGIBLE', cause: null, criterion: 'ASN_TNI_POLRI' }]);
  });

  it("returns a family's enrollments, history, flags, proposals and every member", async () => {
    const { body, text } = await api.query<{ family: Record<string, unknown> }>(
      `{ family(id: 126, versionId: ${V}) {
          members { id } all: members(all: true) { id nikMasked fromVersionId toVersionId }
          enrollments { program { code unit } individualId startVersionId endVersionId startReason endReason activeAtVersion }
          history { validFromVersionId validToVersionId desil memberCount groundCheckStatus region { code } }
          exclusionFlags { criterionCode excludesFamily individualId observedVersionId clearedVersionId inForceAtVersion }
          proposals { kind path status programCode submittedVersionId } } }`,
    );
    expect(body.errors).toBeUndefined();
    const f = body.data!.family;
    // 126 = 2 × 3 × 3 × 7: PKH, Sembako (ended), PBI-JKN head, ATENSI parent who left at version 2; moved at version 2.
    expect(f['members']).toEqual([{ id: 1261 }, { id: 1262 }]);
    expect(f['all']).toEqual([
      { id: 1261, nikMasked: '3201********1261', fromVersionId: 1, toVersionId: null },
      { id: 1262, nikMasked: '3201********1262', fromVersionId: 1, toVersionId: null },
      { id: 1263, nikMasked: '3201********1263', fromVersionId: 1, toVersionId: 2 },
    ]);
    expect(f['enrollments']).toEqual([
      { program: { code: 'PKH', unit: 'FAMILY' }, individualId: null, startVersionId: 1, endVersionId: null, startReason: 'INITIAL', endReason: null, activeAtVersion: true },
      { program: { code: 'SEMBAKO', unit: 'FAMILY' }, individualId: null, startVersionId: 1, endVersionId: 2, startReason: 'INITIAL', endReason: 'RERANKED', activeAtVersion: false },
      { program: { code: 'PBI_JKN', unit: 'INDIVIDUAL' }, individualId: 1261, startVersionId: 1, endVersionId: null, startReason: 'QUOTA_FILL', endReason: null, activeAtVersion: true },
      { program: { code: 'ATENSI', unit: 'INDIVIDUAL' }, individualId: 1263, startVersionId: 1, endVersionId: null, startReason: 'INITIAL', endReason: null, activeAtVersion: true },
    ]);
    expect(f['history']).toEqual([
      { validFromVersionId: 1, validToVersionId: 2, desil: 7, memberCount: 2, groundCheckStatus: 'NOT_CHECKED', region: { code: '32.01.02.2001' } },
      { validFromVersionId: 2, validToVersionId: null, desil: 1, memberCount: 2, groundCheckStatus: 'NOT_CHECKED', region: { code: '32.73.01.1001' } },
    ]);
    expect(f['exclusionFlags']).toEqual([]);
    expect(f['proposals']).toEqual([]);
    expect(text).not.toContain('Number126');

    const flagged = await api.query<{ family: Record<string, unknown> }>(
      `{ family(id: 143, versionId: 1) { exclusionFlags { criterionCode criterionName excludesFamily individualId observedVersionId clearedVersionId inForceAtVersion }
         proposals { kind status } } }`,
    );
    expect(flagged.body.data!.family['exclusionFlags']).toEqual([
      { criterionCode: 'ASN_TNI_POLRI', criterionName: 'Civil servant, military, police, SOE employee or state official', excludesFamily: true, individualId: 1431, observedVersionId: 1, clearedVersionId: null, inForceAtVersion: true },
      { criterionCode: 'PERSON_NOT_FOUND', criterionName: 'Person not found', excludesFamily: false, individualId: 1432, observedVersionId: 2, clearedVersionId: null, inForceAtVersion: false },
    ]);
    const withProposal = await api.query<{ family: Record<string, unknown> }>(`{ family(id: 145, versionId: ${V}) { proposals { kind path status programCode submittedVersionId } } }`);
    expect(withProposal.body.data!.family['proposals']).toEqual([{ kind: 'USULAN', path: 'FORMAL', status: 'SUBMITTED', programCode: 'PKH', submittedVersionId: 1 }]);
  });

  it('rejects bad cursors, page sizes and filters as BAD_USER_INPUT', async () => {
    const errorOf = async (args: string) => {
      const body = await families(args, 'totalCount');
      expect(body.errors, args).toBeDefined();
      return body.errors![0]!.extensions as Record<string, unknown>;
    };
    for (const cursor of ['nope', '', 'MTAx!', Buffer.from('abc').toString('base64'), Buffer.from('0').toString('base64'), Buffer.from('-5').toString('base64')]) {
      expect(await errorOf(`after: "${cursor}"`)).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    }
    expect(await errorOf('before: "zzz"')).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'before' });
    expect(await errorOf('first: 0')).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    expect(await errorOf('first: 501')).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    expect(await errorOf('last: 0')).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'last' });
    expect(await errorOf('filter: { desil: [0] }')).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.desil' });
    expect(await errorOf('filter: { desil: [2], desilMin: 1 }')).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await errorOf('filter: { desilMin: 5, desilMax: 4 }')).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.desilMin' });
    expect(await errorOf('filter: { targetingClass: INCLUSION_ERROR }')).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.programCode' });
    expect(await errorOf('filter: { regionCode: "32.x" }')).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.regionCode' });
    expect(await errorOf('filter: { regionCode: "99" }')).toMatchObject({ code: 'NOT_FOUND' });
    const unknownVersion = await api.query('{ families(versionId: 99) { totalCount } }');
    expect(unknownVersion.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('costs the same number of statements for a page of 10 and a page of 50 families with their details', async () => {
    const query = (first: number) => `{ families(versionId: ${V}, first: ${first}, filter: { regionCode: "32" }) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node {
        id kkMasked
        members { id nikMasked nameMasked }
        enrollments { program { code name } startVersionId activeAtVersion }
        region { code parent { code parent { code parent { code parent { code } } } } }
        history { validFromVersionId desil memberCount groundCheckStatus }
        exclusionFlags { criterionCode inForceAtVersion }
      } } } }`;
    const run = async (first: number, cold = true) => {
      // Cold: the versions and regions the services remember per database generation are read again.
      if (cold) api.forgetReferenceData();
      api.resetStatementCount();
      const { body } = await api.query<{ families: Connection }>(query(first));
      expect(body.errors).toBeUndefined();
      return { count: api.statementCount(), families: body.data!.families.edges.length };
    };
    const ten = await run(10);
    const fifty = await run(50);
    expect(ten.families).toBe(10);
    expect(fifty.families).toBe(50);
    // The version, the filter's region, the page, the count (4); one batch each for the states (the family's
    // village), members, history, flags (one joined statement) and enrollments with their program (Prisma: 2) (6);
    // one region batch per level of the parent chain: village, kecamatan, kabupaten, nation (4; the province is the
    // filter's region, remembered since it was read for the filter).
    expect(fifty.count).toBe(ten.count);
    expect(ten.count).toBe(14);
    // Warm (the same page again): the version, the filter's region and the 4 batches of the parent chain are
    // remembered (db/generation-memo.ts); the audit event of the first read did not make them forget.
    const warm = await run(50, false);
    expect(warm.families).toBe(50);
    expect(warm.count).toBe(ten.count - 6);
  });
});
