import { describe, expect, it } from 'vitest';
import { applyChange, DEFAULT_STATE, levelOfCode, parseLocation, regencyOfCode, toHref } from './url-state';

describe('parseLocation / toHref', () => {
  it('reads view, pickers, language and view settings', () => {
    const state = parseLocation('/kuota', '?versi=3&program=pbi_jkn&wilayah=32.01&lang=en&status=UNDER&urut=gap');
    expect(state).toEqual({
      view: 'quota',
      versionId: 3,
      programCode: 'PBI_JKN',
      regionCode: '32.01',
      lang: 'en',
      params: { status: 'UNDER', urut: 'gap' },
    });
    expect(toHref(state)).toBe('/kuota?versi=3&program=PBI_JKN&wilayah=32.01&lang=en&status=UNDER&urut=gap');
  });

  it('falls back to defaults for anything malformed', () => {
    expect(parseLocation('/nowhere', '?versi=-1&program=NOPE&wilayah=32;DROP&lang=fr')).toEqual(DEFAULT_STATE);
    expect(parseLocation('/desil/', '?versi=1.5&wilayah=3').view).toBe('desil');
    expect(parseLocation('/desil/', '?versi=1.5&wilayah=3').versionId).toBeNull();
  });

  it('round-trips every state through its link, defaults left out', () => {
    expect(toHref(DEFAULT_STATE)).toBe('/');
    const states = [
      { ...DEFAULT_STATE, view: 'trends' as const, params: { dari: '1', ke: '4' } },
      { ...DEFAULT_STATE, view: 'desil' as const, regionCode: '32.01.01.2001', versionId: 2 },
      { ...DEFAULT_STATE, view: 'proposals' as const, lang: 'en' as const },
    ];
    for (const state of states) {
      const href = new URL(toHref(state), 'http://x');
      expect(parseLocation(href.pathname, href.search)).toEqual(state);
    }
  });

  it('sorts view settings so equal states give equal links', () => {
    const a = toHref({ ...DEFAULT_STATE, params: { b: '2', a: '1' } });
    const b = toHref({ ...DEFAULT_STATE, params: { a: '1', b: '2' } });
    expect(a).toBe(b);
  });
});

describe('applyChange', () => {
  const quota = parseLocation('/kuota', '?wilayah=32&status=UNDER&q=bogor');

  it('merges settings and removes the ones set to null or empty', () => {
    expect(applyChange(quota, { params: { q: null, urut: 'gap' } }).params).toEqual({ status: 'UNDER', urut: 'gap' });
    expect(applyChange(quota, { params: { status: '' } }).params).toEqual({ q: 'bogor' });
  });

  it('drops the old view settings when the view changes, keeps the pickers', () => {
    const next = applyChange(quota, { view: 'desil' });
    expect(next.params).toEqual({});
    expect(next.regionCode).toBe('32');
    expect(applyChange(quota, { view: 'desil', params: { banding: '3' } }).params).toEqual({ banding: '3' });
  });

  it('sets the version back to latest with null', () => {
    expect(applyChange({ ...quota, versionId: 2 }, { versionId: null }).versionId).toBeNull();
    expect(applyChange({ ...quota, versionId: 2 }, {}).versionId).toBe(2);
  });
});

describe('levelOfCode / regencyOfCode', () => {
  it('follows the dotted segments', () => {
    expect(['ID', '32', '32.01', '32.01.01', '32.01.01.2001'].map(levelOfCode)).toEqual([
      'NATION',
      'PROVINCE',
      'REGENCY',
      'DISTRICT',
      'VILLAGE',
    ]);
    expect(['ID', '32', '32.01', '32.01.01.2001'].map(regencyOfCode)).toEqual([null, null, '32.01', '32.01']);
  });
});
