import { useId } from 'react';
import { useClient, useQuery, type OperationResult } from 'urql';
import { navigate, useAppState } from '../../../app/navigation';
import {
  ProposalsListDocument,
  type ProposalFilter,
  type ProposalKind,
  type ProposalPath,
  type ProposalsListQuery,
  type ProposalStatus,
} from '../../../generated/graphql';
import { DataTable, type Column } from '../../../shared/components/DataTable';
import { LoadState } from '../../../shared/components/LoadState';
import { formatCount, formatDate } from '../../../shared/format';
import { useMessages } from '../../../shared/i18n';
import { KIND_ORDER, PATH_ORDER, STATUS_ORDER } from '../funnel';
import { proposalsMessages } from '../messages';

type ProposalRow = ProposalsListQuery['proposals']['edges'][number]['node'];

export const PAGE_SIZE = 20;
/** Most rows a CSV export fetches (in pages of 100). */
export const EXPORT_LIMIT = 5000;

export interface ProposalListProps {
  regionCode: string;
  regionName: string;
  versionId: number;
  versionLabel: string;
}

function pick<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  return allowed.find((candidate) => candidate === value);
}

/** The list filter from the URL: `status`, `jalur` (path), `jenis` (kind); unknown values are ignored. */
export function listFilter(params: Readonly<Record<string, string>>, regionCode: string, versionId: number): ProposalFilter {
  const status = pick<ProposalStatus>(params.status, STATUS_ORDER);
  const path = pick<ProposalPath>(params.jalur, PATH_ORDER);
  const kind = pick<ProposalKind>(params.jenis, KIND_ORDER);
  return {
    regionCode,
    submittedVersionId: versionId,
    ...(status ? { status } : {}),
    ...(path ? { path } : {}),
    ...(kind ? { kind } : {}),
  };
}

/**
 * The proposals themselves, a page at a time (cursor `setelah` and page number `hal` in the URL), filtered by
 * status, path and kind. Their current status, not the publication snapshot; no family data.
 */
export function ProposalList({ regionCode, regionName, versionId, versionLabel }: ProposalListProps) {
  const t = useMessages(proposalsMessages);
  const client = useClient();
  const { params } = useAppState();
  const statusId = useId();
  const pathId = useId();
  const kindId = useId();
  const filter = listFilter(params, regionCode, versionId);
  const after = params.setelah ?? null;
  const page = Math.max(1, Number.parseInt(params.hal ?? '1', 10) || 1);
  const [result, reexecute] = useQuery({ query: ProposalsListDocument, variables: { filter, first: PAGE_SIZE, after } });
  const connection = result.data?.proposals;
  const rows = connection?.edges.map((edge) => edge.node) ?? [];

  const setFilter = (key: 'status' | 'jalur' | 'jenis', value: string) =>
    navigate({ params: { [key]: value, setelah: null, hal: null } }, { keepScroll: true });

  const exportRows = async (): Promise<ProposalRow[]> => {
    const all: ProposalRow[] = [];
    let cursor: string | null = null;
    for (;;) {
      const answer: OperationResult<ProposalsListQuery> = await client
        .query(ProposalsListDocument, { filter, first: 100, after: cursor })
        .toPromise();
      if (answer.error) throw answer.error;
      const pageData: ProposalsListQuery['proposals'] | undefined = answer.data?.proposals;
      if (!pageData) break;
      all.push(...pageData.edges.map((edge) => edge.node));
      cursor = pageData.pageInfo.endCursor;
      if (!pageData.pageInfo.hasNextPage || cursor === null || all.length >= EXPORT_LIMIT) break;
    }
    return all.slice(0, EXPORT_LIMIT);
  };

  const columns: Column<ProposalRow>[] = [
    { key: 'id', header: t.colId, value: (row) => row.id, rowHeader: true },
    { key: 'submitted', header: t.colSubmitted, value: (row) => row.submittedAt.slice(0, 10), render: (row) => formatDate(row.submittedAt) ?? '–' },
    { key: 'kind', header: t.colKind, value: (row) => t.kind(row.kind) },
    { key: 'path', header: t.colPath, value: (row) => t.pathShort(row.path) },
    { key: 'program', header: t.colProgram, value: (row) => (row.programCode ? t.program(row.programCode) : t.noProgram) },
    {
      key: 'village',
      header: t.colVillage,
      value: (row) => (row.village.parent ? `${row.village.name}, ${row.village.parent.name}` : row.village.name),
      render: (row) => (
        <>
          {row.village.name}
          {row.village.parent && <span className="proposals-muted">, {row.village.parent.name}</span>}
        </>
      ),
    },
    {
      key: 'status',
      header: t.colStatus,
      value: (row) => t.status(row.status),
      render: (row) => <span className={`proposals-status proposals-status--${row.status.toLowerCase()}`}>{t.status(row.status)}</span>,
    },
    { key: 'decided', header: t.colDecidedAt, value: (row) => row.decidedAt?.slice(0, 10) ?? null, render: (row) => formatDate(row.decidedAt) ?? '–' },
  ];

  return (
    <section className="panel proposals-section" aria-labelledby="proposals-list-heading">
      <h3 id="proposals-list-heading">{t.listHeading}</h3>
      <p className="proposals-note">{t.listNote}</p>
      <div className="proposals-filters">
        <div className="picker">
          <label htmlFor={statusId}>{t.filterStatus}</label>
          <select id={statusId} value={filter.status ?? ''} onChange={(event) => setFilter('status', event.target.value)} data-testid="proposals-filter-status">
            <option value="">{t.all}</option>
            {STATUS_ORDER.map((status) => (
              <option key={status} value={status}>
                {t.status(status)}
              </option>
            ))}
          </select>
        </div>
        <div className="picker">
          <label htmlFor={pathId}>{t.filterPath}</label>
          <select id={pathId} value={filter.path ?? ''} onChange={(event) => setFilter('jalur', event.target.value)}>
            <option value="">{t.all}</option>
            {PATH_ORDER.map((path) => (
              <option key={path} value={path}>
                {t.pathShort(path)}
              </option>
            ))}
          </select>
        </div>
        <div className="picker">
          <label htmlFor={kindId}>{t.filterKind}</label>
          <select id={kindId} value={filter.kind ?? ''} onChange={(event) => setFilter('jenis', event.target.value)}>
            <option value="">{t.all}</option>
            {KIND_ORDER.map((kind) => (
              <option key={kind} value={kind}>
                {t.kind(kind)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <LoadState
        fetching={result.fetching}
        error={result.error}
        hasData={connection !== undefined}
        empty={connection?.totalCount === 0}
        emptyTitle={t.listEmpty}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
      >
        {connection && (
          <>
            <DataTable
              caption={t.listCaption(regionName, versionLabel)}
              columns={columns}
              rows={rows}
              rowKey={(row) => String(row.id)}
              csvName={['usulan-daftar', regionName, versionLabel]}
              exportRows={exportRows}
              sort={undefined}
              onSortChange={() => undefined}
              testId="proposals-list"
            />
            <nav className="pager" aria-label={t.listPage(page, formatCount(connection.totalCount))}>
              <span className="pager__range">{t.listPage(page, formatCount(connection.totalCount))}</span>
              <button
                type="button"
                className="button button--quiet"
                disabled={after === null}
                onClick={() => navigate({ params: { setelah: null, hal: null } }, { keepScroll: true })}
              >
                {t.firstPage}
              </button>
              <button
                type="button"
                className="button button--quiet"
                disabled={!connection.pageInfo.hasNextPage || connection.pageInfo.endCursor === null}
                onClick={() => navigate({ params: { setelah: connection.pageInfo.endCursor, hal: page + 1 } }, { keepScroll: true })}
              >
                {t.nextPage}
              </button>
            </nav>
          </>
        )}
      </LoadState>
    </section>
  );
}
