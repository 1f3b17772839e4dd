import type { AtlasPrisma } from '../../db/prisma.js';
import { maskKk, maskName, maskNik } from '../../domain/masking.js';
import type { VersionService } from '../version/version.service.js';
import type { FamilySource, Relationship, Sex, Education, WorkStatus } from './family.enums.js';
import type { FamilyStateView, FamilyView, IndividualView } from './family.type.js';

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
  kk: string;
  source: FamilySource;
  villageCode: string;
}

interface IndividualRow {
  id: number;
  nik: string;
  name: string;
  relationship: Relationship;
  sex: Sex;
  birthDate: Date;
  education: Education;
  workStatus: WorkStatus;
  disability: boolean;
  chronicIllness: boolean;
  deceased: boolean;
}

/** Masks the KK number: the clear number never leaves this service. */
function toFamilyView(row: FamilyRow, versionId: number): FamilyView {
  return { id: row.id, kkMasked: maskKk(row.kk), source: row.source, dukcapilVillageCode: row.villageCode, versionId };
}

/** Masks NIK and name: the clear values never leave this service. */
function toIndividualView(row: IndividualRow): IndividualView {
  return {
    id: row.id,
    nikMasked: maskNik(row.nik),
    nameMasked: maskName(row.name),
    relationship: row.relationship,
    sex: row.sex,
    birthYear: row.birthDate.getUTCFullYear(),
    education: row.education,
    workStatus: row.workStatus,
    disability: row.disability,
    chronicIllness: row.chronicIllness,
    deceased: row.deceased,
  };
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

/** Families, their temporal welfare state and their members, as of a DTSEN version. Personal data is masked. */
export class FamilyService {
  constructor(
    private readonly prisma: AtlasPrisma,
    private readonly versions: VersionService,
  ) {}

  /**
   * The family with this id, as of `versionId` (default: latest published). Null when the family is unknown;
   * `NotFoundError` when the version is unknown.
   */
  async getFamily(id: number, versionId?: number | null): Promise<FamilyView | null> {
    const [version, row] = await Promise.all([
      this.versions.resolveVersion(versionId),
      this.prisma.family.findUnique({ select: { id: true, kk: true, source: true, villageCode: true }, where: { id } }),
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
      for (const row of rows) found.set(familyVersionCacheKey({ familyId: row.familyId, versionId }), row);
    }
    return keys.map((key) => found.get(familyVersionCacheKey(key)) ?? null);
  }

  /** Batch: the members of each family in its version, ordered by id, in input order. */
  async getMembersByFamilyVersions(keys: readonly FamilyVersionKey[]): Promise<IndividualView[][]> {
    const found = new Map<string, IndividualView[]>();
    for (const [versionId, familyIds] of groupByVersion(keys)) {
      const rows = await this.prisma.individual.findMany({
        select: {
          id: true,
          familyId: true,
          nik: true,
          name: true,
          relationship: true,
          sex: true,
          birthDate: true,
          education: true,
          workStatus: true,
          disability: true,
          chronicIllness: true,
          deceased: true,
        },
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
