// Ketepatan sasaran (targeting errors) of the URL's program, region and version: the headline figures,
// inclusion errors by cause, the classes per desil and the child regions ranked, each drilling down.
import './targeting.css';
import { useQuery } from 'urql';
import { useAppState } from '../../app/navigation';
import type { ProgramCodeValue } from '../../app/url-state';
import { TargetingOverviewDocument } from '../../generated/graphql';
import { LoadState } from '../../shared/components/LoadState';
import { ViewFrame } from '../../shared/components/ViewFrame';
import { useMessages } from '../../shared/i18n';
import { programLabel, versionName, viewTitle } from '../../shared/labels';
import { useRegionName } from '../../shared/useRegionName';
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
  const { programCode, regionCode } = useAppState();
  const versions = useVersionContext();
  const regionName = useRegionName(regionCode) ?? regionCode;
  const title = viewTitle(t.title(programLabel(programCode)), regionName, versions.status === 'ready' ? versionName(versions.current.label) : null);

  return (
    <ViewFrame testId="view-targeting" className="targeting" title={title} versions={versions}>
      {({ current }) => (
        <TargetingBody
          programCode={programCode}
          regionCode={regionCode}
          versionId={current.id}
          versionLabel={versionName(current.label)}
          regionName={regionName}
          chartInitialWidth={chartInitialWidth}
        />
      )}
    </ViewFrame>
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
