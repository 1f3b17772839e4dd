import { describe, expect, it } from 'vitest';
import { formatCompact, formatCount, formatDate, formatShare } from './format';

describe('formatCount', () => {
  it('groups thousands with dots, as Indonesian readers write them', () => {
    expect(formatCount(94_999_999)).toBe('94.999.999');
    expect(formatCount(1_234)).toBe('1.234');
    expect(formatCount(0)).toBe('0');
  });

  it('never shows decimals for counts', () => {
    expect(formatCount(1_234.6)).toBe('1.235');
  });
});

describe('formatShare', () => {
  it('turns a fraction into a percentage with a decimal comma', () => {
    expect(formatShare(0.1234)).toBe('12,3%');
    expect(formatShare(1)).toBe('100,0%');
    expect(formatShare(0)).toBe('0,0%');
  });
});

describe('formatCompact', () => {
  it('abbreviates with Indonesian units (rb = ribu, jt = juta), joined by a no-break space', () => {
    expect(formatCompact(28_900_000)).toBe('28,9\u00a0jt');
    expect(formatCompact(12_500)).toBe('12,5\u00a0rb');
    expect(formatCompact(950)).toBe('950');
  });
});

describe('formatDate', () => {
  it('formats an ISO date-time as a long Indonesian date in WIB', () => {
    expect(formatDate('2026-01-15T03:00:00.000Z')).toBe('15 Januari 2026');
    // 20:00 UTC is already the next day in Jakarta (UTC+7).
    expect(formatDate('2025-06-30T20:00:00.000Z')).toBe('1 Juli 2025');
  });

  it('returns null for a missing or unparsable date', () => {
    expect(formatDate(null)).toBeNull();
    expect(formatDate('bukan tanggal')).toBeNull();
  });
});
