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

/** Structural check of a NIK (region prefix existence is checked against the region table by the caller). */
export function checkNik(nik: string): NikProblem | null {
  if (!/^\d{16}$/.test(nik)) return 'NOT_16_DIGITS';
  let day = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  if (day > 40) day -= 40;
  if (month < 1 || month > 12 || day < 1 || day > 31) return 'BAD_BIRTH_DATE';
  if (nik.slice(12) === '0000') return 'ZERO_SERIAL';
  return null;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
