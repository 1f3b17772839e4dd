import { BadUserInputError, ConflictError, NotFoundError, requireSqlite } from '../../graphql/errors.js';
import type { VersionService } from '../version/version.service.js';
import type { VersionView } from '../version/version.type.js';
import { publishInWorker, type PublishInWorkerOptions } from './publish.runner.js';
import { VersionNotFoundError, VersionOrderError, VersionPublishedError } from './publish.service.js';

/**
 * Publishing a DTSEN version from the API (`publishVersion`): the checks and error mapping around
 * `publishVersionSqlite`, which builds every rollup and marks the version PUBLISHED in one transaction, run in a
 * worker thread on its own connection (`publish.runner.ts`) so that the server keeps answering while it runs. One
 * publication at a time per server. SQLite only for now; the single entry point of the mutation (its access check
 * comes later).
 */
export class PublishingService {
  private running: Promise<unknown> | null = null;

  /** @param sqliteFile the SQLite database file, or null on PostgreSQL */
  constructor(
    private readonly sqliteFile: string | null,
    private readonly versions: VersionService,
  ) {}

  /**
   * Publishes a DRAFT version. NOT_FOUND when unknown, CONFLICT VERSION_ALREADY_PUBLISHED when published,
   * CONFLICT VERSION_OUT_OF_ORDER when an earlier version is still a draft, CONFLICT PUBLISH_IN_PROGRESS while another
   * publication of this server runs, NOT_SUPPORTED on PostgreSQL.
   */
  async publish(versionId: number, options: PublishInWorkerOptions = {}): Promise<VersionView> {
    if (!Number.isInteger(versionId) || versionId < 1) {
      throw new BadUserInputError('versionId', `versionId must be a positive integer, got ${versionId}`);
    }
    const file = requireSqlite(this.sqliteFile, 'publishVersion');
    if (this.running) {
      throw new ConflictError('PUBLISH_IN_PROGRESS', 'Another DTSEN version is being published; try again when it is done', { versionId });
    }
    const running = this.publishNow(file, versionId, options);
    this.running = running;
    try {
      await running;
    } finally {
      this.running = null;
    }
    return this.versions.resolveVersion(versionId);
  }

  private async publishNow(file: string, versionId: number, options: PublishInWorkerOptions): Promise<void> {
    const [version] = await this.versions.getVersionsByIds([versionId]);
    if (!version) throw new NotFoundError('DtsenVersion', versionId);
    if (version.status === 'PUBLISHED') throw alreadyPublished(versionId);
    try {
      const result = await publishInWorker(file, versionId, options);
      if (result.alreadyPublished) throw alreadyPublished(versionId);
    } catch (error) {
      if (error instanceof VersionOrderError) throw new ConflictError('VERSION_OUT_OF_ORDER', error.message, { versionId });
      if (error instanceof VersionPublishedError) throw alreadyPublished(versionId);
      if (error instanceof VersionNotFoundError) throw new NotFoundError('DtsenVersion', versionId);
      throw error;
    }
  }
}

function alreadyPublished(versionId: number): ConflictError {
  return new ConflictError('VERSION_ALREADY_PUBLISHED', `DTSEN version ${versionId} is already published and immutable`, { versionId });
}
