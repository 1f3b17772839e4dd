import { useId, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, LabelList, Rectangle, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { BarShapeProps } from 'recharts';
import { DataTable, type Column } from '../../../shared/components/DataTable';
import { SmallCellNote } from '../../../shared/components/SmallCell';
import { formatCompact, formatCount, formatShare } from '../../../shared/format';
import { useMessages } from '../../../shared/i18n';
import { useInclusionCauseNames } from '../../../shared/inclusion-causes';
import { prefersMotion } from '../../../shared/motion';
import { formatOrMark, smallCellMark, useSmallCellThreshold } from '../../../shared/small-cells';
import { targetingMessages } from '../messages';
import { causeChartData, toCauseRows, type CauseCount, type CauseRow } from '../shape';
import { CAUSE_COLORS } from './colors';

export interface CauseSectionProps {
  byCause: readonly CauseCount[];
  unitName: string;
  desilMax: number;
  /** Null when withheld (a small cell). */
  inclusionErrors: number | null;
  regionName: string;
  versionLabel: string;
  csvName: readonly string[];
  chartInitialWidth?: number;
}

/** Inclusion errors per cause: a horizontal bar chart of the causes that occur, and the full table. */
export function CauseSection({ byCause, unitName, desilMax, inclusionErrors, regionName, versionLabel, csvName, chartInitialWidth }: CauseSectionProps) {
  const t = useMessages(targetingMessages);
  const mark = smallCellMark(useSmallCellThreshold());
  const names = useInclusionCauseNames();
  const headingId = useId();
  const rows = useMemo(() => toCauseRows(byCause, names, desilMax), [byCause, names, desilMax]);
  const bars = useMemo(() => causeChartData(rows), [rows]);

  const columns: Column<CauseRow>[] = [
    { key: 'order', header: t.causeOrder, value: (row) => row.order, format: 'count' },
    { key: 'cause', header: t.cause, value: (row) => row.label, rowHeader: true, className: 'targeting-wrap' },
    { key: 'units', header: t.causeUnits, value: (row) => row.units, format: 'count' },
    { key: 'shareOfInclusionErrors', header: t.causeShareErrors, value: (row) => row.shareOfInclusionErrors, format: 'share' },
    { key: 'shareOfRecipients', header: t.causeShareRecipients, value: (row) => row.shareOfRecipients, format: 'share' },
    { key: 'detectedBy', header: t.causeSource, value: (row) => row.detectedBy ?? '', className: 'targeting-wrap' },
  ];

  return (
    <section className="targeting-section" data-testid="targeting-causes" aria-labelledby={headingId}>
      <h3 id={headingId}>{t.causesTitle}</h3>
      <p className="targeting-section__note">{t.causesCaption(formatOrMark(inclusionErrors, formatCount, mark))}</p>
      {bars.length === 0 ? (
        <div className="panel panel--state" role="status">
          {/* Nothing to draw: no inclusion error, or only withheld causes (small cells). */}
          {rows.some((row) => row.units === null) ? <SmallCellNote show /> : t.causesNone}
        </div>
      ) : (
        <div className="panel">
          <CauseChart rows={bars} caption={t.causesFigure(unitName)} initialWidth={chartInitialWidth} />
          <SmallCellNote show={rows.some((row) => row.units === null)} />
        </div>
      )}
      <DataTable
        caption={t.causesTableCaption(regionName, versionLabel)}
        columns={columns}
        rows={rows}
        rowKey={(row) => row.cause}
        csvName={[...csvName, 'penyebab']}
        footer={{ units: inclusionErrors, shareOfInclusionErrors: inclusionErrors === null ? null : inclusionErrors > 0 ? 1 : 0 }}
        testId="targeting-causes-table"
      />
    </section>
  );
}

const ROW_HEIGHT = 30;
const LABEL_WIDTH = 300;

function truncate(text: string, length = 40): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

function CauseChart({ rows, caption, initialWidth = 960 }: { rows: readonly (CauseRow & { units: number })[]; caption: string; initialWidth?: number }) {
  const t = useMessages(targetingMessages);
  const mark = smallCellMark(useSmallCellThreshold());
  const height = rows.length * ROW_HEIGHT + 40;
  const renderBar = (props: BarShapeProps) => {
    const row = rows[props.index];
    return <Rectangle {...props} fill={CAUSE_COLORS[row?.kind ?? 'criterion']} className={`targeting-cause-bar targeting-cause-bar--${row?.kind ?? 'criterion'}`} radius={[0, 3, 3, 0]} />;
  };
  return (
    <figure className="targeting-chart" data-testid="targeting-causes-chart">
      <figcaption className="targeting-chart__caption">{caption}</figcaption>
      <div role="img" aria-label={t.causesChartLabel}>
        <ResponsiveContainer width="100%" height={height} initialDimension={{ width: initialWidth, height }}>
          <BarChart data={[...rows]} layout="vertical" margin={{ top: 4, right: 56, bottom: 4, left: 8 }} accessibilityLayer={false}>
            <CartesianGrid horizontal={false} stroke="#e2e8f0" />
            <XAxis type="number" tickFormatter={formatCompact} tickLine={false} axisLine={false} tick={{ fill: '#64748b', fontSize: 12 }} allowDecimals={false} />
            <YAxis
              type="category"
              dataKey="label"
              width={LABEL_WIDTH}
              tickLine={false}
              axisLine={{ stroke: '#94a3b8' }}
              tick={{ fill: '#334155', fontSize: 12 }}
              tickFormatter={(value: string) => truncate(value)}
              interval={0}
            />
            <Tooltip
              cursor={{ fill: 'rgba(148, 163, 184, 0.15)' }}
              content={({ active, label }) => {
                const row = rows.find((candidate) => candidate.label === label);
                if (!active || !row) return null;
                return (
                  <div className="chart-tooltip targeting-tooltip">
                    <strong>{row.label}</strong>
                    <span>
                      {formatCount(row.units)} · {formatOrMark(row.shareOfInclusionErrors, formatShare, mark)}
                    </span>
                  </div>
                );
              }}
            />
            <Bar dataKey="units" shape={renderBar} isAnimationActive={prefersMotion()} animationDuration={400}>
              <LabelList
                dataKey="units"
                position="right"
                className="targeting-chart__value"
                formatter={(value) => (typeof value === 'number' ? formatCount(value) : value)}
              />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
