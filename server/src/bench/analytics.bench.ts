/**
 * `dtsen bench-analytics [--scale 0.01] [--versions 5]`: generates a dataset without publishing, then publishes
 * each version (all rollups), printing the time per version and per step next to a full recount of the same version, and finally times the national questions read from the rollups (SQL in the database,
 * then the pure classification in JavaScript), median and p95 over repeated runs. Prints figures; never fails on time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlite } from '../db/sqlite.js';
import { summarize } from '../domain/classification.js';
import type { ExclusionCriterionCode } from '../domain/exclusion-criteria.js';
import { PROGRAMS, programByCode } from '../domain/programs.js';
import { quotaStatus, regionalQuotas } from '../domain/quota-status.js';
import type { TargetingCell } from '../domain/targeting-types.js';
import { generateDataset } from '../generator/generate.js';
import { benchReactivation } from './reactivation.bench.js';
import { benchTransitions } from './transitions.bench.js';
import { buildRollupsSqlite, publishVersionSqlite, withLargeCache, type RollupBuild } from '../modules/publish/publish.service.js';

export interface BenchAnalyticsOptions {
  /** Also time a full recount of every version after the first (rolled back), for the side-by-side ratio. */
  compareFull: boolean;
  /** Generate into this file and keep it (default: a scratch file, removed). */
  keepFile?: string;
}

export async function benchAnalytics(scale: number, versions: number, seed: number, options: BenchAnalyticsOptions): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dtsen-bench-analytics-'));
  const file = options.keepFile ?? join(dir, 'bench.db');
  try {
    const generated = await generateDataset({ scale, versions, seed, file, publish: false });
    console.log(`\ndataset: scale ${scale}, ${generated.families.toLocaleString('en-US')} families, ${generated.rows.individual.toLocaleString('en-US')} individuals, ${versions} versions (generated in ${generated.seconds.total} s)`);
    const db = openSqlite(file);
    console.log('\npublish, per version (SQLite): every rollup, incremental from the previous version; the full recount of the');
    console.log('same version is timed first in a transaction that is rolled back, for the side-by-side ratio');
    const fmt = (steps: Record<string, number>) =>
      Object.entries(steps).sort((a, b) => b[1] - a[1]).slice(0, 4).map(([k, t]) => `${k} ${t.toFixed(1)}s`).join(', ');
    for (let v = 1; v <= versions; v++) {
      let full: RollupBuild | null = null;
      if (v > 1 && options.compareFull) {
        db.exec('BEGIN');
        full = withLargeCache(db, () => buildRollupsSqlite(db, v, 'full'));
        db.exec('ROLLBACK');
      }
      const published = publishVersionSqlite(db, v);
      const rows = Object.values(published.rows ?? {}).reduce((a, b) => a + b, 0);
      console.log(`  v${v} ${published.method}: ${published.seconds.toFixed(1)} s, ${published.familiesCounted?.toLocaleString('en-US')} families counted, ${rows.toLocaleString('en-US')} rollup rows (${fmt(published.steps ?? {})})`);
      if (full) console.log(`      full recount of v${v}: ${full.seconds.toFixed(1)} s (${fmt(full.steps)}); published (${published.method}) / full recount = ${(published.seconds / full.seconds).toFixed(2)}`);
    }

    const time = (fn: () => unknown, runs = 200) => {
      const samples: number[] = [];
      for (let k = 0; k < runs; k++) {
        const t = performance.now();
        fn();
        samples.push(performance.now() - t);
      }
      samples.sort((a, b) => a - b);
      return { p50: samples[Math.floor(runs * 0.5)]!, p95: samples[Math.floor(runs * 0.95)]! };
    };
    const desil = db.prepare("SELECT desil, families, individuals FROM desil_rollup WHERE version_id = ? AND region_code = 'ID'");
    const cube = db.prepare("SELECT desil, recipient, criterion_code, ground_checked, in_target_group, units FROM targeting_rollup WHERE version_id = ? AND region_code = 'ID' AND program_code = ?");
    const recipientsByRegency = db.prepare(
      'SELECT region_code, SUM(units) AS recipients FROM targeting_rollup WHERE version_id = ? AND program_code = ? AND recipient = 1 AND length(region_code) = 5 GROUP BY region_code',
    );
    const poverty = (db.prepare("SELECT regency_code AS regionCode, poor_thousands AS poor FROM poverty WHERE period = '2024-03'").all() as Array<{ regionCode: string; poor: number }>);
    const v = versions;
    const rule = programByCode('PBI_JKN');
    const toCells = (rows: Array<{ desil: number; recipient: number; criterion_code: string; ground_checked: number; in_target_group: number; units: number }>): TargetingCell[] =>
      rows.map((r) => ({
        programCode: rule.code, desil: r.desil, recipient: r.recipient === 1, criterion: (r.criterion_code || null) as ExclusionCriterionCode | null,
        groundChecked: r.ground_checked === 1, inTargetGroup: r.in_target_group === 1, units: r.units,
      }));
    const cubeRows = cube.all(v, 'PBI_JKN') as Parameters<typeof toCells>[0];
    const quota = Math.round((rule.nationalQuota ?? 0) * scale);
    const results = [
      ['national desil distribution (10 rows)', time(() => desil.all(v))],
      [`national PBI-JKN targeting cube (${cubeRows.length} rows)`, time(() => cube.all(v, 'PBI_JKN'))],
      ['  + classes, causes, coverage, leakage in JS', time(() => summarize(rule, toCells(cube.all(v, 'PBI_JKN') as Parameters<typeof toCells>[0])))],
      ['quota status of 514 kabupaten/kota (PKH)', time(() => {
        const recipients = new Map((recipientsByRegency.all(v, 'PKH') as Array<{ region_code: string; recipients: number }>).map((r) => [r.region_code, r.recipients]));
        return regionalQuotas(poverty, Math.round((programByCode('PKH').nationalQuota ?? 0) * scale)).map((q) => quotaStatus(q.quota, recipients.get(q.regionCode) ?? 0));
      }, 50)],
    ] as const;
    console.log(`\nnational questions from rollups, version ${v} (SQLite, in process; PBI-JKN quota at this scale ${quota.toLocaleString('en-US')}):`);
    for (const [name, t] of results) console.log(`  ${name.padEnd(48)} p50 ${t.p50.toFixed(2)} ms  p95 ${t.p95.toFixed(2)} ms`);
    console.log(`  programs: ${PROGRAMS.map((p) => p.code).join(', ')}`);
    db.close();
    benchTransitions(file);
    benchReactivation(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
