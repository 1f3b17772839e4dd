import { describe, expect, it } from 'vitest';
import { inclusionCauseKind, inclusionCauseLabel, type CriterionInfo } from './inclusion-causes';

const criteria = new Map<string, CriterionInfo>([
  [
    'INCOME_ABOVE_MINIMUM_WAGE',
    {
      code: 'INCOME_ABOVE_MINIMUM_WAGE',
      nameId: 'Penghasilan di atas UMP/UMK',
      nameEn: 'Income above the provincial/regency minimum wage',
      detectedBy: 'BPJS Ketenagakerjaan',
      excludesFamily: true,
    },
  ],
]);

describe('inclusion cause names', () => {
  it('names criteria by the decree, in the language asked for', () => {
    expect(inclusionCauseLabel('INCOME_ABOVE_MINIMUM_WAGE', 'id', criteria, 4)).toBe('Penghasilan di atas UMP/UMK');
    expect(inclusionCauseLabel('INCOME_ABOVE_MINIMUM_WAGE', 'en', criteria, 4)).toBe('Income above the provincial/regency minimum wage');
  });

  it('names the causes that are not criteria, with the program range', () => {
    expect(inclusionCauseLabel('OUTSIDE_DTSEN', 'id', criteria, 4)).toBe('Di luar DTSEN');
    expect(inclusionCauseLabel('DESIL_ABOVE_RANGE', 'id', criteria, 4)).toBe('Desil di atas 4, sudah dicek lapangan');
    expect(inclusionCauseLabel('DESIL_ABOVE_RANGE', 'en', criteria, 5)).toBe('Desil above 5, ground-checked');
    expect(inclusionCauseLabel('NOT_IN_TARGET_GROUP', 'en', criteria, 5)).toBe('Not in the program’s target group');
  });

  it('reads an unknown criterion code until the names are loaded', () => {
    expect(inclusionCauseLabel('CERTIFIED_TEACHER', 'id', new Map(), 4)).toBe('Certified teacher');
  });

  it('sorts causes into kinds', () => {
    expect(['OUTSIDE_DTSEN', 'ASN_TNI_POLRI', 'NOT_IN_TARGET_GROUP', 'DESIL_ABOVE_RANGE'].map(inclusionCauseKind)).toEqual([
      'outside',
      'criterion',
      'target',
      'desil',
    ]);
  });
});
