import { describe, expect, it } from 'vitest';
import { maskIdentifier, maskKk, maskName, maskNik } from './masking.js';

describe('maskIdentifier (NIK / KK)', () => {
  it('keeps the first 4 and the last 4 digits of a 16-digit number', () => {
    expect(maskNik('3201234567890003')).toBe('3201********0003');
    expect(maskKk('3201019876540001')).toBe('3201********0001');
  });

  it('keeps the length of the identifier', () => {
    expect(maskIdentifier('1234567890')).toBe('1234**7890');
  });

  it('masks short identifiers completely', () => {
    expect(maskIdentifier('12345678')).toBe('********');
    expect(maskIdentifier('123')).toBe('***');
    expect(maskIdentifier('')).toBe('');
  });

  it('never contains the hidden middle digits', () => {
    const nik = '3201415505990003';
    const masked = maskNik(nik);
    expect(masked).not.toContain(nik.slice(4, 12));
    expect(masked).toHaveLength(16);
  });
});

describe('maskName', () => {
  it('keeps the first letter of each word and hides the rest', () => {
    expect(maskName('Bambang Sutris')).toBe('B****** S*****');
    expect(maskName('Budi Santoso')).toBe('B*** S******');
  });

  it('handles a single word, extra whitespace and one-letter words', () => {
    expect(maskName('Suharti')).toBe('S******');
    expect(maskName('  Siti   Nur  A  ')).toBe('S*** N** A');
    expect(maskName('')).toBe('');
  });

  it('counts characters, not UTF-16 units', () => {
    expect(maskName('Élodie Ñuñez')).toBe('É***** Ñ****');
  });
});
