import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXCLUSION_CRITERIA } from './exclusion-criteria.js';
import { PROGRAMS } from './programs.js';
import { INCLUSION_CAUSE_ORDER, PROGRAM_TARGET_GROUP, inTargetGroup, inclusionCauseRank } from './targeting-rules.js';

describe('PROGRAM_TARGET_GROUP', () => {
  it('gives ATENSI the elderly or disabled, PIP school age, and everyone else everyone', () => {
    expect(PROGRAM_TARGET_GROUP).toEqual({
      PKH: 'EVERYONE', SEMBAKO: 'EVERYONE', PBI_JKN: 'EVERYONE', ATENSI: 'ELDERLY_OR_DISABLED', PIP: 'SCHOOL_AGE',
    });
    expect(Object.keys(PROGRAM_TARGET_GROUP).sort()).toEqual(PROGRAMS.map((p) => p.code).sort());
  });
});

describe('inTargetGroup', () => {
  it.each([
    ['ELDERLY_OR_DISABLED', 59, false, false],
    ['ELDERLY_OR_DISABLED', 60, false, true],
    ['ELDERLY_OR_DISABLED', 30, true, true],
    ['SCHOOL_AGE', 5, false, false],
    ['SCHOOL_AGE', 6, false, true],
    ['SCHOOL_AGE', 21, true, true],
    ['SCHOOL_AGE', 22, false, false],
    ['EVERYONE', 0, false, true],
  ] as const)('%s at age %i (disabled %s) -> %s', (group, age, disability, expected) => {
    expect(inTargetGroup(group, { age, disability })).toBe(expected);
  });

  it('EVERYONE holds for anyone; disability only matters for the elderly-or-disabled group', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 }), fc.boolean(), (age, disability) => {
        expect(inTargetGroup('EVERYONE', { age, disability })).toBe(true);
        expect(inTargetGroup('SCHOOL_AGE', { age, disability })).toBe(inTargetGroup('SCHOOL_AGE', { age, disability: !disability }));
        if (disability) expect(inTargetGroup('ELDERLY_OR_DISABLED', { age, disability })).toBe(true);
      }),
    );
  });
});

describe('INCLUSION_CAUSE_ORDER', () => {
  it('is outside DTSEN, the criteria in sort order, not in target group, desil above range', () => {
    expect(INCLUSION_CAUSE_ORDER[0]).toBe('OUTSIDE_DTSEN');
    expect(INCLUSION_CAUSE_ORDER.slice(1, -2)).toEqual(EXCLUSION_CRITERIA.map((c) => c.code));
    expect(INCLUSION_CAUSE_ORDER.slice(-2)).toEqual(['NOT_IN_TARGET_GROUP', 'DESIL_ABOVE_RANGE']);
    expect(new Set(INCLUSION_CAUSE_ORDER).size).toBe(EXCLUSION_CRITERIA.length + 3);
  });

  it('ranks causes by their position', () => {
    expect(inclusionCauseRank('OUTSIDE_DTSEN')).toBe(0);
    expect(inclusionCauseRank('DECEASED')).toBeLessThan(inclusionCauseRank('NEGATIVE_LIST_GAMBLING'));
    expect(inclusionCauseRank('DESIL_ABOVE_RANGE')).toBe(INCLUSION_CAUSE_ORDER.length - 1);
  });
});
