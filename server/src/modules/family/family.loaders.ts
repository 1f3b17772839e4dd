import DataLoader from 'dataloader';
import { familyVersionCacheKey, type FamilyService, type FamilyVersionKey } from './family.service.js';
import type { ProposalView } from '../proposal/proposal.type.js';
import type { EnrollmentView, ExclusionFlagView, FamilyStateView, FamilyView, IndividualView } from './family.type.js';

/** Per-request loaders of a family's data: one query per batch, never one per family. */
export interface FamilyLoaders {
  /** A family as of a version (null when unknown), e.g. for lists of other modules that name families by id. */
  familyById: DataLoader<FamilyVersionKey, FamilyView | null, string>;
  /** State in force for a family in a version (null when none). */
  familyState: DataLoader<FamilyVersionKey, FamilyStateView | null, string>;
  /** Members of a family in a version. */
  familyMembers: DataLoader<FamilyVersionKey, IndividualView[], string>;
  /** Everyone ever on a family's card, by family id. */
  familyAllMembers: DataLoader<number, IndividualView[]>;
  /** Every state of a family across versions, by family id. */
  familyHistory: DataLoader<number, FamilyStateView[]>;
  /** Every program membership of a family or its people, by family id. */
  familyEnrollments: DataLoader<number, Omit<EnrollmentView, 'activeAtVersion'>[]>;
  /** Every exclusion flag of a family's people, by family id. */
  familyFlags: DataLoader<number, ExclusionFlagView[]>;
  /** Every proposal concerning a family, by family id. */
  familyProposals: DataLoader<number, ProposalView[]>;
  /** Clear KK number of a family (CLEAR_IDENTIFIERS only). */
  familyClearKk: DataLoader<number, string | null>;
  /** Clear NIK and name of a person (CLEAR_IDENTIFIERS only). */
  individualClearIdentity: DataLoader<number, { nik: string; name: string } | null>;
  /** Calendar year of a version (null when unknown), for ages at that version. */
  versionYear: DataLoader<number, number | null>;
}

export function createFamilyLoaders(service: FamilyService): FamilyLoaders {
  return {
    familyById: new DataLoader((keys) => service.getFamiliesByVersionKeys(keys), { cacheKeyFn: familyVersionCacheKey }),
    familyState: new DataLoader((keys) => service.getStatesByFamilyVersions(keys), { cacheKeyFn: familyVersionCacheKey }),
    familyMembers: new DataLoader((keys) => service.getMembersByFamilyVersions(keys), { cacheKeyFn: familyVersionCacheKey }),
    familyAllMembers: new DataLoader((ids) => service.getAllMembersByFamilyIds(ids)),
    familyHistory: new DataLoader((ids) => service.getHistoryByFamilyIds(ids)),
    familyEnrollments: new DataLoader((ids) => service.getEnrollmentsByFamilyIds(ids)),
    familyFlags: new DataLoader((ids) => service.getFlagsByFamilyIds(ids)),
    familyProposals: new DataLoader((ids) => service.getProposalsByFamilyIds(ids)),
    familyClearKk: new DataLoader((ids) => service.getClearKkByFamilyIds(ids)),
    individualClearIdentity: new DataLoader((ids) => service.getClearIdentitiesByIndividualIds(ids)),
    versionYear: new DataLoader((ids) => service.getVersionYears(ids)),
  };
}
