import type { DatabaseConfig } from '../../config.js';
import type { VersionService } from '../version/version.service.js';
import type { HealthView, ReplicasHealthView } from './health.type.js';

/** Liveness check: proves the database answers by counting versions, and reports the read replicas when there are any. */
export class HealthService {
  private replicas: (() => Promise<ReplicasHealthView>) | null = null;

  constructor(
    private readonly versions: VersionService,
    private readonly provider: DatabaseConfig['provider'],
    private readonly startedAt: number = Date.now(),
  ) {}

  /** Reports the read replicas with every check (`db/read-routing.ts`). */
  watchReplicas(replicas: () => Promise<ReplicasHealthView>): void {
    this.replicas = replicas;
  }

  async check(): Promise<HealthView> {
    const [versionCount, replicas] = await Promise.all([this.versions.countVersions(), this.replicas?.() ?? null]);
    return {
      status: 'ok',
      database: this.provider,
      versionCount,
      uptimeSeconds: Math.floor((Date.now() - this.startedAt) / 1000),
      replicas,
    };
  }
}
