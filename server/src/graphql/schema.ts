import 'reflect-metadata';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from './graphql-js.js';
import { buildSchema } from 'type-graphql';
import { repoRoot } from '../config.js';
import { DistributionResolver } from '../modules/distribution/distribution.resolver.js';
import { FamilyConnectionResolver, FamilyResolver, FamilyStateResolver, IndividualResolver } from '../modules/family/family.resolver.js';
import { HealthResolver } from '../modules/health/health.resolver.js';
import { ProgramResolver } from '../modules/program/program.resolver.js';
import { ProposalResolver } from '../modules/proposal/proposal.resolver.js';
import { PublishResolver } from '../modules/publish/publish.resolver.js';
import { RegionResolver } from '../modules/region/region.resolver.js';
import { ReallocationFillUnitResolver, ReallocationRemovalUnitResolver, TargetingResolver } from '../modules/targeting/targeting.resolver.js';
import { UsageReportResolver } from '../modules/audit/usage-report.resolver.js';
import { AuthResolver } from '../modules/auth/auth.resolver.js';
import { AtlasAuthChecker } from '../modules/auth/auth-checker.js';
import { TrendsResolver } from '../modules/trends/trends.resolver.js';
import { VersionResolver } from '../modules/version/version.resolver.js';
import { applySmallCellSuppression } from './small-cells.js';

/** The committed SDL the dashboard generates its typed documents from. */
export const schemaFilePath = resolve(repoRoot, 'schema', 'schema.graphql');

/** A type-graphql resolver class. */
type ResolverClass = new () => object;

/** Every resolver of the API, one per module. */
export const resolvers: [ResolverClass, ...ResolverClass[]] = [
  HealthResolver,
  AuthResolver,
  VersionResolver,
  ProgramResolver,
  RegionResolver,
  DistributionResolver,
  FamilyResolver,
  FamilyConnectionResolver,
  FamilyStateResolver,
  IndividualResolver,
  ProposalResolver,
  PublishResolver,
  TrendsResolver,
  TargetingResolver,
  ReallocationFillUnitResolver,
  ReallocationRemovalUnitResolver,
  UsageReportResolver,
];

const SDL_HEADER =
  '# DTSEN Atlas GraphQL schema. GENERATED from the type-graphql resolvers in server/src/modules: do not edit.\n' +
  '# Regenerate with `pnpm codegen`; a test fails when this file differs from what the code emits.\n\n';

/**
 * Builds the executable schema from the type-graphql resolvers, small cells withheld (`small-cells.ts`). Arguments are
 * validated by the services.
 */
export async function buildAtlasSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({ resolvers, validate: false, emitSchemaFile: false, authChecker: AtlasAuthChecker });
  const query = schema.getQueryType();
  // type-graphql has no option for the root type's description.
  if (query) query.description = 'Read access to DTSEN Atlas: versions, programs, regions, desil distributions and families.';
  const mutation = schema.getMutationType();
  if (mutation) mutation.description = 'Changes to DTSEN Atlas: proposals on the update paths and their workflow, publishing a version.';
  return applySmallCellSuppression(schema);
}

/** The SDL of a schema, types and fields sorted, so that the output is deterministic. */
export function printAtlasSchema(schema: GraphQLSchema): string {
  return SDL_HEADER + printSchema(lexicographicSortSchema(schema)) + '\n';
}

/** Writes the SDL to `path` (default `schema/schema.graphql`); used by the CLI command `emit-schema`. */
export async function emitSchema(path: string = schemaFilePath): Promise<string> {
  const sdl = printAtlasSchema(await buildAtlasSchema());
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, sdl, 'utf8');
  return path;
}

/** Writes `schema/schema.graphql`. */
export async function emitSchemaFile(): Promise<string> {
  return emitSchema(schemaFilePath);
}
