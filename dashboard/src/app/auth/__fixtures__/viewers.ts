import type { AccessRight, Role } from '../../../generated/graphql';
import type { Viewer } from '../access';

/** The rights of each role as server/src/domain/access.ts grants them (and `me` returns them). */
export const ROLE_RIGHTS: Readonly<Record<Role, AccessRight[]>> = {
  ADMIN: ['REFERENCE', 'AGGREGATES', 'SCENARIOS', 'PERSON_ROWS', 'UNSUPPRESSED_COUNTS', 'CLEAR_IDENTIFIERS', 'PROPOSALS_READ', 'PROPOSALS_WRITE', 'PUBLISH', 'USAGE_REPORT'],
  NATIONAL_ANALYST: ['REFERENCE', 'AGGREGATES', 'SCENARIOS', 'PERSON_ROWS', 'UNSUPPRESSED_COUNTS', 'PROPOSALS_READ'],
  POLICY_ANALYST: ['REFERENCE', 'AGGREGATES', 'SCENARIOS'],
  REGIONAL_HEAD: ['REFERENCE', 'AGGREGATES', 'PERSON_ROWS', 'PROPOSALS_READ'],
  OPERATOR: ['REFERENCE', 'PROPOSALS_READ', 'PROPOSALS_WRITE'],
};

/** The development users of `ensureDevUsers` (server/src/modules/auth/dev-users.ts), as `me` answers. */
export const VIEWERS: Readonly<Record<Role, Viewer>> = {
  ADMIN: { username: 'admin', displayName: 'Administrator', role: 'ADMIN', regionCode: null, rights: ROLE_RIGHTS.ADMIN, smallCellThreshold: null },
  NATIONAL_ANALYST: {
    username: 'analis.nasional',
    displayName: 'Analis Nasional (Bappenas)',
    role: 'NATIONAL_ANALYST',
    regionCode: null,
    rights: ROLE_RIGHTS.NATIONAL_ANALYST,
    smallCellThreshold: null,
  },
  POLICY_ANALYST: { username: 'analis.kebijakan', displayName: 'Analis Kebijakan', role: 'POLICY_ANALYST', regionCode: null, rights: ROLE_RIGHTS.POLICY_ANALYST, smallCellThreshold: 5 },
  REGIONAL_HEAD: { username: 'bupati.bogor', displayName: 'Bupati Bogor', role: 'REGIONAL_HEAD', regionCode: '32.01', rights: ROLE_RIGHTS.REGIONAL_HEAD, smallCellThreshold: 5 },
  OPERATOR: { username: 'operator.bogor', displayName: 'Operator Desa, Kab. Bogor', role: 'OPERATOR', regionCode: '32.01', rights: ROLE_RIGHTS.OPERATOR, smallCellThreshold: 5 },
};

/** A well-formed token per role (`dtsen_` + 43 characters). */
export const TOKENS: Readonly<Record<Role, string>> = {
  ADMIN: `dtsen_${'a'.repeat(43)}`,
  NATIONAL_ANALYST: `dtsen_${'n'.repeat(43)}`,
  POLICY_ANALYST: `dtsen_${'p'.repeat(43)}`,
  REGIONAL_HEAD: `dtsen_${'r'.repeat(43)}`,
  OPERATOR: `dtsen_${'o'.repeat(43)}`,
};
