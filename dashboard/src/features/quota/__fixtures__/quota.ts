// Answers of the quota queries, shaped as the API returns them (PKH, figures of the 0.001-scale dataset).

const region = (code: string, name: string, parent: { code: string; name: string } | null = null) => ({
  __typename: 'Region',
  code,
  name,
  parent: parent ? { __typename: 'Region', ...parent } : null,
});

const jabar = { code: '32', name: 'Jawa Barat' };

export function quotaRow(code: string, name: string, quota: number, recipients: number, province = jabar) {
  const gap = quota - recipients;
  return {
    __typename: 'RegencyQuotaStatus',
    regency: region(code, name, province),
    quota,
    exactQuota: quota + 0.12,
    recipients,
    gap,
    gapRatio: quota === 0 ? null : gap / quota,
    status: gap > 0 ? 'UNDER' : gap < 0 ? 'OVER' : 'MATCH',
  };
}

export const quotaRows = [
  quotaRow('32.12', 'Kabupaten Indramayu', 84, 64),
  quotaRow('33.21', 'Kabupaten Demak', 57, 40, { code: '33', name: 'Jawa Tengah' }),
  quotaRow('11.72', 'Kota Sabang', 2, 2, { code: '11', name: 'Aceh' }),
  quotaRow('32.01', 'Kabupaten Bogor', 177, 192),
];

export function quotaStatusFixture(rows = quotaRows, totalCount = 514, programCode = 'PKH', nationalQuota = 10000) {
  return {
    quotaStatus: {
      __typename: 'QuotaStatus',
      programCode,
      unit: programCode === 'PKH' || programCode === 'SEMBAKO' ? 'FAMILY' : 'INDIVIDUAL',
      nationalQuota,
      povertyPeriod: '2024-03',
      totalCount,
      version: { __typename: 'DtsenVersion', id: 3, label: 'DTSEN 2025-Q3' },
      totals: {
        __typename: 'QuotaStatusTotals',
        count: totalCount,
        quota: 10000,
        recipients: 9475,
        under: 279,
        over: 168,
        match: 67,
        shortfall: 1098,
        excess: 573,
      },
      rows,
    },
  };
}

const member = (id: number, nameMasked: string, nikMasked: string, relationship: string) => ({
  __typename: 'Individual',
  id,
  nameMasked,
  nikMasked,
  relationship,
});

const family = (id: number, kkMasked: string, village: string, district: string, members = [member(id * 10, 'S***** S*********', `${kkMasked.slice(0, 4)}********0004`, 'HEAD')]) => ({
  __typename: 'Family',
  id,
  kkMasked,
  region: region(`32.12.01.${id}`, village, { code: '32.12.01', name: district }),
  members,
});

const version = { __typename: 'DtsenVersion', id: 3, label: 'DTSEN 2025-Q3' };

/** Indramayu, 20 free places: 20 of 31 ground-checked candidates, nothing from the waiting list. */
export const underPlanFixture = {
  reallocationPlan: {
    __typename: 'ReallocationPlan',
    programCode: 'PKH',
    unit: 'FAMILY',
    status: 'UNDER',
    quota: 84,
    recipients: 64,
    gap: 20,
    nationalQuota: 10000,
    povertyPeriod: '2024-03',
    regency: region('32.12', 'Kabupaten Indramayu', jabar),
    version,
    fill: {
      __typename: 'ReallocationFill',
      counts: [
        { __typename: 'FillPriorityCount', priority: 'GROUND_CHECKED', units: 18 },
        { __typename: 'FillPriorityCount', priority: 'WAITING_LIST', units: 0 },
        { __typename: 'FillPriorityCount', priority: 'REMAINING', units: 0 },
      ],
      poolSizes: [
        { __typename: 'FillPriorityCount', priority: 'GROUND_CHECKED', units: 18 },
        { __typename: 'FillPriorityCount', priority: 'WAITING_LIST', units: 0 },
        { __typename: 'FillPriorityCount', priority: 'REMAINING', units: 0 },
      ],
      units: [
        { __typename: 'ReallocationFillUnit', priority: 'GROUND_CHECKED', desil: 1, rank: 2353, familyId: 33827, individualId: null, family: family(33827, '3212********0003', 'Eretan Wetan', 'Kandanghaur') },
        { __typename: 'ReallocationFillUnit', priority: 'GROUND_CHECKED', desil: 2, rank: 2862, familyId: 33680, individualId: null, family: family(33680, '3212********0001', 'Rancamulya', 'Gabuswetan') },
      ],
    },
    removal: null,
  },
};

/** Bogor, 15 over quota: 10 inclusion errors to remove by cause, 5 that none can absorb. */
export const overPlanFixture = {
  reallocationPlan: {
    __typename: 'ReallocationPlan',
    programCode: 'PKH',
    unit: 'FAMILY',
    status: 'OVER',
    quota: 177,
    recipients: 192,
    gap: -15,
    nationalQuota: 10000,
    povertyPeriod: '2024-03',
    regency: region('32.01', 'Kabupaten Bogor', jabar),
    version,
    fill: null,
    removal: {
      __typename: 'ReallocationRemoval',
      byCause: [
        { __typename: 'InclusionCauseUnits', cause: 'ADDRESS_NOT_FOUND', units: 2 },
        { __typename: 'InclusionCauseUnits', cause: 'ASN_TNI_POLRI', units: 3 },
        { __typename: 'InclusionCauseUnits', cause: 'INCOME_ABOVE_MINIMUM_WAGE', units: 4 },
        { __typename: 'InclusionCauseUnits', cause: 'DESIL_ABOVE_RANGE', units: 1 },
      ],
      candidates: [
        { __typename: 'InclusionCauseUnits', cause: 'ADDRESS_NOT_FOUND', units: 2 },
        { __typename: 'InclusionCauseUnits', cause: 'ASN_TNI_POLRI', units: 3 },
        { __typename: 'InclusionCauseUnits', cause: 'INCOME_ABOVE_MINIMUM_WAGE', units: 4 },
        { __typename: 'InclusionCauseUnits', cause: 'DESIL_ABOVE_RANGE', units: 1 },
      ],
      units: [
        {
          __typename: 'ReallocationRemovalUnit',
          cause: 'ADDRESS_NOT_FOUND',
          desil: 1,
          rank: 1871,
          familyId: 24848,
          individualId: null,
          family: family(24848, '3201********0003', 'Kuta', 'Megamendung', [
            member(76273, 'R**** S*********', '3201********0005', 'SPOUSE'),
            member(76272, 'S***** S*********', '3201********0004', 'HEAD'),
          ]),
        },
        {
          __typename: 'ReallocationRemovalUnit',
          cause: 'DESIL_ABOVE_RANGE',
          desil: 7,
          rank: null,
          familyId: 25953,
          individualId: null,
          family: family(25953, '3201********0001', 'Leuwisadeng', 'Leuwisadeng'),
        },
      ],
    },
  },
};

export const programsFixture = {
  programs: [
    ['PKH', 'Program Keluarga Harapan', 'FAMILY', 1, 4, 10_000_000, 5, true],
    ['SEMBAKO', 'Program Sembako', 'FAMILY', 1, 5, 18_300_000, null, false],
    ['PBI_JKN', 'Penerima Bantuan Iuran Jaminan Kesehatan Nasional', 'INDIVIDUAL', 1, 5, 96_000_000, null, false],
    ['ATENSI', 'Asistensi Rehabilitasi Sosial', 'INDIVIDUAL', 1, 5, null, null, true],
    ['PIP', 'Program Indonesia Pintar', 'INDIVIDUAL', 1, 5, null, null, false],
  ].map(([code, name, unit, desilMin, desilMax, nationalQuota, maxYears, admitsOutsideDtsen]) => ({
    __typename: 'Program',
    code,
    name,
    unit,
    desilMin,
    desilMax,
    nationalQuota,
    maxYears,
    admitsOutsideDtsen,
    legalBasis: 'Kepmensos 79/HUK/2025',
  })),
};
