import { useId, useMemo } from 'react';
import { useQuery } from 'urql';
import { levelOfCode, type ProgramCodeValue } from '../../../app/url-state';
import { TrendsPbiReactivationDocument, TrendsPkhDurationDocument, TrendsProgramOverlapDocument } from '../../../generated/graphql';
import { LoadState } from '../../../shared/components/LoadState';
import { formatCount, formatShare } from '../../../shared/format';
import { useMessages } from '../../../shared/i18n';
import { trendsMessages } from '../messages';
import { overlapOf } from '../programFigures';

export interface ProgramFiguresProps {
  programCode: ProgramCodeValue;
  programName: string;
  regionCode: string;
  versionId: number;
  versionLabel: string;
}

/** Small cards for the current version: PKH membership duration, PBI-JKN reactivation, program overlap. */
export function ProgramFigures({ programCode, programName, regionCode, versionId, versionLabel }: ProgramFiguresProps) {
  const t = useMessages(trendsMessages);
  const headingId = useId();
  const belowDistrict = levelOfCode(regionCode) === 'VILLAGE';
  return (
    <section className="trends-section trends-cards" aria-labelledby={headingId} data-testid="trends-program-figures">
      <h3 id={headingId}>{t.programFiguresHeading(versionLabel)}</h3>
      <div className="trends-cards__grid">
        {programCode === 'PKH' &&
          (belowDistrict ? (
            <p className="panel trends-card trends-note">{t.pkhNotAtVillage}</p>
          ) : (
            <PkhDurationCard regionCode={regionCode} versionId={versionId} />
          ))}
        {programCode === 'PBI_JKN' && <PbiReactivationCard regionCode={regionCode} versionId={versionId} />}
        {belowDistrict ? (
          <p className="panel trends-card trends-note">{t.overlapNotAtVillage}</p>
        ) : (
          <OverlapCard programCode={programCode} programName={programName} regionCode={regionCode} versionId={versionId} />
        )}
      </div>
    </section>
  );
}

function PkhDurationCard({ regionCode, versionId }: { regionCode: string; versionId: number }) {
  const t = useMessages(trendsMessages);
  const [result, reexecute] = useQuery({ query: TrendsPkhDurationDocument, variables: { regionCode, versionId } });
  const data = result.data?.pkhDuration;
  const years = data?.maxYears ?? 5;
  return (
    <div className="panel trends-card" data-testid="trends-pkh-duration">
      <h4>{t.pkhTitle(years)}</h4>
      <LoadState fetching={result.fetching} error={result.error} hasData={data !== undefined} retry={() => reexecute({ requestPolicy: 'network-only' })}>
        {data && (
          <p className="trends-card__figure">
            <strong>{formatCount(data.reachedMaxYears)}</strong> ({formatShare(data.reachedShare)}) {t.pkhReached(years)}{' '}
            <span className="trends-note">{t.pkhOf(formatCount(data.totalRecipients))}</span>
          </p>
        )}
      </LoadState>
    </div>
  );
}

function PbiReactivationCard({ regionCode, versionId }: { regionCode: string; versionId: number }) {
  const t = useMessages(trendsMessages);
  const [result, reexecute] = useQuery({ query: TrendsPbiReactivationDocument, variables: { regionCode, versionId } });
  const data = result.data?.pbiReactivation;
  return (
    <div className="panel trends-card" data-testid="trends-pbi-reactivation">
      <h4>{t.pbiTitle}</h4>
      <LoadState fetching={result.fetching} error={result.error} hasData={data !== undefined} retry={() => reexecute({ requestPolicy: 'network-only' })}>
        {data && (
          <>
            <dl className="trends-card__list">
              <dt>{t.pbiRemoved}</dt>
              <dd>{formatCount(data.removed)}</dd>
              <dt>{t.pbiReactivated}</dt>
              <dd>{formatCount(data.reactivated)}</dd>
              <dt>{t.pbiEligible}</dt>
              <dd>{formatCount(data.eligible)}</dd>
              <dt>{t.pbiOverdue}</dt>
              <dd>{formatCount(data.overdueDataUpdates)}</dd>
            </dl>
            {data.unmet.some((item) => item.people > 0) && (
              <details className="trends-card__details">
                <summary>{t.pbiUnmet}</summary>
                <dl className="trends-card__list">
                  {data.unmet.map((item) => (
                    <div key={item.condition} className="trends-card__pair">
                      <dt>{t.condition(item.condition)}</dt>
                      <dd>{formatCount(item.people)}</dd>
                    </div>
                  ))}
                </dl>
              </details>
            )}
          </>
        )}
      </LoadState>
    </div>
  );
}

function OverlapCard({ programCode, programName, regionCode, versionId }: { programCode: ProgramCodeValue; programName: string; regionCode: string; versionId: number }) {
  const t = useMessages(trendsMessages);
  const [result, reexecute] = useQuery({ query: TrendsProgramOverlapDocument, variables: { regionCode, versionId } });
  const combinations = result.data?.programOverlap.combinations;
  const overlap = useMemo(() => (combinations ? overlapOf(combinations, programCode) : null), [combinations, programCode]);
  return (
    <div className="panel trends-card" data-testid="trends-overlap">
      <h4>{t.overlapTitle(programName)}</h4>
      <LoadState fetching={result.fetching} error={result.error} hasData={overlap !== null} retry={() => reexecute({ requestPolicy: 'network-only' })}>
        {overlap && (
          <>
            <p className="trends-note">
              {t.overlapFamilies(formatCount(overlap.families))} ·{' '}
              {t.overlapOnly(formatShare(overlap.families === 0 ? 0 : overlap.onlyThis / overlap.families))}
            </p>
            <ul className="trends-bars">
              {overlap.others.map((other) => (
                <li key={other.program}>
                  <span className="trends-bars__label">{t.programName(other.program)}</span>
                  <span className="trends-bars__track" aria-hidden="true">
                    <span className="trends-bars__fill" style={{ width: `${(other.share * 100).toFixed(1)}%` }} />
                  </span>
                  <span className="trends-bars__value">{formatShare(other.share)}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </LoadState>
    </div>
  );
}
