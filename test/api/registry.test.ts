// The registry part of the API over real HTTP against the real server on the generated national dataset
// (test/support/global-setup.ts), on SQLite and on its PostgreSQL copy: `families` (filters, totalCount, cursor paging
// both ways, bad cursors) and a family's details, checked against direct SQL on the base tables (family_state,
// individual, enrollment, exclusion_flag) of the same engine, never against the rollups the API reads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonHeaders } from '../support/auth';
import { engines, graphqlUrl, openTestDb, type TestDb } from '../support/engines';
import { openSealed } from '../support/identifiers';
import { classify } from '../../server/src/domain/classification.js';
import type { ExclusionCriterionCode } from '../../server/src/domain/exclusion-criteria.js';
import { PROGRAMS } from '../../server/src/domain/programs.js';
import { inTargetGroup, PROGRAM_TARGET_GROUP } from '../../server/src/domain/targeting-rules.js';

interface Gql<T> {
  data: T;
  errors?: Array<{ message: string; extensions: { code: string; argument?: string } }>;
}

interface Connection {
  totalCount: number;
  edges: Array<{ cursor: string; node: { id: number } }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

const FAMILIES = `query($v: Int, $f: FamilyFilter, $first: Int, $after: String, $last: Int, $before: String) {
  families(versionId: $v, filter: $f, first: $first, after: $after, last: $last, before: $before) {
    totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;

const V = 5;
const inForce = (a: string, from = 'valid_from_version_id', to = 'valid_to_version_id') => `${a}.${from} <= @v AND (${a}.${to} IS NULL OR ${a}.${to} > @v)`;
const member = (a: string) => inForce(a, 'from_version_id', 'to_version_id');
const active = (a: string) => inForce(a, 'start_version_id', 'end_version_id');
const flagOn = (a: string) => inForce(a, 'observed_version_id', 'cleared_version_id');

describe.each(engines())('$name', (engine) => {
  let db: TestDb;

  async function gqlText<T>(query: string, variables: Record<string, unknown> = {}): Promise<{ body: Gql<T>; text: string }> {
    const res = await fetch(graphqlUrl(engine), { method: 'POST', headers: jsonHeaders(), body: JSON.stringify({ query, variables }) });
    const text = await res.text();
    return { body: JSON.parse(text) as Gql<T>, text };
  }
  const gql = async <T>(query: string, variables: Record<string, unknown> = {}) => (await gqlText<T>(query, variables)).body;

  const families = (variables: Record<string, unknown>) => gql<{ families: Connection }>(FAMILIES, variables);

  /** Family ids in DTSEN at version `v` meeting a SQL condition on state `s` (joined to its village `r`), ascending. */
  async function directIds(where: string, params: Record<string, unknown> = {}, v = V): Promise<number[]> {
    return (await db.all<{ id: number }>(`SELECT s.family_id AS id FROM family_state s JOIN region r ON r.code = s.village_code
        WHERE ${inForce('s')} AND (${where}) ORDER BY s.family_id`, { v, ...params })).map((r) => r.id);
  }

  let district: string;
  let village: string;

  beforeAll(async () => {
    db = await openTestDb(engine);
    // A kecamatan of Kabupaten Bogor with enough families for several pages, and its most populated village.
    district = (await db.get<{ code: string }>(`SELECT r.parent_code AS code FROM family_state s JOIN region r ON r.code = s.village_code
      WHERE ${inForce('s')} AND r.regency_code = '32.01' GROUP BY r.parent_code HAVING COUNT(*) BETWEEN 40 AND 400 ORDER BY r.parent_code LIMIT 1`,
    { v: V }))!.code;
    village = (await db.get<{ code: string }>(`SELECT s.village_code AS code FROM family_state s WHERE ${inForce('s')} AND s.village_code LIKE @pattern
      GROUP BY s.village_code ORDER BY COUNT(*) DESC, s.village_code LIMIT 1`, { v: V, pattern: `${district}.%` }))!.code;
  });
  afterAll(() => db.close());

  describe('families (registry) on the generated dataset', () => {
    it('counts every filter like a direct count on the base tables', async () => {
      const cases: Array<[string, Record<string, unknown>, string, Record<string, unknown>?]> = [
        ['nation', {}, '1 = 1'],
        ['province', { regionCode: '32' }, "r.province_code = '32'"],
        ['kabupaten', { regionCode: '32.01' }, "r.regency_code = '32.01'"],
        ['kecamatan', { regionCode: district }, 'r.parent_code = @d', { d: district }],
        ['desa', { regionCode: village }, 's.village_code = @w', { w: village }],
        ['desil list', { desil: [1, 2, 10] }, 's.desil IN (1, 2, 10)'],
        ['desil range in a province', { regionCode: '33', desilMin: 3, desilMax: 5 }, "s.desil BETWEEN 3 AND 5 AND r.province_code = '33'"],
        ['ground check', { groundCheckStatus: 'CONFIRMED' }, "s.ground_check_status = 'CONFIRMED'"],
        ['source', { source: 'DTKS', regionCode: '32.01' }, "r.regency_code = '32.01' AND EXISTS (SELECT 1 FROM family f WHERE f.id = s.family_id AND f.source = 'DTKS')"],
        ['PKH recipients', { programCode: 'PKH' }, `EXISTS (SELECT 1 FROM enrollment e WHERE e.family_id = s.family_id AND e.program_code = 'PKH' AND ${active('e')})`],
        ['PBI-JKN recipients in desil 6+', { programCode: 'PBI_JKN', desilMin: 6 },
          `s.desil >= 6 AND EXISTS (SELECT 1 FROM enrollment e JOIN individual i ON i.id = e.individual_id WHERE i.family_id = s.family_id AND e.program_code = 'PBI_JKN' AND ${active('e')})`],
        ['civil servants', { exclusionCriterion: 'ASN_TNI_POLRI' },
          `EXISTS (SELECT 1 FROM individual i JOIN exclusion_flag x ON x.individual_id = i.id WHERE i.family_id = s.family_id AND x.criterion_code = 'ASN_TNI_POLRI' AND ${member('i')} AND ${flagOn('x')})`],
      ];
      for (const [name, filter, where, params] of cases) {
        const expected = await directIds(where, params);
        const { data, errors } = await families({ v: V, f: filter, first: 3 });
        expect(errors, name).toBeUndefined();
        expect(data.families.totalCount, name).toBe(expected.length);
        expect(data.families.edges.map((e) => e.node.id), name).toEqual(expected.slice(0, 3));
        expect(expected.length, `${name} is not empty`).toBeGreaterThan(0);
      }
      // An earlier version: the states in force then.
      const v2 = await families({ v: 2, f: { regionCode: '32.01', desil: [1] }, first: 1 });
      expect(v2.data.families.totalCount).toBe((await directIds("r.regency_code = '32.01' AND s.desil = 1", {}, 2)).length);
    });

    it('walks a kecamatan page by page: each family exactly once, in id order, forwards and backwards', async () => {
      const expected = await directIds('r.parent_code = @d', { d: district });
      const forward: number[] = [];
      let after: string | null = null;
      for (let page = 0; page < 200; page += 1) {
        const { data, errors } = await families({ v: V, f: { regionCode: district }, first: 7, after });
        expect(errors).toBeUndefined();
        const c: Connection = data.families;
        expect(c.totalCount).toBe(expected.length);
        expect(c.pageInfo.hasPreviousPage).toBe(after !== null);
        forward.push(...c.edges.map((e) => e.node.id));
        if (!c.pageInfo.hasNextPage) break;
        after = c.pageInfo.endCursor;
      }
      expect(forward).toEqual(expected);

      const backward: number[] = [];
      let before: string | null = null;
      for (let page = 0; page < 200; page += 1) {
        const { data, errors } = await families({ v: V, f: { regionCode: district }, last: 11, before });
        expect(errors).toBeUndefined();
        const c: Connection = data.families;
        expect(c.pageInfo.hasNextPage).toBe(before !== null);
        backward.unshift(...c.edges.map((e) => e.node.id));
        if (!c.pageInfo.hasPreviousPage) break;
        before = c.pageInfo.startCursor;
      }
      expect(backward).toEqual(expected);
    });

    it('walks the nation with a desil filter in pages of 500 without losing a family', async () => {
      const expected = await directIds('s.desil = 1');
      const seen: number[] = [];
      let after: string | null = null;
      for (let page = 0; page < 100; page += 1) {
        const { data } = await families({ v: V, f: { desil: [1] }, first: 500, after });
        seen.push(...data.families.edges.map((e) => e.node.id));
        if (!data.families.pageInfo.hasNextPage) break;
        after = data.families.pageInfo.endCursor;
      }
      expect(seen).toEqual(expected);
    });

    it('filters on a targeting class like the domain classification of each family\'s facts', async () => {
      // Expected: the facts of every family of the kecamatan read from the base tables, classified by `classify`.
      const ids = await directIds('r.parent_code = @d', { d: district });
      const state = new Map((await db.all<{ id: number; desil: number; gcs: string }>(`SELECT s.family_id AS id, s.desil, s.ground_check_status AS gcs FROM family_state s
        WHERE ${inForce('s')} AND s.village_code LIKE @pattern`, { v: V, pattern: `${district}.%` })).map((r) => [r.id, r]));
      const people = await db.all<{ id: number; familyId: number; birthYear: number; disability: number; member: number }>(
        `SELECT i.id, i.family_id AS "familyId", ${db.d.yearOf('i.birth_date')} AS "birthYear", i.disability,
          CASE WHEN ${member('i')} THEN 1 ELSE 0 END AS member FROM individual i WHERE i.family_id IN (${ids.join(',')})`, { v: V });
      const enrolled = await db.all<{ familyId: number; individualId: number | null; programCode: string }>(
        `SELECT e.family_id AS "familyId", e.individual_id AS "individualId", e.program_code AS "programCode" FROM enrollment e
        WHERE e.family_id IN (${ids.join(',')}) AND ${active('e')}`, { v: V });
      const flags = await db.all<{ familyId: number; individualId: number; code: ExclusionCriterionCode; sortOrder: number; excludesFamily: number; member: number }>(
        `SELECT i.family_id AS "familyId", x.individual_id AS "individualId", c.code, c.sort_order AS "sortOrder", c.excludes_family AS "excludesFamily",
          CASE WHEN ${member('i')} THEN 1 ELSE 0 END AS member
        FROM exclusion_flag x JOIN individual i ON i.id = x.individual_id JOIN exclusion_criterion c ON c.code = x.criterion_code
        WHERE i.family_id IN (${ids.join(',')}) AND ${flagOn('x')}`, { v: V });
      const year = Number((await db.get<{ label: string }>('SELECT label FROM dtsen_version WHERE id = ?', [V]))!.label.slice(0, 4));
      const firstFlag = (list: typeof flags) => list.reduce<(typeof flags)[number] | null>((b, f) => (b === null || f.sortOrder < b.sortOrder ? f : b), null);

      let checked = 0;
      for (const rule of PROGRAMS) {
        const classesOf = new Map<number, Set<string>>();
        for (const id of ids) {
          const s = state.get(id)!;
          const famFlag = firstFlag(flags.filter((f) => f.familyId === id && f.excludesFamily === 1 && f.member === 1));
          const base = { desil: s.desil, groundChecked: s.gcs !== 'NOT_CHECKED' };
          const classes = new Set<string>();
          if (rule.unit === 'FAMILY') {
            const recipient = enrolled.some((e) => e.familyId === id && e.programCode === rule.code);
            classes.add(classify(rule, { ...base, recipient, criterion: famFlag?.code ?? null, inTargetGroup: true }).class);
          } else {
            for (const p of people.filter((x) => x.familyId === id)) {
              const recipient = enrolled.some((e) => e.individualId === p.id && e.programCode === rule.code);
              const tg = inTargetGroup(PROGRAM_TARGET_GROUP[rule.code], { age: year - p.birthYear, disability: p.disability === 1 });
              if (!recipient && !(p.member === 1 && tg)) continue;
              const own = flags.filter((f) => f.individualId === p.id);
              const crit = firstFlag(famFlag ? [...own, famFlag] : own);
              classes.add(classify(rule, { ...base, recipient, criterion: crit?.code ?? null, inTargetGroup: tg }).class);
            }
          }
          classesOf.set(id, classes);
        }
        for (const klass of ['CORRECT_RECIPIENT', 'INCLUSION_ERROR', 'EXCLUSION_ERROR', 'PENDING_GROUND_CHECK', 'NOT_ELIGIBLE']) {
          const expected = ids.filter((id) => classesOf.get(id)!.has(klass));
          const { data, errors } = await families({ v: V, f: { regionCode: district, programCode: rule.code, targetingClass: klass }, first: 500 });
          expect(errors).toBeUndefined();
          expect(data.families.edges.map((e) => e.node.id), `${rule.code} ${klass}`).toEqual(expected);
          expect(data.families.totalCount).toBe(expected.length);
          checked += expected.length;
        }
      }
      expect(checked).toBeGreaterThan(ids.length);
    });

    it('rejects malformed cursors and page sizes', async () => {
      for (const after of ['not-a-cursor', 'MTA=x', Buffer.from('12abc').toString('base64'), Buffer.from('-1').toString('base64')]) {
        const { errors } = await families({ v: V, first: 5, after });
        expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
      }
      const { errors } = await families({ v: V, last: 5, before: '@@' });
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'before' });
      const big = await families({ v: V, first: 501 });
      expect(big.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    });

    it('shows masked identifiers only', async () => {
      const { text, body } = await gqlText<{ families: { edges: Array<{ node: { id: number; kkMasked: string; members: Array<{ id: number; nikMasked: string; nameMasked: string }> } }> } }>(
        `query($d: ID) { families(versionId: ${V}, first: 40, filter: { regionCode: $d }) { edges { node { id kkMasked
           members(all: true) { id nikMasked nameMasked } enrollments { individualId } exclusionFlags { individualId } } } } }`,
        { d: district },
      );
      expect(body.errors).toBeUndefined();
      const nodes = body.data.families.edges.map((e) => e.node);
      expect(nodes).toHaveLength(40);
      expect(text).not.toMatch(/\d{16}/);
      const ids = nodes.map((n) => n.id).join(',');
      const clear = (await db.all<{ kk: string; nik: string; name: string }>(
        `SELECT f.kk_sealed AS kk, i.nik_sealed AS nik, i.name FROM family f JOIN individual i ON i.family_id = f.id WHERE f.id IN (${ids})`,
      )).map((row) => ({ ...row, kk: openSealed(row.kk), nik: openSealed(row.nik) }));
      for (const row of clear) {
        expect(text).not.toContain(row.kk);
        expect(text).not.toContain(row.nik);
        expect(text).not.toContain(row.name);
      }
      for (const node of nodes) {
        expect(node.kkMasked).toMatch(/^\d{4}\*{8}\d{4}$/);
        for (const m of node.members) expect(m.nikMasked).toMatch(/^\d{4}\*{8}\d{4}$/);
      }
    });

    it("gives a family's history, enrollments and flags as stored", async () => {
      // Families whose state changed most often, with memberships and flags.
      const picks = await db.all<{ id: number }>(`SELECT s.family_id AS id FROM family_state s GROUP BY s.family_id HAVING COUNT(*) >= 3
        AND EXISTS (SELECT 1 FROM enrollment e WHERE e.family_id = s.family_id) ORDER BY s.family_id LIMIT 5`);
      expect(picks.length).toBeGreaterThan(0);
      for (const { id } of picks) {
        const { data, errors } = await gql<{ family: {
          history: Array<{ validFromVersionId: number; validToVersionId: number | null; desil: number; memberCount: number; groundCheckStatus: string; region: { code: string } }>;
          enrollments: Array<{ program: { code: string }; startVersionId: number; endVersionId: number | null; activeAtVersion: boolean }>;
          exclusionFlags: Array<{ criterionCode: string; observedVersionId: number; inForceAtVersion: boolean }>;
          state: { desil: number } | null;
        } }>(`{ family(id: ${id}, versionId: 3) { state { desil }
            history { validFromVersionId validToVersionId desil memberCount groundCheckStatus region { code } }
            enrollments { program { code } startVersionId endVersionId activeAtVersion }
            exclusionFlags { criterionCode observedVersionId inForceAtVersion } } }`);
        expect(errors).toBeUndefined();
        const rows = await db.all<Record<string, unknown> & { village: string }>(`SELECT valid_from_version_id AS "validFromVersionId", valid_to_version_id AS "validToVersionId", desil,
            member_count AS "memberCount", ground_check_status AS "groundCheckStatus", village_code AS village
          FROM family_state WHERE family_id = ? ORDER BY valid_from_version_id`, [id]);
        expect(data.family.history).toEqual(rows.map(({ village, ...r }) => ({ ...r, region: { code: village } })));
        const inV3 = rows.find((r) => (r['validFromVersionId'] as number) <= 3 && (r['validToVersionId'] === null || (r['validToVersionId'] as number) > 3));
        expect(data.family.state?.desil ?? null).toBe(inV3?.['desil'] ?? null);
        const enrollments = await db.all<{ code: string; s: number; e: number | null }>(`SELECT program_code AS code, start_version_id AS s, end_version_id AS e FROM enrollment WHERE family_id = ?
          ORDER BY start_version_id, id`, [id]);
        expect(data.family.enrollments).toEqual(enrollments.map((e) => ({
          program: { code: e.code }, startVersionId: e.s, endVersionId: e.e, activeAtVersion: e.s <= 3 && (e.e === null || e.e > 3),
        })));
        const flagCount = (await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM exclusion_flag x JOIN individual i ON i.id = x.individual_id WHERE i.family_id = ?', [id]))!.n;
        expect(data.family.exclusionFlags).toHaveLength(flagCount);
      }
    });
  });
});
