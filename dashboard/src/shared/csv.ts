// CSV export of any table: RFC 4180 quoting, a UTF-8 byte order mark (so Excel reads "Kepulauan Bangka
// Belitung" and "Nanggroe Aceh" right), CRLF line ends. Numbers are written raw (1234567, 0.1234), not
// in display format, so the file computes in any spreadsheet.

export type CsvValue = string | number | boolean | null | undefined;

export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => CsvValue;
}

function cell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : String(value);
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV text of rows under the given columns (header line first), then any extra lines (totals). */
export function toCsv<Row>(
  columns: readonly CsvColumn<Row>[],
  rows: readonly Row[],
  extraLines: readonly (readonly CsvValue[])[] = [],
): string {
  const lines = [columns.map((column) => cell(column.header)).join(',')];
  for (const row of rows) lines.push(columns.map((column) => cell(column.value(row))).join(','));
  for (const values of extraLines) lines.push(values.map(cell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** A safe file name: "Kuota PKH — Jawa Barat" → "kuota-pkh-jawa-barat.csv". */
export function csvFileName(...parts: readonly string[]): string {
  const slug = parts
    .join('-')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug || 'dtsen'}.csv`;
}

/** Saves the text as a file through a temporary object URL. */
export function downloadCsv(fileName: string, csv: string): void {
  const blob = new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
