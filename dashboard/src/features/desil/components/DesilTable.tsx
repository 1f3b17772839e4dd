import { formatCount, formatShare } from '../../../shared/format';
import { BAND_LABELS, type DesilRow, type DesilUnit } from '../toSeries';

export interface DesilTableProps {
  rows: readonly DesilRow[];
  totalFamilies: number;
  totalIndividuals: number;
  /** The unit selected on the page; its columns are highlighted. */
  unit: DesilUnit;
  caption: string;
}

/** Counts and shares of both units per desil, with a totals row. */
export function DesilTable({ rows, totalFamilies, totalIndividuals, unit, caption }: DesilTableProps) {
  const familyClass = unit === 'families' ? 'is-selected' : undefined;
  const individualClass = unit === 'individuals' ? 'is-selected' : undefined;
  const familyShareSum = rows.reduce((sum, row) => sum + row.familyShare, 0);
  const individualShareSum = rows.reduce((sum, row) => sum + row.individualShare, 0);

  return (
    <table className="desil-table" data-unit={unit}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Desil</th>
          <th scope="col" className={familyClass}>
            Keluarga
          </th>
          <th scope="col" className={familyClass}>
            Persentase keluarga
          </th>
          <th scope="col" className={individualClass}>
            Individu
          </th>
          <th scope="col" className={individualClass}>
            Persentase individu
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.desil} className={`desil-table__row desil-table__row--${row.band}`} data-desil={row.desil}>
            <th scope="row" title={BAND_LABELS[row.band]}>
              <span className={`desil-table__marker band band--${row.band}`} aria-hidden="true" />
              {row.label}
            </th>
            <td className={familyClass}>
              {formatCount(row.families)}
            </td>
            <td className={familyClass}>
              {formatShare(row.familyShare)}
            </td>
            <td className={individualClass}>
              {formatCount(row.individuals)}
            </td>
            <td className={individualClass}>
              {formatShare(row.individualShare)}
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Total</th>
          <td className={familyClass}>{formatCount(totalFamilies)}</td>
          <td className={familyClass}>{formatShare(familyShareSum)}</td>
          <td className={individualClass}>{formatCount(totalIndividuals)}</td>
          <td className={individualClass}>{formatShare(individualShareSum)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
