/**
 * Shared vocabulary of the targeting engine: the facts that decide a unit's class, and the classes.
 * A "unit" is a family for family programs (PKH, SEMBAKO) and an individual for individual programs
 * (PBI_JKN, ATENSI, PIP). The database aggregates units with identical facts into a `TargetingCell` (the
 * targeting cube, table `targeting_rollup`); every class, cause, quota and scenario is then a pure function of cells.
 */
import type { ExclusionCriterionCode } from './exclusion-criteria.js';
import type { ProgramCode } from './programs.js';

/** Exactly one per (program, unit, version). */
export type TargetingClass =
  /** Receives the program and should: in DTSEN, desil in range, in the target group, no exclusion criterion. */
  | 'CORRECT_RECIPIENT'
  /** Receives but should not; see `InclusionCause`. */
  | 'INCLUSION_ERROR'
  /** Should receive but does not: in DTSEN, desil in range, in the target group, no exclusion criterion. */
  | 'EXCLUSION_ERROR'
  /** Receives while its desil is above the range, not yet ground-checked: keeps the benefit until the check. */
  | 'PENDING_GROUND_CHECK'
  /** Neither eligible nor a recipient. */
  | 'NOT_ELIGIBLE';

/** Why an inclusion error is one, in the order a removal plan treats them. */
export type InclusionCause = 'OUTSIDE_DTSEN' | ExclusionCriterionCode | 'NOT_IN_TARGET_GROUP' | 'DESIL_ABOVE_RANGE';

/** Units sharing all the facts that decide their class, for one program, version and region. */
export interface TargetingCell {
  programCode: ProgramCode;
  /** Desil 1-10 in the version; 0 = outside DTSEN (no family state in force). */
  desil: number;
  /** Member of the program in the version. */
  recipient: boolean;
  /** First exclusion criterion in force (by the criteria's sort order), or null. */
  criterion: ExclusionCriterionCode | null;
  /** The family has been ground-checked (status other than NOT_CHECKED). */
  groundChecked: boolean;
  /** In the program's target group (ATENSI: aged 60+ or disabled; PIP: aged 6-21; all others: always). */
  inTargetGroup: boolean;
  /** Number of units (families or individuals by the program's unit). */
  units: number;
}
