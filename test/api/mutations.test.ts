// The mutations over real HTTP against the real server on the generated national dataset
// (test/support/global-setup.ts), on SQLite and on its PostgreSQL copy: the proposal workflow of each kind, invalid
// transitions, bad input, concurrent decisions, and the proposal numbers (counted directly on the `proposal` table of
// the same engine) moving with each step. The dataset is shared with other test files that compare counts: this file
// only changes proposals it creates and deletes them (with their history) afterwards; it never publishes (publishing
// is tested on a temporary database in server/src/modules/publish/publishing.spec.ts), only checks that publishing a
// published version is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonHeaders } from '../support/auth';
import { engines, graphqlUrl, openTestDb, type TestDb } from '../support/engines';

interface ApiError {
  message: string;
  extensions: { code: string; reason?: string; argument?: string } & Record<string, unknown>;
}


interface ProposalData {
  id: number;
  kind: string;
  status: string;
  programCode: string | null;
  villageCode: string;
  regencyCode: string;
  submittedVersionId: number;
  decidedAt: string | null;
  groundCheckOutcome: string | null;
  history: { status: string; note: string | null }[];
}

const FIELDS = 'id kind status programCode villageCode regencyCode submittedVersionId decidedAt groundCheckOutcome history { status note }';
const SUBMIT = `mutation($input: SubmitProposalInput!) { submitProposal(input: $input) { ${FIELDS} } }`;
const VERIFY = `mutation($id: Int!) { verifyProposal(id: $id, note: "NIK and KK matched") { ${FIELDS} } }`;
const CHECK = `mutation($id: Int!, $outcome: GroundCheckOutcome!) { recordGroundCheck(id: $id, outcome: $outcome, note: "SIKS-MA visit") { ${FIELDS} } }`;
const DECIDE = `mutation($id: Int!, $decision: ProposalDecision!) { decideProposal(id: $id, decision: $decision) { ${FIELDS} } }`;

const plus = (base: Record<string, number>, change: Record<string, number>) =>
  Object.fromEntries(Object.entries(base).map(([s, n]) => [s, n + (change[s] ?? 0)]));

const inDtsen = 's.id IS NOT NULL';
const pkhRecipient = `${inDtsen} AND EXISTS (SELECT 1 FROM enrollment e WHERE e.family_id = f.id AND e.program_code = 'PKH' AND e.start_version_id <= 5 AND (e.end_version_id IS NULL OR e.end_version_id > 5))`;
const lostPbi = "EXISTS (SELECT 1 FROM enrollment e WHERE e.family_id = f.id AND e.program_code = 'PBI_JKN' AND e.end_version_id <= 5)";
const outsideDtsen = "s.id IS NULL AND f.source = 'NON_DTSEN'";

describe.each(engines())('$name', (engine) => {
  const url = () => graphqlUrl(engine);
  let db: TestDb;
  const created: number[] = [];
  /** `created` as a SQL list (never empty: 0 is no proposal id). */
  const createdList = () => [0, ...created].join(', ');

  async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<{ data: T | null; errors?: ApiError[] }> {
    const res = await fetch(url(), { method: 'POST', headers: jsonHeaders(), body: JSON.stringify({ query, variables }) });
    return (await res.json()) as never;
  }

  async function submit(input: Record<string, unknown>): Promise<ProposalData> {
    const { data, errors } = await gql<{ submitProposal: ProposalData }>(SUBMIT, { input });
    expect(errors).toBeUndefined();
    created.push(data!.submitProposal.id);
    return data!.submitProposal;
  }

  async function run(query: string, variables: Record<string, unknown>): Promise<ProposalData> {
    const { data, errors } = await gql<Record<string, ProposalData>>(query, variables);
    expect(errors).toBeUndefined();
    return Object.values(data!)[0]!;
  }

  /** Proposals in a regency, of a kind, per status, counted on the base table. */
  async function funnel(regencyCode: string, kind: string): Promise<Record<string, number>> {
    const rows = await db.all<{ status: string; n: number }>('SELECT status, COUNT(*) AS n FROM proposal WHERE regency_code = ? AND kind = ? GROUP BY status', [regencyCode, kind]);
    return Object.fromEntries(['SUBMITTED', 'VERIFIED', 'GROUND_CHECKED', 'APPROVED', 'REJECTED'].map((s) => [s, rows.find((r) => r.status === s)?.n ?? 0]));
  }

  /** The same numbers through the API (`proposals(filter).totalCount`). */
  async function apiFunnel(regencyCode: string, kind: string): Promise<Record<string, number>> {
    const { data, errors } = await gql<Record<string, { totalCount: number }>>(
      `query($r: ID!, $k: ProposalKind!) {
        SUBMITTED: proposals(filter: { regionCode: $r, kind: $k, status: SUBMITTED }) { totalCount }
        VERIFIED: proposals(filter: { regionCode: $r, kind: $k, status: VERIFIED }) { totalCount }
        GROUND_CHECKED: proposals(filter: { regionCode: $r, kind: $k, status: GROUND_CHECKED }) { totalCount }
        APPROVED: proposals(filter: { regionCode: $r, kind: $k, status: APPROVED }) { totalCount }
        REJECTED: proposals(filter: { regionCode: $r, kind: $k, status: REJECTED }) { totalCount }
      }`,
      { r: regencyCode, k: kind },
    );
    expect(errors).toBeUndefined();
    return Object.fromEntries(Object.entries(data!).map(([status, c]) => [status, c.totalCount]));
  }

  /** A family the generated data offers for a kind, with no open proposal of that kind (and program) yet. */
  async function pickFamily(sql: string, kind: string, program: string | null): Promise<{ id: number; village: string; regency: string }> {
    const row = await db.get<{ id: number; village: string; regency: string }>(
      `SELECT f.id, COALESCE(s.village_code, f.village_code) AS village, r.regency_code AS regency
       FROM family f LEFT JOIN family_state s ON s.family_id = f.id AND s.valid_from_version_id <= 5 AND (s.valid_to_version_id IS NULL OR s.valid_to_version_id > 5)
       JOIN region r ON r.code = COALESCE(s.village_code, f.village_code)
       WHERE ${sql} AND NOT EXISTS (SELECT 1 FROM proposal p WHERE p.family_id = f.id AND p.kind = ? AND p.program_code IS NOT DISTINCT FROM ?
                                    AND p.status IN ('SUBMITTED', 'VERIFIED', 'GROUND_CHECKED'))
       ORDER BY f.id LIMIT 1`,
      [kind, program],
    );
    if (!row) throw new Error(`no family for ${kind}`);
    return row;
  }

  let generated: { proposals: number; changes: number; rollup: number };

  beforeAll(async () => {
    db = await openTestDb(engine);
    generated = {
      proposals: (await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM proposal'))!.n,
      changes: (await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM proposal_status_change'))!.n,
      rollup: (await db.get<{ n: number }>('SELECT COALESCE(SUM(proposals), 0) AS n FROM proposal_rollup'))!.n,
    };
  });

  afterAll(async () => {
    await db.close();
    // Leave the shared dataset as the generator wrote it.
    const writer = await openTestDb(engine, { writable: true });
    try {
      await writer.run(`DELETE FROM proposal_status_change WHERE proposal_id IN (${createdList()})`);
      await writer.run(`DELETE FROM proposal WHERE id IN (${createdList()})`);
      const after = (await writer.get<{ n: number }>('SELECT COUNT(*) AS n FROM proposal'))!.n;
      if (after !== generated.proposals) throw new Error(`proposal table not restored: ${after} rows, ${generated.proposals} generated`);
    } finally {
      await writer.close();
    }
  });

  describe('proposal workflow over HTTP on the generated dataset', () => {
    it('the live proposal numbers of the API equal a direct count on the proposal table', async () => {
      const regency = (await db.get<{ r: string }>("SELECT regency_code AS r FROM proposal WHERE kind = 'USULAN' GROUP BY regency_code ORDER BY COUNT(*) DESC, regency_code LIMIT 1"))!.r;
      expect(await apiFunnel(regency, 'USULAN')).toEqual(await funnel(regency, 'USULAN'));
      const province = regency.slice(0, 2);
      const { data } = await gql<{ proposals: { totalCount: number } }>('query($r: ID!) { proposals(filter: { regionCode: $r, submittedVersionId: 3 }) { totalCount } }', { r: province });
      const direct = (await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM proposal p JOIN region r ON r.code = p.regency_code WHERE r.province_code = ? AND p.submitted_version_id = 3', [province]))!;
      expect(data!.proposals.totalCount).toBe(direct.n);
      expect(direct.n).toBeGreaterThan(0);
    });

    it('shows a generated proposal with the history rows the generator wrote', async () => {
      const p = (await db.get<{ id: number; status: string }>("SELECT id, status FROM proposal WHERE status = 'APPROVED' ORDER BY id LIMIT 1"))!;
      const rows = await db.all<{ status: string }>('SELECT status FROM proposal_status_change WHERE proposal_id = ? ORDER BY at, id', [p.id]);
      const { data } = await gql<{ proposal: ProposalData }>(`query($id: Int!) { proposal(id: $id) { ${FIELDS} } }`, { id: p.id });
      expect(data!.proposal.status).toBe('APPROVED');
      expect(data!.proposal.history.map((h) => h.status)).toEqual(rows.map((r) => r.status));
      expect(data!.proposal.groundCheckOutcome).toBeNull(); // the generator records no outcome
    });

    const lifecycles = [
      { kind: 'USULAN', where: outsideDtsen, program: 'PKH', input: { path: 'FORMAL', programCode: 'PKH', note: 'BA Musdes 03/2026' }, outcome: 'ELIGIBLE', decision: 'APPROVED' },
      { kind: 'SANGGAH', where: pkhRecipient, program: 'PKH', input: { path: 'PARTICIPATORY', programCode: 'PKH' }, outcome: 'NOT_ELIGIBLE', decision: 'APPROVED' },
      { kind: 'DESIL_UPDATE', where: inDtsen, program: null, input: { path: 'PARTICIPATORY' }, outcome: 'NOT_ELIGIBLE', decision: 'REJECTED' },
      { kind: 'PBI_REACTIVATION', where: lostPbi, program: 'PBI_JKN', input: { path: 'FORMAL', note: 'Dinsos reactivation letter; RSUD letter' }, outcome: 'ELIGIBLE', decision: 'APPROVED' },
    ] as const;

    it.each(lifecycles)('takes a $kind through its lifecycle; the numbers of its regency move one status at a time', async ({ kind, where, program, input, outcome, decision }) => {
      const family = await pickFamily(where, kind, program);
      const start = await funnel(family.regency, kind);
      const p = await submit({ kind, familyId: family.id, ...input });
      expect(p).toMatchObject({ kind, status: 'SUBMITTED', programCode: program, villageCode: family.village, regencyCode: family.regency, submittedVersionId: 5 });
      expect(await funnel(family.regency, kind)).toEqual(plus(start, { SUBMITTED: 1 }));
      expect(await apiFunnel(family.regency, kind)).toEqual(await funnel(family.regency, kind));

      expect((await run(VERIFY, { id: p.id })).status).toBe('VERIFIED');
      expect(await funnel(family.regency, kind)).toEqual(plus(start, { VERIFIED: 1 }));
      expect((await run(CHECK, { id: p.id, outcome })).groundCheckOutcome).toBe(outcome);
      expect(await funnel(family.regency, kind)).toEqual(plus(start, { GROUND_CHECKED: 1 }));
      const done = await run(DECIDE, { id: p.id, decision });
      expect(done.status).toBe(decision);
      expect(done.decidedAt).not.toBeNull();
      expect(await funnel(family.regency, kind)).toEqual(plus(start, { [decision]: 1 }));
      expect(await apiFunnel(family.regency, kind)).toEqual(await funnel(family.regency, kind));

      const rows = await db.all<{ status: string; note: string | null }>('SELECT status, note FROM proposal_status_change WHERE proposal_id = ? ORDER BY id', [p.id]);
      expect(rows.map((r) => r.status)).toEqual(['SUBMITTED', 'VERIFIED', 'GROUND_CHECKED', decision]);
      expect(done.history.map((h) => h.status)).toEqual(rows.map((r) => r.status));
      const decidedAt = (await db.get<{ d: string | number }>('SELECT decided_at AS d FROM proposal WHERE id = ?', [p.id]))!;
      expect(decidedAt.d).not.toBeNull();
    });

    it('answers every step the current status cannot take with CONFLICT INVALID_TRANSITION', async () => {
      const family = await pickFamily(inDtsen, 'USULAN', 'SEMBAKO');
      const p = await submit({ kind: 'USULAN', path: 'PARTICIPATORY', familyId: family.id, programCode: 'SEMBAKO' });
      const steps: Record<string, [string, Record<string, unknown>]> = {
        VERIFIED: [VERIFY, {}],
        GROUND_CHECKED: [CHECK, { outcome: 'ELIGIBLE' }],
        APPROVED: [DECIDE, { decision: 'APPROVED' }],
        REJECTED: [DECIDE, { decision: 'REJECTED' }],
      };
      const allowed: Record<string, string[]> = {
        SUBMITTED: ['VERIFIED', 'REJECTED'], VERIFIED: ['GROUND_CHECKED'], GROUND_CHECKED: ['APPROVED', 'REJECTED'], APPROVED: [], REJECTED: [],
      };
      let conflicts = 0;
      for (const [from, next] of [['SUBMITTED', 'VERIFIED'], ['VERIFIED', 'GROUND_CHECKED'], ['GROUND_CHECKED', 'APPROVED'], ['APPROVED', null]] as const) {
        for (const [to, [query, extra]] of Object.entries(steps)) {
          if (allowed[from]!.includes(to)) continue;
          const { data, errors } = await gql<Record<string, ProposalData | null>>(query, { id: p.id, ...extra });
          expect(data, `${from} -> ${to}`).toBeNull();
          expect(errors?.[0]?.extensions, `${from} -> ${to}`).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION', from, to });
          conflicts += 1;
        }
        expect((await db.get<{ status: string }>('SELECT status FROM proposal WHERE id = ?', [p.id]))!.status).toBe(from);
        if (next) await run(steps[next]![0], { id: p.id, ...steps[next]![1] });
      }
      expect(conflicts).toBe(2 + 3 + 2 + 4);
      // A rejected one (at verification) is final too.
      const family2 = await pickFamily(inDtsen, 'DESIL_UPDATE', null);
      const r = await submit({ kind: 'DESIL_UPDATE', path: 'PARTICIPATORY', familyId: family2.id });
      expect((await run(DECIDE, { id: r.id, decision: 'REJECTED' })).status).toBe('REJECTED');
      for (const [query, extra] of Object.values(steps)) {
        expect((await gql(query, { id: r.id, ...extra })).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION', from: 'REJECTED' });
      }
    });

    it('lets one of two concurrent decisions win and answers the other with CONFLICT', async () => {
      const family = await pickFamily(inDtsen, 'USULAN', 'PBI_JKN');
      const p = await submit({ kind: 'USULAN', path: 'PARTICIPATORY', familyId: family.id, programCode: 'PBI_JKN' });
      await run(VERIFY, { id: p.id });
      await run(CHECK, { id: p.id, outcome: 'ELIGIBLE' });
      const [a, b] = await Promise.all([gql<{ decideProposal: ProposalData }>(DECIDE, { id: p.id, decision: 'APPROVED' }), gql<{ decideProposal: ProposalData }>(DECIDE, { id: p.id, decision: 'REJECTED' })]);
      const outcomes = [a, b].map((r) => (r.errors ? r.errors[0]!.extensions.code : r.data!.decideProposal.status));
      expect(outcomes.filter((o) => o === 'CONFLICT')).toHaveLength(1);
      const winner = outcomes.find((o) => o !== 'CONFLICT')!;
      expect(['APPROVED', 'REJECTED']).toContain(winner);
      const rows = await db.all<{ status: string }>('SELECT status FROM proposal_status_change WHERE proposal_id = ? ORDER BY id', [p.id]);
      expect(rows.map((r) => r.status)).toEqual(['SUBMITTED', 'VERIFIED', 'GROUND_CHECKED', winner]);
      expect((await db.get<{ status: string }>('SELECT status FROM proposal WHERE id = ?', [p.id]))!.status).toBe(winner);
    });

    it('refuses a duplicate open proposal, bad input and unknown ids', async () => {
      const family = await pickFamily(pkhRecipient, 'SANGGAH', 'PKH');
      const program = 'PKH';
      const first = await submit({ kind: 'SANGGAH', path: 'PARTICIPATORY', familyId: family.id, programCode: program });
      const dup = await gql(SUBMIT, { input: { kind: 'SANGGAH', path: 'PARTICIPATORY', familyId: family.id, programCode: program } });
      expect(dup.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE_OPEN_PROPOSAL', proposalId: first.id });

      const outside = await pickFamily(outsideDtsen, 'DESIL_UPDATE', null);
      const bad: [Record<string, unknown>, string][] = [
        [{ kind: 'DESIL_UPDATE', path: 'PARTICIPATORY', familyId: outside.id }, 'input.familyId'],
        [{ kind: 'SANGGAH', path: 'PARTICIPATORY', familyId: family.id }, 'input.programCode'],
        [{ kind: 'USULAN', path: 'FORMAL', familyId: outside.id }, 'input.note'],
        [{ kind: 'USULAN', path: 'PARTICIPATORY', familyId: outside.id, villageCode: family.regency }, 'input.villageCode'],
      ];
      for (const [input, argument] of bad) {
        const { errors } = await gql(SUBMIT, { input });
        expect(errors?.[0]?.extensions, JSON.stringify(input)).toMatchObject({ code: 'BAD_USER_INPUT', argument });
      }
      const maxFamily = (await db.get<{ m: number }>('SELECT MAX(id) AS m FROM family'))!.m;
      expect((await gql(SUBMIT, { input: { kind: 'USULAN', path: 'PARTICIPATORY', familyId: maxFamily + 1 } })).errors?.[0]?.extensions.code).toBe('NOT_FOUND');
      const maxProposal = (await db.get<{ m: number }>('SELECT MAX(id) AS m FROM proposal'))!.m;
      expect((await gql(VERIFY, { id: maxProposal + 1000 })).errors?.[0]?.extensions.code).toBe('NOT_FOUND');
      expect((await gql('{ proposals(first: 0) { totalCount } }')).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    });

    it('refuses to publish a published version or an unknown one, changing nothing', async () => {
      const publish = 'mutation($v: Int!) { publishVersion(versionId: $v) { id status } }';
      expect((await gql(publish, { v: 5 })).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'VERSION_ALREADY_PUBLISHED' });
      expect((await gql(publish, { v: 6 })).errors?.[0]?.extensions.code).toBe('NOT_FOUND');
      expect(await db.get("SELECT COUNT(*) AS n FROM dtsen_version WHERE status = 'PUBLISHED'")).toEqual({ n: 5 });
    });

    it('left the generated proposals and the published funnel rollup untouched', async () => {
      const others = (await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM proposal WHERE id NOT IN (${createdList()})`))!;
      const otherChanges = (await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM proposal_status_change WHERE proposal_id NOT IN (${createdList()})`))!;
      expect(others.n).toBe(generated.proposals);
      expect(otherChanges.n).toBe(generated.changes);
      // Published rollups are immutable: proposals submitted now are in the live table, not in version 5's funnel.
      expect((await db.get<{ n: number }>('SELECT COALESCE(SUM(proposals), 0) AS n FROM proposal_rollup'))!.n).toBe(generated.rollup);
      expect(created.length).toBeGreaterThanOrEqual(8);
    });
  });
});
