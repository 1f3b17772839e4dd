import type { ReactNode } from 'react';
import { formatCount, formatShare, formatSignedCount, formatSignedPoints } from '../../../shared/format';
import { useMessages } from '../../../shared/i18n';
import { desilMessages } from '../messages';
import { cumulativeUpTo, type DesilPoint, type DesilUnit } from '../toSeries';

interface Totals {
  totalFamilies: number;
  totalIndividuals: number;
  series: readonly DesilPoint[];
}

export interface HeadlineFiguresProps extends Totals {
  unit: DesilUnit;
  /** The compared version's figures and label, to show the difference under each figure. */
  compare?: (Totals & { label: string }) | null;
}

/** Registry totals, and how much of the selected unit falls in the program target ranges. */
export function HeadlineFigures({ totalFamilies, totalIndividuals, series, unit, compare }: HeadlineFiguresProps) {
  const t = useMessages(desilMessages);
  const unitLabel = unit === 'families' ? t.familiesLower : t.individualsLower;
  const upTo4 = cumulativeUpTo(series, 4);
  const upTo5 = cumulativeUpTo(series, 5);
  const before4 = compare ? cumulativeUpTo(compare.series, 4) : null;
  const before5 = compare ? cumulativeUpTo(compare.series, 5) : null;
  const change = (text: string) => compare && <span className="desil-headline__change">{`${text} ${t.versusCompare(compare.label)}`}</span>;
  return (
    <dl className="headline" data-testid="desil-headline">
      <Item label={t.totalFamilies} change={compare && change(formatSignedCount(totalFamilies - compare.totalFamilies))}>
        {formatCount(totalFamilies)}
      </Item>
      <Item label={t.totalIndividuals} change={compare && change(formatSignedCount(totalIndividuals - compare.totalIndividuals))}>
        {formatCount(totalIndividuals)}
      </Item>
      <Item
        label={t.upTo(4, unitLabel)}
        modifier="priority"
        change={before4 && change(formatSignedPoints(upTo4.share - before4.share, t.points))}
      >
        {formatCount(upTo4.value)} <small>{formatShare(upTo4.share)}</small>
      </Item>
      <Item
        label={t.upTo(5, unitLabel)}
        modifier="extended"
        change={before5 && change(formatSignedPoints(upTo5.share - before5.share, t.points))}
      >
        {formatCount(upTo5.value)} <small>{formatShare(upTo5.share)}</small>
      </Item>
    </dl>
  );
}

function Item({ label, modifier, change, children }: { label: string; modifier?: string; change: ReactNode; children: ReactNode }) {
  return (
    <div className={modifier ? `figure-card headline__item headline__item--${modifier}` : 'figure-card headline__item'}>
      <dt>{label}</dt>
      <dd>{children}</dd>
      {change ? <dd className="desil-headline__delta">{change}</dd> : null}
    </div>
  );
}
