/**
 * Publishing a version: computes its rollups in SQL (never by loading rows into JavaScript) and marks it
 * PUBLISHED, all in one transaction, so a reader sees either no rollup for the version or all of it.
 */
import type { SqliteDatabase } from '../db/sqlite.js';

/** The desil distribution of every region, at every level, for one version. */
const villageLevel = `
  CREATE TEMP TABLE rollup_village AS
  SELECT r.code AS village_code, r.parent_code AS district_code, r.regency_code, r.province_code,
         x.desil, x.families, x.individuals
  FROM (
    SELECT s.village_code, s.desil, COUNT(*) AS families, SUM(s.member_count) AS individuals
    FROM family_state s
    WHERE s.valid_from_version_id <= @v AND (s.valid_to_version_id IS NULL OR s.valid_to_version_id > @v)
    GROUP BY s.village_code, s.desil
  ) x
  JOIN region r ON r.code = x.village_code`;

const levels = [
  `SELECT @v, village_code, desil, families, individuals FROM rollup_village`,
  `SELECT @v, district_code, desil, SUM(families), SUM(individuals) FROM rollup_village GROUP BY district_code, desil`,
  `SELECT @v, regency_code, desil, SUM(families), SUM(individuals) FROM rollup_village GROUP BY regency_code, desil`,
  `SELECT @v, province_code, desil, SUM(families), SUM(individuals) FROM rollup_village GROUP BY province_code, desil`,
  `SELECT @v, 'ID', desil, SUM(families), SUM(individuals) FROM rollup_village GROUP BY desil`,
];

export function publishVersionSqlite(db: SqliteDatabase, versionId: number, publishedAt: Date): void {
  const run = db.transaction(() => {
    const version = db.prepare('SELECT status FROM dtsen_version WHERE id = ?').get(versionId) as { status: string } | undefined;
    if (!version) throw new Error(`version ${versionId} does not exist`);
    db.prepare('DELETE FROM desil_rollup WHERE version_id = ?').run(versionId);
    db.exec('DROP TABLE IF EXISTS temp.rollup_village');
    db.prepare(villageLevel).run({ v: versionId });
    for (const select of levels) {
      db.prepare(`INSERT INTO desil_rollup (version_id, region_code, desil, families, individuals) ${select}`).run({ v: versionId });
    }
    db.exec('DROP TABLE temp.rollup_village');
    db.prepare("UPDATE dtsen_version SET status = 'PUBLISHED', published_at = ? WHERE id = ?").run(publishedAt.toISOString(), versionId);
  });
  run();
}
