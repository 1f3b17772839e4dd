// Tren / Trends (/tren): for the program and region in the URL, coverage and leakage per DTSEN version,
// recipients entering and leaving between versions by reason, the desil transition heat map between two
// versions (`dari`, `ke`), and program figures of the current version (PKH duration, PBI-JKN reactivation,
// overlap with other programs).
import { useAppState } from '../../app/navigation';
import { ErrorPanel, LoadingPanel } from '../../shared/components/LoadState';
import { useMessages } from '../../shared/i18n';
import { sharedMessages } from '../../shared/messages';
import { useVersionContext } from '../../shared/useVersionContext';
import { ChurnSection } from './components/ChurnSection';
import { CoverageSection } from './components/CoverageSection';
import { ProgramFigures } from './components/ProgramFigures';
import { TransitionsSection } from './components/TransitionsSection';
import { useRegionName } from './components/useRegionName';
import { trendsMessages } from './messages';
import { programUnit, versionTitle } from './programFigures';
import { resolveTransitionPair } from './transitions';
import './trends.css';

const TITLE_ID = 'trends-title';

export function TrendsPage() {
  const t = useMessages(trendsMessages);
  const shared = useMessages(sharedMessages);
  const { programCode, regionCode, params } = useAppState();
  const versions = useVersionContext();
  const regionName = useRegionName(regionCode);
  const programName = t.programName(programCode);
  const unit = programUnit(programCode) === 'families' ? t.unitFamilies : t.unitIndividuals;

  const title =
    versions.status === 'ready' && regionName !== null
      ? t.title(programName, regionName, versionTitle(versions.current.label))
      : t.titleLoading;

  return (
    <section className="view trends" data-testid="view-trends" aria-labelledby={TITLE_ID}>
      <h2 id={TITLE_ID}>{title}</h2>
      {versions.status === 'loading' && <LoadingPanel label={shared.loading} />}
      {versions.status === 'error' && <ErrorPanel message={versions.message} retry={versions.retry} />}
      {versions.status === 'empty' && (
        <div className="panel panel--state" role="status">
          <strong>{shared.noVersionTitle}</strong>
          <p>{shared.noVersionDetail}</p>
        </div>
      )}
      {versions.status === 'ready' && (
        <>
          <p className="trends-intro">{t.intro(programName, unit)}</p>
          <CoverageSection
            programCode={programCode}
            programName={programName}
            unit={unit}
            regionCode={regionCode}
            regionName={regionName ?? regionCode}
            currentVersionId={versions.current.id}
          />
          <ChurnSection
            programCode={programCode}
            programName={programName}
            unit={unit}
            regionCode={regionCode}
            regionName={regionName ?? regionCode}
            fromVersionId={versions.published[0] && versions.published[0].id < versions.current.id ? versions.published[0].id : null}
            currentVersionId={versions.current.id}
          />
          <TransitionsSection
            regionCode={regionCode}
            regionName={regionName ?? regionCode}
            published={versions.published}
            pair={resolveTransitionPair(versions.published, versions.current.id, params.dari, params.ke)}
          />
          <ProgramFigures
            programCode={programCode}
            programName={programName}
            regionCode={regionCode}
            versionId={versions.current.id}
            versionLabel={versionTitle(versions.current.label)}
          />
        </>
      )}
    </section>
  );
}
