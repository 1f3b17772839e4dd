// A table's sort order as one URL parameter (`urut=inclusion_rate.desc`), so a copied link keeps it. The key
// is a column key of the view's table; unknown keys or directions fall back to the view's default.
import type { SortDirection, SortState } from './components/DataTable';

export interface SortParam<Key extends string> extends SortState {
  key: Key;
  direction: SortDirection;
}

/** Reads `key.direction` (direction optional, default descending); anything else gives the fallback. */
export function parseSortParam<Key extends string>(
  value: string | undefined,
  keys: readonly Key[],
  fallback: SortParam<Key>,
): SortParam<Key> {
  if (value === undefined || value === '') return fallback;
  const [key = '', direction = 'desc', ...rest] = value.toLowerCase().split('.');
  if (rest.length > 0 || (direction !== 'asc' && direction !== 'desc')) return fallback;
  const known = keys.find((candidate) => candidate === key);
  return known === undefined ? fallback : { key: known, direction };
}

/** The parameter value of a sort order: `gap.desc`. */
export function formatSortParam(sort: SortState): string {
  return `${sort.key}.${sort.direction}`;
}
