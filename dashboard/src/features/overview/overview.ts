// Pure shaping of the overview's one query: the variables for a region and version, the headline figures
// and one row per program, each figure with its change since the previous published version and whether
// that change is good news. No React, no GraphQL client.
import { levelOfCode, regencyOfCode, type ProgramCodeValue } from '../../app/url-state';
import type { OverviewFiguresQuery, OverviewFiguresQueryVariables, QuotaStatusCode } from '../../generated/graphql';

/**
 * A figure at the version shown and the previous one. `current` and `previous` are null when the API withheld
 * them (small cells) or, for `previous`, without a previous version; `change` is null in either case, and
 * `withheld` says the change exists but is withheld (one side is a small cell).
 */
export interface Change {
  current: number | null;
  previous: number | null;
  change: number | null;
  withheld: boolean;
}

/** `previous` undefined: no previous version; null: withheld by the API. */
export function changeOf(current: number | null, previous: number | null | undefined): Change {
  const before = previous ?? null;
  return {
    current,
    previous: before,
    change: current === null || before === null ? null : current - before,
    withheld: previous !== undefined && (current === null || previous === null),
  };
}

/** Which direction of change is good news: more coverage is, more errors are not; counts are neither. */
export type Better = 'up' | 'down' | 'neither';
export type Tone = 'good' | 'bad' | 'neutral';

/** Below this a change of a rate (a fraction) counts as none: 0,0 points when shown. */
const RATE_EPSILON = 0.0005;

export function toneOf(figure: Change, better: Better, rate = false): Tone {
  if (figure.change === null || better === 'neither') return 'neutral';
  if (Math.abs(figure.change) < (rate ? RATE_EPSILON : 0.5)) return 'neutral';
  return figure.change > 0 === (better === 'up') ? 'good' : 'bad';
}

/** A quota gap is better the closer it is to zero (neither free places nor excess recipients). */
export function gapTone(gap: Change): Tone {
  if (gap.previous === null || gap.current === null) return 'neutral';
  const now = Math.abs(gap.current);
  const before = Math.abs(gap.previous);
  return now < before ? 'good' : now > before ? 'bad' : 'neutral';
}

/**
 * Where the quota status comes from: quotas are per kabupaten/kota. The nation and a province show how
 * many of their kabupaten/kota are under or over; a kabupaten shows its own status; a kecamatan or desa
 * the status of the kabupaten that contains it.
 */
export type QuotaScope =
  | { kind: 'area'; provinceCode: string | null }
  | { kind: 'regency'; provinceCode: string; regencyCode: string; own: boolean };

export function quotaScope(regionCode: string): QuotaScope {
  const level = levelOfCode(regionCode);
  if (level === 'NATION') return { kind: 'area', provinceCode: null };
  const provinceCode = regionCode.slice(0, 2);
  if (level === 'PROVINCE') return { kind: 'area', provinceCode };
  const regencyCode = regencyOfCode(regionCode) ?? regionCode;
  return { kind: 'regency', provinceCode, regencyCode, own: level === 'REGENCY' };
}

/** Variables of `OverviewFigures`; without a previous version the previous slots repeat the version. */
export function overviewVariables(regionCode: string, versionId: number, previousVersionId: number | null): OverviewFiguresQueryVariables {
  const scope = quotaScope(regionCode);
  return {
    regionCode,
    versionId,
    fromVersionId: previousVersionId ?? versionId,
    previousVersionId: previousVersionId ?? versionId,
    hasPrevious: previousVersionId !== null,
    // A kabupaten (or below) is asked for by its own code only: a user limited to it may not name its province.
    provinceCode: scope.kind === 'area' ? scope.provinceCode : null,
    regencyCode: scope.kind === 'regency' ? scope.regencyCode : null,
  };
}

export interface Headline {
  regionName: string;
  families: Change;
  individuals: Change;
  /** Share of the region's families in desil 1–4, a fraction. */
  share14: Change;
  /** Families in desil 1–4; null when withheld. */
  families14: number | null;
  /** Share of families per desil, desil 1 first (ten values; null = withheld). */
  desilShares: (number | null)[];
}

export function toHeadline(data: OverviewFiguresQuery): Headline {
  const { current, previous } = data;
  const byDesil = new Map(current.buckets.map((bucket) => [bucket.desil, bucket.familyShare]));
  return {
    regionName: current.region.name,
    families: changeOf(current.totalFamilies, previous?.totalFamilies),
    individuals: changeOf(current.totalIndividuals, previous?.totalIndividuals),
    share14: changeOf(current.shareDesil1To4.families, previous?.shareDesil1To4.families),
    families14:
      current.shareDesil1To4.families === null || current.totalFamilies === null
        ? null
        : Math.round(current.shareDesil1To4.families * current.totalFamilies),
    desilShares: Array.from({ length: 10 }, (_, index) => {
      const share = byDesil.get(index + 1);
      return share === undefined ? 0 : share;
    }),
  };
}

/** The program's quota figures at the region's scope. */
export type ProgramQuota =
  | { kind: 'assessment' }
  | { kind: 'area'; regencies: number; under: Change; over: Change }
  | {
      kind: 'regency';
      regencyCode: string;
      regencyName: string;
      own: boolean;
      /** Null when withheld (the recipients are a small cell). */
      status: QuotaStatusCode | null;
      quota: number;
      recipients: number | null;
      /** quota − recipients: free places when positive, excess recipients when negative. */
      gap: Change;
    }
  | { kind: 'missing' };

export interface ProgramRow {
  code: ProgramCodeValue;
  name: string;
  unit: 'FAMILY' | 'INDIVIDUAL';
  desilMin: number;
  desilMax: number;
  recipients: Change;
  eligible: Change;
  coverage: Change;
  leakage: Change;
  inclusionErrors: Change;
  exclusionErrors: Change;
  pendingGroundCheck: Change;
  quota: ProgramQuota;
}

type CoverageAlias = 'pkh' | 'sembako' | 'pbiJkn' | 'pip' | 'atensi';
type QuotaAlias = 'pkhQuota' | 'sembakoQuota' | 'pbiJknQuota';

const PREVIOUS_QUOTA = {
  pkhQuota: 'pkhQuotaPrevious',
  sembakoQuota: 'sembakoQuotaPrevious',
  pbiJknQuota: 'pbiJknQuotaPrevious',
} as const satisfies Record<QuotaAlias, keyof OverviewFiguresQuery>;

/** The aliases of each program in `OverviewFigures`; ATENSI and PIP have no quota query. */
const ALIASES: Readonly<Record<ProgramCodeValue, { coverage: CoverageAlias; quota: QuotaAlias | null }>> = {
  PKH: { coverage: 'pkh', quota: 'pkhQuota' },
  SEMBAKO: { coverage: 'sembako', quota: 'sembakoQuota' },
  PBI_JKN: { coverage: 'pbiJkn', quota: 'pbiJknQuota' },
  PIP: { coverage: 'pip', quota: null },
  ATENSI: { coverage: 'atensi', quota: null },
};

function isProgramCode(code: string): code is ProgramCodeValue {
  return code in ALIASES;
}

type QuotaFigures = NonNullable<OverviewFiguresQuery[QuotaAlias]>;

function quotaOf(current: QuotaFigures | undefined, previous: QuotaFigures | undefined | null, scope: QuotaScope): ProgramQuota {
  if (!current) return { kind: 'assessment' };
  if (scope.kind === 'area') {
    return {
      kind: 'area',
      regencies: current.totals.count,
      under: changeOf(current.totals.under, previous?.totals.under),
      over: changeOf(current.totals.over, previous?.totals.over),
    };
  }
  const row = current.rows.find((candidate) => candidate.regency.code === scope.regencyCode);
  if (!row) return { kind: 'missing' };
  const before = previous?.rows.find((candidate) => candidate.regency.code === scope.regencyCode);
  return {
    kind: 'regency',
    regencyCode: row.regency.code,
    regencyName: row.regency.name,
    own: scope.own,
    status: row.status,
    quota: row.quota,
    recipients: row.recipients,
    gap: changeOf(row.gap, before?.gap),
  };
}

/**
 * One row per program in the API's display order, with the figures at `versionId` and the change since
 * `previousVersionId` (the coverage trend's two points).
 */
export function toProgramRows(
  data: OverviewFiguresQuery,
  regionCode: string,
  versionId: number,
  previousVersionId: number | null,
): ProgramRow[] {
  const scope = quotaScope(regionCode);
  const rows: ProgramRow[] = [];
  for (const program of data.programs) {
    if (!isProgramCode(program.code)) continue;
    const aliases = ALIASES[program.code];
    const points = data[aliases.coverage].points;
    const now = points.find((point) => point.version.id === versionId);
    if (!now) continue;
    const before = previousVersionId === null ? undefined : points.find((point) => point.version.id === previousVersionId);
    const quota = aliases.quota ? data[aliases.quota] : undefined;
    const quotaBefore = aliases.quota ? data[PREVIOUS_QUOTA[aliases.quota]] : undefined;
    rows.push({
      code: program.code,
      name: program.name,
      unit: program.unit,
      desilMin: program.desilMin,
      desilMax: program.desilMax,
      recipients: changeOf(now.recipients, before?.recipients),
      eligible: changeOf(now.eligible, before?.eligible),
      coverage: changeOf(now.coverage, before?.coverage),
      leakage: changeOf(now.leakage, before?.leakage),
      inclusionErrors: changeOf(now.inclusionErrors, before?.inclusionErrors),
      exclusionErrors: changeOf(now.exclusionErrors, before?.exclusionErrors),
      pendingGroundCheck: changeOf(now.pendingGroundCheck, before?.pendingGroundCheck),
      quota: quotaOf(quota, quotaBefore, scope),
    });
  }
  return rows;
}

/** Figures of the program table and which direction of change is good for each. */
export const PROGRAM_FIGURES = [
  { key: 'recipients', better: 'neither', rate: false },
  { key: 'eligible', better: 'neither', rate: false },
  { key: 'coverage', better: 'up', rate: true },
  { key: 'leakage', better: 'down', rate: true },
  { key: 'inclusionErrors', better: 'down', rate: false },
  { key: 'exclusionErrors', better: 'down', rate: false },
  { key: 'pendingGroundCheck', better: 'down', rate: false },
] as const satisfies readonly { key: keyof ProgramRow; better: Better; rate: boolean }[];

export type ProgramFigureKey = (typeof PROGRAM_FIGURES)[number]['key'];
