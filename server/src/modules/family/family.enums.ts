import { registerEnumType } from 'type-graphql';
import { EXCLUSION_CRITERIA, type ExclusionCriterionCode as ExclusionCriterionCodeValue } from '../../domain/exclusion-criteria.js';
import {
  CookingFuel,
  Education,
  EnrollmentEndReason,
  EnrollmentStartReason,
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
} from '../../generated/prisma/sqlite/enums.js';

// GraphQL enums of the family registry, mirroring the Prisma enums (same names, values and descriptions).

export {
  CookingFuel,
  Education,
  EnrollmentEndReason,
  EnrollmentStartReason,
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
};

registerEnumType(FamilySource, {
  name: 'FamilySource',
  description: "Where a family's registry record came from.",
  valuesConfig: {
    REGSOSEK: { description: 'Regsosek 2022 registration.' },
    DTKS: { description: 'DTKS (Ministry of Social Affairs) legacy registry.' },
    P3KE: { description: 'P3KE extreme-poverty targeting data.' },
    PROPOSAL: { description: 'Added later through a proposal (usulan) or a newly formed family.' },
    NON_DTSEN: { description: 'Known to a program (e.g. PBI-JKN via Dukcapil) but NOT registered in DTSEN: no welfare rank, no desil.' },
  },
});

registerEnumType(GroundCheckStatus, {
  name: 'GroundCheckStatus',
  description: 'Outcome of the field ground check (SIKS-MA) for a family.',
  valuesConfig: {
    NOT_CHECKED: { description: 'Not ground-checked yet.' },
    CONFIRMED: { description: 'Checked: data confirmed, eligible for its desil.' },
    INELIGIBLE: { description: 'Checked: found ineligible (well-off or an exclusion criterion).' },
    ADDRESS_NOT_FOUND: { description: 'Checked: address not found.' },
  },
});

registerEnumType(WallType, {
  name: 'WallType',
  description: 'Wall material of the house.',
  valuesConfig: {
    MASONRY: { description: 'Masonry / brick / concrete.' },
    PLASTERED_BAMBOO: { description: 'Plastered bamboo or wire mesh.' },
    WOOD: { description: 'Wood or boards.' },
    BAMBOO: { description: 'Woven bamboo or other light material.' },
    OTHER: { description: 'Other, poor material.' },
  },
});

registerEnumType(FloorType, {
  name: 'FloorType',
  description: 'Floor material of the house.',
  valuesConfig: {
    CERAMIC: { description: 'Ceramic, granite, marble or parquet.' },
    CEMENT: { description: 'Cement or bricks.' },
    WOOD: { description: 'Wood or boards.' },
    BAMBOO: { description: 'Bamboo.' },
    EARTH: { description: 'Bare earth.' },
  },
});

registerEnumType(RoofType, {
  name: 'RoofType',
  description: 'Roof material of the house.',
  valuesConfig: {
    CONCRETE: { description: 'Concrete.' },
    TILE: { description: 'Clay or ceramic tiles.' },
    ZINC: { description: 'Metal or zinc sheets.' },
    ASBESTOS: { description: 'Asbestos sheets.' },
    THATCH: { description: 'Thatch, palm leaves or similar.' },
  },
});

registerEnumType(WaterSource, {
  name: 'WaterSource',
  description: 'Main source of drinking water.',
  valuesConfig: {
    BOTTLED: { description: 'Bottled or refill water.' },
    PIPED: { description: 'Piped water (PDAM).' },
    PROTECTED_WELL: { description: 'Protected well or pump.' },
    UNPROTECTED: { description: 'Unprotected well or spring.' },
    SURFACE: { description: 'River, lake or rain water.' },
  },
});

registerEnumType(Sanitation, {
  name: 'Sanitation',
  description: 'Sanitation facility.',
  valuesConfig: {
    PRIVATE_SEPTIC: { description: 'Private toilet with septic tank.' },
    PRIVATE_NO_SEPTIC: { description: 'Private toilet without septic tank.' },
    SHARED: { description: 'Shared or public toilet.' },
    NONE: { description: 'No facility (open defecation).' },
  },
});

registerEnumType(CookingFuel, {
  name: 'CookingFuel',
  description: 'Main cooking fuel.',
  valuesConfig: {
    ELECTRIC_GAS: { description: 'Electricity or natural gas.' },
    LPG_LARGE: { description: 'LPG 5.5 kg or larger.' },
    LPG_3KG: { description: 'Subsidised LPG 3 kg.' },
    KEROSENE: { description: 'Kerosene.' },
    WOOD: { description: 'Firewood or charcoal.' },
  },
});

registerEnumType(HouseOwnership, {
  name: 'HouseOwnership',
  description: 'Ownership of the house the family lives in.',
  valuesConfig: {
    OWNED: { description: 'Owned.' },
    RENTED: { description: 'Rented or contracted.' },
    RENT_FREE: { description: 'Rent-free (family, employer).' },
    OTHER: { description: 'Other arrangement.' },
  },
});

registerEnumType(Relationship, {
  name: 'Relationship',
  description: 'Relationship of an individual to the head of the family card.',
  valuesConfig: {
    HEAD: { description: 'Head of the family (kepala keluarga).' },
    SPOUSE: { description: 'Husband or wife of the head.' },
    CHILD: { description: 'Child.' },
    CHILD_IN_LAW: { description: 'Child-in-law.' },
    GRANDCHILD: { description: 'Grandchild.' },
    PARENT: { description: 'Parent or parent-in-law.' },
    OTHER: { description: 'Other relative or member.' },
  },
});

registerEnumType(Sex, {
  name: 'Sex',
  description: 'Sex as recorded by Dukcapil.',
  valuesConfig: {
    MALE: { description: 'Male.' },
    FEMALE: { description: 'Female.' },
  },
});

registerEnumType(Education, {
  name: 'Education',
  description: 'Highest education completed.',
  valuesConfig: {
    NONE: { description: 'No schooling or not completed primary.' },
    PRIMARY: { description: 'Primary school (SD).' },
    JUNIOR_SECONDARY: { description: 'Junior secondary (SMP).' },
    SENIOR_SECONDARY: { description: 'Senior secondary (SMA/SMK).' },
    TERTIARY: { description: 'Diploma or higher.' },
  },
});

registerEnumType(WorkStatus, {
  name: 'WorkStatus',
  description: 'Work status in the reference week.',
  valuesConfig: {
    WORKING: { description: 'Working.' },
    UNEMPLOYED: { description: 'Unemployed, looking for work.' },
    STUDENT: { description: 'In school.' },
    HOUSEKEEPING: { description: 'Housekeeping.' },
    NOT_IN_LABOUR_FORCE: { description: 'Not in the labour force (child, elderly, other).' },
  },
});

registerEnumType(EnrollmentStartReason, {
  name: 'EnrollmentStartReason',
  description: 'Why a program membership started.',
  valuesConfig: {
    INITIAL: { description: 'Carried over from the legacy (DTKS) beneficiary list at the first version.' },
    QUOTA_FILL: { description: 'Added to fill quota from DTSEN.' },
    PROPOSAL: { description: 'Added after an approved proposal (usulan).' },
    REACTIVATION: { description: 'PBI-JKN reactivation for urgent care.' },
  },
});

registerEnumType(EnrollmentEndReason, {
  name: 'EnrollmentEndReason',
  description: 'Why a program membership ended.',
  valuesConfig: {
    GRADUATED: { description: "Welfare improved: desil above the program's range after ground check." },
    DECEASED: { description: 'The beneficiary died.' },
    NEGATIVE_LIST: { description: 'Found on the negative list (online gambling, PPATK).' },
    EXCLUSION_CRITERION: { description: 'Another exclusion criterion was found.' },
    RERANKED: { description: 'Re-ranked out of range at a new version.' },
    OUTSIDE_DTSEN: { description: 'Not found in DTSEN at matching.' },
    MAX_DURATION: { description: "Reached the program's maximum duration (PKH 5 years)." },
    MOVED: { description: 'Moved or left the family card.' },
  },
});

/**
 * The exclusion criteria ("tidak layak", Kepmensos 73/2024 and 79/2025 as amended by 190/2025) as a GraphQL enum,
 * built from the criteria data (`domain/exclusion-criteria.ts`), so that a criterion added there is a value here.
 */
export const ExclusionCriterionCode = Object.fromEntries(EXCLUSION_CRITERIA.map((c) => [c.code, c.code])) as {
  readonly [K in ExclusionCriterionCodeValue]: K;
};
export type ExclusionCriterionCode = ExclusionCriterionCodeValue;

registerEnumType(ExclusionCriterionCode, {
  name: 'ExclusionCriterionCode',
  description: 'An exclusion criterion ("tidak layak", Kepmensos 73/2024 and 79/2025 as amended by 190/2025).',
  valuesConfig: Object.fromEntries(
    EXCLUSION_CRITERIA.map((c) => [
      c.code,
      { description: `${c.nameEn} (${c.nameId})${c.excludesFamily ? '; excludes the whole family' : ''}.` },
    ]),
  ),
});
