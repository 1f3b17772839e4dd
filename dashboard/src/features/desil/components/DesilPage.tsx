// The desil view: the distribution of the region and version in the URL, in families or individuals
// (`satuan`), optionally side by side with another published version (`banding`), and the ranking of its
// sub-regions (`urut=key.asc`, `semua=1`) through which the user drills down to the desa.
import { useId, useMemo } from 'react';
import { navigate, useAppState } from '../../../app/navigation';
import type { RegionLevelValue } from '../../../app/url-state';
import { LEVEL_ORDER } from '../../../app/views';
import type { VersionFieldsFragment } from '../../../generated/graphql';
import { ErrorPanel, LoadState } from '../../../shared/components/LoadState';
import { ViewFrame } from '../../../shared/components/ViewFrame';
import { useMessages } from '../../../shared/i18n';
import { versionName, viewTitle } from '../../../shared/labels';
import { levelName, sharedMessages } from '../../../shared/messages';
import { useVersionContext } from '../../../shared/useVersionContext';
import { useDesilDistribution, type DesilDistribution, type DistributionResult } from '../hooks/useDesilDistribution';
import { desilMessages } from '../messages';
import { parseSubRegionSort, sortParam, sortSubRegionRows, toSubRegionRows } from '../subregions';
import {
  compareSeries,
  compareVersionOf,
  paramOfUnit,
  toRows,
  toSeries,
  unitOfParam,
  type DesilUnit,
} from '../toSeries';
import '../desil.css';
import { CompareSelect } from './CompareSelect';
import { DesilChart } from './DesilChart';
import { DesilCompareTable, DesilTable } from './DesilTable';
import { HeadlineFigures } from './HeadlineFigures';
import { SubRegionRanking } from './SubRegionRanking';
import { UnitToggle } from './UnitToggle';
import { VersionBadge } from './VersionBadge';

export interface DesilPageProps {
  /** Passed to the chart for environments without layout (tests). */
  chartInitialWidth?: number;
}

export function DesilPage({ chartInitialWidth }: DesilPageProps = {}) {
  const t = useMessages(desilMessages);
  const { regionCode, params } = useAppState();
  const versions = useVersionContext();
  const ready = versions.status === 'ready' ? versions : null;
  const compareVersion = ready ? compareVersionOf(params.banding ?? '', ready.published, ready.current.id) : null;
  const current = useDesilDistribution(regionCode, ready?.current.id ?? null);
  const compare = useDesilDistribution(regionCode, compareVersion?.id ?? null);
  const unit = unitOfParam(params.satuan ?? '');

  const title = viewTitle(t.title, current.data?.region.name, ready ? versionName(ready.current.label) : null);

  return (
    <ViewFrame testId="view-desil" className="desil-page" title={title} titleClassName="desil-page__title" versions={versions}>
      {({ current: version, published }) => (
        <>
          <div className="desil-page__toolbar">
            <VersionBadge version={version} />
            <div className="desil-page__controls">
              <UnitToggle unit={unit} onChange={(next) => navigate({ params: { satuan: next === 'families' ? null : paramOfUnit(next) } })} />
              <CompareSelect
                published={published}
                currentId={version.id}
                compareId={compareVersion?.id ?? null}
                onChange={(id) => navigate({ params: { banding: id } })}
              />
            </div>
          </div>
          <LoadState fetching={current.fetching} error={current.error} retry={current.retry} hasData={current.data !== undefined}>
            {current.data && (
              <DistributionView
                distribution={current.data}
                version={version}
                unit={unit}
                compareVersion={compareVersion}
                compare={compare}
                chartInitialWidth={chartInitialWidth}
              />
            )}
          </LoadState>
        </>
      )}
    </ViewFrame>
  );
}

interface DistributionViewProps {
  distribution: DesilDistribution;
  version: VersionFieldsFragment;
  unit: DesilUnit;
  compareVersion: VersionFieldsFragment | null;
  compare: DistributionResult;
  chartInitialWidth?: number;
}

function DistributionView({ distribution, version, unit, compareVersion, compare, chartInitialWidth }: DistributionViewProps) {
  const t = useMessages(desilMessages);
  const rows = useMemo(() => toRows(distribution.buckets, t.desilLabel), [distribution.buckets, t]);
  const series = useMemo(() => toSeries(distribution.buckets, unit, t.desilLabel), [distribution.buckets, unit, t]);
  const compared = compareVersion && compare.data ? compare.data : null;
  const points = useMemo(
    () => (compared ? compareSeries(distribution.buckets, compared.buckets, unit, t.desilLabel) : null),
    [compared, distribution.buckets, unit, t],
  );
  const unitLower = unit === 'families' ? t.familiesLower : t.individualsLower;
  const unitParam = paramOfUnit(unit);
  const regionName = distribution.region.name;

  return (
    <div className="desil-page__body">
      {compareVersion && !compare.data && compare.error && <ErrorPanel message={compare.error.message} retry={compare.retry} />}
      {compareVersion && !compare.data && !compare.error && (
        <p className="desil-page__pending" role="status" aria-live="polite">
          {t.compareLoading}
        </p>
      )}
      {distribution.totalFamilies === 0 ? (
        <div className="panel panel--state" role="status">
          <strong>{t.noFamilies}</strong>
        </div>
      ) : (
        <>
          <HeadlineFigures
            totalFamilies={distribution.totalFamilies}
            totalIndividuals={distribution.totalIndividuals}
            series={series}
            unit={unit}
            compare={
              compared && compareVersion
                ? {
                    label: compareVersion.label,
                    totalFamilies: compared.totalFamilies,
                    totalIndividuals: compared.totalIndividuals,
                    series: toSeries(compared.buckets, unit, t.desilLabel),
                  }
                : null
            }
          />
          <div className="desil-page__figures">
            <div className="panel">
              <DesilChart
                series={series}
                unit={unit}
                initialWidth={chartInitialWidth}
                comparison={
                  points && compareVersion
                    ? {
                        points,
                        currentLabel: version.label,
                        compareLabel: compareVersion.label,
                        compareIsOlder: compareVersion.id < version.id,
                      }
                    : null
                }
              />
            </div>
            <div className="desil-page__table">
              {points && compareVersion ? (
                <DesilCompareTable
                  points={points}
                  unit={unit}
                  currentLabel={version.label}
                  compareLabel={compareVersion.label}
                  caption={t.tableCaptionCompare(unitLower, version.label, compareVersion.label)}
                  csvName={['desil', regionName, version.label, 'banding', compareVersion.label, unitParam]}
                />
              ) : (
                <DesilTable
                  rows={rows}
                  totalFamilies={distribution.totalFamilies}
                  totalIndividuals={distribution.totalIndividuals}
                  unit={unit}
                  caption={t.tableCaption(version.label, unitLower)}
                  csvName={['desil', regionName, version.label]}
                />
              )}
            </div>
          </div>
        </>
      )}
      <SubRegions distribution={distribution} version={version} unit={unit} compareVersion={compareVersion} compared={compared} />
    </div>
  );
}

const CHILD_LEVEL: Readonly<Partial<Record<RegionLevelValue, RegionLevelValue>>> = Object.fromEntries(
  LEVEL_ORDER.slice(0, -1).map((level, index) => [level, LEVEL_ORDER[index + 1]]),
);

interface SubRegionsProps {
  distribution: DesilDistribution;
  version: VersionFieldsFragment;
  unit: DesilUnit;
  compareVersion: VersionFieldsFragment | null;
  compared: DesilDistribution | null;
}

function SubRegions({ distribution, version, unit, compareVersion, compared }: SubRegionsProps) {
  const t = useMessages(desilMessages);
  const shared = useMessages(sharedMessages);
  const { params } = useAppState();
  const headingId = useId();
  const sort = useMemo(() => parseSubRegionSort(params.urut), [params.urut]);
  const comparing = compareVersion !== null && compared !== null;
  const rows = useMemo(
    () => sortSubRegionRows(toSubRegionRows(distribution.subRegions ?? [], comparing ? (compared.subRegions ?? []) : null, unit), sort),
    [distribution.subRegions, compared, comparing, unit, sort],
  );
  const childLevel = CHILD_LEVEL[distribution.region.level];
  const levelLabel = childLevel ? levelName(shared, childLevel) : '';
  const unitLower = unit === 'families' ? t.familiesLower : t.individualsLower;

  return (
    <section className="desil-subregions" aria-labelledby={headingId}>
      <h3 id={headingId} className="desil-subregions__title">
        {childLevel ? t.subRegionsTitle(levelLabel, distribution.region.name) : distribution.region.name}
      </h3>
      {!childLevel ? (
        <p className="desil-subregions__empty" role="status">
          {t.subRegionsNone}
        </p>
      ) : rows.length === 0 ? (
        <p className="desil-subregions__empty" role="status">
          {t.subRegionsEmpty}
        </p>
      ) : (
        <>
          <p className="desil-subregions__hint">{t.subRegionsHint}</p>
          <SubRegionRanking
            rows={rows}
            totalCount={distribution.subRegionCount ?? rows.length}
            sort={sort}
            onSortChange={(next) => navigate({ params: { urut: sortParam(next) } })}
            onSelect={(code) => navigate({ regionCode: code, params: { semua: null } })}
            showAll={params.semua === '1'}
            onShowAllChange={(all) => navigate({ params: { semua: all ? '1' : null } })}
            unitLabel={unitLower}
            compareLabel={comparing ? compareVersion.label : null}
            caption={t.subRegionsCaption(levelLabel, distribution.region.name, version.label)}
            csvName={['desil', levelLabel, distribution.region.name, version.label, paramOfUnit(unit)]}
          />
        </>
      )}
    </section>
  );
}
