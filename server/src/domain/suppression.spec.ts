import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLES, type Principal } from './access.js';
import {
  complementaryCells, complementarySuppression, DEFAULT_SMALL_CELL_THRESHOLD, DIFFERENCE_OF, isSuppressed, isWithheld,
  parseSmallCellThreshold, thresholdFor, withheldFields, type AdditiveRelation, type SmallCellRule,
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

describe('isWithheld with complements', () => {
  it('withholds a figure whose count is marked as a complement, through a path too', () => {
    const nested = { correct: 40 };
    const figures = { eligible: 40, recipients: 30, inclusionErrors: 10, nested };
    const marked = new Map<object, string>([[figures, 'recipients'], [nested, 'correct']]);
    const also = (holder: object, name: string) => marked.get(holder) === name;
    const rules = new Map<string, SmallCellRule>([
      ['eligible', { of: ['eligible'] }], ['recipients', { of: ['recipients'] }],
      ['inclusionRate', { of: ['inclusionErrors', 'recipients'] }], ['coverage', { of: ['eligible', 'nested.correct'] }],
    ]);
    expect(withheldFields(rules, figures, 5, also)).toEqual(['recipients', 'inclusionRate', 'coverage']);
    expect(withheldFields(rules, figures, 5)).toEqual([]);
    expect(withheldFields(rules, figures, 1, also)).toEqual([]);
  });
});

/** A small cell under the default threshold. */
const smallCell = (n: number) => isSuppressed(n, 5);

/** The unknowns of a group once `complement` is applied: withheld cells (and the total) the caller cannot see. */
function unknownsAfter(cells: number[], withheld: boolean[], totalWithheld: boolean) {
  const complement = complementaryCells({ cells, withheld, totalWithheld });
  const after = withheld.map((w, i) => w || complement.cells.includes(i));
  return { complement, after, totalAfter: totalWithheld || complement.total, unknowns: after.filter(Boolean).length + (totalWithheld || complement.total ? 1 : 0) };
}

describe('complementaryCells', () => {
  it('pairs a lone withheld desil with the smallest shown non-zero one, never a zero', () => {
    // A desa: 7 families in desil 1, 3 in desil 2, none in 3, 12 in 4, 6 in 5.
    const cells = [7, 3, 0, 12, 6];
    expect(complementaryCells({ cells, withheld: cells.map(smallCell), totalWithheld: false })).toEqual({ cells: [4], total: false });
  });

  it('breaks ties by key when given (the same choice whatever the order), else by position', () => {
    expect(complementaryCells({ cells: [2, 9, 9], withheld: [true, false, false], totalWithheld: false })).toEqual({ cells: [1], total: false });
    expect(complementaryCells({ cells: [2, 9, 9], withheld: [true, false, false], totalWithheld: false, keys: ['a', 'c', 'b'] })).toEqual({ cells: [2], total: false });
    expect(complementaryCells({ cells: [9, 2, 9], withheld: [false, true, false], totalWithheld: false, keys: ['b', 'a', 'c'] })).toEqual({ cells: [0], total: false });
  });

  it('adds nothing when nothing or two or more are withheld', () => {
    expect(complementaryCells({ cells: [7, 8], withheld: [false, false], totalWithheld: false })).toEqual({ cells: [], total: false });
    expect(complementaryCells({ cells: [1, 3, 40], withheld: [true, true, false], totalWithheld: false })).toEqual({ cells: [], total: false });
    expect(complementaryCells({ cells: [1, 40], withheld: [true, false], totalWithheld: true })).toEqual({ cells: [], total: false });
  });

  it('withholds the total when the lone withheld cell is the only non-zero one (the total is that cell)', () => {
    expect(complementaryCells({ cells: [0, 3, 0], withheld: [false, true, false], totalWithheld: false })).toEqual({ cells: [], total: true });
  });

  it('pairs a withheld total with the smallest non-zero cell, and leaves a total of zero alone', () => {
    expect(complementaryCells({ cells: [20, 0, 8], withheld: [false, false, false], totalWithheld: true })).toEqual({ cells: [2], total: false });
    expect(complementaryCells({ cells: [0, 0], withheld: [false, false], totalWithheld: true })).toEqual({ cells: [], total: false });
  });

  it('judges signed cells by magnitude and refuses mismatched flags', () => {
    expect(complementaryCells({ cells: [-2, -30, 6], withheld: [true, false, false], totalWithheld: false })).toEqual({ cells: [2], total: false });
    expect(() => complementaryCells({ cells: [1, 2], withheld: [true], totalWithheld: false })).toThrow(RangeError);
  });

  // Any pattern of withheld cells (whatever the reason each is withheld), except a withheld 0: zero is never withheld.
  const group = fc
    .array(fc.record({ value: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 60 })), withheld: fc.boolean() }), { minLength: 1, maxLength: 12 })
    .map((rows) => rows.map((r) => ({ value: r.value, withheld: r.withheld && r.value !== 0 })));

  it('leaves no withheld non-zero figure that is the only unknown of its group (property)', () => {
    fc.assert(
      fc.property(group, fc.boolean(), (rows, totalWithheld) => {
        const cells = rows.map((r) => r.value);
        const { complement, after, totalAfter, unknowns } = unknownsAfter(cells, rows.map((r) => r.withheld), totalWithheld);
        const withheldNonZero = after.filter((w, i) => w && cells[i] !== 0).length;
        // The brief's property: 0 or at least 2 withheld non-zero cells, or the total withheld.
        expect(withheldNonZero === 0 || withheldNonZero >= 2 || totalAfter).toBe(true);
        // Stronger: never exactly one unknown, unless it is a total of 0 (which reveals nobody).
        if (unknowns === 1) expect(totalAfter && cells.every((c) => c === 0)).toBe(true);
        // Only shown non-zero cells are added, at most one, and the smallest of them.
        expect(complement.cells.length).toBeLessThanOrEqual(1);
        for (const i of complement.cells) {
          expect(rows[i]!.withheld || cells[i] === 0).toBe(false);
          expect(cells.every((c, j) => rows[j]!.withheld || c === 0 || c >= cells[i]!)).toBe(true);
        }
        // Applying it again adds nothing.
        expect(complementaryCells({ cells, withheld: after, totalWithheld: totalAfter })).toEqual({ cells: [], total: false });
      }),
    );
  });

  it('withholds nothing more when the primary cells are all small or none is (primary pattern of a real group)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 12 }), (cells) => {
        const total = cells.reduce((a, b) => a + b, 0);
        const { unknowns, totalAfter } = unknownsAfter(cells, cells.map(smallCell), smallCell(total));
        if (unknowns === 1) expect(totalAfter && total === 0).toBe(true);
        // The total itself is only added when the lone small cell is the whole (small) total, already withheld then.
        if (!smallCell(total)) expect(totalAfter).toBe(false);
      }),
    );
  });
});

describe('complementarySuppression', () => {
  it('follows shared figures to a fixed point: a complement that is a total withholds one of its cells', () => {
    // Region R (total 40) = sub-regions A (30) + B (7) + C (3); A = desil cells a1 (20) + a2 (10).
    const values: Record<string, number> = { R: 40, A: 30, B: 7, C: 3, a1: 20, a2: 10, b1: 7, c1: 3 };
    const relations: AdditiveRelation<string>[] = [
      { total: 'R', cells: ['A', 'B', 'C'] },
      { total: 'A', cells: ['a1', 'a2'] },
      { total: 'B', cells: ['b1'] },
      { total: 'C', cells: ['c1'] },
    ];
    const extra = complementarySuppression(relations, (id) => values[id]!, (id) => smallCell(values[id]!));
    // C (3) is small: B (7) joins it; B's only cell b1 then equals B: withheld too. Then nothing else.
    expect([...extra].sort()).toEqual(['B', 'b1']);
  });

  it('ends with no relation whose only unknown is non-zero (property)', () => {
    const tree = fc.array(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(tree, (children) => {
        const values = new Map<string, number>();
        const relations: AdditiveRelation<string>[] = [];
        children.forEach((cells, i) => {
          cells.forEach((v, j) => values.set(`c${i}.${j}`, v));
          values.set(`c${i}`, cells.reduce((a, b) => a + b, 0));
          relations.push({ total: `c${i}`, cells: cells.map((_, j) => `c${i}.${j}`) });
        });
        values.set('root', children.flat().reduce((a, b) => a + b, 0));
        relations.push({ total: 'root', cells: children.map((_, i) => `c${i}`) });
        const primary = (id: string) => smallCell(values.get(id)!);
        const extra = complementarySuppression(relations, (id) => values.get(id)!, primary, (id) => id);
        const withheld = (id: string) => extra.has(id) || primary(id);
        for (const { total, cells } of relations) {
          const unknown = [...cells, total].filter(withheld);
          if (unknown.length === 1) expect(values.get(unknown[0]!)).toBe(0);
        }
      }),
    );
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
