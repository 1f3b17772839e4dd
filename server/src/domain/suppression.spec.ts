import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLES, type Principal } from './access.js';
import {
  DEFAULT_SMALL_CELL_THRESHOLD, DIFFERENCE_OF, isSuppressed, isWithheld, parseSmallCellThreshold, thresholdFor, withheldFields,
  type SmallCellRule,
} from './suppression.js';

const principal = (role: Principal['role']): Principal => ({ userId: 1, username: 'u', displayName: 'U', role, regionCode: role === 'REGIONAL_HEAD' || role === 'OPERATOR' ? '32.01' : null });

describe('isSuppressed', () => {
  it.each([
    [0, 5, false],
    [1, 5, true],
    [4, 5, true],
    [5, 5, false],
    [1_000, 5, false],
    [-3, 5, true],
    [-5, 5, false],
    [2, 3, true],
    [3, 3, false],
    [1, 2, true],
    [1, 1, false],
    [1, 0, false],
  ] as const)('count %i under threshold %i -> %s', (count, threshold, suppressed) => {
    expect(isSuppressed(count, threshold)).toBe(suppressed);
  });

  it('withholds exactly the counts 1..threshold-1 by magnitude, never 0, nothing at threshold 1 or less', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000, max: 10_000 }), fc.integer({ min: 0, max: 100 }), (count, threshold) => {
        const magnitude = Math.abs(count);
        expect(isSuppressed(count, threshold)).toBe(threshold > 1 && magnitude > 0 && magnitude < threshold);
      }),
    );
  });
});

describe('thresholdFor', () => {
  it('exempts the roles that may see person-level rows nationally and applies the setting to every other role', () => {
    const applied = Object.fromEntries(ROLES.map((role) => [role, thresholdFor(principal(role), 5)]));
    expect(applied).toEqual({ ADMIN: 0, NATIONAL_ANALYST: 0, POLICY_ANALYST: 5, REGIONAL_HEAD: 5, OPERATOR: 5 });
    expect(thresholdFor(null, 5)).toBe(5);
    expect(thresholdFor(principal('POLICY_ANALYST'), 1)).toBe(0);
    expect(thresholdFor(principal('POLICY_ANALYST'), 11)).toBe(11);
  });
});

describe('isWithheld and withheldFields', () => {
  const rules = new Map<string, SmallCellRule>([
    ['eligible', { of: ['eligible'] }],
    ['recipients', { of: ['recipients'] }],
    ['inclusionErrors', { of: ['inclusionErrors'] }],
    ['inclusionRate', { of: ['inclusionErrors', 'recipients'] }],
    ['coverage', { of: ['eligible', 'nested.correct'] }],
  ]);

  it('withholds a count in 1..4 and every figure computed from it, numerator or denominator', () => {
    const figures = { eligible: 40, recipients: 3, inclusionErrors: 0, inclusionRate: 0, coverage: 0.5, nested: { correct: 20 } };
    expect(withheldFields(rules, figures, 5)).toEqual(['recipients', 'inclusionRate']);
    expect(withheldFields(rules, { ...figures, recipients: 30, inclusionErrors: 2 }, 5)).toEqual(['inclusionErrors', 'inclusionRate']);
    // A count the schema does not show (a path into the object) withholds the share computed from it.
    expect(withheldFields(rules, { ...figures, recipients: 30, nested: { correct: 4 } }, 5)).toEqual(['coverage']);
  });

  it('never withholds 0 or counts at or above the threshold, and nothing when the threshold is 1 or less', () => {
    const figures = { eligible: 0, recipients: 5, inclusionErrors: 0, inclusionRate: 0, coverage: 0, nested: { correct: 0 } };
    expect(withheldFields(rules, figures, 5)).toEqual([]);
    const small = { eligible: 1, recipients: 2, inclusionErrors: 1, nested: { correct: 1 } };
    expect(withheldFields(rules, small, 1)).toEqual([]);
    expect(withheldFields(rules, small, 0)).toEqual([]);
    expect(withheldFields(rules, small, 2)).toEqual(['eligible', 'inclusionErrors', 'inclusionRate', 'coverage']);
  });

  it('ignores values that are not numbers (absent or null)', () => {
    expect(isWithheld({ of: ['missing'] }, { other: 1 }, 5)).toBe(false);
    expect(isWithheld({ of: ['a.b'] }, { a: null }, 5)).toBe(false);
    expect(isWithheld({ of: ['a'] }, null, 5)).toBe(false);
  });

  it('withholds a difference when the same figure of either operand is withheld, even when the difference is large', () => {
    const baseline = { eligible: 3, recipients: 40, inclusionErrors: 10 };
    const scenario = { eligible: 60, recipients: 40, inclusionErrors: 10 };
    const difference = { eligible: 57, recipients: 0, inclusionErrors: 0, [DIFFERENCE_OF]: [baseline, scenario] };
    expect(withheldFields(rules, difference, 5)).toEqual(['eligible', 'coverage']);
    // A small difference is itself withheld: it counts the units that change class.
    expect(withheldFields(rules, { eligible: -2, recipients: 0, inclusionErrors: 0, [DIFFERENCE_OF]: [scenario, scenario] }, 5)).toEqual(['eligible', 'coverage']);
  });
});

describe('parseSmallCellThreshold', () => {
  it('defaults to 5 and takes any whole number from 0', () => {
    expect(DEFAULT_SMALL_CELL_THRESHOLD).toBe(5);
    expect(parseSmallCellThreshold(undefined)).toBe(5);
    expect(parseSmallCellThreshold('')).toBe(5);
    expect(parseSmallCellThreshold('0')).toBe(0);
    expect(parseSmallCellThreshold('1')).toBe(1);
    expect(parseSmallCellThreshold('11')).toBe(11);
  });

  it.each(['-1', '2.5', 'five', '1e400'])('refuses %s', (raw) => {
    expect(() => parseSmallCellThreshold(raw)).toThrow(RangeError);
  });
});
