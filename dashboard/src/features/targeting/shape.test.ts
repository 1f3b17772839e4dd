import { describe, expect, it } from 'vitest';
import type { InclusionCause } from '../../generated/graphql';
import type { InclusionCauseNames } from '../../shared/inclusion-causes';
import { byCauseFixture, byDesilFixture, summary } from './__fixtures__/targeting';
import {
  causeChartData,
  childLevel,
  parseOffset,
  parseSubRegionSort,
  toCauseRows,
  toDesilRows,
  toTargetingSort,
  type CauseCount,
} from './shape';

const names: InclusionCauseNames = {
  label: (cause, desilMax) => (cause === 'DESIL_ABOVE_RANGE' ? `above ${desilMax}` : cause.toLowerCase()),
  detectedBy: (cause) => (cause === 'ASN_TNI_POLRI' ? 'BKN' : null),
};

const causes = byCauseFixture.map(({ cause, units, shareOfInclusionErrors, shareOfRecipients }) => ({
  cause: cause as InclusionCause,
  units,
  shareOfInclusionErrors,
  shareOfRecipients,
})) satisfies CauseCount[];

const labels = { outside: 'Di luar DTSEN', outsideTick: 'Luar', desil: (desil: number) => `Desil ${desil}` };

describe('cause rows', () => {
  it('keeps every cause in removal order, named, with its kind and source', () => {
    const rows = toCauseRows(causes, names, 4);
    expect(rows).toHaveLength(20);
    expect(rows[0]).toMatchObject({ order: 1, cause: 'OUTSIDE_DTSEN', kind: 'outside', units: 31 });
    expect(rows[4]).toMatchObject({ order: 5, cause: 'ASN_TNI_POLRI', kind: 'criterion', detectedBy: 'BKN', label: 'asn_tni_polri' });
    expect(rows.at(-1)).toMatchObject({ order: 20, cause: 'DESIL_ABOVE_RANGE', kind: 'desil', label: 'above 4' });
  });

  it('charts only causes that occur, the largest first', () => {
    const bars = causeChartData(toCauseRows(causes, names, 4));
    expect(bars.map((row) => row.units)).toEqual([121, 77, 56, 50, 39, 31, 30, 18, 12, 10, 10, 9, 5, 3, 2]);
    // Equal counts keep the removal order: retired ASN (7th) before state budget income (11th).
    expect(bars.slice(9, 11).map((row) => row.cause)).toEqual(['RETIRED_ASN_TNI_POLRI', 'STATE_BUDGET_INCOME']);
  });
});

describe('desil rows', () => {
  it('puts outside DTSEN first when it holds units, then desil 1–10 with the classes', () => {
    const rows = toDesilRows(byDesilFixture.targetingErrors.byDesil, 1, 4, labels);
    expect(rows.map((row) => row.tick)).toEqual(['Luar', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(rows[0]).toMatchObject({ label: 'Di luar DTSEN', inRange: false, inclusion: 31, recipients: 31, coverage: null });
    expect(rows[1]).toMatchObject({ label: 'Desil 1', inRange: true, correct: 3350, inclusion: 75, exclusion: 4602, eligible: 7952 });
    expect(rows[1]?.coverage).toBeCloseTo(3350 / 7952);
    expect(rows[5]).toMatchObject({ desil: 5, inRange: false, pending: 235, inclusion: 71, coverage: null });
  });

  it('leaves out an empty outside-DTSEN column and fills missing desil with zeros', () => {
    const rows = toDesilRows(
      [
        { desil: 0, summary: summary({ recipients: 0, eligible: 0, correctRecipients: 0, inclusionErrors: 0, exclusionErrors: 0, pendingGroundCheck: 0 }) },
        { desil: 2, summary: summary({ recipients: 5, eligible: 8, correctRecipients: 5, inclusionErrors: 0, exclusionErrors: 3, pendingGroundCheck: 0 }) },
      ],
      1,
      5,
      labels,
    );
    expect(rows).toHaveLength(10);
    expect(rows[0]).toMatchObject({ desil: 1, units: 0, recipients: 0, coverage: null });
    expect(rows[1]).toMatchObject({ desil: 2, correct: 5, exclusion: 3, coverage: 5 / 8 });
    expect(rows.filter((row) => row.inRange).map((row) => row.desil)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('sub-region order', () => {
  it('ranks by inclusion rate, worst first, by default', () => {
    expect(toTargetingSort(parseSubRegionSort(undefined))).toEqual({ field: 'INCLUSION_RATE', direction: 'DESC' });
  });

  it('reads the URL order into the API order', () => {
    expect(toTargetingSort(parseSubRegionSort('exclusion_rate.asc'))).toEqual({ field: 'EXCLUSION_RATE', direction: 'ASC' });
    expect(toTargetingSort(parseSubRegionSort('name.asc'))).toEqual({ field: 'NAME', direction: 'ASC' });
    expect(toTargetingSort(parseSubRegionSort('pending.desc'))).toEqual({ field: 'INCLUSION_RATE', direction: 'DESC' });
  });

  it('reads page offsets and child levels', () => {
    expect([parseOffset('50'), parseOffset('-5'), parseOffset('x'), parseOffset(undefined), parseOffset('2.5')]).toEqual([50, 0, 0, 0, 0]);
    expect(['NATION', 'PROVINCE', 'REGENCY', 'DISTRICT', 'VILLAGE'].map(childLevel)).toEqual(['PROVINCE', 'REGENCY', 'DISTRICT', 'VILLAGE', null]);
  });
});

describe('withheld counts (small cells)', () => {
  it('keeps a withheld desil count withheld and tells a withheld coverage from "nobody eligible"', () => {
    const byDesil = [
      { desil: 0, summary: { ...summary({ recipients: 3, eligible: 0, correctRecipients: 0, inclusionErrors: 3, exclusionErrors: 0, pendingGroundCheck: 0 }), units: null, recipients: null, inclusionErrors: null } },
      { desil: 1, summary: { ...summary({ recipients: 40, eligible: 44, correctRecipients: 40, inclusionErrors: 0, exclusionErrors: 4, pendingGroundCheck: 0 }), exclusionErrors: null } },
      { desil: 2, summary: { ...summary({ recipients: 2, eligible: 30, correctRecipients: 2, inclusionErrors: 0, exclusionErrors: 28, pendingGroundCheck: 0 }), recipients: null, correctRecipients: null } },
    ];
    const rows = toDesilRows(byDesil, 1, 4, labels);
    // Outside DTSEN holds a withheld count (1 or more): shown.
    expect(rows[0]).toMatchObject({ desil: 0, units: null, recipients: null, coverage: null, coverageWithheld: false });
    expect(rows[1]).toMatchObject({ desil: 1, exclusion: null, coverage: 40 / 44, coverageWithheld: false });
    expect(rows[2]).toMatchObject({ desil: 2, recipients: null, correct: null, coverage: null, coverageWithheld: true });
  });

  it('leaves withheld causes out of the chart', () => {
    const rows = toCauseRows([{ cause: 'OUTSIDE_DTSEN', units: null, shareOfInclusionErrors: null, shareOfRecipients: null }, { cause: 'DESIL_ABOVE_RANGE', units: 7, shareOfInclusionErrors: 1, shareOfRecipients: 0.1 }], names, 4);
    expect(causeChartData(rows).map((row) => row.cause)).toEqual(['DESIL_ABOVE_RANGE']);
  });
});
