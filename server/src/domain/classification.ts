/**
 * Targeting-error classification: which class (correct recipient, inclusion error, exclusion error, pending ground
 * check, not eligible) a unit falls in for a program, why, and the summary of a set of targeting cells.
 * Follows Kepmensos 79/HUK/2025 diktum keempat (desil ranges; a recipient outside its range keeps the benefit until
 * a ground check) and the exclusion criteria of Kepmensos 73/2024 and 79/2025 as amended by 190/2025.
 *
 * Desil range: the decrees only speak of a recipient "outside" its range, and every decree range starts at desil 1,
 * so only "above" occurs. A scenario that raises `desilMin` treats units below the range the same way, under the
 * cause DESIL_ABOVE_RANGE (the shared vocabulary has no below-range cause).
 */
import { desilInRange, type ProgramRule } from './programs.js';
import type { InclusionCause, TargetingCell, TargetingClass } from './targeting-types.js';

/** The facts that decide a unit's class. */
export type TargetingFacts = Omit<TargetingCell, 'units' | 'programCode'>;
type DesilRange = Pick<ProgramRule, 'desilMin' | 'desilMax'>;

export const TARGETING_CLASSES: readonly TargetingClass[] = [
  'CORRECT_RECIPIENT', 'INCLUSION_ERROR', 'EXCLUSION_ERROR', 'PENDING_GROUND_CHECK', 'NOT_ELIGIBLE',
];

export interface Classification {
  class: TargetingClass;
  /** Set exactly when the class is INCLUSION_ERROR: the first cause in `INCLUSION_CAUSE_ORDER`. */
  cause: InclusionCause | null;
}

export interface Eligibility {
  /** In DTSEN, desil in range, no exclusion criterion, in the target group. */
  eligible: boolean;
  /** A recipient whose only fault is its desil, not yet ground-checked: keeps the benefit until the check. */
  keepsBenefitUntilGroundCheck: boolean;
  /** Every reason the unit is not eligible, in `INCLUSION_CAUSE_ORDER`; empty when eligible. */
  reasons: InclusionCause[];
}

export function eligibility(rule: DesilRange, facts: TargetingFacts): Eligibility {
  if (!Number.isInteger(facts.desil) || facts.desil < 0 || facts.desil > 10) throw new RangeError(`desil ${facts.desil} is not 0-10`);
  const reasons: InclusionCause[] = [];
  if (facts.desil === 0) reasons.push('OUTSIDE_DTSEN');
  if (facts.criterion !== null) reasons.push(facts.criterion);
  if (!facts.inTargetGroup) reasons.push('NOT_IN_TARGET_GROUP');
  if (facts.desil !== 0 && !desilInRange(rule, facts.desil)) reasons.push('DESIL_ABOVE_RANGE');
  const onlyDesil = reasons.length === 1 && reasons[0] === 'DESIL_ABOVE_RANGE';
  return { eligible: reasons.length === 0, keepsBenefitUntilGroundCheck: facts.recipient && onlyDesil && !facts.groundChecked, reasons };
}

export function classify(rule: DesilRange, facts: TargetingFacts): Classification {
  const e = eligibility(rule, facts);
  if (!facts.recipient) return { class: e.eligible ? 'EXCLUSION_ERROR' : 'NOT_ELIGIBLE', cause: null };
  if (e.eligible) return { class: 'CORRECT_RECIPIENT', cause: null };
  if (e.keepsBenefitUntilGroundCheck) return { class: 'PENDING_GROUND_CHECK', cause: null };
  return { class: 'INCLUSION_ERROR', cause: e.reasons[0]! };
}

export interface TargetingSummary {
  /** Units per class; every class present, summing to the units of the cells. */
  byClass: Record<TargetingClass, number>;
  /** Inclusion errors per (first) cause; causes with no units are absent. */
  inclusionByCause: Partial<Record<InclusionCause, number>>;
  /** Eligible units, recipients or not (correct recipients + exclusion errors). */
  eligible: number;
  /** Recipients (correct + inclusion errors + pending ground check). */
  recipients: number;
  /** Eligible recipients / eligible units; 0 when none is eligible. */
  coverage: number;
  /** Ineligible recipients (inclusion errors and pending ground checks) / recipients; 0 when none receives. */
  leakage: number;
}

export function emptyByClass(): Record<TargetingClass, number> {
  return { CORRECT_RECIPIENT: 0, INCLUSION_ERROR: 0, EXCLUSION_ERROR: 0, PENDING_GROUND_CHECK: 0, NOT_ELIGIBLE: 0 };
}

/** Summary of the cells of one program (every cell must belong to `rule`'s program). */
export function summarize(rule: Pick<ProgramRule, 'code' | 'desilMin' | 'desilMax'>, cells: readonly TargetingCell[]): TargetingSummary {
  const byClass = emptyByClass();
  const inclusionByCause: Partial<Record<InclusionCause, number>> = {};
  for (const cell of cells) {
    if (cell.programCode !== rule.code) throw new Error(`cell of ${cell.programCode} summarised under ${rule.code}`);
    if (!Number.isInteger(cell.units) || cell.units < 0) throw new RangeError(`units ${cell.units} is not a count`);
    const c = classify(rule, cell);
    byClass[c.class] += cell.units;
    if (c.cause !== null) inclusionByCause[c.cause] = (inclusionByCause[c.cause] ?? 0) + cell.units;
  }
  return summaryOf(byClass, inclusionByCause);
}

/** Derived totals and ratios of a class count. */
export function summaryOf(
  byClass: Record<TargetingClass, number>,
  inclusionByCause: Partial<Record<InclusionCause, number>>,
): TargetingSummary {
  const eligible = byClass.CORRECT_RECIPIENT + byClass.EXCLUSION_ERROR;
  const ineligibleRecipients = byClass.INCLUSION_ERROR + byClass.PENDING_GROUND_CHECK;
  const recipients = byClass.CORRECT_RECIPIENT + ineligibleRecipients;
  return {
    byClass,
    inclusionByCause,
    eligible,
    recipients,
    coverage: eligible === 0 ? 0 : byClass.CORRECT_RECIPIENT / eligible,
    leakage: recipients === 0 ? 0 : ineligibleRecipients / recipients,
  };
}
