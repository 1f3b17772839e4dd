import { describe, expect, it } from 'vitest';
import { buildKk, buildNik, checkNik } from './nik.js';

describe('NIK', () => {
  it('encodes district, birth date (+40 for women) and serial', () => {
    expect(buildNik('32.01.05', new Date(Date.UTC(1990, 6, 9)), false, 3)).toBe('3201050907900003');
    expect(buildNik('32.01.05', new Date(Date.UTC(1990, 6, 9)), true, 12)).toBe('3201054907900012');
    expect(buildKk('11.01.01', new Date(Date.UTC(2010, 0, 2)), 1)).toBe('1101010201100001');
  });

  it('checks structure', () => {
    expect(checkNik('3201054907900012')).toBeNull();
    expect(checkNik('320105490790001')).toBe('NOT_16_DIGITS');
    expect(checkNik('3201053207900012')).toBe('BAD_BIRTH_DATE');
    expect(checkNik('3201050913900012')).toBe('BAD_BIRTH_DATE');
    expect(checkNik('3201050907900000')).toBe('ZERO_SERIAL');
  });
});
