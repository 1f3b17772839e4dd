import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TARGETING_CLASSES } from './classification.js';
import { PROGRAMS, programByCode, type ProgramRule } from './programs.js';
import { ScenarioRuleError, applyOverrides, compareScenario } from './scenario.js';
import type { TargetingCell } from './targeting-types.js';

const cell = (patch: Partial<TargetingCell>): TargetingCell => ({
  programCode: 'PKH', desil: 2, recipient: true, criterion: null, groundChecked: false, inTargetGroup: true, units: 1, ...patch,
});
const scenarioRule = (rules: ProgramRule[], code: ProgramRule['code']) => rules.find((r) => r.code === code)!;

describe('applyOverrides', () => {
  it('returns new rules with the overrides applied and leaves the decree data alone', () => {
    const before = structuredClone(PROGRAMS);
    const rules = applyOverrides(PROGRAMS, [{ programCode: 'PKH', desilMax: 3 }, { programCode: 'SEMBAKO', nationalQuota: 20_000_000 }]);
    expect(scenarioRule(rules, 'PKH')).toMatchObject({ desilMin: 1, desilMax: 3, nationalQuota: 10_000_000 });
    expect(scenarioRule(rules, 'SEMBAKO')).toMatchObject({ desilMax: 5, nationalQuota: 20_000_000 });
    expect(PROGRAMS).toEqual(before);
    rules.forEach((r, i) => expect(r).not.toBe(PROGRAMS[i]));
  });

  it.each<[string, Parameters<typeof applyOverrides>[1], string]>([
    ['min above max', [{ programCode: 'PKH', desilMin: 5 }], 'INVALID_DESIL_RANGE'],
    ['min below 1', [{ programCode: 'PKH', desilMin: 0 }], 'INVALID_DESIL_RANGE'],
    ['max above 10', [{ programCode: 'PBI_JKN', desilMax: 11 }], 'INVALID_DESIL_RANGE'],
    ['fractional desil', [{ programCode: 'PBI_JKN', desilMax: 4.5 }], 'INVALID_DESIL_RANGE'],
    ['negative quota', [{ programCode: 'PBI_JKN', nationalQuota: -1 }], 'INVALID_QUOTA'],
    ['fractional quota', [{ programCode: 'PBI_JKN', nationalQuota: 1.5 }], 'INVALID_QUOTA'],
    ['duplicate', [{ programCode: 'PKH', desilMax: 3 }, { programCode: 'PKH', desilMax: 2 }], 'DUPLICATE_OVERRIDE'],
  ])('rejects %s', (_, overrides, code) => {
    expect(() => applyOverrides(PROGRAMS, overrides)).toThrow(ScenarioRuleError);
    expect(() => applyOverrides(PROGRAMS, overrides)).toThrow(expect.objectContaining({ code }));
  });

  it('rejects an override of a program not in the rules', () => {
    expect(() => applyOverrides([programByCode('PKH')], [{ programCode: 'PIP', desilMax: 3 }])).toThrow(expect.objectContaining({ code: 'UNKNOWN_PROGRAM' }));
  });

  it('accepts exactly the ranges 1 <= min <= max <= 10', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2, max: 12 }), fc.integer({ min: -2, max: 12 }), (min, max) => {
        const run = () => applyOverrides(PROGRAMS, [{ programCode: 'SEMBAKO', desilMin: min, desilMax: max }]);
        if (min >= 1 && min <= max && max <= 10) expect(scenarioRule(run(), 'SEMBAKO')).toMatchObject({ desilMin: min, desilMax: max });
        else expect(run).toThrow(ScenarioRuleError);
      }),
    );
  });
});

describe('compareScenario', () => {
  const PKH = programByCode('PKH');
  const PKH_1_3 = scenarioRule(applyOverrides(PROGRAMS, [{ programCode: 'PKH', desilMax: 3 }]), 'PKH');
  const fixture = [
    cell({ desil: 2, units: 500 }), // correct either way
    cell({ desil: 3, recipient: false, units: 40 }), // exclusion error either way
    cell({ desil: 4, recipient: false, units: 70 }), // exclusion error -> not eligible
    cell({ desil: 4, units: 120 }), // correct -> pending ground check
    cell({ desil: 4, groundChecked: true, units: 30 }), // correct -> inclusion error (desil above range)
    cell({ desil: 8, recipient: false, units: 900 }), // not eligible either way
  ];

  it('PKH for desil 1-3 moves desil-4 exclusion errors to NOT_ELIGIBLE and desil-4 recipients to PENDING/INCLUSION', () => {
    const c = compareScenario(PKH, PKH_1_3, fixture);
    expect(c.moves).toEqual([
      { from: 'CORRECT_RECIPIENT', to: 'INCLUSION_ERROR', units: 30 },
      { from: 'CORRECT_RECIPIENT', to: 'PENDING_GROUND_CHECK', units: 120 },
      { from: 'EXCLUSION_ERROR', to: 'NOT_ELIGIBLE', units: 70 },
    ]);
    expect(c.baseline.byClass).toEqual({ CORRECT_RECIPIENT: 650, INCLUSION_ERROR: 0, EXCLUSION_ERROR: 110, PENDING_GROUND_CHECK: 0, NOT_ELIGIBLE: 900 });
    expect(c.scenario.byClass).toEqual({ CORRECT_RECIPIENT: 500, INCLUSION_ERROR: 30, EXCLUSION_ERROR: 40, PENDING_GROUND_CHECK: 120, NOT_ELIGIBLE: 970 });
    expect(c.difference).toMatchObject({
      byClass: { CORRECT_RECIPIENT: -150, INCLUSION_ERROR: 30, EXCLUSION_ERROR: -70, PENDING_GROUND_CHECK: 120, NOT_ELIGIBLE: 70 },
      inclusionByCause: { DESIL_ABOVE_RANGE: 30 },
      eligible: -220,
      recipients: 0,
      leakage: 150 / 650,
    });
    expect(c.difference.coverage).toBeCloseTo(500 / 540 - 650 / 760, 12);
  });

  it('compares a rule with itself as no change', () => {
    const c = compareScenario(PKH, PKH, fixture);
    expect(c.moves).toEqual([]);
    expect(Object.values(c.difference.byClass).every((n) => n === 0)).toBe(true);
  });

  it('never changes who receives; class changes balance out and match the moves', () => {
    const arbCell = fc.record({
      desil: fc.integer({ min: 0, max: 10 }), recipient: fc.boolean(), groundChecked: fc.boolean(), inTargetGroup: fc.boolean(),
      units: fc.nat(1000), criterion: fc.constantFrom(null, 'DECEASED' as const),
    }).map((f) => cell(f));
    fc.assert(
      fc.property(fc.array(arbCell, { maxLength: 40 }), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 10 }), (cells, a, b) => {
        const rule = scenarioRule(applyOverrides(PROGRAMS, [{ programCode: 'PKH', desilMin: Math.min(a, b), desilMax: Math.max(a, b) }]), 'PKH');
        const c = compareScenario(PKH, rule, cells);
        expect(c.difference.recipients).toBe(0);
        expect(TARGETING_CLASSES.reduce((s, k) => s + c.difference.byClass[k], 0)).toBe(0);
        for (const k of TARGETING_CLASSES) {
          const net = c.moves.reduce((s, m) => s + (m.to === k ? m.units : 0) - (m.from === k ? m.units : 0), 0);
          expect(net).toBe(c.difference.byClass[k]);
        }
      }),
    );
  });

  it('refuses to compare two different programs', () => {
    expect(() => compareScenario(PKH, programByCode('SEMBAKO'), [])).toThrow(expect.objectContaining({ code: 'PROGRAM_MISMATCH' }));
  });
});
