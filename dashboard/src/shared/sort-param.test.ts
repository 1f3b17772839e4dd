import { describe, expect, it } from 'vitest';
import { formatSortParam, parseSortParam } from './sort-param';

const KEYS = ['gap', 'name', 'inclusion_rate'] as const;
const FALLBACK = { key: 'gap', direction: 'desc' } as const;

describe('sort parameter', () => {
  it('reads a key with its direction', () => {
    expect(parseSortParam('name.asc', KEYS, FALLBACK)).toEqual({ key: 'name', direction: 'asc' });
    expect(parseSortParam('INCLUSION_RATE.DESC', KEYS, FALLBACK)).toEqual({ key: 'inclusion_rate', direction: 'desc' });
  });

  it('takes a key alone as descending', () => {
    expect(parseSortParam('name', KEYS, FALLBACK)).toEqual({ key: 'name', direction: 'desc' });
  });

  it('falls back on a missing, unknown or malformed value', () => {
    expect(parseSortParam(undefined, KEYS, FALLBACK)).toBe(FALLBACK);
    expect(parseSortParam('', KEYS, FALLBACK)).toBe(FALLBACK);
    expect(parseSortParam('population.asc', KEYS, FALLBACK)).toBe(FALLBACK);
    expect(parseSortParam('name.up', KEYS, FALLBACK)).toBe(FALLBACK);
    expect(parseSortParam('name.asc.x', KEYS, FALLBACK)).toBe(FALLBACK);
  });

  it('writes key.direction, which reads back the same', () => {
    expect(formatSortParam({ key: 'name', direction: 'asc' })).toBe('name.asc');
    expect(parseSortParam(formatSortParam({ key: 'gap', direction: 'asc' }), KEYS, FALLBACK)).toEqual({ key: 'gap', direction: 'asc' });
  });
});
