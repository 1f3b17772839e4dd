// Incremental publishing (recount the changed families at the previous and the new version, add the difference to
// the previous rollups) must give exactly the rollups of a full count, for every version, including a version whose
// calendar year changes (everyone's age moves on). Versions are published in order, and publishing is atomic.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqlite, type SqliteDatabase } from '../../db/sqlite.js';
import { generateDataset } from '../../generator/generate.js';
import { INCREMENTAL_MAX_CHANGED_SHARE, ROLLUP_TABLES, VersionOrderError, publishVersionSqlite, type PublishResult } from './publish.service.js';
import { desilTransitions } from '../targeting/transitions.service.js';
import { ROLLUPS, TRANSITION_ROLLUP } from './publish.sql.js';

const dir = mkdtempSync(join(tmpdir(), 'dtsen-incremental-'));
const VERSIONS = 4; // 2025-Q2 .. 2026-Q1: the last one starts a new calendar year
let incremental: SqliteDatabase;
let full: SqliteDatabase;
let draft: SqliteDatabase;
const results: PublishResult[] = [];

beforeAll(async () => {
  const file = join(dir, 'draft.db');
  await generateDataset({ scale: 0.0005, versions: VERSIONS, seed: 5, file, progress: null, publish: false });
  copyFileSync(file, join(dir, 'incremental.db'));
  copyFileSync(file, join(dir, 'full.db'));
  incremental = openSqlite(join(dir, 'incremental.db'));
  full = openSqlite(join(dir, 'full.db'));
  draft = openSqlite(file);
  for (let v = 1; v <= VERSIONS; v++) {
    results.push(publishVersionSqlite(incremental, v, { mode: 'incremental' }));
    publishVersionSqlite(full, v, { mode: 'full' });
  }
}, 240_000);

afterAll(() => {
  for (const db of [incremental, full, draft]) db?.close();
  rmSync(dir, { recursive: true, force: true });
});

function rowsOf(db: SqliteDatabase, table: string, v: number): unknown[] {
  const columns = (db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name);
  return db.prepare(`SELECT * FROM ${table} WHERE version_id = ? ORDER BY ${columns.join(', ')}`).all(v);
}

describe('incremental publish', () => {
  it('recounts only the changed families after the first version', () => {
    const families = (draft.prepare('SELECT COUNT(*) AS n FROM family').get() as { n: number }).n;
    expect(results.map((r) => r.method)).toEqual(['full', 'incremental', 'incremental', 'incremental']);
    for (const r of results.slice(1)) {
      expect(r.familiesCounted).toBeGreaterThan(0);
      expect(r.familiesCounted).toBeLessThan(families * 0.6);
    }
    // The new calendar year adds the families with a member crossing an age-group threshold.
    expect(results[3]!.familiesCounted).toBeGreaterThan(results[2]!.familiesCounted!);
  });

  it.each(ROLLUP_TABLES)('%s: identical to a full count at every version', (table) => {
    // Churn and transitions start at the second version (against the first).
    for (let v = table === 'churn_rollup' || table === 'transition_rollup' ? 2 : 1; v <= VERSIONS; v++) {
      const expected = rowsOf(full, table, v);
      expect(expected.length, `${table} v${v} has rows`).toBeGreaterThan(0);
      expect(rowsOf(incremental, table, v), `${table} v${v}`).toEqual(expected);
    }
  });

  it('transition rollups equal the matrix counted on the base tables, and are what the service reads', () => {
    const regions = ['ID', ...(['PROVINCE', 'REGENCY'] as const).map((level) =>
      (incremental.prepare(`SELECT r.code FROM region r JOIN desil_rollup d ON d.region_code = r.code AND d.version_id = 2
        WHERE r.level = ? GROUP BY r.code ORDER BY SUM(d.families) DESC LIMIT 1`).get(level) as { code: string }).code)];
    for (let v = 2; v <= VERSIONS; v++) {
      for (const regionCode of regions) {
        const fromRollup = desilTransitions(incremental, { regionCode, fromVersionId: v - 1, toVersionId: v });
        const counted = desilTransitions(incremental, { regionCode, fromVersionId: v - 1, toVersionId: v, source: 'base-tables' });
        expect(fromRollup.source).toBe('ROLLUP');
        expect(counted.source).toBe('BASE_TABLES');
        expect(fromRollup.total, `v${v} ${regionCode}`).toBeGreaterThan(0);
        expect(fromRollup.counts, `v${v} ${regionCode}`).toEqual(counted.counts);
      }
    }
    // Other pairs and smaller regions are counted.
    expect(desilTransitions(incremental, { fromVersionId: 1, toVersionId: 3 }).source).toBe('BASE_TABLES');
  });

  it('leaves no zero rows behind', () => {
    for (const t of [...Object.values(ROLLUPS), TRANSITION_ROLLUP]) {
      const zeros = incremental.prepare(`SELECT COUNT(*) AS n FROM ${t.name} WHERE ${t.values.map((c) => `${c} = 0`).join(' AND ')}`).get() as { n: number };
      expect(zeros.n, t.name).toBe(0);
    }
  });

  it("'auto' recounts incrementally only when few enough families changed", () => {
    const families = (draft.prepare('SELECT COUNT(*) AS n FROM family').get() as { n: number }).n;
    const copy = join(dir, 'auto.db');
    copyFileSync(join(dir, 'draft.db'), copy);
    const auto = openSqlite(copy);
    try {
      for (let v = 1; v <= VERSIONS; v++) {
        // The incremental run above recorded how many families changed at v.
        const changed = results[v - 1]!.familiesCounted!;
        const expected = v === 1 || changed > INCREMENTAL_MAX_CHANGED_SHARE * families ? 'full' : 'incremental';
        expect(publishVersionSqlite(auto, v).method, `v${v} (${changed} of ${families} families changed)`).toBe(expected);
      }
    } finally {
      auto.close();
    }
  });

  it('publishes versions in order, and a failed publish leaves the version untouched', () => {
    expect(() => publishVersionSqlite(draft, 2)).toThrow(VersionOrderError);
    const status = draft.prepare('SELECT status FROM dtsen_version WHERE id = 2').get() as { status: string };
    expect(status.status).toBe('DRAFT');
    for (const table of ROLLUP_TABLES) {
      expect((draft.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n, table).toBe(0);
    }
  });

  it('is a no-op for a published version', () => {
    expect(publishVersionSqlite(incremental, 2)).toMatchObject({ alreadyPublished: true });
  });
});
