import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CsvRecord, CsvParser, csvLine, parseCsv, readCsvFile } from './csv.js';

const brief = (records: CsvRecord[]) => records.map((r) => [r.line, r.fields, r.malformed]);

describe('CSV reader', () => {
  it('reports the physical line each record starts on, quoted line breaks included', () => {
    const text = 'a,b\r\n1,"two\r\nlines"\r\n\r\n3,"x ""y"""\n"4\n\n5",6\n7,8';
    expect(brief(parseCsv(text))).toEqual([
      [1, ['a', 'b'], null],
      [2, ['1', 'two\r\nlines'], null],
      [5, ['3', 'x "y"'], null], // line 4 is blank: skipped
      [6, ['4\n\n5', '6'], null],
      [9, ['7', '8'], null], // no line break at the end
    ]);
  });

  it('drops the byte order mark and keeps empty fields', () => {
    expect(brief(parseCsv('\uFEFFa,b,c\n,,\n""\n'))).toEqual([
      [1, ['a', 'b', 'c'], null],
      [2, ['', '', ''], null],
      [3, [''], null],
    ]);
  });

  it('flags malformed records without losing them or the records after them', () => {
    const records = parseCsv('a,b\nx"y,1\n"q"z,2\nok,3\n"open,4\n5,6');
    expect(brief(records)).toEqual([
      [1, ['a', 'b'], null],
      [2, ['x"y', '1'], 'a quote inside an unquoted field (quote the field and double the quote)'],
      [3, ['qz', '2'], 'text after the closing quote of a field'],
      [4, ['ok', '3'], null],
      [5, ['open,4\n5,6'], 'a quoted field is not closed before the end of the file'],
    ]);
  });

  it('gives the same records whatever the chunking (here: one character at a time)', () => {
    const text = 'h1,h2\r\n"a\r\nb",c\r\n\r\nd,"e,""f"""\r\n';
    const out: CsvRecord[] = [];
    const parser = new CsvParser((r) => out.push(r));
    for (const ch of text) parser.push(ch);
    parser.end();
    expect(out).toEqual(parseCsv(text));
  });

  it('round-trips any fields through csvLine (property)', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', '"', '\n', '\r', 'é', '\u0000', '9') , maxLength: 12 });
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 }), (rows) => {
        const text = rows.map((r) => csvLine(r)).join('\r\n');
        expect(parseCsv(text).map((r) => r.fields)).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });

  it('streams a file, decoding UTF-8 with invalid bytes as U+FFFD', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dtsen-csv-'));
    try {
      const file = join(dir, 'x.csv');
      writeFileSync(file, Buffer.concat([Buffer.from('\uFEFFname,city\nSiti,Bogor\n'), Buffer.from([0x42, 0xff, 0x2c, 0x43, 0x0a])]));
      const out: CsvRecord[] = [];
      await readCsvFile(file, (r) => out.push(r));
      expect(brief(out)).toEqual([
        [1, ['name', 'city'], null],
        [2, ['Siti', 'Bogor'], null],
        [3, ['B\uFFFD', 'C'], null],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
