import { describe, expect, it } from 'vitest';
import * as PrismaEnums from '../generated/prisma/sqlite/enums.js';
import {
  COLUMNS, type DesilCut, IMPORT_ENUMS, type ImportKind, type ImportReference, type PersonRecord, type RejectCode, type StoredFamily,
  type StoredPerson, assertImportTotals, checkHeader, decideEnrollment, decideFamily, decidePerson, decidePoverty, nextVersionLabel,
  nikBirthDigits, placeFamily, validateRow,
} from './import-rules.js';

const CUTS: DesilCut[] = Array.from({ length: 10 }, (_, k) => ({
  desil: k + 1, minScore: 11 + k * 0.5, maxScore: 11.4 + k * 0.5, minRank: k * 1000 + 1, maxRank: (k + 1) * 1000,
}));

const REF: ImportReference = {
  districts: new Set(['320101', '320102', '337405']),
  villages: new Set(['32.01.01.1001', '32.01.02.2001', '33.74.05.1010']),
  regencies: new Set(['32.01', '33.74']),
  programs: new Map([['PKH', 'FAMILY'], ['SEMBAKO', 'FAMILY'], ['PBI_JKN', 'INDIVIDUAL']]),
  cuts: CUTS,
  today: '2026-06-30',
  draftYear: 2026,
};

const FAMILY = {
  kk: '3201011503189901', village_code: '32.01.01.1001', source: 'REGSOSEK', member_count: '3', income_monthly: '2400000',
  wall_type: 'MASONRY', floor_type: 'CEMENT', roof_type: 'TILE', floor_area_m2: '36', electricity_va: '900', water_source: 'PROTECTED_WELL',
  sanitation: 'PRIVATE_SEPTIC', cooking_fuel: 'LPG_3KG', house_ownership: 'OWNED', land_m2: '0', motorcycles: '1', cars: '0',
  gold_grams: '0', savings_rp: '500000', loans_rp: '0', ground_check_status: '', desil: '',
};
const PERSON = {
  nik: '3201014311859902', kk: '3201011503189901', name: 'Siti Aminah', relationship: 'SPOUSE', sex: 'FEMALE', birth_date: '1985-11-03',
  education: 'TERTIARY', work_status: 'WORKING', work_sector: 'SERVICES', disability: 'false', chronic_illness: '0', deceased: '',
};
const ENROLLMENT = { program_code: 'PKH', kk: '3201011503189901', nik: '', regency_code: '32.01', start_reason: '', member_since_year: '', end_reason: '' };
const POVERTY = { regency_code: '32.01', period: '2026-03', poor_thousands: '390.12', p0: '6.01', poverty_line: '561230', p1: '1.02', p2: '0.24' };

const BASE = { families: FAMILY, individuals: PERSON, enrollments: ENROLLMENT, poverty: POVERTY } as const;

/** The reasons (column, code) of a row of `kind` = the valid base row with `changes`. */
function problems(kind: ImportKind, changes: Record<string, string>, ref: ImportReference = REF): Array<[string, RejectCode]> {
  const result = validateRow(kind, new Map(Object.entries({ ...BASE[kind], ...changes })), ref);
  return result.ok ? [] : result.reasons.map((r) => [r.column, r.code]);
}

describe('import file shapes', () => {
  it('accepts exactly the enum values of the Prisma schema', () => {
    for (const [name, values] of Object.entries(IMPORT_ENUMS)) {
      expect(values, name).toEqual(Object.values((PrismaEnums as unknown as Record<string, Record<string, string>>)[name]!));
    }
  });

  it('checks the header: BOM, case and spaces tolerated; missing, unknown and repeated columns named', () => {
    expect(checkHeader('poverty', ['\uFEFFRegency_Code', ' period ', 'poor_thousands', 'p0'])).toEqual({
      ok: true, columns: ['regency_code', 'period', 'poor_thousands', 'p0'],
    });
    expect(checkHeader('poverty', ['regency_code', 'period', 'p0', 'p0', 'colour'])).toEqual({
      ok: false, missing: ['poor_thousands'], unknown: ['colour'], duplicated: ['p0'],
    });
    for (const kind of Object.keys(COLUMNS) as ImportKind[]) {
      expect(checkHeader(kind, COLUMNS[kind].map((c) => c.name)).ok, kind).toBe(true);
      expect(checkHeader(kind, COLUMNS[kind].filter((c) => c.required).map((c) => c.name)).ok, kind).toBe(true);
    }
  });
});

describe('row validation', () => {
  it('accepts the valid rows, computes the PMT score and places a family without a desil by the cut points', () => {
    for (const kind of Object.keys(BASE) as ImportKind[]) expect(problems(kind, {}), kind).toEqual([]);
    const family = validateRow('families', new Map(Object.entries(FAMILY)), REF);
    expect(family.ok && family.record.state).toMatchObject({ villageCode: '32.01.01.1001', regencyCode: '32.01', groundCheckStatus: 'NOT_CHECKED', desilGiven: false });
    if (!family.ok || !family.record.state) throw new Error('expected a family state');
    expect(placeFamily(family.record.state.pmtScore, CUTS, null)?.desil).toBe(family.record.state.desil);
    const given = validateRow('families', new Map(Object.entries({ ...FAMILY, desil: '9', ground_check_status: 'CONFIRMED' })), REF);
    expect(given.ok && given.record.state).toMatchObject({ desil: 9, desilGiven: true, groundCheckStatus: 'CONFIRMED' });
    const person = validateRow('individuals', new Map(Object.entries(PERSON)), REF);
    expect(person.ok && person.record).toMatchObject({ birthDate: '1985-11-03T00:00:00.000Z', disability: false, chronicIllness: false, deceased: false });
  });

  it('rejects broken KK numbers, villages, enums and numbers, naming the column', () => {
    expect(problems('families', { kk: '320101150318990' })).toEqual([['kk', 'KK_INVALID']]);
    expect(problems('families', { kk: '3201014503189901' })).toEqual([['kk', 'KK_INVALID']]); // day 45: no +40 on a KK
    expect(problems('families', { kk: '3201011503180000' })).toEqual([['kk', 'KK_INVALID']]);
    expect(problems('families', { kk: '9999991503189901' })).toEqual([['kk', 'KK_UNKNOWN_REGION']]);
    expect(problems('families', { village_code: '32.01.01.9999' })).toEqual([['village_code', 'UNKNOWN_VILLAGE']]);
    expect(problems('families', { wall_type: 'masonry', source: 'BPS' })).toEqual([['source', 'BAD_ENUM'], ['wall_type', 'BAD_ENUM']]);
    expect(problems('families', { income_monthly: '2.400.000' })).toEqual([['income_monthly', 'NOT_A_NUMBER']]);
    expect(problems('families', { member_count: '0', desil: '11' })).toEqual([['member_count', 'OUT_OF_RANGE'], ['desil', 'OUT_OF_RANGE']]);
    expect(problems('families', { cars: '' })).toEqual([['cars', 'MISSING_VALUE']]);
    expect(problems('families', { source: 'NON_DTSEN' }).every(([, code]) => code === 'UNEXPECTED_VALUE')).toBe(true);
    const nonDtsen = Object.fromEntries(Object.keys(FAMILY).map((k) => [k, ''])) as Record<string, string>;
    expect(problems('families', { ...nonDtsen, kk: FAMILY.kk, village_code: FAMILY.village_code, source: 'NON_DTSEN' })).toEqual([]);
    expect(problems('families', {}, { ...REF, cuts: [] })).toEqual([['desil', 'DESIL_UNPLACEABLE']]);
    expect(problems('families', { desil: '4' }, { ...REF, cuts: [] })).toEqual([['desil', 'DESIL_UNPLACEABLE']]);
  });

  it('checks a NIK: 16 digits, a real kecamatan, a real birth date matching birth_date and sex (+40 for women)', () => {
    expect(problems('individuals', { nik: '320101431185990' })).toEqual([['nik', 'NIK_NOT_16_DIGITS']]);
    expect(problems('individuals', { nik: '32010143118599OO' })).toEqual([['nik', 'NIK_NOT_16_DIGITS']]);
    expect(problems('individuals', { nik: '9999994311859902' })).toEqual([['nik', 'NIK_UNKNOWN_REGION']]);
    expect(problems('individuals', { nik: '3201017311859902' })).toEqual([['nik', 'NIK_BAD_BIRTH_DATE']]); // day 33
    expect(problems('individuals', { nik: '3201014311850000' })).toEqual([['nik', 'NIK_ZERO_SERIAL']]);
    // A man's NIK (day 03) for a woman, and the right digits with the wrong year.
    expect(problems('individuals', { nik: '3201010311859902' })).toEqual([['nik', 'NIK_BIRTH_DATE_MISMATCH']]);
    expect(problems('individuals', { sex: 'MALE' })).toEqual([['nik', 'NIK_BIRTH_DATE_MISMATCH']]);
    expect(problems('individuals', { birth_date: '1986-11-03' })).toEqual([['nik', 'NIK_BIRTH_DATE_MISMATCH']]);
    expect(nikBirthDigits('1985-11-03', true)).toBe('431185');
    expect(problems('individuals', { birth_date: '1985-02-30' })).toEqual([['birth_date', 'BAD_DATE']]);
    expect(problems('individuals', { birth_date: '03/11/1985' })).toEqual([['birth_date', 'BAD_DATE']]);
    expect(problems('individuals', { nik: '3201014311279902', birth_date: '2027-11-03' })).toEqual([['birth_date', 'OUT_OF_RANGE']]);
    expect(problems('individuals', { kk: '1' })).toEqual([['kk', 'KK_INVALID']]);
    expect(problems('individuals', { disability: 'ya' })).toEqual([['disability', 'BAD_BOOLEAN']]);
    expect(problems('individuals', { deceased: 'true' })).toEqual([]);
  });

  it('rejects control characters, invalid UTF-8 and overlong values in any column', () => {
    expect(problems('individuals', { name: 'Siti\nAminah' })).toEqual([['name', 'INVALID_TEXT']]);
    expect(problems('individuals', { name: 'Siti \uFFFD' })).toEqual([['name', 'INVALID_TEXT']]);
    expect(problems('individuals', { education: 'TERTIARY\u0000' })).toEqual([['education', 'INVALID_TEXT'], ['education', 'BAD_ENUM']]);
    expect(problems('individuals', { name: 'x'.repeat(121) })).toEqual([['name', 'TOO_LONG']]);
    expect(problems('individuals', { name: 'x'.repeat(120) })).toEqual([]);
  });

  it('checks programs, their unit (family programs by kk, individual ones by nik) and regencies', () => {
    expect(problems('enrollments', { program_code: 'BLT' })).toEqual([['program_code', 'UNKNOWN_PROGRAM']]);
    expect(problems('enrollments', { nik: PERSON.nik })).toEqual([['nik', 'UNIT_MISMATCH']]);
    expect(problems('enrollments', { program_code: 'PBI_JKN' })).toEqual([['kk', 'UNIT_MISMATCH'], ['nik', 'UNIT_MISMATCH']]);
    expect(problems('enrollments', { program_code: 'PBI_JKN', kk: '', nik: PERSON.nik })).toEqual([]);
    expect(problems('enrollments', { regency_code: '32.99' })).toEqual([['regency_code', 'UNKNOWN_REGENCY']]);
    expect(problems('enrollments', { regency_code: '' })).toEqual([['regency_code', 'MISSING_VALUE']]);
    expect(problems('enrollments', { regency_code: '', end_reason: 'GRADUATED' })).toEqual([]);
    expect(problems('enrollments', { end_reason: 'FINISHED', start_reason: 'X' })).toEqual([['end_reason', 'BAD_ENUM'], ['start_reason', 'BAD_ENUM']]);
    expect(problems('enrollments', { member_since_year: '2027' })).toEqual([['member_since_year', 'OUT_OF_RANGE']]);
    const key = (changes: Record<string, string>) => {
      const r = validateRow('enrollments', new Map(Object.entries({ ...ENROLLMENT, ...changes })), REF);
      return r.ok ? r.key : null;
    };
    expect(key({})).toBe('PKH|3201011503189901');
    expect(key({ program_code: 'SEMBAKO' })).not.toBe(key({}));
  });

  it('checks BPS poverty rows: period YYYY-MM, figures in range', () => {
    expect(problems('poverty', { period: '2026-3' })).toEqual([['period', 'BAD_PERIOD']]);
    expect(problems('poverty', { period: '2026-13' })).toEqual([['period', 'BAD_PERIOD']]);
    expect(problems('poverty', { p0: '100.5', poor_thousands: '-1' })).toEqual([['poor_thousands', 'OUT_OF_RANGE'], ['p0', 'OUT_OF_RANGE']]);
    expect(problems('poverty', { p1: 'n/a' })).toEqual([['p1', 'NOT_A_NUMBER']]);
    expect(problems('poverty', { poverty_line: '', p1: '', p2: '' })).toEqual([]);
  });
});

describe('placeFamily', () => {
  it('places a score in the desil whose range holds it, between two desil at the midpoint of the gap', () => {
    expect(placeFamily(11.2, CUTS, null)).toEqual({ desil: 1, nationalRank: 500 });
    expect(placeFamily(11.44, CUTS, null)?.desil).toBe(1); // gap 11.4 .. 11.5: midpoint 11.45
    expect(placeFamily(11.46, CUTS, null)?.desil).toBe(2);
    expect(placeFamily(5, CUTS, null)).toEqual({ desil: 1, nationalRank: 1 });
    expect(placeFamily(99, CUTS, null)).toEqual({ desil: 10, nationalRank: 10_000 });
    const ranks = [11, 12, 13, 14, 15, 16].map((s) => placeFamily(s, CUTS, null)!.nationalRank);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
  });

  it('keeps a given desil and puts the rank inside that desil; no cut points, no placement', () => {
    expect(placeFamily(11.2, CUTS, 4)).toEqual({ desil: 4, nationalRank: 3001 });
    expect(placeFamily(16, CUTS, 2)).toEqual({ desil: 2, nationalRank: 2000 });
    expect(placeFamily(12, [], null)).toBeNull();
    expect(placeFamily(Number.NaN, CUTS, null)).toBeNull();
  });
});

describe('what a record does at the draft', () => {
  const draft = { draftId: 6 };
  const familyRecord = () => {
    const r = validateRow('families', new Map(Object.entries(FAMILY)), REF);
    if (!r.ok) throw new Error('invalid base family');
    return r.record;
  };
  const storedFamily = (changes: Partial<StoredFamily> = {}): StoredFamily => {
    const s = familyRecord().state!;
    return {
      id: 7, villageCode: '32.01.01.1001', source: 'REGSOSEK', firstVersionId: 2,
      state: { ...s, id: 70, validFromVersionId: 3, groundCheckStatus: s.groundCheckStatus },
      ...changes,
    };
  };

  it('families: insert new, leave identical, close-and-open a changed published state, rewrite a draft one', () => {
    expect(decideFamily(null, familyRecord(), draft)).toEqual({ outcome: 'inserted' });
    expect(decideFamily(storedFamily(), familyRecord(), draft)).toEqual({ outcome: 'unchanged' });
    const richer = { ...familyRecord(), state: { ...familyRecord().state!, incomeMonthly: 9_000_000 } };
    expect(decideFamily(storedFamily(), richer, draft)).toEqual({ outcome: 'updated', familyRow: false, state: 'replace' });
    const draftState = storedFamily();
    draftState.state!.validFromVersionId = 6;
    expect(decideFamily(draftState, richer, draft)).toEqual({ outcome: 'updated', familyRow: false, state: 'rewrite' });
    expect(decideFamily(storedFamily({ state: null }), familyRecord(), draft)).toEqual({ outcome: 'updated', familyRow: false, state: 'open' });
    // Without a desil in the file the stored desil is kept; with one, a different desil is a change.
    expect(decideFamily(storedFamily(), { ...familyRecord(), state: { ...familyRecord().state!, desil: 9 } }, draft).outcome).toBe('unchanged');
    expect(decideFamily(storedFamily(), { ...familyRecord(), state: { ...familyRecord().state!, desil: 9, desilGiven: true } }, draft)).toMatchObject({ state: 'replace' });
  });

  it('families: the family row of a published version (source, NON_DTSEN domicile) is not rewritten; a draft family is', () => {
    const proposal = { ...familyRecord(), source: 'PROPOSAL' as const };
    expect(decideFamily(storedFamily(), proposal, draft)).toMatchObject({ outcome: 'rejected', reasons: [{ column: 'source', code: 'PUBLISHED_RECORD_CHANGED' }] });
    expect(decideFamily(storedFamily({ firstVersionId: 6 }), proposal, draft)).toEqual({ outcome: 'updated', familyRow: true, state: 'none' });
    const nonDtsen = { ...familyRecord(), source: 'NON_DTSEN' as const, state: null };
    expect(decideFamily(storedFamily({ source: 'NON_DTSEN', state: null }), nonDtsen, draft).outcome).toBe('unchanged');
    const moved = { ...nonDtsen, villageCode: '32.01.02.2001', regencyCode: '32.01' };
    expect(decideFamily(storedFamily({ source: 'NON_DTSEN', state: null }), moved, draft)).toMatchObject({ outcome: 'rejected' });
    const draftFamily = storedFamily({ firstVersionId: 6 });
    draftFamily.state!.validFromVersionId = 6;
    expect(decideFamily(draftFamily, nonDtsen, draft)).toEqual({ outcome: 'updated', familyRow: true, state: 'drop' });
  });

  it('people: new inserted, a published person only dies (membership closed at the draft), a draft person changes freely', () => {
    const record = validateRow('individuals', new Map(Object.entries(PERSON)), REF);
    if (!record.ok) throw new Error('invalid base person');
    const person: PersonRecord = record.record;
    const stored: StoredPerson = {
      id: 9, familyId: 7, name: person.name, relationship: person.relationship, sex: person.sex, birthDate: person.birthDate,
      education: person.education, workStatus: person.workStatus, workSector: person.workSector, disability: false, chronicIllness: false,
      deceased: false, fromVersionId: 2, toVersionId: null,
    };
    expect(decidePerson(null, person, 7, draft)).toEqual({ outcome: 'inserted' });
    expect(decidePerson(null, { ...person, deceased: true }, 7, draft)).toMatchObject({ outcome: 'rejected', reasons: [{ code: 'UNKNOWN_INDIVIDUAL' }] });
    expect(decidePerson(stored, person, 7, draft)).toEqual({ outcome: 'unchanged' });
    expect(decidePerson(stored, { ...person, deceased: true }, 7, draft)).toEqual({ outcome: 'updated', fields: 'death', toVersionId: 6 });
    expect(decidePerson({ ...stored, deceased: true, toVersionId: 6 }, person, 7, draft)).toEqual({ outcome: 'updated', fields: 'death', toVersionId: null });
    expect(decidePerson({ ...stored, deceased: true, toVersionId: 4 }, person, 7, draft)).toMatchObject({ outcome: 'rejected' });
    expect(decidePerson({ ...stored, toVersionId: 4 }, { ...person, deceased: true }, 7, draft)).toMatchObject({ outcome: 'rejected' });
    expect(decidePerson(stored, { ...person, name: 'Siti A.', education: 'PRIMARY' }, 8, draft)).toMatchObject({
      outcome: 'rejected', reasons: [{ column: 'kk', code: 'PUBLISHED_RECORD_CHANGED' }],
    });
    const draftPerson = { ...stored, fromVersionId: 6 };
    expect(decidePerson(draftPerson, { ...person, name: 'Siti A.' }, 8, draft)).toEqual({ outcome: 'updated', fields: 'all', toVersionId: null });
    expect(decidePerson(draftPerson, { ...person, deceased: true }, 7, draft)).toEqual({ outcome: 'updated', fields: 'all', toVersionId: 6 });
  });

  it('enrollments: start at the draft, leave an active one, move it, end it', () => {
    const ctx = { draftId: 6, draftYear: 2026 };
    const record = { programCode: 'PKH', unit: 'FAMILY' as const, kk: FAMILY.kk, nik: null, regencyCode: '32.01', startReason: 'QUOTA_FILL' as const, memberSinceYear: null, endReason: null };
    const active = { id: 1, regencyCode: '32.01', startVersionId: 2, memberSinceYear: 2021 };
    expect(decideEnrollment(null, false, record, ctx)).toEqual({ outcome: 'inserted', memberSinceYear: 2026 });
    expect(decideEnrollment(null, true, { ...record, memberSinceYear: 2024 }, ctx)).toEqual({ outcome: 'inserted', memberSinceYear: 2024 });
    expect(decideEnrollment(active, true, record, ctx)).toEqual({ outcome: 'unchanged' });
    expect(decideEnrollment(active, true, { ...record, regencyCode: '33.74' }, ctx)).toEqual({ outcome: 'updated', action: 'move', memberSinceYear: 2021 });
    expect(decideEnrollment({ ...active, startVersionId: 6 }, true, { ...record, regencyCode: '33.74' }, ctx)).toMatchObject({ action: 'rewrite' });
    const ending = { ...record, endReason: 'GRADUATED' as const };
    expect(decideEnrollment(active, true, ending, ctx)).toMatchObject({ outcome: 'updated', action: 'end' });
    expect(decideEnrollment({ ...active, startVersionId: 6 }, true, ending, ctx)).toMatchObject({ action: 'delete' });
    expect(decideEnrollment(null, true, ending, ctx)).toEqual({ outcome: 'unchanged' });
    expect(decideEnrollment(null, false, ending, ctx)).toMatchObject({ outcome: 'rejected', reasons: [{ code: 'NOT_ENROLLED' }] });
  });

  it('poverty: insert, update when a figure differs, else unchanged', () => {
    const row = { regencyCode: '32.01', period: '2026-03', poorThousands: 390.12, p0: 6.01, povertyLine: 561_230, p1: 1.02, p2: 0.24 };
    expect(decidePoverty(null, row)).toEqual({ outcome: 'inserted' });
    expect(decidePoverty({ ...row }, row)).toEqual({ outcome: 'unchanged' });
    expect(decidePoverty({ ...row, p2: null }, row)).toEqual({ outcome: 'updated' });
  });
});

describe('versions and totals', () => {
  it('labels the next quarter', () => {
    expect(nextVersionLabel('2026-Q2')).toBe('2026-Q3');
    expect(nextVersionLabel('2026-Q4')).toBe('2027-Q1');
    expect(() => nextVersionLabel('v6')).toThrow(RangeError);
  });

  it('asserts read = inserted + updated + unchanged + rejected', () => {
    expect(() => assertImportTotals({ read: 5, inserted: 1, updated: 1, unchanged: 1, rejected: 2 })).not.toThrow();
    expect(() => assertImportTotals({ read: 5, inserted: 1, updated: 1, unchanged: 1, rejected: 1 })).toThrow(/invariant/);
  });
});
