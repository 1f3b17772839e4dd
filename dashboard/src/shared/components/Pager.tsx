import { formatCount } from '../format';
import { useMessages } from '../i18n';
import { sharedMessages } from '../messages';

export interface PagerProps {
  offset: number;
  limit: number;
  total: number;
  onChange: (offset: number) => void;
}

/** Previous/next over a server-paginated list, with "1–50 of 514". */
export function Pager({ offset, limit, total, onChange }: PagerProps) {
  const t = useMessages(sharedMessages);
  if (total <= limit && offset === 0) return null;
  const to = Math.min(offset + limit, total);
  return (
    <nav className="pager" aria-label={t.pageOf(formatCount(offset + 1), formatCount(to), formatCount(total))}>
      <button type="button" className="button button--quiet" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - limit))}>
        {t.previousPage}
      </button>
      <span className="pager__range">{t.pageOf(formatCount(total === 0 ? 0 : offset + 1), formatCount(to), formatCount(total))}</span>
      <button type="button" className="button button--quiet" disabled={to >= total} onClick={() => onChange(offset + limit)}>
        {t.nextPage}
      </button>
    </nav>
  );
}
