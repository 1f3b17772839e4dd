/**
 * Access policy as data (DTSEN's access procedure grants data by level): what each role may do, and whether a region
 * is inside a user's scope. Pure: the server's auth checker (`modules/auth`) applies it to every field.
 */

export const ROLES = ['ADMIN', 'NATIONAL_ANALYST', 'POLICY_ANALYST', 'REGIONAL_HEAD', 'OPERATOR'] as const;
export type RoleName = (typeof ROLES)[number];

/** The rights a field can require. */
export const RIGHTS = [
  /** Versions, programs, exclusion criteria, the region tree: what every signed-in user needs to navigate. */
  'REFERENCE',
  /** Counts: desil distributions, targeting errors, quota status, trends, funnels. */
  'AGGREGATES',
  /** Rule overrides run beside the baseline. */
  'SCENARIOS',
  /** Person-level rows (families, members, the families of a reallocation plan), identifiers masked. */
  'PERSON_ROWS',
  /**
   * Counts from 1 to the small-cell threshold shown as they are; without it they are withheld (`suppression.ts`).
   * Held by the roles that may see person-level rows nationally.
   */
  'UNSUPPRESSED_COUNTS',
  /** NIK, KK and names in clear (each such read is logged as clear). */
  'CLEAR_IDENTIFIERS',
  /** Proposals and their history. */
  'PROPOSALS_READ',
  /** Submitting proposals and moving them through the workflow. */
  'PROPOSALS_WRITE',
  /** Publishing a DTSEN version. */
  'PUBLISH',
  /** The usage report over the audit log. */
  'USAGE_REPORT',
] as const;
export type Right = (typeof RIGHTS)[number];

/** The rights of each role: the whole policy in one table. */
export const ROLE_RIGHTS: Readonly<Record<RoleName, readonly Right[]>> = {
  ADMIN: RIGHTS,
  NATIONAL_ANALYST: ['REFERENCE', 'AGGREGATES', 'SCENARIOS', 'PERSON_ROWS', 'UNSUPPRESSED_COUNTS', 'PROPOSALS_READ'],
  POLICY_ANALYST: ['REFERENCE', 'AGGREGATES', 'SCENARIOS'],
  REGIONAL_HEAD: ['REFERENCE', 'AGGREGATES', 'PERSON_ROWS', 'PROPOSALS_READ'],
  OPERATOR: ['REFERENCE', 'PROPOSALS_READ', 'PROPOSALS_WRITE'],
};

/** Roles limited to one region; the others see the nation. */
export const REGIONAL_ROLES: ReadonlySet<RoleName> = new Set(['REGIONAL_HEAD', 'OPERATOR']);

/** Who is asking: a signed-in user with a role and, for regional roles, a province or kabupaten/kota. */
export interface Principal {
  userId: number;
  username: string;
  displayName: string;
  role: RoleName;
  /** Province (`32`) or kabupaten/kota (`32.01`) the user is limited to; null = the nation. */
  regionCode: string | null;
}

export function hasRight(principal: Principal | null, right: Right): boolean {
  return principal !== null && ROLE_RIGHTS[principal.role].includes(right);
}

const NATION = 'ID';

/**
 * Whether a region is inside a scope: every region is inside the nation's scope (null); otherwise the region must be
 * the scope region or below it (`32.01.05` is inside `32.01` and `32`, not inside `32.02`; the nation is inside no
 * regional scope).
 */
export function regionInScope(scope: string | null, regionCode: string): boolean {
  if (scope === null) return true;
  if (regionCode === NATION) return false;
  return regionCode === scope || regionCode.startsWith(`${scope}.`);
}

/** A user's scope must be a province or kabupaten/kota for regional roles, and absent for national roles. */
export function scopeProblem(role: RoleName, regionCode: string | null): string | null {
  if (REGIONAL_ROLES.has(role)) {
    if (regionCode === null) return `${role} needs a province or kabupaten/kota (--region)`;
    if (!/^\d{2}(\.\d{2})?$/.test(regionCode)) return `${role} needs a province (32) or kabupaten/kota (32.01) code, got ${regionCode}`;
    return null;
  }
  return regionCode === null ? null : `${role} sees the nation and takes no region`;
}
