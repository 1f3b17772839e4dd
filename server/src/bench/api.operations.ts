/**
 * The operations the API benchmark measures: every analysis of the API (issue: "for each analysis"), at the nation
 * and in one kabupaten where the region matters, plus the registry reads. Parameters come from the dataset.
 */
import { readFileSync } from 'node:fs';
import { buildSchema, getNamedType, isObjectType, isScalarType, isEnumType, type GraphQLNamedType, type GraphQLSchema } from 'graphql';
import { schemaFilePath } from '../graphql/schema.js';
import type { SqliteDatabase } from '../db/sqlite.js';

export interface BenchParameters {
  versionId: number;
  previousVersionId: number;
  firstVersionId: number;
  provinceCode: string;
  /** The kabupaten/kota with the most families in the province. */
  regencyCode: string;
  districtCode: string;
  /** A family in DTSEN at the version, in the regency. */
  familyId: number;
}

export interface ApiOperation {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  /** Read from rollups (the issue's ratio target applies) rather than computed on the base tables. */
  rollupBacked: boolean;
}

export function benchParameters(db: SqliteDatabase): BenchParameters {
  const versions = db.prepare("SELECT id FROM dtsen_version WHERE status = 'PUBLISHED' ORDER BY id").pluck().all() as number[];
  if (versions.length < 2) throw new Error('the API benchmark needs a dataset with at least two published versions');
  const versionId = versions[versions.length - 1]!;
  const provinceCode = '32';
  const regencyCode = db
    .prepare("SELECT region_code FROM desil_rollup WHERE version_id = ? AND region_code LIKE ? || '.__' GROUP BY region_code ORDER BY SUM(families) DESC LIMIT 1")
    .pluck()
    .get(versionId, provinceCode) as string;
  const districtCode = db
    .prepare("SELECT region_code FROM desil_rollup WHERE version_id = ? AND region_code LIKE ? || '.__' GROUP BY region_code ORDER BY SUM(families) DESC LIMIT 1")
    .pluck()
    .get(versionId, regencyCode) as string;
  const familyId = db
    .prepare(
      `SELECT s.family_id FROM family_state s WHERE s.village_code LIKE ? || '.%'
        AND s.valid_from_version_id <= ? AND (s.valid_to_version_id IS NULL OR s.valid_to_version_id > ?) LIMIT 1`,
    )
    .pluck()
    .get(districtCode, versionId, versionId) as number;
  return { versionId, previousVersionId: versions[versions.length - 2]!, firstVersionId: versions[0]!, provinceCode, regencyCode, districtCode, familyId };
}

/** Fields never expanded by {@link selection}: the region tree (unbounded) and person-level data in aggregates. */
const NOT_EXPANDED = new Set(['children', 'parent', 'family', 'members', 'history', 'enrollments', 'exclusionFlags', 'proposals']);

/**
 * Every field of a result type, to `depth` levels (what a dashboard view asks for, and a little more): scalar and
 * enum fields, and object fields whose arguments are all optional, except {@link NOT_EXPANDED}.
 */
export function selection(schema: GraphQLSchema, type: GraphQLNamedType, depth: number): string {
  if (!isObjectType(type)) return '';
  const parts: string[] = [];
  for (const field of Object.values(type.getFields())) {
    if (field.args.some((a) => a.type.toString().endsWith('!') && a.defaultValue === undefined)) continue;
    const named = getNamedType(field.type);
    if (isScalarType(named) || isEnumType(named)) parts.push(field.name);
    else if (depth > 1 && !NOT_EXPANDED.has(field.name)) {
      const inner = selection(schema, named, depth - 1);
      if (inner) parts.push(`${field.name} ${inner}`);
    }
  }
  return parts.length ? `{ ${parts.join(' ')} }` : '';
}

/** `query(<vars>) { <field>(<args>) <full selection> }` for a root field of the committed schema. */
function analysis(schema: GraphQLSchema, field: string, variables: Record<string, [string, unknown]>, depth = 3): { query: string; variables: Record<string, unknown> } {
  const root = schema.getQueryType()!.getFields()[field];
  if (!root) throw new Error(`the schema has no query field ${field}`);
  const names = Object.keys(variables);
  const declared = names.map((n) => `$${n}: ${variables[n]![0]}`).join(', ');
  const args = names.map((n) => `${n}: $${n}`).join(', ');
  return {
    query: `query${names.length ? `(${declared})` : ''} { ${field}${names.length ? `(${args})` : ''} ${selection(schema, getNamedType(root.type), depth)} }`,
    variables: Object.fromEntries(names.map((n) => [n, variables[n]![1]])),
  };
}

export function apiOperations(p: BenchParameters): ApiOperation[] {
  const schema = buildSchema(readFileSync(schemaFilePath, 'utf8'));
  const op = (name: string, field: string, variables: Record<string, [string, unknown]>, rollupBacked = true, depth = 3): ApiOperation => ({
    name, rollupBacked, ...analysis(schema, field, variables, depth),
  });
  const v: [string, unknown] = ['Int', p.versionId];
  const distribution = 'query($v: Int, $r: ID) { decileDistribution(versionId: $v, regionCode: $r) { totalFamilies totalIndividuals buckets { desil families individuals familyShare individualShare } } }';
  return [
    op('targetingErrors nation by cause', 'targetingErrors', { versionId: v, programCode: ['ProgramCode!', 'PBI_JKN'] }),
    op('targetingErrors kabupaten by desil', 'targetingErrors', { versionId: v, regionCode: ['ID', p.regencyCode], programCode: ['ProgramCode!', 'PKH'], groupBy: ['TargetingGroupBy', 'DESIL'] }),
    op('targetingErrors provinces of nation', 'targetingErrors', { versionId: v, programCode: ['ProgramCode!', 'SEMBAKO'], groupBy: ['TargetingGroupBy', 'SUB_REGION'] }),
    op('quotaStatus 514 kabupaten, page 1', 'quotaStatus', { versionId: v, programCode: ['ProgramCode!', 'PBI_JKN'], limit: ['Int', 50] }),
    op('quotaStatus UNDER in a province', 'quotaStatus', { versionId: v, programCode: ['ProgramCode!', 'PKH'], status: ['[QuotaStatusCode!]', ['UNDER']], provinceCode: ['ID', p.provinceCode] }),
    op('reallocationPlan kabupaten', 'reallocationPlan', { versionId: v, regencyCode: ['ID!', p.regencyCode], programCode: ['ProgramCode!', 'PBI_JKN'], limit: ['Int', 20] }, false),
    op('scenario PKH desil 1-3', 'scenario', { versionId: v, overrides: ['[ScenarioOverrideInput!]!', [{ programCode: 'PKH', desilMin: 1, desilMax: 3 }]] }),
    op('coverageTrend nation 5 versions', 'coverageTrend', { programCode: ['ProgramCode!', 'PKH'], toVersionId: v }),
    op('coverageTrend kecamatan', 'coverageTrend', { programCode: ['ProgramCode!', 'PBI_JKN'], regionCode: ['ID', p.districtCode], toVersionId: v }),
    op('churn nation last step', 'churn', { programCode: ['ProgramCode!', 'PBI_JKN'], toVersionId: ['Int!', p.versionId] }),
    op('desilTransitions nation consecutive', 'desilTransitions', { fromVersionId: ['Int!', p.previousVersionId], toVersionId: ['Int!', p.versionId] }),
    op('desilTransitions kabupaten first-last', 'desilTransitions', { fromVersionId: ['Int!', p.firstVersionId], toVersionId: ['Int!', p.versionId], regionCode: ['ID', p.regencyCode] }, false),
    op('programOverlap nation', 'programOverlap', { versionId: v }),
    op('proposalFunnel nation by status', 'proposalFunnel', { versionId: v }),
    op('proposalFunnel provinces', 'proposalFunnel', { versionId: v, groupBy: ['ProposalFunnelGroupBy', 'SUB_REGION'] }),
    op('pkhDuration nation', 'pkhDuration', { versionId: v }),
    op('pbiReactivation kabupaten', 'pbiReactivation', { versionId: v, regionCode: ['ID', p.regencyCode] }, false),
    op('decileDistribution provinces ranked', 'decileDistribution', { versionId: v, groupBy: ['DistributionGroupBy', 'SUB_REGION'], sort: ['SubRegionSort', 'INDIVIDUAL_SHARE_DESIL_1_TO_4_DESC'] }),
    {
      name: 'families kecamatan desil 1-4, 50 with members',
      query: `query($v: Int, $r: ID) { families(versionId: $v, first: 50, filter: { regionCode: $r, desil: [1, 2, 3, 4] }) {
        totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id kkMasked region { name } state { desil memberCount }
        members { nikMasked nameMasked relationship } enrollments { program { code } startVersionId } } } } }`,
      variables: { v: p.versionId, r: p.districtCode },
      rollupBacked: false,
    },
    { name: 'decileDistribution nation', query: distribution, variables: { v: p.versionId, r: 'ID' }, rollupBacked: true },
    { name: 'decileDistribution kabupaten', query: distribution, variables: { v: p.versionId, r: p.regencyCode }, rollupBacked: true },
    {
      name: 'region children (kabupaten)',
      query: 'query($r: ID!) { region(code: $r) { name children { code name childCount } } }',
      variables: { r: p.regencyCode },
      rollupBacked: false,
    },
    {
      name: 'family(id) with members',
      query: 'query($id: Int!, $v: Int) { family(id: $id, versionId: $v) { id kkMasked region { name } state { desil memberCount } members { nikMasked nameMasked relationship } } }',
      variables: { id: p.familyId, v: p.versionId },
      rollupBacked: false,
    },
  ];
}
