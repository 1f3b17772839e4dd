// Desil transitions against a generated dataset: the one-statement matrix equals a per-family computation done
// differently here (the states in force at each version read by two separate queries and joined in JavaScript),
// for the nation, a province, a regency, a district and a village, over consecutive and distant version pairs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqlite, type SqliteDatabase } from '../../db/sqlite.js';
import { generateDataset } from '../../generator/generate.js';
import { postgresTwin } from '../__tests__/postgres-twin.js';
import { TransitionsError, countDesilTransitions, desilTransitions } from './transitions.service.js';

const dir = mkdtempSync(join(tmpdir(), 'dtsen-transitions-'));
const file = join(dir, 't.db');
const VERSIONS = 4;
const PAIRS = [[1, 2], [3, 4], [1, 4], [2, 4]] as const;
let db: SqliteDatabase;
/** Village code -> [village, district, regency, province, nation]. */
let ancestors: Map<string, string[]>;

beforeAll(async () => {
  await generateDataset({ scale: 0.001, versions: VERSIONS, seed: 9, file, progress: null, publish: false });
  db = openSqlite(file, { readonly: true });
  const villages = db.prepare("SELECT code, parent_code, regency_code, province_code FROM region WHERE level = 'VILLAGE'").all() as Array<{
    code: string; parent_code: string; regency_code: string; province_code: string;
  }>;
  ancestors = new Map(villages.map((v) => [v.code, [v.code, v.parent_code, v.regency_code, v.province_code, 'ID']]));
}, 240_000);

afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface State {
  desil: number;
  village: string;
}

/** The state in force of every DTSEN family at a version. */
function statesAt(v: number): Map<number, State> {
  const rows = db.prepare('SELECT family_id AS f, desil, village_code AS village FROM family_state WHERE valid_from_version_id <= ? AND COALESCE(valid_to_version_id, 1e9) > ?')
    .all(v, v) as Array<{ f: number; desil: number; village: string }>;
  const out = new Map(rows.map((r) => [r.f, { desil: r.desil, village: r.village }]));
  expect(out.size, `one state per family at version ${v}`).toBe(rows.length);
  return out;
}

/** Per family: desil at each version (0 = none) and the region (village at `from`, else at `to`). */
function expectedMatrix(from: Map<number, State>, to: Map<number, State>, region: string): number[][] {
  const counts = Array.from({ length: 11 }, () => new Array<number>(11).fill(0));
  for (const family of new Set([...from.keys(), ...to.keys()])) {
    const a = from.get(family);
    const b = to.get(family);
    const village = (a ?? b)!.village;
    if (!ancestors.get(village)!.includes(region)) continue;
    counts[a?.desil ?? 0]![b?.desil ?? 0]!++;
  }
  return counts;
}

/** Families per desil in a region at a version, straight from the states (a third formulation). */
function desilDistribution(v: number, region: string): number[] {
  const rows = db.prepare(`SELECT s.desil, COUNT(*) AS n FROM family_state s
    WHERE s.valid_from_version_id <= @v AND (s.valid_to_version_id IS NULL OR s.valid_to_version_id > @v)
      AND (@r = 'ID' OR s.village_code IN (SELECT code FROM region WHERE @r IN (code, parent_code, regency_code, province_code)))
    GROUP BY s.desil`).all({ v, r: region }) as Array<{ desil: number; n: number }>;
  const out = new Array<number>(11).fill(0);
  for (const r of rows) out[r.desil] = r.n;
  return out;
}

const rowTotals = (m: number[][]) => m.map((row) => row.reduce((a, b) => a + b, 0));
const columnTotals = (m: number[][]) => m[0]!.map((_, j) => m.reduce((s, row) => s + row[j]!, 0));

describe('desilTransitions', () => {
  it('equals the per-family computation for the nation, a province, a regency, a district and a village', () => {
    const states = new Map(Array.from({ length: VERSIONS }, (_, k) => [k + 1, statesAt(k + 1)]));
    // Regions below the nation: the largest province and regency at version 1, and the district and village that a
    // family left between versions 1 and 4 for another district (so attribution by the from-version matters).
    const count = (level: number) => {
      const n = new Map<string, number>();
      for (const s of states.get(1)!.values()) {
        const code = ancestors.get(s.village)![level]!;
        n.set(code, (n.get(code) ?? 0) + 1);
      }
      return [...n.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0]![0];
    };
    const moved = [...states.get(1)!.entries()].find(([f, s]) => {
      const later = states.get(VERSIONS)!.get(f);
      return later !== undefined && ancestors.get(later.village)![1] !== ancestors.get(s.village)![1];
    });
    expect(moved, 'a family that moved to another district').toBeDefined();
    const [, movedState] = moved!;
    const regions = ['ID', count(3), count(2), ancestors.get(movedState.village)![1]!, movedState.village];

    for (const [from, to] of PAIRS) {
      const a = states.get(from)!;
      const b = states.get(to)!;
      for (const region of regions) {
        const m = desilTransitions(db, { regionCode: region, fromVersionId: from, toVersionId: to });
        const label = `${region} v${from}->v${to}`;
        expect(m.counts, label).toEqual(expectedMatrix(a, b, region));
        expect([m.regionCode, m.fromVersionId, m.toVersionId]).toEqual([region, from, to]);
        expect(m.counts[0]![0], label).toBe(0);
        // Diagonal + off-diagonal = the families in force at either version in the region.
        const diagonal = m.counts.reduce((s, row, k) => s + row[k]!, 0);
        const offDiagonal = m.counts.reduce((s, row, k) => s + row.reduce((t, n, j) => t + (j === k ? 0 : n), 0), 0);
        const inForce = new Set([...a.keys(), ...b.keys()].filter((f) => ancestors.get((a.get(f) ?? b.get(f))!.village)!.includes(region)));
        expect(diagonal + offDiagonal, label).toBe(inForce.size);
        expect(m.total, label).toBe(inForce.size);
        // Rows 1-10 are the desil distribution at the from-version.
        expect(rowTotals(m.counts).slice(1), label).toEqual(desilDistribution(from, region).slice(1));
        m.shares.forEach((row, k) => expect(row.reduce((s, x) => s + x, 0), `${label} row ${k}`).toBeCloseTo(rowTotals(m.counts)[k]! === 0 ? 0 : 1, 9));
        // For the nation no family changes region, so columns 1-10 are the distribution at the to-version.
        if (region === 'ID') expect(columnTotals(m.counts).slice(1), label).toEqual(desilDistribution(to, 'ID').slice(1));
      }
    }
    // Families enter and leave the registry, and change desil, in the generated data.
    const national = desilTransitions(db, { fromVersionId: 1, toVersionId: VERSIONS });
    expect(national.regionCode).toBe('ID');
    expect(rowTotals(national.counts)[0]).toBeGreaterThan(0);
    expect(columnTotals(national.counts)[0]).toBeGreaterThan(0);
    expect(national.total - national.counts.reduce((s, row, k) => s + row[k]!, 0)).toBeGreaterThan(0);
  });

  it('gives the same matrices on PostgreSQL (a copy of this data)', async () => {
    const twin = await postgresTwin(file, 'transitions');
    try {
      // The nation and the region with the most family states at each level.
      const regions = ['ID', ...['r.province_code', 'r.regency_code', 'r.parent_code', 'r.code'].map((column) =>
        (db.prepare(`SELECT ${column} AS code FROM family_state s JOIN region r ON r.code = s.village_code GROUP BY 1 ORDER BY COUNT(*) DESC, 1 LIMIT 1`)
          .get() as { code: string }).code)];
      for (const [from, to] of PAIRS) {
        for (const regionCode of regions) {
          const onPostgres = await countDesilTransitions(twin.sql, { regionCode, fromVersionId: from, toVersionId: to });
          expect(onPostgres, `${regionCode} v${from}->v${to}`).toEqual(desilTransitions(db, { regionCode, fromVersionId: from, toVersionId: to }));
        }
      }
      await expect(countDesilTransitions(twin.sql, { regionCode: '99', fromVersionId: 1, toVersionId: 2 })).rejects.toMatchObject({ code: 'UNKNOWN_REGION' });
      await expect(countDesilTransitions(twin.sql, { fromVersionId: 2, toVersionId: 2 })).rejects.toMatchObject({ code: 'INVALID_VERSION_ORDER' });
    } finally {
      await twin.close();
    }
  });

  it('throws typed errors for unknown regions and versions and a from-version not before the to-version', () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        expect(error).toBeInstanceOf(TransitionsError);
        return (error as TransitionsError).code;
      }
      return 'NO_ERROR';
    };
    expect(code(() => desilTransitions(db, { regionCode: '99', fromVersionId: 1, toVersionId: 2 }))).toBe('UNKNOWN_REGION');
    expect(code(() => desilTransitions(db, { regionCode: '32.01.', fromVersionId: 1, toVersionId: 2 }))).toBe('UNKNOWN_REGION');
    expect(code(() => desilTransitions(db, { fromVersionId: 1, toVersionId: VERSIONS + 1 }))).toBe('UNKNOWN_VERSION');
    expect(code(() => desilTransitions(db, { fromVersionId: 0, toVersionId: 2 }))).toBe('UNKNOWN_VERSION');
    expect(code(() => desilTransitions(db, { fromVersionId: 1.5, toVersionId: 2 }))).toBe('UNKNOWN_VERSION');
    expect(code(() => desilTransitions(db, { fromVersionId: 2, toVersionId: 2 }))).toBe('INVALID_VERSION_ORDER');
    expect(code(() => desilTransitions(db, { fromVersionId: 3, toVersionId: 1 }))).toBe('INVALID_VERSION_ORDER');
    expect(code(() => desilTransitions(db, { regionCode: '32', fromVersionId: 1, toVersionId: 2 }))).toBe('NO_ERROR');
  });
});
