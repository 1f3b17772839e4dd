/**
 * Property-based fuzzing of the import: files of valid rows mutated at random (truncated or foreign NIKs, impossible
 * dates, wrong sex for the NIK, bad enums, garbage and invalid UTF-8 bytes, fields added or dropped, quoted line
 * breaks, stray quotes, duplicates, changes to published people) go through the real importer on a real SQLite copy.
 * Whatever comes in: no exception, every record read is accepted or rejected (with its physical line and a reason),
 * the database holds exactly the accepted rows, and importing the same file again changes nothing.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqlite } from '../../db/sqlite.js';
import { identifierHash, openIdentifier } from '../../domain/identifiers.js';
import { type ImportKind, REJECT_CODES, nikBirthDigits } from '../../domain/import-rules.js';
import { generateDataset } from '../../generator/generate.js';
import { TEST_DATA_KEY, testIdentifierKeys } from '../__tests__/fixture.js';
import { headerOf, syntheticFamilies, villagesByDistrict } from './__tests__/files.js';
import { csvLine } from './csv.js';
import { type ImportReport, importFiles } from './import.service.js';

let dir: string;
let base: string;
/** Valid rows per kind: new ones and ones already in the database (some published, unchanged). */
const pools: Record<'families' | 'individuals' | 'poverty', string[][]> = { families: [], individuals: [], poverty: [] };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dtsen-import-fuzz-'));
  base = join(dir, 'base.db');
  await generateDataset({ scale: 0.0002, versions: 2, seed: 4, file: base, progress: null, dataKey: TEST_DATA_KEY });
  const db = openSqlite(base, { readonly: true });
  try {
    const families = db
      .prepare(
        `SELECT f.kk_sealed, f.village_code, f.source, s.* FROM family f JOIN family_state s ON s.family_id = f.id
          WHERE s.valid_to_version_id IS NULL ORDER BY f.id LIMIT 12`,
      )
      .all() as Array<Record<string, string | number>>;
    for (const s of families) {
      pools.families.push(
        [
          openIdentifier(testIdentifierKeys, String(s.kk_sealed)), s.village_code, s.source, s.member_count, s.income_monthly, s.wall_type,
          s.floor_type, s.roof_type, s.floor_area_m2, s.electricity_va, s.water_source, s.sanitation, s.cooking_fuel, s.house_ownership,
          s.land_m2, s.motorcycles, s.cars, s.gold_grams, s.savings_rp, s.loans_rp, s.ground_check_status, '',
        ].map(String),
      );
    }
    pools.families.push(...syntheticFamilies(villagesByDistrict(db), 12, 7).map((f) => f.row));
    const people = db
      .prepare('SELECT i.*, f.kk_sealed FROM individual i JOIN family f ON f.id = i.family_id WHERE i.from_version_id = 1 ORDER BY i.id LIMIT 12')
      .all() as Array<Record<string, string | number>>;
    for (const p of people) {
      const kk = openIdentifier(testIdentifierKeys, String(p.kk_sealed));
      pools.individuals.push(
        [
          openIdentifier(testIdentifierKeys, String(p.nik_sealed)), kk, p.name, p.relationship, p.sex, String(p.birth_date).slice(0, 10),
          p.education, p.work_status, p.work_sector, p.disability ? 'true' : 'false', p.chronic_illness ? '1' : '0', p.deceased ? 'true' : 'false',
        ].map(String),
      );
      // A new member of the same family (NIK serial 9000+ in the family's kecamatan).
      const female = pools.individuals.length % 2 === 0;
      const date = `2024-0${(pools.individuals.length % 9) + 1}-1${pools.individuals.length % 10}`;
      pools.individuals.push([
        `${kk.slice(0, 6)}${nikBirthDigits(date, female)}${9000 + pools.individuals.length}`, kk, female ? 'Putri Baru' : 'Putra Baru', 'CHILD',
        female ? 'FEMALE' : 'MALE', date, 'NONE', 'NOT_IN_LABOUR_FORCE', 'NONE', 'false', 'false', '',
      ]);
    }
    for (const r of db.prepare("SELECT * FROM poverty WHERE period = '2024-03' ORDER BY regency_code LIMIT 6").all() as Array<Record<string, number | string | null>>) {
      pools.poverty.push([r.regency_code, r.period, r.poor_thousands, r.p0, r.poverty_line, r.p1, r.p2].map((v) => (v === null ? '' : String(v))));
      pools.poverty.push([String(r.regency_code), '2027-03', String(r.poor_thousands), String(r.p0), '', '', '']);
    }
  } finally {
    db.close();
  }
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Stands for one byte 0xFF in a generated file (invalid UTF-8); never produced otherwise. */
const BAD_BYTE = '\uE000';

type Mutation =
  | { kind: 'none' }
  | { kind: 'truncate'; column: number; length: number }
  | { kind: 'replace'; column: number; value: string }
  | { kind: 'garbage'; column: number; text: string }
  | { kind: 'extraField' }
  | { kind: 'dropField' }
  | { kind: 'newline'; column: number }
  | { kind: 'strayQuote'; column: number };

interface Entry {
  base: number;
  mutations: Mutation[];
}

const garbageText = fc.string({
  unit: fc.constantFrom('x', ' ', '\u0000', '\u0007', '\t', '\uFFFD', 'é', '😀', '\u202E', ';', "'", '\\', '0', '9', '-', '.', BAD_BYTE),
  minLength: 1,
  maxLength: 6,
});

function mutationArb(columns: number, values: readonly string[]): fc.Arbitrary<Mutation> {
  const column = fc.integer({ min: 0, max: columns - 1 });
  return fc.oneof(
    { weight: 14, arbitrary: fc.constant({ kind: 'none' as const }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('truncate' as const), column, length: fc.integer({ min: 0, max: 15 }) }) },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('replace' as const), column, value: fc.constantFrom(...values) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('garbage' as const), column, text: garbageText }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'extraField' as const }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'dropField' as const }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('newline' as const), column }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('strayQuote' as const), column }) },
  );
}

/** Replacement values: valid ones of other columns, near misses and hostile ones. */
const VALUES: Record<'families' | 'individuals' | 'poverty', string[]> = {
  individuals: [
    '', 'true', 'deceased', 'FEMALE', 'MALE', 'female', 'HEAD', 'OTHER', 'TERTIARY', '1990-02-30', '1990-13-01', '2999-01-01', '1899-12-31',
    '9999990101900001', '3201010101900000', '3201013201900001', '3201017101900001', '1', '0', 'yes', '-1', '1e3', 'NULL', ' ', '"',
    '3201010101209999',
  ],
  families: [
    '', '0', '-5', '11', '5', '1e9', '2147483648', '99999999999999999', '1,5', '12.5', 'MASONRY', 'masonry', 'NON_DTSEN', 'PROPOSAL',
    'CONFIRMED', '32.01.01.9999', '32.01.01.1001', '9999990101200001', '3201010101200000', '3201013201200001', 'NaN', 'Infinity',
  ],
  poverty: ['', '2026-3', '2026-13', '1999-03', '32.99', '32.01', '-0.1', '100.1', '0', '7.5', 'abc', '1e2', '2030-03'],
};

/** The file of some entries and the physical line each record starts on (header = line 1). */
function buildFile(pool: readonly string[][], entries: readonly Entry[], header: readonly string[]): { bytes: Buffer; lines: number[]; rows: string[][] } {
  let text = `${csvLine(header)}\r\n`;
  let line = 2;
  const lines: number[] = [];
  const rows: string[][] = [];
  for (const entry of entries) {
    const fields = [...pool[entry.base % pool.length]!];
    let raw: string | null = null;
    for (const m of entry.mutations) {
      switch (m.kind) {
        case 'none':
          break;
        case 'truncate':
          if (m.column < fields.length) fields[m.column] = fields[m.column]!.slice(0, m.length);
          break;
        case 'replace':
          if (m.column < fields.length) fields[m.column] = m.value;
          break;
        case 'garbage':
          if (m.column < fields.length) fields[m.column] = fields[m.column]! + m.text;
          break;
        case 'extraField':
          fields.push('extra');
          break;
        case 'dropField':
          if (fields.length > 2) fields.pop();
          break;
        case 'newline':
          if (m.column < fields.length) fields[m.column] = `${fields[m.column]}\nlanjut`;
          break;
        case 'strayQuote':
          if (m.column < fields.length) fields[m.column] = `x${fields[m.column]}"y`;
          break;
      }
    }
    const plain = fields.every((f) => !/[",\r\n]/u.test(f.replace(/^x[^",\r\n]*"y$/u, 'x')));
    // A stray quote is written as is (a malformed record, still one record on one line) when the row allows it.
    if (entry.mutations.some((m) => m.kind === 'strayQuote') && plain) raw = fields.join(',');
    const serialized = raw ?? csvLine(fields);
    lines.push(line);
    rows.push(fields);
    line += 1 + (serialized.match(/\n/gu)?.length ?? 0);
    text += `${serialized}\r\n`;
  }
  const parts = text.split(BAD_BYTE);
  const bytes = Buffer.concat(parts.flatMap((p, i) => (i === 0 ? [Buffer.from(p)] : [Buffer.from([0xff]), Buffer.from(p)])));
  return { bytes, lines, rows };
}

let runs = 0;
/** What the runs of each kind produced, so that a property cannot pass vacuously (all rows rejected, or none). */
const tally: Record<string, { accepted: number; rejected: number; codes: Set<string> }> = {};

/** Imports one file of `kind` into a fresh copy; checks the properties common to every kind; returns what to check next. */
async function importFuzzed(kind: 'families' | 'individuals' | 'poverty', entries: Entry[]): Promise<{ file: string; report: ImportReport; rows: string[][]; accepted: Set<number>; rejected: Set<number> }> {
  const file = join(dir, `fuzz-${++runs}.db`);
  copyFileSync(base, file);
  const built = buildFile(pools[kind], entries, headerOf(kind));
  const csv = join(dir, `fuzz-${runs}.csv`);
  writeFileSync(csv, built.bytes);
  const db = openSqlite(file);
  let report: ImportReport;
  try {
    report = await importFiles(db, [{ kind: kind as ImportKind, path: csv }], { dataKey: TEST_DATA_KEY, now: new Date('2026-06-30T00:00:00Z') });
  } finally {
    db.close();
  }
  const k = report.kinds[0]!;
  const t = (tally[kind] ??= { accepted: 0, rejected: 0, codes: new Set() });
  t.accepted += k.read - k.rejected;
  t.rejected += k.rejected;
  for (const r of k.rejects) for (const reason of r.reasons) t.codes.add(reason.code);
  expect(k.read).toBe(entries.length);
  expect(k.accepted.inserted + k.accepted.updated + k.accepted.unchanged + k.rejected).toBe(k.read);
  expect(k.rejects.length).toBe(k.rejected);
  const lineSet = new Set(built.lines);
  const rejected = new Set<number>();
  for (const r of k.rejects) {
    expect(lineSet.has(r.line), `rejected line ${r.line} is a record's first line`).toBe(true);
    expect(rejected.has(r.line)).toBe(false);
    rejected.add(r.line);
    expect(r.reasons.length).toBeGreaterThan(0);
    for (const reason of r.reasons) {
      expect(REJECT_CODES).toContain(reason.code);
      expect(reason.message.length).toBeGreaterThan(0);
    }
  }
  const accepted = new Set(built.lines.filter((l) => !rejected.has(l)).map((l) => built.lines.indexOf(l)));
  return { file, report, rows: built.rows, accepted, rejected: new Set(built.lines.flatMap((l, i) => (rejected.has(l) ? [i] : []))) };
}

/** Importing the same file a second time: nothing inserted or updated, and not one row written (SQLite's own count). */
async function importedTwiceIsIdempotent(file: string, csv: string, kind: ImportKind): Promise<void> {
  const db = openSqlite(file);
  try {
    const again = await importFiles(db, [{ kind, path: csv }], { dataKey: TEST_DATA_KEY, now: new Date('2026-06-30T00:00:00Z') });
    expect(again.kinds[0]!.accepted.inserted + again.kinds[0]!.accepted.updated).toBe(0);
    expect(db.prepare('SELECT total_changes()').pluck().get()).toBe(0);
  } finally {
    db.close();
  }
}

/** Rows of a table. */
function rowCount(file: string, table: string): number {
  const db = openSqlite(file, { readonly: true });
  try {
    return db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
  } finally {
    db.close();
  }
}

const entries = (columns: number, values: readonly string[]) =>
  fc.array(fc.record({ base: fc.nat(), mutations: fc.array(mutationArb(columns, values), { minLength: 1, maxLength: 2 }) }), {
    minLength: 1,
    maxLength: 60,
    size: 'medium',
  });

const trim = (s: string) => s.trim();

describe('import fuzzing (property-based)', () => {
  it('individuals: hostile rows never crash the import, nothing is lost, the database holds exactly the accepted rows', async () => {
    await fc.assert(
      fc.asyncProperty(entries(12, VALUES.individuals), async (list) => {
        const kind = 'individuals';
        const snapshot = (file: string, nik: string) => {
          const db = openSqlite(file, { readonly: true });
          try {
            return db.prepare('SELECT name, sex, birth_date, family_id, deceased, from_version_id, to_version_id FROM individual WHERE nik_hash = ?').get(identifierHash(testIdentifierKeys, nik)) as Record<string, unknown> | undefined;
          } finally {
            db.close();
          }
        };
        const { file, report, rows, accepted, rejected } = await importFuzzed(kind, list);
        const k = report.kinds[0]!;
        expect(rowCount(file, 'individual') - rowCount(base, 'individual')).toBe(k.accepted.inserted);
        const acceptedNiks = new Set([...accepted].map((i) => trim(rows[i]![0]!)));
        for (const i of accepted) {
          const row = rows[i]!.map(trim);
          const stored = snapshot(file, row[0]!);
          expect(stored, `accepted line ${i}`).toMatchObject({ name: row[2], sex: row[4], birth_date: `${row[5]}T00:00:00.000Z` });
          expect(stored!.deceased).toBe(row[11] === 'true' || row[11] === '1' ? 1 : 0);
        }
        for (const i of rejected) {
          const nik = trim(rows[i]![0] ?? '');
          if (!/^\d{16}$/u.test(nik) || acceptedNiks.has(nik)) continue;
          expect(snapshot(file, nik), `rejected line ${i} left its person as it was`).toEqual(snapshot(base, nik));
        }
        await importedTwiceIsIdempotent(file, file.replace(/\.db$/u, '.csv'), kind);
        rmSync(file);
      }),
      { numRuns: 15 },
    );
    expect(tally.individuals!.accepted).toBeGreaterThan(0);
    expect(tally.individuals!.rejected).toBeGreaterThan(0);
    expect(tally.individuals!.codes.size).toBeGreaterThanOrEqual(5);
  }, 300_000);

  it('families: hostile rows never crash the import, nothing is lost, the database holds exactly the accepted rows', async () => {
    await fc.assert(
      fc.asyncProperty(entries(22, VALUES.families), async (list) => {
        const { file, report, rows, accepted } = await importFuzzed('families', list);
        const k = report.kinds[0]!;
        expect(rowCount(file, 'family') - rowCount(base, 'family')).toBe(k.accepted.inserted);
        const db = openSqlite(file, { readonly: true });
        try {
          for (const i of accepted) {
            const row = rows[i]!.map(trim);
            const family = db.prepare('SELECT id, source, first_version_id FROM family WHERE kk_hash = ?').get(identifierHash(testIdentifierKeys, row[0]!)) as
              | { id: number; source: string; first_version_id: number }
              | undefined;
            expect(family, `accepted line ${i}`).toBeDefined();
            expect(family!.source).toBe(row[2]);
            const state = db.prepare('SELECT village_code, income_monthly FROM family_state WHERE family_id = ? AND valid_to_version_id IS NULL').get(family!.id) as
              | { village_code: string; income_monthly: number }
              | undefined;
            if (row[2] === 'NON_DTSEN') expect(state).toBeUndefined();
            else expect(state).toEqual({ village_code: row[1], income_monthly: Number(row[4]) });
          }
        } finally {
          db.close();
        }
        await importedTwiceIsIdempotent(file, file.replace(/\.db$/u, '.csv'), 'families');
        rmSync(file);
      }),
      { numRuns: 15 },
    );
    expect(tally.families!.accepted).toBeGreaterThan(0);
    expect(tally.families!.rejected).toBeGreaterThan(0);
    expect(tally.families!.codes.size).toBeGreaterThanOrEqual(5);
  }, 300_000);

  it('poverty: hostile rows never crash the import and the table holds exactly the accepted figures', async () => {
    await fc.assert(
      fc.asyncProperty(entries(7, VALUES.poverty), async (list) => {
        const { file, report, rows, accepted } = await importFuzzed('poverty', list);
        expect(rowCount(file, 'poverty') - rowCount(base, 'poverty')).toBe(report.kinds[0]!.accepted.inserted);
        const db = openSqlite(file, { readonly: true });
        try {
          for (const i of accepted) {
            const row = rows[i]!.map(trim);
            const stored = db.prepare('SELECT poor_thousands, p0 FROM poverty WHERE regency_code = ? AND period = ?').get(row[0], row[1]);
            expect(stored).toEqual({ poor_thousands: Number(row[2]), p0: Number(row[3]) });
          }
        } finally {
          db.close();
        }
        await importedTwiceIsIdempotent(file, file.replace(/\.db$/u, '.csv'), 'poverty');
        rmSync(file);
      }),
      { numRuns: 20 },
    );
    expect(tally.poverty!.accepted).toBeGreaterThan(0);
    expect(tally.poverty!.rejected).toBeGreaterThan(0);
    expect(tally.poverty!.codes.size).toBeGreaterThanOrEqual(5);
  }, 300_000);
});
