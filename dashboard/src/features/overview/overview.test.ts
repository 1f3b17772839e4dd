import { describe, expect, it } from 'vitest';
import { overviewFixture } from './__fixtures__/figures';
import { changeOf, gapTone, overviewVariables, quotaScope, toHeadline, toneOf, toProgramRows } from './overview';

describe('changeOf and toneOf', () => {
  it('is the difference with the previous version, or null without one', () => {
    expect(changeOf(10, 7)).toEqual({ current: 10, previous: 7, change: 3, withheld: false });
    // null: withheld by the API (a small cell); undefined: no previous version.
    expect(changeOf(10, null)).toEqual({ current: 10, previous: null, change: null, withheld: true });
    expect(changeOf(null, 7)).toEqual({ current: null, previous: 7, change: null, withheld: true });
    expect(changeOf(10, undefined)).toEqual({ current: 10, previous: null, change: null, withheld: false });
  });

  it('calls more coverage good and more errors bad', () => {
    expect(toneOf(changeOf(0.3, 0.2), 'up', true)).toBe('good');
    expect(toneOf(changeOf(0.2, 0.3), 'up', true)).toBe('bad');
    expect(toneOf(changeOf(500, 400), 'down')).toBe('bad');
    expect(toneOf(changeOf(400, 500), 'down')).toBe('good');
  });

  it('is neutral for counts without a direction, no change, a change too small to show, or no previous version', () => {
    expect(toneOf(changeOf(500, 400), 'neither')).toBe('neutral');
    expect(toneOf(changeOf(400, 400), 'down')).toBe('neutral');
    expect(toneOf(changeOf(0.30004, 0.3), 'up', true)).toBe('neutral');
    expect(toneOf(changeOf(0.3, null), 'up', true)).toBe('neutral');
  });

  it('calls a quota gap better the closer it gets to zero, from either side', () => {
    expect(gapTone(changeOf(-13, -15))).toBe('good');
    expect(gapTone(changeOf(-15, -13))).toBe('bad');
    expect(gapTone(changeOf(4, 10))).toBe('good');
    expect(gapTone(changeOf(-4, 4))).toBe('neutral');
    expect(gapTone(changeOf(4, null))).toBe('neutral');
  });
});

describe('quotaScope and overviewVariables', () => {
  it('counts the kabupaten/kota of the nation and of a province', () => {
    expect(quotaScope('ID')).toEqual({ kind: 'area', provinceCode: null });
    expect(quotaScope('32')).toEqual({ kind: 'area', provinceCode: '32' });
  });

  it('takes a kabupaten itself, and the kabupaten containing a kecamatan or desa', () => {
    expect(quotaScope('32.01')).toEqual({ kind: 'regency', provinceCode: '32', regencyCode: '32.01', own: true });
    expect(quotaScope('32.01.01')).toEqual({ kind: 'regency', provinceCode: '32', regencyCode: '32.01', own: false });
    expect(quotaScope('32.01.01.2001')).toEqual({ kind: 'regency', provinceCode: '32', regencyCode: '32.01', own: false });
  });

  it('asks for the previous version when there is one', () => {
    expect(overviewVariables('32', 5, 4)).toEqual({
      regionCode: '32',
      versionId: 5,
      fromVersionId: 4,
      previousVersionId: 4,
      hasPrevious: true,
      provinceCode: '32',
      regencyCode: null,
    });
  });

  it('repeats the version in the previous slots of the first version, and filters a kecamatan by its kabupaten', () => {
    expect(overviewVariables('32.01.01', 1, null)).toEqual({
      regionCode: '32.01.01',
      versionId: 1,
      fromVersionId: 1,
      previousVersionId: 1,
      hasPrevious: false,
      provinceCode: null,
      regencyCode: '32.01',
    });
  });
});

describe('toHeadline', () => {
  it('gives families, individuals and the desil 1–4 share with their changes', () => {
    const headline = toHeadline(overviewFixture());
    expect(headline.regionName).toBe('Indonesia');
    expect(headline.families).toEqual({ current: 92_017, previous: 91_568, change: 449, withheld: false });
    expect(headline.individuals.change).toBe(1_876);
    expect(headline.share14.change).toBeCloseTo(-0.00016, 8);
    expect(headline.families14).toBe(Math.round(0.38622 * 92_017));
    expect(headline.desilShares).toHaveLength(10);
    expect(headline.desilShares[0]).toBe(0.091);
  });

  it('has no changes for the first version', () => {
    const headline = toHeadline(overviewFixture({ hasPrevious: false }));
    expect(headline.families).toEqual({ current: 92_017, previous: null, change: null, withheld: false });
    expect(headline.share14.change).toBeNull();
  });
});

describe('toProgramRows', () => {
  it('gives every program in display order with its figures at both versions', () => {
    const rows = toProgramRows(overviewFixture(), 'ID', 3, 2);
    expect(rows.map((row) => row.code)).toEqual(['PKH', 'SEMBAKO', 'PBI_JKN', 'ATENSI', 'PIP']);
    const pkh = rows[0];
    expect(pkh?.recipients).toEqual({ current: 9_475, previous: 9_502, change: -27, withheld: false });
    expect(pkh?.coverage.change).toBeCloseTo(0.00232, 8);
    expect(pkh?.inclusionErrors).toEqual({ current: 473, previous: 506, change: -33, withheld: false });
    expect(pkh?.pendingGroundCheck.change).toBe(-23);
    expect(pkh?.unit).toBe('FAMILY');
  });

  it('counts kabupaten/kota under and over quota at the nation; ATENSI and PIP are by assessment', () => {
    const rows = toProgramRows(overviewFixture(), 'ID', 3, 2);
    expect(rows[0]?.quota).toEqual({
      kind: 'area',
      regencies: 514,
      under: { current: 279, previous: 274, change: 5, withheld: false },
      over: { current: 168, previous: 176, change: -8, withheld: false },
    });
    expect(rows.find((row) => row.code === 'ATENSI')?.quota).toEqual({ kind: 'assessment' });
    expect(rows.find((row) => row.code === 'PIP')?.quota).toEqual({ kind: 'assessment' });
  });

  it('shows a kabupaten its own status and gap, and a kecamatan the status of its kabupaten', () => {
    const own = toProgramRows(overviewFixture({ region: 'regency' }), '32.01', 3, 2)[0]?.quota;
    expect(own).toEqual({
      kind: 'regency',
      regencyCode: '32.01',
      regencyName: 'Kabupaten Bogor',
      own: true,
      status: 'OVER',
      quota: 177,
      recipients: 192,
      gap: { current: -15, previous: -13, change: -2, withheld: false },
    });
    const containing = toProgramRows(overviewFixture({ region: 'district' }), '32.01.01', 3, 2)[0]?.quota;
    expect(containing).toMatchObject({ kind: 'regency', regencyName: 'Kabupaten Bogor', own: false });
  });

  it('says when the kabupaten is missing from the quota rows', () => {
    const rows = toProgramRows(overviewFixture({ region: 'regency' }), '33.01', 3, 2);
    expect(rows[0]?.quota).toEqual({ kind: 'missing' });
  });

  it('has no changes for the first version', () => {
    const rows = toProgramRows(overviewFixture({ hasPrevious: false }), 'ID', 3, null);
    expect(rows[0]?.recipients).toEqual({ current: 9_475, previous: null, change: null, withheld: false });
    expect(rows[0]?.quota).toMatchObject({ kind: 'area', under: { current: 279, previous: null, change: null, withheld: false } });
  });
});
