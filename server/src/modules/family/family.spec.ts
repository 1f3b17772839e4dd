import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskKk, maskName, maskNik } from '../../domain/masking.js';
import { startTestApi, type TestApi } from '../__tests__/api-harness.js';
import { clearPersonalData, fixture } from '../__tests__/fixture.js';

interface FamilyData {
  id: number;
  kkMasked: string;
  source: string;
  region: { code: string; name: string };
  state: Record<string, unknown> | null;
  members: { id: number; nikMasked: string; nameMasked: string; relationship: string; birthYear: number; deceased: boolean }[];
}

const FAMILY_FIELDS = `id kkMasked source region { code name }
  state { validFromVersionId validToVersionId desil pmtScore nationalRank memberCount incomeMonthly electricityVa
          groundCheckStatus wallType floorType roofType floorAreaM2 waterSource sanitation cookingFuel houseOwnership
          landM2 motorcycles cars goldGrams savingsRp loansRp }
  members { id nikMasked nameMasked relationship sex birthYear education workStatus disability chronicIllness deceased }`;

describe('family', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('returns the family in the latest published version with its state and masked members', async () => {
    const { text, body } = await api.query<{ family: FamilyData }>(`{ family(id: 1) { ${FAMILY_FIELDS} } }`);
    expect(body.errors).toBeUndefined();
    const family = body.data!.family;
    expect(family.kkMasked).toBe('3201********0007');
    expect(family.source).toBe('REGSOSEK');
    // In version 2 the family lives in Wanaherang (its state), not in its Dukcapil village.
    expect(family.region).toEqual({ code: '32.01.02.2001', name: 'Wanaherang' });
    expect(family.state).toMatchObject({
      validFromVersionId: 2,
      validToVersionId: null,
      desil: 3,
      pmtScore: 13.4,
      nationalRank: 25_800_000,
      incomeMonthly: 2_600_000,
      electricityVa: 1300,
      groundCheckStatus: 'CONFIRMED',
      wallType: 'MASONRY',
      cookingFuel: 'LPG_3KG',
    });
    // The grandmother left in version 2, the child arrived in version 2.
    expect(family.members.map((m) => m.id)).toEqual([1, 2, 4]);
    expect(family.members[0]).toMatchObject({
      nikMasked: '3201********0003',
      nameMasked: 'B****** S*******',
      relationship: 'HEAD',
      birthYear: 1980,
      deceased: false,
    });
    for (const member of family.members) expect(member.nikMasked).toMatch(/^\d{4}\*{8}\d{4}$/);

    // No clear NIK, KK or name anywhere in the response body.
    for (const clear of clearPersonalData) expect(text).not.toContain(clear);
  });

  it('answers for an earlier version: its state, its village and its members then', async () => {
    const { text, body } = await api.query<{ family: FamilyData }>(`{ family(id: 1, versionId: 1) { ${FAMILY_FIELDS} } }`);
    expect(body.errors).toBeUndefined();
    const family = body.data!.family;
    expect(family.region).toEqual({ code: '32.01.01.1001', name: 'Pondok Rajeg' });
    expect(family.state).toMatchObject({ validFromVersionId: 1, validToVersionId: 2, desil: 2 });
    expect(family.members.map((m) => m.id)).toEqual([1, 2, 3]);
    expect(family.members[2]).toMatchObject({ relationship: 'PARENT', deceased: true, nameMasked: 'S****** W********' });
    for (const clear of clearPersonalData) expect(text).not.toContain(clear);
  });

  it('gives a NON_DTSEN family no state and places it in its Dukcapil village', async () => {
    const { body } = await api.query<{ family: FamilyData }>(`{ family(id: 3) { ${FAMILY_FIELDS} } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data!.family.source).toBe('NON_DTSEN');
    expect(body.data!.family.state).toBeNull();
    expect(body.data!.family.region.code).toBe('32.01.02.2001');
    expect(body.data!.family.members).toHaveLength(1);
  });

  it('masks with the domain masking functions', async () => {
    const { body } = await api.query<{ family: FamilyData }>('{ family(id: 2) { kkMasked members { nikMasked nameMasked } } }');
    const [family2] = fixture.families.filter((f) => f.id === 2);
    const [dewi] = fixture.individuals.filter((i) => i.familyId === 2);
    expect(body.data!.family.kkMasked).toBe(maskKk(family2!.kk));
    expect(body.data!.family.members).toEqual([{ nikMasked: maskNik(dewi!.nik), nameMasked: maskName(dewi!.name) }]);
  });

  it('returns null for an unknown family and NOT_FOUND for an unknown version', async () => {
    const unknownFamily = await api.query<{ family: FamilyData | null }>('{ family(id: 999) { id } }');
    expect(unknownFamily.body.errors).toBeUndefined();
    expect(unknownFamily.body.data?.family).toBeNull();

    const unknownVersion = await api.query('{ family(id: 1, versionId: 99) { id } }');
    expect(unknownVersion.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(unknownVersion.body.errors?.[0]?.extensions?.['resource']).toBe('DtsenVersion');
  });

  it('loads states and members of several families in one statement each', async () => {
    const query = `{ a: family(id: 1) { state { desil } members { id } region { code } }
                     b: family(id: 2) { state { desil } members { id } region { code } }
                     c: family(id: 3) { state { desil } members { id } region { code } } }`;
    api.resetStatementCount();
    const { body } = await api.query<Record<'a' | 'b' | 'c', FamilyData>>(query);
    expect(body.errors).toBeUndefined();
    expect(body.data!.b.state).toEqual({ desil: 7 });
    // Per family: its row and the latest version (3 × 2); then one batch each for states, members and regions.
    expect(api.statementCount()).toBeLessThanOrEqual(3 * 2 + 3);
  });
});
