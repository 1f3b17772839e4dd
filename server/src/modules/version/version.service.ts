import { GenerationMemo, type GenerationSource } from '../../db/generation-memo.js';
import type { AtlasPrisma } from '../../db/prisma.js';
import { NotFoundError } from '../../graphql/errors.js';
import type { VersionView } from './version.type.js';

const versionSelect = { id: true, label: true, status: true, publishedAt: true } as const;

/**
 * DTSEN versions: listing, the latest published one, and resolution of an optional `versionId` argument. The list
 * (a few rows, one per quarter) is read once per database generation (`db/generation-memo.ts`) and every question is
 * answered from it; without a known generation, once per call.
 */
export class VersionService {
  private readonly memo: GenerationMemo<'all', readonly VersionView[]>;

  constructor(
    private readonly prisma: AtlasPrisma,
    generation: GenerationSource = () => null,
  ) {
    this.memo = new GenerationMemo(generation);
  }

  private all(): Promise<readonly VersionView[]> {
    return this.memo.getOne('all', () => this.prisma.dtsenVersion.findMany({ select: versionSelect, orderBy: { id: 'asc' } }));
  }

  /** Forgets the remembered versions (tests that count statements start from a cold memo). */
  forget(): void {
    this.memo.clear();
  }

  /** All versions, ordered by id. */
  async listVersions(): Promise<VersionView[]> {
    return [...(await this.all())];
  }

  /** The published version with the highest id; null when nothing is published. */
  async latestPublished(): Promise<VersionView | null> {
    return (await this.all()).findLast((v) => v.status === 'PUBLISHED') ?? null;
  }

  /** The first DRAFT version after the latest published one (the version being prepared); null when there is none. */
  async nextDraft(): Promise<VersionView | null> {
    const all = await this.all();
    const latestId = all.findLast((v) => v.status === 'PUBLISHED')?.id ?? 0;
    return all.find((v) => v.status === 'DRAFT' && v.id > latestId) ?? null;
  }

  /** Number of versions (any status). */
  async countVersions(): Promise<number> {
    return (await this.all()).length;
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
    const byId = new Map((await this.all()).map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  }
}
