import type { DatabaseConfig } from '../../config.js';
import { GenerationMemo, type GenerationSource } from '../../db/generation-memo.js';
import type { AtlasPrisma } from '../../db/prisma.js';
import { BadUserInputError, NotFoundError } from '../../graphql/errors.js';
import { isRegionCode, isValidRegionsLimit, REGIONS_DEFAULT_LIMIT, REGIONS_MAX_LIMIT } from './region.logic.js';
import type { RegionLevel, RegionView } from './region.type.js';

/** Filter of `regions(...)` after GraphQL decoding. */
export interface RegionFilter {
  level?: RegionLevel | null;
  parentCode?: string | null;
  search?: string | null;
  limit?: number | null;
}

/** `contains` filter; `mode` exists only in the PostgreSQL client's types, the SQLite client never receives it. */
interface NameFilter {
  contains: string;
  mode?: 'insensitive';
}

const regionSelect = { code: true, name: true, level: true, parentCode: true } as const;

/**
 * Regions of the Kemendagri tree. Batch functions (`get...ByCodes`) answer one query for many keys and return
 * results in the order of their input, for the per-request DataLoaders in `region.loaders.ts`. Regions, children and
 * child counts once read are remembered per database generation (`db/generation-memo.ts`): a region lookup is part of
 * nearly every request, and the tree changes only when reference data is loaded.
 */
export class RegionService {
  private readonly regions: GenerationMemo<string, RegionView | null>;
  private readonly children: GenerationMemo<string, RegionView[]>;
  private readonly childCounts: GenerationMemo<string, number>;
  private readonly levels: GenerationMemo<RegionLevel, RegionView[]>;

  constructor(
    private readonly prisma: AtlasPrisma,
    private readonly provider: DatabaseConfig['provider'],
    generation: GenerationSource = () => null,
  ) {
    this.regions = new GenerationMemo(generation);
    this.children = new GenerationMemo(generation);
    this.childCounts = new GenerationMemo(generation);
    this.levels = new GenerationMemo(generation);
  }

  /** Forgets the remembered regions (tests that count statements start from a cold memo). */
  forget(): void {
    for (const memo of [this.regions, this.children, this.childCounts, this.levels]) memo.clear();
  }

  /** Every region of a level, ordered by code (a copy: callers may sort it). */
  async regionsAtLevel(level: RegionLevel): Promise<RegionView[]> {
    const rows = await this.levels.getOne(level, () =>
      this.prisma.region.findMany({ select: regionSelect, where: { level }, orderBy: { code: 'asc' } }),
    );
    return [...rows];
  }

  /** Throws `BadUserInputError` unless `code` is "ID" or a dotted Kemendagri code. */
  assertRegionCode(code: string, argument = 'code'): void {
    if (!isRegionCode(code)) {
      throw new BadUserInputError(
        argument,
        `"${code}" is not a region code: use "ID" or a Kemendagri code like "32", "32.01", "32.01.01" or "32.01.01.2001"`,
      );
    }
  }

  /** The region with this code; `NotFoundError` when there is none. */
  async requireRegion(code: string, argument = 'regionCode'): Promise<RegionView> {
    this.assertRegionCode(code, argument);
    const [region] = await this.getRegionsByCodes([code]);
    if (!region) throw new NotFoundError('Region', code);
    return region;
  }

  /** Regions matching a filter, ordered by code. */
  async listRegions(filter: RegionFilter): Promise<RegionView[]> {
    const limit = filter.limit ?? REGIONS_DEFAULT_LIMIT;
    if (!isValidRegionsLimit(limit)) {
      throw new BadUserInputError('limit', `limit must be between 1 and ${REGIONS_MAX_LIMIT}, got ${limit}`);
    }
    const parentCode = filter.parentCode ?? undefined;
    if (parentCode !== undefined) await this.requireRegion(parentCode, 'parentCode');
    const search = filter.search?.trim();

    return this.prisma.region.findMany({
      select: regionSelect,
      where: {
        ...(filter.level ? { level: filter.level } : {}),
        ...(parentCode !== undefined ? { parentCode } : {}),
        ...(search ? { name: this.nameContains(search) } : {}),
      },
      orderBy: { code: 'asc' },
      take: limit,
    });
  }

  /** Batch: the region of each code, or null, in input order. */
  async getRegionsByCodes(codes: readonly string[]): Promise<(RegionView | null)[]> {
    return this.regions.getMany(codes, async (missing) => {
      const rows = await this.prisma.region.findMany({ select: regionSelect, where: { code: { in: missing } } });
      const byCode = new Map(rows.map((row) => [row.code, row]));
      return missing.map((code) => byCode.get(code) ?? null);
    });
  }

  /** Batch: the direct children of each region, ordered by code, in input order. */
  async getChildrenByParentCodes(codes: readonly string[]): Promise<RegionView[][]> {
    const lists = await this.children.getMany(codes, async (missing) => {
      const rows = await this.prisma.region.findMany({
        select: regionSelect,
        where: { parentCode: { in: missing } },
        orderBy: { code: 'asc' },
      });
      const byParent = new Map<string, RegionView[]>();
      for (const row of rows) {
        if (row.parentCode === null) continue;
        const siblings = byParent.get(row.parentCode);
        if (siblings) siblings.push(row);
        else byParent.set(row.parentCode, [row]);
      }
      return missing.map((code) => byParent.get(code) ?? []);
    });
    // Copies: callers may sort or slice a list, the remembered one must stay as read.
    return lists.map((list) => [...list]);
  }

  /** Batch: the number of direct children of each region (counted in the database), in input order. */
  async getChildCountsByCodes(codes: readonly string[]): Promise<number[]> {
    return this.childCounts.getMany(codes, async (missing) => {
      const groups = await this.prisma.region.groupBy({
        by: ['parentCode'],
        where: { parentCode: { in: missing } },
        _count: { _all: true },
      });
      const counts = new Map(groups.map((group) => [group.parentCode, group._count._all]));
      return missing.map((code) => counts.get(code) ?? 0);
    });
  }

  /** Case-insensitive "name contains": SQLite's LIKE already ignores ASCII case, PostgreSQL needs ILIKE. */
  private nameContains(search: string): NameFilter {
    return this.provider === 'postgresql' ? { contains: search, mode: 'insensitive' } : { contains: search };
  }
}
