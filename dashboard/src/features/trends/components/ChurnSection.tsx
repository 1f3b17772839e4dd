import { useId, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useQuery } from 'urql';
import type { ProgramCodeValue } from '../../../app/url-state';
import { TrendsChurnDocument, type ChurnCategory } from '../../../generated/graphql';
import { DataTable, type Column } from '../../../shared/components/DataTable';
import { LoadState } from '../../../shared/components/LoadState';
import { SmallCellNote } from '../../../shared/components/SmallCell';
import type { CsvValue } from '../../../shared/csv';
import { formatCompact, formatCount, formatSignedCount } from '../../../shared/format';
import { useMessages } from '../../../shared/i18n';
import { prefersMotion } from '../../../shared/motion';
import { differenceOrNull, formatOrMark, smallCellMark, useSmallCellThreshold } from '../../../shared/small-cells';
import { toChurnChart, toChurnTable, type ChurnBar, type ChurnSeries, type ChurnTableRow } from '../churn';
import { trendsMessages, type TrendsMessages } from '../messages';

/** Entries in blues and greens, exits in warm colours and greys; the same in the chart and the legend. */
export const CATEGORY_COLOURS: Readonly<Record<ChurnCategory, string>> = {
  CARRY_OVER: '#94a3b8',
  QUOTA_FILL: '#1d4ed8',
  NEW_PROPOSAL: '#0d9488',
  REACTIVATION: '#7c3aed',
  GRADUATION: '#16a34a',
  RERANKING: '#f59e0b',
  EXCLUSION_CRITERION: '#dc2626',
  NEGATIVE_LIST: '#9f1239',
  DEATH: '#475569',
  OUTSIDE_DTSEN: '#ea580c',
  MAX_DURATION: '#a16207',
  MOVE: '#cbd5e1',
};

export interface ChurnSectionProps {
  programCode: ProgramCodeValue;
  programName: string;
  unit: string;
  regionCode: string;
  regionName: string;
  /** First published version (start of the span); null when the current version is the first. */
  fromVersionId: number | null;
  currentVersionId: number;
  chartWidth?: number;
}

const CHART_HEIGHT = 320;

export function ChurnSection({ programCode, programName, unit, regionCode, regionName, fromVersionId, currentVersionId, chartWidth = 960 }: ChurnSectionProps) {
  const t = useMessages(trendsMessages);
  const mark = smallCellMark(useSmallCellThreshold());
  const headingId = useId();
  const [result, reexecute] = useQuery({
    query: TrendsChurnDocument,
    variables: { programCode, regionCode, fromVersionId: fromVersionId ?? 0, toVersionId: currentVersionId },
    pause: fromVersionId === null,
  });
  const churn = result.data?.churn;
  const chart = useMemo(() => (churn ? toChurnChart(churn.steps) : { series: [], bars: [] }), [churn]);
  const tableRows = useMemo(() => (churn ? toChurnTable(churn.steps) : []), [churn]);

  if (fromVersionId === null)
    return (
      <section className="panel trends-section" aria-labelledby={headingId}>
        <h3 id={headingId}>{t.churnHeading}</h3>
        <p className="trends-note" role="status">
          {t.churnNoPrevious}
        </p>
      </section>
    );

  const stepColumns: Column<ChurnTableRow>[] = chart.bars.map((bar, index) => ({
    key: `step${bar.toVersionId}`,
    header: bar.label,
    value: (row) => {
      const units = row.byStep[index];
      return units === undefined ? 0 : units;
    },
    format: 'count',
  }));
  const columns: Column<ChurnTableRow>[] = [
    { key: 'direction', header: t.colDirection, value: (row) => (row.direction === 'entry' ? t.entry : t.exit) },
    {
      key: 'reason',
      header: t.colReason,
      value: (row) => t.category(row.category),
      rowHeader: true,
      render: (row) => (
        <span className="trends-reason">
          <span className="trends-swatch" style={{ background: CATEGORY_COLOURS[row.category] }} aria-hidden="true" />
          {t.category(row.category)}
        </span>
      ),
    },
    ...stepColumns,
    { key: 'total', header: t.colSpanTotal, value: (row) => row.total, format: 'count' },
  ];
  const footer: Record<string, CsvValue> = { direction: t.netRow, total: churn ? differenceOrNull(churn.totalEntries, churn.totalExits) : 0 };
  for (const bar of chart.bars) footer[`step${bar.toVersionId}`] = bar.net;

  return (
    <section className="panel trends-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t.churnHeading}</h3>
      <LoadState
        fetching={result.fetching}
        error={result.error}
        hasData={churn !== undefined}
        empty={chart.bars.length === 0 || chart.series.length === 0}
        emptyTitle={t.churnEmpty}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
      >
        {churn && (
          <p className="trends-lede">
            {t.churnSummary(
              churn.fromVersion.label,
              churn.toVersion.label,
              formatOrMark(churn.recipientsAtFrom, formatCount, mark),
              formatOrMark(churn.recipientsAtTo, formatCount, mark),
              formatOrMark(churn.netChange, formatSignedCount, mark),
            )}{' '}
            {churn.otherChange !== 0 && t.churnOther(formatOrMark(churn.otherChange, formatSignedCount, mark))}
          </p>
        )}
        <figure className="trends-figure" data-testid="trends-churn" data-steps={chart.bars.length}>
          <figcaption className="trends-figure__caption">{t.churnCaption(programName, capitalize(unit))}</figcaption>
          <div role="img" aria-label={t.churnAria(programName)}>
            <ResponsiveContainer width="100%" height={CHART_HEIGHT} initialDimension={{ width: chartWidth, height: CHART_HEIGHT }}>
              <BarChart
                data={chart.bars.map((bar) => ({ label: bar.label, ...bar.values }))}
                stackOffset="sign"
                margin={{ top: 8, right: 16, bottom: 4, left: 8 }}
                accessibilityLayer={false}
              >
                <CartesianGrid vertical={false} stroke="#e2e8f0" />
                <XAxis dataKey="label" tickLine={false} axisLine={false} tick={{ fill: '#334155', fontSize: 12 }} />
                <YAxis
                  tickFormatter={(value: number) => formatCompact(Math.abs(value))}
                  tickLine={false}
                  axisLine={false}
                  width={56}
                  tick={{ fill: '#64748b', fontSize: 12 }}
                />
                <ReferenceLine y={0} stroke="#334155" />
                <Tooltip
                  cursor={{ fill: 'rgba(148, 163, 184, 0.15)' }}
                  content={({ active, label }) => (
                    <ChurnTooltip active={active} bar={chart.bars.find((bar) => bar.label === label)} series={chart.series} t={t} />
                  )}
                />
                {chart.series.map((item) => (
                  <Bar
                    key={item.key}
                    dataKey={item.key}
                    name={t.category(item.category)}
                    stackId="flows"
                    fill={CATEGORY_COLOURS[item.category]}
                    isAnimationActive={prefersMotion()}
                  />
                ))}
              </BarChart>
            </ResponsiveContainer>
          </div>
          <ChurnLegend series={chart.series} t={t} />
          <SmallCellNote show={chart.bars.some((bar) => Object.values(bar.values).some((units) => units === null))} />
        </figure>
        <DataTable
          caption={t.churnTableCaption(programName, unit)}
          columns={columns}
          rows={tableRows}
          rowKey={(row) => row.key}
          footer={footer}
          csvName={['tren-masuk-keluar', programCode, regionName, churn?.toVersion.label ?? '']}
          testId="trends-churn-table"
        />
      </LoadState>
    </section>
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function ChurnLegend({ series, t }: { series: readonly ChurnSeries[]; t: TrendsMessages }) {
  const entries = series.filter((item) => item.direction === 'entry');
  const exits = series.filter((item) => item.direction === 'exit');
  return (
    <div className="trends-legend-groups">
      {[
        { label: t.entry, items: entries },
        { label: t.exit, items: exits },
      ].map((group) =>
        group.items.length === 0 ? null : (
          <div key={group.label} className="trends-legend-group">
            <strong>{group.label}:</strong>
            <ul className="trends-legend">
              {group.items.map((item) => (
                <li key={item.key}>
                  <span className="trends-swatch" style={{ background: CATEGORY_COLOURS[item.category] }} aria-hidden="true" />
                  {t.category(item.category)}
                </li>
              ))}
            </ul>
          </div>
        ),
      )}
    </div>
  );
}

function ChurnTooltip({ active, bar, series, t }: { active: boolean | undefined; bar: ChurnBar | undefined; series: readonly ChurnSeries[]; t: TrendsMessages }) {
  const mark = smallCellMark(useSmallCellThreshold());
  if (!active || !bar) return null;
  const lines = (direction: 'entry' | 'exit') =>
    series
      .filter((item) => item.direction === direction && (bar.values[item.key] ?? 0) !== 0)
      .map((item) => (
        <li key={item.key}>
          <span className="trends-swatch" style={{ background: CATEGORY_COLOURS[item.category] }} aria-hidden="true" />
          {t.category(item.category)}: {formatOrMark(bar.values[item.key] ?? null, (units) => formatCount(Math.abs(units)), mark)}
        </li>
      ));
  return (
    <div className="chart-tooltip trends-tooltip">
      <strong>{bar.label}</strong>
      <span>
        {t.totalEntries}: {formatOrMark(bar.totalEntries, formatCount, mark)}
      </span>
      <ul>{lines('entry')}</ul>
      <span>
        {t.totalExits}: {formatOrMark(bar.totalExits, formatCount, mark)}
      </span>
      <ul>{lines('exit')}</ul>
      <span>
        {t.netRow}: {formatOrMark(bar.net, formatSignedCount, mark)}
      </span>
    </div>
  );
}
