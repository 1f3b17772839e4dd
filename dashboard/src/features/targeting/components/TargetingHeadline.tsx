import type { ReactNode } from 'react';
import { OrSmallCell } from '../../../shared/components/SmallCell';
import { formatCount, formatShare } from '../../../shared/format';
import { useMessages } from '../../../shared/i18n';
import { formatOrMark, shareOrNull, smallCellMark, useSmallCellThreshold } from '../../../shared/small-cells';
import { targetingMessages } from '../messages';
import type { TargetingSummary } from '../shape';

export interface TargetingHeadlineProps {
  summary: TargetingSummary;
  unitName: string;
  desilMin: number;
  desilMax: number;
}

interface Figure {
  key: string;
  label: string;
  value: ReactNode;
  note: string;
}

/** The region's targeting summary: counts with the rate each is judged by. */
export function TargetingHeadline({ summary, unitName, desilMin, desilMax }: TargetingHeadlineProps) {
  const t = useMessages(targetingMessages);
  const mark = smallCellMark(useSmallCellThreshold());
  // Withheld figures (small cells) and what is computed from them read "<5".
  const count = (value: number | null) => <OrSmallCell value={value} format={formatCount} />;
  const share = (value: number | null) => formatOrMark(value, formatShare, mark);
  const figures: Figure[] = [
    { key: 'recipients', label: t.recipients, value: count(summary.recipients), note: t.recipientsNote(unitName) },
    { key: 'correct', label: t.correct, value: count(summary.correctRecipients), note: t.correctNote(share(shareOrNull(summary.correctRecipients, summary.recipients))) },
    { key: 'inclusion', label: t.inclusion, value: count(summary.inclusionErrors), note: t.inclusionNote(share(summary.inclusionRate)) },
    {
      key: 'exclusion',
      label: t.exclusion,
      value: count(summary.exclusionErrors),
      note: t.exclusionNote(share(summary.exclusionRate), formatOrMark(summary.eligible, formatCount, mark)),
    },
    { key: 'pending', label: t.pending, value: count(summary.pendingGroundCheck), note: t.pendingNote },
    { key: 'coverage', label: t.coverage, value: <OrSmallCell value={summary.coverage} format={formatShare} />, note: t.coverageNote },
    { key: 'leakage', label: t.leakage, value: <OrSmallCell value={summary.leakage} format={formatShare} />, note: t.leakageNote },
    { key: 'eligible', label: t.eligible, value: count(summary.eligible), note: t.eligibleNote(desilMin, desilMax) },
  ];
  return (
    <dl className="targeting-headline" data-testid="targeting-headline" aria-label={t.headlineLabel}>
      {figures.map((figure) => (
        <div key={figure.key} className={`figure-card targeting-headline__item targeting-headline__item--${figure.key}`} data-figure={figure.key}>
          <dt>{figure.label}</dt>
          <dd>
            <span className="targeting-headline__value">{figure.value}</span>
            <span className="targeting-headline__note">{figure.note}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
