import { describe, expect, it } from 'vitest';
import { programLabel, versionName, viewTitle } from './labels';

describe('display names', () => {
  it('names programs as users say them', () => {
    expect(['PKH', 'SEMBAKO', 'PBI_JKN', 'PIP', 'ATENSI', 'OTHER'].map(programLabel)).toEqual(['PKH', 'Sembako', 'PBI-JKN', 'PIP', 'ATENSI', 'OTHER']);
  });

  it('prefixes version labels with DTSEN once', () => {
    expect(versionName('2026-Q2')).toBe('DTSEN 2026-Q2');
    expect(versionName('DTSEN 2025-Q3')).toBe('DTSEN 2025-Q3');
  });

  it('joins the known parts of a view title', () => {
    expect(viewTitle('Kuota PKH', 'Jawa Barat', 'DTSEN 2025-Q3')).toBe('Kuota PKH · Jawa Barat · DTSEN 2025-Q3');
    expect(viewTitle('Ringkasan', undefined, null)).toBe('Ringkasan');
  });
});
