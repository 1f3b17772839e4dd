import { formatSignedCount, formatSignedPoints } from '../../../shared/format';
import { SmallCell } from '../../../shared/components/SmallCell';
import { useMessages } from '../../../shared/i18n';
import { overviewMessages } from '../messages';
import type { Change, Tone } from '../overview';

export interface DeltaProps {
  figure: Change;
  tone: Tone;
  /** A rate (a fraction): the change is shown in percentage points. */
  rate?: boolean;
  /** Label of the previous version, read out before the change. */
  previousLabel: string | null;
}

/** The change of a figure since the previous version: sign, arrow and colour (green good, red bad). */
export function Delta({ figure, tone, rate = false, previousLabel }: DeltaProps) {
  const t = useMessages(overviewMessages);
  if (figure.withheld && previousLabel !== null) {
    return (
      <span className="overview-delta overview-delta--neutral" data-tone="neutral">
        <span className="visually-hidden">{t.changeSince(previousLabel)}: </span>
        <SmallCell />
      </span>
    );
  }
  if (figure.change === null || previousLabel === null) {
    return (
      <span className="overview-delta overview-delta--none" title={t.noPrevious}>
        –
      </span>
    );
  }
  const text = rate ? formatSignedPoints(figure.change, t.points) : formatSignedCount(figure.change);
  const arrow = text.startsWith('+') ? '▲' : text.startsWith('-') ? '▼' : '';
  return (
    <span className={`overview-delta overview-delta--${tone}`} data-tone={tone}>
      <span className="visually-hidden">{t.changeSince(previousLabel)}: </span>
      {arrow && (
        <span className="overview-delta__arrow" aria-hidden="true">
          {arrow}
        </span>
      )}
      {text}
    </span>
  );
}
