// PBI-JKN reactivation picture.
// 1. Against a generated dataset: every number equals a per-person computation done differently here (plain reads of
//    the memberships, members, states, families and proposals, joined in JavaScript, then `pbiReactivationEligible`
//    per person), for the nation, a province, a regency, a district and a village at several versions and through both
//    access paths; provinces add up to the nation; the statement returns groups, not people. The generator removes
//    people from PBI-JKN and files reactivation proposals but never reactivates anybody, so the test adds reactivation
//    (and quota-fill) memberships to its copy of the data first.
// 2. Against a hand-made fixture, numbers worked out by hand for the edge cases: the May 2025 version found by label,
//    an update in time after a reactivation, an overdue one, a reactivation that ended, a person enrolled again through
//    the quota, deaths, letters before the removal or after the version, a family that moves between provinces.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../db/migrate.js';
import { openSqlite, type SqliteDatabase } from '../../db/sqlite.js';
import { protectIdentifier } from '../../domain/identifiers.js';
import { pbiReactivationEligible, type PbiReactivationCondition } from '../../domain/trends.js';
import { generateDataset } from '../../generator/generate.js';
import { testIdentifierKeys } from '../__tests__/fixture.js';
import { postgresTwin } from '../__tests__/postgres-twin.js';
import {
  PBI_REACTIVATION_CONDITIONS, PbiReactivationError, countPbiReactivation, pbiReactivation, type PbiReactivationPicture, type ReactivationScan,
} from './reactivation.service.js';

const dir = mkdtempSync(join(tmpdir(), 'dtsen-reactivation-'));
const SCANS: readonly ReactivationScan[] = ['REGISTRY', 'REGION'];

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const emptyUnmet = (): Record<PbiReactivationCondition, number> =>
  Object.fromEntries(PBI_REACTIVATION_CONDITIONS.map((c) => [c, 0])) as Record<PbiReactivationCondition, number>;

/** The picture for every access path (and the default one) must be the same; returns it. */
function pictureAllPaths(db: SqliteDatabase, versionId: number, regionCode: string): PbiReactivationPicture {
  const picture = pbiReactivation(db, { versionId, regionCode });
  for (const scan of SCANS) expect(pbiReactivation(db, { versionId, regionCode, scan }), `${scan} v${versionId} ${regionCode}`).toEqual(picture);
  return picture;
}

describe('pbiReactivation on a generated dataset', () => {
  const file = join(dir, 'g.db');
  const VERSIONS = 5;
  let db: SqliteDatabase;
  let data: Registry;
  let province: string;
  let regency: string;
  let district: string;
  let village: string;

  beforeAll(async () => {
    await generateDataset({ scale: 0.001, versions: VERSIONS, seed: 11, file, progress: null, publish: false });
    db = openSqlite(file);
    addMemberships(db, VERSIONS);
    data = readRegistry(db);
    // The regions with the most people considered at the last version.
    const busiest = (level: number) => {
      const counts = new Map<string, number>();
      for (const p of people(data, VERSIONS)) {
        const code = p.ancestors[level]!;
        counts.set(code, (counts.get(code) ?? 0) + 1);
      }
      return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
    };
    [village, district, regency, province] = [0, 1, 2, 3].map(busiest) as [string, string, string, string];
  }, 300_000);

  afterAll(() => {
    db?.close();
  });

  it('equals a per-person computation for the nation, a province and a regency at three versions, on both access paths', () => {
    for (const v of [2, 4, VERSIONS]) {
      for (const region of ['ID', province, regency]) {
        expect(pictureAllPaths(db, v, region), `v${v} ${region}`).toEqual(expected(data, v, region));
      }
    }
  });

  it('equals the per-person computation for a district and a village', () => {
    for (const v of [3, VERSIONS]) {
      for (const region of [district, village]) {
        expect(pictureAllPaths(db, v, region), `v${v} ${region}`).toEqual(expected(data, v, region));
      }
    }
  });

  it('has non-trivial, internally consistent totals at every version', () => {
    expect(pbiReactivation(db, { versionId: 1 })).toEqual({
      versionId: 1, regionCode: 'ID', removed: 0, reactivated: 0, eligible: 0, unmet: emptyUnmet(), overdueDataUpdates: 0,
    });
    for (let v = 2; v <= VERSIONS; v++) {
      const p = pbiReactivation(db, { versionId: v });
      expect(p.removed, `v${v}`).toBeGreaterThan(0);
      expect(p.reactivated).toBeGreaterThan(0);
      expect(p.eligible).toBeGreaterThan(0);
      expect(p.eligible + p.reactivated).toBeLessThanOrEqual(p.removed);
      for (const c of ['URGENT_ILLNESS', 'VERIFIED_POOR_OR_VULNERABLE', 'HEALTH_FACILITY_LETTER'] as const) {
        expect(p.unmet[c], `v${v} ${c}`).toBeGreaterThan(0);
        expect(p.unmet[c]).toBeLessThan(p.removed);
      }
      // Every removal of the generated data is in or after the first version, 2025-Q2.
      expect(p.unmet.REMOVED_SINCE_MAY_2025).toBe(0);
      // Only reactivated people can be overdue, and only those are counted for the data-update condition.
      expect(p.overdueDataUpdates).toBe(p.unmet.DATA_UPDATED_IN_TIME);
      expect(p.overdueDataUpdates).toBeLessThanOrEqual(p.reactivated);
      // Everybody not reactivated is either eligible or fails at least one condition.
      const failing = p.removed - p.reactivated - p.eligible;
      expect(failing).toBeGreaterThan(0);
      expect(failing).toBeLessThanOrEqual(p.unmet.URGENT_ILLNESS + p.unmet.VERIFIED_POOR_OR_VULNERABLE + p.unmet.HEALTH_FACILITY_LETTER);
    }
    // Reactivated in version 2 with no family update in versions 2-4: overdue from version 5 on.
    expect(pbiReactivation(db, { versionId: 4 }).overdueDataUpdates).toBe(0);
    expect(pbiReactivation(db, { versionId: VERSIONS }).overdueDataUpdates).toBeGreaterThan(0);
  });

  it('adds up over the provinces to the nation', () => {
    const provinces = (db.prepare("SELECT code FROM region WHERE level = 'PROVINCE'").all() as Array<{ code: string }>).map((r) => r.code);
    const nation = pbiReactivation(db, { versionId: VERSIONS });
    const sum: PbiReactivationPicture = { ...nation, removed: 0, reactivated: 0, eligible: 0, unmet: emptyUnmet(), overdueDataUpdates: 0 };
    for (const code of provinces) {
      const p = pbiReactivation(db, { versionId: VERSIONS, regionCode: code });
      sum.removed += p.removed;
      sum.reactivated += p.reactivated;
      sum.eligible += p.eligible;
      sum.overdueDataUpdates += p.overdueDataUpdates;
      for (const c of PBI_REACTIVATION_CONDITIONS) sum.unmet[c] += p.unmet[c];
    }
    expect(sum).toEqual(nation);
  });

  it('reads groups of people from the database, never a row per person', () => {
    const returned: number[] = [];
    const counting = new Proxy(db, {
      get(target, property, receiver) {
        if (property !== 'prepare') return Reflect.get(target, property, receiver) as unknown;
        return (sql: string) => {
          const statement = target.prepare(sql);
          if (!sql.includes('GROUP BY removed_version')) return statement;
          return new Proxy(statement, {
            get(s, p, r) {
              if (p !== 'all') return Reflect.get(s, p, r) as unknown;
              return (...args: unknown[]) => {
                const rows = s.all(...args);
                returned.push(rows.length);
                return rows;
              };
            },
          });
        };
      },
    });
    const picture = pbiReactivation(counting, { versionId: VERSIONS });
    expect(returned).toHaveLength(1);
    expect(returned[0]).toBeGreaterThan(1);
    expect(returned[0]).toBeLessThan(500);
    expect(returned[0]).toBeLessThan(picture.removed / 10);
  });

  it('gives the same pictures on PostgreSQL (a copy of this data), on both access paths', async () => {
    const twin = await postgresTwin(file, 'reactivation');
    try {
      // Both access paths at the last version, the default one at an earlier version.
      for (const [v, scans] of [[2, [undefined]], [VERSIONS, SCANS]] as const) {
        for (const regionCode of ['ID', province, regency, district, village]) {
          for (const scan of scans) {
            const options = { versionId: v, regionCode, ...(scan === undefined ? {} : { scan }) };
            expect(await countPbiReactivation(twin.sql, options), `${scan ?? 'default'} v${v} ${regionCode}`).toEqual(pbiReactivation(db, options));
          }
        }
      }
      await expect(countPbiReactivation(twin.sql, { versionId: VERSIONS + 1 })).rejects.toMatchObject({ code: 'UNKNOWN_VERSION' });
      await expect(countPbiReactivation(twin.sql, { versionId: 1, regionCode: 'XX' })).rejects.toMatchObject({ code: 'UNKNOWN_REGION' });
    } finally {
      await twin.close();
    }
  });

  it('rejects an unknown version or region with a typed error', () => {
    for (const versionId of [0, VERSIONS + 1, 1.5]) {
      expect(() => pbiReactivation(db, { versionId })).toThrow(PbiReactivationError);
      try {
        pbiReactivation(db, { versionId });
      } catch (error) {
        expect((error as PbiReactivationError).code).toBe('UNKNOWN_VERSION');
      }
    }
    for (const regionCode of ['XX', '32.', '']) {
      try {
        pbiReactivation(db, { versionId: 1, regionCode });
        expect.unreachable(`region ${regionCode}`);
      } catch (error) {
        expect(error).toBeInstanceOf(PbiReactivationError);
        expect((error as PbiReactivationError).code).toBe('UNKNOWN_REGION');
      }
    }
  });
});

/**
 * Test-only memberships on the generated data (the generator never reactivates): for the not-deceased people with a
 * single, ended PBI-JKN membership, in id order, one in eight each is reactivated in the removal version, reactivated
 * one version later, reactivated in the removal version and removed again two versions later, or enrolled again
 * through the quota one version later.
 */
function addMemberships(db: SqliteDatabase, versions: number): void {
  const removed = db.prepare(`SELECT e.individual_id AS individual, e.family_id AS family, e.regency_code AS regency, e.end_version_id AS ended
      FROM enrollment e JOIN individual i ON i.id = e.individual_id
      WHERE e.program_code = 'PBI_JKN' AND e.end_version_id IS NOT NULL AND i.deceased = 0
        AND NOT EXISTS (SELECT 1 FROM enrollment o WHERE o.individual_id = e.individual_id AND o.program_code = 'PBI_JKN' AND o.id <> e.id)
      ORDER BY e.individual_id`).all() as Array<{ individual: number; family: number; regency: string; ended: number }>;
  const insert = db.prepare(`INSERT INTO enrollment (program_code, family_id, individual_id, regency_code, start_version_id, end_version_id,
      start_reason, end_reason, member_since_year) VALUES ('PBI_JKN', ?, ?, ?, ?, ?, ?, ?, 2025)`);
  db.transaction(() => {
    removed.forEach((r, k) => {
      const add = (start: number, end: number | null, reason: 'REACTIVATION' | 'QUOTA_FILL') => {
        if (start > versions) return;
        const closed = end !== null && end <= versions ? end : null;
        insert.run(r.family, r.individual, r.regency, start, closed, reason, closed === null ? null : 'RERANKED');
      };
      if (k % 8 === 0) add(r.ended, null, 'REACTIVATION');
      else if (k % 8 === 1) add(r.ended + 1, null, 'REACTIVATION');
      else if (k % 8 === 2) add(r.ended, r.ended + 2, 'REACTIVATION');
      else if (k % 8 === 3) add(r.ended + 1, null, 'QUOTA_FILL');
    });
  })();
}

interface Membership { start: number; end: number | null; reason: string }
interface Registry {
  memberships: Map<number, Membership[]>;
  individuals: Map<number, { family: number; chronic: boolean; deceased: boolean; to: number | null }>;
  states: Map<number, Array<{ from: number; to: number | null; desil: number; village: string }>>;
  familyVillage: Map<number, string>;
  letters: Map<number, number[]>;
  mayVersion: number;
  /** Village code -> [village, district, regency, province, nation]. */
  ancestors: Map<string, string[]>;
}

/** Everything the per-person computation needs, read with plain queries. */
function readRegistry(db: SqliteDatabase): Registry {
  const memberships = new Map<number, Membership[]>();
  for (const e of db.prepare("SELECT individual_id AS id, start_version_id AS start, end_version_id AS end, start_reason AS reason FROM enrollment WHERE program_code = 'PBI_JKN'")
    .all() as Array<Membership & { id: number }>) {
    memberships.set(e.id, [...(memberships.get(e.id) ?? []), { start: e.start, end: e.end, reason: e.reason }]);
  }
  const individuals = new Map(
    (db.prepare('SELECT id, family_id, chronic_illness, deceased, to_version_id FROM individual').all() as Array<{
      id: number; family_id: number; chronic_illness: number; deceased: number; to_version_id: number | null;
    }>).map((i) => [i.id, { family: i.family_id, chronic: i.chronic_illness === 1, deceased: i.deceased === 1, to: i.to_version_id }]),
  );
  const states: Registry['states'] = new Map();
  for (const s of db.prepare('SELECT family_id AS f, valid_from_version_id AS "from", valid_to_version_id AS "to", desil, village_code AS village FROM family_state')
    .all() as Array<{ f: number; from: number; to: number | null; desil: number; village: string }>) {
    states.set(s.f, [...(states.get(s.f) ?? []), s]);
  }
  const familyVillage = new Map((db.prepare('SELECT id, village_code FROM family').all() as Array<{ id: number; village_code: string }>).map((f) => [f.id, f.village_code]));
  const letters = new Map<number, number[]>();
  for (const p of db.prepare("SELECT family_id AS f, submitted_version_id AS v FROM proposal WHERE kind = 'PBI_REACTIVATION' AND status = 'APPROVED'")
    .all() as Array<{ f: number; v: number }>) {
    letters.set(p.f, [...(letters.get(p.f) ?? []), p.v]);
  }
  // The May 2025 version: the first whose label (YYYY-Qn) is 2025-Q2 or later, read as a date.
  const versions = db.prepare('SELECT id, label FROM dtsen_version ORDER BY id').all() as Array<{ id: number; label: string }>;
  const quarterIndex = (label: string) => {
    const [year, quarter] = label.split('-Q').map(Number) as [number, number];
    return year * 4 + quarter - 1;
  };
  const may = versions.find((x) => quarterIndex(x.label) >= 2025 * 4 + 1);
  const villages = db.prepare("SELECT code, parent_code, regency_code, province_code FROM region WHERE level = 'VILLAGE'").all() as Array<{
    code: string; parent_code: string; regency_code: string; province_code: string;
  }>;
  const ancestors = new Map(villages.map((x) => [x.code, [x.code, x.parent_code, x.regency_code, x.province_code, 'ID']]));
  return { memberships, individuals, states, familyVillage, letters, mayVersion: may?.id ?? Number.POSITIVE_INFINITY, ancestors };
}

interface Person {
  ancestors: string[];
  facts: Parameters<typeof pbiReactivationEligible>[0];
}

/** The people considered at version v, with their facts and region, computed person by person. */
function people(data: Registry, v: number): Person[] {
  const out: Person[] = [];
  for (const [id, all] of data.memberships) {
    const mine = all.filter((m) => m.start <= v);
    const ended = mine.filter((m) => m.end !== null && m.end <= v).map((m) => m.end!);
    if (ended.length === 0) continue;
    const removedVersion = Math.max(...ended);
    const person = data.individuals.get(id)!;
    if (person.deceased && (person.to === null || person.to <= v)) continue;
    const active = mine.filter((m) => m.end === null || m.end > v);
    const reactivations = active.filter((m) => m.reason === 'REACTIVATION' && m.start >= removedVersion).map((m) => m.start);
    if (active.length > 0 && reactivations.length === 0) continue; // enrolled again through another route
    const reactivatedVersion = reactivations.length > 0 ? Math.max(...reactivations) : null;
    const familyStates = data.states.get(person.family) ?? [];
    const state = familyStates.find((s) => s.from <= v && (s.to === null || s.to > v));
    const updates = familyStates.map((s) => s.from).filter((f) => f <= v);
    const afterReactivation = updates.filter((f) => reactivatedVersion !== null && f >= reactivatedVersion);
    const dataUpdatedVersion = afterReactivation.length > 0 ? Math.min(...afterReactivation) : updates.length > 0 ? Math.max(...updates) : null;
    const village = state?.village ?? data.familyVillage.get(person.family)!;
    out.push({
      ancestors: data.ancestors.get(village) ?? [village, 'ID'],
      facts: {
        removedVersion,
        removedSinceMay2025: removedVersion >= data.mayVersion,
        urgentIllness: person.chronic ? 'CHRONIC' : null,
        verifiedPoorOrVulnerable: state !== undefined && state.desil >= 1 && state.desil <= 5,
        healthFacilityLetter: (data.letters.get(person.family) ?? []).some((s) => s >= removedVersion && s <= v),
        currentVersion: v,
        dataUpdatedVersion,
        reactivatedVersion,
      },
    });
  }
  return out;
}

function expected(data: Registry, v: number, region: string): PbiReactivationPicture {
  const picture: PbiReactivationPicture = {
    versionId: v, regionCode: region, removed: 0, reactivated: 0, eligible: 0, unmet: emptyUnmet(), overdueDataUpdates: 0,
  };
  for (const p of people(data, v)) {
    if (!p.ancestors.includes(region)) continue;
    const decision = pbiReactivationEligible(p.facts);
    const reactivated = p.facts.reactivatedVersion !== null;
    picture.removed++;
    if (reactivated) picture.reactivated++;
    if (!reactivated && decision.eligible) picture.eligible++;
    for (const c of decision.unmet) picture.unmet[c]++;
    if (reactivated && decision.unmet.includes('DATA_UPDATED_IN_TIME')) picture.overdueDataUpdates++;
  }
  return picture;
}

describe('pbiReactivation on a hand-made fixture', () => {
  const file = join(dir, 'f.db');
  let db: SqliteDatabase;

  beforeAll(async () => {
    await applyMigrations({ provider: 'sqlite', file });
    db = openSqlite(file);
    db.transaction(() => seedFixture(db))();
  });

  afterAll(() => {
    db?.close();
  });

  const picture = (versionId: number, regionCode: string, counts: Partial<Omit<PbiReactivationPicture, 'unmet' | 'versionId' | 'regionCode'>>,
    unmet: Partial<Record<PbiReactivationCondition, number>> = {}): PbiReactivationPicture => ({
    versionId, regionCode, removed: 0, reactivated: 0, eligible: 0, overdueDataUpdates: 0, ...counts, unmet: { ...emptyUnmet(), ...unmet },
  });

  it('counts the nation version by version', () => {
    // v1: nobody removed yet.
    expect(pictureAllPaths(db, 1, 'ID')).toEqual(picture(1, 'ID', {}));
    // v2: only #4, removed in 2025-Q1 (before the May 2025 version, found by its label 2025-Q2 = version 3), whose
    // family's letter is not submitted yet.
    expect(pictureAllPaths(db, 2, 'ID')).toEqual(picture(2, 'ID', { removed: 1 }, { REMOVED_SINCE_MAY_2025: 1, HEALTH_FACILITY_LETTER: 1 }));
    // v3: #1 and #9 eligible; #2, #3 and #10 reactivated; #4 removed too early; #5 outside DTSEN and not ill; #8 desil
    // 8 with a letter from before the removal; #11 (rejected proposal) and #12 (letter only in v5) without letter.
    expect(pictureAllPaths(db, 3, 'ID')).toEqual(picture(3, 'ID', { removed: 10, reactivated: 3, eligible: 2 }, {
      REMOVED_SINCE_MAY_2025: 1, URGENT_ILLNESS: 1, VERIFIED_POOR_OR_VULNERABLE: 2, HEALTH_FACILITY_LETTER: 4,
    }));
    // v4: #6 removed (desil 8, early letter); #7 removed by death, never counted; #9 enrolled again through the quota.
    expect(pictureAllPaths(db, 4, 'ID')).toEqual(picture(4, 'ID', { removed: 10, reactivated: 3, eligible: 1 }, {
      REMOVED_SINCE_MAY_2025: 1, URGENT_ILLNESS: 1, VERIFIED_POOR_OR_VULNERABLE: 3, HEALTH_FACILITY_LETTER: 5,
    }));
    // v5: #10's reactivation ended (removed again, its letter predates that removal); #12's letter arrived; #2 is due
    // now (reactivated in v3 + 2 periods) but not yet overdue.
    expect(pictureAllPaths(db, 5, 'ID')).toEqual(picture(5, 'ID', { removed: 10, reactivated: 2, eligible: 2 }, {
      REMOVED_SINCE_MAY_2025: 1, URGENT_ILLNESS: 1, VERIFIED_POOR_OR_VULNERABLE: 3, HEALTH_FACILITY_LETTER: 5,
    }));
    // v6: #8 died; #2 (family never updated since v1) is overdue; #3 (family updated in v5) is not.
    expect(pictureAllPaths(db, 6, 'ID')).toEqual(picture(6, 'ID', { removed: 9, reactivated: 2, eligible: 2, overdueDataUpdates: 1 }, {
      REMOVED_SINCE_MAY_2025: 1, URGENT_ILLNESS: 1, VERIFIED_POOR_OR_VULNERABLE: 2, HEALTH_FACILITY_LETTER: 4, DATA_UPDATED_IN_TIME: 1,
    }));
    // v7: #3's family is updated again in v7, after the due version: the update in v5 still counts, #3 stays in time.
    expect(pictureAllPaths(db, 7, 'ID')).toEqual(picture(7, 'ID', { removed: 9, reactivated: 2, eligible: 2, overdueDataUpdates: 1 }, {
      REMOVED_SINCE_MAY_2025: 1, URGENT_ILLNESS: 1, VERIFIED_POOR_OR_VULNERABLE: 2, HEALTH_FACILITY_LETTER: 4, DATA_UPDATED_IN_TIME: 1,
    }));
  });

  it('places people by their family state in force, else by the civil-registry village', () => {
    // #12's family lives in Kota Semarang (33) until v3 and in Kabupaten Bogor from v4; #5's family is outside DTSEN.
    expect(pictureAllPaths(db, 3, '33')).toEqual(picture(3, '33', { removed: 2 }, {
      URGENT_ILLNESS: 1, VERIFIED_POOR_OR_VULNERABLE: 1, HEALTH_FACILITY_LETTER: 2,
    }));
    expect(pictureAllPaths(db, 6, '33')).toEqual(picture(6, '33', { removed: 1 }, {
      URGENT_ILLNESS: 1, VERIFIED_POOR_OR_VULNERABLE: 1, HEALTH_FACILITY_LETTER: 1,
    }));
    expect(pictureAllPaths(db, 3, '32.01')).toEqual(picture(3, '32.01', { removed: 5, reactivated: 2, eligible: 2 }, {
      VERIFIED_POOR_OR_VULNERABLE: 1, HEALTH_FACILITY_LETTER: 1,
    }));
    for (const region of ['32.01', '32.01.01']) {
      expect(pictureAllPaths(db, 6, region)).toEqual(picture(6, region, { removed: 5, reactivated: 1, eligible: 2, overdueDataUpdates: 1 }, {
        VERIFIED_POOR_OR_VULNERABLE: 1, HEALTH_FACILITY_LETTER: 2, DATA_UPDATED_IN_TIME: 1,
      }));
    }
    expect(pictureAllPaths(db, 6, '32.01.01.1002')).toEqual(picture(6, '32.01.01.1002', { removed: 2, reactivated: 1, overdueDataUpdates: 1 }, {
      HEALTH_FACILITY_LETTER: 1, DATA_UPDATED_IN_TIME: 1,
    }));
    expect(pictureAllPaths(db, 7, '32.73')).toEqual(picture(7, '32.73', { removed: 3, reactivated: 1 }, {
      REMOVED_SINCE_MAY_2025: 1, HEALTH_FACILITY_LETTER: 1,
    }));
    expect(pictureAllPaths(db, 7, '32.73.01.1001')).toEqual({ ...pictureAllPaths(db, 7, '32.73'), regionCode: '32.73.01.1001' });
  });

  it('gives the same hand-worked pictures on PostgreSQL (a copy of the fixture)', async () => {
    const twin = await postgresTwin(file, 'reactivation_fixture');
    try {
      for (let v = 1; v <= 7; v++) {
        for (const regionCode of ['ID', '33', '32.01', '32.01.01', '32.01.01.1002', '32.73', '32.73.01.1001']) {
          for (const scan of SCANS) {
            const onPostgres = await countPbiReactivation(twin.sql, { versionId: v, regionCode, scan });
            expect(onPostgres, `${scan} v${v} ${regionCode}`).toEqual(pbiReactivation(db, { versionId: v, regionCode, scan }));
          }
        }
      }
    } finally {
      await twin.close();
    }
  });

  it('rejects an unknown version or region', () => {
    expect(() => pbiReactivation(db, { versionId: 8 })).toThrow(expect.objectContaining({ code: 'UNKNOWN_VERSION' }));
    expect(() => pbiReactivation(db, { versionId: 3, regionCode: '32.02' })).toThrow(expect.objectContaining({ code: 'UNKNOWN_REGION' }));
  });
});

/**
 * Seven versions from 2024-Q4 (so 2025-Q2, the May 2025 version, is version 3) and thirteen people in eight families:
 *
 * | # | family (village, desil by version)            | PBI-JKN memberships                                     | other          |
 * |---|-----------------------------------------------|---------------------------------------------------------|----------------|
 * | 1 | A (Bogor .1001, desil 3)                       | 1-3                                                     | chronic        |
 * | 2 | B (Bogor .1002, desil 4, never updated)        | 1-3, reactivated 3-                                     | chronic        |
 * | 3 | C (Bandung, desil 2, updated in v5 and v7)     | 1-3, reactivated 3-                                     | chronic        |
 * | 4 | C                                              | 1-2 (removed in 2025-Q1)                                | chronic        |
 * | 5 | D (Semarang, outside DTSEN)                    | 1-3                                                     |                |
 * | 6 | E (Bogor .1001, desil 8)                       | 1-4                                                     | chronic        |
 * | 7 | E                                              | 1-4 (died)                                              | chronic, dead from v4 |
 * | 8 | E                                              | 1-3                                                     | chronic, dead from v6 |
 * | 9 | F (Bogor .1002, desil 5)                       | 1-3, quota fill 4-                                      | chronic        |
 * |10 | F                                              | 1-3, reactivated 3-5                                    | chronic        |
 * |11 | G (Bandung, desil 1)                           | 1-3                                                     | chronic        |
 * |12 | H (Semarang to v3, Bogor .1001 from v4, desil 1) | 1-3                                                   | chronic        |
 * |13 | A                                              | 1- (never removed)                                      | chronic        |
 *
 * Reactivation proposals: A, B, C, F approved in v3; E approved in v2 (before its removals); G rejected in v3; H approved
 * in v5.
 */
function seedFixture(db: SqliteDatabase): void {
  const region = db.prepare('INSERT INTO region (code, name, level, parent_code, province_code, regency_code) VALUES (?, ?, ?, ?, ?, ?)');
  for (const r of [
    ['ID', 'Indonesia', 'NATION', null, null, null],
    ['32', 'Jawa Barat', 'PROVINCE', 'ID', '32', null],
    ['33', 'Jawa Tengah', 'PROVINCE', 'ID', '33', null],
    ['32.01', 'Kabupaten Bogor', 'REGENCY', '32', '32', '32.01'],
    ['32.73', 'Kota Bandung', 'REGENCY', '32', '32', '32.73'],
    ['33.74', 'Kota Semarang', 'REGENCY', '33', '33', '33.74'],
    ['32.01.01', 'Cibinong', 'DISTRICT', '32.01', '32', '32.01'],
    ['32.73.01', 'Sukasari', 'DISTRICT', '32.73', '32', '32.73'],
    ['33.74.01', 'Semarang Tengah', 'DISTRICT', '33.74', '33', '33.74'],
    ['32.01.01.1001', 'Pondok Rajeg', 'VILLAGE', '32.01.01', '32', '32.01'],
    ['32.01.01.1002', 'Karadenan', 'VILLAGE', '32.01.01', '32', '32.01'],
    ['32.73.01.1001', 'Sukarasa', 'VILLAGE', '32.73.01', '32', '32.73'],
    ['33.74.01.1001', 'Miroto', 'VILLAGE', '33.74.01', '33', '33.74'],
  ] as const) region.run(...r);
  const version = db.prepare("INSERT INTO dtsen_version (id, label, status) VALUES (?, ?, 'DRAFT')");
  ['2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2'].forEach((label, i) => version.run(i + 1, label));
  db.prepare(`INSERT INTO program (code, name, unit, desil_min, desil_max, national_quota, max_years, admits_outside_dtsen, legal_basis, sort_order)
    VALUES ('PBI_JKN', 'Penerima Bantuan Iuran Jaminan Kesehatan Nasional', 'INDIVIDUAL', 1, 5, 96000000, NULL, 0, 'Kepmensos 79/HUK/2025', 3)`).run();

  const regencyOf = (village: string) => village.slice(0, 5);
  const stored = (value: string): [string, string, string] => {
    const { hash, masked, sealed } = protectIdentifier(testIdentifierKeys, value);
    return [hash, masked, sealed];
  };
  const family = db.prepare("INSERT INTO family (id, kk_hash, kk_masked, kk_sealed, village_code, regency_code, source, first_version_id) VALUES (?, ?, ?, ?, ?, ?, ?, 1)");
  const state = db.prepare(`INSERT INTO family_state (family_id, valid_from_version_id, valid_to_version_id, village_code, regency_code, member_count,
      income_monthly, wall_type, floor_type, roof_type, floor_area_m2, electricity_va, water_source, sanitation, cooking_fuel, house_ownership,
      land_m2, motorcycles, cars, gold_grams, savings_rp, loans_rp, pmt_score, national_rank, desil)
    VALUES (?, ?, ?, ?, ?, 3, 1500000, 'WOOD', 'CEMENT', 'ZINC', 36, 900, 'PIPED', 'SHARED', 'LPG_3KG', 'OWNED', 0, 1, 0, 0, 0, 0, 12.5, 1000, ?)`);
  const families: Array<[id: number, village: string, source: string, states: Array<[from: number, to: number | null, desil: number, village?: string]>]> = [
    [1, '32.01.01.1001', 'REGSOSEK', [[1, null, 3]]],
    [2, '32.01.01.1002', 'REGSOSEK', [[1, null, 4]]],
    [3, '32.73.01.1001', 'DTKS', [[1, 5, 2], [5, 7, 2], [7, null, 2]]],
    [4, '33.74.01.1001', 'NON_DTSEN', []],
    [5, '32.01.01.1001', 'REGSOSEK', [[1, null, 8]]],
    [6, '32.01.01.1002', 'P3KE', [[1, null, 5]]],
    [7, '32.73.01.1001', 'DTKS', [[1, null, 1]]],
    [8, '33.74.01.1001', 'DTKS', [[1, 4, 1], [4, null, 1, '32.01.01.1001']]],
  ];
  for (const [id, village, source, states] of families) {
    family.run(id, ...stored(`32010100000000${String(id).padStart(2, '0')}`), village, regencyOf(village), source);
    for (const [from, to, desil, moved] of states) state.run(id, from, to, moved ?? village, regencyOf(moved ?? village), desil);
  }

  const individual = db.prepare(`INSERT INTO individual (id, nik_hash, nik_masked, nik_sealed, family_id, name, relationship, sex, birth_date, education, work_status, work_sector,
      disability, chronic_illness, deceased, from_version_id, to_version_id)
    VALUES (?, ?, ?, ?, ?, ?, 'OTHER', 'FEMALE', '1960-01-01', 'PRIMARY', 'NOT_IN_LABOUR_FORCE', 'NONE', 0, ?, ?, 1, ?)`);
  const enrollment = db.prepare(`INSERT INTO enrollment (program_code, family_id, individual_id, regency_code, start_version_id, end_version_id,
      start_reason, end_reason, member_since_year) VALUES ('PBI_JKN', ?, ?, ?, ?, ?, ?, ?, 2020)`);
  const people: Array<[id: number, family: number, chronic: boolean, diedIn: number | null, memberships: Array<[start: number, end: number | null, reason: string, endReason?: string]>]> = [
    [1, 1, true, null, [[1, 3, 'INITIAL', 'RERANKED']]],
    [2, 2, true, null, [[1, 3, 'INITIAL', 'RERANKED'], [3, null, 'REACTIVATION']]],
    [3, 3, true, null, [[1, 3, 'INITIAL', 'RERANKED'], [3, null, 'REACTIVATION']]],
    [4, 3, true, null, [[1, 2, 'INITIAL', 'RERANKED']]],
    [5, 4, false, null, [[1, 3, 'INITIAL', 'OUTSIDE_DTSEN']]],
    [6, 5, true, null, [[1, 4, 'INITIAL', 'RERANKED']]],
    [7, 5, true, 4, [[1, 4, 'INITIAL', 'DECEASED']]],
    [8, 5, true, 6, [[1, 3, 'INITIAL', 'RERANKED']]],
    [9, 6, true, null, [[1, 3, 'INITIAL', 'RERANKED'], [4, null, 'QUOTA_FILL']]],
    [10, 6, true, null, [[1, 3, 'INITIAL', 'RERANKED'], [3, 5, 'REACTIVATION', 'RERANKED']]],
    [11, 7, true, null, [[1, 3, 'INITIAL', 'RERANKED']]],
    [12, 8, true, null, [[1, 3, 'INITIAL', 'RERANKED']]],
    [13, 1, true, null, [[1, null, 'INITIAL']]],
  ];
  const villageOf = new Map(families.map(([id, village]) => [id, village]));
  for (const [id, fam, chronic, diedIn, memberships] of people) {
    individual.run(id, ...stored(`32010141016000${String(id).padStart(2, '0')}`), fam, `Person ${id}`, chronic ? 1 : 0, diedIn === null ? 0 : 1, diedIn);
    for (const [start, end, reason, endReason] of memberships) {
      enrollment.run(fam, id, regencyOf(villageOf.get(fam)!), start, end, reason, endReason ?? null);
    }
  }

  const proposal = db.prepare(`INSERT INTO proposal (kind, path, status, family_id, program_code, village_code, regency_code, submitted_version_id,
      submitted_at) VALUES ('PBI_REACTIVATION', 'FORMAL', ?, ?, 'PBI_JKN', ?, ?, ?, '2025-06-01')`);
  for (const [fam, status, submitted] of [[1, 'APPROVED', 3], [2, 'APPROVED', 3], [3, 'APPROVED', 3], [6, 'APPROVED', 3], [5, 'APPROVED', 2],
    [7, 'REJECTED', 3], [8, 'APPROVED', 5]] as const) {
    proposal.run(status, fam, villageOf.get(fam)!, regencyOf(villageOf.get(fam)!), submitted);
  }
}
