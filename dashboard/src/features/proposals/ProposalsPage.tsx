// Usulan / Proposals (/usulan): the proposals funnel of the URL's version and region (a rollup written at
// publication, kept down to kabupaten/kota): headline figures, the funnel along the workflow, tables by
// status, path and kind with the median days to decision, sub-regions ranked by volume or turnaround
// (`urut`, `arah`; a row drills down), and the list of proposals (`status`, `jalur`, `jenis`, `setelah`, `hal`).
import { useQuery } from 'urql';
import { useAppState } from '../../app/navigation';
import { NATION_CODE } from '../../app/url-state';
import { RegionPathDocument } from '../../generated/graphql';
import { ErrorPanel, LoadingPanel } from '../../shared/components/LoadState';
import { useMessages } from '../../shared/i18n';
import { sharedMessages } from '../../shared/messages';
import { useVersionContext } from '../../shared/useVersionContext';
import { FunnelSection } from './components/FunnelSection';
import { ProposalList } from './components/ProposalList';
import { SubRegionsSection } from './components/SubRegionsSection';
import { funnelRegionCode, hasSubRegions } from './funnel';
import { proposalsMessages } from './messages';
import './proposals.css';

const TITLE_ID = 'proposals-title';

/** "DTSEN 2025-Q3" from "2025-Q3" (labels that already say DTSEN are kept). */
export function versionTitle(label: string): string {
  return /^DTSEN\b/i.test(label) ? label : `DTSEN ${label}`;
}

export function ProposalsPage() {
  const t = useMessages(proposalsMessages);
  const shared = useMessages(sharedMessages);
  const { regionCode: urlRegion } = useAppState();
  const regionCode = funnelRegionCode(urlRegion);
  const versions = useVersionContext();
  const [path] = useQuery({ query: RegionPathDocument, variables: { code: regionCode }, pause: regionCode === NATION_CODE });
  const regionName = regionCode === NATION_CODE ? shared.nation : (path.data?.region?.name ?? null);

  const ready = versions.status === 'ready' ? versions : null;
  const versionLabel = ready ? versionTitle(ready.current.label) : '';
  const title = ready && regionName !== null ? t.title(regionName, versionLabel) : t.titleLoading;

  return (
    <section className="view proposals" data-testid="view-proposals" aria-labelledby={TITLE_ID}>
      <h2 id={TITLE_ID}>{title}</h2>
      {versions.status === 'loading' && <LoadingPanel label={shared.loading} />}
      {versions.status === 'error' && <ErrorPanel message={versions.message} retry={versions.retry} />}
      {versions.status === 'empty' && (
        <div className="panel panel--state" role="status">
          <strong>{shared.noVersionTitle}</strong>
          <p>{shared.noVersionDetail}</p>
        </div>
      )}
      {ready && (
        <>
          <p className="proposals-intro">{t.intro}</p>
          {regionCode !== urlRegion && regionName !== null && <p className="proposals-note" role="note">{t.shownAtRegency(regionName)}</p>}
          <FunnelSection regionCode={regionCode} regionName={regionName ?? regionCode} versionId={ready.current.id} versionLabel={versionLabel} />
          {hasSubRegions(regionCode) ? (
            <SubRegionsSection regionCode={regionCode} regionName={regionName ?? regionCode} versionId={ready.current.id} versionLabel={versionLabel} />
          ) : (
            <p className="proposals-note">{t.noSubRegions}</p>
          )}
          <ProposalList regionCode={regionCode} regionName={regionName ?? regionCode} versionId={ready.current.id} versionLabel={versionLabel} />
        </>
      )}
    </section>
  );
}
