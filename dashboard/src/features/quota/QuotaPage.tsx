// Kuota (regional quota) of the URL's program and version: the 514 kabupaten/kota (or a province's) with
// quota, recipients, gap and status, and the reallocation plan of the one opened (`kab=`). A region at
// kabupaten level or below opens that kabupaten's plan at once, its province listed around it.
import './quota.css';
import { useQuery } from 'urql';
import { navigate, useAppState } from '../../app/navigation';
import type { ProgramCodeValue } from '../../app/url-state';
import { ProgramsDocument, QuotaNationalRecipientsDocument } from '../../generated/graphql';
import { ErrorPanel, LoadingPanel } from '../../shared/components/LoadState';
import { ViewFrame } from '../../shared/components/ViewFrame';
import { useMessages } from '../../shared/i18n';
import { programLabel, versionName, viewTitle } from '../../shared/labels';
import { sharedMessages } from '../../shared/messages';
import { useRegionName } from '../../shared/useRegionName';
import { useVersionContext } from '../../shared/useVersionContext';
import { QuotaList } from './components/QuotaList';
import { ReallocationPanel } from './components/ReallocationPanel';
import { quotaMessages } from './messages';
import { closePlanChange, parseNationalQuota, quotaScope } from './shape';

export function QuotaPage() {
  const t = useMessages(quotaMessages);
  const { programCode, regionCode, params } = useAppState();
  const versions = useVersionContext();
  const scope = quotaScope(regionCode, params.kab);
  // The quota stops at the kabupaten/kota: a kecamatan or desa is shown as its kabupaten.
  const shownCode = scope.homeRegency ?? regionCode;
  const regionName = useRegionName(shownCode) ?? shownCode;
  const title = viewTitle(t.title(programLabel(programCode)), regionName, versions.status === 'ready' ? versionName(versions.current.label) : null);

  return (
    <ViewFrame testId="view-quota" className="quota" title={title} versions={versions}>
      {({ current }) => (
        <QuotaBody programCode={programCode} versionId={current.id} versionLabel={versionName(current.label)} regionName={regionName} />
      )}
    </ViewFrame>
  );
}

interface QuotaBodyProps {
  programCode: ProgramCodeValue;
  versionId: number;
  versionLabel: string;
  regionName: string;
}

function QuotaBody({ programCode, versionId, versionLabel, regionName }: QuotaBodyProps) {
  const shared = useMessages(sharedMessages);
  const { regionCode, params } = useAppState();
  const scope = quotaScope(regionCode, params.kab);
  const [programs, reexecutePrograms] = useQuery({ query: ProgramsDocument });
  const program = programs.data?.programs.find((candidate) => candidate.code === programCode);
  const assessed = program !== undefined && program.nationalQuota === null;
  const chosenQuota = parseNationalQuota(params.kuota);
  const [recipients, reexecuteRecipients] = useQuery({
    query: QuotaNationalRecipientsDocument,
    variables: { programCode, versionId },
    pause: !assessed,
  });
  const defaultQuota = recipients.data?.targetingErrors.summary.recipients ?? null;
  const nationalQuota = assessed ? (chosenQuota ?? defaultQuota ?? undefined) : undefined;

  if (programs.error && !programs.data)
    return <ErrorPanel message={programs.error.message} retry={() => reexecutePrograms({ requestPolicy: 'network-only' })} />;
  if (assessed && chosenQuota === null && recipients.error && !recipients.data)
    return <ErrorPanel message={recipients.error.message} retry={() => reexecuteRecipients({ requestPolicy: 'network-only' })} />;
  if (!program || (assessed && nationalQuota === undefined)) return <LoadingPanel label={shared.loading} />;

  const csvName = ['kuota', programLabel(programCode), regionName, versionLabel];
  const list = (
    <QuotaList
      key="list"
      programCode={programCode}
      versionId={versionId}
      nationalQuota={nationalQuota}
      provinceCode={scope.provinceCode}
      openRegency={scope.openRegency}
      regionName={regionName}
      versionLabel={versionLabel}
      programQuota={program.nationalQuota ?? null}
      defaultQuota={defaultQuota}
      csvName={csvName}
    />
  );
  const panel = scope.openRegency !== null && (
    <ReallocationPanel
      key="panel"
      programCode={programCode}
      versionId={versionId}
      nationalQuota={nationalQuota}
      regencyCode={scope.openRegency}
      desilMin={program.desilMin}
      desilMax={program.desilMax}
      onClose={() => navigate(closePlanChange(regionCode))}
      focusOnOpen={params.kab !== undefined}
      csvName={['rencana-realokasi', programLabel(programCode), versionLabel]}
    />
  );
  // A regional head's own kabupaten comes first; a plan opened from the list follows the list.
  const ownFirst = scope.homeRegency !== null && scope.openRegency === scope.homeRegency;
  return <div className="quota__body">{ownFirst ? [panel, list] : [list, panel]}</div>;
}
