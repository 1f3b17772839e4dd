import type { AtlasPrisma } from '../../db/prisma.js';
import { NotFoundError } from '../../graphql/errors.js';
import type { VersionView } from './version.type.js';

const versionSelect = { id: true, label: true, status: true, publishedAt: true } as const;

/** DTSEN versions: listing, the latest published one, and resolution of an optional `versionId` argument. */
export class VersionService {
  constructor(private readonly prisma: AtlasPrisma) {}

  /** All versions, ordered by id. */
  async listVersions(): Promise<VersionView[]> {
    return this.prisma.dtsenVersion.findMany({ select: versionSelect, orderBy: { id: 'asc' } });
  }

  /** The published version with the highest id; null when nothing is published. */
  async latestPublished(): Promise<VersionView | null> {
    return this.prisma.dtsenVersion.findFirst({
      select: versionSelect,
      where: { status: 'PUBLISHED' },
      orderBy: { id: 'desc' },
    });
  }

  /** The first DRAFT version after the latest published one (the version being prepared); null when there is none. */
  async nextDraft(): Promise<VersionView | null> {
    const latest = await this.latestPublished();
    return this.prisma.dtsenVersion.findFirst({
      select: versionSelect,
      where: { status: 'DRAFT', id: { gt: latest?.id ?? 0 } },
      orderBy: { id: 'asc' },
    });
  }

  /** Number of versions (any status). */
  async countVersions(): Promise<number> {
    return this.prisma.dtsenVersion.count();
  }

  /**
   * The version a query runs against: the given id, or the latest published version when omitted.
   * `NotFoundError` when the id is unknown or nothing is published yet.
   */
  async resolveVersion(versionId?: number | null): Promise<VersionView> {
    if (versionId === undefined || versionId === null) {
      const latest = await this.latestPublished();
      if (!latest) throw new NotFoundError('DtsenVersion', 'latest', 'No published DTSEN version yet');
      return latest;
    }
    const [version] = await this.getVersionsByIds([versionId]);
    if (!version) throw new NotFoundError('DtsenVersion', versionId);
    return version;
  }

  /** Batch: the version of each id, or null, in input order. */
  async getVersionsByIds(ids: readonly number[]): Promise<(VersionView | null)[]> {
    const rows = await this.prisma.dtsenVersion.findMany({ select: versionSelect, where: { id: { in: [...ids] } } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  }
}
