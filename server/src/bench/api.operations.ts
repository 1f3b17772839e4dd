/**
 * The operations the API benchmark measures: every analysis of the API (issue: "for each analysis"), at the nation
 * and in one kabupaten where the region matters, plus the registry reads. Parameters come from the dataset.
 */
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
  /** Read from rollups (the ratio target applies) rather than computed on the base tables. */
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

export function apiOperations(p: BenchParameters): ApiOperation[] {
  const distribution = 'query($v: Int, $r: ID) { decileDistribution(versionId: $v, regionCode: $r) { totalFamilies totalIndividuals buckets { desil families individuals familyShare individualShare } } }';
  return [
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
