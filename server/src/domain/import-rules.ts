/**
 * Rules of the CSV import (`dtsen import`, issue 6 "Hostile and broken input"), as pure functions over plain data.
 *
 * - The file shapes: the columns of each kind ({@link COLUMNS}) and the header check ({@link checkHeader}).
 * - Row validation: a row (column → text) becomes a typed record or a list of reasons `{ column, code, message }`
 *   ({@link validateRow}); identifiers follow `nik.ts` (region prefix = a real kecamatan, birth date with +40 for women,
 *   matching `birth_date` and `sex`), region codes and programs are checked against reference sets the caller loads once.
 * - Placement of a family that comes without a desil: PMT score (`pmt.ts`) placed by the cut points of the latest
 *   published version ({@link placeFamily}).
 * - What an accepted record does to the registry at the open draft version: insert, update, leave unchanged, or reject
 *   because it would rewrite what a published version shows ({@link decideFamily}, {@link decidePerson},
 *   {@link decideEnrollment}, {@link decidePoverty}).
 *
 * No I/O, no framework: the import module (`modules/import/`) reads files and the database and executes the decisions.
 */
import { checkKk, checkNik, nikBirth } from './nik.js';
import { pmtScore, type WelfareInputs } from './pmt.js';

/** The kinds of file, in the order a run that imports several of them applies them (each may refer to the ones before). */
export const IMPORT_KINDS = ['poverty', 'families', 'individuals', 'enrollments'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Why a row is rejected (README, "Importing real files", lists each). */
export const REJECT_CODES = [
  // The record itself
  'MALFORMED_CSV', 'WRONG_FIELD_COUNT', 'INVALID_TEXT', 'TOO_LONG', 'MISSING_VALUE', 'UNEXPECTED_VALUE',
  // Identifiers
  'NIK_NOT_16_DIGITS', 'NIK_UNKNOWN_REGION', 'NIK_BAD_BIRTH_DATE', 'NIK_ZERO_SERIAL', 'NIK_BIRTH_DATE_MISMATCH', 'KK_INVALID',
  'KK_UNKNOWN_REGION',
  // Values
  'UNKNOWN_VILLAGE', 'UNKNOWN_REGENCY', 'BAD_ENUM', 'BAD_BOOLEAN', 'NOT_A_NUMBER', 'OUT_OF_RANGE', 'BAD_DATE', 'BAD_PERIOD',
  'DESIL_UNPLACEABLE',
  // Across rows and against the registry
  'DUPLICATE_IN_FILE', 'UNKNOWN_FAMILY', 'UNKNOWN_INDIVIDUAL', 'UNKNOWN_PROGRAM', 'UNIT_MISMATCH', 'NOT_ENROLLED', 'PUBLISHED_RECORD_CHANGED',
] as const;
export type RejectCode = (typeof REJECT_CODES)[number];

/** One reason a row is rejected: the column it concerns ("" for the whole row), a code and a readable message. */
export interface RejectReason {
  column: string;
  code: RejectCode;
  message: string;
}

/** Enum values accepted in the files: exactly the Prisma enum values of prisma/schema.prisma (a spec checks). */
export const IMPORT_ENUMS = {
  FamilySource: ['REGSOSEK', 'DTKS', 'P3KE', 'PROPOSAL', 'NON_DTSEN'],
  WallType: ['MASONRY', 'PLASTERED_BAMBOO', 'WOOD', 'BAMBOO', 'OTHER'],
  FloorType: ['CERAMIC', 'CEMENT', 'WOOD', 'BAMBOO', 'EARTH'],
  RoofType: ['CONCRETE', 'TILE', 'ZINC', 'ASBESTOS', 'THATCH'],
  WaterSource: ['BOTTLED', 'PIPED', 'PROTECTED_WELL', 'UNPROTECTED', 'SURFACE'],
  Sanitation: ['PRIVATE_SEPTIC', 'PRIVATE_NO_SEPTIC', 'SHARED', 'NONE'],
  CookingFuel: ['ELECTRIC_GAS', 'LPG_LARGE', 'LPG_3KG', 'KEROSENE', 'WOOD'],
  HouseOwnership: ['OWNED', 'RENTED', 'RENT_FREE', 'OTHER'],
  GroundCheckStatus: ['NOT_CHECKED', 'CONFIRMED', 'INELIGIBLE', 'ADDRESS_NOT_FOUND'],
  Relationship: ['HEAD', 'SPOUSE', 'CHILD', 'CHILD_IN_LAW', 'GRANDCHILD', 'PARENT', 'OTHER'],
  Sex: ['MALE', 'FEMALE'],
  Education: ['NONE', 'PRIMARY', 'JUNIOR_SECONDARY', 'SENIOR_SECONDARY', 'TERTIARY'],
  WorkStatus: ['WORKING', 'UNEMPLOYED', 'STUDENT', 'HOUSEKEEPING', 'NOT_IN_LABOUR_FORCE'],
  WorkSector: ['NONE', 'AGRICULTURE', 'MANUFACTURING', 'CONSTRUCTION', 'TRADE', 'TRANSPORT', 'SERVICES', 'GOVERNMENT'],
  EnrollmentStartReason: ['INITIAL', 'QUOTA_FILL', 'PROPOSAL', 'REACTIVATION'],
  EnrollmentEndReason: ['GRADUATED', 'DECEASED', 'NEGATIVE_LIST', 'EXCLUSION_CRITERION', 'RERANKED', 'OUTSIDE_DTSEN', 'MAX_DURATION', 'MOVED'],
} as const;
type EnumName = keyof typeof IMPORT_ENUMS;
type EnumValue<E extends EnumName> = (typeof IMPORT_ENUMS)[E][number];

/** A column of an import file: whether the header must have it. */
export interface ColumnSpec {
  name: string;
  /** The header must name this column (its value may still be empty on some rows, e.g. welfare inputs of NON_DTSEN). */
  required: boolean;
}

const req = (...names: string[]): ColumnSpec[] => names.map((name) => ({ name, required: true }));
const opt = (...names: string[]): ColumnSpec[] => names.map((name) => ({ name, required: false }));

/** The welfare inputs of a family state, in file order (the PMT inputs of `pmt.ts`). */
const WELFARE_COLUMNS = [
  'member_count', 'income_monthly', 'wall_type', 'floor_type', 'roof_type', 'floor_area_m2', 'electricity_va',
  'water_source', 'sanitation', 'cooking_fuel', 'house_ownership', 'land_m2', 'motorcycles', 'cars', 'gold_grams',
  'savings_rp', 'loans_rp',
] as const;

/** The columns of each kind of file, in the order of the documented shape (README, "Importing real files"). */
export const COLUMNS: Record<ImportKind, readonly ColumnSpec[]> = {
  families: [...req('kk', 'village_code', 'source', ...WELFARE_COLUMNS), ...opt('ground_check_status', 'desil')],
  individuals: [
    ...req('nik', 'kk', 'name', 'relationship', 'sex', 'birth_date', 'education', 'work_status', 'work_sector', 'disability', 'chronic_illness'),
    ...opt('deceased'),
  ],
  enrollments: [...req('program_code'), ...opt('kk', 'nik'), ...req('regency_code'), ...opt('start_reason', 'member_since_year', 'end_reason')],
  poverty: [...req('regency_code', 'period', 'poor_thousands', 'p0'), ...opt('poverty_line', 'p1', 'p2')],
};

/** The header of a file: where each known column is, or what is wrong with it (the whole file is then refused). */
export type HeaderCheck =
  | { ok: true; columns: readonly string[] }
  | { ok: false; missing: string[]; unknown: string[]; duplicated: string[] };

/** Checks a header row: column names are trimmed and lower-cased; unknown, duplicated or missing required ones refuse it. */
export function checkHeader(kind: ImportKind, header: readonly string[]): HeaderCheck {
  const specs = COLUMNS[kind];
  const known = new Set(specs.map((c) => c.name));
  const columns = header.map((h) => h.replace(/^\uFEFF/u, '').trim().toLowerCase());
  const seen = new Set<string>();
  const unknown: string[] = [];
  const duplicated: string[] = [];
  for (const column of columns) {
    if (!known.has(column)) unknown.push(column);
    else if (seen.has(column)) duplicated.push(column);
    seen.add(column);
  }
  const missing = specs.filter((c) => c.required && !seen.has(c.name)).map((c) => c.name);
  if (missing.length || unknown.length || duplicated.length) return { ok: false, missing, unknown, duplicated };
  return { ok: true, columns };
}

/** Reference data rows are checked against, loaded once per import from the database. */
export interface ImportReference {
  /** 6-digit kecamatan (district) codes without dots ("320101"): the region prefix of a NIK or KK. */
  districts: ReadonlySet<string>;
  /** Village (desa/kelurahan) codes, dotted ("32.01.01.2001"). */
  villages: ReadonlySet<string>;
  /** Kabupaten/kota codes, dotted ("32.01"). */
  regencies: ReadonlySet<string>;
  /** Program code → unit of benefit. */
  programs: ReadonlyMap<string, 'FAMILY' | 'INDIVIDUAL'>;
  /** Cut points of the latest published version (empty when none is published). */
  cuts: readonly DesilCut[];
  /** {@link desilPlacer} of `cuts`, when the caller prepared it (else it is prepared per row). */
  place?: (score: number, givenDesil: number | null) => { desil: number; nationalRank: number } | null;
  /** Latest acceptable birth date, ISO "YYYY-MM-DD" (today). */
  today: string;
  /** Calendar year of the draft version: the default and the upper bound of `member_since_year`. */
  draftYear: number;
}

/** The welfare part of a family row: what a family state stores. */
export interface FamilyStateRecord extends WelfareInputs {
  villageCode: string;
  regencyCode: string;
  groundCheckStatus: EnumValue<'GroundCheckStatus'>;
  /** PMT score of the inputs (`pmtScore`, rounded to 6 decimals like the generator). */
  pmtScore: number;
  /** Desil: as given in the file, else placed by the cut points. */
  desil: number;
  /** Whether the file gave the desil (then it is compared with the stored state; else only the inputs are). */
  desilGiven: boolean;
  nationalRank: number;
}

export interface FamilyRecord {
  kk: string;
  villageCode: string;
  regencyCode: string;
  source: EnumValue<'FamilySource'>;
  /** The welfare state; null for NON_DTSEN families, which have none. */
  state: FamilyStateRecord | null;
}

export interface PersonRecord {
  nik: string;
  kk: string;
  name: string;
  relationship: EnumValue<'Relationship'>;
  sex: EnumValue<'Sex'>;
  /** ISO timestamp at midnight UTC, as the database stores it ("1990-07-09T00:00:00.000Z"). */
  birthDate: string;
  education: EnumValue<'Education'>;
  workStatus: EnumValue<'WorkStatus'>;
  workSector: EnumValue<'WorkSector'>;
  disability: boolean;
  chronicIllness: boolean;
  deceased: boolean;
}

export interface EnrollmentRecord {
  programCode: string;
  unit: 'FAMILY' | 'INDIVIDUAL';
  /** KK of the family (family programs); null for individual programs. */
  kk: string | null;
  /** NIK of the person (individual programs); null for family programs. */
  nik: string | null;
  /** Kabupaten/kota carrying the membership in its quota; null only when ending one. */
  regencyCode: string | null;
  startReason: EnumValue<'EnrollmentStartReason'>;
  /** Null = the draft's year for a new membership, the current membership's year when it moves. */
  memberSinceYear: number | null;
  /** Set: the row ends the active membership at the draft. */
  endReason: EnumValue<'EnrollmentEndReason'> | null;
}

export interface PovertyRecord {
  regencyCode: string;
  period: string;
  poorThousands: number;
  p0: number;
  povertyLine: number | null;
  p1: number | null;
  p2: number | null;
}

export interface ImportRecords {
  families: FamilyRecord;
  individuals: PersonRecord;
  enrollments: EnrollmentRecord;
  poverty: PovertyRecord;
}

/** A validated row: its typed record and the key duplicates are detected by; or why it is rejected. */
export type RowResult<K extends ImportKind> =
  | { ok: true; record: ImportRecords[K]; key: string }
  | { ok: false; reasons: RejectReason[] };

/** Longest value accepted in any field (a name is at most {@link MAX_NAME}). */
export const MAX_FIELD = 100;
export const MAX_NAME = 120;

/** The fields of one row by column name (a `Map` will do). */
export interface RowFields {
  /** The value of a column; undefined when the file has no such column. */
  get(column: string): string | undefined;
  /** Every column of the file with its value. */
  entries(): Iterable<readonly [string, string]>;
}

/**
 * Validates one row of a kind. `row` maps the file's column names to their values (trimmed here); a column the file
 * does not have reads as empty. Every problem of the row is reported, not just the first.
 */
export function validateRow<K extends ImportKind>(kind: K, row: RowFields, ref: ImportReference): RowResult<K> {
  const v = new RowReader(row);
  for (const [column, raw] of row.entries()) {
    if (hasControlOrInvalid(raw)) {
      v.fail(column, 'INVALID_TEXT', raw.includes('\ufffd') ? 'not valid UTF-8' : 'contains a control character (line break, tab, NUL ...)');
    } else if (raw.length > (column === 'name' ? MAX_NAME : MAX_FIELD)) {
      v.fail(column, 'TOO_LONG', `longer than ${column === 'name' ? MAX_NAME : MAX_FIELD} characters`);
    }
  }
  const result = validators[kind](v, ref) as { record: ImportRecords[K]; key: string } | null;
  if (v.reasons.length > 0 || result === null) return { ok: false, reasons: v.reasons };
  return { ok: true, ...result };
}

/** Whether a value holds a control character (C0, DEL) or U+FFFD, what invalid UTF-8 decodes to. */
function hasControlOrInvalid(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x7f || c === 0xfffd) return true;
  }
  return false;
}

type Validator<K extends ImportKind> = (v: RowReader, ref: ImportReference) => { record: ImportRecords[K]; key: string } | null;

const validators: { [K in ImportKind]: Validator<K> } = {
  families(v, ref) {
    const kk = v.kk('kk', ref);
    const village = v.village('village_code', ref);
    const source = v.enumOf('source', 'FamilySource');
    if (source === 'NON_DTSEN') {
      for (const column of [...WELFARE_COLUMNS, 'ground_check_status', 'desil']) {
        if (v.text(column) !== '') v.fail(column, 'UNEXPECTED_VALUE', 'a NON_DTSEN family has no welfare state: leave it empty');
      }
    }
    // With an invalid source the welfare columns are still checked, so that every problem of the row is reported.
    const dtsen = source !== 'NON_DTSEN';
    let state: FamilyStateRecord | null = null;
    if (dtsen) {
      const inputs: WelfareInputs = {
        memberCount: v.int('member_count', 1, 99),
        incomeMonthly: v.int('income_monthly', 0, 2_000_000_000),
        wallType: v.enumOf('wall_type', 'WallType')!,
        floorType: v.enumOf('floor_type', 'FloorType')!,
        roofType: v.enumOf('roof_type', 'RoofType')!,
        floorAreaM2: v.int('floor_area_m2', 0, 100_000),
        electricityVa: v.int('electricity_va', 0, 200_000),
        waterSource: v.enumOf('water_source', 'WaterSource')!,
        sanitation: v.enumOf('sanitation', 'Sanitation')!,
        cookingFuel: v.enumOf('cooking_fuel', 'CookingFuel')!,
        houseOwnership: v.enumOf('house_ownership', 'HouseOwnership')!,
        landM2: v.int('land_m2', 0, 2_000_000_000),
        motorcycles: v.int('motorcycles', 0, 99),
        cars: v.int('cars', 0, 99),
        goldGrams: v.int('gold_grams', 0, 10_000_000),
        // 64-bit columns (migration 0017): up to Rp 10^15, well inside exact doubles.
        savingsRp: v.int('savings_rp', 0, 1e15),
        loansRp: v.int('loans_rp', 0, 1e15),
      };
      const groundCheckStatus = v.text('ground_check_status') === '' ? 'NOT_CHECKED' : v.enumOf('ground_check_status', 'GroundCheckStatus');
      const desil = v.text('desil') === '' ? null : v.int('desil', 1, 10);
      if (v.reasons.length === 0 && village !== null && groundCheckStatus !== null) {
        const score = Math.round(pmtScore(inputs) * 1e6) / 1e6;
        const placed = ref.place ? ref.place(score, desil) : placeFamily(score, ref.cuts, desil);
        if (!placed) {
          v.fail('desil', 'DESIL_UNPLACEABLE', 'no published version to place the family by its PMT score: give its desil');
        } else {
          // Every field spelled out: a spread of the 17 inputs makes a slow dictionary-mode object (5x slower import).
          const x = inputs;
          state = {
            memberCount: x.memberCount, incomeMonthly: x.incomeMonthly, wallType: x.wallType, floorType: x.floorType, roofType: x.roofType,
            floorAreaM2: x.floorAreaM2, electricityVa: x.electricityVa, waterSource: x.waterSource, sanitation: x.sanitation,
            cookingFuel: x.cookingFuel, houseOwnership: x.houseOwnership, landM2: x.landM2, motorcycles: x.motorcycles, cars: x.cars,
            goldGrams: x.goldGrams, savingsRp: x.savingsRp, loansRp: x.loansRp, villageCode: village, regencyCode: regencyOf(village),
            groundCheckStatus, pmtScore: score, desil: placed.desil, desilGiven: desil !== null, nationalRank: placed.nationalRank,
          };
        }
      }
    }
    if (v.reasons.length > 0 || kk === null || village === null || source === null) return null;
    return { key: kk, record: { kk, villageCode: village, regencyCode: regencyOf(village), source, state } };
  },

  individuals(v, ref) {
    const nik = v.nik('nik', ref);
    const kk = v.kk('kk', ref);
    const name = v.required('name');
    const relationship = v.enumOf('relationship', 'Relationship');
    const sex = v.enumOf('sex', 'Sex');
    const birthDate = v.date('birth_date', '1900-01-01', ref.today);
    const education = v.enumOf('education', 'Education');
    const workStatus = v.enumOf('work_status', 'WorkStatus');
    const workSector = v.enumOf('work_sector', 'WorkSector');
    const disability = v.bool('disability', null);
    const chronicIllness = v.bool('chronic_illness', null);
    const deceased = v.bool('deceased', false);
    if (nik !== null && birthDate !== null && sex !== null) {
      const expected = nikBirthDigits(birthDate, sex === 'FEMALE');
      if (nik.slice(6, 12) !== expected) {
        v.fail('nik', 'NIK_BIRTH_DATE_MISMATCH', `NIK birth digits ${nik.slice(6, 12)} do not match birth_date ${birthDate} and sex ${sex} (expected ${expected})`);
      }
    }
    if (
      v.reasons.length > 0 || nik === null || kk === null || name === null || relationship === null || sex === null || birthDate === null ||
      education === null || workStatus === null || workSector === null || disability === null || chronicIllness === null || deceased === null
    ) {
      return null;
    }
    return {
      key: nik,
      record: {
        nik, kk, name, relationship, sex, birthDate: `${birthDate}T00:00:00.000Z`, education, workStatus, workSector, disability,
        chronicIllness, deceased,
      },
    };
  },

  enrollments(v, ref) {
    const programCode = v.required('program_code');
    const unit = programCode === null ? undefined : ref.programs.get(programCode);
    if (programCode !== null && unit === undefined) v.fail('program_code', 'UNKNOWN_PROGRAM', `no program "${programCode}" (known: ${[...ref.programs.keys()].join(', ')})`);
    const endReason = v.text('end_reason') === '' ? null : v.enumOf('end_reason', 'EnrollmentEndReason');
    const startReason = v.text('start_reason') === '' ? 'QUOTA_FILL' : v.enumOf('start_reason', 'EnrollmentStartReason');
    const memberSinceYear = v.text('member_since_year') === '' ? null : v.int('member_since_year', 1945, ref.draftYear);
    const regencyCode = v.text('regency_code') === '' && v.text('end_reason') !== '' ? null : v.regency('regency_code', ref);
    let kk: string | null = null;
    let nik: string | null = null;
    if (unit === 'FAMILY') {
      if (v.text('nik') !== '') v.fail('nik', 'UNIT_MISMATCH', `${programCode} benefits families: give the kk, not a nik`);
      if (v.text('kk') === '') v.fail('kk', 'UNIT_MISMATCH', `${programCode} benefits families: the kk is required`);
      else kk = v.kk('kk', ref);
    } else if (unit === 'INDIVIDUAL') {
      if (v.text('kk') !== '') v.fail('kk', 'UNIT_MISMATCH', `${programCode} benefits individuals: give the nik, not a kk`);
      if (v.text('nik') === '') v.fail('nik', 'UNIT_MISMATCH', `${programCode} benefits individuals: the nik is required`);
      else nik = v.nik('nik', ref);
    }
    if (v.reasons.length > 0 || programCode === null || unit === undefined || startReason === null || (kk === null && nik === null)) return null;
    return {
      key: `${programCode}|${kk ?? nik}`,
      record: { programCode, unit, kk, nik, regencyCode, startReason, memberSinceYear, endReason },
    };
  },

  poverty(v, ref) {
    const regencyCode = v.regency('regency_code', ref);
    const period = v.required('period');
    if (period !== null && !/^(19|20)\d\d-(0[1-9]|1[0-2])$/u.test(period)) v.fail('period', 'BAD_PERIOD', `"${period}" is not a period YYYY-MM (e.g. 2024-03)`);
    const poorThousands = v.decimal('poor_thousands', 0, 100_000);
    const p0 = v.decimal('p0', 0, 100);
    const povertyLine = v.text('poverty_line') === '' ? null : v.int('poverty_line', 1, 100_000_000);
    const p1 = v.text('p1') === '' ? null : v.decimal('p1', 0, 100);
    const p2 = v.text('p2') === '' ? null : v.decimal('p2', 0, 100);
    if (v.reasons.length > 0 || regencyCode === null || period === null) return null;
    return { key: `${regencyCode}|${period}`, record: { regencyCode, period, poorThousands, p0, povertyLine, p1, p2 } };
  },
};

/** Regency ("32.01") of a dotted village or district code. */
export function regencyOf(code: string): string {
  return code.slice(0, 5);
}

/** The six NIK digits a birth date and sex give: DDMMYY with 40 added to the day for women. */
export function nikBirthDigits(isoDate: string, female: boolean): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const pad = (n: number) => String(n).padStart(2, '0');
  return pad(day + (female ? 40 : 0)) + pad(month) + pad(year % 100);
}

/** Reads and checks the fields of one row, collecting reasons. Getters return null (or 0) after a failure. */
class RowReader {
  readonly reasons: RejectReason[] = [];

  constructor(private readonly row: RowFields) {}

  fail(column: string, code: RejectCode, message: string): void {
    this.reasons.push({ column, code, message });
  }

  text(column: string): string {
    return (this.row.get(column) ?? '').trim();
  }

  required(column: string): string | null {
    const value = this.text(column);
    if (value === '') {
      this.fail(column, 'MISSING_VALUE', 'required');
      return null;
    }
    return value;
  }

  enumOf<E extends EnumName>(column: string, name: E): EnumValue<E> | null {
    const value = this.required(column);
    if (value === null) return null;
    const allowed = IMPORT_ENUMS[name] as readonly string[];
    if (!allowed.includes(value)) {
      this.fail(column, 'BAD_ENUM', `"${value}" is not one of ${allowed.join(', ')}`);
      return null;
    }
    return value as EnumValue<E>;
  }

  int(column: string, min: number, max: number): number {
    const value = this.required(column);
    if (value === null) return 0;
    if (!/^[+-]?\d{1,15}$/u.test(value)) {
      this.fail(column, 'NOT_A_NUMBER', `"${value}" is not a whole number (digits only, no separators)`);
      return 0;
    }
    return this.inRange(column, Number(value), min, max);
  }

  decimal(column: string, min: number, max: number): number {
    const value = this.required(column);
    if (value === null) return 0;
    if (!/^[+-]?(\d{1,15}(\.\d{0,12})?|\.\d{1,12})$/u.test(value)) {
      this.fail(column, 'NOT_A_NUMBER', `"${value}" is not a number (a dot for decimals, no separators)`);
      return 0;
    }
    return this.inRange(column, Number(value), min, max);
  }

  private inRange(column: string, n: number, min: number, max: number): number {
    if (n < min || n > max) {
      this.fail(column, 'OUT_OF_RANGE', `${n} is outside ${min}..${max}`);
      return 0;
    }
    return n;
  }

  bool(column: string, fallback: boolean | null): boolean | null {
    const value = this.text(column);
    if (value === '' && fallback !== null) return fallback;
    if (value === '') {
      this.fail(column, 'MISSING_VALUE', 'required');
      return null;
    }
    if (value === '1' || value === 'true') return true;
    if (value === '0' || value === 'false') return false;
    this.fail(column, 'BAD_BOOLEAN', `"${value}" is not true, false, 1 or 0`);
    return null;
  }

  /** An ISO date "YYYY-MM-DD" that exists, within [min, max]. */
  date(column: string, min: string, max: string): string | null {
    const value = this.required(column);
    if (value === null) return null;
    const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value);
    const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
    if (!match || !date || date.toISOString().slice(0, 10) !== value) {
      this.fail(column, 'BAD_DATE', `"${value}" is not a date YYYY-MM-DD`);
      return null;
    }
    if (value < min || value > max) {
      this.fail(column, 'OUT_OF_RANGE', `${value} is outside ${min}..${max}`);
      return null;
    }
    return value;
  }

  nik(column: string, ref: ImportReference): string | null {
    const value = this.required(column);
    if (value === null) return null;
    const problem = checkNik(value);
    if (problem === 'NOT_16_DIGITS') this.fail(column, 'NIK_NOT_16_DIGITS', `"${value}" is not 16 digits`);
    else if (problem === 'BAD_BIRTH_DATE') {
      this.fail(column, 'NIK_BAD_BIRTH_DATE', `digits 7-12 (${value.slice(6, 12)}) are not a birth date DDMMYY (day + 40 for women)`);
    } else if (problem === 'ZERO_SERIAL') this.fail(column, 'NIK_ZERO_SERIAL', 'the serial (last 4 digits) is 0000');
    if (problem === 'NOT_16_DIGITS') return null;
    if (!ref.districts.has(value.slice(0, 6))) {
      this.fail(column, 'NIK_UNKNOWN_REGION', `the region prefix ${value.slice(0, 6)} is not a kecamatan code`);
      return null;
    }
    return problem === null && nikBirth(value) !== null ? value : null;
  }

  kk(column: string, ref: ImportReference): string | null {
    const value = this.required(column);
    if (value === null) return null;
    const problem = checkKk(value);
    if (problem === 'NOT_16_DIGITS') this.fail(column, 'KK_INVALID', `"${value}" is not 16 digits`);
    else if (problem === 'BAD_ISSUE_DATE') this.fail(column, 'KK_INVALID', `digits 7-12 (${value.slice(6, 12)}) are not an issue date DDMMYY`);
    else if (problem === 'ZERO_SERIAL') this.fail(column, 'KK_INVALID', 'the serial (last 4 digits) is 0000');
    if (problem === 'NOT_16_DIGITS') return null;
    if (!ref.districts.has(value.slice(0, 6))) {
      this.fail(column, 'KK_UNKNOWN_REGION', `the region prefix ${value.slice(0, 6)} is not a kecamatan code`);
      return null;
    }
    return problem === null ? value : null;
  }

  village(column: string, ref: ImportReference): string | null {
    const value = this.required(column);
    if (value === null) return null;
    if (!ref.villages.has(value)) {
      this.fail(column, 'UNKNOWN_VILLAGE', `"${value}" is not a village (desa/kelurahan) code like 32.01.01.2001`);
      return null;
    }
    return value;
  }

  regency(column: string, ref: ImportReference): string | null {
    const value = this.required(column);
    if (value === null) return null;
    if (!ref.regencies.has(value)) {
      this.fail(column, 'UNKNOWN_REGENCY', `"${value}" is not a kabupaten/kota code like 32.01`);
      return null;
    }
    return value;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Placement by the cut points of the latest published version

/** The PMT scores and national ranks of one desil among the family states in force at a published version. */
export interface DesilCut {
  desil: number;
  minScore: number;
  maxScore: number;
  minRank: number;
  maxRank: number;
}

/**
 * Desil and national rank of a family scored `score`, without re-ranking the nation: the desil is the one whose score
 * range holds the score (between two desil, the boundary is the midpoint of the gap), or `givenDesil` when the file
 * gave one (BPS delivers the desil); the rank is interpolated linearly in score between the ranks at the desil
 * ranges' ends, kept inside the desil's rank range. Null when there are no cut points (nothing published).
 * An approximation: the family is placed among the families ranked at that version, not ranked with its own version.
 */
export function placeFamily(score: number, cuts: readonly DesilCut[], givenDesil: number | null): { desil: number; nationalRank: number } | null {
  return desilPlacer(cuts)(score, givenDesil);
}

/** {@link placeFamily} with the cut points prepared once (the import places every family of a file with the same cuts). */
export function desilPlacer(cuts: readonly DesilCut[]): (score: number, givenDesil: number | null) => { desil: number; nationalRank: number } | null {
  const sorted = cuts.filter((c) => c.desil >= 1 && c.desil <= 10).sort((a, b) => a.desil - b.desil);
  // Piecewise-linear score → rank through both ends of every desil's range.
  const points: Array<[number, number]> = sorted.flatMap((c) => [[c.minScore, c.minRank], [c.maxScore, c.maxRank]] as Array<[number, number]>);
  return (score, givenDesil) => placeWith(sorted, points, score, givenDesil);
}

function placeWith(
  sorted: readonly DesilCut[], points: ReadonlyArray<[number, number]>, score: number, givenDesil: number | null,
): { desil: number; nationalRank: number } | null {
  if (sorted.length === 0 || !Number.isFinite(score)) return null;
  let desil = sorted.at(-1)!.desil;
  if (givenDesil !== null) desil = givenDesil;
  else {
    for (let k = 0; k < sorted.length - 1; k++) {
      if (score <= (sorted[k]!.maxScore + sorted[k + 1]!.minScore) / 2) {
        desil = sorted[k]!.desil;
        break;
      }
    }
  }
  let rank: number;
  if (score <= points[0]![0]) rank = points[0]![1];
  else if (score >= points.at(-1)![0]) rank = points.at(-1)![1];
  else {
    let k = 1;
    while (points[k]![0] < score) k++;
    const [s0, r0] = points[k - 1]!;
    const [s1, r1] = points[k]!;
    rank = s1 === s0 ? r0 : r0 + ((score - s0) / (s1 - s0)) * (r1 - r0);
  }
  const own = sorted.find((c) => c.desil === desil);
  if (own) rank = Math.min(own.maxRank, Math.max(own.minRank, rank));
  return { desil, nationalRank: Math.max(1, Math.round(rank)) };
}

// ---------------------------------------------------------------------------------------------------------------
// What an accepted record does at the open draft version

/** The draft version an import writes into: the last version, a DRAFT, every earlier one published. */
export interface DraftContext {
  draftId: number;
}

export type Outcome = 'inserted' | 'updated' | 'unchanged';

/** A family state in force at the draft, as stored. */
export interface StoredFamilyState extends WelfareInputs {
  id: number;
  validFromVersionId: number;
  villageCode: string;
  groundCheckStatus: string;
  desil: number;
}

export interface StoredFamily {
  id: number;
  villageCode: string;
  source: string;
  firstVersionId: number;
  /** The state in force at the draft, if any. */
  state: StoredFamilyState | null;
}

export type FamilyStateAction = 'none' | 'open' | 'replace' | 'rewrite' | 'drop' | 'close';

export type FamilyDecision =
  | { outcome: 'inserted' }
  | { outcome: 'unchanged' }
  | {
      outcome: 'updated';
      /** Rewrite the family row (village, regency, source): only for a family first seen in the draft. */
      familyRow: boolean;
      /**
       * `open`: insert a state from the draft; `replace`: close the state in force at the draft and open a new one;
       * `rewrite`: update the state that starts at the draft in place; `drop`: delete the state that starts at the draft;
       * `close`: close the state in force at the draft (the family leaves DTSEN).
       */
      state: FamilyStateAction;
    }
  | { outcome: 'rejected'; reasons: RejectReason[] };

const STATE_FIELDS: ReadonlyArray<[keyof WelfareInputs, string]> = [
  ['memberCount', 'member_count'], ['incomeMonthly', 'income_monthly'], ['wallType', 'wall_type'], ['floorType', 'floor_type'],
  ['roofType', 'roof_type'], ['floorAreaM2', 'floor_area_m2'], ['electricityVa', 'electricity_va'], ['waterSource', 'water_source'],
  ['sanitation', 'sanitation'], ['cookingFuel', 'cooking_fuel'], ['houseOwnership', 'house_ownership'], ['landM2', 'land_m2'],
  ['motorcycles', 'motorcycles'], ['cars', 'cars'], ['goldGrams', 'gold_grams'], ['savingsRp', 'savings_rp'], ['loansRp', 'loans_rp'],
];

/** Columns of an imported family state that differ from the stored one (the desil only when the file gave it). */
export function familyStateDifferences(stored: StoredFamilyState, incoming: FamilyStateRecord): string[] {
  const out: string[] = [];
  if (stored.villageCode !== incoming.villageCode) out.push('village_code');
  for (const [field, column] of STATE_FIELDS) if (stored[field] !== incoming[field]) out.push(column);
  if (stored.groundCheckStatus !== incoming.groundCheckStatus) out.push('ground_check_status');
  if (incoming.desilGiven && stored.desil !== incoming.desil) out.push('desil');
  return out;
}

/**
 * A family row by KK. New → inserted (family first seen in the draft, with a state from the draft unless NON_DTSEN).
 * A family of a published version keeps its family row (Dukcapil domicile, source: not versioned, read by published
 * rollups): a different `source`, or a different village of a NON_DTSEN family, is rejected. Its welfare state is
 * temporal: a state in force at the draft that differs is closed at the draft and a new one opened (or rewritten
 * when it starts at the draft itself); identical → unchanged. A family first seen in the draft may change anything.
 */
export function decideFamily(stored: StoredFamily | null, record: FamilyRecord, ctx: DraftContext): FamilyDecision {
  if (stored === null) return { outcome: 'inserted' };
  const draftFamily = stored.firstVersionId >= ctx.draftId;
  if (!draftFamily) {
    if (stored.source !== record.source) {
      return reject('source', `the family is in a published version as ${stored.source}; its source cannot change`);
    }
    if (record.state === null && stored.villageCode !== record.villageCode) {
      return reject('village_code', `the NON_DTSEN family is in a published version in ${stored.villageCode}; its domicile is not versioned`);
    }
  }
  const familyRow = draftFamily && (stored.villageCode !== record.villageCode || stored.source !== record.source);
  let state: FamilyStateAction = 'none';
  if (record.state === null) {
    if (stored.state !== null) state = stored.state.validFromVersionId >= ctx.draftId ? 'drop' : 'close';
  } else if (stored.state === null) state = 'open';
  else if (familyStateDifferences(stored.state, record.state).length > 0) {
    state = stored.state.validFromVersionId >= ctx.draftId ? 'rewrite' : 'replace';
  }
  if (!familyRow && state === 'none') return { outcome: 'unchanged' };
  return { outcome: 'updated', familyRow, state };
}

/** A person as stored. */
export interface StoredPerson {
  id: number;
  familyId: number;
  name: string;
  relationship: string;
  sex: string;
  birthDate: string;
  education: string;
  workStatus: string;
  workSector: string;
  disability: boolean;
  chronicIllness: boolean;
  deceased: boolean;
  fromVersionId: number;
  toVersionId: number | null;
}

export type PersonDecision =
  | { outcome: 'inserted' }
  | { outcome: 'unchanged' }
  /** Write every field; membership ends at `toVersionId` (null = still a member). */
  | { outcome: 'updated'; fields: 'all' | 'death'; toVersionId: number | null }
  | { outcome: 'rejected'; reasons: RejectReason[] };

/** Columns of an imported person that differ from the stored one (`kk` when the family differs), `deceased` aside. */
export function personDifferences(stored: StoredPerson, incoming: PersonRecord, familyId: number): string[] {
  const out: string[] = [];
  if (stored.familyId !== familyId) out.push('kk');
  if (stored.name !== incoming.name) out.push('name');
  if (stored.relationship !== incoming.relationship) out.push('relationship');
  if (stored.sex !== incoming.sex) out.push('sex');
  if (stored.birthDate !== incoming.birthDate) out.push('birth_date');
  if (stored.education !== incoming.education) out.push('education');
  if (stored.workStatus !== incoming.workStatus) out.push('work_status');
  if (stored.workSector !== incoming.workSector) out.push('work_sector');
  if (stored.disability !== incoming.disability) out.push('disability');
  if (stored.chronicIllness !== incoming.chronicIllness) out.push('chronic_illness');
  return out;
}

/**
 * A person row by NIK, in the family `familyId` (resolved from its KK). People are not versioned attribute by
 * attribute: a person row is read by every version it is a member in (birth date and disability by the published
 * rollups). So:
 * - new NIK → inserted, member from the draft (a new person cannot arrive deceased);
 * - a person first on a card in the draft → any change is written in place (deceased = membership ends at the draft);
 * - a person of a published version → only a death can be recorded (deceased, membership closed at the draft, which
 *   the published versions do not read), or undone while it is still the draft's; any other difference is rejected.
 */
export function decidePerson(stored: StoredPerson | null, record: PersonRecord, familyId: number, ctx: DraftContext): PersonDecision {
  if (stored === null) {
    if (record.deceased) return reject('deceased', 'the NIK is not in the registry: a new person cannot be recorded as deceased', 'UNKNOWN_INDIVIDUAL');
    return { outcome: 'inserted' };
  }
  const differences = personDifferences(stored, record, familyId);
  if (stored.fromVersionId >= ctx.draftId) {
    const toVersionId = record.deceased ? ctx.draftId : null;
    if (differences.length === 0 && stored.deceased === record.deceased && stored.toVersionId === toVersionId) return { outcome: 'unchanged' };
    return { outcome: 'updated', fields: 'all', toVersionId };
  }
  if (differences.length > 0) {
    return reject(
      differences[0]!,
      `the person is in published version ${stored.fromVersionId} with other ${differences.join(', ')}; a published person's data is not versioned (only a death can be recorded)`,
    );
  }
  if (stored.deceased === record.deceased) return { outcome: 'unchanged' };
  if (record.deceased) {
    if (stored.toVersionId !== null) {
      return reject('deceased', `the person left the family card in version ${stored.toVersionId}; a death cannot be recorded after that`);
    }
    return { outcome: 'updated', fields: 'death', toVersionId: ctx.draftId };
  }
  if (stored.toVersionId === ctx.draftId) return { outcome: 'updated', fields: 'death', toVersionId: null };
  return reject('deceased', `the person is recorded deceased since version ${stored.toVersionId ?? '?'}, a published version`);
}

/** The membership of a unit in a program active at the draft, as stored. */
export interface StoredEnrollment {
  id: number;
  regencyCode: string;
  startVersionId: number;
  memberSinceYear: number;
}

export type EnrollmentDecision =
  | { outcome: 'inserted'; memberSinceYear: number }
  | { outcome: 'unchanged' }
  /**
   * `end`: close the active membership at the draft with the row's end reason; `delete`: remove a membership that
   * starts at the draft (ending it there means it never was); `rewrite`: change the regency of a membership that starts at
   * the draft; `move`: close the active membership at the draft (MOVED) and open one in the new regency.
   */
  | { outcome: 'updated'; action: 'end' | 'delete' | 'rewrite' | 'move'; memberSinceYear: number }
  | { outcome: 'rejected'; reasons: RejectReason[] };

/**
 * An enrollment row: without `end_reason`, the unit must be a member at the draft in that regency (active and the
 * same regency → unchanged; none → a membership starting at the draft); with it, the active membership ends at the
 * draft (none active → unchanged if the unit was ever a member, else NOT_ENROLLED).
 */
export function decideEnrollment(
  active: StoredEnrollment | null, everEnrolled: boolean, record: EnrollmentRecord, ctx: DraftContext & { draftYear: number },
): EnrollmentDecision {
  if (record.endReason !== null) {
    if (active === null) {
      return everEnrolled
        ? { outcome: 'unchanged' }
        : reject('end_reason', `${record.kk ?? record.nik} has never been in ${record.programCode}: nothing to end`, 'NOT_ENROLLED');
    }
    return { outcome: 'updated', action: active.startVersionId >= ctx.draftId ? 'delete' : 'end', memberSinceYear: active.memberSinceYear };
  }
  if (active === null) return { outcome: 'inserted', memberSinceYear: record.memberSinceYear ?? ctx.draftYear };
  if (active.regencyCode === record.regencyCode) return { outcome: 'unchanged' };
  return {
    outcome: 'updated',
    action: active.startVersionId >= ctx.draftId ? 'rewrite' : 'move',
    memberSinceYear: record.memberSinceYear ?? active.memberSinceYear,
  };
}

export type PovertyDecision = { outcome: Outcome };

/** A BPS poverty row by (regency, period): new → inserted, different figures → updated, else unchanged. */
export function decidePoverty(stored: PovertyRecord | null, record: PovertyRecord): PovertyDecision {
  if (stored === null) return { outcome: 'inserted' };
  const same =
    stored.poorThousands === record.poorThousands && stored.p0 === record.p0 && stored.povertyLine === record.povertyLine &&
    stored.p1 === record.p1 && stored.p2 === record.p2;
  return { outcome: same ? 'unchanged' : 'updated' };
}

function reject(column: string, message: string, code: RejectCode = 'PUBLISHED_RECORD_CHANGED'): { outcome: 'rejected'; reasons: RejectReason[] } {
  return { outcome: 'rejected', reasons: [{ column, code, message }] };
}

// ---------------------------------------------------------------------------------------------------------------
// Versions

/** The label of the quarter after `label` ("2026-Q2" → "2026-Q3", "2026-Q4" → "2027-Q1"). */
export function nextVersionLabel(label: string): string {
  const match = /^(\d{4})-Q([1-4])$/u.exec(label);
  if (!match) throw new RangeError(`version label ${label} is not YYYY-Qn`);
  const year = Number(match[1]);
  const quarter = Number(match[2]);
  return quarter === 4 ? `${year + 1}-Q1` : `${year}-Q${quarter + 1}`;
}

/** Every accepted row is inserted, updated or unchanged; with the rejected ones, they are every row read. */
export function assertImportTotals(counts: { read: number; inserted: number; updated: number; unchanged: number; rejected: number }): void {
  const total = counts.inserted + counts.updated + counts.unchanged + counts.rejected;
  if (total !== counts.read) {
    throw new Error(`import invariant broken: read ${counts.read} != inserted ${counts.inserted} + updated ${counts.updated} + unchanged ${counts.unchanged} + rejected ${counts.rejected}`);
  }
}
