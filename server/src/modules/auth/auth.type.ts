import 'reflect-metadata';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { RIGHTS, ROLES, type Principal } from '../../domain/access.js';

export enum Role {
  ADMIN = 'ADMIN',
  NATIONAL_ANALYST = 'NATIONAL_ANALYST',
  POLICY_ANALYST = 'POLICY_ANALYST',
  REGIONAL_HEAD = 'REGIONAL_HEAD',
  OPERATOR = 'OPERATOR',
}
registerEnumType(Role, {
  name: 'Role',
  description: 'What a user may see and do (server/src/domain/access.ts).',
  valuesConfig: {
    ADMIN: { description: 'Everything, clear identifiers included (each such read is logged); manages users.' },
    NATIONAL_ANALYST: { description: 'Every aggregate and person-level list nationwide, identifiers masked.' },
    POLICY_ANALYST: { description: 'Aggregates and scenarios only; no person-level rows.' },
    REGIONAL_HEAD: { description: 'One province or kabupaten/kota: aggregates and lists inside it, and its quota.' },
    OPERATOR: { description: 'Proposals (usulan, sanggah) inside one region.' },
  },
});

export enum AccessRight {
  REFERENCE = 'REFERENCE',
  AGGREGATES = 'AGGREGATES',
  SCENARIOS = 'SCENARIOS',
  PERSON_ROWS = 'PERSON_ROWS',
  UNSUPPRESSED_COUNTS = 'UNSUPPRESSED_COUNTS',
  CLEAR_IDENTIFIERS = 'CLEAR_IDENTIFIERS',
  PROPOSALS_READ = 'PROPOSALS_READ',
  PROPOSALS_WRITE = 'PROPOSALS_WRITE',
  PUBLISH = 'PUBLISH',
  USAGE_REPORT = 'USAGE_REPORT',
}
registerEnumType(AccessRight, {
  name: 'AccessRight',
  description: 'A right a role grants.',
  valuesConfig: {
    REFERENCE: { description: 'Versions, programs, exclusion criteria and the region tree.' },
    AGGREGATES: { description: 'Counts: desil distributions, targeting errors, quota status, trends, funnels.' },
    SCENARIOS: { description: 'Rule overrides run beside the baseline.' },
    PERSON_ROWS: { description: 'Person-level rows, identifiers masked.' },
    UNSUPPRESSED_COUNTS: { description: 'Counts from 1 to the small-cell threshold as they are; without it they are withheld (null, listed in `suppressed`).' },
    CLEAR_IDENTIFIERS: { description: 'NIK, KK and names in clear.' },
    PROPOSALS_READ: { description: 'Proposals and their history.' },
    PROPOSALS_WRITE: { description: 'Submitting proposals and moving them through the workflow.' },
    PUBLISH: { description: 'Publishing a DTSEN version.' },
    USAGE_REPORT: { description: 'The usage report over the audit log.' },
  },
});

// The GraphQL enums mirror the policy's lists; a mismatch is a programming error caught at start-up.
if (ROLES.join() !== Object.values(Role).join() || RIGHTS.join() !== Object.values(AccessRight).join()) {
  throw new Error('the GraphQL Role/AccessRight enums differ from domain/access.ts');
}

@ObjectType({ description: 'The signed-in user.' })
export class Viewer {
  @Field({ description: 'Sign-in name.' })
  username!: string;

  @Field({ description: 'Name to show.' })
  displayName!: string;

  @Field(() => Role, { description: 'What the user may see and do.' })
  role!: Role;

  @Field(() => String, { nullable: true, description: 'Province or kabupaten/kota the user is limited to; null = the nation.' })
  regionCode!: string | null;

  @Field(() => [AccessRight], { description: 'The rights of the role.' })
  rights!: AccessRight[];

  @Field(() => Int, {
    nullable: true,
    description:
      'Small-cell threshold applied to this user: in aggregate answers, counts from 1 to this minus 1 (and the rates, ' +
      'shares and differences computed from them) are withheld, null and named in the object\'s `suppressed` field. ' +
      'Null when nothing is withheld (the role holds UNSUPPRESSED_COUNTS, or suppression is off).',
  })
  smallCellThreshold!: number | null;
}

/** The viewer of a principal, given its rights and the small-cell threshold of its requests (0 = none). */
export function toViewer(principal: Principal, rights: readonly string[], smallCellThreshold: number): Viewer {
  return {
    username: principal.username,
    displayName: principal.displayName,
    role: principal.role as Role,
    regionCode: principal.regionCode,
    rights: rights as AccessRight[],
    smallCellThreshold: smallCellThreshold > 1 ? smallCellThreshold : null,
  };
}
