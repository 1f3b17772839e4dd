// The overview ("Ringkasan"): headline figures of the region and version in the URL, each with its change
// since the previous published version, and one row per program (coverage, errors, quota) linking to the
// Targeting and Quota views. One GraphQL round trip (OverviewFigures) besides the shared Versions list.
import { useId } from 'react';
import { useQuery } from 'urql';
import { useAppState } from '../../app/navigation';
import { OverviewFiguresDocument, type VersionFieldsFragment } from '../../generated/graphql';
import { LoadState } from '../../shared/components/LoadState';
import { ViewFrame } from '../../shared/components/ViewFrame';
import { useMessages } from '../../shared/i18n';
import { versionName, viewTitle } from '../../shared/labels';
import { useVersionContext } from '../../shared/useVersionContext';
import { HeadlineCards } from './components/HeadlineCards';
import { ProgramTable } from './components/ProgramTable';
import { overviewMessages } from './messages';
import { overviewVariables, toHeadline, toProgramRows } from './overview';
import './overview.css';

const IDLE_VARIABLES = overviewVariables('ID', 0, null);

export function OverviewPage() {
  const t = useMessages(overviewMessages);
  const { regionCode } = useAppState();
  const versions = useVersionContext();
  const ready = versions.status === 'ready' ? versions : null;
  const variables = ready ? overviewVariables(regionCode, ready.current.id, ready.previous?.id ?? null) : null;
  const [result, reexecute] = useQuery({ query: OverviewFiguresDocument, variables: variables ?? IDLE_VARIABLES, pause: variables === null });
  const data = result.data ?? undefined;

  const title = viewTitle(t.title, data?.current.region.name, ready ? versionName(ready.current.label) : null);

  return (
    <ViewFrame testId="view-overview" className="overview" title={title} versions={versions}>
      {({ current, previous }) => (
        <LoadState
          fetching={result.fetching}
          error={result.error}
          retry={() => reexecute({ requestPolicy: 'network-only' })}
          hasData={data !== undefined}
          empty={data?.current.totalFamilies === 0}
          emptyTitle={t.noFamilies}
        >
          {data && (
            <OverviewContent
              headline={toHeadline(data)}
              rows={toProgramRows(data, regionCode, current.id, previous?.id ?? null)}
              regionCode={regionCode}
              version={current}
              previous={previous}
            />
          )}
        </LoadState>
      )}
    </ViewFrame>
  );
}

interface OverviewContentProps {
  headline: ReturnType<typeof toHeadline>;
  rows: ReturnType<typeof toProgramRows>;
  regionCode: string;
  version: VersionFieldsFragment;
  previous: VersionFieldsFragment | null;
}

function OverviewContent({ headline, rows, regionCode, version, previous }: OverviewContentProps) {
  const t = useMessages(overviewMessages);
  const headingId = useId();
  return (
    <div className="overview__body">
      <HeadlineCards headline={headline} previous={previous} />
      {previous === null && <p className="overview__note">{t.noPrevious}</p>}
      <section className="overview__programs" aria-labelledby={headingId}>
        <h3 id={headingId} className="overview__subtitle">
          {t.programsTitle}
        </h3>
        <ProgramTable rows={rows} regionCode={regionCode} regionName={headline.regionName} version={version} previous={previous} />
      </section>
    </div>
  );
}
