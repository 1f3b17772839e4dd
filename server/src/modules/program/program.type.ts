import 'reflect-metadata';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ProgramUnit } from '../../generated/prisma/sqlite/enums.js';
import { ExclusionCriterionCode } from '../family/family.enums.js';

export { ProgramUnit };

registerEnumType(ProgramUnit, {
  name: 'ProgramUnit',
  description: 'Unit a program benefits.',
  valuesConfig: {
    FAMILY: { description: 'The family (KPM, keluarga penerima manfaat).' },
    INDIVIDUAL: { description: 'The individual (jiwa).' },
  },
});

/** A program as the service hands it to the API. */
export interface ProgramView {
  code: string;
  name: string;
  unit: ProgramUnit;
  desilMin: number;
  desilMax: number;
  nationalQuota: number | null;
  maxYears: number | null;
  admitsOutsideDtsen: boolean;
  legalBasis: string;
}

@ObjectType('Program', {
  description: 'A social-assistance program and its targeting rule, as data (Kepmensos 79/HUK/2025, diktum keempat).',
})
export class Program implements ProgramView {
  @Field(() => ID, { description: 'Stable code: PKH, SEMBAKO, PBI_JKN, ATENSI, PIP.' })
  code!: string;

  @Field(() => String, { description: 'Full name of the program.' })
  name!: string;

  @Field(() => ProgramUnit, { description: 'Whether families or individuals are the unit of benefit and quota.' })
  unit!: ProgramUnit;

  @Field(() => Int, { description: 'Lowest eligible desil (inclusive).' })
  desilMin!: number;

  @Field(() => Int, { description: 'Highest eligible desil (inclusive).' })
  desilMax!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'National quota in units (families or individuals); null when set by assessment.',
  })
  nationalQuota!: number | null;

  @Field(() => Int, { nullable: true, description: 'Maximum years of membership; null = unlimited.' })
  maxYears!: number | null;

  @Field(() => Boolean, { description: 'May admit beneficiaries outside DTSEN after an assessment (ATENSI, PKH).' })
  admitsOutsideDtsen!: boolean;

  @Field(() => String, { description: 'Legal basis of the rule, e.g. "Kepmensos 79/HUK/2025".' })
  legalBasis!: string;
}

/** An exclusion criterion as the service hands it to the API. */
export interface ExclusionCriterionView {
  code: ExclusionCriterionCode;
  nameId: string;
  nameEn: string;
  excludesFamily: boolean;
  detectedBy: string;
}

@ObjectType('ExclusionCriterion', {
  description:
    'An exclusion criterion ("tidak layak", Kepmensos 73/2024 and 79/2025 as amended by 190/2025): a person holding it is ' +
    'not eligible for any program, and when it excludes the family, neither is anyone of the family.',
})
export class ExclusionCriterion implements ExclusionCriterionView {
  @Field(() => ExclusionCriterionCode, { description: 'Stable code, e.g. ASN_TNI_POLRI.' })
  code!: ExclusionCriterionCode;

  @Field(() => String, { description: 'Indonesian name, as in the decree.' })
  nameId!: string;

  @Field(() => String, { description: 'English name.' })
  nameEn!: string;

  @Field(() => Boolean, { description: "True when the criterion excludes the whole family of the person (e.g. a civil servant's household)." })
  excludesFamily!: boolean;

  @Field(() => String, { description: 'Administrative source the criterion is usually detected from (BKN, Dukcapil, PPATK ...).' })
  detectedBy!: string;
}
