// Answers of the targeting-errors queries, shaped as the API returns them (PKH, nation, figures of the
// 0.001-scale dataset).
import type { TargetingSummaryFieldsFragment } from '../../../generated/graphql';

/** The counts of a summary (the fixtures hold no withheld ones). */
interface Summary {
  recipients: number;
  eligible: number;
  correctRecipients: number;
  inclusionErrors: number;
  exclusionErrors: number;
  pendingGroundCheck: number;
  notEligible?: number;
}

/** A summary with its rates computed as the API does. */
export function summary(counts: Summary): TargetingSummaryFieldsFragment & { __typename: 'TargetingSummary' } {
  const { recipients, eligible, correctRecipients, inclusionErrors, exclusionErrors, pendingGroundCheck } = counts;
  const notEligible = counts.notEligible ?? 0;
  return {
    __typename: 'TargetingSummary',
    units: eligible + inclusionErrors + pendingGroundCheck + notEligible,
    eligible,
    recipients,
    correctRecipients,
    inclusionErrors,
    inclusionRate: recipients > 0 ? inclusionErrors / recipients : 0,
    exclusionErrors,
    exclusionRate: eligible > 0 ? exclusionErrors / eligible : 0,
    pendingGroundCheck,
    coverage: eligible > 0 ? correctRecipients / eligible : 0,
    leakage: recipients > 0 ? (inclusionErrors + pendingGroundCheck) / recipients : 0,
    notEligible,
  };
}

export const nationSummary = summary({
  recipients: 9475,
  eligible: 31722,
  correctRecipients: 8628,
  inclusionErrors: 473,
  exclusionErrors: 23094,
  pendingGroundCheck: 374,
  notEligible: 59479,
});

const causeUnits: readonly [string, number][] = [
  ['OUTSIDE_DTSEN', 31],
  ['ADDRESS_NOT_FOUND', 56],
  ['PERSON_NOT_FOUND', 0],
  ['DECEASED', 0],
  ['ASN_TNI_POLRI', 50],
  ['FAMILY_OF_ASN_TNI_POLRI', 0],
  ['RETIRED_ASN_TNI_POLRI', 10],
  ['WELL_OFF', 30],
  ['SOCIAL_WELFARE_STAFF', 5],
  ['CERTIFIED_TEACHER', 12],
  ['STATE_BUDGET_INCOME', 10],
  ['REFUSED_ASSISTANCE', 2],
  ['INCOME_ABOVE_MINIMUM_WAGE', 121],
  ['COMPANY_OWNER', 3],
  ['COMPANY_EXECUTIVE', 0],
  ['HEALTH_WORKER', 9],
  ['VILLAGE_OFFICIAL', 18],
  ['NEGATIVE_LIST_GAMBLING', 39],
  ['NOT_IN_TARGET_GROUP', 0],
  ['DESIL_ABOVE_RANGE', 77],
];

export const byCauseFixture = causeUnits.map(([cause, units]) => ({
  __typename: 'TargetingCauseRow',
  cause,
  units,
  shareOfInclusionErrors: units / 473,
  shareOfRecipients: units / 9475,
}));

export function overviewFixture(code = 'ID', name = 'Indonesia', level = 'NATION', childCount = 38) {
  return {
    targetingErrors: {
      __typename: 'TargetingErrors',
      programCode: 'PKH',
      unit: 'FAMILY',
      desilMin: 1,
      desilMax: 4,
      region: { __typename: 'Region', code, name, level, childCount },
      version: { __typename: 'DtsenVersion', id: 3, label: 'DTSEN 2025-Q3' },
      summary: nationSummary,
      byCause: byCauseFixture,
    },
  };
}

const desilCounts: readonly [number, Summary][] = [
  [0, { recipients: 31, eligible: 0, correctRecipients: 0, inclusionErrors: 31, exclusionErrors: 0, pendingGroundCheck: 0 }],
  [1, { recipients: 3425, eligible: 7952, correctRecipients: 3350, inclusionErrors: 75, exclusionErrors: 4602, pendingGroundCheck: 0 }],
  [2, { recipients: 2717, eligible: 8196, correctRecipients: 2631, inclusionErrors: 86, exclusionErrors: 5565, pendingGroundCheck: 0 }],
  [3, { recipients: 1792, eligible: 7966, correctRecipients: 1732, inclusionErrors: 60, exclusionErrors: 6234, pendingGroundCheck: 0 }],
  [4, { recipients: 970, eligible: 7608, correctRecipients: 915, inclusionErrors: 55, exclusionErrors: 6693, pendingGroundCheck: 0 }],
  [5, { recipients: 306, eligible: 0, correctRecipients: 0, inclusionErrors: 71, exclusionErrors: 0, pendingGroundCheck: 235, notEligible: 9000 }],
  [6, { recipients: 119, eligible: 0, correctRecipients: 0, inclusionErrors: 47, exclusionErrors: 0, pendingGroundCheck: 72, notEligible: 9000 }],
  [7, { recipients: 58, eligible: 0, correctRecipients: 0, inclusionErrors: 21, exclusionErrors: 0, pendingGroundCheck: 37, notEligible: 9000 }],
  [8, { recipients: 33, eligible: 0, correctRecipients: 0, inclusionErrors: 16, exclusionErrors: 0, pendingGroundCheck: 17, notEligible: 9000 }],
  [9, { recipients: 14, eligible: 0, correctRecipients: 0, inclusionErrors: 4, exclusionErrors: 0, pendingGroundCheck: 10, notEligible: 9000 }],
  [10, { recipients: 10, eligible: 0, correctRecipients: 0, inclusionErrors: 7, exclusionErrors: 0, pendingGroundCheck: 3, notEligible: 9000 }],
];

export const byDesilFixture = {
  targetingErrors: {
    __typename: 'TargetingErrors',
    byDesil: desilCounts.map(([desil, counts]) => ({ __typename: 'TargetingDesilRow', desil, summary: summary(counts) })),
  },
};

const provinces: readonly [string, string, Summary][] = [
  ['21', 'Kepulauan Riau', { recipients: 54, eligible: 142, correctRecipients: 44, inclusionErrors: 7, exclusionErrors: 98, pendingGroundCheck: 3 }],
  ['65', 'Kalimantan Utara', { recipients: 18, eligible: 62, correctRecipients: 13, inclusionErrors: 2, exclusionErrors: 49, pendingGroundCheck: 3 }],
  ['32', 'Jawa Barat', { recipients: 1560, eligible: 5100, correctRecipients: 1450, inclusionErrors: 60, exclusionErrors: 3650, pendingGroundCheck: 50 }],
];

export function subRegionsFixture(totalCount = 38) {
  return {
    targetingErrors: {
      __typename: 'TargetingErrors',
      bySubRegion: {
        __typename: 'TargetingSubRegionPage',
        totalCount,
        rows: provinces.map(([code, name, counts]) => ({
          __typename: 'TargetingSubRegionRow',
          region: { __typename: 'Region', code, name, level: 'PROVINCE' },
          summary: summary(counts),
        })),
      },
    },
  };
}

export const criteriaFixture = {
  exclusionCriteria: [
    { code: 'ADDRESS_NOT_FOUND', nameId: 'Alamat tidak ditemukan', nameEn: 'Address not found', detectedBy: 'Pendamping sosial', excludesFamily: true },
    { code: 'ASN_TNI_POLRI', nameId: 'ASN/TNI/Polri/pegawai BUMN/BUMD/pejabat negara', nameEn: 'Civil servant, military, police, SOE employee or state official', detectedBy: 'BKN', excludesFamily: true },
    { code: 'INCOME_ABOVE_MINIMUM_WAGE', nameId: 'Penghasilan di atas UMP/UMK', nameEn: 'Income above the provincial/regency minimum wage', detectedBy: 'BPJS Ketenagakerjaan', excludesFamily: true },
    { code: 'NEGATIVE_LIST_GAMBLING', nameId: 'Terlibat judi (daftar negatif judol)', nameEn: 'Involved in gambling (negative list)', detectedBy: 'PPATK', excludesFamily: true },
  ].map((criterion) => ({ __typename: 'ExclusionCriterion', ...criterion })),
};

export function regionPathFixture(code: string) {
  const nation = { __typename: 'Region', code: 'ID', name: 'Indonesia', level: 'NATION', parent: null };
  const jabar = { __typename: 'Region', code: '32', name: 'Jawa Barat', level: 'PROVINCE', parent: nation };
  const bogor = { __typename: 'Region', code: '32.01', name: 'Kabupaten Bogor', level: 'REGENCY', parent: jabar };
  if (code === 'ID') return { region: { ...nation, childCount: 38 } };
  if (code === '32') return { region: { ...jabar, childCount: 27 } };
  if (code === '32.01') return { region: { ...bogor, childCount: 40 } };
  if (code === '32.01.01') return { region: { __typename: 'Region', code, name: 'Cibinong', level: 'DISTRICT', parent: bogor, childCount: 12 } };
  if (code === '21') return { region: { __typename: 'Region', code, name: 'Kepulauan Riau', level: 'PROVINCE', parent: nation, childCount: 7 } };
  return { region: null };
}
