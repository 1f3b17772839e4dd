import 'reflect-metadata';
import { registerEnumType } from 'type-graphql';
import { EXCLUSION_CRITERIA } from '../../domain/exclusion-criteria.js';
import { TARGETING_CLASSES } from '../../domain/classification.js';
import { INCLUSION_CAUSE_ORDER } from '../../domain/targeting-rules.js';
import type { InclusionCause as InclusionCauseValue, TargetingClass as TargetingClassValue } from '../../domain/targeting-types.js';

/**
 * The targeting classes and inclusion causes as GraphQL enums, built from the domain's lists
 * (`domain/classification.ts`, `domain/targeting-rules.ts`), so that a criterion added there is an enum value here.
 * Shared by every module that speaks of targeting classes (targeting analyses, a family's targeting).
 */
export const TargetingClass = Object.fromEntries(TARGETING_CLASSES.map((c) => [c, c])) as {
  readonly [K in TargetingClassValue]: K;
};
export type TargetingClass = TargetingClassValue;

const CLASS_DESCRIPTIONS: Record<TargetingClassValue, string> = {
  CORRECT_RECIPIENT: 'Receives the program and should: in DTSEN, desil in range, in the target group, no exclusion criterion.',
  INCLUSION_ERROR: 'Receives the program but should not (see InclusionCause).',
  EXCLUSION_ERROR: 'Should receive the program but does not: eligible and not a recipient.',
  PENDING_GROUND_CHECK: 'Receives while its desil is outside the range, not yet ground-checked: keeps the benefit until the check.',
  NOT_ELIGIBLE: 'Neither eligible nor a recipient.',
};

registerEnumType(TargetingClass, {
  name: 'TargetingClass',
  description: 'Targeting class of a unit for a program (Kepmensos 79/HUK/2025 diktum keempat): exactly one per unit, program and version.',
  valuesConfig: Object.fromEntries(TARGETING_CLASSES.map((c) => [c, { description: CLASS_DESCRIPTIONS[c] }])),
});

export const InclusionCause = Object.fromEntries(INCLUSION_CAUSE_ORDER.map((c) => [c, c])) as {
  readonly [K in InclusionCauseValue]: K;
};
export type InclusionCause = InclusionCauseValue;

const criterionName = new Map<string, string>(EXCLUSION_CRITERIA.map((c) => [c.code, c.nameEn]));

function causeDescription(cause: InclusionCauseValue): string {
  switch (cause) {
    case 'OUTSIDE_DTSEN':
      return 'The recipient is outside DTSEN (no family state in force at the version).';
    case 'NOT_IN_TARGET_GROUP':
      return "The recipient is not in the program's target group (ATENSI: elderly or disabled; PIP: aged 6-21).";
    case 'DESIL_ABOVE_RANGE':
      return "The recipient's desil is outside the program's range and the ground check has been done.";
    default:
      return `Exclusion criterion (Kepmensos 73/2024, 79/2025 as amended by 190/2025): ${criterionName.get(cause) ?? cause}.`;
  }
}

registerEnumType(InclusionCause, {
  name: 'InclusionCause',
  description:
    'Why a recipient is an inclusion error, in the order a removal plan treats them: outside DTSEN, each exclusion ' +
    'criterion in its sort order, not in the target group, desil above the range (after a ground check).',
  valuesConfig: Object.fromEntries(INCLUSION_CAUSE_ORDER.map((c) => [c, { description: causeDescription(c) }])),
});

export const TargetingGroupBy = { CAUSE: 'CAUSE', SUB_REGION: 'SUB_REGION', DESIL: 'DESIL' } as const;
export type TargetingGroupBy = (typeof TargetingGroupBy)[keyof typeof TargetingGroupBy];

registerEnumType(TargetingGroupBy, {
  name: 'TargetingGroupBy',
  description: 'How the rows of `targetingErrors` are grouped.',
  valuesConfig: {
    CAUSE: { description: 'Inclusion errors per cause: outside DTSEN, each exclusion criterion, not in the target group, desil above range.' },
    SUB_REGION: { description: 'The same summary for each direct child region (provinces of the nation, kabupaten/kota of a province ...).' },
    DESIL: { description: 'The summary per desil 1..10 and outside DTSEN (desil 0); the nation, provinces and kabupaten/kota only.' },
  },
});

export const SortDirection = { ASC: 'ASC', DESC: 'DESC' } as const;
export type SortDirection = (typeof SortDirection)[keyof typeof SortDirection];

registerEnumType(SortDirection, {
  name: 'SortDirection',
  description: 'Sort direction.',
  valuesConfig: { ASC: { description: 'Ascending (smallest first).' }, DESC: { description: 'Descending (largest first).' } },
});

export const TargetingSortField = {
  CODE: 'CODE', NAME: 'NAME', UNITS: 'UNITS', ELIGIBLE: 'ELIGIBLE', RECIPIENTS: 'RECIPIENTS', INCLUSION_ERRORS: 'INCLUSION_ERRORS',
  EXCLUSION_ERRORS: 'EXCLUSION_ERRORS', INCLUSION_RATE: 'INCLUSION_RATE', EXCLUSION_RATE: 'EXCLUSION_RATE', COVERAGE: 'COVERAGE', LEAKAGE: 'LEAKAGE',
} as const;
export type TargetingSortField = (typeof TargetingSortField)[keyof typeof TargetingSortField];

registerEnumType(TargetingSortField, {
  name: 'TargetingSortField',
  description: 'Field the sub-region rows of `targetingErrors` are sorted by (ties by region code).',
  valuesConfig: {
    CODE: { description: 'Region code.' },
    NAME: { description: 'Region name.' },
    UNITS: { description: 'All units of the program in the region.' },
    ELIGIBLE: { description: 'Eligible units.' },
    RECIPIENTS: { description: 'Recipients.' },
    INCLUSION_ERRORS: { description: 'Inclusion errors.' },
    EXCLUSION_ERRORS: { description: 'Exclusion errors.' },
    INCLUSION_RATE: { description: 'Inclusion errors / recipients.' },
    EXCLUSION_RATE: { description: 'Exclusion errors / eligible units.' },
    COVERAGE: { description: 'Eligible recipients / eligible units.' },
    LEAKAGE: { description: 'Ineligible recipients (inclusion errors and pending ground checks) / recipients.' },
  },
});

export const QuotaStatusCode = { UNDER: 'UNDER', OVER: 'OVER', MATCH: 'MATCH' } as const;
export type QuotaStatusCode = (typeof QuotaStatusCode)[keyof typeof QuotaStatusCode];

registerEnumType(QuotaStatusCode, {
  name: 'QuotaStatusCode',
  description: "Whether a kabupaten/kota's recipients are below, above or equal to its quota.",
  valuesConfig: {
    UNDER: { description: 'Fewer recipients than the quota: free places to fill.' },
    OVER: { description: 'More recipients than the quota: recipients to remove (inclusion errors first).' },
    MATCH: { description: 'Exactly as many recipients as the quota.' },
  },
});

export const QuotaSortField = { QUOTA: 'QUOTA', RECIPIENTS: 'RECIPIENTS', GAP: 'GAP', GAP_RATIO: 'GAP_RATIO', NAME: 'NAME', CODE: 'CODE' } as const;
export type QuotaSortField = (typeof QuotaSortField)[keyof typeof QuotaSortField];

registerEnumType(QuotaSortField, {
  name: 'QuotaSortField',
  description: 'Field the kabupaten/kota of `quotaStatus` are sorted by (ties by code).',
  valuesConfig: {
    QUOTA: { description: 'Quota.' },
    RECIPIENTS: { description: 'Current recipients.' },
    GAP: { description: 'quota - recipients (positive = free places, negative = excess).' },
    GAP_RATIO: { description: 'gap / quota; kabupaten with a zero quota sort last.' },
    NAME: { description: 'Name of the kabupaten/kota.' },
    CODE: { description: 'Kemendagri code.' },
  },
});

/** Fill priorities of an under-quota kabupaten (domain/reallocation.ts `FILL_PRIORITY_ORDER`), as GraphQL values. */
export const FillPriority = { GROUND_CHECKED: 'GROUND_CHECKED', WAITING_LIST: 'WAITING_LIST', REMAINING: 'REMAINING' } as const;
export type FillPriority = (typeof FillPriority)[keyof typeof FillPriority];

registerEnumType(FillPriority, {
  name: 'FillPriority',
  description: 'Priority in which an under-quota kabupaten/kota fills its free places (PBI-JKN rule of June 2025), in this order.',
  valuesConfig: {
    GROUND_CHECKED: { description: '1. Eligible DTSEN non-recipients already ground-checked.' },
    WAITING_LIST: { description: '2. The waiting list: families with an approved usulan for the program (or for no program).' },
    REMAINING: { description: '3. The remaining eligible DTSEN non-recipients, poorest first.' },
  },
});
