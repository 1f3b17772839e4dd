/**
 * Trend analyses across DTSEN versions, read from the rollups written at publication (coverage, churn, program
 * overlap, proposals funnel, membership duration) or computed in raw SQL on either engine by the targeting services
 * (desil transitions, PBI-JKN reactivation). Every read is one grouped statement for all versions or sub-regions asked.
 */
import { versionYear } from '../../domain/versions.js';
import { summaryOfClassRows } from '../targeting/targeting.logic.js';
import { churnRows, classRows, cubeRecipientSums, cubeRows, membershipRows, overlapRows, proposalRows } from '../../db/rollup-reads.js';
import type { SqlRunner } from '../../db/sql-runner.js';
import { programByCode, type ProgramCode } from '../../domain/programs.js';
import { BadUserInputError, NotFoundError } from '../../graphql/errors.js';
import { NATION_CODE } from '../region/region.logic.js';
import type { ProposalKind, ProposalPath, ProposalStatus } from '../proposal/proposal.enums.js';
import type { RegionService } from '../region/region.service.js';
import type { RegionLevel, RegionView } from '../region/region.type.js';
import { PbiReactivationError, PBI_REACTIVATION_CONDITIONS, countPbiReactivation } from '../targeting/reactivation.service.js';
import { TransitionsError, countDesilTransitions } from '../targeting/transitions.service.js';
import type { VersionService } from '../version/version.service.js';
import type { VersionView } from '../version/version.type.js';
import type { ProposalFunnelGroupBy } from './trends.enums.js';
import {
  PROPOSAL_KINDS, PROPOSAL_PATHS, PROPOSAL_STATUSES, churnFlows, churnSteps, coverageFromClasses, coverageFromCube,
  groupProposals, membershipDuration, programOverlap, summarizeTransitions,
  type ProposalGroupKey, type ProposalRow,
} from './trends.logic.js';
import type {
  ChurnGql, CoverageTrendGql, DesilTransitionsGql, PbiReactivationGql, PkhDurationGql, ProgramOverlapGql, ProposalFunnelGql,
} from './trends.type.js';

/** Levels each rollup is kept at (publish.sql.ts). */
const CUBE_LEVELS: readonly RegionLevel[] = ['NATION', 'PROVINCE', 'REGENCY'];
const OVERLAP_LEVELS: readonly RegionLevel[] = ['NATION', 'PROVINCE', 'REGENCY', 'DISTRICT'];
const MEMBERSHIP_LEVELS = OVERLAP_LEVELS;
const PROPOSAL_LEVELS: readonly RegionLevel[] = ['NATION', 'PROVINCE', 'REGENCY'];
const LEVEL_NAMES: Record<RegionLevel, string> = {
  NATION: 'the nation', PROVINCE: 'province', REGENCY: 'kabupaten/kota', DISTRICT: 'kecamatan', VILLAGE: 'desa/kelurahan',
};

export interface CoverageTrendQuery {
  regionCode?: string | null;
  programCode: ProgramCode;
  fromVersionId?: number | null;
  toVersionId?: number | null;
}

export interface ChurnQuery {
  regionCode?: string | null;
  programCode: ProgramCode;
  fromVersionId?: number | null;
  toVersionId: number;
}

export class TrendsService {
  constructor(
    private readonly regions: RegionService,
    private readonly versions: VersionService,
    /** Raw SQL for the rollup reads and the on-demand computations: the direct SQLite connection, or Prisma's PostgreSQL pool. */
    private readonly sql: SqlRunner,
  ) {}

  /** Coverage, leakage and targeting errors per published version in [from, to]; one rollup read for all versions. */
  async coverageTrend(q: CoverageTrendQuery): Promise<CoverageTrendGql> {
    const [region, all] = await Promise.all([this.region(q.regionCode), this.versions.listVersions()]);
    const published = all.filter((v) => v.status === 'PUBLISHED');
    if (published.length === 0) throw new NotFoundError('DtsenVersion', 'latest', 'No published DTSEN version yet');
    const from = q.fromVersionId == null ? published[0]! : pick(all, q.fromVersionId);
    const to = q.toVersionId == null ? published.at(-1)! : pick(all, q.toVersionId);
    assertOrder(from, to, true);
    const range = published.filter((v) => v.id >= from.id && v.id <= to.id);
    const ids = range.map((v) => v.id);
    const byId = new Map(range.map((v) => [v.id, v]));
    const where = { versionIds: ids, programCode: q.programCode, regionCodes: [region.code] };
    let points;
    let source: CoverageTrendGql['source'];
    if (CUBE_LEVELS.includes(region.level)) {
      source = 'TARGETING_ROLLUP';
      const rows = await cubeRows(this.sql, { ...where, programCodes: [q.programCode] });
      points = coverageFromCube(programByCode(q.programCode), ids, rows);
    } else {
      source = 'TARGETING_CLASS_ROLLUP';
      const rows = await classRows(this.sql, where);
      points = coverageFromClasses(ids, rows);
    }
    return { region, programCode: q.programCode, source, points: points.map(({ versionId, ...p }) => ({ version: byId.get(versionId)!, ...p })) };
  }

  /** Entries and exits in (from, to] by reason, per step, and the recipients at both ends. */
  async churn(q: ChurnQuery): Promise<ChurnGql> {
    const [region, all] = await Promise.all([this.region(q.regionCode), this.versions.listVersions()]);
    const to = pick(all, q.toVersionId);
    if (q.fromVersionId == null && !all.some((v) => v.id === to.id - 1)) {
      throw new BadUserInputError('toVersionId', `version ${to.id} has no previous version to count churn from`);
    }
    const from = pick(all, q.fromVersionId ?? to.id - 1);
    assertOrder(from, to, false);
    const [rows, recipients] = await Promise.all([
      churnRows(this.sql, region.code, q.programCode, from.id, to.id),
      this.recipientsAt(region, q.programCode, [from.id, to.id]),
    ]);
    const recipientsAtFrom = recipients.get(from.id) ?? 0;
    const recipientsAtTo = recipients.get(to.id) ?? 0;
    const flows = churnFlows(rows);
    const netChange = recipientsAtTo - recipientsAtFrom;
    return {
      region, programCode: q.programCode, fromVersion: from, toVersion: to, ...flows,
      recipientsAtFrom, recipientsAtTo, netChange, otherChange: netChange - (flows.totalEntries - flows.totalExits),
      steps: churnSteps(from.id, to.id, rows).map(({ fromVersionId, toVersionId, ...s }) => ({
        fromVersion: pick(all, fromVersionId), toVersion: pick(all, toVersionId), ...s,
      })),
    };
  }

  /** Recipient units of a program per version: the cube's recipients, or the recipient classes below kabupaten/kota. */
  private async recipientsAt(region: RegionView, programCode: ProgramCode, versionIds: number[]): Promise<Map<number, number>> {
    if (CUBE_LEVELS.includes(region.level)) return cubeRecipientSums(this.sql, region.code, programCode, versionIds);
    const rows = await classRows(this.sql, { versionIds, programCode, regionCodes: [region.code] });
    return new Map(versionIds.map((v) => [v, summaryOfClassRows(rows.filter((r) => r.versionId === v)).recipients]));
  }

  /** The desil transition matrix between two versions. */
  async desilTransitions(args: { fromVersionId: number; toVersionId: number; regionCode?: string | null }): Promise<DesilTransitionsGql> {
    const [region, all] = await Promise.all([this.region(args.regionCode), this.versions.listVersions()]);
    const from = pick(all, args.fromVersionId);
    const to = pick(all, args.toVersionId);
    assertOrder(from, to, false);
    try {
      const m = await countDesilTransitions(this.sql, { regionCode: region.code, fromVersionId: from.id, toVersionId: to.id });
      return { region, fromVersion: from, toVersion: to, source: m.source, ...summarizeTransitions(m) };
    } catch (error) {
      if (error instanceof TransitionsError) {
        if (error.code === 'INVALID_VERSION_ORDER') throw new BadUserInputError('fromVersionId', error.message);
        throw new NotFoundError(error.code === 'UNKNOWN_REGION' ? 'Region' : 'DtsenVersion', error.code === 'UNKNOWN_REGION' ? region.code : `${from.id}..${to.id}`, error.message);
      }
      throw error;
    }
  }

  /** Families per program combination and desil (kecamatan and above). */
  async programOverlap(args: { versionId?: number | null; regionCode?: string | null }): Promise<ProgramOverlapGql> {
    const [region, version] = await Promise.all([this.region(args.regionCode), this.versions.resolveVersion(args.versionId)]);
    requireLevel(region, OVERLAP_LEVELS, 'program overlap');
    const rows = await overlapRows(this.sql, version.id, region.code);
    return { region, version, ...programOverlap(rows) };
  }

  /** Proposals submitted in a version by status, path, kind or sub-region (kabupaten/kota and above). */
  async proposalFunnel(args: { versionId?: number | null; regionCode?: string | null; groupBy?: ProposalFunnelGroupBy | null }): Promise<ProposalFunnelGql> {
    const groupBy = args.groupBy ?? 'STATUS';
    const [region, version] = await Promise.all([this.region(args.regionCode), this.versions.resolveVersion(args.versionId)]);
    requireLevel(region, PROPOSAL_LEVELS, 'the proposals funnel');
    let children: RegionView[] = [];
    if (groupBy === 'SUB_REGION') {
      if (region.level === 'REGENCY') {
        throw new BadUserInputError('groupBy', 'the proposals funnel is kept down to kabupaten/kota: SUB_REGION needs the nation or a province');
      }
      [children] = await this.regions.getChildrenByParentCodes([region.code]);
    }
    const rows: ProposalRow[] = await proposalRows(this.sql, version.id, [region.code, ...children.map((c) => c.code)]);
    const own = rows.filter((r) => r.regionCode === region.code);
    const grouping: Record<ProposalFunnelGroupBy, { by: ProposalGroupKey; keys: readonly string[] }> = {
      STATUS: { by: 'status', keys: PROPOSAL_STATUSES },
      PATH: { by: 'path', keys: PROPOSAL_PATHS },
      KIND: { by: 'kind', keys: PROPOSAL_KINDS },
      SUB_REGION: { by: 'regionCode', keys: children.map((c) => c.code) },
    };
    const { by, keys } = grouping[groupBy];
    const grouped = groupProposals(groupBy === 'SUB_REGION' ? rows.filter((r) => r.regionCode !== region.code) : own, by, keys);
    const childByCode = new Map(children.map((c) => [c.code, c]));
    return {
      region, version, groupBy,
      totalProposals: own.reduce((a, r) => a + r.proposals, 0),
      groups: grouped.map((g) => ({
        ...g,
        status: groupBy === 'STATUS' ? (g.key as ProposalStatus) : null,
        path: groupBy === 'PATH' ? (g.key as ProposalPath) : null,
        kind: groupBy === 'KIND' ? (g.key as ProposalKind) : null,
        region: childByCode.get(g.key) ?? null,
      })),
      cells: own.map(({ kind, path, status, proposals, medianDaysToDecision }) => ({
        kind: kind as ProposalKind, path: path as ProposalPath, status: status as ProposalStatus, proposals, medianDaysToDecision,
      })),
    };
  }

  /** Recipients of a limited program by membership start year, and how many reached the limit (kecamatan and above). */
  async pkhDuration(args: { versionId?: number | null; regionCode?: string | null; programCode?: ProgramCode | null }): Promise<PkhDurationGql> {
    const programCode = args.programCode ?? 'PKH';
    const rule = programByCode(programCode);
    if (rule.maxYears === null) throw new BadUserInputError('programCode', `${programCode} has no membership limit (only programs with maximum years, e.g. PKH)`);
    const [region, version] = await Promise.all([this.region(args.regionCode), this.versions.resolveVersion(args.versionId)]);
    requireLevel(region, MEMBERSHIP_LEVELS, 'membership duration');
    const rows = await membershipRows(this.sql, version.id, region.code, programCode);
    return { region, version, programCode, ...membershipDuration(rule, versionYear(version.label), rows) };
  }

  /** The PBI-JKN reactivation picture. */
  async pbiReactivation(args: { versionId?: number | null; regionCode?: string | null }): Promise<PbiReactivationGql> {
    const [region, version] = await Promise.all([this.region(args.regionCode), this.versions.resolveVersion(args.versionId)]);
    try {
      const p = await countPbiReactivation(this.sql, { versionId: version.id, regionCode: region.code });
      return {
        region, version, removed: p.removed, reactivated: p.reactivated, eligible: p.eligible, overdueDataUpdates: p.overdueDataUpdates,
        unmet: PBI_REACTIVATION_CONDITIONS.map((condition) => ({ condition, people: p.unmet[condition] })),
      };
    } catch (error) {
      if (error instanceof PbiReactivationError) {
        throw error.code === 'UNKNOWN_REGION' ? new NotFoundError('Region', region.code, error.message) : new NotFoundError('DtsenVersion', version.id, error.message);
      }
      throw error;
    }
  }

  private region(code?: string | null): Promise<RegionView> {
    return this.regions.requireRegion(code ?? NATION_CODE, 'regionCode');
  }

}

/** The version with this id among all versions; `NotFoundError` when unknown. */
function pick(all: readonly VersionView[], id: number): VersionView {
  const version = all.find((v) => v.id === id);
  if (!version) throw new NotFoundError('DtsenVersion', id);
  return version;
}

function assertOrder(from: VersionView, to: VersionView, allowEqual: boolean): void {
  if (from.id > to.id || (!allowEqual && from.id === to.id)) {
    throw new BadUserInputError('fromVersionId', `fromVersionId (${from.id}) must be ${allowEqual ? 'at most' : 'earlier than'} toVersionId (${to.id})`);
  }
}

function requireLevel(region: RegionView, levels: readonly RegionLevel[], what: string): void {
  if (!levels.includes(region.level)) {
    throw new BadUserInputError('regionCode', `${what} is kept for ${levels.map((l) => LEVEL_NAMES[l]).join(', ')}; ${region.code} is a ${LEVEL_NAMES[region.level]}`);
  }
}
