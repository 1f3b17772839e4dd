import type { DatabaseConfig } from '../../config.js';
import type { AtlasPrisma } from '../../db/prisma.js';
import { dialect, prismaRunner, type SqlRunner } from '../../db/sql-runner.js';
import { Prisma } from '../../generated/prisma/sqlite/client.js';
import { openIdentifier, type IdentifierKeys } from '../../domain/identifiers.js';
import { maskName } from '../../domain/masking.js';
import { BadUserInputError } from '../../graphql/errors.js';
import { encodeIdCursor } from '../../graphql/relay.js';
import { NATION_CODE } from '../region/region.logic.js';
import type { ProgramCode } from '../program/program.enums.js';
import type { ProposalView } from '../proposal/proposal.type.js';
import type { RegionService } from '../region/region.service.js';
import type { VersionService } from '../version/version.service.js';
import type { ExclusionCriterionCode, FamilySource, Relationship, Sex, Education, WorkStatus } from './family.enums.js';
import { desilSelection, desilsOf, pageOf, pageWindow, yearOfLabel, type PageArgs } from './family.logic.js';
import { familyCountSql, familyPageSql, type FamilyQuery, type RegionSelection } from './family.sql.js';
import type {
  EnrollmentView,
  ExclusionFlagView,
  FamilyConnectionView,
  FamilyStateView,
  FamilyView,
  IndividualView,
} from './family.type.js';

/** Key of the per-version loaders: a family in a version. */
export interface FamilyVersionKey {
  familyId: number;
  versionId: number;
}

/** Cache key of {@link FamilyVersionKey} for DataLoader. */
export const familyVersionCacheKey = (key: FamilyVersionKey): string => `${key.familyId}@${key.versionId}`;

const stateSelect = {
  familyId: true,
  validFromVersionId: true,
  validToVersionId: true,
  villageCode: true,
  memberCount: true,
  incomeMonthly: true,
  wallType: true,
  floorType: true,
  roofType: true,
  floorAreaM2: true,
  electricityVa: true,
  waterSource: true,
  sanitation: true,
  cookingFuel: true,
  houseOwnership: true,
  landM2: true,
  motorcycles: true,
  cars: true,
  goldGrams: true,
  savingsRp: true,
  loansRp: true,
  pmtScore: true,
  nationalRank: true,
  desil: true,
  groundCheckStatus: true,
} as const;

interface FamilyRow {
  id: number;
  kkMasked: string;
  source: FamilySource;
  villageCode: string;
}

interface IndividualRow {
  id: number;
  nikMasked: string;
  name: string;
  relationship: Relationship;
  sex: Sex;
  birthDate: Date;
  education: Education;
  workStatus: WorkStatus;
  disability: boolean;
  chronicIllness: boolean;
  deceased: boolean;
  fromVersionId: number;
  toVersionId: number | null;
}

const individualSelect = {
  id: true,
  familyId: true,
  nikMasked: true,
  name: true,
  relationship: true,
  sex: true,
  birthDate: true,
  education: true,
  workStatus: true,
  disability: true,
  chronicIllness: true,
  deceased: true,
  fromVersionId: true,
  toVersionId: true,
} as const;

/** The `families` filter after GraphQL decoding. */
export interface FamiliesFilterInput {
  regionCode?: string | null;
  desil?: number[] | null;
  desilMin?: number | null;
  desilMax?: number | null;
  programCode?: FamilyQuery['programCode'];
  targetingClass?: FamilyQuery['targetingClass'];
  exclusionCriterion?: ExclusionCriterionCode | null;
  groundCheckStatus?: string | null;
  source?: string | null;
}

export interface FamiliesInput extends PageArgs {
  versionId?: number | null;
  filter?: FamiliesFilterInput | null;
}

/** A row of the flags statement (integers may come back as bigint, booleans as 0/1 on SQLite). */
interface FlagRow {
  familyId: number | bigint;
  id: number | bigint;
  individualId: number | bigint;
  criterionCode: ExclusionCriterionCode;
  observedVersionId: number | bigint;
  clearedVersionId: number | bigint | null;
  criterionName: string;
  excludesFamily: boolean | number | bigint;
  sortOrder: number | bigint;
}

/** Groups rows by family id, in the order of `familyIds`. */
function byFamily<T extends { familyId: number }>(familyIds: readonly number[], rows: readonly T[]): T[][] {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const group = groups.get(row.familyId);
    if (group) group.push(row);
    else groups.set(row.familyId, [row]);
  }
  return familyIds.map((id) => groups.get(id) ?? []);
}

/** The masked KK number: the clear number leaves this service only through `getClearKkByFamilyIds`. */
function toFamilyView(row: FamilyRow, versionId: number): FamilyView {
  return { id: row.id, kkMasked: row.kkMasked, source: row.source, dukcapilVillageCode: row.villageCode, versionId };
}

/** Masked NIK and name: the clear values leave this service only through `getClearIdentitiesByIndividualIds`. */
function toIndividualView(row: IndividualRow): IndividualView {
  return {
    id: row.id,
    nikMasked: row.nikMasked,
    nameMasked: maskName(row.name),
    relationship: row.relationship,
    sex: row.sex,
    birthYear: row.birthDate.getUTCFullYear(),
    education: row.education,
    workStatus: row.workStatus,
    disability: row.disability,
    chronicIllness: row.chronicIllness,
    deceased: row.deceased,
    fromVersionId: row.fromVersionId,
    toVersionId: row.toVersionId,
  };
}

/** A state row as the API shows it: savings and loans are BIGINT columns (rupiah beyond 32 bits), read as bigint. */
function toStateView<T extends { savingsRp: bigint; loansRp: bigint }>(row: T): Omit<T, 'savingsRp' | 'loansRp'> & { savingsRp: number; loansRp: number } {
  return { ...row, savingsRp: Number(row.savingsRp), loansRp: Number(row.loansRp) };
}

/** Groups keys by version so that each batch costs one query per distinct version (usually one). */
function groupByVersion(keys: readonly FamilyVersionKey[]): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  for (const { familyId, versionId } of keys) {
    const ids = groups.get(versionId);
    if (ids) ids.push(familyId);
    else groups.set(versionId, [familyId]);
  }
  return groups;
}

/**
 * Families, their temporal welfare state, members, memberships, flags and proposals, as of a DTSEN version, and the
 * registry's paginated list of families. Personal data is masked. Batch functions (`get...By...`) answer one query for
 * many keys, in the order of their input, for the per-request DataLoaders in `family.loaders.ts`.
 */
export class FamilyService {
  /** The registry's raw statements (family.sql.ts), through Prisma's connection on either engine. */
  private readonly sql: SqlRunner;

  constructor(
    private readonly prisma: AtlasPrisma,
    private readonly versions: VersionService,
    private readonly regions: RegionService,
    private readonly provider: DatabaseConfig['provider'],
    /** Keys the stored NIK/KK were sealed with; only the clear-identifier batches open them. */
    private readonly identifierKeys: IdentifierKeys,
  ) {
    this.sql = prismaRunner(prisma, provider);
  }

  /**
   * A page of the families in DTSEN at a version (default: latest published) matching the filter, ordered by id,
   * in ONE statement (family.sql.ts). `BadUserInputError` for malformed arguments or cursors, `NotFoundError` for an
   * unknown version or region.
   */
  async listFamilies(input: FamiliesInput): Promise<FamilyConnectionView> {
    const window = pageWindow(input);
    const filter = input.filter ?? {};
    const desil = desilSelection(filter);
    if (filter.targetingClass && !filter.programCode) {
      throw new BadUserInputError('filter.programCode', 'targetingClass needs programCode: the program whose class is filtered on');
    }
    const [version, region] = await Promise.all([
      this.versions.resolveVersion(input.versionId),
      filter.regionCode === undefined || filter.regionCode === null || filter.regionCode === NATION_CODE
        ? Promise.resolve(null)
        : this.regions.requireRegion(filter.regionCode, 'filter.regionCode'),
    ]);
    const query: FamilyQuery = {
      versionId: version.id,
      year: yearOfLabel(version.label),
      region: region === null ? null : { code: region.code, level: region.level as RegionSelection['level'] },
      desil,
      programCode: filter.programCode ?? null,
      targetingClass: filter.targetingClass ?? null,
      exclusionCriterion: filter.exclusionCriterion ?? null,
      groundCheckStatus: filter.groundCheckStatus ?? null,
      source: filter.source ?? null,
    };
    const { sql, params } = familyPageSql(query, window, dialect(this.provider));
    const rows = await this.sql.all<FamilyRow & { probe: number }>(sql, params);
    const page = pageOf(
      window,
      rows.map((row) => ({ id: Number(row.id), probe: Number(row.probe) === 1, item: toFamilyView({ ...row, id: Number(row.id) }, version.id) })),
    );
    const edges = page.items.map((node) => ({ cursor: encodeIdCursor(node.id), node }));
    return {
      edges,
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: page.hasPreviousPage,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      query,
      versionPublished: version.status === 'PUBLISHED',
    };
  }

  /**
   * Number of families matching a page's filter, in one statement: read from `desil_rollup` when only region and
   * desil conditions are given and the version is published (the rollup counts exactly the families with a state in
   * force, by the village of that state), else counted in SQL.
   */
  async countFamilies(connection: Pick<FamilyConnectionView, 'query' | 'versionPublished'>): Promise<number> {
    const q = connection.query;
    const rollupCovers =
      connection.versionPublished &&
      q.programCode === null && q.targetingClass === null && q.exclusionCriterion === null && q.groundCheckStatus === null && q.source === null;
    if (rollupCovers) {
      const sum = await this.prisma.desilRollup.aggregate({
        _sum: { families: true },
        where: { versionId: q.versionId, regionCode: q.region?.code ?? NATION_CODE, desil: { in: desilsOf(q.desil) } },
      });
      return sum._sum.families ?? 0;
    }
    const { sql, params } = familyCountSql(q, dialect(this.provider));
    const row = await this.sql.get<{ n: number }>(sql, params);
    return row?.n ?? 0;
  }

  /** Batch: each family in its version (null when unknown), in input order; for loaders of other modules' results. */
  async getFamiliesByVersionKeys(keys: readonly FamilyVersionKey[]): Promise<(FamilyView | null)[]> {
    const ids = [...new Set(keys.map((k) => k.familyId))];
    const rows = await this.prisma.family.findMany({ select: { id: true, kkMasked: true, source: true, villageCode: true }, where: { id: { in: ids } } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return keys.map((key) => {
      const row = byId.get(key.familyId);
      return row ? toFamilyView(row, key.versionId) : null;
    });
  }

  /**
   * Batch: the clear family-card number (KK) of each family (null when unknown), in input order. Only for callers
   * allowed clear identifiers (`Family.kk`, CLEAR_IDENTIFIERS); everything else gets the masked form.
   */
  async getClearKkByFamilyIds(familyIds: readonly number[]): Promise<(string | null)[]> {
    const rows = await this.prisma.family.findMany({ select: { id: true, kkSealed: true }, where: { id: { in: [...familyIds] } } });
    const byId = new Map(rows.map((row) => [row.id, openIdentifier(this.identifierKeys, row.kkSealed)]));
    return familyIds.map((id) => byId.get(id) ?? null);
  }

  /** Batch: the clear NIK and name of each person (null when unknown), in input order; as {@link getClearKkByFamilyIds}. */
  async getClearIdentitiesByIndividualIds(individualIds: readonly number[]): Promise<({ nik: string; name: string } | null)[]> {
    const rows = await this.prisma.individual.findMany({ select: { id: true, nikSealed: true, name: true }, where: { id: { in: [...individualIds] } } });
    const byId = new Map(rows.map((row) => [row.id, { nik: openIdentifier(this.identifierKeys, row.nikSealed), name: row.name }]));
    return individualIds.map((id) => byId.get(id) ?? null);
  }

  /** Batch: calendar year of each version (ages are completed years in it); null when the version is unknown. */
  async getVersionYears(versionIds: readonly number[]): Promise<(number | null)[]> {
    const versions = await this.versions.getVersionsByIds(versionIds);
    return versions.map((v) => (v ? yearOfLabel(v.label) : null));
  }

  /** Batch: every person ever on each family's card, in any version, ordered by id. */
  async getAllMembersByFamilyIds(familyIds: readonly number[]): Promise<IndividualView[][]> {
    const rows = await this.prisma.individual.findMany({
      select: individualSelect,
      where: { familyId: { in: [...familyIds] } },
      orderBy: { id: 'asc' },
    });
    return byFamily(familyIds, rows).map((group) => group.map(toIndividualView));
  }

  /** Batch: every state of each family across versions (its history), ordered by first version. */
  async getHistoryByFamilyIds(familyIds: readonly number[]): Promise<FamilyStateView[][]> {
    const rows = await this.prisma.familyState.findMany({
      select: stateSelect,
      where: { familyId: { in: [...familyIds] } },
      orderBy: [{ familyId: 'asc' }, { validFromVersionId: 'asc' }],
    });
    return byFamily(familyIds, rows.map(toStateView));
  }

  /** Batch: every program membership of each family or its people (with the program), by start version and id. */
  async getEnrollmentsByFamilyIds(familyIds: readonly number[]): Promise<Omit<EnrollmentView, 'activeAtVersion'>[][]> {
    const rows = await this.prisma.enrollment.findMany({
      select: {
        id: true,
        familyId: true,
        individualId: true,
        regencyCode: true,
        startVersionId: true,
        endVersionId: true,
        startReason: true,
        endReason: true,
        memberSinceYear: true,
        program: {
          select: {
            code: true, name: true, unit: true, desilMin: true, desilMax: true, nationalQuota: true, maxYears: true,
            admitsOutsideDtsen: true, legalBasis: true,
          },
        },
      },
      where: { familyId: { in: [...familyIds] } },
      orderBy: [{ startVersionId: 'asc' }, { id: 'asc' }],
    });
    return byFamily(familyIds, rows);
  }

  /** Batch: every proposal concerning each family (usulan, sanggah, desil update, PBI reactivation), by id. */
  async getProposalsByFamilyIds(familyIds: readonly number[]): Promise<ProposalView[][]> {
    const rows = await this.prisma.proposal.findMany({
      select: {
        id: true, kind: true, path: true, status: true, familyId: true, programCode: true, villageCode: true, regencyCode: true,
        submittedVersionId: true, submittedAt: true, decidedAt: true,
      },
      where: { familyId: { in: [...familyIds] } },
      orderBy: { id: 'asc' },
    });
    return byFamily(familyIds, rows.map((row) => ({ ...row, programCode: row.programCode as ProgramCode | null })));
  }

  /**
   * Batch: every exclusion flag of each family's people (any version), with its criterion, by person, version and id.
   * One joined statement (Prisma's nested selects would cost one statement per relation).
   */
  async getFlagsByFamilyIds(familyIds: readonly number[]): Promise<ExclusionFlagView[][]> {
    if (familyIds.length === 0) return [];
    const rows = await this.prisma.$queryRaw<FlagRow[]>`
      SELECT i.family_id AS "familyId", x.id AS id, x.individual_id AS "individualId", x.criterion_code AS "criterionCode",
             x.observed_version_id AS "observedVersionId", x.cleared_version_id AS "clearedVersionId",
             c.name_en AS "criterionName", c.excludes_family AS "excludesFamily", c.sort_order AS "sortOrder"
      FROM exclusion_flag x JOIN individual i ON i.id = x.individual_id JOIN exclusion_criterion c ON c.code = x.criterion_code
      WHERE i.family_id IN (${Prisma.join([...familyIds])})
      ORDER BY x.individual_id, x.observed_version_id, x.id`;
    const flags = rows.map((row) => ({
      familyId: Number(row.familyId),
      id: Number(row.id),
      individualId: Number(row.individualId),
      criterionCode: row.criterionCode,
      criterionName: row.criterionName,
      excludesFamily: Boolean(row.excludesFamily),
      sortOrder: Number(row.sortOrder),
      observedVersionId: Number(row.observedVersionId),
      clearedVersionId: row.clearedVersionId === null ? null : Number(row.clearedVersionId),
    }));
    return byFamily(familyIds, flags).map((group) =>
      group.map((flag): ExclusionFlagView => ({
        id: flag.id, individualId: flag.individualId, criterionCode: flag.criterionCode, criterionName: flag.criterionName,
        excludesFamily: flag.excludesFamily, sortOrder: flag.sortOrder, observedVersionId: flag.observedVersionId, clearedVersionId: flag.clearedVersionId,
      })),
    );
  }


  /**
   * The family with this id, as of `versionId` (default: latest published). Null when the family is unknown;
   * `NotFoundError` when the version is unknown.
   */
  async getFamily(id: number, versionId?: number | null): Promise<FamilyView | null> {
    const [version, row] = await Promise.all([
      this.versions.resolveVersion(versionId),
      this.prisma.family.findUnique({ select: { id: true, kkMasked: true, source: true, villageCode: true }, where: { id } }),
    ]);
    return row ? toFamilyView(row, version.id) : null;
  }

  /** Batch: the state in force for each family in its version (null when none, e.g. NON_DTSEN), in input order. */
  async getStatesByFamilyVersions(keys: readonly FamilyVersionKey[]): Promise<(FamilyStateView | null)[]> {
    const found = new Map<string, FamilyStateView>();
    for (const [versionId, familyIds] of groupByVersion(keys)) {
      const rows = await this.prisma.familyState.findMany({
        select: stateSelect,
        where: {
          familyId: { in: familyIds },
          validFromVersionId: { lte: versionId },
          OR: [{ validToVersionId: null }, { validToVersionId: { gt: versionId } }],
        },
        orderBy: { validFromVersionId: 'asc' },
      });
      // Ranges of one family do not overlap; should they, the most recent start wins (ascending order).
      for (const row of rows) found.set(familyVersionCacheKey({ familyId: row.familyId, versionId }), toStateView(row));
    }
    return keys.map((key) => found.get(familyVersionCacheKey(key)) ?? null);
  }

  /** Batch: the members of each family in its version, ordered by id, in input order. */
  async getMembersByFamilyVersions(keys: readonly FamilyVersionKey[]): Promise<IndividualView[][]> {
    const found = new Map<string, IndividualView[]>();
    for (const [versionId, familyIds] of groupByVersion(keys)) {
      const rows = await this.prisma.individual.findMany({
        select: individualSelect,
        where: {
          familyId: { in: familyIds },
          fromVersionId: { lte: versionId },
          OR: [{ toVersionId: null }, { toVersionId: { gt: versionId } }],
        },
        orderBy: { id: 'asc' },
      });
      for (const row of rows) {
        const key = familyVersionCacheKey({ familyId: row.familyId, versionId });
        const members = found.get(key);
        if (members) members.push(toIndividualView(row));
        else found.set(key, [toIndividualView(row)]);
      }
    }
    return keys.map((key) => found.get(familyVersionCacheKey(key)) ?? []);
  }
}
