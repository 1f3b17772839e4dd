/**
 * Desil transition matrices over an existing dataset file: times `desilTransitions` for the nation, the province and
 * the kabupaten/kota with the most families, between the first and the last version and between the last two, and
 * prints the median (and p95) milliseconds over repeated runs. Reads only; prints figures, never fails on time.
 */
import { openSqlite } from '../db/sqlite.js';
import { desilTransitions } from '../modules/targeting/transitions.service.js';

/** Runs per measurement (after one warm-up run). */
const RUNS = 15;

export function benchTransitions(file: string): void {
  const db = openSqlite(file, { readonly: true });
  try {
    const versions = (db.prepare('SELECT id FROM dtsen_version ORDER BY id').all() as Array<{ id: number }>).map((v) => v.id);
    if (versions.length < 2) throw new Error(`${file} has ${versions.length} DTSEN version(s); transitions need at least two`);
    const first = versions[0]!;
    const last = versions.at(-1)!;
    const previous = versions.at(-2)!;
    const largest = (level: 'PROVINCE' | 'REGENCY') =>
      (db.prepare(`SELECT r.code, COUNT(*) AS n FROM family f JOIN region v ON v.code = f.village_code
          JOIN region r ON r.code = ${level === 'PROVINCE' ? 'v.province_code' : 'v.regency_code'}
          GROUP BY r.code ORDER BY n DESC, r.code LIMIT 1`).get() as { code: string }).code;
    const regions: Array<[label: string, code: string]> = [
      ['nation', 'ID'],
      ['largest province', largest('PROVINCE')],
      ['largest kabupaten/kota', largest('REGENCY')],
    ];
    const families = (db.prepare('SELECT COUNT(*) AS n FROM family').get() as { n: number }).n;
    console.log(`\ndesil transitions, ${file} (${families.toLocaleString('en-US')} families, versions ${first}-${last}), ${RUNS} runs each:`);
    for (const [fromVersionId, toVersionId] of [[first, last], [previous, last]] as const) {
      for (const [label, regionCode] of regions) {
        const samples: number[] = [];
        let total = 0;
        for (let k = 0; k <= RUNS; k++) {
          const started = performance.now();
          total = desilTransitions(db, { regionCode, fromVersionId, toVersionId }).total;
          if (k > 0) samples.push(performance.now() - started);
        }
        samples.sort((a, b) => a - b);
        const median = samples[Math.floor(samples.length / 2)]!;
        const p95 = samples[Math.min(samples.length - 1, Math.floor(samples.length * 0.95))]!;
        const name = `v${fromVersionId} -> v${toVersionId}  ${label} (${regionCode})`;
        console.log(`  ${name.padEnd(44)} ${total.toLocaleString('en-US').padStart(11)} families  median ${median.toFixed(2)} ms  p95 ${p95.toFixed(2)} ms`);
      }
    }
  } finally {
    db.close();
  }
}
