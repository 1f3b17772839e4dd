// The desil transition heat map: which two versions to compare (from the URL, with defaults), the grid of
// cells in display order (desil 1–10, then "not in DTSEN"), and the colour class of a share.
import type { TrendsTransitionsQuery } from '../../generated/graphql';

export type TransitionData = TrendsTransitionsQuery['desilTransitions'];

export interface VersionRef {
  id: number;
  label: string;
}

export interface TransitionPair {
  from: VersionRef;
  to: VersionRef;
}

/**
 * The versions compared: `ke` when it names a published version (else the current one), and `dari` when it
 * names a published version before it (else the published version just before `ke`). Null when no
 * published version precedes the later one.
 */
export function resolveTransitionPair(
  published: readonly VersionRef[],
  currentVersionId: number,
  dari: string | undefined,
  ke: string | undefined,
): TransitionPair | null {
  const sorted = [...published].sort((a, b) => a.id - b.id);
  const byId = (value: string | undefined) => (value === undefined ? undefined : sorted.find((version) => String(version.id) === value));
  const to = byId(ke) ?? sorted.find((version) => version.id === currentVersionId) ?? sorted.at(-1);
  if (!to) return null;
  const requested = byId(dari);
  const from = requested && requested.id < to.id ? requested : sorted.filter((version) => version.id < to.id).at(-1);
  return from ? { from, to } : null;
}

/** Desil 1–10 then 0 ("not in DTSEN": entered as a row, left as a column). */
export const GRID_ORDER: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0];

export interface HeatCell {
  fromDesil: number;
  toDesil: number;
  /** Null for (0, 0), which is never counted, and for a withheld cell. */
  families: number | null;
  /** Share of the row; null when withheld. */
  share: number | null;
  level: number;
  /** Withheld by the API: a small cell (1 to the threshold minus 1 families). */
  withheld: boolean;
}

export interface HeatRow {
  fromDesil: number;
  /** Null when withheld. */
  rowTotal: number | null;
  cells: HeatCell[];
}

/** Share thresholds of the colour classes heat--1 … heat--7 (heat--0 is an empty cell). */
const LEVEL_THRESHOLDS = [0, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75] as const;

/** The colour class of a share of the row: 0 for none, 1–7 by the thresholds. */
export function heatLevel(share: number, families: number | null = 1): number {
  if (families === null || families === 0 || share <= 0) return 0;
  let level = 0;
  for (const [index, threshold] of LEVEL_THRESHOLDS.entries()) if (share > threshold) level = index + 1;
  return level;
}

/** The lower bound of each colour class, for the legend. */
export const HEAT_LEGEND: readonly { level: number; from: number }[] = LEVEL_THRESHOLDS.map((from, index) => ({ level: index + 1, from }));

/** Rows and cells in grid order; missing cells count as zero. */
export function toTransitionGrid(data: Pick<TransitionData, 'cells' | 'rowTotals'>): HeatRow[] {
  const cells = new Map(data.cells.map((cell) => [`${cell.fromDesil}:${cell.toDesil}`, cell]));
  const totals = new Map(data.rowTotals.map((row) => [row.fromDesil, row.families]));
  return GRID_ORDER.map((fromDesil) => {
    const rowTotal = totals.get(fromDesil);
    return {
      fromDesil,
      rowTotal: rowTotal === undefined ? 0 : rowTotal,
      cells: GRID_ORDER.map((toDesil): HeatCell => {
        if (fromDesil === 0 && toDesil === 0) return { fromDesil, toDesil, families: null, share: 0, level: 0, withheld: false };
        const cell = cells.get(`${fromDesil}:${toDesil}`);
        if (!cell) return { fromDesil, toDesil, families: 0, share: 0, level: 0, withheld: false };
        if (cell.families === null || cell.share === null) return { fromDesil, toDesil, families: null, share: null, level: 0, withheld: true };
        return { fromDesil, toDesil, families: cell.families, share: cell.share, level: heatLevel(cell.share, cell.families), withheld: false };
      }),
    };
  });
}
