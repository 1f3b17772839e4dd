import { describe, expect, it } from 'vitest';
import { bucketsFixture } from './__fixtures__/distribution';
import {
  compareSeries,
  compareVersionOf,
  cumulativeUpTo,
  desilBand,
  desilLabel,
  paramOfUnit,
  toRows,
  toSeries,
  unitOfParam,
} from './toSeries';

const bucket = (desil: number, families: number, individuals: number) => ({
  desil,
  families,
  individuals,
  familyShare: families / 100,
  individualShare: individuals / 400,
});

describe('desilBand', () => {
  it('separates the PKH range (1–4) and desil 5 from desil 6–10', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(desilBand)).toEqual([
      'priority',
      'priority',
      'priority',
      'priority',
      'extended',
      'upper',
      'upper',
      'upper',
      'upper',
      'upper',
    ]);
  });
});

describe('toRows', () => {
  it('orders the rows by desil, whatever order the API used', () => {
    const rows = toRows([...bucketsFixture].reverse());
    expect(rows.map((row) => row.desil)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(rows[0]).toEqual({ ...bucketsFixture[0], label: 'Desil 1', band: 'priority' });
  });

  it('fills a desil without families with zeros so there are always ten rows', () => {
    const rows = toRows([bucket(2, 60, 240), bucket(9, 40, 160)]);
    expect(rows).toHaveLength(10);
    expect(rows[0]).toEqual({
      desil: 1,
      label: 'Desil 1',
      band: 'priority',
      families: 0,
      individuals: 0,
      familyShare: 0,
      individualShare: 0,
    });
    expect(rows[1]?.families).toBe(60);
    expect(rows[8]?.individuals).toBe(160);
  });

  it('ignores buckets outside desil 1–10', () => {
    const rows = toRows([bucket(0, 5, 5), bucket(11, 5, 5), bucket(3, 10, 40)]);
    expect(rows.map((row) => row.families)).toEqual([0, 0, 10, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('returns ten empty rows for no buckets', () => {
    expect(toRows([]).every((row) => row.families === 0 && row.individualShare === 0)).toBe(true);
  });
});

describe('toSeries', () => {
  const buckets = [bucket(1, 30, 160), bucket(5, 20, 80), bucket(7, 50, 160)];

  it('takes counts and shares of families for the Keluarga unit', () => {
    const series = toSeries(buckets, 'families');
    expect(series.map((point) => point.label)).toEqual([
      'Desil 1',
      'Desil 2',
      'Desil 3',
      'Desil 4',
      'Desil 5',
      'Desil 6',
      'Desil 7',
      'Desil 8',
      'Desil 9',
      'Desil 10',
    ]);
    expect(series[0]).toEqual({ desil: 1, label: 'Desil 1', band: 'priority', value: 30, share: 0.3 });
    expect(series[4]).toEqual({ desil: 5, label: 'Desil 5', band: 'extended', value: 20, share: 0.2 });
    expect(series[6]).toEqual({ desil: 7, label: 'Desil 7', band: 'upper', value: 50, share: 0.5 });
  });

  it('takes counts and shares of individuals for the Individu unit', () => {
    const series = toSeries(buckets, 'individuals');
    expect(series.map((point) => point.value)).toEqual([160, 0, 0, 0, 80, 0, 160, 0, 0, 0]);
    expect(series.map((point) => point.share)).toEqual([0.4, 0, 0, 0, 0.2, 0, 0.4, 0, 0, 0]);
  });

  it('keeps shares summing to one for a complete distribution', () => {
    for (const unit of ['families', 'individuals'] as const) {
      const total = toSeries(bucketsFixture, unit).reduce((sum, point) => sum + (point.share ?? Number.NaN), 0);
      expect(total).toBeCloseTo(1, 10);
    }
  });
});

describe('cumulativeUpTo', () => {
  it('adds counts and shares of desil 1 up to the given desil', () => {
    const series = toSeries([bucket(1, 10, 40), bucket(4, 20, 40), bucket(5, 30, 40), bucket(6, 40, 40)], 'families');
    const upTo4 = cumulativeUpTo(series, 4);
    const upTo5 = cumulativeUpTo(series, 5);
    expect(upTo4).toMatchObject({ maxDesil: 4, value: 30 });
    expect(upTo4.share).toBeCloseTo(0.3, 12);
    expect(upTo5).toMatchObject({ maxDesil: 5, value: 60 });
    expect(upTo5.share).toBeCloseTo(0.6, 12);
  });
});

describe('desilLabel', () => {
  it('names a desil the way the chart and the table show it', () => {
    expect(desilLabel(10)).toBe('Desil 10');
  });

  it('can be replaced by the labeller of the current language', () => {
    expect(toSeries(bucketsFixture, 'families', (desil) => `Decile ${desil}`).map((point) => point.label)[9]).toBe('Decile 10');
  });
});

describe('compareSeries', () => {
  it('puts the compared version beside each desil with the difference in units and in shares', () => {
    const current = [bucket(1, 30, 120), bucket(2, 70, 280)];
    const before = [bucket(1, 40, 120), bucket(3, 60, 280)];
    const points = compareSeries(current, before, 'families');
    expect(points).toHaveLength(10);
    expect(points[0]).toMatchObject({ desil: 1, value: 30, compareValue: 40, difference: -10 });
    expect(points[0]?.shareDifference).toBeCloseTo(-0.1, 12);
    expect(points[1]).toMatchObject({ desil: 2, value: 70, compareValue: 0, difference: 70 });
    expect(points[2]).toMatchObject({ desil: 3, value: 0, compareValue: 60, difference: -60 });
    expect(points[9]).toMatchObject({ desil: 10, value: 0, compareValue: 0, difference: 0, shareDifference: 0 });
  });

  it('compares the individuals when that unit is selected', () => {
    const points = compareSeries([bucket(1, 30, 200)], [bucket(1, 30, 100)], 'individuals');
    expect(points[0]).toMatchObject({ value: 200, compareValue: 100, difference: 100 });
    expect(points[0]?.shareDifference).toBeCloseTo(0.25, 12);
  });
});

describe('unit in the URL', () => {
  it('reads satuan=individu as individuals and anything else as families, and writes it back', () => {
    expect(unitOfParam('individu')).toBe('individuals');
    expect(unitOfParam('')).toBe('families');
    expect(unitOfParam('jiwa')).toBe('families');
    expect(paramOfUnit('individuals')).toBe('individu');
    expect(paramOfUnit('families')).toBe('keluarga');
  });
});

describe('compareVersionOf', () => {
  const published = [{ id: 1 }, { id: 2 }, { id: 4 }];

  it('takes a published version other than the one shown', () => {
    expect(compareVersionOf('2', published, 4)).toEqual({ id: 2 });
  });

  it('ignores the version shown, unknown or unpublished ids and junk', () => {
    expect(compareVersionOf('4', published, 4)).toBeNull();
    expect(compareVersionOf('3', published, 4)).toBeNull();
    expect(compareVersionOf('', published, 4)).toBeNull();
    expect(compareVersionOf('dua', published, 4)).toBeNull();
  });
});
