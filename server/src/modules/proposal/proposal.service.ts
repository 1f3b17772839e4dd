import type { AtlasPrisma } from '../../db/prisma.js';
import type { Prisma } from '../../generated/prisma/sqlite/client.js';
import {
  checkDecision,
  checkNote,
  checkTransition,
  OPEN_STATUSES,
  PROPOSAL_KIND_RULES,
  resolveProgram,
  validateSubmission,
  type GroundCheckOutcome,
  type ProposalState,
  type ProposalStatus,
  type WorkflowResult,
} from '../../domain/proposal-workflow.js';
import type { Principal } from '../../domain/access.js';
import type { ProgramCode } from '../../domain/programs.js';
import { BadUserInputError, ConflictError, NotFoundError } from '../../graphql/errors.js';
import { decodeIdCursor, encodeIdCursor } from '../../graphql/relay.js';
import { assertRegionInScope } from '../auth/auth-checker.js';
import type { RegionService } from '../region/region.service.js';
import type { VersionService } from '../version/version.service.js';
import type { ProposalDecision, ProposalKind, ProposalPath } from './proposal.enums.js';
import { PROPOSALS_MAX_PAGE, regionCondition, unwrap } from './proposal.logic.js';
import type { ProposalConnectionView, ProposalStatusChangeView, ProposalView } from './proposal.type.js';

/** `submitProposal` input after GraphQL decoding. */
export interface SubmitProposal {
  kind: ProposalKind;
  path: ProposalPath;
  familyId: number;
  programCode?: ProgramCode | null;
  villageCode?: string | null;
  note?: string | null;
}

/** `proposals(filter)` after GraphQL decoding. */
export interface ProposalListFilter {
  regionCode?: string | null;
  kind?: ProposalKind | null;
  path?: ProposalPath | null;
  status?: ProposalStatus | null;
  programCode?: ProgramCode | null;
  submittedVersionId?: number | null;
}

const proposalSelect = {
  id: true,
  kind: true,
  path: true,
  status: true,
  familyId: true,
  programCode: true,
  villageCode: true,
  regencyCode: true,
  submittedVersionId: true,
  submittedAt: true,
  decidedAt: true,
} as const;

type ProposalRow = Omit<ProposalView, 'programCode'> & { programCode: string | null };

/** The column holds codes written from the program rules (generator, `submitProposal`). */
const toView = (row: ProposalRow): ProposalView => ({ ...row, programCode: row.programCode as ProgramCode | null });

/** The interactive-transaction client Prisma hands to `$transaction(async (tx) => ...)`. */
type Tx = Parameters<Parameters<AtlasPrisma['$transaction']>[0]>[0];

/**
 * Proposals on the DTSEN update paths: submission and each step of the workflow (domain/proposal-workflow.ts
 * decides; this service gathers the facts, writes, and maps rule violations to API errors), and their listing.
 * The single entry point of the proposal mutations: besides the field's right (PROPOSALS_WRITE, checked by the auth
 * checker), each mutation checks here that the proposal, its family and its village lie in the caller's region
 * (`principal`; null = no regional limit, e.g. scripts and tests).
 */
export class ProposalService {
  constructor(
    private readonly prisma: AtlasPrisma,
    private readonly versions: VersionService,
    private readonly regions: RegionService,
  ) {}

  /**
   * Submits a proposal now, with its first status row. Its facts (the family's village, whether it receives the
   * program) are read at the latest published version; it belongs to the version being prepared (the next draft
   * version, whose publication counts it in the proposals funnel), or to the latest published version when no draft
   * exists. BAD_USER_INPUT when an
   * input breaks its kind's rule, NOT_FOUND for an unknown family or village, CONFLICT DUPLICATE_OPEN_PROPOSAL when
   * the family has an open proposal of the same kind (and program).
   */
  async submit(input: SubmitProposal, principal: Principal | null = null): Promise<ProposalView> {
    const programCode = unwrap(resolveProgram(input.kind, input.programCode ?? null, 'input.programCode'));
    unwrap(checkNote(input.note ?? null, 'input.note'));
    const [version, draft] = await Promise.all([this.versions.resolveVersion(), this.versions.nextDraft()]);
    const family = await this.prisma.family.findUnique({ select: { id: true, villageCode: true }, where: { id: input.familyId } });
    if (!family) throw new NotFoundError('Family', input.familyId);
    const rule = PROPOSAL_KIND_RULES[input.kind];
    const inForce = { startVersionId: { lte: version.id }, OR: [{ endVersionId: null }, { endVersionId: { gt: version.id } }] };
    const [state, recipient, ended] = await Promise.all([
      this.prisma.familyState.findFirst({
        select: { villageCode: true },
        where: { familyId: family.id, validFromVersionId: { lte: version.id }, OR: [{ validToVersionId: null }, { validToVersionId: { gt: version.id } }] },
        orderBy: { validFromVersionId: 'desc' },
      }),
      rule.requiresRecipient && programCode !== null
        ? this.prisma.enrollment.findFirst({ select: { id: true }, where: { familyId: family.id, programCode, ...inForce } })
        : null,
      rule.requiresEndedMembership && programCode !== null
        ? this.prisma.enrollment.findFirst({ select: { id: true }, where: { familyId: family.id, programCode, endVersionId: { lte: version.id } } })
        : null,
    ]);
    const village = await this.requireVillage(input.villageCode ?? state?.villageCode ?? family.villageCode, input.villageCode != null);
    // A user limited to a region proposes only for families living in it, in its villages.
    assertRegionInScope(principal, state?.villageCode ?? family.villageCode);
    assertRegionInScope(principal, village.code);

    // The duplicate check and the insert share one transaction, so two equal submissions cannot both pass it.
    return this.prisma.$transaction(async (tx) => {
      const duplicate = await tx.proposal.findFirst({
        select: { id: true },
        where: { familyId: family.id, kind: input.kind, programCode, status: { in: [...OPEN_STATUSES] } },
        orderBy: { id: 'asc' },
      });
      const accepted = unwrap(
        validateSubmission(
          { kind: input.kind, path: input.path, programCode, note: input.note ?? null },
          { inDtsen: state !== null, recipientOfProgram: recipient !== null, endedMembership: ended !== null, openDuplicateId: duplicate?.id ?? null },
          { familyId: 'input.familyId', programCode: 'input.programCode', note: 'input.note' },
        ),
      );
      const at = new Date();
      return toView(
        await tx.proposal.create({
          select: proposalSelect,
          data: {
            kind: input.kind,
            path: input.path,
            status: 'SUBMITTED',
            familyId: family.id,
            programCode: accepted.programCode,
            villageCode: village.code,
            regencyCode: village.regencyCode,
            submittedVersionId: (draft ?? version).id,
            submittedAt: at,
            history: { create: { status: 'SUBMITTED', at, note: accepted.note } },
          },
        }),
      );
    });
  }

  /** SUBMITTED -> VERIFIED (passed central verification). */
  async verify(id: number, note?: string | null, principal: Principal | null = null): Promise<ProposalView> {
    const text = unwrap(checkNote(note ?? null));
    return this.advance(id, principal, 'VERIFIED', text, (state) => checkTransition(state.status, 'VERIFIED'));
  }

  /** VERIFIED -> GROUND_CHECKED, recording what the check found. */
  async recordGroundCheck(id: number, outcome: GroundCheckOutcome, note?: string | null, principal: Principal | null = null): Promise<ProposalView> {
    const text = unwrap(checkNote(note ?? null));
    return this.advance(id, principal, 'GROUND_CHECKED', text, (state) => checkTransition(state.status, 'GROUND_CHECKED'), outcome);
  }

  /** GROUND_CHECKED -> APPROVED/REJECTED, or SUBMITTED -> REJECTED (failed verification). */
  async decide(id: number, decision: ProposalDecision, note?: string | null, principal: Principal | null = null): Promise<ProposalView> {
    const text = unwrap(checkNote(note ?? null));
    return this.advance(id, principal, decision, text, (state) => checkDecision(state, decision));
  }

  /** The proposal with this id; null when unknown. */
  async getProposal(id: number): Promise<ProposalView | null> {
    const row = await this.prisma.proposal.findUnique({ select: proposalSelect, where: { id } });
    return row ? toView(row) : null;
  }

  /** A page of proposals matching the filter, in id order, with the total count (counted in SQL). */
  async listProposals(filter: ProposalListFilter | null | undefined, first: number, after?: string | null): Promise<ProposalConnectionView> {
    if (!Number.isInteger(first) || first < 1 || first > PROPOSALS_MAX_PAGE) {
      throw new BadUserInputError('first', `first must be between 1 and ${PROPOSALS_MAX_PAGE}, got ${first}`);
    }
    const afterId = after === null || after === undefined ? null : decodeIdCursor(after, 'after');
    const where = await this.whereOf(filter ?? {});
    const [rows, totalCount, before] = await Promise.all([
      this.prisma.proposal.findMany({
        select: proposalSelect,
        where: afterId === null ? where : { AND: [where, { id: { gt: afterId } }] },
        orderBy: { id: 'asc' },
        take: first + 1,
      }),
      this.prisma.proposal.count({ where }),
      afterId === null ? null : this.prisma.proposal.findFirst({ select: { id: true }, where: { AND: [where, { id: { lte: afterId } }] } }),
    ]);
    const page = rows.slice(0, first).map(toView);
    const edges = page.map((node) => ({ cursor: encodeIdCursor(node.id), node }));
    return {
      edges,
      totalCount,
      pageInfo: {
        hasNextPage: rows.length > first,
        hasPreviousPage: before !== null,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }

  /** Batch: the status history of each proposal, oldest first, in input order (one query for all). */
  async getHistoriesByProposalIds(ids: readonly number[]): Promise<ProposalStatusChangeView[][]> {
    const rows = await this.prisma.proposalStatusChange.findMany({
      select: { id: true, proposalId: true, status: true, at: true, note: true, groundCheckOutcome: true },
      where: { proposalId: { in: [...ids] } },
      orderBy: [{ proposalId: 'asc' }, { at: 'asc' }, { id: 'asc' }],
    });
    const byProposal = new Map<number, ProposalStatusChangeView[]>();
    for (const row of rows) {
      const view = row;
      const list = byProposal.get(row.proposalId);
      if (list) list.push(view);
      else byProposal.set(row.proposalId, [view]);
    }
    return ids.map((id) => byProposal.get(id) ?? []);
  }

  /**
   * One workflow step in one transaction: read the proposal (and its ground-check outcome), let the workflow rule
   * decide, move the status only if it is still the one read (a conditional update: of two concurrent steps one
   * wins, the other is a CONFLICT), and append the status row.
   */
  private async advance(
    id: number,
    principal: Principal | null,
    to: ProposalStatus,
    note: string | null,
    rule: (state: ProposalState) => WorkflowResult<ProposalStatus>,
    groundCheckOutcome: GroundCheckOutcome | null = null,
  ): Promise<ProposalView> {
    return this.prisma.$transaction(async (tx) => {
      const state = await this.readState(tx, id);
      assertRegionInScope(principal, state.villageCode);
      unwrap(rule(state));
      const at = new Date();
      const decided = to === 'APPROVED' || to === 'REJECTED';
      const moved = await tx.proposal.updateMany({
        where: { id, status: state.status },
        data: { status: to, ...(decided ? { decidedAt: at } : {}) },
      });
      if (moved.count !== 1) {
        throw new ConflictError('CONCURRENT_UPDATE', `Proposal ${id} changed status while this request ran; read it again`, { from: state.status, to });
      }
      await tx.proposalStatusChange.create({ data: { proposalId: id, status: to, at, note, groundCheckOutcome } });
      return toView(await tx.proposal.findUniqueOrThrow({ select: proposalSelect, where: { id } }));
    });
  }

  private async readState(tx: Tx, id: number): Promise<ProposalState & { villageCode: string }> {
    const row = await tx.proposal.findUnique({ select: { kind: true, status: true, villageCode: true }, where: { id } });
    if (!row) throw new NotFoundError('Proposal', id);
    const check = row.status === 'GROUND_CHECKED'
      ? await tx.proposalStatusChange.findFirst({
        select: { groundCheckOutcome: true },
        where: { proposalId: id, status: 'GROUND_CHECKED' },
        orderBy: { id: 'desc' },
      })
      : null;
    return { kind: row.kind, status: row.status, groundCheckOutcome: check?.groundCheckOutcome ?? null, villageCode: row.villageCode };
  }

  /** The village a proposal is submitted in, with its regency: NOT_FOUND when unknown, BAD_USER_INPUT when not a village. */
  private async requireVillage(code: string, given: boolean): Promise<{ code: string; regencyCode: string }> {
    if (given) this.regions.assertRegionCode(code, 'input.villageCode');
    const region = await this.prisma.region.findUnique({ select: { code: true, level: true, regencyCode: true }, where: { code } });
    if (!region) throw new NotFoundError('Region', code);
    if (region.level !== 'VILLAGE' || region.regencyCode === null) {
      throw new BadUserInputError('input.villageCode', `"${code}" is a ${region.level.toLowerCase()}, not a village (desa/kelurahan)`);
    }
    return { code: region.code, regencyCode: region.regencyCode };
  }

  private async whereOf(filter: ProposalListFilter): Promise<Prisma.ProposalWhereInput> {
    const [region] = await Promise.all([
      filter.regionCode ? this.regions.requireRegion(filter.regionCode, 'filter.regionCode') : null,
      filter.submittedVersionId != null ? this.versions.resolveVersion(filter.submittedVersionId) : null,
    ]);
    return {
      ...(region ? regionCondition(region) : {}),
      ...(filter.kind ? { kind: filter.kind } : {}),
      ...(filter.path ? { path: filter.path } : {}),
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.programCode ? { programCode: filter.programCode } : {}),
      ...(filter.submittedVersionId != null ? { submittedVersionId: filter.submittedVersionId } : {}),
    };
  }
}
