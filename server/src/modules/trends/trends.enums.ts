import 'reflect-metadata';
import { registerEnumType } from 'type-graphql';
import { CHURN_REASONS, type ChurnCategory as ChurnCategoryValue, type PbiReactivationCondition as ConditionValue } from '../../domain/trends.js';
import { PBI_REACTIVATION_CONDITIONS } from '../targeting/reactivation.service.js';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { readonly [K in T]: K };

/** Direction of a program movement between two versions. */
export const ChurnDirection = enumOf(['ENTRY', 'EXIT'] as const);
export type ChurnDirection = keyof typeof ChurnDirection;
registerEnumType(ChurnDirection, {
  name: 'ChurnDirection',
  description: 'Direction of a movement into or out of a program between two versions.',
  valuesConfig: {
    ENTRY: { description: 'The unit became a recipient (its membership started).' },
    EXIT: { description: 'The unit stopped being a recipient (its membership ended).' },
  },
});

/** Start reasons (entries) and end reasons (exits) of program memberships, as recorded on the enrollment. */
export const ChurnReason = enumOf(Object.keys(CHURN_REASONS) as (keyof typeof CHURN_REASONS)[]);
export type ChurnReason = keyof typeof CHURN_REASONS;
const REASON_DESCRIPTIONS: Record<ChurnReason, string> = {
  INITIAL: 'Entry: carried over from the legacy (DTKS) beneficiary list at the first version.',
  QUOTA_FILL: 'Entry: added from DTSEN to fill the quota.',
  PROPOSAL: 'Entry: added after an approved proposal (usulan).',
  REACTIVATION: 'Entry: PBI-JKN reactivation for urgent care.',
  GRADUATED: "Exit: welfare improved, desil above the program's range after a ground check.",
  DECEASED: 'Exit: the beneficiary died.',
  NEGATIVE_LIST: 'Exit: found on the negative list (online gambling, PPATK).',
  EXCLUSION_CRITERION: 'Exit: another exclusion criterion was found.',
  RERANKED: 'Exit: re-ranked out of range at a new version.',
  OUTSIDE_DTSEN: 'Exit: not found in DTSEN at matching.',
  MAX_DURATION: "Exit: reached the program's maximum duration (PKH 5 years).",
  MOVED: 'Exit: moved or left the family card.',
};
registerEnumType(ChurnReason, {
  name: 'ChurnReason',
  description: 'Why a membership started (entries) or ended (exits), as recorded on the enrollment.',
  valuesConfig: Object.fromEntries(Object.entries(REASON_DESCRIPTIONS).map(([k, description]) => [k, { description }])),
});

const CATEGORY_DESCRIPTIONS: Record<ChurnCategoryValue, string> = {
  CARRY_OVER: 'Carried over from the legacy beneficiary list.',
  QUOTA_FILL: 'Quota filled from DTSEN.',
  NEW_PROPOSAL: 'New recipient through a proposal (usulan).',
  REACTIVATION: 'PBI-JKN reactivation.',
  GRADUATION: 'Graduated: better off after a ground check.',
  DEATH: 'Death of the beneficiary.',
  NEGATIVE_LIST: 'Negative list (online gambling).',
  EXCLUSION_CRITERION: 'Exclusion criterion (tidak layak).',
  RERANKING: 'Re-ranked out of the desil range.',
  OUTSIDE_DTSEN: 'Not in DTSEN.',
  MAX_DURATION: 'Maximum membership duration reached.',
  MOVE: 'Moved or left the family card.',
};
/** The churn categories reported to users (domain/trends.ts `CHURN_REASONS`). */
export const ChurnCategory = enumOf(Object.keys(CATEGORY_DESCRIPTIONS) as ChurnCategoryValue[]);
export type ChurnCategory = ChurnCategoryValue;
registerEnumType(ChurnCategory, {
  name: 'ChurnCategory',
  description: 'Category a churn reason is reported under.',
  valuesConfig: Object.fromEntries(Object.entries(CATEGORY_DESCRIPTIONS).map(([k, description]) => [k, { description }])),
});

export const TransitionSource = enumOf(['ROLLUP', 'BASE_TABLES'] as const);
export type TransitionSource = keyof typeof TransitionSource;
registerEnumType(TransitionSource, {
  name: 'TransitionSource',
  description: 'Where a desil transition matrix was read from.',
  valuesConfig: {
    ROLLUP: { description: 'transition_rollup, written at publication (consecutive versions; nation, province, kabupaten/kota).' },
    BASE_TABLES: { description: 'Counted on demand on the family states (any pair of versions, any region level).' },
  },
});

export const CoverageSource = enumOf(['TARGETING_ROLLUP', 'TARGETING_CLASS_ROLLUP'] as const);
export type CoverageSource = keyof typeof CoverageSource;
registerEnumType(CoverageSource, {
  name: 'CoverageSource',
  description: 'Rollup a coverage trend was read from.',
  valuesConfig: {
    TARGETING_ROLLUP: { description: 'The targeting cube (nation, province, kabupaten/kota), classified by the domain rules.' },
    TARGETING_CLASS_ROLLUP: { description: 'Classes applied at publication (kecamatan, desa/kelurahan).' },
  },
});

export const ProposalFunnelGroupBy = enumOf(['STATUS', 'PATH', 'KIND', 'SUB_REGION'] as const);
export type ProposalFunnelGroupBy = keyof typeof ProposalFunnelGroupBy;
registerEnumType(ProposalFunnelGroupBy, {
  name: 'ProposalFunnelGroupBy',
  description: 'How the proposals funnel is grouped.',
  valuesConfig: {
    STATUS: { description: 'By current status, in funnel order (SUBMITTED, VERIFIED, GROUND_CHECKED, APPROVED, REJECTED).' },
    PATH: { description: 'By update path (FORMAL, PARTICIPATORY).' },
    KIND: { description: 'By kind (USULAN, SANGGAH, DESIL_UPDATE, PBI_REACTIVATION).' },
    SUB_REGION: { description: 'By direct child region (provinces of the nation, kabupaten/kota of a province).' },
  },
});

export const PbiReactivationCondition = enumOf(PBI_REACTIVATION_CONDITIONS);
export type PbiReactivationCondition = ConditionValue;
registerEnumType(PbiReactivationCondition, {
  name: 'PbiReactivationCondition',
  description: 'A condition of PBI-JKN reactivation (Kepmensos 80/HUK/2025, letter S-444/MS/DI.01/6/2025).',
  valuesConfig: {
    REMOVED_SINCE_MAY_2025: { description: 'Removed from PBI-JKN in the May 2025 clean-up or later.' },
    URGENT_ILLNESS: { description: 'Needs urgent care (chronic, catastrophic or emergency illness; the data records chronic illness).' },
    VERIFIED_POOR_OR_VULNERABLE: { description: 'Verified poor or vulnerable by the kabupaten/kota social office (proxy: desil 1-5).' },
    HEALTH_FACILITY_LETTER: { description: 'Letter from a health facility (proxy: an approved PBI_REACTIVATION proposal of the family).' },
    DATA_UPDATED_IN_TIME: { description: 'DTSEN data updated within two update periods after the reactivation.' },
  },
});
