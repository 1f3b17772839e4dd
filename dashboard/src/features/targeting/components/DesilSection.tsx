import { useId, useMemo } from 'react';
import { useParam } from '../../../app/navigation';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useQuery } from 'urql';
import type { ProgramCodeValue } from '../../../app/url-state';
import { TargetingByDesilDocument } from '../../../generated/graphql';
import { DataTable, type Column } from '../../../shared/components/DataTable';
import { LoadState } from '../../../shared/components/LoadState';
import { SmallCellNote } from '../../../shared/components/SmallCell';
import { formatCompact, formatCount, formatShare } from '../../../shared/format';
import { useMessages } from '../../../shared/i18n';
import { prefersMotion } from '../../../shared/motion';
import { formatOrMark, shareOrNull, smallCellMark, sumOrNull, useSmallCellThreshold } from '../../../shared/small-cells';
import { targetingMessages, type TargetingMessages } from '../messages';
import { toDesilRows, type DesilRow } from '../shape';
import { CLASS_COLORS, type TargetingClassKey } from './colors';

export interface DesilSectionProps {
  programCode: ProgramCodeValue;
  unitName: string;
  regionCode: string;
  regionLevel: string;
  versionId: number;
  desilMin: number;
  desilMax: number;
  regionName: string;
  versionLabel: string;
  csvName: readonly string[];
  chartInitialWidth?: number;
}

const DESIL_LEVELS = new Set(['NATION', 'PROVINCE', 'REGENCY']);
const STACK: readonly TargetingClassKey[] = ['correct', 'pending', 'inclusion', 'exclusion'];
const RECIPIENT_STACK: readonly TargetingClassKey[] = ['correct', 'pending', 'inclusion'];

/** What the desil chart stacks (`desil=` in the URL): every class, or recipients only so small errors show. */
export type DesilChartScope = 'all' | 'recipients';
const SCOPE_PARAM: Readonly<Record<DesilChartScope, string>> = { all: 'semua', recipients: 'penerima' };

function classLabel(t: TargetingMessages, key: TargetingClassKey): string {
  return { correct: t.correctShort, pending: t.pendingShort, inclusion: t.inclusionShort, exclusion: t.exclusionShort }[key];
}

/** Targeting classes per desil (outside DTSEN, desil 1–10) as a stacked bar chart and a table. */
export function DesilSection(props: DesilSectionProps) {
  const { programCode, regionCode, regionLevel, versionId, desilMin, desilMax } = props;
  const t = useMessages(targetingMessages);
  const headingId = useId();
  const available = DESIL_LEVELS.has(regionLevel);
  const [result, reexecute] = useQuery({
    query: TargetingByDesilDocument,
    variables: { programCode, regionCode, versionId },
    pause: !available,
  });
  const byDesil = result.data?.targetingErrors.byDesil;
  const rows = useMemo(
    () => (byDesil ? toDesilRows(byDesil, desilMin, desilMax, { outside: t.outsideDtsen, outsideTick: t.outsideTick, desil: t.desil }) : []),
    [byDesil, desilMin, desilMax, t],
  );

  return (
    <section className="targeting-section" data-testid="targeting-desil" aria-labelledby={headingId}>
      <h3 id={headingId}>{t.desilTitle}</h3>
      <p className="targeting-section__note">{t.desilCaption(desilMin, desilMax)}</p>
      {!available ? (
        <p className="panel panel--state" role="status">
          {t.desilNotAvailable}
        </p>
      ) : (
        <LoadState
          fetching={result.fetching}
          error={result.error}
          hasData={byDesil !== undefined}
          empty={rows.length === 0}
          retry={() => reexecute({ requestPolicy: 'network-only' })}
        >
          <DesilBody {...props} rows={rows} />
        </LoadState>
      )}
    </section>
  );
}

function DesilBody({ rows, unitName, regionName, versionLabel, csvName, chartInitialWidth }: DesilSectionProps & { rows: DesilRow[] }) {
  const t = useMessages(targetingMessages);
  const [scopeParam, setScopeParam] = useParam('desil', SCOPE_PARAM.all);
  const scope: DesilChartScope = scopeParam === SCOPE_PARAM.recipients ? 'recipients' : 'all';
  const columns: Column<DesilRow>[] = [
    {
      key: 'desil',
      header: t.desilColumn,
      value: (row) => row.label,
      rowHeader: true,
      render: (row) => (
        <>
          {row.label}
          {row.inRange && <span className="targeting-tag">{t.inRange}</span>}
        </>
      ),
    },
    { key: 'units', header: t.units, value: (row) => row.units, format: 'count' },
    { key: 'eligible', header: t.eligible, value: (row) => row.eligible, format: 'count' },
    { key: 'recipients', header: t.recipients, value: (row) => row.recipients, format: 'count' },
    { key: 'correct', header: t.correctShort, value: (row) => row.correct, format: 'count' },
    { key: 'pending', header: t.pendingShort, value: (row) => row.pending, format: 'count' },
    { key: 'inclusion', header: t.inclusionShort, value: (row) => row.inclusion, format: 'count' },
    { key: 'exclusion', header: t.exclusionShort, value: (row) => row.exclusion, format: 'count' },
    // Null also when nobody of the desil is eligible ("–"): only a withheld coverage reads "<5".
    { key: 'coverage', header: t.coverage, value: (row) => row.coverage, format: 'share', withheld: (row) => row.coverageWithheld },
  ];
  // A total over a withheld desil is withheld.
  const sum = (pick: (row: DesilRow) => number | null) => sumOrNull(rows.map(pick));
  const eligible = sum((row) => row.eligible);
  const correct = sum((row) => row.correct);
  return (
    <>
      <div className="panel">
        <DesilChart
          rows={rows}
          caption={t.desilFigure(unitName)}
          scope={scope}
          onScopeChange={(next) => setScopeParam(SCOPE_PARAM[next])}
          initialWidth={chartInitialWidth}
        />
      </div>
      <DataTable
        caption={t.desilTableCaption(regionName, versionLabel)}
        columns={columns}
        rows={rows}
        rowKey={(row) => String(row.desil)}
        csvName={[...csvName, 'desil']}
        footer={{
          units: sum((row) => row.units),
          eligible,
          recipients: sum((row) => row.recipients),
          correct,
          pending: sum((row) => row.pending),
          inclusion: sum((row) => row.inclusion),
          exclusion: sum((row) => row.exclusion),
          coverage: eligible === 0 ? undefined : shareOrNull(correct, eligible),
        }}
        testId="targeting-desil-table"
      />
    </>
  );
}

const CHART_HEIGHT = 320;

interface DesilChartProps {
  rows: readonly DesilRow[];
  caption: string;
  scope: DesilChartScope;
  onScopeChange: (scope: DesilChartScope) => void;
  initialWidth?: number;
}

function DesilChart({ rows, caption, scope, onScopeChange, initialWidth = 960 }: DesilChartProps) {
  const t = useMessages(targetingMessages);
  const mark = smallCellMark(useSmallCellThreshold());
  const name = useId();
  const stack = scope === 'recipients' ? RECIPIENT_STACK : STACK;
  return (
    <figure className="targeting-chart" data-testid="targeting-desil-chart" data-scope={scope}>
      <div className="targeting-desil-toolbar">
        <figcaption className="targeting-chart__caption">{caption}</figcaption>
        <fieldset className="targeting-toggle">
          <legend>{t.desilShow}</legend>
          {(['all', 'recipients'] as const).map((option) => (
            <label key={option}>
              <input type="radio" name={name} checked={scope === option} onChange={() => onScopeChange(option)} />
              {option === 'all' ? t.desilShowAll : t.desilShowRecipients}
            </label>
          ))}
        </fieldset>
      </div>
      <div role="img" aria-label={t.desilChartLabel}>
        <ResponsiveContainer width="100%" height={CHART_HEIGHT} initialDimension={{ width: initialWidth, height: CHART_HEIGHT }}>
          <BarChart data={[...rows]} margin={{ top: 8, right: 8, bottom: 4, left: 8 }} accessibilityLayer={false}>
            <CartesianGrid vertical={false} stroke="#e2e8f0" />
            <XAxis dataKey="tick" tickLine={false} axisLine={{ stroke: '#94a3b8' }} tick={{ fill: '#334155', fontSize: 12 }} interval={0} />
            <YAxis tickFormatter={formatCompact} tickLine={false} axisLine={false} width={56} tick={{ fill: '#64748b', fontSize: 12 }} />
            <Tooltip
              cursor={{ fill: 'rgba(148, 163, 184, 0.15)' }}
              content={({ active, label }) => {
                const row = rows.find((candidate) => candidate.tick === label);
                if (!active || !row) return null;
                return (
                  <div className="chart-tooltip targeting-tooltip">
                    <strong>{row.label}</strong>
                    {STACK.map((key) => (
                      <span key={key}>
                        {classLabel(t, key)}: {formatOrMark(row[key], formatCount, mark)}
                      </span>
                    ))}
                    {row.coverage !== null && (
                      <span>
                        {t.coverage}: {formatShare(row.coverage)}
                      </span>
                    )}
                  </div>
                );
              }}
            />
            {stack.map((key) => (
              <Bar
                key={key}
                dataKey={key}
                stackId="classes"
                name={classLabel(t, key)}
                fill={CLASS_COLORS[key]}
                className={`targeting-class-bar targeting-class-bar--${key}`}
                isAnimationActive={prefersMotion()}
                animationDuration={400}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ul className="targeting-legend" aria-label={t.legend}>
        {stack.map((key) => (
          <li key={key}>
            <span className="targeting-legend__swatch" style={{ background: CLASS_COLORS[key] }} aria-hidden="true" />
            {classLabel(t, key)}
          </li>
        ))}
      </ul>
      <SmallCellNote show={rows.some((row) => stack.some((key) => row[key] === null))} />
    </figure>
  );
}
