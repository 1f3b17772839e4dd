import { describe, expect, it } from 'vitest';
import { csvFileName, toCsv } from './csv';

describe('toCsv', () => {
  it('writes a header line and one line per row, raw numbers, CRLF ends', () => {
    const csv = toCsv(
      [
        { header: 'Wilayah', value: (row: { name: string; n: number; share: number }) => row.name },
        { header: 'Jumlah', value: (row) => row.n },
        { header: 'Persentase', value: (row) => row.share },
      ],
      [
        { name: 'Jawa Barat', n: 1234567, share: 0.1234 },
        { name: 'Aceh', n: 0, share: 0 },
      ],
    );
    expect(csv).toBe('Wilayah,Jumlah,Persentase\r\nJawa Barat,1234567,0.1234\r\nAceh,0,0\r\n');
  });

  it('quotes commas, quotes, line breaks and edge spaces; empties null and non-finite numbers', () => {
    const csv = toCsv(
      [{ header: 'a', value: (row: { v: string | number | null }) => row.v }],
      [{ v: 'Kota "Baru", Kalsel' }, { v: 'dua\nbaris' }, { v: ' spasi' }, { v: null }, { v: Number.NaN }],
    );
    expect(csv.split('\r\n')).toEqual(['a', '"Kota ""Baru"", Kalsel"', '"dua\nbaris"', '" spasi"', '', '', '']);
  });

  it('has only the header for no rows', () => {
    expect(toCsv([{ header: 'x', value: () => 1 }], [])).toBe('x\r\n');
  });
});

describe('csvFileName', () => {
  it('slugs the parts', () => {
    expect(csvFileName('Kuota PKH', 'Jawa Barat', 'DTSEN 2025-Q3')).toBe('kuota-pkh-jawa-barat-dtsen-2025-q3.csv');
    expect(csvFileName('Sebaran — Kab. Bogor')).toBe('sebaran-kab-bogor.csv');
    expect(csvFileName('—')).toBe('dtsen.csv');
  });
});

describe('toCsv extra lines', () => {
  it('appends totals after the rows', () => {
    expect(toCsv([{ header: 'a', value: (n: number) => n }], [1, 2], [['Jumlah', 3]])).toBe('a\r\n1\r\n2\r\nJumlah,3\r\n');
  });
});
