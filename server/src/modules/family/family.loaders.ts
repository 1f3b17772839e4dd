import DataLoader from 'dataloader';
import { familyVersionCacheKey, type FamilyService, type FamilyVersionKey } from './family.service.js';
import type { FamilyStateView, IndividualView } from './family.type.js';

/** Per-request loaders of a family's data in a version: one query per batch, never one per family. */
export interface FamilyLoaders {
  /** State in force for a family in a version (null when none). */
  familyState: DataLoader<FamilyVersionKey, FamilyStateView | null, string>;
  /** Members of a family in a version. */
  familyMembers: DataLoader<FamilyVersionKey, IndividualView[], string>;
}

export function createFamilyLoaders(service: FamilyService): FamilyLoaders {
  return {
    familyState: new DataLoader((keys) => service.getStatesByFamilyVersions(keys), { cacheKeyFn: familyVersionCacheKey }),
    familyMembers: new DataLoader((keys) => service.getMembersByFamilyVersions(keys), { cacheKeyFn: familyVersionCacheKey }),
  };
}
