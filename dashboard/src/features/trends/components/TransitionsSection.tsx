import { useId, useMemo } from 'react';
import { useQuery } from 'urql';
import { navigate } from '../../../app/navigation';
import { TrendsTransitionsDocument } from '../../../generated/graphql';
import { DataTable, type Column } from '../../../shared/components/DataTable';
import { LoadState } from '../../../shared/components/LoadState';
import { OrSmallCell } from '../../../shared/components/SmallCell';
import { formatCount, formatShare } from '../../../shared/format';
import { useMessages } from '../../../shared/i18n';
import { formatOrMark, smallCellMark, useSmallCellThreshold } from '../../../shared/small-cells';
import { trendsMessages } from '../messages';
import { GRID_ORDER, HEAT_LEGEND, toTransitionGrid, type HeatRow, type TransitionPair, type VersionRef } from '../transitions';

export interface TransitionsSectionProps {
  regionCode: string;
  regionName: string;
  published: readonly VersionRef[];
  /** The compared versions (from the URL's `dari`/`ke`, with defaults); null with fewer than two versions. */
  pair: TransitionPair | null;
}

export function TransitionsSection({ regionCode, regionName, published, pair }: TransitionsSectionProps) {
  const t = useMessages(trendsMessages);
  const mark = smallCellMark(useSmallCellThreshold());
  const headingId = useId();
  const fromId = useId();
  const toId = useId();
  const [result, reexecute] = useQuery({
    query: TrendsTransitionsDocument,
    variables: { regionCode, fromVersionId: pair?.from.id ?? 0, toVersionId: pair?.to.id ?? 0 },
    pause: pair === null,
  });
  const data = result.data?.desilTransitions;
  const grid = useMemo(() => (data ? toTransitionGrid(data) : []), [data]);

  if (pair === null)
    return (
      <section className="panel trends-section" aria-labelledby={headingId}>
        <h3 id={headingId}>{t.transitionsHeading}</h3>
        <p className="trends-note" role="status">
          {t.transitionsNeedTwo}
        </p>
      </section>
    );

  const columns: Column<HeatRow>[] = [
    {
      key: 'from',
      header: t.heatCorner(pair.from.label, pair.to.label),
      value: (row) => t.rowHeader(row.fromDesil),
      rowHeader: true,
      unsortable: true,
      className: 'trends-heat__row-header',
    },
    ...GRID_ORDER.map(
      (toDesil, index): Column<HeatRow> => ({
        key: `to${toDesil}`,
        header: t.columnHeaderFull(toDesil),
        value: (row) => row.cells[index]?.families ?? null,
        format: 'count',
        unsortable: true,
        // (0, 0) is null too, never counted ("–"): only a withheld cell reads "<5".
        withheld: (row) => row.cells[index]?.withheld ?? false,
        className: toDesil === 0 ? 'trends-heat__cell trends-heat__cell--outside' : 'trends-heat__cell',
        render: (row) => {
          const cell = row.cells[index];
          if (!cell || cell.families === null || cell.share === null) return <span className="trends-heat__value trends-heat__value--none">–</span>;
          const title = t.cellTitle(cell.fromDesil, cell.toDesil, formatCount(cell.families), formatShare(cell.share));
          return (
            <span
              className={`trends-heat__value heat--${cell.level}${cell.fromDesil === cell.toDesil ? ' is-diagonal' : ''}`}
              title={title}
              data-families={cell.families}
            >
              <span className="trends-heat__share">{cell.families === 0 ? '·' : formatShare(cell.share)}</span>
              <small>{formatCount(cell.families)}</small>
            </span>
          );
        },
      }),
    ),
    { key: 'total', header: t.rowTotal, value: (row) => row.rowTotal, format: 'count', unsortable: true },
  ];

  const selectable = (version: VersionRef, side: 'from' | 'to') => (side === 'from' ? version.id < pair.to.id : version.id > pair.from.id);

  return (
    <section className="panel trends-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t.transitionsHeading}</h3>
      <div className="trends-pickers">
        <div className="picker">
          <label htmlFor={fromId}>{t.fromLabel}</label>
          <select
            id={fromId}
            data-testid="trends-from"
            value={pair.from.id}
            onChange={(event) => navigate({ params: { dari: event.target.value, ke: String(pair.to.id) } }, { keepScroll: true })}
          >
            {published.filter((version) => selectable(version, 'from')).map((version) => (
              <option key={version.id} value={version.id}>
                {version.label}
              </option>
            ))}
          </select>
        </div>
        <span aria-hidden="true" className="trends-pickers__arrow">
          →
        </span>
        <div className="picker">
          <label htmlFor={toId}>{t.toLabel}</label>
          <select
            id={toId}
            data-testid="trends-to"
            value={pair.to.id}
            onChange={(event) => navigate({ params: { dari: String(pair.from.id), ke: event.target.value } }, { keepScroll: true })}
          >
            {published.filter((version) => selectable(version, 'to')).map((version) => (
              <option key={version.id} value={version.id}>
                {version.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <LoadState
        fetching={result.fetching}
        error={result.error}
        hasData={data !== undefined}
        empty={data?.total === 0}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
      >
        {data && (
          <dl className="trends-figures" data-testid="trends-transitions-summary">
            <div className="trends-figures__item">
              <dt>{t.stayed}</dt>
              <dd>
                <OrSmallCell value={data.stayedShare} format={formatShare} /> <small>{t.families(formatOrMark(data.stayed, formatCount, mark))}</small>
              </dd>
            </div>
            <div className="trends-figures__item trends-figures__item--up">
              <dt>{t.movedUp}</dt>
              <dd>
                <OrSmallCell value={data.movedUpShare} format={formatShare} /> <small>{t.families(formatOrMark(data.movedUp, formatCount, mark))}</small>
              </dd>
            </div>
            <div className="trends-figures__item trends-figures__item--down">
              <dt>{t.movedDown}</dt>
              <dd>
                <OrSmallCell value={data.movedDownShare} format={formatShare} /> <small>{t.families(formatOrMark(data.movedDown, formatCount, mark))}</small>
              </dd>
            </div>
            <div className="trends-figures__item">
              <dt>{t.entered}</dt>
              <dd>
                <OrSmallCell value={data.entered} format={formatCount} />
              </dd>
            </div>
            <div className="trends-figures__item">
              <dt>{t.left}</dt>
              <dd>
                <OrSmallCell value={data.left} format={formatCount} />
              </dd>
            </div>
          </dl>
        )}
        {data && <p className="trends-note">{t.ofInBoth(formatOrMark(data.inBoth, formatCount, mark))}</p>}
        <div className="trends-heat">
          <DataTable
            caption={t.heatCaption(pair.from.label, pair.to.label)}
            columns={columns}
            rows={grid}
            rowKey={(row) => String(row.fromDesil)}
            csvName={['transisi-desil', regionName, pair.from.label, pair.to.label]}
            testId="trends-transitions"
            toolbar={
              <ul className="trends-heat__legend" aria-label={t.heatLegend}>
                <li className="trends-heat__legend-title" aria-hidden="true">
                  {t.heatLegend}
                </li>
                {HEAT_LEGEND.map((entry) => (
                  <li key={entry.level}>
                    <span className={`trends-heat__swatch heat--${entry.level}`} aria-hidden="true" />
                    {t.heatLegendFrom(entry.level === 1 ? '0%' : formatShare(entry.from))}
                  </li>
                ))}
              </ul>
            }
          />
        </div>
        {data?.source === 'BASE_TABLES' && <p className="trends-note">{t.transitionsSourceBase}</p>}
      </LoadState>
    </section>
  );
}
