import 'reflect-metadata';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { ProgramCode } from '../program/program.enums.js';
import { TargetingClass } from '../targeting/targeting.enums.js';
import { ExclusionCriterionCode, FamilySource, GroundCheckStatus } from './family.enums.js';
import { FAMILIES_DEFAULT_FIRST, FAMILIES_MAX_PAGE } from './family.logic.js';

@ArgsType()
export class FamilyArgs {
  @Field(() => Int, { description: 'Surrogate key of the family.' })
  id!: number;

  @Field(() => Int, { nullable: true, description: 'Version id; defaults to the latest published version.' })
  versionId?: number | null;
}

@InputType('FamilyFilter', { description: 'Which families of the version `families` returns; every given condition must hold.' })
export class FamilyFilter {
  @Field(() => ID, {
    nullable: true,
    description: "Region at any level (\"ID\" = the nation): the village of the family's state at the version lies in it.",
  })
  regionCode?: string | null;

  @Field(() => [Int], { nullable: true, description: 'Desils (1-10) the family is in at the version; not with desilMin/desilMax.' })
  desil?: number[] | null;

  @Field(() => Int, { nullable: true, description: 'Lowest desil (1-10, inclusive); default 1.' })
  desilMin?: number | null;

  @Field(() => Int, { nullable: true, description: 'Highest desil (1-10, inclusive); default 10.' })
  desilMax?: number | null;

  @Field(() => ProgramCode, {
    nullable: true,
    description:
      'Alone: the family receives the program at the version (a membership of the family or one of its people is active). ' +
      'With targetingClass: the program whose targeting class is filtered on.',
  })
  programCode?: ProgramCode | null;

  @Field(() => TargetingClass, {
    nullable: true,
    description:
      'Targeting class for `programCode` (required with it) at the version. Family programs (PKH, Sembako): the ' +
      'family is in the class. Individual programs (PBI-JKN, ATENSI, PIP): ANY unit of the family is in the class, ' +
      'a unit being a current member in the target group or a recipient. With a targeting class, programCode does ' +
      'not also require the family to receive the program (EXCLUSION_ERROR and NOT_ELIGIBLE units do not).',
  })
  targetingClass?: TargetingClass | null;

  @Field(() => ExclusionCriterionCode, {
    nullable: true,
    description: 'A flag of this criterion is in force at the version on a current member of the family.',
  })
  exclusionCriterion?: ExclusionCriterionCode | null;

  @Field(() => GroundCheckStatus, { nullable: true, description: "Ground-check status of the family's state at the version." })
  groundCheckStatus?: GroundCheckStatus | null;

  @Field(() => FamilySource, { nullable: true, description: "Source registry of the family's record." })
  source?: FamilySource | null;
}

@ArgsType()
export class FamiliesArgs {
  @Field(() => Int, { nullable: true, description: 'Version id; defaults to the latest published version.' })
  versionId?: number | null;

  @Field(() => FamilyFilter, { nullable: true, description: 'Conditions on the families; none = every family in DTSEN at the version.' })
  filter?: FamilyFilter | null;

  @Field(() => Int, {
    nullable: true,
    defaultValue: FAMILIES_DEFAULT_FIRST,
    description: `Page size (1-${FAMILIES_MAX_PAGE}) when paging forwards; ignored when \`last\` is given.`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor: only families after this one (by id).' })
  after?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: `Page size (1-${FAMILIES_MAX_PAGE}) when paging backwards: the last \`last\` families (before \`before\` if given).`,
  })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor: only families before this one (by id).' })
  before?: string | null;
}

@ArgsType()
export class FamilyMembersArgs {
  @Field(() => Boolean, {
    defaultValue: false,
    description: 'False (default): the members on the card in the version; true: everyone ever on the card, in any version.',
  })
  all!: boolean;
}
