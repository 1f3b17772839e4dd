import { describe, expect, it } from 'vitest';
import { bucketsFixture } from './__fixtures__/distribution';
import { cumulativeUpTo, desilBand, desilLabel, toRows, toSeries } from './toSeries';

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
      const total = toSeries(bucketsFixture, unit).reduce((sum, point) => sum + point.share, 0);
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
});
