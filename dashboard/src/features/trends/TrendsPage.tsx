// Tren / Trends (/tren): for the program and region in the URL, coverage and leakage per DTSEN version,
// recipients entering and leaving between versions by reason, the desil transition heat map between two
// versions (`dari`, `ke`), and program figures of the current version (PKH duration, PBI-JKN reactivation,
// overlap with other programs).
import { useAppState } from '../../app/navigation';
import { ViewFrame } from '../../shared/components/ViewFrame';
import { useMessages } from '../../shared/i18n';
import { versionName } from '../../shared/labels';
import { useRegionName } from '../../shared/useRegionName';
import { useVersionContext } from '../../shared/useVersionContext';
import { ChurnSection } from './components/ChurnSection';
import { CoverageSection } from './components/CoverageSection';
import { ProgramFigures } from './components/ProgramFigures';
import { TransitionsSection } from './components/TransitionsSection';
import { trendsMessages } from './messages';
import { programUnit } from './programFigures';
import { resolveTransitionPair } from './transitions';
import './trends.css';

const TITLE_ID = 'trends-title';

export function TrendsPage() {
  const t = useMessages(trendsMessages);
  const { programCode, regionCode, params } = useAppState();
  const versions = useVersionContext();
  const regionName = useRegionName(regionCode);
  const programName = t.programName(programCode);
  const unit = programUnit(programCode) === 'families' ? t.unitFamilies : t.unitIndividuals;

  const title =
    versions.status === 'ready' && regionName !== null
      ? t.title(programName, regionName, versionName(versions.current.label))
      : t.titleLoading;

  return (
    <ViewFrame testId="view-trends" className="trends" title={title} titleId={TITLE_ID} versions={versions}>
      {({ current, published }) => (
        <>
          <p className="trends-intro">{t.intro(programName, unit)}</p>
          <CoverageSection
            programCode={programCode}
            programName={programName}
            unit={unit}
            regionCode={regionCode}
            regionName={regionName ?? regionCode}
            currentVersionId={current.id}
          />
          <ChurnSection
            programCode={programCode}
            programName={programName}
            unit={unit}
            regionCode={regionCode}
            regionName={regionName ?? regionCode}
            fromVersionId={published[0] && published[0].id < current.id ? published[0].id : null}
            currentVersionId={current.id}
          />
          <TransitionsSection
            regionCode={regionCode}
            regionName={regionName ?? regionCode}
            published={published}
            pair={resolveTransitionPair(published, current.id, params.dari, params.ke)}
          />
          <ProgramFigures
            programCode={programCode}
            programName={programName}
            regionCode={regionCode}
            versionId={current.id}
            versionLabel={versionName(current.label)}
          />
        </>
      )}
    </ViewFrame>
  );
}
