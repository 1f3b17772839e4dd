import { describe, expect, it } from 'vitest';
import { isRegionCode, isValidRegionsLimit } from './region.logic.js';

describe('isRegionCode', () => {
  it('accepts the nation and Kemendagri codes at every level', () => {
    for (const code of ['ID', '32', '32.01', '32.01.01', '32.01.01.2001']) expect(isRegionCode(code)).toBe(true);
  });

  it('rejects malformed codes', () => {
    for (const code of ['', 'id', '3', '320', '32.1', '32.01.01.201', '32.01.01.2001.1', '32;DROP', ' 32']) {
      expect(isRegionCode(code)).toBe(false);
    }
  });
});

describe('isValidRegionsLimit', () => {
  it('accepts 1..500 and rejects the rest', () => {
    expect([1, 50, 500].map(isValidRegionsLimit)).toEqual([true, true, true]);
    expect([0, -1, 501, 2.5, Number.NaN].map(isValidRegionsLimit)).toEqual([false, false, false, false, false]);
  });
});
