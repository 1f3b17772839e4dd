import { useEffect, useId, useRef, useState } from 'react';
import type { QuotaStatusCode } from '../../../generated/graphql';
import { useMessages } from '../../../shared/i18n';
import { quotaMessages } from '../messages';
import { QUOTA_STATUSES } from '../shape';
import { statusName } from './StatusBadge';

export interface QuotaFiltersProps {
  statuses: readonly QuotaStatusCode[];
  onToggleStatus: (status: QuotaStatusCode) => void;
  search: string;
  /** Called once typing pauses, with the trimmed text. */
  onSearch: (text: string) => void;
  onClear: () => void;
}

export const SEARCH_DEBOUNCE_MS = 300;

/** Status chips (checkboxes) and the name search of the kabupaten/kota list. */
export function QuotaFilters({ statuses, onToggleStatus, search, onSearch, onClear }: QuotaFiltersProps) {
  const t = useMessages(quotaMessages);
  const searchId = useId();
  const [text, setText] = useState(search);
  const sent = useRef(search);
  const onSearchRef = useRef(onSearch);
  onSearchRef.current = onSearch;

  // The URL changed from elsewhere (back button, clear): show its text.
  useEffect(() => {
    if (search !== sent.current) {
      sent.current = search;
      setText(search);
    }
  }, [search]);

  useEffect(() => {
    const trimmed = text.trim();
    if (trimmed === sent.current) return;
    const timer = setTimeout(() => {
      sent.current = trimmed;
      onSearchRef.current(trimmed);
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  return (
    <div className="quota-filters" role="group" aria-label={t.filtersLabel}>
      <fieldset className="quota-chips">
        <legend className="quota-chips__legend">{t.statusFilter}</legend>
        {QUOTA_STATUSES.map((status) => (
          <label key={status} className={`quota-chip quota-chip--${status.toLowerCase()}`}>
            <input type="checkbox" checked={statuses.includes(status)} onChange={() => onToggleStatus(status)} />
            <span>{statusName(t, status)}</span>
          </label>
        ))}
      </fieldset>
      <div className="quota-search">
        <label htmlFor={searchId}>{t.search}</label>
        <input
          id={searchId}
          type="search"
          value={text}
          placeholder={t.searchPlaceholder}
          autoComplete="off"
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      {(statuses.length > 0 || search !== '') && (
        <button type="button" className="button button--quiet" onClick={onClear}>
          {t.clearFilters}
        </button>
      )}
    </div>
  );
}
