import type { DatabaseConfig } from '../../config.js';
import type { VersionService } from '../version/version.service.js';
import type { HealthView } from './health.type.js';

/** Liveness check: proves the database answers by counting versions. */
export class HealthService {
  constructor(
    private readonly versions: VersionService,
    private readonly provider: DatabaseConfig['provider'],
    private readonly startedAt: number = Date.now(),
  ) {}

  async check(): Promise<HealthView> {
    const versionCount = await this.versions.countVersions();
    return {
      status: 'ok',
      database: this.provider,
      versionCount,
      uptimeSeconds: Math.floor((Date.now() - this.startedAt) / 1000),
    };
  }
}
