/**
 * PBI-JKN reactivation picture over an existing dataset file: times `pbiReactivation` at the last version for the
 * nation and for the kabupaten/kota with the most families (and, for scale, the province with the most families),
 * and prints the median (and p95) milliseconds over repeated runs. Reads only; prints figures, never fails on time.
 *
 * Not wired into the CLI; run it with, from server/:
 *   node --import @swc-node/register/esm-register -e \
 *     "import('./src/bench/reactivation.bench.ts').then((m) => m.benchReactivation('data/dtsen.db'))"
 */
import { openSqlite } from '../db/sqlite.js';
import { pbiReactivation } from '../modules/targeting/reactivation.service.js';

/** Runs per measurement (after one warm-up run). */
const RUNS = 9;

export interface ReactivationTiming {
  label: string;
  regionCode: string;
  removed: number;
  medianMs: number;
  p95Ms: number;
}

export function benchReactivation(file: string): ReactivationTiming[] {
  const db = openSqlite(file, { readonly: true });
  try {
    const last = (db.prepare('SELECT MAX(id) AS id FROM dtsen_version').get() as { id: number | null }).id;
    if (last === null) throw new Error(`${file} has no DTSEN version`);
    const largest = (level: 'PROVINCE' | 'REGENCY') =>
      (db.prepare(`SELECT r.code, COUNT(*) AS n FROM family f JOIN region v ON v.code = f.village_code
          JOIN region r ON r.code = ${level === 'PROVINCE' ? 'v.province_code' : 'v.regency_code'}
          GROUP BY r.code ORDER BY n DESC, r.code LIMIT 1`).get() as { code: string }).code;
    const regions: Array<[label: string, code: string]> = [
      ['nation', 'ID'],
      ['largest kabupaten/kota', largest('REGENCY')],
      ['largest province', largest('PROVINCE')],
    ];
    const enrollments = (db.prepare("SELECT COUNT(*) AS n FROM enrollment WHERE program_code = 'PBI_JKN'").get() as { n: number }).n;
    console.log(`\nPBI-JKN reactivation, ${file} (${enrollments.toLocaleString('en-US')} PBI-JKN memberships), version ${last}, ${RUNS} runs each:`);
    const timings: ReactivationTiming[] = [];
    for (const [label, regionCode] of regions) {
      const samples: number[] = [];
      let removed = 0;
      for (let k = 0; k <= RUNS; k++) {
        const started = performance.now();
        removed = pbiReactivation(db, { versionId: last, regionCode }).removed;
        if (k > 0) samples.push(performance.now() - started);
      }
      samples.sort((a, b) => a - b);
      const medianMs = samples[Math.floor(samples.length / 2)]!;
      const p95Ms = samples[Math.min(samples.length - 1, Math.floor(samples.length * 0.95))]!;
      timings.push({ label, regionCode, removed, medianMs, p95Ms });
      const name = `${label} (${regionCode})`;
      console.log(`  ${name.padEnd(36)} ${removed.toLocaleString('en-US').padStart(9)} removed  median ${medianMs.toFixed(1)} ms  p95 ${p95Ms.toFixed(1)} ms`);
    }
    return timings;
  } finally {
    db.close();
  }
}
