// The trend analyses over real HTTP against the real server on the generated national dataset
// (test/support/global-setup.ts), on SQLite and on its PostgreSQL copy. Every number the API reads from a rollup is
// checked against a DIRECT count on the base tables (family_state, enrollment, exclusion_flag, individual, proposal)
// of the same engine: the rules are re-derived here in plain SQL, independently of the publish statements.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonHeaders } from '../support/auth';
import { engines, graphqlUrl, openTestDb, type TestDb } from '../support/engines';

interface GqlResult<T> {
  data: T | null;
  errors?: Array<{ message: string; extensions: { code: string } }>;
}

/** SQL: `alias` (a village code column) lies in the region @r (any level). */
const inRegion = (col: string) =>
  `(@r = 'ID' OR ${col} = @r OR ${col} IN (SELECT code FROM region WHERE level = 'VILLAGE' AND (province_code = @r OR regency_code = @r OR parent_code = @r)))`;
const stateAt = (a: string, v: string) => `${a}.valid_from_version_id <= ${v} AND (${a}.valid_to_version_id IS NULL OR ${a}.valid_to_version_id > ${v})`;
const activeAt = (a: string, v: string) => `${a}.start_version_id <= ${v} AND (${a}.end_version_id IS NULL OR ${a}.end_version_id > ${v})`;

/** A Prisma DateTime as stored (ISO text; epoch milliseconds in older SQLite files). */
function toMs(value: number | string): number {
  return typeof value === 'number' ? value : Date.parse(value);
}

describe.each(engines())('$name', (engine) => {
  const url = () => graphqlUrl(engine);
  let db: TestDb;

  async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<GqlResult<T>> {
    const res = await fetch(url(), { method: 'POST', headers: jsonHeaders(), body: JSON.stringify({ query, variables }) });
    return (await res.json()) as GqlResult<T>;
  }

  async function ok<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const r = await gql<T>(query, variables);
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data!;
  }

  /** A kecamatan and a desa with many families, found in the data. */
  let district: string;
  let village: string;

  beforeAll(async () => {
    db = await openTestDb(engine);
    district = (await db.get<{ code: string }>(`SELECT r.parent_code AS code FROM family_state s JOIN region r ON r.code = s.village_code
      WHERE s.valid_to_version_id IS NULL AND r.regency_code = '32.01' GROUP BY 1 ORDER BY COUNT(*) DESC, 1 LIMIT 1`))!.code;
    village = (await db.get<{ code: string }>(`SELECT s.village_code AS code FROM family_state s WHERE s.valid_to_version_id IS NULL
      GROUP BY 1 ORDER BY COUNT(*) DESC, 1 LIMIT 1`))!.code;
  });
  afterAll(() => db.close());

  describe('coverageTrend', () => {
    /**
     * PKH (families, desil 1-4) by hand: a family at version v is in DTSEN when a state is in force; it is a recipient with
     * a PKH membership in force; it is excluded when a current member holds a family-wide criterion in force. Recipient
     * families outside DTSEN count in their civil-registry village.
     */
    async function directPkh(regionCode: string, v: number) {
      return (await db.get<Record<string, number>>(`
        WITH fam AS (
          SELECT s.desil AS desil, CASE WHEN s.ground_check_status <> 'NOT_CHECKED' THEN 1 ELSE 0 END AS gc,
            COALESCE(s.village_code, f.village_code) AS village,
            CASE WHEN EXISTS (SELECT 1 FROM enrollment e WHERE e.family_id = f.id AND e.program_code = 'PKH' AND ${activeAt('e', '@v')}) THEN 1 ELSE 0 END AS rec,
            CASE WHEN EXISTS (SELECT 1 FROM individual i JOIN exclusion_flag x ON x.individual_id = i.id JOIN exclusion_criterion c ON c.code = x.criterion_code
              WHERE i.family_id = f.id AND c.excludes_family = TRUE AND i.from_version_id <= @v AND (i.to_version_id IS NULL OR i.to_version_id > @v)
                AND x.observed_version_id <= @v AND (x.cleared_version_id IS NULL OR x.cleared_version_id > @v)) THEN 1 ELSE 0 END AS crit
          FROM family f LEFT JOIN family_state s ON s.family_id = f.id AND ${stateAt('s', '@v')}
        )
        SELECT
          SUM(CASE WHEN desil BETWEEN 1 AND 4 AND crit = 0 THEN 1 ELSE 0 END) AS eligible,
          SUM(rec) AS recipients,
          SUM(CASE WHEN rec = 1 AND desil BETWEEN 1 AND 4 AND crit = 0 THEN 1 ELSE 0 END) AS "eligibleRecipients",
          SUM(CASE WHEN rec = 0 AND desil BETWEEN 1 AND 4 AND crit = 0 THEN 1 ELSE 0 END) AS "exclusionErrors",
          SUM(CASE WHEN rec = 1 AND desil > 4 AND crit = 0 AND gc = 0 THEN 1 ELSE 0 END) AS "pendingGroundCheck"
        FROM fam WHERE (desil IS NOT NULL OR rec = 1) AND ${inRegion('village')}`, { v, r: regionCode }))!;
    }

    it.each([
      ['a province (targeting cube)', () => '32', 'TARGETING_ROLLUP'],
      ['a kabupaten/kota (targeting cube)', () => '32.01', 'TARGETING_ROLLUP'],
      ['a kecamatan (class rollup)', () => district, 'TARGETING_CLASS_ROLLUP'],
      ['a desa (class rollup)', () => village, 'TARGETING_CLASS_ROLLUP'],
    ])('equals a direct count for %s, one point per version', async (_case, region, source) => {
      const regionCode = region();
      const data = await ok<{ coverageTrend: { source: string; points: Array<Record<string, number> & { version: { id: number } }> } }>(
        `query($r: ID!) { coverageTrend(regionCode: $r, programCode: PKH, fromVersionId: 2, toVersionId: 5) {
          source points { version { id } eligible recipients eligibleRecipients inclusionErrors exclusionErrors pendingGroundCheck coverage leakage } } }`,
        { r: regionCode },
      );
      expect(data.coverageTrend.source).toBe(source);
      expect(data.coverageTrend.points.map((p) => p.version.id)).toEqual([2, 3, 4, 5]);
      for (const p of data.coverageTrend.points) {
        const d = await directPkh(regionCode, p.version.id);
        const label = `${regionCode} v${p.version.id}`;
        expect(p.eligible, label).toBe(d.eligible ?? 0);
        expect(p.recipients, label).toBe(d.recipients ?? 0);
        expect(p.eligibleRecipients, label).toBe(d.eligibleRecipients ?? 0);
        expect(p.exclusionErrors, label).toBe(d.exclusionErrors ?? 0);
        expect(p.pendingGroundCheck, label).toBe(d.pendingGroundCheck ?? 0);
        expect(p.inclusionErrors, label).toBe((d.recipients ?? 0) - (d.eligibleRecipients ?? 0) - (d.pendingGroundCheck ?? 0));
        expect(p.coverage).toBeCloseTo(d.eligible ? d.eligibleRecipients! / d.eligible : 0, 12);
        expect(p.leakage).toBeCloseTo(d.recipients ? 1 - d.eligibleRecipients! / d.recipients : 0, 12);
      }
      expect(data.coverageTrend.points.some((p) => p.recipients > 0)).toBe(true);
    });

    it('defaults to every published version', async () => {
      const data = await ok<{ coverageTrend: { points: Array<{ version: { id: number } }> } }>('{ coverageTrend(programCode: PBI_JKN) { points { version { id } } } }');
      expect(data.coverageTrend.points.map((p) => p.version.id)).toEqual([1, 2, 3, 4, 5]);
    });
  });

  describe('churn', () => {
    /** Entries at v (start = v, region at v) and exits at v (end = v, region at v - 1), by direction and reason. */
    function directChurn(regionCode: string, program: string, from: number, to: number) {
      return db.all<{ direction: string; reason: string; units: number }>(`
        SELECT direction, reason, COUNT(*) AS units FROM (
          SELECT 'ENTRY' AS direction, CAST(e.start_reason AS TEXT) AS reason, e.family_id, e.start_version_id AS at FROM enrollment e
          WHERE e.program_code = @p AND e.start_version_id > @from AND e.start_version_id <= @to
          UNION ALL
          SELECT 'EXIT', CAST(e.end_reason AS TEXT), e.family_id, e.end_version_id - 1 FROM enrollment e
          WHERE e.program_code = @p AND e.end_version_id > @from AND e.end_version_id <= @to
        ) m JOIN family f ON f.id = m.family_id
        LEFT JOIN family_state s ON s.family_id = m.family_id AND ${stateAt('s', 'm.at')}
        WHERE ${inRegion('COALESCE(s.village_code, f.village_code)')}
        GROUP BY direction, reason`, { p: program, from, to, r: regionCode });
    }

    interface ChurnData {
      recipientsAtFrom: number; recipientsAtTo: number; netChange: number; otherChange: number; totalEntries: number; totalExits: number;
      entries: Array<{ reason: string; category: string; units: number }>; exits: Array<{ reason: string; category: string; units: number }>;
      steps: Array<{ fromVersion: { id: number }; toVersion: { id: number }; totalEntries: number; totalExits: number; entries: Array<{ reason: string; units: number }> }>;
    }
    const FIELDS = `recipientsAtFrom recipientsAtTo netChange otherChange totalEntries totalExits
      entries { reason category units } exits { reason category units }
      steps { fromVersion { id } toVersion { id } totalEntries totalExits entries { reason units } }`;

    it.each([
      ['ID', 'PBI_JKN', 2, 3], ['32', 'PKH', 1, 2], ['32.01', 'SEMBAKO', 3, 4], ['ID', 'PKH', 1, 5],
    ] as const)('entries and exits in %s for %s between versions %i and %i equal the enrollments', async (regionCode, program, from, to) => {
      const data = await ok<{ churn: ChurnData }>(
        `query($r: ID!, $p: ProgramCode!, $f: Int, $t: Int!) { churn(regionCode: $r, programCode: $p, fromVersionId: $f, toVersionId: $t) { ${FIELDS} } }`,
        { r: regionCode, p: program, f: from, t: to },
      );
      const c = data.churn;
      const direct = await directChurn(regionCode, program, from, to);
      const expected = (dir: string) => Object.fromEntries(direct.filter((d) => d.direction === dir).map((d) => [d.reason, d.units]));
      expect(Object.fromEntries(c.entries.map((e) => [e.reason, e.units]))).toEqual(expected('ENTRY'));
      expect(Object.fromEntries(c.exits.map((e) => [e.reason, e.units]))).toEqual(expected('EXIT'));
      expect(c.totalExits).toBeGreaterThan(0);
      expect(c.steps.map((s) => s.toVersion.id)).toEqual(Array.from({ length: to - from }, (_, k) => from + k + 1));
      expect(c.steps.reduce((a, s) => a + s.totalEntries, 0)).toBe(c.totalEntries);
      expect(c.steps.reduce((a, s) => a + s.totalExits, 0)).toBe(c.totalExits);
      expect(c.exits.find((e) => e.reason === 'DECEASED')?.category ?? 'DEATH').toBe('DEATH');
      expect(c.netChange).toBe(c.recipientsAtTo - c.recipientsAtFrom);
      if (regionCode === 'ID') {
        // Nationally nobody crosses a border: the recipients change by entries minus exits, and match the enrollments.
        expect(c.otherChange).toBe(0);
        const unit = (['PKH', 'SEMBAKO'] as string[]).includes(program) ? 'e.family_id' : 'e.individual_id';
        const recipients = async (v: number) => (await db.get<{ n: number }>(
          `SELECT COUNT(DISTINCT ${unit}) AS n FROM enrollment e WHERE e.program_code = ? AND ${activeAt('e', '?')}`, [program, v, v]))!.n;
        expect(c.recipientsAtFrom).toBe(await recipients(from));
        expect(c.recipientsAtTo).toBe(await recipients(to));
      }
    });

    it('defaults the from-version to the one before, and counts one step', async () => {
      const data = await ok<{ churn: ChurnData }>(`{ churn(programCode: PIP, toVersionId: 4) { ${FIELDS} } }`);
      expect(data.churn.steps).toHaveLength(1);
      expect(data.churn.steps[0]!.fromVersion.id).toBe(3);
    });
  });

  describe('desilTransitions', () => {
    /** Families by desil at a and at b (0 = none), in the region of the state at a, else at b. */
    async function directMatrix(regionCode: string, a: number, b: number): Promise<number[][]> {
      const rows = await db.all<{ from: number; to: number; n: number }>(`
        SELECT COALESCE(sa.desil, 0) AS "from", COALESCE(sb.desil, 0) AS "to", COUNT(*) AS n
        FROM family f
        LEFT JOIN family_state sa ON sa.family_id = f.id AND ${stateAt('sa', '@a')}
        LEFT JOIN family_state sb ON sb.family_id = f.id AND ${stateAt('sb', '@b')}
        WHERE (sa.id IS NOT NULL OR sb.id IS NOT NULL) AND ${inRegion('COALESCE(sa.village_code, sb.village_code)')}
        GROUP BY 1, 2`, { a, b, r: regionCode });
      const m = Array.from({ length: 11 }, () => new Array<number>(11).fill(0));
      for (const r of rows) m[r.from]![r.to] = r.n;
      return m;
    }

    it.each([
      ['32.01', 2, 3, 'ROLLUP'], ['32.01', 1, 4, 'BASE_TABLES'], ['ID', 4, 5, 'ROLLUP'],
    ] as const)('the matrix of %s from %i to %i equals a direct count (%s)', async (regionCode, a, b, source) => {
      const data = await ok<{ desilTransitions: {
        source: string; total: number; stayed: number; movedUp: number; movedDown: number; entered: number; left: number; stayedShare: number;
        cells: Array<{ fromDesil: number; toDesil: number; families: number; share: number }>; rowTotals: Array<{ fromDesil: number; families: number }>;
      } }>(
        `query($r: ID, $a: Int!, $b: Int!) { desilTransitions(regionCode: $r, fromVersionId: $a, toVersionId: $b) {
          source total stayed movedUp movedDown entered left stayedShare cells { fromDesil toDesil families share } rowTotals { fromDesil families } } }`,
        { r: regionCode, a, b },
      );
      const t = data.desilTransitions;
      const m = await directMatrix(regionCode, a, b);
      expect(t.source).toBe(source);
      expect(t.cells).toHaveLength(120);
      for (const c of t.cells) expect(c.families, `${c.fromDesil}->${c.toDesil}`).toBe(m[c.fromDesil]![c.toDesil]);
      let stayed = 0, up = 0, down = 0;
      for (let i = 1; i <= 10; i++) for (let j = 1; j <= 10; j++) {
        if (i === j) stayed += m[i]![j]!; else if (j > i) up += m[i]![j]!; else down += m[i]![j]!;
      }
      expect([t.stayed, t.movedUp, t.movedDown]).toEqual([stayed, up, down]);
      expect(t.entered).toBe(m[0]!.reduce((x, y) => x + y, 0));
      expect(t.left).toBe(m.slice(1).reduce((x, row) => x + row[0]!, 0));
      expect(t.stayedShare).toBeCloseTo(stayed / (stayed + up + down), 12);
      expect(t.rowTotals.map((r) => r.families)).toEqual(m.map((row) => row.reduce((x, y) => x + y, 0)));
      expect(up + down).toBeGreaterThan(0);
    });
  });

  describe('programOverlap', () => {
    it('families per program combination and desil equal a direct count on the enrollments', async () => {
      for (const [regionCode, v] of [['32.01', 5], [district, 3]] as const) {
        const data = await ok<{ programOverlap: { totalFamilies: number; combinations: Array<{ programMask: number; programs: string[]; families: number; byDesil: Array<{ desil: number; families: number }> }> } }>(
          'query($r: ID, $v: Int) { programOverlap(regionCode: $r, versionId: $v) { totalFamilies combinations { programMask programs families byDesil { desil families } } } }',
          { r: regionCode, v },
        );
        const rows = await db.all<{ mask: number; desil: number; n: number }>(`
          SELECT mask, desil, COUNT(*) AS n FROM (
            SELECT COALESCE(s.desil, 0) AS desil, CASE WHEN s.id IS NOT NULL THEN 1 ELSE 0 END AS in_dtsen, COALESCE(s.village_code, f.village_code) AS village,
              COALESCE((SELECT SUM(DISTINCT CASE e.program_code WHEN 'PKH' THEN 1 WHEN 'SEMBAKO' THEN 2 WHEN 'PBI_JKN' THEN 4 WHEN 'ATENSI' THEN 8 WHEN 'PIP' THEN 16 END)
                FROM enrollment e WHERE e.family_id = f.id AND ${activeAt('e', '@v')}), 0) AS mask
            FROM family f LEFT JOIN family_state s ON s.family_id = f.id AND ${stateAt('s', '@v')}
          ) fam WHERE (in_dtsen = 1 OR mask > 0) AND ${inRegion('village')}
          GROUP BY mask, desil`, { v, r: regionCode });
        const o = data.programOverlap;
        expect(o.totalFamilies).toBe(rows.reduce((a, r) => a + r.n, 0));
        const api = o.combinations.flatMap((c) => c.byDesil.filter((d) => d.families > 0).map((d) => `${c.programMask}/${d.desil}=${d.families}`)).sort();
        expect(api).toEqual(rows.map((r) => `${r.mask}/${r.desil}=${r.n}`).sort());
        const pkhSembako = o.combinations.find((c) => c.programMask === 3);
        if (pkhSembako) expect(pkhSembako.programs).toEqual(['PKH', 'SEMBAKO']);
      }
    });
  });

  describe('proposalFunnel', () => {
    interface Group { key: string; proposals: number; decidedProposals: number; medianDaysToDecision: number | null; medianIsExact: boolean; cellMedianDaysMin: number | null; cellMedianDaysMax: number | null }
    const median = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      const m = s.length >> 1;
      return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
    };

    it('counts by status and the cell medians equal the proposals, and the group median is bounded by the cells', async () => {
      for (const [regionCode, v] of [['ID', 5], ['32', 3], ['32.01', 4]] as const) {
        const data = await ok<{ proposalFunnel: { totalProposals: number; groups: Group[]; cells: Array<{ kind: string; path: string; status: string; proposals: number; medianDaysToDecision: number | null }> } }>(
          `query($r: ID, $v: Int) { proposalFunnel(regionCode: $r, versionId: $v) { totalProposals
            groups { key proposals decidedProposals medianDaysToDecision medianIsExact cellMedianDaysMin cellMedianDaysMax }
            cells { kind path status proposals medianDaysToDecision } } }`,
          { r: regionCode, v },
        );
        const proposals = await db.all<{ kind: string; path: string; status: string; decided_at: number | string | null; submitted_at: number | string }>(
          `SELECT p.kind, p.path, p.status, p.decided_at, p.submitted_at
          FROM proposal p JOIN region g ON g.code = p.regency_code
          WHERE p.submitted_version_id = @v AND (@r = 'ID' OR g.code = @r OR g.province_code = @r)`, { v, r: regionCode });
        const f = data.proposalFunnel;
        expect(f.totalProposals).toBe(proposals.length);
        expect(f.groups.map((g) => g.key)).toEqual(['SUBMITTED', 'VERIFIED', 'GROUND_CHECKED', 'APPROVED', 'REJECTED']);
        for (const g of f.groups) expect(g.proposals, g.key).toBe(proposals.filter((p) => p.status === g.key).length);
        const days = (p: { decided_at: number | string | null; submitted_at: number | string }) =>
          (toMs(p.decided_at!) - toMs(p.submitted_at)) / 86_400_000;
        for (const c of f.cells) {
          const inCell = proposals.filter((p) => p.kind === c.kind && p.path === c.path && p.status === c.status);
          expect(c.proposals).toBe(inCell.length);
          const decided = inCell.filter((p) => p.decided_at !== null).map(days);
          if (decided.length === 0) expect(c.medianDaysToDecision).toBeNull();
          else expect(c.medianDaysToDecision!).toBeCloseTo(median(decided), 6);
        }
        for (const g of f.groups) {
          const decided = proposals.filter((p) => p.status === g.key && p.decided_at !== null).map(days);
          expect(g.decidedProposals).toBe(decided.length);
          if (decided.length === 0) { expect(g.medianDaysToDecision).toBeNull(); continue; }
          const exact = median(decided);
          expect(exact).toBeGreaterThanOrEqual(g.cellMedianDaysMin! - 1e-6);
          expect(exact).toBeLessThanOrEqual(g.cellMedianDaysMax! + 1e-6);
          if (g.medianIsExact) expect(g.medianDaysToDecision!).toBeCloseTo(exact, 6);
        }
      }
    });

    it('by sub-region: the provinces of the nation add up to the nation, and by path and kind too', async () => {
      const data = await ok<{ s: { totalProposals: number; groups: Array<{ key: string; region: { code: string }; proposals: number }> }; p: { groups: Array<{ key: string; proposals: number }> }; k: { groups: Array<{ key: string; proposals: number }> } }>(
        `{ s: proposalFunnel(groupBy: SUB_REGION, versionId: 4) { totalProposals groups { key region { code } proposals } }
           p: proposalFunnel(groupBy: PATH, versionId: 4) { groups { key proposals } }
           k: proposalFunnel(groupBy: KIND, versionId: 4) { groups { key proposals } } }`,
      );
      expect(data.s.groups).toHaveLength(38);
      expect(data.s.groups.every((g) => g.region.code === g.key)).toBe(true);
      const sum = (gs: Array<{ proposals: number }>) => gs.reduce((a, g) => a + g.proposals, 0);
      expect(sum(data.s.groups)).toBe(data.s.totalProposals);
      expect(sum(data.p.groups)).toBe(data.s.totalProposals);
      expect(sum(data.k.groups)).toBe(data.s.totalProposals);
      const byProvince = await db.all<{ code: string; n: number }>(`SELECT g.province_code AS code, COUNT(*) AS n FROM proposal p JOIN region g ON g.code = p.regency_code
        WHERE p.submitted_version_id = 4 GROUP BY 1`);
      for (const r of byProvince) expect(data.s.groups.find((g) => g.key === r.code)?.proposals, r.code).toBe(r.n);
    });
  });

  describe('pkhDuration', () => {
    it('PKH recipients by membership start year equal the enrollments, with those past 5 years', async () => {
      for (const [regionCode, v] of [['ID', 5], ['32.01', 2], [district, 4]] as const) {
        const data = await ok<{ pkhDuration: { year: number; maxYears: number; totalRecipients: number; reachedMaxYears: number; byYear: Array<{ memberSinceYear: number; units: number; reachedMaxYears: boolean }> } }>(
          'query($r: ID, $v: Int) { pkhDuration(regionCode: $r, versionId: $v) { year maxYears totalRecipients reachedMaxYears byYear { memberSinceYear units reachedMaxYears } } }',
          { r: regionCode, v },
        );
        const rows = await db.all<{ y: number; n: number }>(`SELECT e.member_since_year AS y, COUNT(DISTINCT e.family_id) AS n FROM enrollment e JOIN family f ON f.id = e.family_id
          LEFT JOIN family_state s ON s.family_id = e.family_id AND ${stateAt('s', '@v')}
          WHERE e.program_code = 'PKH' AND ${activeAt('e', '@v')} AND ${inRegion('COALESCE(s.village_code, f.village_code)')}
          GROUP BY 1 ORDER BY 1`, { v, r: regionCode });
        const label = (await db.get<{ label: string }>('SELECT label FROM dtsen_version WHERE id = ?', [v]))!.label;
        const year = Number(label.slice(0, 4));
        const d = data.pkhDuration;
        expect(d.year).toBe(year);
        expect(d.maxYears).toBe(5);
        expect(d.byYear.map((r) => [r.memberSinceYear, r.units])).toEqual(rows.map((r) => [r.y, r.n]));
        expect(d.totalRecipients).toBe(rows.reduce((a, r) => a + r.n, 0));
        expect(d.reachedMaxYears).toBe(rows.filter((r) => year - r.y >= 5).reduce((a, r) => a + r.n, 0));
        expect(d.byYear.every((r) => r.reachedMaxYears === year - r.memberSinceYear >= 5)).toBe(true);
      }
    });
  });

  describe('pbiReactivation', () => {
    it('gives a consistent picture of the removed people', async () => {
      const data = await ok<{ n: { removed: number; reactivated: number; eligible: number; unmet: Array<{ condition: string; people: number }> }; p: { removed: number } }>(
        `{ n: pbiReactivation(versionId: 5) { removed reactivated eligible unmet { condition people } }
           p: pbiReactivation(versionId: 5, regionCode: "32") { removed } }`,
      );
      expect(data.n.unmet.map((u) => u.condition)).toEqual(['REMOVED_SINCE_MAY_2025', 'URGENT_ILLNESS', 'VERIFIED_POOR_OR_VULNERABLE', 'HEALTH_FACILITY_LETTER', 'DATA_UPDATED_IN_TIME']);
      expect(data.n.removed).toBeGreaterThan(0);
      expect(data.n.reactivated + data.n.eligible).toBeLessThanOrEqual(data.n.removed);
      expect(data.p.removed).toBeLessThan(data.n.removed);
      // Removed = people whose latest PBI-JKN membership ended by v, not deceased, not enrolled again by another route.
      const direct = (await db.get<{ n: number }>(`
        SELECT COUNT(*) AS n FROM (SELECT e.individual_id AS id, MAX(e.end_version_id) AS rv FROM enrollment e
          WHERE e.program_code = 'PBI_JKN' AND e.individual_id IS NOT NULL AND e.end_version_id <= 5 GROUP BY e.individual_id) m
        JOIN individual i ON i.id = m.id
        WHERE NOT (i.deceased = TRUE AND (i.to_version_id IS NULL OR i.to_version_id <= 5))
          AND NOT EXISTS (SELECT 1 FROM enrollment a WHERE a.individual_id = m.id AND a.program_code = 'PBI_JKN' AND ${activeAt('a', '5')}
            AND NOT (a.start_reason = 'REACTIVATION' AND a.start_version_id >= m.rv))`))!.n;
      expect(data.n.removed).toBe(direct);
    });
  });

  describe('decileDistribution by sub-region', () => {
    it('ranks the kabupaten/kota of a province by the share of individuals in desil 1-4, as a direct count does', async () => {
      const data = await ok<{ decileDistribution: { totalFamilies: number; subRegionCount: number; subRegions: Array<{ region: { code: string }; totalFamilies: number; shareDesil1To4: { individuals: number; families: number }; buckets: Array<{ families: number }> }> } }>(
        `{ decileDistribution(regionCode: "32", versionId: 4, groupBy: SUB_REGION, sort: INDIVIDUAL_SHARE_DESIL_1_TO_4_DESC, limit: 500) {
            totalFamilies subRegionCount subRegions { region { code } totalFamilies shareDesil1To4 { individuals families } buckets { families } } } }`,
      );
      const rows = await db.all<{ code: string; ind: number; poor: number; fam: number }>(`SELECT r.code, COALESCE(SUM(s.member_count), 0) AS ind, COALESCE(SUM(CASE WHEN s.desil <= 4 THEN s.member_count END), 0) AS poor,
          COUNT(s.id) AS fam
        FROM region r LEFT JOIN region v ON v.regency_code = r.code AND v.level = 'VILLAGE'
        LEFT JOIN family_state s ON s.village_code = v.code AND ${stateAt('s', '4')}
        WHERE r.parent_code = '32' GROUP BY r.code`);
      const share = (r: { ind: number; poor: number }) => (r.ind === 0 ? 0 : r.poor / r.ind);
      const expected = [...rows].sort((a, b) => share(b) - share(a) || (a.code < b.code ? -1 : 1)).map((r) => r.code);
      const d = data.decileDistribution;
      expect(d.subRegionCount).toBe(rows.length);
      expect(d.subRegions.map((s) => s.region.code)).toEqual(expected);
      for (const s of d.subRegions) {
        const r = rows.find((x) => x.code === s.region.code)!;
        expect(s.totalFamilies).toBe(r.fam);
        expect(s.shareDesil1To4.individuals).toBeCloseTo(share(r), 12);
      }
      expect(d.subRegions.reduce((a, s) => a + s.totalFamilies, 0)).toBe(d.totalFamilies);

      const page = await ok<{ decileDistribution: { subRegions: Array<{ region: { code: string } }> } }>(
        `{ decileDistribution(regionCode: "32", versionId: 4, groupBy: SUB_REGION, sort: INDIVIDUAL_SHARE_DESIL_1_TO_4_DESC, limit: 3, offset: 2) { subRegions { region { code } } } }`,
      );
      expect(page.decileDistribution.subRegions.map((s) => s.region.code)).toEqual(expected.slice(2, 5));
      const plain = await ok<{ decileDistribution: { subRegions: null; subRegionCount: null } }>('{ decileDistribution(regionCode: "32") { subRegions { totalFamilies } subRegionCount } }');
      expect(plain.decileDistribution).toEqual({ subRegions: null, subRegionCount: null });
    });
  });

  describe('errors', () => {
    it.each([
      ['coverageTrend of an unknown region', '{ coverageTrend(regionCode: "99.99", programCode: PKH) { source } }', 'NOT_FOUND'],
      ['coverageTrend of an unknown version', '{ coverageTrend(programCode: PKH, toVersionId: 42) { source } }', 'NOT_FOUND'],
      ['coverageTrend with from > to', '{ coverageTrend(programCode: PKH, fromVersionId: 4, toVersionId: 2) { source } }', 'BAD_USER_INPUT'],
      ['churn with from > to', '{ churn(programCode: PKH, fromVersionId: 4, toVersionId: 2) { totalEntries } }', 'BAD_USER_INPUT'],
      ['churn of an unknown version', '{ churn(programCode: PKH, toVersionId: 42) { totalEntries } }', 'NOT_FOUND'],
      ['churn of an unknown region', '{ churn(regionCode: "99", programCode: PKH, toVersionId: 3) { totalEntries } }', 'NOT_FOUND'],
      ['desilTransitions with from > to', '{ desilTransitions(fromVersionId: 3, toVersionId: 1) { total } }', 'BAD_USER_INPUT'],
      ['desilTransitions of an unknown version', '{ desilTransitions(fromVersionId: 1, toVersionId: 42) { total } }', 'NOT_FOUND'],
      ['programOverlap of a desa', () => `{ programOverlap(regionCode: "${village}") { totalFamilies } }`, 'BAD_USER_INPUT'],
      ['pkhDuration of a desa', () => `{ pkhDuration(regionCode: "${village}") { totalRecipients } }`, 'BAD_USER_INPUT'],
      ['programOverlap of an unknown version', '{ programOverlap(versionId: 0) { totalFamilies } }', 'NOT_FOUND'],
      ['proposalFunnel by sub-region of a kabupaten', '{ proposalFunnel(regionCode: "32.01", groupBy: SUB_REGION) { totalProposals } }', 'BAD_USER_INPUT'],
      ['proposalFunnel of a kecamatan', '{ proposalFunnel(regionCode: "32.01.01") { totalProposals } }', 'BAD_USER_INPUT'],
      ['pkhDuration of a program without limit', '{ pkhDuration(programCode: SEMBAKO) { totalRecipients } }', 'BAD_USER_INPUT'],
      ['pbiReactivation of an unknown region', '{ pbiReactivation(regionCode: "99.99.99") { removed } }', 'NOT_FOUND'],
      ['decileDistribution with a bad limit', '{ decileDistribution(groupBy: SUB_REGION, limit: 0) { totalFamilies } }', 'BAD_USER_INPUT'],
    ])('%s is a typed error', async (_case, query: string | (() => string), code) => {
      const r = await gql(typeof query === 'function' ? query() : query);
      expect(r.data).toBeNull();
      expect(r.errors?.[0]?.extensions.code).toBe(code);
    });
  });
});
