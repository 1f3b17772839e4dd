// Ketepatan sasaran (targeting errors) of the URL's program, region and version: the headline figures,
// inclusion errors by cause, the classes per desil and the child regions ranked, each drilling down.
import './targeting.css';
import { useId } from 'react';
import { useQuery } from 'urql';
import { useAppState } from '../../app/navigation';
import { NATION_CODE, type ProgramCodeValue } from '../../app/url-state';
import { RegionPathDocument, TargetingOverviewDocument } from '../../generated/graphql';
import { ErrorPanel, LoadingPanel, LoadState } from '../../shared/components/LoadState';
import { useMessages } from '../../shared/i18n';
import { programLabel, versionName } from '../../shared/labels';
import { sharedMessages } from '../../shared/messages';
import { useVersionContext } from '../../shared/useVersionContext';
import { CauseSection } from './components/CauseSection';
import { DesilSection } from './components/DesilSection';
import { SubRegionSection } from './components/SubRegionSection';
import { TargetingHeadline } from './components/TargetingHeadline';
import { targetingMessages } from './messages';
import { childLevel } from './shape';

export interface TargetingPageProps {
  /** Chart width before layout (tests have none). */
  chartInitialWidth?: number;
}

export function TargetingPage({ chartInitialWidth }: TargetingPageProps = {}) {
  const t = useMessages(targetingMessages);
  const shared = useMessages(sharedMessages);
  const { programCode, regionCode } = useAppState();
  const versions = useVersionContext();
  const titleId = useId();
  const [path] = useQuery({ query: RegionPathDocument, variables: { code: regionCode } });
  const regionName = regionCode === NATION_CODE ? shared.nation : (path.data?.region?.name ?? regionCode);
  const version = versions.status === 'ready' ? versionName(versions.current.label) : null;
  const title = [t.title(programLabel(programCode)), regionName, version].filter((part) => part !== null).join(' · ');

  return (
    <section className="view targeting" data-testid="view-targeting" aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      {versions.status === 'loading' && <LoadingPanel label={shared.loading} />}
      {versions.status === 'error' && <ErrorPanel message={versions.message} retry={versions.retry} />}
      {versions.status === 'empty' && (
        <div className="panel panel--state" role="status">
          <strong>{shared.noVersionTitle}</strong>
          <p>{shared.noVersionDetail}</p>
        </div>
      )}
      {versions.status === 'ready' && version !== null && (
        <TargetingBody
          programCode={programCode}
          regionCode={regionCode}
          versionId={versions.current.id}
          versionLabel={version}
          regionName={regionName}
          chartInitialWidth={chartInitialWidth}
        />
      )}
    </section>
  );
}

interface TargetingBodyProps {
  programCode: ProgramCodeValue;
  regionCode: string;
  versionId: number;
  versionLabel: string;
  regionName: string;
  chartInitialWidth?: number;
}

function TargetingBody({ programCode, regionCode, versionId, versionLabel, regionName, chartInitialWidth }: TargetingBodyProps) {
  const t = useMessages(targetingMessages);
  const [result, reexecute] = useQuery({ query: TargetingOverviewDocument, variables: { programCode, regionCode, versionId } });
  const data = result.data?.targetingErrors;
  const csvName = ['ketepatan-sasaran', programLabel(programCode), regionName, versionLabel];
  const unitName = data?.unit === 'INDIVIDUAL' ? t.unitIndividual : t.unitFamily;
  const level = data ? childLevel(data.region.level) : null;

  return (
    <LoadState
      fetching={result.fetching}
      error={result.error}
      hasData={data !== undefined}
      empty={data?.summary.units === 0}
      emptyTitle={t.noUnits}
      retry={() => reexecute({ requestPolicy: 'network-only' })}
    >
      {data && (
        <div className="targeting__body">
          <p className="targeting__lede">{t.lede(data.desilMin, data.desilMax, unitName)}</p>
          <TargetingHeadline summary={data.summary} unitName={unitName} desilMin={data.desilMin} desilMax={data.desilMax} />
          <CauseSection
            byCause={data.byCause ?? []}
            unitName={unitName}
            desilMax={data.desilMax}
            inclusionErrors={data.summary.inclusionErrors}
            regionName={regionName}
            versionLabel={versionLabel}
            csvName={csvName}
            chartInitialWidth={chartInitialWidth}
          />
          <DesilSection
            programCode={programCode}
            unitName={unitName}
            regionCode={regionCode}
            regionLevel={data.region.level}
            versionId={versionId}
            desilMin={data.desilMin}
            desilMax={data.desilMax}
            regionName={regionName}
            versionLabel={versionLabel}
            csvName={csvName}
            chartInitialWidth={chartInitialWidth}
          />
          <SubRegionSection
            programCode={programCode}
            regionCode={regionCode}
            versionId={versionId}
            level={data.region.childCount > 0 ? level : null}
            regionName={regionName}
            versionLabel={versionLabel}
            csvName={csvName}
          />
        </div>
      )}
    </LoadState>
  );
}
