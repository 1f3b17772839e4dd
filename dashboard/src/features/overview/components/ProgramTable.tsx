import { useMemo } from 'react';
import { hrefFor, navigate, onLinkClick, useAppState } from '../../../app/navigation';
import type { StateChange } from '../../../app/url-state';
import type { QuotaStatusCode, VersionFieldsFragment } from '../../../generated/graphql';
import { DataTable, sortRows, type Column, type SortState } from '../../../shared/components/DataTable';
import { formatCount, formatShare, formatSignedCount } from '../../../shared/format';
import { useMessages } from '../../../shared/i18n';
import { formatOrMark } from '../../../shared/small-cells';
import { programLabel } from '../../../shared/labels';
import { formatSortParam, parseSortParam } from '../../../shared/sort-param';
import { overviewMessages, type OverviewMessages } from '../messages';
import { gapTone, PROGRAM_FIGURES, quotaScope, toneOf, type Change, type ProgramRow, type Tone } from '../overview';
import { Delta } from './Delta';

export interface ProgramTableProps {
  rows: readonly ProgramRow[];
  regionCode: string;
  regionName: string;
  version: VersionFieldsFragment;
  previous: VersionFieldsFragment | null;
}

const NO_SORT: SortState = { key: '', direction: 'asc' };

function statusLabel(t: OverviewMessages, status: QuotaStatusCode): string {
  return status === 'UNDER' ? t.statusUnder : status === 'OVER' ? t.statusOver : t.statusMatch;
}

function FigureCell({ text, figure, tone, rate, previousLabel }: { text: string; figure: Change; tone: Tone; rate?: boolean; previousLabel: string | null }) {
  return (
    <span className="overview-figure">
      <span className="overview-figure__value">{text}</span>
      <Delta figure={figure} tone={tone} rate={rate} previousLabel={previousLabel} />
    </span>
  );
}

/** The five programs: recipients, eligible, coverage, leakage, errors, pending checks and quota, with changes. */
export function ProgramTable({ rows, regionCode, regionName, version, previous }: ProgramTableProps) {
  const t = useMessages(overviewMessages);
  const { params } = useAppState();
  const previousLabel = previous?.label ?? null;
  const scope = useMemo(() => quotaScope(regionCode), [regionCode]);
  const regencyName = rows.map((row) => (row.quota.kind === 'regency' ? row.quota.regencyName : null)).find((name) => name !== null) ?? null;

  const columns = useMemo((): Column<ProgramRow>[] => {
    const quotaLink = (row: ProgramRow): StateChange => ({
      view: 'quota',
      programCode: row.code,
      ...(scope.kind === 'regency' ? { regionCode: scope.regencyCode } : {}),
    });
    const targetingLink = (row: ProgramRow): StateChange => ({ view: 'targeting', programCode: row.code });
    const list: Column<ProgramRow>[] = [
      {
        key: 'program',
        header: t.program,
        value: (row) => row.name,
        format: 'text',
        rowHeader: true,
        render: (row) => (
          <span className="overview-program">
            <a href={hrefFor(targetingLink(row))} onClick={onLinkClick(targetingLink(row))} title={row.name}>
              {programLabel(row.code)}
            </a>
            <small>{t.programUnit(row.unit === 'FAMILY' ? t.unitFamily : t.unitIndividual, row.desilMin, row.desilMax)}</small>
          </span>
        ),
      },
      { key: 'code', header: t.code, value: (row) => row.code, csvOnly: true },
    ];
    const headers: Record<(typeof PROGRAM_FIGURES)[number]['key'], string> = {
      recipients: t.recipients,
      eligible: t.eligible,
      coverage: t.coverage,
      leakage: t.leakage,
      inclusionErrors: t.inclusionErrors,
      exclusionErrors: t.exclusionErrors,
      pendingGroundCheck: t.pendingGroundCheck,
    };
    for (const figure of PROGRAM_FIGURES) {
      const header = headers[figure.key];
      list.push(
        {
          key: figure.key,
          header,
          value: (row) => row[figure.key].current,
          format: figure.rate ? 'share' : 'count',
          render: (row) => (
            <FigureCell
              text={formatOrMark(row[figure.key].current, figure.rate ? formatShare : formatCount, '')}
              figure={row[figure.key]}
              tone={toneOf(row[figure.key], figure.better, figure.rate)}
              rate={figure.rate}
              previousLabel={previousLabel}
            />
          ),
        },
        {
          key: `${figure.key}Change`,
          header: t.change(header),
          value: (row) => row[figure.key].change,
          csvOnly: true,
          withheld: (row) => row[figure.key].withheld,
        },
      );
    }
    if (scope.kind === 'area') {
      for (const side of ['under', 'over'] as const) {
        const header = side === 'under' ? t.quotaUnder : t.quotaOver;
        const key = side === 'under' ? 'quotaUnder' : 'quotaOver';
        list.push(
          {
            key,
            header,
            value: (row) => (row.quota.kind === 'area' ? row.quota[side].current : null),
            format: 'count',
            withheld: (row) => row.quota.kind === 'area' && row.quota[side].current === null,
            render: (row) =>
              row.quota.kind === 'area' ? (
                <FigureCell
                  text={formatOrMark(row.quota[side].current, formatCount, '')}
                  figure={row.quota[side]}
                  tone={toneOf(row.quota[side], 'down')}
                  previousLabel={previousLabel}
                />
              ) : (
                <QuotaMissing t={t} assessment={row.quota.kind === 'assessment'} />
              ),
          },
          {
            key: `${key}Change`,
            header: t.change(header),
            value: (row) => (row.quota.kind === 'area' ? row.quota[side].change : null),
            csvOnly: true,
            withheld: (row) => row.quota.kind === 'area' && row.quota[side].withheld,
          },
        );
      }
    } else {
      const statusHeader = scope.own || regencyName === null ? t.quotaStatus : t.quotaStatusOf(regencyName);
      list.push(
        {
          key: 'quotaStatus',
          header: statusHeader,
          value: (row) => (row.quota.kind === 'regency' && row.quota.status !== null ? statusLabel(t, row.quota.status) : null),
          format: 'text',
          withheld: (row) => row.quota.kind === 'regency' && row.quota.status === null,
          render: (row) =>
            row.quota.kind === 'regency' && row.quota.status !== null ? (
              <span className={`quota-pill quota-pill--${row.quota.status.toLowerCase()} overview-status`}>{statusLabel(t, row.quota.status)}</span>
            ) : (
              <QuotaMissing t={t} assessment={row.quota.kind === 'assessment'} />
            ),
        },
        {
          key: 'quotaGap',
          header: t.quotaGap,
          value: (row) => (row.quota.kind === 'regency' ? row.quota.gap.current : null),
          format: 'signed',
          withheld: (row) => row.quota.kind === 'regency' && row.quota.gap.current === null,
          render: (row) =>
            row.quota.kind === 'regency' ? (
              <span title={t.gapHint}>
                <FigureCell
                  text={formatOrMark(row.quota.gap.current, formatSignedCount, '')}
                  figure={row.quota.gap}
                  tone={gapTone(row.quota.gap)}
                  previousLabel={previousLabel}
                />
              </span>
            ) : (
              '–'
            ),
        },
        {
          key: 'quotaGapChange',
          header: t.change(t.quotaGap),
          value: (row) => (row.quota.kind === 'regency' ? row.quota.gap.change : null),
          csvOnly: true,
          withheld: (row) => row.quota.kind === 'regency' && row.quota.gap.withheld,
        },
      );
    }
    list.push({
      key: 'links',
      header: t.links,
      value: () => null,
      unsortable: true,
      noExport: true,
      render: (row) => (
        <span className="overview-links">
          <a href={hrefFor(targetingLink(row))} onClick={onLinkClick(targetingLink(row))} aria-label={t.toTargetingLabel(programLabel(row.code))}>
            {t.toTargeting}
          </a>
          <a href={hrefFor(quotaLink(row))} onClick={onLinkClick(quotaLink(row))} aria-label={t.toQuotaLabel(programLabel(row.code))}>
            {t.toQuota}
          </a>
        </span>
      ),
    });
    return list;
  }, [t, scope, regencyName, previousLabel]);

  const sortable = columns.filter((column) => !column.unsortable && !column.csvOnly).map((column) => column.key);
  const parsed = parseSortParam(params.urut, sortable, NO_SORT);
  const sort = parsed === NO_SORT ? null : parsed;
  const sorted = sort ? sortRows(rows, columns.find((column) => column.key === sort.key), sort.direction) : rows;

  const note =
    scope.kind === 'area'
      ? t.quotaNoteArea(formatCount(areaCount(rows)))
      : scope.own
        ? t.quotaNoteOwn
        : t.quotaNoteContaining(regencyName ?? scope.regencyCode);

  return (
    <>
      <DataTable
        caption={t.programsCaption(regionName, version.label, previousLabel)}
        columns={columns}
        rows={sorted}
        rowKey={(row) => row.code}
        csvName={['ringkasan', regionName, version.label]}
        sort={sort}
        onSortChange={(next) => navigate({ params: { urut: formatSortParam(next) } })}
        testId="overview-programs"
        className="overview-programs"
      />
      <p className="overview__note">
        {note} {t.quotaNoteAssessment}
      </p>
    </>
  );
}

function areaCount(rows: readonly ProgramRow[]): number {
  for (const row of rows) if (row.quota.kind === 'area') return row.quota.regencies;
  return 0;
}

function QuotaMissing({ t, assessment }: { t: OverviewMessages; assessment: boolean }) {
  return <span className="overview-muted">{assessment ? t.quotaByAssessment : t.quotaMissing}</span>;
}
