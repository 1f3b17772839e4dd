import { describe, expect, it } from 'vitest';
import { buildKk, buildNik, checkKk, checkNik, nikBirth } from './nik.js';

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

  it('accepts only birth dates that exist in the calendar, with +40 for women', () => {
    expect(checkNik('3201053101900001')).toBeNull(); // 31 January
    expect(checkNik('3201057101900001')).toBeNull(); // 31 January, a woman
    expect(checkNik('3201053102900001')).toBe('BAD_BIRTH_DATE'); // 31 February
    expect(checkNik('3201053104900001')).toBe('BAD_BIRTH_DATE'); // 31 April
    expect(checkNik('3201053601900001')).toBe('BAD_BIRTH_DATE'); // day 36: neither a man's nor a woman's day
    expect(checkNik('3201050001900001')).toBe('BAD_BIRTH_DATE'); // day 0
    expect(checkNik('3201054001900001')).toBe('BAD_BIRTH_DATE'); // day 40 = a woman's day 0
    expect(checkNik('3201052902960001')).toBeNull(); // 29 February 1996
    expect(checkNik('3201056902000001')).toBeNull(); // 29 February 2000, a woman
    expect(checkNik('3201052902970001')).toBe('BAD_BIRTH_DATE'); // 1997 and 2097 are not leap years
    expect(nikBirth('3201054907900012')).toEqual({ day: 9, month: 7, year2: 90, female: true });
    expect(nikBirth('3201050907900003')).toEqual({ day: 9, month: 7, year2: 90, female: false });
    expect(nikBirth('32010509079000')).toBeNull();
  });

  it('checks KK numbers: 16 digits, an issue date without the +40 rule, a serial', () => {
    expect(checkKk(buildKk('11.01.01', new Date(Date.UTC(2010, 0, 2)), 1))).toBeNull();
    expect(checkKk('110101020110001')).toBe('NOT_16_DIGITS');
    expect(checkKk('11010102011000a1')).toBe('NOT_16_DIGITS');
    expect(checkKk('1101014201100001')).toBe('BAD_ISSUE_DATE'); // day 42: the +40 rule is for women's NIK only
    expect(checkKk('1101013013100001')).toBe('BAD_ISSUE_DATE'); // month 13
    expect(checkKk('1101010201100000')).toBe('ZERO_SERIAL');
  });
});
