import type { QuotaStatusCode } from '../../../generated/graphql';
import { useMessages } from '../../../shared/i18n';
import { quotaMessages, type QuotaMessages } from '../messages';

export function statusName(t: QuotaMessages, status: QuotaStatusCode): string {
  return status === 'UNDER' ? t.under : status === 'OVER' ? t.over : t.match;
}

/** UNDER / OVER / MATCH as a coloured pill with its name (colour never carries the meaning alone). */
export function StatusBadge({ status }: { status: QuotaStatusCode }) {
  const t = useMessages(quotaMessages);
  return (
    <span className={`quota-pill quota-pill--${status.toLowerCase()} quota-status`} data-status={status}>
      {statusName(t, status)}
    </span>
  );
}
