import { useMemo } from 'react';
import type { DesilDistribution, DesilDistributionState } from '../hooks/useDesilDistribution';
import { toRows, toSeries, UNIT_LABELS, type DesilUnit } from '../toSeries';
import { DesilChart } from './DesilChart';
import { DesilTable } from './DesilTable';
import { HeadlineFigures } from './HeadlineFigures';
import { UnitToggle } from './UnitToggle';
import { VersionBadge } from './VersionBadge';

export interface DesilPageViewProps {
  state: DesilDistributionState;
  unit: DesilUnit;
  onUnitChange: (unit: DesilUnit) => void;
  /** Passed to the chart for environments without layout (tests). */
  chartInitialWidth?: number;
}

const TITLE_ID = 'desil-page-title';

/** The desil distribution page for a given data state; stateless apart from what it is given. */
export function DesilPageView({ state, unit, onUnitChange, chartInitialWidth }: DesilPageViewProps) {
  return (
    <section className="desil-page" aria-labelledby={TITLE_ID}>
      <h2 id={TITLE_ID} className="desil-page__title">
        {state.status === 'ready' ? pageTitle(state.distribution) : 'Sebaran desil nasional'}
      </h2>
      <DesilPageBody state={state} unit={unit} onUnitChange={onUnitChange} chartInitialWidth={chartInitialWidth} />
    </section>
  );
}

function pageTitle(distribution: DesilDistribution): string {
  return distribution.region.level === 'NATION'
    ? 'Sebaran desil nasional'
    : `Sebaran desil: ${distribution.region.name}`;
}

function DesilPageBody({ state, unit, onUnitChange, chartInitialWidth }: DesilPageViewProps) {
  switch (state.status) {
    case 'loading':
      return (
        <div className="panel panel--state" role="status" aria-live="polite" aria-busy="true">
          <span className="spinner" aria-hidden="true" />
          Memuat data DTSEN…
        </div>
      );
    case 'empty':
      return (
        <div className="panel panel--state" role="status">
          <strong>Belum ada versi DTSEN yang diterbitkan.</strong>
          <p>Sebaran desil akan tampil di sini setelah versi pertama diterbitkan.</p>
        </div>
      );
    case 'error':
      return (
        <div className="panel panel--state panel--error" role="alert">
          <strong>Data DTSEN tidak dapat dimuat.</strong>
          <p className="panel__detail">{state.message}</p>
          <button type="button" className="button" onClick={state.retry}>
            Coba lagi
          </button>
        </div>
      );
    case 'ready':
      return (
        <DistributionView
          distribution={state.distribution}
          unit={unit}
          onUnitChange={onUnitChange}
          chartInitialWidth={chartInitialWidth}
        />
      );
  }
}

interface DistributionViewProps {
  distribution: DesilDistribution;
  unit: DesilUnit;
  onUnitChange: (unit: DesilUnit) => void;
  chartInitialWidth?: number;
}

function DistributionView({ distribution, unit, onUnitChange, chartInitialWidth }: DistributionViewProps) {
  const rows = useMemo(() => toRows(distribution.buckets), [distribution.buckets]);
  const series = useMemo(() => toSeries(distribution.buckets, unit), [distribution.buckets, unit]);

  return (
    <>
      <div className="desil-page__toolbar">
        <VersionBadge version={distribution.version} />
        <UnitToggle unit={unit} onChange={onUnitChange} />
      </div>
      {distribution.totalFamilies === 0 ? (
        <div className="panel panel--state" role="status">
          <strong>Versi ini belum memiliki data keluarga.</strong>
        </div>
      ) : (
        <>
          <HeadlineFigures
            totalFamilies={distribution.totalFamilies}
            totalIndividuals={distribution.totalIndividuals}
            series={series}
            unit={unit}
          />
          <div className="panel">
            <DesilChart series={series} unit={unit} initialWidth={chartInitialWidth} />
          </div>
          <div className="panel panel--table">
            <DesilTable
              rows={rows}
              totalFamilies={distribution.totalFamilies}
              totalIndividuals={distribution.totalIndividuals}
              unit={unit}
              caption={`Jumlah dan persentase keluarga serta individu per desil, ${distribution.version.label}. Satuan terpilih: ${UNIT_LABELS[unit].toLowerCase()}.`}
            />
          </div>
        </>
      )}
    </>
  );
}
