// Recount: every analytics rollup number equals a direct SQL count on the base tables, for random versions,
// regions and programs of a generated dataset; publishing is a no-op once published; published rollups are immutable.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqlite, type SqliteDatabase } from '../../db/sqlite.js';
import { summarize } from '../../domain/classification.js';
import { type ExclusionCriterionCode } from '../../domain/exclusion-criteria.js';
import { programByCode, type ProgramCode } from '../../domain/programs.js';
import type { TargetingCell } from '../../domain/targeting-types.js';
import { pkhDurationReached } from '../../domain/trends.js';
import { generateDataset } from '../../generator/generate.js';
import { Rng } from '../../generator/rng.js';
import { buildRollupsSqlite, publishVersionSqlite, VersionPublishedError } from './publish.service.js';

const dir = mkdtempSync(join(tmpdir(), 'dtsen-recount-'));
const file = join(dir, 'r.db');
let db: SqliteDatabase;
const VERSIONS = 3;

beforeAll(async () => {
  await generateDataset({ scale: 0.0005, versions: VERSIONS, seed: 3, file, progress: null, publish: false });
  db = openSqlite(file);
  for (let v = 1; v <= VERSIONS; v++) {
    publishVersionSqlite(db, v);
  }
}, 240_000);

afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

const one = (sql: string, ...p: unknown[]) => (db.prepare(sql).get(...p) as { n: number | null }).n ?? 0;
const inForce = (a: string) => `${a}.valid_from_version_id <= @v AND (${a}.valid_to_version_id IS NULL OR ${a}.valid_to_version_id > @v)`;
const active = `e.start_version_id <= @v AND (e.end_version_id IS NULL OR e.end_version_id > @v)`;
const member = `i.from_version_id <= @v AND (i.to_version_id IS NULL OR i.to_version_id > @v)`;
/** Region filter on a village code column, for any level. */
const inRegion = (col: string) => `EXISTS (SELECT 1 FROM region g WHERE g.code = ${col} AND (@r = 'ID' OR g.province_code = @r OR g.regency_code = @r))`;
const familyExcluded = `EXISTS (SELECT 1 FROM exclusion_flag x JOIN exclusion_criterion c ON c.code = x.criterion_code JOIN individual i ON i.id = x.individual_id
  WHERE i.family_id = s.family_id AND c.excludes_family = 1 AND ${member} AND x.observed_version_id <= @v AND (x.cleared_version_id IS NULL OR x.cleared_version_id > @v))`;

function cells(v: number, region: string, program: ProgramCode): TargetingCell[] {
  return (
    db.prepare('SELECT * FROM targeting_rollup WHERE version_id = ? AND region_code = ? AND program_code = ?').all(v, region, program) as Array<{
      desil: number; recipient: number; criterion_code: string; ground_checked: number; in_target_group: number; units: number;
    }>
  ).map((r) => ({
    programCode: program, desil: r.desil, recipient: r.recipient === 1, criterion: (r.criterion_code || null) as ExclusionCriterionCode | null,
    groundChecked: r.ground_checked === 1, inTargetGroup: r.in_target_group === 1, units: r.units,
  }));
}

function sample(): Array<{ v: number; r: string }> {
  const rng = new Rng(42);
  const regencies = (db.prepare("SELECT code FROM region WHERE level = 'REGENCY' ORDER BY code").all() as Array<{ code: string }>).map((x) => x.code);
  const provinces = (db.prepare("SELECT code FROM region WHERE level = 'PROVINCE' ORDER BY code").all() as Array<{ code: string }>).map((x) => x.code);
  return [
    { v: VERSIONS, r: 'ID' },
    { v: 1, r: 'ID' },
    ...[1, 2].map(() => ({ v: rng.int(1, VERSIONS), r: rng.pick(provinces) })),
    ...[1, 2, 3].map(() => ({ v: rng.int(1, VERSIONS), r: rng.pick(regencies) })),
  ];
}

describe('analytics rollups recount', () => {
  it('family programs: recipients, outside DTSEN, exclusion errors and pending ground checks equal direct counts', () => {
    for (const { v, r } of sample()) {
      for (const program of ['PKH', 'SEMBAKO'] as const) {
        const rule = programByCode(program);
        const s = summarize(rule, cells(v, r, program));
        const q = { v, r, p: program, lo: rule.desilMin, hi: rule.desilMax };
        const recipients = one(`SELECT COUNT(DISTINCT e.family_id) AS n FROM enrollment e JOIN family f ON f.id = e.family_id
          LEFT JOIN family_state s ON s.family_id = e.family_id AND ${inForce('s')}
          WHERE e.program_code = @p AND ${active} AND ${inRegion('COALESCE(s.village_code, f.village_code)')}`, q);
        expect(s.recipients, `${program} v${v} ${r} recipients`).toBe(recipients);
        const outside = one(`SELECT COUNT(DISTINCT e.family_id) AS n FROM enrollment e JOIN family f ON f.id = e.family_id
          WHERE e.program_code = @p AND ${active} AND ${inRegion('f.village_code')}
          AND NOT EXISTS (SELECT 1 FROM family_state s WHERE s.family_id = e.family_id AND ${inForce('s')})`, q);
        expect(s.inclusionByCause.OUTSIDE_DTSEN ?? 0, `${program} v${v} ${r} outside`).toBe(outside);
        const exclusionErrors = one(`SELECT COUNT(*) AS n FROM family_state s WHERE ${inForce('s')} AND ${inRegion('s.village_code')}
          AND s.desil BETWEEN @lo AND @hi AND NOT ${familyExcluded}
          AND NOT EXISTS (SELECT 1 FROM enrollment e WHERE e.family_id = s.family_id AND e.program_code = @p AND ${active})`, q);
        expect(s.byClass.EXCLUSION_ERROR, `${program} v${v} ${r} exclusion errors`).toBe(exclusionErrors);
        const pending = one(`SELECT COUNT(*) AS n FROM family_state s WHERE ${inForce('s')} AND ${inRegion('s.village_code')}
          AND s.desil > @hi AND s.ground_check_status = 'NOT_CHECKED' AND NOT ${familyExcluded}
          AND EXISTS (SELECT 1 FROM enrollment e WHERE e.family_id = s.family_id AND e.program_code = @p AND ${active})`, q);
        expect(s.byClass.PENDING_GROUND_CHECK, `${program} v${v} ${r} pending`).toBe(pending);
        const families = one(`SELECT COUNT(*) AS n FROM family_state s WHERE ${inForce('s')} AND ${inRegion('s.village_code')}`, q);
        expect(Object.values(s.byClass).reduce((a, b) => a + b, 0)).toBe(families + outside);
      }
    }
  });

  it('PBI-JKN: recipients, deceased recipients and eligible non-recipients equal direct counts', () => {
    for (const { v, r } of sample()) {
      const rule = programByCode('PBI_JKN');
      const s = summarize(rule, cells(v, r, 'PBI_JKN'));
      const q = { v, r };
      const recipients = one(`SELECT COUNT(*) AS n FROM enrollment e JOIN individual i ON i.id = e.individual_id JOIN family f ON f.id = i.family_id
        LEFT JOIN family_state s ON s.family_id = i.family_id AND ${inForce('s')}
        WHERE e.program_code = 'PBI_JKN' AND ${active} AND ${inRegion('COALESCE(s.village_code, f.village_code)')}`, q);
      expect(s.recipients, `PBI v${v} ${r} recipients`).toBe(recipients);
      const people = one(`SELECT COUNT(*) AS n FROM individual i JOIN family_state s ON s.family_id = i.family_id AND ${inForce('s')}
        WHERE ${member} AND ${inRegion('s.village_code')}`, q);
      const notMemberRecipients = one(`SELECT COUNT(*) AS n FROM enrollment e JOIN individual i ON i.id = e.individual_id JOIN family f ON f.id = i.family_id
        LEFT JOIN family_state s ON s.family_id = i.family_id AND ${inForce('s')}
        WHERE e.program_code = 'PBI_JKN' AND ${active} AND ${inRegion('COALESCE(s.village_code, f.village_code)')} AND NOT (s.family_id IS NOT NULL AND ${member})`, q);
      expect(Object.values(s.byClass).reduce((a, b) => a + b, 0), `PBI v${v} ${r} population`).toBe(people + notMemberRecipients);
      const eligibleNonRecipients = one(`SELECT COUNT(*) AS n FROM individual i JOIN family_state s ON s.family_id = i.family_id AND ${inForce('s')}
        WHERE ${member} AND ${inRegion('s.village_code')} AND s.desil BETWEEN 1 AND 5 AND NOT ${familyExcluded}
        AND NOT EXISTS (SELECT 1 FROM exclusion_flag x WHERE x.individual_id = i.id AND x.observed_version_id <= @v AND (x.cleared_version_id IS NULL OR x.cleared_version_id > @v))
        AND NOT EXISTS (SELECT 1 FROM enrollment e WHERE e.individual_id = i.id AND e.program_code = 'PBI_JKN' AND ${active})`, q);
      expect(s.byClass.EXCLUSION_ERROR, `PBI v${v} ${r} exclusion errors`).toBe(eligibleNonRecipients);
    }
  });

  it('district and village class rollups add up to the regency cube', () => {
    const regency = (db.prepare("SELECT region_code AS code FROM targeting_rollup t JOIN region g ON g.code = t.region_code WHERE g.level = 'REGENCY' AND t.version_id = 2 ORDER BY t.units DESC LIMIT 1").get() as { code: string }).code;
    for (const program of ['PKH', 'PBI_JKN', 'PIP'] as const) {
      const s = summarize(programByCode(program), cells(2, regency, program));
      for (const level of ['DISTRICT', 'VILLAGE']) {
        const rows = db.prepare(`SELECT class, SUM(units) AS n FROM targeting_class_rollup t JOIN region g ON g.code = t.region_code
          WHERE t.version_id = 2 AND t.program_code = ? AND g.level = ? AND g.regency_code = ? GROUP BY class`).all(program, level, regency) as Array<{ class: keyof typeof s.byClass; n: number }>;
        for (const row of rows) expect(row.n, `${program} ${level} ${row.class}`).toBe(s.byClass[row.class]);
        expect(rows.reduce((a, b) => a + b.n, 0)).toBe(Object.values(s.byClass).reduce((a, b) => a + b, 0));
      }
    }
  });

  it('churn, overlap and proposal rollups equal direct counts', () => {
    for (let v = 2; v <= VERSIONS; v++) {
      const exits = db.prepare("SELECT reason, units FROM churn_rollup WHERE version_id = ? AND region_code = 'ID' AND program_code = 'PBI_JKN' AND direction = 'EXIT' ORDER BY reason").all(v);
      const direct = db.prepare("SELECT end_reason AS reason, COUNT(*) AS units FROM enrollment WHERE program_code = 'PBI_JKN' AND end_version_id = ? GROUP BY end_reason ORDER BY end_reason").all(v);
      expect(exits).toEqual(direct);
      const overlap = one("SELECT SUM(families) AS n FROM overlap_rollup WHERE version_id = ? AND region_code = 'ID'", v);
      const families = one(`SELECT COUNT(*) AS n FROM family f WHERE EXISTS (SELECT 1 FROM family_state s WHERE s.family_id = f.id AND ${inForce('s')})
        OR EXISTS (SELECT 1 FROM enrollment e WHERE e.family_id = f.id AND ${active})`, { v });
      expect(overlap).toBe(families);
      const pkhAndSembako = one("SELECT SUM(families) AS n FROM overlap_rollup WHERE version_id = ? AND region_code = 'ID' AND (program_mask & 3) = 3", v);
      expect(pkhAndSembako).toBe(one(`SELECT COUNT(*) AS n FROM (SELECT e.family_id FROM enrollment e WHERE e.program_code IN ('PKH', 'SEMBAKO') AND ${active}
        GROUP BY e.family_id HAVING COUNT(DISTINCT e.program_code) = 2)`, { v }));
    }
    const funnel = db.prepare("SELECT status, SUM(proposals) AS n FROM proposal_rollup WHERE version_id = 2 AND region_code = 'ID' GROUP BY status ORDER BY status").all();
    expect(funnel).toEqual(db.prepare('SELECT status, COUNT(*) AS n FROM proposal WHERE submitted_version_id = 2 GROUP BY status ORDER BY status').all());
    const decided = (db.prepare("SELECT julianday(decided_at) - julianday(submitted_at) AS d FROM proposal WHERE submitted_version_id = 2 AND kind = 'SANGGAH' AND path = 'FORMAL' AND status = 'APPROVED' ORDER BY d").all() as Array<{ d: number }>).map((x) => x.d);
    const median = decided.length % 2 ? decided[(decided.length - 1) / 2]! : (decided[decided.length / 2 - 1]! + decided[decided.length / 2]!) / 2;
    const stored = one("SELECT median_days_to_decision AS n FROM proposal_rollup WHERE version_id = 2 AND region_code = 'ID' AND kind = 'SANGGAH' AND path = 'FORMAL' AND status = 'APPROVED'");
    expect(decided.length).toBeGreaterThan(0);
    expect(stored).toBeCloseTo(median, 6);
  });

  it('PKH membership years, and the families reaching the 5-year limit, equal direct counts', () => {
    const rule = programByCode('PKH');
    for (const { v, r } of sample()) {
      const year = Number((db.prepare('SELECT label FROM dtsen_version WHERE id = ?').get(v) as { label: string }).label.slice(0, 4));
      const rows = db.prepare("SELECT member_since_year AS since, units FROM membership_rollup WHERE version_id = ? AND region_code = ? AND program_code = 'PKH' ORDER BY since")
        .all(v, r) as Array<{ since: number; units: number }>;
      const direct = db.prepare(`SELECT e.member_since_year AS since, COUNT(DISTINCT e.family_id) AS units FROM enrollment e JOIN family f ON f.id = e.family_id
        LEFT JOIN family_state s ON s.family_id = e.family_id AND ${inForce('s')}
        WHERE e.program_code = 'PKH' AND ${active} AND ${inRegion('COALESCE(s.village_code, f.village_code)')}
        GROUP BY e.member_since_year ORDER BY since`).all({ v, r });
      expect(rows, `PKH membership v${v} ${r}`).toEqual(direct);
      const reached = rows.filter((x) => pkhDurationReached(x.since, year, rule.maxYears)).reduce((a, b) => a + b.units, 0);
      expect(reached).toBe(one(`SELECT COUNT(DISTINCT e.family_id) AS n FROM enrollment e JOIN family f ON f.id = e.family_id
        LEFT JOIN family_state s ON s.family_id = e.family_id AND ${inForce('s')}
        WHERE e.program_code = 'PKH' AND ${active} AND e.member_since_year <= @y AND ${inRegion('COALESCE(s.village_code, f.village_code)')}`,
      { v, r, y: year - 5 }));
    }
    const national = one("SELECT SUM(units) AS n FROM membership_rollup WHERE version_id = ? AND region_code = 'ID'", VERSIONS);
    expect(national).toBeGreaterThan(0);
  });

  it('quota recipients per kabupaten/kota equal a direct count of distinct units in force by enrollment.regency_code', () => {
    for (let v = 1; v <= VERSIONS; v++) {
      for (const program of ['PKH', 'SEMBAKO', 'PBI_JKN', 'ATENSI', 'PIP'] as const) {
        const unit = programByCode(program).unit === 'FAMILY' ? 'e.family_id' : 'e.individual_id';
        const direct = db
          .prepare(`SELECT e.regency_code AS r, COUNT(DISTINCT ${unit}) AS n FROM enrollment e WHERE e.program_code = @p AND ${active.replaceAll('@v', '@v')}
                    AND ${unit} IS NOT NULL GROUP BY e.regency_code ORDER BY e.regency_code`)
          .all({ v, p: program });
        const rollup = db
          .prepare('SELECT regency_code AS r, units AS n FROM quota_recipient_rollup WHERE version_id = ? AND program_code = ? ORDER BY regency_code')
          .all(v, program);
        expect(rollup, `v${v} ${program}`).toEqual(direct);
        if (program !== 'PIP') expect(rollup.length, `v${v} ${program}`).toBeGreaterThan(100);
      }
    }
  });

  it('publishing again is a no-op and published analytics are immutable', () => {
    expect(publishVersionSqlite(db, 1).alreadyPublished).toBe(true);
    expect(() => buildRollupsSqlite(db, 1)).toThrow(VersionPublishedError);
    expect(() => db.prepare("DELETE FROM targeting_rollup WHERE version_id = 1").run()).toThrow(/immutable/);
  });
});
