import { useId, useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useQuery } from 'urql';
import type { ProgramCodeValue } from '../../../app/url-state';
import { TrendsCoverageDocument } from '../../../generated/graphql';
import { DataTable, type Column } from '../../../shared/components/DataTable';
import { LoadState } from '../../../shared/components/LoadState';
import { SmallCellNote } from '../../../shared/components/SmallCell';
import { formatShare, formatSignedPoints } from '../../../shared/format';
import { useLang, useMessages } from '../../../shared/i18n';
import { prefersMotion } from '../../../shared/motion';
import { formatOrMark, smallCellMark, useSmallCellThreshold } from '../../../shared/small-cells';
import { coverageChange, toCoverageRows, type CoverageRow } from '../coverage';
import { trendsMessages } from '../messages';

export interface CoverageSectionProps {
  programCode: ProgramCodeValue;
  programName: string;
  unit: string;
  regionCode: string;
  regionName: string;
  currentVersionId: number;
  chartWidth?: number;
}

const CHART_HEIGHT = 300;
export const COVERAGE_COLOUR = '#1d4ed8';
export const LEAKAGE_COLOUR = '#c2410c';

export function CoverageSection({ programCode, programName, unit, regionCode, regionName, currentVersionId, chartWidth = 960 }: CoverageSectionProps) {
  const t = useMessages(trendsMessages);
  const mark = smallCellMark(useSmallCellThreshold());
  const lang = useLang();
  const headingId = useId();
  const [result, reexecute] = useQuery({
    query: TrendsCoverageDocument,
    variables: { programCode, regionCode, toVersionId: currentVersionId },
  });
  const rows = useMemo(
    () => (result.data?.coverageTrend ? toCoverageRows(result.data.coverageTrend.points, currentVersionId) : []),
    [result.data, currentVersionId],
  );
  const change = coverageChange(rows);
  const points = lang === 'en' ? 'points' : 'poin';

  const columns: Column<CoverageRow>[] = [
    {
      key: 'version',
      header: t.colVersion,
      value: (row) => row.label,
      rowHeader: true,
      render: (row) => (
        <>
          {row.label}
          {row.isCurrent && <span className="trends-current"> · {t.currentMarker}</span>}
        </>
      ),
    },
    { key: 'eligible', header: t.colEligible, value: (row) => row.eligible, format: 'count' },
    { key: 'recipients', header: t.colRecipients, value: (row) => row.recipients, format: 'count' },
    { key: 'eligibleRecipients', header: t.colEligibleRecipients, value: (row) => row.eligibleRecipients, format: 'count' },
    { key: 'coverage', header: t.colCoverage, value: (row) => row.coverage, format: 'share' },
    { key: 'leakage', header: t.colLeakage, value: (row) => row.leakage, format: 'share' },
    { key: 'inclusion', header: t.colInclusion, value: (row) => row.inclusionErrors, format: 'count' },
    { key: 'exclusion', header: t.colExclusion, value: (row) => row.exclusionErrors, format: 'count' },
    { key: 'pending', header: t.colPending, value: (row) => row.pendingGroundCheck, format: 'count' },
  ];

  const first = rows[0];
  const last = rows.at(-1);
  return (
    <section className="panel trends-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t.coverageHeading}</h3>
      <LoadState
        fetching={result.fetching}
        error={result.error}
        hasData={result.data?.coverageTrend !== undefined}
        empty={rows.length === 0}
        emptyTitle={t.coverageEmpty}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
      >
        {change && (
          <p className="trends-lede">
            {t.coverageChange(
              change.fromLabel,
              change.toLabel,
              formatOrMark(change.coverage, (value) => formatSignedPoints(value, points), mark),
              formatOrMark(change.leakage, (value) => formatSignedPoints(value, points), mark),
            )}
          </p>
        )}
        <figure className="trends-figure" data-testid="trends-coverage" data-points={rows.length}>
          <figcaption className="trends-figure__caption">{t.coverageCaption(programName)}</figcaption>
          <div role="img" aria-label={t.coverageAria(programName, first?.label ?? '', last?.label ?? '')}>
            <ResponsiveContainer width="100%" height={CHART_HEIGHT} initialDimension={{ width: chartWidth, height: CHART_HEIGHT }}>
              <LineChart data={rows} margin={{ top: 16, right: 36, bottom: 4, left: 8 }} accessibilityLayer={false}>
                <CartesianGrid vertical={false} stroke="#e2e8f0" />
                <XAxis dataKey="label" tickLine={false} axisLine={{ stroke: '#94a3b8' }} tick={{ fill: '#334155', fontSize: 13 }} />
                <YAxis
                  domain={[0, (max: number) => Math.min(1, Math.ceil((max + 0.05) * 10) / 10)]}
                  tickFormatter={(value: number) => formatShare(value)}
                  tickLine={false}
                  axisLine={false}
                  width={56}
                  tick={{ fill: '#64748b', fontSize: 12 }}
                />
                {last && <ReferenceLine x={last.label} stroke="#94a3b8" strokeDasharray="4 4" />}
                <Tooltip
                  formatter={(value, name) => [typeof value === 'number' ? formatShare(value) : value === undefined ? mark : String(value), name]}
                  contentStyle={{ borderRadius: 6, borderColor: '#e2e8f0', fontSize: 13 }}
                />
                <Line
                  type="monotone"
                  dataKey="coverage"
                  name={t.coverageLine}
                  stroke={COVERAGE_COLOUR}
                  strokeWidth={2.5}
                  dot={{ r: 4 }}
                  isAnimationActive={prefersMotion()}
                />
                <Line
                  type="monotone"
                  dataKey="leakage"
                  name={t.leakageLine}
                  stroke={LEAKAGE_COLOUR}
                  strokeWidth={2.5}
                  strokeDasharray="6 3"
                  dot={{ r: 4 }}
                  isAnimationActive={prefersMotion()}
                />
              </LineChart>
            </ResponsiveContainer>
          </div>
          <ul className="trends-legend">
            <li>
              <span className="trends-legend__line" style={{ borderColor: COVERAGE_COLOUR }} aria-hidden="true" />
              {t.coverageLine}
            </li>
            <li>
              <span className="trends-legend__line trends-legend__line--dashed" style={{ borderColor: LEAKAGE_COLOUR }} aria-hidden="true" />
              {t.leakageLine}
            </li>
          </ul>
          <p className="trends-note">{t.coverageHelp}</p>
          <SmallCellNote show={rows.some((row) => row.coverage === null || row.leakage === null)} />
        </figure>
        <DataTable
          caption={t.coverageTableCaption(programName, unit)}
          columns={columns}
          rows={rows}
          rowKey={(row) => String(row.versionId)}
          selectedKey={String(currentVersionId)}
          csvName={['tren-cakupan', programCode, regionName, last?.label ?? '']}
          testId="trends-coverage-table"
        />
      </LoadState>
    </section>
  );
}
