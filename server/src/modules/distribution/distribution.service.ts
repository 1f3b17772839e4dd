import { desilRows } from '../../db/rollup-reads.js';
import type { SqlRunner } from '../../db/sql-runner.js';
import { BadUserInputError } from '../../graphql/errors.js';
import { NATION_CODE } from '../region/region.logic.js';
import type { RegionService } from '../region/region.service.js';
import type { RegionView } from '../region/region.type.js';
import type { VersionService } from '../version/version.service.js';
import type { VersionView } from '../version/version.type.js';
import {
  DESIL_1_TO_4, SUB_REGIONS_DEFAULT_LIMIT, SUB_REGIONS_MAX_LIMIT, desilRangeShare, rankSubRegions, toDesilBuckets,
  type DesilCount, type SubRegionSortKey,
} from './distribution.logic.js';
import type { DecileDistributionView, DistributionGroupBy } from './distribution.type.js';

/** Grouping, order and page of `decileDistribution`. */
export interface DistributionGrouping {
  groupBy?: DistributionGroupBy | null;
  sort?: SubRegionSortKey | null;
  limit?: number | null;
  offset?: number | null;
}

/** Desil distributions, read from the `desil_rollup` table built at publication (never by counting the registry). */
export class DistributionService {
  constructor(
    /** Raw SQL: the rollup reads bypass Prisma's query engine (`db/rollup-reads.ts`). */
    private readonly sql: SqlRunner,
    private readonly regions: RegionService,
    private readonly versions: VersionService,
  ) {}

  /**
   * Distribution of a region (default: the nation) in a version (default: latest published); with groupBy
   * SUB_REGION also every direct child's, read in one statement (desil_rollup has every level), ranked and paged.
   * `BadUserInputError` for a malformed code or page, `NotFoundError` for an unknown region or version.
   */
  async getDistribution(regionCode?: string | null, versionId?: number | null, grouping: DistributionGrouping = {}): Promise<DecileDistributionView> {
    const limit = grouping.limit ?? SUB_REGIONS_DEFAULT_LIMIT;
    const offset = grouping.offset ?? 0;
    if (!Number.isInteger(limit) || limit < 1 || limit > SUB_REGIONS_MAX_LIMIT) {
      throw new BadUserInputError('limit', `limit must be between 1 and ${SUB_REGIONS_MAX_LIMIT}, got ${limit}`);
    }
    if (!Number.isInteger(offset) || offset < 0) throw new BadUserInputError('offset', `offset must be 0 or more, got ${offset}`);
    const [region, version] = await Promise.all([
      this.regions.requireRegion(regionCode ?? NATION_CODE, 'regionCode'),
      this.versions.resolveVersion(versionId),
    ]);
    if ((grouping.groupBy ?? 'NONE') === 'NONE') {
      const rows = await desilRows(this.sql, version.id, [region.code]);
      return view(version, region, rows, null, null);
    }
    const [children = []] = await this.regions.getChildrenByParentCodes([region.code]);
    const rows = await desilRows(this.sql, version.id, [region.code, ...children.map((c) => c.code)]);
    const byRegion = new Map<string, DesilCount[]>();
    for (const row of rows) {
      const list = byRegion.get(row.regionCode);
      if (list) list.push(row);
      else byRegion.set(row.regionCode, [row]);
    }
    const subRegions = children.map((child) => view(version, child, byRegion.get(child.code) ?? [], null, null));
    const page = rankSubRegions(subRegions, grouping.sort ?? 'CODE', offset, limit);
    return view(version, region, byRegion.get(region.code) ?? [], page, children.length);
  }
}

function view(
  version: VersionView, region: RegionView, rows: readonly DesilCount[], subRegions: DecileDistributionView[] | null, subRegionCount: number | null,
): DecileDistributionView {
  const buckets = toDesilBuckets(rows);
  return { version, region, ...buckets, shareDesil1To4: desilRangeShare(buckets, DESIL_1_TO_4.min, DESIL_1_TO_4.max), subRegions, subRegionCount };
}
