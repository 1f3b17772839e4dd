// Answers of `OverviewFigures` for versions 3 (shown) and 2 (previous) of `versionsFixture` by default, with the
// figures of the scale-0.001 dataset at its versions 5 and 4.
import type { OverviewFiguresQuery } from '../../../generated/graphql';

type Point = OverviewFiguresQuery['pkh']['points'][number];
type Quota = NonNullable<OverviewFiguresQuery['pkhQuota']>;

const point = (
  version: number,
  [recipients, eligible, coverage, leakage, inclusionErrors, exclusionErrors, pendingGroundCheck]: readonly number[],
): Point => ({
  version: { id: version },
  recipients: recipients ?? 0,
  eligible: eligible ?? 0,
  coverage: coverage ?? 0,
  leakage: leakage ?? 0,
  inclusionErrors: inclusionErrors ?? 0,
  exclusionErrors: exclusionErrors ?? 0,
  pendingGroundCheck: pendingGroundCheck ?? 0,
});

/** recipients, eligible, coverage, leakage, inclusion, exclusion, pending — previous version, then shown. */
const FIGURES: Readonly<Record<string, readonly [readonly number[], readonly number[]]>> = {
  pkh: [
    [9_502, 31_887, 0.26967, 0.09503, 506, 23_288, 397],
    [9_475, 31_722, 0.27199, 0.08939, 473, 23_094, 374],
  ],
  sembako: [
    [18_642, 39_087, 0.43457, 0.08883, 1_272, 22_101, 384],
    [18_806, 38_852, 0.4424, 0.08604, 1_219, 21_664, 399],
  ],
  pbiJkn: [
    [88_519, 117_331, 0.66122, 0.12356, 8_958, 39_749, 1_979],
    [87_637, 116_764, 0.66336, 0.11617, 8_173, 39_308, 2_008],
  ],
  pip: [
    [13_059, 29_198, 0.37201, 0.16824, 1_887, 18_336, 310],
    [12_900, 29_000, 0.36, 0.17, 1_900, 18_400, 300],
  ],
  atensi: [
    [2_000, 9_000, 0.15, 0.25, 400, 7_600, 100],
    [2_000, 9_000, 0.15, 0.25, 400, 7_600, 100],
  ],
};

function trend(alias: string, hasPrevious: boolean, versionId: number): OverviewFiguresQuery['pkh'] {
  const [before, now] = FIGURES[alias] ?? [[], []];
  return { points: hasPrevious ? [point(versionId - 1, before), point(versionId, now)] : [point(versionId, now)] };
}

const areaQuota = (under: number, over: number, count = 514): Quota => ({
  unit: 'FAMILY',
  totalCount: count,
  totals: { count, under, over, match: count - under - over, shortfall: 1_098, excess: 573 },
  rows: [{ regency: { code: '32.12', name: 'Kabupaten Indramayu' }, quota: 84, recipients: 64, gap: 20, status: 'UNDER' }],
});

const bogorQuota = (gap: number): Quota => ({
  unit: 'FAMILY',
  totalCount: 1,
  totals: { count: 1, under: gap > 0 ? 1 : 0, over: gap < 0 ? 1 : 0, match: gap === 0 ? 1 : 0, shortfall: Math.max(gap, 0), excess: Math.max(-gap, 0) },
  rows: [{ regency: { code: '32.01', name: 'Kabupaten Bogor' }, quota: 177, recipients: 177 - gap, gap, status: gap > 0 ? 'UNDER' : gap < 0 ? 'OVER' : 'MATCH' }],
});

const buckets = [0.091, 0.097, 0.0985, 0.0996, 0.0996, 0.1009, 0.1015, 0.1016, 0.1034, 0.1049].map((familyShare, index) => ({
  desil: index + 1,
  familyShare,
}));

export const programsFixture: OverviewFiguresQuery['programs'] = [
  { code: 'PKH', name: 'Program Keluarga Harapan', unit: 'FAMILY', desilMin: 1, desilMax: 4, nationalQuota: 10_000_000 },
  { code: 'SEMBAKO', name: 'Program Sembako (BPNT)', unit: 'FAMILY', desilMin: 1, desilMax: 5, nationalQuota: 18_300_000 },
  { code: 'PBI_JKN', name: 'Penerima Bantuan Iuran Jaminan Kesehatan Nasional', unit: 'INDIVIDUAL', desilMin: 1, desilMax: 5, nationalQuota: 96_000_000 },
  { code: 'ATENSI', name: 'Asistensi Rehabilitasi Sosial', unit: 'INDIVIDUAL', desilMin: 1, desilMax: 5, nationalQuota: null },
  { code: 'PIP', name: 'Program Indonesia Pintar', unit: 'INDIVIDUAL', desilMin: 1, desilMax: 5, nationalQuota: null },
];

export interface FixtureOptions {
  /** Region of the answer: the nation (default), a kabupaten (`32.01`) or a kecamatan in it (`32.01.01`). */
  region?: 'nation' | 'regency' | 'district';
  hasPrevious?: boolean;
  totalFamilies?: number;
  /** The version shown (the previous one is the id before it). */
  versionId?: number;
}

export function overviewFixture({
  region = 'nation',
  hasPrevious = true,
  totalFamilies = 92_017,
  versionId = 3,
}: FixtureOptions = {}): OverviewFiguresQuery {
  const regionRef =
    region === 'nation'
      ? { code: 'ID', name: 'Indonesia', level: 'NATION' as const }
      : region === 'regency'
        ? { code: '32.01', name: 'Kabupaten Bogor', level: 'REGENCY' as const }
        : { code: '32.01.01', name: 'Cibinong', level: 'DISTRICT' as const };
  const quota = (under: number, over: number, gap: number) => (region === 'nation' ? areaQuota(under, over) : bogorQuota(gap));
  return {
    programs: programsFixture,
    current: {
      totalFamilies,
      totalIndividuals: 281_438,
      region: regionRef,
      shareDesil1To4: { families: 0.38622, individuals: 0.4 },
      buckets,
    },
    ...(hasPrevious
      ? {
          previous: {
            totalFamilies: 91_568,
            totalIndividuals: 279_562,
            region: regionRef,
            shareDesil1To4: { families: 0.38638, individuals: 0.39999 },
            buckets,
          },
          pkhQuotaPrevious: quota(274, 176, -13),
          sembakoQuotaPrevious: quota(250, 200, 10),
          pbiJknQuotaPrevious: quota(300, 150, -40),
        }
      : {}),
    pkh: trend('pkh', hasPrevious, versionId),
    sembako: trend('sembako', hasPrevious, versionId),
    pbiJkn: trend('pbiJkn', hasPrevious, versionId),
    pip: trend('pip', hasPrevious, versionId),
    atensi: trend('atensi', hasPrevious, versionId),
    pkhQuota: quota(279, 168, -15),
    sembakoQuota: quota(260, 190, 4),
    pbiJknQuota: quota(290, 160, -40),
  };
}
