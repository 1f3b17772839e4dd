import { useMemo } from 'react';
import { DataTable, type Column } from '../../../shared/components/DataTable';
import { formatSignedPoints } from '../../../shared/format';
import { useMessages } from '../../../shared/i18n';
import { sumOrNull } from '../../../shared/small-cells';
import { desilMessages, type DesilMessages } from '../messages';
import type { ComparedPoint, DesilRow, DesilUnit } from '../toSeries';
import { bandLabel } from './DesilChart';

function DesilCell({ row, t }: { row: { label: string; band: DesilRow['band'] }; t: DesilMessages }) {
  return (
    <span title={bandLabel(t, row.band)}>
      <span className={`desil-table__marker band band--${row.band}`} aria-hidden="true" />
      {row.label}
    </span>
  );
}

export interface DesilTableProps {
  rows: readonly DesilRow[];
  /** Null when withheld (a small cell). */
  totalFamilies: number | null;
  totalIndividuals: number | null;
  /** The unit selected on the page; its columns are highlighted. */
  unit: DesilUnit;
  caption: string;
  csvName: readonly string[];
}

/** Counts and shares of both units per desil, with a totals row. */
export function DesilTable({ rows, totalFamilies, totalIndividuals, unit, caption, csvName }: DesilTableProps) {
  const t = useMessages(desilMessages);
  const columns = useMemo((): Column<DesilRow>[] => {
    const familyClass = unit === 'families' ? 'is-unit' : undefined;
    const individualClass = unit === 'individuals' ? 'is-unit' : undefined;
    return [
      { key: 'desil', header: t.desil, value: (row) => row.label, render: (row) => <DesilCell row={row} t={t} />, rowHeader: true, unsortable: true },
      { key: 'families', header: t.families, value: (row) => row.families, format: 'count', className: familyClass, unsortable: true },
      { key: 'familyShare', header: t.familyShare, value: (row) => row.familyShare, format: 'share', className: familyClass, unsortable: true },
      { key: 'individuals', header: t.individuals, value: (row) => row.individuals, format: 'count', className: individualClass, unsortable: true },
      {
        key: 'individualShare',
        header: t.individualShare,
        value: (row) => row.individualShare,
        format: 'share',
        className: individualClass,
        unsortable: true,
      },
    ];
  }, [t, unit]);
  const footer = {
    families: totalFamilies,
    familyShare: sumOrNull(rows.map((row) => row.familyShare)),
    individuals: totalIndividuals,
    individualShare: sumOrNull(rows.map((row) => row.individualShare)),
  };
  return (
    <div className="desil-table-wrap" data-unit={unit}>
      <DataTable caption={caption} columns={columns} rows={rows} rowKey={(row) => String(row.desil)} csvName={csvName} footer={footer} testId="desil-table" className="desil-table" />
    </div>
  );
}

export interface DesilCompareTableProps {
  points: readonly ComparedPoint[];
  unit: DesilUnit;
  currentLabel: string;
  compareLabel: string;
  caption: string;
  csvName: readonly string[];
}

/** The selected unit per desil in two versions, with the difference in units and in percentage points. */
export function DesilCompareTable({ points, unit, currentLabel, compareLabel, caption, csvName }: DesilCompareTableProps) {
  const t = useMessages(desilMessages);
  const unitName = unit === 'families' ? t.families : t.individuals;
  const columns = useMemo(
    (): Column<ComparedPoint>[] => [
      { key: 'desil', header: t.desil, value: (row) => row.label, render: (row) => <DesilCell row={row} t={t} />, rowHeader: true, unsortable: true },
      { key: 'value', header: t.countIn(unitName, currentLabel), value: (row) => row.value, format: 'count', className: 'is-unit', unsortable: true },
      { key: 'share', header: t.shareIn(currentLabel), value: (row) => row.share, format: 'share', className: 'is-unit', unsortable: true },
      { key: 'compareValue', header: t.countIn(unitName, compareLabel), value: (row) => row.compareValue, format: 'count', unsortable: true },
      { key: 'compareShare', header: t.shareIn(compareLabel), value: (row) => row.compareShare, format: 'share', unsortable: true },
      { key: 'difference', header: t.difference, value: (row) => row.difference, format: 'signed', unsortable: true },
      {
        key: 'shareDifference',
        header: t.differencePoints,
        value: (row) => row.shareDifference,
        format: 'signed',
        render: (row) => (row.shareDifference === null ? null : formatSignedPoints(row.shareDifference, t.points)),
        unsortable: true,
      },
    ],
    [t, unitName, currentLabel, compareLabel],
  );
  const sum = (pick: (row: ComparedPoint) => number | null) => sumOrNull(points.map(pick));
  const footer = {
    value: sum((row) => row.value),
    share: sum((row) => row.share),
    compareValue: sum((row) => row.compareValue),
    compareShare: sum((row) => row.compareShare),
    difference: sum((row) => row.difference),
  };
  return (
    <div className="desil-table-wrap" data-unit={unit}>
      <DataTable caption={caption} columns={columns} rows={points} rowKey={(row) => String(row.desil)} csvName={csvName} footer={footer} testId="desil-table" className="desil-table" />
    </div>
  );
}
