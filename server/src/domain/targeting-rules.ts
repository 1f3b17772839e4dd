/**
 * Targeting rules that are data: each program's target group, and the order in which the causes of an inclusion
 * error are treated (Kepmensos 79/HUK/2025 diktum keempat for the programs; Kepmensos 73/2024 and 79/2025 as
 * amended by 190/2025 for the exclusion criteria). Changing a target group by decree means changing this table.
 */
import { EXCLUSION_CRITERIA } from './exclusion-criteria.js';
import type { ProgramCode } from './programs.js';
import type { InclusionCause } from './targeting-types.js';

/** Who a program is meant for, apart from its desil range and the exclusion criteria. */
export type TargetGroup = 'EVERYONE' | 'ELDERLY_OR_DISABLED' | 'SCHOOL_AGE';

/**
 * Target group per program (DOMAIN.md, "Programs and who is eligible"): ATENSI serves the elderly (60+) or
 * disabled, PIP serves school-age children and youth (6-21); PKH, Sembako and PBI-JKN serve everyone in range.
 * ATENSI also names children and other vulnerable groups, admitted only by individual assessment, which the
 * registry's facts cannot express; they are not part of the group here.
 */
export const PROGRAM_TARGET_GROUP: Readonly<Record<ProgramCode, TargetGroup>> = {
  PKH: 'EVERYONE',
  SEMBAKO: 'EVERYONE',
  PBI_JKN: 'EVERYONE',
  ATENSI: 'ELDERLY_OR_DISABLED',
  PIP: 'SCHOOL_AGE',
};

/** Age bounds of the target groups, in completed years, inclusive. */
export const ELDERLY_MIN_AGE = 60;
export const SCHOOL_AGE_MIN = 6;
export const SCHOOL_AGE_MAX = 21;

export interface TargetGroupFacts {
  /** Age in completed years at the version's reference date. */
  age: number;
  /** Has a recorded disability. */
  disability: boolean;
}

/** True when a person belongs to the target group. */
export function inTargetGroup(group: TargetGroup, person: TargetGroupFacts): boolean {
  switch (group) {
    case 'EVERYONE':
      return true;
    case 'ELDERLY_OR_DISABLED':
      return person.age >= ELDERLY_MIN_AGE || person.disability;
    case 'SCHOOL_AGE':
      return person.age >= SCHOOL_AGE_MIN && person.age <= SCHOOL_AGE_MAX;
    default:
      return assertNever(group);
  }
}

function assertNever(value: never): never {
  throw new Error(`unexpected target group ${String(value)}`);
}

/**
 * Removal priority of an over-quota region, and the order in which a unit's causes are reported: outside DTSEN
 * first, then every exclusion criterion in its sort order, then not in the target group, then desil above range
 * (those are removed last: they only lose the benefit after a ground check).
 */
export const INCLUSION_CAUSE_ORDER: readonly InclusionCause[] = [
  'OUTSIDE_DTSEN',
  ...[...EXCLUSION_CRITERIA].sort((a, b) => a.sortOrder - b.sortOrder).map((c) => c.code),
  'NOT_IN_TARGET_GROUP',
  'DESIL_ABOVE_RANGE',
];

const causeRank = new Map(INCLUSION_CAUSE_ORDER.map((c, i) => [c, i]));

/** Position of a cause in `INCLUSION_CAUSE_ORDER` (lower = treated first). */
export function inclusionCauseRank(cause: InclusionCause): number {
  const rank = causeRank.get(cause);
  if (rank === undefined) throw new Error(`unknown inclusion cause ${cause}`);
  return rank;
}
