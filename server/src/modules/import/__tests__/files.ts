/**
 * Import files for the specs: valid synthetic families and people in the shape of domain/import-rules.ts COLUMNS,
 * with KK and NIK numbers built like the generator's (real kecamatan prefix, dates, +40 for women) but serials from
 * 5000 up, which the generator never reaches at test scales, so they never collide with the dataset's people.
 */
import { writeFileSync } from 'node:fs';
import type { SqliteDatabase } from '../../../db/sqlite.js';
import { COLUMNS, type ImportKind, nikBirthDigits } from '../../../domain/import-rules.js';
import { csvLine } from '../csv.js';

/** The header of a kind, every column (optional ones included). */
export function headerOf(kind: ImportKind): string[] {
  return COLUMNS[kind].map((c) => c.name);
}

/** One village per kecamatan: `[6-digit prefix, village code]`, in code order. */
export function villagesByDistrict(db: SqliteDatabase): Array<[string, string]> {
  const rows = db
    .prepare("SELECT MIN(code) AS village FROM region WHERE level = 'VILLAGE' GROUP BY substr(code, 1, 8) ORDER BY 1")
    .pluck()
    .all() as string[];
  return rows.map((village) => [village.slice(0, 8).replaceAll('.', ''), village]);
}

/** A small deterministic generator (xorshift32). */
export class TestRng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0 || 1;
  }
  next(): number {
    this.s ^= this.s << 13;
    this.s >>>= 0;
    this.s ^= this.s >>> 17;
    this.s ^= this.s << 5;
    this.s >>>= 0;
    return this.s / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
}

export interface SyntheticFamily {
  kk: string;
  village: string;
  /** The row, in {@link headerOf}('families') order. */
  row: string[];
}

const WALLS = ['MASONRY', 'PLASTERED_BAMBOO', 'WOOD', 'BAMBOO', 'OTHER'];
const FLOORS = ['CERAMIC', 'CEMENT', 'WOOD', 'BAMBOO', 'EARTH'];
const ROOFS = ['CONCRETE', 'TILE', 'ZINC', 'ASBESTOS', 'THATCH'];
const WATER = ['BOTTLED', 'PIPED', 'PROTECTED_WELL', 'UNPROTECTED', 'SURFACE'];
const SANITATION = ['PRIVATE_SEPTIC', 'PRIVATE_NO_SEPTIC', 'SHARED', 'NONE'];
const FUEL = ['ELECTRIC_GAS', 'LPG_LARGE', 'LPG_3KG', 'KEROSENE', 'WOOD'];
const OWNERSHIP = ['OWNED', 'RENTED', 'RENT_FREE', 'OTHER'];

/**
 * `count` new families, spread over the kecamatan (family i in district i mod D, serial 5000 + i div D), so KKs are
 * unique for up to D × 4,999 families. `offset` shifts the serial range (distinct batches).
 */
export function syntheticFamilies(villages: ReadonlyArray<[string, string]>, count: number, seed = 1, offset = 0): SyntheticFamily[] {
  const rng = new TestRng(seed);
  const out: SyntheticFamily[] = [];
  for (let i = 0; i < count; i++) {
    const [district, village] = villages[i % villages.length]!;
    const serial = 5000 + offset + Math.floor(i / villages.length);
    const kk = `${district}010120${String(serial).padStart(4, '0')}`;
    const nonDtsen = rng.next() < 0.03;
    const members = rng.int(1, 6);
    const row = nonDtsen
      ? [kk, village, 'NON_DTSEN', ...Array.from({ length: 19 }, () => '')]
      : [
          kk, village, rng.pick(['REGSOSEK', 'DTKS', 'P3KE', 'PROPOSAL']), String(members), String(rng.int(300, 12_000) * 1000),
          rng.pick(WALLS), rng.pick(FLOORS), rng.pick(ROOFS), String(rng.int(12, 150)), rng.pick(['0', '450', '900', '1300', '2200']),
          rng.pick(WATER), rng.pick(SANITATION), rng.pick(FUEL), rng.pick(OWNERSHIP), String(rng.int(0, 3) * 500), String(rng.int(0, 3)),
          String(rng.int(0, 1) * rng.int(0, 1)), String(rng.int(0, 20)), String(rng.int(0, 50) * 100_000), String(rng.int(0, 10) * 500_000),
          rng.pick(['', 'NOT_CHECKED', 'CONFIRMED']), rng.next() < 0.2 ? String(rng.int(1, 10)) : '',
        ];
    out.push({ kk, village, row });
  }
  return out;
}

/** Members of the families: `perFamily` people each (head, spouse, children), NIK serials unique per kecamatan. */
export function syntheticPeople(families: readonly SyntheticFamily[], perFamily: number, seed = 2): string[][] {
  const rng = new TestRng(seed);
  const out: string[][] = [];
  for (const family of families) {
    const district = family.kk.slice(0, 6);
    const base = Number(family.kk.slice(12)) - 5000;
    for (let j = 0; j < perFamily; j++) {
      const female = j === 1 ? true : j === 0 ? false : rng.next() < 0.5;
      const year = j < 2 ? rng.int(1950, 1995) : rng.int(1996, 2022);
      const date = `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
      // Serial: 5000 + 10 × (the family's serial offset) + j, unique within the kecamatan for j < 10.
      const nik = `${district}${nikBirthDigits(date, female)}${String(5000 + ((base * 10) % 4990) + j).padStart(4, '0')}`;
      out.push([
        nik, family.kk, `${female ? 'Siti' : 'Budi'} Test ${j}`, j === 0 ? 'HEAD' : j === 1 ? 'SPOUSE' : 'CHILD', female ? 'FEMALE' : 'MALE', date,
        rng.pick(['NONE', 'PRIMARY', 'JUNIOR_SECONDARY', 'SENIOR_SECONDARY', 'TERTIARY']), j < 2 ? 'WORKING' : 'STUDENT',
        j < 2 ? rng.pick(['AGRICULTURE', 'TRADE', 'SERVICES']) : 'NONE', rng.next() < 0.02 ? 'true' : 'false', rng.next() < 0.05 ? '1' : '0', 'false',
      ]);
    }
  }
  return out;
}

/** CSV text of a header and rows (CRLF line ends). */
export function csvText(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return `${[header, ...rows].map((r) => csvLine(r)).join('\r\n')}\r\n`;
}

export function writeCsv(path: string, header: readonly string[], rows: ReadonlyArray<readonly string[]>): void {
  writeFileSync(path, csvText(header, rows));
}
