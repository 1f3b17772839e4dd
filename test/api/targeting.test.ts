// The targeting analyses over real HTTP against the real server on the generated national dataset
// (test/support/global-setup.ts), on SQLite and on its PostgreSQL copy. Every number is checked against the base
// tables (family, family_state, individual, enrollment, exclusion_flag, poverty) of the same engine, never against the
// rollups the API reads: the facts of each unit are collected here in SQL written independently of publishing, and
// classified with the pure `classify` of the domain.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonHeaders } from '../support/auth';
import { engines, graphqlUrl, openTestDb, type TestDb } from '../support/engines';
import { openSealed } from '../support/identifiers';
import { summarize, type TargetingSummary } from '../../server/src/domain/classification.js';
import { EXCLUSION_CRITERIA, type ExclusionCriterionCode } from '../../server/src/domain/exclusion-criteria.js';
import { programByCode, type ProgramCode } from '../../server/src/domain/programs.js';
import { regionalQuotas } from '../../server/src/domain/quota-status.js';
import type { TargetingCell } from '../../server/src/domain/targeting-types.js';

interface GqlError { message: string; extensions: { code: string } }

const criterionBySortOrder = new Map(EXCLUSION_CRITERIA.map((c) => [c.sortOrder, c.code]));
const inForce = (a: string, from: string, to: string) => `${a}.${from} <= @v AND (${a}.${to} IS NULL OR ${a}.${to} > @v)`;
const state = (a: string) => inForce(a, 'valid_from_version_id', 'valid_to_version_id');
const member = (a: string) => inForce(a, 'from_version_id', 'to_version_id');
const active = (a: string) => inForce(a, 'start_version_id', 'end_version_id');
const flag = (a: string) => inForce(a, 'observed_version_id', 'cleared_version_id');
/** The unit's village (alias g) lies in region @r, at any level. */
const inRegion = "(@r = 'ID' OR g.province_code = @r OR g.regency_code = @r OR g.parent_code = @r OR g.code = @r)";

interface ApiSummary {
  units: number; eligible: number; recipients: number; correctRecipients: number; inclusionErrors: number; exclusionErrors: number;
  pendingGroundCheck: number; notEligible: number; inclusionRate: number; exclusionRate: number; coverage: number; leakage: number;
  inclusionByCause: Array<{ cause: string; units: number }>;
}
const SUMMARY = 'units eligible recipients correctRecipients inclusionErrors exclusionErrors pendingGroundCheck notEligible inclusionRate exclusionRate coverage leakage inclusionByCause { cause units }';

function expectSummary(api: ApiSummary, expected: TargetingSummary, label: string): void {
  const c = expected.byClass;
  expect({
    units: api.units, eligible: api.eligible, recipients: api.recipients, correct: api.correctRecipients, inclusion: api.inclusionErrors,
    exclusion: api.exclusionErrors, pending: api.pendingGroundCheck, notEligible: api.notEligible,
  }, label).toEqual({
    units: Object.values(c).reduce((a, b) => a + b, 0), eligible: expected.eligible, recipients: expected.recipients, correct: c.CORRECT_RECIPIENT,
    inclusion: c.INCLUSION_ERROR, exclusion: c.EXCLUSION_ERROR, pending: c.PENDING_GROUND_CHECK, notEligible: c.NOT_ELIGIBLE,
  });
  expect(Object.fromEntries(api.inclusionByCause.map((x) => [x.cause, x.units])), label).toEqual(expected.inclusionByCause);
  expect(api.inclusionRate).toBeCloseTo(expected.recipients === 0 ? 0 : c.INCLUSION_ERROR / expected.recipients, 12);
  expect(api.exclusionRate).toBeCloseTo(expected.eligible === 0 ? 0 : c.EXCLUSION_ERROR / expected.eligible, 12);
  expect(api.coverage).toBeCloseTo(expected.coverage, 12);
  expect(api.leakage).toBeCloseTo(expected.leakage, 12);
}

interface QuotaRow { regency: { code: string; name: string; parentCode: string }; exactQuota: number; quota: number; recipients: number; gap: number; gapRatio: number | null; status: string }
interface QuotaData { quotaStatus: { nationalQuota: number; totalCount: number; totals: Record<string, number>; rows: QuotaRow[] } }
const QUOTA = 'nationalQuota totalCount totals { count under over match quota recipients shortfall excess } rows { regency { code name parentCode } exactQuota quota recipients gap gapRatio status }';

describe.each(engines())('$name', (engine) => {
  const url = () => graphqlUrl(engine);
  let db: TestDb;
  let latest: number;
  let scale: number;

  beforeAll(async () => {
    db = await openTestDb(engine);
    latest = (await db.get<{ v: number }>("SELECT MAX(id) AS v FROM dtsen_version WHERE status = 'PUBLISHED'"))!.v;
    scale = (JSON.parse((await db.get<{ value: string }>("SELECT value FROM dataset_info WHERE key = 'generator'"))!.value) as { scale: number }).scale;
  });
  afterAll(() => db.close());

  async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<{ data: T; errors?: GqlError[] }> {
    const res = await fetch(url(), { method: 'POST', headers: jsonHeaders(), body: JSON.stringify({ query, variables }) });
    return (await res.json()) as never;
  }
  async function data<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const { data: d, errors } = await gql<T>(query, variables);
    expect(errors).toBeUndefined();
    return d;
  }


  /**
   * The facts of every unit of a program (PKH/SEMBAKO: families; PBI_JKN: individuals) in a region at a version, grouped,
   * from the base tables. A unit lives in its family's DTSEN village at the version, else in its Dukcapil village.
   */
  async function factsFromBaseTables(program: ProgramCode, regionCode: string, v: number): Promise<TargetingCell[]> {
    const rule = programByCode(program);
    // A criterion that excludes the family, held by a current member, excludes all its units.
    const familyCrit = `SELECT i.family_id, MIN(c.sort_order) AS o FROM exclusion_flag x JOIN individual i ON i.id = x.individual_id
      JOIN exclusion_criterion c ON c.code = x.criterion_code WHERE c.excludes_family = TRUE AND ${member('i')} AND ${flag('x')} GROUP BY i.family_id`;
    const sql = rule.unit === 'FAMILY'
      ? `WITH rec AS (SELECT DISTINCT family_id FROM enrollment e WHERE e.program_code = @p AND ${active('e')}),
           fc AS (${familyCrit})
         SELECT COALESCE(s.desil, 0) AS desil, CASE WHEN rec.family_id IS NOT NULL THEN 1 ELSE 0 END AS recipient, COALESCE(fc.o, 99) AS o,
                CASE WHEN COALESCE(s.ground_check_status, 'NOT_CHECKED') <> 'NOT_CHECKED' THEN 1 ELSE 0 END AS gc, COUNT(*) AS units
         FROM family f LEFT JOIN family_state s ON s.family_id = f.id AND ${state('s')}
         JOIN region g ON g.code = COALESCE(s.village_code, f.village_code)
         LEFT JOIN rec ON rec.family_id = f.id LEFT JOIN fc ON fc.family_id = f.id
         WHERE (s.family_id IS NOT NULL OR rec.family_id IS NOT NULL) AND ${inRegion}
         GROUP BY 1, 2, 3, 4`
      : `WITH rec AS (SELECT DISTINCT individual_id FROM enrollment e WHERE e.program_code = @p AND ${active('e')} AND individual_id IS NOT NULL),
           fc AS (${familyCrit}),
           own AS (SELECT x.individual_id, MIN(c.sort_order) AS o FROM exclusion_flag x JOIN exclusion_criterion c ON c.code = x.criterion_code
                   WHERE ${flag('x')} GROUP BY x.individual_id),
           units AS (SELECT i.id FROM individual i JOIN family_state s ON s.family_id = i.family_id AND ${state('s')} WHERE ${member('i')}
                     UNION SELECT individual_id FROM rec)
         SELECT COALESCE(s.desil, 0) AS desil, CASE WHEN rec.individual_id IS NOT NULL THEN 1 ELSE 0 END AS recipient,
                ${db.d.least('COALESCE(own.o, 99)', 'COALESCE(fc.o, 99)')} AS o,
                CASE WHEN COALESCE(s.ground_check_status, 'NOT_CHECKED') <> 'NOT_CHECKED' THEN 1 ELSE 0 END AS gc, COUNT(*) AS units
         FROM units u JOIN individual i ON i.id = u.id JOIN family f ON f.id = i.family_id
         LEFT JOIN family_state s ON s.family_id = f.id AND ${state('s')}
         JOIN region g ON g.code = COALESCE(s.village_code, f.village_code)
         LEFT JOIN rec ON rec.individual_id = u.id LEFT JOIN own ON own.individual_id = u.id LEFT JOIN fc ON fc.family_id = f.id
         WHERE ${inRegion}
         GROUP BY 1, 2, 3, 4`;
    const rows = await db.all<{ desil: number; recipient: number; o: number; gc: number; units: number }>(sql, { p: program, r: regionCode, v });
    return rows.map((r) => ({
      programCode: program, desil: r.desil, recipient: r.recipient === 1, groundChecked: r.gc === 1, inTargetGroup: true, units: r.units,
      criterion: r.o === 99 ? null : (criterionBySortOrder.get(r.o) as ExclusionCriterionCode),
    }));
  }


  describe('targetingErrors on the generated dataset', () => {
    it('equals a classification of the base-table facts at every level, for a family and an individual program', async () => {
      // The desa of Kabupaten Bogor with the most PKH recipients at the latest version, and its kecamatan.
      const village = (await db.get<{ code: string }>(
        `SELECT s.village_code AS code FROM enrollment e JOIN family_state s ON s.family_id = e.family_id AND ${state('s')}
         WHERE e.program_code = 'PKH' AND ${active('e')} AND s.regency_code = '32.01' GROUP BY 1 ORDER BY COUNT(*) DESC, 1 LIMIT 1`,
        { v: latest },
      ))!.code;
      const district = village.split('.').slice(0, 3).join('.');
      const cases: Array<[ProgramCode, string, number]> = [
        ['PKH', 'ID', latest], ['PKH', '32', latest], ['PKH', '32.01', 2], ['PKH', district, latest], ['PKH', village, latest],
        ['PBI_JKN', 'ID', latest], ['PBI_JKN', '35', 3], ['PBI_JKN', '32.01', latest], ['PBI_JKN', district, latest], ['PBI_JKN', village, latest],
      ];
      for (const [program, regionCode, v] of cases) {
        const d = await data<{ targetingErrors: { region: { code: string }; unit: string; summary: ApiSummary; byCause: Array<{ cause: string; units: number }> } }>(
          `query($p: ProgramCode!, $r: ID, $v: Int) { targetingErrors(programCode: $p, regionCode: $r, versionId: $v) {
             region { code } unit summary { ${SUMMARY} } byCause { cause units } } }`,
          { p: program, r: regionCode, v },
        );
        const expected = summarize(programByCode(program), await factsFromBaseTables(program, regionCode, v));
        expect(d.targetingErrors.region.code).toBe(regionCode);
        expect(d.targetingErrors.unit).toBe(program === 'PKH' ? 'FAMILY' : 'INDIVIDUAL');
        expect(expected.recipients, `${program} ${regionCode} has recipients`).toBeGreaterThan(0);
        expectSummary(d.targetingErrors.summary, expected, `${program} ${regionCode} v${v}`);
        expect(d.targetingErrors.byCause.reduce((s, c) => s + c.units, 0)).toBe(expected.byClass.INCLUSION_ERROR);
      }
    });

    it('splits a province by kabupaten and a kabupaten by desil, each equal to the base tables', async () => {
      const d = await data<{ targetingErrors: { summary: ApiSummary; bySubRegion: { totalCount: number; rows: Array<{ region: { code: string }; summary: ApiSummary }> } } }>(
        `{ targetingErrors(programCode: SEMBAKO, regionCode: "33", groupBy: SUB_REGION, sort: { field: INCLUSION_RATE, direction: DESC }, limit: 4, offset: 1) {
            summary { recipients } bySubRegion { totalCount rows { region { code } summary { ${SUMMARY} } } } } }`,
      );
      const regencies = (await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM region WHERE parent_code = '33'"))!.n;
      expect(d.targetingErrors.bySubRegion.totalCount).toBe(regencies);
      const rows = d.targetingErrors.bySubRegion.rows;
      expect(rows).toHaveLength(4);
      for (let k = 1; k < rows.length; k++) expect(rows[k - 1]!.summary.inclusionRate).toBeGreaterThanOrEqual(rows[k]!.summary.inclusionRate);
      for (const row of rows) expectSummary(row.summary, summarize(programByCode('SEMBAKO'), await factsFromBaseTables('SEMBAKO', row.region.code, latest)), row.region.code);

      const byDesil = await data<{ targetingErrors: { byDesil: Array<{ desil: number; summary: ApiSummary }> } }>(
        `{ targetingErrors(programCode: PKH, regionCode: "32.01", groupBy: DESIL) { byDesil { desil summary { ${SUMMARY} } } } }`,
      );
      const facts = await factsFromBaseTables('PKH', '32.01', latest);
      expect(byDesil.targetingErrors.byDesil.map((r) => r.desil)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      for (const row of byDesil.targetingErrors.byDesil) {
        expectSummary(row.summary, summarize(programByCode('PKH'), facts.filter((c) => c.desil === row.desil)), `desil ${row.desil}`);
      }
    });

    it('answers typed errors', async () => {
      const code = async (q: string) => (await gql(q)).errors?.[0]?.extensions.code;
      expect(await code('{ targetingErrors(programCode: PKH, regionCode: "99.99") { unit } }')).toBe('NOT_FOUND');
      expect(await code('{ targetingErrors(programCode: PKH, regionCode: "Bogor") { unit } }')).toBe('BAD_USER_INPUT');
      expect(await code('{ targetingErrors(programCode: PKH, versionId: 999) { unit } }')).toBe('NOT_FOUND');
      expect(await code('{ targetingErrors(programCode: PKH, regionCode: "32.01.01", groupBy: DESIL) { unit } }')).toBe('BAD_USER_INPUT');
      expect(await code('{ targetingErrors(programCode: PKH, groupBy: SUB_REGION, limit: 0) { unit } }')).toBe('BAD_USER_INPUT');
      expect(await code('{ targetingErrors(programCode: KARTU_PRAKERJA) { unit } }')).toBe('GRAPHQL_VALIDATION_FAILED');
    });
  });


  /** Recipients per kabupaten carrying them in its quota, straight from the enrollments in force. */
  async function enrollmentRecipients(program: ProgramCode, v: number): Promise<Map<string, number>> {
    const unit = programByCode(program).unit === 'FAMILY' ? 'e.family_id' : 'e.individual_id';
    const rows = await db.all<{ r: string; n: number }>(
      `SELECT e.regency_code AS r, COUNT(DISTINCT ${unit}) AS n FROM enrollment e WHERE e.program_code = @p AND ${active('e')} GROUP BY 1`, { p: program, v });
    return new Map(rows.map((x) => [x.r, x.n]));
  }

  describe('quotaStatus on the generated dataset', () => {
    it('distributes exactly the scaled national quota over the 514 kabupaten/kota, with recipients from the enrollments', async () => {
      for (const [program, v] of [['PBI_JKN', latest], ['PKH', 2]] as const) {
        const d = await data<QuotaData>(`query($p: ProgramCode!, $v: Int) { quotaStatus(programCode: $p, versionId: $v, limit: 514) { ${QUOTA} } }`, { p: program, v });
        const q = d.quotaStatus;
        const national = Math.round(programByCode(program).nationalQuota! * scale);
        expect(q.nationalQuota).toBe(national);
        expect(q.totalCount).toBe(514);
        expect(q.rows).toHaveLength(514);
        expect(q.totals.quota).toBe(national);
        expect(q.rows.reduce((s, r) => s + r.quota, 0)).toBe(national);
        expect(q.totals.under + q.totals.over + q.totals.match).toBe(514);
        expect(q.totals.under).toBe(q.rows.filter((r) => r.status === 'UNDER').length);
        expect(new Set(q.rows.map((r) => r.regency.code)).size).toBe(514);
        const poverty = await db.all<{ regionCode: string; poor: number }>(`SELECT regency_code AS "regionCode", poor_thousands AS poor FROM poverty WHERE period = '2024-03'`);
        const quotas = new Map(regionalQuotas(poverty, national).map((s) => [s.regionCode, s.quota]));
        const recipients = await enrollmentRecipients(program, v);
        for (const r of q.rows) {
          expect(r.quota, r.regency.code).toBe(quotas.get(r.regency.code));
          expect(r.recipients, r.regency.code).toBe(recipients.get(r.regency.code) ?? 0);
          expect(r.gap).toBe(r.quota - r.recipients);
          expect(r.status).toBe(r.gap > 0 ? 'UNDER' : r.gap < 0 ? 'OVER' : 'MATCH');
        }
        expect(q.totals.recipients).toBe([...recipients.values()].reduce((a, b) => a + b, 0));
        expect(q.totals.shortfall - q.totals.excess).toBe(national - q.totals.recipients);
      }
    });

    it('filters, sorts and pages, with totals over the whole filtered set', async () => {
      const all = (await data<QuotaData>(`{ quotaStatus(programCode: SEMBAKO, limit: 514) { ${QUOTA} } }`)).quotaStatus;
      // Default order: GAP descending (most free places first), ties by code.
      for (let k = 1; k < all.rows.length; k++) {
        const [a, b] = [all.rows[k - 1]!, all.rows[k]!];
        expect(a.gap > b.gap || (a.gap === b.gap && a.regency.code < b.regency.code)).toBe(true);
      }
      // Pages of 100 walk the same order exactly once.
      const walked: string[] = [];
      for (let offset = 0; offset < 514; offset += 100) {
        const p = (await data<QuotaData>(`{ quotaStatus(programCode: SEMBAKO, limit: 100, offset: ${offset}) { totalCount rows { regency { code } } } }`)).quotaStatus;
        expect(p.totalCount).toBe(514);
        walked.push(...p.rows.map((r) => r.regency.code));
      }
      expect(walked).toEqual(all.rows.map((r) => r.regency.code));

      const over = (await data<QuotaData>(`{ quotaStatus(programCode: SEMBAKO, status: [OVER], provinceCode: "32", sort: { field: GAP_RATIO, direction: ASC }, limit: 5) { ${QUOTA} } }`)).quotaStatus;
      const expectedOver = all.rows.filter((r) => r.status === 'OVER' && r.regency.parentCode === '32');
      expect(over.totalCount).toBe(expectedOver.length);
      expect(over.totals.over).toBe(expectedOver.length);
      expect(over.totals.under + over.totals.match).toBe(0);
      expect(over.totals.recipients).toBe(expectedOver.reduce((s, r) => s + r.recipients, 0));
      expect(over.rows.map((r) => r.regency.code)).toEqual(
        [...expectedOver].sort((a, b) => a.gapRatio! - b.gapRatio! || (a.regency.code < b.regency.code ? -1 : 1)).slice(0, 5).map((r) => r.regency.code),
      );

      const kota = (await data<QuotaData>('{ quotaStatus(programCode: SEMBAKO, search: "KOTA", sort: { field: NAME, direction: ASC }, limit: 514) { totalCount rows { regency { code name } } } }')).quotaStatus;
      const cities = (await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM region WHERE level = 'REGENCY' AND LOWER(name) LIKE '%kota%'"))!.n;
      expect(kota.totalCount).toBe(cities);
      expect(kota.rows.map((r) => r.regency.name)).toEqual([...kota.rows.map((r) => r.regency.name)].sort());

      const code = async (q: string) => (await gql(q)).errors?.[0]?.extensions.code;
      expect(await code('{ quotaStatus(programCode: SEMBAKO, limit: 515) { totalCount } }')).toBe('BAD_USER_INPUT');
      expect(await code('{ quotaStatus(programCode: SEMBAKO, offset: -1) { totalCount } }')).toBe('BAD_USER_INPUT');
      expect(await code('{ quotaStatus(programCode: SEMBAKO, provinceCode: "32.01") { totalCount } }')).toBe('BAD_USER_INPUT');
      expect(await code('{ quotaStatus(programCode: SEMBAKO, provinceCode: "99") { totalCount } }')).toBe('NOT_FOUND');
      expect(await code('{ quotaStatus(programCode: SEMBAKO, povertyPeriod: "1999-03") { totalCount } }')).toBe('NOT_FOUND');
      expect(await code('{ quotaStatus(programCode: SEMBAKO, povertyPeriod: "March") { totalCount } }')).toBe('BAD_USER_INPUT');
      expect(await code('{ quotaStatus(programCode: PIP) { totalCount } }')).toBe('BAD_USER_INPUT');
    });
  });

  describe('reallocationPlan on the generated dataset', () => {
    it('agrees with quotaStatus on quota, recipients, gap and status for several kabupaten', async () => {
      for (const program of ['PBI_JKN', 'PKH'] as const) {
        const q = (await data<QuotaData>(`query($p: ProgramCode!) { quotaStatus(programCode: $p, limit: 514) { ${QUOTA} } }`, { p: program })).quotaStatus;
        const picks = [...q.rows.slice(0, 3), ...q.rows.slice(-3), ...q.rows.filter((r) => r.status === 'MATCH').slice(0, 1), q.rows.find((r) => r.regency.code === '32.01')!];
        expect(new Set(picks.map((r) => r.status))).toEqual(new Set(['UNDER', 'OVER', 'MATCH']));
        for (const row of picks) {
          const plan = (await data<{ reallocationPlan: { regency: { code: string }; quota: number; recipients: number; gap: number; status: string } }>(
            'query($p: ProgramCode!, $r: ID!) { reallocationPlan(programCode: $p, regencyCode: $r, limit: 0) { regency { code } quota recipients gap status } }',
            { p: program, r: row.regency.code },
          )).reallocationPlan;
          expect(plan, `${program} ${row.regency.code}`).toEqual({ regency: { code: row.regency.code }, quota: row.quota, recipients: row.recipients, gap: row.gap, status: row.status });
        }
      }
    });

    it('lists fill and removal units with their families, masked', async () => {
      const q = (await data<QuotaData>('{ quotaStatus(programCode: PBI_JKN, limit: 514) { rows { regency { code } status gap } } }')).quotaStatus;
      const under = q.rows[0]!;
      const over = q.rows.at(-1)!;
      expect(under.status).toBe('UNDER');
      expect(over.status).toBe('OVER');
      type Unit = { familyId: number; individualId: number | null; desil: number; family: { id: number; kkMasked: string } };
      const res = await fetch(url(), {
        method: 'POST', headers: jsonHeaders(),
        body: JSON.stringify({
          query: `query($u: ID!, $o: ID!) {
            u: reallocationPlan(programCode: PBI_JKN, regencyCode: $u, limit: 5) { gap fill { counts { priority units } units { familyId individualId desil priority family { id kkMasked } } } removal { byCause { cause } } }
            o: reallocationPlan(programCode: PBI_JKN, regencyCode: $o, limit: 5) { gap fill { counts { priority } } removal { byCause { cause units } units { familyId individualId desil cause family { id kkMasked } } } } }`,
          variables: { u: under.regency.code, o: over.regency.code },
        }),
      });
      const text = await res.text();
      const body = JSON.parse(text) as { data: { u: { gap: number; fill: { counts: Array<{ priority: string; units: number }>; units: Array<Unit & { priority: string }> }; removal: null }; o: { gap: number; fill: null; removal: { byCause: Array<{ cause: string; units: number }>; units: Array<Unit & { cause: string }> } } } };
      const { u, o } = body.data;
      expect(u.removal).toBeNull();
      expect(u.fill.counts.map((c) => c.priority)).toEqual(['GROUND_CHECKED', 'WAITING_LIST', 'REMAINING']);
      expect(u.fill.counts.reduce((s, c) => s + c.units, 0)).toBeLessThanOrEqual(u.gap);
      expect(u.fill.units.length).toBe(Math.min(5, u.fill.counts.reduce((s, c) => s + c.units, 0)));
      expect(o.fill).toBeNull();
      expect(o.removal.byCause.reduce((s, c) => s + c.units, 0)).toBeLessThanOrEqual(-o.gap);
      for (const unit of [...u.fill.units, ...o.removal.units]) {
        expect(unit.family.id).toBe(unit.familyId);
        const sealed = (await db.get<{ kk: string; fid: number | null }>(
          'SELECT f.kk_sealed AS kk, i.family_id AS fid FROM family f LEFT JOIN individual i ON i.id = ? WHERE f.id = ?', [unit.individualId, unit.familyId],
        ))!;
        const row = { ...sealed, kk: openSealed(sealed.kk) };
        expect(row.fid).toBe(unit.familyId);
        expect(unit.family.kkMasked).toBe(`${row.kk.slice(0, 4)}********${row.kk.slice(12)}`);
        expect(text).not.toContain(row.kk);
      }
      // Fill units are eligible non-recipients of the kabupaten.
      for (const unit of u.fill.units) {
        expect(unit.desil).toBeGreaterThanOrEqual(1);
        expect(unit.desil).toBeLessThanOrEqual(5);
        const enrolled = (await db.get<{ n: number }>(
          `SELECT COUNT(*) AS n FROM enrollment e WHERE e.individual_id = @i AND e.program_code = 'PBI_JKN' AND ${active('e')}`, { i: unit.individualId, v: latest },
        ))!;
        expect(enrolled.n).toBe(0);
      }
    });

    it('answers typed errors', async () => {
      const code = async (q: string) => (await gql(q)).errors?.[0]?.extensions.code;
      expect(await code('{ reallocationPlan(programCode: PKH, regencyCode: "32.99") { gap } }')).toBe('NOT_FOUND');
      expect(await code('{ reallocationPlan(programCode: PKH, regencyCode: "32") { gap } }')).toBe('BAD_USER_INPUT');
      expect(await code('{ reallocationPlan(programCode: PKH, regencyCode: "x") { gap } }')).toBe('BAD_USER_INPUT');
      expect(await code('{ reallocationPlan(programCode: ATENSI, regencyCode: "32.01") { gap } }')).toBe('BAD_USER_INPUT');
      expect(await code('{ reallocationPlan(programCode: PKH, regencyCode: "32.01", versionId: 999) { gap } }')).toBe('NOT_FOUND');
      expect(await code('{ reallocationPlan(programCode: PKH, regencyCode: "32.01", limit: -1) { gap } }')).toBe('BAD_USER_INPUT');
    });
  });

  describe('scenario on the generated dataset', () => {
    type Program = { programCode: string; baseline: ApiSummary; scenario: ApiSummary; difference: Record<string, number>; moves: Array<{ from: string; to: string; units: number }>; quota: { baseline: Record<string, number>; scenario: Record<string, number> } | null };
    const SCENARIO = `programs { programCode baseline { ${SUMMARY} } scenario { ${SUMMARY} } difference { eligible exclusionErrors inclusionErrors pendingGroundCheck recipients coverage }
      moves { from to units } quota { baseline { nationalQuota count under over match quota eligibleBelowQuota } scenario { nationalQuota count under over match quota eligibleBelowQuota } } }`;

    it('equals the baseline under the same rule', async () => {
      const d = await data<{ scenario: { programs: Program[] } }>(`{ scenario(regionCode: "32", overrides: [{ programCode: PKH, desilMin: 1, desilMax: 4 }]) { ${SCENARIO} } }`);
      const [pkh] = d.scenario.programs;
      expect(pkh!.scenario).toEqual(pkh!.baseline);
      expect(pkh!.moves).toEqual([]);
      expect(Object.values(pkh!.difference).every((x) => x === 0)).toBe(true);
      expectSummary(pkh!.baseline, summarize(programByCode('PKH'), await factsFromBaseTables('PKH', '32', latest)), 'baseline');
      expect(pkh!.quota!.scenario).toEqual(pkh!.quota!.baseline);
      expect(pkh!.quota!.baseline.count).toBe((await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM region WHERE parent_code = '32'"))!.n);
    });

    it('PKH for desil 1-3 loses the eligible families of desil 4; a smaller PBI-JKN quota puts more kabupaten over', async () => {
      const d = await data<{ scenario: { programs: Program[] } }>(
        `{ scenario(overrides: [{ programCode: PBI_JKN, nationalQuota: 60000 }, { programCode: PKH, desilMax: 3 }]) { ${SCENARIO} } }`,
      );
      expect(d.scenario.programs.map((p) => p.programCode)).toEqual(['PKH', 'PBI_JKN']);
      const [pkh, pbi] = d.scenario.programs as [Program, Program];
      const facts = await factsFromBaseTables('PKH', 'ID', latest);
      const eligibleDesil4 = facts.filter((c) => c.desil === 4 && c.criterion === null).reduce((s, c) => s + c.units, 0);
      expect(eligibleDesil4).toBeGreaterThan(0);
      expect(pkh.scenario.eligible).toBe(pkh.baseline.eligible - eligibleDesil4);
      expect(pkh.difference.eligible).toBe(-eligibleDesil4);
      expectSummary(pkh.scenario, summarize({ ...programByCode('PKH'), desilMax: 3 }, facts), 'PKH 1-3');
      expect(pkh.difference.recipients).toBe(0);
      expect(pkh.moves.find((m) => m.from === 'EXCLUSION_ERROR' && m.to === 'NOT_ELIGIBLE')?.units).toBe(-pkh.difference.exclusionErrors);
      // A desil change moves no recipient between kabupaten: the quota status counts are unchanged, fewer units are eligible.
      expect({ ...pkh.quota!.scenario, eligibleBelowQuota: 0 }).toEqual({ ...pkh.quota!.baseline, eligibleBelowQuota: 0 });
      expect(pkh.quota!.scenario.eligibleBelowQuota).toBeGreaterThanOrEqual(pkh.quota!.baseline.eligibleBelowQuota);

      expect(pbi.scenario).toEqual(pbi.baseline);
      expect(pbi.quota!.baseline.nationalQuota).toBe(Math.round(96_000_000 * scale));
      expect(pbi.quota!.scenario).toMatchObject({ nationalQuota: 60000, quota: 60000, count: 514 });
      expect(pbi.quota!.scenario.over).toBeGreaterThan(pbi.quota!.baseline.over);
      const direct = (await data<QuotaData>('{ quotaStatus(programCode: PBI_JKN, nationalQuota: 60000, limit: 1) { totals { under over match } } }')).quotaStatus.totals;
      expect(pbi.quota!.scenario).toMatchObject(direct);
    });

    it('rejects rules that cannot be', async () => {
      const code = async (q: string) => (await gql(q)).errors?.[0]?.extensions.code;
      expect(await code('{ scenario(overrides: [{ programCode: PKH, desilMin: 4, desilMax: 2 }]) { region { code } } }')).toBe('BAD_USER_INPUT');
      expect(await code('{ scenario(overrides: [{ programCode: PKH, desilMax: 11 }]) { region { code } } }')).toBe('BAD_USER_INPUT');
      expect(await code('{ scenario(overrides: [{ programCode: PKH }, { programCode: PKH, desilMax: 3 }]) { region { code } } }')).toBe('BAD_USER_INPUT');
      expect(await code('{ scenario(overrides: [{ programCode: SEMBAKO, nationalQuota: -5 }]) { region { code } } }')).toBe('BAD_USER_INPUT');
      expect(await code('{ scenario(overrides: []) { region { code } } }')).toBe('BAD_USER_INPUT');
      expect(await code('{ scenario(regionCode: "32.01.01", overrides: [{ programCode: PKH, desilMax: 3 }]) { region { code } } }')).toBe('BAD_USER_INPUT');
      expect(await code('{ scenario(regionCode: "99", overrides: [{ programCode: PKH, desilMax: 3 }]) { region { code } } }')).toBe('NOT_FOUND');
    });
  });
});
