import { describe, expect, it } from 'vitest';
import { EXCLUSION_CRITERIA } from './exclusion-criteria.js';
import { PROGRAMS, desilInRange, programByCode } from './programs.js';
import { pmtScore, type WelfareInputs } from './pmt.js';

describe('program rules (Kepmensos 79/HUK/2025)', () => {
  it('carries the decree: PKH desil 1-4 for 10 M families, Sembako 1-5 for 18.3 M, PBI-JKN 1-5 for 96 M people', () => {
    expect(programByCode('PKH')).toMatchObject({ unit: 'FAMILY', desilMin: 1, desilMax: 4, nationalQuota: 10_000_000, maxYears: 5 });
    expect(programByCode('SEMBAKO')).toMatchObject({ unit: 'FAMILY', desilMax: 5, nationalQuota: 18_300_000 });
    expect(programByCode('PBI_JKN')).toMatchObject({ unit: 'INDIVIDUAL', desilMax: 5, nationalQuota: 96_000_000 });
    expect(PROGRAMS.map((p) => p.code)).toEqual(['PKH', 'SEMBAKO', 'PBI_JKN', 'ATENSI', 'PIP']);
    expect(desilInRange(programByCode('PKH'), 4)).toBe(true);
    expect(desilInRange(programByCode('PKH'), 5)).toBe(false);
  });

  it('lists the 17 exclusion criteria with unique codes', () => {
    expect(new Set(EXCLUSION_CRITERIA.map((c) => c.code)).size).toBe(EXCLUSION_CRITERIA.length);
    expect(EXCLUSION_CRITERIA.length).toBe(17);
  });
});

describe('PMT score', () => {
  const base: WelfareInputs = {
    memberCount: 4, incomeMonthly: 2_400_000, wallType: 'WOOD', floorType: 'CEMENT', roofType: 'ZINC', floorAreaM2: 36,
    electricityVa: 900, waterSource: 'PROTECTED_WELL', sanitation: 'PRIVATE_NO_SEPTIC', cookingFuel: 'LPG_3KG',
    houseOwnership: 'OWNED', landM2: 0, motorcycles: 1, cars: 0, goldGrams: 0, savingsRp: 0, loansRp: 0,
  };
  it('rises with income, better housing and assets, and falls with household size', () => {
    const s = pmtScore(base);
    expect(pmtScore({ ...base, incomeMonthly: 6_000_000 })).toBeGreaterThan(s);
    expect(pmtScore({ ...base, wallType: 'MASONRY', floorType: 'CERAMIC' })).toBeGreaterThan(s);
    expect(pmtScore({ ...base, cars: 1 })).toBeGreaterThan(s);
    expect(pmtScore({ ...base, electricityVa: 450 })).toBeLessThan(s);
    expect(pmtScore({ ...base, memberCount: 7 })).toBeLessThan(s);
  });
});
