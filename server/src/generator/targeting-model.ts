/**
 * What happens to a synthetic family in the programs, version by version: exclusion flags, program membership
 * (with realistic inclusion and exclusion errors), ground checks and proposals.
 *
 * Calibration (national scale, DOMAIN.md): among the 96 M PBI-JKN recipients at the first version, 2.31 M are in
 * desil 6-10 and 5.09 M are outside DTSEN (the May 2025 clean-up). PKH (10 M families, desil 1-4) and Sembako
 * (18.3 M families, desil 1-5) fill their quotas per kabupaten by BPS poor share, with per-region deviations.
 */
import type { ExclusionCriterionCode } from '../domain/exclusion-criteria.js';
import { EXCLUSION_CRITERIA } from '../domain/exclusion-criteria.js';
import { type ProgramCode, desilInRange, programByCode } from '../domain/programs.js';
import { type FamilyCore, type SimulationParams, versionDate, versionYear } from './family-model.js';
import { Rng } from './rng.js';

export type GroundCheck = 'NOT_CHECKED' | 'CONFIRMED' | 'INELIGIBLE' | 'ADDRESS_NOT_FOUND';
export type StartReason = 'INITIAL' | 'QUOTA_FILL' | 'PROPOSAL' | 'REACTIVATION';
export type EndReason =
  | 'GRADUATED' | 'DECEASED' | 'NEGATIVE_LIST' | 'EXCLUSION_CRITERION' | 'RERANKED' | 'OUTSIDE_DTSEN' | 'MAX_DURATION' | 'MOVED';
export type ProposalKind = 'USULAN' | 'SANGGAH' | 'DESIL_UPDATE' | 'PBI_REACTIVATION';
export type ProposalStatus = 'SUBMITTED' | 'VERIFIED' | 'GROUND_CHECKED' | 'APPROVED' | 'REJECTED';

export interface FlagOut { member: number; criterion: ExclusionCriterionCode; observedVersion: number }
export interface EnrollmentOut {
  program: ProgramCode; member: number | null; start: number; end: number | null;
  startReason: StartReason; endReason: EndReason | null; sinceYear: number;
}
export interface ProposalOut {
  kind: ProposalKind; path: 'FORMAL' | 'PARTICIPATORY'; program: ProgramCode | null; version: number;
  history: Array<{ status: ProposalStatus; at: Date }>;
}
export interface TargetingOut {
  groundCheck: GroundCheck[];
  flags: FlagOut[];
  enrollments: EnrollmentOut[];
  proposals: ProposalOut[];
}

/** Per program: share of first-version recipients outside DTSEN and above the desil range (inclusion errors). */
export const PROGRAM_CALIBRATION: Record<'PKH' | 'SEMBAKO' | 'PBI_JKN', { outside: number; above: number; entryPerVersion: number }> = {
  PKH: { outside: 0.015, above: 0.05, entryPerVersion: 0.09 },
  SEMBAKO: { outside: 0.02, above: 0.035, entryPerVersion: 0.05 },
  PBI_JKN: { outside: 5_090_334 / 96_000_000, above: 2_306_943 / 96_000_000, entryPerVersion: 0.05 },
};

/** Highest chance for one unit to be drawn as a recipient. */
export const MAX_CHANCE = 0.97;

/** Coefficients per regency and quota program, derived from the first-version ranking (see generate.ts). */
export interface QuotaCoefficients {
  /** Multiplier of the in-range desil weight. */
  inRange: Float64Array;
  /** Multiplier of the above-range desil weight. */
  above: Float64Array;
  /** Probability for a non-DTSEN family to be a recipient. */
  outside: Float64Array;
  /** Multiplier of the in-range weight for entries in later versions. */
  entry: Float64Array;
}

export interface TargetingContext {
  params: SimulationParams;
  quota: Record<'PKH' | 'SEMBAKO' | 'PBI_JKN', QuotaCoefficients>;
  /** desil[v-1][familyIndex], 0 = not ranked. */
  desil: Uint8Array[];
}

/** Relative chance of an in-range unit to be a recipient: poorer desil first. */
export function inRangeWeight(desil: number, desilMax: number): number {
  return (desilMax - desil + 1) ** 1.3;
}
/** Relative chance of an above-range unit: mostly just above the range. */
export function aboveWeight(desil: number, desilMax: number): number {
  return 1 / (desil - desilMax) ** 1.6;
}

const QUOTA_PROGRAMS = ['PKH', 'SEMBAKO', 'PBI_JKN'] as const;
const FAMILY_EXCLUDING = new Set(EXCLUSION_CRITERIA.filter((c) => c.excludesFamily).map((c) => c.code));

export function simulateTargeting(ctx: TargetingContext, core: FamilyCore, work: WorkProfile[]): TargetingOut {
  const { params } = ctx;
  const V = params.versions;
  const rng = new Rng(params.seed, core.index, 4);
  const r = core.regency.index;
  const desilAt = (v: number) => (core.nonDtsen ? 0 : ctx.desil[v - 1]![core.index]!);
  const present = (v: number) => core.versions[v - 1] !== null && core.versions[v - 1] !== undefined;
  const alive = (m: number, v: number) => {
    const p = core.members[m]!;
    return p.fromVersion <= v && (p.toVersion === 0 || p.toVersion > v);
  };
  const ageAt = (m: number, v: number) => versionYear(params, v) - core.members[m]!.birthYear;

  // 1. Exclusion flags (administrative matches), independent of programs.
  const flags: FlagOut[] = [];
  const observed = () => (V > 1 && rng.chance(0.3) ? rng.int(2, V) : 1);
  core.members.forEach((m, i) => {
    const w = work[i]!;
    if (m.died) flags.push({ member: i, criterion: 'DECEASED', observedVersion: m.toVersion });
    if (w.government) flags.push({ member: i, criterion: 'ASN_TNI_POLRI', observedVersion: observed() });
    if (w.retiredGovernment) flags.push({ member: i, criterion: 'RETIRED_ASN_TNI_POLRI', observedVersion: observed() });
    if (w.special) flags.push({ member: i, criterion: w.special, observedVersion: observed() });
    if (w.adult && rng.chance(0.0045)) flags.push({ member: i, criterion: 'NEGATIVE_LIST_GAMBLING', observedVersion: V > 1 ? rng.int(2, V) : 1 });
  });
  const v1 = core.versions.find((x) => x !== null);
  if (v1) {
    const workers = work.filter((w) => w.working).length;
    if (workers > 0 && v1.inputs.incomeMonthly / workers > core.regency.minimumWage * 1.5) {
      flags.push({ member: 0, criterion: 'INCOME_ABOVE_MINIMUM_WAGE', observedVersion: core.firstVersion });
    }
  }
  const familyExcludedAt = (v: number) => flags.some((f) => f.observedVersion <= v && FAMILY_EXCLUDING.has(f.criterion));
  const negativeListAt = (v: number) => flags.some((f) => f.observedVersion <= v && f.criterion === 'NEGATIVE_LIST_GAMBLING');

  // 2. Version by version: exits, entries, ground checks, proposals.
  const enrollments: EnrollmentOut[] = [];
  const proposals: ProposalOut[] = [];
  const groundCheck: GroundCheck[] = [];
  let gc: GroundCheck = 'NOT_CHECKED';
  const approvedUsulan = new Set<number>();
  const active = () => enrollments.filter((e) => e.end === null);

  for (let v = core.firstVersion; v <= V; v++) {
    const d = desilAt(v);
    const isPresent = present(v);
    const year = versionYear(params, v);
    // Exits of memberships active since an earlier version.
    for (const e of active()) {
      if (e.start >= v) continue;
      const rule = programByCode(e.program);
      let reason: EndReason | null = null;
      if (e.member !== null ? !alive(e.member, v) : !isPresent) reason = rng.chance(0.8) ? 'DECEASED' : null;
      else if (core.nonDtsen) reason = rng.chance(v === 2 ? 0.65 : 0.15) ? 'OUTSIDE_DTSEN' : null;
      else if (negativeListAt(v - 1) && rng.chance(0.5)) reason = 'NEGATIVE_LIST';
      else if (familyExcludedAt(v - 1) && rng.chance(gc === 'INELIGIBLE' ? 0.5 : 0.05)) reason = 'EXCLUSION_CRITERION';
      else if (d > rule.desilMax && gc === 'INELIGIBLE' && rng.chance(0.7)) reason = 'GRADUATED';
      else if (d > rule.desilMax && rng.chance(0.05)) reason = 'RERANKED';
      else if (rule.maxYears !== null && e.sinceYear + rule.maxYears <= year && rng.chance(0.15)) reason = 'MAX_DURATION';
      else if (e.program === 'PIP' && e.member !== null && ageAt(e.member, v) > 21) reason = 'MAX_DURATION';
      if (reason) {
        e.end = v;
        e.endReason = reason;
        if (e.program === 'PBI_JKN' && e.member !== null && core.members[e.member]!.chronicIllness && reason !== 'DECEASED' && rng.chance(0.35)) {
          proposals.push(makeProposal(rng, params, 'PBI_REACTIVATION', 'PBI_JKN', v));
        }
      }
    }
    if (isPresent) enter(v, d);
    // Ground check (SIKS-MA): recipients who look ineligible are checked first.
    if (isPresent && !core.nonDtsen && gc === 'NOT_CHECKED') {
      const recipient = active().length > 0;
      const suspicious = d > 5 || familyExcludedAt(v);
      const p = recipient ? (suspicious ? 0.2 : 0.03) : d <= 5 ? 0.02 : 0.003;
      if (rng.chance(p)) {
        const x = rng.next();
        gc = suspicious ? (x < 0.8 ? 'INELIGIBLE' : x < 0.95 ? 'CONFIRMED' : 'ADDRESS_NOT_FOUND') : x < 0.93 ? 'CONFIRMED' : x < 0.97 ? 'INELIGIBLE' : 'ADDRESS_NOT_FOUND';
        if (gc === 'ADDRESS_NOT_FOUND') flags.push({ member: 0, criterion: 'ADDRESS_NOT_FOUND', observedVersion: v });
        if (gc === 'INELIGIBLE' && d > 5) flags.push({ member: 0, criterion: 'WELL_OFF', observedVersion: v });
      }
    }
    groundCheck.push(gc);
    // Proposals on the update paths.
    if (isPresent && !core.nonDtsen) {
      const recipient = active().length > 0;
      if (!recipient && d >= 1 && d <= 5 && rng.chance(0.008)) {
        const p = makeProposal(rng, params, 'USULAN', rng.pick(['PKH', 'SEMBAKO', 'PBI_JKN'] as const), v, d <= 4 ? 0.7 : 0.35);
        proposals.push(p);
        if (p.history.at(-1)!.status === 'APPROVED') approvedUsulan.add(v);
      } else if (recipient && (d > 5 || familyExcludedAt(v)) && rng.chance(0.03)) {
        proposals.push(makeProposal(rng, params, 'SANGGAH', active()[0]!.program, v, 0.6));
      }
      const prevD = v > 1 ? desilAt(v - 1) : 0;
      if (prevD > 0 && d > prevD && d >= 5 && rng.chance(0.02)) proposals.push(makeProposal(rng, params, 'DESIL_UPDATE', null, v, 0.3));
    }
  }
  return { groundCheck, flags, enrollments, proposals };

  function enter(v: number, d: number): void {
    const first = v === core.firstVersion;
    const initial = v === 1;
    const excluded = familyExcludedAt(v);
    for (const code of QUOTA_PROGRAMS) {
      const rule = programByCode(code);
      if (enrollments.some((e) => e.program === code && e.end === null)) continue;
      const q = ctx.quota[code];
      let p: number;
      if (initial && core.nonDtsen) p = q.outside[r]!;
      else if (core.nonDtsen) p = 0;
      else if (initial && d > rule.desilMax) p = q.above[r]! * aboveWeight(d, rule.desilMax);
      else if (initial) p = q.inRange[r]! * inRangeWeight(d, rule.desilMax);
      else if (!first && desilInRange(rule, d) && !excluded) {
        p = q.entry[r]! * inRangeWeight(d, rule.desilMax) * (gc === 'CONFIRMED' ? 3 : 1) + (approvedUsulan.has(v - 1) ? 0.6 : 0);
      } else p = 0;
      if (!rng.chance(Math.min(p, MAX_CHANCE))) continue;
      const startReason: StartReason = initial ? 'INITIAL' : approvedUsulan.has(v - 1) ? 'PROPOSAL' : 'QUOTA_FILL';
      const sinceYear = initial ? rng.int(2016, versionYear(params, 1)) : versionYear(params, v);
      if (rule.unit === 'FAMILY') {
        enrollments.push({ program: code, member: null, start: v, end: null, startReason, endReason: null, sinceYear });
      } else {
        core.members.forEach((_, m) => {
          if (alive(m, v)) enrollments.push({ program: code, member: m, start: v, end: null, startReason, endReason: null, sinceYear });
        });
      }
    }
    // Newborns join their family's PBI-JKN membership.
    if (!first && enrollments.some((e) => e.program === 'PBI_JKN' && e.end === null)) {
      core.members.forEach((m, i) => {
        const enrolled = enrollments.some((e) => e.program === 'PBI_JKN' && e.member === i && e.end === null);
        if (m.fromVersion === v && !enrolled && rng.chance(0.8)) {
          enrollments.push({ program: 'PBI_JKN', member: i, start: v, end: null, startReason: 'QUOTA_FILL', endReason: null, sinceYear: versionYear(params, v) });
        }
      });
    }
    // ATENSI (elderly, disabled) and PIP (school age) by assessment, no national quota.
    if (!initial && !first) return;
    if (core.nonDtsen && !initial) return;
    core.members.forEach((m, i) => {
      if (!alive(i, v)) return;
      const age = ageAt(i, v);
      const band = core.nonDtsen ? 0.5 : d <= 3 ? 1 : d <= 5 ? 0.5 : 0.06;
      if ((age >= 60 || m.disability) && rng.chance(0.22 * band)) {
        enrollments.push({ program: 'ATENSI', member: i, start: v, end: null, startReason: initial ? 'INITIAL' : 'QUOTA_FILL', endReason: null, sinceYear: rng.int(2020, versionYear(params, v)) });
      }
      if (age >= 6 && age <= 21 && rng.chance(0.5 * band)) {
        enrollments.push({ program: 'PIP', member: i, start: v, end: null, startReason: initial ? 'INITIAL' : 'QUOTA_FILL', endReason: null, sinceYear: rng.int(2019, versionYear(params, v)) });
      }
    });
  }
}

export interface WorkProfile {
  adult: boolean;
  working: boolean;
  government: boolean;
  retiredGovernment: boolean;
  special: ExclusionCriterionCode | null;
}

function makeProposal(
  rng: Rng, params: SimulationParams, kind: ProposalKind, program: ProgramCode | null, v: number, approveRate = 0.5,
): ProposalOut {
  const now = versionDate(params, params.versions).getTime() + 45 * DAY;
  let t = versionDate(params, v).getTime() + rng.int(-40, 40) * DAY;
  const history: ProposalOut['history'] = [{ status: 'SUBMITTED', at: new Date(t) }];
  const step = (status: ProposalStatus, meanDays: number): boolean => {
    t += Math.max(1, Math.round(meanDays * Math.exp(rng.normal() * 0.5))) * DAY;
    if (t > now) return false;
    history.push({ status, at: new Date(t) });
    return true;
  };
  if (step(rng.chance(0.06) ? 'REJECTED' : 'VERIFIED', 12) && history.at(-1)!.status === 'VERIFIED') {
    if (step('GROUND_CHECKED', 25)) step(rng.chance(approveRate) ? 'APPROVED' : 'REJECTED', 14);
  }
  return { kind, path: rng.chance(0.6) ? 'FORMAL' : 'PARTICIPATORY', program, version: v, history };
}

const DAY = 86_400_000;
