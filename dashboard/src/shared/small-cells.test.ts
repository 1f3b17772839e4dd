import { describe, expect, it } from 'vitest';
import { differenceOrNull, formatOrMark, isWithheld, shareOrNull, smallCellMark, sumOrNull } from './small-cells';

describe('small cells', () => {
  it('writes a withheld value as "<threshold>"', () => {
    expect(smallCellMark(5)).toBe('<5');
    expect(formatOrMark(null, String, '<5')).toBe('<5');
    expect(formatOrMark(0, String, '<5')).toBe('0');
  });

  it('withholds a sum, difference or share computed from a withheld value, and only then', () => {
    expect(sumOrNull([1, 2, 3])).toBe(6);
    expect(sumOrNull([])).toBe(0);
    expect(sumOrNull([1, null, 3])).toBeNull();
    expect(differenceOrNull(10, 4)).toBe(6);
    expect(differenceOrNull(10, null)).toBeNull();
    expect(differenceOrNull(undefined, 4)).toBeNull();
    expect(shareOrNull(1, 4)).toBe(0.25);
    expect(shareOrNull(0, 0)).toBe(0);
    expect(shareOrNull(null, 4)).toBeNull();
    expect(shareOrNull(3, null)).toBeNull();
  });

  it('reads an object’s `suppressed` list', () => {
    expect(isWithheld({ suppressed: ['recipients', 'gap'] }, 'gap')).toBe(true);
    expect(isWithheld({ suppressed: [] }, 'gap')).toBe(false);
    expect(isWithheld(null, 'gap')).toBe(false);
  });
});
