/**
 * Policy scenarios: "what if PKH covered desil 1-3?" Program rules are data (Kepmensos 79/HUK/2025 diktum
 * keempat, see programs.ts), so a scenario is the same rules with some values overridden, run through the very same
 * classification over the same targeting cells; nothing here knows any program by name.
 */
import { TARGETING_CLASSES, classify, summarize, type TargetingSummary } from './classification.js';
import type { ProgramCode, ProgramRule } from './programs.js';
import type { InclusionCause, TargetingCell, TargetingClass } from './targeting-types.js';

export interface ScenarioOverride {
  programCode: ProgramCode;
  desilMin?: number;
  desilMax?: number;
  nationalQuota?: number;
}

export type ScenarioRuleErrorCode = 'UNKNOWN_PROGRAM' | 'DUPLICATE_OVERRIDE' | 'INVALID_DESIL_RANGE' | 'INVALID_QUOTA' | 'PROGRAM_MISMATCH';

/** A scenario that cannot be a program rule. */
export class ScenarioRuleError extends Error {
  override readonly name = 'ScenarioRuleError';
  constructor(readonly code: ScenarioRuleErrorCode, message: string) {
    super(message);
  }
}

/** New rule objects with the overrides applied (the input rules are not changed); validates every overridden rule. */
export function applyOverrides(rules: readonly ProgramRule[], overrides: readonly ScenarioOverride[]): ProgramRule[] {
  const byCode = new Map<ProgramCode, ScenarioOverride>();
  for (const o of overrides) {
    if (!rules.some((r) => r.code === o.programCode)) throw new ScenarioRuleError('UNKNOWN_PROGRAM', `unknown program ${o.programCode}`);
    if (byCode.has(o.programCode)) throw new ScenarioRuleError('DUPLICATE_OVERRIDE', `program ${o.programCode} is overridden twice`);
    byCode.set(o.programCode, o);
  }
  return rules.map((rule) => {
    const o = byCode.get(rule.code);
    if (!o) return { ...rule };
    const next: ProgramRule = {
      ...rule,
      desilMin: o.desilMin ?? rule.desilMin,
      desilMax: o.desilMax ?? rule.desilMax,
      nationalQuota: o.nationalQuota ?? rule.nationalQuota,
    };
    const { desilMin: min, desilMax: max } = next;
    if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1 || min > max || max > 10) {
      throw new ScenarioRuleError('INVALID_DESIL_RANGE', `${rule.code}: desil range ${min}-${max} must satisfy 1 <= min <= max <= 10`);
    }
    if (o.nationalQuota !== undefined && (!Number.isInteger(o.nationalQuota) || o.nationalQuota < 0)) {
      throw new ScenarioRuleError('INVALID_QUOTA', `${rule.code}: national quota ${o.nationalQuota} must be a non-negative integer`);
    }
    return next;
  });
}

export interface SummaryDifference {
  /** Scenario minus baseline, per class. */
  byClass: Record<TargetingClass, number>;
  /** Scenario minus baseline, per inclusion cause present in either. */
  inclusionByCause: Partial<Record<InclusionCause, number>>;
  eligible: number;
  recipients: number;
  coverage: number;
  leakage: number;
}

export interface ClassMove {
  from: TargetingClass;
  to: TargetingClass;
  units: number;
}

export interface ScenarioComparison {
  baseline: TargetingSummary;
  scenario: TargetingSummary;
  difference: SummaryDifference;
  /** Units whose class changes, per (baseline class, scenario class); unchanged units are not listed. */
  moves: ClassMove[];
}

/** Baseline and scenario summaries of the same cells, their difference and the units that change class. */
export function compareScenario(baseRule: ProgramRule, scenarioRule: ProgramRule, cells: readonly TargetingCell[]): ScenarioComparison {
  if (baseRule.code !== scenarioRule.code) {
    throw new ScenarioRuleError('PROGRAM_MISMATCH', `cannot compare ${baseRule.code} with ${scenarioRule.code}`);
  }
  const baseline = summarize(baseRule, cells);
  const scenario = summarize(scenarioRule, cells);
  const byClass = Object.fromEntries(TARGETING_CLASSES.map((k) => [k, scenario.byClass[k] - baseline.byClass[k]])) as Record<TargetingClass, number>;
  const inclusionByCause: Partial<Record<InclusionCause, number>> = {};
  const causes = new Set([...Object.keys(baseline.inclusionByCause), ...Object.keys(scenario.inclusionByCause)] as InclusionCause[]);
  for (const c of causes) inclusionByCause[c] = (scenario.inclusionByCause[c] ?? 0) - (baseline.inclusionByCause[c] ?? 0);

  const moved = new Map<string, ClassMove>();
  for (const cell of cells) {
    const from = classify(baseRule, cell).class;
    const to = classify(scenarioRule, cell).class;
    if (from === to || cell.units === 0) continue;
    const key = `${from}>${to}`;
    const move = moved.get(key) ?? { from, to, units: 0 };
    move.units += cell.units;
    moved.set(key, move);
  }
  const order = (k: TargetingClass) => TARGETING_CLASSES.indexOf(k);
  const moves = [...moved.values()].sort((a, b) => order(a.from) - order(b.from) || order(a.to) - order(b.to));

  return {
    baseline,
    scenario,
    difference: {
      byClass,
      inclusionByCause,
      eligible: scenario.eligible - baseline.eligible,
      recipients: scenario.recipients - baseline.recipients,
      coverage: scenario.coverage - baseline.coverage,
      leakage: scenario.leakage - baseline.leakage,
    },
    moves,
  };
}
