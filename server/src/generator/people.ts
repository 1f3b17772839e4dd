/**
 * Person details that do not affect the welfare score: names, education, work, NIK and KK numbers.
 * NIK serials are counted per (district, birth year), KK serials per (district, issue year): that keeps every
 * number unique with counters whose count does not grow with the dataset.
 */
import type { ExclusionCriterionCode } from '../domain/exclusion-criteria.js';
import { buildKk, buildNik } from '../domain/nik.js';
import type { FamilyCore, MemberCore, SimulationParams } from './family-model.js';
import { versionYear } from './family-model.js';
import { Rng } from './rng.js';
import type { WorkProfile } from './targeting-model.js';

const MALE = ['Agus', 'Budi', 'Dedi', 'Eko', 'Fajar', 'Hendra', 'Imam', 'Joko', 'Kurniawan', 'Lukman', 'Muhammad', 'Nur', 'Rizki', 'Slamet', 'Teguh', 'Wahyu', 'Yusuf', 'Andi', 'Bambang', 'Dimas', 'Gilang', 'Hadi', 'Irfan', 'Rahmat', 'Sutrisno', 'Arif', 'Dwi', 'Ahmad', 'Putu', 'Made', 'Ketut', 'Yohanes', 'Markus', 'Daniel', 'Bayu', 'Ilham'];
const FEMALE = ['Siti', 'Sri', 'Dewi', 'Ani', 'Fitri', 'Nur', 'Rina', 'Wati', 'Yuni', 'Lestari', 'Indah', 'Putri', 'Ratna', 'Eka', 'Maria', 'Ayu', 'Dian', 'Kartika', 'Nurul', 'Rahmawati', 'Suryani', 'Tuti', 'Wulan', 'Yanti', 'Novita', 'Lina', 'Susanti', 'Nengah', 'Komang', 'Fransiska', 'Aisyah', 'Anisa'];
const SECOND = ['Saputra', 'Hidayat', 'Santoso', 'Wijaya', 'Pratama', 'Setiawan', 'Susanto', 'Nugroho', 'Kusuma', 'Siregar', 'Nasution', 'Lubis', 'Harahap', 'Simanjuntak', 'Sihombing', 'Ginting', 'Tarigan', 'Situmorang', 'Purba', 'Hasibuan', 'Rahman', 'Hakim', 'Sulistyo', 'Wibowo', 'Utami', 'Handayani', 'Sari', 'Permata', 'Rahayu', 'Ningsih', 'Lestari', 'Maharani', 'Mandala', 'Manurung', 'Pangaribuan', 'Tambunan'];

export interface PersonDetail {
  nik: string;
  name: string;
  education: 'NONE' | 'PRIMARY' | 'JUNIOR_SECONDARY' | 'SENIOR_SECONDARY' | 'TERTIARY';
  workStatus: 'WORKING' | 'UNEMPLOYED' | 'STUDENT' | 'HOUSEKEEPING' | 'NOT_IN_LABOUR_FORCE';
  workSector: 'NONE' | 'AGRICULTURE' | 'MANUFACTURING' | 'CONSTRUCTION' | 'TRADE' | 'TRANSPORT' | 'SERVICES' | 'GOVERNMENT';
  birthDate: Date;
  work: WorkProfile;
}

/** Next serial per (district, two-digit year); the key space is bounded by 7,285 districts x 100 years. */
export class SerialCounter {
  private readonly next = new Map<number, number>();
  take(district: string, year: number): number {
    const key = Number(district.replaceAll('.', '')) * 100 + (year % 100);
    const n = (this.next.get(key) ?? 0) + 1;
    if (n > 9999) throw new Error(`more than 9,999 serials for district ${district}, year ${year % 100}: the NIK/KK serial space is exhausted`);
    this.next.set(key, n);
    return n;
  }
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

export function describePeople(
  params: SimulationParams, core: FamilyCore, villageCode: string, nikSerials: SerialCounter,
): PersonDetail[] {
  const rng = new Rng(params.seed, core.index, 3);
  const first = core.versions.find((v) => v !== null);
  const w = first?.w ?? 0;
  const district = villageCode.slice(0, villageCode.lastIndexOf('.'));
  const rural = !core.regency.isCity;
  const familyName = rng.chance(0.55) ? rng.pick(SECOND) : null;
  return core.members.map((m) => {
    const age = versionYear(params, Math.max(core.firstVersion, m.fromVersion)) - m.birthYear;
    const birthDate = new Date(Date.UTC(m.birthYear, m.birthMonth - 1, m.birthDay));
    const serial = nikSerials.take(district, m.birthYear);
    const nik = buildNik(district, birthDate, m.female, serial);
    const name = `${rng.pick(m.female ? FEMALE : MALE)} ${familyName ?? rng.pick(SECOND)}`;
    const work = workProfile(rng, m, age, w);
    return { nik, name, birthDate, work, education: education(rng, age, w), ...occupation(rng, m, age, w, rural, work) };
  });
}

function workProfile(rng: Rng, m: MemberCore, age: number, w: number): WorkProfile {
  const adult = age >= 18;
  const working = age >= 15 && (age < 65 ? rng.chance(m.female ? 0.5 : 0.82) : rng.chance(0.3));
  const government = working && age >= 20 && age <= 58 && rng.chance(0.004 + 0.12 * sigmoid(1.6 * (w - 2.2)));
  const retiredGovernment = age >= 58 && rng.chance(0.003 + 0.08 * sigmoid(1.5 * (w - 2)));
  let special: ExclusionCriterionCode | null = null;
  if (working && !government) {
    const x = rng.next();
    const s = sigmoid(w - 1);
    const table: Array<[ExclusionCriterionCode, number]> = [
      ['CERTIFIED_TEACHER', 0.006 * s], ['HEALTH_WORKER', 0.004 * s], ['VILLAGE_OFFICIAL', 0.004],
      ['COMPANY_OWNER', 0.004 * sigmoid(w - 2)], ['COMPANY_EXECUTIVE', 0.001 * sigmoid(w - 2.5)],
      ['STATE_BUDGET_INCOME', 0.002], ['SOCIAL_WELFARE_STAFF', 0.0008],
    ];
    let acc = 0;
    for (const [code, p] of table) {
      acc += p;
      if (x < acc) {
        special = code;
        break;
      }
    }
  }
  if (!special && m.relationship === 'HEAD' && rng.chance(0.0004)) special = 'REFUSED_ASSISTANCE';
  return { adult, working, government, retiredGovernment, special };
}

function education(rng: Rng, age: number, w: number): PersonDetail['education'] {
  if (age < 7) return 'NONE';
  const z = w + rng.normal() * 0.9 - (age > 55 ? 0.8 : 0);
  const cap = age < 13 ? 1 : age < 16 ? 2 : age < 19 ? 3 : 4;
  const level = z < -1.2 ? 0 : z < 0 ? 1 : z < 0.9 ? 2 : z < 2.2 ? 3 : 4;
  return (['NONE', 'PRIMARY', 'JUNIOR_SECONDARY', 'SENIOR_SECONDARY', 'TERTIARY'] as const)[Math.min(level, cap)]!;
}

function occupation(
  rng: Rng, m: MemberCore, age: number, w: number, rural: boolean, work: WorkProfile,
): Pick<PersonDetail, 'workStatus' | 'workSector'> {
  if (work.government) return { workStatus: 'WORKING', workSector: 'GOVERNMENT' };
  if (work.working) {
    const x = rng.next();
    const agri = rural ? 0.45 - 0.1 * Math.max(0, w) : 0.05;
    const workSector =
      x < agri ? 'AGRICULTURE' : x < agri + 0.15 ? 'TRADE' : x < agri + 0.3 ? 'SERVICES' : x < agri + 0.42 ? 'MANUFACTURING' : x < agri + 0.52 ? 'CONSTRUCTION' : x < agri + 0.58 ? 'TRANSPORT' : 'SERVICES';
    return { workStatus: 'WORKING', workSector };
  }
  if (age >= 6 && age <= 22) return { workStatus: 'STUDENT', workSector: 'NONE' };
  if (age >= 15 && age < 65) return { workStatus: m.female && rng.chance(0.8) ? 'HOUSEKEEPING' : 'UNEMPLOYED', workSector: 'NONE' };
  return { workStatus: 'NOT_IN_LABOUR_FORCE', workSector: 'NONE' };
}

/** KK number of a family: district of its first village, issue year of the family card. */
export function familyKk(core: FamilyCore, villageCode: string, params: SimulationParams, kkSerials: SerialCounter): string {
  const district = villageCode.slice(0, villageCode.lastIndexOf('.'));
  const rng = new Rng(params.seed, core.index, 5);
  const issueYear = core.firstVersion > 1 ? versionYear(params, core.firstVersion) : rng.int(2005, versionYear(params, 1));
  const issued = new Date(Date.UTC(issueYear, rng.int(0, 11), rng.int(1, 28)));
  return buildKk(district, issued, kkSerials.take(district, issueYear));
}
