// Reallocation plans against a generated dataset: quota status, pool sizes, fill order and removal order equal an
// independent computation written differently here (other joins, NOT IN instead of NOT EXISTS, the pure `classify`
// and `inTargetGroup` in JavaScript), and every listed unit is checked against the base tables one by one.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqlite, type SqliteDatabase } from '../../db/sqlite.js';
import { classify } from '../../domain/classification.js';
import { EXCLUSION_CRITERIA, type ExclusionCriterionCode } from '../../domain/exclusion-criteria.js';
import { programByCode, type ProgramCode } from '../../domain/programs.js';
import { quotaStatus, regionalQuotas } from '../../domain/quota-status.js';
import { FILL_PRIORITY_ORDER, comparePoorestFirst, fillCounts, type FillCounts, type FillPriority } from '../../domain/reallocation.js';
import { INCLUSION_CAUSE_ORDER, PROGRAM_TARGET_GROUP, inTargetGroup, inclusionCauseRank } from '../../domain/targeting-rules.js';
import type { InclusionCause } from '../../domain/targeting-types.js';
import { generateDataset } from '../../generator/generate.js';
import { Rng } from '../../generator/rng.js';
import { sqliteRunner } from '../../db/sql-runner.js';
import { postgresTwin } from '../__tests__/postgres-twin.js';
import {
  ReallocationError, planReallocation, reallocationPlan, recipientsByRegency as recipientsByQuotaRegency, regencyQuotas, removalCounts,
  type FillUnit, type ReallocationPlan,
} from './reallocation.service.js';

const dir = mkdtempSync(join(tmpdir(), 'dtsen-realloc-'));
const file = join(dir, 'r.db');
const VERSIONS = 3;
let db: SqliteDatabase;
let scale: number;

beforeAll(async () => {
  await generateDataset({ scale: 0.001, versions: VERSIONS, seed: 5, file, progress: null, publish: false });
  // Writable: one test adds rare facts inside a transaction that it rolls back.
  db = openSqlite(file);
  scale = (JSON.parse((db.prepare("SELECT value FROM dataset_info WHERE key = 'generator'").get() as { value: string }).value) as { scale: number }).scale;
}, 240_000);

afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

const all = <T>(sql: string, params: object = {}) => db.prepare(sql).all(params) as T[];
const get = <T>(sql: string, params: object = {}) => db.prepare(sql).get(params) as T | undefined;
const yearOf = (v: number) => Number(get<{ label: string }>('SELECT label FROM dtsen_version WHERE id = @v', { v })!.label.slice(0, 4));
const sortOrder = new Map(EXCLUSION_CRITERIA.map((c) => [c.code, c.sortOrder]));

/** Recipients per regency by where the unit lives (family state in force, else the family's domicile). */
function recipientsByRegency(v: number, program: ProgramCode): Map<string, number> {
  const unit = programByCode(program).unit === 'FAMILY' ? 'e.family_id' : 'e.individual_id';
  const rows = all<{ regency: string; n: number }>(
    `SELECT g.regency_code AS regency, COUNT(DISTINCT ${unit}) AS n
     FROM enrollment e JOIN family f ON f.id = COALESCE((SELECT i.family_id FROM individual i WHERE i.id = e.individual_id), e.family_id)
     LEFT JOIN family_state s ON s.family_id = f.id AND s.valid_from_version_id <= @v AND COALESCE(s.valid_to_version_id, 1e9) > @v
     JOIN region g ON g.code = COALESCE(s.village_code, f.village_code)
     WHERE e.program_code = @p AND e.start_version_id <= @v AND COALESCE(e.end_version_id, 1e9) > @v
     GROUP BY g.regency_code`,
    { v, p: program },
  );
  return new Map(rows.map((r) => [r.regency, r.n]));
}

function expectedStatus(v: number, program: ProgramCode, nationalQuota?: number) {
  const national = nationalQuota ?? Math.round(programByCode(program).nationalQuota! * scale);
  const poverty = all<{ regionCode: string; poor: number }>("SELECT regency_code AS regionCode, poor_thousands AS poor FROM poverty WHERE period = '2024-03'");
  const recipients = recipientsByRegency(v, program);
  return new Map(regionalQuotas(poverty, national).map((q) => {
    const r = recipients.get(q.regionCode) ?? 0;
    return [q.regionCode, { quota: q.quota, recipients: r, ...quotaStatus(q.quota, r) }];
  }));
}

interface Candidate {
  regency: string;
  familyId: number;
  individualId: number | null;
  id: number;
  desil: number;
  rank: number;
  priority: FillPriority;
}

/** Every fill candidate of a program at a version, nation-wide, with its priority. */
function candidatesByRegency(v: number, program: ProgramCode): Map<string, Candidate[]> {
  const rule = programByCode(program);
  const individual = rule.unit === 'INDIVIDUAL';
  const rows = all<Candidate & { gcs: string; waiting: number; birth: string | null; disability: number | null }>(
    `SELECT g.regency_code AS regency, s.family_id AS familyId, ${individual ? 'i.id' : 'NULL'} AS individualId,
            ${individual ? 'i.id' : 's.family_id'} AS id, s.desil, s.national_rank AS rank, s.ground_check_status AS gcs,
            CASE WHEN w.family_id IS NULL THEN 0 ELSE 1 END AS waiting,
            ${individual ? 'i.birth_date' : 'NULL'} AS birth, ${individual ? 'i.disability' : 'NULL'} AS disability
     FROM family_state s JOIN region g ON g.code = s.village_code
     ${individual ? 'JOIN individual i ON i.family_id = s.family_id AND i.from_version_id <= @v AND COALESCE(i.to_version_id, 1e9) > @v' : ''}
     LEFT JOIN (SELECT DISTINCT family_id FROM proposal WHERE kind = 'USULAN' AND status = 'APPROVED' AND submitted_version_id <= @v
                AND COALESCE(program_code, @p) = @p) w ON w.family_id = s.family_id
     WHERE s.valid_from_version_id <= @v AND COALESCE(s.valid_to_version_id, 1e9) > @v AND s.desil >= @lo AND s.desil <= @hi
       AND s.family_id NOT IN (
         SELECT m.family_id FROM individual m JOIN exclusion_flag x ON x.individual_id = m.id JOIN exclusion_criterion c ON c.code = x.criterion_code
         WHERE c.excludes_family = 1 AND m.from_version_id <= @v AND COALESCE(m.to_version_id, 1e9) > @v
           AND x.observed_version_id <= @v AND COALESCE(x.cleared_version_id, 1e9) > @v)
       ${individual
         ? `AND i.id NOT IN (SELECT individual_id FROM exclusion_flag WHERE observed_version_id <= @v AND COALESCE(cleared_version_id, 1e9) > @v)
            AND i.id NOT IN (SELECT individual_id FROM enrollment WHERE program_code = @p AND start_version_id <= @v AND COALESCE(end_version_id, 1e9) > @v)`
         : 'AND s.family_id NOT IN (SELECT family_id FROM enrollment WHERE program_code = @p AND start_version_id <= @v AND COALESCE(end_version_id, 1e9) > @v)'}`,
    { v, p: program, lo: rule.desilMin, hi: rule.desilMax },
  );
  const year = yearOf(v);
  const out = new Map<string, Candidate[]>();
  for (const r of rows) {
    if (individual && !inTargetGroup(PROGRAM_TARGET_GROUP[program], { age: year - Number(r.birth!.slice(0, 4)), disability: r.disability === 1 })) continue;
    const priority: FillPriority = r.gcs !== 'NOT_CHECKED' ? 'groundChecked' : r.waiting ? 'waitingList' : 'remaining';
    const list = out.get(r.regency) ?? [];
    list.push({ regency: r.regency, familyId: r.familyId, individualId: r.individualId, id: r.id, desil: r.desil, rank: r.rank, priority });
    out.set(r.regency, list);
  }
  return out;
}

function sizes(candidates: readonly Candidate[]): FillCounts {
  const out: FillCounts = { groundChecked: 0, waitingList: 0, remaining: 0 };
  for (const c of candidates) out[c.priority]++;
  return out;
}

/** The whole fill order: priority, then poorest first. */
function fillOrder(candidates: readonly Candidate[]): Candidate[] {
  const p = (c: Candidate) => FILL_PRIORITY_ORDER.indexOf(c.priority);
  return [...candidates].sort((a, b) => p(a) - p(b) || a.desil - b.desil || a.rank - b.rank || a.id - b.id);
}

const toUnit = (c: Candidate): FillUnit => ({ familyId: c.familyId, individualId: c.individualId, desil: c.desil, rank: c.rank, priority: c.priority });

/** One fill unit against the base tables, one query per fact. */
function checkFillUnit(unit: FillUnit, v: number, regency: string, program: ProgramCode): void {
  const rule = programByCode(program);
  const at = { v, f: unit.familyId, i: unit.individualId, p: program };
  const label = `${program} v${v} ${regency} unit ${unit.familyId}/${unit.individualId}`;
  const state = get<{ desil: number; national_rank: number; ground_check_status: string; regency: string }>(
    `SELECT s.desil, s.national_rank, s.ground_check_status, g.regency_code AS regency FROM family_state s JOIN region g ON g.code = s.village_code
     WHERE s.family_id = @f AND s.valid_from_version_id <= @v AND (s.valid_to_version_id IS NULL OR s.valid_to_version_id > @v)`, at);
  expect(state, label).toBeDefined();
  expect(state!.regency, label).toBe(regency);
  expect([state!.desil, state!.national_rank], label).toEqual([unit.desil, unit.rank]);
  expect(unit.desil >= rule.desilMin && unit.desil <= rule.desilMax, label).toBe(true);
  expect(state!.ground_check_status !== 'NOT_CHECKED', label).toBe(unit.priority === 'groundChecked');
  const familyFlags = get<{ n: number }>(
    `SELECT COUNT(*) AS n FROM exclusion_flag x JOIN individual m ON m.id = x.individual_id JOIN exclusion_criterion c ON c.code = x.criterion_code
     WHERE m.family_id = @f AND c.excludes_family = 1 AND m.from_version_id <= @v AND (m.to_version_id IS NULL OR m.to_version_id > @v)
       AND x.observed_version_id <= @v AND (x.cleared_version_id IS NULL OR x.cleared_version_id > @v)`, at)!.n;
  expect(familyFlags, label).toBe(0);
  const waiting = get<{ n: number }>(
    `SELECT COUNT(*) AS n FROM proposal WHERE family_id = @f AND kind = 'USULAN' AND status = 'APPROVED' AND submitted_version_id <= @v
     AND (program_code IS NULL OR program_code = @p)`, at)!.n;
  if (unit.priority !== 'groundChecked') expect(waiting > 0, label).toBe(unit.priority === 'waitingList');
  if (rule.unit === 'FAMILY') {
    expect(unit.individualId, label).toBeNull();
    const active = get<{ n: number }>(`SELECT COUNT(*) AS n FROM enrollment WHERE family_id = @f AND program_code = @p
      AND start_version_id <= @v AND (end_version_id IS NULL OR end_version_id > @v)`, at)!.n;
    expect(active, label).toBe(0);
    return;
  }
  const person = get<{ family_id: number; birth_date: string; disability: number; from_version_id: number; to_version_id: number | null }>(
    'SELECT family_id, birth_date, disability, from_version_id, to_version_id FROM individual WHERE id = @i', at)!;
  expect(person.family_id, label).toBe(unit.familyId);
  expect(person.from_version_id <= v && (person.to_version_id === null || person.to_version_id > v), label).toBe(true);
  expect(inTargetGroup(PROGRAM_TARGET_GROUP[program], { age: yearOf(v) - Number(person.birth_date.slice(0, 4)), disability: person.disability === 1 }), label).toBe(true);
  const own = get<{ n: number }>(`SELECT COUNT(*) AS n FROM exclusion_flag WHERE individual_id = @i AND observed_version_id <= @v
    AND (cleared_version_id IS NULL OR cleared_version_id > @v)`, at)!.n;
  expect(own, label).toBe(0);
  const active = get<{ n: number }>(`SELECT COUNT(*) AS n FROM enrollment WHERE individual_id = @i AND program_code = @p
    AND start_version_id <= @v AND (end_version_id IS NULL OR end_version_id > @v)`, at)!.n;
  expect(active, label).toBe(0);
}

/** Fill checks shared by every UNDER case: sizes, counts, full order, capped order, every unit against the base tables. */
function checkUnder(v: number, regency: string, program: ProgramCode, candidates: readonly Candidate[], nationalQuota?: number): ReallocationPlan {
  const full = reallocationPlan(db, { versionId: v, regencyCode: regency, programCode: program, limit: 1_000_000, ...(nationalQuota === undefined ? {} : { nationalQuota }) });
  expect(full.status).toBe('UNDER');
  const fill = full.fill!;
  expect(full.removal).toBeUndefined();
  expect(fill.poolSizes, `${program} ${regency} pool sizes`).toEqual(sizes(candidates));
  expect(fill.counts).toEqual(fillCounts(full.gap, fill.poolSizes));
  const taken = Math.min(full.gap, candidates.length);
  expect(FILL_PRIORITY_ORDER.reduce((s, p) => s + fill.counts[p], 0)).toBe(taken);
  const expected = fillOrder(candidates).slice(0, taken).map(toUnit);
  expect(fill.units).toEqual(expected);
  expect(new Set(fill.units.map((u) => u.individualId ?? u.familyId)).size).toBe(fill.units.length);
  for (const p of FILL_PRIORITY_ORDER) expect(fill.units.filter((u) => u.priority === p).length).toBe(fill.counts[p]);
  for (let k = 1; k < fill.units.length; k++) {
    const [a, b] = [fill.units[k - 1]!, fill.units[k]!];
    const byPriority = FILL_PRIORITY_ORDER.indexOf(a.priority) - FILL_PRIORITY_ORDER.indexOf(b.priority);
    expect(byPriority).toBeLessThanOrEqual(0);
    if (byPriority === 0) {
      expect(comparePoorestFirst({ id: a.individualId ?? a.familyId, desil: a.desil, rank: a.rank! }, { id: b.individualId ?? b.familyId, desil: b.desil, rank: b.rank! })).toBeLessThan(0);
    }
  }
  for (const unit of fill.units) checkFillUnit(unit, v, regency, program);

  const limit = 7;
  const capped = reallocationPlan(db, { versionId: v, regencyCode: regency, programCode: program, limit, ...(nationalQuota === undefined ? {} : { nationalQuota }) });
  expect({ ...capped, fill: { ...capped.fill!, units: [] } }).toEqual({ ...full, fill: { ...fill, units: [] } });
  expect(capped.fill!.units).toEqual(expected.slice(0, limit));
  return full;
}

interface Recipient {
  familyId: number;
  individualId: number | null;
  id: number;
  desil: number;
  rank: number | null;
  cause: InclusionCause | null;
  klass: string;
}

/** Every recipient unit of a regency with its class and first cause, from the pure `classify`. */
function recipientsOf(v: number, regency: string, program: ProgramCode): Recipient[] {
  const rule = programByCode(program);
  const individual = rule.unit === 'INDIVIDUAL';
  const rows = all<{
    familyId: number; individualId: number | null; desil: number | null; rank: number | null; gcs: string | null;
    familyCrit: string | null; ownCrit: string | null; birth: string | null; disability: number | null;
  }>(
    `SELECT u.family_id AS familyId, u.individual_id AS individualId, s.desil, s.national_rank AS rank, s.ground_check_status AS gcs,
       (SELECT GROUP_CONCAT(x.criterion_code) FROM exclusion_flag x JOIN individual m ON m.id = x.individual_id JOIN exclusion_criterion c ON c.code = x.criterion_code
        WHERE m.family_id = u.family_id AND c.excludes_family = 1 AND m.from_version_id <= @v AND COALESCE(m.to_version_id, 1e9) > @v
          AND x.observed_version_id <= @v AND COALESCE(x.cleared_version_id, 1e9) > @v) AS familyCrit,
       ${individual ? `(SELECT GROUP_CONCAT(x.criterion_code) FROM exclusion_flag x WHERE x.individual_id = u.individual_id
          AND x.observed_version_id <= @v AND COALESCE(x.cleared_version_id, 1e9) > @v)` : 'NULL'} AS ownCrit,
       i.birth_date AS birth, i.disability
     FROM (SELECT DISTINCT ${individual ? 'i.family_id, e.individual_id' : 'e.family_id, NULL AS individual_id'}
           FROM enrollment e LEFT JOIN individual i ON i.id = e.individual_id
           WHERE e.program_code = @p AND e.regency_code = @r AND e.start_version_id <= @v AND COALESCE(e.end_version_id, 1e9) > @v) u
     LEFT JOIN family_state s ON s.family_id = u.family_id AND s.valid_from_version_id <= @v AND COALESCE(s.valid_to_version_id, 1e9) > @v
     LEFT JOIN individual i ON i.id = u.individual_id`,
    { v, p: program, r: regency },
  );
  const year = yearOf(v);
  return rows.map((r) => {
    const criteria = [r.familyCrit, r.ownCrit].filter((x) => x !== null).flatMap((x) => x.split(',')) as ExclusionCriterionCode[];
    criteria.sort((a, b) => sortOrder.get(a)! - sortOrder.get(b)!);
    const c = classify(rule, {
      desil: r.desil ?? 0,
      recipient: true,
      criterion: criteria[0] ?? null,
      groundChecked: r.gcs !== null && r.gcs !== 'NOT_CHECKED',
      inTargetGroup: !individual || inTargetGroup(PROGRAM_TARGET_GROUP[program], { age: year - Number(r.birth!.slice(0, 4)), disability: r.disability === 1 }),
    });
    return { familyId: r.familyId, individualId: r.individualId, id: r.individualId ?? r.familyId, desil: r.desil ?? 0, rank: r.rank, cause: c.cause, klass: c.class };
  });
}

function checkOver(v: number, regency: string, program: ProgramCode, nationalQuota?: number): ReallocationPlan {
  const full = reallocationPlan(db, { versionId: v, regencyCode: regency, programCode: program, limit: 1_000_000, ...(nationalQuota === undefined ? {} : { nationalQuota }) });
  expect(full.status).toBe('OVER');
  expect(full.fill).toBeUndefined();
  const removal = full.removal!;
  const recipients = recipientsOf(v, regency, program);
  expect(recipients.length).toBe(full.recipients);
  const errors = recipients.filter((r) => r.cause !== null);
  const perCause: Partial<Record<InclusionCause, number>> = {};
  for (const e of errors) perCause[e.cause!] = (perCause[e.cause!] ?? 0) + 1;
  expect(removal.candidates, `${program} ${regency} causes`).toEqual(perCause);
  // byCause: the excess absorbed cause by cause, in INCLUSION_CAUSE_ORDER.
  const excess = -full.gap;
  const byCause: Partial<Record<InclusionCause, number>> = {};
  let left = excess;
  for (const cause of INCLUSION_CAUSE_ORDER) {
    const n = Math.min(left, perCause[cause] ?? 0);
    if (n > 0) byCause[cause] = n;
    left -= n;
  }
  expect(removal.byCause).toEqual(byCause);
  const order = [...errors].sort((a, b) => inclusionCauseRank(a.cause!) - inclusionCauseRank(b.cause!) || a.id - b.id).slice(0, excess);
  expect(removal.units).toEqual(order.map((e) => ({ familyId: e.familyId, individualId: e.individualId, desil: e.desil, rank: e.rank, cause: e.cause })));
  // Pending ground checks keep the benefit: never removed.
  const pending = new Set(recipients.filter((r) => r.klass === 'PENDING_GROUND_CHECK').map((r) => r.id));
  for (const u of removal.units) expect(pending.has(u.individualId ?? u.familyId)).toBe(false);
  for (const u of removal.units.filter((x) => x.cause === 'DESIL_ABOVE_RANGE')) {
    expect(u.desil).toBeGreaterThan(programByCode(program).desilMax);
  }
  const capped = reallocationPlan(db, { versionId: v, regencyCode: regency, programCode: program, limit: 5, ...(nationalQuota === undefined ? {} : { nationalQuota }) });
  expect(capped.removal!.units).toEqual(removal.units.slice(0, 5));
  expect(capped.removal!.byCause).toEqual(removal.byCause);
  return full;
}

const QUOTA_PROGRAMS = ['PKH', 'SEMBAKO', 'PBI_JKN'] as const;

describe('reallocationPlan', () => {
  it('quota, recipients, status and gap equal quotaStatus over direct counts; the data has UNDER and OVER regencies', () => {
    const rng = new Rng(17);
    for (const program of QUOTA_PROGRAMS) {
      const expected = expectedStatus(VERSIONS, program);
      const statuses = [...expected.values()].map((x) => x.status);
      expect(statuses.filter((s) => s === 'UNDER').length, program).toBeGreaterThan(50);
      expect(statuses.filter((s) => s === 'OVER').length, program).toBeGreaterThan(50);
      const codes = [...expected.keys()];
      for (let k = 0; k < 25; k++) {
        const regency = rng.pick(codes);
        const plan = reallocationPlan(db, { versionId: VERSIONS, regencyCode: regency, programCode: program, limit: 0 });
        const e = expected.get(regency)!;
        expect({ quota: plan.quota, recipients: plan.recipients, status: plan.status, gap: plan.gap }, `${program} ${regency}`).toEqual(e);
        expect(plan.nationalQuota).toBe(Math.round(programByCode(program).nationalQuota! * scale));
        expect(plan.fill?.units ?? plan.removal?.units ?? []).toEqual([]);
      }
    }
  });

  it('UNDER: pools, counts and poorest-first units of family and individual programs equal the direct computation', () => {
    let waitingListDrawn = 0;
    const approvedFamilies = new Set(all<{ f: number }>("SELECT DISTINCT family_id AS f FROM proposal WHERE status = 'APPROVED'").map((r) => r.f));
    for (const v of [2, VERSIONS]) {
      for (const program of QUOTA_PROGRAMS) {
        const expected = expectedStatus(v, program);
        const candidates = candidatesByRegency(v, program);
        const under = [...expected.entries()].filter(([, e]) => e.status === 'UNDER').map(([code, e]) => ({ code, gap: e.gap, c: candidates.get(code) ?? [] }));
        expect(under.length).toBeGreaterThan(0);
        // The regency where the waiting list is drawn the most, the one with the largest gap, and one where the gap
        // exceeds every pool.
        const drawn = (x: (typeof under)[number]) => fillCounts(x.gap, sizes(x.c)).waitingList;
        const picks = new Set([
          [...under].sort((a, b) => drawn(b) - drawn(a) || a.code.localeCompare(b.code))[0]!.code,
          [...under].sort((a, b) => b.gap - a.gap || a.code.localeCompare(b.code))[0]!.code,
          ...under.filter((x) => x.gap > x.c.length).slice(0, 1).map((x) => x.code),
        ]);
        for (const regency of picks) {
          const plan = checkUnder(v, regency, program, candidates.get(regency) ?? []);
          waitingListDrawn += plan.fill!.counts.waitingList;
        }
        // Pool sizes wherever a candidate's family has any approved proposal (of any kind, program or version):
        // only approved usulan of this program (or of none) submitted by the version count as the waiting list.
        let traps = 0;
        for (const x of under.filter((u) => u.c.some((c) => approvedFamilies.has(c.familyId)))) {
          const plan = reallocationPlan(db, { versionId: v, regencyCode: x.code, programCode: program, limit: 0 });
          expect(plan.fill!.poolSizes, `${program} v${v} ${x.code} pool sizes`).toEqual(sizes(x.c));
          traps++;
        }
        expect(traps).toBeGreaterThan(0);
      }
    }
    expect(waitingListDrawn).toBeGreaterThan(0);
  });

  it('UNDER with a given national quota: ATENSI and PIP fill only their target groups', () => {
    for (const program of ['ATENSI', 'PIP'] as const) {
      const nationalQuota = 200_000;
      const expected = expectedStatus(VERSIONS, program, nationalQuota);
      const candidates = candidatesByRegency(VERSIONS, program);
      const regency = [...expected.entries()].filter(([, e]) => e.status === 'UNDER')
        .sort(([a], [b]) => (candidates.get(b)?.length ?? 0) - (candidates.get(a)?.length ?? 0) || a.localeCompare(b))[0]![0];
      const plan = checkUnder(VERSIONS, regency, program, candidates.get(regency) ?? [], nationalQuota);
      expect(plan.nationalQuota).toBe(nationalQuota);
      expect(plan.fill!.units.length).toBeGreaterThan(0);
    }
  });

  it('OVER: inclusion errors per cause, removal counts over the whole excess and removal order equal the pure classification', () => {
    const seen = new Set<InclusionCause>();
    for (const program of QUOTA_PROGRAMS) {
      const expected = expectedStatus(VERSIONS, program);
      const over = [...expected.entries()].filter(([, e]) => e.status === 'OVER').map(([code, e]) => ({ code, excess: -e.gap }));
      expect(over.length).toBeGreaterThan(0);
      const picks = [...over].sort((a, b) => b.excess - a.excess || a.code.localeCompare(b.code)).slice(0, 2).map((x) => x.code);
      for (const regency of picks) {
        const plan = checkOver(VERSIONS, regency, program);
        for (const c of Object.keys(plan.removal!.candidates)) seen.add(c as InclusionCause);
      }
    }
    // A quota of 0 puts every regency with recipients OVER: the whole recipient list is classified.
    for (const program of ['PKH', 'ATENSI'] as const) {
      const regency = [...recipientsByRegency(VERSIONS, program).entries()].sort(([a, x], [b, y]) => y - x || a.localeCompare(b))[0]![0];
      const plan = checkOver(VERSIONS, regency, program, 0);
      expect(plan.quota).toBe(0);
      for (const c of Object.keys(plan.removal!.candidates)) seen.add(c as InclusionCause);
    }
    expect(seen.has('OUTSIDE_DTSEN') || seen.size > 3).toBe(true);
    expect([...seen].some((c) => sortOrder.has(c as ExclusionCriterionCode))).toBe(true);
  });

  it('facts the generator never produces: a recipient outside the target group, a criterion that excludes only its holder', () => {
    const v = VERSIONS;
    const year = yearOf(v);
    // An adult (30-50), current member of a desil 1-4 family with no flag and no program at all.
    const adult = get<{ id: number; family_id: number; regency: string }>(
      `SELECT i.id, i.family_id, s.regency_code AS regency FROM individual i
       JOIN family_state s ON s.family_id = i.family_id AND s.valid_from_version_id <= @v AND COALESCE(s.valid_to_version_id, 1e9) > @v
       WHERE i.from_version_id <= @v AND COALESCE(i.to_version_id, 1e9) > @v AND s.desil BETWEEN 1 AND 4
         AND @year - CAST(substr(i.birth_date, 1, 4) AS INTEGER) BETWEEN 30 AND 50 AND i.disability = 0
         AND NOT EXISTS (SELECT 1 FROM exclusion_flag x JOIN individual m ON m.id = x.individual_id WHERE m.family_id = i.family_id)
         AND NOT EXISTS (SELECT 1 FROM enrollment e WHERE e.family_id = i.family_id)
         AND (SELECT COUNT(*) FROM individual o WHERE o.family_id = i.family_id AND o.from_version_id <= @v AND COALESCE(o.to_version_id, 1e9) > @v) >= 2
       ORDER BY s.regency_code = '32.01' DESC, i.id LIMIT 1`,
      { v, year },
    )!;
    db.exec('BEGIN');
    try {
      db.prepare(`INSERT INTO enrollment (program_code, family_id, individual_id, regency_code, start_version_id, end_version_id, start_reason, end_reason, member_since_year)
        VALUES ('PIP', ?, ?, ?, 1, NULL, 'INITIAL', NULL, 2024)`).run(adult.family_id, adult.id, adult.regency);
      const pip = checkOver(v, adult.regency, 'PIP', 0);
      expect(pip.removal!.candidates.NOT_IN_TARGET_GROUP).toBe(1);
      expect(pip.removal!.units.find((u) => u.individualId === adult.id)?.cause).toBe('NOT_IN_TARGET_GROUP');
      // PERSON_NOT_FOUND excludes its holder only: the adult leaves the PBI-JKN pools, the family stays a PKH candidate.
      const personOnly = EXCLUSION_CRITERIA.find((c) => !c.excludesFamily && c.code !== 'DECEASED')!.code;
      db.prepare('INSERT INTO exclusion_flag (individual_id, criterion_code, observed_version_id, cleared_version_id) VALUES (?, ?, 1, NULL)').run(adult.id, personOnly);
      for (const program of ['PBI_JKN', 'PKH'] as const) {
        const c = candidatesByRegency(v, program).get(adult.regency) ?? [];
        expect(c.some((x) => x.familyId === adult.family_id), program).toBe(true);
        expect(c.some((x) => x.individualId === adult.id), program).toBe(false);
        checkUnder(v, adult.regency, program, c, 10_000_000);
      }
    } finally {
      db.exec('ROLLBACK');
    }
  });

  it('gives the same quotas, recipients and plans on PostgreSQL (a copy of this data)', async () => {
    const twin = await postgresTwin(file, 'reallocation');
    try {
      const local = sqliteRunner(db);
      const rng = new Rng(23);
      let compared = 0;
      const cases = [[2, 'PKH', undefined], [2, 'PBI_JKN', undefined], [VERSIONS, 'PKH', undefined], [VERSIONS, 'SEMBAKO', undefined],
        [VERSIONS, 'PBI_JKN', undefined], [VERSIONS, 'ATENSI', 200_000], [VERSIONS, 'PIP', 200_000]] as const;
      for (const [v, program, nationalQuota] of cases) {
        const rule = programByCode(program);
        const options = { povertyPeriod: '2024-03', ...(nationalQuota === undefined ? {} : { nationalQuota }) };
        expect(await regencyQuotas(twin.sql, rule, options), `${program} quotas`).toEqual(await regencyQuotas(local, rule, options));
        expect(await recipientsByQuotaRegency(twin.sql, v, rule), `${program} v${v} recipients`).toEqual(await recipientsByQuotaRegency(local, v, rule));
        const expected = expectedStatus(v, program, nationalQuota);
        const under = [...expected.entries()].filter(([, e]) => e.status === 'UNDER').map(([code]) => code);
        const over = [...expected.entries()].filter(([, e]) => e.status === 'OVER').map(([code]) => code);
        const picks = [...new Set(['32.01', ...(under.length > 0 ? [rng.pick(under)] : []), ...(over.length > 0 ? [rng.pick(over)] : [])])];
        for (const regency of picks) {
          for (const limit of [5, 1_000_000]) {
            const plan = { versionId: v, regencyCode: regency, programCode: program, limit, ...(nationalQuota === undefined ? {} : { nationalQuota }) };
            expect(await planReallocation(twin.sql, plan), `${program} v${v} ${regency} limit ${limit}`).toEqual(reallocationPlan(db, plan));
            compared++;
          }
        }
      }
      expect(compared).toBeGreaterThanOrEqual(28);
      await expect(planReallocation(twin.sql, { versionId: VERSIONS, regencyCode: '32', programCode: 'PKH' })).rejects.toMatchObject({ code: 'UNKNOWN_REGENCY' });
      await expect(planReallocation(twin.sql, { versionId: VERSIONS, regencyCode: '32.01', programCode: 'ATENSI' })).rejects.toMatchObject({ code: 'NATIONAL_QUOTA_REQUIRED' });
    } finally {
      await twin.close();
    }
  });

  it('removalCounts absorbs the excess cause by cause in INCLUSION_CAUSE_ORDER', () => {
    expect(removalCounts(5, { DESIL_ABOVE_RANGE: 4, OUTSIDE_DTSEN: 2, ASN_TNI_POLRI: 1 })).toEqual({ OUTSIDE_DTSEN: 2, ASN_TNI_POLRI: 1, DESIL_ABOVE_RANGE: 2 });
    expect(removalCounts(0, { OUTSIDE_DTSEN: 2 })).toEqual({});
    expect(removalCounts(9, { WELL_OFF: 1 })).toEqual({ WELL_OFF: 1 });
    expect(() => removalCounts(1.5, {})).toThrow(RangeError);
  });

  it('throws typed errors for unknown regency, program, version or poverty period, and a missing national quota', () => {
    const base = { versionId: VERSIONS, regencyCode: '32.01', programCode: 'PKH' };
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        expect(error).toBeInstanceOf(ReallocationError);
        return (error as ReallocationError).code;
      }
      return 'NO_ERROR';
    };
    expect(code(() => reallocationPlan(db, { ...base, regencyCode: '99.99' }))).toBe('UNKNOWN_REGENCY');
    expect(code(() => reallocationPlan(db, { ...base, regencyCode: '32' }))).toBe('UNKNOWN_REGENCY');
    expect(code(() => reallocationPlan(db, { ...base, programCode: 'BLT' }))).toBe('UNKNOWN_PROGRAM');
    expect(code(() => reallocationPlan(db, { ...base, versionId: VERSIONS + 1 }))).toBe('UNKNOWN_VERSION');
    expect(code(() => reallocationPlan(db, { ...base, versionId: 1.5 }))).toBe('UNKNOWN_VERSION');
    expect(code(() => reallocationPlan(db, { ...base, povertyPeriod: '1999-03' }))).toBe('UNKNOWN_POVERTY_PERIOD');
    expect(code(() => reallocationPlan(db, { ...base, programCode: 'ATENSI' }))).toBe('NATIONAL_QUOTA_REQUIRED');
    expect(code(() => reallocationPlan(db, { ...base, limit: -1 }))).toBe('INVALID_ARGUMENT');
    expect(code(() => reallocationPlan(db, { ...base, nationalQuota: 1.5 }))).toBe('INVALID_ARGUMENT');
    expect(code(() => reallocationPlan(db, { ...base, povertyPeriod: '2025-03' }))).toBe('NO_ERROR');
  });
});
