import type { ReactNode } from 'react';
import { hrefFor, onLinkClick } from '../../../app/navigation';
import type { VersionFieldsFragment } from '../../../generated/graphql';
import { formatCount, formatShare } from '../../../shared/format';
import { OrSmallCell, SmallCellNote } from '../../../shared/components/SmallCell';
import { useMessages } from '../../../shared/i18n';
import { formatOrMark, smallCellMark, useSmallCellThreshold } from '../../../shared/small-cells';
import { overviewMessages } from '../messages';
import { toneOf, type Headline } from '../overview';
import { Delta } from './Delta';

export interface HeadlineCardsProps {
  headline: Headline;
  previous: VersionFieldsFragment | null;
}

/** Big numbers: families, individuals, the share in desil 1–4, and a small desil chart. */
export function HeadlineCards({ headline, previous }: HeadlineCardsProps) {
  const t = useMessages(overviewMessages);
  const mark = smallCellMark(useSmallCellThreshold());
  const previousLabel = previous?.label ?? null;
  const since = previousLabel && <span className="overview-card__since">{t.sinceLabel(previousLabel)}</span>;
  return (
    <div className="overview-cards" data-testid="overview-headline">
      <dl className="overview-cards__figures">
        <Card label={t.families} value={<OrSmallCell value={headline.families.current} format={formatCount} />} testId="overview-families">
          <Delta figure={headline.families} tone="neutral" previousLabel={previousLabel} /> {since}
        </Card>
        <Card label={t.individuals} value={<OrSmallCell value={headline.individuals.current} format={formatCount} />} testId="overview-individuals">
          <Delta figure={headline.individuals} tone="neutral" previousLabel={previousLabel} /> {since}
        </Card>
        <Card
          label={t.share14}
          value={<OrSmallCell value={headline.share14.current} format={formatShare} />}
          detail={t.share14Detail(formatOrMark(headline.families14, formatCount, mark))}
          testId="overview-share14"
          modifier="priority"
        >
          <Delta figure={headline.share14} tone={toneOf(headline.share14, 'down', true)} rate previousLabel={previousLabel} /> {since}
        </Card>
      </dl>
      <DesilSparkbars shares={headline.desilShares} />
    </div>
  );
}

interface CardProps {
  label: string;
  value: ReactNode;
  detail?: string;
  testId: string;
  modifier?: string;
  children: ReactNode;
}

function Card({ label, value, detail, testId, modifier, children }: CardProps) {
  return (
    <div className={modifier ? `figure-card overview-card overview-card--${modifier}` : 'figure-card overview-card'} data-testid={testId}>
      <dt className="overview-card__label">{label}</dt>
      <dd className="overview-card__value">{value}</dd>
      {detail && <dd className="overview-card__detail">{detail}</dd>}
      <dd className="overview-card__change">{children}</dd>
    </div>
  );
}

/** Ten small bars of the family share per desil; the list doubles as its own text equivalent. */
function DesilSparkbars({ shares }: { shares: readonly (number | null)[] }) {
  const t = useMessages(overviewMessages);
  const mark = smallCellMark(useSmallCellThreshold());
  // A withheld desil (a small cell) has no bar.
  const max = Math.max(...shares.map((share) => share ?? 0), 0.0001);
  return (
    <figure className="figure-card overview-card overview-desil" data-testid="overview-desil">
      <figcaption className="overview-card__label">{t.desilChart}</figcaption>
      <ol className="overview-desil__bars">
        {shares.map((share, index) => {
          const desil = index + 1;
          const band = desil <= 4 ? 'priority' : desil === 5 ? 'extended' : 'upper';
          return (
            <li key={desil} className="overview-desil__item">
              <span className={`overview-desil__bar band band--${band}`} style={{ height: `${((share ?? 0) / max) * 100}%` }} aria-hidden="true" />
              <span className="visually-hidden">{t.desilBar(desil, formatOrMark(share, formatShare, mark))}</span>
            </li>
          );
        })}
      </ol>
      <SmallCellNote show={shares.some((share) => share === null)} />
      <a className="overview-desil__link" href={hrefFor({ view: 'desil' })} onClick={onLinkClick({ view: 'desil' })}>
        {t.desilChartLink} →
      </a>
    </figure>
  );
}
