import type { ReactNode } from 'react';
import { formatCount, formatShare, formatSignedCount, formatSignedPoints } from '../../../shared/format';
import { OrSmallCell, SmallCell } from '../../../shared/components/SmallCell';
import { useMessages } from '../../../shared/i18n';
import { differenceOrNull } from '../../../shared/small-cells';
import { desilMessages } from '../messages';
import { cumulativeUpTo, type DesilPoint, type DesilUnit } from '../toSeries';

interface Totals {
  /** Null when withheld (a small cell). */
  totalFamilies: number | null;
  totalIndividuals: number | null;
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
  // A change computed from a withheld figure is withheld too.
  const change = (value: number | null, format: (value: number) => string) =>
    compare && (
      <span className="desil-headline__change">
        {value === null ? <SmallCell /> : format(value)} {t.versusCompare(compare.label)}
      </span>
    );
  const points = (value: number) => formatSignedPoints(value, t.points);
  return (
    <dl className="headline" data-testid="desil-headline">
      <Item label={t.totalFamilies} change={compare && change(differenceOrNull(totalFamilies, compare.totalFamilies), formatSignedCount)}>
        <OrSmallCell value={totalFamilies} format={formatCount} />
      </Item>
      <Item label={t.totalIndividuals} change={compare && change(differenceOrNull(totalIndividuals, compare.totalIndividuals), formatSignedCount)}>
        <OrSmallCell value={totalIndividuals} format={formatCount} />
      </Item>
      <Item label={t.upTo(4, unitLabel)} modifier="priority" change={before4 && change(differenceOrNull(upTo4.share, before4.share), points)}>
        <OrSmallCell value={upTo4.value} format={formatCount} /> <small><OrSmallCell value={upTo4.share} format={formatShare} /></small>
      </Item>
      <Item label={t.upTo(5, unitLabel)} modifier="extended" change={before5 && change(differenceOrNull(upTo5.share, before5.share), points)}>
        <OrSmallCell value={upTo5.value} format={formatCount} /> <small><OrSmallCell value={upTo5.share} format={formatShare} /></small>
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
