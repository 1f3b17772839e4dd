// The one table component of the dashboard: a real <table> with caption, row headers and aria-sort,
// optional client-side sorting, optional row selection (click or Enter), and CSV export of its rows — or
// of every row behind a paginated table when `exportRows` fetches them.
import { useMemo, useState, type ReactNode } from 'react';
import { csvFileName, downloadCsv, toCsv, type CsvValue } from '../csv';
import { formatCount, formatShare, formatSignedCount } from '../format';
import { useMessages } from '../i18n';
import { sharedMessages } from '../messages';
import { smallCellMark, useSmallCellThreshold } from '../small-cells';
import { SmallCell } from './SmallCell';

export type ColumnFormat = 'text' | 'count' | 'share' | 'signed';

export interface Column<Row> {
  key: string;
  header: string;
  /** The raw value: what the CSV holds and what sorting compares. */
  value: (row: Row) => CsvValue;
  /** How the value is shown when `render` is absent (default: text). */
  format?: ColumnFormat;
  /** Custom cell content (badges, links); the CSV still takes `value`. */
  render?: (row: Row) => ReactNode;
  /** The row's header cell (`<th scope="row">`), usually the region or desil. */
  rowHeader?: boolean;
  /** Leave out of client-side sorting. */
  unsortable?: boolean;
  /** Leave out of the CSV (e.g. an action column). */
  noExport?: boolean;
  /** Only in the CSV, not shown (e.g. a change the table shows inside another column's cell). */
  csvOnly?: boolean;
  /**
   * Whether the row's value was withheld by the API as a small cell: shown as "<5" (with its explanation) and
   * written as "<5" in the CSV. Default: a null value in a numeric column (count, share, signed); columns whose
   * value may also be null for another reason say which nulls are withheld.
   */
  withheld?: (row: Row) => boolean;
  className?: string;
}

/** Whether a cell value was withheld (see {@link Column.withheld}). */
export function isWithheldCell<Row>(column: Column<Row>, row: Row): boolean {
  if (column.withheld) return column.withheld(row);
  return column.format !== undefined && column.format !== 'text' && column.value(row) === null;
}

/** Whether a totals-row value was withheld: null in a numeric column. */
function isWithheldTotal(value: CsvValue, format: ColumnFormat | undefined): boolean {
  return value === null && format !== undefined && format !== 'text';
}

/**
 * The CSV of rows under columns, a withheld cell written as the small-cell mark ("<5"), with the totals line and,
 * when anything was withheld, a last line saying what the mark means.
 */
export function tableCsv<Row>(
  columns: readonly Column<Row>[],
  rows: readonly Row[],
  totals: readonly (readonly CsvValue[])[],
  mark: string,
  note: string,
): string {
  const exported = columns.map((column) => ({
    header: column.header,
    value: (row: Row): CsvValue => (isWithheldCell(column, row) ? mark : column.value(row)),
  }));
  const totalLines = totals.map((line) => line.map((value, index) => (isWithheldTotal(value, columns[index]?.format) ? mark : value)));
  const withheld =
    rows.some((row) => columns.some((column) => isWithheldCell(column, row))) ||
    totals.some((line) => line.some((value, index) => isWithheldTotal(value, columns[index]?.format)));
  return toCsv(exported, rows, withheld ? [...totalLines, [note]] : totalLines);
}

export type SortDirection = 'asc' | 'desc';
export interface SortState {
  key: string;
  direction: SortDirection;
}

export interface DataTableProps<Row> {
  caption: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** File name parts of the CSV export (slugged). */
  csvName: readonly string[];
  /** All rows for the CSV when the table shows only a page of them. */
  exportRows?: () => Promise<readonly Row[]>;
  /** Cells of a totals row (by column key); the CSV gets it too. */
  footer?: Readonly<Record<string, CsvValue>>;
  /**
   * Sorting: omitted → sorted in the browser by clicking headers; given with `onSortChange` → the caller
   * sorts (on the server) and the table only shows the state.
   */
  sort?: SortState | null;
  onSortChange?: (sort: SortState) => void;
  onRowSelect?: (row: Row) => void;
  selectedKey?: string | null;
  testId?: string;
  /** Shown above the table, next to the CSV button. */
  toolbar?: ReactNode;
  /** Class of the <table> element itself (a view's styles and tests address it). */
  className?: string;
}

function compare(a: CsvValue, b: CsvValue): number {
  if (a === b) return 0;
  if (a === null || a === undefined || a === '') return 1;
  if (b === null || b === undefined || b === '') return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'id');
}

/** Rows sorted by a column's raw value; empty values last; stable. */
export function sortRows<Row>(rows: readonly Row[], column: Column<Row> | undefined, direction: SortDirection): Row[] {
  if (!column) return [...rows];
  const sign = direction === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: column.value(row) }))
    .sort((x, y) => {
      const emptyX = x.value === null || x.value === undefined || x.value === '';
      const emptyY = y.value === null || y.value === undefined || y.value === '';
      if (emptyX !== emptyY) return emptyX ? 1 : -1;
      return sign * compare(x.value, y.value) || x.index - y.index;
    })
    .map((entry) => entry.row);
}

export function formatCell(value: CsvValue, format: ColumnFormat = 'text'): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'number') {
    if (format === 'count') return formatCount(value);
    if (format === 'share') return formatShare(value);
    if (format === 'signed') return formatSignedCount(value);
  }
  return String(value);
}

export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  csvName,
  exportRows,
  footer,
  sort,
  onSortChange,
  onRowSelect,
  selectedKey,
  testId,
  toolbar,
  className,
}: DataTableProps<Row>) {
  const t = useMessages(sharedMessages);
  const threshold = useSmallCellThreshold();
  const controlled = onSortChange !== undefined;
  const [localSort, setLocalSort] = useState<SortState | null>(null);
  const activeSort = controlled ? (sort ?? null) : localSort;
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);

  const visible = useMemo(() => columns.filter((column) => !column.csvOnly), [columns]);
  const shown = useMemo(() => {
    if (controlled || !localSort) return rows;
    return sortRows(rows, columns.find((column) => column.key === localSort.key), localSort.direction);
  }, [controlled, localSort, rows, columns]);

  const changeSort = (key: string) => {
    const next: SortState =
      activeSort?.key === key
        ? { key, direction: activeSort.direction === 'asc' ? 'desc' : 'asc' }
        : { key, direction: columns.find((c) => c.key === key)?.format === 'text' ? 'asc' : 'desc' };
    if (controlled) onSortChange(next);
    else setLocalSort(next);
  };

  const exportCsv = async () => {
    setExporting(true);
    setExportError(null);
    try {
      const all = exportRows ? await exportRows() : shown;
      const exported = columns.filter((column) => !column.noExport);
      const totals = footer ? [exported.map((column, index) => footer[column.key] === undefined ? (index === 0 ? t.total : undefined) : footer[column.key])] : [];
      const mark = smallCellMark(threshold);
      downloadCsv(csvFileName(...csvName), tableCsv(exported, all, totals, mark, t.smallCellCsvNote(mark, threshold)));
    } catch (error) {
      // Fetching every row for the file failed: say so next to the button; the table stays as it is.
      setExportError(error instanceof Error ? error.message : String(error));
    } finally {
      setExporting(false);
    }
  };

  return (
    <div className="data-table" data-testid={testId}>
      <div className="data-table__toolbar">
        {toolbar}
        <button type="button" className="button button--quiet" onClick={() => void exportCsv()} disabled={exporting}>
          {exporting ? t.exporting : t.exportCsv}
        </button>
        {exportError !== null && (
          <p className="data-table__error" role="alert">
            {t.exportFailed(exportError.replace(/^\[(GraphQL|Network)\]\s*/, ''))}
          </p>
        )}
      </div>
      <div className="data-table__scroll">
        <table className={className}>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {visible.map((column) => {
                const sorted = activeSort?.key === column.key ? activeSort.direction : null;
                const sortable = !column.unsortable && (controlled ? sort !== undefined : true);
                return (
                  <th
                    key={column.key}
                    scope="col"
                    className={[column.className, column.format && column.format !== 'text' ? 'num' : ''].join(' ').trim() || undefined}
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                  >
                    {sortable ? (
                      <button
                        type="button"
                        className="data-table__sort"
                        onClick={() => changeSort(column.key)}
                        title={t.sortBy(column.header)}
                      >
                        {column.header}
                        <span aria-hidden="true" className="data-table__sort-mark">
                          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                        </span>
                      </button>
                    ) : (
                      column.header
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => {
              const key = rowKey(row);
              const selectable = onRowSelect !== undefined;
              return (
                <tr
                  key={key}
                  className={[selectable ? 'is-selectable' : '', key === selectedKey ? 'is-selected' : ''].join(' ').trim() || undefined}
                  tabIndex={selectable ? 0 : undefined}
                  aria-selected={selectable ? key === selectedKey : undefined}
                  onClick={selectable ? () => onRowSelect(row) : undefined}
                  onKeyDown={
                    selectable
                      ? (event) => {
                          if (event.key === 'Enter' || event.key === ' ') {
                            event.preventDefault();
                            onRowSelect(row);
                          }
                        }
                      : undefined
                  }
                >
                  {visible.map((column) => {
                    const content = isWithheldCell(column, row) ? (
                      <SmallCell />
                    ) : column.render ? (
                      column.render(row)
                    ) : (
                      formatCell(column.value(row), column.format)
                    );
                    const className = [column.className, column.format && column.format !== 'text' ? 'num' : ''].join(' ').trim() || undefined;
                    return column.rowHeader ? (
                      <th key={column.key} scope="row" className={className}>
                        {content}
                      </th>
                    ) : (
                      <td key={column.key} className={className}>
                        {content}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
          {footer && (
            <tfoot>
              <tr>
                {visible.map((column, index) => {
                  const value = footer[column.key];
                  const content =
                    value === undefined ? (index === 0 ? t.total : '') : isWithheldTotal(value, column.format) ? <SmallCell /> : formatCell(value, column.format);
                  const className = column.format && column.format !== 'text' ? 'num' : undefined;
                  return index === 0 ? (
                    <th key={column.key} scope="row" className={className}>
                      {content}
                    </th>
                  ) : (
                    <td key={column.key} className={className}>
                      {content}
                    </td>
                  );
                })}
              </tr>
            </tfoot>
          )}
        </table>
      </div>
    </div>
  );
}
