import { useEffect, useId, useMemo, useRef } from 'react';
import { useClient, useQuery } from 'urql';
import { hasRight } from '../../../app/auth/access';
import { authMessages } from '../../../app/auth/messages';
import { useViewer } from '../../../app/auth/session';
import type { ProgramCodeValue } from '../../../app/url-state';
import { QuotaReallocationPlanDocument } from '../../../generated/graphql';
import { DataTable, type Column } from '../../../shared/components/DataTable';
import { LoadState } from '../../../shared/components/LoadState';
import { OrSmallCell, SmallCell } from '../../../shared/components/SmallCell';
import { formatCount, formatSignedCount } from '../../../shared/format';
import { useLang, useMessages } from '../../../shared/i18n';
import { useInclusionCauseNames } from '../../../shared/inclusion-causes';
import { formatOrMark, smallCellMark, useSmallCellThreshold } from '../../../shared/small-cells';
import { quotaMessages, type QuotaMessages } from '../messages';
import {
  fillSummary,
  formatPeriod,
  planUnitRows,
  planUnitTotal,
  removalSummary,
  type PlanUnitRow,
  type ReallocationPlan,
} from '../shape';
import { StatusBadge } from './StatusBadge';

/** Units listed in the panel; the CSV asks for up to the API's maximum. */
export const PLAN_LIST_LIMIT = 100;
const PLAN_EXPORT_LIMIT = 1000;

export interface ReallocationPanelProps {
  programCode: ProgramCodeValue;
  versionId: number;
  nationalQuota: number | undefined;
  regencyCode: string;
  desilMin: number;
  desilMax: number;
  onClose: () => void;
  /** Move focus to the panel when it opens (an explicit choice, not a landing). */
  focusOnOpen: boolean;
  /** File name parts of the CSV: a prefix, then the rest; the kabupaten/kota's name goes after the prefix. */
  csvName: readonly string[];
}

function priorityName(t: QuotaMessages, priority: string, desilMin: number, desilMax: number): string {
  if (priority === 'GROUND_CHECKED') return t.priorityGroundChecked(desilMin, desilMax);
  if (priority === 'WAITING_LIST') return t.priorityWaitingList;
  return t.priorityRemaining(desilMin, desilMax);
}

/** A fill priority in a table cell: its number and a short name. */
function priorityShortName(t: QuotaMessages, priority: string, desilMin: number, desilMax: number): string {
  if (priority === 'GROUND_CHECKED') return t.priorityShort(1, t.shortGroundChecked);
  if (priority === 'WAITING_LIST') return t.priorityShort(2, t.shortWaitingList);
  return t.priorityShort(3, t.shortRemaining(desilMin, desilMax));
}

/** The plan's families and individuals are person-level rows: a role without that right asks for the counts only. */
const withUnits = (personRows: boolean) => (personRows ? {} : { withUnits: false });

/** The reallocation plan of one kabupaten/kota: who fills its free places, or who leaves first. */
export function ReallocationPanel(props: ReallocationPanelProps) {
  const { programCode, versionId, nationalQuota, regencyCode, onClose, focusOnOpen } = props;
  const t = useMessages(quotaMessages);
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const personRows = hasRight(useViewer(), 'PERSON_ROWS');
  const [result, reexecute] = useQuery({
    query: QuotaReallocationPlanDocument,
    variables: { programCode, versionId, nationalQuota, regencyCode, limit: PLAN_LIST_LIMIT, ...withUnits(personRows) },
  });
  const plan = result.data?.reallocationPlan;

  useEffect(() => {
    if (focusOnOpen) heading.current?.focus();
  }, [focusOnOpen, regencyCode]);

  return (
    <section className="quota-detail" data-testid="quota-detail" aria-labelledby={headingId} data-regency={regencyCode}>
      <header className="quota-detail__header">
        <h3 id={headingId} ref={heading} tabIndex={-1}>
          {t.planTitle(plan?.regency.name ?? regencyCode)}
        </h3>
        <button type="button" className="button" onClick={onClose} aria-label={t.closeLabel}>
          {t.close}
        </button>
      </header>
      <LoadState
        fetching={result.fetching}
        error={result.error}
        hasData={plan !== undefined}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
      >
        {plan && <PlanBody {...props} plan={plan} personRows={personRows} />}
      </LoadState>
    </section>
  );
}

function PlanBody({
  plan,
  personRows,
  desilMin,
  desilMax,
  programCode,
  versionId,
  nationalQuota,
  regencyCode,
  csvName,
}: ReallocationPanelProps & { plan: ReallocationPlan; personRows: boolean }) {
  const t = useMessages(quotaMessages);
  const auth = useMessages(authMessages);
  const lang = useLang();
  const client = useClient();
  const causes = useInclusionCauseNames();
  const mark = smallCellMark(useSmallCellThreshold());
  const unitName = plan.unit === 'INDIVIDUAL' ? t.unitIndividual : t.unitFamily;
  const period = formatPeriod(plan.povertyPeriod, lang);
  const rows = useMemo(() => planUnitRows(plan), [plan]);
  const total = planUnitTotal(plan);
  const reasonName = (reason: string) =>
    plan.status === 'UNDER' ? priorityShortName(t, reason, desilMin, desilMax) : causes.label(reason, desilMax);

  const columns: Column<PlanUnitRow>[] = [
    { key: 'order', header: t.order, value: (row) => row.order, format: 'count' },
    { key: 'reason', header: t.reason, value: (row) => reasonName(row.reason), className: 'quota-plan__reason' },
    { key: 'kk', header: t.kk, value: (row) => row.kkMasked, rowHeader: true, className: 'quota-mono' },
    { key: 'name', header: t.name, value: (row) => row.nameMasked },
    ...(plan.unit === 'INDIVIDUAL' ? [{ key: 'nik', header: t.nik, value: (row: PlanUnitRow) => row.nikMasked, className: 'quota-mono' }] : []),
    {
      key: 'desil',
      header: t.desil,
      value: (row) => row.desil,
      format: 'count',
      render: (row) => (row.desil === 0 ? t.outsideDtsen : formatCount(row.desil)),
    },
    // Null outside DTSEN, never withheld.
    { key: 'rank', header: t.rank, value: (row) => row.rank, format: 'count', withheld: () => false },
    { key: 'village', header: t.village, value: (row) => row.village },
    { key: 'district', header: t.district, value: (row) => row.district },
  ];

  const exportRows = async (): Promise<readonly PlanUnitRow[]> => {
    const all = await client
      .query(
        QuotaReallocationPlanDocument,
        { programCode, versionId, nationalQuota, regencyCode, limit: PLAN_EXPORT_LIMIT, ...withUnits(personRows) },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    if (all.error) throw all.error;
    return all.data ? planUnitRows(all.data.reallocationPlan) : [];
  };

  return (
    <div className="quota-detail__body">
      <dl className="quota-detail__figures" aria-label={t.planFigures}>
        <div>
          <dt>{t.quota}</dt>
          <dd>{formatCount(plan.quota)}</dd>
        </div>
        <div>
          <dt>{t.recipients}</dt>
          <dd>
            <OrSmallCell value={plan.recipients} format={formatCount} />
          </dd>
        </div>
        <div>
          <dt>{t.gap}</dt>
          <dd>
            <OrSmallCell value={plan.gap} format={formatSignedCount} />
          </dd>
        </div>
        <div>
          <dt>{t.status}</dt>
          <dd>{plan.status === null ? <SmallCell /> : <StatusBadge status={plan.status} />}</dd>
        </div>
      </dl>
      <p className="quota-detail__explain">{t.planExplain(plan.regency.name, formatCount(plan.nationalQuota), unitName, period)}</p>

      {plan.status === null && (
        <p className="quota-detail__note" role="note" data-testid="quota-plan-withheld">
          {t.planWithheld(mark)}
        </p>
      )}
      {plan.status === 'MATCH' && <p className="quota-detail__note">{t.matchNote}</p>}
      {plan.status === 'UNDER' && <FillSteps plan={plan} unitName={unitName} desilMin={desilMin} desilMax={desilMax} />}
      {plan.status === 'OVER' && <RemovalSteps plan={plan} unitName={unitName} label={(cause) => causes.label(cause, desilMax)} />}

      {(plan.status === 'UNDER' || plan.status === 'OVER') && (
        <>
          <h4>{plan.unit === 'INDIVIDUAL' ? t.peopleTitle : t.familiesTitle}</h4>
          {!personRows ? (
            <p className="quota-detail__note" role="note" data-testid="quota-plan-hidden">
              {auth.personRowsHidden}
            </p>
          ) : rows.length === 0 ? (
            <p className="quota-detail__note" data-testid="quota-plan">
              {t.familiesNone}
            </p>
          ) : (
            <DataTable
              caption={t.familiesCaption(formatCount(rows.length), formatOrMark(total, formatCount, mark), plan.regency.name)}
              columns={columns}
              rows={rows}
              rowKey={(row) => `${row.order}`}
              csvName={[csvName[0] ?? '', plan.regency.name, ...csvName.slice(1)]}
              exportRows={exportRows}
              testId="quota-plan"
            />
          )}
          {personRows && <p className="quota-detail__privacy">{t.privacy}</p>}
        </>
      )}
    </div>
  );
}

function FillSteps({ plan, unitName, desilMin, desilMax }: { plan: ReallocationPlan; unitName: string; desilMin: number; desilMax: number }) {
  const t = useMessages(quotaMessages);
  const mark = smallCellMark(useSmallCellThreshold());
  const count = (value: number | null) => formatOrMark(value, formatCount, mark);
  const summary = fillSummary(plan);
  return (
    <div className="quota-steps" data-testid="quota-fill-steps">
      <h4>{t.fillTitle(count(plan.gap), unitName)}</h4>
      <ol>
        {summary.steps.map((step) => (
          // A withheld count (a small cell) is 1 or more.
          <li key={step.priority} data-priority={step.priority} className={step.taken !== 0 ? 'is-used' : undefined}>
            <span className="quota-steps__name">{priorityName(t, step.priority, desilMin, desilMax)}</span>
            <span className="quota-steps__count">{t.taken(count(step.taken), count(step.pool))}</span>
          </li>
        ))}
      </ol>
      {summary.unfilled !== null && summary.unfilled > 0 && (
        <p className="quota-detail__warning" role="note">
          {t.unfilled(formatCount(summary.unfilled))}
        </p>
      )}
    </div>
  );
}

function RemovalSteps({ plan, unitName, label }: { plan: ReallocationPlan; unitName: string; label: (cause: string) => string }) {
  const t = useMessages(quotaMessages);
  const mark = smallCellMark(useSmallCellThreshold());
  const count = (value: number | null) => formatOrMark(value, formatCount, mark);
  const summary = removalSummary(plan);
  return (
    <div className="quota-steps" data-testid="quota-removal-steps">
      <h4>{t.removalTitle(count(plan.gap === null ? null : -plan.gap), unitName)}</h4>
      {summary.steps.length === 0 ? (
        <p className="quota-detail__note">{t.noRemovalCandidates}</p>
      ) : (
        <ol>
          {summary.steps.map((step) => (
            <li key={step.cause} data-cause={step.cause} className={step.removed !== 0 ? 'is-used' : undefined}>
              <span className="quota-steps__name">{label(step.cause)}</span>
              <span className="quota-steps__count">{t.removed(count(step.removed), count(step.candidates))}</span>
            </li>
          ))}
        </ol>
      )}
      {summary.unabsorbed !== null && summary.unabsorbed > 0 && (
        <p className="quota-detail__warning" role="note">
          {t.unabsorbed(formatCount(summary.unabsorbed))}
        </p>
      )}
    </div>
  );
}
