import { useMemo } from 'react';
import { useQuery } from 'urql';
import { ProposalsFunnelDocument, type ProposalKind, type ProposalPath, type ProposalStatus } from '../../../generated/graphql';
import { DataTable, type Column } from '../../../shared/components/DataTable';
import { LoadState } from '../../../shared/components/LoadState';
import { formatCount, formatShare } from '../../../shared/format';
import { OrSmallCell, SmallCell, SmallCellNote } from '../../../shared/components/SmallCell';
import { useMessages } from '../../../shared/i18n';
import { formatOrMark, shareOrNull, smallCellMark, useSmallCellThreshold } from '../../../shared/small-cells';
import {
  breakdown,
  formatDays,
  KIND_ORDER,
  PATH_ORDER,
  STATUS_ORDER,
  toFunnel,
  turnaroundOf,
  turnaroundOfGroup,
  type BreakdownRow,
  type Funnel,
  type FunnelGroup,
  type Turnaround,
} from '../funnel';
import { proposalsMessages, type ProposalsMessages } from '../messages';

export interface FunnelSectionProps {
  regionCode: string;
  regionName: string;
  versionId: number;
  versionLabel: string;
}

/** Headline figures, the funnel chart, and the tables by status, path and kind of one region and version. */
export function FunnelSection({ regionCode, regionName, versionId, versionLabel }: FunnelSectionProps) {
  const t = useMessages(proposalsMessages);
  const [result, reexecute] = useQuery({ query: ProposalsFunnelDocument, variables: { regionCode, versionId } });
  const data = result.data?.byStatus ? result.data : undefined;
  const funnel = useMemo(() => (data ? toFunnel(data.byStatus.groups, data.byStatus.totalProposals) : null), [data]);
  const turnaround = useMemo(() => (data ? turnaroundOf(data.byStatus.cells) : null), [data]);

  return (
    <LoadState
      fetching={result.fetching}
      error={result.error}
      hasData={data !== undefined}
      empty={data?.byStatus.totalProposals === 0}
      emptyTitle={t.empty}
      retry={() => reexecute({ requestPolicy: 'network-only' })}
    >
      {data && funnel && turnaround && (
        <div className="proposals-stack">
          <Headline funnel={funnel} turnaround={turnaround} t={t} />
          <section className="panel proposals-section" aria-labelledby="proposals-funnel-heading">
            <h3 id="proposals-funnel-heading">{t.funnelHeading}</h3>
            <FunnelChart funnel={funnel} caption={t.funnelCaption(regionName, versionLabel)} t={t} />
            <StatusTable groups={data.byStatus.groups} caption={t.statusTableCaption(regionName, versionLabel)} csvName={['usulan-status', regionName, versionLabel]} t={t} />
          </section>
          <section className="panel proposals-section" aria-labelledby="proposals-paths-heading">
            <h3 id="proposals-paths-heading">{t.byPathHeading}</h3>
            <BreakdownTable
              rows={breakdown<ProposalPath>(data.byStatus.cells, data.byPath.groups, 'path', PATH_ORDER, data.byStatus.totalProposals)}
              header={t.colPath}
              label={t.path}
              caption={t.pathTableCaption}
              csvName={['usulan-jalur', regionName, versionLabel]}
              testId="proposals-paths"
              t={t}
            />
            <BreakdownTable
              rows={breakdown<ProposalKind>(data.byStatus.cells, data.byKind.groups, 'kind', KIND_ORDER, data.byStatus.totalProposals)}
              header={t.colKind}
              label={t.kind}
              caption={t.kindTableCaption}
              csvName={['usulan-jenis', regionName, versionLabel]}
              testId="proposals-kinds"
              t={t}
            />
          </section>
        </div>
      )}
    </LoadState>
  );
}

/** "48 hari" (exact) or "≈ 48 hari"; "–" when nothing is decided (a withheld median is shown by the caller). */
export function medianText(turnaround: Turnaround, t: ProposalsMessages): string {
  if (turnaround.median === null) return '–';
  return `${turnaround.exact ? '' : '≈ '}${t.days(formatDays(turnaround.median))}`;
}

function rangeText(turnaround: Turnaround, t: ProposalsMessages): string | null {
  if (turnaround.min === null || turnaround.max === null) return null;
  return t.range(formatDays(turnaround.min), formatDays(turnaround.max));
}

function Headline({ funnel, turnaround, t }: { funnel: Funnel; turnaround: Turnaround; t: ProposalsMessages }) {
  const range = rangeText(turnaround, t);
  const mark = smallCellMark(useSmallCellThreshold());
  return (
    <dl className="headline proposals-headline" data-testid="proposals-headline">
      <div className="figure-card headline__item">
        <dt>{t.headTotal}</dt>
        <dd>
          <OrSmallCell value={funnel.total} format={formatCount} />
        </dd>
      </div>
      <div className="figure-card headline__item">
        <dt>{t.headOpen}</dt>
        <dd>
          <OrSmallCell value={funnel.open} format={formatCount} /> <small>{formatOrMark(shareOrNull(funnel.open, funnel.total), formatShare, mark)}</small>
        </dd>
      </div>
      <div className="figure-card headline__item">
        <dt>{t.headDecided}</dt>
        <dd>
          <OrSmallCell value={funnel.decided} format={formatCount} />{' '}
          {funnel.approvalRateWithheld ? (
            <small>{t.headApproval(mark)}</small>
          ) : (
            funnel.approvalRate !== null && <small>{t.headApproval(formatShare(funnel.approvalRate))}</small>
          )}
        </dd>
      </div>
      <div className="figure-card headline__item headline__item--accent">
        <dt>{t.headMedian}</dt>
        <dd>
          {turnaround.withheld ? <SmallCell /> : turnaround.median === null ? <small>{t.notDecided}</small> : medianText(turnaround, t)}
          {turnaround.median !== null && range && <small>{turnaround.exact ? t.exactMedian : t.approxMedian(range)}</small>}
        </dd>
      </div>
    </dl>
  );
}

function FunnelChart({ funnel, caption, t }: { funnel: Funnel; caption: string; t: ProposalsMessages }) {
  const mark = smallCellMark(useSmallCellThreshold());
  // A withheld stage (a small cell, or computed from one) has no bar and reads "<5".
  const width = (count: number | null) => `${((shareOrNull(count, funnel.total) ?? 0) * 100).toFixed(1)}%`;
  const share = (count: number | null) => formatOrMark(shareOrNull(count, funnel.total), formatShare, mark);
  const count = (value: number | null) => formatOrMark(value, formatCount, mark);
  const anyLowerBound = funnel.stages.some((stage) => stage.lowerBound);
  return (
    <figure className="proposals-funnel" data-testid="proposals-funnel">
      <figcaption className="proposals-funnel__caption">{caption}</figcaption>
      <ol className="proposals-funnel__stages" aria-label={t.funnelAria}>
        {funnel.stages.map((stage) => (
          <li key={stage.status} className={`proposals-funnel__stage proposals-funnel__stage--${stage.status.toLowerCase()}`} data-reached={stage.reached ?? undefined}>
            <span className="proposals-funnel__label">{t.stage(stage.status)}</span>
            <span className="proposals-funnel__track" aria-hidden="true">
              <span className="proposals-funnel__bar" style={{ width: width(stage.reached) }} />
            </span>
            <span className="proposals-funnel__value">
              {stage.lowerBound ? t.atLeast(count(stage.reached), share(stage.reached)) : t.reached(count(stage.reached), share(stage.reached))}
            </span>
            {stage.status !== 'APPROVED' && (
              <span className="proposals-funnel__waiting">{t.waiting(count(stage.waiting), t.statusHint(stage.status))}</span>
            )}
          </li>
        ))}
        <li className="proposals-funnel__stage proposals-funnel__stage--rejected" data-reached={funnel.rejected ?? undefined}>
          <span className="proposals-funnel__label">{t.stage('REJECTED')}</span>
          <span className="proposals-funnel__track" aria-hidden="true">
            <span className="proposals-funnel__bar" style={{ width: width(funnel.rejected) }} />
          </span>
          <span className="proposals-funnel__value">{t.reached(count(funnel.rejected), share(funnel.rejected))}</span>
          <span className="proposals-funnel__waiting">{t.statusHint('REJECTED')}</span>
        </li>
      </ol>
      {anyLowerBound && <p className="proposals-note">{t.lowerBoundNote}</p>}
      <SmallCellNote show={funnel.rejected === null || funnel.stages.some((stage) => stage.reached === null || stage.waiting === null)} />
    </figure>
  );
}

function turnaroundColumns<Row>(get: (row: Row) => Turnaround, t: ProposalsMessages): Column<Row>[] {
  // Null also means "nothing decided" ("–"): only a withheld turnaround reads "<5".
  const withheld = (row: Row) => get(row).withheld;
  return [
    { key: 'median', header: t.colMedian, value: (row) => get(row).median, format: 'count', withheld, render: (row) => medianText(get(row), t) },
    { key: 'min', header: t.colRangeMin, value: (row) => get(row).min, format: 'count', withheld, render: (row) => fmtDays(get(row).min) },
    { key: 'max', header: t.colRangeMax, value: (row) => get(row).max, format: 'count', withheld, render: (row) => fmtDays(get(row).max) },
  ];
}

function fmtDays(days: number | null): string {
  return days === null ? '–' : formatDays(days);
}

function StatusTable({ groups, caption, csvName, t }: { groups: readonly FunnelGroup[]; caption: string; csvName: readonly string[]; t: ProposalsMessages }) {
  const rows = STATUS_ORDER.map((status) => ({ status, group: groups.find((group) => group.key === status) })).filter(
    (row): row is { status: ProposalStatus; group: FunnelGroup } => row.group !== undefined,
  );
  const columns: Column<(typeof rows)[number]>[] = [
    { key: 'status', header: t.colStatus, value: (row) => t.status(row.status), rowHeader: true, unsortable: true },
    { key: 'meaning', header: t.colMeaning, value: (row) => t.statusHint(row.status), unsortable: true, className: 'proposals-wrap' },
    { key: 'proposals', header: t.colProposals, value: (row) => row.group.proposals, format: 'count' },
    { key: 'share', header: t.colShare, value: (row) => row.group.share, format: 'share' },
    ...turnaroundColumns((row: (typeof rows)[number]) => turnaroundOfGroup(row.group), t),
  ];
  return <DataTable caption={caption} columns={columns} rows={rows} rowKey={(row) => row.status} csvName={csvName} testId="proposals-table" />;
}

interface BreakdownTableProps<K extends string> {
  rows: readonly BreakdownRow<K>[];
  header: string;
  label: (key: K) => string;
  caption: string;
  csvName: readonly string[];
  testId: string;
  t: ProposalsMessages;
}

function BreakdownTable<K extends string>({ rows, header, label, caption, csvName, testId, t }: BreakdownTableProps<K>) {
  const columns: Column<BreakdownRow<K>>[] = [
    { key: 'key', header, value: (row) => label(row.key), rowHeader: true, className: 'proposals-label' },
    { key: 'proposals', header: t.colProposals, value: (row) => row.proposals, format: 'count' },
    { key: 'share', header: t.colShare, value: (row) => row.share, format: 'share' },
    { key: 'open', header: t.colOpen, value: (row) => row.open, format: 'count' },
    { key: 'approved', header: t.colApproved, value: (row) => row.approved, format: 'count' },
    { key: 'rejected', header: t.colRejected, value: (row) => row.rejected, format: 'count' },
    { key: 'approvalRate', header: t.colApprovalRate, value: (row) => row.approvalRate, format: 'share', withheld: (row) => row.approvalRateWithheld },
    ...turnaroundColumns((row: BreakdownRow<K>) => row.turnaround, t),
  ];
  return <DataTable caption={caption} columns={columns} rows={rows} rowKey={(row) => row.key} csvName={csvName} testId={testId} />;
}
