import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identifierHash } from '../../domain/identifiers.js';
import { maskKk, maskNik } from '../../domain/masking.js';
import { startTestApi, type TestApi } from '../__tests__/api-harness.js';
import { fixture, testIdentifierKeys } from '../__tests__/fixture.js';

// Issue 6, "Personal data": NIK and KK are stored as keyed hashes, a masked form and a sealed value; the clear value
// leaves the server only for a role allowed clear identifiers (ADMIN), everyone else gets the masked form.
describe('stored NIK and KK', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });

  afterAll(async () => {
    await api.close();
  });

  it('the database holds no clear NIK or KK in any column of family or individual', async () => {
    const clear = [...fixture.families.map((f) => f.kk), ...fixture.individuals.map((i) => i.nik)];
    for (const table of ['family', 'individual']) {
      const rows = await api.prisma.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM ${table}`);
      expect(rows.length, table).toBeGreaterThan(0);
      for (const row of rows) {
        for (const [column, value] of Object.entries(row)) {
          if (typeof value !== 'string') continue;
          // A hex hash may hold 16 decimal digits in a row by chance: it must be a hash (and hold no identifier).
          if (column.endsWith('_hash')) expect(value).toMatch(/^[0-9a-f]{64}$/);
          else expect(value, `${table}.${column}`).not.toMatch(/\d{16}/);
          for (const identifier of clear) expect(value).not.toContain(identifier);
        }
      }
    }
  });

  it('stores the keyed hash (unique lookup key) and the masked form', async () => {
    const families = await api.prisma.family.findMany({ select: { id: true, kkHash: true, kkMasked: true }, orderBy: { id: 'asc' } });
    expect(families).toEqual(fixture.families.map((f) => ({ id: f.id, kkHash: identifierHash(testIdentifierKeys, f.kk), kkMasked: maskKk(f.kk) })));
    const dewi = fixture.individuals.find((i) => i.name === 'Dewi Lestari')!;
    const found = await api.prisma.individual.findUnique({ select: { id: true, nikMasked: true }, where: { nikHash: identifierHash(testIdentifierKeys, dewi.nik) } });
    expect(found).toEqual({ id: dewi.id, nikMasked: maskNik(dewi.nik) });
  });

  it('gives ADMIN the clear values back and other roles the masked form only', async () => {
    type Data = { family: { kk: string | null; kkMasked: string; members: { id: number; nik: string | null; nikMasked: string }[] } };
    const query = '{ family(id: 1, versionId: 2) { kk kkMasked members { id nik nikMasked } } }';
    const family = fixture.families.find((f) => f.id === 1)!;
    const nikOf = (id: number) => fixture.individuals.find((i) => i.id === id)!.nik;

    const admin = await api.queryAs<Data>(await api.tokenFor('ADMIN'), query);
    expect(admin.body.errors).toBeUndefined();
    expect(admin.body.data!.family.kk).toBe(family.kk);
    expect(admin.body.data!.family.members.length).toBeGreaterThan(0);
    for (const m of admin.body.data!.family.members) expect([m.nik, m.nikMasked]).toEqual([nikOf(m.id), maskNik(nikOf(m.id))]);

    const analyst = await api.queryAs<Data>(await api.tokenFor('NATIONAL_ANALYST'), query);
    expect(analyst.body.data!.family.kk).toBeNull();
    expect(analyst.body.data!.family.kkMasked).toBe(maskKk(family.kk));
    for (const m of analyst.body.data!.family.members) expect([m.nik, m.nikMasked]).toEqual([null, maskNik(nikOf(m.id))]);
    expect(analyst.text).not.toContain(family.kk);
  });
});
