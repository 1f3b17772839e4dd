import type { AtlasPrisma } from '../../db/prisma.js';
import { NATION_CODE } from '../region/region.logic.js';
import type { RegionService } from '../region/region.service.js';
import type { VersionService } from '../version/version.service.js';
import { toDesilBuckets } from './distribution.logic.js';
import type { DecileDistributionView } from './distribution.type.js';

/** Desil distributions, read from the `desil_rollup` table built at publication (never by counting the registry). */
export class DistributionService {
  constructor(
    private readonly prisma: AtlasPrisma,
    private readonly regions: RegionService,
    private readonly versions: VersionService,
  ) {}

  /**
   * Distribution of a region (default: the nation) in a version (default: latest published).
   * `BadUserInputError` for a malformed code, `NotFoundError` for an unknown region or version.
   */
  async getDistribution(regionCode?: string | null, versionId?: number | null): Promise<DecileDistributionView> {
    const [region, version] = await Promise.all([
      this.regions.requireRegion(regionCode ?? NATION_CODE, 'regionCode'),
      this.versions.resolveVersion(versionId),
    ]);
    const rows = await this.prisma.desilRollup.findMany({
      select: { desil: true, families: true, individuals: true },
      where: { versionId: version.id, regionCode: region.code },
    });
    return { version, region, ...toDesilBuckets(rows) };
  }
}
