import 'reflect-metadata';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import {
  CookingFuel,
  Education,
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

  @Field(() => Int, { description: 'Bank savings, rupiah.' })
  savingsRp!: number;

  @Field(() => Int, { description: 'Outstanding bank loans, rupiah.' })
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
}
