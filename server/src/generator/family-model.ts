/**
 * The synthetic family: a latent welfare `w` per family, calibrated per kabupaten so that the share of
 * individuals whose reported per-capita income is below the BPS poverty line matches the BPS March 2024 P0;
 * members with ages and sex; and a quarterly history (welfare shocks, births, deaths, moves).
 *
 * `simulateCore` is everything that decides the PMT score, drawn from the family's own random stream, so the
 * generator can run it once to rank the nation and once more to write rows, with identical results.
 */
import { pmtScore, type WelfareInputs } from '../domain/pmt.js';
import { Rng } from './rng.js';

export interface RegencyModel {
  index: number;
  code: string;
  provinceCode: string;
  isCity: boolean;
  /** Mean of the latent welfare. */
  mu: number;
  povertyLine: number;
  minimumWage: number;
  /** Share of family slots outside DTSEN (program beneficiaries only), higher where poverty is higher. */
  nonDtsenRate: number;
  villages: string[];
  villageCumulative: Float64Array;
}

export interface MemberCore {
  female: boolean;
  birthYear: number;
  birthMonth: number;
  birthDay: number;
  relationship: 'HEAD' | 'SPOUSE' | 'CHILD' | 'CHILD_IN_LAW' | 'GRANDCHILD' | 'PARENT' | 'OTHER';
  /** First version on the card (1 for founding members). */
  fromVersion: number;
  /** First version no longer on the card (death); 0 = still a member. */
  toVersion: number;
  died: boolean;
  disability: boolean;
  chronicIllness: boolean;
}

export interface VersionCore {
  villageIndex: number;
  memberCount: number;
  w: number;
  /** Version in which the welfare inputs were last redrawn (same epoch and size = same inputs). */
  epoch: number;
  inputs: WelfareInputs;
  score: number;
}

export interface FamilyCore {
  index: number;
  regency: RegencyModel;
  nonDtsen: boolean;
  firstVersion: number;
  members: MemberCore[];
  /** Per version (index v - 1); null before the family exists or after all members died. */
  versions: Array<VersionCore | null>;
}

export interface SimulationParams {
  seed: number;
  versions: number;
  /** Calendar year and quarter of version 1 (2025-Q2 by default). */
  firstYear: number;
  firstQuarter: number;
  /** National share of family slots that are program beneficiaries outside DTSEN (no welfare rank). */
  nonDtsenRate: number;
}

/** Household-size distribution (1..8 members); poorer families get one more member with probability 0.3. */
const SIZE_CUMULATIVE = cumulative([0.17, 0.25, 0.24, 0.18, 0.095, 0.04, 0.015, 0.01]);
export const MEAN_SIZE_NON_POOR = 3.01;
export const MEAN_SIZE_POOR = 3.01 + 0.3;
/** Log per-capita income = ln(poverty line) + INCOME_W * w + INCOME_NOISE * e. */
const INCOME_W = 0.55;
const INCOME_NOISE = 0.25;
/** Standard deviation of the latent welfare after adding the income reporting noise (in w units). */
export const W_SPREAD = Math.sqrt(1 + (INCOME_NOISE / INCOME_W) ** 2);
const NEW_FAMILY_RATE = 0.005;
const SHOCK_RATE = 0.12;
const MOVE_RATE = 0.004;
const BIRTH_RATE = 0.013;

export function versionYear(params: SimulationParams, v: number): number {
  const q = params.firstQuarter - 1 + (v - 1);
  return params.firstYear + Math.floor(q / 4);
}

export function versionQuarter(params: SimulationParams, v: number): number {
  return ((params.firstQuarter - 1 + (v - 1)) % 4) + 1;
}

/** Mid-quarter reference date of a version (ISO date). */
export function versionDate(params: SimulationParams, v: number): Date {
  return new Date(Date.UTC(versionYear(params, v), (versionQuarter(params, v) - 1) * 3 + 1, 15));
}

export function simulateCore(params: SimulationParams, index: number, regency: RegencyModel): FamilyCore {
  const rng = new Rng(params.seed, index, 1);
  const nonDtsen = rng.chance(regency.nonDtsenRate);
  let firstVersion = 1;
  if (params.versions > 1 && rng.chance(NEW_FAMILY_RATE * (params.versions - 1))) firstVersion = rng.int(2, params.versions);
  let w = regency.mu + rng.normal();
  const poor = w < 0;
  let size = rng.pickCumulative(SIZE_CUMULATIVE) + 1;
  if (poor && rng.chance(0.3)) size++;
  const refYear = versionYear(params, firstVersion);
  const members = makeMembers(rng, size, refYear, firstVersion, poor);
  const villageIndex0 = rng.pickCumulative(regency.villageCumulative);
  const versions: Array<VersionCore | null> = [];
  let villageIndex = villageIndex0;
  let epoch = firstVersion;
  let prev: VersionCore | null = null;
  for (let v = 1; v <= params.versions; v++) {
    if (v < firstVersion) {
      versions.push(null);
      continue;
    }
    if (v > firstVersion) {
      if (rng.chance(SHOCK_RATE)) {
        w += rng.normal() * 0.45;
        epoch = v;
      }
      if (rng.chance(MOVE_RATE)) villageIndex = rng.pickCumulative(regency.villageCumulative);
      const year = versionYear(params, v);
      for (const m of members) {
        if (m.toVersion !== 0 || m.fromVersion >= v) continue;
        if (rng.chance(deathHazard(year - m.birthYear))) {
          m.toVersion = v;
          m.died = true;
        }
      }
      const mother = members.find((m) => m.female && m.toVersion === 0 && year - m.birthYear >= 17 && year - m.birthYear <= 44);
      if (mother && rng.chance(BIRTH_RATE)) {
        const quarterStartMonth = (versionQuarter(params, v) - 1) * 3;
        const back = rng.int(1, 3);
        const birthMonth = ((quarterStartMonth - back + 12) % 12) + 1;
        const birthYear = quarterStartMonth - back < 0 ? year - 1 : year;
        members.push({
          female: rng.chance(0.49), birthYear, birthMonth, birthDay: rng.int(1, 28),
          relationship: mother.relationship === 'HEAD' || mother.relationship === 'SPOUSE' ? 'CHILD' : 'GRANDCHILD',
          fromVersion: v, toVersion: 0, died: false, disability: rng.chance(0.01), chronicIllness: false,
        });
      }
    }
    const memberCount = members.reduce((n, m) => n + (m.fromVersion <= v && (m.toVersion === 0 || m.toVersion > v) ? 1 : 0), 0);
    if (memberCount === 0) {
      versions.push(null);
      prev = null;
      continue;
    }
    if (prev && prev.epoch === epoch && prev.memberCount === memberCount && prev.villageIndex === villageIndex) {
      versions.push(prev);
      continue;
    }
    const inputs: WelfareInputs =
      prev && prev.epoch === epoch && prev.memberCount === memberCount
        ? prev.inputs
        : drawInputs(new Rng(params.seed, index, 2, epoch), w, memberCount, regency);
    prev = { villageIndex, memberCount, w, epoch, inputs, score: pmtScore(inputs) };
    versions.push(prev);
  }
  return { index, regency, nonDtsen, firstVersion, members, versions };
}

function deathHazard(age: number): number {
  // Quarterly hazard; Indonesia's crude death rate is about 6.5 per 1,000 per year.
  if (age < 1) return 0.004;
  return 0.0002 + 0.000012 * Math.exp(0.09 * Math.max(0, age));
}

function makeMembers(rng: Rng, size: number, refYear: number, fromVersion: number, poor: boolean): MemberCore[] {
  const members: MemberCore[] = [];
  const headAge = fromVersion > 1 ? rng.int(20, 35) : clamp(Math.round(44 + rng.normal() * 13), 19, 92);
  const headFemale = rng.chance(size === 1 ? 0.35 : 0.12);
  const person = (age: number, female: boolean, relationship: MemberCore['relationship']): MemberCore => {
    const birthYear = Math.max(refYear - age, refYear - 98);
    return {
      female, birthYear, birthMonth: rng.int(1, 12), birthDay: rng.int(1, 28), relationship, fromVersion, toVersion: 0,
      died: false,
      disability: rng.chance(0.012 + (age > 60 ? 0.05 : 0) + (poor ? 0.01 : 0)),
      chronicIllness: rng.chance(age > 50 ? 0.14 : 0.03),
    };
  };
  members.push(person(headAge, headFemale, 'HEAD'));
  let remaining = size - 1;
  if (remaining > 0 && rng.chance(0.88)) {
    members.push(person(clamp(headAge + (headFemale ? 4 : -4) + rng.int(-4, 4), 18, 95), !headFemale, 'SPOUSE'));
    remaining--;
  }
  if (remaining >= 2 && headAge < 60 && rng.chance(0.15)) {
    members.push(person(clamp(headAge + rng.int(22, 32), 45, 98), rng.chance(0.6), 'PARENT'));
    remaining--;
  }
  for (let i = 0; i < remaining; i++) {
    const maxChildAge = Math.max(0, Math.min(headAge - 18, 30));
    const age = rng.int(0, maxChildAge);
    const relationship = headAge > 58 && age < 12 ? 'GRANDCHILD' : rng.chance(0.03) ? 'OTHER' : 'CHILD';
    members.push(person(age, rng.chance(0.49), relationship));
  }
  return members;
}

/** Welfare inputs from the latent welfare: each input is `w` plus its own noise, cut at realistic thresholds. */
function drawInputs(rng: Rng, w: number, memberCount: number, regency: RegencyModel): WelfareInputs {
  const incomeNoise = rng.normal();
  const urban = regency.isCity ? 0.35 : -0.15;
  const z = () => w + urban + rng.normal() * 0.8;
  const perCapita = regency.povertyLine * Math.exp(INCOME_W * w + INCOME_NOISE * incomeNoise);
  const wall = z();
  const floor = z();
  const roof = z();
  const water = z();
  const san = z();
  const fuel = z();
  const va = z();
  const asset = z();
  return {
    memberCount,
    incomeMonthly: Math.round((perCapita * memberCount) / 1000) * 1000,
    wallType: wall < -2.6 ? 'OTHER' : wall < -0.9 ? 'BAMBOO' : wall < -0.4 ? 'WOOD' : wall < 0 ? 'PLASTERED_BAMBOO' : 'MASONRY',
    floorType: floor < -1.2 ? 'EARTH' : floor < -0.8 ? 'BAMBOO' : floor < -0.4 ? 'WOOD' : floor < 1.0 ? 'CEMENT' : 'CERAMIC',
    roofType: roof < -1.3 ? 'THATCH' : roof < 0.4 ? 'ZINC' : roof < 0.9 ? 'ASBESTOS' : roof < 2.4 ? 'TILE' : 'CONCRETE',
    floorAreaM2: clamp(Math.round(Math.exp(3.6 + 0.25 * z()) * (0.7 + 0.1 * memberCount)), 9, 600),
    electricityVa: va < -1.6 ? 0 : va < -0.4 ? 450 : va < 0.9 ? 900 : va < 1.9 ? 1300 : va < 2.7 ? 2200 : 3500,
    waterSource: water < -1.3 ? 'SURFACE' : water < -0.6 ? 'UNPROTECTED' : water < 0.6 ? 'PROTECTED_WELL' : water < 1.4 ? 'PIPED' : 'BOTTLED',
    sanitation: san < -1.3 ? 'NONE' : san < -0.6 ? 'SHARED' : san < 0.2 ? 'PRIVATE_NO_SEPTIC' : 'PRIVATE_SEPTIC',
    cookingFuel: fuel < -1.0 ? 'WOOD' : fuel < -0.7 ? 'KEROSENE' : fuel < 1.8 ? 'LPG_3KG' : fuel < 2.6 ? 'LPG_LARGE' : 'ELECTRIC_GAS',
    houseOwnership: rng.chance(regency.isCity ? 0.25 : 0.08) ? (rng.chance(0.7) ? 'RENTED' : 'RENT_FREE') : rng.chance(0.03) ? 'OTHER' : 'OWNED',
    landM2: regency.isCity ? (asset > 1.5 ? rng.int(50, 500) : 0) : asset > -0.8 ? Math.round(Math.exp(7 + 0.6 * asset + rng.normal() * 0.5)) : 0,
    motorcycles: clamp(Math.floor(0.9 + 0.8 * asset + rng.normal() * 0.6), 0, 4),
    cars: asset > 2.7 ? 2 : asset > 1.6 ? 1 : 0,
    goldGrams: asset > 0.3 ? Math.round(Math.exp(1 + 0.8 * asset)) : 0,
    savingsRp: asset > -0.2 ? Math.round(Math.exp(14 + 1.1 * asset + rng.normal() * 0.6) / 1000) * 1000 : 0,
    loansRp: rng.chance(0.35) ? Math.round(Math.exp(14.5 + 0.5 * asset + rng.normal() * 0.7) / 1000) * 1000 : 0,
  };
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

function cumulative(weights: number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let s = 0;
  weights.forEach((w, i) => {
    s += w;
    out[i] = s;
  });
  return out;
}
