import { formatCount, formatShare } from '../../../shared/format';
import { cumulativeUpTo, UNIT_LABELS, type DesilPoint, type DesilUnit } from '../toSeries';

export interface HeadlineFiguresProps {
  totalFamilies: number;
  totalIndividuals: number;
  series: readonly DesilPoint[];
  unit: DesilUnit;
}

/** Registry totals, and how much of the selected unit falls in the program target ranges. */
export function HeadlineFigures({ totalFamilies, totalIndividuals, series, unit }: HeadlineFiguresProps) {
  const unitLabel = UNIT_LABELS[unit].toLowerCase();
  const upTo4 = cumulativeUpTo(series, 4);
  const upTo5 = cumulativeUpTo(series, 5);
  return (
    <dl className="headline">
      <div className="headline__item">
        <dt>Total keluarga</dt>
        <dd>{formatCount(totalFamilies)}</dd>
      </div>
      <div className="headline__item">
        <dt>Total individu</dt>
        <dd>{formatCount(totalIndividuals)}</dd>
      </div>
      <div className="headline__item headline__item--priority">
        <dt>Desil 1–4 ({unitLabel})</dt>
        <dd>
          {formatCount(upTo4.value)} <small>{formatShare(upTo4.share)}</small>
        </dd>
      </div>
      <div className="headline__item headline__item--extended">
        <dt>Desil 1–5 ({unitLabel})</dt>
        <dd>
          {formatCount(upTo5.value)} <small>{formatShare(upTo5.share)}</small>
        </dd>
      </div>
    </dl>
  );
}
