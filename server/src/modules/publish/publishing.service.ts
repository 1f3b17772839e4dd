import pg from 'pg';
import { BadUserInputError, ConflictError, NotFoundError, NotSupportedError } from '../../graphql/errors.js';
import type { VersionService } from '../version/version.service.js';
import type { VersionView } from '../version/version.type.js';
import { publishVersionPostgres } from './publish.postgres.js';
import { publishInWorker, type PublishInWorkerOptions } from './publish.runner.js';
import { type PublishResult, PublishInProgressError, VersionNotFoundError, VersionOrderError, VersionPublishedError } from './publish.service.js';

/** The database a server publishes into: its SQLite file, or its PostgreSQL URL. */
export type PublishTarget = { provider: 'sqlite'; file: string } | { provider: 'postgresql'; url: string };

/**
 * Publishing a DTSEN version from the API (`publishVersion`): the checks and error mapping around the engine's
 * publication, which builds every rollup and marks the version PUBLISHED in one transaction. On SQLite it runs in a
 * child process on its own connection (`publish.runner.ts`), so that the server keeps answering while it runs; on
 * PostgreSQL the work happens in the database server, over a connection of its own (`publish.postgres.ts`), and the
 * event loop only waits. One publication at a time per server; on PostgreSQL also per database, whichever process
 * publishes (the publication's advisory lock). The single entry point of the mutation.
 */
export class PublishingService {
  private running: Promise<unknown> | null = null;

  /** @param target the database to publish into; null when there is none (then NOT_SUPPORTED) */
  constructor(
    private readonly target: PublishTarget | null,
    private readonly versions: VersionService,
  ) {}

  /**
   * Publishes a DRAFT version. NOT_FOUND when unknown, CONFLICT VERSION_ALREADY_PUBLISHED when published,
   * CONFLICT VERSION_OUT_OF_ORDER when an earlier version is still a draft, CONFLICT PUBLISH_IN_PROGRESS while another
   * publication of this server (or, on PostgreSQL, of any process on the database) runs.
   */
  async publish(versionId: number, options: PublishInWorkerOptions = {}): Promise<VersionView> {
    if (!Number.isInteger(versionId) || versionId < 1) {
      throw new BadUserInputError('versionId', `versionId must be a positive integer, got ${versionId}`);
    }
    const target = this.target;
    if (!target) throw new NotSupportedError('publishVersion', 'publishVersion needs the database the server runs on, and none is configured');
    if (this.running) throw publishInProgress(versionId);
    const running = this.publishNow(target, versionId, options);
    this.running = running;
    try {
      await running;
    } finally {
      this.running = null;
    }
    return this.versions.resolveVersion(versionId);
  }

  private async publishNow(target: PublishTarget, versionId: number, options: PublishInWorkerOptions): Promise<void> {
    const [version] = await this.versions.getVersionsByIds([versionId]);
    if (!version) throw new NotFoundError('DtsenVersion', versionId);
    if (version.status === 'PUBLISHED') throw alreadyPublished(versionId);
    try {
      const result = target.provider === 'sqlite'
        ? await publishInWorker(target.file, versionId, options)
        : await publishOnPostgres(target.url, versionId, options);
      if (result.alreadyPublished) throw alreadyPublished(versionId);
    } catch (error) {
      if (error instanceof VersionOrderError) throw new ConflictError('VERSION_OUT_OF_ORDER', error.message, { versionId });
      if (error instanceof VersionPublishedError) throw alreadyPublished(versionId);
      if (error instanceof VersionNotFoundError) throw new NotFoundError('DtsenVersion', versionId);
      if (error instanceof PublishInProgressError) throw publishInProgress(versionId);
      throw error;
    }
  }
}

/** One publication on its own PostgreSQL connection (a long transaction must not hold one of the API's). */
async function publishOnPostgres(url: string, versionId: number, options: PublishInWorkerOptions): Promise<PublishResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await publishVersionPostgres(client, versionId, options);
  } finally {
    await client.end();
  }
}

function alreadyPublished(versionId: number): ConflictError {
  return new ConflictError('VERSION_ALREADY_PUBLISHED', `DTSEN version ${versionId} is already published and immutable`, { versionId });
}

function publishInProgress(versionId: number): ConflictError {
  return new ConflictError('PUBLISH_IN_PROGRESS', 'Another DTSEN version is being published; try again when it is done', { versionId });
}
