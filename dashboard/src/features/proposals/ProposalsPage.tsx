// Usulan / Proposals (/usulan): the proposals funnel of the URL's version and region (a rollup written at
// publication, kept down to kabupaten/kota): headline figures, the funnel along the workflow, tables by
// status, path and kind with the median days to decision, sub-regions ranked by volume or turnaround
// (`urut`, `arah`; a row drills down), and the list of proposals (`status`, `jalur`, `jenis`, `setelah`, `hal`).
import { useAppState } from '../../app/navigation';
import { ViewFrame } from '../../shared/components/ViewFrame';
import { useMessages } from '../../shared/i18n';
import { versionName } from '../../shared/labels';
import { useRegionName } from '../../shared/useRegionName';
import { useVersionContext } from '../../shared/useVersionContext';
import { FunnelSection } from './components/FunnelSection';
import { ProposalList } from './components/ProposalList';
import { SubRegionsSection } from './components/SubRegionsSection';
import { funnelRegionCode, hasSubRegions } from './funnel';
import { proposalsMessages } from './messages';
import './proposals.css';

const TITLE_ID = 'proposals-title';

export function ProposalsPage() {
  const t = useMessages(proposalsMessages);
  const { regionCode: urlRegion } = useAppState();
  const regionCode = funnelRegionCode(urlRegion);
  const versions = useVersionContext();
  const regionName = useRegionName(regionCode);

  const ready = versions.status === 'ready' ? versions : null;
  const versionLabel = ready ? versionName(ready.current.label) : '';
  const title = ready && regionName !== null ? t.title(regionName, versionLabel) : t.titleLoading;

  return (
    <ViewFrame testId="view-proposals" className="proposals" title={title} titleId={TITLE_ID} versions={versions}>
      {({ current }) => (
        <>
          <p className="proposals-intro">{t.intro}</p>
          {regionCode !== urlRegion && regionName !== null && <p className="proposals-note" role="note">{t.shownAtRegency(regionName)}</p>}
          <FunnelSection regionCode={regionCode} regionName={regionName ?? regionCode} versionId={current.id} versionLabel={versionLabel} />
          {hasSubRegions(regionCode) ? (
            <SubRegionsSection regionCode={regionCode} regionName={regionName ?? regionCode} versionId={current.id} versionLabel={versionLabel} />
          ) : (
            <p className="proposals-note">{t.noSubRegions}</p>
          )}
          <ProposalList regionCode={regionCode} regionName={regionName ?? regionCode} versionId={current.id} versionLabel={versionLabel} />
        </>
      )}
    </ViewFrame>
  );
}
