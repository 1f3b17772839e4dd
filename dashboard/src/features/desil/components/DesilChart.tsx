import { Bar, BarChart, CartesianGrid, LabelList, Rectangle, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { BarShapeProps, TooltipContentProps } from 'recharts';
import { formatCompact, formatCount, formatShare } from '../../../shared/format';
import { prefersMotion } from '../../../shared/motion';
import { BAND_LABELS, UNIT_LABELS, type DesilBand, type DesilPoint, type DesilUnit } from '../toSeries';

const BANDS: readonly DesilBand[] = ['priority', 'extended', 'upper'];
const CHART_HEIGHT = 360;

export interface DesilChartProps {
  series: readonly DesilPoint[];
  unit: DesilUnit;
  /** Size used before the container has been measured (and in environments without layout). */
  initialWidth?: number;
}

/** Bar chart of the ten desil for one unit; bars coloured by targeting band, shares above the bars. */
export function DesilChart({ series, unit, initialWidth = 960 }: DesilChartProps) {
  const unitLabel = UNIT_LABELS[unit].toLowerCase();
  const renderBar = (props: BarShapeProps) => {
    const band = series[props.index]?.band ?? 'upper';
    // Colours come from the band-* classes in styles.css, shared with the legend and the table.
    return (
      <Rectangle {...props} fill={undefined} className={`desil-bar band band--${band}`} radius={[3, 3, 0, 0]} />
    );
  };

  return (
    <figure className="desil-chart" data-testid="desil-chart" data-unit={unit}>
      <figcaption className="desil-chart__caption">Jumlah {unitLabel} per desil</figcaption>
      <div
        className="desil-chart__plot"
        role="img"
        aria-label={`Diagram batang jumlah ${unitLabel} per desil, desil 1 sampai 10. Rincian angka ada pada tabel.`}
      >
        <ResponsiveContainer
          width="100%"
          height={CHART_HEIGHT}
          initialDimension={{ width: initialWidth, height: CHART_HEIGHT }}
        >
          <BarChart data={[...series]} margin={{ top: 28, right: 8, bottom: 4, left: 8 }} accessibilityLayer={false}>
            <CartesianGrid vertical={false} stroke="#e2e8f0" />
            <XAxis
              dataKey="label"
              tickLine={false}
              axisLine={{ stroke: '#94a3b8' }}
              tick={{ fill: '#334155', fontSize: 13 }}
            />
            <YAxis
              tickFormatter={formatCompact}
              tickLine={false}
              axisLine={false}
              width={56}
              tick={{ fill: '#64748b', fontSize: 12 }}
            />
            <Tooltip
              cursor={{ fill: 'rgba(148, 163, 184, 0.15)' }}
              content={({ active, label }) => <DesilTooltip active={active} label={label} series={series} unit={unit} />}
            />
            <Bar
              dataKey="value"
              name={UNIT_LABELS[unit]}
              shape={renderBar}
              isAnimationActive={prefersMotion()}
              animationDuration={400}
            >
              <LabelList
                dataKey="share"
                position="top"
                className="desil-chart__share"
                formatter={(value) => (typeof value === 'number' ? formatShare(value) : value)}
              />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ul className="desil-legend" aria-label="Keterangan warna">
        {BANDS.map((band) => (
          <li key={band} className="desil-legend__item">
            <span className={`desil-legend__swatch band band--${band}`} aria-hidden="true" />
            {BAND_LABELS[band]}
          </li>
        ))}
      </ul>
    </figure>
  );
}

interface DesilTooltipProps {
  active: boolean | undefined;
  label: TooltipContentProps['label'];
  series: readonly DesilPoint[];
  unit: DesilUnit;
}

function DesilTooltip({ active, label, series, unit }: DesilTooltipProps) {
  const point = series.find((candidate) => candidate.label === label);
  if (!active || !point) return null;
  return (
    <div className="desil-tooltip">
      <strong>{point.label}</strong>
      <span>
        {formatCount(point.value)} {UNIT_LABELS[unit].toLowerCase()}
      </span>
      <span>{formatShare(point.share)} dari total</span>
    </div>
  );
}
