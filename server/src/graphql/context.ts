import type { DatabaseConfig } from '../config.js';
import type { GenerationSource } from '../db/generation-memo.js';
import type { AtlasPrisma } from '../db/prisma.js';
import { prismaRunner, sqliteRunner } from '../db/sql-runner.js';
import type { SqliteDatabase } from '../db/sqlite.js';
import type { Principal } from '../domain/access.js';
import type { IdentifierKeys } from '../domain/identifiers.js';
import { DEFAULT_SMALL_CELL_THRESHOLD, thresholdFor } from '../domain/suppression.js';
import { UsageReportService } from '../modules/audit/usage-report.service.js';
import { AuditService } from '../modules/auth/audit.service.js';
import { AuthService } from '../modules/auth/auth.service.js';
import { DistributionService } from '../modules/distribution/distribution.service.js';
import { createFamilyLoaders, type FamilyLoaders } from '../modules/family/family.loaders.js';
import { FamilyService } from '../modules/family/family.service.js';
import { HealthService } from '../modules/health/health.service.js';
import { ProgramService } from '../modules/program/program.service.js';
import { createProposalLoaders, type ProposalLoaders } from '../modules/proposal/proposal.loaders.js';
import { ProposalService } from '../modules/proposal/proposal.service.js';
import { PublishingService } from '../modules/publish/publishing.service.js';
import { createRegionLoaders, type RegionLoaders } from '../modules/region/region.loaders.js';
import { RegionService } from '../modules/region/region.service.js';
import { TargetingService } from '../modules/targeting/targeting-api.service.js';
import { TrendsService } from '../modules/trends/trends.service.js';
import { VersionService } from '../modules/version/version.service.js';

/** The business logic of every module. Stateless, built once per app; the only code that reaches the database. */
export interface AtlasServices {
  auth: AuthService;
  audit: AuditService;
  health: HealthService;
  version: VersionService;
  region: RegionService;
  distribution: DistributionService;
  family: FamilyService;
  program: ProgramService;
  proposal: ProposalService;
  publishing: PublishingService;
  trends: TrendsService;
  targeting: TargetingService;
  usageReport: UsageReportService;
}

/** Typed map of the DataLoaders of one request. */
export type AtlasLoaders = RegionLoaders & FamilyLoaders & ProposalLoaders;

/** What every resolver receives: services, this request's loaders and who is asking (never the Prisma client). */
export interface AtlasContext {
  services: AtlasServices;
  loaders: AtlasLoaders;
  /** The signed-in user (from the request's API token), or null: then only `health` answers. */
  principal: Principal | null;
  /** The client's operation name, for the audit log. */
  operationName: string | null;
  /**
   * Small-cell threshold of this request (`domain/suppression.ts`): aggregate counts from 1 to this minus 1, and the
   * figures computed from them, are withheld (`graphql/small-cells.ts`); 0 = nothing is (the caller holds
   * UNSUPPRESSED_COUNTS, or suppression is off).
   */
  smallCellThreshold: number;
}

export interface ServiceOptions {
  provider: DatabaseConfig['provider'];
  /** Epoch milliseconds the app started at (for `health.uptimeSeconds`). */
  startedAt?: number;
  /**
   * SQLite only: a direct better-sqlite3 connection to the same file as Prisma's, for the set-based statements of
   * publishing and the targeting computations (`modules/publish`, `modules/targeting`); null on PostgreSQL.
   */
  sqlite?: SqliteDatabase | null;
  /** Keys NIK and KK are hashed and sealed with (`domain/identifiers.ts`); the clear fields open the sealed values. */
  identifierKeys: IdentifierKeys;
  /** PostgreSQL only: the database URL `publishVersion` publishes with, on a connection of its own. */
  postgresUrl?: string | null;
  /**
   * The database generation (the primary's, plus the mutations this server answered; `app.ts`): versions and regions
   * are remembered while it holds (`db/generation-memo.ts`). Default: unknown, nothing is remembered.
   */
  generation?: GenerationSource;
}

export function createServices(prisma: AtlasPrisma, options: ServiceOptions): AtlasServices {
  // Raw SQL of the on-demand computations: the direct connection on SQLite, Prisma's pool on PostgreSQL.
  const sql = options.sqlite ? sqliteRunner(options.sqlite) : prismaRunner(prisma, options.provider);
  const version = new VersionService(prisma, options.generation);
  const region = new RegionService(prisma, options.provider, options.generation);
  return {
    auth: new AuthService(prisma),
    audit: new AuditService(prisma, options.sqlite ?? null),
    health: new HealthService(version, options.provider, options.startedAt),
    version,
    region,
    distribution: new DistributionService(sql, region, version),
    family: new FamilyService(prisma, version, region, options.provider, options.identifierKeys),
    program: new ProgramService(prisma),
    proposal: new ProposalService(prisma, version, region),
    publishing: new PublishingService(
      options.sqlite ? { provider: 'sqlite', file: options.sqlite.name } : options.postgresUrl ? { provider: 'postgresql', url: options.postgresUrl } : null,
      version,
    ),
    trends: new TrendsService(region, version, sql),
    targeting: new TargetingService(region, version, sql),
    usageReport: new UsageReportService(prisma, options.provider),
  };
}

/** Fresh loaders, so that caching never outlives one request. */
export function createLoaders(services: AtlasServices): AtlasLoaders {
  return { ...createRegionLoaders(services.region), ...createFamilyLoaders(services.family), ...createProposalLoaders(services.proposal) };
}

/** The context of one GraphQL request; `smallCellThreshold` is the configured one, applied unless the caller is exempt. */
export function createContext(
  services: AtlasServices,
  principal: Principal | null = null,
  operationName: string | null = null,
  smallCellThreshold: number = DEFAULT_SMALL_CELL_THRESHOLD,
): AtlasContext {
  return { services, loaders: createLoaders(services), principal, operationName, smallCellThreshold: thresholdFor(principal, smallCellThreshold) };
}
