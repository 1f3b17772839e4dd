// Shapes program entries and exits per version step into a diverging stacked bar chart (entries up, exits
// down, by category) and a table (one row per direction and category, one column per step).
import type { ChurnCategory, TrendsChurnQuery } from '../../generated/graphql';
import { differenceOrNull, sumOrNull } from '../../shared/small-cells';

export type ChurnStep = TrendsChurnQuery['churn']['steps'][number];
export type ChurnDirection = 'entry' | 'exit';

/** Display order of the categories; categories the API adds later are appended in the order met. */
export const ENTRY_CATEGORIES: readonly ChurnCategory[] = ['CARRY_OVER', 'QUOTA_FILL', 'NEW_PROPOSAL', 'REACTIVATION'];
export const EXIT_CATEGORIES: readonly ChurnCategory[] = [
  'GRADUATION',
  'RERANKING',
  'EXCLUSION_CRITERION',
  'NEGATIVE_LIST',
  'DEATH',
  'OUTSIDE_DTSEN',
  'MAX_DURATION',
  'MOVE',
];

export interface ChurnSeries {
  /** Data key in the bars: `in_QUOTA_FILL`, `out_DEATH`. */
  key: string;
  direction: ChurnDirection;
  category: ChurnCategory;
}

export interface ChurnBar {
  /** "2025-Q2 → 2025-Q3". */
  label: string;
  fromLabel: string;
  toLabel: string;
  toVersionId: number;
  /** Null when withheld (a small cell), and so is anything computed from it. */
  totalEntries: number | null;
  totalExits: number | null;
  net: number | null;
  /** Units per series key: entries positive, exits negative (for a chart stacked around zero); null = withheld (no bar). */
  values: Record<string, number | null>;
}

export function seriesKey(direction: ChurnDirection, category: ChurnCategory): string {
  return `${direction === 'entry' ? 'in' : 'out'}_${category}`;
}

function sumByCategory(flows: ChurnStep['entries']): Map<ChurnCategory, number | null> {
  const sums = new Map<ChurnCategory, number | null>();
  for (const flow of flows) sums.set(flow.category, sumOrNull([sums.get(flow.category) ?? 0, flow.units]));
  return sums;
}

/** Categories with units in some step, in display order (unknown ones last, in the order met). */
function presentCategories(steps: readonly ChurnStep[], direction: ChurnDirection): ChurnCategory[] {
  const order = direction === 'entry' ? ENTRY_CATEGORIES : EXIT_CATEGORIES;
  const present = new Set<ChurnCategory>();
  for (const step of steps)
    // A withheld flow (a small cell) has 1 or more units.
    for (const flow of direction === 'entry' ? step.entries : step.exits) if (flow.units !== 0) present.add(flow.category);
  return [...order.filter((category) => present.has(category)), ...[...present].filter((category) => !order.includes(category))];
}

/** The series present in the steps (entries first) and one bar per step, in version order. */
export function toChurnChart(steps: readonly ChurnStep[]): { series: ChurnSeries[]; bars: ChurnBar[] } {
  const series: ChurnSeries[] = [
    ...presentCategories(steps, 'entry').map((category) => ({ key: seriesKey('entry', category), direction: 'entry' as const, category })),
    ...presentCategories(steps, 'exit').map((category) => ({ key: seriesKey('exit', category), direction: 'exit' as const, category })),
  ];
  const bars = [...steps]
    .sort((a, b) => a.toVersion.id - b.toVersion.id)
    .map((step) => {
      const entries = sumByCategory(step.entries);
      const exits = sumByCategory(step.exits);
      const values: Record<string, number | null> = {};
      for (const item of series) {
        const sums = item.direction === 'entry' ? entries : exits;
        const units = sums.has(item.category) ? (sums.get(item.category) ?? null) : 0;
        values[item.key] = item.direction === 'entry' || units === 0 || units === null ? units : -units;
      }
      return {
        label: `${step.fromVersion.label} → ${step.toVersion.label}`,
        fromLabel: step.fromVersion.label,
        toLabel: step.toVersion.label,
        toVersionId: step.toVersion.id,
        totalEntries: step.totalEntries,
        totalExits: step.totalExits,
        net: differenceOrNull(step.totalEntries, step.totalExits),
        values,
      };
    });
  return { series, bars };
}

export interface ChurnTableRow {
  key: string;
  direction: ChurnDirection;
  category: ChurnCategory;
  /** Units per step, in the order of the bars; null = withheld. */
  byStep: (number | null)[];
  total: number | null;
}

/** One row per series (entries, then exits), with its units per step and over the span. */
export function toChurnTable(steps: readonly ChurnStep[]): ChurnTableRow[] {
  const { series, bars } = toChurnChart(steps);
  return series.map((item) => {
    const byStep = bars.map((bar) => {
      const units = bar.values[item.key];
      return units === undefined ? 0 : units === null ? null : Math.abs(units);
    });
    return { key: item.key, direction: item.direction, category: item.category, byStep, total: sumOrNull(byStep) };
  });
}
