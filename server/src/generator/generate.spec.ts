import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqlite, type SqliteDatabase } from '../db/sqlite.js';
import { identifierHash, openIdentifier } from '../domain/identifiers.js';
import { maskNik } from '../domain/masking.js';
import { checkNik } from '../domain/nik.js';
import { TEST_DATA_KEY, testIdentifierKeys } from '../modules/__tests__/fixture.js';
import { type GenerateReport, generateDataset } from './generate.js';
import { loadReferenceData } from './reference.js';

const dir = mkdtempSync(join(tmpdir(), 'dtsen-gen-'));
const file = join(dir, 'g.db');
let db: SqliteDatabase;
let report: GenerateReport;

beforeAll(async () => {
  report = await generateDataset({ scale: 0.001, versions: 5, seed: 1, file, progress: null, dataKey: TEST_DATA_KEY });
  db = openSqlite(file, { readonly: true });
}, 240_000);

afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

const all = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as T[];
const one = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) as T;
const inForce = (alias: string, v: number) =>
  `${alias}.valid_from_version_id <= ${v} AND (${alias}.valid_to_version_id IS NULL OR ${alias}.valid_to_version_id > ${v})`;

describe('synthetic dataset at scale 0.001', () => {
  it('has the national shape: ~95k families, ~3 individuals each, every real region', () => {
    expect(report.families).toBe(95_000);
    const individuals = one<{ n: number }>('SELECT COUNT(*) AS n FROM individual').n;
    expect(individuals / report.families).toBeGreaterThan(2.9);
    expect(individuals / report.families).toBeLessThan(3.2);
    const levels = Object.fromEntries(all<{ level: string; n: number }>('SELECT level, COUNT(*) AS n FROM region GROUP BY level').map((r) => [r.level, r.n]));
    expect(levels).toEqual({ NATION: 1, PROVINCE: 38, REGENCY: 514, DISTRICT: 7285, VILLAGE: 83762 });
  });

  it('spreads families over kabupaten in proportion to BPS 2024 population (within 2 % relative where >= 200 families)', () => {
    const ref = loadReferenceData();
    const totalPopulation = ref.regencies.reduce((s, r) => s + r.population, 0);
    const counts = new Map(all<{ regency_code: string; n: number }>('SELECT regency_code, COUNT(*) AS n FROM family GROUP BY regency_code').map((r) => [r.regency_code, r.n]));
    let checked = 0;
    for (const r of ref.regencies) {
      const n = counts.get(r.code) ?? 0;
      if (n < 200) continue;
      checked++;
      const expected = r.population / totalPopulation;
      expect(Math.abs(n / report.families - expected) / expected, r.code).toBeLessThan(0.02);
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('keeps referential integrity although rows are bulk-loaded without foreign-key checks', () => {
    expect(all('PRAGMA foreign_key_check')).toEqual([]);
  });

  it('places every family in a real village of its kabupaten', () => {
    const bad = one<{ n: number }>(
      `SELECT COUNT(*) AS n FROM family_state s LEFT JOIN region r ON r.code = s.village_code
       WHERE r.code IS NULL OR r.level <> 'VILLAGE' OR r.regency_code <> s.regency_code`,
    ).n;
    expect(bad).toBe(0);
  });

  it('ranks nationally so that each desil holds 10 % +- 0.5 % of individuals in every version', () => {
    for (let v = 1; v <= 5; v++) {
      const rows = all<{ desil: number; individuals: number }>(
        `SELECT desil, SUM(member_count) AS individuals FROM family_state s WHERE ${inForce('s', v)} GROUP BY desil ORDER BY desil`,
      );
      expect(rows.map((r) => r.desil)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      const total = rows.reduce((s, r) => s + r.individuals, 0);
      for (const r of rows) expect(Math.abs(r.individuals / total - 0.1), `v${v} desil ${r.desil}`).toBeLessThan(0.005);
    }
  });

  it('orders desil by PMT score within a version (lower score, lower desil)', () => {
    const rows = all<{ desil: number; lo: number; hi: number }>(
      `SELECT desil, MIN(pmt_score) AS lo, MAX(pmt_score) AS hi FROM family_state s WHERE ${inForce('s', 3)} GROUP BY desil ORDER BY desil`,
    );
    for (let k = 1; k < rows.length; k++) expect(rows[k]!.lo).toBeGreaterThanOrEqual(rows[k - 1]!.hi);
  });

  it('calibrates poverty: individuals with per-capita income below the BPS poverty line follow each kabupaten P0', () => {
    const rows = all<{ code: string; poor: number; people: number; p0: number }>(
      `SELECT s.regency_code AS code, SUM(CASE WHEN s.income_monthly * 1.0 / s.member_count < p.poverty_line THEN s.member_count ELSE 0 END) AS poor,
              SUM(s.member_count) AS people, p.p0 AS p0
       FROM family_state s JOIN poverty p ON p.regency_code = s.regency_code AND p.period = '2024-03'
       WHERE ${inForce('s', 1)} GROUP BY s.regency_code, p.p0, p.poverty_line`,
    );
    const national = rows.reduce((s, r) => s + r.poor, 0) / rows.reduce((s, r) => s + r.people, 0);
    expect(Math.abs(national * 100 - 9.03)).toBeLessThan(1.0);
    const big = rows.filter((r) => r.people >= 600);
    const xs = big.map((r) => r.p0);
    const ys = big.map((r) => (100 * r.poor) / r.people);
    expect(pearson(xs, ys)).toBeGreaterThan(0.85);
  });

  it('keeps family states temporal: at most one state per family and version, and changes only write new rows', () => {
    for (let v = 1; v <= 5; v++) {
      const dup = one<{ n: number }>(`SELECT COUNT(*) AS n FROM (SELECT family_id FROM family_state s WHERE ${inForce('s', v)} GROUP BY family_id HAVING COUNT(*) > 1)`).n;
      expect(dup).toBe(0);
    }
    const states = one<{ n: number }>('SELECT COUNT(*) AS n FROM family_state').n;
    expect(states).toBeLessThan(report.families * 2); // 5 versions, far fewer than 5 rows per family
    const changed = one<{ n: number }>('SELECT COUNT(*) AS n FROM family_state WHERE valid_from_version_id > 1').n;
    expect(changed).toBeGreaterThan(report.families * 0.05);
  });

  it('has churn between versions: births, deaths and families whose desil changed', () => {
    expect(one<{ n: number }>('SELECT COUNT(*) AS n FROM individual WHERE from_version_id > 1').n).toBeGreaterThan(500);
    expect(one<{ n: number }>('SELECT COUNT(*) AS n FROM individual WHERE deceased = 1').n).toBeGreaterThan(500);
    const moved = one<{ n: number }>(
      `SELECT COUNT(*) AS n FROM family_state a JOIN family_state b ON a.family_id = b.family_id AND b.valid_from_version_id = a.valid_to_version_id
       WHERE a.desil <> b.desil`,
    ).n;
    expect(moved).toBeGreaterThan(1000);
  });

  it('gives every person a unique, well-formed 16-digit NIK whose prefix is the family district and birth date', () => {
    expect(one<{ n: number; d: number }>('SELECT COUNT(*) AS n, COUNT(DISTINCT nik_hash) AS d FROM individual')).toSatisfy(
      (r: { n: number; d: number }) => r.n === r.d,
    );
    const sample = all<{ nik_hash: string; nik_masked: string; nik_sealed: string; birth_date: string; sex: string; village_code: string }>(
      `SELECT i.nik_hash, i.nik_masked, i.nik_sealed, i.birth_date, i.sex, f.village_code FROM individual i JOIN family f ON f.id = i.family_id
       WHERE i.id % 97 = 0`,
    );
    expect(sample.length).toBeGreaterThan(100);
    for (const row of sample) {
      const p = { ...row, nik: openIdentifier(testIdentifierKeys, row.nik_sealed) };
      expect(p.nik_hash).toBe(identifierHash(testIdentifierKeys, p.nik));
      expect(p.nik_masked).toBe(maskNik(p.nik));
      expect(checkNik(p.nik)).toBeNull();
      expect(p.nik.slice(0, 6)).toBe(p.village_code.split('.').slice(0, 3).join(''));
      const birth = new Date(p.birth_date);
      const day = birth.getUTCDate() + (p.sex === 'FEMALE' ? 40 : 0);
      expect(p.nik.slice(6, 12)).toBe(`${String(day).padStart(2, '0')}${String(birth.getUTCMonth() + 1).padStart(2, '0')}${String(birth.getUTCFullYear() % 100).padStart(2, '0')}`);
    }
    const kk = one<{ n: number; d: number }>('SELECT COUNT(*) AS n, COUNT(DISTINCT kk_hash) AS d FROM family');
    expect(kk.n).toBe(kk.d);
    const kks = all<{ kk_sealed: string }>('SELECT kk_sealed FROM family WHERE id % 97 = 0').map((r) => openIdentifier(testIdentifierKeys, r.kk_sealed));
    expect(kks.every((value) => /^\d{16}$/.test(value))).toBe(true);
  });

  it('stores no clear NIK or KK: no column of family or individual holds a 16-digit number or the row\'s identifier', () => {
    for (const [table, id] of [['family', 'kk'], ['individual', 'nik']] as const) {
      let rows = 0;
      for (const row of db.prepare(`SELECT * FROM ${table}`).iterate() as Iterable<Record<string, unknown>>) {
        rows += 1;
        const clear = openIdentifier(testIdentifierKeys, row[`${id}_sealed`] as string);
        for (const [column, value] of Object.entries(row)) {
          if (typeof value !== 'string') continue;
          // A hex hash may hold 16 decimal digits in a row by chance: it must be a hash, and not hold the identifier.
          const leaks = column.endsWith('_hash') ? !/^[0-9a-f]{64}$/.test(value) || value.includes(clear) : /\d{16}/.test(value);
          if (leaks) throw new Error(`${table}.${column}: clear identifier in ${value}`);
        }
      }
      expect(rows, table).toBeGreaterThan(10_000);
    }
  });

  it('calibrates PBI-JKN inclusion errors to the May 2025 figures (2.4 % desil 6-10, 5.3 % outside DTSEN)', () => {
    const r = one<{ n: number; outside: number; above: number }>(
      `SELECT COUNT(*) AS n, SUM(CASE WHEN s.family_id IS NULL THEN 1 ELSE 0 END) AS outside, SUM(CASE WHEN s.desil > 5 THEN 1 ELSE 0 END) AS above
       FROM enrollment e LEFT JOIN family_state s ON s.family_id = e.family_id AND ${inForce('s', 1)}
       WHERE e.program_code = 'PBI_JKN' AND e.start_version_id <= 1 AND (e.end_version_id IS NULL OR e.end_version_id > 1)`,
    );
    expect(r.n / 96_000).toBeGreaterThan(0.9);
    expect(r.n / 96_000).toBeLessThan(1.1);
    expect(Math.abs(r.outside / r.n - 0.053)).toBeLessThan(0.01);
    expect(Math.abs(r.above / r.n - 0.024)).toBeLessThan(0.008);
  });

  it('produces every kind of targeting error, exclusion flag, ground check and proposal', () => {
    const reasons = all<{ end_reason: string }>('SELECT DISTINCT end_reason FROM enrollment WHERE end_reason IS NOT NULL').map((r) => r.end_reason);
    expect(reasons).toEqual(expect.arrayContaining(['DECEASED', 'NEGATIVE_LIST', 'EXCLUSION_CRITERION', 'GRADUATED', 'OUTSIDE_DTSEN', 'MAX_DURATION']));
    const criteria = all<{ criterion_code: string }>('SELECT DISTINCT criterion_code FROM exclusion_flag').map((r) => r.criterion_code);
    expect(criteria).toEqual(expect.arrayContaining(['ASN_TNI_POLRI', 'DECEASED', 'NEGATIVE_LIST_GAMBLING', 'INCOME_ABOVE_MINIMUM_WAGE']));
    // Eligible families left out (exclusion errors): desil 1-4, no family-excluding flag, not in PKH.
    const leftOut = one<{ n: number }>(
      `SELECT COUNT(*) AS n FROM family_state s WHERE ${inForce('s', 1)} AND s.desil <= 4
       AND NOT EXISTS (SELECT 1 FROM enrollment e WHERE e.family_id = s.family_id AND e.program_code = 'PKH' AND e.start_version_id <= 1)`,
    ).n;
    expect(leftOut).toBeGreaterThan(10_000);
    const kinds = all<{ kind: string }>('SELECT DISTINCT kind FROM proposal').map((r) => r.kind);
    expect(kinds.sort()).toEqual(['DESIL_UPDATE', 'PBI_REACTIVATION', 'SANGGAH', 'USULAN']);
    const gc = all<{ ground_check_status: string }>('SELECT DISTINCT ground_check_status FROM family_state').map((r) => r.ground_check_status);
    expect(gc.sort()).toEqual(['ADDRESS_NOT_FOUND', 'CONFIRMED', 'INELIGIBLE', 'NOT_CHECKED']);
  });

  it('has at most one active membership per unit, program and version', () => {
    for (let v = 1; v <= 5; v++) {
      const dup = one<{ n: number }>(
        `SELECT COUNT(*) AS n FROM (SELECT program_code, family_id, individual_id FROM enrollment
         WHERE start_version_id <= ${v} AND (end_version_id IS NULL OR end_version_id > ${v})
         GROUP BY program_code, family_id, individual_id HAVING COUNT(*) > 1)`,
      ).n;
      expect(dup, `v${v}`).toBe(0);
    }
  });

  it('publishes every version with rollups equal to a direct count', () => {
    expect(all<{ status: string }>('SELECT status FROM dtsen_version').every((r) => r.status === 'PUBLISHED')).toBe(true);
    for (const v of [1, 5]) {
      const direct = all<{ desil: number; f: number; i: number }>(
        `SELECT desil, COUNT(*) AS f, SUM(member_count) AS i FROM family_state s WHERE ${inForce('s', v)} GROUP BY desil ORDER BY desil`,
      );
      const rollup = all<{ desil: number; f: number; i: number }>(
        "SELECT desil, families AS f, individuals AS i FROM desil_rollup WHERE version_id = ? AND region_code = 'ID' ORDER BY desil", v,
      );
      expect(rollup).toEqual(direct);
      const province = all<{ f: number }>("SELECT SUM(families) AS f FROM desil_rollup r JOIN region g ON g.code = r.region_code WHERE r.version_id = ? AND g.level = 'PROVINCE'", v);
      expect(province[0]!.f).toBe(direct.reduce((s, r) => s + r.f, 0));
    }
  });
});

describe('determinism and idempotence', () => {
  it('gives the same rows for the same seed, different rows for another seed, and re-runs in place', async () => {
    const a = join(dir, 'a.db');
    const b = join(dir, 'b.db');
    await generateDataset({ scale: 0.0002, versions: 3, seed: 7, file: a, progress: null });
    const first = fingerprint(a);
    await generateDataset({ scale: 0.0002, versions: 3, seed: 7, file: a, progress: null }); // re-run over the same file
    expect(fingerprint(a)).toEqual(first);
    await generateDataset({ scale: 0.0002, versions: 3, seed: 8, file: b, progress: null });
    expect(fingerprint(b)).not.toEqual(first);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  }, 120_000);
});

function fingerprint(file: string): Record<string, string> {
  const g = openSqlite(file, { readonly: true });
  try {
    const tables = ['family', 'family_state', 'individual', 'exclusion_flag', 'enrollment', 'proposal', 'desil_rollup'];
    return Object.fromEntries(
      tables.map((t) => {
        // Sealed identifiers differ on every run (random IVs); their keyed hashes are deterministic.
        const columns = (g.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => c.name).filter((c) => !c.endsWith('_sealed'));
        const rows = g.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM ${t} ORDER BY 1, 2, 3`).raw().all();
        return [t, `${rows.length}:${hash(JSON.stringify(rows))}`];
      }),
    );
  } finally {
    g.close();
  }
}

function hash(s: string): string {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(16);
}

function pearson(xs: number[], ys: number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}
