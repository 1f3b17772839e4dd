import { useEffect, useId, useMemo } from 'react';
import { useClient, useQuery } from 'urql';
import { hrefFor, navigate, onLinkClick, useAppState } from '../../../app/navigation';
import type { ProgramCodeValue, RegionLevelValue } from '../../../app/url-state';
import { TargetingSubRegionsDocument, type TargetingSubRegionsQuery } from '../../../generated/graphql';
import { DataTable, type Column } from '../../../shared/components/DataTable';
import { LoadState } from '../../../shared/components/LoadState';
import { Pager } from '../../../shared/components/Pager';
import { formatShare } from '../../../shared/format';
import { useMessages } from '../../../shared/i18n';
import { levelName, sharedMessages } from '../../../shared/messages';
import { formatSortParam } from '../../../shared/sort-param';
import { targetingMessages, type TargetingMessages } from '../messages';
import {
  DEFAULT_SUB_REGION_SORT,
  parseOffset,
  parseSubRegionSort,
  SUB_REGION_SORT_KEYS,
  toTargetingSort,
  type SubRegionSortKey,
} from '../shape';

export type SubRegionRow = NonNullable<TargetingSubRegionsQuery['targetingErrors']['bySubRegion']>['rows'][number];

export const SUB_REGION_PAGE = 50;

export interface SubRegionSectionProps {
  programCode: ProgramCodeValue;
  regionCode: string;
  versionId: number;
  /** Level of the child regions; null when the region has none (a desa). */
  level: Exclude<RegionLevelValue, 'NATION'> | null;
  regionName: string;
  versionLabel: string;
  csvName: readonly string[];
}

function sortLabel(t: TargetingMessages, key: SubRegionSortKey): string {
  const labels: Record<SubRegionSortKey, string> = {
    name: t.region,
    recipients: t.recipients,
    eligible: t.eligible,
    inclusion_errors: t.inclusion,
    inclusion_rate: t.inclusionRate,
    exclusion_errors: t.exclusion,
    exclusion_rate: t.exclusionRate,
    coverage: t.coverage,
    leakage: t.leakage,
  };
  return labels[key];
}

/** A share with a bar scaled to the largest share of the page, so the worst regions stand out. */
function RateCell({ value, max, tone }: { value: number; max: number; tone: 'inclusion' | 'exclusion' }) {
  return (
    <span className="targeting-rate">
      <span className="targeting-rate__track" aria-hidden="true">
        <span className={`targeting-rate__bar targeting-rate__bar--${tone}`} style={{ width: `${max > 0 ? (value / max) * 100 : 0}%` }} />
      </span>
      {formatShare(value)}
    </span>
  );
}

/** The child regions ranked by the URL's order (`urut=`), paged (`mulai=`); a row drills down into it. */
export function SubRegionSection({ programCode, regionCode, versionId, level, regionName, versionLabel, csvName }: SubRegionSectionProps) {
  const t = useMessages(targetingMessages);
  const shared = useMessages(sharedMessages);
  const headingId = useId();
  const selectId = useId();
  const client = useClient();
  const { params } = useAppState();
  const sort = parseSubRegionSort(params.urut);
  const offset = parseOffset(params.mulai);
  const apiSort = toTargetingSort(sort);
  const [result, reexecute] = useQuery({
    query: TargetingSubRegionsDocument,
    variables: { programCode, regionCode, versionId, sort: apiSort, limit: SUB_REGION_PAGE, offset },
    pause: level === null,
  });
  const page = result.data?.targetingErrors.bySubRegion;
  const rows = useMemo(() => page?.rows ?? [], [page]);
  const total = page?.totalCount ?? 0;

  // A page past the end (the region changed under a `mulai=`) goes back to the first page.
  useEffect(() => {
    if (page && page.rows.length === 0 && page.totalCount > 0 && offset > 0) navigate({ params: { mulai: null } }, { replace: true });
  }, [page, offset]);

  const levelText = level ? levelName(shared, level) : '';
  const maxInclusion = Math.max(0, ...rows.map((row) => row.summary.inclusionRate ?? 0));
  const maxExclusion = Math.max(0, ...rows.map((row) => row.summary.exclusionRate ?? 0));

  const drill = (row: SubRegionRow) => ({ regionCode: row.region.code, params: { mulai: null } });
  const columns: Column<SubRegionRow>[] = [
    {
      key: 'name',
      header: t.region,
      value: (row) => row.region.name,
      format: 'text',
      rowHeader: true,
      render: (row) => (
        <a href={hrefFor(drill(row))} onClick={onLinkClick(drill(row))} title={t.drillTo(row.region.name)}>
          {row.region.name}
        </a>
      ),
    },
    { key: 'code', header: t.code, value: (row) => row.region.code, csvOnly: true },
    { key: 'recipients', header: t.recipients, value: (row) => row.summary.recipients, format: 'count' },
    { key: 'eligible', header: t.eligible, value: (row) => row.summary.eligible, format: 'count' },
    { key: 'inclusion_errors', header: t.inclusionCount, value: (row) => row.summary.inclusionErrors, format: 'count' },
    {
      key: 'inclusion_rate',
      header: t.inclusionRate,
      value: (row) => row.summary.inclusionRate,
      format: 'share',
      render: (row) => <RateCell value={row.summary.inclusionRate ?? 0} max={maxInclusion} tone="inclusion" />,
    },
    { key: 'exclusion_errors', header: t.exclusionCount, value: (row) => row.summary.exclusionErrors, format: 'count' },
    {
      key: 'exclusion_rate',
      header: t.exclusionRate,
      value: (row) => row.summary.exclusionRate,
      format: 'share',
      render: (row) => <RateCell value={row.summary.exclusionRate ?? 0} max={maxExclusion} tone="exclusion" />,
    },
    { key: 'pending', header: t.pendingShort, value: (row) => row.summary.pendingGroundCheck, format: 'count', unsortable: true },
    { key: 'coverage', header: t.coverage, value: (row) => row.summary.coverage, format: 'share' },
    { key: 'leakage', header: t.leakage, value: (row) => row.summary.leakage, format: 'share' },
  ];

  const setSort = (key: SubRegionSortKey, direction: 'asc' | 'desc') => {
    const value = formatSortParam({ key, direction });
    navigate({ params: { urut: value === formatSortParam(DEFAULT_SUB_REGION_SORT) ? null : value, mulai: null } });
  };

  const exportRows = async (): Promise<readonly SubRegionRow[]> => {
    const all = await client
      .query(TargetingSubRegionsDocument, { programCode, regionCode, versionId, sort: apiSort, offset: 0 }, { requestPolicy: 'network-only' })
      .toPromise();
    if (all.error) throw all.error;
    return all.data?.targetingErrors.bySubRegion?.rows ?? [];
  };

  const toolbar = (
    <div className="targeting-rank">
      <label htmlFor={selectId}>{t.rankBy}</label>
      <select
        id={selectId}
        value={sort.key}
        onChange={(event) => {
          const key = SUB_REGION_SORT_KEYS.find((candidate) => candidate === event.target.value) ?? DEFAULT_SUB_REGION_SORT.key;
          setSort(key, key === 'name' ? 'asc' : 'desc');
        }}
      >
        {SUB_REGION_SORT_KEYS.map((key) => (
          <option key={key} value={key}>
            {sortLabel(t, key)}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button button--quiet"
        onClick={() => setSort(sort.key, sort.direction === 'asc' ? 'desc' : 'asc')}
        aria-label={`${t.rankBy}: ${sort.direction === 'asc' ? t.sortAsc : t.sortDesc}`}
      >
        {sort.direction === 'asc' ? `▲ ${t.sortAsc}` : `▼ ${t.sortDesc}`}
      </button>
    </div>
  );

  return (
    <section className="targeting-section" data-testid="targeting-subregions" aria-labelledby={headingId}>
      <h3 id={headingId}>{level ? t.subRegionsTitle(levelText) : t.subRegionsTitle(shared.levelVillage)}</h3>
      {level === null ? (
        <p className="panel panel--state" role="status">
          {t.subRegionsNone}
        </p>
      ) : (
        <>
          <p className="targeting-section__note">{t.subRegionsCaption(levelText)}</p>
          <LoadState
            fetching={result.fetching}
            error={result.error}
            hasData={page !== undefined}
            empty={total === 0}
            emptyTitle={t.subRegionsNone}
            retry={() => reexecute({ requestPolicy: 'network-only' })}
          >
            <DataTable
              caption={t.subRegionsTableCaption(levelText, regionName, versionLabel)}
              columns={columns}
              rows={rows}
              rowKey={(row) => row.region.code}
              csvName={[...csvName, levelText]}
              exportRows={exportRows}
              sort={sort}
              onSortChange={(next) => {
                const key = SUB_REGION_SORT_KEYS.find((candidate) => candidate === next.key);
                if (key) setSort(key, next.direction);
              }}
              onRowSelect={(row) => navigate(drill(row))}
              toolbar={toolbar}
              testId="targeting-subregions-table"
              className="targeting-compact"
            />
            <Pager offset={offset} limit={SUB_REGION_PAGE} total={total} onChange={(next) => navigate({ params: { mulai: next === 0 ? null : next } })} />
          </LoadState>
        </>
      )}
    </section>
  );
}
