import { useEffect } from 'react';
import { useClient, useQuery } from 'urql';
import { useViewer } from '../../../app/auth/session';
import { hrefFor, navigate, onLinkClick, useAppState } from '../../../app/navigation';
import type { ProgramCodeValue } from '../../../app/url-state';
import { QuotaStatusListDocument, type QuotaRowFieldsFragment } from '../../../generated/graphql';
import { DataTable, type Column } from '../../../shared/components/DataTable';
import { LoadState } from '../../../shared/components/LoadState';
import { OrSmallCell } from '../../../shared/components/SmallCell';
import { Pager } from '../../../shared/components/Pager';
import { formatCount } from '../../../shared/format';
import { useLang, useMessages } from '../../../shared/i18n';
import { differenceOrNull, isWithheld } from '../../../shared/small-cells';
import { formatSortParam } from '../../../shared/sort-param';
import { quotaMessages } from '../messages';
import {
  DEFAULT_QUOTA_SORT,
  formatPeriod,
  formatStatusFilter,
  parseOffset,
  parseQuotaSort,
  parseStatusFilter,
  QUOTA_SORT_KEYS,
  toggleStatus,
  toQuotaSort,
} from '../shape';
import { QuotaFilters } from './QuotaFilters';
import { StatusBadge } from './StatusBadge';

export const QUOTA_PAGE = 50;
/** Every kabupaten/kota in one request, for the CSV. */
const ALL_REGENCIES = 514;

export interface QuotaListProps {
  programCode: ProgramCodeValue;
  versionId: number;
  /** Only for programs without a national quota; undefined lets the API use the program's. */
  nationalQuota: number | undefined;
  provinceCode: string | null;
  openRegency: string | null;
  regionName: string;
  versionLabel: string;
  /** The program's own national quota (unscaled) and recipients used as default, for the explanation. */
  programQuota: number | null;
  defaultQuota: number | null;
  csvName: readonly string[];
}

/** The kabupaten/kota a user is limited to, if their scope is one (not a province nor the nation). */
export function regencyScope(scope: string | null): string | null {
  return scope !== null && /^\d{2}\.\d{2}$/.test(scope) ? scope : null;
}

/** The kabupaten/kota with quota, recipients, gap and status: filtered, sorted and paged by the URL. */
export function QuotaList(props: QuotaListProps) {
  const { programCode, versionId, nationalQuota, provinceCode, openRegency, regionName, versionLabel, csvName } = props;
  const t = useMessages(quotaMessages);
  const client = useClient();
  const { params } = useAppState();
  const statuses = parseStatusFilter(params.status);
  const search = params.cari?.trim() ?? '';
  const sort = parseQuotaSort(params.urut);
  const offset = parseOffset(params.mulai);
  const ownRegency = regencyScope(useViewer()?.regionCode ?? null);
  const filters = {
    programCode,
    versionId,
    nationalQuota,
    provinceCode: provinceCode ?? undefined,
    // A user limited to one kabupaten/kota reads its quota alone (the API refuses them the province around it).
    ...(ownRegency ? { regencyCode: ownRegency } : {}),
    search: search === '' ? undefined : search,
    status: statuses.length > 0 ? statuses : undefined,
    sort: toQuotaSort(sort),
  };
  const [result, reexecute] = useQuery({ query: QuotaStatusListDocument, variables: { ...filters, limit: QUOTA_PAGE, offset } });
  const data = result.data?.quotaStatus;

  // A page past the end (filters changed under a `mulai=`) goes back to the first page.
  useEffect(() => {
    if (data && data.rows.length === 0 && data.totalCount > 0 && offset > 0) navigate({ params: { mulai: null } }, { replace: true });
  }, [data, offset]);

  const open = (row: QuotaRowFieldsFragment) => ({ params: { kab: row.regency.code } });
  const columns: Column<QuotaRowFieldsFragment>[] = [
    {
      key: 'name',
      header: t.regency,
      value: (row) => row.regency.name,
      format: 'text',
      rowHeader: true,
      render: (row) => (
        <a href={hrefFor(open(row))} onClick={onLinkClick(open(row))} title={t.openPlan(row.regency.name)}>
          {row.regency.name}
        </a>
      ),
    },
    { key: 'code', header: t.code, value: (row) => row.regency.code, unsortable: true, className: 'quota-code' },
    { key: 'province', header: t.province, value: (row) => row.regency.parent?.name ?? '', unsortable: true },
    { key: 'quota', header: t.quota, value: (row) => row.quota, format: 'count' },
    { key: 'recipients', header: t.recipients, value: (row) => row.recipients, format: 'count' },
    { key: 'gap', header: t.gap, value: (row) => row.gap, format: 'signed' },
    // gapRatio is also null when the quota is 0: only a withheld one reads "<5".
    { key: 'gap_ratio', header: t.gapRatio, value: (row) => row.gapRatio, format: 'share', withheld: (row) => isWithheld(row, 'gapRatio') },
    {
      key: 'status',
      header: t.status,
      value: (row) => row.status,
      unsortable: true,
      withheld: (row) => row.status === null,
      render: (row) => (row.status === null ? null : <StatusBadge status={row.status} />),
    },
  ];

  const setParams = (change: Record<string, string | null>, replace = false) => navigate({ params: { ...change, mulai: null } }, { replace });

  const exportRows = async (): Promise<readonly QuotaRowFieldsFragment[]> => {
    const all = await client
      .query(QuotaStatusListDocument, { ...filters, limit: ALL_REGENCIES, offset: 0 }, { requestPolicy: 'network-only' })
      .toPromise();
    if (all.error) throw all.error;
    return all.data?.quotaStatus.rows ?? [];
  };

  return (
    <div className="quota-list">
      {data && <QuotaBasis {...props} nationalQuota={data.nationalQuota} povertyPeriod={data.povertyPeriod} unit={data.unit} />}
      {data && <QuotaSummary totals={data.totals} />}
      <QuotaFilters
        statuses={statuses}
        onToggleStatus={(status) => setParams({ status: formatStatusFilter(toggleStatus(statuses, status)) })}
        search={search}
        onSearch={(text) => setParams({ cari: text === '' ? null : text }, true)}
        onClear={() => setParams({ status: null, cari: null })}
      />
      <LoadState
        fetching={result.fetching}
        error={result.error}
        hasData={data !== undefined}
        empty={data?.totalCount === 0}
        emptyTitle={t.noMatch}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
      >
        {data && (
          <>
            <DataTable
              caption={t.tableCaption(regionName, versionLabel)}
              columns={columns}
              rows={data.rows}
              rowKey={(row) => row.regency.code}
              csvName={csvName}
              exportRows={exportRows}
              footer={{
                name: t.totalRow(formatCount(data.totals.count)),
                quota: data.totals.quota,
                recipients: data.totals.recipients,
                gap: differenceOrNull(data.totals.quota, data.totals.recipients),
              }}
              sort={sort}
              onSortChange={(next) => {
                const key = QUOTA_SORT_KEYS.find((candidate) => candidate === next.key);
                if (!key) return;
                const value = formatSortParam({ key, direction: next.direction });
                setParams({ urut: value === formatSortParam(DEFAULT_QUOTA_SORT) ? null : value });
              }}
              onRowSelect={(row) => navigate(open(row))}
              selectedKey={openRegency}
              testId="quota-table"
            />
            <Pager
              offset={offset}
              limit={QUOTA_PAGE}
              total={data.totalCount}
              onChange={(next) => navigate({ params: { mulai: next === 0 ? null : next } })}
            />
          </>
        )}
      </LoadState>
    </div>
  );
}

interface QuotaBasisProps extends QuotaListProps {
  nationalQuota: number;
  povertyPeriod: string;
  unit: string;
}

/** The national quota and poverty period the figures come from, so every quota can be explained. */
function QuotaBasis({ nationalQuota, povertyPeriod, unit, programQuota, defaultQuota }: QuotaBasisProps) {
  const t = useMessages(quotaMessages);
  const lang = useLang();
  const { params } = useAppState();
  const unitName = unit === 'INDIVIDUAL' ? t.unitIndividual : t.unitFamily;
  const period = formatPeriod(povertyPeriod, lang);
  const assessed = programQuota === null;
  return (
    <section className="quota-basis" aria-label={t.basisLabel} data-testid="quota-basis">
      <dl className="quota-basis__figures">
        <div>
          <dt>{t.nationalQuota}</dt>
          <dd>
            {formatCount(nationalQuota)} {unitName}
          </dd>
        </div>
        <div>
          <dt>{t.povertyPeriod}</dt>
          <dd>{period}</dd>
        </div>
      </dl>
      <p className="quota-basis__text">
        {t.basis(formatCount(nationalQuota), unitName, period)}{' '}
        {programQuota !== null && programQuota !== nationalQuota && t.basisScaled(formatCount(programQuota))}
        {assessed && defaultQuota !== null && t.basisAssessed(formatCount(defaultQuota))}
      </p>
      {assessed && <NationalQuotaInput value={nationalQuota} custom={params.kuota !== undefined} />}
    </section>
  );
}

/** For programs without a national quota: the quota to distribute, kept in the URL (`kuota=`). */
function NationalQuotaInput({ value, custom }: { value: number; custom: boolean }) {
  const t = useMessages(quotaMessages);
  return (
    <form
      className="quota-basis__form"
      onSubmit={(event) => {
        event.preventDefault();
        const input = new FormData(event.currentTarget).get('kuota');
        const number = Number(input);
        if (Number.isSafeInteger(number) && number >= 1) navigate({ params: { kuota: number, mulai: null } });
      }}
    >
      <label>
        {t.nationalQuota}
        <input key={value} name="kuota" type="number" min={1} step={1} defaultValue={value} inputMode="numeric" />
      </label>
      <button type="submit" className="button button--quiet">
        {t.applyQuota}
      </button>
      {custom && (
        <button type="button" className="button button--quiet" onClick={() => navigate({ params: { kuota: null, mulai: null } })}>
          {t.resetQuota}
        </button>
      )}
    </form>
  );
}

interface Totals {
  count: number;
  under: number;
  over: number;
  match: number;
  /** Null when withheld (computed from recipients that are a small cell). */
  shortfall: number | null;
  excess: number | null;
}

/** How many kabupaten/kota (of the filtered set) are under, over and at quota, and by how much. */
function QuotaSummary({ totals }: { totals: Totals }) {
  const t = useMessages(quotaMessages);
  const items = [
    { key: 'count', label: t.regencies, value: formatCount(totals.count) },
    { key: 'under', label: t.under, value: formatCount(totals.under) },
    { key: 'over', label: t.over, value: formatCount(totals.over) },
    { key: 'match', label: t.match, value: formatCount(totals.match) },
    { key: 'shortfall', label: t.shortfall, value: <OrSmallCell value={totals.shortfall} format={formatCount} /> },
    { key: 'excess', label: t.excess, value: <OrSmallCell value={totals.excess} format={formatCount} /> },
  ];
  return (
    <dl className="quota-summary" aria-label={t.summaryLabel} data-testid="quota-summary">
      {items.map((item) => (
        <div key={item.key} className={`quota-summary__item quota-summary__item--${item.key}`} data-figure={item.key}>
          <dt>{item.label}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
