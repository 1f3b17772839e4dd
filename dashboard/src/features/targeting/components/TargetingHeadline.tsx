import { formatCount, formatShare } from '../../../shared/format';
import { useMessages } from '../../../shared/i18n';
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
  value: string;
  note: string;
}

/** The region's targeting summary: counts with the rate each is judged by. */
export function TargetingHeadline({ summary, unitName, desilMin, desilMax }: TargetingHeadlineProps) {
  const t = useMessages(targetingMessages);
  const ofRecipients = (count: number) => (summary.recipients > 0 ? count / summary.recipients : 0);
  const figures: Figure[] = [
    { key: 'recipients', label: t.recipients, value: formatCount(summary.recipients), note: t.recipientsNote(unitName) },
    { key: 'correct', label: t.correct, value: formatCount(summary.correctRecipients), note: t.correctNote(formatShare(ofRecipients(summary.correctRecipients))) },
    { key: 'inclusion', label: t.inclusion, value: formatCount(summary.inclusionErrors), note: t.inclusionNote(formatShare(summary.inclusionRate)) },
    {
      key: 'exclusion',
      label: t.exclusion,
      value: formatCount(summary.exclusionErrors),
      note: t.exclusionNote(formatShare(summary.exclusionRate), formatCount(summary.eligible)),
    },
    { key: 'pending', label: t.pending, value: formatCount(summary.pendingGroundCheck), note: t.pendingNote },
    { key: 'coverage', label: t.coverage, value: formatShare(summary.coverage), note: t.coverageNote },
    { key: 'leakage', label: t.leakage, value: formatShare(summary.leakage), note: t.leakageNote },
    { key: 'eligible', label: t.eligible, value: formatCount(summary.eligible), note: t.eligibleNote(desilMin, desilMax) },
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
