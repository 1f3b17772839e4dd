import { describe, expect, it } from 'vitest';
import { summarize } from '../../domain/classification.js';
import { programByCode } from '../../domain/programs.js';
import { INCLUSION_CAUSE_ORDER } from '../../domain/targeting-rules.js';
import {
  causeRows, desilRows, figuresOf, fillPriorityCounts, filterQuotaRows, isPovertyPeriod, page, quotaRows, quotaTotals,
  sortQuotaRows, sortSubRegions, summaryOfClassRows, toCells, type CubeRow,
} from './targeting.logic.js';

const PKH = programByCode('PKH');
const cube = (desil: number, recipient: boolean, units: number, extra: Partial<CubeRow> = {}): CubeRow => ({
  regionCode: '32', programCode: 'PKH', desil, recipient, criterionCode: '', groundChecked: false, inTargetGroup: true, units, ...extra,
});

// PKH, desil 1-4. Hand-classified:
const rows: CubeRow[] = [
  cube(2, true, 50), // correct recipients
  cube(3, false, 30), // exclusion errors
  cube(6, true, 7), // pending ground check (desil above range, not checked)
  cube(6, true, 3, { groundChecked: true }), // inclusion error DESIL_ABOVE_RANGE
  cube(0, true, 4), // inclusion error OUTSIDE_DTSEN
  cube(2, true, 6, { criterionCode: 'ASN_TNI_POLRI' }), // inclusion error ASN_TNI_POLRI
  cube(2, false, 5, { criterionCode: 'ASN_TNI_POLRI' }), // not eligible
  cube(8, false, 100), // not eligible
];

describe('targeting summaries', () => {
  it('classifies cube rows into the figures of the API', () => {
    const f = figuresOf(summarize(PKH, toCells(PKH, rows)));
    expect(f).toMatchObject({
      units: 205, correctRecipients: 50, exclusionErrors: 30, pendingGroundCheck: 7, inclusionErrors: 13, notEligible: 105,
      eligible: 80, recipients: 70,
    });
    expect(f.inclusionRate).toBeCloseTo(13 / 70, 12);
    expect(f.exclusionRate).toBeCloseTo(30 / 80, 12);
    expect(f.coverage).toBeCloseTo(50 / 80, 12);
    expect(f.leakage).toBeCloseTo(20 / 70, 12);
    expect(f.inclusionByCause).toEqual([
      { cause: 'OUTSIDE_DTSEN', units: 4 }, { cause: 'ASN_TNI_POLRI', units: 6 }, { cause: 'DESIL_ABOVE_RANGE', units: 3 },
    ]);
  });

  it('rejects cube rows of another program or an unknown criterion', () => {
    expect(() => toCells(PKH, [cube(1, true, 1, { programCode: 'SEMBAKO' })])).toThrow(/SEMBAKO/);
    expect(() => toCells(PKH, [cube(1, true, 1, { criterionCode: 'ASTROLOGER' })])).toThrow(/ASTROLOGER/);
  });

  it('reads class rollup rows into the same summary as the cube they come from', () => {
    const classRows = [
      { regionCode: '32.01.01', class: 'CORRECT_RECIPIENT', cause: '', units: 50 },
      { regionCode: '32.01.01', class: 'EXCLUSION_ERROR', cause: '', units: 30 },
      { regionCode: '32.01.01', class: 'PENDING_GROUND_CHECK', cause: '', units: 7 },
      { regionCode: '32.01.01', class: 'INCLUSION_ERROR', cause: 'DESIL_ABOVE_RANGE', units: 3 },
      { regionCode: '32.01.01', class: 'INCLUSION_ERROR', cause: 'OUTSIDE_DTSEN', units: 4 },
      { regionCode: '32.01.01', class: 'INCLUSION_ERROR', cause: 'ASN_TNI_POLRI', units: 6 },
      { regionCode: '32.01.01', class: 'NOT_ELIGIBLE', cause: '', units: 105 },
    ];
    expect(figuresOf(summaryOfClassRows(classRows))).toEqual(figuresOf(summarize(PKH, toCells(PKH, rows))));
    expect(() => summaryOfClassRows([{ class: 'LUCKY', cause: '', units: 1 }])).toThrow(/LUCKY/);
    expect(() => summaryOfClassRows([{ class: 'INCLUSION_ERROR', cause: '', units: 1 }])).toThrow(/cause/);
  });

  it('lists every cause once, zeros included, with shares', () => {
    const r = causeRows(summarize(PKH, toCells(PKH, rows)));
    expect(r.map((c) => c.cause)).toEqual(INCLUSION_CAUSE_ORDER);
    expect(r.reduce((s, c) => s + c.units, 0)).toBe(13);
    expect(r.find((c) => c.cause === 'ASN_TNI_POLRI')).toEqual({ cause: 'ASN_TNI_POLRI', units: 6, shareOfInclusionErrors: 6 / 13, shareOfRecipients: 6 / 70 });
    expect(causeRows(summarize(PKH, [])).every((c) => c.units === 0 && c.shareOfInclusionErrors === 0 && c.shareOfRecipients === 0)).toBe(true);
  });

  it('splits the summary by desil: 0 (outside DTSEN) then 1..10, summing to the whole', () => {
    const d = desilRows(PKH, toCells(PKH, rows));
    expect(d.map((r) => r.desil)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(d.reduce((s, r) => s + r.summary.units, 0)).toBe(205);
    expect(d[0]!.summary.inclusionErrors).toBe(4);
    expect(d[6]!.summary).toMatchObject({ pendingGroundCheck: 7, inclusionErrors: 3, recipients: 10 });
    expect(d[1]!.summary.units).toBe(0);
  });
});

describe('sub-region rows', () => {
  const region = (code: string, name: string) => ({ code, name });
  const fig = (inclusionRate: number, recipients: number) => ({ ...figuresOf(summarize(PKH, [])), inclusionRate, recipients });
  const sub = [
    { region: region('32.02', 'Sukabumi'), summary: fig(0.2, 10) },
    { region: region('32.01', 'Bogor'), summary: fig(0.2, 30) },
    { region: region('32.03', 'Cianjur'), summary: fig(0.5, 20) },
  ];

  it('sorts by a figure with ties by code, or by name', () => {
    expect(sortSubRegions(sub, 'INCLUSION_RATE', 'DESC').map((r) => r.region.code)).toEqual(['32.03', '32.01', '32.02']);
    expect(sortSubRegions(sub, 'INCLUSION_RATE', 'ASC').map((r) => r.region.code)).toEqual(['32.01', '32.02', '32.03']);
    expect(sortSubRegions(sub, 'RECIPIENTS', 'ASC').map((r) => r.region.code)).toEqual(['32.02', '32.03', '32.01']);
    expect(sortSubRegions(sub, 'NAME', 'ASC').map((r) => r.region.name)).toEqual(['Bogor', 'Cianjur', 'Sukabumi']);
    expect(sub[0]!.region.code).toBe('32.02'); // not mutated
  });

  it('pages with offset and an optional limit', () => {
    expect(page([1, 2, 3, 4, 5], 1, 2)).toEqual([2, 3]);
    expect(page([1, 2, 3], 1, null)).toEqual([2, 3]);
    expect(page([1, 2, 3], 5, 2)).toEqual([]);
  });
});

describe('quota rows', () => {
  const regencies = new Map([
    ['32.01', { code: '32.01', name: 'Kabupaten Bogor', parentCode: '32' }],
    ['32.73', { code: '32.73', name: 'Kota Bandung', parentCode: '32' }],
    ['33.74', { code: '33.74', name: 'Kota Semarang', parentCode: '33' }],
    ['35.01', { code: '35.01', name: 'Kabupaten Pacitan', parentCode: '35' }],
  ]);
  const shares = [
    { regionCode: '32.01', exact: 40.4, quota: 40 },
    { regionCode: '32.73', exact: 29.6, quota: 30 },
    { regionCode: '33.74', exact: 30, quota: 30 },
    { regionCode: '35.01', exact: 0, quota: 0 },
  ];
  const recipients = new Map([['32.01', 50], ['32.73', 10], ['33.74', 30]]);
  const rows = quotaRows(shares, recipients, regencies);

  it('computes gap, ratio and status per kabupaten (missing recipients = none)', () => {
    expect(rows.map((r) => [r.regency.code, r.recipients, r.gap, r.status, r.provinceCode])).toEqual([
      ['32.01', 50, -10, 'OVER', '32'], ['32.73', 10, 20, 'UNDER', '32'], ['33.74', 30, 0, 'MATCH', '33'], ['35.01', 0, 0, 'MATCH', '35'],
    ]);
    expect(rows[0]!.gapRatio).toBeCloseTo(-0.25, 12);
    expect(rows[3]!.gapRatio).toBeNull();
    expect(() => quotaRows([{ regionCode: '99.99', exact: 1, quota: 1 }], recipients, regencies)).toThrow(/99.99/);
  });

  it('filters by status, province and search (name any case, or code prefix)', () => {
    const codes = (f: Parameters<typeof filterQuotaRows>[1]) => filterQuotaRows(rows, f).map((r) => r.regency.code);
    expect(codes({})).toEqual(['32.01', '32.73', '33.74', '35.01']);
    expect(codes({ statuses: ['UNDER', 'OVER'] })).toEqual(['32.01', '32.73']);
    expect(codes({ statuses: [] })).toHaveLength(4);
    expect(codes({ provinceCode: '32', statuses: ['MATCH'] })).toEqual([]);
    expect(codes({ regencyCode: '32.01' })).toEqual(['32.01']);
    expect(codes({ regencyCode: '32.01', provinceCode: '33' })).toEqual([]);
    expect(codes({ search: 'KOTA' })).toEqual(['32.73', '33.74']);
    expect(codes({ search: '33.' })).toEqual(['33.74']);
  });

  it('sorts by every field, ties by code, a null gap ratio last', () => {
    const order = (f: Parameters<typeof sortQuotaRows>[1], d: 'ASC' | 'DESC') => sortQuotaRows(rows, f, d).map((r) => r.regency.code);
    expect(order('GAP', 'DESC')).toEqual(['32.73', '33.74', '35.01', '32.01']);
    expect(order('GAP', 'ASC')).toEqual(['32.01', '33.74', '35.01', '32.73']);
    expect(order('QUOTA', 'DESC')).toEqual(['32.01', '32.73', '33.74', '35.01']);
    expect(order('RECIPIENTS', 'ASC')).toEqual(['35.01', '32.73', '33.74', '32.01']);
    expect(order('GAP_RATIO', 'DESC')).toEqual(['32.73', '33.74', '32.01', '35.01']);
    expect(order('GAP_RATIO', 'ASC')).toEqual(['32.01', '33.74', '32.73', '35.01']);
    expect(order('NAME', 'ASC')).toEqual(['32.01', '35.01', '32.73', '33.74']);
    expect(order('CODE', 'DESC')).toEqual(['35.01', '33.74', '32.73', '32.01']);
  });

  it('totals the filtered set', () => {
    expect(quotaTotals(rows)).toEqual({ count: 4, under: 1, over: 1, match: 2, quota: 100, recipients: 90, shortfall: 20, excess: 10 });
    expect(quotaTotals([])).toEqual({ count: 0, under: 0, over: 0, match: 0, quota: 0, recipients: 0, shortfall: 0, excess: 0 });
  });
});

describe('small helpers', () => {
  it('names fill priorities in priority order', () => {
    expect(fillPriorityCounts({ remaining: 3, groundChecked: 1, waitingList: 2 })).toEqual([
      { priority: 'GROUND_CHECKED', units: 1 }, { priority: 'WAITING_LIST', units: 2 }, { priority: 'REMAINING', units: 3 },
    ]);
  });

  it('accepts "YYYY-MM" poverty periods only', () => {
    expect(isPovertyPeriod('2024-03')).toBe(true);
    for (const p of ['2024-3', '2024-13', '2024-00', 'March 2024', '', '2024-03-01']) expect(isPovertyPeriod(p)).toBe(false);
  });
});
