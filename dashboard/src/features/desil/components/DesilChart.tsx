import { Bar, BarChart, CartesianGrid, LabelList, Rectangle, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { BarShapeProps, TooltipContentProps } from 'recharts';
import { formatCompact, formatCount, formatShare, formatSignedPoints } from '../../../shared/format';
import { useMessages } from '../../../shared/i18n';
import { prefersMotion } from '../../../shared/motion';
import { SmallCellNote } from '../../../shared/components/SmallCell';
import { formatOrMark, smallCellMark, useSmallCellThreshold } from '../../../shared/small-cells';
import { desilMessages, type DesilMessages } from '../messages';
import { BANDS, type ComparedPoint, type DesilBand, type DesilPoint, type DesilUnit } from '../toSeries';

const CHART_HEIGHT = 360;

export interface DesilChartProps {
  series: readonly DesilPoint[];
  unit: DesilUnit;
  /** Side-by-side comparison: the same ten desil with the compared version's counts. */
  comparison?: {
    points: readonly ComparedPoint[];
    currentLabel: string;
    compareLabel: string;
    /** Whether the compared version is older, so its bars go left of the selected version's. */
    compareIsOlder: boolean;
  } | null;
  /** Size used before the container has been measured (and in environments without layout). */
  initialWidth?: number;
}

export function bandLabel(t: DesilMessages, band: DesilBand): string {
  return band === 'priority' ? t.bandPriority : band === 'extended' ? t.bandExtended : t.bandUpper;
}

/**
 * Bar chart of the ten desil for one unit; bars coloured by targeting band, shares above the bars. With a
 * comparison, the compared version's bars (grey) stand beside the selected version's.
 */
export function DesilChart({ series, unit, comparison, initialWidth = 960 }: DesilChartProps) {
  const t = useMessages(desilMessages);
  const unitLabel = unit === 'families' ? t.familiesLower : t.individualsLower;
  const data: readonly DesilPoint[] = comparison ? comparison.points : series;
  const renderBar = (props: BarShapeProps) => {
    const band = data[props.index]?.band ?? 'upper';
    // Colours come from the band-* classes in styles.css, shared with the legend and the table.
    return <Rectangle {...props} fill={undefined} className={`desil-bar band band--${band}`} radius={[3, 3, 0, 0]} />;
  };
  const renderCompareBar = (props: BarShapeProps) => (
    <Rectangle {...props} fill={undefined} className="desil-bar desil-bar--compare" radius={[3, 3, 0, 0]} />
  );
  const animate = prefersMotion();

  const currentBar = (
    <Bar key="current" dataKey="value" name={comparison?.currentLabel ?? unitLabel} shape={renderBar} isAnimationActive={animate} animationDuration={400}>
      <LabelList
        dataKey="share"
        position="top"
        className="desil-chart__share"
        formatter={(value) => (typeof value === 'number' ? formatShare(value) : value)}
      />
    </Bar>
  );
  const compareBar = comparison && (
    <Bar
      key="compare"
      dataKey="compareValue"
      name={comparison.compareLabel}
      shape={renderCompareBar}
      isAnimationActive={animate}
      animationDuration={400}
    />
  );

  return (
    <figure className="desil-chart" data-testid="desil-chart" data-unit={unit} data-compare={comparison ? 'true' : undefined}>
      <figcaption className="desil-chart__caption">
        {comparison ? t.chartCaptionCompare(unitLabel, comparison.currentLabel, comparison.compareLabel) : t.chartCaption(unitLabel)}
      </figcaption>
      <div className="desil-chart__plot" role="img" aria-label={t.chartLabel(unitLabel)}>
        <ResponsiveContainer width="100%" height={CHART_HEIGHT} initialDimension={{ width: initialWidth, height: CHART_HEIGHT }}>
          <BarChart
            data={[...data]}
            margin={{ top: 28, right: 8, bottom: 4, left: 8 }}
            accessibilityLayer={false}
            barGap={2}
          >
            <CartesianGrid vertical={false} stroke="#e2e8f0" />
            <XAxis dataKey="label" tickLine={false} axisLine={{ stroke: '#94a3b8' }} tick={{ fill: '#334155', fontSize: 13 }} />
            <YAxis tickFormatter={formatCompact} tickLine={false} axisLine={false} width={56} tick={{ fill: '#64748b', fontSize: 12 }} />
            <Tooltip
              cursor={{ fill: 'rgba(148, 163, 184, 0.15)' }}
              content={({ active, label }) => (
                <DesilTooltip active={active} label={label} data={data} unitLabel={unitLabel} comparison={comparison ?? null} />
              )}
            />
            {comparison?.compareIsOlder ? [compareBar, currentBar] : [currentBar, compareBar]}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ul className="desil-legend" aria-label={t.legend}>
        {BANDS.map((band) => (
          <li key={band} className="desil-legend__item">
            <span className={`desil-legend__swatch band band--${band}`} aria-hidden="true" />
            {bandLabel(t, band)}
          </li>
        ))}
        {comparison && (
          <li className="desil-legend__item">
            <span className="desil-legend__swatch desil-legend__swatch--compare" aria-hidden="true" />
            {t.compareLegend(comparison.compareLabel)}
          </li>
        )}
      </ul>
      <SmallCellNote show={data.some((point) => point.value === null)} />
    </figure>
  );
}

interface DesilTooltipProps {
  active: boolean | undefined;
  label: TooltipContentProps['label'];
  data: readonly DesilPoint[];
  unitLabel: string;
  comparison: DesilChartProps['comparison'];
}

function DesilTooltip({ active, label, data, unitLabel, comparison }: DesilTooltipProps) {
  const t = useMessages(desilMessages);
  const mark = smallCellMark(useSmallCellThreshold());
  const point = data.find((candidate) => candidate.label === label);
  if (!active || !point) return null;
  const compared = comparison ? (point as ComparedPoint) : null;
  return (
    <div className="chart-tooltip desil-tooltip">
      <strong>{point.label}</strong>
      <span>
        {comparison ? `${comparison.currentLabel}: ` : ''}
        {formatOrMark(point.value, formatCount, mark)} {unitLabel}
      </span>
      <span>{t.ofTotal(formatOrMark(point.share, formatShare, mark))}</span>
      {comparison && compared && (
        <>
          <span>
            {comparison.compareLabel}: {formatOrMark(compared.compareValue, formatCount, mark)} {unitLabel} (
            {formatOrMark(compared.compareShare, formatShare, mark)})
          </span>
          <span>
            {t.difference}: {formatOrMark(compared.shareDifference, (value) => formatSignedPoints(value, t.points), mark)}
          </span>
        </>
      )}
    </div>
  );
}
