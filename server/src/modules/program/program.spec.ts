import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../__tests__/api-harness.js';

describe('programs', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('lists programs in display order with their targeting rule', async () => {
    const { body } = await api.query<{ programs: Record<string, unknown>[] }>(
      '{ programs { code name unit desilMin desilMax nationalQuota maxYears admitsOutsideDtsen legalBasis } }',
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.programs.map((p) => p['code'])).toEqual(['PKH', 'SEMBAKO', 'PBI_JKN', 'ATENSI']);
    expect(body.data?.programs[0]).toEqual({
      code: 'PKH',
      name: 'Program Keluarga Harapan',
      unit: 'FAMILY',
      desilMin: 1,
      desilMax: 4,
      nationalQuota: 10_000_000,
      maxYears: 5,
      admitsOutsideDtsen: true,
      legalBasis: 'Kepmensos 79/HUK/2025',
    });
    expect(body.data?.programs[3]).toMatchObject({ code: 'ATENSI', unit: 'INDIVIDUAL', nationalQuota: null, maxYears: null });
  });
});
