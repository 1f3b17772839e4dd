import { useId, useMemo } from 'react';
import { useQuery } from 'urql';
import { levelOfCode, type ProgramCodeValue } from '../../../app/url-state';
import { TrendsPbiReactivationDocument, TrendsPkhDurationDocument, TrendsProgramOverlapDocument } from '../../../generated/graphql';
import { LoadState } from '../../../shared/components/LoadState';
import { OrSmallCell } from '../../../shared/components/SmallCell';
import { formatCount, formatShare } from '../../../shared/format';
import { useMessages } from '../../../shared/i18n';
import { formatOrMark, shareOrNull, smallCellMark, useSmallCellThreshold } from '../../../shared/small-cells';
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
  const mark = smallCellMark(useSmallCellThreshold());
  const [result, reexecute] = useQuery({ query: TrendsPkhDurationDocument, variables: { regionCode, versionId } });
  const data = result.data?.pkhDuration;
  const years = data?.maxYears ?? 5;
  return (
    <div className="panel trends-card" data-testid="trends-pkh-duration">
      <h4>{t.pkhTitle(years)}</h4>
      <LoadState fetching={result.fetching} error={result.error} hasData={data !== undefined} retry={() => reexecute({ requestPolicy: 'network-only' })}>
        {data && (
          <p className="trends-card__figure">
            <strong>
              <OrSmallCell value={data.reachedMaxYears} format={formatCount} />
            </strong>{' '}
            (<OrSmallCell value={data.reachedShare} format={formatShare} />) {t.pkhReached(years)}{' '}
            <span className="trends-note">{t.pkhOf(formatOrMark(data.totalRecipients, formatCount, mark))}</span>
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
              <dd>
                <OrSmallCell value={data.removed} format={formatCount} />
              </dd>
              <dt>{t.pbiReactivated}</dt>
              <dd>
                <OrSmallCell value={data.reactivated} format={formatCount} />
              </dd>
              <dt>{t.pbiEligible}</dt>
              <dd>
                <OrSmallCell value={data.eligible} format={formatCount} />
              </dd>
              <dt>{t.pbiOverdue}</dt>
              <dd>
                <OrSmallCell value={data.overdueDataUpdates} format={formatCount} />
              </dd>
            </dl>
            {/* A withheld count (a small cell) is 1 or more. */}
            {data.unmet.some((item) => item.people !== 0) && (
              <details className="trends-card__details">
                <summary>{t.pbiUnmet}</summary>
                <dl className="trends-card__list">
                  {data.unmet.map((item) => (
                    <div key={item.condition} className="trends-card__pair">
                      <dt>{t.condition(item.condition)}</dt>
                      <dd>
                        <OrSmallCell value={item.people} format={formatCount} />
                      </dd>
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
  const mark = smallCellMark(useSmallCellThreshold());
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
              {t.overlapFamilies(formatOrMark(overlap.families, formatCount, mark))} ·{' '}
              {t.overlapOnly(formatOrMark(shareOrNull(overlap.onlyThis, overlap.families), formatShare, mark))}
            </p>
            <ul className="trends-bars">
              {overlap.others.map((other) => (
                <li key={other.program}>
                  <span className="trends-bars__label">{t.programName(other.program)}</span>
                  <span className="trends-bars__track" aria-hidden="true">
                    <span className="trends-bars__fill" style={{ width: `${((other.share ?? 0) * 100).toFixed(1)}%` }} />
                  </span>
                  <span className="trends-bars__value">{formatOrMark(other.share, formatShare, mark)}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </LoadState>
    </div>
  );
}
