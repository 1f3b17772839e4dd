import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasRight, regionInScope, RIGHTS, ROLE_RIGHTS, ROLES, scopeProblem, type Principal } from './access.js';

const principal = (role: Principal['role'], regionCode: string | null = null): Principal => ({
  userId: 1,
  username: 'u',
  displayName: 'U',
  role,
  regionCode,
});

describe('role rights', () => {
  it('gives ADMIN every right and nobody else clear identifiers, publishing or the usage report', () => {
    expect(RIGHTS.every((right) => hasRight(principal('ADMIN'), right))).toBe(true);
    for (const role of ROLES.filter((r) => r !== 'ADMIN')) {
      for (const right of ['CLEAR_IDENTIFIERS', 'PUBLISH', 'USAGE_REPORT'] as const) expect(hasRight(principal(role), right)).toBe(false);
    }
  });

  it('keeps policy analysts to aggregates and scenarios, operators to proposals', () => {
    expect(ROLE_RIGHTS.POLICY_ANALYST).toEqual(['REFERENCE', 'AGGREGATES', 'SCENARIOS']);
    expect(hasRight(principal('POLICY_ANALYST'), 'PERSON_ROWS')).toBe(false);
    expect(hasRight(principal('OPERATOR', '32.01'), 'AGGREGATES')).toBe(false);
    expect(hasRight(principal('OPERATOR', '32.01'), 'PROPOSALS_WRITE')).toBe(true);
    expect(hasRight(principal('REGIONAL_HEAD', '32'), 'PERSON_ROWS')).toBe(true);
  });

  it('gives nothing to an unauthenticated caller', () => {
    expect(RIGHTS.some((right) => hasRight(null, right))).toBe(false);
  });
});

describe('regionInScope', () => {
  it('follows the code hierarchy', () => {
    expect(regionInScope(null, 'ID')).toBe(true);
    expect(regionInScope('32', '32')).toBe(true);
    expect(regionInScope('32', '32.01.05.2001')).toBe(true);
    expect(regionInScope('32.01', '32.01.05')).toBe(true);
    expect(regionInScope('32.01', '32.02')).toBe(false);
    expect(regionInScope('32.01', '32')).toBe(false);
    expect(regionInScope('3', '32')).toBe(false);
    expect(regionInScope('32', 'ID')).toBe(false);
  });

  it('is a prefix order: inside a kabupaten implies inside its province', () => {
    const code = fc.tuple(fc.integer({ min: 11, max: 99 }), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 99 }));
    fc.assert(
      fc.property(code, code, ([p, k, d], [p2, k2]) => {
        const pad = (n: number) => String(n).padStart(2, '0');
        const district = `${p}.${pad(k)}.${pad(d)}`;
        const regency = `${p2}.${pad(k2)}`;
        if (regionInScope(regency, district)) expect(regionInScope(String(p2), district)).toBe(true);
        expect(regionInScope(`${p}.${pad(k)}`, district)).toBe(true);
      }),
    );
  });
});

describe('scopeProblem', () => {
  it('requires a province or kabupaten for regional roles and none for national ones', () => {
    expect(scopeProblem('REGIONAL_HEAD', '32.01')).toBeNull();
    expect(scopeProblem('OPERATOR', '32')).toBeNull();
    expect(scopeProblem('REGIONAL_HEAD', null)).toMatch(/needs a province/);
    expect(scopeProblem('OPERATOR', '32.01.05')).toMatch(/needs a province/);
    expect(scopeProblem('NATIONAL_ANALYST', '32')).toMatch(/takes no region/);
    expect(scopeProblem('ADMIN', null)).toBeNull();
  });
});
