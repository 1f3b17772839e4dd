import { useMemo } from 'react';
import { useQuery } from 'urql';
import { hrefFor, navigate, onLinkClick, useAppState } from '../../../app/navigation';
import { ProposalsSubRegionsDocument } from '../../../generated/graphql';
import { DataTable, sortRows, type Column, type SortState } from '../../../shared/components/DataTable';
import { LoadState } from '../../../shared/components/LoadState';
import { useMessages } from '../../../shared/i18n';
import { levelName, sharedMessages } from '../../../shared/messages';
import { isWithheld } from '../../../shared/small-cells';
import { formatDays, isSubRegionSortKey, turnaroundOfGroup, type FunnelGroup } from '../funnel';
import { proposalsMessages } from '../messages';
import { medianText } from './FunnelSection';

type SubRegionGroup = FunnelGroup & { region: { code: string; name: string; level: 'NATION' | 'PROVINCE' | 'REGENCY' | 'DISTRICT' | 'VILLAGE' } | null };

export interface SubRegionsSectionProps {
  regionCode: string;
  regionName: string;
  versionId: number;
  versionLabel: string;
}

const DEFAULT_SORT: SortState = { key: 'proposals', direction: 'desc' };

/** The sort of the table from the URL (`urut`, `arah`), default most proposals first. */
export function sortFromParams(params: Readonly<Record<string, string>>): SortState {
  const key = params.urut;
  if (key === undefined || !isSubRegionSortKey(key)) return DEFAULT_SORT;
  return { key, direction: params.arah === 'asc' ? 'asc' : 'desc' };
}

/** Provinces of the nation or kabupaten/kota of a province, ranked by volume or turnaround; a row drills down. */
export function SubRegionsSection({ regionCode, regionName, versionId, versionLabel }: SubRegionsSectionProps) {
  const t = useMessages(proposalsMessages);
  const shared = useMessages(sharedMessages);
  const { params } = useAppState();
  const sort = sortFromParams(params);
  const [result, reexecute] = useQuery({ query: ProposalsSubRegionsDocument, variables: { regionCode, versionId } });
  const groups = result.data?.proposalFunnel.groups;

  const columns = useMemo<Column<SubRegionGroup>[]>(
    () => [
      {
        key: 'name',
        header: t.colRegion,
        value: (row) => row.region?.name ?? row.key,
        rowHeader: true,
        render: (row) => (
          <a href={hrefFor({ regionCode: row.key })} onClick={onLinkClick({ regionCode: row.key })}>
            {row.region?.name ?? row.key}
          </a>
        ),
      },
      { key: 'proposals', header: t.colProposals, value: (row) => row.proposals, format: 'count' },
      { key: 'share', header: t.colShare, value: (row) => row.share, format: 'share', unsortable: true },
      { key: 'decided', header: t.colDecided, value: (row) => row.decidedProposals, format: 'count' },
      {
        key: 'median',
        header: t.colMedian,
        value: (row) => row.medianDaysToDecision,
        format: 'count',
        withheld: (row) => isWithheld(row, 'medianDaysToDecision'),
        render: (row) => medianText(turnaroundOfGroup(row), t),
      },
      {
        key: 'min',
        header: t.colRangeMin,
        value: (row) => row.cellMedianDaysMin,
        format: 'count',
        withheld: (row) => isWithheld(row, 'cellMedianDaysMin'),
        unsortable: true,
        render: (row) => (row.cellMedianDaysMin === null ? '–' : formatDays(row.cellMedianDaysMin)),
      },
      {
        key: 'max',
        header: t.colRangeMax,
        value: (row) => row.cellMedianDaysMax,
        format: 'count',
        withheld: (row) => isWithheld(row, 'cellMedianDaysMax'),
        unsortable: true,
        render: (row) => (row.cellMedianDaysMax === null ? '–' : formatDays(row.cellMedianDaysMax)),
      },
    ],
    [t],
  );
  const rows = useMemo(
    () => (groups ? sortRows(groups, columns.find((column) => column.key === sort.key), sort.direction) : []),
    [groups, columns, sort.key, sort.direction],
  );
  const childLevel = groups?.[0]?.region?.level ?? (regionCode === 'ID' ? 'PROVINCE' : 'REGENCY');

  return (
    <section className="panel proposals-section" aria-labelledby="proposals-regions-heading">
      <h3 id="proposals-regions-heading">{t.regionsHeading}</h3>
      <LoadState
        fetching={result.fetching}
        error={result.error}
        hasData={groups !== undefined}
        empty={groups?.length === 0}
        emptyTitle={t.subRegionsEmpty}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
      >
        <DataTable
          caption={t.regionsCaption(levelName(shared, childLevel))}
          columns={columns}
          rows={rows}
          rowKey={(row) => row.key}
          csvName={['usulan-wilayah', regionName, versionLabel]}
          sort={sort}
          onSortChange={(next) => navigate({ params: { urut: next.key, arah: next.direction } }, { keepScroll: true })}
          onRowSelect={(row) => navigate({ regionCode: row.key })}
          testId="proposals-regions"
        />
      </LoadState>
    </section>
  );
}
