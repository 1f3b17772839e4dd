import 'reflect-metadata';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { TargetingFacts } from '../../domain/classification.js';
import { PageInfo } from '../../graphql/relay.js';
import { ProgramCode } from '../program/program.enums.js';
import { Program, ProgramUnit, type ProgramView } from '../program/program.type.js';
import { InclusionCause, TargetingClass } from '../targeting/targeting.enums.js';
import type { FamilyQuery } from './family.sql.js';
import {
  CookingFuel,
  Education,
  EnrollmentEndReason,
  EnrollmentStartReason,
  ExclusionCriterionCode,
  FamilySource,
  FloorType,
  GroundCheckStatus,
  HouseOwnership,
  Relationship,
  RoofType,
  Sanitation,
  Sex,
  WallType,
  WaterSource,
  WorkStatus,
} from './family.enums.js';

/**
 * A family as the service hands it to the API: the KK number is already masked, and the view remembers the
 * version it was asked for so that `state`, `members` and `region` answer for that version.
 */
export interface FamilyView {
  id: number;
  kkMasked: string;
  source: FamilySource;
  /** Village of the family's Dukcapil domicile (used when it has no state in the version). */
  dukcapilVillageCode: string;
  /** Version the family was requested in. */
  versionId: number;
}

/** The welfare state of a family in force in a version. */
export interface FamilyStateView {
  familyId: number;
  validFromVersionId: number;
  validToVersionId: number | null;
  villageCode: string;
  memberCount: number;
  incomeMonthly: number;
  wallType: WallType;
  floorType: FloorType;
  roofType: RoofType;
  floorAreaM2: number;
  electricityVa: number;
  waterSource: WaterSource;
  sanitation: Sanitation;
  cookingFuel: CookingFuel;
  houseOwnership: HouseOwnership;
  landM2: number;
  motorcycles: number;
  cars: number;
  goldGrams: number;
  savingsRp: number;
  loansRp: number;
  pmtScore: number;
  nationalRank: number;
  desil: number;
  groundCheckStatus: GroundCheckStatus;
}

/** A member of a family as the service hands it to the API: NIK and name already masked. */
export interface IndividualView {
  id: number;
  nikMasked: string;
  nameMasked: string;
  relationship: Relationship;
  sex: Sex;
  birthYear: number;
  education: Education;
  workStatus: WorkStatus;
  disability: boolean;
  chronicIllness: boolean;
  deceased: boolean;
  fromVersionId: number;
  toVersionId: number | null;
}

@ObjectType('Family', { description: 'A family, identified by its family-card number (KK), as it stands in one version.' })
export class Family {
  @Field(() => Int, { description: 'Surrogate key of the family.' })
  id!: number;

  @Field(() => String, { description: 'Family-card number (KK), masked: first 4 and last 4 digits, e.g. "3201********0003".' })
  kkMasked!: string;

  @Field(() => FamilySource, { description: 'Source registry of the record; NON_DTSEN families have no welfare state.' })
  source!: FamilySource;
}

@ObjectType('FamilyState', {
  description:
    'The DTSEN record of a family in force in a version: welfare inputs, PMT score, national rank, desil and ' +
    'ground-check status. In force for versions validFromVersionId <= v < validToVersionId.',
})
export class FamilyState implements Omit<FamilyStateView, 'familyId' | 'villageCode'> {
  @Field(() => Int, { description: 'First version in which this state is in force.' })
  validFromVersionId!: number;

  @Field(() => Int, { nullable: true, description: 'First version in which it is no longer in force; null = still in force.' })
  validToVersionId!: number | null;

  @Field(() => Int, { description: 'Welfare decile 1-10 (1 = poorest 10 % of individuals nationally).' })
  desil!: number;

  @Field(() => Float, { description: 'Proxy-means-test score: predicted log per-capita consumption (higher = better off).' })
  pmtScore!: number;

  @Field(() => Int, { description: 'National welfare rank (1 = poorest family) in the version this state became valid.' })
  nationalRank!: number;

  @Field(() => Int, { description: 'Number of living members on the family card.' })
  memberCount!: number;

  @Field(() => Int, { description: 'Total monthly income of all family members, rupiah.' })
  incomeMonthly!: number;

  @Field(() => Int, { description: 'Installed electricity capacity in volt-ampere (0 = no PLN connection).' })
  electricityVa!: number;

  @Field(() => GroundCheckStatus, { description: 'Ground-check (SIKS-MA) status.' })
  groundCheckStatus!: GroundCheckStatus;

  @Field(() => WallType, { description: 'Wall material of the house.' })
  wallType!: WallType;

  @Field(() => FloorType, { description: 'Floor material of the house.' })
  floorType!: FloorType;

  @Field(() => RoofType, { description: 'Roof material of the house.' })
  roofType!: RoofType;

  @Field(() => Int, { description: 'Floor area of the house, square metres.' })
  floorAreaM2!: number;

  @Field(() => WaterSource, { description: 'Main drinking-water source.' })
  waterSource!: WaterSource;

  @Field(() => Sanitation, { description: 'Sanitation facility.' })
  sanitation!: Sanitation;

  @Field(() => CookingFuel, { description: 'Main cooking fuel.' })
  cookingFuel!: CookingFuel;

  @Field(() => HouseOwnership, { description: 'Ownership of the house.' })
  houseOwnership!: HouseOwnership;

  @Field(() => Int, { description: 'Certified land owned besides the house plot, square metres.' })
  landM2!: number;

  @Field(() => Int, { description: 'Motorcycles owned with a BPKB (ownership book).' })
  motorcycles!: number;

  @Field(() => Int, { description: 'Cars owned with a BPKB.' })
  cars!: number;

  @Field(() => Int, { description: 'Gold and jewellery, grams.' })
  goldGrams!: number;

  @Field(() => Float, { description: 'Bank savings, whole rupiah (a Float: amounts exceed the 32 bits of Int).' })
  savingsRp!: number;

  @Field(() => Float, { description: 'Outstanding bank loans, whole rupiah (a Float: amounts exceed the 32 bits of Int).' })
  loansRp!: number;
}

@ObjectType('Individual', { description: 'A person on a family card in a version; personal data is masked.' })
export class Individual implements IndividualView {
  @Field(() => Int, { description: 'Surrogate key of the person.' })
  id!: number;

  @Field(() => String, { description: 'National identity number (NIK), masked: first 4 and last 4 digits.' })
  nikMasked!: string;

  @Field(() => String, { description: 'Full name, masked to the first letter of each word, e.g. "B**** S*****".' })
  nameMasked!: string;

  @Field(() => Relationship, { description: 'Relationship to the head of the family.' })
  relationship!: Relationship;

  @Field(() => Sex, { description: 'Sex as recorded by Dukcapil.' })
  sex!: Sex;

  @Field(() => Int, { description: 'Year of birth.' })
  birthYear!: number;

  @Field(() => Education, { description: 'Highest education completed.' })
  education!: Education;

  @Field(() => WorkStatus, { description: 'Work status in the reference week.' })
  workStatus!: WorkStatus;

  @Field(() => Boolean, { description: 'Has a disability.' })
  disability!: boolean;

  @Field(() => Boolean, { description: 'Has a chronic illness.' })
  chronicIllness!: boolean;

  @Field(() => Boolean, { description: 'Deceased (as of the latest version).' })
  deceased!: boolean;

  @Field(() => Int, { description: 'First version in which the person is on the family card (birth or move in).' })
  fromVersionId!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'First version in which the person is no longer on the card (death or move out); null = still a member.',
  })
  toVersionId!: number | null;
}

@ObjectType('FamilyEdge', { description: 'A family in a page of `families`, with its cursor.' })
export class FamilyEdge {
  @Field(() => String, { description: 'Opaque cursor of this family: pass it as `after` or `before` to page from here.' })
  cursor!: string;

  @Field(() => Family, { description: 'The family, as of the version of the query.' })
  node!: FamilyView;
}

/** A page of `families` as the service hands it to the API; `query` is kept to count the whole result on demand. */
export interface FamilyConnectionView {
  edges: { cursor: string; node: FamilyView }[];
  pageInfo: PageInfo;
  query: FamilyQuery;
  /** True when the version is published (its `desil_rollup` rows exist). */
  versionPublished: boolean;
}

@ObjectType('FamilyConnection', {
  description: 'A page of the families in DTSEN at a version (a family state in force), ordered by family id (Relay connection).',
})
export class FamilyConnection {
  @Field(() => [FamilyEdge], { description: 'The families of this page, ordered by id.' })
  edges!: FamilyEdge[];

  @Field(() => PageInfo, { description: 'Where this page lies in the whole result.' })
  pageInfo!: PageInfo;
}

/** A program membership as the service hands it to the API. */
export interface EnrollmentView {
  id: number;
  familyId: number;
  individualId: number | null;
  program: ProgramView;
  regencyCode: string;
  startVersionId: number;
  endVersionId: number | null;
  startReason: EnrollmentStartReason;
  endReason: EnrollmentEndReason | null;
  memberSinceYear: number;
  /** Active in the version the family was requested in. */
  activeAtVersion: boolean;
}

@ObjectType('Enrollment', {
  description:
    'Membership of a family (family programs) or of one of its people (individual programs) in a program, ' +
    'active for versions startVersionId <= v < endVersionId.',
})
export class Enrollment {
  @Field(() => Int, { description: 'Surrogate key of the membership.' })
  id!: number;

  @Field(() => Program, { description: 'The program.' })
  program!: ProgramView;

  @Field(() => Int, { nullable: true, description: 'The person for individual programs (PBI-JKN, ATENSI, PIP); null for family programs.' })
  individualId!: number | null;

  @Field(() => String, { description: 'Kabupaten/kota that carries the membership in its quota.' })
  regencyCode!: string;

  @Field(() => Int, { description: 'First version in which the membership is active.' })
  startVersionId!: number;

  @Field(() => Int, { nullable: true, description: 'First version in which it is no longer active; null = still active.' })
  endVersionId!: number | null;

  @Field(() => EnrollmentStartReason, { description: 'Why the membership started.' })
  startReason!: EnrollmentStartReason;

  @Field(() => EnrollmentEndReason, { nullable: true, description: 'Why it ended; null while active.' })
  endReason!: EnrollmentEndReason | null;

  @Field(() => Int, { description: "Year the beneficiary first joined the program (for PKH's 5-year limit)." })
  memberSinceYear!: number;

  @Field(() => Boolean, { description: 'True when the membership is active in the version the family was requested in.' })
  activeAtVersion!: boolean;
}

/** An exclusion flag of one of the family's people as the service hands it to the API. */
export interface ExclusionFlagView {
  id: number;
  individualId: number;
  criterionCode: ExclusionCriterionCode;
  criterionName: string;
  excludesFamily: boolean;
  sortOrder: number;
  observedVersionId: number;
  clearedVersionId: number | null;
  /** In force in the version the family was requested in (absent on the loader's version-independent rows). */
  inForceAtVersion?: boolean;
}

@ObjectType('ExclusionFlag', {
  description:
    'An exclusion criterion ("tidak layak") observed for a person of the family, in force for versions ' +
    'observedVersionId <= v < clearedVersionId.',
})
export class ExclusionFlag {
  @Field(() => Int, { description: 'Surrogate key of the flag.' })
  id!: number;

  @Field(() => Int, { description: 'The person the criterion was observed for (see `members(all: true)`).' })
  individualId!: number;

  @Field(() => ExclusionCriterionCode, { description: 'The criterion.' })
  criterionCode!: ExclusionCriterionCode;

  @Field(() => String, { description: 'English name of the criterion.' })
  criterionName!: string;

  @Field(() => Boolean, {
    description:
      'True when the criterion excludes the whole family (held by a current member), false when it excludes only the person.',
  })
  excludesFamily!: boolean;

  @Field(() => Int, { description: 'Version in which the criterion was first observed.' })
  observedVersionId!: number;

  @Field(() => Int, { nullable: true, description: 'Version from which it no longer holds; null = still holds.' })
  clearedVersionId!: number | null;

  @Field(() => Boolean, { description: 'True when the flag is in force in the version the family was requested in.' })
  inForceAtVersion!: boolean;
}

/** One program unit of a family, classified (family.logic.ts `familyTargeting`). */
export interface FamilyTargetingUnitView extends Omit<TargetingFacts, 'criterion'> {
  individualId: number | null;
  targetingClass: TargetingClass;
  cause: InclusionCause | null;
  criterion: ExclusionCriterionCode | null;
}

@ObjectType('FamilyTargetingUnit', {
  description: 'One program unit of the family (the family, or one of its people for individual programs) and its targeting class.',
})
export class FamilyTargetingUnit {
  @Field(() => Int, { nullable: true, description: 'The person for individual programs; null when the unit is the family.' })
  individualId!: number | null;

  @Field(() => TargetingClass, { description: 'Targeting class of the unit at the version (domain `classify`).' })
  targetingClass!: TargetingClass;

  @Field(() => InclusionCause, { nullable: true, description: 'First cause of an inclusion error; null for every other class.' })
  cause!: InclusionCause | null;

  @Field(() => Int, { description: "Desil of the family's state at the version; 0 = outside DTSEN." })
  desil!: number;

  @Field(() => Boolean, { description: 'True when the unit receives the program at the version.' })
  recipient!: boolean;

  @Field(() => ExclusionCriterionCode, {
    nullable: true,
    description: "First exclusion criterion in force: the person's own or a family-excluding one held by a current member.",
  })
  criterion!: ExclusionCriterionCode | null;

  @Field(() => Boolean, { description: 'True when the family has been ground-checked (status other than NOT_CHECKED).' })
  groundChecked!: boolean;

  @Field(() => Boolean, { description: "True when the unit is in the program's target group (ATENSI: 60+ or disabled; PIP: 6-21)." })
  inTargetGroup!: boolean;
}

/** The targeting of a family for one program (family.logic.ts `ProgramTargeting`). */
export interface FamilyProgramTargetingView {
  programCode: ProgramCode;
  unit: ProgramUnit;
  units: FamilyTargetingUnitView[];
  classes: TargetingClass[];
}

@ObjectType('FamilyProgramTargeting', {
  description:
    "A family's targeting for one program at the version: its units (the family for PKH and Sembako; for PBI-JKN, " +
    'ATENSI and PIP each current member in the target group and each recipient), each classified.',
})
export class FamilyProgramTargeting {
  @Field(() => ProgramCode, { description: 'The program.' })
  programCode!: ProgramCode;

  @Field(() => ProgramUnit, { description: 'Unit of the program: the family or the individual.' })
  unit!: ProgramUnit;

  @Field(() => [TargetingClass], {
    description:
      'The distinct classes of the units (what the `families` filter `targetingClass` matches: any unit in the class); ' +
      'empty when the program does not concern the family.',
  })
  classes!: TargetingClass[];

  @Field(() => [FamilyTargetingUnit], { description: 'The units, ordered by person id.' })
  units!: FamilyTargetingUnit[];
}
