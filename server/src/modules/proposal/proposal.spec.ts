import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEXT_STATUSES, type ProposalStatus } from '../../domain/proposal-workflow.js';
import type { AtlasPrisma } from '../../db/prisma.js';
import { RegionService } from '../region/region.service.js';
import { VersionService } from '../version/version.service.js';
import { startTestApi, type TestApi } from '../__tests__/api-harness.js';
import { ProposalService } from './proposal.service.js';

const FIELDS = 'id kind path status programCode villageCode regencyCode submittedVersionId submittedAt decidedAt groundCheckOutcome history { status at note groundCheckOutcome }';

interface ProposalData {
  id: number;
  kind: string;
  path: string;
  status: ProposalStatus;
  programCode: string | null;
  villageCode: string;
  regencyCode: string;
  submittedVersionId: number;
  submittedAt: string;
  decidedAt: string | null;
  groundCheckOutcome: string | null;
  history: { status: ProposalStatus; at: string; note: string | null; groundCheckOutcome: string | null }[];
}

interface ApiError {
  message: string;
  extensions?: { code?: string; argument?: string; reason?: string } & Record<string, unknown>;
}

let api: TestApi;

async function call<T>(query: string, variables: Record<string, unknown> = {}): Promise<{ data: T | null | undefined; errors: ApiError[] | undefined }> {
  const { body } = await api.query<T>(query, variables);
  return { data: body.data, errors: body.errors as ApiError[] | undefined };
}

const SUBMIT = `mutation($input: SubmitProposalInput!) { submitProposal(input: $input) { ${FIELDS} } }`;
const STEP = {
  verify: `mutation($id: Int!, $note: String) { verifyProposal(id: $id, note: $note) { ${FIELDS} } }`,
  groundCheck: `mutation($id: Int!, $outcome: GroundCheckOutcome!, $note: String) { recordGroundCheck(id: $id, outcome: $outcome, note: $note) { ${FIELDS} } }`,
  decide: `mutation($id: Int!, $decision: ProposalDecision!, $note: String) { decideProposal(id: $id, decision: $decision, note: $note) { ${FIELDS} } }`,
};

async function submit(input: Record<string, unknown>): Promise<ProposalData> {
  const { data, errors } = await call<{ submitProposal: ProposalData }>(SUBMIT, { input });
  expect(errors).toBeUndefined();
  return data!.submitProposal;
}

async function submitError(input: Record<string, unknown>): Promise<ApiError['extensions']> {
  const { data, errors } = await call<{ submitProposal: ProposalData }>(SUBMIT, { input });
  expect(data?.submitProposal ?? null).toBeNull();
  expect(errors).toHaveLength(1);
  return errors![0]!.extensions;
}

type Action = { step: 'verify' } | { step: 'groundCheck'; outcome: string } | { step: 'decide'; decision: 'APPROVED' | 'REJECTED' };

async function act(id: number, action: Action, note?: string): Promise<{ proposal: ProposalData | null; error: ApiError | undefined }> {
  const variables = { id, note, ...('outcome' in action ? { outcome: action.outcome } : {}), ...('decision' in action ? { decision: action.decision } : {}) };
  const { data, errors } = await call<Record<string, ProposalData>>(STEP[action.step], variables);
  return { proposal: data ? (Object.values(data)[0] ?? null) : null, error: errors?.[0] };
}

async function step(id: number, action: Action, note?: string): Promise<ProposalData> {
  const { proposal, error } = await act(id, action, note);
  expect(error).toBeUndefined();
  return proposal!;
}

/** Removes every proposal, so that each test starts from the fixture (which has none). */
async function clearProposals(): Promise<void> {
  await api.prisma.proposalStatusChange.deleteMany();
  await api.prisma.proposal.deleteMany();
}

beforeAll(async () => {
  api = await startTestApi();
  // Family 1 receives PKH since version 1; family 3 (NON_DTSEN) lost PBI-JKN at version 2 (outside DTSEN).
  await api.prisma.enrollment.createMany({
    data: [
      { programCode: 'PKH', familyId: 1, individualId: null, regencyCode: '32.01', startVersionId: 1, endVersionId: null, startReason: 'INITIAL', memberSinceYear: 2021 },
      { programCode: 'PBI_JKN', familyId: 3, individualId: 6, regencyCode: '32.01', startVersionId: 1, endVersionId: 2, startReason: 'INITIAL', endReason: 'OUTSIDE_DTSEN', memberSinceYear: 2019 },
    ],
  });
});
afterAll(async () => {
  await api.close();
});

describe('submitProposal', () => {
  it('creates a SUBMITTED proposal now, in the family\'s current village, belonging to the version being prepared', async () => {
    await clearProposals();
    const before = Date.now();
    const p = await submit({ kind: 'DESIL_UPDATE', path: 'PARTICIPATORY', familyId: 1, note: '  income fell  ' });
    // Family 1's Dukcapil village is Pondok Rajeg, but in version 2 (latest published) it lives in Wanaherang.
    expect(p).toMatchObject({
      kind: 'DESIL_UPDATE', path: 'PARTICIPATORY', status: 'SUBMITTED', programCode: null, villageCode: '32.01.02.2001',
      regencyCode: '32.01', submittedVersionId: 3, decidedAt: null, groundCheckOutcome: null,
      history: [{ status: 'SUBMITTED', note: 'income fell', groundCheckOutcome: null }],
    });
    expect(Date.parse(p.submittedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(p.history[0]!.at).toBe(p.submittedAt);
    const row = await api.prisma.proposal.findUniqueOrThrow({ where: { id: p.id }, include: { history: true } });
    // Version 3 is the fixture's draft: the proposal belongs to the version being prepared.
    expect(row).toMatchObject({ status: 'SUBMITTED', familyId: 1, submittedVersionId: 3 });
    expect(row.history).toHaveLength(1);
  });

  it('takes a given village, and fills PBI_JKN in for a PBI reactivation', async () => {
    const p = await submit({ kind: 'PBI_REACTIVATION', path: 'FORMAL', familyId: 3, villageCode: '32.73.01.1001', note: 'Dinsos 460/12; RSUD letter 7' });
    expect(p).toMatchObject({ programCode: 'PBI_JKN', villageCode: '32.73.01.1001', regencyCode: '32.73' });
  });

  it('rejects input that breaks the kind\'s rules with BAD_USER_INPUT on the argument', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'SANGGAH', path: 'PARTICIPATORY', familyId: 1 }, 'input.programCode'],
      [{ kind: 'SANGGAH', path: 'PARTICIPATORY', familyId: 3, programCode: 'PKH' }, 'input.familyId'], // not in DTSEN
      [{ kind: 'SANGGAH', path: 'PARTICIPATORY', familyId: 2, programCode: 'PKH' }, 'input.familyId'], // not a recipient
      [{ kind: 'DESIL_UPDATE', path: 'PARTICIPATORY', familyId: 3 }, 'input.familyId'], // not in DTSEN
      [{ kind: 'DESIL_UPDATE', path: 'PARTICIPATORY', familyId: 2, programCode: 'PKH' }, 'input.programCode'],
      [{ kind: 'PBI_REACTIVATION', path: 'FORMAL', familyId: 3, programCode: 'SEMBAKO', note: 'x' }, 'input.programCode'],
      [{ kind: 'PBI_REACTIVATION', path: 'FORMAL', familyId: 2, note: 'x' }, 'input.familyId'], // lost no PBI-JKN
      [{ kind: 'PBI_REACTIVATION', path: 'PARTICIPATORY', familyId: 3 }, 'input.note'], // letters missing
      [{ kind: 'USULAN', path: 'FORMAL', familyId: 2 }, 'input.note'], // berita acara missing
      [{ kind: 'USULAN', path: 'PARTICIPATORY', familyId: 2, note: 'x'.repeat(2001) }, 'input.note'],
      [{ kind: 'USULAN', path: 'PARTICIPATORY', familyId: 2, villageCode: 'Bogor' }, 'input.villageCode'],
      [{ kind: 'USULAN', path: 'PARTICIPATORY', familyId: 2, villageCode: '32.01.01' }, 'input.villageCode'], // a kecamatan
    ];
    for (const [input, argument] of cases) {
      expect(await submitError(input), JSON.stringify(input)).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
    expect(await submitError({ kind: 'USULAN', path: 'PARTICIPATORY', familyId: 999 })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await submitError({ kind: 'USULAN', path: 'PARTICIPATORY', familyId: 2, villageCode: '32.01.01.9999' })).toMatchObject({ code: 'NOT_FOUND' });
    const { errors } = await call(SUBMIT, { input: { kind: 'PETITION', path: 'FORMAL', familyId: 2 } });
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a second open proposal of the same kind, family and program (CONFLICT), not one for another program', async () => {
    await clearProposals();
    const first = await submit({ kind: 'USULAN', path: 'PARTICIPATORY', familyId: 2, programCode: 'PKH' });
    expect(await submitError({ kind: 'USULAN', path: 'PARTICIPATORY', familyId: 2, programCode: 'PKH' })).toMatchObject({
      code: 'CONFLICT', reason: 'DUPLICATE_OPEN_PROPOSAL', proposalId: first.id,
    });
    await submit({ kind: 'USULAN', path: 'PARTICIPATORY', familyId: 2, programCode: 'SEMBAKO' });
    // Once decided, the family may propose again.
    await step(first.id, { step: 'decide', decision: 'REJECTED' }, 'KK not matched at verification');
    await submit({ kind: 'USULAN', path: 'PARTICIPATORY', familyId: 2, programCode: 'PKH' });
  });

  it('lets only one of two concurrent equal submissions through', async () => {
    await clearProposals();
    const input = { kind: 'SANGGAH', path: 'PARTICIPATORY', familyId: 1, programCode: 'PKH' };
    const results = await Promise.all([call(SUBMIT, { input }), call(SUBMIT, { input })]);
    expect(results.filter((r) => r.errors === undefined)).toHaveLength(1);
    expect(results.flatMap((r) => r.errors ?? []).map((e) => e.extensions?.reason)).toEqual(['DUPLICATE_OPEN_PROPOSAL']);
    expect(await api.prisma.proposal.count()).toBe(1);
  });
});

describe('the workflow', () => {
  const lifecycles: [string, Record<string, unknown>, string, 'APPROVED' | 'REJECTED'][] = [
    ['USULAN', { kind: 'USULAN', path: 'FORMAL', familyId: 3, programCode: 'SEMBAKO', note: 'BA Musdes 14/2025' }, 'ELIGIBLE', 'APPROVED'],
    ['SANGGAH', { kind: 'SANGGAH', path: 'PARTICIPATORY', familyId: 1, programCode: 'PKH' }, 'NOT_ELIGIBLE', 'APPROVED'],
    ['DESIL_UPDATE', { kind: 'DESIL_UPDATE', path: 'PARTICIPATORY', familyId: 2 }, 'NOT_ELIGIBLE', 'REJECTED'],
    ['PBI_REACTIVATION', { kind: 'PBI_REACTIVATION', path: 'FORMAL', familyId: 3, note: 'Dinsos letter; RS letter' }, 'ELIGIBLE', 'APPROVED'],
  ];

  it.each(lifecycles)('takes a %s through SUBMITTED -> VERIFIED -> GROUND_CHECKED -> decision, one history row per step', async (_kind, input, outcome, decision) => {
    await clearProposals();
    const p = await submit(input);
    expect((await step(p.id, { step: 'verify' }, 'NIK matched Dukcapil')).status).toBe('VERIFIED');
    const checked = await step(p.id, { step: 'groundCheck', outcome }, 'visited by TKSK');
    expect(checked).toMatchObject({ status: 'GROUND_CHECKED', groundCheckOutcome: outcome, decidedAt: null });
    const done = await step(p.id, { step: 'decide', decision });
    expect(done.status).toBe(decision);
    expect(done.decidedAt).not.toBeNull();
    expect(done.history.map((h) => h.status)).toEqual(['SUBMITTED', 'VERIFIED', 'GROUND_CHECKED', decision]);
    expect(done.history[1]!.note).toBe('NIK matched Dukcapil');
    expect(done.history[2]).toMatchObject({ note: 'visited by TKSK', groundCheckOutcome: outcome });
    expect(done.history.at(-1)!.at).toBe(done.decidedAt);
    // The same, read back: the proposal row and its history rows agree.
    const rows = await api.prisma.proposalStatusChange.findMany({ where: { proposalId: p.id }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => r.status)).toEqual(['SUBMITTED', 'VERIFIED', 'GROUND_CHECKED', decision]);
    expect((await api.prisma.proposal.findUniqueOrThrow({ where: { id: p.id } })).status).toBe(decision);
  });

  it('answers every step the current status cannot take with CONFLICT INVALID_TRANSITION, changing nothing', async () => {
    await clearProposals();
    const actions: [ProposalStatus, Action][] = [
      ['VERIFIED', { step: 'verify' }],
      ['GROUND_CHECKED', { step: 'groundCheck', outcome: 'ELIGIBLE' }],
      ['APPROVED', { step: 'decide', decision: 'APPROVED' }],
      ['REJECTED', { step: 'decide', decision: 'REJECTED' }],
    ];
    // One proposal in each status, reached through the API.
    const reach = async (target: ProposalStatus): Promise<number> => {
      const p = await submit({ kind: 'USULAN', path: 'PARTICIPATORY', familyId: 2, programCode: 'PKH' });
      const path: Record<ProposalStatus, Action[]> = {
        SUBMITTED: [],
        VERIFIED: [{ step: 'verify' }],
        GROUND_CHECKED: [{ step: 'verify' }, { step: 'groundCheck', outcome: 'ELIGIBLE' }],
        APPROVED: [{ step: 'verify' }, { step: 'groundCheck', outcome: 'ELIGIBLE' }, { step: 'decide', decision: 'APPROVED' }],
        REJECTED: [{ step: 'decide', decision: 'REJECTED' }],
      };
      for (const a of path[target]) await step(p.id, a);
      return p.id;
    };
    let checked = 0;
    for (const from of ['SUBMITTED', 'VERIFIED', 'GROUND_CHECKED', 'APPROVED', 'REJECTED'] as const) {
      const id = await reach(from);
      for (const [to, action] of actions) {
        if (NEXT_STATUSES[from].includes(to)) continue;
        const historyBefore = await api.prisma.proposalStatusChange.count({ where: { proposalId: id } });
        const { proposal, error } = await act(id, action);
        expect(proposal, `${from} -> ${to}`).toBeNull();
        expect(error?.extensions, `${from} -> ${to}`).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION', from, to });
        expect((await api.prisma.proposal.findUniqueOrThrow({ where: { id } })).status).toBe(from);
        expect(await api.prisma.proposalStatusChange.count({ where: { proposalId: id } })).toBe(historyBefore);
        checked += 1;
      }
      // Decided proposals are not open: clear the way for the next one of the same kind and family.
      if (from !== 'APPROVED' && from !== 'REJECTED') await clearProposals();
    }
    expect(checked).toBe(5 * 4 - 5);
  });

  it('refuses to approve against the ground check (CONFLICT), and lets it be rejected', async () => {
    await clearProposals();
    const p = await submit({ kind: 'SANGGAH', path: 'PARTICIPATORY', familyId: 1, programCode: 'PKH' });
    await step(p.id, { step: 'verify' });
    await step(p.id, { step: 'groundCheck', outcome: 'ELIGIBLE' }, 'family is poor, PKH is right');
    const { error } = await act(p.id, { step: 'decide', decision: 'APPROVED' });
    expect(error?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'GROUND_CHECK_CONTRADICTS_APPROVAL', groundCheckOutcome: 'ELIGIBLE' });
    expect((await step(p.id, { step: 'decide', decision: 'REJECTED' })).status).toBe('REJECTED');
  });

  it('lets exactly one of concurrent decisions win; the others get CONFLICT and leave no history row', async () => {
    await clearProposals();
    const p = await submit({ kind: 'USULAN', path: 'PARTICIPATORY', familyId: 2, programCode: 'PKH' });
    await step(p.id, { step: 'verify' });
    await step(p.id, { step: 'groundCheck', outcome: 'ELIGIBLE' });
    const decisions = ['APPROVED', 'REJECTED', 'APPROVED', 'REJECTED'] as const;
    const results = await Promise.all(decisions.map((decision) => act(p.id, { step: 'decide', decision })));
    const winners = results.filter((r) => r.error === undefined);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r.error?.extensions?.code === 'CONFLICT')).toHaveLength(3);
    const rows = await api.prisma.proposalStatusChange.findMany({ where: { proposalId: p.id } });
    expect(rows.map((r) => r.status)).toEqual(['SUBMITTED', 'VERIFIED', 'GROUND_CHECKED', winners[0]!.proposal!.status]);
  });

  it('guards the status with a conditional update: a step decided on a stale read is a CONFLICT and writes nothing', async () => {
    // On SQLite Prisma runs interactive transactions one at a time, so the loser above re-reads the new status. On
    // PostgreSQL both could read GROUND_CHECKED; simulate that read here and check the update itself refuses.
    await clearProposals();
    const p = await submit({ kind: 'USULAN', path: 'PARTICIPATORY', familyId: 2, programCode: 'PKH' });
    await step(p.id, { step: 'verify' });
    await step(p.id, { step: 'groundCheck', outcome: 'ELIGIBLE' });
    await step(p.id, { step: 'decide', decision: 'REJECTED' });
    const real = api.prisma as unknown as AtlasPrisma;
    const staleRead = new Proxy(real, {
      get(target, key, receiver) {
        if (key !== '$transaction') return Reflect.get(target, key, receiver) as unknown;
        return (fn: (tx: unknown) => Promise<unknown>) =>
          target.$transaction((tx) => {
            const proposal = new Proxy(tx.proposal, {
              get(model, method, r) {
                if (method !== 'findUnique') return Reflect.get(model, method, r) as unknown;
                return async (args: Parameters<typeof tx.proposal.findUnique>[0]) => ({ ...(await model.findUnique(args)), status: 'GROUND_CHECKED' });
              },
            });
            return fn(new Proxy(tx, { get: (t, k, r) => (k === 'proposal' ? proposal : (Reflect.get(t, k, r) as unknown)) }));
          });
      },
    });
    const service = new ProposalService(staleRead, new VersionService(real), new RegionService(real, 'sqlite'));
    await expect(service.decide(p.id, 'APPROVED')).rejects.toMatchObject({ extensions: { code: 'CONFLICT', reason: 'CONCURRENT_UPDATE' } });
    expect((await api.prisma.proposal.findUniqueOrThrow({ where: { id: p.id } })).status).toBe('REJECTED');
    expect(await api.prisma.proposalStatusChange.count({ where: { proposalId: p.id } })).toBe(4);
  });

  it('answers unknown proposals with NOT_FOUND and a bad outcome with BAD_USER_INPUT', async () => {
    expect((await act(424242, { step: 'verify' })).error?.extensions?.code).toBe('NOT_FOUND');
    expect((await act(424242, { step: 'decide', decision: 'REJECTED' })).error?.extensions?.code).toBe('NOT_FOUND');
    expect((await act(1, { step: 'groundCheck', outcome: 'MAYBE' })).error?.extensions?.code).toBe('BAD_USER_INPUT');
    const { data } = await call<{ proposal: ProposalData | null }>('{ proposal(id: 424242) { id } }');
    expect(data?.proposal).toBeNull();
  });
});

describe('proposals', () => {
  const LIST = `query($filter: ProposalFilter, $first: Int, $after: String) {
    proposals(filter: $filter, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id kind status villageCode history { status } groundCheckOutcome family { id } village { code } } }
    } }`;
  interface Page {
    proposals: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
      edges: { cursor: string; node: { id: number; kind: string; status: string; villageCode: string; history: { status: string }[] } }[];
    };
  }
  let ids: number[] = [];

  beforeAll(async () => {
    await clearProposals();
    const made = [
      await submit({ kind: 'USULAN', path: 'PARTICIPATORY', familyId: 2, programCode: 'PKH' }), // Sukarasa, Kota Bandung
      await submit({ kind: 'USULAN', path: 'PARTICIPATORY', familyId: 3 }), // Wanaherang, Kab. Bogor (Dukcapil village)
      await submit({ kind: 'SANGGAH', path: 'PARTICIPATORY', familyId: 1, programCode: 'PKH' }), // Wanaherang
      await submit({ kind: 'DESIL_UPDATE', path: 'PARTICIPATORY', familyId: 1, villageCode: '32.01.01.1002' }), // Karadenan
      await submit({ kind: 'PBI_REACTIVATION', path: 'FORMAL', familyId: 3, note: 'letters' }), // Wanaherang
    ];
    ids = made.map((p) => p.id);
    await step(ids[2]!, { step: 'verify' });
  });

  it('filters by region at every level, kind, path, status and program, counting in SQL', async () => {
    const total = async (filter: Record<string, unknown>) => (await call<Page>(LIST, { filter })).data!.proposals.totalCount;
    expect(await total({})).toBe(5);
    expect(await total({ regionCode: 'ID' })).toBe(5);
    expect(await total({ regionCode: '32' })).toBe(5);
    expect(await total({ regionCode: '33' })).toBe(0);
    expect(await total({ regionCode: '32.01' })).toBe(4);
    expect(await total({ regionCode: '32.73' })).toBe(1);
    expect(await total({ regionCode: '32.01.01' })).toBe(1);
    expect(await total({ regionCode: '32.01.02' })).toBe(3);
    expect(await total({ regionCode: '32.01.02.2001' })).toBe(3);
    expect(await total({ kind: 'USULAN' })).toBe(2);
    expect(await total({ path: 'FORMAL' })).toBe(1);
    expect(await total({ status: 'VERIFIED' })).toBe(1);
    expect(await total({ programCode: 'PKH' })).toBe(2);
    expect(await total({ programCode: 'PBI_JKN', regionCode: '32.01' })).toBe(1);
    expect(await total({ submittedVersionId: 3 })).toBe(5);
    expect(await total({ submittedVersionId: 2 })).toBe(0);
  });

  it('pages forward with cursors, each proposal exactly once in id order', async () => {
    const seen: number[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const result: { data: Page | null | undefined; errors: ApiError[] | undefined } = await call<Page>(LIST, { first: 2, after });
      expect(result.errors).toBeUndefined();
      const page: Page['proposals'] = result.data!.proposals;
      expect(page.totalCount).toBe(5);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...page.edges.map((e) => e.node.id));
      pages += 1;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(ids);
    expect(pages).toBe(3);
  });

  it('loads the history of a whole page in one batch: the statement count does not grow with the page', async () => {
    const count = async (first: number) => {
      api.resetStatementCount();
      const { data, errors } = await call<Page>(LIST, { first });
      expect(errors).toBeUndefined();
      expect(data!.proposals.edges).toHaveLength(first);
      return api.statementCount();
    };
    const small = await count(1);
    expect(await count(5)).toBe(small);
    const { data } = await call<Page>(LIST, { first: 5 });
    expect(data!.proposals.edges[2]!.node.history.map((h) => h.status)).toEqual(['SUBMITTED', 'VERIFIED']);
  });

  it('answers bad arguments with BAD_USER_INPUT and unknown regions or versions with NOT_FOUND', async () => {
    const code = async (variables: Record<string, unknown>) => (await call<Page>(LIST, variables)).errors?.[0]?.extensions;
    expect(await code({ first: 0 })).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    expect(await code({ first: 101 })).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    expect(await code({ after: 'not-a-cursor' })).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    expect(await code({ filter: { regionCode: 'Bogor' } })).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.regionCode' });
    expect(await code({ filter: { regionCode: '99' } })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await code({ filter: { submittedVersionId: 99 } })).toMatchObject({ code: 'NOT_FOUND' });
  });
});
