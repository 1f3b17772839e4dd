import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TARGETING_CLASSES, classify, eligibility, summarize, type TargetingFacts } from './classification.js';
import { EXCLUSION_CRITERIA, type ExclusionCriterionCode } from './exclusion-criteria.js';
import { programByCode } from './programs.js';
import { inclusionCauseRank } from './targeting-rules.js';
import type { TargetingCell } from './targeting-types.js';

const PBI = programByCode('PBI_JKN');
const PKH = programByCode('PKH');
const base: TargetingFacts = { desil: 2, recipient: true, criterion: null, groundChecked: false, inTargetGroup: true };

const arbFacts: fc.Arbitrary<TargetingFacts> = fc.record({
  desil: fc.integer({ min: 0, max: 10 }),
  recipient: fc.boolean(),
  criterion: fc.option(fc.constantFrom<ExclusionCriterionCode>(...EXCLUSION_CRITERIA.map((c) => c.code)), { nil: null }),
  groundChecked: fc.boolean(),
  inTargetGroup: fc.boolean(),
});
const arbCell = (programCode: TargetingCell['programCode']): fc.Arbitrary<TargetingCell> =>
  fc.tuple(arbFacts, fc.integer({ min: 0, max: 1_000_000 })).map(([f, units]) => ({ ...f, programCode, units }));

describe('classify', () => {
  it.each<[string, Partial<TargetingFacts>, string, string | null]>([
    ['recipient in range', {}, 'CORRECT_RECIPIENT', null],
    ['recipient outside DTSEN', { desil: 0 }, 'INCLUSION_ERROR', 'OUTSIDE_DTSEN'],
    ['recipient outside DTSEN with a criterion', { desil: 0, criterion: 'DECEASED' }, 'INCLUSION_ERROR', 'OUTSIDE_DTSEN'],
    ['recipient hit by a criterion', { criterion: 'NEGATIVE_LIST_GAMBLING' }, 'INCLUSION_ERROR', 'NEGATIVE_LIST_GAMBLING'],
    ['recipient with a criterion and above range', { desil: 9, criterion: 'ASN_TNI_POLRI', groundChecked: false }, 'INCLUSION_ERROR', 'ASN_TNI_POLRI'],
    ['recipient not in target group', { inTargetGroup: false }, 'INCLUSION_ERROR', 'NOT_IN_TARGET_GROUP'],
    ['recipient not in target group and above range, unchecked', { inTargetGroup: false, desil: 8 }, 'INCLUSION_ERROR', 'NOT_IN_TARGET_GROUP'],
    ['recipient above range, not ground-checked (grace)', { desil: 6 }, 'PENDING_GROUND_CHECK', null],
    ['recipient above range, ground-checked', { desil: 6, groundChecked: true }, 'INCLUSION_ERROR', 'DESIL_ABOVE_RANGE'],
    ['eligible non-recipient', { recipient: false }, 'EXCLUSION_ERROR', null],
    ['eligible non-recipient, ground-checked', { recipient: false, groundChecked: true, desil: 5 }, 'EXCLUSION_ERROR', null],
    ['non-recipient above range', { recipient: false, desil: 7 }, 'NOT_ELIGIBLE', null],
    ['non-recipient outside DTSEN', { recipient: false, desil: 0 }, 'NOT_ELIGIBLE', null],
    ['non-recipient with a criterion', { recipient: false, criterion: 'WELL_OFF' }, 'NOT_ELIGIBLE', null],
    ['non-recipient not in target group', { recipient: false, inTargetGroup: false }, 'NOT_ELIGIBLE', null],
  ])('%s', (_, patch, cls, cause) => {
    expect(classify(PBI, { ...base, ...patch })).toEqual({ class: cls, cause });
  });

  it('uses the program range: desil 5 is correct for PBI-JKN, pending for PKH (1-4)', () => {
    expect(classify(PBI, { ...base, desil: 5 }).class).toBe('CORRECT_RECIPIENT');
    expect(classify(PKH, { ...base, desil: 5 }).class).toBe('PENDING_GROUND_CHECK');
  });

  it('treats a desil below a raised desilMin as outside the range', () => {
    expect(classify({ desilMin: 2, desilMax: 4 }, { ...base, desil: 1, groundChecked: true })).toEqual({ class: 'INCLUSION_ERROR', cause: 'DESIL_ABOVE_RANGE' });
    expect(classify({ desilMin: 2, desilMax: 4 }, { ...base, desil: 1, recipient: false }).class).toBe('NOT_ELIGIBLE');
  });

  it('rejects a desil outside 0-10', () => {
    expect(() => classify(PBI, { ...base, desil: 11 })).toThrow(RangeError);
    expect(() => classify(PBI, { ...base, desil: 2.5 })).toThrow(RangeError);
  });

  it('agrees with eligibility for every fact combination; a cause exactly for inclusion errors, the first reason', () => {
    fc.assert(
      fc.property(arbFacts, fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 9 }), (facts, min, width) => {
        const rule = { desilMin: min, desilMax: Math.min(10, min + width) };
        const c = classify(rule, facts);
        const e = eligibility(rule, facts);
        expect(e.eligible).toBe(e.reasons.length === 0);
        expect(e.reasons.map(inclusionCauseRank)).toEqual([...e.reasons.map(inclusionCauseRank)].sort((a, b) => a - b));
        expect(c.cause !== null).toBe(c.class === 'INCLUSION_ERROR');
        if (c.cause !== null) expect(c.cause).toBe(e.reasons[0]);
        expect(c.class === 'PENDING_GROUND_CHECK').toBe(e.keepsBenefitUntilGroundCheck);
        const recipientClasses = ['CORRECT_RECIPIENT', 'INCLUSION_ERROR', 'PENDING_GROUND_CHECK'];
        expect(recipientClasses.includes(c.class)).toBe(facts.recipient);
        expect(['CORRECT_RECIPIENT', 'EXCLUSION_ERROR'].includes(c.class)).toBe(e.eligible);
      }),
    );
  });
});

describe('summarize', () => {
  it('partitions the cells: the classes add up to the units, inclusion causes to the inclusion errors', () => {
    fc.assert(
      fc.property(fc.array(arbCell('PBI_JKN'), { maxLength: 60 }), (cells) => {
        const s = summarize(PBI, cells);
        const units = cells.reduce((a, c) => a + c.units, 0);
        expect(TARGETING_CLASSES.reduce((a, k) => a + s.byClass[k], 0)).toBe(units);
        expect(Object.values(s.inclusionByCause).reduce((a, n) => a + n, 0)).toBe(s.byClass.INCLUSION_ERROR);
        expect(s.recipients).toBe(cells.filter((c) => c.recipient).reduce((a, c) => a + c.units, 0));
        expect(s.coverage).toBeGreaterThanOrEqual(0);
        expect(s.coverage).toBeLessThanOrEqual(1);
        expect(s.leakage).toBeGreaterThanOrEqual(0);
        expect(s.leakage).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('computes coverage and leakage', () => {
    const cell = (f: Partial<TargetingFacts>, units: number): TargetingCell => ({ ...base, ...f, programCode: 'PBI_JKN', units });
    const s = summarize(PBI, [
      cell({}, 60),
      cell({ recipient: false }, 40),
      cell({ desil: 7 }, 10),
      cell({ desil: 0 }, 30),
      cell({ recipient: false, desil: 9 }, 500),
    ]);
    expect(s.byClass).toEqual({ CORRECT_RECIPIENT: 60, INCLUSION_ERROR: 30, EXCLUSION_ERROR: 40, PENDING_GROUND_CHECK: 10, NOT_ELIGIBLE: 500 });
    expect(s).toMatchObject({ eligible: 100, recipients: 100, coverage: 0.6, leakage: 0.4, inclusionByCause: { OUTSIDE_DTSEN: 30 } });
    expect(summarize(PBI, [])).toMatchObject({ eligible: 0, recipients: 0, coverage: 0, leakage: 0 });
  });

  it('rejects cells of another program and non-count units', () => {
    expect(() => summarize(PBI, [{ ...base, programCode: 'PKH', units: 1 }])).toThrow(/PKH/);
    expect(() => summarize(PBI, [{ ...base, programCode: 'PBI_JKN', units: -1 }])).toThrow(RangeError);
  });

  it('reproduces the PBI-JKN May 2025 removal: 2,306,943 in desil 6-10 + 5,090,334 outside DTSEN = 7,397,277', () => {
    const aboveRange = [600_000, 500_000, 450_000, 400_000, 356_943]; // desil 6..10, ground-checked
    const cells: TargetingCell[] = [
      ...aboveRange.map((units, i) => ({ ...base, programCode: 'PBI_JKN' as const, desil: 6 + i, groundChecked: true, units })),
      { ...base, programCode: 'PBI_JKN', desil: 0, units: 5_090_334 },
      { ...base, programCode: 'PBI_JKN', desil: 3, units: 96_000_000 - 7_397_277 },
    ];
    const s = summarize(PBI, cells);
    expect(aboveRange.reduce((a, b) => a + b, 0)).toBe(2_306_943);
    expect(s.byClass.INCLUSION_ERROR).toBe(7_397_277);
    expect(s.inclusionByCause).toEqual({ DESIL_ABOVE_RANGE: 2_306_943, OUTSIDE_DTSEN: 5_090_334 });
    expect(s.recipients).toBe(96_000_000);
    expect(s.byClass.PENDING_GROUND_CHECK).toBe(0);
  });
});
