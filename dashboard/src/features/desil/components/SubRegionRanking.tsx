import { useMemo } from 'react';
import { hrefFor, onLinkClick } from '../../../app/navigation';
import { DataTable, type Column, type SortState } from '../../../shared/components/DataTable';
import { formatCount, formatShare, formatSignedPoints } from '../../../shared/format';
import { SmallCellNote } from '../../../shared/components/SmallCell';
import { useMessages } from '../../../shared/i18n';
import { formatOrMark, smallCellMark, useSmallCellThreshold } from '../../../shared/small-cells';
import { desilMessages } from '../messages';
import { CHART_LIMIT, type SubRegionRow, type SubRegionSort, type SubRegionSortKey } from '../subregions';

export interface SubRegionRankingProps {
  /** Rows already in the requested order. */
  rows: readonly SubRegionRow[];
  /** Sub-regions in the region (may exceed the rows when the API truncated them). */
  totalCount: number;
  sort: SubRegionSort;
  onSortChange: (sort: SubRegionSort) => void;
  onSelect: (code: string) => void;
  showAll: boolean;
  onShowAllChange: (showAll: boolean) => void;
  unitLabel: string;
  compareLabel: string | null;
  caption: string;
  csvName: readonly string[];
}

/** The sub-regions of the region: a stacked-bar chart and the ranking table; both drill down. */
export function SubRegionRanking(props: SubRegionRankingProps) {
  const { rows, totalCount, sort, onSortChange, onSelect, compareLabel, caption, csvName } = props;
  const t = useMessages(desilMessages);
  const columns = useMemo((): Column<SubRegionRow>[] => {
    const list: Column<SubRegionRow>[] = [
      // A sub-region whose share is withheld has no rank (shown "–", listed last).
      { key: 'peringkat', header: t.rank, value: (row) => row.rank, format: 'count', withheld: () => false },
      {
        key: 'nama',
        header: t.region,
        value: (row) => row.name,
        format: 'text',
        rowHeader: true,
        render: (row) => (
          <a href={hrefFor({ regionCode: row.code })} onClick={onLinkClick({ regionCode: row.code })}>
            {row.name}
          </a>
        ),
      },
      { key: 'kode', header: t.code, value: (row) => row.code, csvOnly: true },
      { key: 'keluarga', header: t.families, value: (row) => row.families, format: 'count' },
      { key: 'individu', header: t.individuals, value: (row) => row.individuals, format: 'count' },
      { key: 'desil14', header: t.share14, value: (row) => row.share14, format: 'share', className: 'is-unit' },
      { key: 'desil5', header: t.share5, value: (row) => row.share5, format: 'share' },
      { key: 'desil610', header: t.share610, value: (row) => row.share610, format: 'share' },
    ];
    if (compareLabel !== null) {
      list.push(
        { key: 'banding14', header: t.share14In(compareLabel), value: (row) => row.compareShare14, format: 'share', withheld: (row) => row.compareWithheld },
        {
          key: 'selisih',
          header: t.differencePoints,
          value: (row) => row.difference14,
          format: 'signed',
          withheld: (row) => row.compareWithheld || (row.share14 === null && row.compareShare14 !== null),
          render: (row) => (row.difference14 === null ? '–' : formatSignedPoints(row.difference14, t.points)),
        },
      );
    }
    return list;
  }, [t, compareLabel]);

  return (
    <>
      <SubRegionChart {...props} />
      {totalCount > rows.length && (
        <p className="desil-subregions__note" role="note">
          {t.subRegionsTruncated(formatCount(rows.length), formatCount(totalCount))}
        </p>
      )}
      <DataTable
        caption={caption}
        columns={columns}
        rows={rows}
        rowKey={(row) => row.code}
        csvName={csvName}
        sort={sort}
        onSortChange={(next: SortState) => onSortChange({ key: next.key as SubRegionSortKey, direction: next.direction })}
        onRowSelect={(row) => onSelect(row.code)}
        testId="desil-subregions"
      />
    </>
  );
}

/** Stacked bars (desil 1–4 / 5 / 6–10) per sub-region in table order; each bar is a drill-down link. */
function SubRegionChart({ rows, showAll, onShowAllChange, unitLabel, compareLabel }: SubRegionRankingProps) {
  const t = useMessages(desilMessages);
  const mark = smallCellMark(useSmallCellThreshold());
  const shown = showAll ? rows : rows.slice(0, CHART_LIMIT);
  // A withheld band (a small cell) is left out of its bar.
  const width = (share: number | null) => `${(share ?? 0) * 100}%`;
  return (
    <figure className="panel desil-subregion-chart" data-testid="desil-subregion-chart">
      <figcaption className="desil-chart__caption">
        {t.subRegionChartCaption(unitLabel, formatCount(shown.length), formatCount(rows.length))}
      </figcaption>
      <p className="visually-hidden">{t.subRegionChartLabel}</p>
      <ol className="desil-subregion-chart__list">
        {shown.map((row) => (
          <li key={row.code}>
            <a
              className="desil-subregion-chart__row"
              href={hrefFor({ regionCode: row.code })}
              onClick={onLinkClick({ regionCode: row.code })}
              aria-label={`${t.openRegion(row.name)}: ${t.share14} ${formatOrMark(row.share14, formatShare, mark)}`}
              data-code={row.code}
            >
              <span className="desil-subregion-chart__name">{row.name}</span>
              <span className="desil-subregion-chart__bar" aria-hidden="true">
                <span className="band band--priority" style={{ width: width(row.share14) }} />
                <span className="band band--extended" style={{ width: width(row.share5) }} />
                <span className="band band--upper" style={{ width: width(row.share610) }} />
                {compareLabel !== null && row.compareShare14 !== null && (
                  <span
                    className="desil-subregion-chart__marker"
                    style={{ left: `${row.compareShare14 * 100}%` }}
                    title={t.compareMarker(compareLabel, formatShare(row.compareShare14))}
                  />
                )}
              </span>
              <span className="desil-subregion-chart__value" aria-hidden="true">
                {formatOrMark(row.share14, formatShare, mark)}
              </span>
            </a>
          </li>
        ))}
      </ol>
      <SmallCellNote show={shown.some((row) => row.share14 === null || row.share5 === null || row.share610 === null)} />
      {rows.length > CHART_LIMIT && (
        <button type="button" className="button button--quiet" onClick={() => onShowAllChange(!showAll)} aria-expanded={showAll}>
          {showAll ? t.showFewer : t.showAll(formatCount(rows.length))}
        </button>
      )}
    </figure>
  );
}
