/**
 * NIK (Nomor Induk Kependudukan) and KK numbers: 16 digits = 6-digit district code (province, regency,
 * district) + birth date DDMMYY (day + 40 for women) + 4-digit serial. KK: district code + issue date + serial.
 */
export function districtPrefix(districtCode: string): string {
  const digits = districtCode.replaceAll('.', '');
  if (!/^\d{6}$/.test(digits)) throw new Error(`district code ${districtCode} does not give 6 digits`);
  return digits;
}

export function buildNik(districtCode: string, birthDate: Date, female: boolean, serial: number): string {
  const day = birthDate.getUTCDate() + (female ? 40 : 0);
  const month = birthDate.getUTCMonth() + 1;
  const year = birthDate.getUTCFullYear() % 100;
  return districtPrefix(districtCode) + pad2(day) + pad2(month) + pad2(year) + String(serial % 10000).padStart(4, '0');
}

export function buildKk(districtCode: string, issued: Date, serial: number): string {
  return (
    districtPrefix(districtCode) +
    pad2(issued.getUTCDate()) + pad2(issued.getUTCMonth() + 1) + pad2(issued.getUTCFullYear() % 100) +
    String(serial % 10000).padStart(4, '0')
  );
}

export type NikProblem = 'NOT_16_DIGITS' | 'BAD_BIRTH_DATE' | 'ZERO_SERIAL';

/**
 * Structural check of a NIK (region prefix existence is checked against the region table by the caller): 16 digits,
 * a birth date that exists in the calendar (day + 40 for women; the two-digit year may be 19yy or 20yy, so 29 February
 * is accepted when either century makes it a leap day), a serial other than 0000.
 */
export function checkNik(nik: string): NikProblem | null {
  if (!/^\d{16}$/.test(nik)) return 'NOT_16_DIGITS';
  if (nikBirth(nik) === null) return 'BAD_BIRTH_DATE';
  if (nik.slice(12) === '0000') return 'ZERO_SERIAL';
  return null;
}

/** The birth date a NIK encodes: day, month, two-digit year and sex (day + 40 = female); null when not a real date. */
export interface NikBirth {
  day: number;
  month: number;
  /** Year modulo 100. */
  year2: number;
  female: boolean;
}

/** Decodes the birth-date part (digits 7-12, DDMMYY) of a 16-digit NIK; null when it is not a real calendar date. */
export function nikBirth(nik: string): NikBirth | null {
  if (!/^\d{16}$/.test(nik)) return null;
  const raw = Number(nik.slice(6, 8));
  const female = raw > 40;
  const day = female ? raw - 40 : raw;
  const month = Number(nik.slice(8, 10));
  const year2 = Number(nik.slice(10, 12));
  if (!isDayOfMonth(day, month, year2)) return null;
  return { day, month, year2, female };
}

/** Problems of a KK number: same layout as a NIK, with the card's issue date (no +40) instead of a birth date. */
export type KkProblem = 'NOT_16_DIGITS' | 'BAD_ISSUE_DATE' | 'ZERO_SERIAL';

/** Structural check of a KK number (region prefix existence is checked against the region table by the caller). */
export function checkKk(kk: string): KkProblem | null {
  if (!/^\d{16}$/.test(kk)) return 'NOT_16_DIGITS';
  if (!isDayOfMonth(Number(kk.slice(6, 8)), Number(kk.slice(8, 10)), Number(kk.slice(10, 12)))) return 'BAD_ISSUE_DATE';
  if (kk.slice(12) === '0000') return 'ZERO_SERIAL';
  return null;
}

/** Whether day/month exist in the year 19yy or 20yy (29 February needs a leap year in one of them). */
function isDayOfMonth(day: number, month: number, year2: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap(1900 + year2) || leap(2000 + year2) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
