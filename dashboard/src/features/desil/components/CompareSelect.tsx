import { useId } from 'react';
import type { VersionFieldsFragment } from '../../../generated/graphql';
import { useMessages } from '../../../shared/i18n';
import { desilMessages } from '../messages';

export interface CompareSelectProps {
  /** Published versions, oldest first. */
  published: readonly VersionFieldsFragment[];
  currentId: number;
  compareId: number | null;
  onChange: (versionId: number | null) => void;
}

/** "Bandingkan dengan": another published version to show side by side (newest first), or none. */
export function CompareSelect({ published, currentId, compareId, onChange }: CompareSelectProps) {
  const t = useMessages(desilMessages);
  const id = useId();
  const others = published.filter((version) => version.id !== currentId).reverse();
  return (
    <div className="picker desil-compare">
      <label htmlFor={id}>{t.compareLabel}</label>
      <select
        id={id}
        data-testid="desil-compare"
        value={compareId === null ? '' : String(compareId)}
        disabled={others.length === 0}
        onChange={(event) => onChange(event.target.value === '' ? null : Number(event.target.value))}
      >
        <option value="">{t.compareNone}</option>
        {others.map((version) => (
          <option key={version.id} value={version.id}>
            {version.label}
          </option>
        ))}
      </select>
    </div>
  );
}
